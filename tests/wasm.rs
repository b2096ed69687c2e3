//! The wasm smoke test: the core, compiled to WebAssembly, formats a thread in a real browser.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn formats_a_pasted_thread_in_the_browser() {
    let html = unspool::wasm::convert("1/ Itâ€™s <b>\n2.3K\n2/ done", "html", JsValue::UNDEFINED)
        .expect("html is a known format");
    assert_eq!(html.matches("<section").count(), 2, "two posts: {html}");
    assert!(
        html.contains("It’s &lt;b&gt;"),
        "repaired and escaped: {html}"
    );
    assert!(!html.contains("2.3K"), "the count is removed: {html}");
}

#[wasm_bindgen_test]
fn unknown_formats_are_errors_not_panics() {
    assert!(unspool::wasm::convert("x", "pdf", JsValue::UNDEFINED).is_err());
}

#[wasm_bindgen_test]
fn composes_and_counts_in_the_browser() {
    assert!(unspool::wasm::split("One.\n---\nTwo.", "bluesky", JsValue::UNDEFINED).is_ok());
    assert!(unspool::wasm::count("Hi http://test.co", "x").is_ok());
    assert!(
        unspool::wasm::split("x", "myspace", JsValue::UNDEFINED).is_err(),
        "an unknown platform is an error, not a panic"
    );
}

/// A JS value from JSON text, as a page would pass it.
fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("the test's JSON is valid")
}

#[wasm_bindgen_test]
fn options_are_read_from_a_plain_object() {
    let md = unspool::wasm::convert(
        "1/ a\n2/ b",
        "markdown",
        js(r#"{"numbering":"(1/n)","title":{"custom":"T"},"platform":"x","merge":false}"#),
    )
    .expect("valid options");
    assert!(md.contains("(1/2)"), "numbering reaches the renderer: {md}");
    assert!(md.starts_with("# T"), "a custom title is read: {md}");
    let null = unspool::wasm::convert("1/ a\n2/ b", "text", JsValue::NULL).expect("null options");
    assert!(null.contains('a'), "null options are the defaults: {null}");
}

#[wasm_bindgen_test]
fn bad_options_are_errors_not_silent_defaults() {
    for bad in [
        r#"{"numbering":"roman"}"#,
        r#"{"merge":"yes"}"#,
        r#"{"title":"chapter"}"#,
        r#"{"platform":"myspace"}"#,
        r#"{"theme":7}"#,
        "5",
    ] {
        assert!(
            unspool::wasm::convert("1/ a", "html", js(bad)).is_err(),
            "options {bad} are refused with an error"
        );
    }
}

#[wasm_bindgen_test]
fn a_formatted_paste_is_rendered_and_edited_inside_the_module() {
    let mut f = unspool::wasm::Formatted::new("1/ first post\n2.3K\n2/ second", JsValue::UNDEFINED)
        .expect("default options");
    let json = f.json();
    assert!(json.contains("\"2.3K\""), "the count is in removed: {json}");
    f.set_post_text(0, "first post #tag".into())
        .expect("post 0 exists");
    let json = f.json();
    assert!(
        json.contains("\"hashtag\""),
        "the edited text's spans are found again: {json}"
    );
    let view = f.view();
    assert!(
        view.contains("first post #tag") && !view.contains("spans"),
        "the view has the posts' text and no spans: {view}"
    );
    assert!(
        f.set_post_text(9, "x".into()).is_err(),
        "a post that is not there is an error, not a panic"
    );
    f.add_post("2.3K".into());
    f.keep_removed(vec![]);
    let text = f
        .render("text", JsValue::UNDEFINED)
        .expect("text is a format");
    assert!(
        text.contains("first post #tag"),
        "renders the edited post: {text}"
    );
    assert!(text.contains("2.3K"), "and the added one: {text}");
    let json = f.json();
    assert!(
        json.contains("\"removed\": []"),
        "the restored line is no longer removed: {json}"
    );
}

#[wasm_bindgen_test]
fn render_thread_reads_back_what_format_returned() {
    // CRLF line endings: one repair with a `count` of 3, which must survive the read-back.
    let paste = "1/ Itâ€™s @ada’s #thread https://example.com\r\n\r\n2/ two 🧵\r\n";
    let thread = unspool::wasm::format_js(paste, JsValue::UNDEFINED).expect("formats");
    let json = unspool::wasm::convert(paste, "json", JsValue::UNDEFINED).expect("converts");
    assert!(
        json.contains("\"count\": 3"),
        "three CRLFs, one repair: {json}"
    );
    for to in ["html", "markdown", "text", "json"] {
        assert_eq!(
            unspool::wasm::render_thread(thread.clone(), to, JsValue::UNDEFINED).expect("reads"),
            unspool::wasm::convert(paste, to, JsValue::UNDEFINED).expect("converts"),
            "renderThread(format(p)) is convert(p) as {to}"
        );
    }
}

#[wasm_bindgen_test]
fn render_thread_refuses_a_malformed_thread() {
    for bad in [
        r#"{"platform":"x","posts":[{"number":-1}],"removed":[],"repairs":[],"warnings":[]}"#,
        r#"{"platform":"x","posts":[],"removed":[],"repairs":[]}"#,
        r#"{"platform":"friendster","posts":[],"removed":[],"repairs":[],"warnings":[]}"#,
        r#""a string""#,
    ] {
        assert!(
            unspool::wasm::render_thread(js(bad), "html", JsValue::UNDEFINED).is_err(),
            "{bad} is an error, not a panic or a guess"
        );
    }
}

#[wasm_bindgen_test]
fn split_reads_its_options() {
    let text = "word ".repeat(60);
    let posts = unspool::wasm::split(&text, "mastodon", js(r#"{"limit":50,"numbering":"1."}"#))
        .expect("valid split options");
    let posts = js_sys::Array::from(&posts);
    assert!(
        posts.length() > 4,
        "a 50-character limit makes several posts"
    );
    assert!(
        unspool::wasm::split(&text, "mastodon", js(r#"{"limit":-3}"#)).is_err(),
        "a negative limit is refused"
    );
}

#[wasm_bindgen_test]
fn nfc_in_the_browser_gives_the_native_answers() {
    // Decomposed é (e + U+0301) is composed, as natively.
    let fixed = unspool::repair::repair("Cafe\u{301} au lait\nsecond line");
    assert_eq!(
        fixed.text, "Caf\u{e9} au lait\nsecond line",
        "é is composed"
    );
    // क + nukta (U+093C) is already NFC (U+0958 is excluded from composition), though the
    // quick check cannot tell: nothing changes.
    let kept = unspool::repair::repair("\u{915}\u{93c} ok\nmore");
    assert_eq!(
        kept.text, "\u{915}\u{93c} ok\nmore",
        "NFC text stays as it is"
    );
    assert!(
        kept.repairs.is_empty(),
        "no repair on NFC text: {:?}",
        kept.repairs
    );
    // The X count normalizes first: decomposed and composed count the same.
    let x = &unspool::compose::X_CONFIG_V3;
    assert_eq!(
        unspool::compose::count_x("Cafe\u{301}", x).weighted_length,
        unspool::compose::count_x("Caf\u{e9}", x).weighted_length,
        "the count sees NFC text"
    );
    // Combining marks join the char before them (the generated mark table).
    assert_eq!(
        unspool::compose::grapheme_len("e\u{301}\u{301}x"),
        5,
        "e and its two marks are one grapheme of 5 bytes"
    );
}

#[wasm_bindgen_test]
fn media_labels_are_capitalized_as_natively() {
    let label = |kind: &str| {
        unspool::render::media_label(&unspool::thread::Media {
            kind: kind.to_owned(),
            alt: None,
        })
    };
    assert_eq!(label("image"), "Image", "a known kind");
    assert_eq!(label("audio clip"), "Audio clip", "ASCII first letter");
    assert_eq!(
        label("éclair"),
        "Éclair",
        "é becomes É, as char::to_uppercase does"
    );
    assert_eq!(
        label("ßx"),
        "SSx",
        "ß uppercases to SS, as char::to_uppercase does"
    );
}

/// The module's allocator (`src/wasm/alloc.rs`) under many allocations of mixed sizes and
/// alignments, freed in a scrambled order and resized: each block is aligned, holds what was
/// written into it until it is freed, and overlaps no other live block.
#[wasm_bindgen_test]
fn the_allocator_keeps_blocks_apart_aligned_and_intact() {
    use std::alloc::{alloc, dealloc, realloc, Layout};
    // A fixed pseudo-random sequence (xorshift), so a failure can be replayed.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below as u64) as usize
    };
    let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
    let check = |ptr: *mut u8, layout: Layout, fill: u8| {
        // SAFETY: `ptr` is a live block of `layout.size()` bytes.
        let bytes = unsafe { std::slice::from_raw_parts(ptr, layout.size()) };
        assert!(
            bytes.iter().all(|&b| b == fill),
            "a live block of {} bytes keeps what was written into it",
            layout.size()
        );
    };
    for round in 0..4000 {
        if live.len() > 200 || (!live.is_empty() && next(3) == 0) {
            let (ptr, layout, fill) = live.swap_remove(next(live.len()));
            check(ptr, layout, fill);
            // SAFETY: `ptr` was allocated with `layout` and is freed once.
            unsafe { dealloc(ptr, layout) };
            continue;
        }
        if !live.is_empty() && next(4) == 0 {
            // Resize a live block: what it held (up to the smaller size) stays.
            let k = next(live.len());
            let (ptr, layout, fill) = live[k];
            let range = if next(8) == 0 { 300_000 } else { 3000 };
            let size = 1 + next(range);
            // SAFETY: `ptr` was allocated with `layout`; the new size is not zero.
            let moved = unsafe { realloc(ptr, layout, size) };
            assert!(!moved.is_null(), "a resize of {size} bytes succeeds");
            let new = Layout::from_size_align(size, layout.align()).expect("a valid layout");
            let kept = layout.size().min(size);
            // SAFETY: `moved` is a live block of `size` bytes.
            let bytes = unsafe { std::slice::from_raw_parts_mut(moved, size) };
            assert!(
                bytes[..kept].iter().all(|&b| b == fill),
                "a resized block keeps its first {kept} bytes"
            );
            bytes.fill(fill);
            live[k] = (moved, new, fill);
            continue;
        }
        let range = if next(10) == 0 { 200_000 } else { 600 };
        let size = 1 + next(range);
        let align = 1 << next(13); // 1 to 4096
        let layout = Layout::from_size_align(size, align).expect("a valid layout");
        // SAFETY: the layout's size is not zero.
        let ptr = unsafe { alloc(layout) };
        assert!(!ptr.is_null(), "an allocation of {size} bytes succeeds");
        assert_eq!(ptr as usize % align, 0, "a block is aligned to {align}");
        let fill = (round % 251) as u8;
        // SAFETY: `ptr` is a fresh block of `size` bytes.
        unsafe { std::ptr::write_bytes(ptr, fill, size) };
        live.push((ptr, layout, fill));
    }
    let mut spans: Vec<(usize, usize)> = live
        .iter()
        .map(|&(ptr, layout, _)| (ptr as usize, ptr as usize + layout.size()))
        .collect();
    spans.sort_unstable();
    assert!(
        spans.windows(2).all(|w| w[0].1 <= w[1].0),
        "no two live blocks overlap"
    );
    for (ptr, layout, fill) in live {
        check(ptr, layout, fill);
        // SAFETY: allocated with `layout`, freed once.
        unsafe { dealloc(ptr, layout) };
    }
}

/// An alignment larger than the allocator's chunks is refused (a null block), not served
/// misaligned.
#[wasm_bindgen_test]
fn the_allocator_refuses_alignments_it_cannot_keep() {
    let layout = std::alloc::Layout::from_size_align(64, 8192).expect("a valid layout");
    // SAFETY: the layout's size is not zero; a null answer is not dereferenced.
    let ptr = unsafe { std::alloc::alloc(layout) };
    assert!(ptr.is_null(), "8192-byte alignment is refused");
}

/// In the browser, a lost-byte reading ranks its letters with JavaScript's lowercase
/// (`ucd::lowercase_first`, which keeps core's case table out of the `.wasm`): capitals
/// and small letters of Latin, Greek and Cyrillic repair as natively
/// (`tests/repair_roundtrip.rs` has the same words, each with one byte dropped by windows-1252).
#[wasm_bindgen_test]
fn lost_byte_readings_rank_letters_as_natively() {
    for (damaged, word) in [
        ("ÐœÐ¾ÑÐºÐ²Ð°", "Москва"),
        ("ÅÃ³dÅº", "Łódź"),
        ("Î©ÏÎ±Î¯Î± Î¼Î\u{ad}ÏÎ±!", "Ωραία μέρα!"),
        (
            "ÄŒez ÄeÅ¡nje je Å¡el Å¡krat in Å¾viÅ¾gal.",
            "Čez češnje je šel škrat in žvižgal.",
        ),
    ] {
        assert_eq!(
            unspool::repair::repair(damaged).text,
            word,
            "{damaged:?} repairs in the browser to {word:?}, as natively"
        );
    }
}

/// A paste of damaged lines repairs in the browser as natively, where each repaired line stays
/// a `Line` until written (natively most are kept as text and changes): the document's page
/// from its damaged lines, a lost byte read as the closing quote, a repeated line's repairs
/// at its own place. Offsets (UTF-16) counted by hand.
#[wasm_bindgen_test]
fn a_damaged_paste_repairs_as_natively() {
    let pasted = "Googleâ€™s model is â€œopenâ€\nItâ€™s the end â€” or not.\nplain line\n\
                  CafÃ© au lait, naÃ¯ve faÃ§ade\nItâ€™s the end â€” or not.";
    let out = unspool::repair::repair(pasted);
    assert_eq!(
        out.text,
        "Google’s model is “open”\nIt’s the end — or not.\nplain line\n\
         Café au lait, naïve façade\nIt’s the end — or not."
    );
    let got: Vec<(usize, &str, &str, &str)> = out
        .repairs
        .iter()
        .map(|r| (r.at, r.from.as_str(), r.to.as_str(), r.kind.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (6, "â€™", "’", "mojibake"),
            (18, "â€œ", "“", "mojibake"),
            (23, "â€", "”", "lost_bytes"),
            (27, "â€™", "’", "mojibake"),
            (38, "â€”", "—", "mojibake"),
            (62, "Ã©", "é", "mojibake"),
            (75, "Ã¯", "ï", "mojibake"),
            (81, "Ã§", "ç", "mojibake"),
            (88, "â€™", "’", "mojibake"),
            (99, "â€”", "—", "mojibake"),
        ]
    );
    assert!(out.repairs[2].confidence < 1.0, "a lost byte is a guess");
}

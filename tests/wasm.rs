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

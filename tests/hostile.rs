//! Hostile input: every kind of paste a person (or an attacker) can throw at the page gives a
//! sensible result, never a panic, never output out of proportion to the input, and in
//! linear time.
//!
//! Linearity is checked without a clock: a counting allocator records the bytes the pipeline
//! allocates on this thread, and 4× the input may cost no more than ~5× the allocation. A
//! quadratic copy loop (re-joining the text so far on every line, say) shows up there at once.
#![cfg(not(target_arch = "wasm32"))] // native only: the wasm smoke test is tests/wasm.rs

#[path = "support/html_allow.rs"]
mod html_allow;
#[path = "../benches/synth/mod.rs"]
mod synth;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use unspool::{render, Format, Options, Thread};

struct Counting;

thread_local! {
    static ALLOCATED: Cell<u64> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATED.try_with(|c| c.set(c.get() + layout.size() as u64));
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATED.try_with(|c| c.set(c.get() + new_size as u64));
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Bytes allocated on this thread while `f` runs.
fn allocated<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let before = ALLOCATED.with(Cell::get);
    let out = f();
    (out, ALLOCATED.with(Cell::get) - before)
}

/// Every output of the pipeline for `input`, after checking the invariants every input
/// must keep: the HTML holds only allowed markup, the JSON parses back to the same thread,
/// and no output is more than `MAX_GROWTH`× the input (plus a fixed frame).
struct Outputs {
    thread: Thread,
    html: String,
    markdown: String,
    text: String,
}

/// The largest output per input byte: the worst case is a text of one-character mentions
/// (`@a @a …`), each of which becomes a link with its address and `rel` in HTML and a span
/// object in JSON.
const MAX_GROWTH: usize = 64;
const FRAME: usize = 4096;
/// The pretty JSON of one reported repair.
const PER_REPAIR: usize = 256;

fn run(name: &str, input: &str) -> Outputs {
    let options = Options::default();
    let thread = unspool::format(input, &options);
    let html = render(&thread, Format::Html, &options);
    let markdown = render(&thread, Format::Markdown, &options);
    let text = render(&thread, Format::Text, &options);
    let json = render(&thread, Format::Json, &options);
    if let Err(e) = html_allow::check(&html) {
        panic!("{name}: the HTML must hold only allowed markup: {e}");
    }
    let back: Thread = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("{name}: the JSON output must parse: {e}"));
    assert_eq!(
        back, thread,
        "{name}: the JSON must round-trip to the same thread"
    );
    // Every repair is reported by design: the JSON may also grow by one repair object each.
    let json_allowed = MAX_GROWTH * input.len() + PER_REPAIR * thread.repairs.len() + FRAME;
    assert!(
        json.len() <= json_allowed,
        "{name}: json output is {} bytes for {} bytes of input and {} repairs",
        json.len(),
        input.len(),
        thread.repairs.len()
    );
    for (format, out) in [("html", &html), ("markdown", &markdown), ("text", &text)] {
        assert!(
            out.len() <= MAX_GROWTH * input.len() + FRAME,
            "{name}: {format} output is {} bytes for {} bytes of input: no output may grow \
             beyond {MAX_GROWTH}× its input",
            out.len(),
            input.len()
        );
    }
    Outputs {
        thread,
        html,
        markdown,
        text,
    }
}

/// The texts of the posts, for messages.
fn texts(t: &Thread) -> Vec<&str> {
    t.posts.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn empty_input_gives_an_empty_thread() {
    let out = run("empty", "");
    assert!(out.thread.posts.is_empty(), "no posts from nothing");
    assert!(
        out.thread.removed.is_empty(),
        "nothing removed from nothing"
    );
    assert!(out.thread.repairs.is_empty(), "nothing repaired in nothing");
    assert!(out.markdown.trim().is_empty(), "no Markdown from nothing");
    assert!(out.text.trim().is_empty(), "no text from nothing");
}

#[test]
fn whitespace_only_gives_no_posts() {
    for (name, ws) in [
        ("spaces", "     "),
        ("mixed", " \t\n\r\n \u{a0}\u{3000}\n\t"),
        ("zero-width", "\u{200b}\u{feff}\n\u{200b}"),
        ("many", &" \n\t".repeat(100_000)),
    ] {
        let out = run(name, ws);
        assert!(
            out.thread.posts.is_empty(),
            "{name}: whitespace is no post, got {:?}",
            texts(&out.thread)
        );
        assert!(
            !out.html.contains("<section"),
            "{name}: no post section in the HTML"
        );
    }
}

#[test]
fn a_single_5_mb_line_is_one_post_with_nothing_lost() {
    let line = synth::english(5_000_000).replace('\n', " ");
    let line = line.trim();
    let out = run("5 MB line", line);
    assert_eq!(out.thread.posts.len(), 1, "one line is one post");
    assert_eq!(
        out.thread.posts[0].text, line,
        "the post is the whole line, unchanged"
    );

    let no_spaces = "a".repeat(5_000_000);
    let out = run("5 MB of one letter", &no_spaces);
    assert_eq!(out.thread.posts.len(), 1, "one line is one post");
    assert_eq!(
        out.thread.posts[0].text.len(),
        no_spaces.len(),
        "nothing lost"
    );
}

#[test]
fn nul_bytes_are_removed_and_reported() {
    let out = run("nul", "1/ hello\0world\n2/ bye\0\0");
    assert_eq!(
        texts(&out.thread),
        ["helloworld", "bye"],
        "NUL bytes vanish from the text"
    );
    assert!(
        !out.thread.repairs.is_empty(),
        "removing NUL bytes is a reported repair"
    );
    for (format, s) in [("html", &out.html), ("markdown", &out.markdown)] {
        assert!(!s.contains('\0'), "{format}: no NUL in the output");
    }

    let only = "\0\0\0\0\0\0\0\n".repeat(25_000);
    let out = run("200 KB of NUL lines", &only);
    assert!(out.thread.posts.is_empty(), "NUL bytes alone are no post");
}

/// Fuzz finding (repair target): a form feed survives repair. That is the rule, as in ftfy:
/// tab, newline and form feed are kept, every other C0 control goes.
#[test]
fn control_characters_go_but_tab_newline_and_form_feed_stay() {
    let out = run(
        "controls",
        "No alternativ\u{c} text\u{1}\u{2}\u{7f} here\u{b}\tend",
    );
    assert_eq!(
        texts(&out.thread),
        ["No alternativ\u{c} text here\tend"],
        "C0 controls are removed except tab, newline and form feed"
    );
}

#[test]
fn binary_junk_gives_valid_bounded_output() {
    let mut rng = synth::Rng::new(0xBAD_5EED);
    for round in 0..3 {
        let bytes: Vec<u8> = (0..100_000).map(|_| rng.next() as u8).collect();
        // What the CLI and a browser do with bytes that are not UTF-8.
        let lossy = String::from_utf8_lossy(&bytes).into_owned();
        let out = run(&format!("binary junk #{round}"), &lossy);
        assert!(
            out.thread.posts.iter().all(|p| !p.text.contains('\0')),
            "binary junk #{round}: control bytes do not survive into posts"
        );
        // Random code points, controls, private use and all.
        let chars: String = (0..50_000)
            .filter_map(|_| char::from_u32((rng.next() % 0x11_0000) as u32))
            .collect();
        run(&format!("random code points #{round}"), &chars);
    }
}

#[test]
fn deeply_repeated_markers_give_sensible_posts() {
    // Thread markers have at most three digits (`999/`): a 999-post numbered thread.
    let n = 999;
    let lines: String = (1..=n).map(|k| format!("{k}/ post {k}\n")).collect();
    let out = run("numbered lines", &lines);
    assert_eq!(
        out.thread.posts.len(),
        n,
        "a marker per line starts a post per line"
    );
    assert_eq!(
        out.thread.posts[n - 1].text,
        "post 999",
        "markers are stripped"
    );
    let bare: String = "1/\n".repeat(10_000);
    run("bare markers", &bare);
    for (name, unit) in [
        ("glued markers", "1/ "),
        ("paren markers", "(1/2)"),
        ("thread emoji", "🧵"),
        ("keycaps", "1️⃣"),
        ("end markers", "/end "),
        ("ampersands", "&"),
        ("numeric entities", "&#"),
        ("angle brackets", "<"),
        ("script tags", "<script>"),
        ("at signs", "@"),
        ("mentions", "@a "),
        ("hashtags", "#a "),
        ("cashtags", "$A "),
        ("hashes", "#"),
        ("schemes", "http://"),
        ("links", "https://a.co/ "),
        ("mojibake lead", "â€"),
        ("mojibake pairs", "Ã©"),
        ("show more", "Show more"),
        ("counts", "1K"),
        ("carriage returns", "\r"),
        ("zwj", "\u{200d}"),
        ("combining marks", "e\u{301}\u{301}\u{301}"),
        ("markdown specials", "*_`[]()#>!|~\\"),
        ("brackets", "[[[[(((("),
    ] {
        let one_line = unit.repeat(20_000 / unit.len().max(1));
        run(&format!("{name} on one line"), &one_line);
        let many_lines = format!("{unit}\n").repeat(20_000 / unit.len().max(1));
        run(&format!("{name} on many lines"), &many_lines);
    }
}

#[test]
fn huge_counts_of_blank_lines_split_but_add_nothing() {
    let blank = "\n".repeat(1_000_000);
    let out = run("only blank lines", &blank);
    assert!(out.thread.posts.is_empty(), "blank lines are no post");
    let between = format!("first{blank}second");
    let out = run("two posts far apart", &between);
    assert_eq!(
        texts(&out.thread),
        ["first", "second"],
        "blank lines separate posts and vanish"
    );
    let crlf = "\r\n".repeat(200_000);
    let out = run("only CRLF", &crlf);
    assert!(out.thread.posts.is_empty(), "CRLF lines are no post");
    assert!(
        out.thread.repairs.len() <= 200_000,
        "at most one repair per line ending"
    );
}

/// Makes a paste of a size proportional to its argument.
type Make = fn(usize) -> String;

#[test]
fn cost_grows_linearly_with_the_paste() {
    // Allocation on this thread as a machine-independent count of work: for 4× the input,
    // no more than 5× the bytes allocated (a quadratic stage would need ~16×).
    let options = Options::default();
    let cases: [(&str, Make); 8] = [
        ("x thread", synth::x_thread),
        ("english", |n| synth::english(n * 300)),
        ("one long line", |n| "word ".repeat(n * 60)),
        ("blank lines", |n| "a\n\n\n\n".repeat(n * 60)),
        ("mojibake", |n| "Itâ€™s šŸ§µ ".repeat(n * 20)),
        ("markers", |n| "1/ a\n".repeat(n * 60)),
        ("nul", |n| "\0\0\0\0\0\n".repeat(n * 50)),
        ("mentions", |n| "@a ".repeat(n * 100)),
    ];
    for (name, make) in cases {
        let small = make(200);
        let large = make(800);
        let cost = |s: &str| {
            allocated(|| {
                let t = unspool::format(s, &options);
                render(&t, Format::Html, &options).len() + render(&t, Format::Json, &options).len()
            })
            .1
        };
        let (a, b) = (cost(&small), cost(&large));
        let ratio = b as f64 / a.max(1) as f64;
        let size_ratio = large.len() as f64 / small.len() as f64;
        assert!(
            ratio <= size_ratio * 1.25,
            "{name}: {size_ratio:.1}× the input allocated {ratio:.1}× the bytes \
             ({a} → {b}): the pipeline must be linear"
        );
    }
}

/// Regression (hostile input, issue 9): a line holding thousands of repairs cost time quadratic
/// in their number — `repair::Line::apply` filtered every earlier edit for each new piece and
/// `Line::report` scanned the whole line for each edit. 80 KB of `&amp;` on one line took 18 s
/// in a debug build (4× the input, 16× the time). Fixed in repair: 250 KB of
/// units (50,000 `&amp;`) now take well under a second in release; quadratic, they took minutes.
#[test]
fn a_line_of_many_repairs_is_repaired_in_linear_time() {
    for (name, unit, decoded) in [
        ("entities", "&amp;", "&"),
        // One level of entities is decoded, as a browser shows the text.
        ("nested entities", "&amp;amp;", "&amp;"),
        ("numeric entities", "&#8217;", "’"),
        ("mojibake", "â€™", "’"),
        ("nul", "\0", ""),
    ] {
        let line = unit.repeat(250_000 / unit.len());
        let out = run(name, &line);
        let posts = usize::from(!decoded.is_empty());
        assert_eq!(
            out.thread.posts.len(),
            posts,
            "{name}: one line is one post"
        );
        if posts == 0 {
            continue;
        }
        assert_eq!(
            out.thread.posts[0].text,
            decoded.repeat(250_000 / unit.len()),
            "{name}: every unit is decoded"
        );
    }
}

/// Fuzz finding (render_markdown target): a `!` glued before a link makes the Markdown an
/// image, `wow![https://example.com/x](<https://example.com/x>)`, which a Markdown viewer
/// loads (a tracking pixel from pasted text). The `!` is escaped before a link.
#[test]
fn an_exclamation_mark_before_a_link_never_makes_an_image() {
    for (paste, shown) in [
        ("1/ wow!https://example.com/x", "wow\\!["),
        ("1/ wow\\!https://example.com/x", "wow\\\\\\!["),
        // Not a link on a plain thread: nothing to escape.
        ("1/ hey!@bob and !#tag", "hey!@bob"),
    ] {
        let out = run("bang link", paste);
        let parser = pulldown_cmark::Parser::new(&out.markdown);
        let images = parser
            .filter(|e| {
                matches!(
                    e,
                    pulldown_cmark::Event::Start(pulldown_cmark::Tag::Image { .. })
                )
            })
            .count();
        assert_eq!(images, 0, "no image from {paste:?}: {}", out.markdown);
        assert!(
            out.markdown.contains(shown),
            "the `!` is kept, escaped, in {}",
            out.markdown
        );
    }
}

/// Fuzz finding (repair target; the crash reduced by hand to three lines): repair is not
/// idempotent. The first pass reads line 1 as windows-1252 mojibake and leaves `ā€` alone; the
/// second pass, seeing no more windows-1252 damage, infers the Baltic code page for the document
/// and turns `ā€` into `“`. The document's code page must be inferred from the paste, the same
/// way on repaired text. The cause: line 1 decoded to the unassigned U+1A020; a reading
/// that gives an unassigned code point is now no reading, and line 1 repairs to `ð😀 🍭`,
/// which leaves the Baltic page to line 2 on both passes. `tests/repair_idempotent.rs`
/// checks the same on every corpus and fixture input.
#[test]
fn repair_is_idempotent_with_mixed_code_pages() {
    let paste = "\u{f0}\u{161}\u{20ac} \u{f0}\u{178}\n\u{101}\u{20ac}\n\u{fffd}\u{101}";
    let once = unspool::repair::repair(paste).text;
    let twice = unspool::repair::repair(&once).text;
    assert_eq!(twice, once, "repairing repaired text changes nothing");
}

/// The repair fuzz target's invariants on one input (`fuzz/fuzz_targets/repair.rs`): no C0
/// control but tab, newline and form feed survives, and repairing the repaired text changes
/// nothing. Returns the repair.
fn repair_holds_the_fuzz_invariants(input: &str) -> unspool::repair::Repaired {
    let once = unspool::repair::repair(input);
    assert!(
        !once
            .text
            .chars()
            .any(|c| c.is_ascii_control() && !matches!(c, '\n' | '\t' | '\u{c}')),
        "no C0 control but tab, newline and form feed survives repair"
    );
    let twice = unspool::repair::repair(&once.text);
    assert_eq!(
        twice.text, once.text,
        "repairing the repaired text changes nothing"
    );
    once
}

/// Fuzz finding (repair, a 10 s timeout under a loaded machine, 0.3 s alone): 6.6 KB of lines
/// with runs of invalid bytes (0xFF, read as U+FFFD), NULs and `È` runs. Each sloppy page
/// reads a lone U+FFFD as its byte 0x1A, which decodes as U+FFFD: pieces that change nothing,
/// which the line's repair took as a step six times over (150 M instructions; now 33 M).
/// The fuzz target's invariants must hold on it, and the replacement chars stay as pasted,
/// with no repair reported for them.
#[test]
fn fuzz_replacement_char_runs_repair_idempotently() {
    let bytes = include_bytes!("fixtures/fuzz/repair-replacement-runs.bin");
    let input = String::from_utf8_lossy(bytes);
    let once = repair_holds_the_fuzz_invariants(&input);
    let count = |s: &str| s.matches('\u{FFFD}').count();
    assert_eq!(
        count(&once.text),
        count(&input),
        "every replacement char stays"
    );
    assert!(
        once.repairs.iter().all(|r| r.from != "\u{FFFD}"),
        "no repair is reported for a replacement char alone"
    );
}

/// Fuzz finding (repair, a 10 s timeout under a loaded machine, 0.4 s alone): 6.6 KB of lines
/// full of lost-byte mojibake (`ā€`), U+FFFD runs and NULs. Its cost is linear in copies of it
/// (checked by hand: ×4 and ×16 take 4.5× and 18× the time); here the fuzz target's own
/// invariants must hold on it: idempotent, no C0 control but tab, newline and form feed.
#[test]
fn fuzz_lost_byte_lines_repair_idempotently() {
    let bytes = include_bytes!("fixtures/fuzz/repair-slow-lost-bytes.bin");
    let input = String::from_utf8_lossy(bytes);
    let once = repair_holds_the_fuzz_invariants(&input);
    assert!(
        once.text.len() <= input.len() * 2,
        "repair does not grow the text much"
    );
}

/// Fuzz finding (repair, not idempotent): in a seed-like paste, `Large … doń€™�..)` stayed
/// as it was under the document's page, and every other damaged line was repaired, so a
/// second repair inferred no page and, under none, read the line's `ń€™` + U+FFFD as a
/// sequence with a lost byte (`do�..)`). The page a second repair would infer is now settled
/// to no page too, for the lines still bad.
#[test]
fn fuzz_a_line_left_under_the_documents_page_repairs_idempotently() {
    let bytes = include_bytes!("fixtures/fuzz/repair-no-page-after-repair.bin");
    let input = String::from_utf8_lossy(bytes);
    let once = repair_holds_the_fuzz_invariants(&input);
    assert!(
        once.text.contains("sthe ope do\u{FFFD}..)"),
        "the line a second repair changed is repaired the first time"
    );
}

/// Fuzz finding (repair, not idempotent): `Highli` + U+0340 + U+FFFD runs (a copy with
/// invalid bytes in it). NFC, the last step of a line's repair, turned `i` + U+0340 into `ì`:
/// 0xEC under Latin-1, the lead byte of a three-byte sequence whose two bytes were lost
/// (the U+FFFD after it), which only a second repair then read as mojibake. A line NFC
/// changes is now read again at once.
#[test]
fn fuzz_a_char_composed_by_nfc_is_read_in_the_same_repair() {
    let bytes = include_bytes!("fixtures/fuzz/repair-nfc-composes-a-lead-byte.bin");
    repair_holds_the_fuzz_invariants(&String::from_utf8_lossy(bytes));
    // The smallest such line: what the second repair made of it, the first makes now.
    let once = unspool::repair::repair("li\u{300}\u{FFFD}\u{FFFD}");
    assert_eq!(
        once.text,
        unspool::repair::repair("l\u{EC}\u{FFFD}\u{FFFD}").text
    );
    assert_eq!(unspool::repair::repair(&once.text).text, once.text);
}

/// A thread damaged whole repeats its damaged lines on every post (the author's name, the
/// separator): each distinct line is repaired once and its copies take the result, so every
/// copy must still come out repaired and reported, each repair at its own offset.
#[test]
fn a_paste_of_repeated_damaged_lines_repairs_every_copy() {
    let posts = 2_000;
    let mut pasted = String::new();
    let mut want = String::new();
    for k in 0..posts {
        pasted.push_str(&format!(
            "JosÃ© GarcÃ\u{AD}a\n@jose Â· 2h\npost {k} says Itâ€™s fine\n"
        ));
        want.push_str(&format!(
            "José García\n@jose · 2h\npost {k} says It’s fine\n"
        ));
    }
    let r = unspool::repair::repair(&pasted);
    assert_eq!(r.text, want, "every copy repaired");
    assert_eq!(
        r.repairs.len(),
        posts * 4,
        "é, í, · and ’ reported for every post"
    );
    let units: Vec<u16> = r.text.encode_utf16().collect();
    for x in &r.repairs {
        let to: Vec<u16> = x.to.as_str().encode_utf16().collect();
        assert_eq!(
            &units[x.at..x.at + to.len()],
            &to[..],
            "{x:?} points at its text"
        );
    }
}

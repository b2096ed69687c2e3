//! Invariants the fuzz targets check, beyond "no panic".
//!
//! - every output is bounded: at most [`MAX_GROWTH`]× the input plus a fixed frame;
//! - the HTML holds only the renderer's allowed tags and attributes (`tests/support/html_allow.rs`);
//! - the Markdown, parsed back by pulldown-cmark, holds no raw HTML and links only http(s)/mailto;
//! - the JSON parses back to the same thread;
//! - repair is idempotent: repairing repaired text changes nothing;
//! - segment loses nothing: every non-blank line is in a post or in `removed`.
//!
//! Outputs are Rust `String`s, so valid UTF-8 by construction; the JSON round trip and the
//! parsers check that they are also well-formed for their readers.

#[path = "../../tests/support/html_allow.rs"]
mod html_allow;
#[path = "../../tests/support/nothing_lost.rs"]
mod nothing_lost;

use unspool::{HtmlStyle, Numbering, Options, Theme, Thread, TitleMode};

/// The largest output per input byte (one-letter mentions become whole links and span objects).
pub const MAX_GROWTH: usize = 64;
/// Fixed output every thread carries (article frame, JSON keys).
pub const FRAME: usize = 4096;
/// The JSON of one reported repair (`{at, from, to, kind, confidence, alternatives}`, pretty):
/// every repair is reported by design, so the JSON may also grow by this much per repair.
pub const PER_REPAIR: usize = 256;

/// Options chosen by the first two bytes of the fuzz input; the rest is the paste.
pub fn split_options(data: &[u8]) -> (Options, &[u8]) {
    let (a, b, rest) = match data {
        [a, b, rest @ ..] => (*a, *b, rest),
        _ => (0, 0, data),
    };
    let options = Options {
        numbering: match a & 3 {
            0 => Numbering::None,
            1 => Numbering::Slash,
            2 => Numbering::Dot,
            _ => Numbering::Paren,
        },
        keep_markers: a & 4 != 0,
        merge: a & 8 != 0,
        show_times: a & 16 != 0,
        author_only: a & 32 != 0,
        include_removed: a & 64 != 0,
        html_style: if a & 128 != 0 {
            HtmlStyle::Inline
        } else {
            HtmlStyle::Classes
        },
        link_entities: b & 1 == 0,
        theme: match (b >> 1) & 3 {
            0 => Theme::Auto,
            1 => Theme::Light,
            _ => Theme::Dark,
        },
        title: match (b >> 3) & 3 {
            0 => TitleMode::None,
            1 => TitleMode::FirstSentence,
            _ => TitleMode::Custom("A <b>title</b> & \"more\"".into()),
        },
        ..Options::default()
    };
    (options, rest)
}

/// Panics when `out` is out of proportion to `input_len`.
pub fn assert_bounded(what: &str, out: &str, input_len: usize) {
    assert!(
        out.len() <= MAX_GROWTH * input_len + FRAME,
        "{what}: {} bytes of output for {input_len} bytes of input",
        out.len()
    );
}

/// Panics unless `html` holds only allowed markup.
pub fn assert_safe_html(html: &str) {
    if let Err(e) = html_allow::check(html) {
        panic!("HTML output holds markup it must not: {e}");
    }
}

/// Panics if `markdown`, parsed as CommonMark, holds raw HTML or an unsafe link or image.
pub fn assert_safe_markdown(markdown: &str) {
    use pulldown_cmark::{Event, Parser, Tag};
    for event in Parser::new(markdown) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => {
                panic!("Markdown output holds raw HTML {h:?}")
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                panic!("Markdown output holds an image {dest_url:?}")
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let lower = dest_url.to_ascii_lowercase();
                assert!(
                    ["http://", "https://", "mailto:"]
                        .iter()
                        .any(|s| lower.starts_with(s)),
                    "Markdown link to {dest_url:?} is not http(s) or mailto"
                );
            }
            _ => {}
        }
    }
}

/// Panics when the JSON is out of proportion to the input and the repairs it reports.
pub fn assert_json_bounded(json: &str, input_len: usize, thread: &Thread) {
    let allowed = MAX_GROWTH * input_len + PER_REPAIR * thread.repairs.len() + FRAME;
    assert!(
        json.len() <= allowed,
        "json: {} bytes for {input_len} bytes of input and {} repairs",
        json.len(),
        thread.repairs.len()
    );
}

/// Panics unless `json` parses back to `thread`.
pub fn assert_json_round_trip(json: &str, thread: &Thread) {
    let back: Thread = serde_json::from_str(json).expect("the JSON output parses");
    assert_eq!(&back, thread, "the JSON output parses back to the same thread");
}

/// Panics unless each post's spans, joined, are its text (the model's invariant).
pub fn assert_spans_cover_text(thread: &Thread) {
    for post in &thread.posts {
        let joined: String = post.spans.iter().map(|s| s.text()).collect();
        assert_eq!(joined, post.text, "post {}: spans joined are the text", post.number);
    }
}

/// Panics when a non-blank line of `text` is neither in a post nor in `removed` — the
/// "nothing lost silently" rule `tests/segment.rs` checks on every fixture and corpus paste.
pub fn assert_nothing_lost(text: &str, posts: &[unspool::Post], removed: &[unspool::Removed]) {
    nothing_lost::check("segment", text, posts, removed);
}

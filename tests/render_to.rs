//! `render_to` (what the CLI streams) writes exactly the bytes `render` returns.

use unspool::{render, render_to, Format, Options};

/// A thread long enough that the HTML is written in several chunks.
fn long_paste() -> String {
    let mut s = String::new();
    for i in 1..=800 {
        s.push_str(&format!(
            "{i}/ Post number {i} with @ada and #rust and https://example.com/{i} — Itâ€™s fine\n\n"
        ));
    }
    s.push_str("See All\n2.3K\n");
    s
}

#[test]
fn streamed_output_is_byte_for_byte_the_rendered_string() {
    let paste = long_paste();
    let options = Options {
        include_removed: true,
        ..Options::default()
    };
    let thread = unspool::format(&paste, &options);
    for format in [Format::Html, Format::Markdown, Format::Text, Format::Json] {
        let whole = render(&thread, format, &options);
        let mut streamed = Vec::new();
        render_to(&thread, format, &options, &mut streamed).expect("a Vec takes every write");
        assert!(
            whole.len() > 64 * 1024 || format != Format::Html,
            "the HTML is long enough to be written in several chunks"
        );
        assert_eq!(
            String::from_utf8(streamed).expect("the output is UTF-8"),
            whole,
            "render_to({format:?}) writes the same bytes as render"
        );
    }
}

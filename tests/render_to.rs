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

/// `convert` (and the CLI's `format_owned_for`) leave the removed lines out of the model
/// where the rendering does not show them: the output is the same as from the whole model,
/// for every format, with and without `include_removed`, on real pastes.
#[test]
fn a_model_without_unshown_removed_lines_renders_the_same() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/pastes");
    let mut pastes = vec![long_paste()];
    for name in [
        "seed-google-moat.txt",
        "x-approx-status-page.txt",
        "bsky-copy-in-chat.txt",
        "linkedin-feed-innertext.txt",
    ] {
        pastes.push(std::fs::read_to_string(dir.join(name)).expect("the shared corpus"));
    }
    let mut removed_seen = 0;
    for paste in &pastes {
        for include_removed in [false, true] {
            let options = Options {
                include_removed,
                ..Options::default()
            };
            let whole = unspool::format(paste, &options);
            removed_seen += whole.removed.len();
            for format in [Format::Html, Format::Markdown, Format::Text, Format::Json] {
                let want = render(&whole, format, &options);
                assert_eq!(
                    unspool::convert(paste, format, &options),
                    want,
                    "{format:?}"
                );
                let for_it = unspool::format_owned_for(paste.clone(), &options, format);
                assert_eq!(render(&for_it, format, &options), want, "{format:?}");
                let shown = format == Format::Json || include_removed;
                assert_eq!(
                    for_it.removed.is_empty(),
                    !shown || whole.removed.is_empty()
                );
                assert_eq!(for_it.posts, whole.posts);
            }
        }
    }
    assert!(removed_seen > 20, "the pastes remove lines: {removed_seen}");
}

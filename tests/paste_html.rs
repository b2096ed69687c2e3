//! Clipboard HTML from real x.com pages (`../shared/corpus/pages/`): what `text/html` keeps that
//! `text/plain` loses — link addresses, emoji drawn as images — and what it must drop.
#![cfg(not(target_arch = "wasm32"))]

use unspool::paste_html::parse;
use unspool::{format_html, Options, Span};

#[path = "support/corpus.rs"]
mod corpus_dir;
use corpus_dir::corpus;

fn page(name: &str) -> String {
    let path = corpus().join("pages").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

const PAGES: [&str; 4] = [
    "x-bigtech-alert.html",
    "x-mario-zechner-wow.html",
    "x-mario-zechner-twitter.html",
    "x-home-twitter-complete.html",
];

#[test]
fn scripts_styles_and_markup_never_reach_the_text() {
    for name in PAGES {
        let text = parse(&page(name)).text;
        assert!(!text.is_empty(), "{name}: some text comes out");
        for junk in [
            "@font-face",
            "<div",
            "</span>",
            "function(",
            "&quot;",
            "&amp;",
        ] {
            assert!(!text.contains(junk), "{name}: `{junk}` is markup, not text");
        }
    }
}

#[test]
fn emoji_drawn_as_images_come_back_in_their_line() {
    let text = parse(&page("x-bigtech-alert.html")).text;
    assert!(
        text.contains("🚫 @elonmusk is no longer following @ylecun"),
        "the 🚫 image is the emoji again, and X's inline mention divs do not break the line:\n{}",
        &text[..text.len().min(3000)]
    );
}

#[test]
fn shortened_x_links_become_whole_addresses() {
    let text = parse(&page("x-mario-zechner-twitter.html")).text;
    assert!(
        text.contains("https://wired.com/story/heisse-preise-food-prices/"),
        "the hidden `https://` and tail of a t.co link are part of its address"
    );
    assert!(
        !text.contains("heisse-preise-food-prices/…"),
        "the `…` X draws after a shortened address is not part of it"
    );
    let quote = parse(&page("x-mario-zechner-wow.html")).text;
    assert!(
        quote.contains("https://github.com/rbalestr-lab/lejepa/blob/main/MINIMAL.md\n"),
        "an address in a quoted post (a span, not a link) loses the `…` too"
    );
}

#[test]
fn links_whose_words_are_not_an_address_keep_their_href() {
    let pasted = parse(&page("x-mario-zechner-twitter.html"));
    let from = pasted
        .links
        .iter()
        .find(|l| l.text == "From mariozechner.at")
        .expect("the card's `From mariozechner.at` link is kept");
    assert_eq!(from.href, "https://t.co/j64CpIysH1");
    for l in &pasted.links {
        assert!(
            l.href.starts_with("http://")
                || l.href.starts_with("https://")
                || l.href.starts_with("mailto:"),
            "only safe addresses are kept: {}",
            l.href
        );
    }
}

#[test]
fn a_copied_post_with_a_link_keeps_it_through_the_pipeline() {
    // What Chrome puts on the clipboard for a selected X post: a wrapper, X's markup inside.
    let html = "<meta charset='utf-8'><!--StartFragment--><div data-testid=\"tweetText\">\
        <span>🧵 Google&#39;s leaked doc</span><img alt=\"🔥\" src=\"1f525.svg\"><span>\n\nFull article </span>\
        <a href=\"https://example.com/moat\">here</a><span>: worth it</span></div><!--EndFragment-->";
    let thread = format_html(html, &Options::default());
    let text: Vec<&str> = thread.posts.iter().map(|p| p.text.as_str()).collect();
    assert!(
        text.iter().any(|t| t.contains("Google's leaked doc🔥")),
        "the emoji image is text again: {text:?}"
    );
    let spans: Vec<&Span> = thread.posts.iter().flat_map(|p| &p.spans).collect();
    assert!(
        spans.contains(&&Span::Link {
            text: "here".into(),
            href: "https://example.com/moat".into()
        }),
        "`here` links to the pasted address: {spans:?}"
    );
}

#[test]
fn every_page_formats_and_keeps_its_spans_whole() {
    for name in PAGES {
        let thread = format_html(&page(name), &Options::default());
        for post in &thread.posts {
            let joined: String = post.spans.iter().map(Span::text).collect();
            assert_eq!(joined, post.text, "{name}: spans join to the post text");
        }
    }
}

#[test]
fn a_megabyte_of_markup_parses_in_linear_time() {
    let big = page("x-home-twitter-complete.html").repeat(2);
    let start = std::time::Instant::now();
    let text = parse(&big).text;
    assert!(!text.is_empty());
    assert!(
        start.elapsed().as_secs() < 5,
        "1.7 MB of HTML took {:?}",
        start.elapsed()
    );
}

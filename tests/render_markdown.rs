//! Markdown parses back: the CommonMark output of every golden input and every corpus paste,
//! read by pulldown-cmark, has the same posts (thematic breaks), paragraphs, lists, list
//! items, block quotes, links and text as the model it was rendered from.
#![cfg(not(target_arch = "wasm32"))] // native only: reads files, runs the CLI; the wasm smoke test is tests/wasm.rs

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::path::Path;
use unspool::render::{self, author_words, media_label, Article, Block, Line, PostView};
use unspool::{Format, Numbering, Options, Span, Thread, TitleMode};

#[path = "support/corpus.rs"]
mod corpus_dir;
use corpus_dir::corpus;

/// What a reader of the Markdown meets, in order: a block with its kind and text, or a link.
#[derive(Debug, PartialEq, Clone)]
enum Item {
    Heading(String),
    Para(String),
    Entry(String),
    List(bool),
    Quote,
    Rule,
    Link(String, String),
}

/// Reads the Markdown back with a CommonMark parser.
fn parse(md: &str) -> Vec<Item> {
    let mut items = Vec::new();
    let mut text = String::new();
    let mut link: Option<(String, usize)> = None;
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                link = Some((dest_url.into_string(), text.len()))
            }
            Event::End(TagEnd::Link) => {
                let (href, at) = link.take().expect("a link ends after it starts");
                items.push(Item::Link(text[at..].to_owned(), href));
            }
            Event::Start(Tag::List(first)) => items.push(Item::List(first.is_some())),
            Event::Start(Tag::BlockQuote(_)) => items.push(Item::Quote),
            Event::Rule => items.push(Item::Rule),
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak => text.push(' '),
            Event::HardBreak => text.push('\n'),
            Event::Html(h) | Event::InlineHtml(h) => panic!("no raw HTML should appear: {h:?}"),
            Event::End(TagEnd::Heading(_)) => items.push(Item::Heading(std::mem::take(&mut text))),
            Event::End(TagEnd::Paragraph) => items.push(Item::Para(std::mem::take(&mut text))),
            Event::End(TagEnd::Item) => items.push(Item::Entry(std::mem::take(&mut text))),
            _ => {}
        }
    }
    // Links are reported where they end; put each after the block that holds it.
    reorder(items)
}

/// Moves every link after the block that contains it, so both sides list links per block.
fn reorder(items: Vec<Item>) -> Vec<Item> {
    let mut out = Vec::new();
    let mut pending = Vec::new();
    for item in items {
        match item {
            Item::Link(..) => pending.push(item),
            Item::Heading(_) | Item::Para(_) | Item::Entry(_) => {
                out.push(item);
                out.append(&mut pending);
            }
            other => out.push(other),
        }
    }
    out
}

fn line_text(line: &Line) -> String {
    let s: String = line.iter().map(|s| s.text()).collect();
    s.trim().to_owned()
}

fn line_links(article: &Article, options: &Options, line: &Line, out: &mut Vec<Item>) {
    for span in line.iter().filter(|s| !s.text().trim().is_empty()) {
        if let Some(href) = render::span_href(article, options, span) {
            out.push(Item::Link(span.text().trim().to_owned(), href));
        }
    }
}

fn who_links(article: &Article, options: &Options, author: &unspool::Author, out: &mut Vec<Item>) {
    if let Some(h) = author
        .handle
        .as_deref()
        .map(str::trim)
        .filter(|h| !h.is_empty())
    {
        let span = Span::Mention { text: h.into() };
        if let Some(href) = render::span_href(article, options, &span) {
            out.push(Item::Link(h.to_owned(), href));
        }
    }
}

/// What the Markdown should read back as, from the model.
fn expected(article: &Article, options: &Options) -> Vec<Item> {
    let mut out = Vec::new();
    if let Some(t) = &article.title {
        out.push(Item::Heading(t.clone()));
    }
    if let Some(a) = article.author {
        if let Some(words) = author_words(a) {
            out.push(Item::Para(words));
            who_links(article, options, a, &mut out);
        }
    }
    for (i, post) in article.posts.iter().enumerate() {
        if i > 0 || !out.is_empty() {
            out.push(Item::Rule);
        }
        post_items(article, options, post, &mut out);
    }
    if !article.removed.is_empty() {
        out.push(Item::Rule);
        out.push(Item::Para("Removed lines".into()));
        out.push(Item::List(false));
        for r in article.removed {
            out.push(Item::Entry(format!(
                "line {} ({}): {}",
                r.line,
                r.reason,
                r.text.trim()
            )));
        }
    }
    out
}

fn post_items(article: &Article, options: &Options, post: &PostView, out: &mut Vec<Item>) {
    let who = post.byline.and_then(author_words);
    if who.is_some() || post.time.is_some() {
        let meta: Vec<&str> = who
            .as_deref()
            .into_iter()
            .chain(post.time.map(str::trim))
            .collect();
        out.push(Item::Para(meta.join(" · ")));
        if let Some(a) = post.byline.filter(|_| who.is_some()) {
            who_links(article, options, a, out);
        }
    }
    let mut label = post.label.clone();
    if !matches!(post.blocks.first(), Some(Block::Para(_))) {
        if let Some(l) = label.take() {
            out.push(Item::Para(l));
        }
    }
    for block in &post.blocks {
        match block {
            Block::Para(lines) => {
                let mut text: Vec<String> = lines.iter().map(line_text).collect();
                if let Some(l) = label.take() {
                    text[0] = format!("{l} {}", text[0]);
                }
                out.push(Item::Para(text.join("\n")));
                for line in lines {
                    line_links(article, options, line, out);
                }
            }
            Block::List { kind, items, .. } => {
                out.push(Item::List(matches!(kind, render::ListKind::Ordered(_))));
                for item in items {
                    out.push(Item::Entry(line_text(item)));
                    line_links(article, options, item, out);
                }
            }
            Block::Quote(q) => {
                out.push(Item::Quote);
                post_items(article, options, q, out);
            }
            Block::Media(m) => {
                let alt = m.alt.as_deref().map(str::trim).filter(|a| !a.is_empty());
                out.push(Item::Para(format!(
                    "{}: {}",
                    media_label(m),
                    alt.unwrap_or("(no description)")
                )));
            }
        }
    }
}

fn option_sets() -> Vec<Options> {
    let all = Options {
        numbering: Numbering::Paren,
        keep_markers: true,
        show_times: true,
        title: TitleMode::FirstSentence,
        include_removed: true,
        ..Options::default()
    };
    vec![
        Options::default(),
        all.clone(),
        Options {
            merge: true,
            ..all.clone()
        },
        Options {
            numbering: Numbering::Dot,
            author_only: true,
            ..Options::default()
        },
        Options {
            link_entities: false,
            title: TitleMode::Custom("# *Title* [x](y)".into()),
            ..all
        },
    ]
}

fn check(name: &str, thread: &Thread) {
    for options in option_sets() {
        let md = unspool::render(thread, Format::Markdown, &options);
        let article = render::article(thread, &options);
        let want = expected(&article, &options);
        let got = parse(&md);
        if got != want {
            let at = got
                .iter()
                .zip(&want)
                .position(|(a, b)| a != b)
                .unwrap_or(got.len().min(want.len()));
            panic!(
                "{name} with {options:?}: the Markdown should parse back to the model's structure;\n\
                 first difference at item {at}:\n  parsed:   {:?}\n  expected: {:?}\n\n{md}",
                got.get(at),
                want.get(at)
            );
        }
        let posts = article.posts.len();
        let rules = got.iter().filter(|i| **i == Item::Rule).count();
        assert!(
            rules + 1 >= posts,
            "{name}: one thematic break between posts"
        );
    }
}

#[test]
fn golden_inputs_parse_back_to_the_same_structure() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/inputs");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/golden/inputs exists") {
        let path = entry.expect("a directory entry").path();
        let text = std::fs::read_to_string(&path).expect("readable input");
        let thread: Thread = serde_json::from_str(&text).expect("a Thread model");
        check(&path.display().to_string(), &thread);
        n += 1;
    }
    assert!(n >= 4, "the golden inputs should be found");
}

#[test]
fn every_corpus_paste_parses_back_to_the_same_structure() {
    let dir = corpus().join("pastes");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("readable paste");
        let paste = String::from_utf8_lossy(&bytes);
        let thread = unspool::format(&paste, &Options::default());
        check(&path.display().to_string(), &thread);
        n += 1;
    }
    assert!(
        n >= 10,
        "the corpus pastes should be found in {}",
        dir.display()
    );
}

#[test]
fn markdown_syntax_in_posts_stays_text() {
    let text = "# h\n> q\n1. a\n- b\n* c\n+ d\n---\n===\n```\n~~~\n    code\n<div>x</div>\n[a](b) ![i](j) *e* _f_ `g` \\ h & &amp; &#65; <http://x.y>";
    let thread = Thread {
        posts: vec![unspool::Post {
            number: 1,
            text: text.into(),
            spans: vec![Span::Text { text: text.into() }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let md = unspool::render(&thread, Format::Markdown, &Options::default());
    let got = parse(&md);
    let want_lines: Vec<&str> = text.lines().map(str::trim).collect();
    assert_eq!(
        got,
        vec![Item::Para(want_lines.join("\n"))],
        "every line should come back as the same text in one paragraph:\n{md}"
    );
}

#[test]
fn link_addresses_come_back_as_written() {
    let hrefs = [
        "https://example.com/a_(b)?q=1&copy;&x=2",
        "https://example.com/<x> y\\z`",
        "https://example.com/*star*_under_[br]",
        "mailto:a@example.org",
    ];
    for href in hrefs {
        let spans = vec![Span::Link {
            text: "a [link] *here*".into(),
            href: href.into(),
        }];
        let thread = Thread {
            posts: vec![unspool::Post {
                number: 1,
                text: "a [link] *here*".into(),
                spans,
                ..Default::default()
            }],
            ..Default::default()
        };
        let md = unspool::render(&thread, Format::Markdown, &Options::default());
        let want = render::clean_href(href).expect("a safe address");
        assert_eq!(
            parse(&md),
            vec![
                Item::Para("a [link] *here*".into()),
                Item::Link("a [link] *here*".into(), want)
            ],
            "{href} should come back as one link with its address:\n{md}"
        );
    }
}

/// A small deterministic generator (no dependency): xorshift.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

#[test]
fn random_text_full_of_markdown_syntax_parses_back() {
    let pieces = [
        "a",
        "word",
        " ",
        " ",
        "\n",
        "\n\n",
        "#",
        "# ",
        "##",
        ">",
        "- ",
        "+ ",
        "* ",
        "1. ",
        "2) ",
        "10.",
        "=",
        "---",
        "***",
        "___",
        "_",
        "*",
        "`",
        "```",
        "~",
        "~~",
        "|",
        "\\",
        "[",
        "]",
        "(",
        ")",
        "!",
        "<",
        ">",
        "&",
        "&amp;",
        "&#35;",
        "&x;",
        "é",
        "🧵",
        "\t",
        "    ",
        ":",
        "\"",
        "'",
        "http://x.y",
        "<b>",
        "</p>",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for case in 0..1000 {
        let len = 1 + (rng.next() % 40) as usize;
        let text: String = (0..len).map(|_| rng.pick(&pieces)).collect();
        let thread = Thread {
            posts: vec![unspool::Post {
                number: 1,
                text: text.clone().into(),
                spans: vec![Span::Text {
                    text: text.as_str().into(),
                }],
                ..Default::default()
            }],
            ..Default::default()
        };
        check(&format!("random case {case}: {text:?}"), &thread);
    }
}

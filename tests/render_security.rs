//! Pasted markup stays text. Script tags, event handlers, `javascript:`/`data:` links (also in
//! the `href` of a hand-built `Span::Link`), entity-encoded variants, `</textarea>` and
//! mismatched quotes must come out as visible text in every output and never as markup.
//! The HTML output is parsed with html5ever and only an allow-list of tags and attributes,
//! with `http:`/`https:`/`mailto:` links, may appear.
#![cfg(not(target_arch = "wasm32"))] // native only: reads files, runs the CLI; the wasm smoke test is tests/wasm.rs

#[path = "support/html_allow.rs"]
mod html_allow;

use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use pulldown_cmark::{Event, Parser, Tag};
use unspool::render::html::REL;
use unspool::{
    Author, Format, HtmlStyle, Media, Numbering, Options, Platform, Post, Removed, Span, Theme,
    Thread, TitleMode,
};

const PASTE: &str = "\
1/ Look <script>alert(1)</script> and <img src=x onerror=alert(2)>
<a href=\"javascript:alert(3)\">click</a> [x](javascript:alert(4)) [y](data:text/html,hi)
2/ Encoded &lt;script&gt;alert(5)&lt;/script&gt; &#60;b onmouseover=alert(6)&#62;
</textarea><svg onload=alert(7)> \"' mismatched \" quote ' <div title=\"a>b
3/ javascript:alert(8) data:text/html;base64,PHNjcmlwdD4= <style>body{}</style> <!-- c -->";

fn hostile_thread() -> Thread {
    let evil = |t: &str| Span::Text { text: t.into() };
    let link = |t: &str, h: &str| Span::Link {
        text: t.into(),
        href: h.into(),
    };
    let spans = vec![
        evil("<b>bold</b> "),
        link("js", "javascript:alert(1)"),
        evil(" "),
        link("JS", " JaVaScRiPt:alert(1)"),
        evil(" "),
        link("tab", "java\tscript:alert(1)"),
        evil(" "),
        link("data", "data:text/html,<script>alert(1)</script>"),
        evil(" "),
        link("vb", "vbscript:msgbox(1)"),
        evil(" "),
        link("ent", "&#106;avascript:alert(1)"),
        evil(" "),
        link("quote", "https://ok.example/\" onmouseover=\"alert(1)"),
        evil(" "),
        link("angle", "https://ok.example/><script>alert(1)</script>"),
        evil(" "),
        link("<i>text</i>", "https://ok.example/"),
        evil(" "),
        Span::Mention {
            text: "@x\"><script>".into(),
        },
        evil(" "),
        Span::Hashtag {
            text: "#t\"onmouseover=x".into(),
        },
    ];
    let text: String = spans.iter().map(Span::text).collect();
    let author = Author {
        name: Some("<img src=x onerror=alert(1)>".into()),
        handle: Some("@a@evil.example/\"><script>".into()),
    };
    let post = Post {
        number: 1,
        author: Some(author.clone()),
        time: Some("</time><script>alert(1)</script>".into()),
        text: text.into(),
        spans,
        quoted: Some(Box::new(Post {
            number: 1,
            author: Some(Author {
                name: Some("</blockquote><script>".into()),
                handle: None,
            }),
            text: "<iframe src=javascript:alert(1)>".into(),
            spans: vec![evil("<iframe src=javascript:alert(1)>")],
            ..Post::default()
        })),
        media: vec![Media {
            kind: "<video onerror=alert(1)>".into(),
            alt: Some("\"><svg onload=alert(1)>".into()),
        }],
        reply: false,
        marker: Some("<b>1/</b>".into()),
    };
    let reply = Post {
        number: 2,
        author: Some(author.clone()),
        text: "- <script>a</script>\n- </li></ul><script>".into(),
        spans: vec![evil("- <script>a</script>\n- </li></ul><script>")],
        reply: true,
        ..Post::default()
    };
    Thread {
        platform: Platform::Mastodon,
        title: Some("</h1><script>alert(1)</script>".into()),
        author: Some(author),
        posts: vec![post, reply],
        removed: vec![Removed {
            line: 1,
            text: "</textarea></details><script>alert(1)</script>".into(),
            reason: "<ui>".into(),
        }],
        ..Thread::default()
    }
}

fn option_sets() -> Vec<Options> {
    let all = Options {
        numbering: Numbering::Slash,
        keep_markers: true,
        show_times: true,
        include_removed: true,
        title: TitleMode::Custom("<script>alert('t')</script>".into()),
        ..Options::default()
    };
    let mut sets = vec![Options::default(), all.clone()];
    for style in [HtmlStyle::Classes, HtmlStyle::Inline] {
        for theme in [Theme::Auto, Theme::Light, Theme::Dark] {
            sets.push(Options {
                html_style: style,
                theme,
                merge: true,
                ..all.clone()
            });
        }
    }
    sets.push(Options {
        title: TitleMode::None,
        ..all
    });
    sets
}

/// The document elements html5ever adds around any fragment.
const DOCUMENT_TAGS: &[&str] = &["html", "head", "body"];

/// Walks the parsed document: checks every element and collects the visible text.
fn walk(node: &Handle, inline: bool, text: &mut String, problems: &mut Vec<String>) {
    match &node.data {
        NodeData::Element { name, attrs, .. } => {
            let tag = &*name.local;
            if !html_allow::TAGS.contains(&tag) && !DOCUMENT_TAGS.contains(&tag) {
                problems.push(format!("tag <{tag}> is not allowed"));
            }
            let attrs = attrs.borrow();
            for attr in attrs.iter() {
                let key: &str = &attr.name.local;
                let value = &*attr.value;
                if !html_allow::ATTRIBUTES.contains(&key) {
                    problems.push(format!(
                        "attribute {key}=\"{value}\" on <{tag}> is not allowed"
                    ));
                }
                match key {
                    "href"
                        if !["http://", "https://", "mailto:"]
                            .iter()
                            .any(|s| value.starts_with(s)) =>
                    {
                        problems.push(format!("href {value:?} is not http/https/mailto"));
                    }
                    "href" if value.contains(['"', '<', '>', ' ']) => {
                        problems.push(format!("href {value:?} holds unencoded characters"));
                    }
                    "rel" if value != REL => {
                        problems.push(format!("rel {value:?} should be {REL:?}"))
                    }
                    "style"
                        if value.contains("url(")
                            || value.contains("expression")
                            || value.contains('<') =>
                    {
                        problems.push(format!("style {value:?} loads or runs something"));
                    }
                    "data-theme" if !["auto", "light", "dark"].contains(&value) => {
                        problems.push(format!("data-theme {value:?}"));
                    }
                    "datetime"
                        if !value
                            .bytes()
                            .all(|b| b.is_ascii_digit() || b"-:T".contains(&b)) =>
                    {
                        problems.push(format!("datetime {value:?}"))
                    }
                    "start" if value.parse::<u32>().is_err() => {
                        problems.push(format!("start {value:?}"))
                    }
                    _ => {}
                }
            }
            if tag == "a" && !attrs.iter().any(|a| &*a.name.local == "rel") {
                problems.push("a link without rel".into());
            }
            let in_output = !matches!(tag, "html" | "head" | "body");
            if inline
                && in_output
                && tag != "br"
                && !attrs.iter().any(|a| &*a.name.local == "style")
            {
                problems.push(format!("<{tag}> has no inline style"));
            }
        }
        NodeData::Text { contents } => text.push_str(&contents.borrow()),
        NodeData::Comment { contents } => problems.push(format!("comment <!--{contents}-->")),
        _ => {}
    }
    for child in node.children.borrow().iter() {
        walk(child, inline, text, problems);
    }
}

fn check_html(html: &str, options: &Options, must_show: &[&str]) {
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
    let mut text = String::new();
    let mut problems = Vec::new();
    walk(
        &dom.document,
        options.html_style == HtmlStyle::Inline,
        &mut text,
        &mut problems,
    );
    assert!(
        problems.is_empty(),
        "only allowed tags and attributes should appear ({options:?}):\n{}\n\n{html}",
        problems.join("\n")
    );
    for s in must_show {
        assert!(
            text.contains(s),
            "{s:?} should be visible text in the HTML ({options:?}):\n{html}"
        );
    }
}

fn check_markdown(md: &str, must_show: &[&str]) {
    let mut text = String::new();
    for event in Parser::new(md) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML {h:?} in Markdown:\n{md}"),
            Event::Start(Tag::Image { dest_url, .. }) => {
                panic!("an image {dest_url} in Markdown:\n{md}")
            }
            Event::Start(Tag::Link { dest_url, .. }) => assert!(
                ["http://", "https://", "mailto:"]
                    .iter()
                    .any(|s| dest_url.starts_with(s)),
                "link {dest_url:?} should be http/https/mailto:\n{md}"
            ),
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            _ => {}
        }
    }
    for s in must_show {
        assert!(
            text.contains(s),
            "{s:?} should be visible text in the Markdown:\n{md}"
        );
    }
}

#[test]
fn pasted_markup_is_text_in_every_output() {
    let shown = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "<a href=\"javascript:alert(3)\">click</a>",
        "[x](javascript:alert(4))",
        "</textarea><svg onload=alert(7)>",
        "\"' mismatched \" quote '",
        "javascript:alert(8)",
        "<style>body{}</style>",
    ];
    for options in option_sets() {
        let thread = unspool::format(PASTE, &options);
        let html = unspool::render(&thread, Format::Html, &options);
        check_html(&html, &options, &shown);
        check_markdown(
            &unspool::render(&thread, Format::Markdown, &options),
            &shown,
        );
        let text = unspool::render(&thread, Format::Text, &options);
        for s in shown {
            assert!(
                text.contains(s),
                "{s:?} should be in the text output as written:\n{text}"
            );
        }
    }
}

#[test]
fn entity_encoded_markup_is_decoded_to_text_never_to_markup() {
    for options in option_sets() {
        let thread = unspool::format(PASTE, &options);
        let html = unspool::render(&thread, Format::Html, &options);
        // Whether or not repair decodes the entities, they must come out as text.
        check_html(&html, &options, &["alert(5)", "onmouseover=alert(6)"]);
        check_markdown(
            &unspool::render(&thread, Format::Markdown, &options),
            &["alert(5)"],
        );
        assert!(
            !html.contains("<b onmouseover"),
            "no element from an encoded tag:\n{html}"
        );
    }
}

#[test]
fn hand_built_thread_with_hostile_fields_stays_safe() {
    let thread = hostile_thread();
    for options in option_sets() {
        let html = unspool::render(&thread, Format::Html, &options);
        check_html(
            &html,
            &options,
            &[
                "<b>bold</b>",
                "<iframe src=javascript:alert(1)>",
                "\"><svg onload=alert(1)>",
                "<i>text</i>",
            ],
        );
        for unsafe_text in ["js", "JS", "tab", "data", "vb", "ent"] {
            assert!(
                !html.contains(&format!(">{unsafe_text}</a>")),
                "{unsafe_text}: a link with an unsafe scheme should be plain text:\n{html}"
            );
        }
        assert!(
            !html.contains("https://evil.example"),
            "a Mastodon server name with a path or quote should not become a link:\n{html}"
        );
        check_markdown(
            &unspool::render(&thread, Format::Markdown, &options),
            &[
                "<b>bold</b>",
                "<iframe src=javascript:alert(1)>",
                "<i>text</i>",
            ],
        );
        let text = unspool::render(&thread, Format::Text, &options);
        assert!(
            text.contains("<b>bold</b>"),
            "text shows the markup as written:\n{text}"
        );
    }
}

#[test]
fn odd_inputs_never_panic() {
    let long = "a".repeat(100_000);
    let inputs = [
        "",
        "\n\n\n",
        "\u{0}\u{1}\u{fffd}",
        "- \n- \n1. \n",
        "* * *",
        &long,
        "🧵\u{200d}\n\n\n1)",
    ];
    for input in inputs {
        for options in option_sets() {
            let thread = unspool::format(input, &options);
            for f in [Format::Html, Format::Markdown, Format::Text, Format::Json] {
                let _ = unspool::render(&thread, f, &options);
            }
        }
    }
    let empty = Thread::default();
    let html = unspool::render(&empty, Format::Html, &Options::default());
    assert!(
        html.starts_with("<article"),
        "an empty thread is an empty article"
    );
}

#[test]
fn random_markup_fragments_never_become_markup() {
    let pieces = [
        "<",
        ">",
        "\"",
        "'",
        "&",
        "&lt;",
        "&#60;",
        "&#x3c;",
        "=",
        "/",
        "script",
        "img",
        " ",
        "\n",
        "onerror",
        "javascript:",
        "data:",
        "https://a.b/",
        "@x",
        "#t",
        "</",
        "-->",
        "<!--",
        "]]>",
        "`",
        "\u{0}",
        "\u{202e}",
        "é",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let options = Options {
        html_style: HtmlStyle::Inline,
        ..Options::default()
    };
    for _ in 0..300 {
        let len = 1 + (next() % 60) as usize;
        let paste: String = (0..len)
            .map(|_| pieces[(next() % pieces.len() as u64) as usize])
            .collect();
        let thread = unspool::format(&paste, &options);
        for o in [&options, &Options::default()] {
            let html = unspool::render(&thread, Format::Html, o);
            check_html(&html, o, &[]);
        }
    }
}

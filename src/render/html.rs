//! HTML: a [`Thread`] → a semantic `<article>` fragment, every text node escaped.
//!
//! Structure: `<article>` › `<header>` (an `<h1>` title, the author once) › one `<section>`
//! per post (a `<p class="meta">` with the number, a reply's author and the `<time>`, then
//! `<p>` paragraphs with `<br>` line breaks, `<ul>`/`<ol>` lists, a `<blockquote>` for the
//! quoted post, a `<figure>` placeholder with the alt text for each image or video) ›
//! `<details>` with the removed lines when asked for.
//!
//! Two flavours ([`HtmlStyle`]): `classes` (`class` attributes styled by `www/thread.css`,
//! the theme in `data-theme`) and `inline` (a `style` attribute on every element but `<br>`,
//! so the look survives editors that drop `<style>`; `auto` uses colours that read on light
//! and dark pages alike). Editors that also drop styles (Medium) still keep the plain tags,
//! so the structure is carried by them: `<strong>` for the number and names, and in the
//! inline flavour an `<hr>` between posts.
//!
//! Safety: text nodes are escaped (`& < >`), attribute values too (`& < > " '`, always in
//! double quotes); links are made only for `http:`, `https:` and
//! `mailto:` addresses ([`super::clean_href`]), always with
//! `rel="nofollow noopener noreferrer ugc"`; nothing from the paste becomes a tag, attribute
//! name or style. The only tags written are `article header h1 p strong span a br hr section
//! ul ol li blockquote figure figcaption time details summary`; the only attributes `class`,
//! `style`, `data-theme`, `href`, `rel`, `start` and `datetime` (from [`machine_time`]).

use super::{
    media_label, shown_spans, shows_words, Article, Block, Href, Line, ListKind, PostView,
};
use crate::thread::{HtmlStyle, Options, Theme, Thread};
use std::fmt::Write as _;

/// The `rel` of every link.
pub const REL: &str = "nofollow noopener noreferrer ugc";

/// What a link's tag ends with after its address: `" rel="REL">` as one string (a test
/// checks it against [`REL`]).
const AFTER_HREF: &str = "\" rel=\"nofollow noopener noreferrer ugc\">";

/// Escapes text for a text node: `&`, `<` and `>` (found with memchr: most text has none).
pub fn escape_text(s: &str, out: &mut String) {
    out.reserve(s.len());
    let b = s.as_bytes();
    let mut run = 0;
    while let Some(k) = memchr::memchr3(b'&', b'<', b'>', crate::entities::sub_b(b, run..)) {
        let at = run + k;
        out.push_str(crate::entities::sub(s, run..at));
        out.push_str(match b[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            _ => "&gt;",
        });
        run = at + 1;
    }
    out.push_str(crate::entities::sub(s, run..));
}

/// Escapes text for HTML text and attribute values.
pub fn escape(s: &str, out: &mut String) {
    /// The bytes escaped: one table look-up a byte, a branch that is almost never taken
    /// (a `match` giving each byte's entity was a jump a byte, and a `matches!` of the five
    /// bytes a chain of branches: both mispredicted).
    const ESCAPED: [bool; 256] = {
        let mut t = [false; 256];
        t[b'&' as usize] = true;
        t[b'<' as usize] = true;
        t[b'>' as usize] = true;
        t[b'"' as usize] = true;
        t[b'\'' as usize] = true;
        t
    };
    out.reserve(s.len());
    // The bytes escaped are ASCII, so the runs between them are whole characters.
    let mut run = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if ESCAPED[usize::from(b)] {
            out.push_str(crate::entities::sub(s, run..i));
            out.push_str(match b {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            });
            run = i + 1;
        }
    }
    out.push_str(crate::entities::sub(s, run..));
}

/// Whether `href` may become a link.
pub fn safe_href(href: &str) -> bool {
    super::safe_href(href)
}

/// What an element is, for its class or inline style.
#[derive(Clone, Copy)]
enum Role {
    Article,
    Header,
    Title,
    Byline,
    Post,
    Reply,
    Rule,
    Meta,
    Num,
    Who,
    Time,
    Para,
    List,
    Item,
    Quote,
    Figure,
    MediaKind,
    Caption,
    Link,
    Removed,
    Summary,
    RemovedList,
    Reason,
}

impl Role {
    fn class(self) -> &'static str {
        match self {
            Role::Article => "unspool",
            Role::Header => "thread-header",
            Role::Title => "title",
            Role::Byline => "byline",
            Role::Post => "post",
            Role::Rule => "",
            Role::Reply => "post reply",
            Role::Meta => "meta",
            Role::Num => "num",
            Role::Who => "who",
            Role::Time => "time",
            Role::Para => "",
            Role::List => "",
            Role::Item => "",
            Role::Quote => "quoted",
            Role::Figure => "media",
            Role::MediaKind => "media-kind",
            Role::Caption => "alt",
            Role::Link => "",
            Role::Removed => "removed",
            Role::Summary => "",
            Role::RemovedList => "",
            Role::Reason => "reason",
        }
    }
}

/// Colours of an inline-styled theme.
struct Palette {
    fg: &'static str,
    bg: &'static str,
    muted: &'static str,
    rule: &'static str,
    link: &'static str,
    quote_bg: &'static str,
}

const LIGHT: Palette = Palette {
    fg: "color:#1f2328;",
    bg: "background:#ffffff;",
    muted: "color:#59636e;",
    rule: "#d1d9e0",
    link: "color:#0969da;",
    quote_bg: "background:#f6f8fa;",
};

const DARK: Palette = Palette {
    fg: "color:#e6edf3;",
    bg: "background:#0d1117;",
    muted: "color:#9198a1;",
    rule: "#3d444d",
    link: "color:#4493f8;",
    quote_bg: "background:#151b23;",
};

/// `auto` inline: inherit the page's colours, greys that read on either.
const AUTO: Palette = Palette {
    fg: "color:inherit;",
    bg: "",
    muted: "color:inherit;opacity:.72;",
    rule: "rgba(128,128,128,.45)",
    link: "color:inherit;",
    quote_bg: "",
};

fn inline_style(role: Role, theme: Theme) -> String {
    let p = match theme {
        Theme::Light => &LIGHT,
        Theme::Dark => &DARK,
        Theme::Auto => &AUTO,
    };
    let r = p.rule;
    match role {
        Role::Article => format!(
            "{}{}max-width:40rem;margin:0 auto;padding:1.25rem 1.5rem;\
             font-family:Georgia,Iowan Old Style,Times New Roman,serif;\
             font-size:1.0625rem;line-height:1.6;overflow-wrap:break-word;",
            p.fg, p.bg
        ),
        Role::Header => {
            format!("margin:0 0 1.5rem;padding:0 0 .75rem;border-bottom:1px solid {r};")
        }
        Role::Title => format!(
            "{}margin:0 0 .35rem;font-size:1.75rem;line-height:1.25;",
            p.fg
        ),
        Role::Byline => format!(
            "{}margin:0;font-family:system-ui,-apple-system,Segoe UI,sans-serif;font-size:.9rem;",
            p.muted
        ),
        Role::Post => "margin:0;padding:.75rem 0;".into(),
        Role::Reply => format!("margin:0;padding:.75rem 0 .75rem 1rem;border-left:3px solid {r};"),
        Role::Rule => format!("margin:0;border:0;border-top:1px solid {r};height:0;"),
        Role::Meta => format!(
            "{}margin:0 0 .35rem;font-family:system-ui,-apple-system,Segoe UI,sans-serif;\
             font-size:.85rem;",
            p.muted
        ),
        Role::Num => "font-weight:600;".into(),
        Role::Who => "font-weight:600;".into(),
        Role::Time => "font-style:normal;".into(),
        Role::Para => "margin:0 0 .85rem;".into(),
        Role::List => "margin:0 0 .85rem;padding-left:1.5rem;".into(),
        Role::Item => "margin:0 0 .25rem;".into(),
        Role::Quote => format!(
            "{}margin:0 0 .85rem;padding:.5rem 1rem;border-left:3px solid {r};",
            p.quote_bg
        ),
        Role::Figure => format!(
            "{}margin:0 0 .85rem;padding:.75rem 1rem;border:1px dashed {r};border-radius:6px;\
             font-family:system-ui,-apple-system,Segoe UI,sans-serif;font-size:.9rem;",
            p.muted
        ),
        Role::MediaKind => "font-weight:600;".into(),
        Role::Caption => "display:inline;".into(),
        Role::Link => format!("{}text-decoration:underline;", p.link),
        Role::Removed => format!(
            "{}margin:1.5rem 0 0;padding:.75rem 0 0;border-top:1px solid {r};\
             font-family:system-ui,-apple-system,Segoe UI,sans-serif;font-size:.85rem;",
            p.muted
        ),
        Role::Summary => "cursor:pointer;".into(),
        Role::RemovedList => "margin:.5rem 0 0;padding-left:1.25rem;".into(),
        Role::Reason => "font-weight:600;".into(),
    }
}

/// Writes elements in the chosen flavour.
struct Writer<'o> {
    out: String,
    options: &'o Options,
    /// Called between posts and removed lines with the output so far: [`render_to`] writes
    /// it out and empties it; [`render`] keeps it.
    flush: &'o mut dyn FnMut(&mut String),
    /// The block being opened is the last of its post or quote: no bottom margin (inline).
    last: bool,
}

impl Writer<'_> {
    /// A point where the output so far may be handed on (between whole elements).
    fn chunk(&mut self) {
        (self.flush)(&mut self.out);
    }

    /// `<tag class=…>` or `<tag style=…>`, with `extra` attributes (already escaped).
    fn open(&mut self, tag: &str, role: Role, extra: &str) {
        self.open_attrs(tag, role);
        self.out.push_str(extra);
        self.out.push('>');
    }

    /// `<tag class=…` or `<tag style=…`, left open for more attributes.
    fn open_attrs(&mut self, tag: &str, role: Role) {
        self.out.push('<');
        self.out.push_str(tag);
        match self.options.html_style {
            HtmlStyle::Classes => {
                let class = role.class();
                if !class.is_empty() {
                    self.out.push_str(" class=\"");
                    self.out.push_str(class);
                    self.out.push('"');
                }
            }
            HtmlStyle::Inline => {
                self.out.push_str(" style=\"");
                let mut style = inline_style(role, self.options.theme);
                let block = matches!(role, Role::Para | Role::List | Role::Quote | Role::Figure);
                if self.last && block {
                    const GAP: &str = "margin:0 0 .85rem;";
                    if let Some(at) = crate::clean::find(&style, GAP) {
                        style.replace_range(at..at + GAP.len(), "margin:0;");
                    }
                }
                escape(&style, &mut self.out);
                self.out.push('"');
            }
        }
    }

    fn close(&mut self, tag: &str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }

    fn text(&mut self, s: &str) {
        escape_text(s, &mut self.out);
    }

    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn link(&mut self, href: &Href, text: &str) {
        self.open_attrs("a", Role::Link);
        self.out.push_str(" href=\"");
        // Written escaped straight into the output, with no `String` made for the address.
        href.push_html(&mut self.out);
        self.out.push_str(AFTER_HREF);
        self.text(text);
        self.close("a");
    }
}

/// Renders the thread as an HTML fragment.
pub fn render(thread: &Thread, options: &Options) -> String {
    // Room for the texts and their markup at once, instead of growing through every size: a
    // post's text twice (links hold their text twice) and ~320 bytes of markup around it (the
    // synthetic X copies come to 2.5 bytes of HTML a byte of text), the removed lines only
    // when they are shown. (Counting every removed line made it 3.7 times the output on
    // x-1000, and past glibc's largest mmap threshold on x-10mb: fresh pages on every call.)
    let posts: usize = thread.posts.iter().map(|p| 2 * p.text.len() + 320).sum();
    let removed: usize = if options.include_removed {
        thread.removed.iter().map(|r| r.text.len() + 96).sum()
    } else {
        0
    };
    let mut out = String::with_capacity(posts + removed + 4096);
    render_chunked(thread, options, &mut out, &mut |_| {});
    out
}

/// Renders the thread as an HTML fragment into `w`, a post at a time, so the whole output
/// is never held at once; the bytes are those of [`render`].
pub fn render_to(
    thread: &Thread,
    options: &Options,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut out = String::with_capacity(super::CHUNK * 2);
    super::chunked(w, &mut out, |out, flush| {
        render_chunked(thread, options, out, flush)
    })
}

/// The one HTML renderer: appends to `out`, handing it to `flush` between whole elements.
fn render_chunked(
    thread: &Thread,
    options: &Options,
    out: &mut String,
    flush: &mut dyn FnMut(&mut String),
) {
    // The posts' views are made one at a time, each written (and handed on) before the next.
    let (article, mut views) = super::article_lazy(thread, options);
    let mut w = Writer {
        out: std::mem::take(out),
        options,
        flush,
        last: false,
    };
    let theme = match options.theme {
        Theme::Auto => "auto",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    w.open(
        "article",
        Role::Article,
        &format!(" data-theme=\"{theme}\""),
    );
    w.raw("\n");
    header(&mut w, &article);
    let mut first = true;
    while let Some(post) = views.next() {
        // Inline: a rule between posts survives editors that drop a section's border.
        if !first && options.html_style == HtmlStyle::Inline {
            w.open("hr", Role::Rule, "");
            w.raw("\n");
        }
        let role = if post.reply { Role::Reply } else { Role::Post };
        w.open("section", role, "");
        w.raw("\n");
        post_body(&mut w, &article, &post);
        w.close("section");
        w.raw("\n");
        w.chunk();
        views.recycle(post);
        first = false;
    }
    if !article.removed.is_empty() {
        w.open("details", Role::Removed, "");
        w.open("summary", Role::Summary, "");
        w.text(&format!("Removed lines ({})", article.removed.len()));
        w.close("summary");
        w.raw("\n");
        w.open("ul", Role::RemovedList, "");
        w.raw("\n");
        for r in article.removed {
            w.open("li", Role::Item, "");
            w.open("strong", Role::Reason, "");
            // Written in place: a `format!` for each of thousands of removed lines cost more.
            w.raw("line ");
            // Writing to a String cannot fail (and an `expect` is a panic path in the .wasm).
            let _ = write!(w.out, "{}", r.line);
            w.raw(" · ");
            w.text(&r.reason);
            w.close("strong");
            w.raw(" ");
            w.text(&r.text);
            w.close("li");
            w.raw("\n");
            w.chunk();
        }
        w.close("ul");
        w.raw("\n");
        w.close("details");
        w.raw("\n");
    }
    w.close("article");
    w.raw("\n");
    *out = w.out;
}

fn header(w: &mut Writer, article: &Article) {
    let words = article.author.is_some_and(shows_words);
    if article.title.is_none() && !words {
        return;
    }
    w.open("header", Role::Header, "");
    w.raw("\n");
    if let Some(title) = &article.title {
        w.open("h1", Role::Title, "");
        w.text(title);
        w.close("h1");
        w.raw("\n");
    }
    if let Some(author) = article.author.filter(|_| words) {
        w.open("p", Role::Byline, "");
        who(w, article, author);
        w.close("p");
        w.raw("\n");
    }
    w.close("header");
    w.raw("\n");
}

/// `Name @handle`, the handle linked to its profile where the platform is known.
fn who(w: &mut Writer, article: &Article, author: &crate::thread::Author) {
    let (name, handle) = super::shown(author);
    if let Some(name) = name {
        w.open("strong", Role::Who, "");
        w.text(name);
        w.close("strong");
    }
    if let Some(handle) = handle {
        if name.is_some() {
            w.raw(" ");
        }
        match super::handle_href(article, w.options, handle) {
            Some(href) => w.link(&href, handle),
            None => w.text(handle),
        }
    }
}

fn post_body(w: &mut Writer, article: &Article, post: &PostView) {
    let has_who = post.byline.is_some_and(shows_words);
    if post.label.is_some() || has_who || post.time.is_some() {
        w.open("p", Role::Meta, "");
        let mut first = true;
        if let Some(label) = &post.label {
            w.open("strong", Role::Num, "");
            w.text(label);
            w.close("strong");
            first = false;
        }
        if let Some(author) = post.byline.filter(|_| has_who) {
            if !first {
                w.raw(" · ");
            }
            who(w, article, author);
            first = false;
        }
        if let Some(time) = post.time {
            if !first {
                w.raw(" · ");
            }
            // `<time>` needs a machine-readable value; a relative `5h` has none.
            match machine_time(time) {
                Some(dt) => {
                    w.open("time", Role::Time, &format!(" datetime=\"{dt}\""));
                    w.text(time);
                    w.close("time");
                }
                None => {
                    w.open("span", Role::Time, "");
                    w.text(time);
                    w.close("span");
                }
            }
        }
        w.close("p");
        w.raw("\n");
    }
    for (i, block) in post.blocks.iter().enumerate() {
        w.last = i + 1 == post.blocks.len();
        match block {
            Block::Para(lines) => {
                w.open("p", Role::Para, "");
                for (i, line) in lines.iter().enumerate() {
                    if i > 0 {
                        w.raw("<br>\n");
                    }
                    spans(w, article, line);
                }
                w.close("p");
                w.raw("\n");
            }
            Block::List { kind, start, items } => {
                let tag = match kind {
                    ListKind::Bullet(_) => "ul",
                    ListKind::Ordered(_) => "ol",
                };
                let extra = match kind {
                    ListKind::Ordered(_) if *start != 1 => format!(" start=\"{start}\""),
                    _ => String::new(),
                };
                w.open(tag, Role::List, &extra);
                w.raw("\n");
                for item in items {
                    w.open("li", Role::Item, "");
                    spans(w, article, item);
                    w.close("li");
                    w.raw("\n");
                }
                w.close(tag);
                w.raw("\n");
            }
            Block::Quote(quoted) => {
                w.open("blockquote", Role::Quote, "");
                w.raw("\n");
                let last = w.last;
                post_body(w, article, quoted);
                w.last = last;
                w.close("blockquote");
                w.raw("\n");
            }
            Block::Media(media) => {
                w.open("figure", Role::Figure, "");
                w.open("strong", Role::MediaKind, "");
                // `:` needs no escaping: written after the label, with no `format!`.
                w.text(&media_label(media));
                w.raw(":");
                w.close("strong");
                let alt = media
                    .alt
                    .as_deref()
                    .map(str::trim)
                    .filter(|a| !a.is_empty());
                w.raw(" ");
                w.open("figcaption", Role::Caption, "");
                w.text(alt.unwrap_or("(no description)"));
                w.close("figcaption");
                w.close("figure");
                w.raw("\n");
            }
        }
    }
    w.last = false;
}

/// A `datetime` value for a time as platforms show it: `10:42 AM · May 5, 2023` →
/// `2023-05-05T10:42`, `8:55 pm · 3 Jun 2024` → `2024-06-03T20:55`, `Mar 17, 2024` →
/// `2024-03-17`, `3 Nov` → `11-03`, `Nov 2, 2025, 09:10` → `2025-11-02T09:10`; `None` when the
/// text holds no month and day (`5h`, `yesterday`) or anything is out of range.
pub fn machine_time(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let (mut month, mut day, mut year, mut clock) = (None, None, None, None);
    let mut pm: Option<bool> = None;
    let words = text
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == ':'))
        .filter(|w| !w.is_empty());
    for word in words {
        let lower = word.to_ascii_lowercase();
        if let Some((h, m)) = lower.split_once(':') {
            let (h, m): (u32, u32) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
            clock = Some((h, m));
        } else if lower == "am" || lower == "pm" {
            pm = Some(lower == "pm");
        } else if lower.len() >= 3 && lower.bytes().all(|b| b.is_ascii_alphabetic()) {
            if let Some(i) = MONTHS.iter().position(|m| lower.starts_with(m)) {
                month = month.or(Some(i as u32 + 1));
            }
        } else if let Ok(n) = lower.parse::<u32>() {
            match lower.len() {
                1 | 2 if day.is_none() => day = Some(n),
                4 => year = Some(n),
                _ => return None,
            }
        }
    }
    let clock = match (clock, pm) {
        (Some((h, m)), Some(pm)) if (1..=12).contains(&h) => {
            Some((h % 12 + if pm { 12 } else { 0 }, m))
        }
        (Some((h, m)), None) => Some((h, m)),
        (Some(_), Some(_)) => return None,
        (None, _) => None,
    };
    if clock.is_some_and(|(h, m)| h > 23 || m > 59) {
        return None;
    }
    let (month, day) = (month?, day?);
    if !(1..=31).contains(&day) || year.is_some_and(|y| !(1900..=2200).contains(&y)) {
        return None;
    }
    let date = match year {
        Some(y) => format!("{y:04}-{month:02}-{day:02}"),
        None => format!("{month:02}-{day:02}"),
    };
    Some(match (clock, year) {
        (Some((h, m)), Some(_)) => format!("{date}T{h:02}:{m:02}"),
        _ => date,
    })
}

fn spans(w: &mut Writer, article: &Article, line: &Line) {
    for (text, href) in shown_spans(article, w.options, line) {
        match href {
            Some(href) => w.link(&href, text),
            None => w.text(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_get_a_machine_readable_value_where_the_text_has_one() {
        let t = |s: &str| machine_time(s);
        assert_eq!(
            t("10:42 AM · May 5, 2023").as_deref(),
            Some("2023-05-05T10:42")
        );
        assert_eq!(
            t("8:55 pm · 3 Jun 2024").as_deref(),
            Some("2024-06-03T20:55")
        );
        assert_eq!(
            t("12:05 AM · Jan 1, 2024").as_deref(),
            Some("2024-01-01T00:05")
        );
        assert_eq!(t("Mar 17, 2024").as_deref(), Some("2024-03-17"));
        assert_eq!(
            t("3 Nov").as_deref(),
            Some("11-03"),
            "a yearless date is valid"
        );
        assert_eq!(t("Nov 2, 2025, 09:10").as_deref(), Some("2025-11-02T09:10"));
        assert_eq!(t("5h"), None, "a relative time has no date");
        assert_eq!(t("19h"), None);
        assert_eq!(t("May 45, 2023"), None, "out of range");
        assert_eq!(t("25:10 · May 5, 2023"), None);
        assert_eq!(t("13:10 PM · May 5, 2023"), None);
    }

    #[test]
    fn a_link_ends_its_tag_with_rel() {
        assert_eq!(
            AFTER_HREF,
            format!("\" rel=\"{REL}\">"),
            "the rel the page promises"
        );
    }

    #[test]
    fn a_link_with_no_text_is_left_out() {
        use crate::thread::{Post, Span};
        let thread = Thread {
            posts: vec![Post {
                number: 1,
                text: "see  now".into(),
                spans: vec![
                    Span::Text {
                        text: "see ".into(),
                    },
                    Span::Link {
                        text: " ".into(),
                        href: "https://a.example/".into(),
                    },
                    Span::Text {
                        text: " now".into(),
                    },
                ],
                ..Post::default()
            }],
            ..Thread::default()
        };
        let html = render(&thread, &Options::default());
        assert!(
            !html.contains("<a "),
            "an invisible link should not be written:\n{html}"
        );
    }

    #[test]
    fn text_nodes_keep_quotes_readable() {
        let mut s = String::new();
        escape_text("That's \"it\" <b>&", &mut s);
        assert_eq!(s, "That's \"it\" &lt;b&gt;&amp;");
    }

    #[test]
    fn escapes_text() {
        let mut s = String::new();
        escape("<script>\"'&", &mut s);
        assert_eq!(s, "&lt;script&gt;&quot;&#39;&amp;");
    }
}

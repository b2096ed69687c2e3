//! Paste HTML: the `text/html` flavour of a clipboard → the pipeline's input text, plus the
//! links whose addresses the text alone would lose.
//!
//! When a browser copies a selection it offers two flavours. `text/plain` is the page's
//! `innerText`: links lose their `href`, and emoji that the site drew as `<img alt="🔥">`
//! vanish. `text/html` keeps both. [`parse`] turns that HTML into the text a person would
//! have copied, with those things put back:
//!
//! - text nodes are kept, whitespace collapsed as a browser lays it out (kept inside `<pre>`,
//!   `white-space: pre…` and X's post text, which the site sets `pre-wrap`);
//! - `<br>` is a line break; block elements (`div`, `li`, `h1`…) start a new line and `<p>`
//!   a new paragraph, as `innerText` does (an inline `style="display: …"` wins);
//! - `<img>` with an emoji `alt` comes back as that emoji, in the line; other images with an
//!   `alt` (`Image`) become a line of their own, as in a text copy;
//! - `<a href>`: when the link's text is its address (X hides `https://` and the tail of the
//!   address in invisible spans and shows `…`), the whole address is written, without the
//!   `…`; otherwise the text is written and `(text, href)` kept in [`Pasted::links`] so
//!   [`relink`] can turn that text back into a link after the pipeline ran;
//! - `script`, `style`, `template`, `head`, `svg`, comments, `hidden` and `display: none`
//!   elements are dropped; character references (`&amp;`, `&#8217;`, `&#x1F525;`) decoded.
//!
//! The tokenizer is hand-written and tolerant, as HTML parsers must be: unclosed and
//! misnested tags, stray `<`, attributes without quotes and truncated input all give some
//! text and never a panic. References: the HTML Living Standard's tokenizer (§13.2.5) and
//! the `innerText` getter's "required line break count" (§3.2.7).

use crate::thread::{Span, Thread};
use serde::{Deserialize, Serialize};

/// A link the text would lose: its words and where it pointed.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct PastedLink {
    /// The link's words, as they stand in [`Pasted::text`].
    pub text: String,
    /// Its address (`http:`, `https:` or `mailto:` only).
    pub href: String,
}

/// Clipboard HTML, as text for the pipeline.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct Pasted {
    /// What a person would have copied, with emoji and full addresses put back.
    pub text: String,
    /// Links whose words are not an address, in order.
    pub links: Vec<PastedLink>,
}

/// Elements whose content is not text to read.
const SKIPPED: &[&str] = &[
    "script", "style", "template", "head", "title", "svg", "math", "iframe", "object", "canvas",
    "noscript", "select", "textarea", "audio", "video", "noembed", "noframes", "xmp", "datalist",
];

/// Elements whose content the HTML tokenizer reads as raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements that start and end a line.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
    "caption",
    "body",
    "html",
];

/// The lists above as one table, made at compile time: for each element named in any of
/// them, its name's length, its name, and a byte of bits saying which lists hold it (bit `k`
/// for `[SKIPPED, RAW_TEXT, VOID, BLOCK][k]`). One scan of these bytes answers all four
/// questions, where four tables of `&str` (8 bytes an entry in the .wasm, poorly
/// compressed) were each scanned in turn.
static TAGS: [u8; tags_len(&TAG_LISTS)] = tags(&TAG_LISTS);
const TAG_LISTS: [&[&str]; 4] = [SKIPPED, RAW_TEXT, VOID, BLOCK];
const IS_SKIPPED: u8 = 1;
const IS_RAW_TEXT: u8 = 2;
const IS_VOID: u8 = 4;
const IS_BLOCK: u8 = 8;

/// `a == b`, at compile time.
const fn same_str(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `name` is in `list`, at compile time.
const fn listed(list: &[&str], name: &str) -> bool {
    let mut i = 0;
    while i < list.len() {
        if same_str(list[i], name) {
            return true;
        }
        i += 1;
    }
    false
}

/// Whether `lists[k][i]` was named before (in an earlier list, or earlier in its own): its
/// entry in [`TAGS`] is the first one's.
const fn named_before(lists: &[&[&str]], k: usize, i: usize) -> bool {
    let mut j = 0;
    while j < k {
        if listed(lists[j], lists[k][i]) {
            return true;
        }
        j += 1;
    }
    let mut m = 0;
    while m < i {
        if same_str(lists[k][m], lists[k][i]) {
            return true;
        }
        m += 1;
    }
    false
}

/// The length of [`TAGS`].
const fn tags_len(lists: &[&[&str]]) -> usize {
    let (mut n, mut k) = (0, 0);
    while k < lists.len() {
        let mut i = 0;
        while i < lists[k].len() {
            if !named_before(lists, k, i) {
                n += 2 + lists[k][i].len();
            }
            i += 1;
        }
        k += 1;
    }
    n
}

/// [`TAGS`], from `lists`.
const fn tags<const N: usize>(lists: &[&[&str]]) -> [u8; N] {
    let mut out = [0; N];
    let (mut at, mut k) = (0, 0);
    while k < lists.len() {
        let mut i = 0;
        while i < lists[k].len() {
            let name = lists[k][i].as_bytes();
            if !named_before(lists, k, i) {
                assert!(name.len() < 256, "a tag's length fits a byte");
                out[at] = name.len() as u8;
                let mut c = 0;
                while c < name.len() {
                    out[at + 1 + c] = name[c];
                    c += 1;
                }
                let mut bits = 0;
                let mut j = 0;
                while j < lists.len() {
                    if listed(lists[j], lists[k][i]) {
                        bits |= 1 << j;
                    }
                    j += 1;
                }
                out[at + 1 + name.len()] = bits;
                at += 2 + name.len();
            }
            i += 1;
        }
        k += 1;
    }
    out
}

/// Which of the lists above hold the element `name` (bits: [`IS_SKIPPED`], [`IS_RAW_TEXT`],
/// [`IS_VOID`], [`IS_BLOCK`]); 0 when none does.
fn tag_kind(name: &str) -> u8 {
    let name = name.as_bytes();
    let mut i = 0;
    while let Some(&n) = TAGS.get(i) {
        let n = usize::from(n);
        if n == name.len() && TAGS.get(i + 1..i + 1 + n) == Some(name) {
            return TAGS.get(i + 1 + n).copied().unwrap_or(0);
        }
        i += n + 2;
    }
    0
}

/// How an open element shapes the text inside it.
#[derive(Clone, Copy, Debug, Default)]
struct Context {
    /// Inside an element whose content is dropped.
    skip: bool,
    /// Whitespace is kept as written.
    pre: bool,
    /// `div`s are laid out inline here (X wraps mentions in `div`s inside its post text).
    inline_divs: bool,
}

struct Open {
    name: String,
    context: Context,
    /// Line breaks to require when the element closes (0 for inline elements).
    breaks: u8,
    /// For `<a>`: where its text starts in the output, and its address.
    anchor: Option<(usize, String)>,
    /// For `aria-hidden` elements: where their text starts (X's `…` after an address).
    aria_hidden: Option<usize>,
}

/// The text being written, with `innerText`'s whitespace and line-break rules.
#[derive(Default)]
struct Writer {
    text: String,
    /// A collapsible space is owed before the next visible character.
    space: bool,
    /// Line breaks owed before the next visible character.
    breaks: u8,
}

impl Writer {
    fn trailing_newlines(&self) -> u8 {
        let n = self.text.bytes().rev().take_while(|&b| b == b'\n').count();
        u8::try_from(n.min(2)).unwrap_or(2)
    }

    /// Writes what is owed before content.
    fn flush(&mut self) {
        if self.text.is_empty() {
            self.breaks = 0;
            self.space = false;
            return;
        }
        if self.breaks > 0 {
            self.trim_line_end();
            let have = self.trailing_newlines();
            for _ in have..self.breaks {
                self.text.push('\n');
            }
            self.breaks = 0;
            self.space = false;
        } else if self.space {
            if !self.text.ends_with(['\n', ' ']) {
                self.text.push(' ');
            }
            self.space = false;
        }
    }

    fn trim_line_end(&mut self) {
        let kept = self.text.trim_end_matches([' ', '\t']).len();
        // Guarded by the test `truncate` asserts (never false here): no panic path.
        if self.text.is_char_boundary(kept) {
            self.text.truncate(kept);
        }
    }

    fn require_breaks(&mut self, n: u8) {
        self.breaks = self.breaks.max(n);
    }

    fn br(&mut self) {
        self.flush();
        self.trim_line_end();
        self.text.push('\n');
        self.space = false;
    }

    fn content(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        self.flush();
        self.text.push_str(s);
    }

    fn text(&mut self, s: &str, pre: bool) {
        for c in s.chars() {
            match c {
                '\n' if pre => self.br(),
                '\r' => {}
                ' ' | '\t' | '\n' | '\u{c}' if !pre => self.space = true,
                '\u{a0}' => self.content(" "),
                _ => {
                    self.flush();
                    self.text.push(c);
                }
            }
        }
    }

    fn finish(mut self) -> String {
        self.trim_line_end();
        let end = self.text.trim_end().len();
        if self.text.is_char_boundary(end) {
            self.text.truncate(end);
        }
        self.text
    }
}

/// Turns clipboard HTML into the text a person would have copied, keeping links and emoji.
///
/// ```
/// let p = unspool::paste_html::parse(
///     "<div>Full article <a href=\"https://example.com/a\">here</a> <img alt=\"🔥\"></div>",
/// );
/// assert_eq!(p.text, "Full article here 🔥");
/// assert_eq!(p.links[0].href, "https://example.com/a");
/// ```
pub fn parse(html: &str) -> Pasted {
    let mut out = Writer::default();
    let mut links = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let Some(lt) = memchr::memchr(b'<', crate::entities::sub_b(b, i..)).map(|k| i + k) else {
            text_node(&mut out, &stack, crate::entities::sub(html, i..));
            break;
        };
        if lt > i {
            text_node(&mut out, &stack, crate::entities::sub(html, i..lt));
        }
        i = lt;
        let next = b.get(i + 1).copied().unwrap_or(0);
        if crate::entities::sub(html, i..).starts_with("<!--") {
            i = find(b, i + 4, b"-->").map_or(b.len(), |k| k + 3);
        } else if next == b'!' || next == b'?' {
            i = memchr::memchr(b'>', crate::entities::sub_b(b, i..)).map_or(b.len(), |k| i + k + 1);
        } else if next == b'/' && b.get(i + 2).is_some_and(u8::is_ascii_alphabetic) {
            let (tag, end) = read_tag(html, i + 2);
            i = end;
            close(&mut out, &mut stack, &mut links, &tag.name);
        } else if next.is_ascii_alphabetic() {
            let (tag, end) = read_tag(html, i + 1);
            i = end;
            if tag_kind(&tag.name) & IS_RAW_TEXT != 0 && !tag.self_closing {
                // Raw text: skipped up to its end tag, which may be missing.
                i = find_end_tag(b, i, tag.name.as_bytes()).unwrap_or(b.len());
                continue;
            }
            open(&mut out, &mut stack, tag);
        } else {
            text_node(&mut out, &stack, "<");
            i += 1;
        }
    }
    while let Some(name) = stack.last().map(|o| o.name.clone()) {
        close(&mut out, &mut stack, &mut links, &name);
    }
    Pasted {
        text: out.finish(),
        links,
    }
}

fn context(stack: &[Open]) -> Context {
    stack.last().map(|o| o.context).unwrap_or_default()
}

fn text_node(out: &mut Writer, stack: &[Open], raw: &str) {
    let ctx = context(stack);
    if ctx.skip {
        return;
    }
    if crate::clean::has(raw, '&') {
        out.text(&decode_references(raw), ctx.pre);
    } else {
        out.text(raw, ctx.pre);
    }
}

struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    self_closing: bool,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads a tag from its name at `start` to after its `>`: the tag and where reading ends.
fn read_tag(html: &str, start: usize) -> (Tag, usize) {
    let b = html.as_bytes();
    let mut i = start;
    while i < b.len() && !matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>') {
        i += 1;
    }
    let name = crate::entities::sub(html, start..i).to_ascii_lowercase();
    let mut tag = Tag {
        name,
        attrs: Vec::new(),
        self_closing: false,
    };
    loop {
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
            i += 1;
        }
        match b.get(i) {
            None => return (tag, b.len()),
            Some(b'>') => return (tag, i + 1),
            Some(b'/') => {
                tag.self_closing = b.get(i + 1) == Some(&b'>');
                i += 1;
                continue;
            }
            Some(_) => {}
        }
        let name_start = i;
        while i < b.len() && !matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>') {
            if b[i] == b'=' && i > name_start {
                break;
            }
            i += 1;
        }
        let attr_name = crate::entities::sub(html, name_start..i).to_ascii_lowercase();
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
            i += 1;
        }
        let mut value = String::new();
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                i += 1;
            }
            match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = memchr::memchr(q, crate::entities::sub_b(b, i + 1..))
                        .map_or(b.len(), |k| i + 1 + k);
                    value = decode_references(crate::entities::sub(html, i + 1..end));
                    i = (end + 1).min(b.len());
                }
                _ => {
                    let s = i;
                    while i < b.len() && !matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | b'>') {
                        i += 1;
                    }
                    value = decode_references(crate::entities::sub(html, s..i));
                }
            }
        }
        if !attr_name.is_empty() {
            tag.attrs.push((attr_name, value));
        }
    }
}

/// What an inline `style` attribute says about layout: (display, keeps whitespace).
fn style_layout(style: &str) -> (Option<String>, bool) {
    let mut display = None;
    let mut pre = false;
    for decl in style.split(';') {
        let Some((prop, value)) = decl.split_once(':') else {
            continue;
        };
        let prop = prop.trim().to_ascii_lowercase();
        let value = value.trim().to_ascii_lowercase();
        match prop.as_str() {
            "display" => display = Some(value),
            "white-space" => pre = value.starts_with("pre") || value == "break-spaces",
            _ => {}
        }
    }
    (display, pre)
}

fn open(out: &mut Writer, stack: &mut Vec<Open>, tag: Tag) {
    let parent = context(stack);
    let name = tag.name.as_str();
    let (display, styled_pre) = tag.attr("style").map(style_layout).unwrap_or_default();
    let hidden = tag.attr("hidden").is_some() || display.as_deref() == Some("none");
    let kind = tag_kind(name);
    let skip = parent.skip || hidden || kind & IS_SKIPPED != 0;
    let is_void = kind & IS_VOID != 0;

    if !skip {
        match name {
            "br" => out.br(),
            "img" => image(out, &tag),
            "hr" => out.require_breaks(1),
            "td" | "th" => out.space = true,
            _ => {}
        }
    }
    if is_void || tag.self_closing {
        return;
    }

    let block = match display.as_deref() {
        Some(d) if d.starts_with("inline") || d == "contents" => false,
        Some(_) => true,
        None => kind & IS_BLOCK != 0 && !(name == "div" && parent.inline_divs),
    };
    let breaks = match (block, name) {
        (false, _) => 0,
        (true, "p") => 2,
        (true, _) => 1,
    };
    if !skip && breaks > 0 {
        out.require_breaks(breaks);
    }
    let post_text = tag.attr("data-testid") == Some("tweetText");
    let anchor = match (name, tag.attr("href")) {
        ("a", Some(href)) if !skip => {
            // The link's text starts here: owed spaces and breaks go before it, not inside it.
            out.flush();
            Some((out.text.len(), href.trim().to_owned()))
        }
        _ => None,
    };
    let context = Context {
        skip,
        pre: parent.pre || name == "pre" || name == "listing" || styled_pre || post_text,
        inline_divs: parent.inline_divs || post_text,
    };
    let aria_hidden = (tag.attr("aria-hidden") == Some("true") && !skip).then(|| {
        out.flush();
        out.text.len()
    });
    stack.push(Open {
        name: tag.name,
        context,
        breaks,
        anchor,
        aria_hidden,
    });
}

fn close(out: &mut Writer, stack: &mut Vec<Open>, links: &mut Vec<PastedLink>, name: &str) {
    let Some(pos) = stack.iter().rposition(|o| o.name == name) else {
        return;
    };
    while stack.len() > pos {
        let Some(o) = stack.pop() else { break };
        if o.context.skip {
            continue;
        }
        if let Some(start) = o.aria_hidden {
            drop_address_ellipsis(out, start);
        }
        if let Some((start, href)) = o.anchor {
            anchor_end(out, links, start, &href);
        }
        if o.breaks > 0 {
            out.require_breaks(o.breaks);
        }
    }
}

/// Drops the hidden `…` X draws after a shortened address that is not a link (in quotes).
fn drop_address_ellipsis(out: &mut Writer, start: usize) {
    if out.text.get(start..) != Some("…") {
        return;
    }
    let before = crate::entities::sub(&out.text, ..start);
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let lower = word.to_ascii_lowercase();
    // `start` is a char boundary (`get(start..)` found the `…`): the test lets the compiler
    // drop `truncate`'s assert and its panic path.
    if (lower.starts_with("https://") || lower.starts_with("http://"))
        && out.text.is_char_boundary(start)
    {
        out.text.truncate(start);
    }
}

/// Finishes a link whose text starts at byte `start` of the output.
fn anchor_end(out: &mut Writer, links: &mut Vec<PastedLink>, start: usize, href: &str) {
    let Some(words) = out.text.get(start..) else {
        return;
    };
    let words = words.trim();
    let bare = words.trim_end_matches(['…', '.']).trim_end();
    let lower = bare.to_ascii_lowercase();
    if (lower.starts_with("https://") || lower.starts_with("http://"))
        && !bare.contains(char::is_whitespace)
    {
        // X shows `example.com/pa…` and hides the rest: the whole address is the text.
        let bare = bare.to_owned();
        if out.text.is_char_boundary(start) {
            out.text.truncate(start);
        }
        out.text.push_str(&bare);
        return;
    }
    let lower_href = href.to_ascii_lowercase();
    let safe = ["http://", "https://", "mailto:"]
        .iter()
        .any(|s| lower_href.starts_with(s));
    let entity = words.starts_with(['@', '#', '$', '＃']);
    if safe && !entity && words.chars().count() >= 2 {
        links.push(PastedLink {
            text: words.to_owned(),
            href: href.to_owned(),
        });
    }
}

/// Whether `alt` is an emoji (or a few), not a description such as `Image`.
fn is_emoji_alt(alt: &str) -> bool {
    let n = alt.chars().count();
    (1..=16).contains(&n) && !alt.chars().any(|c| c.is_alphabetic() || c.is_whitespace())
}

fn image(out: &mut Writer, tag: &Tag) {
    let alt = tag.attr("alt").unwrap_or("").trim();
    if alt.is_empty() {
        return;
    }
    if is_emoji_alt(alt) {
        out.content(alt);
    } else {
        out.require_breaks(1);
        out.content(alt);
        out.require_breaks(1);
    }
}

/// Where `needle` starts in `b` at or after `from`. (A first-byte memchr and a compare, not
/// `memchr::memmem`: the .wasm leaves memmem's searchers out, 2 kB gzipped.)
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    crate::clean::find_bytes(b.get(from..)?, needle).map(|k| from + k)
}

/// Where the end tag `</name` (any case) starts at or after `from`.
fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(k) = memchr::memchr(b'<', b.get(i..)?) {
        let at = i + k;
        let candidate = b.get(at + 2..at + 2 + name.len());
        if b.get(at + 1) == Some(&b'/') && candidate.is_some_and(|c| c.eq_ignore_ascii_case(name)) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Named references a clipboard actually holds; anything else is left as written.
const NAMED: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("hellip", "…"),
    ("mdash", "—"),
    ("ndash", "–"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("bull", "•"),
    ("middot", "·"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("cent", "¢"),
    ("deg", "°"),
    ("times", "×"),
    ("divide", "÷"),
    ("sect", "§"),
    ("para", "¶"),
    ("shy", ""),
    ("zwj", "\u{200d}"),
    ("zwnj", "\u{200c}"),
    ("ensp", "\u{2002}"),
    ("emsp", "\u{2003}"),
    ("thinsp", "\u{2009}"),
    ("larr", "←"),
    ("rarr", "→"),
    ("uarr", "↑"),
    ("darr", "↓"),
];

/// [`NAMED`] as one string, made at compile time: for each reference, its name's length (a
/// char below U+0080, so the string stays UTF-8), its name, its value's length and its
/// value. A table of `(&str, &str)` is 16 bytes an entry in the .wasm, poorly compressed.
const NAMED_TABLE: &str = match std::str::from_utf8(&NAMED_BYTES) {
    Ok(table) => table,
    Err(_) => panic!("the named references' table is UTF-8"),
};
const NAMED_BYTES: [u8; named_len(NAMED)] = named_bytes(NAMED);

/// The length of [`NAMED_TABLE`].
const fn named_len(list: &[(&str, &str)]) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < list.len() {
        n += 2 + list[i].0.len() + list[i].1.len();
        i += 1;
    }
    n
}

/// [`NAMED_TABLE`]'s bytes, from `list`.
const fn named_bytes<const N: usize>(list: &[(&str, &str)]) -> [u8; N] {
    let mut out = [0; N];
    let (mut at, mut i) = (0, 0);
    while i < list.len() {
        let mut part = 0;
        while part < 2 {
            let s = if part == 0 { list[i].0 } else { list[i].1 }.as_bytes();
            assert!(s.len() < 0x80, "a length is one ASCII byte");
            out[at] = s.len() as u8;
            let mut c = 0;
            while c < s.len() {
                out[at + 1 + c] = s[c];
                c += 1;
            }
            at += 1 + s.len();
            part += 1;
        }
        i += 1;
    }
    out
}

/// The value of the named reference `name` (`amp` → `&`), if [`NAMED`] has it.
fn named_value(name: &str) -> Option<&'static str> {
    let table = NAMED_TABLE.as_bytes();
    let mut i = 0;
    while let Some(&n) = table.get(i) {
        let n = usize::from(n);
        let v = usize::from(*table.get(i + 1 + n)?);
        let at = i + 2 + n;
        if table.get(i + 1..i + 1 + n) == Some(name.as_bytes()) {
            return NAMED_TABLE.get(at..at + v);
        }
        i = at + v;
    }
    None
}

/// Decodes character references: `&amp;`, `&#8217;`, `&#x1F525;`. Unknown names stay.
pub fn decode_references(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(crate::entities::sub(rest, ..p));
        rest = crate::entities::sub(rest, p + 1..);
        let len = rest
            .bytes()
            .take(32)
            .position(|c| c == b';')
            .filter(|&n| n > 0);
        let decoded = len.and_then(|n| {
            let name = crate::entities::sub(rest, ..n);
            let value = match name.strip_prefix('#') {
                Some(num) => {
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => num.parse().ok(),
                    };
                    code.map(|c| match char::from_u32(c) {
                        Some(c) if c != '\0' => c.to_string(),
                        _ => '\u{fffd}'.to_string(),
                    })
                }
                None => named_value(name).map(str::to_owned),
            };
            value.map(|v| (n, v))
        });
        match decoded {
            Some((n, v)) => {
                out.push_str(&v);
                rest = crate::entities::sub(rest, n + 1..);
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    out
}

/// Turns the words of `links` back into links in the thread's posts (and quoted posts).
///
/// A plain run holding a link's words is cut around them; a link the entity finder made from
/// a shortened address (`example.com/pa` before a `…`) takes the pasted address. Spans are
/// only cut, never changed in text, so a post's spans still join to its text.
pub fn relink(thread: &mut Thread, links: &[PastedLink]) {
    if links.is_empty() {
        return;
    }
    let mut by_length: Vec<&PastedLink> = links.iter().filter(|l| !l.text.is_empty()).collect();
    // Longest first (stable: ties keep their order).
    crate::sort::sort_by_key(&mut by_length, |l| u64::MAX - l.text.len() as u64);
    for post in &mut thread.posts {
        relink_post(post, &by_length);
    }
}

fn relink_post(post: &mut crate::thread::Post, links: &[&PastedLink]) {
    let mut spans = Vec::with_capacity(post.spans.len());
    for span in post.spans.drain(..) {
        match span {
            Span::Text { text } => cut(&text, links, &mut spans),
            Span::Link { text, href } => {
                let pasted = links
                    .iter()
                    .find(|l| l.text.trim_end_matches('…').trim_end() == &*text);
                let href = pasted.map_or(href, |l| l.href.as_str().into());
                spans.push(Span::Link { text, href });
            }
            other => spans.push(other),
        }
    }
    post.spans = spans;
    if let Some(q) = post.quoted.as_mut() {
        relink_post(q, links);
    }
}

/// Cuts `text` into plain runs and links at the first-found words of `links`.
fn cut(text: &str, links: &[&PastedLink], spans: &mut Vec<Span>) {
    let mut rest = text;
    while !rest.is_empty() {
        let hit = links
            .iter()
            .filter_map(|l| crate::clean::find(rest, &l.text).map(|at| (at, *l)))
            .min_by_key(|&(at, l)| (at, std::cmp::Reverse(l.text.len())));
        let Some((at, link)) = hit else { break };
        if at > 0 {
            spans.push(Span::Text {
                text: crate::entities::sub(rest, ..at).into(),
            });
        }
        spans.push(Span::Link {
            text: link.text.as_str().into(),
            href: link.href.as_str().into(),
        });
        rest = crate::entities::sub(rest, at + link.text.len()..);
    }
    if !rest.is_empty() {
        spans.push(Span::Text { text: rest.into() });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The packed tag table answers as the four `&str` lists did (`contains`), on their
    /// names, names made from them (cut, grown, a byte changed) and random ones.
    #[test]
    fn tag_kinds_answer_as_the_lists_did() {
        let mut next = crate::test_rng::xorshift(0x7a65_c0de_0015_0003);
        let all: Vec<&str> = TAG_LISTS.iter().flat_map(|l| l.iter().copied()).collect();
        for _ in 0..20_000 {
            let word = all[next() as usize % all.len()];
            let t = crate::test_rng::mutated(word, &mut next, b"1ax", b"aeiopr1", b"abdeilpr1", 9);
            let t = String::from_utf8(t).unwrap();
            let want = [SKIPPED, RAW_TEXT, VOID, BLOCK]
                .iter()
                .enumerate()
                .fold(0, |bits, (k, l)| {
                    bits | u8::from(l.contains(&t.as_str())) << k
                });
            assert_eq!(tag_kind(&t), want, "{t:?}");
        }
    }

    /// The packed named references answer as the table of pairs did.
    #[test]
    fn named_values_answer_as_the_pairs_did() {
        let old = |name: &str| NAMED.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
        let mut next = crate::test_rng::xorshift(0x4a3e_c0de_0015_0004);
        for _ in 0..20_000 {
            let word = NAMED[next() as usize % NAMED.len()].0;
            let t =
                crate::test_rng::mutated(word, &mut next, b"sx;", b"aeimpqt", b"adlmnpqrstu", 7);
            let t = String::from_utf8(t).unwrap();
            assert_eq!(named_value(&t), old(&t), "{t:?}");
        }
        for (name, value) in NAMED {
            assert_eq!(named_value(name), Some(*value), "{name:?}");
        }
    }

    fn text(html: &str) -> String {
        parse(html).text
    }

    #[test]
    fn blocks_and_breaks_make_lines() {
        assert_eq!(text("<div>a</div><div>b</div>"), "a\nb", "a div is a line");
        assert_eq!(text("<p>a</p><p>b</p>"), "a\n\nb", "a p is a paragraph");
        assert_eq!(text("a<br>b<br/>c"), "a\nb\nc", "br is a line break");
        assert_eq!(text("<li>one</li><li>two</li>"), "one\ntwo");
        assert_eq!(
            text("  a \n  b  <span> c</span>"),
            "a b c",
            "whitespace collapses"
        );
    }

    #[test]
    fn pre_and_pre_wrap_keep_newlines() {
        assert_eq!(text("<pre>a\n  b</pre>"), "a\n  b");
        assert_eq!(
            text("<span style=\"white-space: pre-wrap\">a\n\nb</span>"),
            "a\n\nb"
        );
    }

    #[test]
    fn inline_display_wins_over_the_tag() {
        assert_eq!(text("a <div style=\"display:inline\">b</div> c"), "a b c");
        assert_eq!(text("a<span style=\"display: block\">b</span>c"), "a\nb\nc");
    }

    #[test]
    fn emoji_images_come_back_and_other_images_are_lines() {
        assert_eq!(
            text("so hot <img alt=\"🔥\" src=\"x.svg\"> now"),
            "so hot 🔥 now"
        );
        assert_eq!(text("a<img alt=\"Image\">b"), "a\nImage\nb");
        assert_eq!(text("a<img alt=\"\">b"), "ab", "no alt, no text");
    }

    #[test]
    fn scripts_styles_comments_and_hidden_are_dropped() {
        let html = "<style>p{}</style><script>alert('<p>x</p>')</script><!-- c --><p>kept</p>\
                    <div hidden>no</div><div style=\"display:none\">no</div><svg><text>no</text></svg>";
        assert_eq!(text(html), "kept");
    }

    #[test]
    fn references_are_decoded() {
        assert_eq!(
            text("AT&amp;T &#8217; &#x1F525; &bogus; &"),
            "AT&T ’ 🔥 &bogus; &"
        );
        assert_eq!(decode_references("&#0;&#xD800;"), "\u{fffd}\u{fffd}");
    }

    #[test]
    fn links_keep_their_address() {
        let p = parse("Full article <a href=\"https://ex.com/a\">here</a>.");
        assert_eq!(p.text, "Full article here.");
        assert_eq!(
            p.links,
            vec![PastedLink {
                text: "here".into(),
                href: "https://ex.com/a".into()
            }]
        );
        let p = parse("<a href=\"javascript:alert(1)\">click</a>");
        assert!(
            p.links.is_empty(),
            "only http, https and mailto links are kept"
        );
        let p = parse("<a href=\"https://x.com/bob\">@bob</a>");
        assert!(
            p.links.is_empty(),
            "mentions are found by the entity stage, not kept as links"
        );
    }

    #[test]
    fn hidden_address_parts_make_a_whole_address() {
        let html = "<a href=\"https://t.co/x\"><span aria-hidden=\"true\">https://</span>wired.com/st\
                    <span aria-hidden=\"true\">ory/</span><span aria-hidden=\"true\">…</span></a> next";
        let p = parse(html);
        assert_eq!(p.text, "https://wired.com/story/ next");
        assert!(p.links.is_empty());
    }

    #[test]
    fn hostile_input_never_panics() {
        for s in [
            "",
            "<",
            "<<<",
            "</",
            "</>",
            "<a",
            "<a href=",
            "<a href=\"",
            "<!--",
            "<!",
            "<?",
            "<script>",
            "&",
            "&#",
            "&#x;",
            "&#99999999999;",
            "<p>é<br",
            "<é>",
            "<a/b>",
            "\u{0}<\u{0}>",
            "<textarea>x",
            "</p></p></div>",
        ] {
            let _ = parse(s);
        }
        let deep = "<div><span><a href=\"http://a\">".repeat(10_000);
        assert!(parse(&deep).text.is_empty());
    }

    #[test]
    fn relink_cuts_plain_runs() {
        let mut thread = crate::format("Full article here: read it", &Default::default());
        relink(
            &mut thread,
            &[PastedLink {
                text: "read it".into(),
                href: "https://ex.com".into(),
            }],
        );
        let post = &thread.posts[0];
        assert!(
            post.spans.contains(&Span::Link {
                text: "read it".into(),
                href: "https://ex.com".into()
            }),
            "the pasted link's words are a link again: {:?}",
            post.spans
        );
        let joined: String = post.spans.iter().map(Span::text).collect();
        assert_eq!(joined, post.text, "spans still join to the text");
    }
}

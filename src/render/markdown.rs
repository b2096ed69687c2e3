//! Markdown: a [`Thread`] → CommonMark that parses back to the same structure.
//!
//! Layout: `# Title`, the author line, then the posts separated by thematic breaks (`---`).
//! A post is paragraphs (lines joined by hard breaks, `\` at the end of a line), lists
//! (`- ` or `1. `, starting at the post's own first number), the quoted post as a `>` block
//! quote, media as an emphasised `Image: alt` line. The number (`**1/5**`) leads the first
//! paragraph; a reply's author and the time go on an emphasised line above the post. Removed
//! lines, when asked for, follow a last break as a `**Removed lines**` list.
//!
//! Escaping ([`escape`]) only where CommonMark (or GFM) would read syntax: `\`, `` ` ``, `*`,
//! `<`, `[`, `]`, `|` anywhere; `_` at a word edge; `&` that would start an entity; `~` next
//! to `~`; at a line start `#` (a heading), `>`, `-`/`+`/`=` that could begin a list, a
//! break or a heading underline, and `1.`/`1)` before a space. Leading and trailing spaces of
//! a line are dropped (four spaces would make code). Links are `[text](<href>)`, only for
//! safe addresses.

use super::{
    media_label, shown_spans, shows_words, Article, Block, Href, Line, ListKind, PostView,
};
use crate::thread::{Author, Options, Thread};

/// Escapes `s` so CommonMark shows it as written. `line_start` says whether `s` begins a line,
/// where `#`, `>`, `-`, `+`, `=` and `1.` would start a block.
pub fn escape(s: &str, line_start: bool, out: &mut String) {
    // Every char that may need a backslash is ASCII: a walk over bytes, copying the runs
    // between them whole (a char at a time, into a vector of chars made each call, was most
    // of the Markdown renderer's time). A byte of a char outside ASCII is never one of them,
    // nor a space, so it ends a line start as its char would.
    let bytes = s.as_bytes();
    let spaceish = |b: Option<&u8>| matches!(b, None | Some(b' ' | b'\t'));
    let mut at_start = line_start;
    // Bytes before `run` are written.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        // Whether a backslash goes before byte `i`, and how far to step: a line's leading
        // digits are stepped over whole, and the `.` or `)` after them (an ordered list's
        // marker) is the byte that may take the backslash.
        let (needs, step) = if at_start && c.is_ascii_digit() {
            let digits = crate::entities::sub_b(bytes, i..)
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            i += digits;
            let marker = digits <= 9
                && matches!(bytes.get(i), Some(b'.' | b')'))
                && spaceish(bytes.get(i + 1));
            (marker, 0)
        } else {
            let next = bytes.get(i + 1);
            let needs = match c {
                b'\\' | b'`' | b'*' | b'<' | b'[' | b']' | b'|' => true,
                b'_' => {
                    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                    !(word(crate::entities::sub(s, ..i).chars().next_back())
                        && word(crate::entities::sub(s, i + 1..).chars().next()))
                }
                b'&' => entity_follows(crate::entities::sub(s, i + 1..)),
                b'~' => i.checked_sub(1).map(|k| bytes[k]) == Some(b'~') || next == Some(&b'~'),
                b'#' if at_start => {
                    let hashes = crate::entities::sub_b(bytes, i..)
                        .iter()
                        .take_while(|&&b| b == b'#')
                        .count();
                    hashes <= 6 && spaceish(bytes.get(i + hashes))
                }
                b'>' if at_start => true,
                b'-' | b'+' if at_start => spaceish(next) || next == Some(&c),
                b'=' if at_start => spaceish(next) || next == Some(&b'='),
                _ => false,
            };
            (needs, 1)
        };
        if needs {
            out.push_str(crate::entities::sub(s, run..i));
            out.push('\\');
            run = i;
        }
        // Only spaces and tabs keep a line's start (not the digits, which step 0).
        at_start = step == 1 && at_start && (c == b' ' || c == b'\t');
        i += step;
    }
    out.push_str(crate::entities::sub(s, run..));
}

/// Whether the text after an `&` would make it an entity (`amp;`, `#39;`, `#x27;`).
fn entity_follows(rest: &str) -> bool {
    let body = rest.strip_prefix('#').unwrap_or(rest);
    let body = if rest.starts_with('#') {
        body.strip_prefix(['x', 'X']).unwrap_or(body)
    } else {
        body
    };
    let name = body
        .bytes()
        .take(32)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    name > 0 && crate::entities::sub(body, name..).starts_with(';')
}

/// Renders the thread as CommonMark.
pub fn render(thread: &Thread, options: &Options) -> String {
    // The posts' views are made one at a time: never all of a big thread's at once.
    let (article, mut views) = super::article_lazy(thread, options);
    let mut out = String::new();
    if let Some(title) = &article.title {
        out.push_str("# ");
        let mut heading = String::new();
        escape(title, false, &mut heading);
        // A run of `#` at the end after a space would close the heading: escape it.
        let run = heading.len() - heading.trim_end_matches('#').len();
        let before = crate::entities::sub(&heading, ..heading.len() - run)
            .chars()
            .next_back();
        if run > 0 && before.is_none_or(|c| c == ' ' || c == '\t') {
            heading.insert(heading.len() - run, '\\');
        }
        out.push_str(&heading);
        out.push_str("\n\n");
    }
    if let Some(author) = article.author.filter(|a| shows_words(a)) {
        who(&mut out, &article, options, author, true, true);
        out.push_str("\n\n");
    }
    let mut first = true;
    while let Some(post) = views.next() {
        if !first || !out.is_empty() {
            out.push_str("---\n\n");
        }
        post_body(&mut out, &article, options, &post);
        views.recycle(post);
        first = false;
    }
    if !article.removed.is_empty() {
        out.push_str("---\n\n**Removed lines**\n\n");
        for r in article.removed {
            out.push_str("- ");
            escape(&format!("line {} ({}): ", r.line, r.reason), true, &mut out);
            escape(r.text.trim(), false, &mut out);
            out.push('\n');
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    if out.is_empty() {
        out.push('\n');
    }
    out
}

/// `Name @handle` (the handle linked where the platform is known), escaped.
fn who(
    out: &mut String,
    article: &Article,
    options: &Options,
    author: &Author,
    start: bool,
    bold: bool,
) {
    let strong = if bold { "**" } else { "" };
    let (name, handle) = super::shown(author);
    if let Some(name) = name {
        out.push_str(strong);
        escape(name, start && !bold, out);
        out.push_str(strong);
    }
    if let Some(handle) = handle {
        if name.is_some() {
            out.push(' ');
        }
        match super::handle_href(article, options, handle) {
            Some(href) => link(out, handle, &href),
            None => escape(handle, start && name.is_none(), out),
        }
    }
}

fn link(out: &mut String, text: &str, href: &Href) {
    // A `!` just before the `[` would make the link an image (a request when the Markdown is
    // shown): escape it, unless an odd run of backslashes already does (fuzz finding).
    if let Some(head) = out.strip_suffix('!') {
        let backslashes = head.bytes().rev().take_while(|&b| b == b'\\').count();
        if backslashes % 2 == 0 {
            out.pop();
            out.push_str("\\!");
        }
    }
    out.push('[');
    escape(text, false, out);
    out.push_str("](<");
    // `clean_href` already percent-encoded spaces, `<`, `>` and `\`; an `&` that would read
    // as an entity (`&copy;`) is escaped. The address is written straight into the output,
    // and taken back out only when it holds an `&` (no `String` made for most).
    let at = out.len();
    href.push(out);
    if crate::clean::has(crate::entities::sub(out, at..), '&') {
        let href = out.split_off(at);
        for (i, c) in href.char_indices() {
            if c == '&' && entity_follows(crate::entities::sub(&href, i + 1..)) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out.push_str(">)");
}

/// Writes a post's blocks, each followed by a blank line.
fn post_body(out: &mut String, article: &Article, options: &Options, post: &PostView) {
    let has_who = post.byline.is_some_and(shows_words);
    if has_who || post.time.is_some() {
        out.push('_');
        if let Some(author) = post.byline.filter(|_| has_who) {
            who(out, article, options, author, false, false);
            if post.time.is_some() {
                out.push_str(" · ");
            }
        }
        if let Some(time) = post.time {
            escape(time.trim(), false, out);
        }
        out.push_str("_\n\n");
    }
    let mut label = post.label.as_deref();
    if !matches!(post.blocks.first(), Some(Block::Para(_))) {
        if let Some(l) = label.take() {
            out.push_str("**");
            escape(l, false, out);
            out.push_str("**\n\n");
        }
    }
    // Two lists in a row with the same kind of marker would be read as one list.
    let mut prev_list: Option<bool> = None;
    for block in &post.blocks {
        let this_list = match block {
            Block::List { kind, .. } => Some(matches!(kind, ListKind::Ordered(_))),
            _ => None,
        };
        let alternate = this_list.is_some() && this_list == prev_list;
        prev_list = this_list;
        match block {
            Block::Para(lines) => {
                for (i, line) in lines.iter().enumerate() {
                    let mut start = true;
                    if i == 0 {
                        if let Some(l) = label.take() {
                            out.push_str("**");
                            escape(l, false, out);
                            out.push_str("** ");
                            start = false;
                        }
                    } else {
                        out.push_str("\\\n");
                    }
                    spans(out, article, options, line, start);
                }
                out.push_str("\n\n");
            }
            Block::List { kind, start, items } => {
                for (n, item) in items.iter().enumerate() {
                    match kind {
                        ListKind::Bullet(_) => out.push_str(if alternate { "+ " } else { "- " }),
                        ListKind::Ordered(_) => {
                            let delim = if alternate { ')' } else { '.' };
                            out.push_str(&format!("{}{delim} ", start + n));
                        }
                    }
                    spans(out, article, options, item, true);
                    out.push('\n');
                }
                out.push('\n');
            }
            Block::Quote(quoted) => {
                let mut inner = String::new();
                post_body(&mut inner, article, options, quoted);
                for line in inner.trim_end().lines() {
                    if line.is_empty() {
                        out.push_str(">\n");
                    } else {
                        out.push_str("> ");
                        out.push_str(line);
                        out.push('\n');
                    }
                }
                out.push('\n');
            }
            Block::Media(media) => {
                out.push('*');
                escape(&media_label(media), false, out);
                let alt = media
                    .alt
                    .as_deref()
                    .map(str::trim)
                    .filter(|a| !a.is_empty());
                out.push_str(": ");
                escape(alt.unwrap_or("(no description)"), false, out);
                out.push_str("*\n\n");
            }
        }
    }
}

/// Writes a line's spans; `start` when the line begins a Markdown line.
fn spans(out: &mut String, article: &Article, options: &Options, line: &Line, start: bool) {
    let mut at_start = start;
    for (text, href) in shown_spans(article, options, line) {
        match href {
            Some(href) => link(out, text, &href),
            None => escape(text, at_start, out),
        }
        at_start = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::pick;

    /// The escape as it was written first, a char at a time: the reference for [`escape`].
    fn escape_by_chars(s: &str, line_start: bool, out: &mut String) {
        let chars: Vec<char> = s.chars().collect();
        let mut at_start = line_start;
        let mut i = 0;
        // Byte offset of `chars[i]` in `s`.
        let mut b = 0;
        while i < chars.len() {
            let c = chars[i];
            let prev = if i == 0 { None } else { Some(chars[i - 1]) };
            let next = chars.get(i + 1).copied();
            let spaceish = |c: Option<char>| c.is_none_or(|c| c == ' ' || c == '\t');
            if at_start && c.is_ascii_digit() {
                let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
                out.extend(&chars[i..i + digits]);
                i += digits;
                b += digits;
                let delim = chars.get(i).copied();
                if digits <= 9
                    && matches!(delim, Some('.' | ')'))
                    && spaceish(chars.get(i + 1).copied())
                {
                    out.push('\\');
                }
                at_start = false;
                continue;
            }
            let needs = match c {
                '\\' | '`' | '*' | '<' | '[' | ']' | '|' => true,
                '_' => {
                    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                    !(word(prev) && word(next))
                }
                '&' => entity_follows(&s[b + 1..]),
                '~' => prev == Some('~') || next == Some('~'),
                '#' if at_start => {
                    let hashes = chars[i..].iter().take_while(|&&c| c == '#').count();
                    hashes <= 6 && spaceish(chars.get(i + hashes).copied())
                }
                '>' if at_start => true,
                '-' | '+' if at_start => spaceish(next) || next == Some(c),
                '=' if at_start => spaceish(next) || next == Some('='),
                _ => false,
            };
            if needs {
                out.push('\\');
            }
            out.push(c);
            at_start = at_start && (c == ' ' || c == '\t');
            i += 1;
            b += c.len_utf8();
        }
    }

    fn esc(s: &str) -> String {
        let mut o = String::new();
        escape(s, true, &mut o);
        o
    }

    #[test]
    fn escapes_only_where_markdown_would_act() {
        assert_eq!(esc("# not a heading"), "\\# not a heading");
        assert_eq!(
            esc("#rust at the start"),
            "#rust at the start",
            "a hashtag is no heading"
        );
        assert_eq!(esc("1. not a list"), "1\\. not a list");
        assert_eq!(esc("2024 was a year"), "2024 was a year");
        assert_eq!(esc("2024.5 or 3.14"), "2024.5 or 3.14");
        assert_eq!(esc("a *b* c"), "a \\*b\\* c");
        assert_eq!(esc("x # y"), "x # y");
        assert_eq!(esc("snake_case _em_"), "snake_case \\_em\\_");
        assert_eq!(esc("AT&T &amp; &#39;"), "AT&T \\&amp; \\&#39;");
        assert_eq!(esc("é&copy; &#x27; & ;"), "é\\&copy; \\&#x27; & ;");
        assert_eq!(esc("- item"), "\\- item");
        assert_eq!(esc("-1 degrees"), "-1 degrees");
        assert_eq!(esc("--- rule"), "\\--- rule");
        assert_eq!(esc("> quote"), "\\> quote");
        assert_eq!(esc("a > b"), "a > b");
        assert_eq!(esc("~~x~~ ~y"), "\\~\\~x\\~\\~ ~y");
        assert_eq!(esc("<b> [x](y)"), "\\<b> \\[x\\](y)");
    }

    #[test]
    fn escape_by_bytes_is_the_escape_by_chars() {
        // Texts of the chars the escape looks at, around letters outside ASCII (a `_` between
        // two is inside a word), spaces and digits, at a line start and not.
        const PARTS: [&str; 30] = [
            "\\", "`", "*", "<", "[", "]", "|", "_", "&", "amp;", "#x27;", "#39;", "~", "#", ">",
            "-", "+", "=", "1", "23", ".", ")", " ", "\t", "a", "é", "日", "😀", "\u{a0}", "x_y",
        ];
        let mut next = crate::test_rng::xorshift(0x5eed_1234_abcd_0001);
        for _ in 0..40_000 {
            let mut s = String::new();
            for _ in 0..next() % 9 {
                s.push_str(pick(&PARTS, &mut next));
            }
            for line_start in [true, false] {
                let (mut ours, mut want) = (String::new(), String::new());
                escape(&s, line_start, &mut ours);
                escape_by_chars(&s, line_start, &mut want);
                assert_eq!(ours, want, "{s:?} at a line start: {line_start}");
            }
        }
    }
}

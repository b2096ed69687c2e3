//! Markdown: a [`Thread`] → CommonMark, with characters Markdown would read as syntax escaped.

use super::paragraphs;
use crate::thread::{Options, Span, Thread};

/// Escapes `s` so CommonMark shows it as written. `line_start` says whether `s` begins a line,
/// where `#`, `>`, `-`, `+` and `1.` would start a block.
pub fn escape(s: &str, line_start: bool, out: &mut String) {
    let mut at_start = line_start;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '0'..='9' if at_start => {
                let digits: usize = s[i..].bytes().take_while(u8::is_ascii_digit).count();
                let after = s.as_bytes().get(i + digits);
                out.push_str(&s[i..i + digits]);
                for _ in 1..digits {
                    chars.next();
                }
                if matches!(after, Some(b'.') | Some(b')')) {
                    out.push('\\');
                }
            }
            _ => out.push(c),
        }
        at_start = at_start && c == ' ';
    }
}

/// Renders the thread as CommonMark.
pub fn render(thread: &Thread, options: &Options) -> String {
    let mut out = String::new();
    let total = thread.posts.len();
    for post in &thread.posts {
        if !out.is_empty() {
            out.push_str("\n---\n\n");
        }
        let label = options.numbering.label(post.number, total);
        for (i, para) in paragraphs(&post.spans).iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            if i == 0 {
                if let Some(label) = &label {
                    out.push_str("**");
                    escape(label, false, &mut out);
                    out.push_str("** ");
                }
            }
            for (j, line) in para.iter().enumerate() {
                if j > 0 {
                    out.push_str("\\\n");
                }
                let mut first = !(i == 0 && label.is_some());
                for span in line {
                    match span {
                        Span::Link { text, href } if super::html::safe_href(href) => {
                            out.push('[');
                            escape(text, false, &mut out);
                            out.push_str("](<");
                            for c in href.chars() {
                                if matches!(c, '<' | '>' | '\\') {
                                    out.push('\\');
                                }
                                out.push(c);
                            }
                            out.push_str(">)");
                        }
                        other => escape(other.text(), first, &mut out),
                    }
                    first = false;
                }
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(s: &str) -> String {
        let mut o = String::new();
        escape(s, true, &mut o);
        o
    }

    #[test]
    fn escapes_only_where_markdown_would_act() {
        assert_eq!(esc("# not a heading"), "\\# not a heading");
        assert_eq!(esc("1. not a list"), "1\\. not a list");
        assert_eq!(esc("2024 was a year"), "2024 was a year");
        assert_eq!(esc("a *b* c"), "a \\*b\\* c");
        assert_eq!(esc("x # y"), "x # y");
    }
}

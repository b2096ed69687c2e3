//! HTML: a [`Thread`] → a semantic `<article>`, every text node escaped.
//!
//! Links are made only for `http:`, `https:` and `mailto:` addresses, with
//! `rel="nofollow noopener noreferrer ugc"`.

use super::paragraphs;
use crate::thread::{Options, Span, Thread};

/// Escapes text for HTML text and attribute values.
pub fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// Whether `href` may become a link.
pub fn safe_href(href: &str) -> bool {
    let lower = href.trim_start().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s))
}

/// Renders the thread as an HTML fragment.
pub fn render(thread: &Thread, options: &Options) -> String {
    let mut out = String::new();
    out.push_str("<article class=\"unspool\">\n");
    if let Some(author) = &thread.author {
        out.push_str("<header>");
        if let Some(name) = &author.name {
            out.push_str("<span class=\"name\">");
            escape(name, &mut out);
            out.push_str("</span> ");
        }
        if let Some(handle) = &author.handle {
            out.push_str("<span class=\"handle\">");
            escape(handle, &mut out);
            out.push_str("</span>");
        }
        out.push_str("</header>\n");
    }
    let total = thread.posts.len();
    for post in &thread.posts {
        out.push_str("<section class=\"post\">\n");
        let label = options.numbering.label(post.number, total);
        for (i, para) in paragraphs(&post.spans).iter().enumerate() {
            out.push_str("<p>");
            if i == 0 {
                if let Some(label) = &label {
                    out.push_str("<span class=\"num\">");
                    escape(label, &mut out);
                    out.push_str("</span> ");
                }
            }
            for (j, line) in para.iter().enumerate() {
                if j > 0 {
                    out.push_str("<br>\n");
                }
                for span in line {
                    span_html(span, &mut out);
                }
            }
            out.push_str("</p>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</article>\n");
    out
}

fn span_html(span: &Span, out: &mut String) {
    match span {
        Span::Link { text, href } if safe_href(href) => {
            out.push_str("<a href=\"");
            escape(href, out);
            out.push_str("\" rel=\"nofollow noopener noreferrer ugc\">");
            escape(text, out);
            out.push_str("</a>");
        }
        other => escape(other.text(), out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_schemes_link() {
        assert!(safe_href("https://x.org"));
        assert!(!safe_href("javascript:alert(1)"));
        assert!(!safe_href(" JavaScript:alert(1)"));
        assert!(!safe_href("data:text/html,x"));
    }

    #[test]
    fn escapes_text() {
        let mut s = String::new();
        escape("<script>\"'&", &mut s);
        assert_eq!(s, "&lt;script&gt;&quot;&#39;&amp;");
    }
}

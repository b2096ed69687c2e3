//! Render: a [`Thread`] → HTML, Markdown, plain text or JSON.
//!
//! Every renderer walks the same structure: posts → paragraphs → lines → spans, built by
//! [`paragraphs`] from a post's spans.

use crate::thread::{Options, Span, Thread};

pub mod html;
pub mod markdown;
pub mod text;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Semantic HTML for a blog.
    Html,
    /// CommonMark.
    Markdown,
    /// Plain text.
    Text,
    /// The model as JSON.
    Json,
}

impl Format {
    /// Parses `html`, `markdown` (or `md`), `text` (or `txt`), `json`.
    pub fn from_name(name: &str) -> Option<Format> {
        Some(match name {
            "html" => Format::Html,
            "markdown" | "md" => Format::Markdown,
            "text" | "txt" => Format::Text,
            "json" => Format::Json,
            _ => return None,
        })
    }
}

/// Renders `thread` as `format`.
pub fn render(thread: &Thread, format: Format, options: &Options) -> String {
    match format {
        Format::Html => html::render(thread, options),
        Format::Markdown => markdown::render(thread, options),
        Format::Text => text::render(thread, options),
        Format::Json => to_json(thread),
    }
}

/// The model as pretty JSON.
pub fn to_json(thread: &Thread) -> String {
    serde_json::to_string_pretty(thread).expect("a Thread has only string keys and finite numbers")
}

/// A line of a paragraph: its spans.
pub type Line = Vec<Span>;

/// Cuts spans into paragraphs (split at a blank line) of lines (split at `\n`).
pub fn paragraphs(spans: &[Span]) -> Vec<Vec<Line>> {
    let mut paras: Vec<Vec<Line>> = vec![vec![Vec::new()]];
    for span in spans {
        match span {
            Span::Text { text } => {
                let mut parts = text.split('\n').peekable();
                while let Some(part) = parts.next() {
                    if !part.is_empty() {
                        let para = paras.last_mut().expect("paras is never empty");
                        para.last_mut()
                            .expect("a paragraph has a line")
                            .push(Span::Text {
                                text: part.to_owned(),
                            });
                    }
                    if parts.peek().is_some() {
                        let para = paras.last_mut().expect("paras is never empty");
                        if para.last().is_some_and(Vec::is_empty) {
                            // A blank line: close the paragraph.
                            para.pop();
                            if !para.is_empty() {
                                paras.push(vec![Vec::new()]);
                            } else {
                                para.push(Vec::new());
                            }
                        } else {
                            para.push(Vec::new());
                        }
                    }
                }
            }
            other => paras
                .last_mut()
                .and_then(|p| p.last_mut())
                .expect("paras is never empty")
                .push(other.clone()),
        }
    }
    for p in &mut paras {
        p.retain(|l| !l.is_empty());
    }
    paras.retain(|p| !p.is_empty());
    paras
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::spans;

    #[test]
    fn paragraphs_and_lines() {
        let p = paragraphs(&spans("a @b\nc\n\nd"));
        assert_eq!(p.len(), 2, "a blank line splits paragraphs");
        assert_eq!(p[0].len(), 2, "a single newline is a line break");
        assert_eq!(p[1][0], vec![Span::Text { text: "d".into() }]);
    }
}

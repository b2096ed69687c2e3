//! Text: a [`Thread`] → clean plain text, posts separated by blank lines.

use crate::thread::{Options, Thread};

/// Renders the thread as plain text.
pub fn render(thread: &Thread, options: &Options) -> String {
    let total = thread.posts.len();
    let mut out = String::new();
    for post in &thread.posts {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        if let Some(label) = options.numbering.label(post.number, total) {
            out.push_str(&label);
            out.push(' ');
        }
        out.push_str(&post.text);
    }
    out.push('\n');
    out
}

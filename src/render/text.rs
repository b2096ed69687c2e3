//! Text: a [`Thread`] → clean plain text.
//!
//! The title and the author on their own lines, then the posts separated by blank lines.
//! Within a post, paragraphs are separated by a blank line and lines by a line break; list
//! items are written `- item` or `1. item`; the number (`1/5 `) leads the post; a reply's
//! author and the time go on a line above it; the quoted post follows with `> ` before each
//! line; media as `[Image: alt]`. Removed lines, when asked for, come last under
//! `Removed lines:`. Nothing is escaped: it is text.

use super::{author_words, media_label, Block, ListKind, PostView};
use crate::thread::{Options, Thread};

/// Renders the thread as plain text.
pub fn render(thread: &Thread, options: &Options) -> String {
    // The posts' views are made one at a time: never all of a big thread's at once.
    let (article, views) = super::article_lazy(thread, options);
    let mut parts: Vec<String> = Vec::new();
    let mut head = String::new();
    if let Some(title) = &article.title {
        head.push_str(title);
    }
    if let Some(words) = article.author.and_then(author_words) {
        if !head.is_empty() {
            head.push('\n');
        }
        head.push_str(&words);
    }
    if !head.is_empty() {
        parts.push(head);
    }
    for post in views {
        parts.push(post_text(&post));
    }
    if !article.removed.is_empty() {
        let mut r = String::from("Removed lines:");
        for removed in article.removed {
            r.push_str(&format!(
                "\n  line {} ({}): {}",
                removed.line,
                removed.reason,
                removed.text.trim()
            ));
        }
        parts.push(r);
    }
    parts.retain(|p| !p.is_empty());
    let mut out = joined(&parts, "\n\n");
    out.push('\n');
    out
}

/// `items.join(sep)`, as a loop: `join` on `String`s is a second copy of `str`'s generic join
/// in the .wasm (1 kB), beside the one for `&str`s that `concat` uses.
fn joined(items: &[String], sep: &str) -> String {
    let len = items.iter().map(String::len).sum::<usize>() + sep.len() * items.len();
    let mut out = String::with_capacity(len);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item);
    }
    out
}

fn post_text(post: &PostView) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let who = post.byline.and_then(author_words);
    // Pushed, not collected from a chain (its own from_iter in the .wasm).
    let mut meta: Vec<&str> = Vec::with_capacity(2);
    if let Some(who) = who.as_deref() {
        meta.push(who);
    }
    if let Some(time) = post.time {
        meta.push(time);
    }
    let mut label = post.label.clone();
    // Before a list or a quote the number stands on a line of its own.
    let mut label_line = if matches!(post.blocks.first(), Some(Block::Para(_))) {
        None
    } else {
        label.take()
    };
    for block in &post.blocks {
        let mut b = label_line.take().map(|l| l + "\n").unwrap_or_default();
        match block {
            Block::Para(lines) => {
                for (i, line) in lines.iter().enumerate() {
                    if i > 0 {
                        b.push('\n');
                    } else if let Some(l) = label.take() {
                        b.push_str(&l);
                        b.push(' ');
                    }
                    b.push_str(&line_text(line));
                }
            }
            Block::List { kind, start, items } => {
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        b.push('\n');
                    }
                    match kind {
                        ListKind::Bullet(c) => b.push_str(&format!("{c} ")),
                        ListKind::Ordered(d) => b.push_str(&format!("{}{d} ", start + n)),
                    }
                    b.push_str(&line_text(item));
                }
            }
            Block::Quote(quoted) => {
                // Each line of the quoted post behind `> ` (a blank one as `>`), written in
                // place (no line copied, no format!).
                let inner = post_text(quoted);
                for (i, l) in inner.lines().enumerate() {
                    if i > 0 {
                        b.push('\n');
                    }
                    b.push_str(if l.is_empty() { ">" } else { "> " });
                    b.push_str(l);
                }
            }
            Block::Media(media) => {
                let alt = media
                    .alt
                    .as_deref()
                    .map(str::trim)
                    .filter(|a| !a.is_empty());
                b.push_str(&format!(
                    "[{}: {}]",
                    media_label(media),
                    alt.unwrap_or("(no description)")
                ));
            }
        }
        blocks.push(b);
    }
    blocks.extend(label_line);
    let mut out = super::join(&meta, " · ");
    let body = joined(&blocks, "\n\n");
    if !out.is_empty() && !body.is_empty() {
        out.push('\n');
    }
    out.push_str(&body);
    out
}

fn line_text(line: &super::Line) -> String {
    super::line_string(line).trim().to_owned()
}

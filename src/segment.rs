//! Segment: repaired text → posts, with the lines that are not posts set aside.
//!
//! Rules of this first version:
//! - a line the clean stage calls cruft goes to `removed`, with its reason;
//! - a line that starts with a thread marker (`1/`, `1/5`, `(1/5)`) starts a new post,
//!   and the marker is stripped into `Post::marker`;
//! - without markers, blank lines separate posts.

use crate::clean;
use crate::thread::{Platform, Post, Removed, Warning};

/// What segmentation found.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Segmented {
    /// The platform, detected or given.
    pub platform: Platform,
    /// Posts with `number`, `text` and `marker` filled in.
    pub posts: Vec<Post>,
    /// Lines that are not part of any post.
    pub removed: Vec<Removed>,
    /// Things to check.
    pub warnings: Vec<Warning>,
}

/// Length in bytes of a thread marker at the start of `line` (`1/`, `2/12`, `(3/12)`),
/// including the space after it.
pub fn leading_marker(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let mut i = 0;
    let paren = b.first() == Some(&b'(');
    if paren {
        i += 1;
    }
    let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    i += digits;
    if b.get(i) != Some(&b'/') {
        return None;
    }
    i += 1;
    i += b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if paren {
        if b.get(i) != Some(&b')') {
            return None;
        }
        i += 1;
    }
    match b.get(i) {
        None => Some(i),
        Some(b' ') => Some(i + 1),
        _ => None,
    }
}

/// Splits `text` into posts.
pub fn segment(text: &str, platform: Option<Platform>) -> Segmented {
    let mut seg = Segmented {
        platform: platform.unwrap_or_default(),
        ..Segmented::default()
    };
    let numbered = text.lines().any(|l| leading_marker(l.trim()).is_some());
    let mut current: Option<Post> = None;
    let mut pending_blank = false;
    for (idx, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            pending_blank = true;
            continue;
        }
        if let Some(reason) = clean::classify(line) {
            seg.removed.push(Removed {
                line: idx + 1,
                text: line.to_owned(),
                reason: reason.to_owned(),
            });
            continue;
        }
        let (line, tail) = clean::strip_glued(line);
        if let Some(tail) = tail {
            seg.removed.push(Removed {
                line: idx + 1,
                text: tail.to_owned(),
                reason: "ui".to_owned(),
            });
        }
        let marker = leading_marker(line);
        let starts_post = match marker {
            Some(_) => true,
            None => !numbered && pending_blank,
        };
        if starts_post || current.is_none() {
            if let Some(p) = current.take() {
                seg.posts.push(p);
            }
            current = Some(Post {
                number: seg.posts.len() + 1,
                marker: marker.map(|n| line[..n].trim_end().to_owned()),
                ..Post::default()
            });
        } else if pending_blank {
            if let Some(p) = current.as_mut() {
                p.text.push_str("\n\n");
            }
        } else if let Some(p) = current.as_mut() {
            p.text.push('\n');
        }
        let body = &line[marker.unwrap_or(0)..];
        if let Some(p) = current.as_mut() {
            p.text.push_str(body);
        }
        pending_blank = false;
    }
    if let Some(p) = current.take() {
        seg.posts.push(p);
    }
    seg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert_eq!(leading_marker("1/ hi"), Some(3));
        assert_eq!(leading_marker("(2/12) hi"), Some(7));
        assert_eq!(leading_marker("3/5"), Some(3));
        assert_eq!(leading_marker("1/2x"), None);
        assert_eq!(leading_marker("and/or"), None);
    }

    #[test]
    fn numbered_posts_keep_their_paragraphs() {
        let s = segment("1/ first\n\nstill first\n2/ second", None);
        let texts: Vec<_> = s.posts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["first\n\nstill first", "second"]);
        assert_eq!(s.posts[1].marker.as_deref(), Some("2/"));
    }

    #[test]
    fn blank_lines_split_plain_threads_and_cruft_is_removed() {
        let s = segment("one\n\ntwo\nSee All\n250", None);
        assert_eq!(s.posts.len(), 2);
        assert_eq!(s.removed.len(), 2);
        assert_eq!(s.removed[0].line, 4);
    }
}

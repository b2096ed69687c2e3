//! Clean: a line of a paste → whether it is the page's own words, and why.
//!
//! Rules: a line that is only interface text (`See All`, `Show more`, `Translate post`), a
//! bare count (`250`, `2.3K`, `1K1.1K`), is cruft; interface words glued to the end of a post's
//! text (`you haveShow more`) are cut off. Content that only looks like cruft stays: a count is
//! a whole line of digits, never a number inside a sentence.

/// Why a whole line is cruft, or `None` when it is content.
pub fn classify(line: &str) -> Option<&'static str> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    if is_count(t) {
        return Some("count");
    }
    const UI: &[&str] = &[
        "See All",
        "See all",
        "Show more",
        "Show less",
        "Show this thread",
        "Translate post",
        "Translate",
        "…more",
        "...more",
    ];
    if UI.contains(&t) {
        return Some("ui");
    }
    None
}

/// A bare count: `250`, `2.3K`, `1,024`, `1.1M`, or several glued (`1K1.1K`).
pub fn is_count(t: &str) -> bool {
    let b = t.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        let start = i;
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b',' || b[i] == b'.') {
            i += 1;
        }
        if i == start || !b[i - 1].is_ascii_digit() {
            return false;
        }
        if i < b.len() && matches!(b[i], b'K' | b'M' | b'B' | b'k') {
            i += 1;
        }
    }
    true
}

/// Interface words that a copy glues to the end of a post's text.
const GLUED: &[&str] = &["Show more", "See more", "…more", "… see more"];

/// Splits glued interface words off the end of `line`: `(kept, removed tail)`.
pub fn strip_glued(line: &str) -> (&str, Option<&'static str>) {
    for tail in GLUED {
        if let Some(kept) = line.strip_suffix(tail) {
            if !kept.trim().is_empty() {
                return (kept.trim_end(), Some(tail));
            }
        }
    }
    (line, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_cruft_numbers_in_sentences_are_not() {
        for c in ["250", "2.3K", "1K1.1K", "1,024", "4M"] {
            assert_eq!(classify(c), Some("count"), "{c} is a bare count");
        }
        for c in ["250 people came", "3.", "1/", "Follow the money"] {
            assert_eq!(classify(c), None, "{c} is content");
        }
    }

    #[test]
    fn glued_show_more_is_cut() {
        assert_eq!(
            strip_glued("you haveShow more"),
            ("you have", Some("Show more"))
        );
        assert_eq!(strip_glued("Show more"), ("Show more", None));
    }
}

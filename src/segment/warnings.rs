//! Warnings: finished posts → things a person should check, because the copy lost them.
//!
//! - `lost_link`: a post whose last line promises a link (`Full article here:`, `link below`,
//!   `👇`) and holds none, with no link opening the next post either. Links are hidden
//!   behind their text on the page; a plain-text copy drops them.
//! - `truncated_link`: a link the page shortened for display (`example.com/reports/bike-...`,
//!   `x.com/striver_79/sta…`). The rest cannot be recovered from the text.
//! - `lost_mention`: a name that was a link and vanished, leaving a preposition with nothing
//!   after it (`At we are`, `thanks to , who`).
//!
//! Warnings are about posts (numbered as output); a quoted post's warning names the post
//! that quotes it.

use crate::entities;
use crate::thread::{Post, Span, Warning};

/// Finds every warning in `posts`.
pub fn find(posts: &[Post]) -> Vec<Warning> {
    let mut out = Vec::new();
    for (i, post) in posts.iter().enumerate() {
        let next = posts.get(i + 1);
        check(post, post.number, next, &mut out);
        if let Some(q) = &post.quoted {
            check(q, post.number, None, &mut out);
        }
    }
    out
}

fn check(post: &Post, number: usize, next: Option<&Post>, out: &mut Vec<Warning>) {
    let warn = |kind: &str, text: &str| Warning {
        kind: kind.to_owned(),
        post: Some(number),
        text: text.to_owned(),
    };
    if let Some(line) = lost_link(post, next) {
        out.push(warn("lost_link", line));
    }
    // One walk over the words finds both: truncated links first, then lost mentions.
    let mut phrases = Vec::new();
    // The lines as `str::lines` cuts them, found with memchr (most posts are one line).
    let text = post.text.as_str();
    let mut start = 0;
    while start < text.len() {
        let (line, next) = line_from(text, start);
        lost_mentions_in(line, &mut phrases, |token| {
            if is_truncated_link(token) {
                out.push(warn("truncated_link", token));
            }
        });
        start = next;
    }
    for phrase in phrases {
        out.push(Warning {
            kind: "lost_mention".to_owned(),
            post: Some(number),
            text: phrase,
        });
    }
}

/// The line of `text` that starts at byte `start` (after a line feed, or 0), as `str::lines`
/// gives it (without its `\n` or `\r\n`), and where the line after it starts.
fn line_from(text: &str, start: usize) -> (&str, usize) {
    let end = memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |k| start + k);
    let line = &text[start..end];
    let line = if end < text.len() {
        line.strip_suffix('\r').unwrap_or(line)
    } else {
        line
    };
    (line, end + 1)
}

fn has_link(text: &str) -> bool {
    entities::spans(text)
        .iter()
        .any(|s| matches!(s, Span::Link { .. }))
}

/// The last line of `post` when it promises a link that is not there.
fn lost_link<'a>(post: &'a Post, next: Option<&Post>) -> Option<&'a str> {
    // The last line that is not blank, as `lines().rev()` would find it: the pieces between
    // line feeds from the end, found with memrchr (most posts are one line: `str::lines`
    // walked back over all of it a char at a time), each trimmed (which takes the `\r` of a
    // `\r\n`, and a blank piece after a last line feed is passed over as `lines` drops it).
    let text = post.text.as_str();
    let mut end = text.len();
    let last = loop {
        let start = crate::clean::rfind(&text[..end], "\n").map_or(0, |k| k + 1);
        let l = crate::segment::trim(&text[start..end]);
        if !l.is_empty() {
            break l;
        }
        if start == 0 {
            return None;
        }
        end = start - 1;
    };
    // Only the end of the line is compared, char by char from the end, lowercased as it
    // goes (no character lowercases to ` `, `.` or `!`). The promises are ASCII and caseless
    // emoji: lowercasing as `ucd::lower_for_ascii` does answers as `to_lowercase` would.
    let trimmed = last.trim_end_matches([' ', '.', '!']);
    const PROMISES: &[&str] = &[
        "here:",
        "here 👇",
        "here 👇🏻",
        "here ⬇️",
        "here ⬇",
        "link below",
        "link below:",
        "links below",
        "links below:",
        "link in the replies",
        "link in replies",
        "link:",
        "links:",
        "below:",
        "read more:",
        "full article:",
        "full story:",
        "source:",
    ];
    // A bare pointer down usually points at the next post; it promises a link only at the
    // end of the thread.
    const POINTERS: &[&str] = &["below:", "👇", "👇🏻", "👇🏼", "👇🏽", "⬇️", "⬇"];
    // Only a line whose last byte ends a promise or a pointer (in either case) is compared
    // with them, one by one (at opt-level z each compare is a call).
    const LAST: [bool; 256] = {
        let mut t = [false; 256];
        let mut i = 0;
        while i < PROMISES.len() + POINTERS.len() {
            let p = if i < PROMISES.len() {
                PROMISES[i]
            } else {
                POINTERS[i - PROMISES.len()]
            };
            let b = p.as_bytes()[p.len() - 1];
            // `ends_with_lower` matches a last `k` by any char (the Kelvin sign lowercases
            // to it): no promise ends with one, and this keeps that true if one ever does.
            assert!(b != b'k', "a promise ends with k: widen LAST");
            t[b as usize] = true;
            t[b.to_ascii_uppercase() as usize] = true;
            i += 1;
        }
        t
    };
    let may = trimmed
        .as_bytes()
        .last()
        .is_some_and(|&b| LAST[usize::from(b)]);
    let promises = may
        && (PROMISES.iter().any(|p| ends_with_lower(trimmed, p))
            || (next.is_none() && POINTERS.iter().any(|p| ends_with_lower(trimmed, p))));
    if !promises || crate::clean::has(last, '🧵') {
        return None;
    }
    if has_link(&post.text) || post.quoted.is_some() {
        return None;
    }
    if next.is_some_and(|n| n.text.lines().next().is_some_and(has_link)) {
        return None;
    }
    Some(last)
}

/// Whether `text` lowercased ends with `suffix` (lowercase ASCII and caseless chars), as
/// `ucd::lower_for_ascii(text).ends_with(suffix)` answers, compared from the end with no copy.
fn ends_with_lower(text: &str, suffix: &str) -> bool {
    // The last byte first: an ASCII one lowercased (no suffix ends with the Kelvin sign's
    // `k`), any other compared as it is (emoji have no case).
    let (Some(&t), Some(&p)) = (text.as_bytes().last(), suffix.as_bytes().last()) else {
        return suffix.is_empty();
    };
    if t.to_ascii_lowercase() != p && p != b'k' {
        return false;
    }
    let mut chars = text.chars().rev();
    suffix.chars().rev().all(|p| {
        chars.next().is_some_and(|c| {
            let lower = if c == '\u{212A}' {
                'k'
            } else {
                c.to_ascii_lowercase()
            };
            lower == p
        })
    })
}

/// `example.com/reports/bike-...`, `x.com/striver_79/sta…`, `https://exa…`.
pub fn is_truncated_link(token: &str) -> bool {
    // Most words end with none of `)`, `,`, `]`, `.` or `…` (whose last byte is A6): one
    // compare rules them out.
    if !matches!(
        token.as_bytes().last(),
        Some(b')' | b',' | b']' | b'.' | 0xA6)
    ) {
        return false;
    }
    let t = token.trim_end_matches([')', ',', ']']);
    let Some(head) = t.strip_suffix('…').or_else(|| t.strip_suffix("...")) else {
        return false;
    };
    if crate::clean::find(head, "://").is_some() {
        return true;
    }
    let Some((host, _)) = head.split_once('/') else {
        return false;
    };
    let host = host.trim_start_matches(['(', '[', '"', '“']);
    let Some((name, tld)) = host.rsplit_once('.') else {
        return false;
    };
    !name.is_empty()
        && tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

/// [`lost_mentions_in`] of every line of `text`.
#[cfg(test)]
fn lost_mentions(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        lost_mentions_in(line, &mut out, |_| {});
    }
    out
}

/// Prepositions a vanished name left behind in `line`, with what cannot follow them, pushed
/// to `out`; `each` sees every word of the line on the way that ends with `)`, `,`, `]`, `.`
/// or `…` (the words [`is_truncated_link`] may take).
fn lost_mentions_in(line: &str, out: &mut Vec<String>, mut each: impl FnMut(&str)) {
    // The prepositions as `word_key`s; the last three may end a line.
    const BEFORE: [u64; 8] = [
        word_key(b"at"),
        word_key(b"with"),
        word_key(b"by"),
        word_key(b"from"),
        word_key(b"to"),
        word_key(b"via"),
        word_key(b"cc"),
        word_key(b"h/t"),
    ];
    const ENDS_LINE: usize = 5;
    const AFTER: &[&str] = &["we", "i", "they", "he", "she"];
    // Each word is found once, as places in the line (the next one is known before the
    // word is looked at); only the words looked at are sliced.
    let bytes = line.as_bytes();
    let mut next = word_at(line, 0);
    while let Some((start, end)) = next {
        next = word_at(line, end);
        // The word's bytes are looked at first; it is sliced as a `str` (a call with its
        // char boundary checks at opt-level z) only when it is passed on.
        let wb = &bytes[start..end];
        if matches!(wb[wb.len() - 1], b')' | b',' | b']' | b'.' | 0xA6) {
            each(&line[start..end]);
        }
        // The prepositions (`at`, `with`, `by`, `via`, `from`, `to`, `cc`, `h/t`) are ASCII:
        // no other word lowercases to one of them (the Kelvin sign
        // lowercases to `k`, in none of them), so no lowercase copy of every word.
        // Each starts with one of these letters, in either case (`| 0x20` lowercases an
        // ASCII letter): one compare rules out most short words.
        let first = wb[0] | 0x20;
        if wb.len() > 4 || !matches!(first, b'a' | b'w' | b'b' | b'v' | b'f' | b't' | b'c' | b'h') {
            continue;
        }
        let w = &line[start..end];
        // The word as one number, matched against the prepositions' (no compare of strings
        // with each in turn: at opt-level z each is a call).
        let key = word_key(w.as_bytes());
        let mut p = 0;
        while p < BEFORE.len() && BEFORE[p] != key {
            p += 1;
        }
        if p == BEFORE.len() {
            continue;
        }
        // Compared with ASCII case folded, with no lowercase copy: the pronouns are ASCII
        // with no `k`, so this answers as comparing `lower_for_ascii` (and so `to_lowercase`)
        // of the word would.
        let lost = match next.map(|(s, e)| &line[s..e]) {
            // `cc` / `h/t` / `via` at the end of a line: the names went.
            None => p >= ENDS_LINE,
            Some(",") | Some(";") | Some("&") => true,
            Some(n) => {
                // `At we are`: a subject pronoun cannot follow a preposition.
                let n = n.trim_end_matches([',', '.', '!', '?', ':']);
                AFTER.iter().any(|a| n.eq_ignore_ascii_case(a))
            }
        };
        if lost {
            // The word and the two after it.
            let mut phrase = w.to_owned();
            let mut after = next;
            for _ in 0..2 {
                let Some((s, e)) = after else { break };
                phrase.push(' ');
                phrase.push_str(&line[s..e]);
                after = word_at(line, e);
            }
            out.push(phrase);
        }
    }
}

/// A word of up to four bytes as one number: its bytes ASCII-lowercased (as
/// `eq_ignore_ascii_case` folds them) and its length, so two words have the same key exactly
/// when they are equal ignoring ASCII case. Longer words are not keyed (the callers skip them).
const fn word_key(w: &[u8]) -> u64 {
    let mut key = w.len() as u64;
    let mut i = 0;
    while i < w.len() && i < 4 {
        key = key << 8 | w[i].to_ascii_lowercase() as u64;
        i += 1;
    }
    key
}

/// The bytes that are part of a word whatever follows them: printable ASCII, and every byte
/// from 0x80 but C2, E1, E2 and E3 (which start the white space chars outside ASCII).
const IN_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0x21;
    while b < 256 {
        t[b] = !matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3);
        b += 1;
    }
    t
};

/// The length of the white space char (`char::is_whitespace`) at byte `i` of `b`, a str's
/// bytes (0 when none starts there), read from its bytes with no char decoded: U+0009–U+000D
/// and U+0020; U+0085 and U+00A0 (C2 85, C2 A0); U+1680 (E1 9A 80); U+2000–U+200A, U+2028,
/// U+2029, U+202F (E2 80 80–8A, A8, A9, AF) and U+205F (E2 81 9F); U+3000 (E3 80 80).
#[inline]
fn space_at(b: &[u8], i: usize) -> usize {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    let space = match b[i] {
        b'\t'..=b'\r' | b' ' => return 1,
        0xC2 => return if matches!(at(1), 0x85 | 0xA0) { 2 } else { 0 },
        0xE1 => at(1) == 0x9A && at(2) == 0x80,
        0xE2 => match at(1) {
            0x80 => matches!(at(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
            0x81 => at(2) == 0x9F,
            _ => false,
        },
        0xE3 => at(1) == 0x80 && at(2) == 0x80,
        _ => false,
    };
    if space {
        3
    } else {
        0
    }
}

/// The first word of `s` at or after byte `from` (a char boundary), as `str::split_whitespace`
/// cuts words, as its start and end: found a byte at a time with one table look-up a byte;
/// only a byte below 0x21 or one a white space char outside ASCII may start is looked at
/// closer (bytes, no char decoded). Every byte of a word but its first is a byte of a char
/// that is no space, so a char's continuation bytes are simply stepped over.
#[inline]
fn word_at(s: &str, from: usize) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut i = from;
    while i < b.len() {
        // The space that parts most words, with no call (at opt-level z `space_at` is one).
        let n = match b[i] {
            b' ' => 1,
            c if IN_WORD[usize::from(c)] => break,
            _ => space_at(b, i),
        };
        if n == 0 {
            break;
        }
        i += n;
    }
    let start = i;
    while i < b.len() {
        let c = b[i];
        if IN_WORD[usize::from(c)] {
            i += 1;
            continue;
        }
        if c == b' ' || space_at(b, i) > 0 {
            break;
        }
        i += 1;
    }
    (i > start).then_some((start, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_cut_as_split_whitespace_cuts_them() {
        for line in [
            "",
            "   ",
            "one",
            " thanks to  , who\tcame ",
            "a\u{a0}b\u{3000}c\u{2009}d\u{85}e\u{1680}f\u{202f}g\u{205f}h\u{2028}i",
            "emoji 👇🏻 and é, ü — “quotes” …",
            "\u{2019}\u{200b}zero-width is no space\u{feff}",
            "x\u{b}y\u{c}z\u{1c}w",
            "supercalifragilistic\texpialidocious  averyveryverylongword\u{2003}end\u{1f}ok",
            "longer-than-eight\u{a0}bytes é—ü “quoted—words” 👇🏻👇🏻👇🏻\u{3000}x\u{2028}",
        ] {
            let mut ours = Vec::new();
            let mut at = 0;
            while let Some((start, end)) = word_at(line, at) {
                ours.push(&line[start..end]);
                at = end;
            }
            let std: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(ours, std, "the same words in {line:?}");
        }
    }

    #[test]
    fn promise_endings_compare_lowercased_without_a_copy() {
        assert!(
            ends_with_lower("Full ARTICLE HERE:", "here:"),
            "ASCII case is folded"
        );
        assert!(
            ends_with_lower("LIN\u{212A}:", "link:"),
            "the Kelvin sign folds to k"
        );
        assert!(
            ends_with_lower("see it here 👇", "here 👇"),
            "emoji compare as they are"
        );
        assert!(
            !ends_with_lower("here", "here:"),
            "a shorter text never ends with it"
        );
        assert!(
            !ends_with_lower("THERE İ", "there i"),
            "İ folds to two chars, never to i"
        );
    }

    fn post(n: usize, text: &str) -> Post {
        Post {
            number: n,
            text: text.to_owned(),
            ..Post::default()
        }
    }

    #[test]
    fn every_promise_and_pointer_is_heard_in_either_case() {
        let promises = [
            "Full article HERE:",
            "Link Below",
            "LINKS BELOW:",
            "Link in the Replies",
            "Source:",
            "Read it here 👇🏻",
            "here ⬇️",
            "Read more: ...",
            "link below!",
        ];
        for line in promises {
            let w = find(&[post(1, line)]);
            assert_eq!(w.len(), 1, "{line:?} promises a link: one warning");
            assert_eq!(w[0].kind, "lost_link", "{line:?}");
        }
        for line in ["Thread 👇", "More BELOW:", "see ⬇"] {
            assert_eq!(
                find(&[post(1, line)]).len(),
                1,
                "{line:?} at the end promises a link"
            );
        }
        for line in ["Link below is broken", "hereK", "below", ""] {
            assert!(
                find(&[post(1, line)]).is_empty(),
                "{line:?} promises nothing"
            );
        }
    }

    #[test]
    fn lines_are_cut_as_str_lines_cuts_them() {
        for text in [
            "",
            "a",
            "\n",
            "a\n",
            "a\nb",
            "a\r\nb\r\n",
            "a\r",
            "\r\n\r\n",
            "a\n\n\nb\r",
        ] {
            let mut got = Vec::new();
            let mut start = 0;
            while start < text.len() {
                let (line, next) = line_from(text, start);
                got.push(line);
                start = next;
            }
            let want: Vec<&str> = text.lines().collect();
            assert_eq!(got, want, "the lines of {text:?} as str::lines gives them");
        }
    }

    #[test]
    fn lost_links() {
        let w = find(&[
            post(1, "We have no moat\nFull article here:"),
            post(2, "More"),
        ]);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].kind, "lost_link");
        assert_eq!(w[0].text, "Full article here:");
        assert!(find(&[post(1, "Read it here: https://example.com/x")]).is_empty());
        assert!(
            find(&[post(1, "Read it here:"), post(2, "https://example.com/x")]).is_empty(),
            "the link opens the next post"
        );
        assert!(find(&[post(1, "A thread on moats 🧵👇")]).is_empty());
        assert!(
            find(&[post(1, "Some thoughts 👇"), post(2, "First, moats.")]).is_empty(),
            "a pointer at the next post is no lost link"
        );
        assert_eq!(find(&[post(1, "Read it 👇")]).len(), 1, "at the end it is");
        let w = find(&[post(
            1,
            "No moat\r\n Full article here: \r\n \n\u{3000}\n\n",
        )]);
        assert_eq!(
            w.len(),
            1,
            "the last line that is not blank promises the link: {w:?}"
        );
        assert_eq!(
            w[0].text, "Full article here:",
            "trimmed, blank lines after it passed over"
        );
        assert!(
            find(&[post(1, "Full article here:\nThanks for reading\n\n")]).is_empty(),
            "the promise is not the last line that is not blank"
        );
    }

    #[test]
    fn truncated_links() {
        assert!(is_truncated_link("example.com/reports/bike-..."));
        assert!(is_truncated_link("x.com/striver_79/sta…"));
        assert!(is_truncated_link("https://exa…"));
        assert!(!is_truncated_link("wait..."));
        assert!(!is_truncated_link("and/or…"));
        assert!(
            is_truncated_link("(example.com/a-…),"),
            "closing punctuation after the ellipsis is the sentence's"
        );
        assert!(!is_truncated_link("example.com/a"), "no ellipsis, no cut");
    }

    #[test]
    fn lost_mention_phrases() {
        assert_eq!(lost_mentions("At we are using AI"), ["At we are"]);
        assert_eq!(lost_mentions("Great talk cc"), ["cc"]);
        assert!(lost_mentions("We met at the park with her").is_empty());
        assert!(lost_mentions("What we are to do").is_empty());
        assert!(lost_mentions("Thanks I appreciate it").is_empty());
        assert!(lost_mentions("Standing by is hard").is_empty());
        assert_eq!(
            lost_mentions("AT WE ARE"),
            ["AT WE ARE"],
            "the pronoun is compared without case, as the preposition is"
        );
        assert_eq!(lost_mentions("met With She, then"), ["With She, then"]);
        assert!(
            lost_mentions("Quote from \u{212A}IND people").is_empty(),
            "a Kelvin sign is no pronoun"
        );
    }

    #[test]
    fn prepositions_are_matched_whole_and_without_ascii_case() {
        for p in ["at", "with", "by", "via", "from", "to", "cc", "h/t"] {
            let upper = p.to_ascii_uppercase();
            for word in [p, upper.as_str()] {
                let line = format!("thanks {word} , who came");
                assert_eq!(
                    lost_mentions(&line),
                    [format!("{word} , who")],
                    "{word:?} is a preposition in any ASCII case"
                );
            }
        }
        for word in [
            "a", "att", "wit", "bye", "t", "\0at", "a\0t", "h\\t", "hat", "ccc",
        ] {
            let line = format!("thanks {word} , who came");
            assert!(
                lost_mentions(&line).is_empty(),
                "{word:?} is not a preposition: no phrase from {line:?}"
            );
        }
        for end in ["via", "VIA", "cc", "h/t", "H/T"] {
            assert_eq!(
                lost_mentions(&format!("great talk {end}")),
                [end],
                "{end:?} at a line's end lost its names"
            );
        }
        for end in ["at", "with", "by", "from", "to"] {
            assert!(
                lost_mentions(&format!("great talk {end}")).is_empty(),
                "{end:?} at a line's end is no lost mention"
            );
        }
    }
}

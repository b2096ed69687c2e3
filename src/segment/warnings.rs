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

use crate::clean::space_at;
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
    // Truncated links first, then lost mentions, each in the order of the text. The words
    // of the whole text are those of its lines (a line feed is white space).
    let text = post.text.as_str();
    truncated_links(text, |token| out.push(warn("truncated_link", token)));
    let mut phrases = Vec::new();
    lost_mentions_in(text, &mut phrases);
    for phrase in phrases {
        out.push(Warning {
            kind: "lost_mention".to_owned(),
            post: Some(number),
            text: phrase,
        });
    }
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
    let trimmed = trim_end_ascii(last, b" .!");
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

/// Whether a word that ends with an ellipsis (and perhaps `)`, `,` or `]` after it) is a
/// link the page shortened for display, from `head`, what stands before the ellipsis:
/// `example.com/reports/bike-...`, `x.com/striver_79/sta…`, `https://exa…`.
fn is_link_head(head: &str) -> bool {
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

/// [`lost_mentions_in`] of `text`.
#[cfg(test)]
fn lost_mentions(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    lost_mentions_in(text, &mut out);
    out
}

/// `s` without the bytes of `chars` (ASCII) at its end: `trim_end_matches` with no generic
/// char searcher (a few hundred bytes of .wasm for each set of chars).
fn trim_end_ascii<'a>(s: &'a str, chars: &[u8]) -> &'a str {
    let mut end = s.len();
    while end > 0 && chars.contains(&s.as_bytes()[end - 1]) {
        end -= 1;
    }
    &s[..end]
}

/// The words of `text` (as `split_whitespace` cuts them) that are links the page shortened,
/// in order, passed to `each`. Each such word ends with `…` or `...` and then only `)`, `,`
/// or `]`: they are found from those ends (memchr), not by walking every word.
fn truncated_links<'a>(text: &'a str, mut each: impl FnMut(&'a str)) {
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(k) = memchr::memchr2(b'.', 0xA6, &b[from..]) {
        // `p`: the last byte of `...` or of `…` (E2 80 A6), which starts at `p - 2`.
        let p = from + k;
        from = p + 1;
        let dots = b[p] == b'.';
        let (one, two) = if dots { (b'.', b'.') } else { (0xE2, 0x80) };
        if p < 2 || b[p - 1] != two || b[p - 2] != one {
            continue;
        }
        let mut end = p + 1;
        while end < b.len() && matches!(b[end], b')' | b',' | b']') {
            end += 1;
        }
        // The word ends there (at white space or the end of the text), or this is no end.
        if end < b.len() && space_at(b, end) == 0 {
            continue;
        }
        let start = word_start(b, p - 2);
        if is_link_head(&text[start..p - 2]) {
            each(&text[start..end]);
        }
        from = end;
    }
}

/// Where the word holding byte `j` of `b` (a str's bytes; `j` a char boundary, no white space)
/// starts: after the white space char before it, or at 0. Read back a byte at a time; a char
/// is white space when it ends at a byte as [`space_at`] reads it from its first.
fn word_start(b: &[u8], mut j: usize) -> usize {
    while j > 0 {
        let c = b[j - 1];
        let space = if c < 0x80 {
            matches!(c, b'\t'..=b'\r' | b' ')
        } else {
            (j >= 2 && space_at(b, j - 2) == 2) || (j >= 3 && space_at(b, j - 3) == 3)
        };
        if space {
            break;
        }
        j -= 1;
    }
    j
}

/// Prepositions a vanished name left behind in `text`, with what cannot follow them on their
/// line, pushed to `out`.
///
/// The words are not walked one by one (a branch a byte, mispredicted at every word's end):
/// the white space of 64 bytes at a time is a bit mask ([`space_bits`]), from which the
/// starts of the words of at most four bytes (a preposition's length) come at once; only
/// those are looked at, each as one number.
fn lost_mentions_in(text: &str, out: &mut Vec<String>) {
    // The prepositions, as [`fold4`] gives them; the last three may end a line.
    const KEYS: [u64; 8] = [
        fold4(b"at"),
        fold4(b"with"),
        fold4(b"by"),
        fold4(b"from"),
        fold4(b"to"),
        fold4(b"via"),
        fold4(b"cc"),
        fold4(b"h/t"),
    ];
    const ENDS_LINE: usize = 5;
    const AFTER: &[&str] = &["we", "i", "they", "he", "she"];
    let b = text.as_bytes();
    let blocks = b.len().div_ceil(64);
    let mut carry = 0;
    // Bit `i`: byte `64 k + i` is white space (`s`), ends a word (`ends`: the first white
    // space byte after it). Before the text and past its end is white space.
    let mut s = space_bits(b, 0, &mut carry);
    let mut before = 1;
    let mut ends = s & !(s << 1 | before);
    for k in 0..blocks {
        let s_next = if k + 1 < blocks {
            space_bits(b, 64 * (k + 1), &mut carry)
        } else {
            !0
        };
        let ends_next = s_next & !(s_next << 1 | s >> 63);
        // An end 1 to 4 bytes after a start: a word of at most 4 bytes.
        let near = |d: u32| ends >> d | ends_next << (64 - d);
        let mut short = !s & (s << 1 | before) & (near(1) | near(2) | near(3) | near(4));
        while short != 0 {
            let at = short.trailing_zeros();
            short &= short - 1;
            let len = (ends >> at | ends_next << 1 << (63 - at)).trailing_zeros() as usize;
            let start = 64 * k + at as usize;
            let end = start + len;
            // Four bytes read at once (folded as `fold4` folds each), those past the word
            // masked off.
            let key = match b.get(start..).and_then(<[u8]>::first_chunk::<4>) {
                Some(w) => {
                    let x = u32::from_le_bytes(*w);
                    let folded = (x | x >> 1 & 0x2020_2020) & (u32::MAX >> (32 - 8 * len));
                    u64::from(folded) | (len as u64) << 32
                }
                None => fold4(&b[start..end]),
            };
            let Some(p) = KEYS.iter().position(|&k| k == key) else {
                continue;
            };
            // Natively only: in the .wasm the check is 120 bytes, for a fraction of a percent
            // of `format()`.
            #[cfg(not(target_arch = "wasm32"))]
            if next_rules_out(b, end) {
                continue;
            }
            // Compared with ASCII case folded, with no lowercase copy: the pronouns are ASCII
            // with no `k`, so this answers as comparing `lower_for_ascii` (and so
            // `to_lowercase`) of the word would.
            let next = word_in_line(text, end);
            let lost = match next.map(|(s, e)| &text[s..e]) {
                // `cc` / `h/t` / `via` at the end of a line: the names went.
                None => p >= ENDS_LINE,
                Some(",") | Some(";") | Some("&") => true,
                Some(n) => {
                    // `At we are`: a subject pronoun cannot follow a preposition.
                    let n = trim_end_ascii(n, b",.!?:");
                    AFTER.iter().any(|a| n.eq_ignore_ascii_case(a))
                }
            };
            if lost {
                // The word and the two after it.
                let mut phrase = text[start..end].to_owned();
                let mut after = next;
                for _ in 0..2 {
                    let Some((s, e)) = after else { break };
                    phrase.push(' ');
                    phrase.push_str(&text[s..e]);
                    after = word_in_line(text, e);
                }
                out.push(phrase);
            }
        }
        before = s >> 63;
        s = s_next;
        ends = ends_next;
    }
}

/// Whether the word after a preposition that ends at byte `end` of `b` (a str's bytes) is
/// known by its first byte to be no sign of a lost name: a space, then an ASCII byte above it
/// (no white space) that starts none of `,` `;` `&` and the subject pronouns (`we`, `i`,
/// `they`, `he`, `she`, in either case). The next word on the line starts with that byte (its trimmed end keeps it,
/// or is empty, which is no pronoun).
///
/// Most prepositions are answered so (`to the`), the word not read a byte at a time (a third
/// of the time spent on the prepositions of x-1000); any other is read as always.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn next_rules_out(b: &[u8], end: usize) -> bool {
    let (Some(b' '), Some(&c @ 0x21..=0x7F)) = (b.get(end), b.get(end + 1)) else {
        return false;
    };
    // `| 0x20` lowercases a letter (and `,` `;` `&` have bit 5 already).
    !matches!(
        c | 0x20,
        b'w' | b'i' | b't' | b'h' | b's' | b',' | b';' | b'&'
    )
}

/// The word after byte `from` of `text` on the same line (no line feed between), as
/// [`word_at`] gives it.
fn word_in_line(text: &str, from: usize) -> Option<(usize, usize)> {
    word_at(text, from).filter(|&(s, _)| !text.as_bytes()[from..s].contains(&b'\n'))
}

/// A word of one to four bytes as one number: its length (a byte may be 0) and its bytes
/// little-endian, each with bit 6 copied to bit 5. That lowercases ASCII letters, folds no
/// other byte onto a lowercase letter and no byte but `/` onto `/`: a word has the number of
/// a preposition (lowercase letters and `/`) exactly when they are equal ignoring ASCII case.
const fn fold4(w: &[u8]) -> u64 {
    let mut key = (w.len() as u64) << 32;
    let mut i = 0;
    while i < w.len() {
        key |= ((w[i] | (w[i] >> 1 & 0x20)) as u64) << (8 * i);
        i += 1;
    }
    key
}

/// Which of the 64 bytes of `b` from `at` are white space (`char::is_whitespace`), a bit a
/// byte; bytes past the end count as white space. `carry`: the bits of a white space char
/// begun in the block before that fall in this one (and out: this one's into the next).
///
/// Two masks first, with no branch ([`masks`]): the spaces (0x20), and the bytes that may
/// start other white space: those below 0x20 (U+0009–U+000D) and those that start a char
/// outside ASCII (0xC0 and up: every white space char there starts with C2, E1, E2 or E3).
/// Only those few are then read, each with [`space_at`].
fn space_bits(b: &[u8], at: usize, carry: &mut u64) -> u64 {
    let (mut bits, mut special) = masks(b, at);
    bits |= std::mem::take(carry);
    while special != 0 {
        let j = special.trailing_zeros();
        special &= special - 1;
        // One to three bytes of white space from byte `j` (none from most).
        let run = (1u64 << space_at(b, at + j as usize)) - 1;
        bits |= run << j;
        if j > 61 {
            *carry |= run >> (64 - j);
        }
    }
    bits
}

/// [`space_bits`]' two masks of the 64 bytes of `b` from `at`: the spaces, and the bytes
/// that may start other white space; in the block the text ends in, its last bytes are all
/// special (read one by one) and the bytes past its end are spaces. A whole block on x86-64:
/// sixteen bytes at a time with SSE2 (every x86-64 CPU has it), where the portable way
/// ([`masks_by_words`], the .wasm's) reads eight.
fn masks(b: &[u8], at: usize) -> (u64, u64) {
    #[cfg(target_arch = "x86_64")]
    if let Some(block) = b.get(at..).and_then(<[u8]>::first_chunk::<64>) {
        return masks_sse2(block);
    }
    masks_by_words(b, at)
}

/// [`masks`] of a whole block with SSE2: bytes compared sixteen at a time, the answers
/// gathered a bit a byte by `movemask`.
#[cfg(target_arch = "x86_64")]
fn masks_sse2(block: &[u8; 64]) -> (u64, u64) {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_max_epu8, _mm_min_epu8, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8,
    };
    let mut bits = 0;
    let mut special = 0;
    for c in 0..4 {
        // SAFETY: the sixteen bytes from `16 c` are inside the 64 of `block` (an unaligned
        // load); SSE2 is part of the x86-64 baseline, so its instructions are always there.
        let (space, other) = unsafe {
            let x = _mm_loadu_si128(block.as_ptr().add(16 * c).cast::<__m128i>());
            let space = _mm_cmpeq_epi8(x, _mm_set1_epi8(0x20));
            // Unsigned: below 0x20 where min(x, 0x1F) is x; 0xC0 and up where max(x, 0xC0) is x.
            let control = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x);
            let lead = _mm_cmpeq_epi8(_mm_max_epu8(x, _mm_set1_epi8(0xC0_u8 as i8)), x);
            (
                _mm_movemask_epi8(space),
                _mm_movemask_epi8(_mm_or_si128(control, lead)),
            )
        };
        bits |= u64::from(space as u16) << (16 * c);
        special |= u64::from(other as u16) << (16 * c);
    }
    (bits, special)
}

/// [`masks`] eight bytes at a time as a `u64`, with no branch but at the end of the text.
fn masks_by_words(b: &[u8], at: usize) -> (u64, u64) {
    use crate::clean::HIGH;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // Bit 7 of byte `j` to bit `j`, gathered by one multiply.
    let gather = |m: u64| (m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
    let mut bits = 0;
    let mut special = 0;
    for c in 0..8 {
        let i = at + 8 * c;
        let Some(&w) = b.get(i..).and_then(<[u8]>::first_chunk::<8>) else {
            // The end of the text: its last bytes are read one by one, and white space
            // follows them.
            let n = b.len().saturating_sub(i).min(8);
            bits |= (0xFF << n & 0xFF) << (8 * c);
            special |= ((1 << n) - 1) << (8 * c);
            continue;
        };
        let x = u64::from_le_bytes(w);
        // Bit 7 of a byte: below 0x20 (ASCII, and its low 7 bits plus 0x60 stay below
        // 0x80); 0xC0 and up (bits 7 and 6 set).
        let control = !((x & LOW7) + 0x6060_6060_6060_6060) & !x;
        let lead = x & (x << 1);
        // The bytes that are 0x20: those of `x ^ 0x2020…` that are zero.
        let v = x ^ 0x2020_2020_2020_2020;
        let zero = !(((v & LOW7) + LOW7) | v) & HIGH;
        bits |= gather(zero) << (8 * c);
        special |= gather((control | lead) & HIGH) << (8 * c);
    }
    (bits, special)
}

/// The first word of `s` at or after byte `from` (a char boundary), as `str::split_whitespace`
/// cuts words, as its start and end. Read a byte at a time with [`space_at`] (only the few
/// words after a preposition are read so): every byte of a word but its first is a byte of a
/// char that is no space, so a char's continuation bytes are simply stepped over.
fn word_at(s: &str, from: usize) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut i = from;
    while i < b.len() {
        let n = space_at(b, i);
        if n == 0 {
            break;
        }
        i += n;
    }
    let start = i;
    while i < b.len() && space_at(b, i) == 0 {
        i += 1;
    }
    (i > start).then_some((start, i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::pick;
    use crate::test_rng::xorshift;

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

    /// The walk over every word that [`lost_mentions_in`] and [`truncated_links`] replace,
    /// kept to compare them with: prepositions a vanished name left behind in `line`, with
    /// what cannot follow them, pushed to `out`; `each` sees every word of the line on the way
    /// that ends with `)`, `,`, `]`, `.` or `…` (the words [`old_is_truncated_link`] may take).
    fn old_lost_mentions_in(line: &str, out: &mut Vec<String>, mut each: impl FnMut(&str)) {
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
            if wb.len() > 4
                || !matches!(first, b'a' | b'w' | b'b' | b'v' | b'f' | b't' | b'c' | b'h')
            {
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

    /// The old test of every word that may end a truncated link:
    /// `example.com/reports/bike-...`, `x.com/striver_79/sta…`, `https://exa…`.
    fn old_is_truncated_link(token: &str) -> bool {
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
        // What stands before the ellipsis is judged as it was (the new scan changed how the
        // words are found, not this).
        is_link_head(head)
    }

    #[test]
    fn words_found_by_masks_are_those_of_the_walk_over_every_word() {
        // Pieces that make prepositions, pronouns, truncated links and every kind of white
        // space, glued at random: the old walk (line by line, every word) and the new
        // searches must find the same phrases and links, in the same order.
        let pieces = [
            "at",
            "AT",
            "with",
            "By",
            "from",
            "to",
            "To",
            "via",
            "cc",
            "h/t",
            "H/T",
            "h\u{f}t",
            "we",
            "I",
            "they,",
            "He!",
            "she:",
            ",",
            ";",
            "&",
            "a",
            "att",
            "the",
            "word",
            "longerword",
            "é",
            "👇🏻",
            "“x”",
            "…",
            "...",
            "....",
            ".",
            ")",
            "],",
            "example.com/a-",
            "x.com/st",
            "example.com/a-…",
            "x.com/st...",
            "(example.com/b…),",
            "https://exa",
            "(example.com/b",
            "\u{1c}",
            "\0",
            "\u{b}",
        ];
        let spaces = [
            " ", " ", " ", "  ", "\n", "\r\n", "\t", "\u{a0}", "\u{85}", "\u{1680}", "\u{2000}",
            "\u{200a}", "\u{2028}", "\u{2029}", "\u{202f}", "\u{205f}", "\u{3000}", "\u{200b}", "",
            "\r",
        ];
        let mut next = xorshift(0x2545_F491_4F6C_DD1D);
        let (mut links_seen, mut phrases_seen) = (0, 0);
        for _ in 0..20_000 {
            let mut text = String::new();
            let n = next() % 40;
            for _ in 0..n {
                let r = next();
                text.push_str(pieces[(r % pieces.len() as u64) as usize]);
                text.push_str(spaces[((r >> 20) % spaces.len() as u64) as usize]);
            }
            let mut want_links = Vec::new();
            let mut want = Vec::new();
            for line in text.lines() {
                old_lost_mentions_in(line, &mut want, |t| {
                    if old_is_truncated_link(t) {
                        want_links.push(t.to_owned());
                    }
                });
            }
            let mut links = Vec::new();
            super::truncated_links(&text, |t| links.push(t.to_owned()));
            assert_eq!(links, want_links, "the same truncated links in {text:?}");
            assert_eq!(
                lost_mentions(&text),
                want,
                "the same lost mentions in {text:?}"
            );
            links_seen += links.len();
            phrases_seen += want.len();
        }
        assert!(
            links_seen > 1000 && phrases_seen > 1000,
            "the texts hold enough of both to compare"
        );
    }

    #[test]
    fn space_bits_mark_white_space_as_split_whitespace_cuts_it() {
        // Every multiple of 8 bytes in a line feeds the fast path; white space chars across
        // the 8- and 64-byte edges feed the carry.
        let mut next = xorshift(0x9E37_79B9_7F4A_7C15);
        let chars = [
            'a', ' ', '\n', '\u{a0}', '\u{3000}', '\u{2028}', 'é', '👇', '\u{1c}', '…',
        ];
        for _ in 0..5_000 {
            let n = next() % 200;
            let text: String = (0..n).map(|_| pick(&chars, &mut next)).collect();
            let b = text.as_bytes();
            let mut want = vec![true; b.len().div_ceil(64) * 64];
            for (i, c) in text.char_indices() {
                for k in 0..c.len_utf8() {
                    want[i + k] = c.is_whitespace();
                }
            }
            let mut carry = 0;
            for k in 0..b.len().div_ceil(64) {
                let bits = space_bits(b, 64 * k, &mut carry);
                for j in 0..64 {
                    assert_eq!(
                        bits >> j & 1 == 1,
                        want[64 * k + j],
                        "byte {} of {text:?}",
                        64 * k + j
                    );
                }
            }
        }
    }

    /// The SSE2 masks answer as the portable ones do (those of the .wasm, which the test
    /// above checks against `char::is_whitespace` through `space_bits` on other targets),
    /// on blocks of every byte value, most near the edges the compares draw.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn sse2_masks_are_the_portable_masks() {
        let mut next = xorshift(0x2545_F491_4F6C_DD1D);
        let edges = [
            0x00, 0x09, 0x0D, 0x1F, 0x20, 0x21, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xFF,
        ];
        for _ in 0..20_000 {
            let mut block = [0u8; 64];
            for byte in &mut block {
                let r = next();
                *byte = if r % 3 == 0 {
                    (r >> 8) as u8
                } else {
                    edges[(r >> 8) as usize % edges.len()]
                };
            }
            assert_eq!(
                masks_sse2(&block),
                masks_by_words(&block, 0),
                "{block:02x?}"
            );
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
            text: text.into(),
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
        let links = |text: &str| {
            let mut found = Vec::new();
            super::truncated_links(text, |t| found.push(t.to_owned()));
            found
        };
        for link in [
            "example.com/reports/bike-...",
            "x.com/striver_79/sta…",
            "https://exa…",
            "example.com/a-....",
        ] {
            assert_eq!(links(link), [link], "{link:?} was cut");
        }
        for word in [
            "wait...",
            "and/or…",
            "example.com/a",
            "example.com/a-...x",
            "...",
        ] {
            assert!(links(word).is_empty(), "{word:?} is no cut link");
        }
        assert_eq!(
            links("see (example.com/a-…), and https://b.co/x…\u{a0}x.com/st..."),
            ["(example.com/a-…),", "https://b.co/x…", "x.com/st..."],
            "closing punctuation after the ellipsis is the sentence's"
        );
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

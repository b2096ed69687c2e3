//! Entities: post text → links, mentions, hashtags and cashtags, as twitter-text finds them.
//!
//! Input: one post's text. Output: [`spans`] (the text cut into runs whose texts join back to
//! the input), [`extract`] (the entities as strings) and [`urls`] (byte ranges of the links,
//! which compose uses for X's weighted length).
//!
//! Rules, from twitter-text 3.1 (`extractUrlsWithIndices`, `extractMentionsOrListsWithIndices`,
//! `extractHashtagsWithIndices`, `extractCashtagsWithIndices`, `extractEntitiesWithIndices`),
//! re-implemented as hand-written scanners that emulate its regular expressions:
//!
//! - **URLs**: an optional `http://`/`https://`, then dot-separated labels ending in a known
//!   top-level domain (twitter-text's own list, in `entities/tlds.rs`) or a punycode `xn--`
//!   label; an optional port, path (balanced parentheses allowed, trailing punctuation left to
//!   the sentence) and query. The character before must not be a letter, digit, `@`, `$` or `#`
//!   (so no URL inside an e-mail address or after `@`). Without a scheme only the ASCII part of
//!   the domain counts (`これはexample.com` → `example.com`) and the URL may not follow `-`, `_`,
//!   `.` or `/`. Labels are at most 63 characters once punycode-encoded. `t.co` links stop
//!   after their slug, which has at most 40 characters.
//! - **Mentions**: `@` or `＠` and 1–20 of `[A-Za-z0-9_]`, optionally a list `/slug`; not after
//!   a letter, digit or one of `_!#$%&*@` (but `RT@name` is a mention); not followed by `@`, an
//!   accented Latin letter or `://`. Beyond twitter-text, a Bluesky handle
//!   (`@name.bsky.social`, `@nytimes.com`) is one mention when the domain ends in a known
//!   top-level domain; so is a fediverse handle (`@user@instance.social`) in text from Mastodon,
//!   Threads or a plain paste ([`Handles::Fediverse`]) — twitter-text itself reads
//!   `@user@example.com` as too close to an e-mail address to be a mention.
//! - **Hashtags**: `#` or `＃` then letters, marks, digits, `_` and a few joiners, with at least
//!   one letter or mark; not after a letter, digit or `&`; not followed by `#` or `://`.
//! - **Cashtags**: `$` then 1–6 ASCII letters, optionally `.` or `_` and 1–2 letters, at the
//!   start or after a space, followed by the end, a space or punctuation.
//! - When entities overlap, the one that starts first wins (twitter-text's
//!   `removeOverlappingEntities`).
//!
//! Everything is linear in the text: each position is tried once and the domain labels that
//! follow a dot are parsed once and remembered.
//!
//! Reference: <https://github.com/twitter/twitter-text> (conformance/extract.yml).

mod tlds;

use crate::thread::{Platform, Span};
use serde::Serialize;
use std::ops::Range;

/// Entities of one text, each as it appears, in order.
#[derive(Serialize, Debug, Default, PartialEq, Eq)]
pub struct Entities {
    /// Links, as written.
    pub urls: Vec<String>,
    /// Mentions, with `@`.
    pub mentions: Vec<String>,
    /// Hashtags, with `#`.
    pub hashtags: Vec<String>,
    /// Cashtags, with `$`.
    pub cashtags: Vec<String>,
}

/// Which mentions a text may hold besides twitter-text's `@name`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Handles {
    /// As twitter-text: `@user@example.com` is too close to an e-mail address to be a mention.
    #[default]
    Twitter,
    /// The fediverse's `@user@instance.social` is one mention (Mastodon, Threads, plain pastes).
    Fediverse,
}

impl Handles {
    /// The handles a paste from `platform` uses.
    pub fn of(platform: Platform) -> Handles {
        match platform {
            Platform::Mastodon | Platform::Threads | Platform::Plain => Handles::Fediverse,
            Platform::X | Platform::Bluesky | Platform::Linkedin | Platform::Threadreader => {
                Handles::Twitter
            }
        }
    }
}

/// Finds the entities of `text` as twitter-text does. Mentions start with `@` and hashtags
/// with `#` even where the text used the full-width `＠` or `＃` (as twitter-text reports them).
pub fn extract(text: &str) -> Entities {
    extract_with(text, Handles::Twitter)
}

/// [`extract`], with fediverse handles as mentions where `handles` says so.
pub fn extract_with(text: &str, handles: Handles) -> Entities {
    let ascii_sigil = |t: String, wide: char, ascii: char| match t.strip_prefix(wide) {
        Some(rest) => format!("{ascii}{rest}"),
        None => t,
    };
    let mut e = Entities::default();
    for span in spans_with(text, handles) {
        match span {
            Span::Link { text, .. } => e.urls.push(String::from(&*text)),
            Span::Mention { text } => e
                .mentions
                .push(ascii_sigil(String::from(&*text), '＠', '@')),
            Span::Hashtag { text } => e
                .hashtags
                .push(ascii_sigil(String::from(&*text), '＃', '#')),
            Span::Cashtag { text } => e.cashtags.push(String::from(&*text)),
            Span::Text { .. } => {}
        }
    }
    e
}

/// Cuts `text` into spans as twitter-text reads it; the spans' texts joined give `text` back.
pub fn spans(text: &str) -> Vec<Span> {
    spans_with(text, Handles::Twitter)
}

/// [`spans`], with fediverse handles as mentions where `handles` says so.
pub fn spans_with(text: &str, handles: Handles) -> Vec<Span> {
    spans_reusing(text, handles, &mut Scratch::default())
}

/// The working memory of [`spans_reusing`], kept from one text to the next: a thread's
/// posts share one vector of the entities found, instead of each making, growing and freeing
/// its own. (The URL scanner's vectors of domains measured were kept too at first: 0.06 M
/// instructions fewer on x-1000, for 150 B more of .wasm, gzipped.)
#[derive(Default)]
pub struct Scratch {
    found: Found,
}

/// [`spans_with`], with working memory kept in `scratch` between calls.
pub fn spans_reusing(text: &str, handles: Handles, scratch: &mut Scratch) -> Vec<Span> {
    spans_in(text, Source::of(text), handles, scratch)
}

/// [`spans_reusing`] of a post's own text: natively its spans are ranges of that very text
/// (no copy of it made for them, as [`spans_reusing`] makes of a `&str`).
pub fn spans_of(
    text: &crate::thread::PostText,
    handles: Handles,
    scratch: &mut Scratch,
) -> Vec<Span> {
    #[cfg(target_arch = "wasm32")]
    return spans_reusing(text, handles, scratch);
    #[cfg(not(target_arch = "wasm32"))]
    return spans_in(text, Source::shared(text), handles, scratch);
}

/// The spans of `text`, their texts taken from `source` (of `text`).
fn spans_in(text: &str, source: Source, handles: Handles, scratch: &mut Scratch) -> Vec<Span> {
    entities_into(text, handles, scratch);
    let found = &scratch.found;
    // A plain run before each entity that does not touch the one before, and one after the
    // last: counted first, so the vector is made once at its size (a big paste holds tens of
    // thousands of posts' spans at once).
    let mut runs = found.len();
    let mut end = 0;
    for (range, _) in found {
        runs += usize::from(end < range.start);
        end = range.end;
    }
    runs += usize::from(end < text.len());
    let mut out = Vec::with_capacity(runs);
    let mut plain_start = 0;
    for &(ref range, kind) in found {
        if plain_start < range.start {
            out.push(Span::Text {
                text: source.piece(plain_start..range.start),
            });
        }
        let t = sub(text, range.clone());
        out.push(match kind {
            Kind::Url => {
                let has_scheme =
                    starts_with_ignore_case(t, "http://") || starts_with_ignore_case(t, "https://");
                // Made at its size, with no `format!` (a thread holds thousands of links).
                let href = if has_scheme {
                    source.piece(range.clone())
                } else {
                    let mut href = String::with_capacity("https://".len() + t.len());
                    href.push_str("https://");
                    href.push_str(t);
                    crate::thread::span_text(href)
                };
                Span::Link {
                    text: source.piece(range.clone()),
                    href,
                }
            }
            Kind::Mention => Span::Mention {
                text: source.piece(range.clone()),
            },
            Kind::Hashtag => Span::Hashtag {
                text: source.piece(range.clone()),
            },
            Kind::Cashtag => Span::Cashtag {
                text: source.piece(range.clone()),
            },
        });
        plain_start = range.end;
    }
    if plain_start < text.len() {
        out.push(Span::Text {
            text: source.piece(plain_start..text.len()),
        });
    }
    out
}

/// The links of `text` as byte ranges, exactly as twitter-text's `extractUrlsWithIndices`
/// finds them (before other entities are weighed against them).
pub fn urls(text: &str) -> Vec<Range<usize>> {
    let found = found_urls(text);
    let mut out = Vec::with_capacity(found.len());
    for (r, _) in found {
        out.push(r);
    }
    out
}

/// [`urls`], each with its kind (what [`spans_with`]'s scanners push; compose reads these).
pub(crate) fn found_urls(text: &str) -> Found {
    let mut found = Vec::new();
    UrlScanner::new(text).run(&mut found);
    found
}

/// Entities found, each with its kind, in the order the scanners push them.
pub(crate) type Found = Vec<(Range<usize>, Kind)>;

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Url,
    Mention,
    Hashtag,
    Cashtag,
}

/// Where a post's spans take their texts from: natively one shared copy of the post's text,
/// each span a range of it (one allocation a post, where each span longer than a few bytes
/// was one: freeing hundreds of thousands of them was what grew fastest on a big paste); in
/// the browser each span's own `String`.
struct Source<'t> {
    #[cfg(target_arch = "wasm32")]
    text: &'t str,
    #[cfg(not(target_arch = "wasm32"))]
    base: std::sync::Arc<str>,
    #[cfg(not(target_arch = "wasm32"))]
    text: std::marker::PhantomData<&'t str>,
}

impl<'t> Source<'t> {
    fn of(text: &'t str) -> Source<'t> {
        #[cfg(target_arch = "wasm32")]
        return Source { text };
        #[cfg(not(target_arch = "wasm32"))]
        return Source {
            base: std::sync::Arc::from(text),
            text: std::marker::PhantomData,
        };
    }

    /// The source of a shared text: the text itself when it is whole, a copy of it otherwise.
    #[cfg(not(target_arch = "wasm32"))]
    fn shared(text: &'t crate::thread::SharedText) -> Source<'t> {
        match text.whole() {
            Some(base) => Source {
                base: base.clone(),
                text: std::marker::PhantomData,
            },
            None => Source::of(text),
        }
    }

    /// The text of `range` of the post's text.
    fn piece(&self, range: Range<usize>) -> crate::thread::SpanText {
        #[cfg(target_arch = "wasm32")]
        return sub(self.text, range).into();
        #[cfg(not(target_arch = "wasm32"))]
        return crate::thread::SharedText::slice(&self.base, range);
    }
}

/// All entities of `text` into `scratch.found` (made with the scratch's memory), by start,
/// overlaps removed (the first to start wins; at the same start, URLs before mentions before
/// hashtags before cashtags, as twitter-text concatenates).
fn entities_into(text: &str, handles: Handles, scratch: &mut Scratch) {
    // Every scanner pushes onto one vector (not a vector a kind, four allocations a post).
    let all = &mut scratch.found;
    all.clear();
    UrlScanner::new(text).run(all);
    mentions_and_hashtags(text, handles, all);
    cashtags(text, all);
    // Stable: keeps the kind order at equal starts.
    crate::sort::sort_by_key(all, |(r, _)| r.start as u64);
    // Overlaps dropped in place (no second vector): an entity is kept when it starts at or
    // after the end of the last one kept.
    let mut kept = 0;
    for i in 0..all.len() {
        if kept == 0 || all[kept - 1].0.end <= all[i].0.start {
            all.swap(kept, i);
            kept += 1;
        }
    }
    all.truncate(kept);
}

// ---------------------------------------------------------------------------------------------
// Character classes (twitter-text's regexp/*.js).

/// twitter-text's `spaces` group.
fn is_space(c: char) -> bool {
    matches!(
        c,
        '\u{9}'..='\u{d}'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{180e}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// Characters a tweet may not hold (`invalidChars`).
pub(crate) fn is_invalid(c: char) -> bool {
    matches!(c, '\u{fffe}' | '\u{feff}' | '\u{ffff}')
}

fn is_directional(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}' | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{2066}'..='\u{2069}'
    )
}

/// twitter-text's `punct`: ASCII punctuation (it omits `"` and `` ` ``, which we add to the
/// characters a domain cannot hold).
fn is_punct(c: char) -> bool {
    matches!(
        c,
        '!' | '\''
            | '#'
            | '%'
            | '&'
            | '('
            | ')'
            | '*'
            | '+'
            | ','
            | '\\'
            | '-'
            | '.'
            | '/'
            | ':'
            | ';'
            | '<'
            | '='
            | '>'
            | '?'
            | '@'
            | '['
            | ']'
            | '^'
            | '_'
            | '{'
            | '|'
            | '}'
            | '~'
            | '$'
    )
}

/// `validDomainChars`: anything but punctuation, spaces, controls and invalid characters.
fn is_domain_char(c: char) -> bool {
    if c.is_ascii() {
        // Every printable ASCII character but letters and digits is punctuation here.
        return c.is_ascii_alphanumeric();
    }
    !(is_punct(c)
        || c == '"'
        || c == '`'
        || c.is_control()
        || is_space(c)
        || is_invalid(c)
        || is_directional(c))
}

/// A character of a domain label: a domain character, `-` or `_`.
fn is_label_char(c: char) -> bool {
    c == '-' || c == '_' || is_domain_char(c)
}

fn is_latin_accent(c: char) -> bool {
    matches!(
        c,
        '\u{c0}'..='\u{d6}'
            | '\u{d8}'..='\u{f6}'
            | '\u{f8}'..='\u{24f}'
            | '\u{253}'
            | '\u{254}'
            | '\u{256}'
            | '\u{257}'
            | '\u{259}'
            | '\u{25b}'
            | '\u{263}'
            | '\u{268}'
            | '\u{26f}'
            | '\u{272}'
            | '\u{289}'
            | '\u{28b}'
            | '\u{2bb}'
            | '\u{300}'..='\u{36f}'
            | '\u{1e00}'..='\u{1eff}'
    )
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4ff}').contains(&c)
}

/// ASCII characters as a set of bits (bit `n` for the character `n`), for a test with one
/// shift where a `matches!` of many characters compares each in turn.
const fn ascii_set(chars: &[u8]) -> u128 {
    let mut set = 0;
    let mut i = 0;
    while i < chars.len() {
        set |= 1 << chars[i];
        i += 1;
    }
    set
}

/// `&s[range]`. In the .wasm, `""` where that would panic: never where it is used (each
/// range there is made of char boundaries inside `s`), but a slice that cannot fail has no
/// panic location and call (40 of them here: 0.1 kB gzipped; with those of compose,
/// paste_html, clean and the renderers 0.5 kB). Natively the plain slice, whose code the
/// binary search of the TLDs and the URL scan run faster (0.3% of x-1000's instructions).
#[inline(always)]
pub(crate) fn sub<R: std::slice::SliceIndex<str, Output = str>>(s: &str, range: R) -> &str {
    #[cfg(target_arch = "wasm32")]
    return s.get(range).unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    return &s[range];
}

/// `&b[range]`: [`sub`] for bytes (and other slices).
#[inline(always)]
pub(crate) fn sub_b<T, R: std::slice::SliceIndex<[T], Output = [T]>>(b: &[T], range: R) -> &[T] {
    #[cfg(target_arch = "wasm32")]
    return b.get(range).unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    return &b[range];
}

const ALNUM: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Whether `c` is in `set` (an [`ascii_set`]).
fn in_ascii_set(set: u128, c: char) -> bool {
    let n = c as u32;
    n < 128 && crate::clean::bit128(set, n)
}

/// The ASCII part of `validGeneralUrlPathChars`.
const PATH_ASCII: u128 = ascii_set(ALNUM) | ascii_set(b"!*';:=+,.$/%#[]-_~@|&");

/// `validGeneralUrlPathChars`.
fn is_path_char(c: char) -> bool {
    if c.is_ascii() {
        return in_ascii_set(PATH_ASCII, c);
    }
    c == '\u{2013}' || is_cyrillic(c) || is_latin_accent(c)
}

/// The ASCII part of `validUrlPathEndingChars`.
const PATH_END_ASCII: u128 = ascii_set(ALNUM) | ascii_set(b"+-=_#/");

/// `validUrlPathEndingChars` (without the balanced parentheses).
fn is_path_end(c: char) -> bool {
    if c.is_ascii() {
        return in_ascii_set(PATH_END_ASCII, c);
    }
    is_cyrillic(c) || is_latin_accent(c)
}

/// Where a URL ending at `end` ends once a `?query` that follows is taken in: after its last
/// character that may end a query, or `end` itself when there is no query.
fn query_end(s: &str, end: usize) -> usize {
    if s.as_bytes().get(end) != Some(&b'?') {
        return end;
    }
    let mut last = end;
    let mut p = end + 1;
    for c in sub(s, end + 1..).chars() {
        if !is_query_char(c) {
            break;
        }
        p += c.len_utf8();
        if is_query_end(c) {
            last = p;
        }
    }
    last
}

fn is_query_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '?'
                | '*'
                | '\''
                | '@'
                | '('
                | ')'
                | ';'
                | ':'
                | '&'
                | '='
                | '+'
                | '$'
                | '/'
                | '%'
                | '#'
                | '['
                | ']'
                | '-'
                | '_'
                | '.'
                | ','
                | '~'
                | '|'
        )
}

fn is_query_end(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '&' | '=' | '#' | '/')
}

/// A character of `validAsciiDomain`'s labels.
fn is_ascii_label_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || is_latin_accent(c)
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// The char at byte `i` (`None` at the end or inside a char). An ASCII byte is its char, with
/// no decoding (at opt-level z `chars().next()` is a call).
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        _ => s.get(i..).and_then(|r| r.chars().next()),
    }
}

/// The char that ends before byte `i`; an ASCII byte there is its char.
fn char_before(s: &str, i: usize) -> Option<char> {
    match i.checked_sub(1).and_then(|k| s.as_bytes().get(k)) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        _ => sub(s, ..i).chars().next_back(),
    }
}

/// Length of a known top-level domain at the start of `s`, followed by the end of `s` or by
/// anything but `[0-9A-Za-z@+-]` (twitter-text's lookahead); the longest wins. A punycode
/// `xn--…` label also counts (without the lookahead, as in `validPunycode`).
fn tld_len(s: &str) -> Option<usize> {
    let lookahead_ok = |end: usize| {
        char_at(s, end).is_none_or(|n| !(n.is_ascii_alphanumeric() || matches!(n, '@' | '+' | '-')))
    };
    let mut best = None;
    let first = char_at(s, 0)?;
    if first.is_ascii_alphabetic() {
        // ASCII TLDs are letters only, and the lookahead forbids a letter after them: the
        // whole run of letters is the only candidate.
        let n = s.bytes().take_while(u8::is_ascii_alphabetic).count();
        if n <= tlds::LONGEST && lookahead_ok(n) && is_tld(sub(s, ..n)) {
            best = Some(n);
        }
    } else if !first.is_ascii() {
        // Internationalised TLDs: every prefix of non-ASCII characters may be one.
        for (i, c) in s.char_indices() {
            let end = i + c.len_utf8();
            if c.is_ascii() || end > tlds::LONGEST {
                break;
            }
            if lookahead_ok(end) && is_tld(sub(s, ..end)) {
                best = Some(end);
            }
        }
    }
    if best.is_none() && starts_with_ignore_case(s, "xn--") {
        let n = sub(s, 4..)
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
            .count();
        if n > 0 {
            best = Some(4 + n);
        }
    }
    best
}

fn is_tld(candidate: &str) -> bool {
    // No TLD is longer; a shorter candidate is lowercased once, not at every step.
    let candidate = candidate.as_bytes();
    if candidate.len() > tlds::LONGEST {
        return false;
    }
    let mut buf = [0u8; tlds::LONGEST];
    for (b, c) in buf.iter_mut().zip(candidate) {
        *b = c.to_ascii_lowercase();
    }
    let lower = &buf[..candidate.len()];
    let (text, ends) = &*tlds::LIST;
    let (text, ends) = (text.as_bytes(), ends.as_slice());
    let tld = |i: usize| {
        let start = if i == 0 { 0 } else { usize::from(ends[i - 1]) };
        sub_b(text, start..usize::from(ends[i]))
    };
    let (mut lo, mut hi) = (0, ends.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        // Bytes in order, a prefix first: the order the list is sorted in. Compared here, not
        // with `Ord` on slices (a `memcmp` call a step, where most steps differ at the first
        // byte).
        match compare(tld(mid), lower) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
        }
    }
    false
}

/// `a.cmp(b)` for byte strings, a byte at a time.
fn compare(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i].cmp(&b[i]);
        }
        i += 1;
    }
    a.len().cmp(&b.len())
}

// ---------------------------------------------------------------------------------------------
// URLs (`extractUrl` and `extractUrlsWithIndices`).

/// Where the next dot that may end a URL's first label and the next space, tab or line feed
/// are, for a scan that only moves forward: a match needs a dot right after its first label
/// (after `https://`, which holds neither), then a domain character (a label or a top-level
/// domain starts there: an ASCII letter or digit, or a byte from 0x80), and labels hold no
/// space, so a match cannot start before a space that comes before the next such dot. A
/// sentence's full stop, followed by a space or the end, is not one.
#[derive(Default)]
struct DotLookahead {
    /// The next dot followed by an ASCII letter or digit or a byte from 0x80, at or after the
    /// last byte asked about.
    dot: Option<usize>,
    /// The next space, tab or line feed at or after the last byte asked about.
    space: Option<usize>,
    /// Whether `dot` and `space` were looked up yet.
    known: bool,
}

impl DotLookahead {
    /// Whether no URL can match at byte `s` of `text` (`s` never decreases between calls).
    fn hopeless(&mut self, text: &str, s: usize) -> bool {
        let bytes = text.as_bytes();
        let rest = |from: usize| bytes.get(from..).unwrap_or_default();
        if !self.known || self.dot.is_some_and(|d| d < s) {
            let mut from = s;
            self.dot = None;
            while let Some(k) = memchr::memchr(b'.', rest(from)) {
                let d = from + k;
                if bytes
                    .get(d + 1)
                    .is_some_and(|&b| b.is_ascii_alphanumeric() || b >= 0x80)
                {
                    self.dot = Some(d);
                    break;
                }
                from = d + 1;
            }
        }
        // With no such dot ahead there is nothing to match, and no space to look for (most
        // posts: this is their only search).
        let Some(d) = self.dot else {
            self.known = true;
            return true;
        };
        if !self.known || self.space.is_some_and(|w| w < s) {
            self.space = memchr::memchr3(b' ', b'\n', b'\t', rest(s)).map(|k| s + k);
        }
        self.known = true;
        self.space.is_some_and(|w| w < d)
    }
}

/// One URL scan over a text, with the memory that keeps it linear.
struct UrlScanner<'a> {
    text: &'a str,
    /// The label run last measured: its start, its end and the last `_` in it.
    run: (usize, usize, Option<usize>),
    /// For labels that start right after a dot: where the longest domain from there ends, by
    /// position, in increasing order (see [`UrlScanner::best_after_dot`]).
    after_dot: Vec<(usize, Option<usize>)>,
    /// Of each label in the chain being solved: whether it may be a subdomain, and whether it
    /// may be the domain name (kept to reuse its memory).
    chain: Vec<(bool, bool)>,
}

/// What the URL pattern matched at one position.
struct UrlMatch {
    /// Where the URL starts (after the preceding character).
    start: usize,
    /// Where the match ends (the scan resumes here).
    end: usize,
    has_protocol: bool,
    domain: Range<usize>,
    has_path: bool,
}

impl<'a> UrlScanner<'a> {
    fn new(text: &'a str) -> Self {
        UrlScanner {
            text,
            run: (usize::MAX, 0, None),
            after_dot: Vec::new(),
            chain: Vec::new(),
        }
    }

    fn run(&mut self, out: &mut Found) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut dots = DotLookahead::default();
        // A text with no dot that a label or top-level domain follows holds no URL.
        if dots.hopeless(text, 0) && dots.dot.is_none() {
            return;
        }
        let mut i = 0;
        while i < text.len() {
            // Fast path: an ASCII letter or digit is never a preceding character, and only the
            // start of the text is tried without one.
            if i > 0 && bytes[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            // `i` is a char boundary inside the text: never `None` (no panic path in the .wasm).
            let Some(c) = char_at(text, i) else { break };
            // `validUrlPrecedingChars` consumes one character, or matches the start.
            let preceding_ok = !(c.is_ascii_alphanumeric()
                || matches!(c, '@' | '＠' | '$' | '#' | '＃')
                || is_invalid(c))
                || is_directional(c);
            let mut found = None;
            let mut skip_to = i + c.len_utf8();
            if preceding_ok {
                if dots.hopeless(text, skip_to) {
                    // No match starts before the last space ahead of the next dot (none at
                    // all without a dot): the characters up to it are only tried as
                    // preceding characters, hopelessly. One jump a sentence, not a word.
                    skip_to = match dots.dot {
                        Some(d) => memchr::memrchr3(b' ', b'\n', b'\t', sub_b(bytes, skip_to..d))
                            .map_or(skip_to, |k| skip_to + k),
                        None => text.len(),
                    };
                } else {
                    found = self.match_at(i + c.len_utf8()).map(|m| (m, Some(c)));
                }
            }
            if found.is_none() && i == 0 && !dots.hopeless(text, 0) {
                found = self.match_at(0).map(|m| (m, None));
                skip_to = i + c.len_utf8();
            }
            match found {
                Some((m, before)) => {
                    i = m.end;
                    self.accept(&m, before, out);
                }
                None => i = skip_to,
            }
        }
    }

    /// The rules `extractUrlsWithIndices` applies to a match before keeping it.
    fn accept(&self, m: &UrlMatch, before: Option<char>, out: &mut Found) {
        let text = self.text;
        let domain = sub(text, m.domain.clone());
        let protocol_len = if m.has_protocol {
            m.domain.start - m.start
        } else {
            "https://".len()
        };
        if !valid_idna(domain, sub(text, m.start..m.end), protocol_len) {
            return;
        }
        if !m.has_protocol {
            if before.is_some_and(|b| matches!(b, '-' | '_' | '.' | '/')) {
                return;
            }
            let found = ascii_domains(domain);
            let n = found.len();
            for (k, r) in found.into_iter().enumerate() {
                let start = m.domain.start + r.start;
                let end = if k + 1 == n && m.has_path {
                    m.end
                } else {
                    m.domain.start + r.end
                };
                out.push((start..end, Kind::Url));
            }
            return;
        }
        let url = sub(text, m.start..m.end);
        if let Some((len, slug)) = tco(url) {
            if slug > 40 {
                return;
            }
            out.push((m.start..m.start + len, Kind::Url));
            return;
        }
        out.push((m.start..m.end, Kind::Url));
    }

    /// The URL pattern (`extractUrl` without its preceding character) at byte `s`.
    fn match_at(&mut self, s: usize) -> Option<UrlMatch> {
        let text = self.text;
        let rest = text.get(s..)?;
        let protocol = if starts_with_ignore_case(rest, "https://") {
            8
        } else if starts_with_ignore_case(rest, "http://") {
            7
        } else {
            0
        };
        let d = s + protocol;
        let domain_end = self.domain_at(d)?;
        let mut end = domain_end;
        // Port.
        if text.as_bytes().get(end) == Some(&b':') {
            let digits = sub(text, end + 1..)
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
            if digits > 0 {
                end += 1 + digits;
            }
        }
        // Path.
        let mut has_path = false;
        if text.as_bytes().get(end) == Some(&b'/') {
            has_path = true;
            end = path_end(text, end + 1);
        }
        // Query.
        end = query_end(text, end);
        Some(UrlMatch {
            start: s,
            end,
            has_protocol: protocol > 0,
            domain: d..domain_end,
            has_path,
        })
    }

    /// The label run containing `s`: its end and the last `_` before that end.
    fn label_run(&mut self, s: usize) -> (usize, Option<usize>) {
        let (start, end, underscore) = self.run;
        if start <= s && s < end {
            return (end, underscore);
        }
        let mut e = s;
        let mut us = None;
        for c in sub(self.text, s..).chars() {
            if !is_label_char(c) {
                break;
            }
            if c == '_' {
                us = Some(e);
            }
            e += c.len_utf8();
        }
        self.run = (s, e, us);
        (e, us)
    }

    /// `validDomain` at byte `s`: where the longest domain starting there ends.
    ///
    /// A domain is labels separated by dots, then a top-level domain at the start of the label
    /// after the last dot. Every label but the last full one may hold `_`; each starts and
    /// ends with a domain character. The regex's greedy `validSubdomain*` takes as many labels
    /// as it can.
    fn domain_at(&mut self, s: usize) -> Option<usize> {
        let text = self.text;
        if !char_at(text, s).is_some_and(is_domain_char) {
            return None;
        }
        let (end, underscore) = self.label_run(s);
        if text.as_bytes().get(end) != Some(&b'.') {
            return None;
        }
        let last_ok = char_before(text, end).is_some_and(is_domain_char);
        let sub_ok = last_ok;
        let name_ok = last_ok && underscore.is_none_or(|u| u < s);
        self.resolve(end + 1, sub_ok, name_ok)
    }

    /// Given a label that ends at `next - 1` (a dot) and may be a subdomain (`sub_ok`) or the
    /// domain name (`name_ok`), where the longest domain ends.
    fn resolve(&mut self, next: usize, sub_ok: bool, name_ok: bool) -> Option<usize> {
        if sub_ok {
            if let Some(end) = self.best_after_dot(next) {
                return Some(end);
            }
        }
        if name_ok {
            return tld_len(sub(self.text, next..)).map(|n| next + n);
        }
        None
    }

    /// What `after_dot` holds for position `t`, if it holds it (a binary search).
    fn known(&self, t: usize) -> Option<Option<usize>> {
        let (mut lo, mut hi) = (0, self.after_dot.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let (at, end) = self.after_dot[mid];
            if at == t {
                return Some(end);
            }
            if at < t {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        None
    }

    /// Where the longest domain ends whose first label starts at `t` (just after a dot).
    fn best_after_dot(&mut self, t: usize) -> Option<usize> {
        // After most dots (a sentence's end) comes no label at all: nothing to remember.
        if !char_at(self.text, t).is_some_and(is_domain_char) {
            return None;
        }
        if let Some(known) = self.known(t) {
            return known;
        }
        // Walk the chain of dot-separated labels forward, then solve it backward, so each
        // label is looked at once however many positions ask about it. Its positions come after
        // every one remembered, so `after_dot` stays sorted: the scan asks at `t` or later, and
        // the only dots from `t` to the chain's end are the chain's own, whose positions are
        // remembered with it.
        let text = self.text;
        let first = self.after_dot.len();
        self.chain.clear();
        let mut at = t;
        loop {
            debug_assert!(self.after_dot.last().is_none_or(|&(k, _)| k < at));
            self.after_dot.push((at, None));
            if !char_at(text, at).is_some_and(is_domain_char) {
                break;
            }
            let mut e = at;
            let mut has_us = false;
            for c in sub(text, at..).chars() {
                if !is_label_char(c) {
                    break;
                }
                has_us |= c == '_';
                e += c.len_utf8();
            }
            if text.as_bytes().get(e) != Some(&b'.') {
                break;
            }
            let last_ok = char_before(text, e).is_some_and(is_domain_char);
            self.chain.push((last_ok, last_ok && !has_us));
            at = e + 1;
        }
        // The chain's last position (where no label continues it) keeps `None`.
        for k in (0..self.chain.len()).rev() {
            let (sub_ok, name_ok) = self.chain[k];
            let next = self.after_dot[first + k + 1].0;
            self.after_dot[first + k].1 = self.resolve(next, sub_ok, name_ok);
        }
        self.after_dot[first].1
    }
}

/// Where a URL path that starts at byte `p` (after its `/`) ends: the longest run of path
/// characters and balanced parentheses that ends with a path-ending character.
fn path_end(text: &str, p: usize) -> usize {
    let bytes = text.as_bytes();
    let mut last = p;
    let mut at = p;
    while let Some(&b) = bytes.get(at) {
        if b < 0x80 {
            // An ASCII byte is its char, a byte long (most paths are ASCII).
            let c = char::from(b);
            if in_ascii_set(PATH_ASCII, c) {
                at += 1;
                if in_ascii_set(PATH_END_ASCII, c) {
                    last = at;
                }
                continue;
            }
            if b != b'(' {
                break;
            }
            match balanced_parens(text, at) {
                Some(e) => {
                    at = e;
                    last = at;
                }
                None => break,
            }
        } else {
            let c = sub(text, at..).chars().next().unwrap_or_default();
            if !is_path_char(c) {
                break;
            }
            at += c.len_utf8();
            if is_path_end(c) {
                last = at;
            }
        }
    }
    last
}

/// `validUrlBalancedParens` at `p` (a `(`): `(chars)` or `(chars(chars)chars)`.
fn balanced_parens(text: &str, p: usize) -> Option<usize> {
    let run = |from: usize| -> usize {
        sub(text, from..)
            .chars()
            .take_while(|&c| is_path_char(c))
            .map(char::len_utf8)
            .sum()
    };
    let a = p + 1;
    let a_end = a + run(a);
    if sub(text, a_end..).starts_with(')') && a_end > a {
        return Some(a_end + 1);
    }
    if sub(text, a_end..).starts_with('(') {
        let b = a_end + 1;
        let b_end = b + run(b);
        if b_end > b && sub(text, b_end..).starts_with(')') {
            let c = b_end + 1;
            let c_end = c + run(c);
            if sub(text, c_end..).starts_with(')') {
                return Some(c_end + 1);
            }
        }
    }
    None
}

/// The ASCII domains inside a domain without a scheme (`validAsciiDomain`, global): byte
/// ranges within `domain`.
fn ascii_domains(domain: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut p = 0;
    while p < domain.len() {
        // `p` is a char boundary: never `None` (no panic path in the .wasm).
        let Some(c) = char_at(domain, p) else { break };
        if !is_ascii_label_char(c) {
            p += c.len_utf8();
            continue;
        }
        let mut q = p;
        let mut best = None;
        loop {
            let r = q + sub(domain, q..)
                .chars()
                .take_while(|&c| is_ascii_label_char(c))
                .map(char::len_utf8)
                .sum::<usize>();
            if r == q || !sub(domain, r..).starts_with('.') {
                q = r;
                break;
            }
            if let Some(n) = tld_len(sub(domain, r + 1..)) {
                best = Some(r + 1 + n);
            }
            q = r + 1;
        }
        match best {
            Some(end) => {
                out.push(p..end);
                p = end;
            }
            None => p = q.max(p + c.len_utf8()),
        }
    }
    out
}

/// `validTcoUrl` at the start of `url`: the length it matches and its slug's length.
fn tco(url: &str) -> Option<(usize, usize)> {
    let after = if starts_with_ignore_case(url, "https://t.co/") {
        13
    } else if starts_with_ignore_case(url, "http://t.co/") {
        12
    } else {
        return None;
    };
    let slug = sub(url, after..)
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if slug == 0 {
        return None;
    }
    Some((query_end(url, after + slug), slug))
}

/// twitter-text's `isValidUrl`: the domain must encode to IDNA with labels of 1–63
/// characters, and the whole URL must stay within 4096 UTF-16 units.
fn valid_idna(domain: &str, url: &str, protocol_len: usize) -> bool {
    if domain.starts_with("xn--") && ascii_domains(domain).is_empty() {
        return false; // a punycode label cannot hold non-ASCII characters
    }
    let utf16 = |s: &str| {
        if s.is_ascii() {
            s.len()
        } else {
            s.encode_utf16().count()
        }
    };
    if domain.is_ascii() {
        // Labels of 1–63 bytes, encoded as they are: the encoded domain is as long as the
        // domain (no split, no punycode).
        let mut len = 0;
        for &b in domain.as_bytes() {
            if b == b'.' {
                if len == 0 {
                    return false;
                }
                len = 0;
            } else {
                len += 1;
                if len > 63 {
                    return false;
                }
            }
        }
        return len > 0 && protocol_len + utf16(url) <= 4096;
    }
    let mut encoded = 0usize;
    for label in domain.split('.') {
        // punycode.js splits on the ideographic full stops too.
        let mut len = 0usize;
        let mut parts = 0usize;
        if label.is_ascii() {
            // No full stop but `.` in it: one part, with no split (at opt-level z a split on
            // chars is a call a char).
            let Some(n) = punycode_len(label) else {
                return false;
            };
            len = n;
            parts = 1;
        } else {
            for part in label.split(['\u{3002}', '\u{ff0e}', '\u{ff61}']) {
                let Some(n) = punycode_len(part) else {
                    return false;
                };
                len += n;
                parts += 1;
            }
        }
        len += parts - 1;
        if len == 0 || len > 63 {
            return false;
        }
        encoded += len + 1;
    }
    let encoded = encoded.saturating_sub(1);
    let (url16, domain16) = (utf16(url), utf16(domain));
    protocol_len + url16 + encoded <= 4096 + domain16
}

/// Length of `label` after punycode's `toASCII` (RFC 3492), or `None` past 63 characters.
fn punycode_len(label: &str) -> Option<usize> {
    if label.is_ascii() {
        // All basic code points: encoded as they are.
        return (label.len() <= 63).then_some(label.len());
    }
    let cps: Vec<u32> = label.chars().map(|c| c as u32).collect();
    if cps.len() > 63 {
        return None;
    }
    let basic = cps.iter().filter(|&&c| c < 0x80).count();
    if basic == cps.len() {
        return Some(cps.len());
    }
    const BASE: u64 = 36;
    const TMIN: u64 = 1;
    const TMAX: u64 = 26;
    let adapt = |delta: u64, points: u64, first: bool| -> u64 {
        let mut delta = if first { delta / 700 } else { delta / 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > ((BASE - TMIN) * TMAX) / 2 {
            delta /= BASE - TMIN;
            k += BASE;
        }
        k + (BASE - TMIN + 1) * delta / (delta + 38)
    };
    let mut out = 4 + basic + usize::from(basic > 0);
    let mut n: u64 = 128;
    let mut delta: u64 = 0;
    let mut bias: u64 = 72;
    let mut h = basic as u64;
    let total = cps.len() as u64;
    while h < total {
        // A code point ≥ n remains while h < total: never `None` (no panic path in the .wasm).
        let Some(m) = cps.iter().map(|&c| u64::from(c)).filter(|&c| c >= n).min() else {
            break;
        };
        delta += (m - n) * (h + 1);
        n = m;
        for &c in &cps {
            let c = u64::from(c);
            if c < n {
                delta += 1;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        TMIN
                    } else if k >= bias + TMAX {
                        TMAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out += 1;
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out += 1;
                bias = adapt(delta, h + 1, h == basic as u64);
                delta = 0;
                h += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    Some(out)
}

// ---------------------------------------------------------------------------------------------
// Mentions, hashtags, cashtags.

/// `validMentionPrecedingChars` before the `@` at byte `i`.
fn mention_may_follow(text: &str, i: usize) -> bool {
    let Some(prev) = char_before(text, i) else {
        return true;
    };
    if !(prev.is_ascii_alphanumeric()
        || matches!(prev, '_' | '!' | '#' | '$' | '%' | '&' | '*' | '@' | '＠'))
    {
        return true;
    }
    // `RT@name`, `rt:@name`: a retweet marker right before, itself after a boundary.
    let head = sub(text, ..i);
    let head = head.strip_suffix(':').unwrap_or(head);
    if head.len() >= 2 && head.is_char_boundary(head.len() - 2) {
        let rt = sub(head, head.len() - 2..);
        if rt.eq_ignore_ascii_case("rt") {
            let before = char_before(head, head.len() - 2);
            return before.is_none_or(|b| {
                !(b.is_ascii_alphanumeric() || matches!(b, '_' | '+' | '~' | '.' | '-'))
            });
        }
    }
    false
}

/// A handle's domain at the start of `s`: ASCII labels separated by dots, at least `min`
/// labels, the last a known top-level domain. Returns its length.
fn handle_domain(s: &str, min: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut labels = 0;
    let mut p = 0;
    let mut last_label = 0..0;
    loop {
        let start = p;
        while p < b.len() && (b[p].is_ascii_alphanumeric() || b[p] == b'-') {
            p += 1;
        }
        if p == start || b.get(start) == Some(&b'-') || b.get(p - 1) == Some(&b'-') {
            return None;
        }
        labels += 1;
        last_label = start..p;
        let next_is_label =
            b.get(p) == Some(&b'.') && b.get(p + 1).is_some_and(u8::is_ascii_alphanumeric);
        if !next_is_label {
            break;
        }
        p += 1;
    }
    // Most mentions are one label: asked first, before the char after is decoded.
    if labels < min {
        return None;
    }
    let after_ok = sub(s, p..)
        .chars()
        .next()
        .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '@'));
    (after_ok && is_tld(sub(s, last_label))).then_some(p)
}

/// The mention that the `@` or `＠` (`at_len` bytes) at byte `i` starts, pushed onto `out`
/// if there is one; returns where the search for mentions goes on.
fn mention_at(text: &str, handles: Handles, i: usize, at_len: usize, out: &mut Found) -> usize {
    let b = text.as_bytes();
    if !mention_may_follow(text, i) {
        return i + at_len;
    }
    let name_start = i + at_len;
    // Bluesky handle: `@name.bsky.social`, `@nytimes.com`.
    if let Some(n) = handle_domain(sub(text, name_start..), 2) {
        out.push((i..name_start + n, Kind::Mention));
        return name_start + n;
    }
    let name_len = sub_b(b, name_start..)
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
        .count();
    if name_len == 0 {
        return i + at_len;
    }
    // Mastodon handle: `@user@instance.social`.
    let after_name = name_start + name_len;
    if handles == Handles::Fediverse && name_len <= 30 && b.get(after_name) == Some(&b'@') {
        if let Some(n) = handle_domain(sub(text, after_name + 1..), 2) {
            out.push((i..after_name + 1 + n, Kind::Mention));
            return after_name + 1 + n;
        }
    }
    let mut end = name_start + name_len.min(20);
    // An optional list: `/slug`.
    if b.get(end) == Some(&b'/') && b.get(end + 1).is_some_and(u8::is_ascii_alphabetic) {
        let slug = sub_b(b, end + 2..)
            .iter()
            .take(24)
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_' || **c == b'-')
            .count();
        end += 2 + slug;
    }
    let after = sub(text, end..);
    // Asked only where the next byte may start one of them (`＠` starts with EF, a
    // Latin accent with a byte from 0x80).
    let next = after.as_bytes().first().copied().unwrap_or(0);
    let rejected = (next == b'@' || next == b':' || next >= 0x80)
        && (after.starts_with('@')
            || after.starts_with('＠')
            || after.starts_with("://")
            || after.chars().next().is_some_and(is_latin_accent));
    if !rejected {
        out.push((i..end, Kind::Mention));
    }
    end
}

fn is_hashtag_alpha(c: char) -> bool {
    c.is_alphabetic() || crate::ucd::is_combining_mark(c)
}

fn is_hashtag_alnum(c: char) -> bool {
    is_hashtag_alpha(c)
        || c.is_numeric()
        || matches!(
            c,
            '_' | '\u{200c}'
                | '\u{200d}'
                | '\u{a67e}'
                | '\u{5be}'
                | '\u{5f3}'
                | '\u{5f4}'
                | '\u{ff5e}'
                | '\u{301c}'
                | '\u{309b}'
                | '\u{309c}'
                | '\u{30a0}'
                | '\u{30fb}'
                | '\u{3003}'
                | '\u{f0b}'
                | '\u{f0c}'
                | '\u{b7}'
        )
}

/// The hashtag that the `#` or `＃` (`hash_len` bytes) at byte `h` starts, pushed onto `out`
/// if there is one; returns where the search for hashtags goes on.
fn hashtag_at(text: &str, h: usize, hash_len: usize, out: &mut Found) -> usize {
    let i = h + hash_len;
    let boundary = char_before(text, h)
        .is_none_or(|p| matches!(p, '\u{fe0e}' | '\u{fe0f}') || !(is_hashtag_alnum(p) || p == '&'));
    if !boundary || matches!(char_at(text, i), Some('\u{fe0f}' | '\u{20e3}')) {
        return i;
    }
    let mut end = i;
    let mut has_alpha = false;
    for c in sub(text, i..).chars() {
        // ASCII asked here: a hashtag's letters and digits, with no Unicode tables.
        if c.is_ascii() {
            if !(c.is_ascii_alphanumeric() || c == '_') {
                break;
            }
            has_alpha |= c.is_ascii_alphabetic();
        } else {
            if !is_hashtag_alnum(c) {
                break;
            }
            has_alpha |= is_hashtag_alpha(c);
        }
        end += c.len_utf8();
    }
    if !has_alpha {
        return i;
    }
    let after = sub(text, end..);
    // `＃` starts with EF: other next bytes are ruled out with no compare.
    let next = after.as_bytes().first().copied().unwrap_or(0);
    let joined = matches!(next, b'#' | b':' | 0xEF)
        && (after.starts_with('#') || after.starts_with('＃') || after.starts_with("://"));
    if !joined {
        out.push((h..end, Kind::Hashtag));
    }
    end
}

/// Mentions and hashtags, in one pass over their sigils: `@`, `#` and the first byte of `＠`
/// and `＃` (EF BC A0, EF BC 83). Each kind goes on from where its last one said, as when each
/// had a pass of its own (overlaps between them are settled later, by start).
fn mentions_and_hashtags(text: &str, handles: Handles, out: &mut Found) {
    let b = text.as_bytes();
    let (mut mentions_from, mut hashtags_from) = (0, 0);
    let mut i = 0;
    while let Some(k) = memchr::memchr3(b'@', b'#', 0xEF, sub_b(b, i..)) {
        let p = i + k;
        i = p + 1;
        let (mention, len) = match b.get(p).copied().unwrap_or_default() {
            b'@' => (true, 1),
            b'#' => (false, 1),
            _ if sub(text, p..).starts_with('＠') => (true, 3),
            _ if sub(text, p..).starts_with('＃') => (false, 3),
            _ => continue,
        };
        if mention {
            if p >= mentions_from {
                mentions_from = mention_at(text, handles, p, len, out);
            }
        } else if p >= hashtags_from {
            hashtags_from = hashtag_at(text, p, len, out);
        }
    }
}

fn cashtags(text: &str, out: &mut Found) {
    let b = text.as_bytes();
    // Each `$` found with memchr, as the other scanners find their sigils (a `match_indices`
    // searcher set up a post cost more than the search on most posts, which hold none).
    let mut from = 0;
    while let Some(k) = memchr::memchr(b'$', sub_b(b, from..)) {
        let d = from + k;
        from = d + 1;
        if !char_before(text, d).is_none_or(is_space) {
            continue;
        }
        let letters = |from: usize, max: usize| {
            sub_b(b, from.min(b.len())..)
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count()
                .min(max + 1)
        };
        let n = letters(d + 1, 6);
        if n == 0 || n > 6 {
            continue;
        }
        let base = d + 1 + n;
        let ends_ok = |e: usize| {
            char_at(text, e).is_none_or(|c| c.is_whitespace() || c == '\u{feff}' || is_punct(c))
        };
        let mut found = None;
        if matches!(b.get(base), Some(b'.' | b'_')) {
            let m = letters(base + 1, 2).min(2);
            for k in (1..=m).rev() {
                if ends_ok(base + 1 + k) {
                    found = Some(base + 1 + k);
                    break;
                }
            }
        }
        if found.is_none() && ends_ok(base) {
            found = Some(base);
        }
        if let Some(end) = found {
            out.push((d..end, Kind::Cashtag));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::pick;

    // The old ways, kept as references for the faster ones.

    /// `validGeneralUrlPathChars`.
    fn old_is_path_char(c: char) -> bool {
        c.is_ascii_alphanumeric()
            || matches!(
                c,
                '!' | '*'
                    | '\''
                    | ';'
                    | ':'
                    | '='
                    | '+'
                    | ','
                    | '.'
                    | '$'
                    | '/'
                    | '%'
                    | '#'
                    | '['
                    | ']'
                    | '-'
                    | '\u{2013}'
                    | '_'
                    | '~'
                    | '@'
                    | '|'
                    | '&'
            )
            || is_cyrillic(c)
            || is_latin_accent(c)
    }

    /// `validUrlPathEndingChars` (without the balanced parentheses).
    fn old_is_path_end(c: char) -> bool {
        c.is_ascii_alphanumeric()
            || matches!(c, '+' | '-' | '=' | '_' | '#' | '/')
            || is_cyrillic(c)
            || is_latin_accent(c)
    }

    /// `valid_idna` as it was: every domain split into labels and encoded.
    fn old_valid_idna(domain: &str, url: &str, protocol_len: usize) -> bool {
        if domain.starts_with("xn--") && ascii_domains(domain).is_empty() {
            return false; // a punycode label cannot hold non-ASCII characters
        }
        let mut encoded = 0usize;
        for label in domain.split('.') {
            // punycode.js splits on the ideographic full stops too.
            let mut len = 0usize;
            let mut parts = 0usize;
            if label.is_ascii() {
                // No full stop but `.` in it: one part, with no split (at opt-level z a split on
                // chars is a call a char).
                let Some(n) = punycode_len(label) else {
                    return false;
                };
                len = n;
                parts = 1;
            } else {
                for part in label.split(['\u{3002}', '\u{ff0e}', '\u{ff61}']) {
                    let Some(n) = punycode_len(part) else {
                        return false;
                    };
                    len += n;
                    parts += 1;
                }
            }
            len += parts - 1;
            if len == 0 || len > 63 {
                return false;
            }
            encoded += len + 1;
        }
        let encoded = encoded.saturating_sub(1);
        let utf16 = |s: &str| {
            if s.is_ascii() {
                s.len()
            } else {
                s.encode_utf16().count()
            }
        };
        let (url16, domain16) = (utf16(url), utf16(domain));
        protocol_len + url16 + encoded <= 4096 + domain16
    }

    /// `path_end` as it was: a char at a time.
    fn old_path_end(text: &str, p: usize) -> usize {
        let mut last = p;
        let mut at = p;
        while let Some(c) = char_at(text, at) {
            if old_is_path_char(c) {
                at += c.len_utf8();
                if old_is_path_end(c) {
                    last = at;
                }
            } else if c == '(' {
                match balanced_parens(text, at) {
                    Some(e) => {
                        at = e;
                        last = at;
                    }
                    None => break,
                }
            } else {
                break;
            }
        }
        last
    }

    /// The mention scan as it was: a pass of its own.
    fn old_mentions(text: &str, handles: Handles, out: &mut Found) {
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            // Jump to the next `@` or the first byte of `＠` (EF BC A0).
            match memchr::memchr2(b'@', 0xEF, &b[i..]) {
                Some(k) => i += k,
                None => break,
            }
            let at_len = if b[i] == b'@' {
                1
            } else if text.get(i..).is_some_and(|r| r.starts_with('＠')) {
                '＠'.len_utf8()
            } else {
                i += 1;
                continue;
            };
            if !mention_may_follow(text, i) {
                i += at_len;
                continue;
            }
            let name_start = i + at_len;
            // Bluesky handle: `@name.bsky.social`, `@nytimes.com`.
            if let Some(n) = handle_domain(&text[name_start..], 2) {
                out.push((i..name_start + n, Kind::Mention));
                i = name_start + n;
                continue;
            }
            let name_len = b[name_start..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
                .count();
            if name_len == 0 {
                i += at_len;
                continue;
            }
            // Mastodon handle: `@user@instance.social`.
            let after_name = name_start + name_len;
            if handles == Handles::Fediverse && name_len <= 30 && b.get(after_name) == Some(&b'@') {
                if let Some(n) = handle_domain(&text[after_name + 1..], 2) {
                    out.push((i..after_name + 1 + n, Kind::Mention));
                    i = after_name + 1 + n;
                    continue;
                }
            }
            let mut end = name_start + name_len.min(20);
            // An optional list: `/slug`.
            if b.get(end) == Some(&b'/') && b.get(end + 1).is_some_and(u8::is_ascii_alphabetic) {
                let slug = b[end + 2..]
                    .iter()
                    .take(24)
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_' || **c == b'-')
                    .count();
                end += 2 + slug;
            }
            let after = &text[end..];
            // Asked only where the next byte may start one of them (`＠` starts with EF, a
            // Latin accent with a byte from 0x80).
            let next = after.as_bytes().first().copied().unwrap_or(0);
            let rejected = (next == b'@' || next == b':' || next >= 0x80)
                && (after.starts_with('@')
                    || after.starts_with('＠')
                    || after.starts_with("://")
                    || after.chars().next().is_some_and(is_latin_accent));
            if !rejected {
                out.push((i..end, Kind::Mention));
            }
            i = end;
        }
    }

    /// The hashtag scan as it was: a pass of its own.
    fn old_hashtags(text: &str, out: &mut Found) {
        let mut i = 0;
        while i < text.len() {
            // The next `#` or `＃` (EF BC 83): memchr to either first byte, then a check.
            let b = text.as_bytes();
            let Some(pos) = memchr::memchr2(b'#', 0xEF, &b[i..]) else {
                break;
            };
            let h = i + pos;
            if b[h] != b'#' && !text[h..].starts_with('＃') {
                i = h + 1;
                continue;
            }
            let hash_len = if text.as_bytes()[h] == b'#' { 1 } else { 3 };
            i = h + hash_len;
            let boundary = char_before(text, h).is_none_or(|p| {
                matches!(p, '\u{fe0e}' | '\u{fe0f}') || !(is_hashtag_alnum(p) || p == '&')
            });
            if !boundary || matches!(char_at(text, i), Some('\u{fe0f}' | '\u{20e3}')) {
                continue;
            }
            let mut end = i;
            let mut has_alpha = false;
            for c in text[i..].chars() {
                if !is_hashtag_alnum(c) {
                    break;
                }
                has_alpha |= is_hashtag_alpha(c);
                end += c.len_utf8();
            }
            if !has_alpha {
                continue;
            }
            let after = &text[end..];
            // `＃` starts with EF: other next bytes are ruled out with no compare.
            let next = after.as_bytes().first().copied().unwrap_or(0);
            let joined = matches!(next, b'#' | b':' | 0xEF)
                && (after.starts_with('#') || after.starts_with('＃') || after.starts_with("://"));
            if !joined {
                out.push((h..end, Kind::Hashtag));
            }
            i = end;
        }
    }

    /// The URL scan with no lookahead: the pattern tried after every character that may
    /// precede a URL, and at the start.
    fn urls_tried_everywhere(text: &str) -> Found {
        let mut scanner = UrlScanner::new(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let c = char_at(text, i).unwrap();
            let preceding_ok = !(c.is_ascii_alphanumeric()
                || matches!(c, '@' | '＠' | '$' | '#' | '＃')
                || is_invalid(c))
                || is_directional(c);
            let mut found = None;
            if preceding_ok {
                found = scanner.match_at(i + c.len_utf8()).map(|m| (m, Some(c)));
            }
            if found.is_none() && i == 0 {
                found = scanner.match_at(0).map(|m| (m, None));
            }
            match found {
                Some((m, before)) => {
                    i = m.end;
                    scanner.accept(&m, before, &mut out);
                }
                None => i += c.len_utf8(),
            }
        }
        out
    }

    #[test]
    fn spans_with_scratch_kept_between_texts_are_the_fresh_ones() {
        // One scratch through thousands of texts, long and short, with and without links
        // (what a memory left over from the text before could spoil), each handle mode.
        for handles in [Handles::Twitter, Handles::Fediverse] {
            let mut scratch = Scratch::default();
            for text in random_texts(0x5c7a_7c40_0000_0001, 4000) {
                assert_eq!(
                    spans_reusing(&text, handles, &mut scratch),
                    spans_with(&text, handles),
                    "{text:?}"
                );
            }
        }
    }

    /// Random texts made of pieces of links, mentions, hashtags, cashtags and sentences.
    fn random_texts(seed: u64, count: usize) -> Vec<String> {
        const PIECES: &[&str] = &[
            "http://",
            "https://",
            "HTTPS://",
            "t.co/",
            "example",
            "x",
            "1",
            "a-b",
            "a_b",
            "_",
            "-",
            ".",
            ".",
            ".",
            "..",
            "com",
            "co",
            "jp",
            "org",
            "zw",
            "onion",
            "みんな",
            "삼성",
            "xn--",
            "xn--p1ai",
            "bücher",
            "これは",
            "а",
            "é",
            "–",
            " ",
            " ",
            "\n",
            "\t",
            "\u{a0}",
            "/",
            "/path",
            "(",
            ")",
            "(a)",
            "?",
            "?q=1&b",
            "#",
            "＃",
            "@",
            "＠",
            "$",
            "$TSLA",
            "#tag",
            "@bob",
            ":",
            ":8080",
            "://",
            ",",
            "!",
            "'",
            "\"",
            "。",
            "．",
            "\u{200e}",
            "\u{feff}",
            "\u{fe0f}",
            "\u{20e3}",
            "social",
            "bsky",
            "@a@b.social",
            "a/list",
            "rt",
            "RT",
            "~",
            "|",
            "+",
            "=",
            "&",
            "%",
            "[",
            "]",
            "🔥",
        ];
        let mut next = crate::test_rng::xorshift(seed);
        (0..count)
            .map(|_| {
                let n = 1 + (next() % 24) as usize;
                let mut t = String::new();
                for _ in 0..n {
                    t.push_str(pick(PIECES, &mut next));
                }
                t
            })
            .collect()
    }

    #[test]
    fn the_url_scan_finds_what_trying_everywhere_finds() {
        for t in random_texts(0x0e17_1357_9bdf_2468, 40_000) {
            assert_eq!(found_urls(&t), urls_tried_everywhere(&t), "in {t:?}");
        }
    }

    #[test]
    fn paths_end_where_they_ended_a_char_at_a_time() {
        for t in random_texts(0x9a7b_e11d_0000_0003, 20_000) {
            for p in (0..=t.len()).filter(|&p| t.is_char_boundary(p)) {
                assert_eq!(path_end(&t, p), old_path_end(&t, p), "{t:?} from {p}");
            }
        }
    }

    #[test]
    fn hashtags_read_ascii_as_the_unicode_classes_do() {
        for c in (0..128u8).map(char::from) {
            assert_eq!(
                c.is_ascii_alphanumeric() || c == '_',
                is_hashtag_alnum(c),
                "{c:?}"
            );
            assert_eq!(c.is_ascii_alphabetic(), is_hashtag_alpha(c), "{c:?}");
        }
    }

    #[test]
    fn one_pass_finds_the_mentions_and_hashtags_two_passes_found() {
        for t in random_texts(0x5197_a115_0000_0005, 40_000) {
            for handles in [Handles::Twitter, Handles::Fediverse] {
                let mut one = Vec::new();
                mentions_and_hashtags(&t, handles, &mut one);
                let mut two = Vec::new();
                old_mentions(&t, handles, &mut two);
                old_hashtags(&t, &mut two);
                crate::sort::sort_by_key(&mut two, |(r, _)| r.start as u64);
                assert_eq!(one, two, "in {t:?}");
            }
        }
    }

    #[test]
    fn ascii_sets_hold_what_the_matches_held() {
        for c in (0..0x3100).filter_map(char::from_u32) {
            assert_eq!(is_path_char(c), old_is_path_char(c), "{c:?}");
            assert_eq!(is_path_end(c), old_is_path_end(c), "{c:?}");
        }
    }

    #[test]
    fn idna_checks_agree_with_the_old_way() {
        let mut next = crate::test_rng::xorshift(0x1d4a_0b5e_ed00_0001);
        let labels = ["a", "bücher", "xn--p1ai", "", "みんな", "a。b", "-", "x"];
        for _ in 0..20_000 {
            let mut domain = String::new();
            for k in 0..1 + next() % 4 {
                if k > 0 {
                    domain.push('.');
                }
                let label = pick(&labels, &mut next);
                let times = 1 + (next() % 70) as usize * usize::from(next() % 4 == 0);
                domain.push_str(&label.repeat(times));
            }
            let url = format!("https://{domain}/{}", "p".repeat((next() % 4200) as usize));
            for protocol_len in [0, 7, 8] {
                assert_eq!(
                    valid_idna(&domain, &url, protocol_len),
                    old_valid_idna(&domain, &url, protocol_len),
                    "{domain:?}"
                );
            }
        }
    }

    #[test]
    fn tld_lookups_agree_with_a_walk_of_the_list() {
        let (text, ends) = &*tlds::LIST;
        let mut all = Vec::new();
        let mut start = 0;
        for &end in ends {
            all.push(&text[start..usize::from(end)]);
            start = usize::from(end);
        }
        for &tld in &all {
            assert!(is_tld(tld), "{tld}");
            for cut in 0..tld.len() {
                if tld.is_char_boundary(cut) {
                    assert_eq!(is_tld(&tld[..cut]), all.contains(&&tld[..cut]), "{tld} cut");
                }
            }
            let longer = format!("{tld}a");
            assert_eq!(is_tld(&longer), all.contains(&longer.as_str()), "{longer}");
        }
    }

    #[test]
    fn finds_each_kind() {
        let e = extract_with(
            "see https://x.org/a. @bob and @ann@mastodon.social #rust $TSLA www.ex.com",
            Handles::Fediverse,
        );
        assert_eq!(e.urls, ["https://x.org/a", "www.ex.com"]);
        assert_eq!(e.mentions, ["@bob", "@ann@mastodon.social"]);
        assert_eq!(e.hashtags, ["#rust"]);
        assert_eq!(e.cashtags, ["$TSLA"]);
    }

    #[test]
    fn spans_join_back_to_the_text() {
        let t = "a @b.bsky.social c (http://x.org/p) #1 e-mail a@b.com";
        let joined: String = spans(t).iter().map(Span::text).collect();
        assert_eq!(joined, t);
        assert!(
            extract("#1").hashtags.is_empty(),
            "a number is not a hashtag"
        );
        assert!(
            extract("a@b.com").mentions.is_empty(),
            "an email is not a mention"
        );
    }

    #[test]
    fn the_scan_jumps_only_past_places_no_url_starts() {
        fn found(t: &str) -> Vec<&str> {
            urls(t).into_iter().map(|r| &t[r]).collect()
        }
        // The scan jumps from a space to the last space before the next dot: the URL after
        // that space, or after a dot in between, is still found.
        assert_eq!(found("one two three example.com four"), ["example.com"]);
        assert_eq!(found("a b. c d https://x.org/p e."), ["https://x.org/p"]);
        assert_eq!(found("tab\tsep\nline.com"), ["line.com"]);
        assert_eq!(found("a.b c,example.com"), ["example.com"], "after a comma");
        assert!(found("no dot at all here").is_empty());
        assert!(found("ends with a dot.").is_empty());
    }

    #[test]
    fn tld_table_lookups() {
        for yes in ["com", "COM", "aaa", "zw", "onion", "みんな", "삼성", "co"] {
            assert!(is_tld(yes), "{yes} should be a known TLD");
        }
        for no in ["comm", "", "a", "bz2", "zzzz", "みん"] {
            assert!(!is_tld(no), "{no:?} should not be a TLD");
        }
    }

    #[test]
    fn punycode_lengths_match_rfc_3492() {
        // RFC 3492 §7.1 (A) Arabic (Egyptian): "egbpdaj6bu4bxfgehfvwxn" (22) + "xn--".
        let arabic = "\u{644}\u{64a}\u{647}\u{645}\u{627}\u{628}\u{62a}\u{643}\u{644}\u{645}\u{648}\u{634}\u{639}\u{631}\u{628}\u{64a}\u{61f}";
        assert_eq!(punycode_len(arabic), Some(26), "xn-- + 22 characters");
        assert_eq!(punycode_len("bücher"), Some("xn--bcher-kva".len()));
        assert_eq!(
            punycode_len("example"),
            Some(7),
            "ASCII labels stay as they are"
        );
    }

    #[test]
    fn handles_of_other_networks_are_one_mention() {
        assert_eq!(extract("hi @jay.bsky.team!").mentions, ["@jay.bsky.team"]);
        assert_eq!(
            extract_with("by @Gargron@mastodon.social.", Handles::Fediverse).mentions,
            ["@Gargron@mastodon.social"]
        );
        assert!(
            extract("by @Gargron@mastodon.social.").mentions.is_empty(),
            "twitter-text reads user@domain as an e-mail address, not a mention"
        );
        assert_eq!(
            extract("thanks @bob.").mentions,
            ["@bob"],
            "a sentence's full stop is not a domain"
        );
    }

    #[test]
    fn long_runs_stay_fast() {
        // Quadratic scanning of these 200 kB would take minutes; linear takes well under a
        // second, even unoptimised on a busy machine.
        let hostile = "a.".repeat(40_000) + &"あ".repeat(30_000) + "。" + &"x_".repeat(20_000);
        let t = std::time::Instant::now();
        let _ = spans(&hostile);
        assert!(
            t.elapsed().as_secs() < 10,
            "scanning 200 kB of dotted labels and unbroken runs must stay linear"
        );
    }
}

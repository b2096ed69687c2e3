//! Compose: long text → a thread that fits a platform (the pipeline run backwards).
//!
//! Input: the text a person wrote, a [`Target`] platform and [`SplitOptions`]. Output: the
//! posts, each with the length the platform will count ([`ComposedPost`]).
//!
//! Rules:
//! - **Length as each platform counts it.** X: twitter-text's weighted length
//!   ([`count_x`], config v3 by default: URLs count 23, CJK and emoji weigh 2, limit 280).
//!   Bluesky: 300 grapheme clusters. Mastodon: 500 characters (limit set per instance), a
//!   link counts 23 and `@user@instance` counts as `@user`. Threads: 500 characters.
//! - **Where to break.** Take as much as fits; end the post at the last paragraph break that
//!   fits, else at the last sentence end (if it keeps at least half of what would fit), else at
//!   the last space. A word longer than a whole post is cut between grapheme clusters. Never
//!   inside a URL, mention, hashtag or cashtag ([`crate::entities`]) nor inside a grapheme
//!   cluster (an emoji with its skin tone or ZWJ sequence stays whole).
//! - **Manual breaks.** A line holding only `---` always ends a post.
//! - **Numbering** (`1/n`, `(1/n)`, `1.`, `🧵` on the first post) is counted in each post's
//!   length. The total is guessed, the text packed, and packed again while the real total
//!   has more digits than the guess.
//! - **What cannot fit** (a single 300-character link on Bluesky) is kept whole in its own
//!   post, with a `warning`.
//!
//! References: twitter-text `parseTweet` and config/v3.json (in `../shared/corpus/twitter-text`),
//! Unicode UAX #29 (grapheme clusters), Mastodon's compose counter.

use crate::entities;
use crate::thread::Span;
use serde::{Deserialize, Serialize};

/// The platform a thread is composed for.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    /// X (Twitter): twitter-text weighted length, 280.
    X,
    /// Bluesky: 300 grapheme clusters.
    Bluesky,
    /// Mastodon: 500 characters by default, links count 23.
    Mastodon,
    /// Threads: 500 characters.
    Threads,
}

impl Target {
    /// Parses `x` (or `twitter`), `bluesky`, `mastodon`, `threads`.
    pub fn from_name(name: &str) -> Option<Target> {
        Some(match name.to_ascii_lowercase().as_str() {
            "x" | "twitter" => Target::X,
            "bluesky" | "bsky" => Target::Bluesky,
            "mastodon" => Target::Mastodon,
            "threads" => Target::Threads,
            _ => return None,
        })
    }

    /// The platform's own limit for one post.
    pub fn default_limit(self) -> usize {
        match self {
            Target::X => 280,
            Target::Bluesky => 300,
            Target::Mastodon | Target::Threads => 500,
        }
    }
}

/// twitter-text's length configuration (`config/v2.json`, `config/v3.json`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct XConfig {
    /// `maxWeightedTweetLength`.
    pub max_weighted_length: usize,
    /// `scale`: weights are in hundredths of a character.
    pub scale: u64,
    /// `defaultWeight`: the weight of a character outside `ranges` (and of an emoji).
    pub default_weight: u64,
    /// `transformedURLLength`: what any link counts, in characters.
    pub transformed_url_length: u64,
    /// `emojiParsingEnabled`: an emoji sequence weighs `default_weight` once (v3).
    pub emoji_parsing: bool,
    /// `ranges`: code point ranges (inclusive) and their weight.
    pub ranges: &'static [(u32, u32, u64)],
}

/// The weight-100 ranges shared by config v2 and v3: Latin and other alphabetic scripts up to
/// U+10FF, and some general punctuation.
const X_RANGES: &[(u32, u32, u64)] = &[
    (0, 4351, 100),
    (8192, 8205, 100),
    (8208, 8223, 100),
    (8242, 8247, 100),
];

/// twitter-text `config/v2.json`.
pub const X_CONFIG_V2: XConfig = XConfig {
    max_weighted_length: 280,
    scale: 100,
    default_weight: 200,
    transformed_url_length: 23,
    emoji_parsing: false,
    ranges: X_RANGES,
};

/// twitter-text `config/v3.json` (the default: emoji weigh 2 whatever their length).
pub const X_CONFIG_V3: XConfig = XConfig {
    emoji_parsing: true,
    ..X_CONFIG_V2
};

/// The length of a text as its platform counts it, with twitter-text's names.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Count {
    /// The length the platform counts.
    pub weighted_length: usize,
    /// Not empty, within the limit and free of invalid characters.
    pub valid: bool,
    /// `weighted_length` per thousand of the limit, rounded down.
    pub permillage: usize,
    /// The last UTF-16 index (inclusive) of the part that fits.
    pub valid_range_end: usize,
}

/// twitter-text's `parseTweet`: the weighted length of `text` under `config`.
///
/// The text is NFC-normalised first; each link counts `transformed_url_length`; with emoji
/// parsing each emoji sequence weighs `default_weight`; any other character weighs its range's
/// weight (a character beyond the BMP weighs `default_weight`, as twitter-text reads its low
/// surrogate).
pub fn count_x(text: &str, config: &XConfig) -> Count {
    // Most posts are already NFC: borrow them instead of rebuilding them char by char.
    let normalized = crate::repair::nfc_cow(text);
    let normalized: &str = &normalized;
    let urls = entities::found_urls(normalized);
    // The weight of a plain ASCII character (one outside any link or emoji sequence).
    let ascii_weight = |b: u8| char_weight(char::from(b), config);
    let ascii_weights: [u64; 128] = std::array::from_fn(|b| ascii_weight(b as u8));
    let max = config.max_weighted_length as u64 * config.scale;
    let mut weight = 0u64;
    let mut valid = true;
    let mut valid_end: usize = 0;
    let mut units = 0usize;
    let mut next_url = 0;
    let mut i = 0;
    while i < normalized.len() {
        while urls.get(next_url).is_some_and(|u| u.0.start < i) {
            next_url += 1;
        }
        let at_url = urls.get(next_url).is_some_and(|u| u.0.start == i);
        let b = normalized.as_bytes()[i];
        // Fast path: an ASCII character that cannot start an emoji (keycaps start with `#`,
        // `*` or a digit) is one UTF-16 unit of its range's weight, and never invalid.
        if !at_url && b.is_ascii() && !matches!(b, b'#' | b'*' | b'0'..=b'9') {
            weight += ascii_weights[usize::from(b)];
            if valid && weight <= max {
                valid_end = units;
            }
            units += 1;
            i += 1;
            continue;
        }
        let rest = crate::entities::sub(normalized, i..);
        let (len, w) = if at_url {
            (
                urls.get(next_url).map_or(0, |u| u.0.len()),
                config.transformed_url_length * config.scale,
            )
        } else if let Some(n) = config.emoji_parsing.then(|| emoji_len(rest)).flatten() {
            (n, config.default_weight)
        } else {
            // `i < len`: never the default (no panic path in the .wasm).
            let c = rest.chars().next().unwrap_or_default();
            (c.len_utf8(), char_weight(c, config))
        };
        let piece = crate::entities::sub(normalized, i..i + len);
        let piece_units = piece.encode_utf16().count();
        weight += w;
        if valid {
            valid = !piece.chars().next_back().is_some_and(entities::is_invalid);
        }
        if valid && weight <= max {
            valid_end = units + piece_units - 1;
        }
        units += piece_units;
        i += len;
    }
    let weighted_length = (weight / config.scale) as usize;
    let original_units = text.encode_utf16().count();
    let valid_range_end = (valid_end + original_units).saturating_sub(units);
    Count {
        weighted_length,
        valid: valid && weighted_length > 0 && weighted_length <= config.max_weighted_length,
        permillage: permillage(weighted_length, config.max_weighted_length),
        valid_range_end,
    }
}

/// `Math.floor(length / max * 1000)`, computed as JavaScript does.
fn permillage(length: usize, max: usize) -> usize {
    if max == 0 {
        return 0;
    }
    ((length as f64 / max as f64) * 1000.0).floor() as usize
}

fn char_weight(c: char, config: &XConfig) -> u64 {
    let cp = c as u32;
    if cp > 0xffff {
        return config.default_weight;
    }
    config
        .ranges
        .iter()
        .find(|(lo, hi, _)| (*lo..=*hi).contains(&cp))
        .map_or(config.default_weight, |r| r.2)
}

/// The length of `text` on `target` with the post limit `limit` (the platform's own when
/// `None`); for X, twitter-text config v3 with that limit.
pub fn count(text: &str, target: Target, limit: Option<usize>) -> Count {
    let limit = limit.unwrap_or(target.default_limit());
    if target == Target::X {
        return count_x(
            text,
            &XConfig {
                max_weighted_length: limit,
                ..X_CONFIG_V3
            },
        );
    }
    let mut length = 0usize;
    let mut units = 0usize;
    let mut valid_end = 0usize;
    let mut valid = true;
    for (piece, w) in pieces(text, target) {
        let n = piece.encode_utf16().count();
        length += w;
        valid &= !piece.chars().any(entities::is_invalid);
        if valid && length <= limit {
            valid_end = units + n - 1;
        }
        units += n;
    }
    Count {
        weighted_length: length,
        valid: valid && length > 0 && length <= limit,
        permillage: permillage(length, limit),
        valid_range_end: valid_end,
    }
}

/// The counted pieces of `text` on a platform other than X, each with what it counts.
fn pieces(text: &str, target: Target) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    match target {
        Target::Bluesky => {
            let mut i = 0;
            while i < text.len() {
                let n = grapheme_len(crate::entities::sub(text, i..));
                out.push((crate::entities::sub(text, i..i + n), 1));
                i += n;
            }
        }
        Target::Mastodon => {
            let mut i = 0;
            for span in entities::spans_with(text, entities::Handles::Fediverse) {
                let t = span.text();
                let piece = crate::entities::sub(text, i..i + t.len());
                i += t.len();
                match &span {
                    Span::Link { text: l, .. }
                        if l.get(..7)
                            .is_some_and(|p| p.eq_ignore_ascii_case("http://"))
                            || l.get(..8)
                                .is_some_and(|p| p.eq_ignore_ascii_case("https://")) =>
                    {
                        out.push((piece, 23));
                    }
                    Span::Mention { text: m } if m.chars().skip(1).any(|c| c == '@') => {
                        // `@user@instance` counts as `@user`.
                        let sigil = m.chars().next().map_or(0, char::len_utf8);
                        let user = crate::entities::sub(m, sigil..)
                            .find('@')
                            .map_or(m.len(), |k| sigil + k);
                        out.push((piece, crate::entities::sub(m, ..user).chars().count()));
                    }
                    _ => out.extend(
                        piece
                            .char_indices()
                            .map(|(k, c)| (crate::entities::sub(piece, k..k + c.len_utf8()), 1)),
                    ),
                }
            }
        }
        Target::Threads | Target::X => {
            out.extend(
                text.char_indices()
                    .map(|(k, c)| (crate::entities::sub(text, k..k + c.len_utf8()), 1)),
            );
        }
    }
    out
}

/// The length `text` counts on `target` (X: weighted length, config v3).
pub fn length(text: &str, target: Target) -> usize {
    count(text, target, None).weighted_length
}

// ---------------------------------------------------------------------------------------------
// Emoji and grapheme clusters.

/// Extended_Pictographic (Unicode emoji-data.txt), as inclusive ranges.
const PICTOGRAPHIC: &[(u32, u32)] = &[
    (0x00a9, 0x00a9),
    (0x00ae, 0x00ae),
    (0x203c, 0x203c),
    (0x2049, 0x2049),
    (0x2122, 0x2122),
    (0x2139, 0x2139),
    (0x2194, 0x2199),
    (0x21a9, 0x21aa),
    (0x231a, 0x231b),
    (0x2328, 0x2328),
    (0x2388, 0x2388),
    (0x23cf, 0x23cf),
    (0x23e9, 0x23f3),
    (0x23f8, 0x23fa),
    (0x24c2, 0x24c2),
    (0x25aa, 0x25ab),
    (0x25b6, 0x25b6),
    (0x25c0, 0x25c0),
    (0x25fb, 0x25fe),
    (0x2600, 0x2605),
    (0x2607, 0x2612),
    (0x2614, 0x2685),
    (0x2690, 0x2705),
    (0x2708, 0x2712),
    (0x2714, 0x2714),
    (0x2716, 0x2716),
    (0x271d, 0x271d),
    (0x2721, 0x2721),
    (0x2728, 0x2728),
    (0x2733, 0x2734),
    (0x2744, 0x2744),
    (0x2747, 0x2747),
    (0x274c, 0x274c),
    (0x274e, 0x274e),
    (0x2753, 0x2755),
    (0x2757, 0x2757),
    (0x2763, 0x2767),
    (0x2795, 0x2797),
    (0x27a1, 0x27a1),
    (0x27b0, 0x27b0),
    (0x27bf, 0x27bf),
    (0x2934, 0x2935),
    (0x2b05, 0x2b07),
    (0x2b1b, 0x2b1c),
    (0x2b50, 0x2b50),
    (0x2b55, 0x2b55),
    (0x3030, 0x3030),
    (0x303d, 0x303d),
    (0x3297, 0x3297),
    (0x3299, 0x3299),
    (0x1f000, 0x1f0ff),
    (0x1f10d, 0x1f10f),
    (0x1f12f, 0x1f12f),
    (0x1f16c, 0x1f171),
    (0x1f17e, 0x1f17f),
    (0x1f18e, 0x1f18e),
    (0x1f191, 0x1f19a),
    (0x1f1ad, 0x1f1e5),
    (0x1f201, 0x1f20f),
    (0x1f21a, 0x1f21a),
    (0x1f22f, 0x1f22f),
    (0x1f232, 0x1f23a),
    (0x1f23c, 0x1f23f),
    (0x1f249, 0x1f3fa),
    (0x1f400, 0x1f53d),
    (0x1f546, 0x1f64f),
    (0x1f680, 0x1f6ff),
    (0x1f774, 0x1f77f),
    (0x1f7d5, 0x1f7ff),
    (0x1f80c, 0x1f80f),
    (0x1f848, 0x1f84f),
    (0x1f85a, 0x1f85f),
    (0x1f888, 0x1f88f),
    (0x1f8ae, 0x1f8ff),
    (0x1f90c, 0x1f93a),
    (0x1f93c, 0x1f945),
    (0x1f947, 0x1faff),
    (0x1fc00, 0x1fffd),
];

fn is_pictographic(c: char) -> bool {
    let cp = c as u32;
    // The last range that starts at or before `cp`, and whether it reaches `cp`.
    let k = PICTOGRAPHIC_PACKED.partition_point(|&r| r >> 11 <= cp);
    k.checked_sub(1)
        .and_then(|k| PICTOGRAPHIC_PACKED.get(k))
        .is_some_and(|&r| cp - (r >> 11) <= r & 0x7ff)
}

/// [`PICTOGRAPHIC`] packed at compile time, a `u32` a range (its start above 11 bits of its
/// length less one), in the same order: 4 bytes a range in the .wasm instead of 8.
static PICTOGRAPHIC_PACKED: [u32; PICTOGRAPHIC.len()] = pack_ranges(PICTOGRAPHIC);

/// `ranges` (inclusive, sorted, disjoint) as [`PICTOGRAPHIC_PACKED`] holds them.
const fn pack_ranges<const N: usize>(ranges: &[(u32, u32)]) -> [u32; N] {
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        let (lo, hi) = ranges[i];
        assert!(
            lo <= hi && hi - lo < 0x800 && lo < 1 << 21,
            "a range fits its packing"
        );
        assert!(
            i == 0 || ranges[i - 1].1 < lo,
            "the ranges are sorted and disjoint"
        );
        out[i] = lo << 11 | (hi - lo);
        i += 1;
    }
    out
}

fn is_skin_tone(c: char) -> bool {
    ('\u{1f3fb}'..='\u{1f3ff}').contains(&c)
}

fn is_regional(c: char) -> bool {
    ('\u{1f1e6}'..='\u{1f1ff}').contains(&c)
}

fn is_tag(c: char) -> bool {
    ('\u{e0020}'..='\u{e007f}').contains(&c)
}

/// The length in bytes of the emoji at the start of `s`, as twemoji-parser (which
/// twitter-text v3 uses) finds it: keycaps, flags, tag sequences, modifiers and ZWJ sequences
/// are one emoji; `©`, `®`, `™` and `♟` only with U+FE0F.
fn emoji_len(s: &str) -> Option<usize> {
    let c0 = s.chars().next()?;
    let mut end = c0.len_utf8();
    let next = |at: usize| crate::entities::sub(s, at..).chars().next();
    if matches!(c0, '#' | '*' | '0'..='9') {
        if next(end) == Some('\u{fe0f}') {
            end += 3;
        }
        return (next(end) == Some('\u{20e3}')).then_some(end + 3);
    }
    if matches!(c0, '©' | '®' | '™' | '♟') {
        return (next(end) == Some('\u{fe0f}')).then_some(end + 3);
    }
    if is_regional(c0) {
        if next(end).is_some_and(is_regional) {
            end += 4;
        }
        return Some(end);
    }
    if !(is_pictographic(c0) || is_skin_tone(c0)) {
        return None;
    }
    let element_tail = |mut end: usize| {
        if next(end) == Some('\u{fe0f}') {
            end += 3;
        }
        if next(end).is_some_and(is_skin_tone) {
            end += 4;
        }
        while let Some(t) = next(end).filter(|&t| is_tag(t)) {
            end += t.len_utf8();
        }
        end
    };
    end = element_tail(end);
    while next(end) == Some('\u{200d}') {
        match next(end + 3) {
            Some(c) if is_pictographic(c) => end = element_tail(end + 3 + c.len_utf8()),
            _ => break,
        }
    }
    Some(end)
}

/// The length in bytes of the grapheme cluster at the start of `s` (UAX #29, extended, for
/// what matters in posts: CR LF, combining marks, variation selectors, skin tones, emoji ZWJ
/// sequences, flags, tags, keycaps, Hangul jamo).
pub fn grapheme_len(s: &str) -> usize {
    let mut chars = s.chars();
    let Some(c0) = chars.next() else {
        return 0;
    };
    let mut end = c0.len_utf8();
    if c0 == '\r' && crate::entities::sub(s, end..).starts_with('\n') {
        return end + 1;
    }
    if c0.is_control() {
        return end;
    }
    if is_regional(c0) {
        if let Some(c1) = crate::entities::sub(s, end..)
            .chars()
            .next()
            .filter(|&c| is_regional(c))
        {
            end += c1.len_utf8();
        }
    }
    let pictographic = is_pictographic(c0);
    let mut after_zwj = false;
    for c in crate::entities::sub(s, end..).chars() {
        let extend = crate::ucd::is_combining_mark(c)
            || is_skin_tone(c)
            || is_tag(c)
            || matches!(c, '\u{200c}' | '\u{fe00}'..='\u{fe0f}' | '\u{1160}'..='\u{11ff}');
        if extend {
            after_zwj = false;
        } else if c == '\u{200d}' {
            after_zwj = true;
        } else if after_zwj && pictographic && is_pictographic(c) {
            after_zwj = false;
        } else {
            break;
        }
        end += c.len_utf8();
    }
    end
}

// ---------------------------------------------------------------------------------------------
// Splitting.

/// How the posts of a composed thread are numbered.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ComposeNumbering {
    /// No numbers.
    #[default]
    #[serde(rename = "none")]
    None,
    /// ` 1/5` at the end of each post.
    #[serde(rename = "1/n")]
    Slash,
    /// ` (1/5)` at the end of each post.
    #[serde(rename = "(1/n)")]
    Paren,
    /// `1. ` at the start of each post.
    #[serde(rename = "1.")]
    Dot,
    /// ` 🧵` at the end of the first post only (unless it already has one).
    #[serde(rename = "thread")]
    Thread,
}

impl ComposeNumbering {
    /// Parses `none`, `1/n`, `(1/n)`, `1.`, `thread`.
    pub fn from_name(name: &str) -> Option<ComposeNumbering> {
        Some(match name {
            "none" => ComposeNumbering::None,
            "1/n" => ComposeNumbering::Slash,
            "(1/n)" => ComposeNumbering::Paren,
            "1." => ComposeNumbering::Dot,
            "thread" | "🧵" => ComposeNumbering::Thread,
            _ => return None,
        })
    }

    /// Post `n` (from 1) of `total` with its number. A thread of one post is not numbered,
    /// and a first post that already holds a 🧵 gets no second one.
    pub fn apply(self, body: &str, n: usize, total: usize) -> String {
        match self {
            ComposeNumbering::None => body.to_owned(),
            _ if total <= 1 => body.to_owned(),
            ComposeNumbering::Thread if crate::clean::has(body, '🧵') => body.to_owned(),
            ComposeNumbering::Slash => format!("{body} {n}/{total}"),
            ComposeNumbering::Paren => format!("{body} ({n}/{total})"),
            ComposeNumbering::Dot => format!("{n}. {body}"),
            ComposeNumbering::Thread if n == 1 => format!("{body} 🧵"),
            ComposeNumbering::Thread => body.to_owned(),
        }
    }
}

/// Options of [`split`].
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct SplitOptions {
    /// How posts are numbered.
    pub numbering: ComposeNumbering,
    /// The limit of one post, when not the platform's own (a Mastodon instance's, say).
    pub limit: Option<usize>,
}

/// One post of a composed thread.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ComposedPost {
    /// The text to post, numbering included.
    pub text: String,
    /// Its length as the platform counts it.
    pub weighted_length: usize,
    /// Why this post is over the limit (something that cannot be cut, like a long link).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
}

/// Splits `text` into posts that fit `target`.
pub fn split(text: &str, target: Target, options: &SplitOptions) -> Vec<ComposedPost> {
    let limit = options.limit.unwrap_or(target.default_limit());
    let text = crate::clean::replace(text, "\r\n", "\n").0;
    let blocks = manual_blocks(&text);
    let digits = |n: usize| n.to_string().len();
    // A text that fits in one post stays one post, unnumbered.
    if let [only] = blocks[..] {
        let body = only.trim();
        if count(body, target, Some(limit)).weighted_length <= limit {
            return vec![ComposedPost {
                text: body.to_owned(),
                weighted_length: count(body, target, Some(limit)).weighted_length,
                warning: None,
            }];
        }
    }
    // Otherwise there are at least two posts, so labels are reserved from the first pass.
    let mut total = 2;
    let mut packed = Vec::new();
    // Pack with a guessed total; pack again while the real total has more digits.
    for _ in 0..8 {
        let packer = Packer {
            target,
            limit,
            numbering: options.numbering,
            total,
        };
        packed.clear();
        for block in &blocks {
            packer.pack(block, &mut packed);
        }
        if digits(packed.len()) <= digits(total) {
            break;
        }
        total = packed.len();
    }
    let n = packed.len();
    packed
        .into_iter()
        .enumerate()
        .map(|(k, (body, warning))| {
            let text = options.numbering.apply(&body, k + 1, n);
            let weighted_length = count(&text, target, Some(limit)).weighted_length;
            ComposedPost {
                text,
                weighted_length,
                warning,
            }
        })
        .collect()
}

/// The text cut at lines that hold only `---`; blank blocks dropped.
fn manual_blocks(text: &str) -> Vec<&str> {
    let mut blocks = Vec::new();
    let mut start = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim() == "---" {
            blocks.push(crate::entities::sub(text, start..at));
            start = at + line.len();
        }
        at += line.len();
    }
    blocks.push(crate::entities::sub(text, start..));
    blocks.retain(|b| !b.trim().is_empty());
    blocks
}

/// A place where a post may end: the post ends at `end`, the next starts at `resume`.
#[derive(Clone, Copy, Debug)]
struct Break {
    end: usize,
    resume: usize,
    /// 3 paragraph, 2 sentence or line, 1 word.
    rank: u8,
}

struct Packer {
    target: Target,
    limit: usize,
    numbering: ComposeNumbering,
    total: usize,
}

impl Packer {
    /// Whether `body` fits as post `n` (from 1).
    fn fits(&self, body: &str, n: usize) -> bool {
        let text = self.numbering.apply(body, n, self.total.max(n));
        count(&text, self.target, Some(self.limit)).weighted_length <= self.limit
    }

    /// Packs one block into `out` (post bodies and warnings).
    fn pack(&self, block: &str, out: &mut Vec<(String, Option<String>)>) {
        let protected = protected_ranges(block);
        let breaks = breaks(block, &protected);
        let mut s = skip_space(block, 0);
        let mut next_break = 0;
        while s < block.len() {
            let n = out.len() + 1;
            while next_break < breaks.len() && breaks[next_break].end <= s {
                next_break += 1;
            }
            let mut best: [Option<Break>; 4] = [None; 4];
            let mut all_fit = true;
            for b in crate::entities::sub_b(&breaks, next_break..) {
                if !self.fits(crate::entities::sub(block, s..b.end).trim_end(), n) {
                    all_fit = false;
                    break;
                }
                best[b.rank as usize] = Some(*b);
            }
            if all_fit && self.fits(crate::entities::sub(block, s..).trim_end(), n) {
                out.push((crate::entities::sub(block, s..).trim_end().to_owned(), None));
                return;
            }
            let farthest = best.iter().flatten().map(|b| b.end).max();
            let chosen = match (best[3], best[2], best[1]) {
                (Some(p), _, _) => Some(p),
                (None, Some(sentence), _)
                    if farthest.is_some_and(|f| sentence.end - s >= (f - s) / 2) =>
                {
                    Some(sentence)
                }
                (None, _, Some(word)) => Some(word),
                (None, sentence, None) => sentence,
            };
            if let Some(b) = chosen {
                out.push((
                    crate::entities::sub(block, s..b.end).trim_end().to_owned(),
                    None,
                ));
                s = skip_space(block, b.resume);
                continue;
            }
            // Not even the first word fits: cut it between grapheme clusters, outside entities.
            let word_end = breaks.get(next_break).map_or(block.len(), |b| b.end);
            let cuts = grapheme_cuts(block, s, word_end, &protected);
            let fitting =
                cuts.partition_point(|&c| self.fits(crate::entities::sub(block, s..c), n));
            let mut k = fitting;
            while k > 0 && !self.fits(crate::entities::sub(block, s..cuts[k - 1]), n) {
                k -= 1;
            }
            if k > 0 {
                out.push((crate::entities::sub(block, s..cuts[k - 1]).to_owned(), None));
                s = cuts[k - 1];
            } else {
                // A single grapheme or entity that cannot fit: keep it whole and say so.
                let end = cuts.first().copied().unwrap_or(word_end);
                let body = crate::entities::sub(block, s..end);
                let over = count(
                    &self.numbering.apply(body, n, self.total.max(n)),
                    self.target,
                    Some(self.limit),
                )
                .weighted_length;
                out.push((
                    body.to_owned(),
                    Some(format!(
                        "cannot be split: {over} > limit {} (a link, mention or hashtag stays whole)",
                        self.limit
                    )),
                ));
                s = skip_space(block, end);
            }
        }
    }
}

fn skip_space(text: &str, from: usize) -> usize {
    from + crate::entities::sub(text, from..)
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(char::len_utf8)
        .sum::<usize>()
}

/// Byte ranges no break may fall inside: URLs, mentions, hashtags, cashtags.
fn protected_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    // Fediverse handles too: a break inside `@user@instance` would be wrong on any platform.
    for span in entities::spans_with(text, entities::Handles::Fediverse) {
        let n = span.text().len();
        if !matches!(span, Span::Text { .. }) {
            out.push(at..at + n);
        }
        at += n;
    }
    out
}

fn inside(protected: &[std::ops::Range<usize>], at: usize) -> bool {
    let k = protected.partition_point(|r| r.end <= at);
    protected.get(k).is_some_and(|r| r.start < at)
}

/// Every place a post may end, in order.
fn breaks(text: &str, protected: &[std::ops::Range<usize>]) -> Vec<Break> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            let mut end = i + c.len_utf8();
            let mut newlines = usize::from(c == '\n');
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_whitespace() {
                    break;
                }
                newlines += usize::from(d == '\n');
                end = j + d.len_utf8();
                chars.next();
            }
            if i == 0 || end == text.len() || inside(protected, i) {
                continue;
            }
            let rank = if newlines >= 2 {
                3
            } else if newlines == 1 || ends_sentence(crate::entities::sub(text, ..i)) {
                2
            } else {
                1
            };
            out.push(Break {
                end: i,
                resume: end,
                rank,
            });
        } else if matches!(c, '。' | '！' | '？') {
            let end = i + c.len_utf8();
            let followed = chars.peek().is_some_and(|&(_, d)| !d.is_whitespace());
            if followed && !inside(protected, end) {
                out.push(Break {
                    end,
                    resume: end,
                    rank: 2,
                });
            }
        }
    }
    out
}

/// Whether `head` ends a sentence: `.`, `!`, `?`, `…` (or their CJK forms), perhaps followed
/// by closing quotes or brackets.
fn ends_sentence(head: &str) -> bool {
    let trimmed = head.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '」', '』']);
    trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// Grapheme boundaries after `s` up to `end` (inclusive of `end`), outside protected ranges.
fn grapheme_cuts(
    text: &str,
    s: usize,
    end: usize,
    protected: &[std::ops::Range<usize>],
) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut at = s;
    while at < end {
        at += grapheme_len(crate::entities::sub(text, at..)).max(1);
        if let Some(r) = protected.iter().find(|r| r.start < at && at < r.end) {
            at = r.end;
        }
        if at <= end || cuts.is_empty() {
            cuts.push(at.min(text.len()));
        }
    }
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`is_pictographic`] as it was, a binary search of the `(u32, u32)` ranges: the
    /// reference for the packed one.
    fn old_is_pictographic(c: char) -> bool {
        let cp = c as u32;
        PICTOGRAPHIC
            .binary_search_by(|&(lo, hi)| {
                if hi < cp {
                    std::cmp::Ordering::Less
                } else if lo > cp {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }

    /// The packed ranges answer as the pairs did, for every char.
    #[test]
    fn packed_pictographic_answers_as_the_pairs_did() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(is_pictographic(c), old_is_pictographic(c), "{:x}", c as u32);
        }
    }

    #[test]
    fn graphemes_keep_emoji_whole() {
        for g in ["👍🏽", "👨‍👩‍👧‍👦", "🇫🇷", "1️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "é", "\r\n"]
        {
            assert_eq!(grapheme_len(g), g.len(), "{g:?} should be one grapheme");
        }
        assert_eq!(grapheme_len("ab"), 1, "two letters are two graphemes");
    }

    #[test]
    fn manual_marker_splits_blocks() {
        assert_eq!(
            manual_blocks("a\n---\nb\n  ---  \n\nc"),
            ["a\n", "b\n", "\nc"]
        );
    }
}

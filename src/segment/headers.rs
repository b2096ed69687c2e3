//! Headers: the lines that say who wrote a post and when.
//!
//! Input: one trimmed line. Output: what it says, if it is a header piece.
//!
//! Shapes (design §2):
//! - handles: `@ada` (X), `@ada.bsky.social` or `@ada.example.com` (Bluesky), `@ada@mastodon.social`
//!   (Mastodon);
//! - header lines: `@ada`, `Ada @ada`, `Ada @ada · 5h`, glued `Ada@ada·5h`,
//!   `ada.bsky.social @ada.bsky.social` (Bluesky shows the handle twice when there is no name);
//! - times: relative `5h`, `26m`, `2mo`, `· 19h`; dates `3 Nov`, `6 Nov 2021`, `Mar 17, 2024`,
//!   `August 8, 2017`, `2024-03-17`, `03/17/24`; clock `10:42 AM`, `8:55 pm`; and X's detail
//!   line `10:42 AM · May 5, 2023·4M Views`;
//! - closers that follow a post: `— Name (@handle) August 8, 2017` (embedded posts on a news
//!   page) and permalinks `Twitter Post Link: https://twitter.com/ada/status/1 12:41 PM · Feb
//!   28, 2023`.
//!
//! All scanners are byte-level and linear in the line.

use crate::thread::ShortText;

/// Month number (1-based) of an English month name or abbreviation (`Mar`, `Sept`, `March`).
pub fn month(word: &str) -> Option<u8> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let mut w = word.as_bytes();
    while let [head @ .., b',' | b'.'] = w {
        w = head;
    }
    if !(3..=9).contains(&w.len()) {
        return None;
    }
    // Only the months that start with the word's letter are compared (a letter compared
    // without case matches only that letter, so a word that matches is all letters), in
    // place, without a lowercase copy: this runs on the first word of every line.
    let candidates: &[usize] = match w[0] | 0x20 {
        b'j' => &[0, 5, 6],
        b'f' => &[1],
        b'm' => &[2, 4],
        b'a' => &[3, 7],
        b's' => &[8],
        b'o' => &[9],
        b'n' => &[10],
        b'd' => &[11],
        _ => return None,
    };
    for &i in candidates {
        let n = NAMES[i].as_bytes();
        if n.len() >= w.len()
            && (n.len() == w.len() || w.len() <= 4)
            && n[..w.len()].eq_ignore_ascii_case(w)
        {
            return Some(i as u8 + 1);
        }
    }
    None
}

fn is_handle_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Length in bytes of the handle at the start of `s` (which starts with `@`): `@ada`,
/// `@ada.bsky.social`, `@ada@mastodon.social`. A trailing dot is not part of it.
pub fn handle_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.first() != Some(&b'@') {
        return None;
    }
    let mut i = 1;
    while i < b.len() && (is_handle_byte(b[i]) || (b[i] == b'-' && i > 1)) {
        i += 1;
    }
    if i == 1 {
        return None;
    }
    // `.label` parts (Bluesky domains) or `@instance.tld` (Mastodon).
    let mut saw_at = false;
    loop {
        let sep = b.get(i).copied();
        let ok_sep = sep == Some(b'.') || (sep == Some(b'@') && !saw_at);
        if !ok_sep {
            break;
        }
        let mut j = i + 1;
        while j < b.len() && (is_handle_byte(b[j]) || b[j] == b'-') {
            j += 1;
        }
        if j == i + 1 {
            break;
        }
        if sep == Some(b'@') {
            // An instance must be a domain: it needs a dot later.
            let mut k = j;
            let mut dotted = false;
            while b.get(k) == Some(&b'.') {
                let mut m = k + 1;
                while m < b.len() && (is_handle_byte(b[m]) || b[m] == b'-') {
                    m += 1;
                }
                if m == k + 1 {
                    break;
                }
                dotted = true;
                k = m;
            }
            if !dotted {
                break;
            }
            saw_at = true;
            i = k;
            continue;
        }
        i = j;
    }
    Some(i)
}

/// Is the whole line one handle?
pub fn is_handle_line(line: &str) -> bool {
    line.as_bytes().first() == Some(&b'@') && handle_len(line) == Some(line.len())
}

/// A header line: `@ada`, `Ada @ada`, `Ada @ada · 5h`, `Ada@ada·5h`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderLine {
    /// The display name written before the handle, if any.
    pub name: Option<ShortText>,
    /// The handle, with its `@`.
    pub handle: ShortText,
    /// The time written after the handle, if any.
    pub time: Option<ShortText>,
    /// Nothing stands before the handle (its name, if any, is on the line above).
    pub bare: bool,
}

/// Reads a header line, or `None` when the line is something else. A name and a handle
/// without a time (`thanks @ada`) is returned too; the caller decides from the next lines.
pub fn header_line(line: &str) -> Option<HeaderLine> {
    let b = line.as_bytes();
    let mut from = 0;
    while let Some(off) = memchr::memchr(b'@', &b[from..]) {
        let at = from + off;
        from = at + 1;
        let Some(n) = handle_len(&line[at..]) else {
            continue;
        };
        // What follows the handle first: a line of text that mentions someone (`thanks
        // @ada for…`) is ruled out by it before its name is counted. (Each check below ends
        // the search with no header, so their order changes no answer.)
        // A handle that ends its line (a header line's, mostly: lines are trimmed) has
        // nothing after it to trim (a call at opt-level z).
        let rest = &line[at + n..];
        let rest = if rest.is_empty() {
            rest
        } else {
            rest.trim_start()
        };
        let after_dot = if rest.is_empty() {
            None
        } else {
            Some(rest.strip_prefix('·')?)
        };
        // A handle inside a word that is not a glued name (`a@b.c` e-mail) is no header.
        let name = super::trim(&line[..at]);
        // More than 60 chars: counted only when more than 60 bytes (no count of a short name)
        // and fewer than 241 (a char is at most four bytes; the text before a handle in a
        // long post is not counted either).
        let long = name.len() > 240 || (name.len() > 60 && name.chars().count() > 60);
        if long || crate::clean::has(name, '@') {
            return None;
        }
        let time = match after_dot {
            Some(after_dot) => Some(time_line(after_dot)?.0),
            None => None,
        };
        let handle = &line[at..at + n];
        let bare = name.is_empty();
        // Bluesky shows the handle twice when there is no display name.
        let name =
            (!name.is_empty() && Some(name) != handle.strip_prefix('@')).then(|| name.into());
        let handle = handle.into();
        return Some(HeaderLine {
            name,
            handle,
            time,
            bare,
        });
    }
    None
}

/// Length of the run of ASCII digits at the start of `b`.
fn digits(b: &[u8]) -> usize {
    b.iter().take_while(|c| c.is_ascii_digit()).count()
}

/// `s` up to its first space or comma, as `s.split([' ', ',']).next()` gives it, by bytes.
fn first_word(s: &str) -> &str {
    let end = s.bytes().position(|c| c == b' ' || c == b',');
    &s[..end.unwrap_or(s.len())]
}

/// Length of one time token at the start of `s`, or `None`.
fn time_token(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let word_end = |i: usize| b.get(i).is_none_or(|c| !c.is_ascii_alphanumeric());
    // Each literal compared only after its first byte (in the .wasm a compare is a call).
    if matches!(b.first(), Some(b'n' | b'J' | b'j')) {
        for w in ["now", "Just now", "just now"] {
            if s.starts_with(w) && word_end(w.len()) {
                return Some(w.len());
            }
        }
    }
    let d = digits(b);
    if d > 0 {
        // clock: 10:42 AM
        if d <= 2 && b.get(d) == Some(&b':') && digits(&b[d + 1..]) == 2 {
            let mut i = d + 3;
            let rest = &s[i..];
            let trimmed = rest.trim_start();
            let skipped = rest.len() - trimmed.len();
            for ampm in ["AM", "PM", "am", "pm", "a.m.", "p.m."] {
                if trimmed.starts_with(ampm) && word_end(i + skipped + ampm.len()) {
                    i += skipped + ampm.len();
                    break;
                }
            }
            return Some(i);
        }
        // ISO date 2024-03-17
        if d == 4 && b.get(4) == Some(&b'-') && digits(&b[5..]) == 2 && b.get(7) == Some(&b'-') {
            let dd = digits(&b[8..]);
            if dd == 2 {
                return Some(10);
            }
        }
        // numeric date 03/17/24
        if d <= 2 && b.get(d) == Some(&b'/') {
            let m = digits(&b[d + 1..]);
            if (1..=2).contains(&m) && b.get(d + 1 + m) == Some(&b'/') {
                let y = digits(&b[d + 2 + m..]);
                if y == 2 || y == 4 {
                    return Some(d + 2 + m + y);
                }
            }
            return None;
        }
        // relative: 5h, 26m, 2mo, 1y, 3d, 2w, 10s, 5 min
        if d <= 3 && matches!(b.get(d), Some(b'm' | b'h' | b's' | b'd' | b'w' | b'y')) {
            // Only the units that start with that letter are compared, in their order.
            for unit in ["mo", "min", "hr", "s", "m", "h", "d", "w", "y"] {
                if b[d] == unit.as_bytes()[0]
                    && s[d..].starts_with(unit)
                    && word_end(d + unit.len())
                {
                    return Some(d + unit.len());
                }
            }
        }
        // day month [year]: 3 Nov, 6 Nov 2021
        if d <= 2 && b.get(d) == Some(&b' ') {
            let rest = &s[d + 1..];
            let word = first_word(rest);
            if month(word).is_some() {
                let mut i = d + 1 + word.len();
                let after = &b[i..];
                if after.first() == Some(&b' ') && digits(&after[1..]) == 4 {
                    i += 5;
                }
                return Some(i);
            }
        }
        return None;
    }
    // month day[, year]: Mar 17, 2024 / Nov 19 / August 8, 2017
    let word = first_word(s);
    month(word)?;
    let mut i = word.len();
    if b.get(i) == Some(&b'.') {
        i += 1;
    }
    if b.get(i) != Some(&b' ') {
        return None;
    }
    let dd = digits(&b[i + 1..]);
    if dd == 0 || dd > 2 {
        // `May 2023`
        if dd == 4 {
            return Some(i + 5);
        }
        return None;
    }
    i += 1 + dd;
    if b.get(i) == Some(&b',') && b.get(i + 1) == Some(&b' ') && digits(&b[i + 2..]) == 4 {
        i += 6;
    } else if b.get(i) == Some(&b' ') && digits(&b[i + 1..]) == 4 {
        i += 5;
    }
    Some(i)
}

/// Reads a line that is only a time (with separators, `Edited`, a view count): the time as
/// written (trimmed of separators and counts) and whether it holds a clock time.
pub fn time_line(line: &str) -> Option<(ShortText, bool)> {
    time_span(line).map(|(t, clock)| (t.into(), clock))
}

/// [`time_line`], the time as a slice of `line` (nothing copied).
pub fn time_span(line: &str) -> Option<(&str, bool)> {
    // `·`, `•`, spaces and no-break spaces before it: trimmed only where the first byte may
    // start one (20, C2, E2), most lines are passed with no call.
    let mut s = crate::segment::trim(line);
    if matches!(s.as_bytes().first(), Some(b' ' | 0xC2 | 0xE2)) {
        s = s.trim_start_matches(['·', '•', ' ', '\u{a0}']);
    }
    // The first token is a number, `now`, `Just now`, `at …` or a month (or a `,` before
    // one): a line that starts with any other byte is no time (most lines).
    let first = s.as_bytes().first().copied().unwrap_or(b'0');
    if !(matches!(first, b'0'..=b'9' | b',')
        || matches!(
            first | 0x20,
            b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
        ))
    {
        return None;
    }
    // A first token that starts with a letter is a month, `now`, `Just now`, `just now` or
    // `at`: its first two letters are one's (compared with bit 5 set, as a month is without
    // case: the pairs below are a superset). Most lines that start with one of the first
    // letters above are ruled out here (`Ada`, `Every`, `Model`), not cut into words.
    if first.is_ascii_alphabetic() {
        const PAIRS: [u16; 11] = {
            let pairs = [
                *b"ja", *b"ju", *b"fe", *b"se", *b"de", *b"ma", *b"ap", *b"au", *b"at", *b"oc",
                *b"no",
            ];
            let mut out = [0; 11];
            let mut k = 0;
            while k < 11 {
                out[k] = u16::from_le_bytes(pairs[k]);
                k += 1;
            }
            out
        };
        let second = s.as_bytes().get(1).map_or(0, |&c| c | 0x20);
        if !PAIRS.contains(&u16::from_le_bytes([first | 0x20, second])) {
            return None;
        }
    }
    time_tokens(s)
}

/// [`time_span`] of `s`, trimmed, past its first-byte checks: its time tokens, as written.
/// (Its own function for a test; inlined in its one caller.)
#[inline(always)]
fn time_tokens(s: &str) -> Option<(&str, bool)> {
    let mut i = 0;
    let mut end = 0;
    let mut tokens = 0;
    let mut clock = false;
    let b = s.as_bytes();
    while i < s.len() {
        // separators (`·` and U+00A0 start with byte C2, `•` with E2: other bytes start none)
        let rest = &s[i..];
        if matches!(b[i], b' ' | b',' | 0xC2 | 0xE2) {
            let trimmed = rest.trim_start_matches([' ', ',', '·', '•', '\u{a0}']);
            if trimmed.len() != rest.len() {
                i += rest.len() - trimmed.len();
                continue;
            }
        }
        if b[i] == b'a' && rest.starts_with("at ") {
            i += 3;
            continue;
        }
        if let Some(n) = time_token(rest) {
            if b.get(i).is_some_and(u8::is_ascii_digit) && crate::clean::has(&rest[..n], ':') {
                clock = true;
            }
            tokens += 1;
            i += n;
            end = i;
            continue;
        }
        // trailing words that may follow a time on the same line
        if tokens > 0 && is_time_trailer(rest) {
            break;
        }
        return None;
    }
    (tokens > 0).then(|| (super::trim(&s[..end]), clock))
}

/// What may follow a time on its line and is dropped from it: `4M Views`, `Edited`.
fn is_time_trailer(rest: &str) -> bool {
    // One or two words (walked, not collected: a collect is its own copy of Vec's from_iter
    // in the .wasm).
    let mut words = rest.split([' ', '·', '•']).filter(|w| !w.is_empty());
    match (words.next(), words.next(), words.next()) {
        (Some(n), Some(v), None) => crate::clean::is_count(n) && v.eq_ignore_ascii_case("views"),
        (Some(w), None, _) => {
            let w = w.trim_matches(['(', ')']);
            w.eq_ignore_ascii_case("edited") || w == "Views"
        }
        _ => false,
    }
}

/// `— Name (@handle) August 8, 2017`: who wrote the post just above, on a page that embeds
/// posts. Returns `(name, handle, time)`.
///
/// Always inlined (it is asked about every line twice): at opt-level z a plain `#[inline]` left
/// it a call, 15,000 on x-1000, for a first-byte compare.
#[inline(always)]
pub fn attribution(line: &str) -> Option<(Option<ShortText>, ShortText, Option<ShortText>)> {
    // `—` and `―` start with byte E2: most lines start with neither it nor `-` (and are
    // ruled out here, inline, with no call).
    if !matches!(line.as_bytes().first(), Some(0xE2 | b'-')) {
        return None;
    }
    attribution_after_dash(line)
}

/// [`attribution`] of a line that starts with byte E2 or `-`.
fn attribution_after_dash(line: &str) -> Option<(Option<ShortText>, ShortText, Option<ShortText>)> {
    let rest = line
        .strip_prefix('—')
        .or_else(|| line.strip_prefix('―'))
        .or_else(|| line.strip_prefix("--"))?
        .trim_start();
    let open = crate::clean::find(rest, "(@")?;
    let close = open + rest[open..].find(')')?;
    let handle = &rest[open + 1..close];
    if handle_len(handle) != Some(handle.len()) {
        return None;
    }
    let name = rest[..open].trim();
    let after = rest[close + 1..].trim();
    let time = if after.is_empty() {
        None
    } else {
        Some(time_line(after)?.0)
    };
    Some(((!name.is_empty()).then(|| name.into()), handle.into(), time))
}

/// `Twitter Post Link: https://twitter.com/ada/status/1 12:41 PM · Feb 28, 2023`: a post's
/// permalink, written after it. Returns `(handle, time)`. A bare link with neither a label
/// nor a time is content (a post may share a link), not a permalink.
pub fn permalink(line: &str) -> Option<(ShortText, Option<ShortText>)> {
    // Every permalink holds a `/`: most lines do not, and need no substring search.
    if !crate::clean::has(line, '/') {
        return None;
    }
    // Each host found by a memchr for its rarest byte (`/`, `x`), not its first: a line with
    // links has a `t` every few bytes, each a compare.
    let (url_start, host_end) =
        [("twitter.com/", 11), ("x.com/", 0)]
            .iter()
            .find_map(|&(h, r)| {
                crate::clean::find_bytes_by(line.as_bytes(), h.as_bytes(), r).map(|at| {
                    let start = line[..at].rfind(' ').map_or(0, |s| s + 1);
                    (start, at + h.len())
                })
            })?;
    let url_end = line[url_start..]
        .find(' ')
        .map_or(line.len(), |e| url_start + e);
    let path = &line[host_end..url_end];
    let (user, rest) = path.split_once('/')?;
    if user.is_empty() || !user.bytes().all(is_handle_byte) || !rest.starts_with("status/") {
        return None;
    }
    let label = line[..url_start].trim();
    if !label.is_empty() && (!label.ends_with(':') || label.split_whitespace().count() > 4) {
        return None;
    }
    let after = line[url_end..].trim();
    let time = if after.is_empty() {
        None
    } else {
        Some(time_line(after)?.0)
    };
    if label.is_empty() && time.is_none() {
        return None;
    }
    Some((with_at(user), time))
}

/// `@` and `name`: a handle (pushed, not `format!`ed: the formatting code of each `format!`
/// call goes into the .wasm).
pub(crate) fn with_at(name: &str) -> ShortText {
    let mut handle = String::with_capacity(name.len() + 1);
    handle.push('@');
    handle.push_str(name);
    crate::thread::short_text(handle)
}

/// A Threads user name as the copy shows it, without `@`: `zuck`, `ada.lovelace_`.
///
/// One walk over the bytes, by index (at opt-level z `bytes().any` and `bytes().all` were two
/// walks, each a call a byte); the letter it needs is a lowercase one, as no other letter is
/// allowed.
pub fn is_username(line: &str) -> bool {
    let b = line.as_bytes();
    let n = b.len();
    if !(1..=30).contains(&n) || b[0] == b'.' || b[n - 1] == b'.' {
        return false;
    }
    let mut letter = false;
    let mut i = 0;
    while i < n {
        let c = b[i];
        if c.is_ascii_lowercase() {
            letter = true;
        } else if !(c.is_ascii_digit() || c == b'.' || c == b'_') {
            return false;
        }
        i += 1;
    }
    letter
}

/// A LinkedIn line that doubles its text (`Alex ExampleAlex Example`): the text once.
pub fn doubled(line: &str) -> Option<&str> {
    let n = line.len();
    // The halves' first bytes first: most lines of an even length differ there (and are not
    // compared whole, a call at opt-level z).
    let b = line.as_bytes();
    if n < 6 || n % 2 != 0 || b[0] != b[n / 2] || !line.is_char_boundary(n / 2) {
        return None;
    }
    let (a, b) = line.split_at(n / 2);
    (a == b).then_some(super::trim(a))
}

/// A LinkedIn time line: `2mo • Edited • 2 months ago • …`, `1h •`: the short time.
pub fn linkedin_time(line: &str) -> Option<ShortText> {
    let first = line.split('•').next()?.trim();
    if !crate::clean::has(line, '•') || first.is_empty() {
        return None;
    }
    let n = time_token(first)?;
    (n == first.len()).then(|| first.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::pick;

    /// [`header_line`] as it was: the name before the handle checked before what follows it.
    fn old_header_line(line: &str) -> Option<HeaderLine> {
        let b = line.as_bytes();
        let mut from = 0;
        while let Some(off) = memchr::memchr(b'@', &b[from..]) {
            let at = from + off;
            from = at + 1;
            let Some(n) = handle_len(&line[at..]) else {
                continue;
            };
            let name = crate::segment::trim(&line[..at]);
            let long = name.len() > 240 || (name.len() > 60 && name.chars().count() > 60);
            if long || crate::clean::has(name, '@') {
                return None;
            }
            let rest = line[at + n..].trim_start();
            let time = if rest.is_empty() {
                None
            } else {
                let after_dot = rest.strip_prefix('·')?;
                Some(time_line(after_dot)?.0)
            };
            let handle = line[at..at + n].to_owned();
            let bare = name.is_empty();
            let name = (!name.is_empty()).then(|| name.to_owned());
            let name = name.filter(|nm| Some(nm.as_str()) != handle.strip_prefix('@'));
            return Some(HeaderLine {
                name: name.map(|n| n.as_str().into()),
                handle: handle.as_str().into(),
                time,
                bare,
            });
        }
        None
    }

    #[test]
    fn header_lines_are_read_as_they_were() {
        let pieces = [
            "Ada",
            "Ada Lovelace ",
            "ada",
            "@ada",
            "@ada.bsky.social",
            "@ada@mastodon.social",
            "@",
            " ",
            "·",
            " · ",
            "5h",
            "Mar 17, 2024",
            "now",
            "x",
            "é",
            "👇",
            "thanks ",
            "a@b.c",
            ".",
            "-",
            "\u{a0}",
            "words and more words and more words ",
        ];
        let mut next = crate::test_rng::xorshift(0x4EAD_E121);
        for round in 0..20_000 {
            let mut line = String::new();
            for _ in 0..next() % 12 {
                line.push_str(pick(&pieces, &mut next));
            }
            let line = crate::segment::trim(&line);
            assert_eq!(
                header_line(line),
                old_header_line(line),
                "round {round}: {line:?}"
            );
        }
    }

    /// [`time_token`] as it was: every unit compared whole.
    fn old_time_token(s: &str) -> Option<usize> {
        let b = s.as_bytes();
        let word_end = |i: usize| b.get(i).is_none_or(|c| !c.is_ascii_alphanumeric());
        // Each literal compared only after its first byte (in the .wasm a compare is a call).
        if matches!(b.first(), Some(b'n' | b'J' | b'j')) {
            for w in ["now", "Just now", "just now"] {
                if s.starts_with(w) && word_end(w.len()) {
                    return Some(w.len());
                }
            }
        }
        let d = digits(b);
        if d > 0 {
            // clock: 10:42 AM
            if d <= 2 && b.get(d) == Some(&b':') && digits(&b[d + 1..]) == 2 {
                let mut i = d + 3;
                let rest = &s[i..];
                let trimmed = rest.trim_start();
                let skipped = rest.len() - trimmed.len();
                for ampm in ["AM", "PM", "am", "pm", "a.m.", "p.m."] {
                    if trimmed.starts_with(ampm) && word_end(i + skipped + ampm.len()) {
                        i += skipped + ampm.len();
                        break;
                    }
                }
                return Some(i);
            }
            // ISO date 2024-03-17
            if d == 4 && b.get(4) == Some(&b'-') && digits(&b[5..]) == 2 && b.get(7) == Some(&b'-')
            {
                let dd = digits(&b[8..]);
                if dd == 2 {
                    return Some(10);
                }
            }
            // numeric date 03/17/24
            if d <= 2 && b.get(d) == Some(&b'/') {
                let m = digits(&b[d + 1..]);
                if (1..=2).contains(&m) && b.get(d + 1 + m) == Some(&b'/') {
                    let y = digits(&b[d + 2 + m..]);
                    if y == 2 || y == 4 {
                        return Some(d + 2 + m + y);
                    }
                }
                return None;
            }
            // relative: 5h, 26m, 2mo, 1y, 3d, 2w, 10s, 5 min
            if d <= 3 && matches!(b.get(d), Some(b'm' | b'h' | b's' | b'd' | b'w' | b'y')) {
                for unit in ["mo", "min", "hr", "s", "m", "h", "d", "w", "y"] {
                    if s[d..].starts_with(unit) && word_end(d + unit.len()) {
                        return Some(d + unit.len());
                    }
                }
            }
            // day month [year]: 3 Nov, 6 Nov 2021
            if d <= 2 && b.get(d) == Some(&b' ') {
                let rest = &s[d + 1..];
                let word = first_word(rest);
                if month(word).is_some() {
                    let mut i = d + 1 + word.len();
                    let after = &b[i..];
                    if after.first() == Some(&b' ') && digits(&after[1..]) == 4 {
                        i += 5;
                    }
                    return Some(i);
                }
            }
            return None;
        }
        // month day[, year]: Mar 17, 2024 / Nov 19 / August 8, 2017
        let word = first_word(s);
        month(word)?;
        let mut i = word.len();
        if b.get(i) == Some(&b'.') {
            i += 1;
        }
        if b.get(i) != Some(&b' ') {
            return None;
        }
        let dd = digits(&b[i + 1..]);
        if dd == 0 || dd > 2 {
            // `May 2023`
            if dd == 4 {
                return Some(i + 5);
            }
            return None;
        }
        i += 1 + dd;
        if b.get(i) == Some(&b',') && b.get(i + 1) == Some(&b' ') && digits(&b[i + 2..]) == 4 {
            i += 6;
        } else if b.get(i) == Some(&b' ') && digits(&b[i + 1..]) == 4 {
            i += 5;
        }
        Some(i)
    }

    #[test]
    fn time_token_answers_as_it_did_comparing_every_unit() {
        let pieces = [
            "1", "2", "10", "5", "2024", ":", "42", " ", "AM", "PM", "am", "pm", "a.m.", "p.m.",
            "a", "p", "A", "mo", "min", "hr", "s", "m", "h", "d", "w", "y", "x", "-", "03", "/",
            "17", "Nov", "May", "Sept", "now", "Just now", ",", ".", "é",
        ];
        let mut next = crate::test_rng::xorshift(0x1234_5678_9ABC_DEF1);
        for _ in 0..50_000 {
            let mut t = String::new();
            for _ in 0..1 + next() % 5 {
                t.push_str(pick(&pieces, &mut next));
            }
            assert_eq!(time_token(&t), old_time_token(&t), "{t:?}");
        }
    }

    /// [`is_username`] as it was: two walks (`any` and `all`) over the bytes.
    fn old_is_username(line: &str) -> bool {
        let n = line.len();
        (1..=30).contains(&n)
            && line.bytes().any(|b| b.is_ascii_alphabetic())
            && line
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_')
            && line.as_bytes().first() != Some(&b'.')
            && line.as_bytes().last() != Some(&b'.')
    }

    #[test]
    fn is_username_answers_as_its_two_walks_did() {
        // Lines of the bytes a user name is made of and a few others, of every length around
        // the limits.
        let alphabet = [
            "a", "z", "q", "0", "9", ".", "_", "A", "Z", "-", " ", "@", "é", "·", "`", "{", "/",
            ":",
        ];
        let mut next = crate::test_rng::xorshift(0x9E37_79B9_7F4A_7C15);
        for round in 0..20_000 {
            let len = (next() % 34) as usize;
            let mut line = String::new();
            for _ in 0..len {
                // Mostly the bytes of a name, so that many lines are one.
                let k = (next() % if round % 2 == 0 { 7 } else { 18 }) as usize;
                line.push_str(alphabet[k]);
            }
            assert_eq!(is_username(&line), old_is_username(&line), "{line:?}");
        }
        for line in [
            "",
            "a",
            ".",
            "_",
            "0",
            "a.",
            ".a",
            "a.b",
            "zuck",
            "ada.lovelace_",
            "12",
            "1a",
        ] {
            assert_eq!(is_username(line), old_is_username(line), "{line:?}");
        }
    }

    /// [`time_span`] without its check of a line's first two letters.
    fn old_time_span(line: &str) -> Option<(&str, bool)> {
        let mut s = crate::segment::trim(line);
        if matches!(s.as_bytes().first(), Some(b' ' | 0xC2 | 0xE2)) {
            s = s.trim_start_matches(['·', '•', ' ', '\u{a0}']);
        }
        let first = s.as_bytes().first().copied().unwrap_or(b'0');
        if !(matches!(first, b'0'..=b'9' | b',')
            || matches!(
                first | 0x20,
                b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
            ))
        {
            return None;
        }
        time_tokens(s)
    }

    #[test]
    fn the_first_two_letters_rule_out_only_what_the_tokens_would() {
        let months = [
            "January", "feb", "MAR", "Apr.", "may", "June", "jul,", "Aug", "Sept", "oct", "Nov",
            "DEC", "Dec.", "now", "Now", "Just now", "just now", "JUST now", "at", "At",
        ];
        let other = [
            "Ada", "Every", "Model", "a", "J", "", " ", "·", "5h", "3 Nov", "2024", ",", "é", "AM",
            "pm", "Views", "Edited", "4M", "10:42", "x", "Mx", "Ja", "Jan", "ma", "at5",
        ];
        let mut next = crate::test_rng::xorshift(0xD1B5_4A32_D192_ED03);
        for _ in 0..50_000 {
            let n = 1 + next() % 4;
            let mut line = String::new();
            for k in 0..n {
                if k > 0 {
                    line.push_str([" ", ", ", " · ", "·", ""][(next() % 5) as usize]);
                }
                let r = next();
                let w = if r % 3 == 0 {
                    months[(r / 3 % months.len() as u64) as usize]
                } else {
                    other[(r / 3 % other.len() as u64) as usize]
                };
                line.push_str(w);
            }
            assert_eq!(time_span(&line), old_time_span(&line), "{line:?}");
        }
    }

    #[test]
    fn months_by_name_abbreviation_and_case() {
        for (word, want) in [
            ("January", Some(1)),
            ("jan", Some(1)),
            ("JUNE", Some(6)),
            ("Jul.", Some(7)),
            ("Sept", Some(9)),
            ("sep,", Some(9)),
            ("May", Some(5)),
            ("march,", Some(3)),
            ("Aug", Some(8)),
            ("apr", Some(4)),
            ("Oct", Some(10)),
            ("Nov.,", Some(11)),
            ("December", Some(12)),
            ("Feb", Some(2)),
            ("Ma", None),
            ("Mayo", None),
            ("Junes", None),
            ("Decembers", None),
            ("Augu", Some(8)),
            ("Augus", None),
            ("Every", None),
            ("J4n", None),
            ("Jün", None),
            ("", None),
            (",.", None),
        ] {
            assert_eq!(month(word), want, "the month of {word:?}");
        }
    }

    #[test]
    fn handles_of_every_platform() {
        assert_eq!(handle_len("@ada"), Some(4));
        assert_eq!(handle_len("@ada.bsky.social"), Some(16));
        assert_eq!(handle_len("@ada@mastodon.social"), Some(20));
        assert_eq!(
            handle_len("@ada."),
            Some(4),
            "a sentence's full stop is not part"
        );
        assert_eq!(handle_len("@ada@home"), Some(4), "an instance needs a dot");
        assert_eq!(handle_len("@ "), None);
    }

    #[test]
    fn header_lines() {
        let h = header_line("Kevin Fischer@kevinafischer·Mar 17, 2024").expect("glued X header");
        assert_eq!(h.name.as_deref(), Some("Kevin Fischer"));
        assert_eq!(h.handle, "@kevinafischer");
        assert_eq!(h.time.as_deref(), Some("Mar 17, 2024"));
        let h = header_line("someone.bsky.social @someone.bsky.social").expect("bluesky");
        assert_eq!(h.name, None, "the handle twice means no display name");
        assert!(header_line("see @ada for more").is_none(), "text follows");
        assert!(header_line("mail a@b.com now").is_none());
    }

    #[test]
    fn times() {
        for (line, want) in [
            ("5h", "5h"),
            ("· 19h", "19h"),
            ("·\u{a0}19h", "19h"),
            ("• 2d", "2d"),
            ("•·\u{a0} · 3h", "3h"),
            ("3 Nov", "3 Nov"),
            ("6 Nov 2021", "6 Nov 2021"),
            ("Mar 17, 2024", "Mar 17, 2024"),
            ("Nov 19", "Nov 19"),
            ("10:42 AM · May 5, 2023·4M Views", "10:42 AM · May 5, 2023"),
            ("8:55 pm · 3 Jun 2024·4M Views", "8:55 pm · 3 Jun 2024"),
            ("March 17, 2024 at 10:42 AM", "March 17, 2024 at 10:42 AM"),
            ("Dec 1, 2022 Dec 1, 2022", "Dec 1, 2022 Dec 1, 2022"),
        ] {
            assert_eq!(
                time_line(line).map(|t| t.0).as_deref(),
                Some(want),
                "{line} is a time"
            );
        }
        for line in ["5 hours of work", "May the force", "2.3K", "1/2", "Mario"] {
            assert_eq!(time_line(line), None, "{line} is not a time");
        }
    }

    #[test]
    fn time_trailers_are_a_count_of_views_or_an_edit() {
        for rest in [
            "4M Views",
            "·4M views",
            "12 VIEWS",
            "Edited",
            "(edited)",
            "Views",
            " · Edited ",
        ] {
            assert!(is_time_trailer(rest), "{rest:?} may follow a time");
        }
        for rest in [
            "",
            "·",
            "4M",
            "views",
            "4M Views now",
            "many views",
            "Edited twice",
            "4M Views · Edited",
        ] {
            assert!(!is_time_trailer(rest), "{rest:?} may not");
        }
    }

    #[test]
    fn closers() {
        let (name, handle, time) =
            attribution("— Thread Reader (@threadreaderapp) August 31, 2017").expect("embedded");
        assert_eq!(name.as_deref(), Some("Thread Reader"));
        assert_eq!(handle, "@threadreaderapp");
        assert_eq!(time.as_deref(), Some("August 31, 2017"));
        let (handle, time) = permalink(
            "Twitter Post Link: https://twitter.com/Janetthedev/status/1 12:41 PM · Feb 28, 2023",
        )
        .expect("permalink");
        assert_eq!(handle, "@Janetthedev");
        assert_eq!(time.as_deref(), Some("12:41 PM · Feb 28, 2023"));
        assert!(
            permalink("https://x.com/ada/status/1").is_none(),
            "a shared link"
        );
    }

    #[test]
    fn linkedin_shapes() {
        assert_eq!(
            doubled("Alex Example ✪Alex Example ✪"),
            Some("Alex Example ✪")
        );
        assert_eq!(doubled("haha"), None);
        assert_eq!(
            linkedin_time("2mo • Edited • 2 months ago • Edited • Visible to anyone").as_deref(),
            Some("2mo")
        );
        assert_eq!(linkedin_time("1h • ").as_deref(), Some("1h"));
    }
}

//! Thread markers: the numbers and emoji authors put on their own posts.
//!
//! Input: one trimmed line. Output: the marker found, its number and where it sits.
//!
//! Shapes: `1/`, `1/12`, `(1/12)`, `[1/12]`, `1.`, `1)`, `🧵 1/`, `1️⃣` at the start of a post;
//! ` 1/12`, ` (1/12)`, ` 1/` at the end of one; end markers `/end`, `/fin`, `[end]`, `🧵👇`,
//! `[thread]`. Whether a candidate really is a marker is decided over the whole paste (a
//! sequence), by the segment stage: `1.` starts a list as often as a thread.

/// How a numeric marker is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `1/`, `1/12`, `(1/12)`, `🧵 1/`.
    Slash,
    /// `1.`, `1)`.
    Dot,
    /// `1️⃣`.
    Keycap,
}

/// A numeric marker found on a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marker {
    /// The post's number.
    pub n: usize,
    /// The thread's length, when written (`1/12`).
    pub total: Option<usize>,
    /// How it is written.
    pub style: Style,
    /// Byte length of the marker and the space after it (leading) or the space before it
    /// (trailing).
    pub len: usize,
}

fn number(b: &[u8]) -> Option<(usize, usize)> {
    let d = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if d == 0 || d > 3 {
        return None;
    }
    let n = b[..d]
        .iter()
        .fold(0usize, |acc, c| acc * 10 + usize::from(c - b'0'));
    Some((n, d))
}

/// A marker at the start of `line`.
///
/// Natively the first byte is compared where it is called (most lines are ruled out by it,
/// 3,000 calls on x-1000); in the .wasm it stays one function.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub fn leading(line: &str) -> Option<Marker> {
    // Every marker starts with a digit, `(`, `[` or an emoji (`🧵`, `🔟`: byte F0): most
    // lines start with none of them.
    if !matches!(
        line.as_bytes().first(),
        Some(b'0'..=b'9' | b'(' | b'[' | 0xF0)
    ) {
        return None;
    }
    leading_from(line)
}

/// [`leading`] of a line that starts with a byte a marker starts with.
#[cfg_attr(not(target_arch = "wasm32"), inline(never))]
fn leading_from(line: &str) -> Option<Marker> {
    let mut skip = 0;
    for thread in ["🧵 ", "🧵"] {
        if let Some(rest) = line.strip_prefix(thread) {
            if rest.starts_with(|c: char| c.is_ascii_digit() || c == '(') {
                skip = thread.len();
            }
            break;
        }
    }
    let s = &line[skip..];
    let b = s.as_bytes();
    if let Some(rest) = s.strip_prefix('🔟') {
        return space_after(rest, 0).map(|l| Marker {
            n: 10,
            total: None,
            style: Style::Keycap,
            len: skip + '🔟'.len_utf8() + l,
        });
    }
    // keycap: 1️⃣ (digit, optional VS16, U+20E3)
    if let Some(k) = keycap(s) {
        let n = usize::from(b[0] - b'0');
        let mut len = k;
        // 1️⃣0️⃣ and the like: keep one number per marker, enough for a thread.
        if let Some(k2) = keycap(&s[len..]) {
            let n2 = usize::from(b[len] - b'0');
            return space_after(s, len + k2).map(|l| Marker {
                n: n * 10 + n2,
                total: None,
                style: Style::Keycap,
                len: skip + l,
            });
        }
        len = space_after(s, len)?;
        return Some(Marker {
            n,
            total: None,
            style: Style::Keycap,
            len: skip + len,
        });
    }
    let open = match b.first() {
        Some(b'(') => Some(b')'),
        Some(b'[') => Some(b']'),
        _ => None,
    };
    let mut i = usize::from(open.is_some());
    let (n, d) = number(&b[i..])?;
    i += d;
    match b.get(i) {
        Some(b'/') => {
            i += 1;
            let total = number(&b[i..]).map(|(t, d)| {
                i += d;
                t
            });
            if let Some(close) = open {
                if b.get(i) != Some(&close) {
                    return None;
                }
                i += 1;
            }
            if total.is_some_and(|t| n > t || t == 0) || n == 0 {
                return None;
            }
            // `1/🧵 text`: the thread emoji right after the marker belongs to it.
            if s[i..].starts_with('🧵') {
                i += '🧵'.len_utf8();
            }
            space_after(s, i).map(|len| Marker {
                n,
                total,
                style: Style::Slash,
                len: skip + len,
            })
        }
        Some(b'.') | Some(b')') if open.is_none() && skip == 0 => {
            // `1.` / `1)` need text after them, and `1.5` is a number.
            let len = space_after(s, i + 1)?;
            (len > i + 1 && n > 0).then_some(Marker {
                n,
                total: None,
                style: Style::Dot,
                len,
            })
        }
        _ => None,
    }
}

/// Bytes of a keycap emoji (`1️⃣`) at the start of `s`.
fn keycap(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !b.first()?.is_ascii_digit() {
        return None;
    }
    let rest = &s[1..];
    let rest2 = rest.strip_prefix('\u{fe0f}').unwrap_or(rest);
    let rest3 = rest2.strip_prefix('\u{20e3}')?;
    Some(s.len() - rest3.len())
}

/// `i` plus the one space after it, if the line ends there or a space follows.
fn space_after(s: &str, i: usize) -> Option<usize> {
    match s.as_bytes().get(i) {
        None => Some(i),
        Some(b' ') => Some(i + 1),
        _ => None,
    }
}

/// A marker at the end of `line`: ` 1/12`, ` (1/12)`, ` 3/`. `len` counts the space before.
///
/// Natively a line that ends with printable ASCII no marker ends with (`.`, a letter: most
/// lines) is ruled out where it is called, with no call.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub fn trailing(line: &str) -> Option<Marker> {
    if line
        .as_bytes()
        .last()
        .is_some_and(|&b| b > b' ' && b < 0x80 && !matches!(b, b'0'..=b'9' | b'/' | b')' | b']'))
    {
        return None;
    }
    trailing_from(line)
}

/// [`trailing`] of a line that may end with one.
#[cfg_attr(not(target_arch = "wasm32"), inline(never))]
fn trailing_from(line: &str) -> Option<Marker> {
    let t = line.trim_end();
    // A slash marker ends with its number, `/`, `)`, `]` or a `🧵` (last byte B5).
    if !matches!(
        t.as_bytes().last(),
        Some(b'0'..=b'9' | b'/' | b')' | b']' | 0xB5)
    ) {
        return None;
    }
    let space = t.rfind(' ')?;
    let word = &t[space + 1..];
    let m = leading(word)?;
    if m.style != Style::Slash || m.len != word.len() {
        return None;
    }
    Some(Marker {
        len: line.len() - space,
        ..m
    })
}

/// End markers written on their own or at the end of the last line.
const END: &[&str] = &[
    "/end",
    "/fin",
    "/thread",
    "[end]",
    "(end)",
    "[/thread]",
    "[thread]",
    "🧵👇",
    "👇🧵",
    "/🧵",
    "🧵/end",
];

/// Is the whole line an end marker, or a lone `🧵` (which marks the thread, not its text)?
pub fn is_end_line(line: &str) -> bool {
    // Only a line that starts with a byte an end marker starts with (in either case) is
    // compared with them: most lines are ruled out with no call.
    let first = line.as_bytes().first().copied().unwrap_or(0);
    END_FIRST[usize::from(first)]
        && (line == "🧵" || END.iter().any(|e| line.eq_ignore_ascii_case(e)))
}

/// Which bytes start `🧵` or an [`END`] marker, in either ASCII case.
const END_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    t["🧵".as_bytes()[0] as usize] = true;
    let mut i = 0;
    while i < END.len() {
        let b = END[i].as_bytes()[0];
        t[b.to_ascii_lowercase() as usize] = true;
        t[b.to_ascii_uppercase() as usize] = true;
        i += 1;
    }
    t
};

/// Bytes of an end marker at the end of `line`, with the space before it.
pub fn end_tail(line: &str) -> Option<usize> {
    // Every end marker ends with `d`, `n` (either case), `]`, `)`, `👇` (last byte 87) or
    // `🧵` (B5): most lines end with none of them.
    if !matches!(
        line.as_bytes().last(),
        Some(b'd' | b'D' | b'n' | b'N' | b']' | b')' | 0x87 | 0xB5)
    ) {
        return None;
    }
    END.iter().find_map(|e| {
        let n = e.len();
        if line.len() <= n || !line.is_char_boundary(line.len() - n) {
            return None;
        }
        let tail = &line[line.len() - n..];
        let head = &line[..line.len() - n];
        // Whether `e` is an emoji that may be glued on is asked only once the tail matched.
        let glued_emoji = || e.starts_with('🧵') || e.starts_with('👇');
        (tail.eq_ignore_ascii_case(e) && (head.ends_with(' ') || glued_emoji()))
            .then(|| line.len() - head.trim_end().len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_answers_as_its_full_reading_on_random_lines() {
        // Pieces of markers and of what may stand around them, joined at random: the byte
        // compare in front of `trailing_from` rules out only what it would.
        const PIECES: [&str; 16] = [
            "1", "12", "/", " ", "(", ")", "]", "[", "🧵", "a", ".", "é", "\u{a0}", "\t", "1️⃣",
            "x/",
        ];
        let mut next = crate::test_rng::xorshift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let n = next() % 7;
            let line: String = (0..n).map(|_| PIECES[(next() % 16) as usize]).collect();
            assert_eq!(trailing(&line), trailing_from(&line), "{line:?}");
            assert_eq!(
                leading(&line),
                leading_from(&line).filter(|_| !line.is_empty()),
                "{line:?}"
            );
        }
    }

    #[test]
    fn every_end_marker_is_an_end_line_in_either_case() {
        for e in END.iter().chain(&["🧵"]) {
            assert!(is_end_line(e), "{e:?} is an end line");
            assert!(
                is_end_line(&e.to_uppercase()),
                "{e:?} in capitals is one too"
            );
        }
        assert!(!is_end_line(""), "an empty line is none");
        assert!(!is_end_line("end"), "a word alone is none");
    }

    fn lead(s: &str) -> Option<(usize, Style, usize)> {
        leading(s).map(|m| (m.n, m.style, m.len))
    }

    #[test]
    fn leading_markers() {
        assert_eq!(lead("1/ hi"), Some((1, Style::Slash, 3)));
        assert_eq!(lead("(2/12) hi"), Some((2, Style::Slash, 7)));
        assert_eq!(lead("3/5"), Some((3, Style::Slash, 3)));
        assert_eq!(lead("🧵 1/ hi").map(|m| m.0), Some(1));
        assert_eq!(lead("1. hi"), Some((1, Style::Dot, 3)));
        assert_eq!(lead("2) hi"), Some((2, Style::Dot, 3)));
        assert_eq!(lead("1️⃣ hi").map(|m| (m.0, m.1)), Some((1, Style::Keycap)));
        assert_eq!(lead("1/2x"), None);
        assert_eq!(
            lead("1/🧵 hi").map(|m| (m.0, m.2)),
            Some((1, "1/🧵 ".len()))
        );
        assert_eq!(lead("🔟 ten").map(|m| m.0), Some(10));
        assert_eq!(lead("24/7 support"), None, "24 of 7 is no marker");
        assert_eq!(lead("and/or"), None);
        assert_eq!(lead("1.5 million"), None);
        assert_eq!(lead("3."), None, "a dot marker needs text after it");
    }

    #[test]
    fn every_end_marker_ends_with_a_byte_end_tail_looks_for() {
        for e in END {
            assert!(
                matches!(
                    e.as_bytes().last(),
                    Some(b'd' | b'D' | b'n' | b'N' | b']' | b')' | 0x87 | 0xB5)
                ),
                "{e:?} must end with a byte end_tail's first test lets through"
            );
            let line = format!("the end {e}");
            assert!(
                end_tail(&line).is_some(),
                "{line:?} ends with an end marker"
            );
        }
    }

    #[test]
    fn trailing_and_end_markers() {
        let m = trailing("the end of it 3/12").expect("trailing marker");
        assert_eq!((m.n, m.total, m.len), (3, Some(12), 5));
        assert!(trailing("and 24/7").is_none());
        assert!(is_end_line("/end"));
        assert_eq!(end_tail("that's all /end"), Some(5));
        assert_eq!(end_tail("a thread 🧵👇"), Some(" 🧵👇".len()));
        assert_eq!(end_tail("weekend"), None);
        assert!(is_end_line("🧵"));
        assert_eq!(end_tail("Some quotes 🧵"), None, "a 🧵 in the text is kept");
    }
}

//! Repair: pasted text → text as its author wrote it, with every change reported.
//!
//! Input is whatever the clipboard held. Damage undone here:
//! - mojibake: UTF-8 bytes that were decoded as windows-1252 (`Itâ€™s` → `It’s`);
//! - HTML entities left in plain text (`&amp;`, `&#8217;`);
//! - control characters and stray zero-width characters;
//! - CRLF and CR line endings; composed forms (NFC).
//!
//! Each change becomes a [`Repair`] whose `at` is its offset in the repaired text, in UTF-16
//! code units. Text that is already right is never changed.

use crate::thread::{utf16_offset, Repair};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Repaired text and the changes that made it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Repaired {
    /// The repaired text.
    pub text: String,
    /// Every change, in text order.
    pub repairs: Vec<Repair>,
}

/// windows-1252's 0x80–0x9F row (0 where the code page leaves a byte undefined).
const CP1252_C1: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘',
    '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// The windows-1252 byte for `c`, if it has one.
fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x80 || (0xA0..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    CP1252_C1
        .iter()
        .position(|&k| k == c && k != '\0')
        .map(|i| 0x80 + i as u8)
}

/// Repairs `text`. Never fails; text with nothing to repair comes back unchanged.
pub fn repair(text: &str) -> Repaired {
    let mut out = Repaired::default();
    let text = normalise_line_endings(text, &mut out);
    let text = fix_mojibake(&text, &mut out);
    let text = decode_entities(&text, &mut out);
    let text = remove_junk(&text, &mut out);
    let text = nfc(&text, &mut out);
    out.text = text;
    out
}

fn push(out: &mut Repaired, text_so_far: &str, from: &str, to: &str, kind: &str) {
    out.repairs.push(Repair {
        at: utf16_offset(text_so_far, text_so_far.len()),
        from: from.to_owned(),
        to: to.to_owned(),
        kind: kind.to_owned(),
        confidence: 1.0,
        alternatives: Vec::new(),
    });
}

fn normalise_line_endings(text: &str, out: &mut Repaired) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    let fixed = text.replace("\r\n", "\n").replace('\r', "\n");
    out.repairs.push(Repair {
        at: 0,
        from: "\r\n".into(),
        to: "\n".into(),
        kind: "line_ending".into(),
        confidence: 1.0,
        alternatives: Vec::new(),
    });
    fixed
}

/// Replaces runs of windows-1252 characters whose bytes form valid multi-byte UTF-8.
fn fix_mojibake(text: &str, out: &mut Repaired) -> String {
    let mut result = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let lead = cp1252_byte(c).filter(|b| (0xC2..=0xF4).contains(b));
        if let Some(lead) = lead {
            let need = match lead {
                0xC2..=0xDF => 1,
                0xE0..=0xEF => 2,
                _ => 3,
            };
            let mut bytes = vec![lead];
            let mut j = i + 1;
            while bytes.len() <= need && j < chars.len() {
                match cp1252_byte(chars[j]) {
                    Some(b) if (0x80..=0xBF).contains(&b) => bytes.push(b),
                    _ => break,
                }
                j += 1;
            }
            if bytes.len() == need + 1 {
                if let Ok(s) = std::str::from_utf8(&bytes) {
                    let from: String = chars[i..j].iter().collect();
                    push(out, &result, &from, s, "mojibake");
                    result.push_str(s);
                    i = j;
                    continue;
                }
            }
        }
        result.push(c);
        i += 1;
    }
    result
}

const NAMED_ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("hellip", "…"),
    ("mdash", "—"),
    ("ndash", "–"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
];

/// Decodes `&name;`, `&#123;` and `&#x1F600;`.
fn decode_entities(text: &str, out: &mut Repaired) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut result = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(p) = memchr::memchr(b'&', rest.as_bytes()) {
        result.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest[1..]
            .char_indices()
            .take(10)
            .find(|&(_, c)| c == ';' || c.is_whitespace())
            .filter(|&(_, c)| c == ';')
            .map(|(k, _)| k + 1);
        let decoded = end.and_then(|e| decode_entity(&rest[1..e]).map(|d| (e, d)));
        match decoded {
            Some((e, d)) => {
                push(out, &result, &rest[..=e], &d, "entity");
                result.push_str(&d);
                rest = &rest[e + 1..];
            }
            None => {
                result.push('&');
                rest = &rest[1..];
            }
        }
    }
    result.push_str(rest);
    result
}

fn decode_entity(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code)
            .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
            .map(String::from);
    }
    NAMED_ENTITIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| (*v).to_owned())
}

/// Removes NUL and other control characters (keeping tab and newline) and zero-width
/// characters other than joiners.
fn remove_junk(text: &str, out: &mut Repaired) -> String {
    let junk = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
    };
    if !text.chars().any(junk) {
        return text.to_owned();
    }
    let mut result = String::with_capacity(text.len());
    for c in text.chars() {
        if junk(c) {
            push(out, &result, &c.to_string(), "", "control");
        } else {
            result.push(c);
        }
    }
    result
}

fn nfc(text: &str, out: &mut Repaired) -> String {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return text.to_owned();
    }
    let fixed: String = text.nfc().collect();
    if fixed != text {
        out.repairs.push(Repair {
            at: 0,
            from: String::new(),
            to: String::new(),
            kind: "nfc".into(),
            confidence: 1.0,
            alternatives: Vec::new(),
        });
    }
    fixed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_common_cp1252_mojibake() {
        let r = repair("Itâ€™s here");
        assert_eq!(r.text, "It’s here");
        assert_eq!(r.repairs.len(), 1);
        assert_eq!(
            r.repairs[0].at, 2,
            "offset of the repair in the repaired text"
        );
        assert_eq!(r.repairs[0].from, "â€™");
    }

    #[test]
    fn leaves_clean_text_alone() {
        for s in ["Grüße aus Köln", "Ąžuolas ėjo", "Привет", "plain"] {
            let r = repair(s);
            assert_eq!(r.text, s, "clean text must not change");
            assert!(r.repairs.is_empty());
        }
    }

    #[test]
    fn decodes_entities_and_line_endings() {
        assert_eq!(repair("a &amp; b&#8217;s\r\nc").text, "a & b’s\nc");
        assert_eq!(repair("AT&T; & co").text, "AT&T; & co");
    }
}

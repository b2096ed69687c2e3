//! Two Unicode properties as compact range tables, the same on every target: combining marks
//! (General Category M) and public assigned code points (any category but Cn, Co and Cs).
//!
//! Both come from `unicode-normalization` (its `char::is_combining_mark` and
//! `char::is_public_assigned`), which is a native-only dependency: the `.wasm` carries these
//! few kilobytes of boundaries instead of the crate's tables. `tables.rs` is generated from
//! the crate by the ignored test `ucd::tests::regenerate` (see there); the test
//! `tables_agree_with_the_crate` checks every code point against it.

#[rustfmt::skip] // Generated: `tables_are_up_to_date` compares it byte for byte.
mod tables;

use std::sync::LazyLock;

/// The boundaries of a table of ranges, sorted: each range's start followed by the code point
/// after its end, so a code point is inside when an odd number of boundaries are at or below
/// it. Unpacked on first use from the generated gaps ([`tables`]: each boundary's distance
/// from the one before, LEB128, seven bits a byte, low first, the high bit set on all but the
/// last): 1.6 kB gzipped in the .wasm for both tables, against 3.7 kB as `u16`/`u32` arrays.
fn unpack(gaps: &[u8]) -> Vec<u32> {
    let mut out = Vec::with_capacity(gaps.len());
    let (mut at, mut gap, mut shift) = (0u32, 0u32, 0);
    for &b in gaps {
        gap |= u32::from(b & 0x7F) << shift;
        shift += 7;
        if b < 0x80 {
            at += gap;
            out.push(at);
            (gap, shift) = (0, 0);
        }
    }
    out
}

static COMBINING_MARK: LazyLock<Vec<u32>> = LazyLock::new(|| unpack(tables::COMBINING_MARK));
static PUBLIC_ASSIGNED: LazyLock<Vec<u32>> = LazyLock::new(|| unpack(tables::PUBLIC_ASSIGNED));

/// Whether `u` lies in one of the ranges whose boundaries are `bounds`.
fn in_ranges(bounds: &[u32], u: u32) -> bool {
    bounds.partition_point(|&b| b <= u) % 2 == 1
}

/// Whether `c` is a combining mark (General Category Mn, Mc or Me).
pub(crate) fn is_combining_mark(c: char) -> bool {
    let u = c as u32;
    u >= 0x300 && in_ranges(&COMBINING_MARK, u)
}

/// Whether `c` is assigned in Unicode outside private use (General Category neither Cn nor Co;
/// surrogates are no chars).
pub(crate) fn is_public_assigned(c: char) -> bool {
    in_ranges(&PUBLIC_ASSIGNED, c as u32)
}

/// `text` lowercased for a comparison with ASCII words: ASCII letters and the Kelvin sign
/// (U+212A, whose lowercase is `k`) lowercased, every other char kept. Compared with ASCII
/// (or caseless) text this answers as `str::to_lowercase` does, without core's case tables
/// in the `.wasm`: the Kelvin sign is the only non-ASCII char whose lowercase is ASCII, and
/// the only other char whose lowercase holds an ASCII letter, `İ` (to `i` + U+0307), can
/// match no ASCII word either way; every other char that lowercases stays non-ASCII, and
/// matches nothing either way (see `fold_for_ascii_agrees_with_to_lowercase`).
pub(crate) fn lower_for_ascii(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\u{212A}' {
                'k'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// The first char of `c` in lowercase (`İ` gives `i`): what `c.to_lowercase().next()` gives.
///
/// Natively `char::to_lowercase`; in the browser a non-ASCII char goes through JavaScript's
/// `toLowerCase` (the same Unicode mappings, locale-free), which keeps core's lowercase table
/// (11.7 KB) out of the `.wasm`.
pub(crate) fn lowercase_first(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    {
        let lower: String = js_sys::JsString::from(c).to_lower_case().into();
        lower.chars().next().unwrap_or(c)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// `text` with its first char in uppercase (its full mapping: `ß` becomes `SS`).
///
/// Natively `char::to_uppercase`; in the browser a non-ASCII first char goes through
/// JavaScript's `toUpperCase` (the same Unicode mappings, locale-free), which keeps core's
/// uppercase table (12 KB) out of the `.wasm`.
pub(crate) fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let rest = chars.as_str();
    if first.is_ascii() {
        let mut out = String::with_capacity(text.len());
        out.push(first.to_ascii_uppercase());
        out.push_str(rest);
        return out;
    }
    #[cfg(target_arch = "wasm32")]
    {
        let upper: String = js_sys::JsString::from(first).to_upper_case().into();
        upper + rest
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        first.to_uppercase().chain(rest.chars()).collect()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::fmt::Write as _;

    /// The boundaries of the code points in `range` for which `f` holds.
    fn bounds(f: impl Fn(char) -> bool, range: std::ops::Range<u32>) -> Vec<u32> {
        let mut out = Vec::new();
        let mut inside = false;
        for u in range {
            let now = char::from_u32(u).is_some_and(&f);
            // Surrogates continue the range around them, if any, so they cost no boundary.
            if (0xD800..0xE000).contains(&u) {
                continue;
            }
            if now != inside {
                out.push(u);
                inside = now;
            }
        }
        out
    }

    fn table(name: &str, doc: &str, f: fn(char) -> bool) -> String {
        let mut gaps = Vec::new();
        let mut before = 0;
        for b in bounds(f, 0..0x11_0000) {
            let mut gap = b - before;
            while gap >= 0x80 {
                gaps.push(0x80 | (gap & 0x7F) as u8);
                gap >>= 7;
            }
            gaps.push(gap as u8);
            before = b;
        }
        let mut s = format!(
            "/// {doc}: the gaps between boundaries.\npub(super) const {name}: &[u8; {}] = b\"\\\n",
            gaps.len()
        );
        for row in gaps.chunks(24) {
            let cells: String = row.iter().map(|b| format!("\\x{b:02x}")).collect();
            let _ = writeln!(s, "    {cells}\\");
        }
        s.push_str("\";\n");
        s
    }

    fn generated() -> String {
        let mut s = String::from(
            "// @generated by `cargo test --lib ucd::tests::regenerate -- --ignored` from the crate\n\
             // unicode-normalization (src/ucd/mod.rs): do not edit.\n\
             //! Range boundaries (each range's first code point, then the one after its last), each\n\
             //! as its distance from the one before, LEB128 (see `unpack`).\n\n",
        );
        s += &table(
            "COMBINING_MARK",
            "Combining marks (`unicode_normalization::char::is_combining_mark`)",
            unicode_normalization::char::is_combining_mark,
        );
        s.push('\n');
        s += &table(
            "PUBLIC_ASSIGNED",
            "Public assigned code points (`unicode_normalization::char::is_public_assigned`)",
            unicode_normalization::char::is_public_assigned,
        );
        s
    }

    /// Rewrites `src/ucd/tables.rs` from the crate (after updating unicode-normalization).
    #[test]
    #[ignore = "writes src/ucd/tables.rs; run by hand to regenerate it"]
    fn regenerate() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/ucd/tables.rs");
        std::fs::write(path, generated()).expect("src/ucd/tables.rs is writable");
    }

    #[test]
    fn tables_are_up_to_date() {
        let on_disk = include_str!("tables.rs");
        assert!(
            on_disk == generated(),
            "src/ucd/tables.rs should be what the crate gives: run \
             `cargo test --lib ucd::tests::regenerate -- --ignored`"
        );
    }

    #[test]
    fn tables_agree_with_the_crate() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(
                super::is_combining_mark(c),
                unicode_normalization::char::is_combining_mark(c),
                "is_combining_mark(U+{:04X}) should be the crate's answer",
                c as u32
            );
            assert_eq!(
                super::is_public_assigned(c),
                unicode_normalization::char::is_public_assigned(c),
                "is_public_assigned(U+{:04X}) should be the crate's answer",
                c as u32
            );
        }
    }

    #[test]
    fn known_answers() {
        assert!(
            super::is_combining_mark('\u{0301}'),
            "U+0301 is a combining mark"
        );
        assert!(!super::is_combining_mark('e'), "e is no combining mark");
        assert!(super::is_public_assigned('\u{4E00}'), "U+4E00 is assigned");
        assert!(
            !super::is_public_assigned('\u{0378}'),
            "U+0378 is unassigned"
        );
        assert!(
            !super::is_public_assigned('\u{E000}'),
            "private use is not public"
        );
        assert!(
            !super::is_public_assigned('\u{FFFF}'),
            "a noncharacter is unassigned"
        );
    }

    #[test]
    fn fold_for_ascii_agrees_with_to_lowercase() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let full: String = c.to_lowercase().collect();
            let folded = super::lower_for_ascii(c.encode_utf8(&mut [0; 4]));
            if c == '\u{130}' {
                assert_eq!(full, "i\u{307}", "İ lowercases to i and a combining dot");
                assert_eq!(
                    folded, "\u{130}",
                    "İ is kept: neither form is an ASCII word"
                );
            } else if full.is_ascii() || folded.is_ascii() {
                assert_eq!(
                    folded, full,
                    "U+{:04X} lowercases to the same ASCII either way",
                    c as u32
                );
            } else {
                assert!(
                    !full.chars().any(|x| x.is_ascii()),
                    "U+{:04X}: a non-ASCII lowercase holds no ASCII char",
                    c as u32
                );
            }
        }
        assert_eq!(super::lower_for_ascii("HTTPS://X"), "https://x");
        assert_eq!(
            super::lower_for_ascii("\u{212A}É👇"),
            "kÉ👇",
            "Kelvin to k, others kept"
        );
    }

    #[test]
    fn capitalize_uppercases_the_first_char_only() {
        assert_eq!(super::capitalize(""), "", "nothing to capitalize");
        assert_eq!(
            super::capitalize("audio clip"),
            "Audio clip",
            "ASCII first letter"
        );
        assert_eq!(super::capitalize("éclair"), "Éclair", "é becomes É");
        assert_eq!(super::capitalize("ßx"), "SSx", "ß uppercases to SS");
        assert_eq!(super::capitalize("1x"), "1x", "a digit stays");
    }
}

//! Badness: does a run of text look like mojibake?
//!
//! Input: the chars of a line. Output: how many unlikely juxtapositions it holds (0 = looks
//! like text someone meant to write). The rules are those of ftfy 6.3's `BADNESS_RE`
//! (`ftfy/badness.py`, Apache-2.0), written as a scanner over the character classes of
//! [`charclass`](super::charclass): lowercase accented letters next to currency signs, C1
//! controls, `Ã` before a no-break space, `вЂ`, `ā€`, and so on. Matches are counted the
//! way Python's `findall` counts them: leftmost, first rule that matches, no overlap.
//!
//! Also here: [`utf8_runs`], ftfy's `UTF8_DETECTOR_RE`, which finds the stretches of a line
//! that look like UTF-8 read as a single-byte code page, so that mixed clean and damaged
//! text can be repaired piece by piece.

use super::mojibake::ascii_end;

use super::charclass::{
    classes as table_classes, BAD, BOX, C1, COMMON, CONT, CONT_STRICT, CURRENCY, END, FIRST2,
    FIRST3, FIRST4, KAOMOJI, LAW, LOWER_ACC, LOWER_COMMON, NUMERIC, START, UPPER_ACC, UPPER_COMMON,
};

const ACCENTED: u32 = LOWER_ACC | UPPER_ACC;
const BEFORE_BAD: u32 = BAD | ACCENTED | BOX | START | END | CURRENCY | NUMERIC | LAW;
const AFTER_BAD: u32 = ACCENTED | BOX | START | END | CURRENCY | NUMERIC | LAW;

/// Whether the line holds at least one unlikely sequence.
pub fn is_bad(chars: &[char]) -> bool {
    scan(chars, true) > 0
}

/// How many unlikely sequences the line holds.
pub fn badness(chars: &[char]) -> usize {
    scan(chars, false)
}

fn scan(chars: &[char], first_only: bool) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        // A rule at an ASCII char needs a non-ASCII char one or two places on (no ASCII
        // char is of a class `ascii_rule_at`'s rules ask of the next char, and the others
        // want `Ã` or `Â` there or after a space): in a run of ASCII chars, only the last
        // two can start one, the one before the last only where the last is a space (`[a-z]
        // \s[ÃÂ] `; before any other ASCII char `ascii_rule_at` says no at once, which was
        // ~30 instructions a run). Most of a line is passed so, eight chars a test.
        let end = ascii_end(chars, i);
        if end > i + 1 {
            i = if chars[end - 1].is_whitespace() {
                end - 2
            } else {
                end - 1
            };
        }
        match rule_at(chars, i) {
            Some(len) => {
                count += 1;
                if first_only {
                    return count;
                }
                i += len.max(1);
            }
            None => i += 1,
        }
    }
    count
}

/// [`charclass::classes`](super::charclass::classes); natively, the chars from U+2000 to
/// U+25FF (punctuation, `€`, `™`, box drawing: most chars beyond U+04FF that the scan meets)
/// looked up at once in [`GENERAL_PUNCTUATION_ON`], where the search of the table of chars
/// from U+0500 on took ~35 instructions a char (0.4 M of d300's 88 M). The test
/// `classes_answer_as_the_table` compares every char.
#[inline]
fn classes(c: char) -> u32 {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let u = c as u32;
        if u < 0x500 {
            return super::charclass::LOW[u as usize];
        }
        if let Some(&k) = GENERAL_PUNCTUATION_ON.get(u.wrapping_sub(0x2000) as usize) {
            return k;
        }
    }
    table_classes(c)
}

/// The classes of U+2000–U+25FF, from the table of chars from U+0500 on (native only).
#[cfg(not(target_arch = "wasm32"))]
static GENERAL_PUNCTUATION_ON: [u32; 0x600] = {
    let high = super::charclass::HIGH;
    let mut t = [0u32; 0x600];
    let mut k = 0;
    while k < high.len() {
        let (u, classes) = high[k];
        if u >= 0x2000 && u < 0x2600 {
            t[u as usize - 0x2000] = classes;
        }
        k += 1;
    }
    t
};

fn is_ascii_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The length of the first rule matching at `i`, as ftfy's alternation would pick it.
fn rule_at(s: &[char], i: usize) -> Option<usize> {
    let a = s[i];
    if a.is_ascii() {
        return ascii_rule_at(s, i);
    }
    let ca = classes(a);
    // Every rule below needs a class of `a`, a non-ASCII space or one of a few chars:
    // most letters of most scripts start none, and cost no more lookups.
    if ca == 0 && !starts_literal_rule(a) {
        return None;
    }
    match s.get(i + 1) {
        // Before an ASCII char (most letters of clean text, after the first step too): no
        // ASCII char has a class the rules ask of the second char (a space's is only
        // `CONT`, which none asks), and the chars they name there are all beyond ASCII, so
        // only the C1 rule, `Œ`/`œ` before no ASCII letter and `Ã`/`Â` + space at the line's
        // start can match (`rule_at_full` asks the ~30 others: a test compares them).
        Some(&b) if b.is_ascii() && ca & C1 == 0 => {
            let oe = matches!(a, 'Œ' | 'œ') && !is_ascii_letter(b);
            let start = i == 0 && matches!(a, 'Ã' | 'Â') && b == ' ';
            (oe || start).then_some(2)
        }
        // A letter of the common classes only (Greek, Cyrillic: most chars of a line that
        // the first step wrote in those scripts), no char a rule names: of the ~35 rules only
        // a small letter before a capital with an accent can match (every other rule asks
        // `a` for another class, or to be a space or a char it names). `is_bad` of such a
        // line asked every rule a char (a test compares the two on every such char). Native
        // only: the arm cost the .wasm bytes beyond its budget.
        #[cfg(not(target_arch = "wasm32"))]
        Some(&b) if ca & ASKED_OF_FIRST == 0 && !starts_literal_rule(a) => {
            (ca & LOWER_COMMON != 0 && classes(b) & UPPER_ACC != 0).then_some(2)
        }
        _ => rule_at_full(s, i, a, ca),
    }
}

/// The classes that a rule of [`rule_at_full`] asks of its first char, but for
/// `LOWER_COMMON` (one rule's).
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
const ASKED_OF_FIRST: u32 =
    C1 | BAD | LAW | CURRENCY | START | END | NUMERIC | UPPER_ACC | LOWER_ACC | BOX;

/// [`rule_at`] at a char `a` beyond ASCII, of classes `ca`, past its first tests.
fn rule_at_full(s: &[char], i: usize, a: char, ca: u32) -> Option<usize> {
    let b = s.get(i + 1).copied();
    let cb = b.map_or(0, classes);
    let c = s.get(i + 2).copied();
    let cc = c.map_or(0, classes);
    if ca & C1 != 0 {
        return Some(1);
    }
    let b = b?;
    if ca & BEFORE_BAD != 0 && cb & BAD != 0 {
        return Some(2);
    }
    if ca & BAD != 0 && cb & AFTER_BAD != 0 {
        return Some(2);
    }
    if ca & (LOWER_ACC | LOWER_COMMON | BOX | END | CURRENCY | NUMERIC) != 0 && cb & UPPER_ACC != 0
    {
        return Some(2);
    }
    if ca & (BOX | END | CURRENCY | NUMERIC) != 0 && cb & LOWER_ACC != 0 {
        return Some(2);
    }
    if ca & (LOWER_ACC | BOX | END) != 0 && cb & CURRENCY != 0 {
        return Some(2);
    }
    if cb & UPPER_ACC != 0 && cc & CURRENCY != 0 && a.is_whitespace() {
        return Some(3);
    }
    if ca & (UPPER_ACC | BOX) != 0 && cb & (NUMERIC | LAW) != 0 {
        return Some(2);
    }
    if ca & (ACCENTED | BOX | CURRENCY | END) != 0 && cb & START != 0 && cc & NUMERIC != 0 {
        return Some(3);
    }
    if ca & (ACCENTED | CURRENCY | NUMERIC | BOX | LAW) != 0 && cb & END != 0 && cc & START != 0 {
        return Some(3);
    }
    if ca & (CURRENCY | NUMERIC | BOX) != 0 && cb & START != 0 {
        return Some(2);
    }
    if ca & BOX != 0 && cb & KAOMOJI != 0 {
        return Some(2);
    }
    if ca & (ACCENTED | CURRENCY | NUMERIC | START | END | LAW) != 0 && cb & BOX != 0 {
        return Some(2);
    }
    if ca & BOX != 0 && cb & END != 0 {
        return Some(2);
    }
    if ca & ACCENTED != 0 && cb & (START | END) != 0 && c.is_some_and(is_word) {
        return Some(3);
    }
    if matches!(a, 'Œ' | 'œ') && !is_ascii_letter(b) {
        return Some(2);
    }
    if ca & UPPER_ACC != 0 && b == '°' {
        return Some(2);
    }
    if matches!(a, 'Â' | 'Ã' | 'Î' | 'Ð')
        && (matches!(
            b,
            '€' | 'œ'
                | 'Š'
                | 'š'
                | '¢'
                | '£'
                | 'Ÿ'
                | 'ž'
                | '\u{a0}'
                | '\u{ad}'
                | '®'
                | '©'
                | '°'
                | '·'
                | '»'
                | '–'
                | '—'
                | '´'
        ) || cb & (START | END) != 0)
    {
        return Some(2);
    }
    if a == '×' && matches!(b, '²' | '³') {
        return Some(2);
    }
    if matches!(a, 'Ø' | 'Ù') {
        let arabic = |ch: Option<char>| {
            ch.is_some_and(|ch| {
                classes(ch) & (COMMON | CURRENCY | BAD | NUMERIC | START) != 0
                    || matches!(ch, 'Ÿ' | 'Š' | '®' | '°' | 'µ' | '»')
            })
        };
        if arabic(Some(b))
            && c.is_some_and(|c| matches!(c, 'Ø' | 'Ù'))
            && arabic(s.get(i + 3).copied())
        {
            return Some(4);
        }
    }
    if a == 'à' && matches!(b, '²' | 'µ' | '¹' | '¼' | '½' | '¾') {
        return Some(2);
    }
    if a == '√'
        && matches!(
            b,
            '±' | '∂' | '†' | '≠' | '®' | '™' | '´' | '≤' | '≥' | '¥' | 'µ' | 'ø'
        )
    {
        return Some(2);
    }
    if a == '≈' && matches!(b, '°' | '¢') {
        return Some(2);
    }
    if a == '‚' {
        if b == 'Ä'
            && c.is_some_and(|c| {
                matches!(
                    c,
                    'ì' | 'î' | 'ï' | 'ò' | 'ô' | 'ú' | 'ù' | 'û' | '†' | '°' | '¢' | 'π'
                )
            })
        {
            return Some(3);
        }
        if matches!(b, 'â' | 'ó') && c.is_some_and(|c| matches!(c, 'à' | 'ä' | '°' | 'ê')) {
            return Some(3);
        }
    }
    // Not in ftfy: windows-1253 mojibake of Latin-1 punctuation (`Β·` for `·`).
    if a == 'Β' && matches!(b, '·' | '«' | '»' | '°' | '©' | '®' | '±') {
        return Some(2);
    }
    // Not in ftfy: windows-1251 mojibake of `é`, `ç` (`mГ©dicament`).
    if a == 'Г' && matches!(b, '©' | '§') {
        return Some(2);
    }
    if a == 'в' && b == 'Ђ' {
        return Some(2);
    }
    if matches!(a, 'В' | 'Г' | 'Р' | 'С')
        && (cb & (C1 | BAD | START | END | CURRENCY) != 0 || matches!(b, '°' | 'µ'))
        && c.is_some_and(|c| matches!(c, 'В' | 'Г' | 'Р' | 'С'))
    {
        return Some(3);
    }
    if a == 'Г'
        && b == 'ў'
        && c == Some('В')
        && s.get(i + 3) == Some(&'Ђ')
        && s.get(i + 4) == Some(&'В')
        && s.get(i + 5).is_some()
        && s.get(i + 6)
            .is_some_and(|&c| c.is_ascii_alphabetic() || c == ' ')
    {
        return Some(7);
    }
    // `à` (C3 A0; `Ã¡` is `á`), and Lithuanian `į` (C4 AF) under ISO-8859-13 and windows-1257.
    if (a == 'Ã' && matches!(b, '\u{a0}' | '¡')) || (a == 'Ä' && b == 'Æ') {
        return Some(2);
    }
    if i == 0 && matches!(a, 'Ã' | 'Â') && b == ' ' {
        return Some(2);
    }
    if a == 'β'
        && b == '€'
        && c.is_some_and(|c| matches!(c, '™' | '\u{a0}' | 'Ά' | '\u{ad}' | '®' | '°'))
    {
        return Some(3);
    }
    if matches!(a, 'Β' | 'Γ' | 'Ξ' | 'Ο')
        && (cb & (C1 | BAD | START | END | CURRENCY) != 0 || b == '°')
        && c.is_some_and(|c| matches!(c, 'Β' | 'Γ' | 'Ξ' | 'Ο'))
    {
        return Some(3);
    }
    if a == 'ā' && b == '€' {
        return Some(2);
    }
    if ca & END != 0 && b == 'Â' && c.is_some_and(|c| c == ' ' || classes(c) & (START | END) != 0)
    {
        return Some(3);
    }
    None
}

/// The chars without a class that a rule of [`rule_at`] names as its first char (or
/// matches as a space). Below U+0500 (Latin, Greek, Cyrillic: most chars the scan asks) one
/// bit of [`LITERAL_LOW`], where the Unicode space lookup and the list of chars took ~20
/// instructions a char (the test `literal_rules_answer_as_the_list` compares every char).
/// Native only: the .wasm, short of bytes, asks the list.
#[inline]
fn starts_literal_rule(a: char) -> bool {
    #[cfg(not(target_arch = "wasm32"))]
    if (a as u32) < 0x500 {
        let u = a as u32;
        return LITERAL_LOW[(u >> 6) as usize] >> (u & 63) & 1 == 1;
    }
    starts_literal_rule_listed(a)
}

/// [`starts_literal_rule`] of U+0000–U+04FF as bits (bit `u % 64` of word `u / 64`): the
/// spaces there (the ASCII ones, U+0085 and U+00A0) and the chars the rules name.
#[cfg(not(target_arch = "wasm32"))]
const LITERAL_LOW: [u64; 20] = {
    let mut bits = [0u64; 20];
    let mut u = 0;
    while u < 0x500 {
        let literal = matches!(u, 0x09..=0x0D | 0x20 | 0x85 | 0xA0)
            || matches!(
                u,
                0x152
                    | 0x153
                    | 0xC2
                    | 0xC3
                    | 0xCE
                    | 0xD0
                    | 0xD7
                    | 0xD8
                    | 0xD9
                    | 0xE0
                    | 0x392
                    | 0x393
                    | 0x39E
                    | 0x39F
                    | 0x3B2
                    | 0x413
                    | 0x432
                    | 0x412
                    | 0x420
                    | 0x421
                    | 0x101
            );
        if literal {
            bits[u / 64] |= 1 << (u % 64);
        }
        u += 1;
    }
    bits
};

/// [`starts_literal_rule`] by the Unicode space lookup and the list of chars.
fn starts_literal_rule_listed(a: char) -> bool {
    a.is_whitespace()
        || matches!(
            a,
            'Œ' | 'œ'
                | 'Â'
                | 'Ã'
                | 'Î'
                | 'Ð'
                | '×'
                | 'Ø'
                | 'Ù'
                | 'à'
                | '√'
                | '≈'
                | '‚'
                | 'Β'
                | 'Γ'
                | 'Ξ'
                | 'Ο'
                | 'β'
                | 'Г'
                | 'в'
                | 'В'
                | 'Р'
                | 'С'
                | 'ā'
        )
}

/// Rules whose first char is ASCII.
fn ascii_rule_at(s: &[char], i: usize) -> Option<usize> {
    let a = s[i];
    let b = *s.get(i + 1)?;
    if b.is_ascii() && !b.is_whitespace() {
        return None;
    }
    let cb = classes(b);
    // Every rule below needs a class of `b`, a space, `Ã` or `Â`.
    if cb == 0 && !matches!(b, 'Ã' | 'Â') && !b.is_whitespace() {
        return None;
    }
    let c = s.get(i + 2).copied();
    let cc = c.map_or(0, classes);
    if is_ascii_letter(a) && cb & (LOWER_COMMON | UPPER_COMMON) != 0 && cc & BAD != 0 {
        return Some(3);
    }
    if a.is_whitespace() && cb & UPPER_ACC != 0 && cc & CURRENCY != 0 {
        return Some(3);
    }
    if a.is_ascii_lowercase() && cb & UPPER_ACC != 0 && cc & (START | CURRENCY) != 0 {
        return Some(3);
    }
    if a.is_ascii_lowercase() {
        // [a-z]\s?[ÃÂ][ ]
        if matches!(b, 'Ã' | 'Â') && c == Some(' ') {
            return Some(3);
        }
        if b.is_whitespace()
            && c.is_some_and(|c| matches!(c, 'Ã' | 'Â'))
            && s.get(i + 3) == Some(&' ')
        {
            return Some(4);
        }
    }
    if (a.is_ascii_lowercase() || matches!(a, '.' | ',' | '?' | '!'))
        && b == 'Â'
        && c.is_some_and(|c| c == ' ' || classes(c) & (START | END) != 0)
    {
        return Some(3);
    }
    None
}

/// ftfy's `UTF8_DETECTOR_RE`: the ranges `[start, end)` of `chars` made of one or more
/// sequences that look like a UTF-8 lead byte and its continuation bytes, each read as a
/// single-byte code page (a space may stand for a lost no-break space). A range never
/// starts right after a strict continuation char. (The .wasm's and the tests': natively
/// [`utf8_runs_each`] gives the ranges one by one.)
#[cfg(any(test, target_arch = "wasm32"))]
pub fn utf8_runs(chars: &[char]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    utf8_runs_each(chars, |start, end| runs.push((start, end)));
    runs
}

/// The ranges of [`utf8_runs`], each given to `found` in order, with no vector of them
/// (natively `one_step` asks so: the vector's allocation and free, each line it searched for
/// runs, were 9.8 K of the distinct corpus's 213 K allocations; the .wasm keeps the vector).
pub fn utf8_runs_each(chars: &[char], mut found: impl FnMut(usize, usize)) {
    let mut i = 0;
    loop {
        // ASCII starts no sequence (`ascii_starts_no_sequence`): passed a block at a time.
        i = super::mojibake::ascii_end(chars, i);
        if i >= chars.len() {
            break;
        }
        if i > 0 && classes(chars[i - 1]) & CONT_STRICT != 0 {
            i += 1;
            continue;
        }
        let mut j = i;
        while let Some(len) = sequence_at(chars, j) {
            j += len;
        }
        if j > i {
            found(i, j);
            i = j;
        } else {
            i += 1;
        }
    }
}

fn sequence_at(chars: &[char], i: usize) -> Option<usize> {
    let lead = classes(*chars.get(i)?);
    let cont = |k: usize| {
        chars
            .get(i + k)
            .is_some_and(|&c| c == ' ' || classes(c) & CONT != 0)
    };
    if lead & FIRST2 != 0 && cont(1) {
        return Some(2);
    }
    if lead & FIRST3 != 0 && cont(1) && cont(2) {
        return Some(3);
    }
    if lead & FIRST4 != 0 && cont(1) && cont(2) && cont(3) {
        return Some(4);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::pick;

    #[test]
    fn a_rule_before_ascii_answers_as_every_rule() {
        // Every char beyond ASCII that can start a rule, below U+2600 and the literal ones
        // above, before every ASCII char, then before nothing, a letter, a space or chars
        // the rules name; at the line's start and after a char.
        let firsts: Vec<char> = (0x80..0x2600u32)
            .chain([0x2248, 0x221A, 0x201A, 0xFFFD])
            .filter_map(char::from_u32)
            .filter(|&a| classes(a) != 0 || starts_literal_rule(a))
            .collect();
        let thirds = [
            None,
            Some('a'),
            Some(' '),
            Some('Â'),
            Some('€'),
            Some('В'),
            Some('Ø'),
        ];
        for &a in &firsts {
            for b in (0..0x80u8).map(char::from) {
                for &c in &thirds {
                    for before in [None, Some('x')] {
                        let mut s: Vec<char> = before.into_iter().collect();
                        let i = s.len();
                        s.extend([a, b]);
                        s.extend(c);
                        assert_eq!(
                            rule_at(&s, i),
                            rule_at_full(&s, i, a, classes(a)),
                            "{s:?} at {i}"
                        );
                    }
                }
            }
        }
    }
    #[test]
    fn a_common_letter_answers_as_every_rule() {
        // Every char of the common classes only (no other class a rule asks of the first
        // char, no char a rule names), before every char of a class and some of none, then
        // before nothing or chars the rules name.
        let classed: Vec<char> = (0x80..0x1_0000u32)
            .filter_map(char::from_u32)
            .filter(|&c| classes(c) != 0)
            .collect();
        let firsts = classed
            .iter()
            .filter(|&&a| classes(a) & ASKED_OF_FIRST == 0 && !starts_literal_rule(a));
        let seconds: Vec<char> = classed.iter().copied().chain(['a', ' ', 'ж']).collect();
        let thirds = [None, Some('a'), Some(' '), Some('Â'), Some('€'), Some('Ø')];
        let mut seen = 0;
        for &a in firsts {
            seen += 1;
            for &b in &seconds {
                for &c in &thirds {
                    let mut s = vec![a, b];
                    s.extend(c);
                    assert_eq!(rule_at(&s, 0), rule_at_full(&s, 0, a, classes(a)), "{s:?}");
                }
            }
        }
        assert!(seen > 100, "Greek and Cyrillic letters at least: {seen}");
    }

    use crate::test_rng::xorshift;

    /// `scan` as it was: a rule asked at every char.
    fn scan_every_char(chars: &[char], first_only: bool) -> usize {
        let mut count = 0;
        let mut i = 0;
        while i < chars.len() {
            match rule_at(chars, i) {
                Some(len) => {
                    count += 1;
                    if first_only {
                        return count;
                    }
                    i += len.max(1);
                }
                None => i += 1,
            }
        }
        count
    }

    #[test]
    fn literal_rules_answer_as_the_list() {
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            assert_eq!(
                starts_literal_rule(c),
                starts_literal_rule_listed(c),
                "{c:?}"
            );
        }
    }

    #[test]
    fn classes_answer_as_the_table() {
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            assert_eq!(classes(c), table_classes(c), "{c:?}");
        }
    }

    #[test]
    fn ascii_chars_are_of_no_class_the_rules_ask() {
        // The space is of `CONT` (a lost no-break space, for `utf8_runs`), which no rule of
        // the scan asks.
        for u in 0..0x80u8 {
            assert_eq!(classes(char::from(u)) & !CONT, 0, "{u:#x}");
        }
    }

    #[test]
    fn scan_answers_as_every_char() {
        // Random lines of ASCII (letters, spaces, punctuation) and the chars the rules
        // name: accented letters, `Ã`, `Â`, currency, box drawing, C1 controls, no-break
        // spaces, quotes.
        let mut rng = xorshift(0x5CA1_AB1E);
        let ascii: Vec<char> = "ab z A Z.,?! 0 9\t".chars().collect();
        let other: Vec<char> =
            "ÃÂâ€œ™éèÉ¢£¤¥©®°±µ¶·¿×÷ÐØÞßðøþ╗║╔═ˆ˜ŒœŠšŸŽžƒ\u{80}\u{85}\u{9F}\u{A0}’“”„‚…–—"
                .chars()
                .collect();
        let mut found = [0usize; 2];
        for _ in 0..40_000 {
            let len = (rng() % 24) as usize;
            let chars: Vec<char> = (0..len)
                .map(|_| match rng() % 5 {
                    0 => pick(&other, &mut rng),
                    _ => pick(&ascii, &mut rng),
                })
                .collect();
            for first_only in [false, true] {
                let n = scan(&chars, first_only);
                assert_eq!(n, scan_every_char(&chars, first_only), "{chars:?}");
                found[usize::from(n > 0)] += 1;
            }
        }
        assert!(
            found[0] > 1000 && found[1] > 1000,
            "both answers: {found:?}"
        );
    }

    #[test]
    fn a_c1_control_is_bad() {
        // `Line::run_at` tells the next step a line is bad where its scan stopped at a C1
        // control: every C1 control, anywhere in random lines of ASCII and the chars the
        // rules name (a match before it is one all the same).
        let mut rng = xorshift(0xC1C1_0BAD);
        let ascii: Vec<char> = "ab z A Z.,?! 0 9\t".chars().collect();
        let other: Vec<char> = "ÃÂâ€œ™éèÉ¢£©°×ÐØßðø╗║ŒœŠ\u{A0}’“”…–—ΑαЖж中😀"
            .chars()
            .collect();
        for _ in 0..20_000 {
            let len = (rng() % 24) as usize;
            let mut chars: Vec<char> = (0..len)
                .map(|_| match rng() % 4 {
                    0 => pick(&other, &mut rng),
                    _ => pick(&ascii, &mut rng),
                })
                .collect();
            let c1 = char::from_u32(0x80 + (rng() % 0x20) as u32).unwrap();
            chars.insert((rng() % (len as u64 + 1)) as usize, c1);
            assert!(is_bad(&chars), "{chars:?}");
        }
    }

    fn bad(s: &str) -> usize {
        badness(&s.chars().collect::<Vec<_>>())
    }

    #[test]
    fn flags_mojibake_and_spares_text() {
        assert!(bad("Itâ€™s") > 0, "â€™ is mojibake");
        assert!(bad("Googleā€™s") > 0, "ā€ is Baltic mojibake");
        assert!(
            bad("Р\u{a0}С—РЎР‚Р\u{a0}С‘") > 0,
            "Р С— is windows-1251 mojibake"
        );
        assert_eq!(bad("Grüße aus Köln"), 0, "German is fine");
        assert_eq!(
            bad("ESSE CARA AI QUEM É¿"),
            0,
            "É¿ is a Portuguese typo, not mojibake"
        );
        assert_eq!(bad("Ąžuolas ėjo į mišką"), 0, "Lithuanian is fine");
    }

    /// `utf8_runs` passes ASCII: no ASCII char may lead a sequence.
    #[test]
    fn ascii_starts_no_sequence() {
        for c in (0..0x80u8).map(char::from) {
            assert_eq!(classes(c) & (FIRST2 | FIRST3 | FIRST4), 0, "{c:?}");
        }
    }

    /// [`utf8_runs_each`] gives the ranges [`utf8_runs`] finds, in order, on random lines of
    /// ASCII, spaces and chars that lead or continue a sequence under some page.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn finds_utf8_looking_runs() {
        let chars: Vec<char> = "ok Ã© fine".chars().collect();
        assert_eq!(utf8_runs(&chars), vec![(3, 5)]);
    }
}

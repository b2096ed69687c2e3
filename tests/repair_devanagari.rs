//! The mixed table (windows-1252 below 0xA0, ISO-8859-13 above) writes `„“”` at two bytes
//! each, so a Devanagari letter whose last byte is one of them reads two ways: `ą¤”` is `औ`
//! (E0 A4 94) or `ड` (E0 A4 A1), `ą¤“` is `ओ` (E0 A4 93) or `ऴ` (E0 A4 B4).
#![cfg(not(target_arch = "wasm32"))]

use unspool::repair::codepages::ALL;
use unspool::repair::repair;

fn not_repaired_back(lines: &[&str]) -> Vec<String> {
    let page = ALL
        .iter()
        .find(|p| p.name == "mixed-1252-8859-13")
        .expect("the mixed table");
    let mut failures = Vec::new();
    for &text in lines {
        let damaged = page.decode(text.bytes());
        let fixed = repair(&damaged).text;
        if fixed != text {
            failures.push(format!("{damaged:?} → {fixed:?}, want {text:?}"));
        }
    }
    failures
}

/// A vowel letter (`औ`) starts a word far more often than `ड` does (Hindi's `और`, "and"),
/// while inside a word, after a consonant, `ड` stays (`बड़ा`, "big").
#[test]
fn a_vowel_letter_starts_a_word_a_consonant_follows_one() {
    let lines = ["थोड़ा और", "उसने कहा और चला गया", "यह बड़ा घर है"];
    let failures = not_repaired_back(&lines);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `ऴ` is written only to transliterate Tamil: `ओ` wins, at a word's start and inside one.
#[test]
fn o_over_a_letter_of_transliteration() {
    let lines = ["ओम शांति", "तुम कहाँ जाओगे"];
    let failures = not_repaired_back(&lines);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

//! Twin pages (windows-1250 and ISO-8859-2, windows-1257 and ISO-8859-13) write many letters
//! with different bytes, so a line damaged by one often decodes under the other too, into
//! other letters. The reading that wins is the one likelier in some language written with
//! Latin letters, weighing all the letters of the line together: a Swedish `å` beside `ä`, a
//! Latvian `ī` beside `ā`, a Polish `ż` beside `ó`, where the letter alone would lose to a
//! letter of more languages (`á`, `č`, `ş`).
#![cfg(not(target_arch = "wasm32"))]

use unspool::repair::codepages::ALL;
use unspool::repair::repair;

/// The cases `(page, text)` that do not repair back once damaged by their page.
fn not_repaired_back(cases: &[(&str, &str)]) -> Vec<String> {
    let mut failures = Vec::new();
    for &(name, text) in cases {
        let page = ALL.iter().find(|p| p.name == name).expect("a page of ALL");
        let damaged = page.decode(text.bytes());
        let fixed = repair(&damaged).text;
        if fixed != text {
            failures.push(format!("{name}: {damaged:?} → {fixed:?}, want {text:?}"));
        }
    }
    failures
}

/// Swedish `å` (windows-1250's `ĂĄ`, ISO-8859-2's `ĂĽ`) reads `á` or `ü` under the twin,
/// commoner letters alone; beside Swedish's `ä` the line is Swedish.
#[test]
fn swedish_a_ring_beside_a_umlaut() {
    let cases = [
        ("windows-1250", "sägs vill enligt på nu"),
        ("windows-1250", "Jag går hem nu, det är sent"),
        ("iso-8859-2", "inlägg svårt sig kan en om"),
        ("iso-8859-2", "Jag går hem nu, det är sent"),
    ];
    let failures = not_repaired_back(&cases);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Latvian `ī` (ISO-8859-2's `ÄŤ`) is `č` under windows-1250; beside `ā` the line is Latvian,
/// where `ī` is far commoner than `č`.
#[test]
fn latvian_i_macron_beside_a_macron() {
    let cases = [
        ("iso-8859-2", "bija arī man ārā izskatās kā"),
        ("iso-8859-2", "Rīgā ir daudz skaistu vietu"),
    ];
    let failures = not_repaired_back(&cases);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Polish `ż` (ISO-8859-2's `Ĺź`) is Turkish `ş` under windows-1250; beside `ó` the line is
/// Polish.
#[test]
fn polish_z_dot_beside_o_acute() {
    let cases = [
        ("iso-8859-2", "Który z nich też może"),
        ("iso-8859-2", "Już jutro będzie dobrze"),
    ];
    let failures = not_repaired_back(&cases);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Slovak `ť` (windows-1250's `ĹĄ`) is `š` under ISO-8859-2, and ISO-8859-13's `Å„` is `ń`
/// under windows-1257; beside `ľ` and `ž` the line is Slovak.
#[test]
fn slovak_t_caron_beside_l_caron() {
    let cases = [
        ("windows-1250", "hľadať prácu je ťažké"),
        ("iso-8859-13", "hľadať prácu je ťažké"),
    ];
    let failures = not_repaired_back(&cases);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

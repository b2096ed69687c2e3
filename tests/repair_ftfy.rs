//! ftfy's own test cases (`corpus/ftfy/cases.jsonl`, from rspeer/python-ftfy, Apache-2.0),
//! scored as `ftfy-eval --target loose` scores them: curly and straight quotes, full-width
//! and ASCII forms count as equal (unspool keeps typographic quotes on purpose).
#![cfg(not(target_arch = "wasm32"))] // native only: reads files, runs the CLI; the wasm smoke test is tests/wasm.rs

use serde_json::Value;
use unspool::repair::repair;

#[path = "support/corpus.rs"]
mod corpus_dir;
use corpus_dir::corpus;

fn cases() -> Vec<Value> {
    let text = std::fs::read_to_string(corpus().join("ftfy/cases.jsonl"))
        .expect("the ftfy cases are in the corpus");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("each line is a JSON object"))
        .collect()
}

fn loose(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2018}'..='\u{201B}' => '\'',
            '\u{201C}'..='\u{201F}' => '"',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn field<'a>(case: &'a Value, name: &str) -> &'a str {
    case[name].as_str().expect("cases have string fields")
}

/// What ftfy-eval's `--double` feeds: the UTF-8 bytes of the text read as Latin-1.
fn double(s: &str) -> String {
    s.bytes().map(char::from).collect()
}

#[test]
fn passes_every_case_ftfy_passes() {
    let mut failures = Vec::new();
    for case in cases().iter().filter(|c| field(c, "expect") == "pass") {
        let got = repair(field(case, "original")).text;
        if loose(&got) != loose(field(case, "fixed")) {
            failures.push(format!("{}: got {got:?}", field(case, "id")));
        }
    }
    assert!(
        failures.is_empty(),
        "cases not repaired as ftfy does:\n{}",
        failures.join("\n")
    );
}

#[test]
fn passes_every_case_damaged_once_more() {
    let mut failures = Vec::new();
    for case in cases().iter().filter(|c| field(c, "expect") == "pass") {
        let got = repair(&double(field(case, "original"))).text;
        if loose(&got) != loose(field(case, "fixed")) {
            failures.push(format!("{}: got {got:?}", field(case, "id")));
        }
    }
    assert!(
        failures.is_empty(),
        "double-encoded cases not repaired:\n{}",
        failures.join("\n")
    );
}

#[test]
fn fixes_some_of_ftfys_known_failures() {
    let cases = cases();
    let fixed: Vec<&str> = cases
        .iter()
        .filter(|c| field(c, "expect") == "fail")
        .filter(|c| loose(&repair(field(c, "original")).text) == loose(field(c, "fixed")))
        .map(|c| field(c, "id"))
        .collect();
    assert!(
        fixed.len() >= 6,
        "at least 6 of ftfy's known failures fixed, got {fixed:?}"
    );
}

#[test]
fn all_cases_as_one_document_do_not_panic_and_mostly_repair() {
    // Regression: a document-wide page without droppable bytes made lost-byte recovery
    // index an empty list.
    let cases = cases();
    let pass: Vec<&Value> = cases
        .iter()
        .filter(|c| field(c, "expect") == "pass")
        .collect();
    let doc: Vec<&str> = pass.iter().map(|c| field(c, "original")).collect();
    let got = repair(&doc.join("\n")).text;
    let ok = got
        .split('\n')
        .zip(&pass)
        .filter(|(g, c)| loose(g) == loose(field(c, "fixed")))
        .count();
    assert!(
        ok * 100 >= pass.len() * 95,
        "{ok} of {} repaired in one document",
        pass.len()
    );
}

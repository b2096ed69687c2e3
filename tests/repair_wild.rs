//! Real mojibake found in public code and pages (`corpus/pastes/mojibake-in-the-wild.txt`):
//! each line must repair to the intended text noted beside it. The expected file,
//! `tests/fixtures/repair/mojibake-in-the-wild.expected.txt`, was written from those
//! notes by hand, line for line.
#![cfg(not(target_arch = "wasm32"))] // native only: reads files, runs the CLI; the wasm smoke test is tests/wasm.rs

use unspool::repair::repair;

fn corpus_file(name: &str) -> String {
    let near = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
    let dir = if std::path::Path::new(near).exists() {
        near
    } else {
        "/work/shared/corpus"
    };
    std::fs::read_to_string(format!("{dir}/pastes/{name}")).expect("the corpus file exists")
}

/// Lines whose intended text cannot be recovered from what is left: `━` is E2 94 81 and
/// windows-1257 kept only the E2 (`ā`), so `āāā` could as well be `———`. They must come
/// out as they went in rather than as a wrong guess.
const UNRECOVERABLE: &[&str] = &["āāā Message 1/2 āāā"];

#[test]
fn wild_fragments_repair_to_the_intended_text() {
    let input = corpus_file("mojibake-in-the-wild.txt");
    let expected_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/repair/mojibake-in-the-wild.expected.txt"
    );
    let expected = std::fs::read_to_string(expected_path).expect("the expected file exists");
    let got = repair(&input).text;
    assert_eq!(
        got.lines().count(),
        input.lines().count(),
        "one line out per line in"
    );
    for ((line, want), pasted) in got.lines().zip(expected.lines()).zip(input.lines()) {
        if UNRECOVERABLE.iter().any(|u| pasted.starts_with(u)) {
            assert_eq!(line, pasted, "an unrecoverable line is left as it was");
        } else {
            assert_eq!(
                line, want,
                "{pasted:?} should repair to the text noted beside it"
            );
        }
    }
}

#[test]
fn wild_fragments_repair_one_line_at_a_time_too() {
    let input = corpus_file("mojibake-in-the-wild.txt");
    for (line, want) in [
        (
            "echo \"âŒ Could not extract tweet ID\"",
            "echo \"❌ Could not extract tweet ID\"",
        ),
        ("# üßµ Thread Scraping", "# 🧵 Thread Scraping"),
        (
            "log_event(\"ğŸ”’ Quote post skipped\")",
            "log_event(\"🔒 Quote post skipped\")",
        ),
        (
            "URLs = 23 chars Β· Emojis = 2 chars",
            "URLs = 23 chars · Emojis = 2 chars",
        ),
        (
            "tweet segments โ each within the limit",
            "tweet segments — each within the limit",
        ),
    ] {
        let head: String = line.chars().take(8).collect();
        assert!(input.contains(&head), "the case comes from the corpus");
        assert_eq!(
            repair(line).text,
            want,
            "{line:?} alone, without the document's evidence"
        );
    }
}

//! Repair is idempotent and reports bulk changes once: repairing repaired text changes
//! nothing, on every input the corpus and the fixtures hold; repair never produces an
//! unassigned code point; a CRLF paste gives one line-ending repair, not one per line.
#![cfg(not(target_arch = "wasm32"))] // native only: reads files; the wasm smoke test is tests/wasm.rs

use unspool::repair::repair;

#[path = "support/corpus.rs"]
mod corpus_dir;
use corpus_dir::corpus;

/// Every text the corpus and the repair fixtures hold: each paste, each line of a paste,
/// each ftfy case (original and fixed), each fixture line.
fn inputs() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add_file = |label: String, text: String| {
        for (k, line) in text.lines().enumerate() {
            out.push((format!("{label} line {}", k + 1), line.to_owned()));
        }
        out.push((label, text));
    };
    let pastes = corpus().join("pastes");
    let mut names: Vec<_> = std::fs::read_dir(&pastes)
        .expect("the corpus pastes are readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    names.sort();
    for p in names {
        if let Ok(text) = std::fs::read_to_string(&p) {
            add_file(p.display().to_string(), text);
        }
    }
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/repair");
    if let Ok(dir) = std::fs::read_dir(fixtures) {
        for e in dir.filter_map(Result::ok) {
            if let Ok(text) = std::fs::read_to_string(e.path()) {
                add_file(e.path().display().to_string(), text);
            }
        }
    }
    let cases = std::fs::read_to_string(corpus().join("ftfy/cases.jsonl"))
        .expect("the ftfy cases are in the corpus");
    for (k, line) in cases.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON object per line");
        for field in ["original", "fixed"] {
            if let Some(s) = v[field].as_str() {
                out.push((format!("ftfy case {k} {field}"), s.to_owned()));
            }
        }
    }
    out
}

#[test]
fn repairing_repaired_text_changes_nothing() {
    let mut failures = Vec::new();
    for (label, text) in inputs() {
        let once = repair(&text);
        let twice = repair(&once.text);
        if twice.text != once.text {
            failures.push(format!(
                "{label}: {:?} → {:?} → {:?}",
                text, once.text, twice.text
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "repair must be idempotent; {} inputs change again:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn repair_never_produces_unassigned_code_points() {
    // The fuzz finding: `ðš€ ` read as windows-1252 gave U+1A020, which is unassigned.
    let paste = "\u{f0}\u{161}\u{20ac} \u{f0}\u{178}\n\u{101}\u{20ac}\n\u{fffd}\u{101}";
    let out = repair(paste).text;
    assert!(
        !out.contains('\u{1A020}'),
        "an unassigned code point is no reading of mojibake: {out:?}"
    );
    for (label, text) in inputs() {
        let out = repair(&text).text;
        for c in out.chars() {
            if !unspool::repair::mojibake::assigned(c) {
                assert!(
                    text.contains(c),
                    "{label}: repair made the unassigned U+{:04X}",
                    c as u32
                );
            }
        }
    }
}

#[test]
fn a_crlf_paste_gives_one_line_ending_repair() {
    let paste = "a line of the thread, pasted from Windows\r\n".repeat(10_000);
    let r = repair(&paste);
    assert_eq!(
        r.text,
        "a line of the thread, pasted from Windows\n".repeat(10_000),
        "every CRLF becomes LF"
    );
    let endings: Vec<_> = r
        .repairs
        .iter()
        .filter(|x| x.kind == "line_ending")
        .collect();
    assert_eq!(endings.len(), 1, "one line-ending repair for the document");
    assert_eq!(endings[0].at, 41, "at the first line ending");
    assert_eq!(endings[0].from, "\r\n");
    assert_eq!(endings[0].to, "\n");
    assert_eq!(
        endings[0].count, 10_000,
        "the repair says how many endings changed"
    );
    let json = serde_json::to_string(&r.repairs).expect("repairs serialise");
    assert!(json.len() < 200, "the repairs' JSON stays small: {json}");
    assert!(
        json.contains("\"count\":10000"),
        "the count is in the JSON: {json}"
    );
}

#[test]
fn crlf_and_cr_are_one_repair_each_and_a_single_change_has_no_count() {
    let r = repair("one\r\ntwo\rthree\r\nfour\rfive");
    assert_eq!(r.text, "one\ntwo\nthree\nfour\nfive");
    let endings: Vec<_> = r
        .repairs
        .iter()
        .map(|x| (x.at, x.from.as_str(), x.count))
        .collect();
    assert_eq!(
        endings,
        vec![(3, "\r\n", 2), (7, "\r", 2)],
        "one repair per kind of line ending, at its first place"
    );
    let one = repair("a\r\nb");
    let json = serde_json::to_string(&one.repairs).expect("repairs serialise");
    assert!(
        !json.contains("count"),
        "a change made once has no count in the JSON: {json}"
    );
}

#[test]
fn stray_controls_are_one_repair_each_kind_and_zero_width_spaces_stay_per_place() {
    let paste = "a\u{0}b".repeat(5_000);
    let r = repair(&paste);
    assert_eq!(r.text, "ab".repeat(5_000), "NUL bytes go");
    assert_eq!(
        r.repairs.len(),
        1,
        "one repair for 5,000 NULs: {:?}",
        &r.repairs[..r.repairs.len().min(3)]
    );
    assert_eq!(r.repairs[0].kind, "control");
    assert_eq!(r.repairs[0].at, 1);
    assert_eq!(r.repairs[0].count, 5_000);
    let r = repair("a\u{200B}b c\u{200B}d");
    assert_eq!(r.text, "ab cd");
    assert_eq!(
        r.repairs.iter().map(|x| x.at).collect::<Vec<_>>(),
        vec![1, 4],
        "each zero-width space is its own repair (it may have been meant)"
    );
}

/// The fuzz finding (`crash-4ef50f38…`, reduced by hand to five lines): the page a document
/// is read in is inferred from its bad lines. Three lines read as the mixed
/// windows-1252/ISO-8859-13 page (`ā€™` → `’`), so repair fixed them and left the lone Thai
/// `โ` in `tโo` (windows-874 with its continuation bytes dropped is taken only when
/// windows-874 is the document's page, since the `��` stays bad). In the repaired text only
/// the Thai lines were still bad, they made windows-874 the page, and a second repair
/// changed `tโo` to `t’o`. Repair now repairs the lines again under the page the repaired
/// text gives, so the first repair already says what the second would.
#[test]
fn a_page_inferred_from_the_lines_left_bad_changes_nothing_on_a_second_repair() {
    let paste = "me t\u{e42}o create a passkey\u{fffd}\u{fffd}\n\
                 Google\u{101}\u{20ac}\u{2122}s leaked doc\n\
                 \u{101}\u{20ac}\u{153}We have no moat\u{101}\u{20ac}\n\
                 \u{101}\u{20ac}\u{153}in their garage\u{101}\u{20ac}\n\
                 me t\u{e42}o create a passkey\u{fffd}\u{fffd}";
    let once = repair(paste);
    let lines: Vec<&str> = once.text.lines().collect();
    assert_eq!(
        lines[1..4],
        [
            "Google\u{2019}s leaked doc",
            "\u{201c}We have no moat\u{201d}",
            "\u{201c}in their garage\u{201d}"
        ],
        "the mixed windows-1252/ISO-8859-13 lines are repaired as before"
    );
    let twice = repair(&once.text);
    assert_eq!(
        twice.text, once.text,
        "repairing the repaired text must change nothing (the lone Thai char is read once, \
         the same way both times)"
    );
}

/// A finding of the repair fuzz target (2026-11-28): a line with lost bytes (U+FFFD) in it
/// may read a space as a lost 0xA0, and windows-1251 writes `Р` (D0 A0 in UTF-8) as D0: so
/// `Р` + space read as `Р`, the space gone, on the second repair of a line the first had
/// made `Р` + space (`Å` + space read under another page). A reading that gives back the char
/// it starts from changes nothing but the space it swallows, and is no reading.
#[test]
fn a_letter_that_is_its_own_lead_keeps_the_space_after_it() {
    let line = "   \u{420} \"selec\u{fffd}\u{fffd} box-drawing)";
    let once = repair(line);
    assert_eq!(once.text, line, "nothing to repair: the space stays");
    let fuzzed = "   \u{c5} \"selec\u{fffd}\u{fffd} box-drawing)\n\u{420} \"a\u{fffd}\u{fffd}";
    let once = repair(fuzzed);
    assert_eq!(
        repair(&once.text).text,
        once.text,
        "repairing again changes nothing"
    );
}

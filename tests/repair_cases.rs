//! Repair behaviour pinned by `tests/fixtures/repair/cases.txt`.
#![cfg(not(target_arch = "wasm32"))] // native only: reads files, runs the CLI; the wasm smoke test is tests/wasm.rs

use unspool::repair::repair;

#[test]
fn fixture_cases() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/repair/cases.txt"
    );
    let text = std::fs::read_to_string(path).expect("the cases fixture is readable");
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with("# ")).collect();
    assert_eq!(lines.len() % 3, 0, "cases come in threes");
    for case in lines.chunks(3) {
        let what = case[0].trim_start_matches("## ");
        let input: String = serde_json::from_str(case[1]).expect("input is a JSON string");
        let want: String = serde_json::from_str(case[2]).expect("expected is a JSON string");
        let got = repair(&input);
        assert_eq!(got.text, want, "{what}");
        if input == want {
            assert!(
                got.repairs.is_empty(),
                "{what}: nothing to report: {:?}",
                got.repairs
            );
        } else {
            assert!(!got.repairs.is_empty(), "{what}: every change is reported");
        }
    }
}

#[test]
fn repairs_report_from_to_and_utf16_offsets() {
    let r = repair("🧵 a &amp; Itâ€™s");
    assert_eq!(r.text, "🧵 a & It’s");
    let got: Vec<(usize, &str, &str, &str)> = r
        .repairs
        .iter()
        .map(|x| (x.at, x.from.as_str(), x.to.as_str(), x.kind.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![(5, "&amp;", "&", "entity"), (9, "â€™", "’", "mojibake")],
        "offsets count UTF-16 units of the repaired text (🧵 is two)"
    );
}

#[test]
fn never_panics_on_hostile_input() {
    let junk: String = (0u32..0x3000).filter_map(char::from_u32).collect();
    let _ = repair(&junk);
    let _ = repair(&"Ã".repeat(10_000));
    let _ = repair(&"šŸ".repeat(5_000));
    let _ = repair(&"&#x110000; &#99999999999; &; &#; &#x;".repeat(100));
    assert_eq!(repair("").text, "");
}

#[test]
fn never_panics_on_random_mojibake_soup() {
    // Chars that code pages map UTF-8 bytes to, plus spaces, quotes, emoji and controls.
    let alphabet: Vec<char> = "âÃÂÅÄĀāšŸ€™œ”“„‚ƒ†‡ˆ‰Š‹ŒŽ‘’•–—˜›žÐðÑñØÙíïìÎ¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ГРСВвЂµ√≈∆ΒΓΞΟ├┤┬┼┐│โเ \u{a0}\u{ad}\u{85}\u{9d}\u{81}?&;#🔥🧵♀\u{fe0f}\u{200d}é\u{301}\r\n\u{1b}[m\u{fffd}".chars().collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let len = (next() % 48) as usize;
        let s: String = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        let r = repair(&s);
        let units = r.text.encode_utf16().count();
        for x in &r.repairs {
            assert!(
                x.at <= units,
                "{s:?}: repair offset {} past the end {units}",
                x.at
            );
            assert!(
                (0.0..=1.0).contains(&x.confidence),
                "{s:?}: confidence in 0..=1"
            );
        }
    }
}

/// Regression: a page-load panic found by the embed demo (an index past the end of a line in
/// the lost-byte search when a short damaged line followed another).
#[test]
fn short_damaged_lines_after_each_other_do_not_panic() {
    for input in ["Ÿµ\nÂ°n", "Ÿµ\nÂ°", "šŸ\nÂ°n", "Â\nŸ"] {
        let r = repair(input);
        assert_eq!(
            r.text.lines().count(),
            input.lines().count(),
            "{input:?}: repair keeps the lines"
        );
        assert_eq!(
            repair(&r.text).text,
            r.text,
            "{input:?}: repair is idempotent"
        );
    }
}

/// A paste repeats lines (the author's name and a separator on every post, damaged alike):
/// each copy is repaired as the first was, with its own repairs at its own offsets.
#[test]
fn repeated_lines_repair_alike_at_their_own_offsets() {
    let name = "JosÃ© GarcÃ\u{AD}a"; // í in UTF-8 (C3 AD) read as windows-1252
    let body = "Itâ€™s broken by a copy through windows-1252 ðŸ”¥";
    let entity = "Tom &amp; Jerry";
    let lines = [
        name, "@jose", body, "12", name, entity, body, "🧵 1/", name, entity,
    ];
    let r = repair(&lines.join("\n"));
    let want = |l: &str| {
        match l {
            l if l == name => "José García",
            l if l == body => "It’s broken by a copy through windows-1252 🔥",
            l if l == entity => "Tom & Jerry",
            l => l,
        }
        .to_owned()
    };
    let wanted: Vec<String> = lines.iter().map(|l| want(l)).collect();
    assert_eq!(r.text, wanted.join("\n"), "every copy is repaired");
    // Each line's repairs, offsets made relative to the line's start.
    let units: Vec<u16> = r.text.encode_utf16().collect();
    let mut start = 0;
    let mut per_line = Vec::new();
    for line in &wanted {
        let end = start + line.encode_utf16().count();
        let mine: Vec<(usize, String, String, String)> = r
            .repairs
            .iter()
            .filter(|x| x.at >= start && x.at < end.max(start + 1))
            .map(|x| {
                let n = x.to.as_str().encode_utf16().count();
                assert_eq!(
                    String::from_utf16_lossy(&units[x.at..x.at + n]),
                    x.to.as_str(),
                    "{x:?}: `at` points at the repaired text"
                );
                (
                    x.at - start,
                    x.from.as_str().to_owned(),
                    x.to.as_str().to_owned(),
                    x.kind.as_str().to_owned(),
                )
            })
            .collect();
        per_line.push(mine);
        start = end + 1;
    }
    for (k, line) in lines.iter().enumerate() {
        let first = lines
            .iter()
            .position(|l| l == line)
            .expect("the line is there");
        assert_eq!(
            per_line[k], per_line[first],
            "{line:?} (line {k}) as its first copy"
        );
    }
    assert_eq!(per_line[0].len(), 2, "é and í in the name");
    assert_eq!(per_line[2].len(), 2, "’ and 🔥 in the body");
    assert_eq!(per_line[5].len(), 1, "the entity");
    assert_eq!(
        r.repairs.len(),
        3 * 2 + 2 * 2 + 2,
        "every copy reports its repairs"
    );
}

/// One symbol, the line's only damage, from three chars standing as a word of their own: no
/// word of any language is those three chars, so the line is read (`✓` U+2713 is E2 9C 93,
/// windows-1251's `в њ “`; `★` U+2605 is E2 98 85, MacRoman's `‚ ò Ö`; `⚷` U+26B7 is E2 9A B7,
/// windows-1252's `â š ·`; `≤` U+2264 is E2 89 A4, windows-1252's `â ‰ ¤`). Glued to a letter
/// the three chars may be part of a word, and stay.
#[test]
fn a_symbol_alone_in_a_line_is_read() {
    for (pasted, want) in [
        ("Done вњ“ today", "Done ✓ today"),
        ("ok (вњ“) yes", "ok (✓) yes"),
        ("rated ‚òÖ by us", "rated ★ by us"),
        ("ok âš· today", "ok ⚷ today"),
        ("5 â‰¤ 7", "5 ≤ 7"),
        ("abcвњ“ today", "abcвњ“ today"),
        ("ok вњ“d", "ok вњ“d"),
    ] {
        assert_eq!(repair(pasted).text, want, "{pasted:?}");
    }
}

/// The mixed table (windows-1252 below 0xA0, ISO-8859-13 above) writes `„` as 0x84 and 0xA5,
/// ISO-8859-13 as 0xA5 only. Croatian `priče` (`č` C4 8D) damaged twice by the mixed table is
/// `priĆ„Ā` + U+008D + `e`: ISO-8859-13 reads `priå` + U+008D + `e` (C3 A5: a dead end, E5 8D
/// with no third byte), the mixed table `priÄ` + U+008D + `e` (C3 84), which is `priče`
/// again. Where neither reading is damage again, ISO-8859-13's stays: Swedish `på` (`å` C3 A5)
/// written by it is `pĆ„`.
#[test]
fn the_mixed_tables_reading_that_is_damage_again_beats_a_dead_end() {
    assert_eq!(
        repair("priĆ„Ā\u{8d}e mogli ih je bi grad").text,
        "priče mogli ih je bi grad"
    );
    assert_eq!(repair("jag bor pĆ„ landet").text, "jag bor på landet");
}

/// windows-1253 and windows-1257 have no char for 0x9F, the second byte of nearly every emoji,
/// and copying drops what the page could not show: `📻` (F0 9F 93 BB) is `π“»` under the
/// one (F0 `π`, 93 `“`, BB `»`) and `š“»` under the other (F0 `š`). Put back, the bytes read
/// as the emoji, reported as a lost byte with a confidence below 1. Touching a letter, the
/// page's F0 is a letter of a word and stays (Greek `απ’`, Lithuanian `šios`).
#[test]
fn an_emoji_whose_0x9f_was_dropped_is_read() {
    for (pasted, want) in [
        ("ok π“» today", "ok 📻 today"),
        ("ok š“» today", "ok 📻 today"),
        ("απ’ το σπίτι", "απ’ το σπίτι"),
        ("šios “Kas” ir", "šios “Kas” ir"),
    ] {
        let r = repair(pasted);
        assert_eq!(r.text, want, "{pasted:?}");
        if pasted != want {
            assert_eq!(r.repairs.len(), 1, "{pasted:?}");
            assert_eq!(r.repairs[0].kind, "lost_bytes");
            assert!(r.repairs[0].confidence < 1.0);
        }
    }
}

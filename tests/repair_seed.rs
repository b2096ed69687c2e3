//! The project's defining example, `corpus/pastes/seed-google-moat.txt`: UTF-8 read with
//! windows-1252's C1 row and ISO-8859-13 above it, with bytes lost in copying. What it
//! must become is written in `corpus/pastes/README.md`.
#![cfg(not(target_arch = "wasm32"))] // native only: reads files, runs the CLI; the wasm smoke test is tests/wasm.rs

use unspool::repair::repair;

fn seed() -> String {
    let near = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
    let dir = if std::path::Path::new(near).exists() {
        near
    } else {
        "/work/shared/corpus"
    };
    std::fs::read_to_string(format!("{dir}/pastes/seed-google-moat.txt"))
        .expect("the seed is in the corpus")
}

#[test]
fn seed_reads_as_written() {
    let r = repair(&seed());
    for junk in ["š", "Ÿ", "ā€", "Ā"] {
        assert!(
            !r.text.contains(junk),
            "no {junk:?} may be left in:\n{}",
            r.text
        );
    }
    for want in [
        "🔥 If you read one thing about AI this week, let it be Google’s leaked doc",
        "“We have no moat, and neither does OpenAI”",
        "Some quotes 🧵",
        "on top of it 🥲",
        "— There have been rumors",
        "Read more in this thread🧵",
        "“If you can’t beat ‘m, join ‘m”?",
        "“tinkerers” are training",
    ] {
        assert!(
            r.text.contains(want),
            "the seed should read {want:?}:\n{}",
            r.text
        );
    }
    assert_eq!(
        r.code_page,
        Some("mixed-1252-8859-13"),
        "the damaging page is inferred"
    );
}

#[test]
fn seed_lost_emoji_are_uncertain_with_cow_and_factory_offered() {
    let r = repair(&seed());
    let uncertain: Vec<_> = r
        .repairs
        .iter()
        .filter(|x| x.from == "šŸ„" || x.from == "šŸ")
        .collect();
    assert_eq!(
        uncertain.len(),
        2,
        "both damaged emoji are reported: {:?}",
        r.repairs
    );
    for (x, want) in uncertain.iter().zip(["🐄", "🏭"]) {
        assert!(x.confidence < 1.0, "{:?} is a guess", x.from);
        assert_eq!(x.kind, "lost_bytes");
        assert!(
            x.to == want || x.alternatives.iter().any(|a| a == want),
            "{want} is offered for {:?}: {x:?}",
            x.from
        );
    }
}

#[test]
fn seed_repairs_point_at_the_repaired_text() {
    let r = repair(&seed());
    let units: Vec<u16> = r.text.encode_utf16().collect();
    for x in &r.repairs {
        let n = x.to.encode_utf16().count();
        let at = String::from_utf16(&units[x.at..x.at + n]).expect("offsets fall on chars");
        assert_eq!(at, x.to.as_str(), "`at` {} points at {:?}", x.at, x.to);
    }
}

//! `format_repaired` (the pipeline without repair, used by the page after a person picks
//! another reading of a repair) must agree with `format` on everything but `repairs`.

use std::path::PathBuf;
use unspool::{format, format_repaired, repair::repair, Options};

fn corpus() -> PathBuf {
    let beside = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"));
    if beside.exists() {
        beside
    } else {
        PathBuf::from("/work/shared/corpus")
    }
}

#[test]
fn agrees_with_format_on_every_corpus_paste() {
    let dir = corpus().join("pastes");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("the corpus pastes are readable") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let input = std::fs::read_to_string(&path).expect("a paste is UTF-8 text");
        let options = Options::default();
        let mut full = format(&input, &options);
        let without = format_repaired(&repair(&input).text, &options);
        full.repairs.clear();
        assert_eq!(
            without,
            full,
            "{}: format_repaired(repaired text) must equal format(paste) but for repairs; \
             update format_repaired when format changes",
            path.display()
        );
        seen += 1;
    }
    assert!(seen > 5, "the corpus pastes were found");
}

#[test]
fn keeps_a_reading_the_repair_stage_would_change() {
    let t = format_repaired("Itâ€™s kept as pasted", &Options::default());
    assert_eq!(t.posts[0].text, "Itâ€™s kept as pasted");
    assert!(t.repairs.is_empty());
}

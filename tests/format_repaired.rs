//! `format_repaired`: the pipeline without its repair stage, used by the page after a person
//! picks another reading of a repair. (`format` is `repair` then `format_repaired`.)
#![cfg(not(target_arch = "wasm32"))]

use unspool::{format, format_repaired, Options};

#[test]
fn keeps_a_reading_the_repair_stage_would_change() {
    let t = format_repaired("Itâ€™s kept as pasted", &Options::default());
    assert_eq!(
        t.posts[0].text, "Itâ€™s kept as pasted",
        "a reading the person picked is not repaired again"
    );
    assert!(t.repairs.is_empty(), "no repair stage, no repairs");
    let full = format("Itâ€™s kept as pasted", &Options::default());
    assert_eq!(
        full.posts[0].text, "It’s kept as pasted",
        "format still repairs"
    );
}

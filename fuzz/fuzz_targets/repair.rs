//! Repair: no panic; idempotent; bounded; no C0 control junk left; offsets inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let once = unspool::repair::repair(&input);
    unspool_fuzz::assert_bounded("repair", &once.text, input.len());
    let utf16_len = once.text.encode_utf16().count();
    for r in &once.repairs {
        assert!(r.at <= utf16_len, "repair at {} is beyond the text ({utf16_len})", r.at);
    }
    // Tab, newline and form feed are kept, as ftfy keeps them (fuzz finding: form feed).
    assert!(
        !once
            .text
            .chars()
            .any(|c| c.is_ascii_control() && !matches!(c, '\n' | '\t' | '\u{c}')),
        "no C0 control but tab, newline and form feed survives repair: {:?}",
        once.text
    );
    let twice = unspool::repair::repair(&once.text);
    assert_eq!(
        twice.text, once.text,
        "repair is idempotent: repairing {:?} again changed it",
        once.text
    );
});

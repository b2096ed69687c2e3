//! Property tests for entities: on any input, the spans join back to the text, entities come
//! out as they appear, and nothing panics.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use unspool::entities::{extract, spans};
use unspool::Span;

/// Text biased towards what entity scanners look at: dots, at signs, hashes, dollars, slashes,
/// parentheses, scheme prefixes, TLD-like words, non-ASCII letters and marks.
fn tricky() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("http://".to_string()),
            Just("https://".to_string()),
            Just("xn--".to_string()),
            Just("t.co/".to_string()),
            "[a-z]{1,6}",
            "(com|org|jp|co|social|みんな|中国)",
            "[.@#$/():?&=_\\-＠＃。 \n]",
            "[\u{300}-\u{36f}\u{fe0f}\u{200d}\u{20e3}]",
            "[\u{3040}-\u{30ff}\u{0600}-\u{06ff}\u{0900}-\u{097f}]{1,3}",
            any::<char>().prop_map(String::from),
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn spans_join_back_to_the_input(text in tricky()) {
        let joined: String = spans(&text).iter().map(Span::text).collect();
        prop_assert_eq!(joined, text);
    }

    #[test]
    fn entities_are_pieces_of_the_text(text in tricky()) {
        let e = extract(&text);
        for u in &e.urls {
            prop_assert!(text.contains(u.as_str()), "{:?} should be in the text", u);
        }
        for (sigil, list) in [('@', &e.mentions), ('#', &e.hashtags), ('$', &e.cashtags)] {
            for item in list {
                prop_assert!(item.starts_with(sigil), "{:?} should start with {}", item, sigil);
            }
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let _ = spans(&text);
        let _ = unspool::compose::count(&text, unspool::compose::Target::X, None);
        let _ = unspool::compose::split(
            &text,
            unspool::compose::Target::Bluesky,
            &unspool::compose::SplitOptions { limit: Some(20), ..Default::default() },
        );
    }
}

//! Property tests for compose: for random text in many scripts, with emoji, links, mentions
//! and hashtags, every post fits, no word is lost or reordered, and no link, mention, hashtag
//! or grapheme cluster is cut.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use unspool::compose::{count, grapheme_len, split, ComposeNumbering, SplitOptions, Target};

/// Words from many scripts, emoji sequences and entities.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z]{1,12}",
        "[а-яА-Я]{1,10}",
        "[α-ω]{1,10}",
        "[\u{4e00}-\u{4e80}]{1,8}",
        "[\u{0627}-\u{064a}]{1,8}",
        "[\u{0915}-\u{0939}][\u{093e}-\u{094c}]?",
        Just("👍🏽".to_string()),
        Just("👨‍👩‍👧‍👦".to_string()),
        Just("🇫🇷".to_string()),
        Just("1️⃣".to_string()),
        Just("e\u{301}".to_string()),
        Just("end.".to_string()),
        Just("Why?".to_string()),
        "https://[a-z]{3,10}\\.(com|org|social)/[a-z0-9]{0,40}",
        "[a-z]{3,8}\\.(com|net|io)",
        "@[a-z_]{1,12}",
        "@[a-z]{1,8}@(mastodon\\.social|hachyderm\\.io)",
        "@[a-z]{1,8}\\.bsky\\.social",
        "#[a-zA-Z]{1,12}",
        "\\$[A-Z]{1,5}",
    ]
}

/// Words joined by spaces, line breaks, blank lines and the odd manual marker.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            word(),
            prop_oneof![
                8 => Just(" "),
                1 => Just("\n"),
                1 => Just("\n\n"),
                1 => Just(" "),
            ],
        ),
        0..160,
    )
    .prop_map(|parts| parts.into_iter().map(|(w, s)| w + s).collect())
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        Just(Target::X),
        Just(Target::Bluesky),
        Just(Target::Mastodon),
        Just(Target::Threads),
    ]
}

fn numbering() -> impl Strategy<Value = ComposeNumbering> {
    prop_oneof![
        Just(ComposeNumbering::None),
        Just(ComposeNumbering::Slash),
        Just(ComposeNumbering::Paren),
        Just(ComposeNumbering::Dot),
        Just(ComposeNumbering::Thread),
    ]
}

/// The post's body without its numbering.
fn strip(text: &str, numbering: ComposeNumbering, n: usize, total: usize) -> String {
    let body = match numbering {
        ComposeNumbering::None => Some(text),
        _ if total == 1 => Some(text),
        ComposeNumbering::Slash => text.strip_suffix(&format!(" {n}/{total}")),
        ComposeNumbering::Paren => text.strip_suffix(&format!(" ({n}/{total})")),
        ComposeNumbering::Dot => text.strip_prefix(&format!("{n}. ")),
        ComposeNumbering::Thread if n == 1 => text.strip_suffix(" 🧵"),
        ComposeNumbering::Thread => Some(text),
    };
    body.unwrap_or_else(|| panic!("post {n} should carry its number: {text:?}"))
        .to_owned()
}

/// Whether `body` starts and ends on grapheme boundaries of `whole` (it is a slice of it).
fn on_grapheme_edges(whole: &str, at: usize, len: usize) -> bool {
    let mut i = 0;
    let mut edges = vec![0];
    while i < whole.len() {
        i += grapheme_len(&whole[i..]);
        edges.push(i);
    }
    edges.contains(&at) && edges.contains(&(at + len))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn posts_fit_and_keep_every_word(
        text in text(),
        target in target(),
        numbering in numbering(),
        limit in prop::option::of(60usize..600),
    ) {
        let options = SplitOptions { numbering, limit };
        let limit = limit.unwrap_or(target.default_limit());
        let posts = split(&text, target, &options);
        let total = posts.len();
        let mut words_out = Vec::new();
        let mut search_from = 0;
        for (k, post) in posts.iter().enumerate() {
            let counted = count(&post.text, target, Some(limit)).weighted_length;
            prop_assert_eq!(counted, post.weighted_length, "the reported length is the real one");
            if post.warning.is_none() {
                prop_assert!(counted <= limit, "post {} should fit {}: {:?}", k + 1, limit, post.text);
            }
            let body = strip(&post.text, numbering, k + 1, total);
            // Each body is a slice of the original, in order, cut on grapheme edges.
            let at = text[search_from..].find(&body).map(|i| i + search_from);
            prop_assert!(at.is_some(), "post {} should be a piece of the text in order: {:?}", k + 1, body);
            let at = at.unwrap_or_default();
            prop_assert!(on_grapheme_edges(&text, at, body.len()), "no grapheme cluster is cut: {:?}", body);
            search_from = at + body.len();
            words_out.extend(body.split_whitespace().map(str::to_owned));
        }
        let words_in: Vec<String> = text
            .split_whitespace()
            .filter(|w| *w != "---")
            .map(str::to_owned)
            .collect();
        // Words stay whole unless one is longer than a post; compare the characters then.
        prop_assert_eq!(words_in.concat(), words_out.concat(), "no character is lost or moved");
        if words_in.iter().all(|w| w.chars().count() * 2 < limit / 2) {
            prop_assert_eq!(words_in, words_out, "every word comes back whole and in order");
        }
    }

    #[test]
    fn entities_are_never_cut(
        text in text(),
        target in target(),
        limit in prop::option::of(60usize..400),
    ) {
        let options = SplitOptions { numbering: ComposeNumbering::None, limit };
        let posts = split(&text, target, &options);
        let mut joined_entities = Vec::new();
        for post in &posts {
            let e = unspool::entities::extract(&post.text);
            joined_entities.extend(e.urls);
            joined_entities.extend(e.mentions);
            joined_entities.extend(e.hashtags);
            joined_entities.extend(e.cashtags);
        }
        let whole = unspool::entities::extract(&text);
        for url in whole.urls.iter().chain(&whole.mentions).chain(&whole.hashtags) {
            prop_assert!(
                joined_entities.contains(url),
                "{:?} should reach a post whole", url
            );
        }
    }
}

//! twitter-text's extraction conformance (conformance/extract.yml, as JSON in the corpus):
//! the share of cases unspool gets right, per kind, printed and held to 98 %.
#![cfg(not(target_arch = "wasm32"))] // native only: reads files, runs the CLI; the wasm smoke test is tests/wasm.rs

use serde_json::Value;
use unspool::entities::extract;

#[path = "support/corpus.rs"]
mod corpus_dir;
use corpus_dir::corpus;

fn cases(kind: &str) -> Vec<Value> {
    let path = corpus().join(format!("twitter-text/extract_{kind}.json"));
    let text = std::fs::read_to_string(&path).expect("the twitter-text corpus is readable");
    let doc: Value = serde_json::from_str(&text).expect("the corpus file is JSON");
    doc["cases"].as_array().expect("a cases array").clone()
}

/// Cases where unspool knowingly differs from twitter-text, with the reason.
const DIVERGENCES: &[(&str, &str)] = &[];

/// The expected strings of a case, with their sigil, in order; `None` for cases that only
/// twitter-text's reply extraction covers.
fn expected(kind: &str, case: &Value) -> Vec<String> {
    let sigil = match kind {
        "urls" => "",
        "mentions" => "@",
        "hashtags" => "#",
        _ => "$",
    };
    let item = |v: &Value| -> String {
        match v {
            Value::String(s) => format!("{sigil}{s}"),
            Value::Object(o) => {
                let name = ["url", "screen_name", "hashtag", "cashtag"]
                    .iter()
                    .find_map(|k| o.get(*k).and_then(Value::as_str))
                    .expect("an entity name");
                let list = o.get("list_slug").and_then(Value::as_str).unwrap_or("");
                format!("{sigil}{name}{list}")
            }
            other => panic!("unexpected expectation {other}"),
        }
    };
    match &case["expected"] {
        Value::Array(items) => items.iter().map(item).collect(),
        Value::Null => Vec::new(),
        v => vec![item(v)],
    }
}

fn actual(kind: &str, section: &str, text: &str) -> Vec<String> {
    let e = extract(text);
    let mut got = match kind {
        "urls" => e.urls,
        "mentions" => e.mentions,
        "hashtags" => e.hashtags,
        _ => e.cashtags,
    };
    if section == "replies" {
        // A reply is a mention that opens the text (after spaces only).
        let first = got.first().cloned();
        got = first
            .filter(|m| {
                let at = text.find(m.as_str()).unwrap_or(usize::MAX);
                text.get(..at)
                    .is_some_and(|h| h.chars().all(char::is_whitespace))
            })
            .into_iter()
            .collect();
    }
    got
}

fn check(kind: &str) {
    let all = cases(kind);
    let mut passed = 0;
    let mut compared = 0;
    let mut misses = Vec::new();
    for case in &all {
        let text = case["text"].as_str().expect("case text");
        let section = case["section"].as_str().unwrap_or("");
        let want = expected(kind, case);
        let got = actual(kind, section, text);
        if let Some((_, why)) = DIVERGENCES.iter().find(|(t, _)| *t == text) {
            eprintln!("  {kind}: known divergence on {text:?}: {why}; got {got:?}");
            continue;
        }
        compared += 1;
        if got == want {
            passed += 1;
        } else {
            misses.push(format!("{text:?}: want {want:?}, got {got:?}"));
        }
    }
    let share = 100.0 * passed as f64 / compared as f64;
    eprintln!(
        "twitter-text extract {kind}: {passed}/{compared} ({share:.1}%) of {} cases ({} known divergences)",
        all.len(),
        all.len() - compared
    );
    for m in &misses {
        eprintln!("  miss: {m}");
    }
    assert!(
        share >= 98.0,
        "at least 98% of twitter-text's {kind} cases should pass, got {share:.1}%"
    );
}

#[test]
fn urls_match_twitter_text() {
    check("urls");
}

#[test]
fn mentions_match_twitter_text() {
    check("mentions");
}

#[test]
fn hashtags_match_twitter_text() {
    check("hashtags");
}

#[test]
fn cashtags_match_twitter_text() {
    check("cashtags");
}

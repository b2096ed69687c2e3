//! twitter-text's weighted-length conformance (conformance/validate.yml, the
//! WeightedTweetsCounterTest, WeightedTweetsWithDiscountedEmojiCounterTest and
//! UnicodeDirectionalMarkerCounterTest sections): every case must pass.
#![cfg(not(target_arch = "wasm32"))] // native only: reads files, runs the CLI; the wasm smoke test is tests/wasm.rs

use serde_json::Value;
use unspool::compose::{count_x, X_CONFIG_V2, X_CONFIG_V3};

#[path = "support/corpus.rs"]
mod corpus_dir;
use corpus_dir::corpus;

fn read(name: &str) -> Value {
    let path = corpus().join("twitter-text").join(name);
    let text = std::fs::read_to_string(&path).expect("the twitter-text corpus is readable");
    serde_json::from_str(&text).expect("the corpus file is JSON")
}

#[test]
fn embedded_configs_match_twitter_texts_files() {
    for (name, config) in [
        ("config-v2.json", X_CONFIG_V2),
        ("config-v3.json", X_CONFIG_V3),
    ] {
        let file = read(name);
        assert_eq!(
            file["maxWeightedTweetLength"], config.max_weighted_length,
            "{name}"
        );
        assert_eq!(file["scale"], config.scale, "{name}");
        assert_eq!(file["defaultWeight"], config.default_weight, "{name}");
        assert_eq!(
            file["transformedURLLength"], config.transformed_url_length,
            "{name}"
        );
        assert_eq!(
            file["emojiParsingEnabled"].as_bool().unwrap_or(false),
            config.emoji_parsing,
            "{name}"
        );
        let ranges: Vec<(u32, u32, u64)> = file["ranges"]
            .as_array()
            .expect("ranges")
            .iter()
            .map(|r| {
                let n = |k: &str| r[k].as_u64().expect("a number");
                (n("start") as u32, n("end") as u32, n("weight"))
            })
            .collect();
        assert_eq!(
            ranges, config.ranges,
            "{name}: the embedded ranges should be the file's"
        );
    }
}

#[test]
fn weighted_length_matches_twitter_text() {
    let doc = read("validate_weighted.json");
    let cases = doc["cases"].as_array().expect("cases");
    let mut passed = 0;
    let mut misses = Vec::new();
    for case in cases {
        let text = case["text"].as_str().expect("text");
        let config = if case["section"] == "WeightedTweetsCounterTest" {
            &X_CONFIG_V2
        } else {
            &X_CONFIG_V3
        };
        let want = &case["expected"];
        let got = count_x(text, config);
        let ok = want["weightedLength"] == got.weighted_length
            && want["valid"] == got.valid
            && want["permillage"] == got.permillage
            && want["validRangeEnd"] == got.valid_range_end;
        if ok {
            passed += 1;
        } else {
            misses.push(format!(
                "{}: {:?}: want {want}, got {got:?}",
                case["id"], case["description"]
            ));
        }
    }
    eprintln!(
        "twitter-text weighted length: {passed}/{} cases (length, validity, permillage, validRangeEnd)",
        cases.len()
    );
    for m in &misses {
        eprintln!("  miss: {m}");
    }
    assert_eq!(
        passed,
        cases.len(),
        "every weighted-length case should pass"
    );
}

//! The hand-written JSON writer (`unspool::render::json`) against serde_json: the same bytes,
//! compact and pretty, for every model the corpus makes, the golden models, every repair of
//! ftfy's cases, compose's and paste_html's structures, strings holding every control
//! character, and floats across the whole range a confidence can hold. serde_json (with the
//! model's `Serialize` derives) is what the CLI and the page wrote before the writer, so it is
//! the reference; it stays a native dependency for reading JSON.
#![cfg(not(target_arch = "wasm32"))] // native only: serde_json is the reference

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;
use unspool::compose::{self, ComposeNumbering, SplitOptions, Target};
use unspool::render::json::{self, Repaired, ThreadJson, ToJson};
use unspool::{Options, Platform, Post, Repair, RepairText, Span, Thread};

#[path = "support/corpus.rs"]
mod corpus_dir;
use corpus_dir::corpus;

/// Both writers, compact and pretty, must agree on `value`.
fn same<T: ToJson + Serialize + ?Sized>(value: &T, what: &str) {
    let compact = serde_json::to_string(value).expect("serde_json writes the model");
    assert_eq!(
        json::to_string(value),
        compact,
        "{what}: the compact JSON should be serde_json's, byte for byte"
    );
    let ascii = json::to_string_ascii(value);
    assert!(
        ascii.is_ascii(),
        "{what}: the JSON for JSON.parse should escape every char outside ASCII"
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&ascii).expect("the ASCII JSON parses"),
        serde_json::from_str::<serde_json::Value>(&compact).expect("serde_json's JSON parses"),
        "{what}: the ASCII JSON should parse to the same value as serde_json's"
    );
    let pretty = serde_json::to_string_pretty(value).expect("serde_json writes the model");
    assert_eq!(
        json::to_string_pretty(value),
        pretty,
        "{what}: the pretty JSON should be serde_json's, byte for byte"
    );
}

/// Every paste of the corpus (its `pastes/` and, as clipboard HTML, its `pages/`).
fn corpus_files(dir: &str, ext: &str) -> Vec<(String, String)> {
    let dir = corpus().join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{} should be readable: {e}", dir.display()))
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "the corpus has {ext} files in {dir:?}");
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("a corpus file is UTF-8 text");
            (p.display().to_string(), text)
        })
        .collect()
}

/// The option sets a paste is formatted with: the default, and each platform forced.
fn option_sets() -> Vec<Options> {
    let mut sets = vec![Options::default()];
    for platform in Platform::ALL {
        sets.push(Options {
            platform: Some(platform),
            ..Options::default()
        });
    }
    sets
}

#[test]
fn every_corpus_paste_writes_as_serde_json_does() {
    let mut repairs = 0;
    let mut removed = 0;
    for (name, paste) in corpus_files("pastes", "txt") {
        for options in option_sets() {
            let thread = unspool::format(&paste, &options);
            repairs += thread.repairs.len();
            removed += thread.removed.len();
            same(&thread, &name);
            assert_eq!(
                unspool::render::to_json(&thread),
                serde_json::to_string_pretty(&thread).expect("serde_json writes the model"),
                "{name}: to_json should be serde_json's pretty JSON"
            );
            let mut streamed = Vec::new();
            unspool::render_to(&thread, unspool::Format::Json, &options, &mut streamed)
                .expect("a Vec takes every byte");
            assert_eq!(
                String::from_utf8(streamed).expect("the JSON is UTF-8"),
                unspool::render::to_json(&thread),
                "{name}: render_to streams the same JSON as to_json"
            );
        }
    }
    assert!(
        repairs > 0 && removed > 0,
        "the corpus should exercise repairs ({repairs}) and removed lines ({removed})"
    );
}

#[test]
fn corpus_pages_as_clipboard_html_write_as_serde_json_does() {
    for (name, html) in corpus_files("pages", "html") {
        let pasted = unspool::paste_html::parse(&html);
        same(&pasted, &name);
        same(&unspool::format_html(&html, &Options::default()), &name);
    }
}

#[test]
fn golden_models_write_as_serde_json_does() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/inputs");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/golden/inputs exists") {
        let path = entry.expect("a readable directory entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).expect("a golden model is readable");
            let thread: Thread = serde_json::from_str(&text).expect("a golden model is a Thread");
            same(&thread, &path.display().to_string());
            n += 1;
        }
    }
    assert!(n >= 4, "the golden models should be found");
}

/// What the page's `repair()` wrote before the writer: serde's derive of `{text, repairs}`.
#[derive(Serialize)]
struct RepairedSerde<'a> {
    text: &'a str,
    repairs: &'a [Repair],
}

#[test]
fn every_ftfy_case_repair_writes_as_serde_json_does() {
    let cases = std::fs::read_to_string(corpus().join("ftfy/cases.jsonl"))
        .expect("the ftfy cases are in the corpus");
    let mut confidences = std::collections::BTreeSet::new();
    for line in cases.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("a case is JSON");
        let original = case["original"].as_str().expect("a case has its original");
        let r = unspool::repair::repair(original);
        for repair in &r.repairs {
            confidences.insert(repair.confidence.to_bits());
        }
        let ours = Repaired {
            text: &r.text,
            repairs: &r.repairs,
        };
        let theirs = RepairedSerde {
            text: &r.text,
            repairs: &r.repairs,
        };
        assert_eq!(
            json::to_string(&ours),
            serde_json::to_string(&theirs).expect("serde_json writes a repair"),
            "{original:?}: the repair's JSON should be serde_json's"
        );
        same(&r.text, original);
    }
    assert!(
        confidences.len() >= 2,
        "ftfy's cases should give repairs of more than one confidence"
    );
}

#[test]
fn compose_and_entities_write_as_serde_json_does() {
    for (name, paste) in corpus_files("pastes", "txt") {
        for target in [
            Target::X,
            Target::Bluesky,
            Target::Mastodon,
            Target::Threads,
        ] {
            for numbering in [ComposeNumbering::None, ComposeNumbering::Slash] {
                let options = SplitOptions {
                    numbering,
                    limit: None,
                };
                same(&compose::split(&paste, target, &options), &name);
            }
            same(&compose::count(&paste, target, None), &name);
            same(&compose::count(&paste, target, Some(3)), &name);
        }
        same(&unspool::entities::extract(&paste), &name);
        same(&unspool::entities::spans(&paste), &name);
    }
}

/// A thread holding `text` in every string field, and `confidence` in a repair.
fn thread_with(text: &str, confidence: f32, count: usize) -> Thread {
    let author = unspool::Author {
        name: Some(text.into()),
        handle: None,
    };
    let post = Post {
        number: usize::MAX,
        author: Some(author.clone()),
        time: Some(text.into()),
        text: text.into(),
        spans: vec![
            Span::Text { text: text.into() },
            Span::Link {
                text: text.into(),
                href: text.into(),
            },
            Span::Mention { text: text.into() },
            Span::Hashtag { text: text.into() },
            Span::Cashtag { text: text.into() },
        ],
        quoted: Some(Box::new(Post {
            marker: Some(text.into()),
            reply: true,
            ..Post::default()
        })),
        media: vec![unspool::Media {
            kind: text.into(),
            alt: Some(text.to_owned()),
        }],
        reply: false,
        marker: None,
    };
    Thread {
        platform: Platform::Threadreader,
        title: Some(text.to_owned()),
        author: Some(author),
        posts: vec![post, Post::default()],
        removed: vec![unspool::Removed {
            line: 0,
            text: text.into(),
            reason: text.to_owned().into(),
        }],
        repairs: vec![Repair {
            at: 12345,
            from: text.into(),
            to: text.into(),
            kind: text.into(),
            confidence,
            alternatives: vec![text.to_owned(), String::new()],
            count,
        }],
        warnings: vec![
            unspool::Warning {
                kind: text.to_owned(),
                post: Some(7),
                text: text.to_owned(),
            },
            unspool::Warning {
                kind: String::new(),
                post: None,
                text: String::new(),
            },
        ],
    }
}

#[test]
fn every_control_character_quote_and_backslash_escapes_as_serde_json_does() {
    let mut all: String = (0u8..0x80).map(char::from).collect();
    all.push_str("\u{80}\u{9f}\u{a0}\u{2028}\u{2029}\u{feff}\u{fffd}é🧵👩\u{200d}🍳\"\\/");
    same(&thread_with(&all, 1.0, 1), "ASCII and more");
    for c in (0u8..0x80).map(char::from) {
        let s = format!("a{c}b{c}{c}");
        same(&s, &format!("{c:?}"));
    }
    same(&thread_with("", 0.5, 2), "empty strings");
    same(&Thread::default(), "the empty thread");
}

#[test]
fn confidences_write_as_serde_json_writes_floats() {
    // The values the model holds, and neighbours of every kind: whole, tiny, huge, negative,
    // subnormal, not finite (serde_json writes `null` for those).
    let mut values: Vec<f32> = vec![
        1.0,
        0.9,
        0.8,
        0.7,
        0.5,
        0.25,
        0.0,
        -0.0,
        0.1,
        1.0 / 3.0,
        2.0 / 3.0,
        1e-7,
        1.5e-5,
        123456.79,
        1e7,
        1e16,
        3.4028235e38,
        f32::MIN_POSITIVE,
        1e-45,
        -2.5,
        f32::NAN,
        f32::INFINITY,
        f32::NEG_INFINITY,
    ];
    // Every thousandth and its two neighbouring floats, and a spread of bit patterns.
    for i in 0..=1000u16 {
        let v = f32::from(i) / 1000.0;
        values.extend([v, f32::from_bits(v.to_bits() + 1), v.next_down()]);
    }
    let mut bits = 0x9E37_79B9u32;
    for _ in 0..20_000 {
        bits = bits.wrapping_mul(0x0019_660D).wrapping_add(0x3C6E_F35F);
        values.push(f32::from_bits(bits));
    }
    for v in values {
        let r = Repair {
            at: 0,
            from: RepairText::default(),
            to: RepairText::default(),
            kind: RepairText::default(),
            confidence: v,
            alternatives: Vec::new(),
            count: 1,
        };
        same(&r, &format!("confidence {v:e} (bits {:#x})", v.to_bits()));
    }
}

/// The light view the page reads (`Formatted::view`), as it was written with serde: the
/// model less the posts' `spans`.
mod view {
    use super::*;

    pub struct ThreadView<'a>(pub &'a Thread);
    struct PostView<'a>(&'a Post);
    struct Posts<'a>(&'a [Post]);

    impl Serialize for ThreadView<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let t = self.0;
            let mut out = s.serialize_struct("Thread", 7)?;
            out.serialize_field("platform", &t.platform)?;
            out.serialize_field("title", &t.title)?;
            out.serialize_field("author", &t.author)?;
            out.serialize_field("posts", &Posts(&t.posts))?;
            out.serialize_field("removed", &t.removed)?;
            out.serialize_field("repairs", &t.repairs)?;
            out.serialize_field("warnings", &t.warnings)?;
            out.end()
        }
    }

    impl Serialize for Posts<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(PostView))
        }
    }

    impl Serialize for PostView<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let p = self.0;
            let mut out = s.serialize_struct("Post", 8)?;
            out.serialize_field("number", &p.number)?;
            out.serialize_field("author", &p.author)?;
            out.serialize_field("time", &p.time)?;
            out.serialize_field("text", &p.text)?;
            out.serialize_field("quoted", &p.quoted.as_deref().map(PostView))?;
            out.serialize_field("media", &p.media)?;
            out.serialize_field("reply", &p.reply)?;
            if let Some(marker) = &p.marker {
                out.serialize_field("marker", marker)?;
            }
            out.end()
        }
    }
}

#[test]
fn the_light_view_writes_as_it_did_with_serde() {
    let mut threads: Vec<(String, Thread)> = corpus_files("pastes", "txt")
        .into_iter()
        .map(|(name, paste)| (name, unspool::format(&paste, &Options::default())))
        .collect();
    threads.push(("every field".into(), thread_with("a \"b\"\n\u{1}", 0.7, 3)));
    for (name, thread) in threads {
        let ours = json::to_string(&ThreadJson {
            thread: &thread,
            spans: false,
        });
        let theirs = serde_json::to_string(&view::ThreadView(&thread)).expect("serde writes");
        assert_eq!(
            ours, theirs,
            "{name}: the view should be the model less spans"
        );
        assert!(!ours.contains("\"spans\""), "{name}: the view has no spans");
    }
}

#[test]
fn the_ascii_json_escapes_chars_beyond_ascii_as_utf16_units() {
    assert_eq!(
        json::to_string_ascii("a’😀\u{1}\"é"),
        r#""a\u2019\ud83d\ude00\u0001\"\u00e9""#,
        "U+2019 is one unit, U+1F600 a surrogate pair, controls and quotes as serde_json escapes them"
    );
    assert_eq!(
        json::to_string("a’😀\u{1}\"é"),
        "\"a’😀\\u0001\\\"é\"",
        "the JSON a person reads keeps its chars"
    );
}

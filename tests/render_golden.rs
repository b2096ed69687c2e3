//! Golden tests: every input model × renderer × option set, against expected output that was
//! read by a person. Inputs are hand-written `Thread` models in `tests/golden/inputs/*.json`
//! (so they do not move when the segmenter changes); expected output is in
//! `tests/golden/<input>.<renderer>`, one `==== <option set> ====` section per option set.
//!
//! `UPDATE_GOLDEN=1 cargo test --test render_golden` rewrites the expected files; read the
//! diff before committing it.
#![cfg(not(target_arch = "wasm32"))] // native only: reads files, runs the CLI; the wasm smoke test is tests/wasm.rs

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use unspool::{render, Format, HtmlStyle, Numbering, Options, Theme, Thread, TitleMode};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Every input model, by name.
pub fn inputs() -> Vec<(String, Thread)> {
    let mut out = Vec::new();
    let dir = golden_dir().join("inputs");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/golden/inputs exists")
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("an input model is readable");
        let thread: Thread = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} should be a Thread model: {e}", path.display()));
        for post in &thread.posts {
            let joined: String = post.spans.iter().map(|s| s.text()).collect();
            assert_eq!(
                joined,
                post.text,
                "{}: spans must join to the post text",
                path.display()
            );
        }
        let name = path
            .file_stem()
            .expect("a file name")
            .to_string_lossy()
            .into_owned();
        out.push((name, thread));
    }
    assert!(
        out.len() >= 4,
        "the golden inputs should be found in {}",
        dir.display()
    );
    out
}

/// The option sets every renderer is checked with; `html_only` ones only change HTML.
fn option_sets() -> Vec<(&'static str, bool, Options)> {
    let with = |f: &dyn Fn(&mut Options)| {
        let mut o = Options::default();
        f(&mut o);
        o
    };
    vec![
        ("default", false, Options::default()),
        (
            "numbering=1/n",
            false,
            with(&|o| o.numbering = Numbering::Slash),
        ),
        (
            "numbering=1.",
            false,
            with(&|o| o.numbering = Numbering::Dot),
        ),
        (
            "numbering=(1/n)",
            false,
            with(&|o| o.numbering = Numbering::Paren),
        ),
        ("keep-markers", false, with(&|o| o.keep_markers = true)),
        ("merge", false, with(&|o| o.merge = true)),
        ("show-times", false, with(&|o| o.show_times = true)),
        ("author-only", false, with(&|o| o.author_only = true)),
        (
            "title=first-sentence",
            false,
            with(&|o| o.title = TitleMode::FirstSentence),
        ),
        (
            "title=custom",
            false,
            with(&|o| o.title = TitleMode::Custom("Notes <on> the \"Engine\" & *more*".into())),
        ),
        (
            "include-removed",
            false,
            with(&|o| o.include_removed = true),
        ),
        (
            "no-link-entities",
            false,
            with(&|o| o.link_entities = false),
        ),
        (
            "everything",
            false,
            with(&|o| {
                o.numbering = Numbering::Slash;
                o.keep_markers = true;
                o.show_times = true;
                o.author_only = true;
                o.title = TitleMode::FirstSentence;
                o.include_removed = true;
            }),
        ),
        ("theme=light", true, with(&|o| o.theme = Theme::Light)),
        ("theme=dark", true, with(&|o| o.theme = Theme::Dark)),
        (
            "html-style=inline",
            true,
            with(&|o| o.html_style = HtmlStyle::Inline),
        ),
        (
            "html-style=inline theme=light",
            true,
            with(&|o| {
                o.html_style = HtmlStyle::Inline;
                o.theme = Theme::Light;
            }),
        ),
        (
            "html-style=inline theme=dark",
            true,
            with(&|o| {
                o.html_style = HtmlStyle::Inline;
                o.theme = Theme::Dark;
            }),
        ),
    ]
}

fn expected_for(thread: &Thread, format: Format) -> String {
    let mut out = String::new();
    for (name, html_only, options) in option_sets() {
        if html_only && format != Format::Html {
            continue;
        }
        if name == "no-link-entities" && format == Format::Text {
            continue;
        }
        writeln!(out, "==== {name} ====").expect("writing to a String");
        out.push_str(&render(thread, format, &options));
    }
    out
}

#[test]
fn every_renderer_and_option_matches_its_golden_file() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for (name, thread) in inputs() {
        for (ext, format) in [
            ("html", Format::Html),
            ("md", Format::Markdown),
            ("txt", Format::Text),
        ] {
            let path = golden_dir().join(format!("{name}.{ext}"));
            let actual = expected_for(&thread, format);
            if update {
                std::fs::write(&path, &actual).expect("the golden file is writable");
                continue;
            }
            let expected = std::fs::read_to_string(&path).unwrap_or_default();
            if expected != actual {
                let at = expected
                    .lines()
                    .zip(actual.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or(expected.lines().count().min(actual.lines().count()));
                failures.push(format!(
                    "{}: first difference at line {}:\n  expected: {:?}\n  actual:   {:?}",
                    path.display(),
                    at + 1,
                    expected.lines().nth(at).unwrap_or("<end>"),
                    actual.lines().nth(at).unwrap_or("<end>"),
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "rendered output should match the reviewed golden files \
         (UPDATE_GOLDEN=1 rewrites them; review the diff):\n{}",
        failures.join("\n")
    );
}

#[test]
fn json_is_the_model_and_reads_back_unchanged() {
    for (name, thread) in inputs() {
        let json = render(&thread, Format::Json, &Options::default());
        let back: Thread = serde_json::from_str(&json).expect("JSON output parses as a Thread");
        assert_eq!(
            back, thread,
            "{name}: JSON output should read back as the same model"
        );
        let keys: Vec<usize> = [
            "\"platform\"",
            "\"title\"",
            "\"author\"",
            "\"posts\"",
            "\"removed\"",
            "\"repairs\"",
            "\"warnings\"",
        ]
        .iter()
        .map(|k| {
            json.find(k)
                .unwrap_or_else(|| panic!("{name}: JSON has {k}"))
        })
        .collect();
        assert!(
            keys.windows(2).all(|w| w[0] < w[1]),
            "{name}: fields keep the design's order"
        );
        let other = Options {
            merge: true,
            author_only: true,
            ..Options::default()
        };
        assert_eq!(
            render(&thread, Format::Json, &other),
            json,
            "{name}: JSON is the model, not changed by rendering options"
        );
    }
}

/// Throughput of the renderers on a large thread (the x-thread model repeated to ~5 MB of
/// JSON, 10 000 posts): `cargo test --release --test render_golden -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a check"]
fn render_throughput() {
    let (_, base) = inputs()
        .into_iter()
        .find(|(n, _)| n == "x-thread")
        .expect("the x-thread input");
    let mut big = base.clone();
    let reps: usize = std::env::var("REPS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(2000);
    big.posts = (0..reps).flat_map(|_| base.posts.clone()).collect();
    let text_bytes: usize = big.posts.iter().map(|p| p.text.len()).sum();
    let options = Options {
        numbering: Numbering::Slash,
        show_times: true,
        ..Options::default()
    };
    for (name, format, style) in [
        ("html classes", Format::Html, HtmlStyle::Classes),
        ("html inline", Format::Html, HtmlStyle::Inline),
        ("markdown", Format::Markdown, HtmlStyle::Classes),
        ("text", Format::Text, HtmlStyle::Classes),
    ] {
        let o = Options {
            html_style: style,
            ..options.clone()
        };
        let start = std::time::Instant::now();
        let out = render(&big, format, &o);
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{name}: {} posts, {:.1} MB of post text → {:.1} MB in {:.0} ms ({:.0} MB/s of post text)",
            big.posts.len(),
            text_bytes as f64 / 1e6,
            out.len() as f64 / 1e6,
            secs * 1e3,
            text_bytes as f64 / 1e6 / secs
        );
    }
}

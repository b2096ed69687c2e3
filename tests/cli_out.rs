//! The command line's output contract: `--out FILE` is written atomically (the file holds its
//! old content or the whole new output, never a part, and no temporary file is left behind),
//! and the exit codes are the documented ones.
#![cfg(not(target_arch = "wasm32"))] // native only: runs the CLI; the wasm smoke test is tests/wasm.rs

use std::path::{Path, PathBuf};
#[path = "support/cli.rs"]
mod cli;
use cli::unspool;

/// A fresh empty directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("unspool-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the temp dir is writable");
    dir
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the dir is readable")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8 here")
}

#[test]
fn out_writes_the_file_and_nothing_to_stdout() {
    let dir = scratch("out");
    let target = dir.join("thread.md");
    let run = unspool(
        &["--to", "text", "--out", path_str(&target)],
        "1/ Itâ€™s\n2.3K\n2/ done",
    );
    assert_eq!(run.status.code(), Some(0), "success exits 0: {run:?}");
    assert!(run.stdout.is_empty(), "with --out nothing goes to stdout");
    let text = std::fs::read_to_string(&target).expect("--out wrote the file");
    assert!(
        text.contains("It’s") && text.contains("done"),
        "the whole output: {text:?}"
    );
    assert_eq!(
        entries(&dir),
        ["thread.md"],
        "no temporary file is left behind"
    );
}

#[test]
fn out_replaces_an_existing_file_whole() {
    let dir = scratch("replace");
    let target = dir.join("post.html");
    std::fs::write(&target, "old").expect("seed the old file");
    let run = unspool(
        &["--to", "html", "--out", path_str(&target)],
        "1/ new\n2/ post",
    );
    assert_eq!(run.status.code(), Some(0));
    let html = std::fs::read_to_string(&target).expect("the file is there");
    assert!(
        html.starts_with("<article") && !html.contains("old"),
        "replaced: {html:?}"
    );
}

#[test]
fn a_failed_run_leaves_the_old_file_untouched() {
    let dir = scratch("untouched");
    let target = dir.join("keep.md");
    std::fs::write(&target, "keep me").expect("seed the old file");
    let missing = dir.join("no-such-input.txt");
    let run = unspool(&[path_str(&missing), "--out", path_str(&target)], "");
    assert_eq!(run.status.code(), Some(2), "unreadable input exits 2");
    assert_eq!(
        std::fs::read_to_string(&target).expect("still there"),
        "keep me",
        "the old output survives a failed run"
    );
    let bad_line = unspool(
        &["repair", "--jsonl", "--out", path_str(&target)],
        "\"ok\"\nnot json\n",
    );
    assert_eq!(
        bad_line.status.code(),
        Some(2),
        "a line that is not JSON exits 2"
    );
    assert_eq!(
        std::fs::read_to_string(&target).expect("still there"),
        "keep me"
    );
    assert_eq!(
        entries(&dir),
        ["keep.md"],
        "no temporary file is left behind"
    );
}

#[test]
fn an_unwritable_out_exits_1_with_a_message() {
    let dir = scratch("unwritable");
    let target = dir.join("missing-dir").join("x.md");
    let run = unspool(&["--out", path_str(&target)], "1/ a");
    assert_eq!(
        run.status.code(),
        Some(1),
        "an output that cannot be written exits 1"
    );
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("cannot write"), "says why: {err}");
    assert!(run.stdout.is_empty(), "and writes nothing elsewhere");
}

#[test]
fn repair_writes_out_too() {
    let dir = scratch("repair");
    let target = dir.join("fixed.jsonl");
    let run = unspool(
        &["repair", "--jsonl", "--out", path_str(&target)],
        "\"cafÃ©\"\n",
    );
    assert_eq!(run.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&target).expect("written"),
        "\"café\"\n"
    );
}

/// A record met again is answered from the first answer (`json_per_input`'s cache): every
/// answer is what the record gives alone, repeats and all, in the input's order.
#[test]
fn repeated_jsonl_records_get_the_answer_they_get_alone() {
    // `Ã©` is é's UTF-8 (C3 A9) read as windows-1252; `ā€™` is ’ (E2 80 99) read under the
    // mixed table (E2 is ISO-8859-13's `ā`, 0x80 and 0x99 windows-1252's `€` and `™`).
    let records = [
        ("\"cafÃ©\"", "\"café\""),
        ("\"Googleā€™s\"", "\"Google’s\""),
        ("\"caf\\u00c3\\u00a9\"", "\"café\""),
        ("\"ok\"", "\"ok\""),
    ];
    for (record, answer) in records {
        let alone = unspool(&["repair", "--jsonl"], &format!("{record}\n"));
        assert_eq!(
            String::from_utf8_lossy(&alone.stdout),
            format!("{answer}\n")
        );
    }
    let order = [0, 1, 0, 2, 3, 1, 1, 0, 3];
    let input: String = order
        .iter()
        .map(|&i| format!("{}\n", records[i].0))
        .collect();
    let want: String = order
        .iter()
        .map(|&i| format!("{}\n", records[i].1))
        .collect();
    let run = unspool(&["repair", "--jsonl"], &input);
    assert_eq!(run.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&run.stdout), want);
}

/// A stream whose first records hold almost no repeat stops being cached (4,096 records in):
/// the answers after that, repeats included, are still each record's own.
#[test]
fn a_stream_of_distinct_jsonl_records_gets_every_answer_after_the_cache_stops() {
    let n = 4_200;
    let mut input = String::new();
    let mut want = String::new();
    for i in (0..n).chain(0..10).chain([n - 1, n - 1]) {
        input.push_str(&format!("\"{i} cafÃ©\"\n"));
        want.push_str(&format!("\"{i} café\"\n"));
    }
    let run = unspool(&["repair", "--jsonl"], &input);
    assert_eq!(run.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&run.stdout), want);
}

#[test]
fn bad_usage_exits_2_and_help_documents_the_codes() {
    assert_eq!(
        unspool(&["--bogus"], "").status.code(),
        Some(2),
        "unknown option"
    );
    assert_eq!(
        unspool(&["--to", "pdf"], "x").status.code(),
        Some(2),
        "unknown format"
    );
    assert_eq!(
        unspool(&["--out"], "x").status.code(),
        Some(2),
        "--out needs a value"
    );
    let help = unspool(&["--help"], "");
    assert_eq!(help.status.code(), Some(0));
    let help = String::from_utf8_lossy(&help.stdout);
    for needle in [
        "--out FILE",
        "Exit codes:",
        "0  success",
        "1  the output could not be written",
        "2  bad usage",
        "Examples:",
    ] {
        assert!(help.contains(needle), "--help mentions {needle:?}:\n{help}");
    }
}

//! The command line's output options reach the renderers.
#![cfg(not(target_arch = "wasm32"))] // native only: reads files, runs the CLI; the wasm smoke test is tests/wasm.rs

#[path = "support/cli.rs"]
mod cli;
use cli::run;

fn golden_input(name: &str) -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/inputs/").to_owned() + name
}

#[test]
fn flags_set_the_options() {
    let x = golden_input("x-thread.json");
    let (code, out, err) = run(
        &[
            &x,
            "--from",
            "json",
            "--to",
            "text",
            "--numbering",
            "(1/n)",
            "--author-only",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("(1/4) The engine"),
        "numbering counts the kept posts:\n{out}"
    );
    assert!(
        !out.contains("Bob"),
        "--author-only drops the reply:\n{out}"
    );

    let (_, out, _) = run(
        &[
            &x,
            "--from",
            "json",
            "--to",
            "markdown",
            "--title",
            "first-sentence",
            "--keep-markers",
        ],
        "",
    );
    assert!(
        out.starts_with("# The engine can do more than arithmetic\n"),
        "{out}"
    );
    assert!(
        out.contains("1/ The engine"),
        "--keep-markers puts 1/ back:\n{out}"
    );

    let (_, out, _) = run(
        &[
            &x,
            "--from",
            "json",
            "--to",
            "html",
            "--html-style",
            "inline",
            "--theme",
            "dark",
            "--show-times",
            "--include-removed",
            "--no-link-entities",
            "--merge",
        ],
        "",
    );
    assert!(
        out.contains("data-theme=\"dark\"") && out.contains("style=\""),
        "{out}"
    );
    assert!(
        out.contains("<details"),
        "--include-removed adds the appendix:\n{out}"
    );
    assert!(
        !out.contains("https://x.com/charles"),
        "--no-link-entities:\n{out}"
    );
    assert!(
        out.contains("and then the machine stopped"),
        "--merge joins a cut sentence:\n{out}"
    );

    let (_, out, _) = run(
        &["--to", "text", "--title", "My own title"],
        "1/ hello\n2/ bye\n",
    );
    assert!(
        out.starts_with("My own title\n"),
        "a --title TEXT is used as typed:\n{out}"
    );
}

#[test]
fn bad_values_are_usage_errors() {
    for args in [
        &["--numbering", "1-n"][..],
        &["--theme", "blue"],
        &["--html-style", "tailwind"],
        &["--from", "xml"],
        &["--numbering"],
    ] {
        let (code, out, err) = run(args, "hi");
        assert_eq!(code, 2, "{args:?} should be a usage error: {err}");
        assert!(out.is_empty(), "{args:?}: nothing on standard output");
        assert!(
            err.starts_with("unspool: "),
            "{args:?}: one line on standard error: {err}"
        );
    }
    let (code, _, err) = run(&["--from", "json"], "not json");
    assert_eq!(
        code, 2,
        "an unreadable model is an input error (exit 2): {err}"
    );
}

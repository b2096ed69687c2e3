//! Runs the `unspool` binary the way a person does: arguments, text on stdin, and what comes
//! back (exit code, stdout, stderr). Shared by `tests/cli_out.rs` and `tests/render_cli.rs`
//! (included with `#[path]`).
#![allow(dead_code)] // each includer uses a different subset

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `unspool ARGS` with `stdin` piped in and waits for it.
pub fn unspool(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_unspool"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the unspool binary runs");
    // A run that fails early (a usage error) may not read its input: a broken pipe here is
    // not the test's concern.
    let _ = child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes());
    child.wait_with_output().expect("unspool finishes")
}

/// [`unspool`] as (exit code, stdout, stderr), the streams decoded lossily.
pub fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let out = unspool(args, stdin);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

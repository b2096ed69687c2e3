//! The `unspool` command: the same core as the page, on files and pipes.

use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;
use unspool::{Format, Options, Platform};

const USAGE: &str = "\
unspool — paste a social-media thread, get a clean article

Usage:
  unspool [FILE] [--to html|markdown|text|json] [--platform auto|x|bluesky|...] [--out FILE]
  unspool repair [FILE] [--jsonl] [--out FILE]

Reads FILE, or standard input when no FILE (or -) is given. Markdown by default.
Writes standard output, or with --out FILE the file: written whole to a temporary file
beside it, then renamed over it, so FILE is never left half-written.

Examples:
  pbpaste | unspool --to html > thread.html
  unspool thread.txt --to json --out thread.json
  unspool thread.txt --to markdown --out post.md   # post.md is replaced only on success
  unspool repair --jsonl < cases.jsonl

Exit codes:
  0  success
  1  the input could not be read, or the output could not be written
  2  bad usage: an unknown option, format or platform, a missing value (see the message)
";

/// A usage error (exit 2) or an I/O error (exit 1).
enum Failure {
    Usage(String),
    Io(String),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            eprintln!("unspool: {msg} (see unspool --help)");
            ExitCode::from(2)
        }
        Err(Failure::Io(msg)) => {
            eprintln!("unspool: {msg}");
            ExitCode::from(1)
        }
    }
}

fn run(args: &[String]) -> Result<(), Failure> {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        print!("{USAGE}");
        return Ok(());
    }
    match args.first().map(String::as_str) {
        Some("repair") => repair_cmd(&args[1..]),
        _ => format_cmd(args),
    }
}

/// Splits `args` into flags with values, boolean flags and at most one file.
struct Parsed {
    values: Vec<(String, String)>,
    flags: Vec<String>,
    file: Option<String>,
}

fn parse(args: &[String], with_value: &[&str], boolean: &[&str]) -> Result<Parsed, Failure> {
    let mut p = Parsed {
        values: Vec::new(),
        flags: Vec::new(),
        file: None,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if let Some((k, v)) = a.split_once('=').filter(|(k, _)| k.starts_with("--")) {
            if !with_value.contains(&k) {
                return Err(Failure::Usage(format!("unknown option {k}")));
            }
            p.values.push((k.to_owned(), v.to_owned()));
        } else if with_value.contains(&a.as_str()) {
            let v = it
                .next()
                .ok_or_else(|| Failure::Usage(format!("{a} needs a value")))?;
            p.values.push((a.clone(), v.clone()));
        } else if boolean.contains(&a.as_str()) {
            p.flags.push(a.clone());
        } else if a.starts_with('-') && a != "-" {
            return Err(Failure::Usage(format!("unknown option {a}")));
        } else if p.file.is_none() {
            p.file = Some(a.clone());
        } else {
            return Err(Failure::Usage(format!("unexpected argument {a}")));
        }
    }
    Ok(p)
}

impl Parsed {
    fn value(&self, key: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
    fn flag(&self, key: &str) -> bool {
        self.flags.iter().any(|f| f == key)
    }
}

fn read_input(file: Option<&str>) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    match file {
        None | Some("-") => io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Io(format!("cannot read standard input: {e}")))?,
        Some(path) => {
            bytes =
                std::fs::read(path).map_err(|e| Failure::Io(format!("cannot read {path}: {e}")))?;
            bytes.len()
        }
    };
    // A paste is text; bytes that are not UTF-8 become U+FFFD rather than an error.
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

fn write_output(s: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Failure::Io(format!("cannot write output: {e}")))
}

/// Writes `s` to standard output, or atomically to `out`: a temporary file in the same
/// directory, flushed to disk, then renamed over `out` (a rename within a directory is
/// atomic), so `out` holds either its old content or all of `s`, never a part.
fn write_to(s: &str, out: Option<&str>) -> Result<(), Failure> {
    let Some(path) = out.filter(|p| *p != "-") else {
        return write_output(s);
    };
    let target = std::path::Path::new(path);
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| Failure::Usage(format!("--out {path:?} is not a file name")))?;
    let tmp = dir.join(format!(
        ".{}.{}.unspool-tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(s.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, target)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Failure::Io(format!("cannot write {path}: {e}"))
    })
}

fn format_cmd(args: &[String]) -> Result<(), Failure> {
    let p = parse(args, &["--to", "--platform", "--out"], &[])?;
    let to = match p.value("--to") {
        None => Format::Markdown,
        Some(name) => Format::from_name(name)
            .ok_or_else(|| Failure::Usage(format!("unknown format {name:?}")))?,
    };
    let mut options = Options::default();
    match p.value("--platform") {
        None | Some("auto") => {}
        Some(name) => {
            options.platform = Some(
                Platform::from_name(name)
                    .ok_or_else(|| Failure::Usage(format!("unknown platform {name:?}")))?,
            )
        }
    }
    let input = read_input(p.file.as_deref())?;
    let mut rendered = unspool::convert(&input, to, &options);
    if !rendered.ends_with('\n') {
        rendered.push('\n');
    }
    write_to(&rendered, p.value("--out"))
}

fn repair_cmd(args: &[String]) -> Result<(), Failure> {
    let p = parse(args, &["--out"], &["--jsonl"])?;
    if !p.flag("--jsonl") {
        let input = read_input(p.file.as_deref())?;
        return write_to(&unspool::repair::repair(&input).text, p.value("--out"));
    }
    let mut out = String::new();
    let reader: Box<dyn BufRead> = match p.file.as_deref() {
        None | Some("-") => Box::new(io::stdin().lock()),
        Some(path) => Box::new(io::BufReader::new(
            std::fs::File::open(path)
                .map_err(|e| Failure::Io(format!("cannot read {path}: {e}")))?,
        )),
    };
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| Failure::Io(format!("cannot read line {}: {e}", n + 1)))?;
        if line.trim().is_empty() {
            continue;
        }
        let text: String = serde_json::from_str(&line)
            .map_err(|e| Failure::Io(format!("line {} is not a JSON string: {e}", n + 1)))?;
        let fixed = unspool::repair::repair(&text).text;
        out.push_str(&serde_json::to_string(&fixed).expect("a string always serialises"));
        out.push('\n');
    }
    write_to(&out, p.value("--out"))
}

//! The `unspool` command: the same core as the page, on files and pipes.

use std::collections::hash_map::{Entry, HashMap};
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;
use unspool::render::json;
use unspool::{Format, HtmlStyle, Numbering, Options, Platform, Theme, TitleMode};

const USAGE: &str = "\
unspool — paste a social-media thread, get a clean article

Usage:
  unspool [FILE] [--to html|markdown|text|json] [--platform auto|x|bluesky|...] [OPTIONS] [--out FILE]
  unspool repair [FILE] [--jsonl] [--out FILE]
  unspool entities [FILE] [--jsonl] [--platform x|mastodon|...]
  unspool split --platform x|bluesky|mastodon|threads [FILE]
                [--numbering none|1/n|(1/n)|1.|thread] [--limit N]
  unspool count --platform x|bluesky|mastodon|threads [--config v2|v3] [--limit N] [FILE] [--jsonl]

Reads FILE, or standard input when no FILE (or -) is given. Markdown by default.
Every command writes standard output, or with --out FILE the file: written whole to a
temporary file beside it, then renamed over it, so FILE is never left half-written.
  --from text|json                read a paste (default) or a saved model (--to json output)

Options (the same names as the page and the JSON options):
  --numbering none|1/n|1.|(1/n)   number the posts (default none)
  --keep-markers                  keep the author's own markers (1/, 🧵)
  --merge                         merge the posts into flowing paragraphs
  --show-times                    show each post's time
  --author-only                   drop replies by others
  --title first-sentence|TEXT     a title: the first sentence, or TEXT
  --include-removed               add the removed lines as an appendix
  --theme light|dark|auto         HTML colours (default auto)
  --html-style classes|inline     HTML flavour (default classes: style with www/thread.css)
  --no-link-entities              do not link mentions and hashtags

Examples:
  pbpaste | unspool --to html > thread.html
  unspool thread.txt --to json --out thread.json
  unspool thread.txt --to markdown --out post.md   # post.md is replaced only on success
  unspool repair --jsonl < cases.jsonl
  unspool split --platform bluesky essay.txt --numbering 1/n
  unspool count --platform x --jsonl < tweets.jsonl

Exit codes:
  0  success
  1  the output could not be written (nothing is half-written)
  2  bad usage (an unknown option, format or platform, a missing value), or input that
     cannot be read (a missing or unreadable file, a line that is not JSON)
";

/// Why a run failed: bad usage or unreadable input (exit 2), or output that could not be
/// written (exit 1).
enum Failure {
    Usage(String),
    Input(String),
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
        Err(Failure::Input(msg)) => {
            eprintln!("unspool: {msg}");
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
        Some("entities") => entities_cmd(&args[1..]),
        Some("split") => split_cmd(&args[1..]),
        Some("count") => count_cmd(&args[1..]),
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
            .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?,
        Some(path) => {
            bytes = std::fs::read(path)
                .map_err(|e| Failure::Input(format!("cannot read {path}: {e}")))?;
            bytes.len()
        }
    };
    // A paste is text; bytes that are not UTF-8 become U+FFFD rather than an error.
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

/// Writes `s` to standard output, or atomically to `out` (see [`write_with`]).
fn write_to(s: &str, out: Option<&str>) -> Result<(), Failure> {
    write_with(out, |w| w.write_all(s.as_bytes()))
}

/// Runs `write` on a buffered standard output, or on a temporary file in the same directory
/// as `out` that is then flushed to disk and renamed over `out` (a rename within a directory
/// is atomic), so `out` holds either its old content or all of the output, never a part.
fn write_with(
    out: Option<&str>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Failure> {
    let Some(path) = out.filter(|p| *p != "-") else {
        let mut w = io::BufWriter::new(io::stdout().lock());
        return write(&mut w)
            .and_then(|()| w.flush())
            .map_err(|e| Failure::Io(format!("cannot write output: {e}")));
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
        let mut w = io::BufWriter::new(std::fs::File::create(&tmp)?);
        write(&mut w)?;
        let f = w.into_inner().map_err(io::IntoInnerError::into_error)?;
        f.sync_all()?;
        std::fs::rename(&tmp, target)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Failure::Io(format!("cannot write {path}: {e}"))
    })
}

/// A writer that remembers the last byte written through it.
struct Tail<'w> {
    inner: &'w mut dyn Write,
    last: Option<u8>,
}

impl Write for Tail<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        if n > 0 {
            self.last = Some(buf[n - 1]);
        }
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn format_cmd(args: &[String]) -> Result<(), Failure> {
    let p = parse(
        args,
        &[
            "--to",
            "--from",
            "--platform",
            "--numbering",
            "--title",
            "--theme",
            "--html-style",
            "--out",
        ],
        &[
            "--keep-markers",
            "--merge",
            "--show-times",
            "--author-only",
            "--include-removed",
            "--no-link-entities",
        ],
    )?;
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
    render_options(&p, &mut options)?;
    let thread = {
        let input = read_input(p.file.as_deref())?;
        match p.value("--from") {
            None | Some("text") => unspool::format_owned_for(input, &options, to),
            // A saved model (`--to json` output) rendered again, with other options.
            Some("json") => serde_json::from_str(&input)
                .map_err(|e| Failure::Input(format!("input is not a Thread model: {e}")))?,
            Some(other) => return Err(Failure::Usage(format!("unknown --from value {other:?}"))),
        }
        // The paste is dropped here: only the model is held while rendering.
    };
    // Rendered straight into the output, which always ends with a line break.
    write_with(p.value("--out"), |w| {
        let mut tail = Tail {
            inner: w,
            last: None,
        };
        unspool::render_to(&thread, to, &options, &mut tail)?;
        if tail.last != Some(b'\n') {
            tail.write_all(b"\n")?;
        }
        Ok(())
    })
}

/// Reads the rendering options' flags into `options`.
fn render_options(p: &Parsed, options: &mut Options) -> Result<(), Failure> {
    let bad = |flag: &str, v: &str| Failure::Usage(format!("unknown {flag} value {v:?}"));
    if let Some(v) = p.value("--numbering") {
        options.numbering = Numbering::from_name(v).ok_or_else(|| bad("--numbering", v))?;
    }
    if let Some(v) = p.value("--title") {
        options.title = match v {
            "first-sentence" => TitleMode::FirstSentence,
            "none" | "" => TitleMode::None,
            text => TitleMode::Custom(text.to_owned()),
        };
    }
    if let Some(v) = p.value("--theme") {
        options.theme = match v {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            "auto" => Theme::Auto,
            _ => return Err(bad("--theme", v)),
        };
    }
    if let Some(v) = p.value("--html-style") {
        options.html_style = match v {
            "classes" => HtmlStyle::Classes,
            "inline" => HtmlStyle::Inline,
            _ => return Err(bad("--html-style", v)),
        };
    }
    options.keep_markers = p.flag("--keep-markers");
    options.merge = p.flag("--merge");
    options.show_times = p.flag("--show-times");
    options.author_only = p.flag("--author-only");
    options.include_removed = p.flag("--include-removed");
    options.link_entities = !p.flag("--no-link-entities");
    Ok(())
}

fn repair_cmd(args: &[String]) -> Result<(), Failure> {
    let p = parse(args, &["--out"], &["--jsonl"])?;
    if !p.flag("--jsonl") {
        let input = read_input(p.file.as_deref())?;
        return write_to(&unspool::repair::repair(&input).text, p.value("--out"));
    }
    json_per_input(&p, |text| {
        json::to_string(&unspool::repair::repair(text).text)
    })
}

/// Runs `each` (text → one line of JSON) on the input: on every line (a JSON string) with
/// `--jsonl`; else on the whole input.
fn json_per_input(p: &Parsed, each: impl Fn(&str) -> String) -> Result<(), Failure> {
    let mut out = String::new();
    if !p.flag("--jsonl") {
        let input = read_input(p.file.as_deref())?;
        out.push_str(&each(&input));
        out.push('\n');
        return write_to(&out, p.value("--out"));
    }
    let reader: Box<dyn BufRead> = match p.file.as_deref() {
        None | Some("-") => Box::new(io::stdin().lock()),
        Some(path) => Box::new(io::BufReader::new(
            std::fs::File::open(path)
                .map_err(|e| Failure::Input(format!("cannot read {path}: {e}")))?,
        )),
    };
    // Records repeat in real batches (a retweet, a boilerplate line, a dataset's duplicates),
    // and each record's answer depends on its text alone (each is its own document; the
    // options are the run's): a record seen before is answered from the first answer, byte
    // for byte what working it out again gives. Each record kept maps to where its answer is
    // in `out` (one hash a record, through `entry`; std's keyed hash, as records are untrusted
    // input). Bounded: the first `JSONL_CACHE_BYTES` of records and answers are kept, and a
    // stream whose first `JSONL_CACHE_TRIAL` records hold almost no repeat is not cached
    // further (hashing and keeping every record cost a stream of distinct ones ~7%).
    let mut seen: HashMap<String, (usize, usize)> = HashMap::new();
    let (mut cached, mut records, mut repeats) = (0usize, 0usize, 0usize);
    let mut caching = true;
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| Failure::Input(format!("cannot read line {}: {e}", n + 1)))?;
        if line.trim().is_empty() {
            continue;
        }
        records += 1;
        if caching && records == JSONL_CACHE_TRIAL && repeats * 64 < records {
            caching = false;
            seen = HashMap::new();
        }
        let slot = if caching {
            match seen.entry(line) {
                Entry::Occupied(e) => {
                    repeats += 1;
                    let (start, end) = *e.get();
                    // SAFETY: `out[start..end]` is an answer pushed whole before (a `str` and
                    // its line break), so `out` stays UTF-8. (`String::extend_from_within` is
                    // newer than the crate's minimum Rust.)
                    unsafe { out.as_mut_vec().extend_from_within(start..end) };
                    continue;
                }
                Entry::Vacant(v) => Ok(v),
            }
        } else {
            Err(line)
        };
        let record = match &slot {
            Ok(v) => v.key(),
            Err(line) => line,
        };
        let text: String = serde_json::from_str(record)
            .map_err(|e| Failure::Input(format!("line {} is not a JSON string: {e}", n + 1)))?;
        let start = out.len();
        out.push_str(&each(&text));
        out.push('\n');
        if let Ok(v) = slot {
            if cached <= JSONL_CACHE_BYTES {
                cached += v.key().len() + (out.len() - start);
                v.insert((start, out.len()));
            }
        }
    }
    write_to(&out, p.value("--out"))
}

/// How many bytes of records and their answers `json_per_input` keeps to answer repeats.
const JSONL_CACHE_BYTES: usize = 64 << 20;

/// After how many records `json_per_input` stops caching a stream with fewer than one
/// repeat in 64 so far.
const JSONL_CACHE_TRIAL: usize = 4096;

fn entities_cmd(args: &[String]) -> Result<(), Failure> {
    let p = parse(args, &["--platform", "--out"], &["--jsonl"])?;
    // twitter-text's rules by default; a platform whose handles look like `@user@instance`
    // reads them as one mention.
    let handles = match p.value("--platform") {
        None => unspool::entities::Handles::Twitter,
        Some(name) => unspool::entities::Handles::of(
            Platform::from_name(name)
                .ok_or_else(|| Failure::Usage(format!("unknown platform {name:?}")))?,
        ),
    };
    json_per_input(&p, |text| {
        json::to_string(&unspool::entities::extract_with(text, handles))
    })
}

fn target(p: &Parsed) -> Result<unspool::compose::Target, Failure> {
    let name = p
        .value("--platform")
        .ok_or_else(|| Failure::Usage("--platform is required".into()))?;
    unspool::compose::Target::from_name(name)
        .ok_or_else(|| Failure::Usage(format!("unknown platform {name:?}")))
}

fn limit(p: &Parsed) -> Result<Option<usize>, Failure> {
    p.value("--limit")
        .map(|v| {
            v.parse::<usize>()
                .map_err(|_| Failure::Usage(format!("--limit needs a number, got {v:?}")))
        })
        .transpose()
}

fn split_cmd(args: &[String]) -> Result<(), Failure> {
    use unspool::compose::{ComposeNumbering, SplitOptions};
    let p = parse(
        args,
        &["--platform", "--numbering", "--limit", "--out"],
        &[],
    )?;
    let target = target(&p)?;
    let numbering = match p.value("--numbering") {
        None => ComposeNumbering::None,
        Some(name) => ComposeNumbering::from_name(name)
            .ok_or_else(|| Failure::Usage(format!("unknown numbering {name:?}")))?,
    };
    let options = SplitOptions {
        numbering,
        limit: limit(&p)?,
    };
    let input = read_input(p.file.as_deref())?;
    let posts = unspool::compose::split(&input, target, &options);
    let mut out = json::to_string_pretty(&posts);
    out.push('\n');
    write_to(&out, p.value("--out"))
}

fn count_cmd(args: &[String]) -> Result<(), Failure> {
    use unspool::compose::{count, count_x, Target, XConfig, X_CONFIG_V2, X_CONFIG_V3};
    let p = parse(
        args,
        &["--platform", "--config", "--limit", "--out"],
        &["--jsonl"],
    )?;
    let target = target(&p)?;
    let limit = limit(&p)?;
    let config = match p.value("--config") {
        None | Some("v3") => X_CONFIG_V3,
        Some("v2") => X_CONFIG_V2,
        Some(other) => return Err(Failure::Usage(format!("unknown config {other:?}"))),
    };
    if p.value("--config").is_some() && target != Target::X {
        return Err(Failure::Usage(
            "--config applies to --platform x only".into(),
        ));
    }
    let config = XConfig {
        max_weighted_length: limit.unwrap_or(config.max_weighted_length),
        ..config
    };
    json_per_input(&p, |text| {
        let c = if target == Target::X {
            count_x(text, &config)
        } else {
            count(text, target, limit)
        };
        json::to_string(&c)
    })
}

//! Repair throughput on the corpus `ftfy-eval --bench` builds: ftfy's test-case originals
//! (nearly all mojibake) repeated to ~5 MB, and their fixed texts (clean) repeated to ~5 MB.
//! Single thread, release build: `cargo bench --bench repair`. Prints MB/s of UTF-8 input,
//! whole text and line by line. `tools/bench-repair.sh` runs ftfy on the same texts and
//! prints the ratio.

use std::time::Instant;

mod synth;

#[path = "../tests/support/corpus.rs"]
mod corpus_dir;
use corpus_dir::corpus;

/// `base` repeated to just over `mb` megabytes, as ftfy-eval does.
fn repeat_to(base: &str, mb: f64) -> String {
    let reps = (mb * 1e6 / base.len() as f64) as usize + 1;
    base.repeat(reps)
}

/// Times `f` (best of `runs`); with `UNSPOOL_BENCH_ONLY=word` set, only the rows whose
/// label holds that word run (for profiling one input).
fn time(label: &str, bytes: usize, runs: usize, mut f: impl FnMut() -> usize) -> f64 {
    if std::env::var("UNSPOOL_BENCH_ONLY").is_ok_and(|w| !label.contains(w.as_str())) {
        return 0.0;
    }
    let mut best = f64::MAX;
    let mut check = 0;
    for _ in 0..runs {
        let t = Instant::now();
        check = f();
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mbs = bytes as f64 / 1e6 / best;
    println!("   {label:<44} {best:7.3} s  {mbs:9.1} MB/s   ({check} repairs)");
    mbs
}

fn main() {
    let text = std::fs::read_to_string(corpus().join("ftfy/cases.jsonl"))
        .expect("the ftfy cases are in the corpus");
    let cases: Vec<serde_json::Value> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a JSON object per line"))
        .collect();
    let field = |c: &serde_json::Value, k: &str| c[k].as_str().unwrap_or_default().to_owned();
    let originals: Vec<String> = cases.iter().map(|c| field(c, "original")).collect();
    let fixed: Vec<String> = cases.iter().map(|c| field(c, "fixed")).collect();
    let mojibake = repeat_to(&(originals.join("\n") + "\n"), 5.0);
    let clean = repeat_to(&(fixed.join("\n") + "\n"), 5.0);
    let lines: Vec<&str> = mojibake.lines().collect();
    let clean_lines: Vec<&str> = clean.lines().collect();
    let ascii = repeat_to(
        "Plain ASCII thread text, 1/ with a link https://example.com and @mentions.\n",
        5.0,
    );
    println!(
        "== unspool repair throughput  mojibake corpus={:.2} MB, clean={:.2} MB (release, 1 thread)",
        mojibake.len() as f64 / 1e6,
        clean.len() as f64 / 1e6
    );
    let runs = 3;
    time("repair(whole mojibake text)", mojibake.len(), runs, || {
        unspool::repair::repair(&mojibake).repairs.len()
    });
    let per_line = time("repair per line (mojibake)", mojibake.len(), runs, || {
        lines
            .iter()
            .map(|l| unspool::repair::repair(l).repairs.len())
            .sum()
    });
    let clean_whole = time(
        "repair(whole) on already-clean text",
        clean.len(),
        runs,
        || unspool::repair::repair(&clean).repairs.len(),
    );
    time(
        "repair per line on already-clean text",
        clean.len(),
        runs,
        || {
            clean_lines
                .iter()
                .map(|l| unspool::repair::repair(l).repairs.len())
                .sum()
        },
    );
    time("repair(whole) on ASCII text", ascii.len(), runs, || {
        unspool::repair::repair(&ascii).repairs.len()
    });
    // Clean prose in many scripts with emoji: the repair fixtures' sentences (each must come
    // out of repair unchanged), as paragraphs.
    let sentences = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/repair/sentences.txt"
    ))
    .expect("the sentences fixture is readable");
    let prose: Vec<&str> = sentences
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(_, s)| s))
        .collect();
    let multi = repeat_to(&(prose.join("\n") + "\n"), 5.0);
    time(
        "repair(whole) on clean prose, many scripts",
        multi.len(),
        runs,
        || unspool::repair::repair(&multi).repairs.len(),
    );
    let x1000 = synth::x_thread(1000);
    time("repair(whole) on x-1000", x1000.len(), runs * 3, || {
        unspool::repair::repair(&x1000).repairs.len()
    });
    println!("UNSPOOL_MOJIBAKE_MBS={per_line:.1}");
    println!("UNSPOOL_CLEAN_MBS={clean_whole:.1}");
}

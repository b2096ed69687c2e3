//! Times `unspool::repair::repair` on one file, `N` times in one process (default 15), and
//! prints the median and fastest run: the stage alone, with the heap kept between runs (no
//! other bench rows before it), for comparing two builds run alternately and for `perf`.
//!
//! `cargo run --release --example repair_loop -- target/bench/mojibake-distinct-5mb.txt 15`

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: repair_loop FILE [RUNS]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("repair_loop: {path}: {e}");
            std::process::exit(1);
        }
    };
    let runs: usize = args
        .get(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(15)
        .max(1);
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(unspool::repair::repair(std::hint::black_box(&text)));
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let median = times[runs / 2];
    println!(
        "median {:.3} ms  {:.1} MB/s  fastest {:.3} ms  ({runs} runs)",
        median * 1e3,
        text.len() as f64 / 1e6 / median,
        times[0] * 1e3
    );
}

#!/usr/bin/env bash
# `make bench`: every performance figure of issue 9 in one run, printed (nothing asserted).
#   1. native throughput of each stage and of the pipeline (cargo bench: benches/pipeline.rs,
#      and benches/repair.rs when it exists), with the pipeline and linearity budgets;
#   2. repair side by side with ftfy 6.3.1 and plsfix (tools/bench.py), installed if missing,
#      and the CLI's peak memory on a 10 MB paste (/usr/bin/time -v, installed if missing);
#   3. in-browser timing in headless Chromium (tools/bench-browser.mjs) unless --native-only.
# The figures go to the terminal and to target/bench/ (pipeline.jsonl, side-by-side.json,
# browser.json); BENCHMARKS.md records a run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '\nbench: %s\n' "$*" >&2; }
need_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

native_only=false
[ "${1:-}" = "--native-only" ] && native_only=true

if ! python3 -c 'import ftfy, plsfix, sys; sys.exit(ftfy.__version__ != "6.3.1")' 2>/dev/null; then
  say "installing ftfy 6.3.1 and plsfix from PyPI"
  python3 -m pip install --quiet 'ftfy==6.3.1' plsfix
fi
if [ ! -x /usr/bin/time ]; then
  say "installing GNU time for peak-memory figures"
  need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y time
fi

say "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(date -u '+%Y-%m-%d %H:%M UTC')"
# Benches unwind (the release profile they inherit says panic = "abort", which a bench binary
# cannot link against) and build in their own target directory so the two never mix.
export CARGO_PROFILE_BENCH_PANIC=unwind CARGO_TARGET_DIR=target/bench-build
say "native throughput (cargo bench --bench pipeline)"
# shellcheck disable=SC2086 # BENCH_ARGS is a list of words (e.g. --quick)
cargo bench --bench pipeline -- ${BENCH_ARGS:-}
if [ -f benches/repair.rs ]; then
  say "repair stage (cargo bench --bench repair)"
  cargo bench --bench repair
fi
CARGO_TARGET_DIR=target cargo build --release --quiet
say "side by side with ftfy and plsfix; peak memory"
python3 tools/bench.py
if ! $native_only; then
  say "in-browser timing (headless Chromium)"
  node tools/bench-browser.mjs
fi

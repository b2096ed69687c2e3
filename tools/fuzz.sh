#!/usr/bin/env bash
# `make fuzz FUZZ_SECONDS=600`: runs every cargo-fuzz target in fuzz/ for that long (libFuzzer),
# FUZZ_JOBS at a time (default 2) under `nice -n 19`, then prints executions and findings.
#   tools/fuzz.sh [SECONDS] [TARGET...]
#   FUZZ_FLAGS="-fork=1 -ignore_crashes=1" keeps a target fuzzing after a known finding.
# Stable toolchain: `-s none` (no sanitizer, so no -Z flag); RUSTC_BOOTSTRAP=1 only if cargo-fuzz
# still asks for nightly. Seeds: the shared corpus pastes (read in place, never copied), and for
# render_thread the JSON model of each paste. New inputs go to fuzz/corpus/<target>/, crashes to
# fuzz/artifacts/<target>/ (both ignored by git): each crash must become a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf 'fuzz: %s\n' "$*" >&2; }

seconds=${1:-${FUZZ_SECONDS:-60}}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(repair segment format render_html render_markdown render_thread)
jobs=${FUZZ_JOBS:-2}
pastes=../shared/corpus/pastes
[ -d "$pastes" ] || pastes=/work/shared/corpus/pastes

if ! command -v cargo-fuzz >/dev/null; then
  say "installing cargo-fuzz"
  cargo install cargo-fuzz
fi
# Stable works with `-s none`; RUSTC_BOOTSTRAP=1 is the fallback for a cargo-fuzz that asks for
# nightly. It is used for every step once needed (changing it rebuilds everything).
bootstrap=
say "building the fuzz targets"
if ! nice -n 19 cargo fuzz build -s none 2>&1 | tail -n 3; then
  bootstrap=RUSTC_BOOTSTRAP=1
  nice -n 19 env RUSTC_BOOTSTRAP=1 cargo fuzz build -s none 2>&1 | tail -n 3
fi

# render_thread reads a Thread as JSON: seed it with the model of every paste.
if [[ " ${targets[*]} " == *" render_thread "* ]]; then
  cargo build --release --quiet
  mkdir -p fuzz/corpus/render_thread
  for f in "$pastes"/*.txt; do
    target/release/unspool "$f" --to json > "fuzz/corpus/render_thread/$(basename "$f" .txt).json"
  done
fi

logs=target/fuzz-logs
mkdir -p "$logs"
run() {
  local t=$1
  mkdir -p "fuzz/corpus/$t"
  local seeds=("$pastes")
  [ "$t" = render_thread ] && seeds=()
  say "running $t for ${seconds}s"
  # shellcheck disable=SC2086 # $bootstrap is empty or one assignment
  nice -n 19 env $bootstrap cargo fuzz run -s none "$t" "fuzz/corpus/$t" "${seeds[@]}" -- \
    -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    ${FUZZ_FLAGS:-} \
    > "$logs/$t.log" 2>&1 || true
}
running=0
for t in "${targets[@]}"; do
  run "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
done
wait

status=0
printf '\n%-16s %12s %10s %8s  %s\n' target executions exec/s corpus findings
for t in "${targets[@]}"; do
  log="$logs/$t.log"
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
  # fork mode prints no final stats: the last status line's count
  [ -n "$runs" ] || runs=$(grep -o '^#[0-9]*' "$log" | tr -d '#' | tail -1 || true)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
  corpus=$(find "fuzz/corpus/$t" -type f | wc -l)
  found=$(find "fuzz/artifacts/$t" -type f 2>/dev/null | wc -l)
  if grep -q -E 'ERROR: libFuzzer|panicked at|deadly signal' "$log"; then status=1; fi
  printf '%-16s %12s %10s %8s  %s\n' "$t" "${runs:-?}" "${speed:-?}" "$corpus" \
    "$([ "$found" -gt 0 ] && echo "$found in fuzz/artifacts/$t (see $log)" || echo none)"
done
exit $status

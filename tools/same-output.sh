#!/usr/bin/env bash
# Whether a change keeps unspool's output byte for byte: compares two binaries' output on every
# paste of the shared corpus, every test fixture and every bench input, through `repair` and
# each format (html, json, markdown, text), and ftfy's cases through `repair --jsonl`.
#   tools/same-output.sh BASE_BIN NEW_BIN
# Build the base first, e.g. `git worktree add /tmp/base <rev> && cargo build --release` there.
# The bench inputs (target/bench/*.txt) come from `cargo bench --bench pipeline -- --quick x-20`.
# Prints each case that differs and a count; exits 1 if any differs.
set -uo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: tools/same-output.sh BASE_BIN NEW_BIN}
new=${2:?usage: tools/same-output.sh BASE_BIN NEW_BIN}
corpus=../shared/corpus
[ -d "$corpus" ] || corpus=/work/shared/corpus
files=()
for f in "$corpus"/pastes/*.txt; do files+=("$f"); done
while IFS= read -r f; do files+=("$f"); done < <(find tests/fixtures -type f ! -name '*.json' ! -name '*.html' ! -name '*.md' | sort)
for f in target/bench/x-20.txt target/bench/x-1000.txt target/bench/x-mixed-5mb.txt; do
  [ -f "$f" ] && files+=("$f")
done
n=0
bad=0
for f in "${files[@]}"; do
  for mode in repair html json markdown text; do
    if [ "$mode" = repair ]; then args=(repair "$f"); else args=("$f" --to "$mode"); fi
    n=$((n + 1))
    if ! cmp -s <("$base" "${args[@]}" 2>&1) <("$new" "${args[@]}" 2>&1); then
      bad=$((bad + 1))
      echo "differs: ${args[*]}"
    fi
  done
done
for f in target/bench/mojibake-5mb.txt target/bench/mojibake-distinct-5mb.txt; do
  [ -f "$f" ] || continue
  n=$((n + 1))
  if ! cmp -s <("$base" repair "$f") <("$new" repair "$f"); then
    bad=$((bad + 1))
    echo "differs: repair $f"
  fi
done
cases=$(mktemp)
python3 -c '
import json, sys
for line in open(sys.argv[1]):
    case = json.loads(line)
    for key in ("original", "fixed"):
        print(json.dumps(case[key]))
' "$corpus/ftfy/cases.jsonl" > "$cases"
n=$((n + 1))
if ! cmp -s <("$base" repair --jsonl < "$cases") <("$new" repair --jsonl < "$cases"); then
  bad=$((bad + 1))
  echo "differs: repair --jsonl on ftfy's cases"
fi
rm -f "$cases"
echo "compared: $n, differing: $bad"
[ "$bad" -eq 0 ]

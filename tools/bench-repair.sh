#!/bin/sh
# Repair throughput, unspool and ftfy side by side, on the same ~5 MB corpora that
# `ftfy-eval --bench` builds from ftfy's test cases (all-mojibake originals; their clean
# fixed texts). Single thread. Prints MB/s for each and the ratio unspool / ftfy.
#
#   tools/bench-repair.sh            # needs: cargo, python3 with ftfy==6.3.1
#   FTFY_EVAL=path/to/ftfy-eval tools/bench-repair.sh
set -eu
cd "$(dirname "$0")/.."
EVAL=${FTFY_EVAL:-../shared/tools/ftfy-eval}
[ -x "$EVAL" ] || EVAL=/work/shared/tools/ftfy-eval

ours=$(cargo bench --quiet --bench repair 2>/dev/null | grep -v "^warning\|^ *[|=]\|^$" || true)
echo "$ours" | grep -v '^UNSPOOL_'
theirs=$("$EVAL" --bench --mb 5 2>/dev/null | sed -n '/== throughput/,$p')
echo "$theirs"

u_moji=$(echo "$ours" | sed -n 's/^UNSPOOL_MOJIBAKE_MBS=//p')
u_clean=$(echo "$ours" | sed -n 's/^UNSPOOL_CLEAN_MBS=//p')
f_moji=$(echo "$theirs" | sed -n 's/.*ftfy.fix_text per line .* \([0-9.]*\) MB\/s.*/\1/p')
f_clean=$(echo "$theirs" | sed -n 's/.*already-clean text .* \([0-9.]*\) MB\/s.*/\1/p' | head -1)
echo "== side by side (MB/s, per line on mojibake; whole text on clean text)"
awk -v um="$u_moji" -v fm="$f_moji" -v uc="$u_clean" -v fc="$f_clean" 'BEGIN {
  printf "   %-12s %10s %10s %8s\n", "corpus", "unspool", "ftfy", "ratio"
  printf "   %-12s %10.2f %10.3f %7.1fx\n", "mojibake", um, fm, um / fm
  printf "   %-12s %10.2f %10.3f %7.1fx\n", "clean", uc, fc, uc / fc
}'

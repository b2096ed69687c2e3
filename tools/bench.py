#!/usr/bin/env python3
"""unspool's repair stage side by side with ftfy 6.3.1 and plsfix, and native peak memory.

Run by tools/bench.sh (`make bench`) after `cargo bench --bench pipeline`, which writes the
inputs and unspool's own figures to target/bench/:
  mojibake-5mb.txt  ftfy's case originals joined by "\\n" and repeated to ~5 MB, exactly as
                    /work/shared/tools/ftfy-eval --bench builds its corpus (a few hundred
                    distinct lines, each thousands of times: unspool repairs a paste's repeated
                    lines once);
  mojibake-distinct-5mb.txt  the same with each line numbered, no two alike: the repair of
                    every line;
  x-mixed-5mb.txt   a synthetic X thread copy damaged as the seed was (the mixed table, its
                    undefined bytes lost): a realistic damaged paste;
  english-5mb.txt   clean English prose;
  x-10mb.txt        a synthetic 10 MB X thread copy;
  pipeline.jsonl    unspool's in-process median timings per input and stage.

Prints, in the same run: ftfy.fix_text and plsfix.fix_text on the whole of each text, the
unspool CLI (`unspool repair FILE`, process start included) on the same files, unspool's
in-process repair figure from pipeline.jsonl, and the ratios; then the peak resident memory of
the CLI on the 10 MB paste (`/usr/bin/time -v`) against the budget of 8x the input. Writes
target/bench/side-by-side.json.
"""
from __future__ import annotations

import importlib.metadata
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "target" / "bench"
CLI = ROOT / "target" / "release" / "unspool"


def timed(fn, runs: int = 1) -> float:
    """The best of `runs` wall-clock times of fn(), in seconds."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def cli_seconds(args: list[str], runs: int = 3) -> float:
    def go():
        subprocess.run([str(CLI), *args], check=True, stdout=subprocess.DEVNULL)
    return timed(go, runs)


def peak_rss_kb(args: list[str]) -> int | None:
    """Maximum resident set size of the CLI, from /usr/bin/time -v."""
    p = subprocess.run(["/usr/bin/time", "-v", str(CLI), *args],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    return int(m.group(1)) if m else None


def main() -> int:
    import ftfy
    import plsfix

    rows = [json.loads(l) for l in (BENCH / "pipeline.jsonl").read_text().splitlines() if l]
    ours = {(r["input"], r["stage"]): r for r in rows}
    result: dict = {"python": sys.version.split()[0], "ftfy": ftfy.__version__,
                    "plsfix": importlib.metadata.version("plsfix"), "repair": [], "memory": []}
    print(f"== repair, side by side (python {result['python']}, ftfy {result['ftfy']}, "
          f"plsfix {result['plsfix']})")
    print(f"   {'input':<21} {'program':<34} {'seconds':>9} {'MB/s':>9} {'unspool is':>12}  (faster, in process)")
    for name in ["mojibake-5mb", "mojibake-distinct-5mb", "x-mixed-5mb", "english-5mb"]:
        path = BENCH / f"{name}.txt"
        text = path.read_text(encoding="utf-8")
        nbytes = len(text.encode("utf-8"))
        unspool_s = ours[(name, "repair")]["seconds"]
        figures = [
            ("ftfy.fix_text (whole text)", timed(lambda: ftfy.fix_text(text))),
            ("plsfix.fix_text (whole text)", timed(lambda: plsfix.fix_text(text), 3)),
            ("unspool repair CLI (with start)", cli_seconds(["repair", str(path)])),
            ("unspool repair (in process)", unspool_s),
        ]
        for program, seconds in figures:
            line = f"   {name:<21} {program:<34} {seconds:9.3f} {nbytes / 1e6 / seconds:9.2f}"
            if not program.startswith("unspool"):
                line += f" {seconds / unspool_s:10.1f}x"
            print(line)
            result["repair"].append({"input": name, "bytes": nbytes, "program": program,
                                     "seconds": seconds, "mb_per_s": nbytes / 1e6 / seconds})
        ftfy_s = figures[0][1]
        verdict = "ok" if ftfy_s / unspool_s >= 100 else "UNDER BUDGET"
        print(f"   budget: repair {ftfy_s / unspool_s:.0f}x ftfy on {name} (>= 100x): {verdict}")

    print("== peak memory of the CLI (/usr/bin/time -v)")
    paste = BENCH / "x-10mb.txt"
    size = paste.stat().st_size
    for to in ["html", "json"]:
        kb = peak_rss_kb([str(paste), "--to", to])
        if kb is None:
            print("   /usr/bin/time -v gave no figure")
            continue
        ratio = kb * 1024 / size
        verdict = "ok" if ratio <= 8 else "OVER BUDGET"
        print(f"   x-10mb ({size / 1e6:.1f} MB) --to {to:<5} peak RSS {kb / 1024:7.1f} MiB = "
              f"{ratio:4.1f}x the input (<= 8x): {verdict}")
        result["memory"].append({"input": "x-10mb", "bytes": size, "to": to, "peak_rss_kb": kb,
                                 "ratio": ratio})
    (BENCH / "side-by-side.json").write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

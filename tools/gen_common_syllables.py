#!/usr/bin/env python3
"""The commonest Hangul syllables by their own share of the syllables of wordfreq's Korean words
(weighted by each word's frequency), grouped by cost (-log2 of the share, rounded), for
`src/repair/mojibake.rs`'s `COMMON_SYLLABLES`: `letter_rank` ranks a syllable by the shares
of its three parts, which misjudges the commonest ones (`는`, the topic particle, costs 5.4
bits by its own share and 10 by its parts'), so those take their own. Prints the first N
(default 96), commonest first, as offsets from U+AC00, and where each cost (from 5 bits up)
ends among them, as Rust arrays.

  tools/gen_common_syllables.py [N]
"""
import collections
import math
import subprocess
import sys

try:
    import wordfreq
except ImportError:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "wordfreq"], check=True)
    import wordfreq


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 96
    freq: collections.Counter = collections.Counter()
    for word, f in wordfreq.get_frequency_dict("ko").items():
        for ch in word:
            if 0xAC00 <= ord(ch) <= 0xD7A3:
                freq[ch] += f
    total = sum(freq.values())
    chosen = freq.most_common(n)
    costs = [math.floor(-math.log2(f / total) + 0.5) for _, f in chosen]
    ends = [k + 1 for k in range(len(costs)) if k + 1 == len(costs) or costs[k + 1] != costs[k]]
    assert costs[0] == 5 and all(b - a <= 1 for a, b in zip(costs, costs[1:]))
    print("".join(ch for ch, _ in chosen))
    offsets = [ord(ch) - 0xAC00 for ch, _ in chosen]
    rows = [", ".join(str(o) for o in offsets[k:k + 12]) for k in range(0, len(offsets), 12)]
    print(f"const COMMON_SYLLABLES: [u16; {len(offsets)}] = [\n    " + ",\n    ".join(rows) + ",\n];")
    print(f"const SYLLABLE_COST_ENDS: [u8; {len(ends)}] = {ends};")

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""How common each kana is in Japanese, for `src/repair/mojibake.rs`'s `KANA_COST`: for each
hiragana from `ぁ` (U+3041) and each katakana from `ァ` (U+30A1), 0x5A of each, its cost
(-log2 of its share of the kana of wordfreq's Japanese words, weighted by each word's
frequency, rounded), 30 at most. Printed as a Rust array, hiragana first.

  tools/gen_kana_costs.py
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
    freq: collections.Counter = collections.Counter()
    for word, f in wordfreq.get_frequency_dict("ja").items():
        for ch in word:
            u = ord(ch)
            if 0x3041 <= u <= 0x3096 or 0x30A1 <= u <= 0x30FA:
                freq[(u - 0x3041) % 0x60 + (0x5A if u >= 0x30A1 else 0)] += f
    total = sum(freq.values())
    costs = [min(30, round(-math.log2(freq[k] / total))) if freq[k] else 30 for k in range(0xB4)]
    rows = [", ".join(str(c) for c in costs[k:k + 24]) for k in range(0, len(costs), 24)]
    print("const KANA_COST: [u8; 0xB4] = [\n    " + ",\n    ".join(rows) + ",\n];")


if __name__ == "__main__":
    main()

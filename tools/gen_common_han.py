#!/usr/bin/env python3
"""The commonest CJK ideographs of Chinese and Japanese text, by use, for `src/repair/mojibake.rs`'s
`COMMON_HAN` and `COMMON_HAN_ENDS`.

Ranked by their frequency in wordfreq's Chinese and Japanese words (half each), the first N
(default 700, 80% of the ideographs of such text) are grouped by how common each is: group k
holds those used between 4^-k and 4^-(k+1) times as often as the commonest (`的`). Each
group's offsets from U+4E00 are sorted and written as the differences from the one before
(from 0 at each group's start), one byte below 0x80, else two (0x80 | high, low): 1.2 bytes
an ideograph, where u16 offsets took 2 (the .wasm ~370 B smaller gzipped). Printed: the
first 40 chars in order of use (for the doc comment), the shares, then the Rust constants.

Two uses: which reading of a sequence that lost a byte in copying is likely (an ideograph
outside the table is not read at all), and which of two readings of the mixed table's
ambiguous bytes (`„` `“` `”` are both 0x84/0x93/0x94 and 0xA5/0xB4/0xA1: `的` E7 9A 84
or `皥` E7 9A A5) is the commoner.

  tools/gen_common_han.py [N]
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
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 700
    freq: collections.Counter = collections.Counter()
    for lang in ("zh", "ja"):
        for word, f in wordfreq.get_frequency_dict(lang).items():
            for ch in word:
                if 0x4E00 <= ord(ch) <= 0x9FFF:
                    freq[ch] += f / 2
    top = freq.most_common(n)
    total = sum(freq.values())
    print("".join(c for c, _ in top[:40]))
    print(f"{n} ideographs, {sum(f for _, f in top) / total:.0%} of the uses")
    groups = collections.defaultdict(list)
    for c, f in top:
        groups[int(math.log2(top[0][1] / f) / 2)].append(ord(c) - 0x4E00)
    out = bytearray()
    ends = []
    for k in sorted(groups):
        prev = 0
        for x in sorted(groups[k]):
            d = x - prev
            prev = x
            out += bytes([d]) if d < 0x80 else bytes([0x80 | d >> 8, d & 0xFF])
        ends.append(len(out))
    print(f"groups of {[len(groups[k]) for k in sorted(groups)]} ideographs")
    lines = ["".join(f"\\x{b:02x}" for b in out[k:k + 24]) for k in range(0, len(out), 24)]
    print("const COMMON_HAN: &[u8] = b\"" + "\\\n    ".join(lines) + "\";")
    print(f"const COMMON_HAN_ENDS: [u16; {len(ends)}] = {ends};")


if __name__ == "__main__":
    main()

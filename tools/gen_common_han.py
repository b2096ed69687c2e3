#!/usr/bin/env python3
"""The commonest CJK ideographs that the mixed table (windows-1252's 0x80–0x9F row, ISO-8859-13
above) makes ambiguous: it writes `„` `“` `”` both as 0x84/0x93/0x94 and as 0xA5/0xB4/0xA1, so
an ideograph with one of those six bytes after its lead reads two ways (`的` E7 9A 84 or `皥`
E7 9A A5). Ranked by their frequency in wordfreq's Chinese and Japanese words (half each),
the first N (default 100) printed for `src/repair/mojibake.rs`'s `COMMON_HAN`: the chars in
order of use (for its doc comment), then their offsets from U+4E00, sorted, as a Rust array.
Of every ambiguous ideograph in such text, the first 100 are 79%; for each of them the other
reading is the rarer char.

  tools/gen_common_han.py [N]
"""
import collections
import subprocess
import sys

try:
    import wordfreq
except ImportError:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "wordfreq"], check=True)
    import wordfreq

TWO_WAY = {0x84, 0x93, 0x94, 0xA1, 0xA5, 0xB4}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    freq: collections.Counter = collections.Counter()
    for lang in ("zh", "ja"):
        for word, f in wordfreq.get_frequency_dict(lang).items():
            for ch in word:
                if 0x4E00 <= ord(ch) <= 0x9FFF:
                    freq[ch] += f / 2
    ambiguous = [c for c, _ in freq.most_common() if TWO_WAY & set(c.encode()[1:])]
    chosen = ambiguous[:n]
    print("".join(chosen))
    offsets = sorted(ord(c) - 0x4E00 for c in chosen)
    rows = [", ".join(str(o) for o in offsets[k:k + 14]) for k in range(0, len(offsets), 14)]
    print(f"const COMMON_HAN: [u16; {len(offsets)}] = [\n    " + ",\n    ".join(rows) + ",\n];")


if __name__ == "__main__":
    main()

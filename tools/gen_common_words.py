#!/usr/bin/env python3
"""The commonest words of a script whose letters a page can lose in copying (Hebrew, Arabic):
windows-1253 drops the second byte of `א ט ך ל ם מ ן ת` (D7 90, 98, 9A, 9C–9F, AA), so a lone
lead `Χ` reads as any of eight letters, and the letters of a word, each chosen alone, seldom
make the word (`היל` for `היא`). Of the first N (default 200) words of wordfreq's list for
the language, written only with the script's letters, those with a letter some page can lose
the second byte of (the others never read from a lone lead), commonest first, printed as one
string of space-separated words for `src/repair/mojibake.rs`'s `COMMON_WORDS_*`. Also prints
the share of the language's word uses (by wordfreq's frequencies) that the N words are.
`cyr` is Russian and Ukrainian, their frequencies added; `el` is Greek, with the final sigma
`ς` that wordfreq folds into `σ`.

  tools/gen_common_words.py LANG [N]      (LANG: he, ar, cyr or el)
"""
import subprocess
import sys

try:
    import wordfreq
except ImportError:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "wordfreq"], check=True)
    import wordfreq

LETTERS = {"he": (0x5D0, 0x5EA), "ar": (0x621, 0x64A), "cyr": (0x430, 0x45F), "el": (0x386, 0x3CE)}
# The pages that leave bytes undefined (lost in copying); the mixed table's are windows-1252's.
PAGES = ["cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "cp874"]


def undefined() -> set[int]:
    out = set()
    for page in PAGES:
        for b in range(0x80, 0x100):
            try:
                bytes([b]).decode(page)
            except UnicodeDecodeError:
                out.add(b)
    return out


def frequencies(lang: str) -> dict[str, float]:
    if lang != "cyr":
        return wordfreq.get_frequency_dict(lang)
    out: dict[str, float] = {}
    for part in ("ru", "uk"):
        for w, f in wordfreq.get_frequency_dict(part).items():
            out[w] = out.get(w, 0) + f
    return out


def main() -> None:
    lang = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    lo, hi = LETTERS[lang]
    lost = undefined()
    table = frequencies(lang)
    if lang == "el":
        # wordfreq folds Greek's final sigma into `σ`; text writes `ς` at a word's end.
        folded: dict[str, float] = {}
        for w, f in table.items():
            w = w[:-1] + "ς" if len(w) > 1 and w.endswith("σ") else w
            folded[w] = folded.get(w, 0) + f
        table = folded
    top = sorted(table, key=lambda w: -table[w])[:20000]
    words = [w for w in top if all(lo <= ord(c) <= hi for c in w)][:5000]
    freq = [table[w] for w in words]
    share = sum(freq[:n]) / sum(freq)
    kept = [w for w in words[:n] if any(c.encode()[1] in lost for c in w)]
    print(f"// {n} words, {share:.0%} of the uses of the first {len(words)}: {len(kept)} kept")
    print('"' + " ".join(kept) + '"')


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Which letters beyond ASCII each language written with Latin letters uses, and how often:
printed for `src/repair/mojibake.rs`'s `LATIN_LETTERS`, which weighs twin pages' readings
(windows-1250 or ISO-8859-2 read `ĂĄ` as `å` or `á`) by how likely each reading's letters
are together in one language.

Each language has a weight (in `LATIN_WEIGHTS`) and a run of bytes in `LATIN_LETTERS`: each
letter with its level, the commonest first, then a space. A level k (a byte below 0x20)
stands for a share of 2^(-k/2) (the letter's share of the language's letters in wordfreq's
5,000 commonest words, weighted by frequency; the weight's, the language's share of the web,
W3Techs' figures of websites by content language, roughly, in percent below). A letter of
U+00C0–U+017F is its code less 0x80 (0x40–0xFF), Romanian `ș` and `ț` are 0x57 and 0x77 (the
places of `×` and `÷`, no letters). Letters rarer than level 18 (0.2%) are left out, and so
are the others (twin pages read no others differently). wordfreq folds German `ß` into `ss`:
its share (0.3%) is put back. Each language is printed readably too (to stderr: letter, then
level as `a` + k). The two constants are then laid out by `cargo fmt`.

  tools/gen_latin_letters.py
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

# Shares of the web by content language (percent, roughly).
# Catalan, Slovenian and Norwegian are left out: their letters are those of Spanish, French
# and Italian, of Serbo-Croatian, of Danish, at like shares (the table is shipped in the .wasm).
WEB = {"es": 6.0, "de": 5.5, "fr": 4.4, "pt": 3.7, "it": 2.5, "pl": 1.7, "tr": 1.5,
       "vi": 1.1, "cs": 0.9, "sv": 0.6, "hu": 0.5, "ro": 0.5, "da": 0.4, "sk": 0.3, "fi": 0.3,
       "sh": 0.2, "lt": 0.2, "lv": 0.1}
EXTRA = {"de": {"ß": 0.003}}
MAX_LEVEL = 18


def level(share: float) -> int:
    return round(-2 * math.log2(share))


def shares(lang: str) -> dict[str, float]:
    count: collections.Counter = collections.Counter()
    total = 0.0
    for w in wordfreq.top_n_list(lang, 5000):
        f = wordfreq.word_frequency(w, lang)
        for ch in w:
            if ch.isalpha():
                total += f
                if not ch.isascii():
                    count[ch] += f
    out = {c: v / total for c, v in count.items()}
    out.update(EXTRA.get(lang, {}))
    return out


def main() -> None:
    out = []
    weights = []
    for lang, web in sorted(WEB.items(), key=lambda kv: -kv[1]):
        letters = sorted(shares(lang).items(), key=lambda kv: -kv[1])
        readable = chr(ord("a") + level(web / 100))
        weights.append(level(web / 100))
        for c, share in letters:
            if ("\u00c0" <= c <= "\u017f" or c in "șț") and level(share) <= MAX_LEVEL:
                readable += c + chr(ord("a") + level(share))
                out += [{"ș": 0x57, "ț": 0x77}.get(c, ord(c) - 0x80), level(share)]
        out.append(0x20)
        print(f"{lang}: {readable}", file=sys.stderr)
    tokens = [f"\\x{b:02x}" if b < 0x20 or b >= 0x7F or b in (0x22, 0x5C) else chr(b)
              for b in out]
    lines = [""]
    for t in tokens:
        if len(lines[-1]) + len(t) > 92:
            lines.append("")
        # A space starting a line would be taken for the continuation's indent.
        lines[-1] += "\\x20" if t == " " and not lines[-1] else t
    print(f"const LATIN_WEIGHTS: [u8; {len(weights)}] = {weights};")
    print("const LATIN_LETTERS: &[u8] = b\"" + "\\\n    ".join(lines) + "\";")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The commonest words of a script whose letters a page can lose in copying (Hebrew, Arabic):
windows-1253 drops the second byte of `א ט ך ל ם מ ן ת` (D7 90, 98, 9A, 9C–9F, AA), so a lone
lead `Χ` reads as any of eight letters, and the letters of a word, each chosen alone, seldom
make the word (`היל` for `היא`). The first N (default 200) words of wordfreq's list for the
language, written only with the script's letters, commonest first, printed as one string of
space-separated words for `src/repair/mojibake.rs`'s `COMMON_WORDS_*`. Also prints the share
of the language's word uses (by wordfreq's frequencies) that these words are.

  tools/gen_common_words.py LANG [N]      (LANG: he or ar)
"""
import subprocess
import sys

try:
    import wordfreq
except ImportError:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "wordfreq"], check=True)
    import wordfreq

LETTERS = {"he": (0x5D0, 0x5EA), "ar": (0x621, 0x64A)}


def main() -> None:
    lang = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    lo, hi = LETTERS[lang]
    words = [w for w in wordfreq.top_n_list(lang, 5000) if all(lo <= ord(c) <= hi for c in w)]
    freq = [wordfreq.word_frequency(w, lang) for w in words]
    share = sum(freq[:n]) / sum(freq)
    print(f"// {n} words, {share:.0%} of the uses of the first {len(words)}")
    print('"' + " ".join(words[:n]) + '"')


if __name__ == "__main__":
    main()

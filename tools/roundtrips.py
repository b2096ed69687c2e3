#!/usr/bin/env python3
"""Repair accuracy on real words: lines of wordfreq's common words damaged by each code page.

For 26 languages, random lines of one to eight (clean) or six (damaged) words drawn by
frequency from wordfreq's lists (seeded: the same lines every run) are damaged the way a
paste is: their UTF-8 bytes decoded with a code page (Python's codecs; the mixed table is
windows-1252 below 0xA0 and ISO-8859-13 above). Then `unspool repair --jsonl` repairs
each line alone, and the lines that come back exactly are counted, by page and language.

Modes:
  sloppy  undefined bytes become C1 controls (what a browser shows);
  drop    undefined bytes are dropped (C1 controls lost in copying);
  twice   damaged twice by the same page (sloppy);
  clean   undamaged lines in every language wordfreq knows: all must come back unchanged.

With --emoji, the damaged lines are English words with emoji and symbols instead (every
named char of U+1F300–1F9FF and U+2600–27BF, and ZWJ sequences, skin tones, flags, keycaps),
600 lines (--lines), the language column reading `emoji`.

  tools/roundtrips.py [--mode sloppy|drop|twice|clean] [--emoji|--lone] [--caps] [--lines N] [--seed N] [--show K]
                      BIN [BIN...]

With --lone, each line holds one symbol alone between words: `ok X today` for every named
char X of U+2100–U+2BFF and U+1F300–U+1F9FF (arrows, math signs, dingbats, emoji), under
every page (the language column reading `lone`); a damaged symbol alone is all the evidence
such a line has.

With --caps, the damaged lines are written as sentences and headings are: each line's first
letter a capital (half of them), or the whole line in capitals (a quarter), or each word's
first letter (a quarter) — the words are wordfreq's, small letters only otherwise.

With --seed N, other lines are drawn (the random generator seeded with N instead of the
default: 1 for damaged lines, 7 for clean and emoji lines), to check that a change holds on
lines it was not tuned on.

A binary named `ftfy` is ftfy 6.3's `fix_text` run in this process on the same lines (the peer,
side by side: `tools/roundtrips.py ftfy target/release/unspool`; installed if missing).

With two binaries (before, after) it prints both totals and the page/language cells that
are not whole; with one and --show K, up to K failures a cell. Needs `pip install wordfreq`
(installed if missing).
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import subprocess
import sys

try:
    import wordfreq
except ImportError:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "wordfreq"], check=True)
    import wordfreq

LANGS = ["ko", "ja", "zh", "he", "ar", "ru", "uk", "el", "pl", "cs", "sk", "de", "fr",
         "lt", "lv", "tr", "vi", "hi", "fi", "sv", "es", "pt", "hu", "ro", "hr"]
PAGES = ["cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "latin-1",
         "iso8859_2", "iso8859_13", "mac_roman", "cp437", "cp874", "mixed"]
# The pages with undefined bytes (the others define all 128).
DROPPING = ["cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "cp874", "mixed"]


def decode(b: bytes, page: str, drop: bool) -> str:
    out = []
    for x in b:
        if x < 0x80:
            out.append(chr(x))
            continue
        p = page
        if page == "mixed":
            p = "cp1252" if x < 0xA0 else "iso8859_13"
        try:
            out.append(bytes([x]).decode(p))
        except UnicodeDecodeError:
            if not drop:
                out.append(chr(x))
    return "".join(out)


def words_of(lang: str, n: int = 2000) -> tuple[list[str], list[float]]:
    words, weights = [], []
    for rank, bucket in enumerate(wordfreq.get_frequency_list(lang)):
        for w in bucket:
            if len(words) < n:
                words.append(w)
                weights.append(10 ** (-rank / 100))
    return words, weights


def emoji_lines(lines: int, seed: int | None) -> list[str]:
    import unicodedata
    rng = random.Random(7 if seed is None else seed)
    singles = [chr(u) for u in [*range(0x1F300, 0x1FA00), *range(0x2600, 0x27C0)]
               if unicodedata.name(chr(u), "")]
    sequences = ["👍🏽", "🤦\u200d♀️", "🧑\u200d🍳", "👨\u200d👩\u200d👧\u200d👦", "🇫🇷", "🇯🇵", "1️⃣",
                 "❤️", "🏳️\u200d🌈", "👩🏾\u200d💻", "✔️", "☕", "🔥", "🧵", "🥲", "🐄", "🏭", "😂",
                 "✨", "🙏"]
    words = ["great", "thread", "so", "this", "is", "the", "best", "news", "ok", "wow", "today"]
    out = []
    for _ in range(lines):
        parts = []
        for _ in range(rng.randint(2, 6)):
            parts.append(rng.choice(words))
            if rng.random() < 0.6:
                parts.append(rng.choice(singles if rng.random() < 0.6 else sequences))
        out.append(" ".join(parts))
    return out


def lone_lines() -> list[str]:
    import unicodedata
    return [f"ok {chr(u)} today" for u in [*range(0x2100, 0x2C00), *range(0x1F300, 0x1FA00)]
            if unicodedata.name(chr(u), "")]


def capitalized(s: str, rng: random.Random) -> str:
    """`s` with its first letter a capital (half the time), in capitals (a quarter), or with
    each word's first letter a capital (a quarter)."""
    r = rng.random()
    if r < 0.5:
        return s[:1].upper() + s[1:]
    if r < 0.75:
        return s.upper()
    return " ".join(w[:1].upper() + w[1:] for w in s.split(" "))


def damaged_cases(mode: str, lines: int, emoji: bool, seed: int | None,
                  caps: bool = False, lone: bool = False) -> list[tuple[str, str, str, str]]:
    rng = random.Random(1 if seed is None else seed)
    cases = []
    pages = DROPPING if mode == "drop" else PAGES
    for lang in ["lone"] if lone else ["emoji"] if emoji else LANGS:
        if lone:
            texts = lone_lines()
        elif emoji:
            texts = emoji_lines(lines, seed)
        else:
            words, weights = words_of(lang)
            sep = "" if lang in ("ja", "zh") else " "
            texts = [sep.join(rng.choices(words, weights=weights, k=6)) for _ in range(lines)]
            if caps:
                texts = [capitalized(t, rng) for t in texts]
        for s in texts:
            if s.isascii():
                continue
            for page in pages:
                d = decode(s.encode(), page, mode == "drop")
                if mode == "twice":
                    d = decode(d.encode(), page, False)
                if d != s:
                    cases.append((lang, page, s, d))
    return cases


def clean_cases(lines: int, seed: int | None) -> list[tuple[str, str, str, str]]:
    rng = random.Random(7 if seed is None else seed)
    cases = []
    for lang in sorted(wordfreq.available_languages()):
        try:
            words, weights = words_of(lang, 5000)
        except LookupError:
            continue
        for _ in range(lines):
            s = " ".join(rng.choices(words, weights=weights, k=rng.randint(1, 8)))
            if rng.random() < 0.3:
                s = s[:1].upper() + s[1:]
            if rng.random() < 0.2:
                s = s.upper()
            if not s.isascii():
                cases.append((lang, "-", s, s))
    return cases


def run(binary: str, cases) -> list[str]:
    if binary == "ftfy":
        # ftfy 6.3's fix_text, the peer, on the same lines (installed if missing).
        try:
            import ftfy
        except ImportError:
            subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "ftfy==6.3.1"],
                           check=True)
            import ftfy
        return [ftfy.fix_text(c[3]) for c in cases]
    text = "".join(json.dumps(c[3]) + "\n" for c in cases)
    out = subprocess.run([binary, "repair", "--jsonl"], input=text.encode(),
                         capture_output=True, check=True).stdout.decode().splitlines()
    return [json.loads(o) for o in out]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mode", default="sloppy", choices=["sloppy", "drop", "twice", "clean"])
    ap.add_argument("--lines", type=int, default=0, help="lines a language (default by mode)")
    ap.add_argument("--emoji", action="store_true", help="lines of words and emoji")
    ap.add_argument("--lone", action="store_true",
                    help="lines of one symbol alone: `ok X today`, every named X of U+2100-2BFF "
                         "and U+1F300-1F9FF")
    ap.add_argument("--caps", action="store_true",
                    help="damaged lines with capitals (first letter, all, or each word's)")
    ap.add_argument("--seed", type=int, default=None,
                    help="seed of the lines drawn (default: 1 damaged, 7 clean and emoji)")
    ap.add_argument("--show", type=int, default=0, help="failures shown a cell")
    ap.add_argument("binaries", nargs="+")
    a = ap.parse_args()
    default = {"sloppy": 40, "drop": 20, "twice": 15, "clean": 300}[a.mode]
    lines = a.lines or (600 if a.emoji else default)
    if a.mode == "clean":
        cases = clean_cases(lines, a.seed)
    else:
        cases = damaged_cases(a.mode, lines, a.emoji, a.seed, a.caps, a.lone)
    for binary in a.binaries:
        got = run(binary, cases)
        cells: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0])
        shown: collections.Counter = collections.Counter()
        for (lang, page, s, d), g in zip(cases, got):
            cell = cells[(page, lang)]
            cell[1] += 1
            if g == s:
                cell[0] += 1
            elif shown[(page, lang)] < a.show:
                shown[(page, lang)] += 1
                print(f"  {page}/{lang}: {d!r} -> {g!r} (want {s!r})")
        whole = sum(c[0] for c in cells.values())
        print(f"{binary} [{a.mode}] {whole}/{len(cases)} lines repaired exactly")
        short = [f"{p}/{l} {c[0]}/{c[1]}" for (p, l), c in sorted(cells.items()) if c[0] < c[1]]
        if short:
            print("  not whole: " + "  ".join(short))


if __name__ == "__main__":
    main()

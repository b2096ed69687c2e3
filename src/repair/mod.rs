//! Repair: pasted text → text as its author wrote it, with every change reported.
//!
//! Input is whatever the clipboard held. Damage undone here, line by line, until a line
//! stops changing (the order of ftfy 6.3's `fix_text`):
//! - HTML entities left in plain text (`&amp;`, `&#8217;`, `&frac14;`), except on lines that
//!   hold a `<` (markup is not ours to unescape);
//! - mojibake ([`mojibake`]): UTF-8 decoded as windows-1250…1257, ISO-8859-1/2/13, MacRoman,
//!   cp437, cp874, their sloppy forms or the seed's mixed table, once or twice; the code page
//!   that explains most lines of the document is tried first on every line; bytes the code
//!   page dropped are recovered with the alternatives reported;
//! - C1 controls meant as windows-1252 (`\x85` → `…`), Latin ligatures and digraphs that
//!   come from copying PDFs (`ﬁ` → `fi`, `ǌ` → `nj`);
//! - control characters, terminal escapes and stray zero-width characters (ZWJ and ZWNJ
//!   stay);
//! - lost U+200D in emoji ZWJ sequences ([`zwj`]);
//! - CRLF and CR line endings; composed forms (NFC).
//!
//! Text that is already right is never changed: a line is only re-decoded when it looks
//! like mojibake ([`badness`]) and decodes as UTF-8 as a whole (or, for mixed text, in the
//! runs that look like UTF-8).
//!
//! Each change becomes a [`Repair`] whose `at` is its offset in the repaired text, in UTF-16
//! code units, with `from` (the pasted chars), `to`, `kind`, `confidence` and
//! `alternatives`.
//!
//! References: ftfy 6.3 (`ftfy/__init__.py`, `fixes.py`, `badness.py`, `chardata.py`,
//! Apache-2.0), the WHATWG Encoding Standard's single-byte indexes, Unicode's
//! emoji-zwj-sequences.txt.

pub mod badness;
pub mod charclass;
pub mod codepages;
pub mod emoji;
mod entities;
pub mod mojibake;
pub mod zwj;

use crate::clean::{word8, HIGH};
use crate::thread::Repair;
#[cfg(not(target_arch = "wasm32"))]
use crate::thread::SmallText;
use mojibake::{Piece, Text};
#[cfg(not(target_arch = "wasm32"))]
use unicode_normalization::{is_nfc_quick, IsNormalized};

/// Repaired text and the changes that made it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Repaired {
    /// The repaired text.
    pub text: String,
    /// Every change, in text order.
    pub repairs: Vec<Repair>,
    /// The code page inferred as the one that damaged the document, if any.
    pub code_page: Option<&'static str>,
}

/// Repairs `text`. Never fails; text with nothing to repair comes back unchanged.
pub fn repair(text: &str) -> Repaired {
    let mut out = Repaired::default();
    if !needs_look(text.as_bytes()) {
        out.text = text.to_owned();
        return out;
    }
    let bytes = text.as_bytes();
    // Where each line starts (and the text's end): 8 bytes a line, where a list of
    // (line, ending) slices would cost 32 bytes a line of a 10 MB paste. Found by the scan
    // below as it reaches each line's end.
    // Natively, room for every line at once (a count of `\n`, a fraction of an instruction a
    // byte): growing these lists copied them ~12 times each on d300 (0.3 M of its 99 M
    // instructions).
    #[cfg(not(target_arch = "wasm32"))]
    let lines = memchr::memchr_iter(b'\n', bytes).count() + 1;
    #[cfg(target_arch = "wasm32")]
    let lines = 0;
    let mut starts = Vec::with_capacity(lines + 1);
    starts.push(0);
    // Document evidence: the page that explains most damaged lines.
    let mut bad_lines: Vec<Vec<char>> = Vec::new();
    let mut buf: Vec<char> = Vec::new();
    // One scan of every line: the lines that need more than a copy (a closer look, or a
    // line ending other than `\n`), with what the scan found of them so that
    // `line_needs_repair` need not ask again. Clean lines are not listed.
    let mut todo: Vec<(usize, Known)> = Vec::with_capacity(lines);
    for k in 0.. {
        let start = starts[k];
        let (scan, end) = scan_line(bytes, start);
        let mut known = match scan {
            Scan::UndamagedNfc => Known::Clean,
            Scan::Undamaged => Known::Undamaged,
            Scan::MayBeDamaged => Known::MayBeDamaged,
        };
        // Whether the text has two lines or more: a line after this one, or before it.
        let several = k > 0 || end < bytes.len();
        if known == Known::MayBeDamaged
            && several
            && bad_lines.len() < EVIDENCE
            && !bytes[start..end].is_ascii()
        {
            buf.clear();
            buf.extend(text[start..end].chars());
            if badness::is_bad(&buf) {
                bad_lines.push(buf.clone());
                known = Known::Bad;
            } else {
                known = Known::NotBad;
            }
        }
        // The ending is none (the last line), `\n`, `\r` or `\r\n`.
        let cr = bytes.get(end) == Some(&b'\r');
        if known != Known::Clean || cr {
            todo.push((k, known));
        }
        if end == bytes.len() {
            starts.push(end);
            break;
        }
        starts.push(after_ending(bytes, end));
    }
    let preferred = document_page(bad_lines.iter().map(Vec::as_slice).collect());
    drop(bad_lines);
    out.code_page = preferred.map(|k| codepages::ALL[k].name);
    let mut chars: Vec<char> = Vec::new();
    // Each distinct line that is not clean, repaired under the document's page: (line
    // number of its first copy, repaired). Only those: a slot per line would cost ~100
    // bytes a line. The pasted chars are not kept (the paste has them: 4 bytes a char of
    // every damaged line less at the peak).
    let mut fixed: Vec<(usize, Slot)> = Vec::new();
    // The repaired lines kept as text and changes.
    #[cfg(not(target_arch = "wasm32"))]
    // Room at once for as much text as the paste's, four changes a line that needs a look and
    // two bytes a change (room never written costs no memory natively): growing them copied
    // ~0.5 M instructions' worth on d300.
    let mut kept = Kept {
        text: String::with_capacity(text.len()),
        changes: Vec::with_capacity(4 * todo.len()),
        to: String::with_capacity(8 * todo.len()),
        ..Kept::default()
    };
    // Room for what a change became, as `Line::report` writes a line kept as a `Line`.
    let mut to = String::new();
    // The line being repaired, its vectors' room kept from line to line.
    #[cfg(not(target_arch = "wasm32"))]
    let mut spare = Line::default();
    // How many repaired lines are still bad (kept as `Line`s up to [`EVIDENCE`]).
    #[cfg(not(target_arch = "wasm32"))]
    let mut bad = 0;
    // Every line that needs a repair, in order: (line number, its entry in `fixed`).
    let mut order: Vec<(usize, u32)> = Vec::with_capacity(todo.len());
    // A paste repeats lines: a thread's author name, a separator or a signature comes back
    // on every post, damaged the same way each time. Each distinct line is looked at and
    // repaired once; its copies take its repaired text and report its repairs at their own
    // place (what a line becomes depends only on the line and the document's page).
    // `looked`: each distinct line's number and its entry in `fixed` (`NOT_FIXED`: it needs
    // no repair).
    const NOT_FIXED: u32 = u32::MAX;
    let mut distinct = FirstOf::with_room(todo.len());
    let mut memo = mojibake::Memo::default();
    let mut looked: Vec<(usize, u32)> = Vec::with_capacity(todo.len());
    // Natively, the next listed line's hash, worked out a line early (its index in `todo`,
    // hash).
    #[cfg(target_arch = "x86_64")]
    let mut next: Option<(usize, u32)> = None;
    for (n, &(k, known)) in todo.iter().enumerate() {
        if known == Known::Clean {
            // Listed for its line ending only.
            continue;
        }
        let (line, _) = line_at(text, &starts, k);
        let seen = |j: usize| line_at(text, &starts, looked[j].0).0;
        #[cfg(target_arch = "x86_64")]
        let hash = match next.take() {
            Some((m, hash)) if m == n => hash,
            _ => FirstOf::hash(line),
        };
        #[cfg(not(target_arch = "x86_64"))]
        let (hash, _) = (FirstOf::hash(line), n);
        let found = distinct.find_hashed(&seen, line, hash);
        if let Err(slot) = found {
            distinct.insert(slot, looked.len());
        }
        // The table is read at a place its hash chooses: for a paste of distinct lines the
        // slot is rarely in the cache (the table is 8 bytes a line, read once a line among
        // the line's own repair), and the read waited on memory for ~5% of the repair's wall
        // time on 5.5 MB of distinct damaged lines. Natively, the next line's slot is asked
        // for now, while this line is repaired. (Its hash is the one its look-up uses: each
        // line is hashed once.)
        #[cfg(target_arch = "x86_64")]
        if let Some(&(k, _)) = todo.get(n + 1).filter(|t| t.1 != Known::Clean) {
            let hash = FirstOf::hash(line_at(text, &starts, k).0);
            distinct.prefetch(hash);
            next = Some((n + 1, hash));
        }
        if let Ok(j) = found {
            if looked[j].1 != NOT_FIXED {
                order.push((k, looked[j].1));
            }
            continue;
        }
        let at = match line_needs_repair(line, &mut chars, known) {
            Some(damaged) => {
                #[cfg(not(target_arch = "wasm32"))]
                let repaired = {
                    spare.repair_anew(&chars, preferred, damaged, &mut memo);
                    Slot::of(&mut spare, line, damaged, &mut kept, &mut bad)
                };
                #[cfg(target_arch = "wasm32")]
                let repaired = Slot::Line(Box::new(Line::repair(
                    &chars, preferred, damaged, &mut memo,
                )));
                fixed.push((k, repaired));
                let at = fixed.len() as u32 - 1;
                order.push((k, at));
                at
            }
            None => NOT_FIXED,
        };
        looked.push((k, at));
    }
    drop(distinct);
    drop(looked);
    if starts.len() > 2 {
        // Two lines or more.
        let pasted = |k: usize| line_at(text, &starts, k).0;
        settle_page(&mut fixed, &order, preferred, &mut memo, pasted);
    }
    drop(memo);
    let mut result = String::with_capacity(text.len() + 8);
    let mut units = 0usize;
    // Where the line-ending repairs are in `out.repairs`: CRLF, CR.
    let mut endings: [Option<usize>; 2] = [None, None];
    // How much of `text` is in `result`: the lines between those listed are copied whole.
    let mut copied = 0;
    // The next line in `order`.
    let mut next = 0;
    // Where the first copy of each line in `fixed` went: its repaired text in `result`, its
    // length in UTF-16 units, its offset there and its repairs in `out.repairs`. A later copy
    // copies them (a repair's offset moved by the copies' distance) with no second walk of
    // the line: what `report` gives depends on the base offset only by adding it.
    let mut written: Vec<Option<Written>> = Vec::new();
    written.resize_with(fixed.len(), || None);
    let changes = |i: u32| match &fixed[i as usize].1 {
        #[cfg(not(target_arch = "wasm32"))]
        Slot::Kept(line) => line.changes.1 as usize,
        Slot::Line(line) => line.edits.len(),
    };
    out.repairs
        .reserve(order.iter().map(|&(_, i)| changes(i)).sum());
    #[cfg(not(target_arch = "wasm32"))]
    let paste = text;
    // The kinds of the kept changes as texts, each made once and cloned.
    #[cfg(not(target_arch = "wasm32"))]
    let kinds: Vec<SmallText> = kept.kinds.0.iter().map(|&k| SmallText::from(k)).collect();
    // The stray controls written so far: a repeated one is counted into its first place as
    // its line is written, not pushed. Natively: the .wasm merges them at the end (merged
    // here, it grew by 95 B gzipped more).
    #[cfg(not(target_arch = "wasm32"))]
    let mut strays = Strays::default();
    #[cfg(not(any(test, target_arch = "wasm32")))]
    let online = true;
    #[cfg(target_arch = "wasm32")]
    let online = false;
    #[cfg(all(test, not(target_arch = "wasm32")))]
    let online = !tests::MERGE_AT_END.get();
    for &(k, _) in &todo {
        let span = &text[copied..starts[k]];
        result.push_str(span);
        units += utf16_len(span);
        copied = starts[k + 1];
        let (line, ending) = line_at(text, &starts, k);
        if let Some(&(_, i)) = order.get(next).filter(|f| f.0 == k) {
            next += 1;
            let base = units;
            match &written[i as usize] {
                Some(w) => {
                    // SAFETY: the bytes copied are a whole `str` pushed before (a line's
                    // repaired chars), so the result stays UTF-8. (`String::extend_from_within`
                    // is newer than the crate's minimum Rust.)
                    unsafe { result.as_mut_vec().extend_from_within(w.text.0..w.text.1) };
                    units += w.units;
                    let moved = base - w.base;
                    // Whether the line's first copy had stray controls.
                    #[cfg(not(target_arch = "wasm32"))]
                    let merge = online && w.strays.0 != u32::MAX;
                    #[cfg(target_arch = "wasm32")]
                    let merge = false;
                    if merge {
                        #[cfg(not(target_arch = "wasm32"))]
                        strays.copy(
                            &mut out.repairs,
                            w.repairs,
                            (w.strays.0 as usize, w.strays.1 as usize),
                            moved,
                        );
                    } else {
                        for r in w.repairs.0..w.repairs.1 {
                            let r = &out.repairs[r];
                            let at = r.at + moved;
                            out.repairs.push(Repair { at, ..r.clone() });
                        }
                    }
                }
                None => {
                    let (text, repairs) = (result.len(), out.repairs.len());
                    // Whether the line may have stray controls.
                    #[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
                    let controls = match &mut fixed[i as usize].1 {
                        #[cfg(not(target_arch = "wasm32"))]
                        Slot::Kept(fixed) => {
                            let (start, len) = (fixed.text.0, fixed.text.1 as usize);
                            result.push_str(&kept.text[start..start + len]);
                            units += fixed.units as usize;
                            let (start, len) = (fixed.changes.0, fixed.changes.1 as usize);
                            // One `extend` (room reserved above): each repair is written in
                            // place, where a `push` a change built it first and copied it in
                            // (a `memcpy` of 120 bytes a change): d300 75.63 -> 75.49 M.
                            let Kept {
                                changes,
                                to: kept_to,
                                alternatives,
                                ..
                            } = &mut kept;
                            // The texts copied with `SmallText::within` (a fixed copy of
                            // their room: the pasted text from the line's start, what the
                            // changes became), the kind cloned from its text made once (for
                            // the first two: d300 75.53 -> 75.17 M).
                            let at_line = starts[k];
                            out.repairs
                                .extend(changes[start..start + len].iter().map(|c| Repair {
                                    at: base + c.at as usize,
                                    from: SmallText::within(
                                        paste,
                                        at_line + c.from.0 as usize..at_line + c.from.1 as usize,
                                    ),
                                    to: SmallText::within(
                                        kept_to,
                                        c.to.0 as usize..c.to.1 as usize,
                                    ),
                                    kind: kinds[usize::from(c.kind)].clone(),
                                    confidence: c.confidence,
                                    // Taken: a later copy copies the repair.
                                    alternatives: match c.alternatives {
                                        0 => Vec::new(),
                                        k => std::mem::take(&mut alternatives[k as usize - 1]),
                                    },
                                    count: 1,
                                }));
                            fixed.strays
                        }
                        Slot::Line(fixed) => {
                            units += push_chars(&mut result, &fixed.chars);
                            fixed.locate(line);
                            fixed.report(line, base, &mut out.repairs, &mut to)
                        }
                    };
                    #[cfg(not(target_arch = "wasm32"))]
                    let merged = if online && controls {
                        strays.first_copy(&mut out.repairs, repairs)
                    } else {
                        None
                    };
                    written[i as usize] = Some(Written {
                        text: (text, result.len()),
                        units: units - base,
                        base,
                        repairs: (repairs, out.repairs.len()),
                        #[cfg(not(target_arch = "wasm32"))]
                        strays: merged
                            .map_or((u32::MAX, 0), |(start, end)| (start as u32, end as u32)),
                    });
                }
            }
        } else {
            result.push_str(line);
            units += utf16_len(line);
        }
        match ending {
            "" => {}
            "\n" => {
                result.push('\n');
                units += 1;
            }
            other => {
                // One repair per kind of line ending, at its first place, with a count.
                let k = usize::from(other == "\r");
                match endings[k] {
                    Some(i) => out.repairs[i].count += 1,
                    None => {
                        endings[k] = Some(out.repairs.len());
                        out.repairs.push(Repair {
                            at: units,
                            from: other.into(),
                            to: "\n".into(),
                            kind: "line_ending".into(),
                            confidence: 1.0,
                            alternatives: Vec::new(),
                            count: 1,
                        });
                    }
                }
                result.push('\n');
                units += 1;
            }
        }
    }
    result.push_str(&text[copied..]);
    out.text = result;
    if !online {
        merge_controls(&mut out.repairs);
    }
    out
}

/// Appends `chars` to `out` as UTF-8 and gives their length in UTF-16 units. A run of ASCII
/// chars (most of a repaired line: [`mojibake::ascii_end`]) is one `extend`, a byte a char
/// with one capacity test for the run, where a `push` a char took one each (writing the
/// repaired lines of d300, distinct damaged lines, cost ~3 M of its 100 M instructions so,
/// 0.6 M less this way); `String::push` took the UTF-8 encoder's length tests too.
fn push_chars(out: &mut String, chars: &[char]) -> usize {
    // SAFETY: only whole chars' UTF-8 is appended (an ASCII char's byte, or the bytes
    // `char::encode_utf8` writes), so `out` stays UTF-8.
    let bytes = unsafe { out.as_mut_vec() };
    bytes.reserve(chars.len());
    let mut units = 0;
    let mut i = 0;
    while i < chars.len() {
        let end = mojibake::ascii_end(chars, i);
        bytes.extend(chars[i..end].iter().map(|&c| c as u8));
        units += end - i;
        let Some(&c) = chars.get(end) else {
            break;
        };
        i = end + 1;
        // Its bytes pushed one by one: `extend_from_slice` of `encode_utf8` called `memcpy`
        // for each char (two or three bytes): 0.34 M of d300's 113 M more.
        let u = c as u32;
        let cont = |shift: u32| 0x80 | (u >> shift & 0x3F) as u8;
        if u < 0x800 {
            bytes.push(0xC0 | (u >> 6) as u8);
        } else if u < 0x1_0000 {
            bytes.push(0xE0 | (u >> 12) as u8);
            bytes.push(cont(6));
        } else {
            bytes.push(0xF0 | (u >> 18) as u8);
            bytes.push(cont(12));
            bytes.push(cont(6));
            units += 1;
        }
        bytes.push(cont(0));
        units += 1;
    }
    units
}

/// Where [`repair`] wrote the first copy of a repaired line: its text's bytes in the result,
/// its length in UTF-16 units, its offset in them, its repairs' places in the list.
struct Written {
    text: (usize, usize),
    units: usize,
    base: usize,
    repairs: (usize, usize),
    /// What [`Strays::first_copy`] gave of its repairs, where they had stray controls: the
    /// first places it counted its repeated ones into (a range of [`Strays::merged`]);
    /// `u32::MAX` first where they had none (as an `Option` of `usize`s it took 80 bytes a
    /// distinct line, not 64). Natively: the .wasm merges them at the end.
    #[cfg(not(target_arch = "wasm32"))]
    strays: (u32, u32),
}

/// A repaired line as kept until the result is written (natively): its text and its changes,
/// in [`Kept`]'s shared lists. A [`Line`] keeps each char (4 bytes), the pasted chars it came
/// from (8 bytes) and its edits, in three blocks of its own: kept so, the lines of 5.5 MB of
/// distinct damaged lines held ~160 MB until written, and faulting that memory in took a
/// quarter of the repair's time. (In the .wasm each line stays a `Line`: this code cost ~800
/// bytes gzipped there, over its budget.)
#[cfg(not(target_arch = "wasm32"))]
struct KeptLine {
    /// Its text in [`Kept::text`] (UTF-8): start, length.
    text: (usize, u32),
    /// Its length in UTF-16 units.
    units: u32,
    /// Its changes in [`Kept::changes`]: start, count.
    changes: (usize, u32),
    /// Whether its pasted chars were known damaged ([`Line::repair`]'s `damaged`): a line is
    /// repaired again from them ([`Slot::line`]) as it was the first time.
    damaged: bool,
    /// Whether it was still bad ([`still_bad`]): one past the first [`EVIDENCE`] such lines,
    /// which [`settle_page`] looks at only where a repair under no page mended some of those.
    bad: bool,
    /// Whether a change of it is a stray control ([`is_stray`]).
    strays: bool,
}

/// A change of a [`KeptLine`], as [`Line::each_change`] tells it: 32 bytes, where a `Repair`
/// takes 120. (Its kind a `&'static str`, it took 48: 4.5 MB more to fault in and read for
/// the ~280 K changes of 5.5 MB of distinct damaged lines.)
#[cfg(not(target_arch = "wasm32"))]
struct KeptChange {
    /// Its offset in the line's repaired text, in UTF-16 units.
    at: u32,
    /// The pasted bytes it replaced: a range of the line as pasted.
    from: (u32, u32),
    /// What they became: a range of [`Kept::to`].
    to: (u32, u32),
    confidence: f32,
    /// Its alternatives in [`Kept::alternatives`], counted from 1; 0: none (most changes).
    /// (Taken when the line's first copy is written: the others copy its repair.)
    alternatives: u32,
    /// Its kind: an index of [`Kept::kinds`].
    kind: u8,
}

/// The shared lists of the [`KeptLine`]s.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Default)]
struct Kept {
    text: String,
    to: String,
    changes: Vec<KeptChange>,
    alternatives: Vec<Vec<String>>,
    /// The kinds of the changes, each once (a few: the kinds are the repair's fixed words),
    /// and the index found last ([`kind_index`]).
    kinds: (Vec<&'static str>, u8),
}

/// The index of `kind` in `kinds`, added there if new; `last` the index found last (most
/// changes in a row are of one kind, asked first). Kinds are told apart by address: a kind
/// written in two places of the code may be listed twice, which gives the same texts.
#[cfg(not(target_arch = "wasm32"))]
fn kind_index((kinds, last): &mut (Vec<&'static str>, u8), kind: &'static str) -> u8 {
    if kinds
        .get(usize::from(*last))
        .is_some_and(|&k| std::ptr::eq(k, kind))
    {
        return *last;
    }
    let k = match kinds.iter().position(|&k| std::ptr::eq(k, kind)) {
        Some(k) => k,
        None => {
            kinds.push(kind);
            kinds.len() - 1
        }
    };
    // The kinds are the repair's own words (a literal each), far fewer than 256.
    *last = u8::try_from(k).unwrap_or_else(|_| unreachable!("fewer than 256 kinds"));
    *last
}

/// A repaired line of [`repair`]'s list: natively kept as its text and changes, or as a
/// [`Line`] while [`settle_page`] may repair it again (one of the first [`EVIDENCE`] lines
/// still bad after their repair, the lines `settle_page` looks at while the page stays; or
/// one it repaired again). In the .wasm always a `Line`.
enum Slot {
    #[cfg(not(target_arch = "wasm32"))]
    Kept(KeptLine),
    Line(Box<Line>),
}

impl Slot {
    /// The repaired `line` as `pasted` (the line as pasted) made it: kept, unless it is one
    /// of the first [`EVIDENCE`] still bad (`bad` counts them), the lines `settle_page` looks
    /// at first (`line` is left with its vectors' room, for the next line).
    #[cfg(not(target_arch = "wasm32"))]
    fn of(line: &mut Line, pasted: &str, damaged: bool, kept: &mut Kept, bad: &mut usize) -> Slot {
        let still_bad = still_bad(line);
        #[cfg(not(test))]
        let (keep_none, live) = (false, EVIDENCE);
        #[cfg(test)]
        let (keep_none, live) = (tests::KEEP_NONE.get(), tests::LIVE_BAD.get());
        if keep_none || (still_bad && *bad < live) {
            *bad += 1;
            return Slot::Line(Box::new(std::mem::take(line)));
        }
        Slot::Kept(KeptLine::of(line, pasted, damaged, still_bad, kept))
    }

    /// The line, unless kept.
    fn unkept(&self) -> Option<&Line> {
        match self {
            Slot::Line(line) => Some(line),
            #[cfg(not(target_arch = "wasm32"))]
            Slot::Kept(_) => None,
        }
    }

    /// The line, to be repaired again: a kept line is repaired anew from `pasted` as it was
    /// the first time (under `first`, the document's page then), which gives what it kept
    /// (what a line becomes depends only on its chars and the page).
    #[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
    fn line<'a>(
        &mut self,
        pasted: impl FnOnce() -> &'a str,
        first: Option<usize>,
        memo: &mut mojibake::Memo,
    ) -> &mut Line {
        #[cfg(not(target_arch = "wasm32"))]
        if let Slot::Kept(kept) = self {
            let chars: Vec<char> = pasted().chars().collect();
            #[cfg(test)]
            tests::REPAIRED_ANEW.set(tests::REPAIRED_ANEW.get() + 1);
            *self = Slot::Line(Box::new(Line::repair(&chars, first, kept.damaged, memo)));
        }
        match self {
            Slot::Line(line) => line,
            #[cfg(not(target_arch = "wasm32"))]
            Slot::Kept(_) => unreachable!("a kept line was made a line above"),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl KeptLine {
    /// The repaired `line` kept: its text and changes added to `kept`.
    fn of(line: &mut Line, pasted: &str, damaged: bool, bad: bool, kept: &mut Kept) -> KeptLine {
        line.locate(pasted);
        let text = kept.text.len();
        let units = push_chars(&mut kept.text, &line.chars);
        let changes = kept.changes.len();
        let mut strays = false;
        // What each change became written in `kept.to` itself, where a scratch text took it
        // and it was copied on (d300 74.61 -> 74.27 M).
        let Kept {
            to: kept_to,
            changes: kept_changes,
            alternatives: kept_alternatives,
            kinds,
            ..
        } = kept;
        line.each_change(pasted, 0, kept_to, |at, from, (start, to), e| {
            // As `is_stray` asks it of the repair.
            strays |= e.kind == "control" && to.is_empty() && stray_from(from.1);
            let alternatives = if e.alternatives.is_empty() {
                0
            } else {
                kept_alternatives.push(std::mem::take(&mut e.alternatives));
                kept_alternatives.len() as u32
            };
            kept_changes.push(KeptChange {
                at: at as u32,
                from: from.0,
                to: (start as u32, (start + to.len()) as u32),
                kind: kind_index(kinds, e.kind),
                confidence: e.confidence,
                alternatives,
            });
        });
        KeptLine {
            text: (text, (kept.text.len() - text) as u32),
            units: units as u32,
            changes: (changes, (kept.changes.len() - changes) as u32),
            damaged,
            bad,
            strays,
        }
    }
}

/// Whether [`settle_page`] would count `line` among the document's bad lines.
fn still_bad(line: &Line) -> bool {
    // Proven undamaged by the run's last scan: never counted bad (the test
    // `a_line_marked_undamaged_is_so`).
    let chars = line.chars.as_slice();
    !line.undamaged
        && mojibake::ascii_end(chars, 0) != chars.len()
        && !surely_undamaged(chars)
        && badness::is_bad(chars)
}

/// How many of a document's damaged lines (the first ones) its code page is inferred from.
const EVIDENCE: usize = 65;

/// The code page that explains most of a document's damaged lines, when it has two or more.
fn document_page(bad: Vec<&[char]>) -> Option<usize> {
    if bad.len() >= 2 {
        mojibake::infer_page(bad.into_iter().map(mojibake::page_votes))
    } else {
        None
    }
}

/// Repair must be idempotent, and the document's page is inferred from the lines that are
/// still bad: once repair under page A fixed A's lines, the lines it left (a lone Thai
/// char, which only windows-874 as the document's page repairs) can make B the page of
/// the repaired text, and a second repair would change them. So the lines are repaired
/// again under the page a second repair would infer, while that is another page (at most
/// three times), no page included: under no page a line may decode under a page the
/// document's page had outscored (a fuzz finding: `doń€™�` stayed under the document's page
/// and became `do�` in a second repair, under none).
///
/// `fixed` holds each distinct line once; `order` lists every line (a repeated line as often
/// as the paste has it, as it counts in the evidence) by its entry in `fixed`; `pasted`
/// gives a line as pasted by its number (a kept line is repaired anew from it).
fn settle_page<'a>(
    fixed: &mut [(usize, Slot)],
    order: &[(usize, u32)],
    mut page: Option<usize>,
    memo: &mut mojibake::Memo,
    pasted: impl Fn(usize) -> &'a str,
) {
    let first = page;
    // Each line's vote ([`mojibake::page_votes`]) as counted before, by its entry in `fixed`
    // and its `changes` then: a vote depends on the chars only, and the lines a repair under
    // a new page left unchanged (most of them) vote again as they did (d300 asked it of 65
    // lines a turn, ~0.8 M instructions a turn). Native only: in the .wasm its code cost
    // ~100 bytes gzipped, over the budget; there each vote is counted anew.
    #[cfg(not(target_arch = "wasm32"))]
    let mut voted: Vec<(usize, u32, u16)> = Vec::new();
    for _ in 0..3 {
        // As `repair` collects its evidence: the first damaged lines, clean ones never bad
        // (as their line numbers and entries of `fixed`). A kept line was not bad when kept,
        // and is as it was.
        let mut still: Vec<(usize, usize)> = Vec::new();
        let mut votes: Vec<u16> = Vec::new();
        for &(k, i) in order {
            let i = i as usize;
            // A line kept still bad is made a line again (as it was: still bad).
            #[cfg(not(target_arch = "wasm32"))]
            if let (first_copy, slot @ Slot::Kept(KeptLine { bad: true, .. })) = &mut fixed[i] {
                slot.line(|| pasted(*first_copy), first, memo);
            }
            let Some(line) = fixed[i].1.unkept().filter(|line| still_bad(line)) else {
                continue;
            };
            still.push((k, i));
            #[cfg(target_arch = "wasm32")]
            let vote = mojibake::page_votes(&line.chars);
            #[cfg(not(target_arch = "wasm32"))]
            let vote = match voted.iter().find(|v| v.0 == i && v.1 == line.changes) {
                Some(v) => v.2,
                None => {
                    let vote = mojibake::page_votes(&line.chars);
                    voted.push((i, line.changes, vote));
                    vote
                }
            };
            votes.push(vote);
            if still.len() >= EVIDENCE {
                break;
            }
        }
        // As `document_page`.
        let next = if votes.len() >= 2 {
            mojibake::infer_page(votes.into_iter())
        } else {
            None
        };
        if next == page || (next.is_none() && still.is_empty()) {
            return;
        }
        page = next;
        if page.is_none() {
            // No page: the lines still bad are repaired again under none (what the others
            // hold is no damage `line_needs_repair` would find again), each once: `still`
            // lists a repeated line as often as the paste has it, its first copy first.
            for &(k, i) in &still {
                let (first_copy, slot) = &mut fixed[i];
                if *first_copy == k {
                    slot.line(|| pasted(k), first, memo).run(None, false, memo);
                }
            }
            continue;
        }
        for (k, slot) in fixed.iter_mut() {
            slot.line(|| pasted(*k), first, memo).run(page, false, memo);
        }
    }
}

/// Stray C0 controls and terminal escapes carry nothing a person would want back: each
/// distinct one is reported once, at its first place, with the number of places (a paste
/// of binary junk would otherwise give one repair per byte). Zero-width characters stay
/// one repair each: some were meant.
///
/// [`repair`] merges them as it writes each line's repairs ([`Strays`]), which gives the
/// same list; this merge of the whole list is what that is tested against.
fn merge_controls(repairs: &mut Vec<Repair>) {
    if repairs.iter().filter(|r| is_stray(r)).nth(1).is_none() {
        return;
    }
    // In place: a repeated control's count is added to its first place's and its own set to
    // 0, and those are then dropped, where a new list of the repairs kept doubled the largest
    // block of a big paste's repair (34 MB more for 5.5 MB of distinct damaged lines) and
    // copied every repair. (A repair's count is 1 or more.)
    let mut first = FirstOf::default();
    for k in 0..repairs.len() {
        if !is_stray(&repairs[k]) {
            continue;
        }
        let from_of = |i: usize| repairs[i].from.as_str();
        match first.find(&from_of, &repairs[k].from) {
            Ok(i) => {
                repairs[i].count += repairs[k].count;
                repairs[k].count = 0;
            }
            Err(slot) => first.insert(slot, k),
        }
    }
    repairs.retain(|r| r.count != 0);
}

/// Whether `r` is a stray control, which [`merge_controls`] merges: the kind compared first
/// (most repairs are no control, and their texts need no look).
#[inline]
fn is_stray(r: &Repair) -> bool {
    r.kind == "control" && r.to.is_empty() && stray_from(&r.from)
}

/// Whether a control repair of `from` to nothing is stray: a terminal escape or C0 controls.
#[inline]
fn stray_from(from: &str) -> bool {
    from.starts_with('\u{1b}') || from.chars().all(|c| c.is_ascii_control())
}

/// [`merge_controls`] done as [`repair`] writes the repairs, line by line, in text order:
/// a repeated stray control is counted into its first place and never pushed, where a merge
/// at the end read every repair (~280 K for 5.5 MB of distinct damaged lines, a stray test
/// each) and, the first repeat being early, moved all that came after it (120 bytes each):
/// ~1.7% of that repair's wall time. Only the repairs of lines with a stray control are
/// looked at. A repair's own count is 1 before the merge (only line endings count more,
/// and they are no control).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Default)]
struct Strays {
    /// The first place of each distinct stray control in the list, by its `from`.
    first: FirstOf,
    /// For each line's first copy, the first places its repeated ones were counted into: a
    /// later copy of the line counts them again.
    merged: Vec<usize>,
}

#[cfg(not(target_arch = "wasm32"))]
impl Strays {
    /// Merges the stray controls among `repairs[from..]`, a line's first copy just pushed:
    /// where it had some, gives the range of [`Strays::merged`] it counted into (those it
    /// kept are first places, which a later copy counts into).
    fn first_copy(&mut self, repairs: &mut Vec<Repair>, from: usize) -> Option<(usize, usize)> {
        let start = self.merged.len();
        let mut any = false;
        let mut w = from;
        for j in from..repairs.len() {
            if is_stray(&repairs[j]) {
                any = true;
                let from_of = |i: usize| repairs[i].from.as_str();
                match self.first.find(&from_of, &repairs[j].from) {
                    Ok(i) => {
                        repairs[i].count += repairs[j].count;
                        self.merged.push(i);
                        continue;
                    }
                    Err(slot) => self.first.insert(slot, w),
                }
            }
            // The repairs kept close up over those merged (dropped at the end).
            repairs.swap(w, j);
            w += 1;
        }
        repairs.truncate(w);
        any.then_some((start, self.merged.len()))
    }

    /// A later copy of a line, whose first copy is `range` of `repairs` and counted into
    /// `merged` (a range of [`Strays::merged`]): its repairs pushed with their offsets moved
    /// by `moved`, but each stray control counted into its first place, the first copy's own
    /// (every stray one it kept is a first place) or one of `merged`.
    fn copy(
        &self,
        repairs: &mut Vec<Repair>,
        range: (usize, usize),
        merged: (usize, usize),
        moved: usize,
    ) {
        for r in range.0..range.1 {
            if is_stray(&repairs[r]) {
                repairs[r].count += 1;
            } else {
                let r = &repairs[r];
                let at = r.at + moved;
                repairs.push(Repair { at, ..r.clone() });
            }
        }
        for &i in &self.merged[merged.0..merged.1] {
            repairs[i].count += 1;
        }
    }
}

/// Where the first of each distinct key is in a list (the first repair of each `from`, the
/// first of each repeated line): a small open-addressing table on a hash of the keys, which
/// stay in the list (a std `HashMap<String, _>` would bring SipHash and its own table code
/// into the `.wasm`). Each slot keeps its key's hash beside the index, so a probe reads a
/// key only where the hashes agree and the table grows without reading any: a 10 MB paste
/// of distinct lines probes the table, not the paste. A key is hashed once, for both its
/// look-up and its insertion.
#[derive(Default)]
struct FirstOf {
    /// The key's hash in the high half, one more than its index into the list in the low
    /// half; 0 for an empty slot (so that a new table is zeroed memory, which the system
    /// gives untouched until a slot is written); a power of two long.
    slots: Vec<u64>,
    used: usize,
}

impl FirstOf {
    /// The key's bytes eight at a time, each word mixed in by a folded multiply (the 128-bit
    /// product's halves xored, as wyhash mixes): a multiply a word where FNV-1a took one a
    /// byte in a chain, a twentieth of the repair of a damaged paste.
    fn hash(s: &str) -> u32 {
        const K0: u64 = 0xa076_1d64_78bd_642f;
        const K1: u64 = 0xe703_7ed1_a0b4_28db;
        let mix = |a: u64, b: u64| {
            let m = u128::from(a) * u128::from(b);
            (m as u64) ^ (m >> 64) as u64
        };
        let b = s.as_bytes();
        let mut h = b.len() as u64 ^ K0;
        let mut i = 0;
        while let Some(w) = word8(b, i) {
            h = mix(h ^ w, K1);
            i += 8;
        }
        // The last bytes (fewer than eight), each into its own byte of one word.
        let mut tail = 0u64;
        while i < b.len() {
            tail = tail << 8 | u64::from(b[i]);
            i += 1;
        }
        h = mix(h ^ tail ^ K0, K1);
        (h ^ h >> 32) as u32
    }

    /// The index of the item whose key (`key_of`) is `key`, or the empty slot where it goes
    /// with the key's hash (for [`FirstOf::insert`]).
    fn find<'a>(
        &self,
        key_of: &dyn Fn(usize) -> &'a str,
        key: &str,
    ) -> Result<usize, (usize, u32)> {
        self.find_hashed(key_of, key, Self::hash(key))
    }

    /// [`FirstOf::find`] with the key's hash `h` ([`FirstOf::hash`]) worked out before (for
    /// a key whose slot was prefetched).
    fn find_hashed<'a>(
        &self,
        key_of: &dyn Fn(usize) -> &'a str,
        key: &str,
        h: u32,
    ) -> Result<usize, (usize, u32)> {
        if self.slots.is_empty() {
            return Err((0, h));
        }
        let mask = self.slots.len() - 1;
        let mut k = h as usize & mask;
        loop {
            match self.slots[k] {
                0 => return Err((k, h)),
                e if (e >> 32) as u32 == h && key_of(Self::index(e)) == key => {
                    return Ok(Self::index(e))
                }
                _ => k = (k + 1) & mask,
            }
        }
    }

    /// The index a full slot holds.
    fn index(slot: u64) -> usize {
        (slot as u32 - 1) as usize
    }

    /// An empty table with room for `n` keys: it grows no more until it holds more (growing
    /// it from 16 slots rewrote every key at each doubling and left the tables before to
    /// free: 4 MB written for the 93 K lines of 5.5 MB of distinct damaged lines, where the
    /// last table is 2 MB).
    fn with_room(n: usize) -> FirstOf {
        FirstOf {
            slots: vec![0; (2 * n).next_power_of_two().max(16)],
            used: 0,
        }
    }

    /// Asks the processor to bring the slot where a key of hash `h` is looked for first into
    /// the cache, for a look-up soon after (a hint: nothing is read).
    #[cfg(target_arch = "x86_64")]
    fn prefetch(&self, h: u32) {
        if let Some(slot) = self
            .slots
            .get(h as usize & self.slots.len().wrapping_sub(1))
        {
            // SAFETY: `_mm_prefetch` reads nothing (a hint, which cannot fault), and SSE is
            // part of x86_64.
            unsafe {
                use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
                _mm_prefetch::<_MM_HINT_T0>((slot as *const u64).cast());
            }
        }
    }

    /// Records that item `index` (about to be pushed) is the first with its key, at the
    /// slot and with the hash that [`FirstOf::find`] gave, growing the table when half full.
    fn insert(&mut self, (slot, h): (usize, u32), index: usize) {
        let entry = u64::from(h) << 32 | (index as u64 + 1);
        if (self.used + 1) * 2 > self.slots.len() {
            let mut grown = vec![0; (self.slots.len() * 2).max(16)];
            let mask = grown.len() - 1;
            let mut put = |e: u64| {
                let mut k = (e >> 32) as usize & mask;
                while grown[k] != 0 {
                    k = (k + 1) & mask;
                }
                grown[k] = e;
            };
            for &e in &self.slots {
                if e != 0 {
                    put(e);
                }
            }
            put(entry);
            self.slots = grown;
        } else {
            self.slots[slot] = entry;
        }
        self.used += 1;
    }
}

/// The length of `s` in UTF-16 code units: one a char (every byte but continuation
/// bytes), two for chars of four bytes; eight bytes at a time.
fn utf16_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut units = b.len();
    let mut i = 0;
    while let Some(w) = word8(b, i) {
        i += 8;
        if w & HIGH == 0 {
            continue;
        }
        // Bit 7 of each byte: a continuation byte, a lead of four (11110xxx; the shifts
        // bring bits 6, 5 and 4 of the same byte up to bit 7).
        let cont = continuation_bytes(w);
        let four = w & (w << 1) & (w << 2) & (w << 3) & HIGH;
        units = units + flag_count(four) - flag_count(cont);
    }
    for &x in &b[i..] {
        units = units + usize::from(x >= 0xF0) - usize::from(mojibake::is_cont(x));
    }
    units
}

/// How many of a word's flags (bit 7 of each byte, nothing else) are set: brought down to
/// bit 0 and summed into the top byte by one multiply (a byte's sum is at most 8). On x86-64
/// `count_ones` is a dozen instructions, POPCNT being no part of the baseline the binary is
/// built for (`Line::locate` spent a fifth of its time so); WebAssembly has its own.
#[inline]
fn flag_count(flags: u64) -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    {
        ((flags >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
    }
    #[cfg(target_arch = "wasm32")]
    {
        flags.count_ones() as usize
    }
}

/// Of eight UTF-8 bytes, the continuation bytes (10xxxxxx), as bit 7 of each (the shift
/// brings bit 6 of the same byte up to bit 7).
#[inline]
fn continuation_bytes(w: u64) -> u64 {
    w & !(w << 1) & HIGH
}

/// Whether any byte could start a repair: non-ASCII, `&`, CR, or a control. The runs of
/// plain bytes go by [`plain_run`] (sixteen or eight bytes a test: clean text, all of whose
/// bytes are read here, goes several times quicker than a byte and a branch at a time); at
/// each byte it stops at, a line feed or tab is passed, any other is one (but in the last
/// eight bytes, which `plain_run` leaves to the caller one at a time). Not inlined: inlined
/// into `repair`, its loop took an instruction more or less a block with what else `repair`
/// held (changes elsewhere in it moved the repair of clean English by 0.5-3%, measured).
#[inline(never)]
fn needs_look(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        let i = plain_run_of(rest);
        match rest.get(i) {
            None => return false,
            Some(&b) if b >= 0x7F || b == b'&' || (b < 0x20 && b != b'\n' && b != b'\t') => {
                return true
            }
            Some(_) => rest = &rest[i + 1..],
        }
    }
}

/// [`plain_run`] from the start of `b`, with the sixteen-byte blocks taken off the front of
/// the slice: what the loop keeps is the slice (no index into the text, whose start the
/// inlined loop of [`needs_look`] had to reload from the stack each block: one instruction a
/// block more, 2.6% of the repair of clean English, depending on what else `repair` holds).
#[inline]
fn plain_run_of(b: &[u8]) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        let mut rest = b;
        while let Some((block, tail)) = rest.split_first_chunk::<16>() {
            let n = plain_prefix_sse2(block);
            if n < 16 {
                return b.len() - rest.len() + n;
            }
            rest = tail;
        }
        let i = b.len() - rest.len();
        i + plain_run(b, i)
    }
    #[cfg(not(target_arch = "x86_64"))]
    plain_run(b, 0)
}

/// Whether no repair but NFC can change the line, by a byte scan with no allocation, so
/// that clean text in any script skips the char-level checks. It holds when:
/// - no byte is `&`, CR, DEL or a control other than tab (entities, line endings, junk);
/// - no char is one of the few that can be damage on their own (`Ã`, `Â`, C1 controls,
///   `Œ œ ŉ`, `Ĳ ĳ`, `Ǆ…ǌ`, combining marks, a lone Thai lead char, zero-width and format
///   chars, ligatures, U+FEFF, U+FFF9–U+FFFD);
/// - no two chars side by side could be a UTF-8 lead byte and a continuation byte under one
///   code page (or, under MacRoman, whose lead byte 0xF0 is the Apple logo that copying
///   drops, two continuation bytes): every mojibake reading, whole or with lost bytes, and
///   every rule of [`mojibake`] needs such a pair;
/// - no two emoji parts stand side by side (a joiner could be missing).
///
/// Cyrillic, Greek, Polish, CJK, emoji and most clean text pass: their letters are lead
/// bytes under their own code page, never a lead followed by a continuation byte.
/// `tests` checks on random lines that whatever passes is left unchanged by the full repair
/// under every document page.
fn surely_undamaged(chars: &[char]) -> bool {
    scan_chars(chars) != Scan::MayBeDamaged
}

/// What [`scan_line`] proves of a line.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Scan {
    /// Nothing: the char-level checks decide.
    MayBeDamaged,
    /// [`surely_undamaged`]; NFC not known.
    Undamaged,
    /// [`surely_undamaged`], and in NFC (every char is [`nfc_inert`]).
    UndamagedNfc,
}

/// [`scan_line`]'s state, one char at a time: the same test for a line's UTF-8 and for its
/// chars ([`scan_chars`]).
struct Scanner {
    /// The pages under which the char before could start a sequence (0 after ASCII).
    prev: u16,
    /// What `prev` becomes across a space or a `?`.
    gap_space: u16,
    gap_question: u16,
    /// Whether the char before was ASCII.
    gap: bool,
    /// Whether the char before was an emoji part (modifiers between parts allowed, as in
    /// `zwj`).
    last_part: bool,
    /// Whether every char so far is [`nfc_inert`].
    inert: bool,
}

impl Scanner {
    fn new() -> Scanner {
        Scanner {
            prev: 0,
            gap_space: 0,
            gap_question: 0,
            gap: true,
            last_part: false,
            inert: true,
        }
    }

    /// An ASCII char; false where the line may be damaged.
    #[inline]
    fn ascii(&mut self, c: u8) -> bool {
        if c == b'&' || c == b'\r' || c == 0x7F || (c < 0x20 && c != b'\t') {
            return false;
        }
        // One space may stand for a lost 0xA0 after a lead byte E0–E3 or F0, one `?` for
        // any lost byte after a lead of three or four bytes (ftfy's `restore_byte_a0` and
        // `LOSSY_UTF8_RE`): the sequence may go on after it.
        self.prev = match c {
            b' ' if !self.gap => self.gap_space,
            b'?' if !self.gap => self.gap_question,
            _ => 0,
        };
        self.gap = true;
        self.last_part = false;
        true
    }

    /// A char from U+0080; false where the line may be damaged. A call from [`scan_line`]
    /// (inlined there it cost x300 0.2 M instructions more than it saved).
    #[cfg_attr(not(target_arch = "wasm32"), inline(never))]
    fn other(&mut self, u: u32) -> bool {
        self.other_inlined::<false>(u)
    }

    /// [`Scanner::other`], inlined natively into [`scan_chars`] (a call for each char from
    /// U+0080 of each step's scan: 0.3 M instructions of d300's 124 M). A call in the .wasm
    /// (its size).
    /// `WIDE`: `inert` as [`nfc_inert_wide`] (natively, for [`scan_chars`]).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn other_inlined<const WIDE: bool>(&mut self, u: u32) -> bool {
        // Natively, below U+3000 what is asked of the char is one load of its flags (no
        // modifier there); above it, and in the .wasm, each is worked out when asked. The
        // two calls, each inlined with its `flags` known, are two paths with no test of
        // `flags` in them (one body asking `flags` at each place cost d300 +0.1 M).
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(&flags) = FLAGS_LOW.get(u as usize) {
            return self.char_with::<WIDE>(u, Some(flags));
        }
        self.char_with::<WIDE>(u, None)
    }

    /// [`Scanner::other_inlined`] with the char's flags from `FLAGS_LOW`, if known.
    #[inline(always)]
    fn char_with<const WIDE: bool>(&mut self, u: u32, flags: Option<u8>) -> bool {
        let risk = match flags {
            Some(flags) => flags & LONE_RISK != 0,
            None => lone_risk(u),
        };
        if risk || mojibake::lone_lead_risk(u) {
            return false;
        }
        let role = mojibake::role(u);
        if self.prev & role.cont != 0 {
            return false;
        }
        self.prev = role.starts;
        (self.gap_space, self.gap_question, self.gap) =
            (role.before_space, role.before_question, false);
        let part = match flags {
            Some(flags) => flags & PART != 0,
            None => zwj::is_part_code(u),
        };
        if part {
            if self.last_part {
                return false;
            }
            self.last_part = true;
        } else if flags.is_some() || !zwj::is_modifier_code(u) {
            self.last_part = false;
        }
        self.inert &= match flags {
            Some(flags) => flags & if WIDE { INERT_WIDE } else { INERT } != 0,
            #[cfg(not(target_arch = "wasm32"))]
            None if WIDE => nfc_inert_wide(u),
            None => nfc_inert(u),
        };
        true
    }

    fn end(&self) -> Scan {
        if self.inert {
            Scan::UndamagedNfc
        } else {
            Scan::Undamaged
        }
    }
}

/// A char that can be damage on its own: `Ã`, `Â` and the no-break space, C1 controls,
/// `Œ œ ŉ`, `Ĳ ĳ`, `Ǆ`…`ǌ`, combining marks, Thai lead chars, ligatures, U+FEFF,
/// U+FFF9–U+FFFD (with the rest of U+FFC0–U+FFFF), the zero-width chars repair removes
/// (`is_junk`: U+200B, U+2060, U+206A–U+206F).
///
/// Natively, below U+3000 (most chars the scans ask) one bit of [`LONE_RISK_LOW`], where the
/// ranges took ~8 instructions a char of each line's scan (the test
/// `lone_risk_answers_as_the_ranges` compares every char).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn lone_risk(u: u32) -> bool {
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(&flags) = FLAGS_LOW.get(u as usize) {
        return flags & LONE_RISK != 0;
    }
    lone_risk_ranges(u)
}

/// Bits of [`FLAGS_LOW`]: [`lone_risk`], [`zwj::is_part_code`], [`nfc_inert`],
/// [`nfc_inert_wide`]. (Named in the .wasm too, where `Scanner::char_with` never has flags.)
const LONE_RISK: u8 = 1;
const PART: u8 = 2;
const INERT: u8 = 4;
const INERT_WIDE: u8 = 8;

/// What the scans ask of each char of U+0000–U+2FFF (most chars they meet), one byte a
/// char, natively: one load where [`Scanner`]'s range tests of each char beyond ASCII
/// (risk, emoji part, inert) took ~25 instructions. No char there is a
/// [`zwj::is_modifier_code`]. The test `char_flags_answer_as_the_ranges` compares every char.
#[cfg(not(target_arch = "wasm32"))]
static FLAGS_LOW: [u8; 0x3000] = {
    let mut t = [0u8; 0x3000];
    let mut u = 0;
    while u < 0x3000 {
        let mut f = 0;
        if lone_risk_ranges(u) {
            f |= LONE_RISK;
        }
        if zwj::is_part_code(u) {
            f |= PART;
        }
        if nfc_inert(u) {
            f |= INERT;
        }
        if nfc_inert_wide_ranges(u) {
            f |= INERT_WIDE;
        }
        t[u as usize] = f;
        u += 1;
    }
    t
};

/// [`lone_risk`] as ranges.
const fn lone_risk_ranges(u: u32) -> bool {
    matches!(
        u,
        0x80..=0xA0
            | 0xC2
            | 0xC3
            | 0x132
            | 0x133
            | 0x149
            | 0x152
            | 0x153
            | 0x1C4..=0x1CC
            | 0x300..=0x37F
            | 0xE40..=0xE7F
            | 0x200B
            | 0x2060
            | 0x206A..=0x206F
            | 0xFB00..=0xFB3F
            | 0xFEC0..=0xFEFF
            | 0xFFC0..=0xFFFF
    )
}

/// [`surely_undamaged`] of the line from `b[i]`, whether every char is [`nfc_inert`], and
/// where the line ends (at its `\n` or `\r`, or the end of `b`). Plain ASCII goes eight
/// bytes at a time.
fn scan_line(b: &[u8], mut i: usize) -> (Scan, usize) {
    let mut scan = Scanner::new();
    while i < b.len() {
        if scan.gap {
            // After ASCII: a run of plain ASCII leaves nothing pending. Stepped over eight
            // bytes at a time, then to the first byte that is not plain (or the end): each
            // byte of the run would have left the scanner as it is here.
            let start = i;
            i += plain_run(b, i);
            if i > start {
                scan.prev = 0;
                if i >= b.len() {
                    break;
                }
            }
        }
        let c = b[i];
        if c < 0x80 {
            if c == b'\n' || c == b'\r' {
                return (scan.end(), i);
            }
            if !scan.ascii(c) {
                break;
            }
            i += 1;
            continue;
        }
        let len = match c {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        let Some(seq) = b.get(i..i + len) else {
            break;
        };
        let u = match len {
            2 => u32::from(c & 0x1F) << 6 | u32::from(seq[1] & 0x3F),
            3 => {
                u32::from(c & 0x0F) << 12 | u32::from(seq[1] & 0x3F) << 6 | u32::from(seq[2] & 0x3F)
            }
            _ => {
                u32::from(c & 0x07) << 18
                    | u32::from(seq[1] & 0x3F) << 12
                    | u32::from(seq[2] & 0x3F) << 6
                    | u32::from(seq[3] & 0x3F)
            }
        };
        if !scan.other(u) {
            break;
        }
        i += len;
    }
    if i >= b.len() {
        return (scan.end(), b.len());
    }
    // Stopped at a char that may be damage: the rest of the line is not looked at.
    let end = memchr::memchr2(b'\n', b'\r', &b[i..]).map_or(b.len(), |k| i + k);
    (Scan::MayBeDamaged, end)
}

/// Whether [`scan_chars`] tests [`nfc_inert_wide`] (natively) or [`nfc_inert`].
const WIDE_INERT: bool = cfg!(not(target_arch = "wasm32"));

/// [`scan_line`] of a line's chars (no UTF-8 written out for it). As there, a run of plain
/// ASCII after ASCII (no `&`, control or DEL) is stepped over at one range test a char: each
/// char of it would leave the scanner as it is but for `prev`, which it clears. (Every
/// step of [`Line::run_at`] ends with this scan, and `Scanner::ascii` a char was two thirds
/// of it.) Native only, for the .wasm's size budget.
///
/// Natively `UndamagedNfc` where every char is [`nfc_inert_wide`] (in NFC all the same),
/// where [`scan_line`] asks [`nfc_inert`]: a line a step decoded into Hebrew, Arabic, Thai,
/// `€` or `™` then ends the step with no [`surely_nfc`] walk of its own (`nfc_pieces`
/// asked it of 1,972 lines of d300, 1.06 M instructions).
fn scan_chars(chars: &[char]) -> Scan {
    scan_chars_to(chars).0
}

/// [`scan_chars`], and where it stopped: the char that may be damage (`MayBeDamaged`), or
/// the line's length. Inlined natively; in the .wasm one copy (inlined into `Line::run_at`
/// too it cost 38 B gz).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn scan_chars_to(chars: &[char]) -> (Scan, usize) {
    let mut scan = Scanner::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        #[cfg(not(target_arch = "wasm32"))]
        if scan.gap && matches!(c, ' '..='%' | '\''..='~') {
            i += 1;
            // On x86-64 eight chars a test first (SSE2): the test a char was 1.2 M of d300's
            // 115 M instructions.
            #[cfg(target_arch = "x86_64")]
            while let Some(block) = chars.get(i..).and_then(<[char]>::first_chunk::<8>) {
                let stop = not_plain_sse2(block);
                if stop != 0 {
                    i += stop.trailing_zeros() as usize / 2;
                    break;
                }
                i += 8;
            }
            while chars
                .get(i)
                .is_some_and(|&c| matches!(c, ' '..='%' | '\''..='~'))
            {
                i += 1;
            }
            scan.prev = 0;
            continue;
        }
        let ok = if c.is_ascii() {
            scan.ascii(c as u8)
        } else {
            scan.other_inlined::<WIDE_INERT>(c as u32)
        };
        if !ok {
            return (Scan::MayBeDamaged, i);
        }
        i += 1;
    }
    (scan.end(), i)
}

/// The sixteen ASCII bytes of `block` as chars in `to`, by SSE2: zeros interleaved twice
/// (bytes to 16-bit lanes, those to 32-bit ones), four stores.
#[cfg(target_arch = "x86_64")]
#[inline]
fn widen_sse2(block: &[u8; 16], to: &mut [char]) {
    use std::arch::x86_64::{
        __m128i, _mm_loadu_si128, _mm_setzero_si128, _mm_storeu_si128, _mm_unpackhi_epi16,
        _mm_unpackhi_epi8, _mm_unpacklo_epi16, _mm_unpacklo_epi8,
    };
    let to = &mut to[..16];
    // SAFETY: an unaligned load of the sixteen bytes of `block` and four unaligned stores
    // of sixteen bytes into the 64 bytes of `to` (sixteen chars, checked above); each lane
    // stored is a byte below 0x80 widened, a valid char. SSE2 is part of the x86-64 baseline.
    unsafe {
        let x = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
        let zero = _mm_setzero_si128();
        let (lo, hi) = (_mm_unpacklo_epi8(x, zero), _mm_unpackhi_epi8(x, zero));
        let d = to.as_mut_ptr().cast::<__m128i>();
        _mm_storeu_si128(d, _mm_unpacklo_epi16(lo, zero));
        _mm_storeu_si128(d.add(1), _mm_unpackhi_epi16(lo, zero));
        _mm_storeu_si128(d.add(2), _mm_unpacklo_epi16(hi, zero));
        _mm_storeu_si128(d.add(3), _mm_unpackhi_epi16(hi, zero));
    }
}

/// Two mask bits for each of eight chars that is not plain ASCII as [`scan_chars`] steps
/// over it (`' '..='%'` or `'\''..='~'`), bits 2k and 2k + 1 for char k: the chars packed to
/// 16-bit lanes first (signed saturation: no char reaches 2^31, and every char from U+8000
/// becomes 0x7FFF, not plain as it was), then SSE2 compares of those (one set of compares
/// for the eight, where the 32-bit lanes took two: ~6 instructions a block less).
#[cfg(target_arch = "x86_64")]
#[inline]
fn not_plain_sse2(block: &[char; 8]) -> u32 {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi16, _mm_cmpgt_epi16,
        _mm_cmplt_epi16, _mm_loadu_si128, _mm_movemask_epi8, _mm_packs_epi32, _mm_set1_epi16,
    };
    // SAFETY: two unaligned loads of the 32 bytes of `block` (a char is four bytes); SSE2 is
    // part of the x86-64 baseline, so its instructions are always there.
    let plain = unsafe {
        let p = block.as_ptr().cast::<__m128i>();
        let x = _mm_packs_epi32(_mm_loadu_si128(p), _mm_loadu_si128(p.add(1)));
        let printable = _mm_and_si128(
            _mm_cmpgt_epi16(x, _mm_set1_epi16(0x1F)),
            _mm_cmplt_epi16(x, _mm_set1_epi16(0x7F)),
        );
        let amp = _mm_cmpeq_epi16(x, _mm_set1_epi16(i16::from(b'&')));
        _mm_movemask_epi8(_mm_andnot_si128(amp, printable)) as u32
    };
    !plain & 0xFFFF
}

/// How many bytes from `b[i]` on are plain ASCII (as [`plain_prefix`] reads them), up to
/// the last eight bytes of `b` (the caller takes those one at a time): eight bytes at a
/// time, and on x86-64 sixteen first (SSE2, in every x86-64 CPU), where most lines are
/// long runs of ASCII between a few curly quotes and emoji.
#[inline]
fn plain_run(b: &[u8], from: usize) -> usize {
    let mut i = from;
    #[cfg(target_arch = "x86_64")]
    while let Some(block) = b.get(i..).and_then(<[u8]>::first_chunk::<16>) {
        let n = plain_prefix_sse2(block);
        i += n;
        if n < 16 {
            return i - from;
        }
    }
    loop {
        let n = plain_prefix(b, i);
        i += n;
        if n < 8 {
            return i - from;
        }
    }
}

/// [`plain_prefix`] of sixteen bytes with SSE2: the bytes that are not plain (below 0x20 or
/// from 0x80, which compare below 0x20 as signed bytes; 0x7F, the one signed byte above
/// 0x7E; `&`) flagged by three compares, the first found in their `movemask`.
#[cfg(target_arch = "x86_64")]
#[inline]
fn plain_prefix_sse2(block: &[u8; 16]) -> usize {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    // SAFETY: an unaligned load of the sixteen bytes of `block`; SSE2 is part of the x86-64
    // baseline, so its instructions are always there.
    let flags = unsafe {
        let x = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
        let low_or_high = _mm_cmplt_epi8(x, _mm_set1_epi8(0x20));
        let del = _mm_cmpgt_epi8(x, _mm_set1_epi8(0x7E));
        let amp = _mm_cmpeq_epi8(x, _mm_set1_epi8(b'&' as i8));
        _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(low_or_high, del), amp))
    };
    // Bit 16 set: sixteen when no byte is flagged.
    (flags as u32 | 1 << 16).trailing_zeros() as usize
}

/// How many bytes from `b[i]` on (eight at most) are plain ASCII: no byte from 0x80, no
/// control, no DEL, no `&`. A byte below 0x20, a zero byte of `w ^ '&'`, a byte 0x7F (which
/// +1 turns into 0x80) and a byte from 0x80 each flag bit 7 of their byte; the lowest flag is
/// exact (a borrow or carry only reaches bytes above the one that made it). None when fewer
/// than eight bytes are left (the caller takes those one at a time: [`scan_line`] reads
/// words across line ends, so only the text's last bytes).
#[inline]
fn plain_prefix(b: &[u8], i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let Some(w) = word8(b, i) else {
        return 0;
    };
    let below_space = w.wrapping_sub(ONES * 0x20) & !w;
    let amp = w ^ (ONES * u64::from(b'&'));
    let has_amp = amp.wrapping_sub(ONES) & !amp;
    let del = w.wrapping_add(ONES);
    let flags = (w | below_space | has_amp | del) & HIGH;
    flags.trailing_zeros() as usize / 8
}

/// Whether `u` is a char that NFC can neither change nor compose with the char before it
/// (Canonical_Combining_Class 0 and NFC_Quick_Check Yes), in the ranges clean text uses
/// most: Latin below the combining marks, Greek and Cyrillic letters, punctuation, box
/// drawing and symbols, kana, CJK, Hangul syllables, emoji, joiners and variation
/// selectors. A test checks each against unicode-normalization.
#[inline]
const fn nfc_inert(u: u32) -> bool {
    matches!(u,
        0..=0x2FF | 0x388..=0x3CE | 0x400..=0x482 | 0x200C | 0x200D | 0x2010..=0x2027
        | 0x2030..=0x205E | 0x2500..=0x27BF | 0x3041..=0x3096 | 0x30A1..=0x30FA
        | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 | 0xFE00..=0xFE0F | 0x1F000..=0x1FAFF)
}

/// [`nfc_inert`], and the chars of the same kind that mojibake and its repairs hold most
/// besides (ftfy's cases): Hebrew and Arabic letters and Arabic digits, Thai consonants,
/// Vietnamese letters, currency signs (`€`), letterlike symbols and number forms (`™`) but
/// for the three NFC changes (Ω K Å), arrows, mathematical operators and technical symbols
/// (`√ ≈ ∂`) but for the two angle brackets NFC changes, control pictures and enclosed
/// alphanumerics, Braille, U+FFFD. For [`surely_nfc`], where each of those cost a quick
/// check of the line (two table lookups a char); not for the scan of every line
/// ([`scan_line`]), where the longer test cost a thread of posts more than it saved. A test
/// checks each against unicode-normalization. Native only, for the .wasm's size budget (the
/// browser's first step stays [`nfc_inert`]).
///
/// Below U+3000 a bit of [`FLAGS_LOW`], where the ranges took ~30 instructions a char (the
/// chars [`surely_nfc`] and [`scan_chars`] ask are most of them there).
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn nfc_inert_wide(u: u32) -> bool {
    match FLAGS_LOW.get(u as usize) {
        Some(&flags) => flags & INERT_WIDE != 0,
        None => nfc_inert_wide_ranges(u),
    }
}

/// [`nfc_inert_wide`] as ranges.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
const fn nfc_inert_wide_ranges(u: u32) -> bool {
    nfc_inert(u)
        || matches!(u,
            0x5D0..=0x5EA | 0x621..=0x64A | 0x660..=0x669 | 0xE01..=0xE30 | 0x1EA0..=0x1EF9
            | 0x20A0..=0x20C0 | 0x2100..=0x2125 | 0x2127..=0x2129 | 0x212C..=0x218B
            | 0x2190..=0x2328 | 0x232B..=0x24FF | 0x2800..=0x28FF | 0xFFFD)
}

/// Where each line of `text` starts, then the text's length: lines end at `\n`, `\r\n`
/// or `\r`, and the last line is there even when empty. (The way [`repair`] once found
/// them; it now has [`scan_line`] find each line's end.)
#[cfg(test)]
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while let Some(k) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
        let at = i + k;
        i = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
            at + 2
        } else {
            at + 1
        };
        starts.push(i);
    }
    starts.push(text.len());
    starts
}

/// Where the line after the one that ends at byte `end` (at its `\n` or `\r`) starts: past
/// `\n`, `\r\n` or `\r`.
fn after_ending(bytes: &[u8], end: usize) -> usize {
    end + if bytes[end..].starts_with(b"\r\n") {
        2
    } else {
        1
    }
}

/// Line `k` of `text` with its ending (`""` for the last line, `\n`, `\r\n` or `\r`).
/// Inlined natively (a call a line in three loops of `repair`); a call in the .wasm, for
/// its size.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn line_at<'a>(text: &'a str, starts: &[usize], k: usize) -> (&'a str, &'a str) {
    let end = line_end(text.as_bytes(), starts, k);
    (&text[starts[k]..end], &text[end..starts[k + 1]])
}

/// Where line `k` of `bytes` ends, before its line ending.
#[inline]
fn line_end(bytes: &[u8], starts: &[usize], k: usize) -> usize {
    let (start, next) = (starts[k], starts[k + 1]);
    if k + 2 == starts.len() {
        next
    } else if next >= start + 2 && bytes[next - 2] == b'\r' {
        // A CR in line `k` is its ending's: CRLF.
        next - 2
    } else {
        next - 1
    }
}

/// What the evidence scan of [`repair`] found of a line.
#[derive(Clone, Copy, PartialEq)]
enum Known {
    /// [`scan_line`] proves nothing; badness not asked (past the evidence, ASCII, or a
    /// one-line text).
    MayBeDamaged,
    /// [`surely_undamaged`].
    Undamaged,
    /// [`surely_undamaged`] and in NFC: nothing to repair.
    Clean,
    /// Not [`surely_undamaged`], and [`badness::is_bad`] is false.
    NotBad,
    /// [`badness::is_bad`] is true (a line of the document's evidence).
    Bad,
}

/// `None` when `line` certainly needs no repair; otherwise fills `chars` with its chars and
/// says whether they were found damaged (what [`mojibake::one_step`] asks before it tries the
/// pages, so that the line's first step need not ask again).
fn line_needs_repair(line: &str, chars: &mut Vec<char>, known: Known) -> Option<bool> {
    if known == Known::Clean {
        return None;
    }
    let not_bad = known == Known::NotBad;
    let undamaged = known == Known::Undamaged;
    if undamaged && is_nfc(line) {
        return None;
    }
    // One walk natively; in the .wasm the two walks `chars_of` replaced (its code costs
    // more bytes than the time it saves there).
    #[cfg(not(target_arch = "wasm32"))]
    let small_fix = chars_of(line, chars);
    #[cfg(target_arch = "wasm32")]
    let small_fix = {
        chars.clear();
        chars.extend(line.chars());
        has_small_fix(chars)
    };
    if undamaged || small_fix {
        return Some(false);
    }
    // (A line of the evidence was found bad already: not asked again.)
    if known == Known::Bad || (!line.is_ascii() && !not_bad && badness::is_bad(chars)) {
        return Some(true);
    }
    // Damaged where it has a page pair and is `suspicious` or decodes plausibly; a lone lead
    // with no page pair is repaired all the same (not known damaged). `suspicious` is a lone
    // lead or a suspicious run: the lone lead is asked once here, where it was asked by
    // `suspicious` and again after it (0.2 M of d300's 102 M instructions).
    let (lone, pair) = mojibake::lone_lead_and_page_pair(chars);
    if lone {
        return Some(pair);
    }
    if pair
        && (!mojibake::suspicious_runs(chars, true).is_empty()
            || mojibake::decodes_plausibly(chars))
    {
        return Some(true);
    }
    // With nothing else to repair, `Line::repair` would only restore joiners: emoji side
    // by side with no joiner missing leave the line as it is.
    if zwj::may_join(chars) && !zwj::pieces(chars).is_empty() {
        return Some(false);
    }
    (!is_nfc_chars(chars)).then_some(false)
}

/// Fills `chars` with the chars of `line` and says whether any is one that
/// [`has_small_fix`] looks for: one walk along the line's UTF-8, where `extend` with its
/// `chars()` (a capacity test and a decoding step a char) and then `has_small_fix` over the
/// chars took two. The buffer is made as long as the line's bytes at once and cut to its
/// chars at the end, so no char is written with a capacity test; runs of eight plain ASCII
/// bytes ([`plain_prefix`]: none of them `&`, DEL or a control, so none a small fix) are
/// copied eight at a time, and the non-ASCII chars that mojibake writes side by side are
/// decoded in one loop.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
#[inline(never)]
fn chars_of(line: &str, chars: &mut Vec<char>) -> bool {
    let b = line.as_bytes();
    // Room for a char a byte: what the buffer holds already (the chars of the line before,
    // cut at the end below) is written over, not cleared and filled again (the fill was a
    // `memset` of the line's bytes four times over).
    if chars.len() < b.len() {
        chars.resize(b.len(), '\0');
    }
    let out = chars.as_mut_slice();
    let mut small = false;
    let (mut i, mut k) = (0, 0);
    loop {
        // On x86-64 sixteen bytes a test first (SSE2), a run of plain ones widened to chars
        // with four stores (0.5 M of d300's 115 M instructions less); elsewhere, and for the
        // line's last fifteen bytes, eight.
        #[cfg(target_arch = "x86_64")]
        let n = match b.get(i..).and_then(<[u8]>::first_chunk::<16>) {
            Some(block) => {
                let n = plain_prefix_sse2(block);
                // All sixteen widened, however many are plain: those past the plain ones are
                // written over by the chars that follow (`k` moves on by the plain ones only;
                // `k` never passes `i`, so there is room), with no loop a byte for a short run
                // between two chars beyond ASCII (0.2 M of d300's 98 M instructions).
                if let Some(to) = out.get_mut(k..k + 16) {
                    widen_sse2(block, to);
                    i += n;
                    k += n;
                    if n == 16 {
                        continue;
                    }
                    0
                } else {
                    n
                }
            }
            None => plain_prefix(b, i),
        };
        #[cfg(not(target_arch = "x86_64"))]
        let n = plain_prefix(b, i);
        if n == 8 {
            if let (Some(to), Some(from)) = (out.get_mut(k..k + 8), b.get(i..i + 8)) {
                for (d, &x) in to.iter_mut().zip(from) {
                    *d = char::from(x);
                }
            }
            i += 8;
            k += 8;
            continue;
        }
        for &x in &b[i..i + n] {
            out[k] = char::from(x);
            k += 1;
        }
        i += n;
        // A char that is not plain ASCII (or one of the last seven bytes, which
        // `plain_prefix` leaves), then the non-ASCII chars after it.
        let Some(&x) = b.get(i) else {
            break;
        };
        if x < 0x80 {
            small |= x == b'&' || is_junk(char::from(x));
            out[k] = char::from(x);
            i += 1;
            k += 1;
            continue;
        }
        // Chars of two to four bytes (UTF-8, as `line` is a `str`).
        loop {
            // Two bytes (most of mojibake) on their own path: below U+0800, where of the
            // chars `small_fix` counts there are only the C1 controls and U+0132–U+01F3, at
            // two range tests (the shared path's decoding and tests cost d300 0.36 M of its
            // 79 M instructions more; the test `chars_of_reads_every_two_byte_char`).
            if let [x, y, ..] = b[i..] {
                if x < 0xE0 {
                    let u = u32::from(x & 0x1F) << 6 | u32::from(y & 0x3F);
                    let c = char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER);
                    small |= u <= 0x9F || (0x132..=0x1F3).contains(&u) && small_fix(c);
                    out[k] = c;
                    i += 2;
                    k += 1;
                    if b.get(i).is_none_or(|&x| x < 0x80) {
                        break;
                    }
                    continue;
                }
            }
            let (u, len) = match b[i..] {
                [x, y, ..] if x < 0xE0 => (u32::from(x & 0x1F) << 6 | u32::from(y & 0x3F), 2),
                [x, y, z, ..] if x < 0xF0 => (
                    u32::from(x & 0x0F) << 12 | u32::from(y & 0x3F) << 6 | u32::from(z & 0x3F),
                    3,
                ),
                [x, y, z, w, ..] => (
                    u32::from(x & 0x07) << 18
                        | u32::from(y & 0x3F) << 12
                        | u32::from(z & 0x3F) << 6
                        | u32::from(w & 0x3F),
                    4,
                ),
                // Never: a `str` holds whole chars.
                _ => (0xFFFD, 1),
            };
            let c = char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER);
            small |= small_fix(c);
            out[k] = c;
            i += len;
            k += 1;
            if b.get(i).is_none_or(|&x| x < 0x80) {
                break;
            }
        }
    }
    chars.truncate(k);
    small
}

/// Whether a piece puts back the one char it replaces. Not inlined: inlined into
/// `Line::run` it cost the mojibake bench ~1.6% more instructions (codegen, measured).
#[inline(never)]
fn changes_nothing(chars: &[char], p: &Piece) -> bool {
    match p.to {
        Text::One(c) => p.end == p.start + 1 && chars.get(p.start) == Some(&c),
        Text::Many(_) => false,
    }
}

/// A line being repaired: its chars, and for each the range of pasted chars it came from.
#[derive(Default)]
struct Line {
    chars: Vec<char>,
    origin: Vec<(u32, u32)>,
    /// The edits, sorted by their range of pasted chars. A range holds one edit at most: a new edit
    /// takes in every edit inside its range, its own range included.
    edits: Vec<Edit>,
    /// Whether the chars as they stand are known to pass [`surely_undamaged`]: the scan
    /// [`Line::run_at`] makes after each step said so, and nothing changed them since
    /// ([`Line::apply`] clears it). False where not known. [`settle_page`] asks it of every
    /// repaired line, and most end so (a scan of each line of a paste, 1.1% of the repair of
    /// distinct damaged lines).
    undamaged: bool,
    /// How many times [`Line::apply`] changed the chars: where it is as it was, so are they
    /// ([`settle_page`] counts a line's vote again only then).
    changes: u32,
}

/// Where in `edits` (sorted by range) the edits that may lie inside `range` are: those
/// that start within it; all of them when the range is empty the wrong way round (as a
/// map of ranges would answer it).
fn span_of(edits: &[Edit], range: (u32, u32)) -> (usize, usize) {
    if range.0 > range.1 {
        return (0, edits.len());
    }
    let lo = edits.partition_point(|e| e.start < range.0);
    let hi = edits.partition_point(|e| e.start <= range.1);
    (lo, hi)
}

/// `v.copy_within(from, w)` where `w` is at or before the range's start (as [`Line::apply`]
/// moves the chars between its pieces back over what the pieces shortened), with no call
/// where `w` is the start: the chars are where they go (from the line's start up to the first
/// piece that shortens it). A `memmove` of nothing was half of d300's ~28 K calls from
/// `apply` (0.25 M of its 99 M instructions). (A short range copied by hand, not by
/// `memmove`, cost more.)
#[inline]
fn move_back<T: Copy>(v: &mut [T], from: std::ops::Range<usize>, w: usize) {
    debug_assert!(w <= from.start);
    if w == from.start {
        return;
    }
    v.copy_within(from, w);
}

/// One change, over a range of the pasted line.
struct Edit {
    start: u32,
    end: u32,
    /// Where the pasted chars `start..end` are in the pasted line, in bytes ([`Line::locate`]).
    from: (u32, u32),
    kind: &'static str,
    confidence: f32,
    alternatives: Vec<String>,
}

impl Line {
    /// The pasted line repaired; `damaged`: the pasted chars are known to be damaged (the
    /// check [`mojibake::one_step`] starts with was made of them and said so).
    fn repair(
        pasted: &[char],
        preferred: Option<usize>,
        damaged: bool,
        memo: &mut mojibake::Memo,
    ) -> Line {
        let mut line = Line {
            chars: pasted.to_vec(),
            origin: (0..pasted.len() as u32).map(|k| (k, k + 1)).collect(),
            edits: Vec::new(),
            undamaged: false,
            changes: 0,
        };
        line.run(preferred, damaged, memo);
        line
    }

    /// [`Line::repair`] in this line's room: what it held is dropped, its vectors' room kept
    /// (for the next line: three blocks allocated and freed a line less).
    #[cfg(not(target_arch = "wasm32"))]
    fn repair_anew(
        &mut self,
        pasted: &[char],
        preferred: Option<usize>,
        damaged: bool,
        memo: &mut mojibake::Memo,
    ) {
        self.chars.clear();
        self.chars.extend_from_slice(pasted);
        self.origin.clear();
        self.origin
            .extend((0..pasted.len() as u32).map(|k| (k, k + 1)));
        self.edits.clear();
        self.undamaged = false;
        self.changes = 0;
        self.run(preferred, damaged, memo);
    }

    /// Repairs the line as it stands under the document's page `preferred`, with what the
    /// pasted line was and the edits so far kept: a repair of the repaired line.
    /// `damaged`: as in [`Line::repair`], of the chars as they stand.
    fn run(&mut self, preferred: Option<usize>, damaged: bool, memo: &mut mojibake::Memo) {
        self.run_at(preferred, damaged, memo, 0);
    }

    /// [`Line::run`], the `again`th time for the line (see its end).
    fn run_at(
        &mut self,
        preferred: Option<usize>,
        damaged: bool,
        memo: &mut mojibake::Memo,
        again: u8,
    ) {
        let line = self;
        let mut ctx = mojibake::Context {
            preferred,
            seen: 0,
            memo: Some(memo),
            damaged,
        };
        // As ftfy's fix_text: entities, encoding (to a fixed point), then the small fixes;
        // again while those small fixes change something, as they can reveal mojibake.
        'fix: for _ in 0..4 {
            // An entity needs a `&` (most lines have none: one look at each char, where the
            // `<` test and the entity search took two).
            if line.chars.contains(&'&') && !line.chars.contains(&'<') {
                let mut p = entity_pieces(&line.chars);
                if !p.is_empty() {
                    ctx.damaged = false;
                }
                line.apply(&mut p);
            }
            for _ in 0..6 {
                let mut p = mojibake::one_step(&line.chars, &mut ctx, 0);
                // No pieces, or only pieces that change nothing (a sloppy page reads a lone
                // U+FFFD as its byte 0x1A, which decodes as U+FFFD): the next step would give
                // the same (a line of binary junk took six steps over every page).
                if p.iter().all(|q| changes_nothing(&line.chars, q)) {
                    mojibake::give_back(p);
                    break;
                }
                line.apply(&mut p);
                // The vector kept for the next step's readings (natively; a vector allocated
                // and freed a reading were ~60 K of the distinct corpus's 166 K allocations).
                mojibake::give_back(p);
                // Decoded into a line the scan proves undamaged: nothing but NFC can
                // change it (`surely_undamaged`; no emoji parts side by side either, so the
                // joiner search below finds none), so the rest is not asked (most decoded
                // lines end here, after one step).
                match scan_chars_to(&line.chars) {
                    // Stopped at a C1 control: badness's first rule matches at any, so the
                    // next step's `is_bad` would say so (its check then passes, whatever
                    // else it would ask): natively, it is told, and not asked (the test
                    // `a_c1_control_is_bad` asks it of random lines).
                    (Scan::MayBeDamaged, _k) => {
                        #[cfg(not(target_arch = "wasm32"))]
                        {
                            ctx.damaged = matches!(line.chars.get(_k), Some('\u{80}'..='\u{9F}'));
                        }
                    }
                    (Scan::Undamaged, _) => {
                        line.undamaged = true;
                        break 'fix;
                    }
                    (Scan::UndamagedNfc, _) => {
                        line.undamaged = true;
                        return;
                    }
                }
            }
            // No char the small fixes change (most lines): they would find nothing, as
            // one look at each char tells.
            if !has_small_fix(&line.chars) {
                break;
            }
            // Whether a small fix changed something (the pieces themselves are spent).
            let mut p = mojibake::c1_pieces(&line.chars);
            let mut fixed = !p.is_empty();
            line.apply(&mut p);
            let mut p = ligature_pieces(&line.chars);
            fixed |= !p.is_empty();
            line.apply(&mut p);
            let mut p = junk_pieces(&line.chars);
            fixed |= !p.is_empty();
            line.apply(&mut p);
            if !fixed {
                break;
            }
        }
        if zwj::may_join(&line.chars) {
            let mut p = zwj::pieces(&line.chars);
            line.apply(&mut p);
        }
        let mut p = nfc_pieces(&line.chars);
        if p.is_empty() {
            return;
        }
        line.apply(&mut p);
        // NFC can compose a char that is a byte of mojibake (`i` and U+0300 become `ì`,
        // 0xEC under Latin-1, a lead byte, before two U+FFFD: lost bytes), which a second
        // repair would then read: read it now, so that repair stays idempotent (a fuzz
        // finding). NFC of NFC changes nothing, so this ends once no repair changes the
        // line; twice at most all the same.
        if again < 2 && scan_chars(&line.chars) == Scan::MayBeDamaged {
            line.run_at(preferred, false, memo, again + 1);
        }
    }

    /// Applies `pieces` (in order along the line), each an edit that takes in the edits
    /// inside its range. Each piece's alternatives are taken, not copied: the pieces are
    /// dropped after (a copy was an allocation a string).
    fn apply(&mut self, pieces: &mut [Piece]) {
        if pieces.is_empty() {
            return;
        }
        self.undamaged = false;
        self.changes += 1;
        // The line is rebuilt in place, written from the front (`w`) while it is read further
        // on (`at`): no new vectors a call (their two allocations and two frees were a quarter
        // of what a call cost). Most pieces read several chars as one and the writing never passes the
        // reading; where pieces are longer than what they replace, the line is first moved
        // back by their growth (`grow`), which keeps the writing behind.
        let mut grow = 0;
        for p in &*pieces {
            // One char (most pieces) grows the line only where it replaces none.
            let len = match &p.to {
                Text::One(_) => 1,
                Text::Many(s) => s.chars().count(),
            };
            grow += len.saturating_sub(p.end - p.start);
        }
        if grow > 0 {
            let n = self.chars.len();
            self.chars.resize(n + grow, '\0');
            self.chars.copy_within(0..n, grow);
            self.origin.resize(n + grow, (0, 0));
            self.origin.copy_within(0..n, grow);
        }
        // The edits so far stay where they are while the pieces are applied; those a new
        // edit takes in are marked, and the new edits (sorted) are merged in at the end, so
        // a long line with thousands of edits costs linear time, not one shift per edit.
        // Natively an edit taken in is marked in place, its confidence made NaN (no other
        // confidence is: each is one of a few constants, or the least of some), with no
        // vector of marks (a `calloc` and a `free` a call with edits); `taken` is filled only
        // for the merge below.
        #[cfg(target_arch = "wasm32")]
        let mut taken = vec![false; self.edits.len()];
        #[cfg(not(target_arch = "wasm32"))]
        let mut taken: Vec<bool> = Vec::new();
        // Natively the new edits are written at the tail of the line's own vector (its room
        // kept from the line before), after the edits so far (`self.edits[..old]`): no
        // allocation and free a call for them (d300 77.62 -> 77.39 M instructions for a
        // line's first change; 75.69 -> 75.63 M for the others, x300 34.33 -> 34.15 M). They
        // end there, the taken-in edits dropped, unless one comes before an edit kept (rare:
        // a merge then). Native only: it cost the .wasm ~48 B gz (the .wasm keeps a vector
        // of new edits: 36 B gz more written as the native tail).
        #[cfg(not(target_arch = "wasm32"))]
        let (old, added) = {
            self.edits.reserve(pieces.len());
            (self.edits.len(), &mut self.edits)
        };
        // How many of the edits so far were taken in (made NaN).
        #[cfg(not(target_arch = "wasm32"))]
        let mut dropped = 0;
        #[cfg(target_arch = "wasm32")]
        let (old, mut added): (usize, Vec<Edit>) = (0, Vec::with_capacity(pieces.len()));
        let (mut w, mut at) = (0, grow);
        for p in pieces.iter_mut() {
            let (start, end) = (p.start + grow, p.end + grow);
            if at < start {
                move_back(&mut self.chars, at..start, w);
                move_back(&mut self.origin, at..start, w);
                w += start - at;
            }
            // The pasted chars the piece's chars came from: one walk (most pieces replace
            // two or three chars).
            let range = match self.origin.get(start..end) {
                Some([first, rest @ ..]) => rest
                    .iter()
                    .fold(*first, |(s, e), o| (s.min(o.0), e.max(o.1))),
                _ => {
                    let k = self.origin.get(start).map_or(u32::MAX, |o| o.0);
                    (k, k)
                }
            };
            match &p.to {
                // One char (most pieces): no iterator.
                Text::One(c) => {
                    self.chars[w] = *c;
                    self.origin[w] = range;
                    w += 1;
                }
                Text::Many(many) => {
                    for c in many.chars() {
                        self.chars[w] = c;
                        self.origin[w] = range;
                        w += 1;
                    }
                }
            }
            let mut confidence = p.confidence;
            let mut kind = p.kind;
            let mut take = |e: &Edit| {
                confidence = confidence.min(e.confidence);
                if e.kind == "lost_bytes" {
                    kind = e.kind;
                }
            };
            // Every edit inside the range: it starts within it and ends by its end.
            let inside = |e: &Edit| e.start >= range.0 && e.start <= range.1 && e.end <= range.1;
            // No edits yet (a line's first step): no search.
            #[cfg(not(target_arch = "wasm32"))]
            let before = &mut added[..old];
            #[cfg(target_arch = "wasm32")]
            let before = &mut self.edits[..];
            let (lo, hi) = if before.is_empty() {
                (0, 0)
            } else {
                span_of(before, range)
            };
            #[cfg(not(target_arch = "wasm32"))]
            for e in &mut before[lo..hi] {
                if !e.confidence.is_nan() && inside(e) {
                    take(e);
                    e.confidence = f32::NAN;
                    dropped += 1;
                }
            }
            #[cfg(target_arch = "wasm32")]
            for (e, taken) in before[lo..hi].iter().zip(&mut taken[lo..hi]) {
                if !*taken && inside(e) {
                    *taken = true;
                    take(e);
                }
            }
            // The pieces come in order: most start after every edit added so far (sorted,
            // the last starts last), none of which is then inside the range, and the new edit
            // goes last, with no search.
            let place = if added[old..].last().is_none_or(|e| e.start < range.0) {
                added.len()
            } else {
                let (lo, hi) = span_of(&added[old..], range);
                let (lo, hi) = (old + lo, old + hi);
                let mut kept = lo;
                for k in lo..hi {
                    if inside(&added[k]) {
                        take(&added[k]);
                    } else {
                        added.swap(kept, k);
                        kept += 1;
                    }
                }
                added.drain(kept..hi);
                old + added[old..].partition_point(|e| (e.start, e.end) < range)
            };
            let edit = Edit {
                start: range.0,
                end: range.1,
                from: (0, 0),
                kind,
                confidence,
                alternatives: std::mem::take(&mut p.alternatives),
            };
            added.insert(place, edit);
            at = end;
        }
        let n = self.chars.len();
        move_back(&mut self.chars, at..n, w);
        move_back(&mut self.origin, at..n, w);
        self.chars.truncate(w + n - at);
        self.origin.truncate(w + n - at);
        // Natively the edits taken in are dropped; where the new edits all come after those
        // kept (most calls), the edits are sorted as they stand: the merge below would give
        // the same.
        #[cfg(not(target_arch = "wasm32"))]
        let added = {
            if dropped > 0 {
                self.edits.retain(|e| !e.confidence.is_nan());
            }
            let old = old - dropped;
            let key = |e: &Edit| (e.start, e.end);
            if old == 0 || key(&self.edits[old - 1]) < key(&self.edits[old]) {
                return;
            }
            // The new edits (one at least: each piece adds one) taken off for the merge.
            taken.resize(old, false);
            self.edits.split_off(old)
        };
        // Merge: both are sorted by range, and no range is in both (a new edit takes in
        // the edit of its own range).
        let old = std::mem::take(&mut self.edits);
        #[cfg(target_arch = "wasm32")]
        if old.is_empty() {
            self.edits = added;
            return;
        }
        let mut merged = Vec::with_capacity(old.len() + added.len());
        let mut added = added.into_iter().peekable();
        for (e, taken) in old.into_iter().zip(taken) {
            if taken {
                continue;
            }
            while let Some(n) = added.next_if(|n| (n.start, n.end) < (e.start, e.end)) {
                merged.push(n);
            }
            merged.push(e);
        }
        merged.extend(added);
        self.edits = merged;
    }

    /// Finds where each edit's pasted chars are in `pasted` (the line as pasted), once for
    /// all the copies [`Line::report`] reports: one walk along the line (edits are sorted by
    /// their range of pasted chars; one that is not is walked to from the start).
    fn locate(&mut self, pasted: &str) {
        let bytes = pasted.as_bytes();
        // `byte_k` is where char `char_k` starts (or a continuation byte before it).
        let (mut char_k, mut byte_k) = (0usize, 0usize);
        let mut byte_at = |k: u32| {
            let k = k as usize;
            if k < char_k {
                (char_k, byte_k) = (0, 0);
            }
            // Eight bytes at a time while all the chars they start come before char `k`
            // (a char starts at each byte but a continuation byte).
            while let Some(w) = word8(bytes, byte_k) {
                let starts = 8 - flag_count(continuation_bytes(w));
                if char_k + starts > k {
                    break;
                }
                char_k += starts;
                byte_k += 8;
            }
            while let Some(&b) = bytes.get(byte_k) {
                if !mojibake::is_cont(b) {
                    if char_k == k {
                        break;
                    }
                    char_k += 1;
                }
                byte_k += 1;
            }
            byte_k as u32
        };
        for e in &mut self.edits {
            e.from = (byte_at(e.start), byte_at(e.end));
        }
    }

    /// Adds this line's repairs, its edits' alternatives taken (a later copy of the line
    /// copies its repairs); `pasted` is the line as pasted ([`Line::locate`] has been told
    /// it), `base` its offset in the repaired text. `to`: room for what each edit became.
    /// (Natively a call: only the lines still kept as `Line`s come here, and inlined into
    /// `repair` it cost d300 0.1 M instructions there. Inlined in the .wasm: a call cost 73 B.)
    /// Gives whether a repair is a stray control ([`is_stray`]), asked as each is made: a
    /// look at the repairs after cost a line of many ~1.3 K instructions.
    #[cfg_attr(not(target_arch = "wasm32"), inline(never))]
    fn report(
        &mut self,
        pasted: &str,
        base: usize,
        repairs: &mut Vec<Repair>,
        to: &mut String,
    ) -> bool {
        #[cfg(not(target_arch = "wasm32"))]
        to.clear();
        #[cfg_attr(target_arch = "wasm32", allow(unused_mut))]
        let mut strays = false;
        self.each_change(pasted, base, to, |at, from, (_, to), e| {
            // As `is_stray` asks it of the repair (natively: the .wasm merges them at the end,
            // and asking cost it 29 B gzipped).
            #[cfg(not(target_arch = "wasm32"))]
            {
                strays |= e.kind == "control" && to.is_empty() && stray_from(from.1);
            }
            repairs.push(Repair {
                at,
                from: from.1.into(),
                to: to.into(),
                kind: e.kind.into(),
                confidence: e.confidence,
                alternatives: std::mem::take(&mut e.alternatives),
                count: 1,
            })
        });
        strays
    }

    /// Tells `change` of each change this line makes: its offset in the repaired text (in
    /// UTF-16 units, from `base`), the pasted bytes it replaced (a range of `pasted`, the line
    /// as pasted, which [`Line::locate`] has been told), what they became (where it starts in
    /// `to`, and the text) and the edit. An edit that gives back what was pasted is no change.
    /// `to`: what each change became is appended to it (a kept line's list of them, or room
    /// kept from line to line: one allocation for the paste, where one a line cost ~1 M
    /// instructions of 130 M on 300 KB of distinct damaged lines).
    fn each_change(
        &mut self,
        pasted: &str,
        base: usize,
        to: &mut String,
        mut change: impl FnMut(usize, ((u32, u32), &str), (usize, &str), &mut Edit),
    ) {
        // In (start, end) order: the map's order.
        let (chars, origin, edits) = (&self.chars, &self.origin, &mut self.edits);
        // One pass over the line for all edits (a long damaged line has thousands): the
        // UTF-16 offset before each char. Origins start in order along the line (`apply`
        // keeps them so), so an edit's chars are found by a walk along them, at the first
        // char whose origin starts where it starts; if origins were out of order, each edit
        // would scan the line as before. (Tested without a branch a char: a line is mostly
        // in order.)
        let mut sorted = true;
        let mut last = 0;
        for o in origin {
            sorted &= last <= o.0;
            last = o.0;
        }
        // The UTF-16 offset before char `k`, walked to from the last one asked (edits come in
        // order along the line, so the walk is one pass; back to the start if one does not).
        let (mut walked, mut walked_units) = (0usize, base);
        let mut offset = |k: usize| {
            if k < walked {
                (walked, walked_units) = (0, base);
            }
            for c in &chars[walked..k] {
                walked_units += c.len_utf16();
            }
            walked = k;
            walked_units
        };
        // What each edit became, written in `to` first: most are short, and a short text is
        // kept in the repair itself, with no allocation. (What it had is a slice of `pasted`.)
        // With origins in order: the first char whose origin starts at or after the last
        // edit's start (edits come sorted by start: a walk along the line for all of them;
        // back to the start if one does not), where `partition_point` took three binary
        // searches an edit.
        let (mut lo, mut lo_start) = (0usize, 0u32);
        for e in edits.iter_mut() {
            // In the .wasm (only `report` asks there) each edit's text starts `to` anew, as
            // before: taking off a text that is no change cost it ~40 B gzipped.
            #[cfg(target_arch = "wasm32")]
            to.clear();
            let start = to.len();
            let at = if sorted {
                if e.start < lo_start {
                    lo = 0;
                }
                lo_start = e.start;
                while origin.get(lo).is_some_and(|o| o.0 < e.start) {
                    lo += 1;
                }
                // The chars from this edit: among those whose origin starts at `e.start`.
                let mut first = None;
                let mut upto = lo;
                while let Some(&o) = origin.get(upto).filter(|o| o.0 == e.start) {
                    if o == (e.start, e.end) {
                        first.get_or_insert(upto);
                        to.push(chars[upto]);
                    }
                    upto += 1;
                }
                // The first char whose origin starts at or after the edit's end: `upto` most
                // often (every char from `lo` to `upto` starts before it when the edit is not
                // empty).
                let past = if e.end == e.start {
                    lo
                } else if e.end < e.start {
                    origin[..lo].partition_point(|o| o.0 < e.end)
                } else if origin.get(upto).is_none_or(|o| o.0 >= e.end) {
                    upto
                } else {
                    upto + origin[upto..].partition_point(|o| o.0 < e.end)
                };
                match first {
                    Some(first) => Some(offset(first.min(past))),
                    None => (past < chars.len()).then(|| offset(past)),
                }
            } else {
                let mut at = None;
                let mut units = base;
                for (c, o) in chars.iter().zip(origin) {
                    if *o == (e.start, e.end) {
                        at.get_or_insert(units);
                        to.push(*c);
                    } else if at.is_none() && o.0 >= e.end {
                        at = Some(units);
                    }
                    units += c.len_utf16();
                }
                at
            };
            // (A range `locate` could not find reads as nothing pasted.)
            let from = match pasted.get(e.from.0 as usize..e.from.1 as usize) {
                Some(from) => (e.from, from),
                None => ((0, 0), ""),
            };
            let became = &to[start..];
            if from.1 == became {
                #[cfg(not(target_arch = "wasm32"))]
                to.truncate(start);
                continue;
            }
            change(
                at.unwrap_or_else(|| offset(chars.len())),
                from,
                (start, became),
                e,
            );
        }
    }
}

/// Whether a char of the line is one the small fixes or the entity step may change: `&`, a
/// control or zero-width char ([`is_junk`]), a ligature or digraph ([`ligature`]), a C1
/// control. ASCII first: most chars are, and only `&`, DEL and controls of it count.
fn has_small_fix(chars: &[char]) -> bool {
    // Natively, eight chars at a time where all are printable ASCII other than `&` (most
    // are), a test the compiler makes of the eight at once, where `small_fix` was asked of
    // each (-0.35 M instructions of d300's 93.7 M; the .wasm asks each: +81 B gzipped).
    #[cfg(not(target_arch = "wasm32"))]
    {
        let plain = |c: &char| (*c as u32).wrapping_sub(0x20) < 0x5F && *c != '&';
        let mut blocks = chars.chunks_exact(8);
        for block in &mut blocks {
            if !block.iter().fold(true, |all, c| all & plain(c))
                && block.iter().any(|&c| small_fix(c))
            {
                return true;
            }
        }
        blocks.remainder().iter().any(|&c| small_fix(c))
    }
    #[cfg(target_arch = "wasm32")]
    chars.iter().any(|&c| small_fix(c))
}

/// Whether `c` is a char that [`has_small_fix`] looks for.
#[inline]
fn small_fix(c: char) -> bool {
    // The ASCII chars that count, one bit each: `&` and `is_junk`'s.
    const ASCII: u128 = {
        let mut mask = 1u128 << b'&';
        let mut u = 0;
        while u < 0x80 {
            if is_junk(u as u8 as char) {
                mask |= 1 << u;
            }
            u += 1;
        }
        mask
    };
    let u = c as u32;
    if u < 0x80 {
        crate::clean::bit128(ASCII, u)
    } else {
        // Every char that counts from U+0080 is in these ranges: the rest is not asked.
        // Below U+0132 (Latin-1, most of mojibake) only the C1 controls, at one test.
        if u < 0x132 {
            return u <= 0x9F;
        }
        (matches!(u, 0x132..=0x1F3 | 0x200B..=0x206F) || u >= 0xFB00)
            && (is_junk(c) || ligature(c).is_some())
    }
}

/// `&name;`, `&#123;`, `&#x1F600;` → the char.
fn entity_pieces(chars: &[char]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '&' {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if chars.get(j) == Some(&'#') {
            j += 1;
        }
        let name_start = j;
        while j < chars.len() && j - name_start < 24 && chars[j].is_ascii_alphanumeric() {
            j += 1;
        }
        if j == name_start || chars.get(j) != Some(&';') {
            i += 1;
            continue;
        }
        let name: String = chars[i + 1..j].iter().collect();
        match decode_entity(&name) {
            Some(c) => {
                out.push(Piece {
                    start: i,
                    end: j + 1,
                    to: c.into(),
                    kind: "entity",
                    confidence: 1.0,
                    alternatives: Vec::new(),
                });
                i = j + 1;
            }
            None => i += 1,
        }
    }
    out
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        // As browsers do: C1 numbers mean windows-1252.
        if (0x80..=0x9F).contains(&code) {
            let c = codepages::CP1252.char_at((code - 0x80) as usize);
            return (c as u32 != code).then_some(c);
        }
        return char::from_u32(code).filter(|c| !c.is_control() || *c == '\n' || *c == '\t');
    }
    if name == "apos" {
        return Some('\'');
    }
    entities::NAMED
        .binary_search_by_key(&name, |&(n, _)| n)
        .ok()
        .map(|i| entities::NAMED[i].1)
}

/// Ligatures and digraphs that copying from PDFs and legacy encodings leave behind.
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        'Ĳ' => "IJ",
        'ĳ' => "ij",
        'ŉ' => "’n",
        'Ǳ' => "DZ",
        'ǲ' => "Dz",
        'ǳ' => "dz",
        'Ǆ' => "DŽ",
        'ǅ' => "Dž",
        'ǆ' => "dž",
        'Ǉ' => "LJ",
        'ǈ' => "Lj",
        'ǉ' => "lj",
        'Ǌ' => "NJ",
        'ǋ' => "Nj",
        'ǌ' => "nj",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' => "ſt",
        'ﬆ' => "st",
        _ => return None,
    })
}

fn ligature_pieces(chars: &[char]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut i = 0;
    // ASCII passed a block at a time, and every ligature is from U+0132 on: the match is
    // made of few chars (it was asked of each, ~15 instructions a char of every line with
    // a small fix to make).
    loop {
        i = mojibake::ascii_end(chars, i);
        let Some(&c) = chars.get(i) else {
            break;
        };
        if let Some(to) = (c >= '\u{132}').then(|| ligature(c)).flatten() {
            out.push(Piece {
                start: i,
                end: i + 1,
                to: to.into(),
                kind: "ligature",
                confidence: 1.0,
                alternatives: Vec::new(),
            });
        }
        i += 1;
    }
    out
}

/// Controls (tab, newline and form feed stay; C1 controls are handled as windows-1252)
/// and zero-width characters other than joiners.
const fn is_junk(c: char) -> bool {
    matches!(c,
        '\0'..='\u{8}' | '\u{b}' | '\u{e}'..='\u{1f}' | '\u{7f}'
        | '\u{200B}' | '\u{2060}' | '\u{206A}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFC}')
}

fn junk_pieces(chars: &[char]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // Printable ASCII (most chars) is no junk and no escape.
        if (' '..'\u{7f}').contains(&c) {
            i += 1;
            continue;
        }
        // Terminal escapes: ESC [ digits and semicolons, then a letter.
        if c == '\u{1b}' && chars.get(i + 1) == Some(&'[') {
            let mut j = i + 2;
            while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == ';') {
                j += 1;
            }
            if chars.get(j).is_some_and(char::is_ascii_alphabetic) {
                out.push(deletion(i, j + 1));
                i = j + 1;
                continue;
            }
        }
        if is_junk(c) {
            out.push(deletion(i, i + 1));
        }
        i += 1;
    }
    out
}

fn deletion(start: usize, end: usize) -> Piece {
    Piece {
        start,
        end,
        to: mojibake::Text::default(),
        kind: "control",
        confidence: 1.0,
        alternatives: Vec::new(),
    }
}

/// `text` in Unicode Normalization Form C.
///
/// Natively this is `unicode-normalization`; in the browser it is JavaScript's own
/// `String.prototype.normalize`, which keeps that crate's ~125 KB of composition tables out of
/// the `.wasm` (see `is_nfc` for the check before it).
pub fn nfc(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        crate::wasm::normalize_nfc(text)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use unicode_normalization::UnicodeNormalization;
        text.nfc().collect()
    }
}

/// Whether `chars` are in NFC by a check that looks at each char once (no normalizing): a
/// `false` may still be NFC, and the callers then normalize and find nothing to change.
///
/// Natively this is unicode-normalization's quick check (`Yes`). In the browser, where that
/// crate's tables are left out, every char [`nfc_inert`] (NFC_Quick_Check=Yes with canonical
/// combining class 0: the Latin below U+0300, Greek, Cyrillic, CJK, kana, Hangul, emoji…).
fn surely_nfc(chars: &[char]) -> bool {
    #[cfg(not(target_arch = "wasm32"))]
    {
        // Runs of chars below U+0300 (ASCII and the Latin before the combining marks, all
        // `nfc_inert`) eight a test on x86-64 (SSE2), then the inert chars one range test
        // each: most lines end here. The quick check takes the rest, from the first char
        // that is not inert (those before it leave its state as at the start). (Runs of
        // ASCII only, as `ascii_end` passes them, left each Latin letter of a line no step
        // decoded to its own test: 1.1 M of d300's 81 M instructions.)
        let mut i = 0;
        loop {
            // Asked first of one char: most lines walked here are of other scripts.
            #[cfg(target_arch = "x86_64")]
            if chars.get(i).is_some_and(|&c| (c as u32) < 0x300) {
                i += 1;
                while let Some(block) = chars.get(i..).and_then(<[char]>::first_chunk::<8>) {
                    let stop = from_u300_sse2(block);
                    if stop != 0 {
                        i += stop.trailing_zeros() as usize / 2;
                        break;
                    }
                    i += 8;
                }
            }
            #[cfg(not(target_arch = "x86_64"))]
            {
                i = mojibake::ascii_end(chars, i);
            }
            match chars.get(i) {
                None => return true,
                Some(&c) if nfc_inert_wide(c as u32) => i += 1,
                Some(_) => return quick_nfc(chars[i..].iter().copied()),
            }
        }
    }
    #[cfg(target_arch = "wasm32")]
    {
        chars.iter().all(|&c| nfc_inert(c as u32))
    }
}

/// Two mask bits for each of eight chars from U+0300 (bits 2k and 2k + 1 for char k), for
/// [`surely_nfc`]: the chars packed to 16-bit lanes (signed saturation: no char reaches
/// 2^31, and every char from U+8000 becomes 0x7FFF, still from U+0300), then one SSE2
/// compare for the eight.
#[cfg(target_arch = "x86_64")]
#[inline]
fn from_u300_sse2(block: &[char; 8]) -> u32 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpgt_epi16, _mm_loadu_si128, _mm_movemask_epi8, _mm_packs_epi32,
        _mm_set1_epi16,
    };
    // SAFETY: two unaligned loads of the 32 bytes of `block` (a char is four bytes); SSE2 is
    // part of the x86-64 baseline, so its instructions are always there.
    unsafe {
        let p = block.as_ptr().cast::<__m128i>();
        let x = _mm_packs_epi32(_mm_loadu_si128(p), _mm_loadu_si128(p.add(1)));
        _mm_movemask_epi8(_mm_cmpgt_epi16(x, _mm_set1_epi16(0x2FF))) as u32
    }
}

/// unicode-normalization's quick check (`Yes`) of `chars`, with each [`nfc_inert_wide`] char
/// passed as an ASCII one: the check's two table lookups a char cost more than the line's
/// other scans, and an inert char (combining class 0, NFC_Quick_Check Yes) leaves its state
/// as ASCII does (no combining class to order against, nothing that may compose), so the
/// answer is the same. A line of inert chars costs one range test a char.
#[cfg(not(target_arch = "wasm32"))]
fn quick_nfc(chars: impl Iterator<Item = char>) -> bool {
    let plain = |c: char| if nfc_inert_wide(c as u32) { 'a' } else { c };
    is_nfc_quick(chars.map(plain)) == IsNormalized::Yes
}

/// Whether `text` is in NFC, for the checks that only skip work when it is: natively the
/// quick check (a text it cannot settle counts as not NFC, and is normalized to no change
/// later); in the browser the same first step as [`surely_nfc`] (every char [`nfc_inert`]),
/// then a comparison with JavaScript's NFC.
pub(crate) fn is_nfc(text: &str) -> bool {
    #[cfg(not(target_arch = "wasm32"))]
    {
        quick_nfc(text.chars())
    }
    #[cfg(target_arch = "wasm32")]
    {
        text.chars().all(|c| nfc_inert(c as u32)) || nfc(text) == text
    }
}

/// [`is_nfc`] over chars.
fn is_nfc_chars(chars: &[char]) -> bool {
    #[cfg(not(target_arch = "wasm32"))]
    {
        surely_nfc(chars)
    }
    #[cfg(target_arch = "wasm32")]
    {
        surely_nfc(chars) || {
            let text: String = chars.iter().collect();
            nfc(&text) == text
        }
    }
}

/// `text` in NFC, borrowed when it already is.
pub(crate) fn nfc_cow(text: &str) -> std::borrow::Cow<'_, str> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        if is_nfc(text) {
            std::borrow::Cow::Borrowed(text)
        } else {
            std::borrow::Cow::Owned(nfc(text))
        }
    }
    #[cfg(target_arch = "wasm32")]
    {
        if !text.bytes().any(|b| b >= 0xCC) {
            return std::borrow::Cow::Borrowed(text);
        }
        let fixed = nfc(text);
        if fixed == text {
            std::borrow::Cow::Borrowed(text)
        } else {
            std::borrow::Cow::Owned(fixed)
        }
    }
}

/// NFC, as one piece over the part of the line it changes.
fn nfc_pieces(chars: &[char]) -> Vec<Piece> {
    if surely_nfc(chars) {
        return Vec::new();
    }
    let line: String = chars.iter().collect();
    let fixed: Vec<char> = nfc(&line).chars().collect();
    if fixed == chars {
        return Vec::new();
    }
    let pre = chars.iter().zip(&fixed).take_while(|(a, b)| a == b).count();
    let suf = chars[pre..]
        .iter()
        .rev()
        .zip(fixed[pre..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    vec![Piece {
        start: pre,
        end: chars.len() - suf,
        to: fixed[pre..fixed.len() - suf].iter().collect(),
        kind: "nfc",
        confidence: 1.0,
        alternatives: Vec::new(),
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::pick;
    use crate::test_rng::xorshift;
    use std::cell::Cell;

    thread_local! {
        /// Keep no repaired line as text and changes: each stays a `Line` (as in the .wasm).
        pub(super) static KEEP_NONE: Cell<bool> = const { Cell::new(false) };
        /// How many kept lines `Slot::line` repaired anew.
        pub(super) static REPAIRED_ANEW: Cell<usize> = const { Cell::new(0) };
        /// How many still bad lines are kept as `Line`s (`EVIDENCE`; fewer in a test).
        pub(super) static LIVE_BAD: Cell<usize> = const { Cell::new(EVIDENCE) };
        /// Merge the stray controls at the end (`merge_controls`), not as the lines are
        /// written.
        pub(super) static MERGE_AT_END: Cell<bool> = const { Cell::new(false) };
    }

    /// Natively most repaired lines are kept as their text and changes (`KeptLine`) until
    /// written, and a kept line that `settle_page` repairs again is repaired anew from the
    /// paste (`Slot::line`). Each paste repairs as it does with every line kept a `Line`, as
    /// the .wasm keeps them: the shared corpus's pastes, ftfy's cases as one paste (161 damaged
    /// lines, of many pages), and four fuzz inputs on which `settle_page` repairs every line
    /// again under another page than the first (kept ones anew; on the third, a kept line
    /// repaired anew under no page, not the first page, would read otherwise). And so with
    /// every still bad line kept too (past the first `EVIDENCE` they are), each of which
    /// `settle_page` makes a line again where it looks at it.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn kept_lines_repair_as_lines() {
        let corpus = {
            let beside =
                std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"));
            if beside.exists() {
                beside.to_owned()
            } else {
                std::path::PathBuf::from("/work/shared/corpus")
            }
        };
        let mut pastes: Vec<String> = Vec::new();
        let mut dir: Vec<_> = std::fs::read_dir(corpus.join("pastes"))
            .expect("the corpus's pastes")
            .map(|e| e.expect("a paste").path())
            .collect();
        dir.sort();
        for path in dir {
            pastes.push(std::fs::read_to_string(path).expect("a paste"));
        }
        let cases = std::fs::read_to_string(corpus.join("ftfy/cases.jsonl")).expect("ftfy cases");
        let originals: Vec<String> = cases
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("a case");
                v["original"].as_str().expect("its original").to_owned()
            })
            .collect();
        assert!(originals.len() > 150);
        pastes.push(originals.join("\n"));
        let pasted = pastes.len();
        for fuzz in [
            &b"\xc5\xa1\xc5\xb8\xe2\x80\x9d\xe2\x80\x9e If Fou re\x7f\x7f\x7f\x7f\x7f\x7f\x7fd doc\n\xe2\xc4\x81\n\x82\xacle here:\n\nSome quotes \xc5\xa1\xc5\xe8\x08\x00\x00iome quotpl1oa\xba\xbad\xbaibas / - #\xc3\xaf\xc2y"[..],
            b"\xc5\xa1\xc5\xb8\xe2\x80\x9d\xe2\x80\x9e If Fou re\x7f\x7f\x7fd doc\n\xe2\xc4\x81\n\x82\xacle here:\n\nSome quotes \xc5\xa1\xc5\xe8\x08\x00\x00iome quotes \xc5or uploa\xba\xbad\xbaibas / - #\xc3\xaf\xc2y",
            b"\xc5\x81\xc5\xb8\xe2\x80\x9d\xe2\x80\x9e If you read on\xebe thing about AI this weleake\x7f\x7f\x81\x80\x80\x83\x7fd doc\n\n\xc4\x81\xe2\x82\xacle here:\n\nSome quotes \xc5\xa1\xc5\xb8at\xd1\xd1\xd1\xd1\xd1\xd1\xd1\xd1\xd1\nLarVVVV\xaa\xa6VVVVVVVVVVVVurce: real moj\xaaba",
            b"\xc5\xa0\xc5# somplete.html)\nTo; vie\xf0w keyboar\x0f shortcut\x01\x01\xf9\xd1\nFo\x9f\x9f\x9f\x9f\x9f\x9f\x9fI\x9f\x9f\x9f\x9fp and runnid#os ur\xb8\xe2\x80,\x9d\x04\xc5\xa0\xc5\xe3",
        ] {
            pastes.push(String::from_utf8_lossy(fuzz).into_owned());
        }
        let (mut repairs, mut bad_anew) = (0, 0);
        for (k, text) in pastes.iter().enumerate() {
            REPAIRED_ANEW.set(0);
            let kept = repair(text);
            let anew = REPAIRED_ANEW.get();
            KEEP_NONE.set(true);
            let lines = repair(text);
            KEEP_NONE.set(false);
            assert_eq!(kept, lines, "{text:?}");
            // Every still bad line kept too: `settle_page` makes each it looks at a line again.
            LIVE_BAD.set(0);
            REPAIRED_ANEW.set(0);
            let bad_kept = repair(text);
            bad_anew += REPAIRED_ANEW.get();
            LIVE_BAD.set(EVIDENCE);
            assert_eq!(bad_kept, lines, "{text:?}");
            repairs += kept.repairs.len();
            if k >= pasted {
                assert!(anew > 0, "no kept line repaired anew: {text:?}");
            }
        }
        assert!(repairs > 500, "repairs compared: {repairs}");
        assert!(
            bad_anew > 20,
            "still bad kept lines repaired anew: {bad_anew}"
        );
    }

    /// `has_small_fix` (eight chars at a time natively) answers as `small_fix` asked of each
    /// char, on random lines of ASCII, controls, `&`, C1 controls, ligatures, zero-width and
    /// other chars, at every length up to 40.
    #[test]
    fn has_small_fix_answers_as_each_char_asked() {
        let pool: Vec<char> =
            "ab Z~ \t\n&<;\u{0}\u{1b}\u{7f}\u{80}\u{9f}\u{a0}éĳǆﬁ\u{200B}\u{200D}\u{FEFF}€😀"
                .chars()
                .collect();
        let mut rng = xorshift(0x5A11_F1C5);
        for _ in 0..20_000 {
            let len = (rng() % 41) as usize;
            let mut line: Vec<char> = (0..len).map(|_| 'a').collect();
            // Mostly plain, a few chars of the pool anywhere.
            for _ in 0..rng() % 3 {
                if len > 0 {
                    let k = (rng() % len as u64) as usize;
                    line[k] = pick(&pool, &mut rng);
                }
            }
            let each = line.iter().any(|&c| small_fix(c));
            assert_eq!(has_small_fix(&line), each, "{line:?}");
        }
    }

    /// The alphabet of [`undamaged_lines_are_left_alone`]: every char a code page writes
    /// from 0x80, ASCII, and letters, emoji and marks of scripts no page writes.
    fn alphabet() -> Vec<char> {
        let mut a: Vec<char> = codepages::ALL.iter().flat_map(|p| p.chars()).collect();
        a.extend("abcxyzAXZ019 ?.,'\"-!".chars());
        a.extend("中文한국ếữ🔥👍🏽♀♂\u{FE0F}\u{200D}🧑🍳🤦€’“”…—ąłЁёіїєґ\u{FFFD}ŉﬁ".chars());
        a.extend(
            "\u{200B}\u{200C}\u{200E}\u{2028}\u{2060}\u{2066}\u{2126}\u{0387}ΆάжЖかカ".chars(),
        );
        a.extend("e\u{301}\u{3099}\u{0E48}\u{0483}\t&".chars());
        a.sort_unstable();
        a.dedup();
        a
    }

    #[test]
    fn undamaged_lines_are_left_alone() {
        // A line that the byte scan calls undamaged must come out of the full repair
        // unchanged, whatever page the document's other lines point to.
        let alphabet = alphabet();
        let n: usize = std::env::var("UNSPOOL_UNDAMAGED_LINES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(30_000);
        let mut next = xorshift(0x9E37_79B9_7F4A_7C15);
        let mut passed = 0;
        for _ in 0..n {
            // Half the lines draw from one page's chars (as mojibake under it would), the
            // others from everything; a space now and then.
            let len = 2 + (next() % 8) as usize;
            let page = next() as usize % (2 * codepages::ALL.len());
            let line: String = (0..len)
                .map(|_| {
                    let r = next();
                    match codepages::ALL.get(page) {
                        _ if r % 7 == 0 => ' ',
                        Some(p) if r % 5 != 0 => p.char_at((r >> 8) as usize % 128),
                        _ => alphabet[(r >> 8) as usize % alphabet.len()],
                    }
                })
                .collect();
            let scan = scan_line_alone(line.as_bytes());
            assert!(
                scan != Scan::UndamagedNfc || is_nfc(&line),
                "{line:?}: the scan says NFC, unicode-normalization does not"
            );
            if !(scan != Scan::MayBeDamaged && is_nfc(&line)) {
                continue;
            }
            passed += 1;
            let chars: Vec<char> = line.chars().collect();
            for preferred in std::iter::once(None).chain((0..codepages::ALL.len()).map(Some)) {
                let fixed = Line::repair(&chars, preferred, false, &mut mojibake::Memo::default());
                assert!(
                    fixed.chars == chars && fixed.edits.is_empty(),
                    "{line:?} passed the byte scan but repair under page {preferred:?} changes it to {:?}",
                    fixed.chars.iter().collect::<String>()
                );
            }
        }
        eprintln!("{passed} of {n} random lines passed the byte scan");
        assert!(
            passed > n / 20,
            "the alphabet gives undamaged lines too ({passed} of {n})"
        );
    }

    /// `has_small_fix` splits the test by ASCII: the same answer as the whole test for
    /// every char (ESC is a control `is_junk` counts).
    #[test]
    fn small_fix_answers_as_the_whole_test_for_every_char() {
        let whole = |c: char| {
            c == '&'
                || is_junk(c)
                || ligature(c).is_some()
                || c == '\u{1b}'
                || ('\u{80}'..='\u{9f}').contains(&c)
        };
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(has_small_fix(&[c]), whole(c), "U+{:04X}", c as u32);
            assert_eq!(
                has_small_fix(&['a', c, 'é']),
                whole(c),
                "U+{:04X} in a line",
                c as u32
            );
        }
        assert!(!has_small_fix(&[]));
    }

    /// `has_small_fix` of longer lines: every char at places from the start to the end of a
    /// line of 17, amid Latin, Cyrillic, Greek, punctuation and spaces.
    #[test]
    fn small_fix_answers_in_a_line_for_every_char() {
        let plain = ['a', 'é', 'ı', 'Ж', 'λ', '’', '€', ' '];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let want = has_small_fix(&[c]);
            for at in [0, 8, 16] {
                let mut line: Vec<char> = (0..17).map(|k| plain[k % plain.len()]).collect();
                line[at] = c;
                assert_eq!(has_small_fix(&line), want, "U+{:04X} at {at}", c as u32);
            }
        }
    }

    /// `lone_risk` by code point answers as the byte patterns `scan_line` once tested on
    /// a char's UTF-8.
    #[test]
    fn lone_risk_is_the_byte_patterns() {
        let by_bytes = |seq: &[u8]| match (seq[0], seq.get(1).copied().unwrap_or(0)) {
            (0xC3, 0x82 | 0x83) | (0xC2, 0x80..=0xA0) | (0xC5, 0x92 | 0x93 | 0x89) => true,
            (0xC4, 0xB2 | 0xB3) | (0xC7, 0x84..=0x8C) | (0xCC | 0xCD, _) => true,
            (0xE0, 0xB9) | (0xEF, 0xAC | 0xBB | 0xBF) => true,
            (0xE2, 0x80) => seq[2] == 0x8B,
            (0xE2, 0x81) => matches!(seq[2], 0xA0 | 0xAA..=0xAF),
            _ => false,
        };
        let mut buf = [0u8; 4];
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let seq = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(lone_risk(c as u32), by_bytes(seq), "U+{:04X}", c as u32);
        }
    }

    /// [`scan_line`] of a line on its own.
    fn scan_line_alone(line: &[u8]) -> Scan {
        scan_line(line, 0).0
    }

    /// Scanning a whole text, each line from where the one before ended, finds the lines
    /// `line_starts` finds and answers for each what the scan of the line on its own does
    /// (words read past a line's end, damage before its end).
    #[test]
    fn scan_line_in_a_text_answers_as_on_the_line_alone() {
        let mut alphabet = alphabet();
        alphabet.extend("\n\r\nabcdefgh  ".chars());
        let mut next = xorshift(0xD1B5_4A32_D192_ED03);
        let mut each = [0usize; 3];
        for _ in 0..30_000 {
            let len = (next() % 48) as usize;
            let text: String = (0..len).map(|_| pick(&alphabet, &mut next)).collect();
            let b = text.as_bytes();
            let starts = line_starts(&text);
            let mut at = 0;
            for k in 0..starts.len() - 1 {
                assert_eq!(at, starts[k], "{text:?} line {k}");
                let (line, _) = line_at(&text, &starts, k);
                let want = scan_line_alone(line.as_bytes());
                assert_eq!(
                    scan_line(line.as_bytes(), 0),
                    (want, line.len()),
                    "{line:?}"
                );
                let (scan, end) = scan_line(b, at);
                assert_eq!((scan, end), (want, at + line.len()), "{text:?} line {k}");
                each[want as usize] += 1;
                if end == b.len() {
                    at = usize::MAX;
                    break;
                }
                at = after_ending(b, end);
            }
            assert_eq!(at, usize::MAX, "{text:?}: the last line reaches the end");
        }
        assert!(
            each.iter().all(|&n| n > 1000),
            "every answer is tried: {each:?}"
        );
    }

    /// The scan of a line's chars answers as the scan of its UTF-8, on random lines of the
    /// chars that matter to it (pages' chars side by side, spaces and `?` between, emoji
    /// parts, marks, controls).
    #[test]
    fn scan_chars_answers_as_scan_line() {
        let alphabet = alphabet();
        let mut next = xorshift(0x2545_F491_4F6C_DD1D);
        let mut each = [0usize; 3];
        for _ in 0..50_000 {
            let len = (next() % 12) as usize;
            let line: String = (0..len).map(|_| pick(&alphabet, &mut next)).collect();
            let chars: Vec<char> = line.chars().collect();
            let want = scan_line_alone(line.as_bytes());
            // Natively in NFC also where every char is of the wider inert set.
            #[cfg(not(target_arch = "wasm32"))]
            let want = if want == Scan::Undamaged && chars.iter().all(|&c| nfc_inert_wide(c as u32))
            {
                Scan::UndamagedNfc
            } else {
                want
            };
            assert_eq!(scan_chars(&chars), want, "{line:?}");
            each[want as usize] += 1;
        }
        assert!(
            each.iter().all(|&n| n > 1000),
            "every answer is tried: {each:?}"
        );
    }

    #[test]
    fn utf16_len_counts_as_encode_utf16() {
        // Every length from 0 to 40 (the word loop and its remainder) of text mixing one-,
        // two-, three- and four-byte chars at every offset.
        let mix = "a\u{e9}\u{2019}\u{1F9F5}b\u{10FFFF}\u{7FF}\u{800}\u{FFFF}\u{10000}z";
        let all: Vec<char> = mix.chars().cycle().take(40).collect();
        for start in 0..all.len() {
            for end in start..=all.len() {
                let s: String = all[start..end].iter().collect();
                assert_eq!(utf16_len(&s), s.encode_utf16().count(), "{s:?}");
            }
        }
    }

    #[test]
    fn lone_risk_answers_as_the_ranges() {
        for u in 0..=0x11_0000 {
            assert_eq!(lone_risk(u), lone_risk_ranges(u), "U+{u:04X}");
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn char_flags_answer_as_the_ranges() {
        for (u, &f) in (0u32..).zip(FLAGS_LOW.iter()) {
            assert_eq!(f & LONE_RISK != 0, lone_risk_ranges(u), "U+{u:04X}");
            assert_eq!(f & PART != 0, zwj::is_part_code(u), "U+{u:04X}");
            assert_eq!(f & INERT != 0, nfc_inert(u), "U+{u:04X}");
            assert_eq!(f & INERT_WIDE != 0, nfc_inert_wide_ranges(u), "U+{u:04X}");
            assert!(!zwj::is_modifier_code(u), "U+{u:04X}");
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn nfc_inert_wide_answers_as_the_ranges() {
        for u in 0..=0x11_0000 {
            assert_eq!(nfc_inert_wide(u), nfc_inert_wide_ranges(u), "U+{u:04X}");
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn nfc_inert_chars_are_so() {
        use unicode_normalization::char::canonical_combining_class;
        for u in (0..=0x10FFFF).filter(|&u| nfc_inert_wide(u)) {
            let c = char::from_u32(u).expect("no surrogate is inert");
            assert!(
                canonical_combining_class(c) == 0
                    && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes,
                "U+{u:04X} is not NFC-inert"
            );
        }
    }

    /// `Line::apply` as it was: the line written into new vectors, each piece's edit placed
    /// by a search of those added.
    fn apply_by_copy(line: &mut Line, pieces: &[Piece]) {
        if pieces.is_empty() {
            return;
        }
        let mut chars = Vec::with_capacity(line.chars.len());
        let mut origin = Vec::with_capacity(line.chars.len());
        // The edits so far stay where they are while the pieces are applied; those a new
        // edit takes in are marked, and the new edits (sorted) are merged in at the end, so
        // a long line with thousands of edits costs linear time, not one shift per edit.
        let mut taken = vec![false; line.edits.len()];
        let mut added: Vec<Edit> = Vec::with_capacity(pieces.len());
        let mut at = 0;
        for p in pieces {
            chars.extend_from_slice(&line.chars[at..p.start]);
            origin.extend_from_slice(&line.origin[at..p.start]);
            let range = if p.start < p.end {
                let s = line.origin[p.start..p.end].iter().map(|o| o.0).min();
                let e = line.origin[p.start..p.end].iter().map(|o| o.1).max();
                (s.unwrap_or(0), e.unwrap_or(0))
            } else {
                let k = line.origin.get(p.start).map_or(u32::MAX, |o| o.0);
                (k, k)
            };
            for c in p.to.chars() {
                chars.push(c);
                origin.push(range);
            }
            let mut confidence = p.confidence;
            let mut kind = p.kind;
            let mut take = |e: &Edit| {
                confidence = confidence.min(e.confidence);
                if e.kind == "lost_bytes" {
                    kind = e.kind;
                }
            };
            // Every edit inside the range: it starts within it and ends by its end.
            let inside = |e: &Edit| e.start >= range.0 && e.start <= range.1 && e.end <= range.1;
            let (lo, hi) = span_of(&line.edits, range);
            for (e, taken) in line.edits[lo..hi].iter().zip(&mut taken[lo..hi]) {
                if !*taken && inside(e) {
                    *taken = true;
                    take(e);
                }
            }
            let (lo, hi) = span_of(&added, range);
            let mut kept = lo;
            for k in lo..hi {
                if inside(&added[k]) {
                    take(&added[k]);
                } else {
                    added.swap(kept, k);
                    kept += 1;
                }
            }
            added.drain(kept..hi);
            let place = added.partition_point(|e| (e.start, e.end) < range);
            added.insert(
                place,
                Edit {
                    start: range.0,
                    end: range.1,
                    from: (0, 0),
                    kind,
                    confidence,
                    alternatives: p.alternatives.clone(),
                },
            );
            at = p.end;
        }
        chars.extend_from_slice(&line.chars[at..]);
        origin.extend_from_slice(&line.origin[at..]);
        line.chars = chars;
        line.origin = origin;
        // Merge: both are sorted by range, and no range is in both (a new edit takes in
        // the edit of its own range).
        let old = std::mem::take(&mut line.edits);
        if old.is_empty() {
            line.edits = added;
            return;
        }
        let mut merged = Vec::with_capacity(old.len() + added.len());
        let mut added = added.into_iter().peekable();
        for (e, taken) in old.into_iter().zip(taken) {
            if taken {
                continue;
            }
            while let Some(n) = added.next_if(|n| (n.start, n.end) < (e.start, e.end)) {
                merged.push(n);
            }
            merged.push(e);
        }
        merged.extend(added);
        line.edits = merged;
    }

    /// `Line::apply` (the line rewritten in place, moved back first where pieces grow it; an
    /// edit that starts after those added goes last with no search) leaves the line as
    /// `apply_by_copy` does: chars, origins and
    /// edits, over random steps of random pieces (deletions, insertions, pieces of one char
    /// and of several, side by side or apart) on random lines.
    #[test]
    fn apply_answers_as_the_copy() {
        let mut rng = xorshift(0xA991_7E57);
        let kinds = ["mojibake", "lost_bytes", "nfc"];
        let mut grew = 0;
        for _ in 0..20_000 {
            let len = (rng() % 12) as usize;
            let pasted: Vec<char> = (0..len)
                .map(|_| (b'a' + (rng() % 26) as u8) as char)
                .collect();
            let fresh = || Line {
                chars: pasted.clone(),
                origin: (0..pasted.len() as u32).map(|k| (k, k + 1)).collect(),
                edits: Vec::new(),
                undamaged: false,
                changes: 0,
            };
            let (mut new, mut old) = (fresh(), fresh());
            for _ in 0..1 + rng() % 3 {
                let n = new.chars.len();
                let mut pieces = Vec::new();
                let mut at = 0;
                while at <= n && rng() % 3 != 0 {
                    let start = at + (rng() % 3) as usize;
                    if start > n {
                        break;
                    }
                    let end = (start + (rng() % 4) as usize).min(n);
                    let to: String = (0..rng() % 4)
                        .map(|_| ['é', 'x', '“'][(rng() % 3) as usize])
                        .collect();
                    if end == start && to.is_empty() {
                        at = start + 1;
                        continue;
                    }
                    pieces.push(Piece {
                        start,
                        end,
                        to: to.into(),
                        kind: kinds[(rng() % 3) as usize],
                        confidence: (rng() % 5) as f32 / 4.0,
                        alternatives: (0..rng() % 2).map(|k| k.to_string()).collect(),
                    });
                    // An insertion may be followed by a piece at its place.
                    at = if end == start {
                        end
                    } else {
                        end + (rng() % 2) as usize
                    };
                }
                grew += usize::from(
                    pieces
                        .iter()
                        .any(|p| p.to.chars().count() > p.end - p.start),
                );
                apply_by_copy(&mut old, &pieces);
                new.apply(&mut pieces);
                assert_eq!(new.chars, old.chars, "{pasted:?} {pieces:?}");
                assert_eq!(new.origin, old.origin, "{pasted:?} {pieces:?}");
                let edits = |l: &Line| -> Vec<(u32, u32, &str, u32, Vec<String>)> {
                    l.edits
                        .iter()
                        .map(|e| {
                            (
                                e.start,
                                e.end,
                                e.kind,
                                e.confidence.to_bits(),
                                e.alternatives.clone(),
                            )
                        })
                        .collect()
                };
                assert_eq!(edits(&new), edits(&old), "{pasted:?} {pieces:?}");
            }
        }
        assert!(grew > 1000, "{grew}");
    }

    /// `needs_look` as it was: one byte at a time.
    fn needs_look_bytewise(bytes: &[u8]) -> bool {
        bytes
            .iter()
            .any(|&b| b >= 0x7F || b == b'&' || (b < 0x20 && b != b'\n' && b != b'\t'))
    }

    /// `needs_look` (plain runs many bytes a test) answers as one byte at a time: every byte
    /// value at places in and after the blocks of a plain text, and random texts of plain
    /// bytes with a few others.
    #[test]
    fn needs_look_answers_as_bytewise() {
        for len in [0, 1, 31, 32, 33, 64, 70, 100] {
            let plain: Vec<u8> = (0..len).map(|k| b"ab c\n\tz."[k % 8]).collect();
            assert!(!needs_look(&plain));
            for at in [0, 5, 31, 32, 40, 63, 64, 69, 99]
                .into_iter()
                .filter(|&at| at < len)
            {
                for b in 0..=255u8 {
                    let mut text = plain.clone();
                    text[at] = b;
                    assert_eq!(
                        needs_look(&text),
                        needs_look_bytewise(&text),
                        "{b:#x} at {at}"
                    );
                }
            }
        }
        let mut rng = xorshift(0x1007_0B17);
        for _ in 0..20_000 {
            let len = (rng() % 90) as usize;
            let text: Vec<u8> = (0..len)
                .map(|_| match rng() % 40 {
                    0 => (rng() % 256) as u8,
                    _ => b"plain text\n\t"[(rng() % 12) as usize],
                })
                .collect();
            assert_eq!(needs_look(&text), needs_look_bytewise(&text), "{text:?}");
        }
    }

    /// `quick_nfc` (inert chars passed as ASCII) answers as the quick check of the chars as
    /// they are, on random lines of inert chars, combining marks, Hangul jamo, chars that NFC
    /// changes or may compose, and ASCII. Native only, as `quick_nfc` is (the browser has no
    /// `unicode-normalization`).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn quick_nfc_answers_as_the_quick_check() {
        let pool: Vec<char> = "aeiouAO \u{301}\u{300}\u{308}\u{327}\u{5B0}\u{93C}\u{1100}\u{1161}\u{11A8}\u{AC00}\u{212B}\u{2126}\u{F900}\u{340}\u{344}\u{E9}\u{C5}\u{1E0A}\u{3099}\u{304B}\u{30AB}\u{FB1D}\u{0F73}\u{1D15E}ñé€Ωω\u{2ADC}\u{1F600}"
            .chars()
            .collect();
        let mut rng = xorshift(0x9E37_79B9);
        let mut yes = 0;
        for _ in 0..50_000 {
            let len = (rng() % 8) as usize;
            let line: Vec<char> = (0..len).map(|_| pick(&pool, &mut rng)).collect();
            let want = is_nfc_quick(line.iter().copied()) == IsNormalized::Yes;
            assert_eq!(quick_nfc(line.iter().copied()), want, "{line:?}");
            assert_eq!(surely_nfc(&line), want, "{line:?}");
            let text: String = line.iter().collect();
            assert_eq!(is_nfc(&text), want, "{text:?}");
            yes += usize::from(want);
        }
        // Both answers are met often.
        assert!(yes > 5_000 && yes < 45_000, "{yes}");
    }

    /// `surely_nfc` (runs below U+0300 eight chars a test on x86-64) answers as a char at a
    /// time asked, on random lines of ASCII, Latin-1, the edges of U+0300, wide inert chars
    /// and chars the quick check must see, at every length up to 40.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn surely_nfc_answers_as_a_char_at_a_time() {
        let reference = |chars: &[char]| match chars.iter().position(|&c| !nfc_inert_wide(c as u32))
        {
            None => true,
            Some(i) => quick_nfc(chars[i..].iter().copied()),
        };
        let pool: Vec<char> =
            "ab Z~\u{80}\u{e9}\u{2ff}\u{300}\u{301}\u{2fe}\u{5d0}\u{20ac}\u{c5}\u{212b}\u{fffd}\u{1f600}e\u{e0}"
                .chars()
                .collect();
        let mut rng = xorshift(0x3C6E_F372);
        let mut yes = 0;
        for _ in 0..40_000 {
            let len = (rng() % 41) as usize;
            // Mostly chars below U+0300, so that whole blocks of eight pass.
            let rate = 1 + rng() % 16;
            let line: Vec<char> = (0..len)
                .map(|_| {
                    let r = rng();
                    if r % rate == 0 {
                        pick(&pool, &mut rng)
                    } else {
                        char::from_u32((r >> 8) as u32 % 0x300).unwrap_or('a')
                    }
                })
                .collect();
            let want = reference(&line);
            assert_eq!(surely_nfc(&line), want, "{line:?}");
            yes += usize::from(want);
        }
        assert!(yes > 5_000 && yes < 35_000, "{yes}");
    }

    /// The run of plain bytes from any place in a text is the bytes' own count, up to the
    /// last eight bytes (left to the caller); on x86-64 this checks the SSE2 blocks too.
    #[test]
    fn plain_run_counts_the_plain_bytes_up_to_the_last_eight() {
        let plain = |x: u8| (0x20..0x7F).contains(&x) && x != b'&';
        let mut next = xorshift(0x6A09_E667_F3BC_C908);
        let odd = [
            0x00, 0x09, 0x0A, 0x1F, 0x26, 0x7E, 0x7F, 0x80, 0xC3, 0xE2, 0xFF,
        ];
        for _ in 0..20_000 {
            let len = (next() % 80) as usize;
            // Mostly plain, with an odd byte now and then (at most one in eight).
            let rate = 1 + next() % 8;
            let text: Vec<u8> = (0..len)
                .map(|_| {
                    let r = next();
                    if r % (8 * rate) == 0 {
                        odd[(r >> 8) as usize % odd.len()]
                    } else {
                        b' ' + (r >> 8) as u8 % 95
                    }
                })
                .collect();
            for from in 0..=len {
                let run = text[from..].iter().take_while(|&&y| plain(y)).count();
                // As eight bytes at a time read it: word after word while a whole word is
                // left, stopping in the first word that is not all plain.
                let got = plain_run(&text, from);
                let mut want = 0;
                while want + 8 <= len - from && want < run {
                    want += 8.min(run - want);
                    if want % 8 != 0 {
                        break;
                    }
                }
                assert_eq!(got, want, "{text:?} from {from}");
            }
        }
    }

    #[test]
    fn plain_prefix_counts_the_plain_bytes_before_the_first_that_matters() {
        let plain = |x: u8| (0x20..0x7F).contains(&x) && x != b'&';
        for len in 0..=11 {
            for at in 0..len {
                for x in 0..=255u8 {
                    // Every byte but one plain; behind the odd one, bytes that carry or borrow.
                    let mut line: Vec<u8> = (0..len).map(|k| b'a' + k as u8).collect();
                    line[at] = x;
                    for (k, y) in line.iter_mut().enumerate().skip(at + 1) {
                        *y = [0x00, 0xFF, 0x7E, 0x1F, b'&', b'z'][k % 6];
                    }
                    for from in 0..=len {
                        // Fewer than eight bytes left: none (the caller takes them one at a time).
                        let want = if len - from < 8 {
                            0
                        } else {
                            line[from..]
                                .iter()
                                .take(8)
                                .take_while(|&&y| plain(y))
                                .count()
                        };
                        assert_eq!(plain_prefix(&line, from), want, "{line:?} from {from}");
                    }
                }
            }
        }
    }

    #[test]
    fn byte_roles_cover_every_page_char() {
        // Every byte of every page gives its char the roles the byte plays in UTF-8, found
        // again by `role` wherever the char lies (the three chars from U+2600 included).
        for (k, page) in codepages::ALL.iter().enumerate() {
            let apple = page.char_at(0x70) == '\u{F8FF}';
            for (j, c) in page.chars().enumerate().filter(|(_, c)| !c.is_ascii()) {
                let byte = 0x80 + j;
                let r = mojibake::role(c as u32);
                let has = |m: u16| m >> k & 1 == 1;
                let cont = (0x80..=0xBF).contains(&byte);
                let what = format!("{} byte {byte:#04x} ({c:?})", page.name);
                assert!(!cont || has(r.cont), "{what}: continuation");
                assert!(
                    !((0xC0..=0xF4).contains(&byte) || (apple && cont)) || has(r.starts),
                    "{what}: start"
                );
                assert!(
                    !(0xE0..=0xF4).contains(&byte) || has(r.before_question),
                    "{what}: ?"
                );
                assert!(
                    !matches!(byte, 0xE0..=0xE3 | 0xF0) || has(r.before_space),
                    "{what}: space"
                );
                assert!(!page.writes(byte as u8) || has(r.pages), "{what}: written");
            }
        }
    }

    #[test]
    fn clean_scripts_pass_the_byte_scan() {
        for s in [
            "Привет, как дела? Хорошо",
            "Καλημέρα κόσμε",
            "中文字符测试 🔥 👍",
            "Tiếng Việt có dấu",
            "“Quoted” — and… ‘more’",
            "Labas, ėjo į mišką",
        ] {
            let chars: Vec<char> = s.chars().collect();
            assert!(
                surely_undamaged(&chars) && scan_line_alone(s.as_bytes()) != Scan::MayBeDamaged,
                "{s:?} holds nothing a repair could change"
            );
        }
        for s in [
            "Itâ€™s",
            "farms šŸ„",
            "Ã©",
            "a\u{200B}b",
            "🤦♀️",
            "ﬁne",
            "voilÃ le",
        ] {
            let chars: Vec<char> = s.chars().collect();
            assert!(!surely_undamaged(&chars), "{s:?} may need a repair");
            assert_eq!(scan_line_alone(s.as_bytes()), Scan::MayBeDamaged, "{s:?}");
        }
    }

    #[test]
    fn stray_controls_are_counted_per_kind() {
        // Three BELs, two `ESC[1m`, then 1,000 distinct escapes, each seen twice: one repair
        // per distinct one, at its first place, counting its places.
        let mut text = String::from("a\u{7}b\u{7}\u{1b}[1mc\u{7}\u{1b}[1m\n");
        for round in 0..2 {
            for n in 0..1000 {
                text.push_str(&format!("x\u{1b}[{n}my{round}\n"));
            }
        }
        let r = repair(&text);
        let controls: Vec<&Repair> = r.repairs.iter().filter(|x| x.kind == "control").collect();
        assert_eq!(
            controls.len(),
            1 + 1000,
            "BEL, then each escape (ESC[1m among them)"
        );
        assert_eq!((controls[0].from.as_str(), controls[0].count), ("\u{7}", 3));
        let esc1 = controls
            .iter()
            .find(|x| x.from == "\u{1b}[1m")
            .expect("ESC[1m reported");
        assert_eq!(esc1.count, 4, "twice on the first line, once in each round");
        assert!(
            controls[1..]
                .iter()
                .all(|x| x.from == "\u{1b}[1m" || x.count == 2),
            "every other escape twice"
        );
        assert!(!r.text.contains('\u{1b}') && !r.text.contains('\u{7}'));
    }

    /// The stray controls merged as the lines are written (`Strays`) give the list a merge of
    /// the whole list at the end (`merge_controls`) gives: random pastes of lines with stray
    /// controls and escapes (some repeated on a line), C1 controls, mojibake and clean text,
    /// with repeated lines (whose copies copy the first's repairs) and CRLF endings; each with
    /// every line kept as text and changes and with none (each a `Line`, as in the .wasm).
    #[test]
    fn stray_controls_merge_as_written_as_at_the_end() {
        let pool = [
            "\u{7}",
            "\u{1}\u{1}",
            "\u{1b}[1m",
            "\u{1b}[2m",
            "\u{85}",
            "\u{200b}",
            "Itâ€™s",
            "cafÃ©",
            "plain",
            " ",
            "ﬁne",
            "\u{8}",
        ];
        let mut next = xorshift(0x57A7_C0DE_F00D_0001);
        let mut merged = 0;
        for _ in 0..300 {
            let mut lines: Vec<String> = Vec::new();
            for _ in 0..1 + next() % 12 {
                if !lines.is_empty() && next() % 3 == 0 {
                    let again = lines[(next() % lines.len() as u64) as usize].clone();
                    lines.push(again);
                    continue;
                }
                let mut line = String::new();
                for _ in 0..next() % 7 {
                    line.push_str(pick(&pool, &mut next));
                }
                lines.push(line);
            }
            let ending = if next() % 4 == 0 { "\r\n" } else { "\n" };
            let text = lines.join(ending);
            for keep_none in [false, true] {
                KEEP_NONE.set(keep_none);
                let online = repair(&text);
                MERGE_AT_END.set(true);
                let at_end = repair(&text);
                MERGE_AT_END.set(false);
                KEEP_NONE.set(false);
                assert_eq!(online, at_end, "{text:?}, every line a Line: {keep_none}");
                merged += online
                    .repairs
                    .iter()
                    .filter(|r| is_stray(r) && r.count > 1)
                    .count();
            }
        }
        assert!(merged > 300, "repairs merged: {merged}");
    }

    #[test]
    fn fixes_common_cp1252_mojibake() {
        let r = repair("Itâ€™s here");
        assert_eq!(r.text, "It’s here");
        assert_eq!(r.repairs.len(), 1);
        assert_eq!(
            r.repairs[0].at, 2,
            "offset of the repair in the repaired text"
        );
        assert_eq!(r.repairs[0].from, "â€™");
        assert_eq!(r.repairs[0].to, "’");
    }

    #[test]
    fn leaves_clean_text_alone() {
        for s in ["Grüße aus Köln", "Ąžuolas ėjo", "Привет", "plain"] {
            let r = repair(s);
            assert_eq!(r.text, s, "clean text must not change");
            assert!(r.repairs.is_empty());
        }
    }

    #[test]
    fn decodes_entities_and_line_endings() {
        assert_eq!(repair("a &amp; b&#8217;s\r\nc").text, "a & b’s\nc");
        assert_eq!(repair("AT&T; & co").text, "AT&T; & co");
    }

    #[test]
    fn locate_finds_each_edits_pasted_chars() {
        // Random lines of 1- to 4-byte chars (long enough for the eight-byte steps), edits
        // over random ranges in order, then one out of order: each edit's bytes are its chars.
        let alphabet = ['a', ' ', 'é', 'Ā', '€', '“', '漢', '🧵', '😀', 'z'];
        let mut next = xorshift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..2_000 {
            let len = (next() % 60) as usize;
            let chars: Vec<char> = (0..len).map(|_| pick(&alphabet, &mut next)).collect();
            let pasted: String = chars.iter().collect();
            let mut edits = Vec::new();
            let mut at = 0u32;
            while (at as usize) < len {
                let start = at + (next() % 5) as u32;
                let end = (start + (next() % 4) as u32).min(len as u32);
                if start > end {
                    break;
                }
                edits.push((start, end));
                at = end + 1;
            }
            if let Some(&first) = edits.first() {
                edits.push(first);
            }
            let mut line = Line {
                chars: chars.clone(),
                origin: Vec::new(),
                edits: edits
                    .iter()
                    .map(|&(start, end)| Edit {
                        start,
                        end,
                        from: (0, 0),
                        kind: "mojibake",
                        confidence: 1.0,
                        alternatives: Vec::new(),
                    })
                    .collect(),
                undamaged: false,
                changes: 0,
            };
            line.locate(&pasted);
            for e in &line.edits {
                let want: String = chars[e.start as usize..e.end as usize].iter().collect();
                assert_eq!(
                    &pasted[e.from.0 as usize..e.from.1 as usize],
                    want,
                    "{pasted:?}, chars {}..{}",
                    e.start,
                    e.end
                );
            }
        }
    }

    #[test]
    fn a_run_repaired_again_from_the_memo_repairs_as_it_did() {
        // Lines that share damaged runs (a `”` whose last byte the mixed table dropped, a
        // damaged 🧵, a `’`) among different words, repaired under each document page with
        // one memo for all (as `repair` does) and with a fresh one each: the same chars and
        // the same edits.
        let page = codepages::ALL
            .iter()
            .find(|p| p.name == "mixed-1252-8859-13")
            .expect("the mixed table");
        let damage = |s: &str| -> String {
            s.bytes()
                .filter(|&b| page.writes(b) && !matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D))
                .map(|b| page.decode([b]))
                .collect()
        };
        let words = [
            "moat",
            "Google’s",
            "thread 🧵",
            "“We have no moat”",
            "🐄",
            "naïve",
            "señor",
        ];
        let mut lines = Vec::new();
        for (i, a) in words.iter().enumerate() {
            for b in &words[i..] {
                lines.push(damage(&format!("{a} and {b} — “quoted” {i}")));
            }
        }
        let mut hits = 0;
        for preferred in [
            None,
            codepages::ALL.iter().position(|p| p.name == page.name),
        ] {
            let mut shared = mojibake::Memo::default();
            for line in &lines {
                let chars: Vec<char> = line.chars().collect();
                let with = Line::repair(&chars, preferred, false, &mut shared);
                let alone = Line::repair(&chars, preferred, false, &mut mojibake::Memo::default());
                assert_eq!(with.chars, alone.chars, "{line:?} under {preferred:?}");
                let edits = |l: &Line| -> Vec<(u32, u32, &str, String)> {
                    l.edits
                        .iter()
                        .map(|e| {
                            (
                                e.start,
                                e.end,
                                e.kind,
                                format!("{} {:?}", e.confidence, e.alternatives),
                            )
                        })
                        .collect()
                };
                assert_eq!(edits(&with), edits(&alone), "{line:?} under {preferred:?}");
            }
            hits += shared.hits();
        }
        assert!(hits > 0, "the lines share runs the memo answers");
    }

    #[test]
    fn reports_offsets_in_utf16_after_earlier_repairs() {
        let r = repair("🔥 Itâ€™s\r\nâ€œhiâ€\u{9d}");
        assert_eq!(r.text, "🔥 It’s\n“hi”");
        let at: Vec<usize> = r.repairs.iter().map(|x| x.at).collect();
        assert_eq!(
            at,
            vec![5, 7, 8, 11],
            "’ at 5, the newline at 7, “ at 8, ” at 11"
        );
    }

    /// A line the paste repeats is repaired once and its later copies copy the first one's
    /// text and repairs, moved: each copy's repairs must be those of the line repaired alone,
    /// at the copy's own place in UTF-16 units (lines of 4-byte chars between the copies).
    #[test]
    fn repeated_lines_report_their_repairs_at_each_copy() {
        let damaged = [
            "Itâ€™s “no moatâ€ šŸ§µ",
            "farms šŸ„ and Ä°stanbul",
            "â€œhiâ€\u{9d} &amp; Ã©tÃ©",
        ];
        let fillers = ["🔥🔥 plain", "", "ascii only", "Zürich 😀"];
        let mut lines = Vec::new();
        let mut expected: Vec<(String, Vec<Repair>)> = Vec::new();
        for round in 0..4 {
            for (k, d) in damaged.iter().enumerate() {
                if (round + k) % 3 != 2 {
                    lines.push(d.to_string());
                    let alone = repair(d);
                    assert!(!alone.repairs.is_empty(), "{d}: repaired alone");
                    expected.push((alone.text, alone.repairs));
                }
                lines.push(fillers[(round + k) % fillers.len()].to_string());
                expected.push((lines.last().unwrap().clone(), Vec::new()));
            }
        }
        let r = repair(&lines.join("\n"));
        let mut want = Vec::new();
        let mut units = 0;
        for (text, repairs) in &expected {
            want.extend(repairs.iter().map(|x| Repair {
                at: x.at + units,
                ..x.clone()
            }));
            units += text.encode_utf16().count() + 1;
        }
        let texts: Vec<&str> = expected.iter().map(|e| e.0.as_str()).collect();
        assert_eq!(r.text, texts.join("\n"));
        assert_eq!(r.repairs, want);
        // Copies of guesses too: lost bytes with their alternatives (the first line's `”`,
        // the second's 🐄), three copies of each line.
        let guesses = want
            .iter()
            .filter(|x| x.kind == "lost_bytes" && !x.alternatives.is_empty())
            .count();
        assert!(guesses >= 6, "lost bytes with alternatives: {guesses}");
    }

    /// [`Line::report`] as it was, with three binary searches an edit (the reference for
    /// [`reports_as_the_binary_searches_did`]).
    fn report_reference(line: &Line, pasted: &str, base: usize, repairs: &mut Vec<Repair>) {
        // In (start, end) order: the map's order.
        let Line {
            chars,
            origin,
            edits,
            ..
        } = line;
        // One pass over the line for all edits (a long damaged line has thousands): the
        // UTF-16 offset before each char. Origins start in order along the line (`apply`
        // keeps them so), so an edit's chars are found by binary search among those whose
        // origin starts where it starts; if origins were out of order, each edit would scan
        // the line as before.
        let sorted = origin.windows(2).all(|w| w[0].0 <= w[1].0);
        // The UTF-16 offset before char `k`, walked to from the last one asked (edits come in
        // order along the line, so the walk is one pass; back to the start if one does not).
        let (mut walked, mut walked_units) = (0usize, base);
        let mut offset = |k: usize| {
            if k < walked {
                (walked, walked_units) = (0, base);
            }
            for c in &chars[walked..k] {
                walked_units += c.len_utf16();
            }
            walked = k;
            walked_units
        };
        // What each edit had and became, written here first: most are short, and a short
        // text is kept in the repair itself, with no allocation.
        let mut to = String::new();
        let mut from = String::new();
        for e in edits {
            let at = if sorted {
                let past = origin.partition_point(|o| o.0 < e.end);
                // The chars from this edit: among those whose origin starts at `e.start`.
                let from = origin.partition_point(|o| o.0 < e.start);
                let upto = origin.partition_point(|o| o.0 <= e.start);
                let mut first = None;
                to.clear();
                for k in from..upto {
                    if origin[k] == (e.start, e.end) {
                        first.get_or_insert(k);
                        to.push(chars[k]);
                    }
                }
                match first {
                    Some(first) => Some(offset(first.min(past))),
                    None => (past < chars.len()).then(|| offset(past)),
                }
            } else {
                let mut at = None;
                let mut units = base;
                to.clear();
                for (c, o) in chars.iter().zip(origin) {
                    if *o == (e.start, e.end) {
                        at.get_or_insert(units);
                        to.push(*c);
                    } else if at.is_none() && o.0 >= e.end {
                        at = Some(units);
                    }
                    units += c.len_utf16();
                }
                at
            };
            from.clear();
            from.push_str(
                pasted
                    .get(e.from.0 as usize..e.from.1 as usize)
                    .unwrap_or(""),
            );
            if from == to.as_str() {
                continue;
            }
            repairs.push(Repair {
                at: at.unwrap_or_else(|| offset(chars.len())),
                from: from.as_str().into(),
                to: to.as_str().into(),
                kind: e.kind.into(),
                confidence: e.confidence,
                alternatives: e.alternatives.clone(),
                count: 1,
            });
        }
    }

    #[test]
    fn reports_as_the_binary_searches_did() {
        // Lines repaired for real (origins and edits as `apply` leaves them), then lines
        // made up: origins in order or not, edits out of order, empty and backwards ranges,
        // ranges that no char has; each reported by both, from two bases.
        let alphabet = [
            'a', ' ', 'é', 'Ã', '©', 'â', '€', '™', 'œ', '\u{9d}', '🧵', '漢', '\u{301}',
        ];
        let mut next = xorshift(0x5851_F42D_4C95_7F2D);
        let pick = |n: u64| alphabet[(n % alphabet.len() as u64) as usize];
        let mut compared = 0;
        for round in 0..4_000 {
            let len = (next() % 24) as usize;
            let pasted_chars: Vec<char> = (0..len).map(|_| pick(next())).collect();
            let pasted: String = pasted_chars.iter().collect();
            let mut line = if round % 2 == 0 {
                Line::repair(&pasted_chars, None, false, &mut mojibake::Memo::default())
            } else {
                let n = (next() % 24) as usize;
                let mut at = 0u32;
                let mut origin: Vec<(u32, u32)> = (0..n)
                    .map(|_| {
                        at += (next() % 3) as u32;
                        (at, at + (next() % 3) as u32)
                    })
                    .collect();
                if next() % 4 == 0 && n > 1 {
                    origin.swap((next() % n as u64) as usize, (next() % n as u64) as usize);
                }
                let mut edits: Vec<Edit> = (0..next() % 6)
                    .map(|_| {
                        let (start, end) = match origin.get((next() % 30) as usize) {
                            Some(&o) if next() % 3 != 0 => o,
                            _ => ((next() % 12) as u32, (next() % 12) as u32),
                        };
                        Edit {
                            start,
                            end,
                            from: (0, 0),
                            kind: "mojibake",
                            confidence: 0.5,
                            alternatives: vec!["x".into()],
                        }
                    })
                    .collect();
                if next() % 3 != 0 {
                    edits.sort_by_key(|e| (e.start, e.end));
                }
                Line {
                    chars: (0..n).map(|_| pick(next())).collect(),
                    origin,
                    edits,
                    undamaged: false,
                    changes: 0,
                }
            };
            line.locate(&pasted);
            // `report` takes the alternatives: given back for the second base.
            let alternatives: Vec<Vec<String>> =
                line.edits.iter().map(|e| e.alternatives.clone()).collect();
            for base in [0, 7] {
                for (e, a) in line.edits.iter_mut().zip(&alternatives) {
                    e.alternatives = a.clone();
                }
                let (mut new, mut old) = (Vec::new(), Vec::new());
                report_reference(&line, &pasted, base, &mut old);
                line.report(&pasted, base, &mut new, &mut String::new());
                assert_eq!(new, old, "{pasted:?} {:?} {:?}", line.chars, line.origin);
                compared += new.len();
            }
        }
        assert!(compared > 5_000, "repairs compared: {compared}");
    }

    /// [`small_fix`] as it was, with no shortcut below U+0132 (the reference for
    /// [`chars_of_reads_as_chars_and_has_small_fix`]).
    fn small_fix_reference(c: char) -> bool {
        let u = c as u32;
        if u < 0x80 {
            c == '&' || is_junk(c)
        } else {
            (0x80..=0x9F).contains(&u)
                || ((matches!(u, 0x132..=0x1F3 | 0x200B..=0x206F) || u >= 0xFB00)
                    && (is_junk(c) || ligature(c).is_some()))
        }
    }

    #[test]
    fn chars_of_reads_every_two_byte_char() {
        // The two-byte path: every char from U+0080 to U+07FF, alone and beside another.
        let mut buf = Vec::new();
        for c in (0x80..0x800u32).filter_map(char::from_u32) {
            for line in [format!("a{c}"), format!("{c}\u{e9}b"), format!("\u{e9}{c}")] {
                let found = chars_of(&line, &mut buf);
                let want: Vec<char> = line.chars().collect();
                assert_eq!(buf, want, "{line:?}");
                assert_eq!(
                    found,
                    want.iter().any(|&c| small_fix_reference(c)),
                    "{line:?}"
                );
            }
        }
    }

    #[test]
    fn chars_of_reads_as_chars_and_has_small_fix() {
        // Random lines of runs of plain ASCII (long and short: the eight-byte copies and
        // the line's last seven bytes), mojibake, controls, C1 controls, ligatures, joiners
        // and chars of four bytes: the chars `str::chars` gives, and a small fix where the
        // old test finds one.
        let mut alphabet = alphabet();
        alphabet.extend("&\u{0}\u{7}\u{b}\u{c}\r\n\u{1b}\u{7f}\u{80}\u{85}\u{9f}\u{a0}ĲǄǌǱﬀﬆ\u{FEFF}\u{FFF9}\u{FFFC}\u{206A}\u{206F}\u{2070}𝔘".chars());
        let mut next = xorshift(0x3C6E_F372_FE94_F82B);
        let mut buf = Vec::new();
        let mut small = 0;
        for _ in 0..20_000 {
            let mut line = String::new();
            for _ in 0..next() % 6 {
                if next() % 2 == 0 {
                    // Up to 39: the sixteen-byte copies of x86-64 too.
                    let run = (next() % 40) as usize;
                    line.extend((0..run).map(|k| char::from(b'a' + (k % 26) as u8)));
                } else {
                    for _ in 0..1 + next() % 4 {
                        line.push(pick(&alphabet, &mut next));
                    }
                }
            }
            let found = chars_of(&line, &mut buf);
            let want: Vec<char> = line.chars().collect();
            assert_eq!(buf, want, "{line:?}");
            assert_eq!(
                found,
                want.iter().any(|&c| small_fix_reference(c)),
                "{line:?}"
            );
            assert_eq!(found, has_small_fix(&want), "{line:?}");
            small += usize::from(found);
        }
        assert!(
            small > 2_000 && small < 18_000,
            "lines with a small fix: {small}"
        );
    }

    #[test]
    fn a_line_marked_undamaged_is_so() {
        // Random text damaged under a random page (its UTF-8 read as that page's chars),
        // repaired under no page or another: where the run marks the line undamaged, the
        // scan of its chars says so too (`settle_page` skips it on that mark).
        let text: Vec<char> = "ab é€’“ 🔥👍🏽 ąłЁ中 ưở ş ∂√ ™ 🧵—".chars().collect();
        let mut next = xorshift(0x1F83_D9AB_FB41_BD6B);
        let mut marked = 0;
        for _ in 0..3_000 {
            let line: String = (0..1 + next() % 12)
                .map(|_| pick(&text, &mut next))
                .collect();
            let page = &codepages::ALL[(next() % codepages::ALL.len() as u64) as usize];
            let damaged: Vec<char> = line
                .bytes()
                .map(|b| match b {
                    0..=0x7F => char::from(b),
                    _ => page.char_at(usize::from(b - 0x80)),
                })
                .collect();
            let preferred =
                (next() % 2 == 0).then(|| (next() % codepages::ALL.len() as u64) as usize);
            let mut fixed =
                Line::repair(&damaged, preferred, false, &mut mojibake::Memo::default());
            if fixed.undamaged {
                marked += 1;
                let chars = &fixed.chars;
                assert!(surely_undamaged(chars), "{damaged:?} -> {chars:?}");
                // Chars changed (into mojibake here) are no longer known undamaged.
                fixed.apply(&mut [Piece {
                    start: 0,
                    end: 0,
                    to: "Ã©".into(),
                    kind: "mojibake",
                    confidence: 1.0,
                    alternatives: Vec::new(),
                }]);
                assert!(!fixed.undamaged, "{damaged:?} changed");
            }
        }
        assert!(marked > 500, "lines marked undamaged: {marked}");
    }

    #[test]
    fn first_of_finds_each_keys_first_place() {
        // Keys with repeats (a quarter of them new each time), looked up and inserted as
        // `repair` does: in a table grown from empty and in one made with room for all, and
        // with keys of one hash (every key's slot taken by the one before: the probe walks).
        let keys: Vec<String> = (0..5000)
            .map(|k| format!("line {}", k * 7 % 1250))
            .collect();
        for room in [0, keys.len()] {
            let mut table = if room == 0 {
                FirstOf::default()
            } else {
                FirstOf::with_room(room)
            };
            let mut firsts: Vec<usize> = Vec::new();
            for (k, key) in keys.iter().enumerate() {
                let key_of = |i: usize| keys[firsts[i]].as_str();
                let expected = firsts.iter().position(|&f| keys[f] == *key);
                match table.find(&key_of, key) {
                    Ok(i) => assert_eq!(Some(i), expected, "{key}"),
                    Err(slot) => {
                        assert_eq!(expected, None, "{key}");
                        table.insert(slot, firsts.len());
                        firsts.push(k);
                    }
                }
            }
            assert_eq!(firsts.len(), 1250);
        }
        let mut same = FirstOf::default();
        let names = ["a", "b", "c", "d", "e"];
        for (k, name) in names.iter().enumerate() {
            let slot = same.find_hashed(&|i| names[i], name, 7).unwrap_err();
            same.insert(slot, k);
        }
        for (k, name) in names.iter().enumerate() {
            assert_eq!(same.find_hashed(&|i| names[i], name, 7), Ok(k));
        }
        assert!(same.find_hashed(&|i| names[i], "f", 7).is_err());
    }

    #[test]
    fn push_chars_writes_as_string_push() {
        // Random chars of one to four bytes (and none), appended after some text: the
        // bytes `String::push` writes, and their UTF-16 length.
        let alphabet = [
            'a',
            '\0',
            '\u{7f}',
            '\u{80}',
            'é',
            '\u{7ff}',
            '\u{800}',
            '€',
            '\u{FFFD}',
            '\u{FFFF}',
            '\u{10000}',
            '🧵',
            '\u{10FFFF}',
        ];
        let mut next = xorshift(0x510E_527F_ADE6_82D1);
        for _ in 0..5_000 {
            let chars: Vec<char> = (0..next() % 20)
                .map(|_| pick(&alphabet, &mut next))
                .collect();
            let mut want = String::from("x");
            let mut want_units = 0;
            for &c in &chars {
                want.push(c);
                want_units += c.len_utf16();
            }
            let mut got = String::from("x");
            assert_eq!(push_chars(&mut got, &chars), want_units, "{chars:?}");
            assert_eq!(got, want, "{chars:?}");
        }
    }

    #[test]
    fn flag_count_counts_as_count_ones() {
        // Every set of flags of eight bytes (bit 7 of each), and random words masked so.
        for m in 0u64..256 {
            let flags = (0..8)
                .filter(|k| m >> k & 1 == 1)
                .fold(0u64, |f, k| f | 0x80 << (8 * k));
            assert_eq!(flag_count(flags), flags.count_ones() as usize, "{flags:#x}");
        }
        let mut next = xorshift(0x9B05_688C_2B3E_6C1F);
        for _ in 0..10_000 {
            let flags = next() & HIGH;
            assert_eq!(flag_count(flags), flags.count_ones() as usize, "{flags:#x}");
        }
    }

    /// [`scan_chars`] as it was, a char at a time (the reference for
    /// [`scan_chars_answers_as_a_char_at_a_time`]).
    fn scan_chars_reference(chars: &[char]) -> Scan {
        let mut scan = Scanner::new();
        for &c in chars {
            let ok = if c.is_ascii() {
                scan.ascii(c as u8)
            } else {
                scan.other_inlined::<WIDE_INERT>(c as u32)
            };
            if !ok {
                return Scan::MayBeDamaged;
            }
        }
        scan.end()
    }

    #[test]
    fn scan_chars_answers_as_a_char_at_a_time() {
        // Runs of plain ASCII (spaces and `?` among them, which carry a lead across), and
        // chars of every page, emoji parts, modifiers, `&`, tab, controls and DEL.
        let mut alphabet = alphabet();
        alphabet.extend("&\t\r\u{1}\u{7f}  ??".chars());
        let mut next = xorshift(0x1F83_D9AB_5BE0_CD19);
        let mut seen = [0usize; 3];
        for _ in 0..30_000 {
            let mut chars = Vec::new();
            for _ in 0..next() % 6 {
                if next() % 2 == 0 {
                    // Up to 19 chars: runs long enough for the eight at a time of x86-64,
                    // with the edges of the plain range (`%`, `'`, space, `~`).
                    let run = b"ab ?z. A?%'~";
                    chars.extend((0..next() % 20).map(|_| char::from(run[(next() % 12) as usize])));
                } else {
                    for _ in 0..1 + next() % 3 {
                        chars.push(pick(&alphabet, &mut next));
                    }
                }
            }
            let want = scan_chars_reference(&chars);
            assert_eq!(scan_chars(&chars), want, "{chars:?}");
            seen[want as usize] += 1;
        }
        // (`Undamaged` is the rarest natively, where most lines of inert chars of the
        // alphabet's pages are `UndamagedNfc`.)
        assert!(seen.iter().all(|&n| n > 500), "answers: {seen:?}");
    }
}

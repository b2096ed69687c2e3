//! Platform detection: lines of a paste → the platform it was copied from.
//!
//! Each platform scores the signals its pages leave in a copy (design §2): X's `·` header
//! lines and `Translate post`, Bluesky's `.bsky.social` handles and `Everybody can reply`,
//! Mastodon's `@user@instance` and `boosted`, Threads' `username` / `2d` headers, LinkedIn's
//! `Feed post number` and `Visible to anyone on or off LinkedIn`, unrollers' footers and
//! `— Name (@handle) date` attributions. A signal counts at most three times, so one repeated
//! line cannot outvote the rest. The best score wins when it reaches 2; otherwise `plain`.

use super::headers;
use crate::thread::Platform;

/// A needle's searcher: memchr's memmem natively (SIMD, a rare-byte prefilter); in the .wasm,
/// which has no SIMD to gain from it and where its searchers cost 2 kB gzipped, a memchr for
/// the needle's rarest byte and a compare ([`RareFinder`]). Both find the first occurrence.
#[cfg(not(target_arch = "wasm32"))]
struct Finder(memchr::memmem::Finder<'static>);

#[cfg(not(target_arch = "wasm32"))]
impl Finder {
    fn new(needle: &'static str) -> Finder {
        Finder(memchr::memmem::Finder::new(needle))
    }

    fn find(&self, hay: &[u8]) -> Option<usize> {
        self.0.find(hay)
    }

    fn needle(&self) -> &[u8] {
        self.0.needle()
    }
}

/// A needle's searcher (see the native one above).
#[cfg(target_arch = "wasm32")]
type Finder = RareFinder;

/// A searcher that memchr's the needle's rarest byte (by [`commonness`]) and compares the
/// needle around each hit ([`crate::clean::find_bytes_by`]): a first-byte memchr stops at every space of a paste for
/// `" reposts"`, this one at every `p`. Used in the .wasm (tested on every target).
#[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
#[derive(Clone, Copy)]
struct RareFinder {
    needle: &'static [u8],
    /// The offset in `needle` of the byte searched for.
    rare: usize,
}

#[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
impl RareFinder {
    const fn new(needle: &'static str) -> RareFinder {
        let needle = needle.as_bytes();
        let (mut rare, mut i) = (0, 0);
        while i < needle.len() {
            if commonness(needle[i]) < commonness(needle[rare]) {
                rare = i;
            }
            i += 1;
        }
        RareFinder { needle, rare }
    }

    /// The searchers of `needles`, in a `const` (their rare bytes chosen as the crate builds).
    const fn all<const N: usize>(needles: [&'static str; N]) -> [RareFinder; N] {
        let mut out = [RareFinder {
            needle: b"",
            rare: 0,
        }; N];
        let mut i = 0;
        while i < N {
            out[i] = RareFinder::new(needles[i]);
            i += 1;
        }
        out
    }

    fn find(&self, hay: &[u8]) -> Option<usize> {
        crate::clean::find_bytes_by(hay, self.needle, self.rare)
    }

    fn needle(&self) -> &[u8] {
        self.needle
    }
}

/// For [`first_occurrences`], made as the crate builds: which needles of `finders` each byte
/// is the rare byte of, as bits (a needle may not be empty, and there are at most 32).
#[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
const fn rare_bytes<const N: usize>(finders: &[RareFinder; N]) -> [u32; 256] {
    assert!(N <= 32, "at most 32 needles");
    let mut by_byte = [0u32; 256];
    let mut k = 0;
    while k < N {
        let f = &finders[k];
        assert!(!f.needle.is_empty(), "no empty needle");
        by_byte[f.needle[f.rare] as usize] |= 1 << k;
        k += 1;
    }
    by_byte
}

/// Where each needle of `finders` first occurs in `hay` (`usize::MAX`: nowhere), as each one's
/// [`RareFinder::find`] answers, found in one pass: each byte is looked up once in `by_byte`
/// ([`rare_bytes`] of `finders`) and only the needles it is the rare byte of are compared
/// around it. In the .wasm a search a needle went over the whole paste for most needles (most
/// never occur): eighteen memchr passes four bytes at a time, with a call at each hit of a
/// rare byte; this is one pass.
#[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
fn first_occurrences<const N: usize>(
    hay: &[u8],
    finders: &[RareFinder; N],
    by_byte: &[u32; 256],
) -> [usize; N] {
    let mut first = [usize::MAX; N];
    // The needles not found yet, as bits.
    let mut open: u32 = if N >= 32 { u32::MAX } else { (1 << N) - 1 };
    let mut j = 0;
    while open != 0 && j < hay.len() {
        let mut hits = by_byte[usize::from(hay[j])] & open;
        while hits != 0 {
            let k = hits.trailing_zeros() as usize;
            hits &= hits - 1;
            let f = &finders[k];
            // The needle would start `rare` bytes before its rare byte.
            if let Some(at) = j.checked_sub(f.rare) {
                if hay[at..].starts_with(f.needle) {
                    first[k] = at;
                    open &= !(1 << k);
                }
            }
        }
        j += 1;
    }
    first
}

/// How common byte `b` is in a paste, roughly: 0 for the rare ones (capitals, most signs,
/// bytes outside ASCII), up to the space's rank, the commonest (English letter frequencies,
/// then the digits and the signs of links and counts).
#[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
const fn commonness(b: u8) -> usize {
    const COMMON: &[u8] = b" etaoinsrhl\ndcumwpfgyb.,01/2-k:3v";
    let mut at = 0;
    while at < COMMON.len() {
        if COMMON[at] == b {
            return COMMON.len() - at;
        }
        at += 1;
    }
    0
}

/// A substring looked for on every line: its occurrences are found by one forward search
/// over the whole paste (the lines are visited in order), not one search per line, which on
/// short lines cost more in set-up than in searching.
pub(super) struct Needle {
    finder: Finder,
    /// The next occurrence at or after the last line asked about (`usize::MAX`: none left).
    next: usize,
    /// Whether `next` was searched for yet.
    known: bool,
}

/// The [`Needle`] of a literal: memmem's natively; in the .wasm, a [`RareFinder`] with its rare
/// byte chosen as the crate builds (no `commonness` walk).
macro_rules! needle {
    ($s:literal) => {{
        #[cfg(not(target_arch = "wasm32"))]
        let finder = Finder::new($s);
        #[cfg(target_arch = "wasm32")]
        let finder = const { RareFinder::new($s) };
        Needle::new(finder)
    }};
}

/// The searchers of the substrings the classifier rules lines out by, before it reads them
/// (see [`Needle::in_line`]): `@` (a handle) and `/status/` (a permalink).
pub(super) fn handle_and_permalink() -> [Needle; 2] {
    [needle!("@"), needle!("/status/")]
}

impl Needle {
    fn new(finder: Finder) -> Needle {
        Needle {
            finder,
            next: 0,
            known: false,
        }
    }

    /// Whether the needle occurs in `line`, a line of `text` at byte `at` (lines are asked
    /// about in order). A line that is not part of `text` is searched on its own.
    ///
    /// Natively inlined where it is asked (thousands of lines, most answered by the occurrence
    /// known already); the search itself is one function.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(super) fn in_line(&mut self, text: &str, at: Option<usize>, line: &str) -> bool {
        let Some(at) = at else {
            return self.finder.find(line.as_bytes()).is_some();
        };
        let next = self.ahead(text, at);
        next != usize::MAX && next + self.finder.needle().len() <= at + line.len()
    }

    /// Where the needle's next occurrence that starts at or after byte `from` of `text`
    /// begins (`usize::MAX`: none), searched only when the one known lies before `from`.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn ahead(&mut self, text: &str, from: usize) -> usize {
        if !self.known || (self.next != usize::MAX && self.next < from) {
            self.search(text, from);
        }
        self.next
    }

    /// [`Needle::ahead`]'s search, from byte `from` of `text`.
    #[cfg_attr(not(target_arch = "wasm32"), inline(never))]
    fn search(&mut self, text: &str, from: usize) {
        self.known = true;
        self.next = text
            .as_bytes()
            .get(from..)
            .and_then(|rest| self.finder.find(rest))
            .map_or(usize::MAX, |k| from + k);
    }
}

/// The substrings [`detect`] looks for over the whole paste (see there), each named there by
/// its place here.
const NEEDLES: [&str; 14] = [
    "bsky",
    "X Corp",
    "twitter.com/",
    "/status/",
    "x.com/",
    " reposts",
    " quotes",
    " boosts",
    " favourites",
    "hreads",
    "Visible to anyone on or off LinkedIn",
    "twtextapp",
    "threadreaderapp",
    "Thread Reader App",
];

/// Where in each needle of [`NEEDLES`] stand the two bytes [`first_by_pairs`] looks for: a
/// pair rare in pastes (`ky` of `bsky`, ` q` of ` quotes`), so that few places are compared
/// with the needles. A common pair would cost time, never an answer: every occurrence of a
/// needle holds its pair.
#[cfg(target_arch = "x86_64")]
const PAIR_AT: [usize; 14] = [2, 0, 0, 0, 0, 2, 0, 1, 3, 4, 33, 1, 5, 6];

/// Where each needle of [`NEEDLES`] first occurs in `hay` (`usize::MAX`: nowhere), as
/// memmem's `find` answers, found in one pass over it; `None` on a CPU without AVX2.
///
/// Most needles occur nowhere in a paste, and a search for each went over the whole paste:
/// fourteen passes of memmem (AVX2, half an instruction a byte each). This one compares
/// 32 bytes at a time with every needle's pair at once ([`PAIR_AT`]), and only the places
/// where a pair stands with the needles (about two instructions a byte in all).
#[cfg(target_arch = "x86_64")]
fn first_by_pairs(hay: &[u8]) -> Option<[usize; 14]> {
    if !std::arch::is_x86_feature_detected!("avx2") {
        return None;
    }
    let mut first = [usize::MAX; 14];
    let mut open: u32 = (1 << 14) - 1;
    // SAFETY: AVX2 is there (asked above).
    let from = unsafe { pairs_avx2(hay, &mut first, &mut open) };
    // The places the vectors left (the last 32 or so), one by one.
    let mut p = from;
    while open != 0 && p + 1 < hay.len() {
        pair_at(hay, p, &mut first, &mut open);
        p += 1;
    }
    Some(first)
}

/// Which needles of [`NEEDLES`] each byte is the first of the pair of ([`PAIR_AT`]), as bits.
#[cfg(target_arch = "x86_64")]
const PAIR_FIRST: [u16; 256] = {
    let mut by_byte = [0u16; 256];
    let mut k = 0;
    while k < NEEDLES.len() {
        by_byte[NEEDLES[k].as_bytes()[PAIR_AT[k]] as usize] |= 1 << k;
        k += 1;
    }
    by_byte
};

/// [`first_by_pairs`]' check of the pair at byte `p` of `hay` (`p + 1` is in it): each needle
/// not found yet whose pair starts with that byte, compared whole where it would start.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn pair_at(hay: &[u8], p: usize, first: &mut [usize; 14], open: &mut u32) {
    let mut ks = u32::from(PAIR_FIRST[usize::from(hay[p])]) & *open;
    while ks != 0 {
        let k = ks.trailing_zeros() as usize;
        ks &= ks - 1;
        let needle = NEEDLES[k].as_bytes();
        let at = PAIR_AT[k];
        if hay[p + 1] == needle[at + 1] && p >= at && hay[p - at..].starts_with(needle) {
            first[k] = p - at;
            *open &= !(1 << k);
        }
    }
}

/// [`first_by_pairs`]' vector pass: the pairs at bytes `j..j + 32` of `hay` compared with
/// each needle's at once, for each `j` (a multiple of 32) while `j + 33` bytes are there, in
/// order (a needle's first pair found is its first occurrence). Returns where it stopped.
///
/// # Safety
/// The CPU has AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn pairs_avx2(hay: &[u8], first: &mut [usize; 14], open: &mut u32) -> usize {
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_movemask_epi8,
        _mm256_or_si256, _mm256_set1_epi8, _mm256_setzero_si256,
    };
    let mut j = 0;
    while *open != 0 && j + 33 <= hay.len() {
        // SAFETY: bytes `j..j + 33` are inside `hay` (two unaligned loads of 32); the CPU
        // has AVX2 (this function's contract).
        let hits = unsafe {
            let a = _mm256_loadu_si256(hay.as_ptr().add(j).cast::<__m256i>());
            let b = _mm256_loadu_si256(hay.as_ptr().add(j + 1).cast::<__m256i>());
            // Each needle's pair written out (a macro, not a loop: at opt-level z a loop stays
            // one, with its bytes loaded and broadcast again for each block).
            let mut any = _mm256_setzero_si256();
            macro_rules! pairs {
                ($($k:literal)*) => {$(
                    let one = const { NEEDLES[$k].as_bytes()[PAIR_AT[$k]] as i8 };
                    let two = const { NEEDLES[$k].as_bytes()[PAIR_AT[$k] + 1] as i8 };
                    let one = _mm256_cmpeq_epi8(a, _mm256_set1_epi8(one));
                    let two = _mm256_cmpeq_epi8(b, _mm256_set1_epi8(two));
                    any = _mm256_or_si256(any, _mm256_and_si256(one, two));
                )*};
            }
            pairs!(0 1 2 3 4 5 6 7 8 9 10 11 12 13);
            _mm256_movemask_epi8(any)
        };
        let mut hits = hits as u32;
        while hits != 0 {
            let p = j + hits.trailing_zeros() as usize;
            hits &= hits - 1;
            pair_at(hay, p, first, open);
        }
        j += 32;
    }
    j
}

/// Which lengths (in bytes) the interface lines matched in [`detect`] have (a test checks
/// each): a line of another length is compared with none of them.
const UI_LENGTHS: [bool; 32] = {
    let mut out = [false; 32];
    let lengths = [2, 5, 6, 7, 9, 14, 15, 16, 18, 19, 30];
    let mut i = 0;
    while i < lengths.len() {
        out[lengths[i]] = true;
        i += 1;
    }
    out
};

/// Whether an interface line matched in [`detect`] may start with byte `b` (a test checks
/// each).
fn is_ui_first(b: u8) -> bool {
    matches!(
        b,
        b'A' | b'B'
            | b'E'
            | b'F'
            | b'I'
            | b'N'
            | b'P'
            | b'Q'
            | b'S'
            | b'T'
            | b'W'
            | b'h'
            | b'l'
            | 0xC2
    )
}

/// Where `line` starts in `text`, when it is a slice of it.
pub(super) fn offset_in(text: &str, line: &str) -> Option<usize> {
    let start = text.as_ptr() as usize;
    let at = (line.as_ptr() as usize).checked_sub(start)?;
    (at + line.len() <= text.len()).then_some(at)
}

/// Detects the platform of `lines`: the trimmed lines of the repaired paste `text` (slices of
/// it, so that substrings are searched for once over the whole text).
pub fn detect(text: &str, lines: &[&str]) -> Platform {
    // Index by Platform::ALL order.
    let mut score = [0u32; 7];
    // How often each signal counted: a few dozen names, so a list beats a hash map (and keeps
    // hashing code out of the WebAssembly); names and counts in two lists, the names a slice
    // of words for [`super::place_of`].
    let mut seen: Vec<&'static str> = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    let mut add = |score: &mut [u32; 7], p: Platform, signal: &'static str, w: u32| {
        let at = super::place_of(&seen, signal);
        if at == seen.len() {
            seen.push(signal);
            counts.push(0);
        }
        let n = &mut counts[at];
        if *n < 3 {
            *n += 1;
            // `ALL` lists the platforms in their declared order (a test checks it).
            score[p as usize] += w;
        }
    };
    // The substrings looked for, each named by its place in `NEEDLES`. Needles that share a
    // substring are found by it: a whole-paste pass for `hreads` stands for three
    // (`threads.net`, `threads.com`, `for Threads`), `bsky` for two, `twitter.com/` for two,
    // as most needles occur nowhere and each is a pass over the whole paste (one pass for all
    // of them natively with AVX2, [`first_by_pairs`], and in the .wasm, but a needle fewer is
    // still a pair fewer to compare; a shared substring as common as `thread` would cost more
    // in the lines that hold it). A needle is then looked for only in a line that holds its
    // shared substring (one that holds the needle does): `has!(SHARED, "needle")`.
    const BSKY: usize = 0;
    const X_CORP: usize = 1;
    const TWITTER_COM: usize = 2;
    const STATUS: usize = 3;
    const X_COM: usize = 4;
    const REPOSTS: usize = 5;
    const QUOTES: usize = 6;
    const BOOSTS: usize = 7;
    const FAVOURITES: usize = 8;
    const HREADS: usize = 9;
    const VISIBLE: usize = 10;
    const TWTEXTAPP: usize = 11;
    const THREADREADERAPP: usize = 12;
    const THREAD_READER_APP: usize = 13;
    #[cfg(not(target_arch = "wasm32"))]
    let finders = NEEDLES.map(Finder::new);
    #[cfg(target_arch = "wasm32")]
    let finders = const { RareFinder::all(NEEDLES) };
    let mut needles = finders.map(Needle::new);
    // Natively with AVX2, every needle's first occurrence found in one pass too.
    #[cfg(target_arch = "x86_64")]
    if let Some(first) = first_by_pairs(text.as_bytes()) {
        let mut k = 0;
        while k < needles.len() {
            needles[k].known = true;
            needles[k].next = first[k];
            k += 1;
        }
    }
    // In the .wasm, every needle's first occurrence found in one pass (most are nowhere, and
    // are not searched for again); a needle asked about past its occurrence searches on.
    #[cfg(target_arch = "wasm32")]
    {
        const BY_BYTE: [u32; 256] = rare_bytes(&RareFinder::all(NEEDLES));
        let first = first_occurrences(text.as_bytes(), &finders, &BY_BYTE);
        let mut k = 0;
        while k < needles.len() {
            needles[k].known = true;
            needles[k].next = first[k];
            k += 1;
        }
    }
    // `·`, which a header line that holds a time holds (`Ada @ada · 5h`): found by one forward
    // search over the paste like the needles (not a search a line), apart from them so that
    // its many occurrences do not keep the lines around them from being clear of the others.
    let mut dot = needle!("·");
    // How far ahead the nearest occurrence of any needle stands: a line that ends before it
    // holds none, and is not asked about each (most lines of most pastes).
    let mut nearest = 0;
    for (i, &l) in lines.iter().enumerate() {
        // Looked up after the empty-line check: each run of blank lines is walked once, not
        // once per blank line (quadratic on a paste of many blank lines).
        if l.is_empty() {
            continue;
        }
        let at = offset_in(text, l);
        let clear = at.is_some_and(|at| at + l.len() <= nearest);
        // A macro, not a closure: at opt-level z (the .wasm) a closure is a call for each
        // signal, on clear lines too; this is a compare there, and the needle asked only past it.
        macro_rules! has {
            ($k:expr) => {
                if clear {
                    false
                } else {
                    needles[$k].in_line(text, at, l)
                }
            };
            // A longer needle that holds needle `$k`: looked for in the line only when the
            // line holds `$k`.
            ($k:expr, $longer:expr) => {{
                debug_assert!(
                    crate::clean::find($longer, NEEDLES[$k]).is_some(),
                    "a line that holds {:?} holds {:?}",
                    $longer,
                    NEEDLES[$k]
                );
                has!($k) && crate::clean::find(l, $longer).is_some()
            }};
        }
        let next = lines[i + 1..].iter().find(|n| !n.is_empty()).copied();
        use Platform::*;
        if has!(BSKY, ".bsky.social") || has!(BSKY, "bsky.app/") {
            add(&mut score, Bluesky, "bsky", 3);
        }
        // Lengths and first bytes first: in the .wasm each string compare is a call, and most
        // lines have a length no interface line has (and most that do, `12` or `48`, a first
        // byte none starts with).
        if UI_LENGTHS.get(l.len()).copied().unwrap_or(false) && is_ui_first(l.as_bytes()[0]) {
            match l {
                "Everybody can reply" | "Write your reply" => {
                    add(&mut score, Bluesky, "bsky-ui", 3)
                }
                "Translate post" | "Post your reply" | "Embedded video" | "New to X?"
                | "Tweet your reply" => add(&mut score, X, "x-ui", 2),
                "·" | "Quote" | "Image" | "Show more" => add(&mut score, X, "x-weak", 1),
                "Show less" | "Boost" | "Favourite" => add(&mut score, Mastodon, "masto-ui", 1),
                "Author" => add(&mut score, Threads, "threads-author", 1),
                "Activate to view larger image," | "likeloveinsightful" | "hashtag" => {
                    add(&mut score, Linkedin, "li-ui", 2)
                }
                _ => {}
            }
        }
        let time_next = || next.is_some_and(|n| n == "·" || headers::time_line(n).is_some());
        // The line's first and last bytes, compared before the prefixes and suffixes that
        // start or end with them (at opt-level z each `starts_with` is a call; `·` starts
        // with C2).
        let (first, last) = (l.as_bytes()[0], l.as_bytes()[l.len() - 1]);
        // `@` compared as a byte (at opt-level z `starts_with(char)` encodes it and calls).
        let handle_line = l.as_bytes().first() == Some(&b'@') && headers::is_handle_line(l);
        if handle_line && time_next() {
            if crate::clean::has(&l[1..], '@') {
                add(&mut score, Mastodon, "masto-header", 2);
            } else if crate::clean::has(l, '.') {
                add(&mut score, Bluesky, "bsky-header", 2);
            } else {
                add(&mut score, X, "x-header", 2);
            }
        }
        if handle_line {
            if crate::clean::has(&l[1..], '@') {
                add(&mut score, Mastodon, "masto-handle", 3);
            } else if !crate::clean::has(l, '.') {
                add(&mut score, X, "x-handle", 1);
            } else {
                add(&mut score, Bluesky, "bsky-handle", 1);
            }
        }
        // A header line holds a time only after a `·` (most lines hold none: no copies made).
        if let Some(h) = dot
            .in_line(text, at, l)
            .then(|| headers::header_line(l))
            .flatten()
            .filter(|h| h.time.is_some())
        {
            if crate::clean::has(&h.handle[1..], '@') {
                add(&mut score, Mastodon, "masto-inline", 2);
            } else if crate::clean::has(&h.handle, '.') {
                add(&mut score, Bluesky, "bsky-inline", 2);
            } else {
                add(&mut score, X, "x-inline", 2);
            }
        }
        if first == 0xC2 && l.starts_with("· ") && headers::time_line(l).is_some() {
            add(&mut score, Bluesky, "bsky-dot-time", 2);
        }
        if last == b'd' && l.ends_with(" reposted") {
            add(&mut score, X, "x-reposted", 2);
        }
        if last == b'd' && l.ends_with(" boosted") {
            add(&mut score, Mastodon, "masto-boosted", 2);
        }
        if has!(X_CORP)
            || (last == b's' && l.ends_with(" Views"))
            || (first == b'R' && l.starts_with("Replying to @"))
        {
            add(&mut score, X, "x-strong", 3);
        }
        if has!(TWITTER_COM) && has!(STATUS) || has!(X_COM) {
            add(&mut score, X, "x-link", 1);
        }
        if has!(REPOSTS) || has!(QUOTES) {
            add(&mut score, Bluesky, "bsky-counts", 1);
        }
        if has!(BOOSTS) || has!(FAVOURITES) {
            add(&mut score, Mastodon, "masto-counts", 2);
        }
        if has!(HREADS, "threads.net") || has!(HREADS, "threads.com") || has!(HREADS, "for Threads")
        {
            add(&mut score, Threads, "threads-link", 2);
        }
        // A user name starts with a lowercase letter, a digit or `_`: most lines do not.
        if matches!(first, b'a'..=b'z' | b'0'..=b'9' | b'_')
            && headers::is_username(l)
            && next.is_some_and(|n| {
                n == "Author" || (headers::time_line(n).is_some() && !crate::clean::has(n, '·'))
            })
        {
            add(&mut score, Threads, "threads-header", 2);
        }
        if (first == b'F' && l.starts_with("Feed post number")) || has!(VISIBLE) {
            add(&mut score, Linkedin, "li-strong", 3);
        }
        if first == b'N' && l.starts_with("No alternative text description") {
            add(&mut score, Linkedin, "li-media", 2);
        }
        // Its halves' first bytes compared here, before the call (every line is asked; most
        // lines' halves start with different bytes).
        if l.len() % 2 == 0 && first == l.as_bytes()[l.len() / 2] && headers::doubled(l).is_some() {
            add(&mut score, Linkedin, "li-doubled", 1);
        }
        if has!(THREADREADERAPP)
            || has!(THREAD_READER_APP)
            || has!(TWTEXTAPP)
            || (first == b'T' && l.starts_with("Twitter may remove this content"))
            || (first == b'Y' && l.starts_with("You can follow @"))
        {
            add(&mut score, Threadreader, "tr-footer", 3);
        }
        if headers::attribution(l).is_some() {
            add(&mut score, Threadreader, "tr-attribution", 2);
        }
        if has!(TWITTER_COM, "pic.twitter.com/") {
            add(&mut score, Threadreader, "tr-pic", 1);
        }
        if let (Some(at), false) = (at, clear) {
            // Where the next needle stands past this line (each searched once more at most).
            let end = at + l.len();
            nearest = needles
                .iter_mut()
                .map(|n| n.ahead(text, end))
                .min()
                .unwrap_or(usize::MAX);
        }
    }
    let Some((best, &max)) = score
        .iter()
        .enumerate()
        .max_by_key(|&(i, s)| (*s, std::cmp::Reverse(i)))
    else {
        return Platform::Plain;
    };
    if max >= 2 {
        Platform::ALL[best]
    } else {
        Platform::Plain
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Platform {
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        detect(text, &lines)
    }

    #[test]
    fn platforms_are_listed_in_their_declared_order() {
        // `detect` scores a platform at `p as usize`, its place in `Platform::ALL`.
        for (i, p) in Platform::ALL.into_iter().enumerate() {
            assert_eq!(p as usize, i, "{p:?} is at {i} in ALL");
        }
    }

    #[test]
    fn detects_each_platform() {
        assert_eq!(
            of("Ada\n@ada\n·\n5h\nhello\nTranslate post\n2.3K"),
            Platform::X
        );
        assert_eq!(
            of("Ada @ada.bsky.social\n· 2h\nhello\nEverybody can reply"),
            Platform::Bluesky
        );
        assert_eq!(of("Ada\n@ada@mastodon.social\nhello"), Platform::Mastodon);
        assert_eq!(of("zuck\n2d\nhello\nTranslate\n12"), Platform::Threads);
        assert_eq!(
            of("Feed post number 2\nAda\nAda\n1h •\nhello"),
            Platform::Linkedin
        );
        assert_eq!(of("1/ hello\n2/ world"), Platform::Plain);
        assert_eq!(of(""), Platform::Plain);
    }

    #[test]
    fn the_rare_byte_searcher_finds_the_first_occurrence_as_str_find_does() {
        let hays = [
            "",
            " ",
            "reposts",
            " reposts",
            "12 reposts 3 reposts",
            "re reposts",
            "  repost reposts",
            "x.com/ada x.com/",
            "Ada @ada.bsky.social · 2h",
            "X Cor X Corp",
            "pppp reposts",
            "é reposts ü",
        ];
        let needles = [
            " reposts",
            "x.com/",
            ".bsky.social",
            "X Corp",
            "p",
            " ",
            "reposts ",
            "/status/",
        ];
        for h in hays {
            for n in needles {
                let f = RareFinder::new(n);
                assert_eq!(f.find(h.as_bytes()), h.find(n), "{n:?} in {h:?}");
                assert_eq!(f.needle(), n.as_bytes());
            }
        }
        assert_eq!(
            RareFinder::new("").find(b"abc"),
            Some(0),
            "an empty needle is at 0"
        );
        // All needles at once, in one pass: each first occurrence as its own search finds it.
        let all = RareFinder::all(needles);
        let by_byte = rare_bytes(&all);
        for h in hays
            .iter()
            .chain(&["pp reposts p x.com/x.com/", "x.com", "p"])
        {
            let first = first_occurrences(h.as_bytes(), &all, &by_byte);
            for (k, n) in needles.iter().enumerate() {
                assert_eq!(
                    first[k],
                    h.find(n).unwrap_or(usize::MAX),
                    "{n:?} first in {h:?}, found with the other needles"
                );
            }
        }
        let [x, q] = const { RareFinder::all(["X Corp", " quotes"]) };
        assert_eq!(
            (x.rare, q.rare),
            (0, 1),
            "X Corp by its X, \" quotes\" by its q"
        );
        assert_eq!(
            RareFinder::new(" reposts").rare,
            3,
            "the rarest byte of \" reposts\" is its p, not the space"
        );
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn the_pair_pass_finds_each_needle_first_where_memmem_does() {
        // Every pair is the needle's own bytes, and each needle has one byte to its pair's
        // right.
        for (k, n) in NEEDLES.iter().enumerate() {
            assert!(PAIR_AT[k] + 1 < n.len(), "{n:?}: its pair is in it");
        }
        let Some(_) = first_by_pairs(b"") else {
            return; // no AVX2 here: the pass is never used
        };
        // Pastes made of pieces of the needles (their pairs without the rest, their starts
        // and ends), a few whole ones, and other bytes, at every length up to a few blocks.
        let mut pieces: Vec<&str> = vec![" ", "\n", "a", "·", "é", "👇", "the ", "X", "t"];
        for n in NEEDLES {
            pieces.push(n);
            pieces.push(&n[..n.len() / 2]);
            pieces.push(&n[n.len() / 2..]);
            pieces.push(&n[1..]);
            pieces.push(&n[..n.len() - 1]);
        }
        let mut next = crate::test_rng::xorshift(0x5EED_0014);
        for round in 0..3000 {
            let mut hay = String::new();
            let len = (next() % 400) as usize;
            while hay.len() < len {
                let piece = crate::test_rng::pick(&pieces, &mut next);
                // Whole needles seldom, so that most are found late or nowhere.
                if NEEDLES.contains(&piece) && next() % 8 != 0 {
                    continue;
                }
                hay.push_str(piece);
            }
            let first = first_by_pairs(hay.as_bytes()).unwrap_or([0; 14]);
            for (k, n) in NEEDLES.iter().enumerate() {
                let memmem = memchr::memmem::find(hay.as_bytes(), n.as_bytes());
                assert_eq!(
                    first[k],
                    memmem.unwrap_or(usize::MAX),
                    "round {round}: {n:?} first in {hay:?}"
                );
            }
        }
    }

    #[test]
    fn every_interface_line_has_a_length_in_ui_lengths_and_a_first_byte_in_is_ui_first() {
        for (line, platform) in [
            ("Everybody can reply", Platform::Bluesky),
            ("Write your reply", Platform::Bluesky),
            ("Translate post", Platform::X),
            ("Post your reply", Platform::X),
            ("Embedded video", Platform::X),
            ("New to X?", Platform::X),
            ("Tweet your reply", Platform::X),
            ("·", Platform::X),
            ("Quote", Platform::X),
            ("Image", Platform::X),
            ("Show more", Platform::X),
            ("Show less", Platform::Mastodon),
            ("Boost", Platform::Mastodon),
            ("Favourite", Platform::Mastodon),
            ("Author", Platform::Threads),
            ("Activate to view larger image,", Platform::Linkedin),
            ("likeloveinsightful", Platform::Linkedin),
            ("hashtag", Platform::Linkedin),
        ] {
            assert!(
                UI_LENGTHS[line.len()],
                "{line:?}: its length is in UI_LENGTHS"
            );
            assert!(
                is_ui_first(line.as_bytes()[0]),
                "{line:?}: its first byte is one is_ui_first allows"
            );
            // Two of each (a weight of 1 or 2 reaches the score of 2 that names a platform).
            assert_eq!(of(&format!("{line}\nhello\n{line}")), platform, "{line:?}");
        }
    }

    #[test]
    fn searching_the_whole_text_finds_what_each_line_holds() {
        // Copies of the lines are searched one by one; slices of the text, in one pass.
        let samples = [
            "Ada\n  12 reposts\n3 quotes  \nhello",
            "a\n reposts\n quotes\nx.com/\nx.\ncom/",
            "hi threads.\nnet threads.net\nthreads.com for Threads",
            "see https://twitter.com/ada/status/1\npic.twitter.com/abc x.com/a",
            "@ada.bsky.social\n· 2h\nbsky.app/profile\n boosts\n favourites",
            "Visible to anyone on or off LinkedIn\nthreadreaderapp\nThread Reader App twtextapp",
        ];
        for text in samples {
            let lines: Vec<&str> = text.lines().map(str::trim).collect();
            let copies: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            let apart: Vec<&str> = copies.iter().map(String::as_str).collect();
            assert_eq!(
                detect(text, &lines),
                detect("", &apart),
                "the same platform either way for {text:?}"
            );
        }
        let text = "12 reposts\n3 quotes\n4 reposts\n5 quotes";
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            detect(text, &lines),
            Platform::Bluesky,
            "each line's counts are seen"
        );
        // A line that holds only the substring a needle shares with others holds none of them.
        for text in [
            "bsky\nbsky\nbsky",
            "hreads\nthreads\nthreads\nThreads",
            "a twitter.com/ada\nb twitter.com/ada\ntwitter.com/",
        ] {
            assert_eq!(of(text), Platform::Plain, "{text:?}");
        }
        assert_eq!(
            of("pic.twitter.com/a\nx\nthreads.com and for Threads"),
            Platform::Threads,
            "threads-link counts twice (4), tr-pic once (1)"
        );
        let text = "12\n reposts";
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        assert_eq!(
            detect(text, &lines),
            Platform::Plain,
            "a needle that starts in a line's trimmed space is not in the line"
        );
    }
}

//! Segment: repaired text → posts, with every line that is not post text set aside.
//!
//! Input: the repaired paste and, optionally, the platform the person chose. Output:
//! [`Segmented`]: the platform, the thread's author, posts (number, author, time, text,
//! marker, media, quoted post, reply flag), `removed` lines with reasons, and warnings.
//!
//! Three passes, each linear in the paste:
//! 1. **Classify** every line: blank, text, cruft (the [`crate::clean`] lexicon),
//!    media (`Image`, `Embedded video`, `![alt](…)`), header pieces (`@handle`, `·`, `5h`,
//!    `Name @handle · 5h`), closers (`— Name (@handle) date`, permalinks), separators
//!    (`---`, `Feed post number 2`), end markers (`/end`). After a footer start (`New to X?`,
//!    `Twitter may remove this content…`) every line is cruft.
//! 2. **Headers**: a handle line becomes a post header when the page's shape confirms it:
//!    a time follows (`·` / `5h`), or it stands after interface lines with its name above it
//!    (X's main post), or it is a Mastodon `@user@instance`. The name is the line above.
//!    Mastodon may show the time above the name. Threads headers are `username` / `2d`;
//!    LinkedIn headers are doubled names, or the short lines above `2d •`. In a paste the
//!    detector calls `plain`, only a handle with a time is a header. A `Quote` line before
//!    a header makes that post the `quoted` post of the one above.
//! 3. **Assemble**: headers open posts and blank lines are paragraphs inside them (an
//!    unrolled page is the exception: one author above, one paragraph a post); without
//!    headers, thread markers (`1/`, `(1/12)`, `1️⃣`, `1.` when the thread starts with it)
//!    open posts, separators and closers end them, and failing all of those blank lines
//!    separate posts — except that a list stays in its post. Above the first header, short
//!    lines between interface lines are tabs (`For you`, a list's name) and are removed;
//!    other text there is kept as posts without an author.
//!
//! Nothing is lost: every non-blank line is post text (less a stripped marker or glued
//! interface tail, which are kept in `marker` / `removed`) or is in `removed` with a
//! reason: `header`, `timestamp`, `media`, `marker`, `count`, `ui`, `signup`, `footer`,
//! `reactions`, `profile`, `separator`, `elision`.

pub mod detect;
pub mod headers;
pub mod markers;
pub mod warnings;

use crate::clean;
use crate::thread::{Author, Media, Platform, Post, Removed, ShortText, SmallText, Warning};
use headers::HeaderLine;
use markers::{Marker, Style};
use std::borrow::Cow;

/// What segmentation found.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Segmented {
    /// The platform, detected or given.
    pub platform: Platform,
    /// The thread's author: the author of its first post that has one.
    pub author: Option<Author>,
    /// Posts with `number`, `author`, `time`, `text`, `marker`, `media`, `quoted`, `reply`.
    pub posts: Vec<Post>,
    /// Lines that are not part of any post.
    pub removed: Vec<Removed>,
    /// Things to check that are not about one post's text.
    pub warnings: Vec<Warning>,
}

/// Length in bytes of a thread marker at the start of `line` (`1/`, `2/12`, `(3/12)`),
/// including the space after it.
pub fn leading_marker(line: &str) -> Option<usize> {
    markers::leading(line)
        .filter(|m| m.style == Style::Slash)
        .map(|m| m.len)
}

/// What one line is: eight bytes a line, as a 10 MB paste has half a million lines. The
/// payloads few lines have are in [`Side`]; a time is read again from its line when used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Blank,
    /// Post text, as far as anyone can tell.
    Text,
    /// Interface text, with the reason it is removed.
    Cruft(Why),
    /// Its media, in [`Side::media`].
    Media(u32),
    /// X's `Quote` above a quoted post's header.
    Quote,
    /// A lone `·` between a handle and its time.
    Dot,
    /// A time; `true` when it holds a clock time (X's detail line under the main post), and
    /// where the time stands in the line.
    Time(bool, Stamp),
    /// A handle line, a header if pass 2 confirms it (what it says: [`Side::handles`]).
    Handle(u32),
    /// A LinkedIn line that doubles its text (name or headline).
    Doubled,
    /// A line that names the author of the post above it ([`Side::closers`]).
    Closer(u32),
    /// A line between posts, with its reason and whether it ends the post.
    Separator(Why, bool),
    /// `/end`, `[thread]`, `🧵👇`, a lone `🧵`.
    EndMarker,
}

/// Where the time of a [`Kind::Time`] line stands in it, as the classifier read it: its
/// start and length in bytes (two bytes, so that a [`Kind`] stays eight). `Stamp(0, 0)`: not
/// kept (LinkedIn's own shape, or a time past 255 bytes), read again when used.
///
/// Not part of what a line is: any two stamps are equal (so `Kind::Time(false, Stamp::ANY)`
/// is every time that is no clock time, and comparing kinds compares no stamps).
#[derive(Clone, Copy, Debug, Eq)]
struct Stamp(u8, u8);

impl Stamp {
    /// A stamp to compare kinds with (equal to every stamp).
    const ANY: Stamp = Stamp(0, 0);
}

impl PartialEq for Stamp {
    fn eq(&self, _: &Stamp) -> bool {
        true
    }
}

/// A removed line's reason, as its place in [`Side::reasons`] (one byte where a `&str` took
/// sixteen).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Why(u8);

impl Why {
    // The reasons assembly gives, first in every [`Side::reasons`]: known without a search.
    const HEADER: Why = Why(0);
    const TIMESTAMP: Why = Why(1);
    const MEDIA: Why = Why(2);
    const UI: Why = Why(3);
    const MARKER: Why = Why(4);
    const PROFILE: Why = Why(5);
    /// What the constants stand for, in their order.
    const FIRST: [&'static str; 6] = ["header", "timestamp", "media", "ui", "marker", "profile"];
}

/// The place of `word` in `words` (a short list of this crate's fixed words: reasons,
/// detection signals), or `words.len()` when it is not there. The same word from the same
/// place is the same pointer, so pointers are compared first and the bytes only when none
/// matches (in the .wasm a compare of strings is a call, one for each word before it, on each
/// of thousands of lines). Plain loops: `position` closures were code of their own in the
/// .wasm.
fn place_of(words: &[&'static str], word: &str) -> usize {
    let n = words.len();
    let mut at = 0;
    while at < n && !std::ptr::eq(words[at], word) {
        at += 1;
    }
    if at == n {
        at = 0;
        while at < n && words[at] != word {
            at += 1;
        }
    }
    at
}

/// What the lines of a few kinds carry, beside the per-line [`Kind`]s.
struct Side {
    /// The reasons lines were given, each once (a dozen or so).
    reasons: Vec<&'static str>,
    media: Vec<Option<Media>>,
    handles: Vec<Option<HeaderLine>>,
    closers: Vec<Option<(Author, Option<ShortText>)>>,
    /// The lines that may carry a thread marker, found while the line was read in pass 1:
    /// the line, its leading marker and (where the leading one is missing or may be ruled
    /// out as a `1.` list's) its trailing one. Pass 2 decides which are the thread's
    /// ([`Assembler::find_markers`]) without reading every text line's ends again: on a big
    /// paste those reads came from memory, not the cache.
    marks: Vec<(usize, Option<Marker>, Option<Marker>)>,
    /// Lines that are not text, blank or handle lines (known to be removed).
    known: usize,
    /// Some line ends a post (a closer, a separator that is a boundary).
    bounds: bool,
}

impl Side {
    fn new() -> Side {
        Side {
            reasons: Why::FIRST.to_vec(),
            media: Vec::new(),
            handles: Vec::new(),
            closers: Vec::new(),
            marks: Vec::new(),
            known: 0,
            bounds: false,
        }
    }

    /// The [`Why`] of `reason`.
    fn why(&mut self, reason: &'static str) -> Why {
        let at = place_of(&self.reasons, reason);
        if at == self.reasons.len() {
            self.reasons.push(reason);
        }
        // The reasons are words of this module and of `clean`, a few dozen at most: a byte
        // holds their places (cast, with no panic path in the .wasm).
        Why(at as u8)
    }

    /// The reason a [`Why`] stands for.
    fn reason(&self, why: Why) -> &'static str {
        self.reasons[usize::from(why.0)]
    }

    /// Whether `kind` is cruft for one of `reasons`.
    fn is_cruft(&self, kind: Kind, reasons: &[&str]) -> bool {
        matches!(kind, Kind::Cruft(w) if reasons.contains(&self.reason(w)))
    }

    /// Index of the next item pushed onto a table of `len` items (not `expect` on a
    /// `Result`: its error's Debug code would go into the .wasm, 0.4 kB).
    fn slot(len: usize) -> u32 {
        u32::try_from(len).unwrap_or_else(|_| unreachable!("fewer than four billion lines"))
    }
}

/// A header that opens a post.
#[derive(Clone, Debug)]
struct Header {
    author: Author,
    time: Option<ShortText>,
    quoted: bool,
}

/// A media line: `Image`, `Embedded video`, `![alt](url)`, `<video …>`.
fn media(t: &str) -> Option<Media> {
    let m = |kind: &str, alt: Option<&str>| {
        Some(Media {
            kind: kind.into(),
            alt: alt.map(str::to_owned),
        })
    };
    // The names are compared only on a line that starts as one does (each compare is a
    // call in the .wasm).
    if matches!(t.as_bytes().first(), Some(b'I' | b'P' | b'E' | b'V' | b'G')) {
        match t {
            "Image" | "Photo" | "Picture" => return m("image", None),
            "Embedded video" | "Video" => return m("video", None),
            "GIF" => return m("gif", None),
            _ => {}
        }
    }
    // The shapes below start with `N`, `A`, `!` or `<`: most lines start with another.
    if !matches!(t.as_bytes().first(), Some(b'N' | b'A' | b'!' | b'<')) {
        return None;
    }
    if t.starts_with("No alternative text description for this image")
        || t.starts_with("Attached: ")
    {
        return m("image", None);
    }
    if let Some(rest) = t.strip_prefix("![") {
        let close = crate::clean::find(rest, "](")?;
        if rest.ends_with(')') {
            let alt = rest[..close].trim();
            return m("image", (!alt.is_empty()).then_some(alt));
        }
    }
    if t.starts_with("<video") && (t.ends_with("</video>") || t.ends_with("/>")) {
        return m("video", None);
    }
    None
}

/// `0:26`, `12:03`: a video's duration shown over it.
fn is_duration(t: &str) -> bool {
    let b = t.as_bytes();
    let d = b.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=2).contains(&d)
        && b.len() == d + 3
        && b[d] == b':'
        && b[d + 1..].iter().all(u8::is_ascii_digit)
}

fn separator(t: &str) -> Option<(&'static str, bool)> {
    if t.len() >= 3 && (t.bytes().all(|b| b == b'-') || t.bytes().all(|b| b == b'*')) {
        return Some(("separator", true));
    }
    if matches!(t.as_bytes().first(), Some(b'*' | b'_' | b'-'))
        && matches!(t, "* * *" | "___" | "- - -")
    {
        return Some(("separator", true));
    }
    if t.as_bytes().first() == Some(&b'F') && t.starts_with("Feed post number") {
        return Some(("ui", true));
    }
    None
}

fn is_elision(t: &str) -> bool {
    matches!(t.as_bytes().first(), Some(b'[' | b'('))
        && matches!(t, "[...]" | "[…]" | "(...)" | "(…)")
}

/// A short line with no sentence punctuation: a tab, a list name, a chat name.
fn label_like(t: &str) -> bool {
    // The ASCII marks compared as the last byte (a char array pattern is code of its own in
    // the .wasm, one for each array length).
    t.chars().count() <= 40
        && t.split_whitespace().count() <= 4
        && !matches!(
            t.as_bytes().last(),
            Some(b'.' | b'!' | b'?' | b':' | b',' | b';' | b'"')
        )
        && !t.ends_with('”')
        && crate::clean::find(t, "://").is_none()
}

/// A display name as it stands above a handle.
fn plausible_name(t: &str) -> bool {
    t.chars().count() <= 60
        && !matches!(t.as_bytes().last(), Some(b':' | b',' | b';'))
        && markers::leading(t).is_none()
}

/// Splits `text` into posts.
pub fn segment(text: &str, platform: Option<Platform>) -> Segmented {
    let (mut seg, cuts) = assemble(text, platform);
    seg.removed = cuts.into_removed(text);
    seg
}

/// [`segment`] on a text the caller gives up: the text is dropped before the removed lines
/// are made (their texts are copied out first, a small part of a big paste), so that the
/// paste and the removed lines are not held at once.
pub fn segment_owned(text: String, platform: Option<Platform>) -> Segmented {
    let (mut seg, mut cuts) = assemble(&text, platform);
    let kept = cuts.pack(&text);
    drop(text);
    seg.removed = cuts.into_removed(&kept);
    seg
}

/// [`segment`] without the removed lines (`removed` left empty): for a rendering that does
/// not show them ([`crate::convert`]).
pub fn segment_posts(text: &str, platform: Option<Platform>) -> Segmented {
    assemble(text, platform).0
}

/// The three passes: the posts, and the removed pieces as places in `text`.
fn assemble(text: &str, platform: Option<Platform>) -> (Segmented, Cuts) {
    let lines = trimmed_lines(text);
    let platform = platform.unwrap_or_else(|| detect::detect(text, &lines));
    let mut side = Side::new();
    let kinds = classify(text, &lines, platform, &mut side);
    let (mut seg, cuts) = Assembler::new(text, lines, kinds, side, platform).run();
    seg.platform = platform;
    (seg, cuts)
}

/// The removed pieces of a paste, in line order, before their texts are copied.
struct Cuts {
    list: Vec<Cut>,
    /// Texts of the pieces that are not slices of the paste.
    owned: Vec<String>,
    /// What each [`Why`] stands for.
    reasons: Vec<&'static str>,
}

impl Cuts {
    /// Copies the pieces' texts out of `text` into one string, which they then point into.
    fn pack(&mut self, text: &str) -> String {
        // Plain loops, not adaptor chains (their closures were code of their own in the .wasm).
        let mut size = 0;
        for cut in &self.list {
            if !cut.owned {
                size += cut.len as usize;
            }
        }
        let mut kept = String::with_capacity(size);
        for cut in &mut self.list {
            if cut.owned {
                continue;
            }
            let start = cut.start as usize;
            let at = kept.len();
            kept.push_str(&text[start..start + cut.len as usize]);
            // The packed text is no longer than the pieces of a text whose offsets fit.
            cut.start = u32::try_from(at)
                .unwrap_or_else(|_| unreachable!("packed pieces are no longer than the text"));
        }
        kept
    }

    /// The [`Removed`] lines, their texts read from `text` (the paste, or [`Cuts::pack`]'s).
    fn into_removed(mut self, text: &str) -> Vec<Removed> {
        let mut removed = Vec::with_capacity(self.list.len());
        for cut in &self.list {
            let text = if cut.owned {
                SmallText::from(std::mem::take(&mut self.owned[cut.start as usize]))
            } else {
                let start = cut.start as usize;
                SmallText::from(&text[start..start + cut.len as usize])
            };
            removed.push(Removed {
                line: cut.line as usize,
                text,
                reason: Cow::Borrowed(self.reasons[usize::from(cut.why.0)]),
            });
        }
        removed
    }
}

/// `text.lines().map(str::trim)`, collected: line ends found with memchr (the vector made
/// once at the size [`lines_expected`] says), and the ASCII ends trimmed without decoding.
fn trimmed_lines(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let mut lines = Vec::with_capacity(lines_expected(b));
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', b) {
        // A blank line (a third of a paste's, often) with no call.
        lines.push(if end == start {
            ""
        } else {
            trim(&text[start..end])
        });
        start = end + 1;
    }
    if start < text.len() {
        lines.push(trim(&text[start..]));
    }
    lines
}

/// How many lines `b` holds: counted, on a paste of up to [`COUNTED`] bytes; past that, the
/// lines of its first [`COUNTED`] bytes counted and scaled to the whole, an eighth more.
/// Counting the whole of a big paste was a pass over it from memory of its own, the cache
/// holding none of it by the time the lines are read; the first bytes are read again at
/// once, from the cache. A paste with more lines than that grows the vector.
fn lines_expected(b: &[u8]) -> usize {
    /// The bytes counted, which the L2 holds.
    const COUNTED: usize = 1 << 20;
    let head = crate::entities::sub_b(b, ..b.len().min(COUNTED));
    let n = memchr::memchr_iter(b'\n', head).count() + 1;
    if b.len() == head.len() {
        return n;
    }
    let scaled = (n as u64 * b.len() as u64 / head.len() as u64) as usize;
    scaled + scaled / 8
}

/// `str::trim`, with ASCII white space trimmed first; only a line that then starts or ends
/// with a byte a white space char may start or end with (U+000B, which `trim_ascii` keeps, or
/// one of the non-ASCII ones) is trimmed again by `str::trim`. On a line that is trimmed
/// already (what the stages pass each other) it costs two compares; one that starts or ends
/// with an emoji or a letter outside ASCII costs a few more, not a char decoded.
///
/// Natively the two compares are inlined where it is called (20,000 calls on x-1000, most
/// on a line trimmed already); in the .wasm it stays one function.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(crate) fn trim(line: &str) -> &str {
    // Most lines are trimmed already and start and end with printable ASCII: two compares.
    let printable = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x80);
    if printable(line.as_bytes().first()) && printable(line.as_bytes().last()) {
        return line;
    }
    trim_ends(line)
}

/// [`trim`] of a line that does not start and end with printable ASCII.
#[cfg_attr(not(target_arch = "wasm32"), inline(never))]
fn trim_ends(line: &str) -> &str {
    let t = line.trim_ascii();
    // The white space chars outside ASCII (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028,
    // U+2029, U+202F, U+205F, U+3000) start with C2, E1, E2 or E3 and end with 80–8A, 9F,
    // A0, A8, A9 or AF; a line that starts and ends with other bytes has none at its ends.
    // A byte after C2 and one before the last rule out more with one compare each: `·` (C2
    // B7, X's header dot, a line of its own 1,000 times on x-1000) and an emoji whose last
    // byte is 80–8A (`👇`: F0 9F 91 87) are not white space (their second and next-to-last
    // bytes are not those of one: U+0085 and U+00A0 are C2 85 and C2 A0, and the others end
    // with 80 or 81 or 9A and the last byte).
    let b = t.as_bytes();
    let first = match b.first() {
        Some(0x0B | 0xE1 | 0xE2 | 0xE3) => true,
        Some(0xC2) => matches!(b.get(1), Some(0x85 | 0xA0)),
        _ => false,
    };
    let last = match b.last() {
        Some(0x0B) => true,
        Some(0x80..=0x8A | 0x9F | 0xA0 | 0xA8 | 0xA9 | 0xAF) => {
            b.len() >= 2 && matches!(b[b.len() - 2], 0xC2 | 0x80 | 0x81 | 0x9A)
        }
        _ => false,
    };
    if first || last {
        t.trim()
    } else {
        t
    }
}

/// Pass 1: what each line is (`lines`: slices of `text`).
fn classify(text: &str, lines: &[&str], platform: Platform, side: &mut Side) -> Vec<Kind> {
    let mut kinds = Vec::with_capacity(lines.len());
    let mut footer = false;
    let mut replying = false;
    let handles = platform != Platform::Linkedin;
    // A line with no `@` holds no handle (most text lines), and one with no `/status/` no
    // permalink: they are not read for one. Each is found by a search over the paste that
    // goes on past each occurrence asked about, not one a line.
    let [mut at_sign, mut status] = detect::handle_and_permalink();
    for (i, &t) in lines.iter().enumerate() {
        let kind = if t.is_empty() {
            Kind::Blank
        } else if footer {
            Kind::Cruft(side.why(clean::classify(t).unwrap_or("footer")))
        } else if clean::footer_start(t) {
            footer = true;
            Kind::Cruft(side.why(clean::classify(t).unwrap_or("footer")))
        } else if let Some(m) = media(t) {
            side.media.push(Some(m));
            Kind::Media(Side::slot(side.media.len() - 1))
        } else if t == "Quote" && platform != Platform::Plain {
            Kind::Quote
        } else if t == "·" || t == "•" {
            Kind::Dot
        } else if markers::is_end_line(t) {
            Kind::EndMarker
        } else if let Some((reason, boundary)) = separator(t) {
            Kind::Separator(side.why(reason), boundary)
        } else if is_elision(t) {
            let boundary = matches!(platform, Platform::Threadreader | Platform::Plain);
            Kind::Separator(side.why("elision"), boundary)
        } else if t == "Replying to" {
            replying = true;
            Kind::Cruft(Why::UI)
        } else if replying && (headers::is_handle_line(t) || t == "and" || t.starts_with("and ")) {
            Kind::Cruft(Why::UI)
        } else if let Some((name, handle, time)) = headers::attribution(t) {
            side.closers.push(Some((
                Author {
                    name,
                    handle: Some(handle),
                },
                time,
            )));
            Kind::Closer(Side::slot(side.closers.len() - 1))
        } else if let Some((handle, time)) = status
            .in_line(text, detect::offset_in(text, t), t)
            .then(|| headers::permalink(t))
            .flatten()
        {
            side.closers.push(Some((
                Author {
                    name: None,
                    handle: Some(handle),
                },
                time,
            )));
            Kind::Closer(Side::slot(side.closers.len() - 1))
        } else if platform == Platform::Linkedin
            && (headers::doubled(t).is_some()
                || (lines.get(i + 1) == Some(&t) && t.chars().count() <= 200)
                || (i > 0 && lines[i - 1] == t && kinds.get(i - 1) == Some(&Kind::Doubled)))
        {
            Kind::Doubled
        } else if platform == Platform::Linkedin && headers::linkedin_time(t).is_some() {
            Kind::Time(false, Stamp(0, 0))
        } else if platform == Platform::Linkedin
            && clean::is_reaction_word(t)
            && lines.get(i + 1).is_some_and(|n| clean::is_count(n.trim()))
        {
            Kind::Cruft(side.why("reactions"))
        } else if is_duration(t) {
            Kind::Cruft(Why::MEDIA)
        } else if let Some(reason) = clean::classify(t) {
            Kind::Cruft(side.why(reason))
        } else if let Some((time, clock)) = headers::time_span(t) {
            // The time is a slice of the line: kept as its place (not read again for each
            // header that takes it).
            let start = time.as_ptr() as usize - t.as_ptr() as usize;
            let stamp = if start < 256 && time.len() < 256 {
                Stamp(start as u8, time.len() as u8)
            } else {
                Stamp(0, 0)
            };
            Kind::Time(clock, stamp)
        } else if let Some(h) = (handles && at_sign.in_line(text, detect::offset_in(text, t), t))
            .then(|| headers::header_line(t))
            .flatten()
        {
            side.handles.push(Some(h));
            Kind::Handle(Side::slot(side.handles.len() - 1))
        } else {
            Kind::Text
        };
        if !(matches!(kind, Kind::Blank) || replying && matches!(kind, Kind::Cruft(_))) {
            replying = false;
        }
        side.bounds |= matches!(kind, Kind::Closer(..) | Kind::Separator(_, true));
        side.known += usize::from(!matches!(kind, Kind::Blank | Kind::Text | Kind::Handle(_)));
        // Every line pass 2 may leave as text (a handle line it does not take and a doubled
        // LinkedIn line with no time below become text): its markers, while it is read.
        if matches!(kind, Kind::Text | Kind::Handle(_) | Kind::Doubled) {
            let lead = markers::leading(t);
            let trail = match lead {
                Some(m) if m.style != Style::Dot => None,
                _ => markers::trailing(t),
            };
            if lead.is_some() || trail.is_some() {
                side.marks.push((i, lead, trail));
            }
        }
        kinds.push(kind);
    }
    kinds
}

/// A post being built (the lines its text came from are in [`Assembler::draft_lines`]).
#[derive(Default)]
struct Draft {
    /// The post, but for its text (set as it closes: [`Draft::into_post`]).
    post: Post,
    /// The post's text, grown line by line.
    text: String,
    /// Indices in `removed` of pieces cut from these lines while they were read as text (a
    /// glued `Show more`, LinkedIn's `hashtag` label, a marker).
    pieces: Vec<usize>,
    blank: bool,
    profile: bool,
}

impl Draft {
    /// A draft of `post`, with nothing else in it (not `..Draft::default()`, which makes a
    /// default post only to drop it, a call a post).
    fn of(post: Post) -> Draft {
        Draft {
            post,
            text: String::new(),
            pieces: Vec::new(),
            blank: false,
            profile: false,
        }
    }

    fn is_empty(&self) -> bool {
        self.text.is_empty() && self.post.media.is_empty() && self.post.quoted.is_none()
    }

    /// The post, with its text trimmed.
    fn into_post(self) -> Post {
        let mut post = self.post;
        post.text = post_text(self.text);
        post
    }
}

/// A draft's text as its post keeps it, trimmed: natively copied once, while it is in the
/// cache, into the shared text that the post's spans will be ranges of (the draft's `String`
/// is freed here).
#[cfg(not(target_arch = "wasm32"))]
fn post_text(text: String) -> crate::thread::PostText {
    crate::thread::PostText::from(trim(&text))
}

/// A draft's text as its post keeps it, trimmed (in the browser the `String` itself).
#[cfg(target_arch = "wasm32")]
fn post_text(mut text: String) -> crate::thread::PostText {
    trim_in_place(&mut text);
    text
}

/// Why a header took a line (one byte a line, where a `&str` took sixteen).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Taken {
    /// The name, handle or `·` of a header.
    Header,
    /// The time of a header.
    Timestamp,
}

impl Taken {
    /// The removed line's reason.
    fn why(self) -> Why {
        match self {
            Taken::Header => Why::HEADER,
            Taken::Timestamp => Why::TIMESTAMP,
        }
    }
}

/// A removed piece while lines are assembled: where its text stands in the paste, 16 bytes,
/// where a [`Removed`] takes 56 and an allocation for its text (a 10 MB paste removes
/// hundreds of thousands of lines). Made into [`Removed`] once the per-line tables are gone.
#[derive(Clone, Copy)]
struct Cut {
    /// 1-based line number; 0 once folded into a profile block's report.
    line: u32,
    /// Byte offset of the text in the paste, or its place in [`Assembler::owned`].
    start: u32,
    /// Length in bytes of the text in the paste (unused for an owned one).
    len: u32,
    why: Why,
    /// The text is not a slice of the paste (`hashtag`, a piece of a rewritten line).
    owned: bool,
}

/// The headers that open posts, by line: four bytes a line (a place in `headers`) rather
/// than a boxed header's eight and its allocation, as a 10 MB paste has half a million lines.
struct Opens {
    at: Vec<u32>,
    headers: Vec<Option<Header>>,
    /// How many lines open a post, counted as they are set (not by a walk over `at`).
    open: usize,
}

impl Opens {
    /// No header opens a post at this line.
    const NONE: u32 = u32::MAX;

    fn new(n: usize) -> Opens {
        Opens {
            at: vec![Opens::NONE; n],
            headers: Vec::new(),
            open: 0,
        }
    }

    /// `h` opens a post at line `i` (instead of any header set there before).
    fn set(&mut self, i: usize, h: Header) {
        self.open += usize::from(self.at[i] == Opens::NONE);
        self.at[i] = Side::slot(self.headers.len());
        self.headers.push(Some(h));
    }

    fn is_open(&self, i: usize) -> bool {
        self.at[i] != Opens::NONE
    }

    /// The header that opens a post at line `i`, taken out.
    fn take(&mut self, i: usize) -> Option<Header> {
        let k = std::mem::replace(&mut self.at[i], Opens::NONE);
        if k == Opens::NONE {
            return None;
        }
        self.open -= 1;
        self.headers[k as usize].take()
    }

    /// How many lines open a post.
    fn count(&self) -> usize {
        self.open
    }
}

/// Pass 2 and 3: headers, then posts.
struct Assembler<'a> {
    /// The trimmed lines (owned here so that they are given back before the end).
    lines: Vec<&'a str>,
    kinds: Vec<Kind>,
    side: Side,
    platform: Platform,
    /// The headers that open posts, by line.
    open: Opens,
    /// Lines a header took (its name, handle, `·` or time): removed with this reason.
    consumed: Vec<Option<Taken>>,
    /// Where a confirmed thread marker stands: `Some(true)` leading, `Some(false)` trailing
    /// (one byte a line: the marker itself is found again on what is left of the line).
    markers: Vec<Option<bool>>,
    posts: Vec<Post>,
    /// The paste the lines are slices of.
    text: &'a str,
    removed: Vec<Cut>,
    /// Removed texts that are not slices of the paste (few).
    owned: Vec<String>,
    top: Option<Draft>,
    inner: Option<Draft>,
    /// The lines the text of `top` and `inner` came from, in order: one vector for every
    /// post (a vector a post was an allocation a post), emptied as each closes. Lines go
    /// to the active draft, `inner` while there is one, and `inner` is attached to `top`
    /// before `top` closes (there is no `inner` without a `top`): they are all `top`'s then.
    draft_lines: Vec<usize>,
    follow: Option<ShortText>,
    /// The thread's author: the first post's that names one (see
    /// [`Assembler::finish_post`]).
    author: Option<Author>,
    /// A removed piece was cut after one of a later line.
    unsorted: bool,
    /// Lines known to be removed before the posts are built (see [`Assembler::run`]).
    known: usize,
    /// Lines [`Assembler::find_markers`] confirmed as the thread's markers.
    marked: usize,
    /// A profile block folded pieces cut from its lines into its own report (they are
    /// marked with line 0).
    folded: bool,
}

impl<'a> Assembler<'a> {
    fn new(
        text: &'a str,
        lines: Vec<&'a str>,
        kinds: Vec<Kind>,
        side: Side,
        platform: Platform,
    ) -> Self {
        let n = lines.len();
        let known = side.known;
        Assembler {
            lines,
            kinds,
            side,
            platform,
            open: Opens::new(n),
            consumed: vec![None; n],
            markers: vec![None; n],
            posts: Vec::new(),
            text,
            removed: Vec::new(),
            owned: Vec::new(),
            top: None,
            inner: None,
            draft_lines: Vec::new(),
            follow: None,
            author: None,
            unsorted: false,
            known,
            marked: 0,
            folded: false,
        }
    }

    /// Removes `text`, a piece of line `i` (the line itself, mostly), for the reason `why`.
    ///
    /// Natively inlined where it is called (7,000 calls on x-1000, each a compare and a push);
    /// in the .wasm it stays one function.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn remove(&mut self, i: usize, text: &str, why: Why) {
        // Where `text` stands in the paste, when it is a slice of it (almost always).
        let at = (text.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        let inside = at <= self.text.len() && text.len() <= self.text.len() - at;
        let (start, len, owned) = match (u32::try_from(at), u32::try_from(text.len())) {
            (Ok(start), Ok(len)) if inside => (start, len, false),
            _ => {
                self.owned.push(text.to_owned());
                (Side::slot(self.owned.len() - 1), 0, true)
            }
        };
        let line = Side::slot(i + 1);
        self.unsorted |= self.removed.last().is_some_and(|r| r.line > line);
        self.removed.push(Cut {
            line,
            start,
            len,
            why,
            owned,
        });
    }

    /// The previous non-blank line before line `i` (found when asked: a blank run is walked
    /// only by the few questions about the lines on either side of it).
    fn prev(&self, i: usize) -> Option<usize> {
        self.lines[..i].iter().rposition(|l| !l.is_empty())
    }

    /// The next non-blank line after line `i`.
    fn next(&self, i: usize) -> Option<usize> {
        let after = self.lines.get(i + 1..)?;
        after.iter().position(|l| !l.is_empty()).map(|k| i + 1 + k)
    }

    /// The time a [`Kind::Time`] line holds, as written: where the classifier found it, or
    /// read again from the line as the classifier read it (LinkedIn's own shape first on a
    /// LinkedIn paste).
    fn time_text(&self, i: usize) -> ShortText {
        let line = self.lines[i];
        if let Kind::Time(_, Stamp(start, len @ 1..)) = self.kinds[i] {
            let start = usize::from(start);
            return line[start..start + usize::from(len)].into();
        }
        (self.platform == Platform::Linkedin)
            .then(|| headers::linkedin_time(line))
            .flatten()
            .or_else(|| headers::time_span(line).map(|(t, _)| t.into()))
            .unwrap_or_default()
    }

    fn run(mut self) -> (Segmented, Cuts) {
        self.find_headers();
        // Every handle line was read: give their table back before the posts are built.
        self.side.handles = Vec::new();
        self.find_markers();
        // Each table counted once (each count a vectorised walk).
        let opened = self.open.count();
        let marked = self.marked;
        let has_headers = opened > 0;
        let has_markers = marked > 0;
        // Most lines of a big paste are removed: room for the lines already known to go and
        // some glued tails (`Show more`), so the vector does not grow by doubling (twice its
        // size at once, and half of it unused). Sixteen bytes a piece: their texts are copied
        // out only at the end. Counted in the walk that finds whether any line ends a post, the
        // two tables walked together (at opt-level z an index into a Vec is a call, two a
        // line). Counted as the tables were made, not by a walk over them (from memory on a
        // big paste): `known` is the lines pass 1 did not leave to be text or headers, and
        // those pass 2 took for headers ([`Assembler::take`]).
        let known = self.known;
        let has_bounds = self.side.bounds;
        // An unrolled page puts the author once above the whole thread, one paragraph a post.
        let unrolled = self.platform == Platform::Threadreader;
        let blank_splits = (!has_headers || unrolled) && !has_markers && !has_bounds;
        let mut preamble = has_headers;
        let mut last_label = None;
        self.removed.reserve(known + known / 8);
        // A post a header or a marker opens, give or take: room for them at once too.
        let openers = opened.max(marked);
        self.posts.reserve(openers + openers / 8);
        for i in 0..self.lines.len() {
            let line = self.lines[i];
            if let Some(h) = self.open.take(i) {
                preamble = false;
                self.start(h);
            }
            if let Some(taken) = self.consumed[i] {
                self.remove(i, line, taken.why());
                continue;
            }
            match self.kinds[i] {
                Kind::Blank => {
                    if let Some(d) = self.active() {
                        d.blank = true;
                    }
                }
                Kind::Cruft(why) => {
                    // Compared only on a line that starts as one of the two does (most cruft
                    // lines are counts and times; each compare is a call at opt-level z).
                    if matches!(line.as_bytes().first(), Some(b'Y' | b'T')) {
                        let follow = line
                            .strip_prefix("You can follow ")
                            .or_else(|| line.strip_prefix("Thread by "));
                        // (`handle_len` is `None` for anything that does not start with `@`.)
                        if let Some(h) = follow {
                            if let Some(n) = headers::handle_len(h) {
                                self.follow = Some(h[..n].into());
                            }
                        }
                    }
                    if why == Why::PROFILE {
                        if let Some(top) = self.top.as_mut().filter(|t| t.post.time.is_none()) {
                            top.profile = true;
                        }
                    }
                    self.remove(i, line, why);
                }
                Kind::Media(m) => {
                    self.remove(i, line, Why::MEDIA);
                    if let Some(m) = self.side.media[m as usize].take() {
                        let media = &mut self.ensure().post.media;
                        // Most posts show one image or video: room for one, not four.
                        if media.is_empty() {
                            media.reserve_exact(1);
                        }
                        media.push(m);
                    }
                }
                Kind::Quote => self.remove(i, line, Why::UI),
                Kind::Dot => self.remove(i, line, Why::HEADER),
                Kind::Time(clock, _) => {
                    self.remove(i, line, Why::TIMESTAMP);
                    // The time is copied out only for a draft that takes it: most time lines
                    // here are X's detail line under a post whose header gave it its time.
                    let target = if clock {
                        self.top.as_mut()
                    } else {
                        self.active().filter(|d| d.text.is_empty())
                    };
                    if target.is_some_and(|d| d.post.time.is_none()) {
                        let time = self.time_text(i);
                        let target = if clock {
                            self.top.as_mut()
                        } else {
                            self.active()
                        };
                        if let Some(d) = target {
                            d.post.time = Some(time);
                        }
                    }
                }
                Kind::Separator(why, boundary) => {
                    self.remove(i, line, why);
                    if boundary {
                        self.close();
                    }
                }
                Kind::Closer(c) => {
                    self.remove(i, line, Why::HEADER);
                    // Each closer line is visited once, so its author and time are there (and
                    // were the table ever empty here, the line would still be in `removed`).
                    if let Some((author, time)) = self.side.closers[c as usize].take() {
                        if let Some(top) = self.top.as_mut() {
                            if top.post.author.is_none() {
                                top.post.author = Some(author);
                            }
                            if top.post.time.is_none() {
                                top.post.time = time;
                            }
                        }
                    }
                    self.close();
                }
                Kind::EndMarker => {
                    self.remove(i, line, Why::MARKER);
                    self.close();
                }
                Kind::Doubled => self.remove(i, line, Why::HEADER),
                Kind::Text | Kind::Handle(_) => {
                    // Tabs and list names above a timeline (`e/acc`, `regen`): short lines
                    // between interface lines. A short first post stays.
                    let ui = |k: Option<usize>, me: &Self| {
                        k.is_some_and(|k| {
                            matches!(me.kinds[k], Kind::Cruft(_)) || last_label == Some(k)
                        })
                    };
                    let post_tail = [
                        "Translate post",
                        "Translate",
                        "Show more",
                        "Show this thread",
                    ];
                    // Asked only above the first header (most text lines are not).
                    let next_label = |me: &Self| {
                        me.next(i).is_some_and(|k| {
                            (me.side.is_cruft(me.kinds[k], &["ui", "signup"])
                                && !post_tail.contains(&me.lines[k]))
                                || (me.kinds[k] == Kind::Text && label_like(me.lines[k]))
                        })
                    };
                    if preamble && clean::is_ui_word_any_case(line) {
                        self.remove(i, line, Why::UI);
                        last_label = Some(i);
                        continue;
                    }
                    if preamble && label_like(line) && ui(self.prev(i), &self) && next_label(&self)
                    {
                        self.remove(i, line, Why::UI);
                        last_label = Some(i);
                        continue;
                    }
                    self.text(i, line, preamble || blank_splits, has_headers);
                }
            }
        }
        self.close();
        // The per-line tables are done with: give them back before the removed lines are
        // sorted, so that a big paste does not hold both at once.
        self.kinds = Vec::new();
        self.lines = Vec::new();
        self.open = Opens::new(0);
        self.consumed = Vec::new();
        self.markers = Vec::new();
        self.finish()
    }

    /// Pass 2: which lines are headers, and which posts they open.
    fn find_headers(&mut self) {
        let n = self.lines.len();
        let mut linkedin_run = false;
        // LinkedIn without doubled names: the short lines above the time line are the
        // name and the headline.
        let mut li_opened = false;
        let mut li_texts: Vec<usize> = Vec::new();
        let linkedin = self.platform == Platform::Linkedin;
        for i in 0..n {
            match self.kinds[i] {
                Kind::Handle(h) => {
                    // Each handle line is read once.
                    if let Some(h) = self.side.handles[h as usize].take() {
                        self.handle_header(i, h);
                    }
                }
                Kind::Text if self.platform == Platform::Threads => {
                    self.threads_header(i);
                }
                Kind::Doubled if !linkedin_run && !self.time_within(i, 8) => {
                    // Doubled text with no time below is the post's own (`Yes\nYes`).
                    self.kinds[i] = Kind::Text;
                    self.known -= usize::from(self.consumed[i].is_none());
                    li_texts.push(i);
                }
                Kind::Doubled if !linkedin_run => {
                    let line = self.lines[i];
                    let name = headers::doubled(line).unwrap_or(line);
                    self.open.set(
                        i,
                        Header {
                            author: Author {
                                name: Some(linkedin_name(name)),
                                handle: None,
                            },
                            time: None,
                            quoted: false,
                        },
                    );
                    linkedin_run = true;
                    li_opened = true;
                }
                Kind::Time(..) if linkedin => {
                    let short = li_texts
                        .iter()
                        .all(|&j| self.lines[j].chars().count() <= 150);
                    if !li_opened && (1..=3).contains(&li_texts.len()) && short {
                        let first = li_texts[0];
                        self.open.set(
                            first,
                            Header {
                                author: Author {
                                    name: Some(linkedin_name(self.lines[first])),
                                    handle: None,
                                },
                                time: None,
                                quoted: false,
                            },
                        );
                        for &j in &li_texts {
                            self.take(j, Taken::Header);
                        }
                        li_opened = true;
                    }
                    li_texts.clear();
                }
                Kind::Text => {
                    linkedin_run = false;
                    if linkedin {
                        li_texts.push(i);
                    }
                }
                Kind::Separator(..) => {
                    linkedin_run = false;
                    li_opened = false;
                    li_texts.clear();
                }
                Kind::Media(_) => li_texts.clear(),
                // The short lines above a time are read only on LinkedIn: elsewhere none is
                // kept, and no cruft line is asked whether it ends them.
                k if linkedin && self.side.is_cruft(k, &["reactions", "count"]) => li_texts.clear(),
                _ => {}
            }
        }
    }

    /// Is there a time among the `n` lines after `i` (a LinkedIn header's time)?
    fn time_within(&self, i: usize, n: usize) -> bool {
        self.kinds[i + 1..]
            .iter()
            .take(n)
            .any(|k| matches!(k, Kind::Time(..)))
    }

    fn handle_header(&mut self, i: usize, h: HeaderLine) {
        let is_text = |k: &Kind| matches!(k, Kind::Text);
        // the name above a bare handle
        let name_at = match (h.bare, self.prev(i)) {
            (true, Some(j))
                if is_text(&self.kinds[j])
                    && self.consumed[j].is_none()
                    && !self.open.is_open(j)
                    && plausible_name(self.lines[j]) =>
            {
                Some(j)
            }
            _ => None,
        };
        // `·` and the time below it
        let mut dot_at = None;
        let mut time_at = None;
        if h.time.is_none() {
            let mut k = self.next(i);
            if let Some(d) = k.filter(|&d| self.kinds[d] == Kind::Dot) {
                dot_at = Some(d);
                k = self.next(d);
            }
            time_at = k.filter(|&t| self.kinds[t] == Kind::Time(false, Stamp::ANY));
        }
        let start = name_at.unwrap_or(i);
        // Mastodon shows the time above the name.
        let time_above = match (time_at, h.time.is_none(), self.prev(start)) {
            (None, true, Some(t))
                if self.kinds[t] == Kind::Time(false, Stamp::ANY) && self.consumed[t].is_none() =>
            {
                Some(t)
            }
            _ => None,
        };
        let stands_alone = self.prev(start).is_none_or(|p| {
            !matches!(
                self.kinds[p],
                Kind::Text | Kind::Handle(_) | Kind::Time(..) | Kind::Dot
            )
        });
        let mastodon = crate::clean::has(&h.handle[1..], '@');
        let timed = h.time.is_some() || time_at.is_some() || time_above.is_some();
        // Text that was not recognised as a platform's needs a time to call a line a header.
        let accepted = timed
            || (self.platform != Platform::Plain
                && ((h.bare && name_at.is_some() && (stands_alone || mastodon))
                    || (!h.bare && mastodon && stands_alone)));
        if !accepted {
            self.kinds[i] = Kind::Text;
            return;
        }
        let time_line = time_at.or(time_above);
        let time = h.time.or_else(|| time_line.map(|t| self.time_text(t)));
        let name = h.name.or_else(|| name_at.map(|j| self.lines[j].into()));
        let first = time_above.unwrap_or(start);
        // `Quote` above the header (past interface lines such as `Square profile picture`)
        let mut q = self.prev(first);
        while let Some(p) = q.filter(|&p| matches!(self.kinds[p], Kind::Cruft(_))) {
            q = self.prev(p);
        }
        let quoted = q.is_some_and(|p| self.kinds[p] == Kind::Quote);
        for j in [name_at, Some(i), dot_at].into_iter().flatten() {
            self.take(j, Taken::Header);
        }
        if let Some(t) = time_line {
            self.take(t, Taken::Timestamp);
        }
        self.open.set(
            first,
            Header {
                author: Author {
                    name,
                    handle: Some(h.handle),
                },
                time,
                quoted,
            },
        );
    }

    fn threads_header(&mut self, i: usize) {
        let line = self.lines[i];
        if !headers::is_username(line) || self.consumed[i].is_some() {
            return;
        }
        let mut k = self.next(i);
        let mut skipped = Vec::new();
        while let Some(j) =
            k.filter(|&j| self.kinds[j] == Kind::Dot || self.side.is_cruft(self.kinds[j], &["ui"]))
        {
            skipped.push(j);
            k = self.next(j);
        }
        let Some(t) = k.filter(|&t| self.kinds[t] == Kind::Time(false, Stamp::ANY)) else {
            return;
        };
        let time = Some(self.time_text(t));
        self.take(i, Taken::Header);
        self.take(t, Taken::Timestamp);
        self.open.set(
            i,
            Header {
                author: Author {
                    name: None,
                    handle: Some(headers::with_at(line)),
                },
                time,
                quoted: false,
            },
        );
    }

    /// Line `j` is taken by a header: counted among the lines known to go if pass 1 left it
    /// to be text or a header (a doubled LinkedIn line it made text is uncounted then).
    fn take(&mut self, j: usize, taken: Taken) {
        if self.consumed[j].is_none()
            && matches!(self.kinds[j], Kind::Blank | Kind::Text | Kind::Handle(_))
        {
            self.known += 1;
        }
        self.consumed[j] = Some(taken);
    }

    /// Decides which marker candidates are the thread's numbering.
    fn find_markers(&mut self) {
        let first_text = (0..self.lines.len()).find(|&i| self.kinds[i] == Kind::Text);
        let dots = first_text
            .and_then(|i| markers::leading(self.lines[i]))
            .is_some_and(|m| m.style == Style::Dot && m.n == 1);
        let mut cands: Vec<(usize, Marker, bool)> = Vec::new();
        for &(i, lead, trail) in &self.side.marks {
            if !matches!(self.kinds[i], Kind::Text | Kind::Handle(_)) {
                continue;
            }
            if let Some(m) = lead.filter(|m| m.style != Style::Dot || dots) {
                cands.push((i, m, true));
            } else if let Some(m) = trail {
                cands.push((i, m, false));
            }
        }
        self.side.marks = Vec::new();
        let mut last: Option<usize> = None;
        for c in 0..cands.len() {
            let (i, m, lead) = cands[c];
            let follows = last.is_some_and(|n| m.n == n + 1);
            let precedes = cands.get(c + 1).is_some_and(|next| next.1.n == m.n + 1);
            let ok = match m.style {
                Style::Keycap => true,
                // A lone `1/` opens a thread only on its first line; `1/2 cup` is a fraction.
                Style::Slash => {
                    follows || precedes || (m.n == 1 && m.total.is_none() && Some(i) == first_text)
                }
                Style::Dot => follows || precedes,
            };
            if ok {
                // Each candidate is a line of its own.
                self.marked += 1;
                self.markers[i] = Some(lead);
                last = Some(m.n);
            }
        }
    }

    fn active(&mut self) -> Option<&mut Draft> {
        match self.inner {
            Some(ref mut d) => Some(d),
            None => self.top.as_mut(),
        }
    }

    fn ensure(&mut self) -> &mut Draft {
        match self.inner {
            Some(ref mut d) => d,
            None => self.top.get_or_insert_with(Draft::default),
        }
    }

    /// Opens a post for a header.
    fn start(&mut self, h: Header) {
        let draft = Draft::of(Post {
            author: Some(h.author),
            time: h.time,
            ..Post::default()
        });
        if h.quoted && self.top.is_some() {
            self.attach_inner();
            if self.top.as_ref().is_some_and(|t| t.post.quoted.is_none()) {
                self.inner = Some(draft);
                return;
            }
            // A post quotes one post. A second quote block in it (its own post's header was
            // not copied) becomes a post of its own instead of replacing the first quote.
        }
        self.close();
        self.top = Some(draft);
    }

    fn attach_inner(&mut self) {
        if let Some(mut inner) = self.inner.take() {
            if let Some(top) = self.top.as_mut() {
                top.pieces.append(&mut inner.pieces);
                if !inner.is_empty() {
                    top.post.quoted = Some(Box::new(inner.into_post()));
                }
            }
        }
    }

    /// Ends the current post.
    fn close(&mut self) {
        self.attach_inner();
        let Some(top) = self.top.take() else {
            return;
        };
        // The lines of the post (and of the post it quotes), given back empty for the next.
        let lines = std::mem::take(&mut self.draft_lines);
        self.close_lines(top, &lines);
        self.draft_lines = lines;
        self.draft_lines.clear();
    }

    /// [`Assembler::close`] of `top`, whose text came from `lines`.
    fn close_lines(&mut self, top: Draft, lines: &[usize]) {
        if top.profile {
            // A profile block goes whole, each line as pasted. Pieces of its lines reported
            // while they were read as text are folded into that, so nothing is reported
            // twice: they are marked (line 0) and dropped when segmentation finishes.
            for &j in &top.pieces {
                self.removed[j].line = 0;
                self.folded = true;
            }
            for &l in lines {
                self.remove(l, self.lines[l], Why::PROFILE);
            }
            return;
        }
        if !top.is_empty() {
            let mut post = top.into_post();
            self.finish_post(&mut post);
            self.posts.push(post);
        } else if let Some(m) = top.post.marker.as_deref() {
            // A marker with nothing after it (`1/` alone) makes no post, but its line is
            // reported, not dropped.
            if let Some(&l) = lines
                .iter()
                .find(|&&l| crate::clean::find(self.lines[l], m).is_some())
            {
                self.remove(l, m, Why::MARKER);
            }
        }
    }

    /// What a post gets as it closes, while it is in the cache (done once all posts were
    /// made, it read each post again, from memory on a big paste): its number (its text was
    /// trimmed as the draft became it), and whether someone other than the thread's author
    /// (the first post's that names one) wrote it.
    fn finish_post(&mut self, post: &mut Post) {
        let number = self.posts.len() + 1;
        post.number = number;
        if let Some(q) = post.quoted.as_mut() {
            q.number = number;
        }
        if self.author.is_none() {
            self.author.clone_from(&post.author);
        }
        post.reply = match (&post.author, &self.author) {
            (Some(a), Some(b)) => !same_author(a, b),
            _ => false,
        };
    }

    /// A line of post text.
    fn text(&mut self, i: usize, line: &'a str, blank_splits: bool, has_headers: bool) {
        let mark = self.removed.len();
        let (mut body, tail) = clean::strip_glued(line);
        if let Some(tail) = tail {
            self.remove(i, tail, Why::UI);
        }
        // LinkedIn's hidden `hashtag` label, glued to the tag in a copy: `hashtag#rust`.
        let unglued;
        if self.platform == Platform::Linkedin && crate::clean::find(body, "hashtag#").is_some() {
            let n;
            (unglued, n) = crate::clean::replace(body, "hashtag#", "#");
            for _ in 0..n {
                self.remove(i, "hashtag", Why::UI);
            }
            body = &unglued;
        }
        let mut close_after = false;
        if let Some(n) = markers::end_tail(body) {
            let (head, tail) = body.split_at(body.len() - n);
            self.remove(i, trim(tail), Why::MARKER);
            body = head.trim_end();
            close_after = !has_headers;
        }
        let mut marker = None;
        // The marker was found on the raw line; find it again on what is left of it.
        let found = self.markers[i].and_then(|lead| {
            let m = if lead {
                markers::leading(body)
            } else {
                markers::trailing(body)
            };
            m.map(|m| (m, lead))
        });
        if let Some((m, lead)) = found {
            let last_of_post = self.next(i).is_none_or(|k| {
                !matches!(self.kinds[k], Kind::Text | Kind::Handle(_)) || self.open.is_open(k)
            });
            // A marker alone on its line, under a post that has none: it ends that post.
            let alone = lead && m.len >= body.trim_end().len();
            let ends_post = alone
                && self
                    .active()
                    .is_some_and(|d| !d.text.is_empty() && d.post.marker.is_none());
            if ends_post {
                if let Some(d) = self.active() {
                    d.post.marker = Some(trim(body).into());
                }
                // The line is the post's: a profile block that it ends reports it too.
                self.draft_lines.push(i);
                self.note_pieces(mark, i);
                if !has_headers {
                    self.close();
                }
                return;
            }
            if lead {
                let has_text = self.active().is_some_and(|d| !d.text.is_empty());
                if has_text && !has_headers {
                    self.close();
                }
                if !has_text || !has_headers {
                    marker = Some(body[..m.len].trim_end());
                    body = &body[m.len..];
                }
            } else if !has_headers || last_of_post {
                let cut = body.len().saturating_sub(m.len);
                if body.is_char_boundary(cut) {
                    marker = Some(trim(&body[cut..]));
                    body = &body[..cut];
                    close_after |= !has_headers;
                }
            }
        }
        let split = blank_splits
            && self
                .active()
                .is_some_and(|d| d.blank && !d.text.is_empty() && !continues_list(&d.text, body));
        if split {
            // The next paragraph-post keeps the author of the header above them all.
            let author = self.top.as_ref().and_then(|d| d.post.author.clone());
            self.close();
            self.top = Some(Draft::of(Post {
                author,
                ..Post::default()
            }));
        }
        let draft = self.ensure();
        // A post keeps its first marker; a second one (`… 2/` in a post that began `1/`) is
        // reported as removed, never dropped.
        let second_marker = match marker {
            Some(m) if draft.post.marker.is_some() => Some(m),
            Some(m) => {
                draft.post.marker = Some(m.into());
                None
            }
            None => None,
        };
        if !draft.text.is_empty() {
            draft.text.push_str(if draft.blank { "\n\n" } else { "\n" });
        }
        draft.text.push_str(trim(body));
        draft.blank = false;
        self.draft_lines.push(i);
        if let Some(m) = second_marker {
            self.remove(i, m, Why::MARKER);
        }
        self.note_pieces(mark, i);
        if close_after {
            self.close();
        }
    }

    /// Records in the active draft the pieces of line `i` removed since `mark` (a close in
    /// between may have added other lines' removals: only line `i`'s are its pieces).
    fn note_pieces(&mut self, mark: usize, i: usize) {
        for j in mark..self.removed.len() {
            if self.removed[j].line as usize == i + 1 {
                if let Some(d) = self.active() {
                    d.pieces.push(j);
                }
            }
        }
    }

    fn finish(mut self) -> (Segmented, Cuts) {
        let author = self.author.take().or_else(|| {
            self.follow.take().map(|h| Author {
                name: None,
                handle: Some(h),
            })
        });
        // The posts were given room for as many as headers and markers suggested.
        self.posts.shrink_to_fit();
        // Mostly in order already (only cut pieces and profile blocks come out of it): a
        // stable sort of sorted lines changes nothing, so only unsorted ones are sorted (and
        // its buffers, 24 bytes a removed line, are not made for nothing). Whether they are
        // was noted as each was cut; only a folded profile block's pieces (line 0, dropped
        // here) take a walk over them all.
        let mut unsorted = self.unsorted;
        if self.folded {
            self.removed.retain(|r| r.line != 0);
            unsorted = !self.removed.windows(2).all(|w| w[0].line <= w[1].line);
        }
        if unsorted {
            crate::sort::sort_by_key(&mut self.removed, |r| u64::from(r.line));
        }
        let seg = Segmented {
            platform: self.platform,
            author,
            posts: self.posts,
            removed: Vec::new(),
            warnings: Vec::new(),
        };
        let cuts = Cuts {
            list: self.removed,
            owned: self.owned,
            reasons: self.side.reasons,
        };
        (seg, cuts)
    }
}

/// Trims `s`, copying it only when there is something to trim.
#[cfg(target_arch = "wasm32")]
fn trim_in_place(s: &mut String) {
    let t = trim(s);
    if t.len() != s.len() {
        *s = t.to_owned();
    } else {
        // A post's text grew line by line: give back what it grew past (a 10 MB paste holds
        // tens of thousands of posts at once).
        s.shrink_to_fit();
    }
}

/// A LinkedIn name without the badges after it (`Alex Example ✪` → `Alex Example`).
fn linkedin_name(name: &str) -> ShortText {
    let name = crate::clean::find(name, " • ")
        .map_or(name, |at| &name[..at])
        .trim();
    let name = headers::doubled(name).unwrap_or(name);
    name.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')')
        .into()
}

/// Same person: same handle (ignoring case), or same name when there are no handles.
pub fn same_author(a: &Author, b: &Author) -> bool {
    match (&a.handle, &b.handle) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => a.name.is_some() && a.name == b.name,
    }
}

/// Does `line` continue a list that the post's last paragraph holds or announces?
fn continues_list(text: &str, line: &str) -> bool {
    let item = |l: &str| {
        markers::leading(l).is_some_and(|m| m.style == Style::Dot)
            || l.starts_with("- ")
            || l.starts_with("• ")
            || l.starts_with("* ")
    };
    if !item(line) {
        return false;
    }
    let last_para = crate::clean::rfind(text, "\n\n").map_or(text, |at| &text[at + 2..]);
    item(last_para) || last_para.trim_end().ends_with(':')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::pick;

    /// [`label_like`] as it was, with a char array for its marks.
    fn old_label_like(t: &str) -> bool {
        t.chars().count() <= 40
            && t.split_whitespace().count() <= 4
            && !t.ends_with(['.', '!', '?', ':', ',', ';', '"', '”'])
            && crate::clean::find(t, "://").is_none()
    }

    /// [`plausible_name`] as it was, with a char array for its marks.
    fn old_plausible_name(t: &str) -> bool {
        t.chars().count() <= 60 && !t.ends_with([':', ',', ';']) && markers::leading(t).is_none()
    }

    #[test]
    fn labels_and_names_end_as_their_char_arrays_said() {
        let pieces = [
            "a", "Ab", " ", ".", "!", "?", ":", ",", ";", "\"", "”", "“", "’", "…", "é", "1/",
            "x://", "·", "🧵", "。", "\u{a0}",
        ];
        let mut next = crate::test_rng::xorshift(0xA076_1D64_78BD_642F);
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..next() % 8 {
                t.push_str(pick(&pieces, &mut next));
            }
            assert_eq!(label_like(&t), old_label_like(&t), "{t:?}");
            assert_eq!(plausible_name(&t), old_plausible_name(&t), "{t:?}");
        }
    }

    /// `find_markers` as it was: every text or handle line's ends read again after pass 2
    /// (the reference for the candidates pass 1 now collects).
    fn old_find_markers(lines: &[&str], kinds: &[Kind]) -> Vec<Option<bool>> {
        let mut out = vec![None; lines.len()];
        let first_text = (0..lines.len()).find(|&i| kinds[i] == Kind::Text);
        let dots = first_text
            .and_then(|i| markers::leading(lines[i]))
            .is_some_and(|m| m.style == Style::Dot && m.n == 1);
        let mut cands: Vec<(usize, Marker, bool)> = Vec::new();
        for i in 0..lines.len() {
            if !matches!(kinds[i], Kind::Text | Kind::Handle(_)) {
                continue;
            }
            let line = lines[i];
            if let Some(m) = markers::leading(line).filter(|m| m.style != Style::Dot || dots) {
                cands.push((i, m, true));
            } else if let Some(m) = markers::trailing(line) {
                cands.push((i, m, false));
            }
        }
        let mut last: Option<usize> = None;
        for c in 0..cands.len() {
            let (i, m, lead) = cands[c];
            let follows = last.is_some_and(|n| m.n == n + 1);
            let precedes = cands.get(c + 1).is_some_and(|next| next.1.n == m.n + 1);
            let ok = match m.style {
                Style::Keycap => true,
                Style::Slash => {
                    follows || precedes || (m.n == 1 && m.total.is_none() && Some(i) == first_text)
                }
                Style::Dot => follows || precedes,
            };
            if ok {
                out[i] = Some(lead);
                last = Some(m.n);
            }
        }
        out
    }

    /// A random paste of lines that numbers, headers, handles, LinkedIn's doubled names and
    /// interface lines are made of.
    fn random_paste(next: &mut impl FnMut() -> u64) -> String {
        let pool = [
            "",
            "",
            "1/",
            "2/ more",
            "the end 3/",
            "1. one",
            "2. two",
            "3.",
            "(2/12) so",
            "4/4",
            "🧵",
            "1️⃣ keycap",
            "text 🧵",
            "Ada Lovelace",
            "@ada",
            "·",
            "5h",
            "2.3K",
            "Show more",
            "plain words here",
            "Quote",
            "Ada LovelaceAda Lovelace",
            "1h",
            "Like",
            "Reply",
            "10:42 AM · May 5, 2023",
            "Grace @grace · 2h",
            "and 5/",
            "[3/3]",
            "see 1/2 cup",
            "  7/  ",
            "Image",
            "Replying to",
            "@bob",
            "Follow",
            "1/ A start 🧵",
            "end.",
            "2. next 3/",
            "1. so 2/",
            "4. four 5/",
        ];
        let mut paste = String::new();
        for _ in 0..next() % 60 {
            paste.push_str(pick(&pool, next));
            paste.push('\n');
        }
        paste
    }

    #[test]
    fn markers_found_from_pass_one_are_those_read_again_after_pass_two() {
        let mut next = crate::test_rng::xorshift(0x3A7C_E125_0B1D_44E1);
        for round in 0..4_000 {
            let paste = random_paste(&mut next);
            let platform = [None, Some(Platform::Linkedin), Some(Platform::Plain)][round % 3];
            let lines = trimmed_lines(&paste);
            let platform = platform.unwrap_or_else(|| detect::detect(&paste, &lines));
            let mut side = Side::new();
            let kinds = classify(&paste, &lines, platform, &mut side);
            let mut a = Assembler::new(&paste, lines, kinds, side, platform);
            a.find_headers();
            let old = old_find_markers(&a.lines, &a.kinds);
            a.find_markers();
            assert_eq!(a.markers, old, "{paste:?}");
        }
    }

    #[test]
    fn lines_are_counted_on_a_small_paste_and_estimated_from_the_head_of_a_big_one() {
        let mut next = crate::test_rng::xorshift(0x11E5_C0DE_5EED_0001);
        for _ in 0..200 {
            let n = (next() % 3_000) as usize;
            let t: Vec<u8> = (0..n)
                .map(|_| if next() % 7 == 0 { b'\n' } else { b'a' })
                .collect();
            assert_eq!(
                lines_expected(&t),
                memchr::memchr_iter(b'\n', &t).count() + 1
            );
        }
        // A big paste of even lines: its count, give or take, and never short of it.
        let big = "a line of text\n".repeat(200_000);
        let lines = big.lines().count() + 1;
        let expected = lines_expected(big.as_bytes());
        assert!(
            expected >= lines && expected <= lines + lines / 8 + 1,
            "{expected} {lines}"
        );
    }

    #[test]
    fn counts_kept_as_the_tables_are_made_are_those_of_a_walk_over_them() {
        let mut next = crate::test_rng::xorshift(0xC0_u64 << 56 | 0x0A7B_1E5D);
        for round in 0..4_000 {
            let paste = random_paste(&mut next);
            let platform = [None, Some(Platform::Linkedin), Some(Platform::Plain)][round % 3];
            let lines = trimmed_lines(&paste);
            let platform = platform.unwrap_or_else(|| detect::detect(&paste, &lines));
            let mut side = Side::new();
            let kinds = classify(&paste, &lines, platform, &mut side);
            let mut a = Assembler::new(&paste, lines, kinds, side, platform);
            a.find_headers();
            a.find_markers();
            // The walks `run` made before.
            let mut known = 0;
            let mut has_bounds = false;
            for (k, c) in a.kinds.iter().zip(&a.consumed) {
                has_bounds |= matches!(k, Kind::Closer(..) | Kind::Separator(_, true));
                if c.is_some() || !matches!(k, Kind::Blank | Kind::Text | Kind::Handle(_)) {
                    known += 1;
                }
            }
            assert_eq!(a.known, known, "{paste:?}");
            assert_eq!(a.side.bounds, has_bounds, "{paste:?}");
            let opened = a.open.at.iter().filter(|&&k| k != Opens::NONE).count();
            assert_eq!(a.open.count(), opened, "{paste:?}");
            let marked = a.markers.iter().filter(|m| m.is_some()).count();
            assert_eq!(a.marked, marked, "{paste:?}");
        }
    }

    #[test]
    fn posts_finished_as_they_close_are_as_when_finished_at_the_end() {
        // What the end of assembly did to all posts at once, checked on the result.
        let mut next = crate::test_rng::xorshift(0x0F1B_15E7_A11C_E5ED);
        for round in 0..4_000 {
            let paste = random_paste(&mut next);
            let platform = [None, Some(Platform::Linkedin), Some(Platform::Plain)][round % 3];
            let seg = segment(&paste, platform);
            let author = seg.posts.iter().find_map(|p| p.author.clone());
            for (k, post) in seg.posts.iter().enumerate() {
                assert_eq!(post.number, k + 1, "{paste:?}");
                assert_eq!(post.text, trim(&post.text), "{paste:?}");
                if let Some(q) = &post.quoted {
                    assert_eq!(q.number, k + 1, "{paste:?}");
                    assert_eq!(q.text, trim(&q.text), "{paste:?}");
                }
                let reply = match (&post.author, &author) {
                    (Some(a), Some(b)) => !same_author(a, b),
                    _ => false,
                };
                assert_eq!(post.reply, reply, "{paste:?}");
            }
            if author.is_some() {
                assert_eq!(seg.author, author, "{paste:?}");
            }
            assert!(seg.removed.iter().all(|r| r.line > 0), "{paste:?}");
            assert!(
                seg.removed.windows(2).all(|w| w[0].line <= w[1].line),
                "{paste:?}"
            );
        }
    }

    fn texts(s: &Segmented) -> Vec<&str> {
        s.posts.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn the_reasons_assembly_gives_are_known_by_place() {
        let mut side = Side::new();
        for (why, reason) in [
            (Why::HEADER, "header"),
            (Why::TIMESTAMP, "timestamp"),
            (Why::MEDIA, "media"),
            (Why::UI, "ui"),
            (Why::MARKER, "marker"),
            (Why::PROFILE, "profile"),
        ] {
            assert_eq!(side.reason(why), reason);
            // The same reason written elsewhere (another copy of the word) is found too.
            assert_eq!(side.why(String::from(reason).leak()), why, "{reason}");
        }
        assert_eq!(side.reasons.len(), Why::FIRST.len(), "none added twice");
    }

    #[test]
    fn a_time_is_read_where_the_classifier_found_it() {
        assert_eq!(
            std::mem::size_of::<Kind>(),
            8,
            "a kind is eight bytes a line"
        );
        let far = format!("{}5h", "· ".repeat(200));
        let long = format!("Mar 17, 2024{}", " ·".repeat(200));
        for (line, stamped) in [
            ("5h", true),
            ("· 19h", true),
            ("10:42 AM · May 5, 2023·4M Views", true),
            ("Mar 17, 2024 · Edited", true),
            ("\u{a0}· 2d", true),
            (far.as_str(), false),
            (long.as_str(), true),
        ] {
            let mut side = Side::new();
            let lines = trimmed_lines(line);
            let kinds = classify(line, &lines, Platform::X, &mut side);
            let Kind::Time(_, Stamp(_, len)) = kinds[0] else {
                panic!("{line:?} is a time line");
            };
            assert_eq!(len > 0, stamped, "{line:?}: its time's place kept");
            let a = Assembler::new(line, lines.clone(), kinds, side, Platform::X);
            let want = headers::time_span(lines[0]).map(|(t, _)| t);
            assert_eq!(Some(a.time_text(0).as_str()), want, "{line:?}");
        }
    }

    #[test]
    fn lines_are_cut_and_trimmed_as_lines_and_trim_do() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\n\n",
            "\n\na\r\n b \r\n\tc\t",
            "x\r",
            "\u{a0}nbsp\u{a0}\n\u{3000}wide\u{2009}\n\u{b}vt\u{b}\n\u{85}",
            "é\n ü \n👇\n",
        ] {
            let want: Vec<&str> = text.lines().map(str::trim).collect();
            assert_eq!(trimmed_lines(text), want, "the same lines for {text:?}");
        }
    }

    #[test]
    fn trim_trims_as_str_trim_does() {
        for line in [
            "",
            " ",
            "a",
            "ab",
            "a b",
            " a",
            "a ",
            "\u{7f}",
            "\u{7f}a\u{7f}",
            "\u{1c}a\u{1f}",
            "\u{b}a",
            "a\u{b}",
            "\u{a0}a",
            "a\u{3000}",
            "é",
            "é ",
            " 👇",
            "~x~",
            "\tx\n",
            "🧵 ",
            "a 🧵",
            "\u{85}a\u{85}",
            "\u{2029} é\u{205f}",
            "Ａ",
            "\u{1680}\u{180e}",
        ] {
            assert_eq!(
                trim(line),
                line.trim(),
                "{line:?} trimmed as str::trim trims it"
            );
        }
        // Every char at either end, alone and beside a space (the byte gates must let every
        // white space char through to `str::trim`, and keep every other char).
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for line in [
                format!("{c}"),
                format!("{c}a"),
                format!("a{c}"),
                format!(" {c} "),
                format!("{c} a {c}"),
            ] {
                assert_eq!(
                    trim(&line),
                    line.trim(),
                    "U+{:04X} at the ends of {line:?} trimmed as str::trim trims it",
                    u32::from(c)
                );
            }
        }
    }

    #[test]
    fn markers() {
        assert_eq!(leading_marker("1/ hi"), Some(3));
        assert_eq!(leading_marker("(2/12) hi"), Some(7));
        assert_eq!(leading_marker("3/5"), Some(3));
        assert_eq!(leading_marker("1/2x"), None);
        assert_eq!(leading_marker("and/or"), None);
    }

    #[test]
    fn numbered_posts_keep_their_paragraphs() {
        let s = segment("1/ first\n\nstill first\n2/ second", None);
        assert_eq!(texts(&s), ["first\n\nstill first", "second"]);
        assert_eq!(s.posts[1].marker.as_deref(), Some("2/"));
    }

    #[test]
    fn blank_lines_split_plain_threads_and_cruft_is_removed() {
        let s = segment("one\n\ntwo\nSee All\n250", None);
        assert_eq!(s.posts.len(), 2);
        assert_eq!(s.removed.len(), 2);
        assert_eq!(s.removed[0].line, 4);
    }

    #[test]
    fn a_list_stays_in_its_post() {
        let s = segment(
            "Intro\n\nMy notes:\n\n1. one\n\n2. two\n3. three\n\nBye",
            None,
        );
        assert_eq!(
            texts(&s),
            ["Intro", "My notes:\n\n1. one\n\n2. two\n3. three", "Bye"],
            "a numbered list after a colon is one post, written as it was"
        );
    }

    #[test]
    fn x_headers_open_posts_and_quotes_nest() {
        let s = segment(
            "Ada\n@ada\n·\n5h\nhello world\n2.3K\nQuote\nBob\n@bob\n·\n1h\nquoted text\nImage\nAda\n@ada\n·\n4h\nsecond",
            None,
        );
        assert_eq!(s.platform, Platform::X);
        assert_eq!(texts(&s), ["hello world", "second"]);
        let q = s.posts[0].quoted.as_ref().expect("a quoted post");
        assert_eq!(q.text, "quoted text");
        assert_eq!(q.media.len(), 1, "the image belongs to the quoted post");
        assert_eq!(s.posts[0].time.as_deref(), Some("5h"));
        assert_eq!(
            s.author.and_then(|a| a.handle).as_deref(),
            Some("@ada"),
            "the thread author is the first post's"
        );
    }

    #[test]
    fn a_name_above_a_handle_with_its_time() {
        let s = segment("Ada Lovelace\n@ada · 5h\nhello\nBob B\n@bob · 4h\nhi", None);
        assert_eq!(
            texts(&s),
            ["hello", "hi"],
            "names are header lines, not text"
        );
        let a = s.posts[1].author.as_ref().expect("an author");
        assert_eq!(a.name.as_deref(), Some("Bob B"));
    }

    #[test]
    fn a_first_post_copied_without_its_header_stays() {
        let s = segment(
            "For you\nFollowing\nmy list\nSee new posts\nBig news\nTranslate post\nAda\n@ada\n·\n5h\nsecond",
            None,
        );
        assert_eq!(
            texts(&s),
            ["Big news", "second"],
            "a short line between tabs is a tab; a short first post is a post"
        );
        assert!(s.removed.iter().any(|r| r.text == "my list"));
    }

    #[test]
    fn a_glued_tail_shorter_than_the_marker_does_not_panic() {
        let s = segment("1/ Show more\n2/ two", None);
        assert_eq!(s.posts.last().map(|p| p.text.as_str()), Some("two"));
    }

    #[test]
    fn headers_with_times_are_found_in_any_paste() {
        let s = segment("Ada\n@ada\n5h\nhello\n\nworld", None);
        assert_eq!(texts(&s), ["hello\n\nworld"]);
        assert_eq!(s.platform, Platform::X);
        let s = segment("Thanks to\n@ada\nfor this.", None);
        assert_eq!(s.platform, Platform::Plain);
        assert_eq!(
            texts(&s),
            ["Thanks to\n@ada\nfor this."],
            "no time, no header"
        );
    }

    #[test]
    fn replying_to_over_several_lines_is_removed() {
        let s = segment(
            "Ada\n@ada\n·\n5h\nfirst\nBob\n@bob\n·\n4h\nReplying to\n@ada\nand\n@carol\nnice",
            None,
        );
        assert_eq!(texts(&s), ["first", "nice"]);
        assert!(s.posts[1].reply, "Bob's post is a reply");
        let reasons: Vec<&str> = s.removed[8..].iter().map(|r| &*r.reason).collect();
        assert_eq!(reasons, ["ui", "ui", "ui", "ui"], "{:?}", s.removed);
    }

    #[test]
    fn linkedin_names_lose_badges_degrees_and_doubling() {
        assert_eq!(linkedin_name("Alex Example ✪"), "Alex Example");
        assert_eq!(
            linkedin_name("Ada LovelaceAda Lovelace • 1st"),
            "Ada Lovelace"
        );
        assert_eq!(linkedin_name("Grace Hopper • 3rd+"), "Grace Hopper");
    }

    #[test]
    fn a_repeated_line_in_a_linkedin_post_is_text() {
        let s = segment(
            "Feed post number 1\nAda\nAda\n2d •\nShip it?\nYes\nYes\nAnd again.\nlike\n3",
            Some(Platform::Linkedin),
        );
        assert_eq!(texts(&s), ["Ship it?\nYes\nYes\nAnd again."]);
    }

    #[test]
    fn a_marker_alone_under_a_post_ends_it() {
        let s = segment("Post one\n1/\nPost two\n2/\nPost three\n3/", None);
        assert_eq!(texts(&s), ["Post one", "Post two", "Post three"]);
        assert_eq!(s.posts[1].marker.as_deref(), Some("2/"));
        let s = segment("1/\nfirst\n2/\nsecond", None);
        assert_eq!(texts(&s), ["first", "second"], "above its post it opens it");
    }

    #[test]
    fn a_fraction_is_no_marker() {
        let s = segment("Pancakes\n\nMix 1/2 cup flour.\n1/2 cup milk too.", None);
        assert_eq!(
            texts(&s),
            ["Pancakes", "Mix 1/2 cup flour.\n1/2 cup milk too."]
        );
        assert!(s.posts[1].marker.is_none());
    }

    #[test]
    fn a_handle_in_text_is_not_a_header() {
        let s = segment(
            "Ada\n@ada\n·\n5h\nthanks to\n@bob\nfor this",
            Some(Platform::X),
        );
        assert_eq!(texts(&s), ["thanks to\n@bob\nfor this"]);
    }

    #[test]
    fn trailing_markers_end_posts() {
        let s = segment("first part 1/3\nsecond part 2/3\nlast one 3/3", None);
        assert_eq!(texts(&s), ["first part", "second part", "last one"]);
        assert_eq!(s.posts[2].marker.as_deref(), Some("3/3"));
    }
}

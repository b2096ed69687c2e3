//! The model: what a pasted thread becomes, and the options that shape it.
//!
//! `Thread` serialises to the JSON of the design (§4): `platform`, `title`, `author`,
//! `posts[{number, author, time, text, spans, quoted, media}]`, `removed[{line, text,
//! reason}]`, `repairs[{at, from, to, kind, confidence, alternatives, count}]` and
//! `warnings[{kind, post, text}]`. Two-word names are camelCase. Offsets count UTF-16 code
//! units, as JavaScript strings do.
//!
//! Invariant kept by every stage: the `text` of a post's spans, joined, is the post's `text`.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Where a paste came from, as detected from its text or chosen by the person.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    /// X, formerly Twitter.
    X,
    /// Bluesky (bsky.app).
    Bluesky,
    /// Mastodon and other fediverse servers.
    Mastodon,
    /// Threads (threads.net).
    Threads,
    /// LinkedIn posts and feeds.
    Linkedin,
    /// An unrolled page (Thread Reader App, twtext, a news page with embedded posts).
    Threadreader,
    /// Anything else: blank-line or numbered threads.
    #[default]
    Plain,
}

impl Platform {
    /// Every platform, in the order the CLI lists them.
    pub const ALL: [Platform; 7] = [
        Platform::X,
        Platform::Bluesky,
        Platform::Mastodon,
        Platform::Threads,
        Platform::Linkedin,
        Platform::Threadreader,
        Platform::Plain,
    ];

    /// The lowercase name used in JSON and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Platform::X => "x",
            Platform::Bluesky => "bluesky",
            Platform::Mastodon => "mastodon",
            Platform::Threads => "threads",
            Platform::Linkedin => "linkedin",
            Platform::Threadreader => "threadreader",
            Platform::Plain => "plain",
        }
    }

    /// Parses a lowercase name (`twitter` is accepted for `x`).
    pub fn from_name(name: &str) -> Option<Platform> {
        match name {
            "twitter" => Some(Platform::X),
            _ => Platform::ALL.into_iter().find(|p| p.name() == name),
        }
    }
}

/// Who wrote a thread or a post.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct Author {
    /// Display name, as shown on the page.
    pub name: Option<ShortText>,
    /// Handle with its `@` (`@ada`, `@ada@mastodon.social`, `@ada.bsky.social`).
    pub handle: Option<ShortText>,
}

/// A short text of the model — a post's time or marker, an author's name or handle, a media
/// kind, a repair's texts: natively a [`SmallText`] (most are a few bytes, kept in place with
/// no allocation: a 10 MB paste holds hundreds of thousands of them, each once allocated and
/// freed, and freeing them was what grew faster than the paste); in the browser a `String`,
/// whose code is in the `.wasm` anyway (SmallText's cost it ~265 B gz). It reads as a `&str`
/// either way (`Deref`, `as_deref`). (A span's texts are [`SpanText`].)
#[cfg(not(target_arch = "wasm32"))]
pub type ShortText = SmallText;
/// A short text of the model (see the native definition).
#[cfg(target_arch = "wasm32")]
pub type ShortText = String;

/// The texts of a [`Span`]: natively a [`SharedText`], a range of one copy of the post's text
/// that all its spans share (one allocation a post, not one a long span); in the browser a
/// `String`.
#[cfg(not(target_arch = "wasm32"))]
pub type SpanText = SharedText;
/// The texts of a [`Span`] (see the native definition).
#[cfg(target_arch = "wasm32")]
pub type SpanText = String;

/// A post's text ([`Post::text`]): natively a [`SharedText`], the one copy of it that the
/// post and all its spans share (a post's text was a `String` and a copy of it made for its
/// spans: two blocks and twice the bytes a post, on a big paste 10 MB more to write, keep
/// and free); in the browser a `String`, its spans' texts their own.
#[cfg(not(target_arch = "wasm32"))]
pub type PostText = SharedText;
/// A post's text (see the native definition).
#[cfg(target_arch = "wasm32")]
pub type PostText = String;

/// A made `String` as a [`SpanText`] (kept as it is in the browser).
pub fn span_text(s: String) -> SpanText {
    #[cfg(not(target_arch = "wasm32"))]
    return SharedText::from(s);
    #[cfg(target_arch = "wasm32")]
    return s;
}

/// What makes a text type of the model read and compare as a `&str`: `Deref` and `AsRef` to
/// its `as_str`, equality with itself and with strings both ways, `Debug` and `Display` as the text,
/// and a JSON string both ways (read through `From<String>`). `SharedText` and `SmallText`
/// share these; the attributes (a `cfg`) go on every impl.
macro_rules! str_like {
    ($(#[$attr:meta])* $ty:ident) => {
        $(#[$attr])*
        impl std::ops::Deref for $ty {
            type Target = str;
            fn deref(&self) -> &str {
                self.as_str()
            }
        }

        $(#[$attr])*
        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        $(#[$attr])*
        impl PartialEq for $ty {
            fn eq(&self, other: &$ty) -> bool {
                self.as_str() == other.as_str()
            }
        }

        $(#[$attr])*
        impl Eq for $ty {}

        $(#[$attr])*
        impl PartialEq<str> for $ty {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        $(#[$attr])*
        impl PartialEq<&str> for $ty {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        $(#[$attr])*
        impl PartialEq<String> for $ty {
            fn eq(&self, other: &String) -> bool {
                self.as_str() == other.as_str()
            }
        }

        $(#[$attr])*
        impl PartialEq<$ty> for String {
            fn eq(&self, other: &$ty) -> bool {
                self.as_str() == other.as_str()
            }
        }

        $(#[$attr])*
        impl PartialEq<$ty> for &str {
            fn eq(&self, other: &$ty) -> bool {
                *self == other.as_str()
            }
        }

        $(#[$attr])*
        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Debug::fmt(self.as_str(), f)
            }
        }

        $(#[$attr])*
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        $(#[$attr])*
        impl Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        $(#[$attr])*
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
                String::deserialize(deserializer).map(<$ty>::from)
            }
        }
    };
}

/// A range of a shared text: what a post's spans hold natively ([`SpanText`]). Cloning or
/// slicing it copies no text; it reads as a `&str` (`Deref`), compares with strings, and is
/// a JSON string.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone)]
pub struct SharedText {
    base: std::sync::Arc<str>,
    start: u32,
    end: u32,
}

#[cfg(not(target_arch = "wasm32"))]
impl SharedText {
    /// `start` and `end` of a text that is its whole base (see [`SharedText::slice`]).
    const WHOLE: u32 = u32::MAX;

    /// `base[range]`, sharing `base`. Panics as `&base[range]` would (a range past the text or
    /// off a char boundary), so that reading it never does. A range whose ends do not fit in
    /// 32 bits (no post is 4 GiB) gets a copy of its own.
    pub fn slice(base: &std::sync::Arc<str>, range: std::ops::Range<usize>) -> SharedText {
        let text = &base[range.clone()];
        match (u32::try_from(range.start), u32::try_from(range.end)) {
            (Ok(start), Ok(end)) if end != SharedText::WHOLE => SharedText {
                base: base.clone(),
                start,
                end,
            },
            _ => SharedText::from(std::sync::Arc::<str>::from(text)),
        }
    }

    /// The shared text this one is the whole of, if it is (a post's own text is; its spans'
    /// are ranges of it).
    pub fn whole(&self) -> Option<&std::sync::Arc<str>> {
        (self.end == SharedText::WHOLE).then_some(&self.base)
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        if self.end == SharedText::WHOLE {
            &self.base
        } else {
            &self.base[self.start as usize..self.end as usize]
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl From<&str> for SharedText {
    fn from(s: &str) -> SharedText {
        SharedText::from(std::sync::Arc::<str>::from(s))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl From<String> for SharedText {
    fn from(s: String) -> SharedText {
        SharedText::from(std::sync::Arc::<str>::from(s))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl From<std::sync::Arc<str>> for SharedText {
    fn from(base: std::sync::Arc<str>) -> SharedText {
        SharedText {
            base,
            start: SharedText::WHOLE,
            end: SharedText::WHOLE,
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for SharedText {
    /// The empty text, one copy shared by every default (each post starts as one): no
    /// allocation each.
    fn default() -> SharedText {
        static EMPTY: std::sync::OnceLock<std::sync::Arc<str>> = std::sync::OnceLock::new();
        SharedText::from(EMPTY.get_or_init(|| std::sync::Arc::from("")).clone())
    }
}

str_like! {
    #[cfg(not(target_arch = "wasm32"))]
    SharedText
}

/// A made `String` as a [`ShortText`]: kept as it is in the browser, where the two are one
/// type (an `into` there is a no-op clippy rightly calls useless).
pub fn short_text(s: String) -> ShortText {
    #[cfg(not(target_arch = "wasm32"))]
    return SmallText::from(s);
    #[cfg(target_arch = "wasm32")]
    return s;
}

/// A run of a post's text with its meaning.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Span {
    /// Plain text (may hold `\n`: one for a line break, two between paragraphs).
    Text {
        /// The text.
        text: SpanText,
    },
    /// A link. `href` is the full address (a scheme added where the text had none).
    Link {
        /// The text as written in the post.
        text: SpanText,
        /// Where it points.
        href: SpanText,
    },
    /// `@name`, `@user@instance`, `@name.bsky.social`.
    Mention {
        /// The mention with its `@`.
        text: SpanText,
    },
    /// `#tag`.
    Hashtag {
        /// The hashtag with its `#`.
        text: SpanText,
    },
    /// `$TICKER`.
    Cashtag {
        /// The cashtag with its `$`.
        text: SpanText,
    },
}

impl Span {
    /// The text this span covers in its post.
    pub fn text(&self) -> &str {
        match self {
            Span::Text { text }
            | Span::Link { text, .. }
            | Span::Mention { text }
            | Span::Hashtag { text }
            | Span::Cashtag { text } => text,
        }
    }
}

/// An image or video that stood in a post.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Media {
    /// `image`, `video` or `gif`.
    pub kind: ShortText,
    /// Alternative text, where the copy kept it.
    pub alt: Option<String>,
}

/// One post of the thread.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Post {
    /// 1-based position in the thread.
    pub number: usize,
    /// Who wrote it, where the paste says.
    pub author: Option<Author>,
    /// The time as the paste showed it (`5h`, `10:42 AM · May 5, 2023`).
    pub time: Option<ShortText>,
    /// What a reader reads: paragraphs split by a blank line, markers stripped.
    pub text: PostText,
    /// `text`, cut into links, mentions, hashtags, cashtags and plain runs.
    pub spans: Vec<Span>,
    /// The post this one quotes.
    pub quoted: Option<Box<Post>>,
    /// Images and videos, in order.
    pub media: Vec<Media>,
    /// A reply by someone other than the thread's author.
    #[serde(default)]
    pub reply: bool,
    /// The author's own thread marker that was stripped (`1/`, `(2/12)`, `🧵`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<ShortText>,
}

/// A line of the paste that is not part of any post, and why.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    /// 1-based line number in the repaired paste.
    pub line: usize,
    /// The text removed (a whole line, or the glued tail of one such as `Show more`): most
    /// are a few bytes (`2.3K`, `·`, `@ada`) and are kept inline, with no allocation each (a
    /// big paste removes hundreds of thousands of lines).
    pub text: SmallText,
    /// Why: `count`, `ui`, `timestamp`, `header`, `footer`, `signup`, `media`, ... (borrowed
    /// from the segmenter's fixed words: a big paste removes hundreds of thousands of lines,
    /// and a `String` each cost an allocation; the JSON is the same string).
    pub reason: Cow<'static, str>,
}

/// A string kept in place when it is short (up to [`SmallText::INLINE`] bytes), on the heap
/// otherwise; it reads as a `&str` (`Deref`), compares with strings, and is a JSON string.
#[derive(Clone)]
pub struct SmallText(Repr);

#[derive(Clone)]
enum Repr {
    /// The bytes, of which the first `len` are the text.
    Inline {
        len: u8,
        bytes: [u8; SmallText::INLINE],
    },
    Heap(Box<str>),
}

impl SmallText {
    /// The longest text kept in place: the size of a `String`, less a length byte and the
    /// tag.
    pub const INLINE: usize = 22;

    /// The text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline { len, bytes } => {
                // SAFETY: an inline text is made only by `From<&str>` and `within`, which
                // copy a whole `str` of at most INLINE bytes into the start of `bytes` and set
                // `len` to its length (`Repr` is private: nothing else writes `bytes` or
                // `len`), so `bytes[..len]` is valid UTF-8. Checking it again on every read
                // cost a pass over the bytes each time a span's text is read (several times a
                // span in the renderers).
                unsafe { std::str::from_utf8_unchecked(&bytes[..usize::from(*len)]) }
            }
            Repr::Heap(s) => s,
        }
    }

    /// The text's bytes: for comparing (equal bytes are equal texts).
    pub fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline { len, bytes } => &bytes[..usize::from(*len)],
            Repr::Heap(s) => s.as_bytes(),
        }
    }
}

impl From<&str> for SmallText {
    fn from(s: &str) -> SmallText {
        if s.len() <= SmallText::INLINE {
            let mut bytes = [0; SmallText::INLINE];
            bytes[..s.len()].copy_from_slice(s.as_bytes());
            // Not `expect`: its error's Debug code would go into the .wasm.
            let len =
                u8::try_from(s.len()).unwrap_or_else(|_| unreachable!("at most INLINE bytes"));
            SmallText(Repr::Inline { len, bytes })
        } else {
            SmallText(Repr::Heap(s.into()))
        }
    }
}

impl SmallText {
    /// `SmallText::from(&text[range])`, made with one copy of a fixed length where `text`
    /// holds [`SmallText::INLINE`] bytes from the range's start: the bytes past the range
    /// are copied too (never read: only the first `len` bytes are the text), where `from`
    /// zeroed the room and copied a length known only when run (a `memcpy` call). Writing
    /// the repairs of 5.5 MB of distinct damaged lines (~280 K, two texts each) spent ~2% of
    /// the repair's wall time in those copies. Panics as `&text[range]` does. (Inline: a call
    /// a text otherwise, from the repair's write loop.)
    #[inline]
    pub fn within(text: &str, range: std::ops::Range<usize>) -> SmallText {
        let start = range.start;
        let s = &text[range];
        if s.len() <= SmallText::INLINE {
            if let Some(room) = text.as_bytes().get(start..start + SmallText::INLINE) {
                let mut bytes = [0; SmallText::INLINE];
                bytes.copy_from_slice(room);
                // Not `expect`: its error's Debug code would go into the .wasm.
                let len =
                    u8::try_from(s.len()).unwrap_or_else(|_| unreachable!("at most INLINE bytes"));
                return SmallText(Repr::Inline { len, bytes });
            }
        }
        SmallText::from(s)
    }
}

impl From<String> for SmallText {
    fn from(s: String) -> SmallText {
        if s.len() <= SmallText::INLINE {
            SmallText::from(s.as_str())
        } else {
            SmallText(Repr::Heap(s.into_boxed_str()))
        }
    }
}

impl Default for SmallText {
    fn default() -> SmallText {
        SmallText::from("")
    }
}

str_like! { SmallText }

/// The texts of a [`Repair`] (a paste of mojibake has a repair every few words).
pub type RepairText = ShortText;

/// One change the repair stage made.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Repair {
    /// Offset of the change in the repaired text, in UTF-16 code units.
    pub at: usize,
    /// What the paste had.
    pub from: RepairText,
    /// What it became.
    pub to: RepairText,
    /// `mojibake`, `lost_bytes`, `entity`, `control`, `zwj`, `line_ending`, `nfc`, ...
    pub kind: RepairText,
    /// 0..=1; below 1 where a guess was made.
    pub confidence: f32,
    /// Other readings, most likely first.
    pub alternatives: Vec<String>,
    /// How many times this same change was made in the document (1 unless said): a change
    /// that carries no information per instance (a CRLF line ending, a stray C0 control)
    /// is reported once, at its first place, with the number of places. Left out of the
    /// JSON when 1.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub count: usize,
}

fn one() -> usize {
    1
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

/// Something a person should look at.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// `lost_link`, `truncated_link`, `lost_mention`, `input_too_large`, ...
    pub kind: String,
    /// The post concerned (its `number`), if any.
    pub post: Option<usize>,
    /// The words concerned.
    pub text: String,
}

/// A pasted thread, understood.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Thread {
    /// Where it came from.
    pub platform: Platform,
    /// A title, when asked for.
    pub title: Option<String>,
    /// The thread's author.
    pub author: Option<Author>,
    /// The posts, in order.
    pub posts: Vec<Post>,
    /// Lines taken out, with reasons.
    pub removed: Vec<Removed>,
    /// Repairs made to the text.
    pub repairs: Vec<Repair>,
    /// Things a person should check.
    pub warnings: Vec<Warning>,
}

/// How posts are numbered in the output.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Numbering {
    /// No numbers.
    #[default]
    #[serde(rename = "none")]
    None,
    /// `1/5`.
    #[serde(rename = "1/n")]
    Slash,
    /// `1.`.
    #[serde(rename = "1.")]
    Dot,
    /// `(1/5)`.
    #[serde(rename = "(1/n)")]
    Paren,
}

impl Numbering {
    /// Parses the names used on the CLI and in JSON (`none`, `1/n`, `1.`, `(1/n)`).
    pub fn from_name(name: &str) -> Option<Numbering> {
        Some(match name {
            "none" => Numbering::None,
            "1/n" => Numbering::Slash,
            "1." => Numbering::Dot,
            "(1/n)" => Numbering::Paren,
            _ => return None,
        })
    }

    /// The label for post `n` of `total`, or `None` when not numbering.
    pub fn label(self, n: usize, total: usize) -> Option<String> {
        match self {
            Numbering::None => None,
            Numbering::Slash => Some(format!("{n}/{total}")),
            Numbering::Dot => Some(format!("{n}.")),
            Numbering::Paren => Some(format!("({n}/{total})")),
        }
    }
}

/// Where a title comes from.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "camelCase")]
pub enum TitleMode {
    /// No title.
    #[default]
    None,
    /// The first sentence of the first post (`first-sentence` on the CLI is read too).
    #[serde(alias = "first-sentence")]
    FirstSentence,
    /// A title the person typed.
    Custom(String),
}

/// Colour scheme of HTML output.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

/// HTML flavour.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum HtmlStyle {
    /// `class` attributes, styled by `www/thread.css`.
    #[default]
    Classes,
    /// Inline `style` attributes: survives blog editors that drop `<style>`.
    Inline,
}

/// Every choice a person can make. The same names are used by the CLI flags
/// (`--author-only`), the JSON options (`authorOnly`) and the page.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct Options {
    /// `None` detects the platform from the text.
    pub platform: Option<Platform>,
    /// Post numbering in the output.
    pub numbering: Numbering,
    /// Keep the author's own thread markers (`1/`, `🧵`) in the text.
    pub keep_markers: bool,
    /// Merge posts into flowing paragraphs.
    pub merge: bool,
    /// Show each post's time.
    pub show_times: bool,
    /// Keep only the thread author's posts (drop replies by others).
    pub author_only: bool,
    /// Title of the article.
    pub title: TitleMode,
    /// Add removed lines as a collapsed appendix.
    pub include_removed: bool,
    /// HTML colour scheme.
    pub theme: Theme,
    /// HTML flavour.
    pub html_style: HtmlStyle,
    /// Link mentions and hashtags to the platform the thread came from.
    pub link_entities: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            platform: None,
            numbering: Numbering::None,
            keep_markers: false,
            merge: false,
            show_times: false,
            author_only: false,
            title: TitleMode::None,
            include_removed: false,
            theme: Theme::Auto,
            html_style: HtmlStyle::Classes,
            link_entities: true,
        }
    }
}

/// Offset of byte index `byte` of `s` in UTF-16 code units.
pub fn utf16_offset(s: &str, byte: usize) -> usize {
    s[..byte].chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_text_reads_back_what_it_was_made_of() {
        // Every length around the inline limit, with chars of 1 to 4 bytes ending at it.
        for tail in ["a", "é", "€", "🧵"] {
            for n in 0..=SmallText::INLINE + 2 {
                let s = format!("{}{tail}", "x".repeat(n));
                for t in [SmallText::from(s.as_str()), SmallText::from(s.clone())] {
                    assert_eq!(t.as_str(), s, "{n} bytes then {tail:?}");
                    assert_eq!(t.as_bytes(), s.as_bytes());
                    assert_eq!(t.len(), s.len(), "read through Deref");
                }
            }
        }
        assert_eq!(SmallText::default().as_str(), "");
    }

    #[test]
    fn small_text_within_reads_as_from_of_the_range() {
        // Every range of texts around the inline limit: with room for a fixed copy past the
        // range, without it, and across it.
        let text = "xé€🧵abcdefghijklmnopqrstuvwxyz0123456789é";
        for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for end in (start..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let t = SmallText::within(text, start..end);
                assert_eq!(t, SmallText::from(&text[start..end]), "{start}..{end}");
                assert_eq!(t.as_bytes(), &text.as_bytes()[start..end]);
                assert_eq!(t.clone().as_str(), &text[start..end]);
            }
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn shared_text_reads_its_range_and_compares_as_text() {
        let base: std::sync::Arc<str> = std::sync::Arc::from("ab €🧵 cd");
        let whole = SharedText::slice(&base, 0..base.len());
        assert_eq!(whole, "ab €🧵 cd");
        let mid = SharedText::slice(&base, 3..10);
        assert_eq!(mid.as_str(), "€🧵");
        assert_eq!(
            mid,
            SharedText::from("€🧵"),
            "equal texts from other bases are equal"
        );
        assert_eq!(mid.clone().len(), 7, "a clone reads the same range");
        assert_eq!(SharedText::slice(&base, 0..2).as_str(), "ab");
        assert_eq!(SharedText::from("whole").as_str(), "whole");
        let cut = std::panic::catch_unwind(|| SharedText::slice(&base, 0..4));
        assert!(
            cut.is_err(),
            "a range off a char boundary panics when made, as str slicing"
        );
        assert_eq!(SharedText::default().as_str(), "");
        assert_eq!(
            serde_json::to_string(&mid).expect("a str serialises"),
            "\"€🧵\""
        );
    }

    #[test]
    fn serialises_with_the_design_names() {
        let t = Thread {
            platform: Platform::X,
            posts: vec![Post {
                number: 1,
                text: "hi @bob".into(),
                spans: vec![
                    Span::Text { text: "hi ".into() },
                    Span::Mention {
                        text: "@bob".into(),
                    },
                ],
                ..Post::default()
            }],
            ..Thread::default()
        };
        let v = serde_json::to_value(&t).expect("a Thread always serialises");
        assert_eq!(v["platform"], "x");
        assert_eq!(v["posts"][0]["spans"][1]["type"], "mention");
        assert!(
            v["posts"][0]["quoted"].is_null(),
            "quoted is present and null"
        );
        for key in ["title", "author", "removed", "repairs", "warnings"] {
            assert!(v.get(key).is_some(), "{key} is always present");
        }
    }

    #[test]
    fn options_read_camel_case_and_default_the_rest() {
        let o: Options = serde_json::from_str(r#"{"authorOnly":true,"numbering":"(1/n)"}"#)
            .expect("valid options parse");
        assert!(o.author_only);
        assert_eq!(o.numbering, Numbering::Paren);
        assert!(o.link_entities, "unnamed options keep their defaults");
    }

    #[test]
    fn small_texts_read_compare_and_serialise_as_strings() {
        for text in [
            "",
            "2.3K",
            "·",
            "@ada",
            "exactly twenty-two b!!",
            "twenty-three bytes long",
            "ü🔥 past the inline size…",
        ] {
            let small = SmallText::from(text);
            assert_eq!(small.as_str(), text, "the text comes back whole");
            assert_eq!(small, text, "it compares with a &str");
            assert_eq!(
                small,
                SmallText::from(text.to_owned()),
                "from a String alike"
            );
            assert_eq!(format!("{small:?}"), format!("{text:?}"), "Debug as a str");
            let json = serde_json::to_string(&small).expect("a string serialises");
            assert_eq!(json, serde_json::to_string(text).expect("so does a str"));
            let back: SmallText = serde_json::from_str(&json).expect("and reads back");
            assert_eq!(back, text);
        }
        assert_eq!(
            std::mem::size_of::<SmallText>(),
            std::mem::size_of::<String>(),
            "no bigger than the String it replaces"
        );
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        assert_eq!(utf16_offset("🔥a", "🔥".len()), 2);
    }
}

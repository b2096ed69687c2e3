//! The one JSON writer: the model (and the few other structures that cross to JavaScript or
//! leave the CLI) as JSON text, byte for byte what `serde_json` writes for the same value
//! with the model's `Serialize` derives — compact as `serde_json::to_string`, pretty as
//! `serde_json::to_string_pretty` (two spaces, `"key": value`, `[]` and `{}` when empty).
//!
//! Why by hand: serde's serialiser and serde_json cost the `.wasm` about 22 KB; this writer is
//! a few hundred bytes. `serde` stays for reading (`--from json`, tests), natively.
//!
//! Strings are escaped exactly as serde_json escapes them: `\"`, `\\`, `\n`, `\r`, `\t`, `\b`,
//! `\f`, every other control below U+0020 as `\u00XX` (lower-case hex), nothing else. Whole
//! numbers are plain decimal; `f32` (a repair's `confidence`) goes through `zmij`, the crate
//! serde_json itself formats floats with (`1.0`, `0.5`, `0.7`), and is `null` when not finite.
//! `tests/json_writer.rs` compares this writer with serde_json on every corpus paste.

use crate::compose::{ComposedPost, Count};
use crate::entities::Entities;
use crate::paste_html::{Pasted, PastedLink};
use crate::thread::{Author, Media, Platform, Post, Removed, Repair, Span, Thread, Warning};

/// `\\u` and the UTF-16 unit `u` in four lower-case hex digits, as serde_json writes them.
fn hex4(out: &mut Vec<u8>, u: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    // Made on the stack and pushed once (six pushes of a char were a third of the escape).
    let mut buf = *b"\\u0000";
    for (k, shift) in [12, 8, 4, 0].into_iter().enumerate() {
        buf[2 + k] = HEX[(u >> shift) as usize & 0xF];
    }
    out.extend_from_slice(&buf);
}

/// [`BYTE_KIND`]: a byte JSON always escapes (a control, `"`, `\\`).
const ESCAPE: u8 = 1;
/// [`BYTE_KIND`]: a byte of a char outside ASCII.
const BEYOND_ASCII: u8 = 2;
/// The escapes serde_json writes as a backslash and a letter; every other control is `\u00XX`.
const SHORT_ESCAPE: [(u8, u8); 7] = [
    (b'"', b'"'),
    (b'\\', b'\\'),
    (b'\n', b'n'),
    (b'\r', b'r'),
    (b'\t', b't'),
    (0x08, b'b'),
    (0x0C, b'f'),
];
/// What each byte is to the string writer, so its scan is one lookup a byte.
const BYTE_KIND: [u8; 256] = {
    let mut kind = [0; 256];
    let mut b = 0;
    while b < 256 {
        kind[b] = if b < 0x20 || b == b'"' as usize || b == b'\\' as usize {
            ESCAPE
        } else if b >= 0x80 {
            BEYOND_ASCII
        } else {
            0
        };
        b += 1;
    }
    kind
};

/// A value that writes itself as JSON.
pub trait ToJson {
    /// Writes `self` as one JSON value.
    fn write_json(&self, w: &mut Writer<'_>);
}

/// `value` as compact JSON (what `serde_json::to_string` gives).
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.write_json(&mut Writer::new(&mut out, false));
    out
}

/// `value` as pretty JSON (what `serde_json::to_string_pretty` gives).
pub fn to_string_pretty<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.write_json(&mut Writer::new(&mut out, true));
    out
}

/// `value` as compact JSON with every char outside ASCII escaped (`\u2019`, a surrogate pair
/// for one beyond the BMP): the same value for `JSON.parse`, in text the browser decodes from
/// the module's memory several times faster (`TextDecoder` takes ASCII a word at a time). What
/// the page parses (the model of `format`, its review view) goes this way; what a person
/// reads or saves stays [`to_string`]'s.
pub fn to_string_ascii<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    let mut w = Writer::new(&mut out, false);
    w.ascii = true;
    value.write_json(&mut w);
    out
}

/// A member's name, checked when the program is built by `key!`: plain (nothing in it to
/// escape). It is kept as the whole of what goes before a member's value, `,"name": `, so
/// that writing it is one copy of a slice of it (without the comma before the first member,
/// without the space when compact): the comma, the quotes and the colon pushed one by one
/// were each a call at opt-level z (the .wasm), and a model has dozens of members a post.
#[derive(Clone, Copy, Debug)]
pub struct Key(&'static str);

impl Key {
    /// Fails the build where `member` is not `,"name": ` with a name that is not empty and
    /// needs no escaping.
    pub const fn new(member: &'static str) -> Key {
        let b = member.as_bytes();
        let n = b.len();
        assert!(n > 5 && b[0] == b',' && b[1] == b'"');
        assert!(b[n - 3] == b'"' && b[n - 2] == b':' && b[n - 1] == b' ');
        let mut i = 2;
        while i < n - 3 {
            assert!(BYTE_KIND[b[i] as usize] == 0, "a key needs no escaping");
            i += 1;
        }
        Key(member)
    }
}

/// The [`Key`] of a member named by a literal: `key!("text")`.
macro_rules! key {
    ($name:literal) => {{
        const KEY: Key = Key::new(concat!(",\"", $name, "\": "));
        KEY
    }};
}

/// Writes JSON into a `String`, compact or pretty; with [`Writer::with_flush`], hands the
/// buffer to a flush after each array element so a caller can stream it out.
pub struct Writer<'a> {
    out: &'a mut String,
    pretty: bool,
    /// Escape every char outside ASCII ([`to_string_ascii`]).
    ascii: bool,
    depth: usize,
    /// Nothing written yet in the innermost open array or object.
    empty: bool,
    flush: Option<&'a mut dyn FnMut(&mut String)>,
}

impl<'a> Writer<'a> {
    /// A writer appending to `out`.
    pub fn new(out: &'a mut String, pretty: bool) -> Writer<'a> {
        Writer {
            out,
            pretty,
            ascii: false,
            depth: 0,
            empty: true,
            flush: None,
        }
    }

    /// A writer that calls `flush` on its buffer after each array element (it may write the
    /// buffer out and empty it).
    pub fn with_flush(
        out: &'a mut String,
        pretty: bool,
        flush: &'a mut dyn FnMut(&mut String),
    ) -> Writer<'a> {
        Writer {
            flush: Some(flush),
            ..Writer::new(out, pretty)
        }
    }

    /// The buffer's bytes, appended to directly: `String::push` encodes a char and slicing a
    /// `str` checks char boundaries, each a call at opt-level z (the .wasm) — a fifth of the
    /// work of writing the model.
    fn bytes(&mut self) -> &mut Vec<u8> {
        // SAFETY: the writer appends only ASCII bytes and whole chars of a `str` (a run of a
        // string is cut before an ASCII byte or a lead byte, see `string`), so the buffer is
        // UTF-8 again after every append, and a flush sees it between values.
        unsafe { self.out.as_mut_vec() }
    }

    fn newline(&mut self) {
        if self.pretty {
            // The indent as one fill of spaces (two a level), not a copy a level: at
            // opt-level z, the .wasm, each copy was a call.
            let depth = self.depth;
            let out = self.bytes();
            out.push(b'\n');
            let end = out.len() + 2 * depth;
            out.resize(end, b' ');
        }
    }

    /// Before a value inside an array or object: a comma unless it is the first.
    fn separate(&mut self) {
        if !self.empty {
            self.bytes().push(b',');
        }
        self.empty = false;
        self.newline();
    }

    fn open(&mut self, bracket: u8) {
        self.bytes().push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    fn close(&mut self, bracket: u8) {
        self.depth -= 1;
        if !self.empty {
            self.newline();
        }
        self.bytes().push(bracket);
        self.empty = false;
    }

    /// `{`: then [`Writer::field`]s, then [`Writer::end_object`].
    pub fn begin_object(&mut self) {
        self.open(b'{');
    }

    /// `}`.
    pub fn end_object(&mut self) {
        self.close(b'}');
    }

    /// The name of the next member: `"key":` (`"key": ` when pretty), after a comma unless it
    /// is the first; its value is written next.
    pub fn key(&mut self, key: Key) {
        let member = key.0.as_bytes();
        if self.pretty {
            // The comma, the line break and indent, then `"name": `.
            self.separate();
            self.bytes()
                .extend_from_slice(crate::entities::sub_b(member, 1..));
        } else {
            // `,"name":` (`"name":` for the first member) in one copy.
            let from = usize::from(self.empty);
            self.empty = false;
            self.bytes()
                .extend_from_slice(crate::entities::sub_b(member, from..member.len() - 1));
        }
    }

    /// One member, `"key": value`.
    pub fn field<T: ToJson + ?Sized>(&mut self, key: Key, value: &T) {
        self.key(key);
        value.write_json(self);
    }

    /// An array of `items`.
    pub fn array<T: ToJson>(&mut self, items: impl IntoIterator<Item = T>) {
        self.open(b'[');
        for item in items {
            self.separate();
            item.write_json(self);
            if let Some(flush) = self.flush.as_mut() {
                flush(self.out);
            }
        }
        self.close(b']');
    }

    /// `null`.
    pub fn null(&mut self) {
        self.bytes().extend_from_slice(b"null");
    }

    /// A string, quoted and escaped as serde_json escapes it (and, for
    /// [`to_string_ascii`], every char outside ASCII as `\uXXXX`).
    pub fn string(&mut self, s: &str) {
        let escaped = if self.ascii {
            ESCAPE | BEYOND_ASCII
        } else {
            ESCAPE
        };
        // No `reserve` first: each copy below grows the buffer as it needs (doubling), and at
        // opt-level z (the .wasm) a `reserve` was one more call a string, 31,000 on x-1000.
        let out = self.bytes();
        out.push(b'"');
        let bytes = s.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if BYTE_KIND[usize::from(b)] & escaped == 0 {
                i += 1;
                continue;
            }
            // `b` is ASCII or a lead byte (a continuation byte is stepped over below with its
            // lead), so `start..i` is whole chars.
            out.extend_from_slice(crate::entities::sub_b(bytes, start..i));
            i += 1;
            match b {
                0x80.. => {
                    // A lead byte: the char's code point from its bytes, then as one or two
                    // UTF-16 units.
                    let len = match b {
                        0xC0..=0xDF => 2,
                        0xE0..=0xEF => 3,
                        _ => 4,
                    };
                    let mut c = u32::from(b & (0x7F >> len));
                    for &next in bytes.get(i..i - 1 + len).unwrap_or_default() {
                        c = (c << 6) | u32::from(next & 0x3F);
                    }
                    i += len - 1;
                    if let Some(high) = c.checked_sub(0x10000) {
                        hex4(out, 0xD800 | (high >> 10));
                        hex4(out, 0xDC00 | (high & 0x3FF));
                    } else {
                        hex4(out, c);
                    }
                }
                _ => match SHORT_ESCAPE.iter().find(|(c, _)| *c == b) {
                    Some(&(_, letter)) => out.extend_from_slice(&[b'\\', letter]),
                    None => hex4(out, u32::from(b)),
                },
            }
            start = i;
        }
        out.extend_from_slice(crate::entities::sub_b(bytes, start..));
        out.push(b'"');
    }

    /// A whole number in decimal.
    pub fn number(&mut self, n: usize) {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        let mut n = n;
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.bytes()
            .extend_from_slice(crate::entities::sub_b(&digits, i..));
    }
}

impl ToJson for str {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.string(self);
    }
}

impl ToJson for String {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.string(self);
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl ToJson for crate::thread::SmallText {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.string(self.as_str());
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl ToJson for crate::thread::SharedText {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.string(self.as_str());
    }
}

impl ToJson for usize {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.number(*self);
    }
}

impl ToJson for bool {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.bytes()
            .extend_from_slice(if *self { b"true" } else { b"false" });
    }
}

impl ToJson for f32 {
    fn write_json(&self, w: &mut Writer<'_>) {
        if self.is_finite() {
            w.out.push_str(zmij::Buffer::new().format_finite(*self));
        } else {
            w.null();
        }
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, w: &mut Writer<'_>) {
        (**self).write_json(w);
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn write_json(&self, w: &mut Writer<'_>) {
        (**self).write_json(w);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, w: &mut Writer<'_>) {
        match self {
            Some(value) => value.write_json(w),
            None => w.null(),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.array(self);
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.array(self);
    }
}

impl ToJson for Platform {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.string(self.name());
    }
}

impl ToJson for Author {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.begin_object();
        w.field(key!("name"), &self.name);
        w.field(key!("handle"), &self.handle);
        w.end_object();
    }
}

impl ToJson for Span {
    fn write_json(&self, w: &mut Writer<'_>) {
        // Compact (what the page parses), the object's opening, its type and its text's key
        // are one copy: a span is the model's most frequent object (ten a post on x-1000),
        // and at opt-level z (the .wasm) each push and copy of the members one by one was a
        // call. The writer is left as `end_object` leaves it.
        let (kind, head) = match self {
            Span::Text { .. } => ("text", "{\"type\":\"text\",\"text\":"),
            Span::Link { .. } => ("link", "{\"type\":\"link\",\"text\":"),
            Span::Mention { .. } => ("mention", "{\"type\":\"mention\",\"text\":"),
            Span::Hashtag { .. } => ("hashtag", "{\"type\":\"hashtag\",\"text\":"),
            Span::Cashtag { .. } => ("cashtag", "{\"type\":\"cashtag\",\"text\":"),
        };
        if !w.pretty {
            w.bytes().extend_from_slice(head.as_bytes());
            w.string(self.text());
            if let Span::Link { href, .. } = self {
                w.bytes().extend_from_slice(b",\"href\":");
                w.string(href);
            }
            w.bytes().push(b'}');
            w.empty = false;
            return;
        }
        w.begin_object();
        w.field(key!("type"), kind);
        w.field(key!("text"), self.text());
        if let Span::Link { href, .. } = self {
            w.field(key!("href"), href);
        }
        w.end_object();
    }
}

impl ToJson for Media {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.begin_object();
        w.field(key!("kind"), &self.kind);
        w.field(key!("alt"), &self.alt);
        w.end_object();
    }
}

/// A post, with its spans or (for the page's light view) without them.
pub struct PostJson<'a> {
    /// The post.
    pub post: &'a Post,
    /// Whether `spans` is written (its quoted post follows the same rule).
    pub spans: bool,
}

impl ToJson for PostJson<'_> {
    fn write_json(&self, w: &mut Writer<'_>) {
        let p = self.post;
        w.begin_object();
        w.field(key!("number"), &p.number);
        w.field(key!("author"), &p.author);
        w.field(key!("time"), &p.time);
        w.field(key!("text"), &p.text);
        if self.spans {
            w.field(key!("spans"), &p.spans);
        }
        w.field(
            key!("quoted"),
            &p.quoted.as_deref().map(|post| PostJson {
                post,
                spans: self.spans,
            }),
        );
        w.field(key!("media"), &p.media);
        w.field(key!("reply"), &p.reply);
        if let Some(marker) = &p.marker {
            w.field(key!("marker"), marker);
        }
        w.end_object();
    }
}

impl ToJson for Post {
    fn write_json(&self, w: &mut Writer<'_>) {
        PostJson {
            post: self,
            spans: true,
        }
        .write_json(w);
    }
}

impl ToJson for Removed {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.begin_object();
        w.field(key!("line"), &self.line);
        w.field(key!("text"), &*self.text);
        w.field(key!("reason"), &*self.reason);
        w.end_object();
    }
}

impl ToJson for Repair {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.begin_object();
        w.field(key!("at"), &self.at);
        w.field(key!("from"), &self.from);
        w.field(key!("to"), &self.to);
        w.field(key!("kind"), &self.kind);
        w.field(key!("confidence"), &self.confidence);
        w.field(key!("alternatives"), &self.alternatives);
        if self.count != 1 {
            w.field(key!("count"), &self.count);
        }
        w.end_object();
    }
}

impl ToJson for Warning {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.begin_object();
        w.field(key!("kind"), &self.kind);
        w.field(key!("post"), &self.post);
        w.field(key!("text"), &self.text);
        w.end_object();
    }
}

/// A thread, with its posts' spans or (for the page's light view) without them.
pub struct ThreadJson<'a> {
    /// The thread.
    pub thread: &'a Thread,
    /// Whether the posts' `spans` are written.
    pub spans: bool,
}

impl ToJson for ThreadJson<'_> {
    fn write_json(&self, w: &mut Writer<'_>) {
        let t = self.thread;
        w.begin_object();
        w.field(key!("platform"), &t.platform);
        w.field(key!("title"), &t.title);
        w.field(key!("author"), &t.author);
        w.key(key!("posts"));
        w.array(t.posts.iter().map(|post| PostJson {
            post,
            spans: self.spans,
        }));
        w.field(key!("removed"), &t.removed);
        w.field(key!("repairs"), &t.repairs);
        w.field(key!("warnings"), &t.warnings);
        w.end_object();
    }
}

impl ToJson for Thread {
    fn write_json(&self, w: &mut Writer<'_>) {
        ThreadJson {
            thread: self,
            spans: true,
        }
        .write_json(w);
    }
}

impl ToJson for ComposedPost {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.begin_object();
        w.field(key!("text"), &self.text);
        w.field(key!("weightedLength"), &self.weighted_length);
        if let Some(warning) = &self.warning {
            w.field(key!("warning"), warning);
        }
        w.end_object();
    }
}

impl ToJson for Count {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.begin_object();
        w.field(key!("weightedLength"), &self.weighted_length);
        w.field(key!("valid"), &self.valid);
        w.field(key!("permillage"), &self.permillage);
        w.field(key!("validRangeEnd"), &self.valid_range_end);
        w.end_object();
    }
}

impl ToJson for PastedLink {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.begin_object();
        w.field(key!("text"), &self.text);
        w.field(key!("href"), &self.href);
        w.end_object();
    }
}

impl ToJson for Pasted {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.begin_object();
        w.field(key!("text"), &self.text);
        w.field(key!("links"), &self.links);
        w.end_object();
    }
}

impl ToJson for Entities {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.begin_object();
        w.field(key!("urls"), &self.urls);
        w.field(key!("mentions"), &self.mentions);
        w.field(key!("hashtags"), &self.hashtags);
        w.field(key!("cashtags"), &self.cashtags);
        w.end_object();
    }
}

/// The repair stage's result as the page and the npm package read it: `{text, repairs}`.
pub struct Repaired<'a> {
    /// The repaired text.
    pub text: &'a str,
    /// The changes made.
    pub repairs: &'a [Repair],
}

impl ToJson for Repaired<'_> {
    fn write_json(&self, w: &mut Writer<'_>) {
        w.begin_object();
        w.field(key!("text"), self.text);
        w.field(key!("repairs"), self.repairs);
        w.end_object();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::pick;

    /// Objects nested `n` deep, each with one member under `key`, a string at the bottom.
    struct Nest {
        n: usize,
        key: Key,
    }

    impl ToJson for Nest {
        fn write_json(&self, w: &mut Writer<'_>) {
            if self.n == 0 {
                w.string("bottom é");
                return;
            }
            w.begin_object();
            w.field(
                self.key,
                &Nest {
                    n: self.n - 1,
                    key: self.key,
                },
            );
            w.end_object();
        }
    }

    fn nest_value(n: usize, key: &str) -> serde_json::Value {
        let mut v = serde_json::Value::String("bottom é".into());
        for _ in 0..n {
            let mut map = serde_json::Map::new();
            map.insert(key.to_owned(), v);
            v = serde_json::Value::Object(map);
        }
        v
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them_wherever_the_char_falls() {
        let base = "abcdefghijklmnopqrstuvwxyz0123";
        for special in [
            "\"", "\\", "\n", "\u{1}", "\u{1f}", " ", "~", "\u{7f}", "é", "’", "😀", "\"\"", "é\\",
        ] {
            for at in 0..=base.len() {
                let s = format!("{}{special}{}", &base[..at], &base[at..]);
                let want = serde_json::to_string(&s).expect("a string");
                assert_eq!(
                    to_string(s.as_str()),
                    want,
                    "{s:?} written as serde_json does"
                );
                // Beyond ASCII: the same, each char outside ASCII as its UTF-16 units.
                let mut ascii = String::new();
                for c in want.chars() {
                    if c.is_ascii() {
                        ascii.push(c);
                    } else {
                        for u in c.encode_utf16(&mut [0; 2]) {
                            ascii.push_str(&format!("\\u{u:04x}"));
                        }
                    }
                }
                assert_eq!(to_string_ascii(s.as_str()), ascii, "{s:?} escaped to ASCII");
            }
        }
    }

    #[test]
    fn compact_spans_are_written_as_their_members_one_by_one() {
        // The span as every other object is written: the reference for its compact copy.
        struct ByMembers<'a>(&'a Span);
        impl ToJson for ByMembers<'_> {
            fn write_json(&self, w: &mut Writer<'_>) {
                let kind = match self.0 {
                    Span::Text { .. } => "text",
                    Span::Link { .. } => "link",
                    Span::Mention { .. } => "mention",
                    Span::Hashtag { .. } => "hashtag",
                    Span::Cashtag { .. } => "cashtag",
                };
                w.begin_object();
                w.field(key!("type"), kind);
                w.field(key!("text"), self.0.text());
                if let Span::Link { href, .. } = self.0 {
                    w.field(key!("href"), href);
                }
                w.end_object();
            }
        }
        const PARTS: [&str; 8] = ["a", "@ada", " ", "\"", "\\", "\n", "é", "😀"];
        let mut next = crate::test_rng::xorshift(0x59a2_c0de_0014_0006);
        for _ in 0..5_000 {
            let mut text = || {
                let mut t = String::new();
                for _ in 0..next() % 5 {
                    t.push_str(pick(&PARTS, &mut next));
                }
                t
            };
            let (a, b) = (text(), text());
            let (a, b) = (a.as_str(), b.as_str());
            let span = [
                Span::Text { text: a.into() },
                Span::Link {
                    text: a.into(),
                    href: b.into(),
                },
                Span::Mention { text: a.into() },
                Span::Hashtag { text: a.into() },
                Span::Cashtag { text: a.into() },
            ];
            for s in &span {
                // Alone, and in an array after another (a comma before it, state after it).
                let pair = [ByMembers(s), ByMembers(&span[0])];
                let ours: &[&Span] = &[s, &span[0]];
                assert_eq!(to_string(s), to_string(&ByMembers(s)), "{s:?}");
                assert_eq!(to_string_ascii(s), to_string_ascii(&ByMembers(s)), "{s:?}");
                assert_eq!(to_string(ours), to_string(&pair[..]), "{s:?} in an array");
                assert_eq!(to_string_pretty(ours), to_string_pretty(&pair[..]), "{s:?}");
            }
        }
    }

    #[test]
    fn indents_and_keys_are_written_as_serde_json_writes_them_at_any_depth() {
        // A key that would need escaping cannot be made (`Key::new` fails the build).
        for n in [0, 1, 3, 15, 16, 17, 40] {
            for (key, name) in [
                (key!("number"), "number"),
                (key!("validRangeEnd"), "validRangeEnd"),
            ] {
                let ours = to_string_pretty(&Nest { n, key });
                let want = serde_json::to_string_pretty(&nest_value(n, name)).expect("a value");
                assert_eq!(ours, want, "pretty JSON {n} deep with the key {name:?}");
                let ours = to_string(&Nest { n, key });
                let want = serde_json::to_string(&nest_value(n, name)).expect("a value");
                assert_eq!(ours, want, "compact JSON {n} deep with the key {name:?}");
            }
        }
    }
}

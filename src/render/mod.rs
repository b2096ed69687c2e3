//! Render: a [`Thread`] → HTML, Markdown, plain text or JSON.
//!
//! Every renderer walks the same [`Article`], built once by [`article`] from the thread and
//! the [`Options`]: the options that change *what* is shown are applied here, so the three
//! text renderers cannot disagree about them.
//!
//! - `author_only` drops posts marked `reply`; numbering counts the posts that remain.
//! - `keep_markers` puts the author's stripped marker back (`1/` before the text, `🧵` or
//!   `/end` after it: a marker with a digit in it leads, any other trails).
//! - `title`: `Custom` is used as typed; `FirstSentence` takes the first sentence of the first
//!   post (without its full stop, cut at a word near 90 characters); `None` keeps the title
//!   the thread already has, if any.
//! - `merge` joins consecutive posts by the author into one flowing run without numbers or
//!   times; a paragraph that ends without a sentence end and is followed by one starting
//!   lower-case is joined into one paragraph (a sentence cut by the post limit).
//! - `show_times` shows each post's time; `include_removed` adds the removed lines.
//!
//! Blocks: a post's text is cut into paragraphs at blank lines and lines at `\n`
//! ([`paragraphs`]). Runs of two or more lines starting with `- `, `• `, `* ` (same bullet) or
//! `1. ` / `1)` (consecutive numbers, same delimiter) become lists, also when the items are
//! separated by blank lines. A lone such line stays a line of text.
//!
//! Mentions and hashtags link to the thread's platform ([`entity_href`]) unless
//! `link_entities` is off; links are only ever `http:`, `https:` or `mailto:` ([`safe_href`]).
//! JSON is the model itself, unchanged by the options.

use crate::thread::{Author, Media, Options, Platform, Post, Removed, Span, Thread, TitleMode};
use std::borrow::Cow;

pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Semantic HTML for a blog.
    Html,
    /// CommonMark.
    Markdown,
    /// Plain text.
    Text,
    /// The model as JSON.
    Json,
}

impl Format {
    /// Parses `html`, `markdown` (or `md`), `text` (or `txt`), `json`.
    pub fn from_name(name: &str) -> Option<Format> {
        Some(match name {
            "html" => Format::Html,
            "markdown" | "md" => Format::Markdown,
            "text" | "txt" => Format::Text,
            "json" => Format::Json,
            _ => return None,
        })
    }
}

/// Renders `thread` as `format`.
pub fn render(thread: &Thread, format: Format, options: &Options) -> String {
    match format {
        Format::Html => html::render(thread, options),
        Format::Markdown => markdown::render(thread, options),
        Format::Text => text::render(thread, options),
        Format::Json => to_json(thread),
    }
}

/// Renders `thread` as `format` into `w`: the bytes of [`render`], written as they are made
/// (HTML a post at a time, JSON as it is serialised) so that the whole output need not be
/// held in memory at once. Markdown and text are still rendered whole, then written.
pub fn render_to(
    thread: &Thread,
    format: Format,
    options: &Options,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Html => html::render_to(thread, options, w),
        Format::Markdown => w.write_all(markdown::render(thread, options).as_bytes()),
        Format::Text => w.write_all(text::render(thread, options).as_bytes()),
        Format::Json => chunked(w, &mut String::with_capacity(CHUNK * 2), |out, flush| {
            json::ToJson::write_json(thread, &mut json::Writer::with_flush(out, true, flush))
        }),
    }
}

/// How much output [`render_to`] gathers before writing it out.
const CHUNK: usize = 64 * 1024;

/// Runs `render` on `out` with a flush that writes `out` to `w` (and empties it) once it
/// holds [`CHUNK`] bytes, then writes what is left. The first write error is returned; the
/// output after it is dropped.
fn chunked(
    w: &mut dyn std::io::Write,
    out: &mut String,
    render: impl FnOnce(&mut String, &mut dyn FnMut(&mut String)),
) -> std::io::Result<()> {
    let mut result = Ok(());
    let mut flush = |buf: &mut String| {
        if buf.len() >= CHUNK {
            if result.is_ok() {
                result = w.write_all(buf.as_bytes());
            }
            buf.clear();
        }
    };
    render(out, &mut flush);
    result?;
    w.write_all(out.as_bytes())
}

/// `parts` joined by `sep` (`""` for `concat`), as a loop: `[&str]::join` and `concat` bring
/// std's generic join into the .wasm (1 kB).
pub(crate) fn join(parts: &[&str], sep: &str) -> String {
    let mut len = sep.len() * parts.len();
    for part in parts {
        len += part.len();
    }
    let mut out = String::with_capacity(len);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part);
    }
    out
}

/// The model as pretty JSON (byte for byte what `serde_json::to_string_pretty` gives).
pub fn to_json(thread: &Thread) -> String {
    json::to_string_pretty(thread)
}

/// A piece of a line as it is shown: its text, and the span it stands for when that span is a
/// link, mention, hashtag or cashtag (what it may link to). Plain text — a text span whole or
/// cut at a line break, or the few words a renderer adds — has no span: a piece borrows the
/// post's text and copies none of it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Piece<'a> {
    text: &'a str,
    span: Option<&'a Span>,
}

impl<'a> Piece<'a> {
    /// Plain text.
    fn plain(text: &'a str) -> Piece<'a> {
        Piece { text, span: None }
    }

    /// The text shown.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The link, mention, hashtag or cashtag this piece stands for; `None` for plain text.
    pub fn span(&self) -> Option<&'a Span> {
        self.span
    }

    /// What [`Lines`] keeps between two lines: the one piece with no text and no span (every
    /// plain piece pushed has text).
    fn is_break(&self) -> bool {
        self.text.is_empty() && self.span.is_none()
    }
}

/// A span shown whole: plain text for a text span, else the span itself.
impl<'a> From<&'a Span> for Piece<'a> {
    fn from(span: &'a Span) -> Piece<'a> {
        match span {
            Span::Text { text } => Piece::plain(text),
            other => Piece {
                text: other.text(),
                span: Some(other),
            },
        }
    }
}

impl<'a> From<&Piece<'a>> for Piece<'a> {
    fn from(piece: &Piece<'a>) -> Piece<'a> {
        *piece
    }
}

/// The break between two lines in [`Lines`].
const BREAK: Piece<'static> = Piece {
    text: "",
    span: None,
};

/// A line of a paragraph or a list item: its pieces.
pub type Line<'a> = [Piece<'a>];

/// The lines of a paragraph (or the items of a list): their pieces in one vector, a break
/// between two lines, so that a paragraph is one allocation however many lines it has (a
/// vector a line, and a copy of each piece of a text cut at a line break, were most of the
/// renderers' allocations). No line is empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lines<'a> {
    pieces: Vec<Piece<'a>>,
}

impl<'a> Lines<'a> {
    /// The lines, in order.
    pub fn iter(&self) -> LineIter<'_, 'a> {
        LineIter {
            rest: Some(&self.pieces[..]).filter(|p| !p.is_empty()),
        }
    }

    /// The number of lines.
    pub fn count(&self) -> usize {
        self.iter().count()
    }

    /// The last line (empty when there is none).
    fn last_line(&self) -> &Line<'a> {
        let mut start = self.pieces.len();
        while start > 0 && self.pieces.get(start - 1).is_some_and(|p| !p.is_break()) {
            start -= 1;
        }
        crate::entities::sub_b(&self.pieces, start..)
    }

    /// Starts a new line (a break after the last one).
    fn push_break(&mut self) {
        self.pieces.push(BREAK);
    }
}

impl<'l, 'a> IntoIterator for &'l Lines<'a> {
    type Item = &'l Line<'a>;
    type IntoIter = LineIter<'l, 'a>;
    fn into_iter(self) -> LineIter<'l, 'a> {
        self.iter()
    }
}

/// The lines of [`Lines`], cut at its breaks.
pub struct LineIter<'l, 'a> {
    /// The pieces not yet given; `None` once the last line is given.
    rest: Option<&'l [Piece<'a>]>,
}

impl<'l, 'a> Iterator for LineIter<'l, 'a> {
    type Item = &'l Line<'a>;

    fn next(&mut self) -> Option<&'l Line<'a>> {
        let rest = self.rest?;
        // An index loop: no closure, no iterator adaptor in the .wasm.
        let mut k = 0;
        while k < rest.len() {
            if rest[k].is_break() {
                self.rest = Some(&rest[k + 1..]);
                return Some(&rest[..k]);
            }
            k += 1;
        }
        self.rest = None;
        Some(rest)
    }
}

/// Cuts spans into paragraphs (split at a blank line) of lines (split at `\n`).
pub fn paragraphs(spans: &[Span]) -> Vec<Lines<'_>> {
    let mut paras = Vec::new();
    for block in cut_spans(spans, &mut Spare::default()) {
        if let Block::Para(lines) = block {
            paras.push(lines);
        }
    }
    paras
}

/// [`paragraphs`], as `Para` blocks, in vectors taken from `spare`.
fn cut_spans<'a>(spans: &'a [Span], spare: &mut Spare<'a>) -> Vec<Block<'a>> {
    let mut cut = Cutter::new(spare);
    // Room for a post with no line break (most are): its pieces pushed with no growing.
    cut.para.reserve(spans.len());
    for span in spans {
        match span {
            Span::Text { text } => cut.text(text),
            // Shown whole, even with no text (the renderers drop it).
            other => cut.para.push(Piece::from(other)),
        }
    }
    cut.finish()
}

/// The vectors of the views written, given back ([`PostViews::recycle`]) and used again for
/// the next post's: a thread's posts are shown with the allocations of about one (a post's
/// blocks and pieces made and freed for each post were a third of the renderers' calls to
/// malloc and free).
#[derive(Default)]
struct Spare<'a> {
    pieces: Vec<Vec<Piece<'a>>>,
    blocks: Vec<Vec<Block<'a>>>,
}

impl<'a> Spare<'a> {
    /// A vector of pieces, empty.
    fn pieces(&mut self) -> Vec<Piece<'a>> {
        self.pieces.pop().unwrap_or_default()
    }

    /// A vector of blocks, empty.
    fn blocks(&mut self) -> Vec<Block<'a>> {
        self.blocks.pop().unwrap_or_default()
    }

    /// Keeps a view's vectors, emptied.
    fn keep(&mut self, mut blocks: Vec<Block<'a>>) {
        for block in blocks.drain(..) {
            match block {
                Block::Para(lines) | Block::List { items: lines, .. } => {
                    let mut pieces = lines.pieces;
                    pieces.clear();
                    self.pieces.push(pieces);
                }
                Block::Quote(quoted) => self.keep(quoted.blocks),
                Block::Media(_) => {}
            }
        }
        self.blocks.push(blocks);
    }
}

/// The paragraphs being cut: those closed (`Para` blocks), and the pieces of the one open
/// (its lines joined by breaks; its last line is empty when `para` is empty or ends with a
/// break).
struct Cutter<'a, 's> {
    blocks: Vec<Block<'a>>,
    para: Vec<Piece<'a>>,
    spare: &'s mut Spare<'a>,
}

impl<'a, 's> Cutter<'a, 's> {
    fn new(spare: &'s mut Spare<'a>) -> Cutter<'a, 's> {
        Cutter {
            blocks: spare.blocks(),
            para: spare.pieces(),
            spare,
        }
    }

    /// A text: its pieces between line breaks (the empty ones dropped), a line or a paragraph
    /// ended at each `\n`.
    fn text(&mut self, text: &'a str) {
        let mut rest = text;
        while let Some(k) = memchr::memchr(b'\n', rest.as_bytes()) {
            if k > 0 {
                self.para
                    .push(Piece::plain(crate::entities::sub(rest, ..k)));
            }
            self.newline();
            rest = crate::entities::sub(rest, k + 1..);
        }
        if !rest.is_empty() {
            self.para.push(Piece::plain(rest));
        }
    }

    /// A `\n`: a line break after a line with pieces; after an empty line, the end of the
    /// paragraph (a blank line), unless that line is the paragraph's first (it stays, empty).
    fn newline(&mut self) {
        match self.para.last() {
            None => {}
            Some(p) if p.is_break() => {
                self.para.pop();
                self.close();
            }
            Some(_) => self.para.push(BREAK),
        }
    }

    /// Ends the open paragraph, its blank lines dropped (white space only, or empty), and
    /// the paragraph with them if no line is left.
    fn close(&mut self) {
        drop_blank_lines(&mut self.para);
        if !self.para.is_empty() {
            let next = self.spare.pieces();
            let pieces = std::mem::replace(&mut self.para, next);
            self.blocks.push(Block::Para(Lines { pieces }));
        }
    }

    fn finish(mut self) -> Vec<Block<'a>> {
        self.close();
        self.spare.pieces.push(self.para);
        self.blocks
    }
}

/// Drops the blank lines of `pieces` (lines joined by breaks), in place: most paragraphs have
/// none, and cost a look at each line's first piece.
fn drop_blank_lines(pieces: &mut Vec<Piece>) {
    let n = pieces.len();
    // Pieces before `w` are kept; the line being looked at starts at `r`.
    let (mut w, mut r) = (0, 0);
    while r <= n {
        let mut end = r;
        while end < n && pieces.get(end).is_some_and(|p| !p.is_break()) {
            end += 1;
        }
        if !line_is_blank(crate::entities::sub_b(pieces, r..end)) {
            if w > 0 {
                pieces[w] = BREAK;
                w += 1;
            }
            if w != r {
                pieces.copy_within(r..end, w);
            }
            w += end - r;
        }
        r = end + 1;
    }
    pieces.truncate(w);
}

fn line_is_blank(line: &Line) -> bool {
    // A loop: `all` with a closure is its own function in the .wasm.
    for piece in line {
        if !crate::segment::trim(piece.text).is_empty() {
            return false;
        }
    }
    true
}

/// The kind of a list item's marker: a bullet character or an ordered delimiter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    /// `- `, `• ` or `* `: the bullet used.
    Bullet(char),
    /// `1. ` or `1) `: the delimiter used.
    Ordered(char),
}

/// A block of a post.
#[derive(Clone, Debug, PartialEq)]
pub enum Block<'a> {
    /// A paragraph of lines (joined by hard line breaks).
    Para(Lines<'a>),
    /// A list; `start` is the first number of an ordered list (1 for bullets).
    List {
        /// Bullet or ordered.
        kind: ListKind,
        /// First number.
        start: usize,
        /// One line per item, the marker removed.
        items: Lines<'a>,
    },
    /// A quoted post.
    Quote(Box<PostView<'a>>),
    /// An image or video placeholder.
    Media(&'a Media),
}

/// A post as it is shown.
#[derive(Clone, Debug, PartialEq)]
pub struct PostView<'a> {
    /// The numbering label (`1/5`), if numbering.
    pub label: Option<String>,
    /// The author, shown for replies by others and for quoted posts.
    pub byline: Option<&'a Author>,
    /// A reply by someone other than the thread's author.
    pub reply: bool,
    /// The time, when shown.
    pub time: Option<&'a str>,
    /// What the post holds.
    pub blocks: Vec<Block<'a>>,
}

/// The whole article as every renderer shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Article<'a> {
    /// Where the thread came from (for entity links).
    pub platform: Platform,
    /// The title, if any.
    pub title: Option<String>,
    /// The thread's author, shown once.
    pub author: Option<&'a Author>,
    /// The posts (one per merged run when merging).
    pub posts: Vec<PostView<'a>>,
    /// Removed lines, when asked for.
    pub removed: &'a [Removed],
}

/// Builds the [`Article`] that the renderers show.
pub fn article<'a>(thread: &'a Thread, options: &Options) -> Article<'a> {
    let (mut article, views) = article_lazy(thread, options);
    article.posts = views.collect();
    article
}

/// The [`Article`] without its posts (`posts` is empty), and the posts' views to make one at
/// a time: what [`article`] collects, for a renderer that writes a post before it makes the
/// next, so that a big thread's views are never all held at once.
pub fn article_lazy<'a, 'o>(
    thread: &'a Thread,
    options: &'o Options,
) -> (Article<'a>, PostViews<'a, 'o>) {
    let kept: Vec<&Post> = thread
        .posts
        .iter()
        .filter(|p| !(options.author_only && p.reply))
        .collect();
    let author = thread.author.as_ref().or_else(|| {
        thread
            .posts
            .iter()
            .find(|p| !p.reply)
            .and_then(|p| p.author.as_ref())
    });
    let title = match &options.title {
        TitleMode::Custom(t) if !t.trim().is_empty() => Some(t.trim().to_owned()),
        TitleMode::Custom(_) => None,
        TitleMode::FirstSentence => kept
            .iter()
            .find(|p| !p.reply)
            .and_then(|p| first_sentence(&p.text)),
        TitleMode::None => thread.title.clone(),
    };
    let article = Article {
        platform: thread.platform,
        title,
        author,
        posts: Vec::new(),
        removed: if options.include_removed {
            &thread.removed
        } else {
            &[]
        },
    };
    let views = PostViews {
        kept,
        at: 0,
        options,
        spare: Spare::default(),
    };
    (article, views)
}

/// The views of an article's posts, made one at a time ([`article_lazy`]): one per post, or
/// with `merge` one per run of the author's posts.
pub struct PostViews<'a, 'o> {
    /// The posts shown.
    kept: Vec<&'a Post>,
    /// The next post to show.
    at: usize,
    options: &'o Options,
    /// The vectors of the views given back, for the next ones.
    spare: Spare<'a>,
}

impl<'a> PostViews<'a, '_> {
    /// Gives back a view once it is written: its vectors make the next views (with no
    /// allocation for most).
    pub fn recycle(&mut self, view: PostView<'a>) {
        self.spare.keep(view.blocks);
    }
}

impl<'a> Iterator for PostViews<'a, '_> {
    type Item = PostView<'a>;

    fn next(&mut self) -> Option<PostView<'a>> {
        let options = self.options;
        let post = *self.kept.get(self.at)?;
        self.at += 1;
        let mut view = post_view(post, options, false, &mut self.spare);
        if options.merge && !post.reply {
            view.label = None;
            view.time = None;
            // The author's posts that follow flow into this one.
            while let Some(next) = self.kept.get(self.at).filter(|p| !p.reply) {
                let next = post_view(next, options, false, &mut self.spare);
                append_flowing(&mut view.blocks, next.blocks);
                self.at += 1;
            }
        } else if !options.merge {
            view.label = options.numbering.label(self.at, self.kept.len());
        }
        Some(view)
    }
}

fn post_view<'a>(
    post: &'a Post,
    options: &Options,
    quoted: bool,
    spare: &mut Spare<'a>,
) -> PostView<'a> {
    // The post's own text, not a copy of it (the pieces borrow it).
    let paras = if post.spans.is_empty() {
        // A model with no spans (made by hand): its text is one plain text.
        let mut cut = Cutter::new(spare);
        cut.text(&post.text);
        cut.finish()
    } else {
        cut_spans(&post.spans, spare)
    };
    let mut blocks = blocks_of(paras, post.media.len() + usize::from(post.quoted.is_some()));
    if options.keep_markers {
        if let Some(marker) = post
            .marker
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty())
        {
            put_marker(&mut blocks, marker);
        }
    }
    blocks.extend(post.media.iter().map(Block::Media));
    if let Some(q) = &post.quoted {
        blocks.push(Block::Quote(Box::new(post_view(q, options, true, spare))));
    }
    PostView {
        label: None,
        byline: if post.reply || quoted {
            post.author.as_ref()
        } else {
            None
        },
        time: post.time.as_deref().filter(|_| options.show_times),
        reply: post.reply && !quoted,
        blocks,
    }
}

/// Puts the author's marker back: one with a digit (`1/`, `(2/12)`) before the first
/// paragraph, any other (`🧵`, `/end`) after the last one; a list keeps its items, so a marker
/// next to one gets a line of its own. The space between the marker and the text is a piece
/// of its own: every renderer shows `1/` and ` ` as it shows `1/ ` (the Markdown escape of
/// a marker's chars looks no further than a space).
fn put_marker<'a>(blocks: &mut Vec<Block<'a>>, marker: &'a str) {
    let leads = marker.bytes().any(|b| b.is_ascii_digit());
    let alone = || {
        Block::Para(Lines {
            pieces: vec![Piece::plain(marker)],
        })
    };
    if leads {
        match blocks.first_mut() {
            Some(Block::Para(lines)) => {
                lines.pieces.insert(0, Piece::plain(" "));
                lines.pieces.insert(0, Piece::plain(marker));
            }
            _ => blocks.insert(0, alone()),
        }
    } else {
        match blocks.last_mut() {
            Some(Block::Para(lines)) => {
                lines.pieces.push(Piece::plain(" "));
                lines.pieces.push(Piece::plain(marker));
            }
            _ => blocks.push(alone()),
        }
    }
}

/// Appends `next` to `run`, joining a paragraph cut mid-sentence with the one that goes on.
fn append_flowing<'a>(run: &mut Vec<Block<'a>>, next: Vec<Block<'a>>) {
    let mut next = next.into_iter();
    match (run.last_mut(), next.next()) {
        (Some(Block::Para(prev)), Some(Block::Para(first)))
            if !ends_sentence(prev) && starts_lowercase(&first) =>
        {
            // Its first line goes on the last one, after a space; its other lines follow.
            prev.pieces.push(Piece::plain(" "));
            prev.pieces.extend(first.pieces);
        }
        (_, Some(block)) => run.push(block),
        (_, None) => {}
    }
    run.extend(next);
}

/// A line's text, its pieces' texts one after another (pushed in a loop: a collect into a
/// `String` is its own copy of the extend code in the .wasm).
pub(crate) fn line_string(line: &Line) -> String {
    let mut out = String::new();
    for piece in line {
        out.push_str(piece.text);
    }
    out
}

fn ends_sentence(para: &Lines) -> bool {
    let text = line_string(para.last_line());
    let text = text.trim_end();
    let text = text.trim_end_matches(['"', '”', '’', '\'', ')', '»']);
    match text.chars().next_back() {
        None => true,
        // A word, a comma or a dash goes on; anything else (a full stop, an emoji) ends.
        Some(c) => !(c.is_alphanumeric() || matches!(c, ',' | '-' | '–' | '—' | '&' | '+' | '/')),
    }
}

fn starts_lowercase(para: &Lines) -> bool {
    // The first piece is the first line's (no line is empty).
    para.pieces
        .first()
        .and_then(|p| p.text.trim_start().chars().next())
        .is_some_and(char::is_lowercase)
}

/// Cuts spans into blocks: paragraphs and lists.
pub fn blocks(spans: &[Span]) -> Vec<Block<'_>> {
    blocks_of(cut_spans(spans, &mut Spare::default()), 0)
}

/// The blocks of `paras` (`Para` blocks, as cut), with room for `more` blocks after them (a
/// post's media and quote).
fn blocks_of(mut paras: Vec<Block<'_>>, more: usize) -> Vec<Block<'_>> {
    // Most posts hold no list: their paragraphs are their blocks, as the walk below makes them.
    let mut any = false;
    for block in &paras {
        if let Block::Para(para) = block {
            for line in para {
                any = any || list_item(line).is_some();
            }
        }
    }
    if !any {
        paras.reserve(more);
        return paras;
    }
    lists(&paras)
}

/// [`blocks_of`] for paragraphs with list items in them.
fn lists<'a>(paras: &[Block<'a>]) -> Vec<Block<'a>> {
    // Every line with its paragraph and, if it is one, its list item.
    let mut lines: Vec<(usize, &Line, Option<Item>)> = Vec::new();
    for (p, block) in paras.iter().enumerate() {
        let Block::Para(para) = block else {
            continue;
        };
        for line in para {
            lines.push((p, line, list_item(line)));
        }
    }
    // Runs of items that go together; only runs of two or more become lists.
    let mut in_list = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        let Some((kind, start, _)) = &lines[i].2 else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while let Some((_, _, Some((k, n, _)))) = lines.get(j) {
            if !continues(*kind, *start, j - i, *k, *n) {
                break;
            }
            j += 1;
        }
        if j - i >= 2 {
            in_list[i..j].iter_mut().for_each(|f| *f = true);
        }
        i = j;
    }
    let mut out: Vec<Block> = Vec::new();
    let mut para = Lines::default();
    let mut para_idx = usize::MAX;
    for ((p, line, item), listed) in lines.into_iter().zip(in_list) {
        match item.filter(|_| listed) {
            Some((kind, n, rest)) => {
                if !para.pieces.is_empty() {
                    out.push(Block::Para(std::mem::take(&mut para)));
                }
                if let Some(Block::List {
                    kind: k,
                    start,
                    items,
                }) = out.last_mut()
                {
                    if continues(*k, *start, items.count(), kind, n) {
                        push_item(items, rest, line);
                        continue;
                    }
                }
                let mut items = Lines::default();
                push_item(&mut items, rest, line);
                out.push(Block::List {
                    kind,
                    start: n,
                    items,
                });
                para_idx = usize::MAX;
            }
            None => {
                if p != para_idx && !para.pieces.is_empty() {
                    out.push(Block::Para(std::mem::take(&mut para)));
                }
                para_idx = p;
                if !para.pieces.is_empty() {
                    para.push_break();
                }
                para.pieces.extend_from_slice(line);
            }
        }
    }
    if !para.pieces.is_empty() {
        out.push(Block::Para(para));
    }
    out
}

/// Adds an item to a list's `items`: `rest`, the first piece's text after the marker, then
/// the line's other pieces.
fn push_item<'a>(items: &mut Lines<'a>, rest: &'a str, line: &Line<'a>) {
    if !items.pieces.is_empty() {
        items.push_break();
    }
    if !rest.is_empty() {
        items.pieces.push(Piece::plain(rest));
    }
    items
        .pieces
        .extend_from_slice(crate::entities::sub_b(line, 1..));
}

fn continues(kind: ListKind, start: usize, len: usize, next: ListKind, n: usize) -> bool {
    kind == next
        && match kind {
            ListKind::Bullet(_) => true,
            ListKind::Ordered(_) => n == start + len,
        }
}

/// A list item: its marker's kind, its number and the first piece's text after the marker
/// (the item is that text, then the line's other pieces).
type Item<'a> = (ListKind, usize, &'a str);

/// If `line` starts with a list marker (in plain text) and shows something after it, its
/// kind, number and the text after the marker.
fn list_item<'a>(line: &Line<'a>) -> Option<Item<'a>> {
    let first = line.first().filter(|p| p.span.is_none())?;
    let t = first.text.trim_start();
    let (kind, n, rest) = if let Some(rest) = ["- ", "• ", "* "]
        .iter()
        .find_map(|m| t.strip_prefix(m).map(|r| (m, r)))
    {
        // Markers are not empty: never the default (no panic path in the .wasm).
        let bullet = rest.0.chars().next().unwrap_or_default();
        (ListKind::Bullet(bullet), 1, rest.1)
    } else {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            return None;
        }
        let delim = *t.as_bytes().get(digits)?;
        if !matches!(delim, b'.' | b')') || t.as_bytes().get(digits + 1) != Some(&b' ') {
            return None;
        }
        let n: usize = crate::entities::sub(t, ..digits).parse().ok()?;
        (
            ListKind::Ordered(delim as char),
            n,
            crate::entities::sub(t, digits + 2..),
        )
    };
    let rest = rest.trim_start();
    if crate::segment::trim(rest).is_empty() && line_is_blank(crate::entities::sub_b(line, 1..)) {
        return None;
    }
    Some((kind, n, rest))
}

/// The first sentence of `text`, for a title: up to `.`, `!`, `?` or `…` followed by a space,
/// or the end of the first line; a trailing `.`, `:` or emoji is dropped; long ones are cut at
/// a word.
pub fn first_sentence(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let mut end = line.len();
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?' | '…') {
            let next = chars.peek().map(|&(_, n)| n);
            if next.is_none_or(char::is_whitespace) {
                end = i + c.len_utf8();
                break;
            }
        }
    }
    // A title does not end in a full stop, a colon or a pointing emoji (`👇`, `🧵`).
    let symbol = |c: char| {
        c.is_whitespace()
            || matches!(c, '.' | ':' | '\u{fe0f}' | '\u{200d}')
            || (c >= '\u{2190}' && !c.is_alphanumeric())
    };
    let mut s = crate::entities::sub(line, ..end).trim_end_matches(symbol);
    const MAX: usize = 90;
    let mut cut = false;
    if s.chars().count() > MAX {
        let byte = s.char_indices().nth(MAX).map_or(s.len(), |(b, _)| b);
        let head = crate::entities::sub(s, ..byte);
        s = head
            .rfind(' ')
            .map_or(head, |sp| crate::entities::sub(head, ..sp))
            .trim_end();
        cut = true;
    }
    if s.is_empty() {
        return None;
    }
    Some(if cut { format!("{s}…") } else { s.to_owned() })
}

/// Whether `href` may become a link: `http:`, `https:` or `mailto:` only.
pub fn safe_href(href: &str) -> bool {
    safe_link(href).is_some()
}

/// `href` ready for an attribute or a Markdown link destination, or `None` when its scheme is
/// not `http:`, `https:` or `mailto:`. Leading and trailing spaces and controls are dropped,
/// as browsers do; spaces, controls, quotes, `<`, `>`, `\` and `` ` `` inside are
/// percent-encoded.
pub fn clean_href(href: &str) -> Option<String> {
    safe_link(href).map(|t| Href::Link(t).into_string())
}

/// `href` with its leading and trailing spaces and controls dropped, if its scheme is
/// `http:`, `https:` or `mailto:` and something follows it: what [`clean_href`] encodes.
fn safe_link(href: &str) -> Option<&str> {
    // The chars trimmed are all ASCII: bytes, with no decoding, in index loops (at opt-level
    // z, the .wasm, a char loop is a call a char, and each `take_while` closure a call a
    // byte).
    let b = href.as_bytes();
    let strip = |b: u8| b <= b' ' || b == 0x7f;
    let (mut start, mut end) = (0, b.len());
    while start < end && strip(b[start]) {
        start += 1;
    }
    while end > start && b.get(end - 1).is_some_and(|&c| strip(c)) {
        end -= 1;
    }
    let t = crate::entities::sub_b(b, start..end);
    // ASCII case only: no other char lowercases to a letter of these schemes. After the
    // scheme (its first `:` and any `/`s), something must follow.
    let scheme = |s: &[u8]| t.len() >= s.len() && t[..s.len()].eq_ignore_ascii_case(s);
    let mut rest = if scheme(b"https://") {
        8
    } else if scheme(b"http://") || scheme(b"mailto:") {
        7
    } else {
        return None;
    };
    while rest < t.len() && t[rest] == b'/' {
        rest += 1;
    }
    (rest < t.len()).then_some(crate::entities::sub(href, start..end))
}

/// Pushes the safe link `t` ([`safe_link`]) with its spaces, controls, quotes, `<`, `>`, `\`
/// and `` ` `` percent-encoded, and with `amp` in place of each `&` (`"&"` for the address
/// itself, `"&amp;"` for it escaped in an HTML attribute: the one char of the address that
/// HTML escapes, the others being percent-encoded).
fn push_link(t: &str, amp: &str, out: &mut String) {
    out.reserve(t.len());
    // Runs of bytes kept are copied whole; a byte escaped is an ASCII char's only byte.
    let mut run = 0;
    // An index loop: at opt-level z `bytes().enumerate()` is a call a byte.
    let bytes = t.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b <= b' ' || matches!(b, 0x7f | b'"' | b'\'' | b'<' | b'>' | b'\\' | b'`' | b'&') {
            out.push_str(crate::entities::sub(t, run..i));
            if b == b'&' {
                out.push_str(amp);
            } else {
                push_percent(b, out);
            }
            run = i + 1;
        }
        i += 1;
    }
    out.push_str(crate::entities::sub(t, run..));
}

/// Where a piece links: an address as it is written out, made by [`Href::push`] straight
/// into a renderer's output (an address built as a `String` first was an allocation for each
/// of a thread's thousands of links, mentions and hashtags).
#[derive(Clone, Debug, PartialEq)]
pub enum Href<'a> {
    /// A safe link (`safe_link`), percent-encoded as it is written ([`clean_href`]).
    Link(&'a str),
    /// An entity's address: a prefix, the word percent-encoded, a suffix. The prefixes and
    /// suffixes hold no char that HTML escapes, and a percent-encoded word none either.
    Entity(&'static str, &'a str, &'static str),
    /// An address made whole (a Mastodon one, from a server's name).
    Made(String),
}

impl Href<'_> {
    /// Pushes the address.
    pub fn push(&self, out: &mut String) {
        match self {
            Href::Link(t) => push_link(t, "&", out),
            Href::Entity(prefix, word, suffix) => {
                out.reserve(prefix.len() + word.len() + suffix.len());
                out.push_str(prefix);
                push_percent_encoded(word, out);
                out.push_str(suffix);
            }
            Href::Made(s) => out.push_str(s),
        }
    }

    /// Pushes the address escaped for an HTML attribute value (as `html::escape` would):
    /// only a link's `&` and a made address need it.
    pub fn push_html(&self, out: &mut String) {
        match self {
            Href::Link(t) => push_link(t, "&amp;", out),
            Href::Entity(..) => self.push(out),
            Href::Made(s) => html::escape(s, out),
        }
    }

    /// The address as a `String`.
    pub fn into_string(self) -> String {
        match self {
            Href::Made(s) => s,
            other => {
                let mut out = String::new();
                other.push(&mut out);
                out
            }
        }
    }
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_percent_encoded(s, &mut out);
    out
}

/// [`percent_encode`] of `s`, pushed onto `out`.
fn push_percent_encoded(s: &str, out: &mut String) {
    // Runs of bytes kept are copied whole: they are ASCII, so a run that is not empty starts
    // and ends on char boundaries (between the escaped bytes of one char it is empty).
    let mut run = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')) {
            if run < i {
                out.push_str(crate::entities::sub(s, run..i));
            }
            push_percent(b, out);
            run = i + 1;
        }
        i += 1;
    }
    out.push_str(crate::entities::sub(s, run..));
}

/// `%XX`, the byte `b` percent-encoded (upper-case hex), with no `format!`.
fn push_percent(b: u8, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('%');
    out.push(char::from(HEX[usize::from(b >> 4)]));
    out.push(char::from(HEX[usize::from(b & 15)]));
}

/// `mastodon.social` from `@ada@mastodon.social`.
fn mastodon_instance(handle: &str) -> Option<&str> {
    let h = handle.strip_prefix('@').unwrap_or(handle);
    let (_, instance) = h.split_once('@')?;
    Some(instance).filter(|i| crate::clean::has(i, '.') && !i.contains(['/', '@', ' ']))
}

/// Where a mention, hashtag or cashtag links on `platform`, given the thread author's handle;
/// `None` for plain text, where the text does not say where (a LinkedIn name, a short
/// Mastodon `@user` who could be on any server) and for every other span.
///
/// X and unrolled pages: `x.com/NAME`, `x.com/hashtag/TAG`, `x.com/search?q=%24TAG`.
/// Bluesky: `bsky.app/profile/HANDLE` (handles with a dot), `bsky.app/hashtag/TAG`.
/// Mastodon: `@user@server` → `https://server/@user`; a short `@user` only when it is the
/// thread's author; `#tag` → `/tags/TAG` on the author's server. Threads:
/// `threads.net/@name`. LinkedIn: `linkedin.com/feed/hashtag/TAG/`.
pub fn entity_href(platform: Platform, author: Option<&str>, span: &Span) -> Option<String> {
    entity_address(platform, author, span).map(Href::into_string)
}

/// [`entity_href`], as an [`Href`].
fn entity_address<'a>(
    platform: Platform,
    author: Option<&str>,
    span: &'a Span,
) -> Option<Href<'a>> {
    let sigil = match span {
        Span::Mention { .. } => b'@',
        Span::Hashtag { .. } => b'#',
        Span::Cashtag { .. } => b'$',
        _ => return None,
    };
    entity_at(platform, author, sigil, span.text())
}

/// Where the entity `text` links, its kind told by its `sigil` (`@` a mention, `#` a hashtag,
/// `$` a cashtag): [`entity_href`] with no span made.
fn entity_at<'a>(
    platform: Platform,
    author: Option<&str>,
    sigil: u8,
    text: &'a str,
) -> Option<Href<'a>> {
    // The sigils are ASCII: the word is what follows the byte (no char encoded to compare).
    let t = crate::segment::trim(text);
    let word = t
        .get(1..)
        .filter(|w| t.as_bytes().first() == Some(&sigil) && !w.is_empty())?;
    let entity = |prefix| Some(Href::Entity(prefix, word, ""));
    match (platform, sigil) {
        (Platform::X | Platform::Threadreader, b'@') => {
            let plain = !word.bytes().any(|b| b == b'@' || b == b'.');
            plain.then_some(Href::Entity("https://x.com/", word, ""))
        }
        (Platform::X | Platform::Threadreader, b'#') => entity("https://x.com/hashtag/"),
        (Platform::X | Platform::Threadreader, b'$') => entity("https://x.com/search?q=%24"),
        (Platform::Bluesky, b'@') => crate::clean::has(word, '.').then_some(Href::Entity(
            "https://bsky.app/profile/",
            word,
            "",
        )),
        (Platform::Bluesky, b'#') => entity("https://bsky.app/hashtag/"),
        (Platform::Mastodon, b'@') => {
            let (user, server) = match word.split_once('@') {
                Some((u, s)) => (u, mastodon_instance(&format!("@x@{s}"))?.to_owned()),
                None => {
                    // Mastodon shows every mention short: only the author's own is certain.
                    let own = author?.trim_start_matches('@').split_once('@')?.0;
                    (own == word).then_some(())?;
                    (word, mastodon_instance(author?)?.to_owned())
                }
            };
            Some(Href::Made(format!(
                "https://{server}/@{}",
                percent_encode(user)
            )))
        }
        (Platform::Mastodon, b'#') => Some(Href::Made(format!(
            "https://{}/tags/{}",
            author.and_then(mastodon_instance)?,
            percent_encode(word)
        ))),
        (Platform::Threads, b'@') => (!crate::clean::has(word, '@')).then_some(Href::Entity(
            "https://www.threads.net/@",
            word,
            "",
        )),
        (Platform::Linkedin, b'#') => Some(Href::Entity(
            "https://www.linkedin.com/feed/hashtag/",
            word,
            "/",
        )),
        _ => None,
    }
}

/// Where `span` (a span, or a piece of a line) links in this article, if anywhere: a safe
/// link's cleaned address, or an entity's platform address when `link_entities` is on.
pub fn span_href<'s>(
    article: &Article,
    options: &Options,
    span: impl Into<Piece<'s>>,
) -> Option<String> {
    piece_href(article, options, span.into()).map(Href::into_string)
}

/// [`span_href`] of a piece, as an [`Href`].
pub fn piece_href<'a>(article: &Article, options: &Options, piece: Piece<'a>) -> Option<Href<'a>> {
    match piece.span? {
        // A link cut short by the platform (`bsky.app/profile/…`) leads nowhere: text only.
        Span::Link { href, .. } if href.ends_with('…') || href.ends_with("...") => None,
        Span::Link { href, .. } => safe_link(href).map(Href::Link),
        Span::Text { .. } => None,
        span if options.link_entities => {
            let author = article.author.and_then(|a| a.handle.as_deref());
            entity_address(article.platform, author, span)
        }
        _ => None,
    }
}

/// Where an author's shown `handle` links in this article: as a mention in the text would.
pub fn handle_href<'a>(article: &Article, options: &Options, handle: &'a str) -> Option<Href<'a>> {
    if !options.link_entities {
        return None;
    }
    let author = article.author.and_then(|a| a.handle.as_deref());
    entity_at(article.platform, author, b'@', handle)
}

/// A line's pieces as every renderer shows them: the line's outer white space trimmed, empty
/// pieces dropped, each with the address it links to. A link with no visible text could not be
/// seen or clicked, so it shows as text only.
pub fn shown_spans<'a>(
    article: &'a Article,
    options: &'a Options,
    line: &'a Line<'a>,
) -> impl Iterator<Item = (&'a str, Option<Href<'a>>)> + 'a {
    let last = line.len().saturating_sub(1);
    line.iter().enumerate().filter_map(move |(i, piece)| {
        let mut text = piece.text;
        if i == 0 {
            text = text.trim_start();
        }
        if i == last {
            text = text.trim_end();
        }
        if text.is_empty() {
            return None;
        }
        let href =
            piece_href(article, options, *piece).filter(|_| !crate::segment::trim(text).is_empty());
        Some((text, href))
    })
}

/// An author's name and handle as shown: trimmed, and `None` where blank.
pub fn shown(author: &Author) -> (Option<&str>, Option<&str>) {
    fn part(s: &Option<crate::thread::ShortText>) -> Option<&str> {
        s.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
    (part(&author.name), part(&author.handle))
}

/// Whether an author shows any words ([`author_words`] is not `None`), with none made.
pub fn shows_words(author: &Author) -> bool {
    shown(author) != (None, None)
}

/// The words shown for an author: `Name @handle`, either part alone, or `None`.
pub fn author_words(author: &Author) -> Option<String> {
    let (name, handle) = shown(author);
    match (name, handle) {
        (Some(n), Some(h)) => Some(format!("{n} {h}")),
        (Some(n), None) => Some(n.to_owned()),
        (None, Some(h)) => Some(h.to_owned()),
        (None, None) => None,
    }
}

/// How a media placeholder is labelled: `Image`, `Video`, `GIF`, or the kind as given
/// (borrowed for the kinds known: no allocation for each of a thread's images).
pub fn media_label(media: &Media) -> Cow<'static, str> {
    match media.kind.trim() {
        "image" | "" => Cow::Borrowed("Image"),
        "video" => Cow::Borrowed("Video"),
        "gif" => Cow::Borrowed("GIF"),
        other => Cow::Owned(crate::ucd::capitalize(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::pick;

    #[test]
    fn join_joins_as_std_joins_and_concats() {
        for parts in [
            &[][..],
            &[""][..],
            &["a"][..],
            &["a", "b"][..],
            &["Ada", "", "5h", "é 👇"][..],
        ] {
            for sep in ["", " · ", ", "] {
                assert_eq!(
                    join(parts, sep),
                    parts.join(sep),
                    "{parts:?} joined by {sep:?}"
                );
            }
            assert_eq!(join(parts, ""), parts.concat(), "{parts:?} concatenated");
        }
    }

    #[test]
    fn hrefs_and_percent_encoding_by_bytes_match_the_char_by_char_reading() {
        // The char-by-char versions these replaced, as the reference.
        fn clean_by_chars(href: &str) -> Option<String> {
            let t = href.trim_matches(|c: char| c <= ' ' || c == '\u{7f}');
            let ok = ["http://", "https://", "mailto:"].iter().any(|s| {
                t.as_bytes()
                    .get(..s.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(s.as_bytes()))
            });
            let rest = t
                .split_once(':')
                .map_or("", |(_, r)| r)
                .trim_start_matches('/');
            if !ok || rest.is_empty() {
                return None;
            }
            let mut out = String::new();
            for c in t.chars() {
                if c <= ' ' || matches!(c, '\u{7f}' | '"' | '\'' | '<' | '>' | '\\' | '`') {
                    out.push_str(&format!("%{:02X}", c as u32));
                } else {
                    out.push(c);
                }
            }
            Some(out)
        }
        fn encode_by_chars(s: &str) -> String {
            s.bytes()
                .map(|b| {
                    if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                        (b as char).to_string()
                    } else {
                        format!("%{b:02X}")
                    }
                })
                .collect()
        }
        for h in [
            "",
            " \t\u{7f}",
            "https://example.com/a b\"c'd<e>f\\g`h",
            "  HTTPS://exämple.com/ü/é?q=ß  \u{7f}",
            "mailto:ada@example.com",
            "javascript:alert(1)",
            "https://",
            "\u{1}https://x.com/🧵\u{0}",
            "https://x.com/\u{a0}nbsp",
        ] {
            assert_eq!(clean_href(h), clean_by_chars(h), "clean_href({h:?})");
        }
        // Random addresses: the cleaning, and the address written escaped for HTML in one
        // pass, against the char-by-char cleaning escaped after it.
        const PARTS: [&str; 20] = [
            "https://",
            "HTTP://",
            "mailto:",
            "javascript:",
            " ",
            "\u{7f}",
            "\"",
            "'",
            "<",
            ">",
            "\\",
            "`",
            "&",
            "amp;",
            "é",
            "a",
            "/",
            ":",
            "\u{1}",
            "🧵",
        ];
        let mut next = crate::test_rng::xorshift(0x11c0_ffee_0014_0002);
        for _ in 0..30_000 {
            let mut h = String::new();
            for _ in 0..next() % 8 {
                h.push_str(pick(&PARTS, &mut next));
            }
            let want = clean_by_chars(&h);
            assert_eq!(clean_href(&h), want, "clean_href({h:?})");
            assert_eq!(safe_link(&h).is_some(), want.is_some(), "{h:?} is safe");
            if let (Some(t), Some(want)) = (safe_link(&h), want) {
                let (mut html, mut escaped) = (String::new(), String::new());
                Href::Link(t).push_html(&mut html);
                html::escape(&want, &mut escaped);
                assert_eq!(html, escaped, "{h:?} escaped for HTML");
            }
        }
        for w in [
            "",
            "rustlang",
            "café",
            "日本語",
            "a b+c/d",
            "🧵x🧵",
            "ü-._~",
        ] {
            let mut out = String::new();
            push_percent_encoded(w, &mut out);
            assert_eq!(out, encode_by_chars(w), "percent-encoding {w:?}");
        }
    }
    use crate::entities::spans;

    #[test]
    fn paragraphs_and_lines() {
        let all = spans("a @b\nc\n\nd");
        let p = paragraphs(&all);
        assert_eq!(p.len(), 2, "a blank line splits paragraphs");
        assert_eq!(p[0].count(), 2, "a single newline is a line break");
        assert_eq!(
            p[1].iter().next(),
            Some(&[Piece::plain("d")][..]),
            "the piece after the blank line"
        );
        let whole = [Span::Text {
            text: "one\ntwo".into(),
        }];
        let p = paragraphs(&whole);
        let first = p[0].iter().next().expect("a line");
        assert!(
            std::ptr::eq(first[0].text().as_ptr(), whole[0].text().as_ptr()),
            "a piece is the span's own text, not a copy"
        );
    }

    /// The block model as it was: lines of spans (`Cow`s, a copy for each piece of a text cut
    /// at a line break), the reference for [`paragraphs`] and [`blocks`].
    mod reference {
        use crate::render::ListKind;
        use crate::thread::Span;
        use std::borrow::Cow;

        pub type Line<'a> = Vec<Cow<'a, Span>>;

        #[derive(Debug)]
        pub enum Block<'a> {
            Para(Vec<Line<'a>>),
            List {
                kind: ListKind,
                start: usize,
                items: Vec<Line<'a>>,
            },
        }

        pub fn paragraphs(spans: &[Span]) -> Vec<Vec<Line<'_>>> {
            let mut paras: Vec<Vec<Line>> = vec![vec![Vec::with_capacity(spans.len())]];
            for span in spans {
                match span {
                    Span::Text { text } if !text.contains('\n') => {
                        if !text.is_empty() {
                            paras
                                .last_mut()
                                .and_then(|p| p.last_mut())
                                .expect("paras is never empty")
                                .push(Cow::Borrowed(span));
                        }
                    }
                    Span::Text { text } => {
                        let mut parts = text.split('\n').peekable();
                        while let Some(part) = parts.next() {
                            if !part.is_empty() {
                                let para = paras.last_mut().expect("paras is never empty");
                                para.last_mut()
                                    .expect("a paragraph has a line")
                                    .push(Cow::Owned(Span::Text { text: part.into() }));
                            }
                            if parts.peek().is_some() {
                                let para = paras.last_mut().expect("paras is never empty");
                                if para.last().is_some_and(Vec::is_empty) {
                                    para.pop();
                                    if !para.is_empty() {
                                        paras.push(vec![Vec::new()]);
                                    } else {
                                        para.push(Vec::new());
                                    }
                                } else {
                                    para.push(Vec::new());
                                }
                            }
                        }
                    }
                    other => paras
                        .last_mut()
                        .and_then(|p| p.last_mut())
                        .expect("paras is never empty")
                        .push(Cow::Borrowed(other)),
                }
            }
            for p in &mut paras {
                p.retain(|l| !line_is_blank(l));
            }
            paras.retain(|p| !p.is_empty());
            paras
        }

        fn line_is_blank(line: &Line) -> bool {
            line.iter()
                .all(|s| crate::segment::trim(s.text()).is_empty())
        }

        pub fn blocks(spans: &[Span]) -> Vec<Block<'_>> {
            let paras = paragraphs(spans);
            let mut lines: Vec<(usize, Line, Option<Item>)> = Vec::new();
            for (p, para) in paras.into_iter().enumerate() {
                for line in para {
                    let item = list_item(&line);
                    lines.push((p, line, item));
                }
            }
            let mut in_list = vec![false; lines.len()];
            let mut i = 0;
            while i < lines.len() {
                let Some((kind, start, _)) = &lines[i].2 else {
                    i += 1;
                    continue;
                };
                let mut j = i + 1;
                while let Some((_, _, Some((k, n, _)))) = lines.get(j) {
                    if !continues(*kind, *start, j - i, *k, *n) {
                        break;
                    }
                    j += 1;
                }
                if j - i >= 2 {
                    in_list[i..j].iter_mut().for_each(|f| *f = true);
                }
                i = j;
            }
            let mut out: Vec<Block> = Vec::new();
            let mut para: Vec<Line> = Vec::new();
            let mut para_idx = usize::MAX;
            for ((p, line, item), listed) in lines.into_iter().zip(in_list) {
                match item.filter(|_| listed) {
                    Some((kind, n, item)) => {
                        if !para.is_empty() {
                            out.push(Block::Para(std::mem::take(&mut para)));
                        }
                        if let Some(Block::List {
                            kind: k,
                            start,
                            items,
                        }) = out.last_mut()
                        {
                            if continues(*k, *start, items.len(), kind, n) {
                                items.push(item);
                                continue;
                            }
                        }
                        out.push(Block::List {
                            kind,
                            start: n,
                            items: vec![item],
                        });
                        para_idx = usize::MAX;
                    }
                    None => {
                        if p != para_idx && !para.is_empty() {
                            out.push(Block::Para(std::mem::take(&mut para)));
                        }
                        para_idx = p;
                        para.push(line);
                    }
                }
            }
            if !para.is_empty() {
                out.push(Block::Para(para));
            }
            out
        }

        fn continues(kind: ListKind, start: usize, len: usize, next: ListKind, n: usize) -> bool {
            kind == next
                && match kind {
                    ListKind::Bullet(_) => true,
                    ListKind::Ordered(_) => n == start + len,
                }
        }

        type Item<'a> = (ListKind, usize, Line<'a>);

        fn list_item<'a>(line: &Line<'a>) -> Option<Item<'a>> {
            let Some(Span::Text { text }) = line.first().map(|s| &**s) else {
                return None;
            };
            let t = text.trim_start();
            let (kind, n, rest) = if let Some(rest) = ["- ", "• ", "* "]
                .iter()
                .find_map(|m| t.strip_prefix(m).map(|r| (m, r)))
            {
                // Markers are not empty: never the default (no panic path in the .wasm).
                let bullet = rest.0.chars().next().unwrap_or_default();
                (ListKind::Bullet(bullet), 1, rest.1)
            } else {
                let digits = t.bytes().take_while(u8::is_ascii_digit).count();
                if digits == 0 || digits > 3 {
                    return None;
                }
                let delim = *t.as_bytes().get(digits)?;
                if !matches!(delim, b'.' | b')') || t.as_bytes().get(digits + 1) != Some(&b' ') {
                    return None;
                }
                let n: usize = t[..digits].parse().ok()?;
                (ListKind::Ordered(delim as char), n, &t[digits + 2..])
            };
            let rest = rest.trim_start();
            let mut item: Line = Vec::with_capacity(line.len());
            if !rest.is_empty() {
                item.push(Cow::Owned(Span::Text { text: rest.into() }));
            }
            item.extend(line[1..].iter().cloned());
            if line_is_blank(&item) {
                return None;
            }
            Some((kind, n, item))
        }

        /// `entity_href` as it was, matching on the span and making each address a `String`.
        pub fn entity_href(
            platform: crate::thread::Platform,
            author: Option<&str>,
            span: &Span,
        ) -> Option<String> {
            use crate::thread::Platform;
            fn word(s: &str, sigil: u8) -> Option<&str> {
                let t = crate::segment::trim(s);
                let w = t
                    .get(1..)
                    .filter(|_| t.as_bytes().first() == Some(&sigil))?;
                Some(w).filter(|w| !w.is_empty())
            }
            let address = |p: &str, w: &str, s: &str| format!("{p}{}{s}", super::percent_encode(w));
            let instance = super::mastodon_instance;
            match (platform, span) {
                (Platform::X | Platform::Threadreader, Span::Mention { text }) => {
                    let name = word(text, b'@')?;
                    let plain = !name.bytes().any(|b| b == b'@' || b == b'.');
                    plain.then(|| address("https://x.com/", name, ""))
                }
                (Platform::X | Platform::Threadreader, Span::Hashtag { text }) => {
                    Some(address("https://x.com/hashtag/", word(text, b'#')?, ""))
                }
                (Platform::X | Platform::Threadreader, Span::Cashtag { text }) => {
                    Some(address("https://x.com/search?q=%24", word(text, b'$')?, ""))
                }
                (Platform::Bluesky, Span::Mention { text }) => {
                    let handle = word(text, b'@')?;
                    handle
                        .contains('.')
                        .then(|| address("https://bsky.app/profile/", handle, ""))
                }
                (Platform::Bluesky, Span::Hashtag { text }) => {
                    Some(address("https://bsky.app/hashtag/", word(text, b'#')?, ""))
                }
                (Platform::Mastodon, Span::Mention { text }) => {
                    let handle = word(text, b'@')?;
                    let (user, server) = match handle.split_once('@') {
                        Some((u, s)) => (u.to_owned(), instance(&format!("@x@{s}"))?.to_owned()),
                        None => {
                            let own = author?.trim_start_matches('@').split_once('@')?.0;
                            (own == handle).then_some(())?;
                            (handle.to_owned(), instance(author?)?.to_owned())
                        }
                    };
                    Some(format!(
                        "https://{server}/@{}",
                        super::percent_encode(&user)
                    ))
                }
                (Platform::Mastodon, Span::Hashtag { text }) => Some(format!(
                    "https://{}/tags/{}",
                    author.and_then(instance)?,
                    super::percent_encode(word(text, b'#')?)
                )),
                (Platform::Threads, Span::Mention { text }) => {
                    let name = word(text, b'@')?;
                    (!name.contains('@')).then(|| address("https://www.threads.net/@", name, ""))
                }
                (Platform::Linkedin, Span::Hashtag { text }) => Some(address(
                    "https://www.linkedin.com/feed/hashtag/",
                    word(text, b'#')?,
                    "/",
                )),
                _ => None,
            }
        }
    }

    /// A line as text and, for each piece, the span it stands for (none for plain text).
    type Shown = Vec<(String, Option<Span>)>;

    fn shown_new(line: &Line) -> Shown {
        line.iter()
            .map(|p| (p.text().to_owned(), p.span().cloned()))
            .collect()
    }

    fn shown_old(line: &reference::Line) -> Shown {
        line.iter()
            .map(|s| {
                let span = Some((**s).clone()).filter(|s| !matches!(s, Span::Text { .. }));
                (s.text().to_owned(), span)
            })
            .collect()
    }

    /// Random spans of the texts the cutting and the lists look at: line breaks, blank lines,
    /// white space, list markers, entities (some with no text).
    fn random_spans(next: &mut impl FnMut() -> u64) -> Vec<Span> {
        const PARTS: [&str; 22] = [
            "\n", "\n", "\n\n", " ", "  ", "\t", "\u{a0}", "a", "word", "é", "- ", "• ", "* ",
            "1. ", "2. ", "3) ", "12. ", "-", "1.", "x.", "🧵", "\u{3000}",
        ];
        let mut spans = Vec::new();
        for _ in 0..next() % 7 {
            let mut text = String::new();
            for _ in 0..next() % 6 {
                text.push_str(pick(&PARTS, next));
            }
            spans.push(match next() % 6 {
                0 => Span::Mention {
                    text: format!("@a{}", text.trim()).into(),
                },
                1 => Span::Hashtag {
                    text: text.trim().into(),
                },
                2 => Span::Link {
                    text: text.clone().into(),
                    href: "https://a.example/".into(),
                },
                _ => Span::Text { text: text.into() },
            });
        }
        spans
    }

    #[test]
    fn pieces_cut_and_listed_as_the_copied_spans_were() {
        let mut next = crate::test_rng::xorshift(0x0b10_c5ed_2026_0014);
        for _ in 0..30_000 {
            let spans = random_spans(&mut next);
            let want: Vec<Vec<Shown>> = reference::paragraphs(&spans)
                .iter()
                .map(|p| p.iter().map(shown_old).collect())
                .collect();
            let got: Vec<Vec<Shown>> = paragraphs(&spans)
                .iter()
                .map(|p| p.iter().map(shown_new).collect())
                .collect();
            assert_eq!(got, want, "paragraphs of {spans:?}");
            let want: Vec<(String, Vec<Shown>)> = reference::blocks(&spans)
                .iter()
                .map(|b| match b {
                    reference::Block::Para(lines) => {
                        ("p".into(), lines.iter().map(shown_old).collect())
                    }
                    reference::Block::List { kind, start, items } => (
                        format!("{kind:?}@{start}"),
                        items.iter().map(shown_old).collect(),
                    ),
                })
                .collect();
            let got: Vec<(String, Vec<Shown>)> = blocks(&spans)
                .iter()
                .map(|b| match b {
                    Block::Para(lines) => ("p".into(), lines.iter().map(shown_new).collect()),
                    Block::List { kind, start, items } => (
                        format!("{kind:?}@{start}"),
                        items.iter().map(shown_new).collect(),
                    ),
                    _ => unreachable!("blocks makes paragraphs and lists"),
                })
                .collect();
            assert_eq!(got, want, "blocks of {spans:?}");
        }
    }

    #[test]
    fn views_made_from_recycled_vectors_are_the_views_made_fresh() {
        let mut next = crate::test_rng::xorshift(0x7ec0_c1ed_0014_0003);
        for _ in 0..2_000 {
            let post = |next: &mut dyn FnMut() -> u64, number| {
                let mut next = || next();
                Post {
                    number,
                    spans: random_spans(&mut next),
                    media: vec![
                        Media {
                            kind: "image".into(),
                            alt: None,
                        };
                        (next() % 2) as usize
                    ],
                    ..Post::default()
                }
            };
            let mut posts = Vec::new();
            for number in 1..=(next() % 6) as usize {
                let mut p = post(&mut next, number);
                if next() % 4 == 0 {
                    p.quoted = Some(Box::new(post(&mut next, 0)));
                }
                posts.push(p);
            }
            let thread = Thread {
                posts,
                ..Thread::default()
            };
            let options = Options {
                merge: next() % 3 == 0,
                ..Options::default()
            };
            let want = article(&thread, &options).posts;
            let (_, mut views) = article_lazy(&thread, &options);
            let mut got = Vec::new();
            while let Some(view) = views.next() {
                got.push(view.clone());
                views.recycle(view);
            }
            assert_eq!(got, want, "{thread:?}");
        }
    }

    #[test]
    fn entity_addresses_are_those_made_as_strings() {
        const PARTS: [&str; 16] = [
            "@",
            "#",
            "$",
            "a",
            "Z9",
            ".",
            "@",
            "ada",
            "fosstodon.org",
            " ",
            "é",
            "🧵",
            "/",
            "\"",
            "-_~",
            "x.y",
        ];
        let platforms = [
            Platform::X,
            Platform::Threadreader,
            Platform::Bluesky,
            Platform::Mastodon,
            Platform::Threads,
            Platform::Linkedin,
            Platform::Plain,
        ];
        let mut next = crate::test_rng::xorshift(0xadd2_e55e_5014_0001);
        for _ in 0..30_000 {
            let mut text = String::new();
            for _ in 0..next() % 6 {
                text.push_str(pick(&PARTS, &mut next));
            }
            let span = match next() % 4 {
                0 => Span::Mention { text: text.into() },
                1 => Span::Hashtag { text: text.into() },
                2 => Span::Cashtag { text: text.into() },
                _ => Span::Text { text: text.into() },
            };
            let author = ["@kim@fosstodon.org", "@ada", "ada", ""][(next() % 5) as usize % 4];
            let author = Some(author).filter(|_| next() % 4 != 0);
            for platform in platforms {
                let want = reference::entity_href(platform, author, &span);
                assert_eq!(
                    entity_href(platform, author, &span),
                    want,
                    "{span:?} on {platform:?} by {author:?}"
                );
                if let Some(href) = entity_address(platform, author, &span) {
                    let (mut html, mut escaped) = (String::new(), String::new());
                    href.push_html(&mut html);
                    html::escape(&href.into_string(), &mut escaped);
                    assert_eq!(html, escaped, "{span:?}'s address escaped for HTML");
                }
            }
        }
    }

    fn kinds(text: &str) -> Vec<String> {
        blocks(&spans(text))
            .iter()
            .map(|b| match b {
                Block::Para(lines) => format!("p{}", lines.count()),
                Block::List { kind, start, items } => format!("{kind:?}@{start}x{}", items.count()),
                _ => "other".into(),
            })
            .collect()
    }

    #[test]
    fn lists_need_two_items_of_one_kind() {
        assert_eq!(
            kinds("Why:\n- a\n- b\nend"),
            ["p1", "Bullet('-')@1x2", "p1"]
        );
        assert_eq!(
            kinds("1. a\n2) b"),
            ["p2"],
            "mixed delimiters are not one list"
        );
        assert_eq!(
            kinds("1. a\n\n2. b\n\n3. c"),
            ["Ordered('.')@1x3"],
            "loose lists join"
        );
        assert_eq!(kinds("- alone"), ["p1"], "a lone item stays text");
        assert_eq!(
            kinds("Why:\n- alone\nok"),
            ["p3"],
            "a lone item stays in its paragraph"
        );
        assert_eq!(kinds("1. a\n3. b"), ["p2"], "numbers must follow on");
        assert_eq!(kinds("2024. A year"), ["p1"], "a year is not an item");
    }

    #[test]
    fn merge_joins_only_a_sentence_cut_by_the_post_limit() {
        let thread = |texts: &[&str]| Thread {
            posts: texts
                .iter()
                .enumerate()
                .map(|(i, t)| Post {
                    number: i + 1,
                    text: (*t).into(),
                    spans: spans(t),
                    ..Post::default()
                })
                .collect(),
            ..Thread::default()
        };
        let merged = |texts: &[&str]| {
            let t = thread(texts);
            let options = Options {
                merge: true,
                ..Options::default()
            };
            let a = article(&t, &options);
            assert_eq!(a.posts.len(), 1, "one run");
            a.posts[0].blocks.len()
        };
        assert_eq!(merged(&["It was cold,", "and dark."]), 1, "a comma goes on");
        assert_eq!(merged(&["It was cold and", "dark."]), 1, "a word goes on");
        assert_eq!(merged(&["It was cold —", "and dark."]), 1, "a dash goes on");
        assert_eq!(
            merged(&["It was cold.", "and dark."]),
            2,
            "a full stop ends"
        );
        assert_eq!(merged(&["It was cold 🥶", "and dark."]), 2, "an emoji ends");
        assert_eq!(
            merged(&["It was cold", "And dark."]),
            2,
            "a capital starts anew"
        );
    }

    #[test]
    fn first_sentence_titles() {
        assert_eq!(
            first_sentence("Hello world. More"),
            Some("Hello world".into())
        );
        assert_eq!(first_sentence("Why? Because"), Some("Why?".into()));
        assert_eq!(
            first_sentence("v1.2 is out\nmore"),
            Some("v1.2 is out".into())
        );
        assert_eq!(first_sentence("  \n"), None);
        assert_eq!(first_sentence("My notes 👇 🧵"), Some("My notes".into()));
        assert_eq!(
            first_sentence("日本語のスレッド"),
            Some("日本語のスレッド".into())
        );
        assert_eq!(first_sentence("🧵"), None, "only symbols: no title");
        let long = "word ".repeat(40);
        let t = first_sentence(&long).expect("long text still has a title");
        assert!(t.ends_with('…') && t.chars().count() <= 91, "{t}");
    }

    #[test]
    fn only_safe_schemes_link() {
        assert!(safe_href("https://x.org"));
        assert!(
            safe_href("\u{1}  HTTPS://x.org"),
            "leading controls are dropped as browsers do"
        );
        assert!(!safe_href("javascript:alert(1)"));
        assert!(!safe_href(" JavaScript:alert(1)"));
        assert!(!safe_href("java\tscript:alert(1)"));
        assert!(!safe_href("data:text/html,x"));
        assert!(!safe_href("mailto:"));
        assert!(!safe_href("https://"), "a scheme alone leads nowhere");
        assert_eq!(
            clean_href("https://a.b/x y\"<z>").as_deref(),
            Some("https://a.b/x%20y%22%3Cz%3E")
        );
    }

    #[test]
    fn entity_links_follow_the_platform() {
        let m = |t: &str| Span::Mention { text: t.into() };
        let h = |t: &str| Span::Hashtag { text: t.into() };
        assert_eq!(
            entity_href(Platform::X, None, &m("@ada")).as_deref(),
            Some("https://x.com/ada")
        );
        assert_eq!(
            entity_href(Platform::Bluesky, None, &m("@ada.bsky.social")).as_deref(),
            Some("https://bsky.app/profile/ada.bsky.social")
        );
        assert_eq!(
            entity_href(Platform::Mastodon, None, &m("@ada@hachyderm.io")).as_deref(),
            Some("https://hachyderm.io/@ada")
        );
        assert_eq!(
            entity_href(Platform::Mastodon, None, &h("#rust")),
            None,
            "no server known"
        );
        let kim = Some("@kim@fosstodon.org");
        assert_eq!(
            entity_href(Platform::Mastodon, kim, &h("#rust")).as_deref(),
            Some("https://fosstodon.org/tags/rust")
        );
        assert_eq!(
            entity_href(Platform::Mastodon, kim, &m("@kim")).as_deref(),
            Some("https://fosstodon.org/@kim"),
            "the author's own short handle is known"
        );
        assert_eq!(
            entity_href(Platform::Mastodon, kim, &m("@lee")),
            None,
            "a short @lee could be on any server: no guess"
        );
        assert_eq!(
            entity_href(Platform::Linkedin, None, &h("#Führung")).as_deref(),
            Some("https://www.linkedin.com/feed/hashtag/F%C3%BChrung/")
        );
        assert_eq!(entity_href(Platform::Plain, None, &m("@ada")), None);
        assert_eq!(
            entity_href(Platform::Mastodon, None, &m("@a@evil/x\"")),
            None,
            "a server name with a path or quote is not linked"
        );
    }
}

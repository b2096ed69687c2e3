//! # unspool
//!
//! Paste a social-media thread, get a clean article.
//!
//! What people copy out of a browser is not a thread: it is a page. The text may be
//! mojibake (`Googleā€™s`, `šŸ§µ`: UTF-8 read as a legacy code page), bytes may have been
//! lost, and the posts come wrapped in the page's own words: counts (`2.3K`), `Show more`
//! glued to the text, `See All`, timestamps, the author's handle on every post. unspool
//! recovers the thread:
//!
//! ```text
//! pasted text ─ repair ─ segment ─ clean ─▶ Thread ─ render ─▶ html · markdown · text · json
//! ```
//!
//! Nothing is lost silently: every repair, removed line and guess is in the [`Thread`].
//!
//! ```
//! let paste = "1/ Itâ€™s done\n2.3K\n2/ the end\nSee All";
//! let thread = unspool::format(paste, &unspool::Options::default());
//! assert_eq!(thread.posts.len(), 2);
//! assert_eq!(thread.posts[0].text, "It’s done");
//! assert_eq!(thread.removed[0].text, "2.3K");
//! assert_eq!(thread.removed[1].text, "See All");
//! ```
#![deny(missing_docs)]

pub mod clean;
pub mod compose;
pub mod embed;
pub mod entities;
pub mod paste_html;
pub mod render;
pub mod repair;
pub mod segment;
mod sort;
pub mod thread;
mod ucd;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use render::{render, render_to, Format};
#[cfg(not(target_arch = "wasm32"))]
pub use thread::SharedText;
pub use thread::{
    Author, HtmlStyle, Media, Numbering, Options, Platform, Post, PostText, Removed, Repair,
    RepairText, ShortText, SmallText, Span, SpanText, Theme, Thread, TitleMode, Warning,
};

/// Runs the whole pipeline on a paste: repair → segment → clean → the [`Thread`].
pub fn format(input: &str, options: &Options) -> Thread {
    with_repairs(repair::repair(input), options, true)
}

/// [`format()`] on a paste the caller gives up: the paste is dropped as soon as it is
/// repaired, so that a big paste is not held twice while it is segmented (the CLI).
pub fn format_owned(input: String, options: &Options) -> Thread {
    owned(input, options, true)
}

/// [`format_owned`] for rendering as `to` with `options`: the same model, but without the
/// removed lines where that rendering does not show them (every format but JSON shows them
/// only with `include_removed`), as [`convert`] makes it. A big paste removes hundreds of
/// thousands of lines (a count, a time, `Show more` on every post): making, holding and
/// freeing them for a rendering that leaves them out was a fifth of the model's memory.
pub fn format_owned_for(input: String, options: &Options, to: Format) -> Thread {
    owned(input, options, shows_removed(to, options))
}

/// The pipeline on a paste given up, dropped once repaired; the removed lines if `removed`.
fn owned(input: String, options: &Options, removed: bool) -> Thread {
    let repaired = repair::repair(&input);
    drop(input);
    with_repairs(repaired, options, removed)
}

/// Whether rendering as `to` with `options` shows the removed lines. Always in the browser:
/// the page's model holds them anyway, and a second path through the segmenter cost the
/// .wasm ~110 B gzipped.
fn shows_removed(to: Format, options: &Options) -> bool {
    cfg!(target_arch = "wasm32") || to == Format::Json || options.include_removed
}

/// The rest of [`format`]: the repaired text segmented, and given back before the removed
/// lines' texts are made and the posts' spans are found (the posts and removed lines hold
/// their own text), with the repairs; the removed lines only if `removed` (see
/// [`format_owned_for`]).
fn with_repairs(repaired: repair::Repaired, options: &Options, removed: bool) -> Thread {
    let seg = if removed {
        segment::segment_owned(repaired.text, options.platform)
    } else {
        // The posts hold their own text: the paste is dropped here, as `segment_owned` does.
        let text = repaired.text;
        segment::segment_posts(&text, options.platform)
    };
    let mut thread = from_segmented(seg, options);
    thread.repairs = repaired.repairs;
    thread
}

/// Runs the pipeline on text that is already repaired: segment → clean → the [`Thread`],
/// with no repair stage (and so no `repairs`). The page uses it after a person picked another
/// reading of a repair, which the repair stage would otherwise undo.
pub fn format_repaired(repaired: &str, options: &Options) -> Thread {
    from_segmented(segment::segment(repaired, options.platform), options)
}

/// The [`Thread`] of segmented posts: replies left out if asked, spans, warnings, title.
fn from_segmented(seg: segment::Segmented, options: &Options) -> Thread {
    let mut posts = seg.posts;
    if options.author_only {
        posts.retain(|p| !p.reply);
        for (k, post) in posts.iter_mut().enumerate() {
            post.number = k + 1;
            if let Some(q) = post.quoted.as_mut() {
                q.number = k + 1;
            }
        }
    }
    let handles = entities::Handles::of(seg.platform);
    let mut scratch = entities::Scratch::default();
    for post in &mut posts {
        post.spans = entities::spans_of(&post.text, handles, &mut scratch);
        if let Some(q) = post.quoted.as_mut() {
            q.spans = entities::spans_of(&q.text, handles, &mut scratch);
        }
    }
    let mut warnings = seg.warnings;
    warnings.extend(segment::warnings::find(&posts));
    let title = match &options.title {
        TitleMode::None => None,
        TitleMode::FirstSentence => posts.first().and_then(|p| first_sentence(&p.text)),
        TitleMode::Custom(t) => Some(t.trim().to_owned()).filter(|t| !t.is_empty()),
    };
    Thread {
        platform: seg.platform,
        title,
        author: seg.author,
        posts,
        removed: seg.removed,
        repairs: Vec::new(),
        warnings,
    }
}

/// Runs the pipeline on the `text/html` flavour of a clipboard: links keep their `href`,
/// emoji drawn as images come back (see [`paste_html`]).
pub fn format_html(html: &str, options: &Options) -> Thread {
    let pasted = paste_html::parse(html);
    let mut thread = format(&pasted.text, options);
    paste_html::relink(&mut thread, &pasted.links);
    thread
}

/// The first sentence of `text`: up to `.`, `!` or `?` before a space, or the first line
/// break; at most 120 characters, cut at a word.
fn first_sentence(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let mut end = line.len();
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|&(_, n)| n == ' ') {
            end = i + c.len_utf8();
            break;
        }
    }
    let sentence = line[..end].trim_end_matches('.').trim();
    if sentence.chars().count() <= 120 {
        return Some(sentence.to_owned());
    }
    let cut: String = sentence.chars().take(120).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    Some(format!("{}…", cut.trim_end()))
}

/// Formats `input` and renders it as `to` in one call.
pub fn convert(input: &str, to: Format, options: &Options) -> String {
    let thread = with_repairs(repair::repair(input), options, shows_removed(to, options));
    render(&thread, to, options)
}

/// What the unit tests share.
#[cfg(test)]
mod test_rng {
    /// A fixed pseudo-random sequence (xorshift from `state`), so that a failure can be
    /// replayed.
    pub fn xorshift(mut state: u64) -> impl FnMut() -> u64 {
        move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        }
    }

    /// One of `pool`, drawn by `next` (one draw).
    pub fn pick<T: Copy>(pool: &[T], next: &mut impl FnMut() -> u64) -> T {
        pool[(next() % pool.len() as u64) as usize]
    }

    /// `word` changed one random way, for a lookup's test against a reference: kept, cut
    /// short, grown by a byte of `grow`, one byte (of a non-empty word) made one of `put`, or
    /// replaced by a word of fewer than `longest` bytes of `fresh`.
    pub fn mutated(
        word: &str,
        next: &mut impl FnMut() -> u64,
        grow: &[u8],
        put: &[u8],
        fresh: &[u8],
        longest: u64,
    ) -> Vec<u8> {
        let pick = |from: &[u8], n: u64| from[(n % from.len() as u64) as usize];
        let mut t = word.as_bytes().to_vec();
        match next() % 5 {
            0 => {}
            1 => t.truncate(next() as usize % (t.len() + 1)),
            2 => t.push(pick(grow, next())),
            3 if !t.is_empty() => {
                let k = next() as usize % t.len();
                t[k] = pick(put, next());
            }
            _ => t = (0..next() % longest).map(|_| pick(fresh, next())).collect(),
        }
        t
    }
}

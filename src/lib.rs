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
pub mod embed;
pub mod entities;
pub mod render;
pub mod repair;
pub mod segment;
pub mod thread;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use render::{render, Format};
pub use thread::{
    Author, HtmlStyle, Media, Numbering, Options, Platform, Post, Removed, Repair, Span, Theme,
    Thread, TitleMode, Warning,
};

/// Runs the whole pipeline on a paste: repair → segment → clean → the [`Thread`].
pub fn format(input: &str, options: &Options) -> Thread {
    let repaired = repair::repair(input);
    let seg = segment::segment(&repaired.text, options.platform);
    let mut posts = seg.posts;
    for post in &mut posts {
        post.spans = entities::spans(&post.text);
    }
    Thread {
        platform: seg.platform,
        title: None,
        author: None,
        posts,
        removed: seg.removed,
        repairs: repaired.repairs,
        warnings: seg.warnings,
    }
}

/// Formats `input` and renders it as `to` in one call.
pub fn convert(input: &str, to: Format, options: &Options) -> String {
    render(&format(input, options), to, options)
}

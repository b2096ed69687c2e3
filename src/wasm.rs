//! The WebAssembly boundary: each export is a one-line call into the core.
//!
//! Options and the model cross as plain JS objects (serde-wasm-bindgen, JSON-compatible);
//! HTML, Markdown and text cross as strings. `renderElement` is the blog embed's DOM work
//! (`<unspool-thread>`, see `src/embed.rs` and `www/embed.js`). The TypeScript types of the
//! model (`Thread`, `Post`, `Span`, `Options`, …) are written out below for the npm package.

use crate::{render, Format, Options};
use wasm_bindgen::prelude::*;

fn options(value: JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("bad options: {e}")))
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Installs the panic hook (with the `panic-hook` feature) when the module starts.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(feature = "panic-hook")]
    console_error_panic_hook::set_once();
}

/// The whole pipeline: a paste → the Thread model as a JS object.
#[wasm_bindgen(js_name = format, unchecked_return_type = "Thread")]
pub fn format_js(
    input: &str,
    #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "Options")]
    options_js: JsValue,
) -> Result<JsValue, JsError> {
    to_js(&crate::format(input, &options(options_js)?))
}

/// A paste → `html`, `markdown`, `text` or `json` as a string.
#[wasm_bindgen]
pub fn convert(
    input: &str,
    #[wasm_bindgen(unchecked_param_type = "OutputFormat")] to: &str,
    #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "Options")]
    options_js: JsValue,
) -> Result<String, JsError> {
    let format = Format::from_name(to).ok_or_else(|| JsError::new("unknown format"))?;
    Ok(crate::convert(input, format, &options(options_js)?))
}

/// A Thread (as returned by `format`, perhaps edited) → a string in `to`.
#[wasm_bindgen(js_name = renderThread)]
pub fn render_thread(
    #[wasm_bindgen(unchecked_param_type = "Thread")] thread: JsValue,
    #[wasm_bindgen(unchecked_param_type = "OutputFormat")] to: &str,
    #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "Options")]
    options_js: JsValue,
) -> Result<String, JsError> {
    let thread =
        serde_wasm_bindgen::from_value(thread).map_err(|e| JsError::new(&e.to_string()))?;
    let format = Format::from_name(to).ok_or_else(|| JsError::new("unknown format"))?;
    Ok(render(&thread, format, &options(options_js)?))
}

/// Only the repair stage: `{text, repairs}`.
#[wasm_bindgen(unchecked_return_type = "Repaired")]
pub fn repair(input: &str) -> Result<JsValue, JsError> {
    let r = crate::repair::repair(input);
    to_js(&serde_json::json!({ "text": r.text, "repairs": r.repairs }))
}

/// Formats `text` (or, when it is `undefined`, the element's own text) and puts the HTML
/// into `element`: the `<unspool-thread>` embed. Options come from the element's attributes
/// (`numbering`, `theme`, `author-only`, … as `src/embed.rs` lists). Sets `data-platform` and
/// `data-posts` on the element; returns the Thread.
#[wasm_bindgen(js_name = renderElement, unchecked_return_type = "Thread")]
pub fn render_element(
    element: &web_sys::Element,
    #[wasm_bindgen(unchecked_optional_param_type = "string")] text: Option<String>,
) -> Result<JsValue, JsError> {
    let text = text.or_else(|| element.text_content()).unwrap_or_default();
    let attributes: Vec<(&str, String)> = crate::embed::ATTRIBUTES
        .iter()
        .filter_map(|&name| element.get_attribute(name).map(|v| (name, v)))
        .collect();
    let (options, problems) =
        crate::embed::options(attributes.iter().map(|(k, v)| (*k, v.as_str())));
    for problem in problems {
        web_sys::console::warn_1(&format!("<unspool-thread>: {problem}").into());
    }
    let thread = crate::format(&crate::embed::dedent(&text), &options);
    element.set_inner_html(&render(&thread, Format::Html, &options));
    let js = |e: JsValue| JsError::new(&format!("{e:?}"));
    element
        .set_attribute("data-platform", thread.platform.name())
        .map_err(js)?;
    element
        .set_attribute("data-posts", &thread.posts.len().to_string())
        .map_err(js)?;
    to_js(&thread)
}

#[wasm_bindgen(typescript_custom_section)]
const MODEL_TS: &str = r#"
/** Where a paste came from. */
export type Platform = "x" | "bluesky" | "mastodon" | "threads" | "linkedin" | "threadreader" | "plain";

/** Who wrote a thread or a post. */
export interface Author {
  name: string | null;
  /** With its `@`: `@ada`, `@ada@mastodon.social`, `@ada.bsky.social`. */
  handle: string | null;
}

/** A run of a post's text with its meaning; the texts joined give the post's `text`. */
export type Span =
  | { type: "text"; text: string }
  | { type: "link"; text: string; href: string }
  | { type: "mention"; text: string }
  | { type: "hashtag"; text: string }
  | { type: "cashtag"; text: string };

/** An image or video that stood in a post. */
export interface Media {
  /** `image`, `video` or `gif`. */
  kind: string;
  alt: string | null;
}

/** One post of the thread. */
export interface Post {
  /** 1-based position in the thread. */
  number: number;
  author: Author | null;
  /** As the paste showed it: `5h`, `10:42 AM · May 5, 2023`. */
  time: string | null;
  /** What a reader reads: paragraphs split by a blank line, markers stripped. */
  text: string;
  spans: Span[];
  quoted: Post | null;
  media: Media[];
  /** A reply by someone other than the thread's author. */
  reply: boolean;
  /** The author's own marker that was stripped (`1/`, `(2/12)`, `🧵`); absent when none. */
  marker?: string;
}

/** A line of the paste that is not part of any post, and why. */
export interface Removed {
  /** 1-based line number in the repaired paste. */
  line: number;
  text: string;
  /** `count`, `ui`, `timestamp`, `header`, `footer`, `signup`, `media`, … */
  reason: string;
}

/** One change the repair stage made. */
export interface Repair {
  /** Offset in the repaired text, in UTF-16 code units (JavaScript string indices). */
  at: number;
  from: string;
  to: string;
  /** `mojibake`, `lost_bytes`, `entity`, `control`, `zwj`, `line_ending`, `nfc`, … */
  kind: string;
  /** 0..1; below 1 where a guess was made. */
  confidence: number;
  /** Other readings, most likely first. */
  alternatives: string[];
  /** How many places got this same change (line endings, stray controls); absent when 1. */
  count?: number;
}

/** Something a person should look at. */
export interface Warning {
  /** `lost_link`, `truncated_link`, `lost_mention`, `input_too_large`, … */
  kind: string;
  post: number | null;
  text: string;
}

/** A pasted thread, understood: what `format` returns and `renderThread` takes. */
export interface Thread {
  platform: Platform;
  title: string | null;
  author: Author | null;
  posts: Post[];
  removed: Removed[];
  repairs: Repair[];
  warnings: Warning[];
}

/** Output formats of `convert` and `renderThread`. */
export type OutputFormat = "html" | "markdown" | "md" | "text" | "txt" | "json";

/** Every choice a person can make; each field is optional and defaults as noted. */
export interface Options {
  /** `null` (default) detects the platform from the text. */
  platform?: Platform | null;
  /** Default `"none"`. */
  numbering?: "none" | "1/n" | "1." | "(1/n)";
  /** Keep the author's own thread markers (`1/`, `🧵`). Default false. */
  keepMarkers?: boolean;
  /** Merge posts into flowing paragraphs. Default false. */
  merge?: boolean;
  /** Show each post's time. Default false. */
  showTimes?: boolean;
  /** Drop replies by others. Default false. */
  authorOnly?: boolean;
  /** Default `"none"`. */
  title?: "none" | "firstSentence" | { custom: string };
  /** Add removed lines as a collapsed appendix. Default false. */
  includeRemoved?: boolean;
  /** HTML colour scheme. Default `"auto"`. */
  theme?: "auto" | "light" | "dark";
  /** `"classes"` (default, styled by thread.css) or `"inline"` `style=` attributes. */
  htmlStyle?: "classes" | "inline";
  /** Link mentions and hashtags to the platform. Default true. */
  linkEntities?: boolean;
}

/** A platform `split` and `count` know. */
export type ComposeTarget = "x" | "bluesky" | "mastodon" | "threads";

/** Options of `split`; each field is optional. */
export interface SplitOptions {
  /** Default `"none"`. */
  numbering?: "none" | "1/n" | "(1/n)" | "1." | "thread";
  /** A length limit below the platform's own. */
  limit?: number | null;
}

/** One post that `split` made. */
export interface ComposedPost {
  text: string;
  weightedLength: number;
  /** Why the post could not be made to fit, when it could not. */
  warning?: string;
}

/** What `count` returns (twitter-text's parse result). */
export interface Count {
  weightedLength: number;
  valid: boolean;
  permillage: number;
  validRangeEnd: number;
}

/** What `repair` returns. */
export interface Repaired {
  text: string;
  repairs: Repair[];
}
"#;
/// Compose: long text → posts that fit `platform` (`x`, `bluesky`, `mastodon`, `threads`);
/// options `{numbering, limit}`. Returns `[{text, weightedLength, warning?}]`.
#[wasm_bindgen(unchecked_return_type = "ComposedPost[]")]
pub fn split(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "ComposeTarget")] platform: &str,
    #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "SplitOptions")]
    options_js: JsValue,
) -> Result<JsValue, JsError> {
    let target = crate::compose::Target::from_name(platform)
        .ok_or_else(|| JsError::new("unknown platform"))?;
    let options = if options_js.is_undefined() || options_js.is_null() {
        crate::compose::SplitOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options_js)
            .map_err(|e| JsError::new(&format!("bad options: {e}")))?
    };
    to_js(&crate::compose::split(text, target, &options))
}

/// The length of `text` on `platform`: `{weightedLength, valid, permillage, validRangeEnd}`.
#[wasm_bindgen(unchecked_return_type = "Count")]
pub fn count(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "ComposeTarget")] platform: &str,
) -> Result<JsValue, JsError> {
    let target = crate::compose::Target::from_name(platform)
        .ok_or_else(|| JsError::new("unknown platform"))?;
    to_js(&crate::compose::count(text, target, None))
}

/// The pipeline on clipboard HTML: links keep their `href`, emoji images their alt text.
#[wasm_bindgen(js_name = formatHtml)]
pub fn format_html(html: &str, options_js: JsValue) -> Result<JsValue, JsError> {
    to_js(&crate::format_html(html, &options(options_js)?))
}

/// Clipboard HTML → `{text, links: [{text, href}]}`: the text to paste and the links it loses.
#[wasm_bindgen(js_name = pasteHtml)]
pub fn paste_html(html: &str) -> Result<JsValue, JsError> {
    to_js(&crate::paste_html::parse(html))
}

/// A Thread as JSON (from `convert(…, "json")`) with the words of pasted `links` made links
/// again (see `pasteHtml`), as JSON. Strings cross the boundary far faster than objects.
#[wasm_bindgen]
pub fn relink(thread_json: &str, links: JsValue) -> Result<String, JsError> {
    let mut thread = thread_from_json(thread_json)?;
    let links: Vec<crate::paste_html::PastedLink> =
        serde_wasm_bindgen::from_value(links).map_err(|e| JsError::new(&e.to_string()))?;
    crate::paste_html::relink(&mut thread, &links);
    Ok(crate::render::to_json(&thread))
}

fn thread_from_json(json: &str) -> Result<crate::Thread, JsError> {
    serde_json::from_str(json).map_err(|e| JsError::new(&format!("bad thread: {e}")))
}

/// A Thread as JSON (perhaps edited by the page) → a string in `to`. The same as
/// `renderThread`, without building a JS object graph: for large threads.
#[wasm_bindgen(js_name = renderJson)]
pub fn render_json(thread_json: &str, to: &str, options_js: JsValue) -> Result<String, JsError> {
    let thread = thread_from_json(thread_json)?;
    let format = Format::from_name(to).ok_or_else(|| JsError::new("unknown format"))?;
    Ok(render(&thread, format, &options(options_js)?))
}

/// A post's text → its spans (links, mentions, hashtags, cashtags), after the page edits it.
#[wasm_bindgen]
pub fn spans(text: &str) -> Result<JsValue, JsError> {
    to_js(&crate::entities::spans(text))
}

/// The pipeline without its repair stage, on text that is already repaired (after a person
/// picked another reading of a repair). Returns the Thread as JSON.
#[wasm_bindgen(js_name = formatRepaired)]
pub fn format_repaired(text: &str, options_js: JsValue) -> Result<String, JsError> {
    Ok(crate::render::to_json(&crate::format_repaired(
        text,
        &options(options_js)?,
    )))
}

/// NFC through JavaScript's `String.prototype.normalize` (see `repair::nfc`).
pub(crate) fn normalize_nfc(text: &str) -> String {
    js_sys::JsString::from(text).normalize("NFC").into()
}

//! The WebAssembly boundary: each export is a one-line call into the core.
//!
//! What crosses, and how (the cheapest way each way):
//! - into the module: text as strings; options and the rare structured input (an edited
//!   `Thread` for `renderThread`, pasted links) read field by field from the JS object
//!   (`Reflect.get`), with no deserialiser;
//! - out of it: HTML, Markdown, text and JSON as strings; a structure (the model, a
//!   repair's changes, composed posts) as JSON text that `JSON.parse` turns into the object
//!   the TypeScript types below describe.
//!
//! The page keeps the last formatted paste inside the module, as a [`Formatted`] handle:
//! it is formatted once per keystroke and rendered as often as needed, its edits (a removed
//! line restored into a post) applied in place, so no `Thread` crosses back in.
//! `renderElement` is the blog embed's DOM work (`<unspool-thread>`, see `src/embed.rs` and
//! `www/embed.js`). The TypeScript types of the model are written out below for the npm
//! package.
//!
//! No serde (JSON is written by `render::json`), `Display` of floats or `core::fmt` is
//! reachable from here: they cost tens of kilobytes of wasm.

// The module's allocator: size classes with free lists, smaller and faster than dlmalloc here.
#[cfg(not(target_feature = "atomics"))]
mod alloc;

use crate::paste_html::PastedLink;
use crate::render::join;
use crate::render::json::{Repaired, ThreadJson, ToJson};
use crate::{
    render, Author, Format, HtmlStyle, Media, Numbering, Options, Platform, Post, Removed, Repair,
    Span, Theme, Thread, TitleMode, Warning,
};
use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;

/// A JS object's property (`undefined` when it has none, or is not an object).
fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `undefined` or `null`: the property is absent.
fn absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// An error that names what was wrong: `bad options: numbering must be one of …`.
fn bad(what: &str, problem: &str) -> JsError {
    let mut message = String::with_capacity(what.len() + problem.len() + 6);
    message.push_str("bad ");
    message.push_str(what);
    message.push_str(": ");
    message.push_str(problem);
    JsError::new(&message)
}

/// `key` of `object` as a string, through `parse`; its default when absent.
fn named<T>(
    object: &JsValue,
    key: &str,
    parse: impl Fn(&str) -> Option<T>,
    choices: &str,
) -> Result<Option<T>, JsError> {
    let value = get(object, key);
    if absent(&value) {
        return Ok(None);
    }
    match value.as_string().as_deref().and_then(parse) {
        Some(v) => Ok(Some(v)),
        None => Err(bad(
            "options",
            &join(&[key, " must be one of ", choices], ""),
        )),
    }
}

/// `key` of `object` as a boolean; `None` when absent.
fn flag(object: &JsValue, key: &str) -> Result<Option<bool>, JsError> {
    let value = get(object, key);
    if absent(&value) {
        return Ok(None);
    }
    value
        .as_bool()
        .map(Some)
        .ok_or_else(|| bad("options", &join(&[key, " must be true or false"], "")))
}

/// The page's and the npm package's `Options` object (camelCase names, each optional) →
/// [`Options`]. A value not understood is an error that names the option.
fn options(value: JsValue) -> Result<Options, JsError> {
    let mut o = Options::default();
    if absent(&value) {
        return Ok(o);
    }
    if !value.is_object() {
        return Err(bad("options", "expected an object"));
    }
    let platform = get(&value, "platform");
    if !absent(&platform) {
        o.platform = Some(
            platform
                .as_string()
                .as_deref()
                .and_then(platform_named)
                .ok_or_else(|| bad("options", "platform must be a platform name or null"))?,
        );
    }
    if let Some(n) = named(
        &value,
        "numbering",
        Numbering::from_name,
        "none, 1/n, 1., (1/n)",
    )? {
        o.numbering = n;
    }
    let title = get(&value, "title");
    if !absent(&title) {
        o.title = match title.as_string().as_deref() {
            Some("none") => TitleMode::None,
            Some("firstSentence" | "first-sentence") => TitleMode::FirstSentence,
            Some(_) => {
                return Err(bad(
                    "options",
                    "title must be none, firstSentence or {custom}",
                ))
            }
            None => TitleMode::Custom(
                get(&title, "custom")
                    .as_string()
                    .ok_or_else(|| bad("options", "title.custom must be a string"))?,
            ),
        };
    }
    let theme = |name: &str| match name {
        "auto" => Some(Theme::Auto),
        "light" => Some(Theme::Light),
        "dark" => Some(Theme::Dark),
        _ => None,
    };
    if let Some(t) = named(&value, "theme", theme, "auto, light, dark")? {
        o.theme = t;
    }
    let style = |name: &str| match name {
        "classes" => Some(HtmlStyle::Classes),
        "inline" => Some(HtmlStyle::Inline),
        _ => None,
    };
    if let Some(s) = named(&value, "htmlStyle", style, "classes, inline")? {
        o.html_style = s;
    }
    for (key, field) in [
        ("keepMarkers", &mut o.keep_markers),
        ("merge", &mut o.merge),
        ("showTimes", &mut o.show_times),
        ("authorOnly", &mut o.author_only),
        ("includeRemoved", &mut o.include_removed),
        ("linkEntities", &mut o.link_entities),
    ] {
        if let Some(on) = flag(&value, key)? {
            *field = on;
        }
    }
    Ok(o)
}

/// A platform by its JSON name (`x`, `bluesky`, …, `plain`).
fn platform_named(name: &str) -> Option<Platform> {
    Platform::ALL.into_iter().find(|p| p.name() == name)
}

fn format_named(to: &str) -> Result<Format, JsError> {
    Format::from_name(to).ok_or_else(|| JsError::new("unknown format"))
}

/// A value as compact JSON text for `JSON.parse`, every char outside ASCII escaped
/// (`render::json::to_string_ascii`: the browser decodes ASCII from the module's memory
/// several times faster; the parsed value is the same).
fn json<T: ToJson + ?Sized>(value: &T) -> String {
    crate::render::json::to_string_ascii(value)
}

/// A value as the JS object `JSON.parse` makes of its JSON: one string crosses, and the
/// browser's parser builds the object graph far faster than property-by-property calls.
fn to_js<T: ToJson + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(&json(value)).map_err(|_| JsError::new("the model is not JSON"))
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
    let format = format_named(to)?;
    Ok(crate::convert(input, format, &options(options_js)?))
}

/// A Thread (as returned by `format`, perhaps edited) → a string in `to`. The model is read
/// back field by field: fine for one render; to render one paste several ways, or to edit
/// and render again, use [`Formatted`], which keeps the model inside the module.
#[wasm_bindgen(js_name = renderThread)]
pub fn render_thread(
    #[wasm_bindgen(unchecked_param_type = "Thread")] thread: JsValue,
    #[wasm_bindgen(unchecked_param_type = "OutputFormat")] to: &str,
    #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "Options")]
    options_js: JsValue,
) -> Result<String, JsError> {
    let thread = read::thread(&thread)?;
    let format = format_named(to)?;
    Ok(render(&thread, format, &options(options_js)?))
}

/// Only the repair stage: `{text, repairs}`.
#[wasm_bindgen(unchecked_return_type = "Repaired")]
pub fn repair(input: &str) -> Result<JsValue, JsError> {
    let r = crate::repair::repair(input);
    to_js(&Repaired {
        text: &r.text,
        repairs: &r.repairs,
    })
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
        web_sys::console::warn_1(&join(&["<unspool-thread>: ", &problem], "").into());
    }
    let thread = crate::format(&crate::embed::dedent(&text), &options);
    element.set_inner_html(&render(&thread, Format::Html, &options));
    let refused = |_| JsError::new("the element refused an attribute");
    element
        .set_attribute("data-platform", thread.platform.name())
        .map_err(refused)?;
    element
        .set_attribute(
            "data-posts",
            &crate::render::json::to_string(&thread.posts.len()),
        )
        .map_err(refused)?;
    to_js(&thread)
}

/// A formatted paste kept inside the module: formatted once, then rendered as often as
/// needed and edited in place, so the model never crosses back in. The page makes one per
/// keystroke: `new Formatted(paste, options)`, `json()` for its review panel, `render()` for
/// each output, and `free()` when done.
#[wasm_bindgen]
pub struct Formatted {
    thread: Thread,
}

#[wasm_bindgen]
impl Formatted {
    /// The whole pipeline on a paste, as `format` runs it.
    #[wasm_bindgen(constructor)]
    pub fn new(
        input: &str,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "Options")]
        options_js: JsValue,
    ) -> Result<Formatted, JsError> {
        Ok(Formatted {
            thread: crate::format(input, &options(options_js)?),
        })
    }

    /// The pipeline without its repair stage, on text that is already repaired (after a
    /// person picked another reading of a repair, which the repair stage would undo). The
    /// model has no `repairs`.
    #[wasm_bindgen(js_name = fromRepaired)]
    pub fn from_repaired(
        text: &str,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "Options")]
        options_js: JsValue,
    ) -> Result<Formatted, JsError> {
        Ok(Formatted {
            thread: crate::format_repaired(text, &options(options_js)?),
        })
    }

    /// Makes the words of pasted `links` (`[{text, href}]`, as `pasteHtml` returns them)
    /// links again.
    pub fn relink(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "{ text: string; href: string }[]")] links: JsValue,
    ) -> Result<(), JsError> {
        if !Array::is_array(&links) {
            return Err(bad("links", "expected an array of {text, href}"));
        }
        let links = Array::from(&links);
        let mut pasted = Vec::with_capacity(links.length() as usize);
        for i in 0..links.length() {
            let link = links.get(i);
            match (
                get(&link, "text").as_string(),
                get(&link, "href").as_string(),
            ) {
                (Some(text), Some(href)) => pasted.push(PastedLink { text, href }),
                _ => return Err(bad("links", "each link needs a text and an href string")),
            }
        }
        let links = pasted;
        crate::paste_html::relink(&mut self.thread, &links);
        Ok(())
    }

    /// The model as pretty JSON: what `convert(…, "json")` gives.
    pub fn json(&self) -> String {
        crate::render::to_json(&self.thread)
    }

    /// The model as compact JSON without the posts' `spans` (a third of its size, or less):
    /// what a page reads for its summary and review, cheap to make and to `JSON.parse`.
    pub fn view(&self) -> String {
        json(&ThreadJson {
            thread: &self.thread,
            spans: false,
        })
    }

    /// The model rendered as `to` with `options`.
    pub fn render(
        &self,
        #[wasm_bindgen(unchecked_param_type = "OutputFormat")] to: &str,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "Options")]
        options_js: JsValue,
    ) -> Result<String, JsError> {
        let format = format_named(to)?;
        Ok(render(&self.thread, format, &options(options_js)?))
    }

    /// Sets the text of post `index` (0-based, in `posts`) and finds its spans again.
    #[wasm_bindgen(js_name = setPostText)]
    pub fn set_post_text(&mut self, index: usize, text: String) -> Result<(), JsError> {
        let post = self
            .thread
            .posts
            .get_mut(index)
            .ok_or_else(|| JsError::new("no post at that index"))?;
        post.spans = crate::entities::spans(&text);
        post.text = text;
        Ok(())
    }

    /// Adds a post holding `text` after the last one.
    #[wasm_bindgen(js_name = addPost)]
    pub fn add_post(&mut self, text: String) {
        self.thread.posts.push(Post {
            number: self.thread.posts.len() + 1,
            spans: crate::entities::spans(&text),
            text,
            ..Post::default()
        });
    }

    /// Keeps only the removed lines at the indices `keep` (into `removed`, in order): the
    /// others were restored into posts.
    #[wasm_bindgen(js_name = keepRemoved)]
    pub fn keep_removed(&mut self, keep: Vec<u32>) {
        let removed = std::mem::take(&mut self.thread.removed);
        self.thread.removed = keep
            .iter()
            .filter_map(|&i| removed.get(i as usize).cloned())
            .collect();
    }
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

/** A pasted thread, understood: what `format` returns and `renderThread` takes (`Formatted` keeps one inside the module). */
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

/** What `pasteHtml` returns: the text to paste and the links whose words are not an address. */
export interface Pasted {
  text: string;
  links: { text: string; href: string }[];
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
    let mut options = crate::compose::SplitOptions::default();
    if !absent(&options_js) {
        if !options_js.is_object() {
            return Err(bad("options", "expected an object"));
        }
        if let Some(n) = named(
            &options_js,
            "numbering",
            crate::compose::ComposeNumbering::from_name,
            "none, 1/n, (1/n), 1., thread",
        )? {
            options.numbering = n;
        }
        let limit = get(&options_js, "limit");
        if !absent(&limit) {
            options.limit = Some(
                read::whole(&limit)
                    .ok_or_else(|| bad("options", "limit must be a whole number or null"))?,
            );
        }
    }
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
#[wasm_bindgen(js_name = formatHtml, unchecked_return_type = "Thread")]
pub fn format_html(
    html: &str,
    #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "Options")]
    options_js: JsValue,
) -> Result<JsValue, JsError> {
    to_js(&crate::format_html(html, &options(options_js)?))
}

/// Clipboard HTML → `{text, links: [{text, href}]}`: the text to paste and the links it loses.
#[wasm_bindgen(js_name = pasteHtml, unchecked_return_type = "Pasted")]
pub fn paste_html(html: &str) -> Result<JsValue, JsError> {
    to_js(&crate::paste_html::parse(html))
}

/// A post's text → its spans (links, mentions, hashtags, cashtags).
#[wasm_bindgen(unchecked_return_type = "Span[]")]
pub fn spans(text: &str) -> Result<JsValue, JsError> {
    to_js(&crate::entities::spans(text))
}

/// NFC through JavaScript's `String.prototype.normalize` (see `repair::nfc`).
pub(crate) fn normalize_nfc(text: &str) -> String {
    js_sys::JsString::from(text).normalize("NFC").into()
}

/// A `Thread` read back from the JS object `format` returned (perhaps edited), field by
/// field, with the same rules as the model's JSON: required fields must be there with their
/// type, `null` or absent for the optional ones.
mod read {
    use super::*;

    type Read<T> = Result<T, JsError>;

    /// A quoted post may quote another; deeper than this is not a pasted thread.
    const MAX_DEPTH: usize = 32;

    fn wrong(key: &str, kind: &str) -> JsError {
        bad("thread", &join(&[key, " must be ", kind], ""))
    }

    /// A whole number ≥ 0 that fits an index (`None` for anything else).
    pub(super) fn whole(value: &JsValue) -> Option<usize> {
        let n = value.as_f64()?;
        (n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX)).then_some(n as usize)
    }

    fn string(object: &JsValue, key: &str) -> Read<String> {
        get(object, key)
            .as_string()
            .ok_or_else(|| wrong(key, "a string"))
    }

    fn maybe_string(object: &JsValue, key: &str) -> Read<Option<String>> {
        let value = get(object, key);
        if absent(&value) {
            return Ok(None);
        }
        value
            .as_string()
            .map(Some)
            .ok_or_else(|| wrong(key, "a string or null"))
    }

    fn number(object: &JsValue, key: &str) -> Read<usize> {
        whole(&get(object, key)).ok_or_else(|| wrong(key, "a whole number"))
    }

    fn maybe_number(object: &JsValue, key: &str) -> Read<Option<usize>> {
        let value = get(object, key);
        if absent(&value) {
            return Ok(None);
        }
        whole(&value)
            .map(Some)
            .ok_or_else(|| wrong(key, "a whole number or null"))
    }

    /// An array of `item`s. A loop, not `collect` into a `Result`: that adaptor is made once
    /// per item type: with `relink`'s list, 1.7 kB gzipped of the .wasm.
    fn list<T>(object: &JsValue, key: &str, item: impl Fn(&JsValue) -> Read<T>) -> Read<Vec<T>> {
        let value = get(object, key);
        if !Array::is_array(&value) {
            return Err(wrong(key, "an array"));
        }
        let array = Array::from(&value);
        let mut out = Vec::with_capacity(array.length() as usize);
        for i in 0..array.length() {
            out.push(item(&array.get(i))?);
        }
        Ok(out)
    }

    fn author(value: &JsValue) -> Read<Option<Author>> {
        if absent(value) {
            return Ok(None);
        }
        Ok(Some(Author {
            name: maybe_string(value, "name")?,
            handle: maybe_string(value, "handle")?,
        }))
    }

    fn span(value: &JsValue) -> Read<Span> {
        let text = string(value, "text")?;
        Ok(match get(value, "type").as_string().as_deref() {
            Some("text") => Span::Text { text },
            Some("link") => Span::Link {
                text,
                href: string(value, "href")?,
            },
            Some("mention") => Span::Mention { text },
            Some("hashtag") => Span::Hashtag { text },
            Some("cashtag") => Span::Cashtag { text },
            _ => return Err(wrong("type", "text, link, mention, hashtag or cashtag")),
        })
    }

    fn post(value: &JsValue, depth: usize) -> Read<Post> {
        if depth > MAX_DEPTH {
            return Err(wrong("quoted", "nested less deeply"));
        }
        let quoted = get(value, "quoted");
        let reply = get(value, "reply");
        Ok(Post {
            number: number(value, "number")?,
            author: author(&get(value, "author"))?,
            time: maybe_string(value, "time")?,
            text: string(value, "text")?,
            spans: list(value, "spans", span)?,
            quoted: if absent(&quoted) {
                None
            } else {
                Some(Box::new(post(&quoted, depth + 1)?))
            },
            media: list(value, "media", |m| {
                Ok(Media {
                    kind: string(m, "kind")?,
                    alt: maybe_string(m, "alt")?,
                })
            })?,
            reply: absent(&reply) || reply.as_bool().ok_or_else(|| wrong("reply", "a boolean"))?,
            marker: maybe_string(value, "marker")?,
        })
    }

    fn repair(value: &JsValue) -> Read<Repair> {
        Ok(Repair {
            at: number(value, "at")?,
            from: string(value, "from")?,
            to: string(value, "to")?,
            kind: string(value, "kind")?,
            confidence: get(value, "confidence")
                .as_f64()
                .ok_or_else(|| wrong("confidence", "a number"))? as f32,
            alternatives: list(value, "alternatives", |a| {
                a.as_string()
                    .ok_or_else(|| wrong("alternatives", "strings"))
            })?,
            count: maybe_number(value, "count")?.unwrap_or(1),
        })
    }

    /// The Thread that `value` holds.
    pub(super) fn thread(value: &JsValue) -> Read<Thread> {
        if !value.is_object() {
            return Err(bad("thread", "expected an object"));
        }
        Ok(Thread {
            platform: get(value, "platform")
                .as_string()
                .as_deref()
                .and_then(platform_named)
                .ok_or_else(|| wrong("platform", "a platform name"))?,
            title: maybe_string(value, "title")?,
            author: author(&get(value, "author"))?,
            posts: list(value, "posts", |p| post(p, 0))?,
            removed: list(value, "removed", |r| {
                Ok(Removed {
                    line: number(r, "line")?,
                    text: string(r, "text")?.into(),
                    reason: string(r, "reason")?.into(),
                })
            })?,
            repairs: list(value, "repairs", repair)?,
            warnings: list(value, "warnings", |w| {
                let post = get(w, "post");
                Ok(Warning {
                    kind: string(w, "kind")?,
                    post: if absent(&post) {
                        None
                    } else {
                        Some(whole(&post).ok_or_else(|| wrong("post", "a whole number"))?)
                    },
                    text: string(w, "text")?,
                })
            })?,
        })
    }
}

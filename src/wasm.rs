//! The WebAssembly boundary: each export is a one-line call into the core.
//!
//! Options and the model cross as plain JS objects (serde-wasm-bindgen, JSON-compatible);
//! HTML, Markdown and text cross as strings.

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
#[wasm_bindgen(js_name = format)]
pub fn format_js(input: &str, options_js: JsValue) -> Result<JsValue, JsError> {
    to_js(&crate::format(input, &options(options_js)?))
}

/// A paste → `html`, `markdown`, `text` or `json` as a string.
#[wasm_bindgen]
pub fn convert(input: &str, to: &str, options_js: JsValue) -> Result<String, JsError> {
    let format = Format::from_name(to).ok_or_else(|| JsError::new("unknown format"))?;
    Ok(crate::convert(input, format, &options(options_js)?))
}

/// A Thread (as returned by `format`, perhaps edited) → a string in `to`.
#[wasm_bindgen(js_name = renderThread)]
pub fn render_thread(thread: JsValue, to: &str, options_js: JsValue) -> Result<String, JsError> {
    let thread =
        serde_wasm_bindgen::from_value(thread).map_err(|e| JsError::new(&e.to_string()))?;
    let format = Format::from_name(to).ok_or_else(|| JsError::new("unknown format"))?;
    Ok(render(&thread, format, &options(options_js)?))
}

/// Only the repair stage: `{text, repairs}`.
#[wasm_bindgen]
pub fn repair(input: &str) -> Result<JsValue, JsError> {
    let r = crate::repair::repair(input);
    to_js(&serde_json::json!({ "text": r.text, "repairs": r.repairs }))
}

/// Compose: long text → posts that fit `platform` (`x`, `bluesky`, `mastodon`, `threads`);
/// options `{numbering, limit}`. Returns `[{text, weightedLength, warning?}]`.
#[wasm_bindgen]
pub fn split(text: &str, platform: &str, options_js: JsValue) -> Result<JsValue, JsError> {
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
#[wasm_bindgen]
pub fn count(text: &str, platform: &str) -> Result<JsValue, JsError> {
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

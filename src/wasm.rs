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

//! The wasm smoke test: the core, compiled to WebAssembly, formats a thread in a real browser.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn formats_a_pasted_thread_in_the_browser() {
    let html = unspool::wasm::convert("1/ Itâ€™s <b>\n2.3K\n2/ done", "html", JsValue::UNDEFINED)
        .expect("html is a known format");
    assert_eq!(html.matches("<section").count(), 2, "two posts: {html}");
    assert!(
        html.contains("It’s &lt;b&gt;"),
        "repaired and escaped: {html}"
    );
    assert!(!html.contains("2.3K"), "the count is removed: {html}");
}

#[wasm_bindgen_test]
fn unknown_formats_are_errors_not_panics() {
    assert!(unspool::wasm::convert("x", "pdf", JsValue::UNDEFINED).is_err());
}

#[wasm_bindgen_test]
fn composes_and_counts_in_the_browser() {
    assert!(unspool::wasm::split("One.\n---\nTwo.", "bluesky", JsValue::UNDEFINED).is_ok());
    assert!(unspool::wasm::count("Hi http://test.co", "x").is_ok());
    assert!(
        unspool::wasm::split("x", "myspace", JsValue::UNDEFINED).is_err(),
        "an unknown platform is an error, not a panic"
    );
}

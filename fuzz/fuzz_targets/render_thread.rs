//! A Thread as JSON, the way the page hands an edited one back (`renderThread`): whatever
//! it holds (`javascript:` links, markup in names), every renderer stays safe and bounded.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unspool::{render, Format, Thread};

fuzz_target!(|data: &[u8]| {
    let (options, json) = unspool_fuzz::split_options(data);
    let Ok(thread) = serde_json::from_slice::<Thread>(json) else {
        return;
    };
    let html = render(&thread, Format::Html, &options);
    unspool_fuzz::assert_bounded("html", &html, json.len());
    unspool_fuzz::assert_safe_html(&html);
    let markdown = render(&thread, Format::Markdown, &options);
    unspool_fuzz::assert_bounded("markdown", &markdown, json.len());
    unspool_fuzz::assert_safe_markdown(&markdown);
    let text = render(&thread, Format::Text, &options);
    unspool_fuzz::assert_bounded("text", &text, json.len());
});

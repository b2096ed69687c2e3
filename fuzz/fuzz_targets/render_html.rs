//! HTML from any paste under any options: only allowed tags and attributes, bounded.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (options, paste) = unspool_fuzz::split_options(data);
    let input = String::from_utf8_lossy(paste);
    let html = unspool::convert(&input, unspool::Format::Html, &options);
    unspool_fuzz::assert_bounded("html", &html, input.len());
    unspool_fuzz::assert_safe_html(&html);
});

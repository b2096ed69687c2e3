//! Markdown from any paste under any options: no raw HTML, only safe links, bounded.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (options, paste) = unspool_fuzz::split_options(data);
    let input = String::from_utf8_lossy(paste);
    let markdown = unspool::convert(&input, unspool::Format::Markdown, &options);
    unspool_fuzz::assert_bounded("markdown", &markdown, input.len());
    unspool_fuzz::assert_safe_markdown(&markdown);
});

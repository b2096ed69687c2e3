//! The whole pipeline to the model (repair → segment → clean → entities), then the text and
//! JSON renderers: no panic, spans cover the text, JSON round-trips, outputs are bounded, and
//! `convert` (which leaves out the removed lines a rendering does not show) renders what the
//! whole model renders.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unspool::{render, Format};

fuzz_target!(|data: &[u8]| {
    let (options, paste) = unspool_fuzz::split_options(data);
    let input = String::from_utf8_lossy(paste);
    let thread = unspool::format(&input, &options);
    unspool_fuzz::assert_spans_cover_text(&thread);
    let text = render(&thread, Format::Text, &options);
    unspool_fuzz::assert_bounded("text", &text, input.len());
    let json = render(&thread, Format::Json, &options);
    unspool_fuzz::assert_json_bounded(&json, input.len(), &thread);
    unspool_fuzz::assert_json_round_trip(&json, &thread);
    assert_eq!(unspool::convert(&input, Format::Text, &options), text);
    assert_eq!(unspool::convert(&input, Format::Json, &options), json);
});

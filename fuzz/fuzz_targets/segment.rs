//! Segment (with clean) on any text, on every platform: no panic; posts numbered 1..n in order;
//! nothing lost — every non-blank line is in a post (or its quoted post), in `removed`, or
//! both (a glued tail such as `Show more` removed from a line of post text), the check
//! `tests/segment.rs` runs on every fixture and corpus paste.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unspool::Platform;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the platform (or detection); the rest is the paste.
    let (platform, paste) = match data {
        [p, rest @ ..] => (Platform::ALL.get(usize::from(*p) % 8).copied(), rest),
        [] => (None, data),
    };
    // Segment sees repaired text: no C0 controls but tab and newline, no CR.
    let text: String = String::from_utf8_lossy(paste)
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect();
    let seg = unspool::segment::segment(&text, platform);
    for (i, post) in seg.posts.iter().enumerate() {
        assert_eq!(post.number, i + 1, "posts are numbered 1..n in order");
    }
    unspool_fuzz::assert_nothing_lost(&text, &seg.posts, &seg.removed);
});

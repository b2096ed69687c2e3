//! Platform detection: lines of a paste → the platform it was copied from.
//!
//! Each platform scores the signals its pages leave in a copy (design §2): X's `·` header
//! lines and `Translate post`, Bluesky's `.bsky.social` handles and `Everybody can reply`,
//! Mastodon's `@user@instance` and `boosted`, Threads' `username` / `2d` headers, LinkedIn's
//! `Feed post number` and `Visible to anyone on or off LinkedIn`, unrollers' footers and
//! `— Name (@handle) date` attributions. A signal counts at most three times, so one repeated
//! line cannot outvote the rest. The best score wins when it reaches 2; otherwise `plain`.

use super::headers;
use crate::thread::Platform;
use memchr::memmem::Finder;

/// Whether `finder`'s needle occurs in `line`.
fn has(finder: &Finder, line: &str) -> bool {
    finder.find(line.as_bytes()).is_some()
}

/// Detects the platform of `lines` (trimmed lines of the repaired paste).
pub fn detect(lines: &[&str]) -> Platform {
    // Index by Platform::ALL order.
    let mut score = [0u32; 7];
    // How often each signal counted: a few dozen names, so a list beats a hash map (and keeps
    // hashing code out of the WebAssembly).
    let mut seen: Vec<(&'static str, u32)> = Vec::new();
    let mut add = |score: &mut [u32; 7], p: Platform, signal: &'static str, w: u32| {
        let at = match seen.iter().position(|(s, _)| *s == signal) {
            Some(at) => at,
            None => {
                seen.push((signal, 0));
                seen.len() - 1
            }
        };
        let n = &mut seen[at].1;
        if *n < 3 {
            *n += 1;
            let i = Platform::ALL
                .iter()
                .position(|q| *q == p)
                .expect("every platform is in ALL");
            score[i] += w;
        }
    };
    // The substrings looked for on every line, each searcher built once per paste (building
    // one per line cost more than the search).
    let bsky_social = Finder::new(".bsky.social");
    let bsky_app = Finder::new("bsky.app/");
    let x_corp = Finder::new("X Corp");
    let twitter_com = Finder::new("twitter.com/");
    let status = Finder::new("/status/");
    let x_com = Finder::new("x.com/");
    let reposts = Finder::new(" reposts");
    let quotes = Finder::new(" quotes");
    let boosts = Finder::new(" boosts");
    let favourites = Finder::new(" favourites");
    let threads_net = Finder::new("threads.net");
    let threads_com = Finder::new("threads.com");
    let for_threads = Finder::new("for Threads");
    let visible = Finder::new("Visible to anyone on or off LinkedIn");
    let threadreaderapp = Finder::new("threadreaderapp");
    let thread_reader_app = Finder::new("Thread Reader App");
    let twtextapp = Finder::new("twtextapp");
    let pic_twitter = Finder::new("pic.twitter.com/");
    for (i, &l) in lines.iter().enumerate() {
        // Looked up after the empty-line check: each run of blank lines is walked once, not
        // once per blank line (quadratic on a paste of many blank lines).
        if l.is_empty() {
            continue;
        }
        let next = lines[i + 1..].iter().find(|n| !n.is_empty()).copied();
        use Platform::*;
        if has(&bsky_social, l) || has(&bsky_app, l) {
            add(&mut score, Bluesky, "bsky", 3);
        }
        match l {
            "Everybody can reply" | "Write your reply" => add(&mut score, Bluesky, "bsky-ui", 3),
            "Translate post" | "Post your reply" | "Embedded video" | "New to X?"
            | "Tweet your reply" => add(&mut score, X, "x-ui", 2),
            "·" | "Quote" | "Image" | "Show more" => add(&mut score, X, "x-weak", 1),
            "Show less" | "Boost" | "Favourite" => add(&mut score, Mastodon, "masto-ui", 1),
            "Author" => add(&mut score, Threads, "threads-author", 1),
            "Activate to view larger image," | "likeloveinsightful" | "hashtag" => {
                add(&mut score, Linkedin, "li-ui", 2)
            }
            _ => {}
        }
        let time_next = || next.is_some_and(|n| n == "·" || headers::time_line(n).is_some());
        if l.starts_with('@') && headers::is_handle_line(l) && time_next() {
            if l[1..].contains('@') {
                add(&mut score, Mastodon, "masto-header", 2);
            } else if l.contains('.') {
                add(&mut score, Bluesky, "bsky-header", 2);
            } else {
                add(&mut score, X, "x-header", 2);
            }
        }
        if l.starts_with('@') && headers::is_handle_line(l) {
            if l[1..].contains('@') {
                add(&mut score, Mastodon, "masto-handle", 3);
            } else if !l.contains('.') {
                add(&mut score, X, "x-handle", 1);
            } else {
                add(&mut score, Bluesky, "bsky-handle", 1);
            }
        }
        if let Some(h) = headers::header_line(l).filter(|h| h.time.is_some()) {
            if h.handle[1..].contains('@') {
                add(&mut score, Mastodon, "masto-inline", 2);
            } else if h.handle.contains('.') {
                add(&mut score, Bluesky, "bsky-inline", 2);
            } else {
                add(&mut score, X, "x-inline", 2);
            }
        }
        if l.starts_with("· ") && headers::time_line(l).is_some() {
            add(&mut score, Bluesky, "bsky-dot-time", 2);
        }
        if l.ends_with(" reposted") {
            add(&mut score, X, "x-reposted", 2);
        }
        if l.ends_with(" boosted") {
            add(&mut score, Mastodon, "masto-boosted", 2);
        }
        if has(&x_corp, l) || l.ends_with(" Views") || l.starts_with("Replying to @") {
            add(&mut score, X, "x-strong", 3);
        }
        if has(&twitter_com, l) && has(&status, l) || has(&x_com, l) {
            add(&mut score, X, "x-link", 1);
        }
        if has(&reposts, l) || has(&quotes, l) {
            add(&mut score, Bluesky, "bsky-counts", 1);
        }
        if has(&boosts, l) || has(&favourites, l) {
            add(&mut score, Mastodon, "masto-counts", 2);
        }
        if has(&threads_net, l) || has(&threads_com, l) || has(&for_threads, l) {
            add(&mut score, Threads, "threads-link", 2);
        }
        if headers::is_username(l)
            && next.is_some_and(|n| {
                n == "Author" || (headers::time_line(n).is_some() && !n.contains('·'))
            })
        {
            add(&mut score, Threads, "threads-header", 2);
        }
        if l.starts_with("Feed post number") || has(&visible, l) {
            add(&mut score, Linkedin, "li-strong", 3);
        }
        if l.starts_with("No alternative text description") {
            add(&mut score, Linkedin, "li-media", 2);
        }
        if headers::doubled(l).is_some() {
            add(&mut score, Linkedin, "li-doubled", 1);
        }
        if has(&threadreaderapp, l)
            || has(&thread_reader_app, l)
            || has(&twtextapp, l)
            || l.starts_with("Twitter may remove this content")
            || l.starts_with("You can follow @")
        {
            add(&mut score, Threadreader, "tr-footer", 3);
        }
        if headers::attribution(l).is_some() {
            add(&mut score, Threadreader, "tr-attribution", 2);
        }
        if has(&pic_twitter, l) {
            add(&mut score, Threadreader, "tr-pic", 1);
        }
    }
    let (best, &max) = score
        .iter()
        .enumerate()
        .max_by_key(|&(i, s)| (*s, std::cmp::Reverse(i)))
        .expect("seven scores");
    if max >= 2 {
        Platform::ALL[best]
    } else {
        Platform::Plain
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Platform {
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        detect(&lines)
    }

    #[test]
    fn detects_each_platform() {
        assert_eq!(
            of("Ada\n@ada\n·\n5h\nhello\nTranslate post\n2.3K"),
            Platform::X
        );
        assert_eq!(
            of("Ada @ada.bsky.social\n· 2h\nhello\nEverybody can reply"),
            Platform::Bluesky
        );
        assert_eq!(of("Ada\n@ada@mastodon.social\nhello"), Platform::Mastodon);
        assert_eq!(of("zuck\n2d\nhello\nTranslate\n12"), Platform::Threads);
        assert_eq!(
            of("Feed post number 2\nAda\nAda\n1h •\nhello"),
            Platform::Linkedin
        );
        assert_eq!(of("1/ hello\n2/ world"), Platform::Plain);
        assert_eq!(of(""), Platform::Plain);
    }
}

//! "Nothing pasted is lost silently", as a check shared by `tests/segment.rs` (every fixture
//! and corpus paste) and the `segment` fuzz target (`fuzz/src/lib.rs` includes it with
//! `#[path]`).

use unspool::{Post, Removed};

/// Panics unless each non-blank line of `text` is in `removed` or (less the removed pieces of
/// it and the post's marker) in a post's or quoted post's text. Header lines are removed *and*
/// lifted into fields, so they count as removed.
pub fn check(name: &str, text: &str, posts: &[Post], removed: &[Removed]) {
    let all: Vec<&Post> = posts
        .iter()
        .flat_map(|p| std::iter::once(p).chain(p.quoted.as_deref()))
        .collect();
    for (n, line) in text.lines().enumerate() {
        // A removed piece is taken out where it stands last (a glued tail such as `Show more`)
        // or, failing that, where it stands first (LinkedIn's `hashtag` label before a tag
        // that is itself `#hashtag`), or where it stands before a `#` (that label glued to a
        // tag after other words that hold `hashtag`: `hashtagrhashtag#hashtag`).
        let mut found = false;
        let mut shown = String::new();
        for place in [Place::Last, Place::First, Place::BeforeTag] {
            let mut rest = line.trim().to_owned();
            for r in removed.iter().filter(|r| r.line == n + 1) {
                let at = match place {
                    Place::Last => rest.rfind(&*r.text),
                    Place::First => rest.find(&*r.text),
                    Place::BeforeTag => rest
                        .find(&format!("{}#", r.text))
                        .or_else(|| rest.find(&*r.text)),
                };
                if let Some(at) = at {
                    rest.replace_range(at..at + r.text.len(), "");
                }
            }
            let rest = rest.trim();
            found |= rest.is_empty() || in_a_post(&all, rest);
            if shown.is_empty() {
                shown = rest.to_owned();
            }
        }
        assert!(
            found,
            "{name}: line {} {shown:?} is neither post text nor in removed",
            n + 1
        );
    }
}

/// Where in its line a removed piece is looked for.
#[derive(Clone, Copy)]
enum Place {
    Last,
    First,
    BeforeTag,
}

/// Whether `rest` (less a post's marker at either end) is in some post's text.
fn in_a_post(all: &[&Post], rest: &str) -> bool {
    all.iter().any(|p| {
        let mut r = rest;
        if let Some(m) = &p.marker {
            r = r.strip_prefix(m.as_str()).unwrap_or(r).trim_start();
            r = r.strip_suffix(m.as_str()).unwrap_or(r).trim_end();
        }
        p.text.contains(r)
    })
}

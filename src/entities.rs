//! Entities: post text → links, mentions, hashtags and cashtags, as twitter-text finds them.
//!
//! A hand-written scanner (no regex). Mentions include Mastodon's `@user@instance` and
//! Bluesky's `@name.bsky.social`.

use crate::thread::Span;
use serde::Serialize;

/// Entities of one text, each as it appears, in order.
#[derive(Serialize, Debug, Default, PartialEq, Eq)]
pub struct Entities {
    /// Links, as written.
    pub urls: Vec<String>,
    /// Mentions, with `@`.
    pub mentions: Vec<String>,
    /// Hashtags, with `#`.
    pub hashtags: Vec<String>,
    /// Cashtags, with `$`.
    pub cashtags: Vec<String>,
}

/// Finds the entities of `text`.
pub fn extract(text: &str) -> Entities {
    let mut e = Entities::default();
    for span in spans(text) {
        match span {
            Span::Link { text, .. } => e.urls.push(text),
            Span::Mention { text } => e.mentions.push(text),
            Span::Hashtag { text } => e.hashtags.push(text),
            Span::Cashtag { text } => e.cashtags.push(text),
            Span::Text { .. } => {}
        }
    }
    e
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Cuts `text` into spans; the spans' texts joined give `text` back.
pub fn spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut plain_start = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let prev = text[..i].chars().next_back();
        let at_boundary = prev.is_none_or(|p| !is_word(p) && p != '/' && p != '.');
        let found = if !at_boundary {
            None
        } else {
            match bytes[i] {
                b'h' | b'w' | b'H' | b'W' => url_at(&text[i..]).map(|(n, href)| {
                    (
                        n,
                        Span::Link {
                            text: text[i..i + n].to_owned(),
                            href,
                        },
                    )
                }),
                b'@' => mention_at(&text[i..]).map(|n| {
                    (
                        n,
                        Span::Mention {
                            text: text[i..i + n].to_owned(),
                        },
                    )
                }),
                b'#' => tag_at(&text[i..], is_word)
                    .filter(|&n| text[i + 1..i + n].chars().any(|c| !c.is_ascii_digit()))
                    .map(|n| {
                        (
                            n,
                            Span::Hashtag {
                                text: text[i..i + n].to_owned(),
                            },
                        )
                    }),
                b'$' => tag_at(&text[i..], |c| c.is_ascii_alphabetic())
                    .filter(|&n| n <= 7)
                    .map(|n| {
                        (
                            n,
                            Span::Cashtag {
                                text: text[i..i + n].to_owned(),
                            },
                        )
                    }),
                _ => None,
            }
        };
        match found {
            Some((n, span)) => {
                if plain_start < i {
                    out.push(Span::Text {
                        text: text[plain_start..i].to_owned(),
                    });
                }
                out.push(span);
                i += n;
                plain_start = i;
            }
            None => {
                i += text[i..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    if plain_start < text.len() {
        out.push(Span::Text {
            text: text[plain_start..].to_owned(),
        });
    }
    out
}

fn tag_at(s: &str, ok: impl Fn(char) -> bool) -> Option<usize> {
    let n: usize = s[1..]
        .chars()
        .take_while(|&c| ok(c))
        .map(char::len_utf8)
        .sum();
    (n > 0).then_some(n + 1)
}

fn mention_at(s: &str) -> Option<usize> {
    let mut n = tag_at(s, |c| c.is_ascii_alphanumeric() || c == '_')?;
    // `@user@instance` and `@name.bsky.social`: a domain glued on.
    let rest = &s[n..];
    let domain_start = if rest.starts_with('@') || rest.starts_with('.') {
        1
    } else {
        0
    };
    if domain_start == 1 {
        let d = domain_len(&rest[1..]);
        if d > 0 && (rest.starts_with('.') || rest[1..1 + d].contains('.')) {
            n += 1 + d;
        }
    }
    Some(n)
}

fn domain_len(s: &str) -> usize {
    let mut n = s
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'.')
        .count();
    while n > 0 && s.as_bytes()[n - 1] == b'.' {
        n -= 1;
    }
    n
}

/// A URL at the start of `s`: its length and its full address.
fn url_at(s: &str) -> Option<(usize, String)> {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let scheme = if lower.starts_with("https://") {
        8
    } else if lower.starts_with("http://") {
        7
    } else if lower.starts_with("www.") {
        0
    } else {
        return None;
    };
    let host = domain_len(&s[scheme..]);
    if host == 0 || !s[scheme..scheme + host].contains('.') {
        return None;
    }
    let mut n = scheme + host;
    let path: usize = s[n..]
        .chars()
        .take_while(|&c| !c.is_whitespace() && !matches!(c, '<' | '>' | '"' | '“' | '”'))
        .map(char::len_utf8)
        .sum();
    n += path;
    // Trailing punctuation belongs to the sentence, as does an unbalanced `)`.
    while let Some(c) = s[..n].chars().next_back() {
        let unbalanced = c == ')' && s[..n].matches('(').count() < s[..n].matches(')').count();
        if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '…') || unbalanced {
            n -= c.len_utf8();
        } else {
            break;
        }
    }
    let text = &s[..n];
    let href = if scheme == 0 {
        format!("https://{text}")
    } else {
        text.to_owned()
    };
    Some((n, href))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_kind() {
        let e =
            extract("see https://x.org/a. @bob and @ann@mastodon.social #rust $TSLA www.ex.com");
        assert_eq!(e.urls, ["https://x.org/a", "www.ex.com"]);
        assert_eq!(e.mentions, ["@bob", "@ann@mastodon.social"]);
        assert_eq!(e.hashtags, ["#rust"]);
        assert_eq!(e.cashtags, ["$TSLA"]);
    }

    #[test]
    fn spans_join_back_to_the_text() {
        let t = "a @b.bsky.social c (http://x.org/p) #1 e-mail a@b.com";
        let joined: String = spans(t).iter().map(Span::text).collect();
        assert_eq!(joined, t);
        assert!(
            extract("#1").hashtags.is_empty(),
            "a number is not a hashtag"
        );
        assert!(
            extract("a@b.com").mentions.is_empty(),
            "an email is not a mention"
        );
    }
}

//! An allowlist check for the HTML renderer's output, shared by `tests/hostile.rs` and the
//! fuzz targets (`fuzz/fuzz_targets/*.rs` include it with `#[path]`).
//!
//! The output may only hold the tags and attributes `src/render/html.rs` documents, every
//! attribute value double-quoted, `href` only `http:`/`https:`/`mailto:`, no comment, no
//! doctype, no raw `<` in text, and `style` values without `url(`, `expression(` or `@import`.
//! Anything else means pasted text became markup.
#![allow(dead_code)] // each includer uses a different subset

/// Tags the HTML renderer writes.
pub const TAGS: &[&str] = &[
    "article",
    "header",
    "h1",
    "p",
    "strong",
    "span",
    "a",
    "br",
    "hr",
    "section",
    "ul",
    "ol",
    "li",
    "blockquote",
    "figure",
    "figcaption",
    "time",
    "details",
    "summary",
];

/// Attributes the HTML renderer writes.
pub const ATTRIBUTES: &[&str] = &[
    "class",
    "style",
    "data-theme",
    "href",
    "rel",
    "start",
    "datetime",
];

/// `Ok` when `html` holds only allowed markup; otherwise what is wrong and where.
pub fn check(html: &str) -> Result<(), String> {
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let at = i + off;
        i = at + 1;
        let closing = b.get(i) == Some(&b'/');
        if closing {
            i += 1;
        }
        let name_start = i;
        while i < b.len() && (b[i].is_ascii_lowercase() || b[i].is_ascii_digit()) {
            i += 1;
        }
        let name = &html[name_start..i];
        if name.is_empty() {
            return Err(format!(
                "raw '<' not starting a tag at byte {at}: {}",
                around(html, at)
            ));
        }
        if !TAGS.contains(&name) {
            return Err(format!(
                "tag <{name}> is not allowed at byte {at}: {}",
                around(html, at)
            ));
        }
        loop {
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
            match b.get(i) {
                Some(b'>') => {
                    i += 1;
                    break;
                }
                Some(b'/') if b.get(i + 1) == Some(&b'>') && !closing => {
                    i += 2;
                    break;
                }
                Some(c) if c.is_ascii_lowercase() && !closing => {
                    let attr_start = i;
                    while i < b.len() && (b[i].is_ascii_lowercase() || b[i] == b'-') {
                        i += 1;
                    }
                    let attr = &html[attr_start..i];
                    if !ATTRIBUTES.contains(&attr) {
                        return Err(format!(
                            "attribute {attr} on <{name}> is not allowed: {}",
                            around(html, at)
                        ));
                    }
                    if b.get(i) != Some(&b'=') {
                        continue;
                    }
                    if b.get(i + 1) != Some(&b'"') {
                        return Err(format!("unquoted {attr} value: {}", around(html, at)));
                    }
                    let value_start = i + 2;
                    let Some(len) = b[value_start..].iter().position(|&c| c == b'"') else {
                        return Err(format!("unterminated {attr} value: {}", around(html, at)));
                    };
                    let value = &html[value_start..value_start + len];
                    i = value_start + len + 1;
                    check_value(attr, value).map_err(|e| format!("{e}: {}", around(html, at)))?;
                }
                _ => return Err(format!("malformed tag <{name}>: {}", around(html, at))),
            }
        }
    }
    Ok(())
}

fn check_value(attr: &str, value: &str) -> Result<(), String> {
    if value.contains('<') || value.contains('>') {
        return Err(format!("unescaped < or > in {attr}"));
    }
    let decoded = decode_basic(value).to_ascii_lowercase();
    match attr {
        "href" => {
            let ok = ["http://", "https://", "mailto:"]
                .iter()
                .any(|s| decoded.starts_with(s));
            if !ok {
                return Err(format!("href {value:?} is not http(s) or mailto"));
            }
            if decoded.chars().any(|c| c.is_control() || c.is_whitespace()) {
                return Err(format!("href {value:?} holds whitespace or controls"));
            }
        }
        "style" => {
            for bad in ["url(", "expression(", "@import", "javascript:", "\\"] {
                if decoded.contains(bad) {
                    return Err(format!("style {value:?} holds {bad}"));
                }
            }
        }
        "rel" if value != "nofollow noopener noreferrer ugc" => {
            return Err(format!("rel {value:?} is not the fixed link rel"));
        }
        "start" if !value.bytes().all(|c| c.is_ascii_digit()) => {
            return Err(format!("start {value:?} is not a number"));
        }
        _ => {}
    }
    Ok(())
}

/// Decodes the entities an attribute value may hold (named basics and numeric references),
/// so a scheme cannot hide behind `&#106;avascript:`.
fn decode_basic(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let Some(end) = rest.find(';').filter(|&e| e <= 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn around(s: &str, at: usize) -> String {
    let mut start = at.saturating_sub(40);
    while !s.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + 80).min(s.len());
    while !s.is_char_boundary(end) {
        end += 1;
    }
    format!("{:?}", &s[start..end])
}

#[cfg(test)]
mod self_tests {
    use super::check;

    #[test]
    fn the_checker_rejects_markup_that_would_run() {
        for bad in [
            "<script>alert(1)</script>",
            "<p onclick=\"x\">a</p>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<img src=x>",
            "<p>a < b</p>",
            "<!-- x -->",
            "<p style=\"background:url(x)\">a</p>",
            "<svg><script>1</script></svg>",
        ] {
            assert!(check(bad).is_err(), "{bad} must be rejected");
        }
        for good in [
            "<article class=\"unspool\">\n<section class=\"post\"><p>a &lt; b<br>\nc</p></section></article>",
            "<a href=\"https://x.org/?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer ugc\">x</a>",
            "<ol start=\"3\"><li>x</li></ol><hr>",
        ] {
            assert_eq!(check(good), Ok(()), "{good} is allowed");
        }
    }
}

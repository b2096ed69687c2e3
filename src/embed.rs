//! The blog embed: an `<unspool-thread>` element's attributes → [`Options`], its text → a paste.
//!
//! A blog writes a pasted thread as the text of an `<unspool-thread>` element and chooses
//! options with attributes; the browser side (`src/wasm.rs`, `www/embed.js`) reads them and
//! calls these two pure functions, so the rules are tested here, natively.
//!
//! Attributes (the CLI's flag names without `--`):
//!
//! | attribute         | values                                        | default |
//! |-------------------|-----------------------------------------------|---------|
//! | `platform`        | `auto`, `x`, `bluesky`, `mastodon`, …         | `auto`  |
//! | `numbering`       | `none`, `1/n`, `1.`, `(1/n)`                  | `none`  |
//! | `theme`           | `auto`, `light`, `dark`                       | `auto`  |
//! | `heading`         | a title, or `first-sentence`                  | none    |
//! | `author-only`, `keep-markers`, `merge`, `show-times`, `include-removed`, `link-entities` | present = on; `false`, `no`, `off`, `0` = off | off (`link-entities` on) |
//!
//! (`title` is not used for the heading: it is a global HTML attribute, a tooltip.)
//!
//! Rules: the HTML flavour is always [`HtmlStyle::Classes`] — an embed lives in a page with
//! a Content Security Policy that forbids `style=` attributes, and is styled by `thread.css`.
//! Unknown values never fail: the option keeps its default and a problem is reported for the
//! browser console. The text is dedented: a blog indents the element's content with its markup.

use crate::thread::{HtmlStyle, Numbering, Options, Platform, Theme, TitleMode};

/// Every attribute the element reads, in the order [`options`] applies them.
pub const ATTRIBUTES: [&str; 10] = [
    "platform",
    "numbering",
    "theme",
    "heading",
    "author-only",
    "keep-markers",
    "merge",
    "show-times",
    "include-removed",
    "link-entities",
];

/// Options from `(attribute, value)` pairs, and a message for each value not understood.
///
/// A boolean attribute is on when present (`author-only` or `author-only=""`) unless its
/// value is `false`, `no`, `off` or `0`. Attributes not in [`ATTRIBUTES`] are ignored: the
/// element may carry `class`, `id`, `src` and the like.
pub fn options<'a>(
    attributes: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> (Options, Vec<String>) {
    let mut o = Options {
        html_style: HtmlStyle::Classes,
        ..Options::default()
    };
    let mut problems = Vec::new();
    for (name, value) in attributes {
        let v = value.trim();
        // Built by hand, not with `format!("{value:?}")`: `Debug` for a string brings
        // core's escaping and printable-character tables into the .wasm.
        let mut bad = || {
            problems.push(crate::render::join(
                &[
                    name,
                    "=\"",
                    value,
                    "\" is not understood; using the default",
                ],
                "",
            ))
        };
        match name {
            "platform" => match v {
                "" | "auto" => o.platform = None,
                _ => match Platform::from_name(&v.to_ascii_lowercase()) {
                    Some(p) => o.platform = Some(p),
                    None => bad(),
                },
            },
            "numbering" => match Numbering::from_name(v) {
                Some(n) => o.numbering = n,
                None => bad(),
            },
            "theme" => match v {
                "" | "auto" => o.theme = Theme::Auto,
                "light" => o.theme = Theme::Light,
                "dark" => o.theme = Theme::Dark,
                _ => bad(),
            },
            "heading" => {
                o.title = match v {
                    "" => TitleMode::None,
                    "first-sentence" => TitleMode::FirstSentence,
                    _ => TitleMode::Custom(v.to_owned()),
                }
            }
            "author-only" => o.author_only = flag(v),
            "keep-markers" => o.keep_markers = flag(v),
            "merge" => o.merge = flag(v),
            "show-times" => o.show_times = flag(v),
            "include-removed" => o.include_removed = flag(v),
            "link-entities" => o.link_entities = flag(v),
            _ => {}
        }
    }
    (o, problems)
}

/// A boolean attribute: on unless its value says off.
fn flag(value: &str) -> bool {
    !matches!(
        value.to_ascii_lowercase().as_str(),
        "false" | "no" | "off" | "0"
    )
}

/// The element's text as a paste: blank lines at either end dropped, trailing spaces cut,
/// and the indentation that every non-blank line shares removed.
pub fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    let (Some(first), Some(last)) = (first, last) else {
        return String::new();
    };
    let lines = lines.get(first..=last).unwrap_or_default();
    let indent = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // Every non-blank line starts with at least `indent` ASCII blanks, so the cut is on
        // a character boundary; blank lines are empty after trim_end.
        out.push_str(line.get(indent..).unwrap_or(""));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_become_options() {
        let (o, problems) = options([
            ("numbering", "(1/n)"),
            ("theme", "dark"),
            ("author-only", ""),
            ("platform", "Bluesky"),
            ("heading", "My thread"),
            ("link-entities", "false"),
            ("class", "wide"),
        ]);
        assert_eq!(problems, Vec::<String>::new(), "every value is understood");
        assert_eq!(o.numbering, Numbering::Paren);
        assert_eq!(o.theme, Theme::Dark);
        assert!(o.author_only, "a present boolean attribute is on");
        assert_eq!(
            o.platform,
            Some(Platform::Bluesky),
            "platform names are case-blind"
        );
        assert_eq!(o.title, TitleMode::Custom("My thread".into()));
        assert!(!o.link_entities, "link-entities=false turns it off");
    }

    #[test]
    fn the_embed_is_always_class_styled() {
        let (o, _) = options([]);
        assert_eq!(
            o.html_style,
            HtmlStyle::Classes,
            "a strict CSP forbids style= attributes, so the embed uses thread.css classes"
        );
        assert!(o.link_entities, "defaults are the page's defaults");
    }

    #[test]
    fn unknown_values_keep_the_default_and_say_so() {
        let (o, problems) = options([("numbering", "roman"), ("theme", "sepia")]);
        assert_eq!(o.numbering, Numbering::None);
        assert_eq!(o.theme, Theme::Auto);
        assert_eq!(
            problems.len(),
            2,
            "one message per value not understood: {problems:?}"
        );
        assert_eq!(
            problems[0], "numbering=\"roman\" is not understood; using the default",
            "the message names the attribute and quotes its value as written"
        );
    }

    #[test]
    fn boolean_attributes_can_be_switched_off() {
        for off in ["false", "No", "OFF", "0"] {
            assert!(!options([("merge", off)]).0.merge, "merge={off} is off");
        }
        assert!(options([("merge", "merge")]).0.merge, "merge=merge is on");
    }

    #[test]
    fn heading_first_sentence() {
        let (o, _) = options([("heading", "first-sentence")]);
        assert_eq!(o.title, TitleMode::FirstSentence);
    }

    #[test]
    fn dedent_removes_markup_indentation() {
        let text = "\n    1/ Hello\n      indented more\n\n    2/ World   \n  ";
        assert_eq!(dedent(text), "1/ Hello\n  indented more\n\n2/ World");
    }

    #[test]
    fn dedent_of_blank_or_odd_text() {
        assert_eq!(dedent(""), "");
        assert_eq!(dedent(" \n\t\n"), "");
        assert_eq!(
            dedent("\t🧵 a\n\t b"),
            "🧵 a\n b",
            "tabs count as indentation"
        );
        assert_eq!(
            dedent("  é\n x"),
            " é\nx",
            "indentation is only the shared blanks"
        );
    }
}

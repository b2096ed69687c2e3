//! Clean: a line of a paste → whether it is the page's own words, and why.
//!
//! Input: one trimmed line. Output: `Some(reason)` when the whole line is interface text,
//! `None` when it is (or may be) content. The segment stage calls this for every line and
//! puts cruft into `Thread::removed` with the reason, so nothing is lost silently.
//!
//! Rules:
//! - A line is cruft only when the *whole* line is interface text: a lexicon of exact lines
//!   (`See All`, `Translate post`, `Everybody can reply`, `Like`, `Feed post number 2`),
//!   a few exact prefixes that no sentence starts with (`Replying to @`, `Who can reply?`,
//!   `By signing up, you agree`), and shapes: bare counts (`250`, `2.3K`, `1K1.1K`), counted
//!   nouns (`12 reposts 3 quotes 95 likes`, `1 comment`, `979 Following`, `Glucksmann25.7K
//!   posts`), social context (`X reposted`, `Ada boosted`), LinkedIn reactions
//!   (`likeloveinsightful`), connection degrees (`• 2nd`), profile lines (`Joined May 2010`).
//! - Content that only looks like cruft stays: `Follow the money`, `I'll show more tomorrow`,
//!   `250 people came` are sentences, not interface lines.
//! - Interface words glued to the end of a post's text (`you haveShow more`) are cut off by
//!   [`strip_glued`].
//! - [`footer_start`] names the lines after which a page has nothing but its own chrome
//!   (`New to X?`, Thread Reader App's `Twitter may remove this content…`, twtext's
//!   `You can follow @…`).
//!
//! Reasons: `count`, `ui`, `signup`, `footer`, `reactions`, `timestamp`, `profile`, `media`
//! (video player controls, `No alternative text description…`), `header` (pronouns).
//! References: design §2 (patterns seen in real copies), `corpus/pastes/`.

/// Why a whole line is cruft, or `None` when it is content.
pub fn classify(line: &str) -> Option<&'static str> {
    let t = crate::segment::trim(line);
    if t.is_empty() {
        return None;
    }
    if is_count(t) || is_counted_nouns(t) {
        return Some("count");
    }
    // A line is looked up only in the lexicons whose entries may start as it does (a test
    // checks each entry): no entry of UI starts with a digit (`13h`, X's times), every one of
    // SIGNUP with a capital (not `@ada`, `13h`). Each lookup is a call at opt-level z.
    let first = t.as_bytes()[0];
    if !first.is_ascii_digit() && in_sorted(&UI_BYTES, &UI_STARTS, t) || is_x_sidebar_label(t) {
        return Some("ui");
    }
    if in_sorted(&PLAYER_BYTES, &PLAYER_STARTS, t) {
        return Some("media");
    }
    if first.is_ascii_uppercase() && in_sorted(&SIGNUP_BYTES, &SIGNUP_STARTS, t) {
        return Some("signup");
    }
    // Most lines start with a byte no prefix starts with: one load rules them out.
    if let Some(reason) = prefix_reason(t) {
        return Some(reason);
    }
    if is_pronouns(t) {
        return Some("header");
    }
    // The shapes below are asked about only where the line's first or last byte allows
    // them (each guard is a byte every line of that shape has there): a post's text passes
    // through here, and most of its lines are ruled out by two compares.
    let last = t.as_bytes()[t.len() - 1];
    if (first.is_ascii_lowercase() && is_reactions(t)) || is_and_others(t) {
        return Some("reactions");
    }
    // Social context ends with `this` or a past tense (`reposted`); a connection degree
    // starts with `•`, `·`, a degree or one of its words.
    if (matches!(last, b's' | b'd') && is_social_context(t))
        || (matches!(first, 0xE2 | 0xC2 | b'1'..=b'3' | b'P' | b'F' | b'A')
            && is_connection_degree(t))
        || is_more_link(t)
    {
        return Some("ui");
    }
    if ends(t, "can reply") && t.split_whitespace().count() <= 8 && !t.ends_with(". can reply") {
        return Some("ui");
    }
    let poll_tail = ends(t, "Final results") || ends(t, " left");
    if t == "Final results"
        || (poll_tail && t.starts_with(|c: char| c.is_ascii_digit()) && find(t, " votes").is_some())
    {
        return Some("ui");
    }
    if is_read_replies(t) || ends(t, "· Trending") && t.split_whitespace().count() <= 5 {
        return Some("ui");
    }
    // `Joined May 2010` ends with its year.
    if last.is_ascii_digit() && is_joined(t) {
        return Some("profile");
    }
    const VISIBLE: &str = "Visible to anyone on or off LinkedIn";
    if t.len() >= VISIBLE.len() && find(t, VISIBLE).is_some() {
        return Some("timestamp");
    }
    if is_read_time(t) {
        return Some("ui");
    }
    if is_feed_post_number(t) {
        return Some("ui");
    }
    // `©` starts with C2.
    if matches!(first, 0xC2 | b'M')
        && (t.starts_with('©') || t.starts_with("More©") || t.starts_with("More ©"))
        && find(t, "Corp").is_some()
    {
        return Some("footer");
    }
    None
}

/// `a` before `b` by length, then byte by byte: the order of the sorted lexicons.
const fn shorter_or_less(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return a.len() < b.len();
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    false
}

/// `list` sorted by [`shorter_or_less`], at compile time, for [`in_sorted`]: the lexicons stay
/// written in the order that explains them, and a line is compared only with the entries of
/// its length ([`length_starts`]) instead of every entry.
const fn sorted<const N: usize>(list: &[&'static str]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        // Insertion sort: a few hundred entries, once, by the compiler.
        let mut j = i;
        while j > 0 && shorter_or_less(list[i], out[j - 1]) {
            out[j] = out[j - 1];
            j -= 1;
        }
        out[j] = list[i];
        i += 1;
    }
    out
}

/// The longest entry a sorted lexicon may hold (checked as the crate builds).
const LONGEST: usize = 63;

/// How many bytes the entries of `list` hold together: the length of its [`packed`] bytes.
const fn total_len(list: &[&str]) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < list.len() {
        n += list[i].len();
        i += 1;
    }
    n
}

/// The entries of `sorted` (ordered by [`shorter_or_less`]) concatenated, at compile time:
/// those of one length are a run of pieces of that length. A lexicon is these bytes and
/// its [`length_starts`], not a table of `&str` (8 bytes each in the .wasm, a pointer and a
/// length that compress poorly: 183 entries in the three lexicons).
const fn packed<const B: usize>(sorted: &[&str]) -> [u8; B] {
    let mut out = [0; B];
    let (mut at, mut i) = (0, 0);
    while i < sorted.len() {
        let e = sorted[i].as_bytes();
        let mut k = 0;
        while k < e.len() {
            out[at] = e[k];
            at += 1;
            k += 1;
        }
        i += 1;
    }
    assert!(at == B, "the packed bytes hold every entry");
    out
}

/// Where each length's entries start in the [`packed`] bytes of `sorted` (ordered by
/// [`shorter_or_less`]): those of length `n` are `bytes[starts[n]..starts[n + 1]]`.
const fn length_starts(sorted: &[&str]) -> [u16; LONGEST + 2] {
    let mut starts = [0; LONGEST + 2];
    let mut n = 0;
    let (mut i, mut at) = (0, 0);
    while n < starts.len() {
        while i < sorted.len() && sorted[i].len() < n {
            at += sorted[i].len();
            i += 1;
        }
        starts[n] = at as u16;
        n += 1;
    }
    assert!(
        sorted.is_empty() || sorted[sorted.len() - 1].len() <= LONGEST,
        "a lexicon entry is longer than LONGEST"
    );
    assert!(
        total_len(sorted) <= u16::MAX as usize,
        "a lexicon has more bytes than a u16 counts"
    );
    starts
}

/// The entries of a packed lexicon (`bytes` made by [`packed`], `starts` by
/// [`length_starts`]) of length `n`, one after another.
fn same_length<'a>(bytes: &'a [u8], starts: &[u16], n: usize) -> &'a [u8] {
    let (Some(&a), Some(&b)) = (starts.get(n), starts.get(n + 1)) else {
        return &[];
    };
    bytes.get(usize::from(a)..usize::from(b)).unwrap_or(&[])
}

/// Whether `t` is an entry of a packed lexicon (`bytes` made by [`packed`], `starts` by
/// [`length_starts`]): only the few entries of its length are compared, each by its first
/// byte before the rest (in the .wasm a compare of slices is a call).
fn in_sorted(bytes: &[u8], starts: &[u16], t: &str) -> bool {
    let t = t.as_bytes();
    any_of_length(bytes, starts, t.len(), |e| e.first() == t.first() && e == t)
}

/// Whether some entry of a packed lexicon of `n` bytes (none for 0) is one `is` takes: the
/// walk that [`in_sorted`] and [`in_sorted_any_case`] share (each compiled with its own
/// compare inlined).
#[inline(always)]
fn any_of_length(bytes: &[u8], starts: &[u16], n: usize, is: impl Fn(&[u8]) -> bool) -> bool {
    if n == 0 {
        return false;
    }
    let run = same_length(bytes, starts, n);
    let mut k = 0;
    while let Some(e) = run.get(k..k + n) {
        if is(e) {
            return true;
        }
        k += n;
    }
    false
}

const UI_SORTED: [&str; UI.len()] = sorted(UI);
const PLAYER_SORTED: [&str; PLAYER.len()] = sorted(PLAYER);
const SIGNUP_SORTED: [&str; SIGNUP.len()] = sorted(SIGNUP);
static UI_BYTES: [u8; total_len(UI)] = packed(&UI_SORTED);
static PLAYER_BYTES: [u8; total_len(PLAYER)] = packed(&PLAYER_SORTED);
static SIGNUP_BYTES: [u8; total_len(SIGNUP)] = packed(&SIGNUP_SORTED);
const COUNTED_SORTED: [&str; COUNTED.len()] = sorted(COUNTED);
static COUNTED_BYTES: [u8; total_len(COUNTED)] = packed(&COUNTED_SORTED);
static UI_STARTS: [u16; LONGEST + 2] = length_starts(&UI_SORTED);
static COUNTED_STARTS: [u16; LONGEST + 2] = length_starts(&COUNTED_SORTED);
static PLAYER_STARTS: [u16; LONGEST + 2] = length_starts(&PLAYER_SORTED);
static SIGNUP_STARTS: [u16; LONGEST + 2] = length_starts(&SIGNUP_SORTED);

/// [`PREFIXES`] ordered by first byte, at compile time; those with the same first byte keep
/// their written order, so the first that matches is the one the written list gives.
const PREFIXES_BY_FIRST: [(&str, &str); PREFIXES.len()] = by_first_byte(PREFIXES);

/// The prefixes of [`PREFIXES_BY_FIRST`], packed like the lexicons ([`packed`]): their bytes
/// one after another, where each starts (and the last ends), and its reason as an index into
/// [`REASONS`]; a table of `(&str, &str)` is 16 bytes an entry in the .wasm.
static PREFIX_BYTES: [u8; total_len(&prefixes_of(&PREFIXES_BY_FIRST))] =
    packed(&prefixes_of(&PREFIXES_BY_FIRST));
static PREFIX_STARTS: [u16; PREFIXES.len() + 1] = prefix_starts(&PREFIXES_BY_FIRST);
static PREFIX_REASONS: [u8; PREFIXES.len()] = reason_indices(&PREFIXES_BY_FIRST);

/// The reasons [`PREFIXES`] give.
const REASONS: [&str; 6] = ["ui", "signup", "footer", "header", "media", "timestamp"];

/// For each byte, the index in [`PREFIXES_BY_FIRST`] of the first prefix that starts with
/// it, or `u8::MAX` when none does: no search for where a line's prefixes start.
static PREFIX_FROM: [u8; 256] = prefix_from(&PREFIXES_BY_FIRST);

/// The prefixes of `list`, without their reasons.
const fn prefixes_of<const N: usize>(list: &[(&'static str, &str); N]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = list[i].0;
        i += 1;
    }
    out
}

/// Where each prefix of `list` starts in its [`packed`] bytes, and where the last ends.
const fn prefix_starts<const N: usize, const M: usize>(list: &[(&str, &str); N]) -> [u16; M] {
    assert!(M == N + 1, "a start for each prefix, and the end");
    let mut out = [0; M];
    let mut i = 0;
    while i < N {
        out[i + 1] = out[i] + list[i].0.len() as u16;
        i += 1;
    }
    out
}

/// The index in [`REASONS`] of each reason of `list`.
const fn reason_indices<const N: usize>(list: &[(&str, &str); N]) -> [u8; N] {
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        let mut r = 0;
        while !same_str(REASONS[r], list[i].1) {
            r += 1; // past the end (a compile error) when a reason is not in REASONS
        }
        out[i] = r as u8;
        i += 1;
    }
    out
}

/// `a == b`, at compile time.
const fn same_str(a: &str, b: &str) -> bool {
    !shorter_or_less(a, b) && !shorter_or_less(b, a)
}

/// [`PREFIX_FROM`] for `list` (ordered by first byte).
const fn prefix_from<const N: usize>(list: &[(&str, &str); N]) -> [u8; 256] {
    assert!(
        N < u8::MAX as usize,
        "prefix indices fit a u8 below u8::MAX"
    );
    let mut out = [u8::MAX; 256];
    let mut i = N;
    while i > 0 {
        i -= 1;
        out[list[i].0.as_bytes()[0] as usize] = i as u8;
    }
    out
}

/// The reason of the first of [`PREFIXES`] (in their written order) that `t` starts with.
fn prefix_reason(t: &str) -> Option<&'static str> {
    let t = t.as_bytes();
    let first = *t.first()?;
    let mut i = usize::from(PREFIX_FROM[usize::from(first)]);
    // Past the last prefix when none starts with `first` (`u8::MAX`): the loop ends at once.
    while let (Some(&a), Some(&b)) = (PREFIX_STARTS.get(i), PREFIX_STARTS.get(i + 1)) {
        let prefix = PREFIX_BYTES
            .get(usize::from(a)..usize::from(b))
            .unwrap_or(&[]);
        if prefix.first() != Some(&first) {
            break;
        }
        if t.starts_with(prefix) {
            return REASONS.get(usize::from(PREFIX_REASONS[i])).copied();
        }
        i += 1;
    }
    None
}

/// `list` stably sorted by the first byte of each prefix (insertion sort, by the compiler).
const fn by_first_byte<const N: usize>(
    list: &[(&'static str, &'static str)],
) -> [(&'static str, &'static str); N] {
    let mut out = [("", ""); N];
    let mut i = 0;
    while i < N {
        let mut j = i;
        while j > 0 && list[i].0.as_bytes()[0] < out[j - 1].0.as_bytes()[0] {
            out[j] = out[j - 1];
            j -= 1;
        }
        out[j] = list[i];
        i += 1;
    }
    out
}

/// Exact interface lines, from design §2 and the corpus.
const UI: &[&str] = &[
    // every platform
    "See All",
    "See all",
    "Show more",
    "Show less",
    "See more",
    "See less",
    "Show this thread",
    "Show replies",
    "Show more replies",
    "Show probable spam",
    "Translate post",
    "Translate",
    "Translated from",
    "Rate this translation",
    "…more",
    "...more",
    "… more",
    "... more",
    "…see more",
    "… see more",
    "...see more",
    "Copy link",
    "Copy link to post",
    "Pinned",
    "Pinned post",
    "Pinned Tweet",
    "Edited",
    "Reply",
    "Repost",
    "Reposts",
    "Quote post",
    "Quote posts",
    "Like",
    "Likes",
    "Share",
    "Bookmark",
    "Bookmarks",
    "More",
    "Follow",
    "Following",
    "Followers",
    "Subscribe",
    "Verified",
    "Promoted",
    "Ad",
    "Views",
    "View quotes",
    "View post engagements",
    // X / Twitter
    "Tweet",
    "Tweets",
    "Tweets & replies",
    "Post",
    "Posts",
    "Replies",
    "Highlights",
    "Media",
    "Articles",
    "Retweets",
    "Retweet",
    "Quote Tweets",
    "Conversation",
    "Discover more",
    "Sourced from across X",
    "Post your reply",
    "Tweet your reply",
    "Post your reply!",
    "See new posts",
    "See new Tweets",
    "For you",
    "What's happening?",
    "What’s happening?",
    "What's happening",
    "What’s happening",
    "Your Home Timeline",
    "Opens profile photo",
    "Square profile picture",
    "Commentary account",
    "Relevant people",
    "Who to follow",
    "Trending now",
    "Live on X",
    "ALT",
    "Explore",
    "Notifications",
    "Messages",
    "Grok",
    "Premium",
    "Embedded video",
    "Play video",
    "Watch again",
    "Something went wrong. Try reloading.",
    "Retry",
    "This post is unavailable.",
    "Quote",
    "Automated",
    "Follows you",
    "Verified account",
    "Grok actions",
    "Share post",
    "Ads info",
    "Terms of Service",
    "Privacy Policy",
    "Cookie Policy",
    "Web",
    "The media could not be played.",
    "Reload",
    "Thread",
    "Content warning",
    "Show content",
    "Hide content",
    // Bluesky
    "Everybody can reply",
    "Write your reply",
    "Reply to this post",
    // Mastodon
    "Boost",
    "Boosted",
    "Favourite",
    "Favorite",
    "Favourites",
    "Favorites",
    "Boosts",
    "Open original page",
    // Threads
    "Author",
    "View activity",
    // LinkedIn
    "Comment",
    "Send",
    "hashtag",
    "Activate to view larger image,",
    "Activate to view larger image",
    "Load more comments",
    "Most relevant",
    "Most recent",
    "Add a comment…",
    "Report this post",
    "Show original",
    "Show translation",
    "See original",
    "See translation",
    "Watch on X",
    "Open Emoji Keyboard",
    // unrolled pages
    "@threadreaderapp unroll",
    "Latest Threads Unrolled:",
    "Save as PDF",
    "My Authors",
    "• • •",
    "Follow Us on Twitter!",
];

/// A video player's controls, read as text (LinkedIn copies them all).
const PLAYER: &[&str] = &[
    "Play",
    "Pause",
    "Mute",
    "Unmute",
    "Fullscreen",
    "Exit fullscreen",
    "Playback Rate",
    "Show Captions",
    "Captions",
    "Chapters",
    "Descriptions",
    "Audio Track",
    "Quality Levels",
    "descriptions off, selected",
    "captions settings",
    "captions off, selected",
    "Picture-in-Picture",
    "0.5x",
    "0.75x",
    "1x",
    "1.25x",
    "1.5x",
    "1.75x",
    "2x",
];

/// An interface word in any letter case (`POST`, `post`): for lines above the first post,
/// where a person's own heading for the paste is as loose as it is likely. (The sorted copy:
/// only it is in the binary then, not both.)
pub fn is_ui_word_any_case(t: &str) -> bool {
    !has(t, ' ') && in_sorted_any_case(&UI_BYTES, &UI_STARTS, t)
}

/// Whether `t` is an entry of a packed lexicon (as [`in_sorted`]) in any ASCII letter case:
/// only entries of its length can equal it with case ignored (ASCII case keeps lengths).
fn in_sorted_any_case(bytes: &[u8], starts: &[u16], t: &str) -> bool {
    let t = t.as_bytes();
    any_of_length(bytes, starts, t.len(), |e| e.eq_ignore_ascii_case(t))
}

/// Sign-up and cookie prompts.
const SIGNUP: &[&str] = &[
    "New to X?",
    "Sign up",
    "Sign up now to get your own personalized timeline!",
    "Sign up with Google",
    "Sign up with Apple",
    "Create account",
    "Log in",
    "Sign in",
    "Log in or sign up for Threads",
    "Continue with Instagram",
    "Join LinkedIn",
    "Don't miss what's happening",
    "Don’t miss what’s happening",
    "People on X are the first to know.",
];

/// Prefixes that start interface lines and no ordinary sentence.
const PREFIXES: &[(&str, &str)] = &[
    ("Replying to @", "ui"),
    ("Show additional replies", "ui"),
    ("Who can reply?", "ui"),
    ("Click to Follow ", "ui"),
    ("To view keyboard shortcuts", "ui"),
    ("View keyboard shortcuts", "ui"),
    ("Trending in ", "ui"),
    ("Trending with ", "ui"),
    ("Reposted by ", "ui"),
    ("Liked by ", "ui"),
    ("Followed by ", "ui"),
    ("By signing up, you agree", "signup"),
    ("Don't miss what's happening", "signup"),
    ("Don’t miss what’s happening", "signup"),
    ("Did someone say … cookies?", "signup"),
    ("Did someone say ... cookies?", "signup"),
    ("Terms of Service |", "footer"),
    ("Privacy Policy |", "footer"),
    ("Cookie Policy |", "footer"),
    ("Accessibility |", "footer"),
    ("Ads info |", "footer"),
    ("Twitter may remove this content", "footer"),
    ("1) Follow Thread Reader App", "footer"),
    ("2) Go to a Twitter thread", "footer"),
    ("You can practice here first", "footer"),
    ("Tip: mention @twtextapp", "footer"),
    ("You can follow @", "footer"),
    ("Thread by @", "header"),
    ("Missing some Tweet in this thread?", "footer"),
    ("Keep Current with ", "footer"),
    ("Stay in touch and get notified", "footer"),
    ("This Thread may be Removed Anytime!", "footer"),
    ("Did Thread Reader help you today?", "footer"),
    ("Support us! We are indie developers!", "footer"),
    ("Try unrolling a thread yourself!", "footer"),
    ("Too expensive? Make a small donation", "footer"),
    ("No alternative text description", "media"),
    ("Press space bar to start a drag", "ui"),
    ("Translated from ", "ui"),
    ("Readers added context", "ui"),
    ("This post is from", "ui"),
    ("This Post is from", "ui"),
    ("This post was deleted", "ui"),
    ("This Post was deleted", "ui"),
    ("You’re unable to view this Post", "ui"),
    ("You're unable to view this Post", "ui"),
    ("Context is written by people who use X", "ui"),
    ("Do you find this helpful?", "ui"),
    ("View post analytics", "ui"),
    ("View post engagements", "ui"),
    ("Loaded: ", "media"),
    ("Remaining Time ", "media"),
    ("Current Time ", "media"),
    ("Stream Type ", "media"),
    ("Seek to live", "media"),
    ("Media player modal", "media"),
    ("Last edited ", "timestamp"),
];

/// `t.ends_with(suffix)`, the last bytes compared first, inline: most lines end with
/// another byte, and `ends_with` is a call at opt-level z.
#[inline(always)]
fn ends(t: &str, suffix: &str) -> bool {
    t.as_bytes().last() == suffix.as_bytes().last() && t.ends_with(suffix)
}

/// The length of the white space char (`char::is_whitespace`) at byte `i` of `b`, a str's
/// bytes (0 when none starts there), read from its bytes with no char decoded: U+0009–U+000D
/// and U+0020; U+0085 and U+00A0 (C2 85, C2 A0); U+1680 (E1 9A 80); U+2000–U+200A, U+2028,
/// U+2029, U+202F (E2 80 80–8A, A8, A9, AF) and U+205F (E2 81 9F); U+3000 (E3 80 80).
///
/// Natively inlined where it is called (each non-ASCII lead byte of a post's text in the
/// warnings' word scan, 6,000 on x-1000); in the .wasm it stays one function.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(crate) fn space_at(b: &[u8], i: usize) -> usize {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match (at(0), at(1), at(2)) {
        (b'\t'..=b'\r' | b' ', _, _) => 1,
        (0xC2, 0x85 | 0xA0, _) => 2,
        (0xE1, 0x9A, 0x80)
        | (0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)
        | (0xE2, 0x81, 0x9F)
        | (0xE3, 0x80, 0x80) => 3,
        _ => 0,
    }
}

/// Bit `k` (below 128) of `set`, for sets of chars or bytes as 128 bits: one 64-bit word of
/// it shifted. In the .wasm the word is chosen by index ([`bit128_by_index`]): a 128-bit
/// shift by a variable is a call there (`__lshrti3`), and LLVM folds a `k < 64` choice of the
/// word back into one; natively that choice compiles best.
#[inline]
pub(crate) fn bit128(set: u128, k: u32) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        bit128_by_index(set, k)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let half = if k < 64 {
            set as u64
        } else {
            (set >> 64) as u64
        };
        half >> (k & 63) & 1 != 0
    }
}

/// [`bit128`] as the .wasm reads it: the word chosen by index from an array.
#[cfg(any(target_arch = "wasm32", test))]
#[inline]
fn bit128_by_index(set: u128, k: u32) -> bool {
    let halves = [set as u64, (set >> 64) as u64];
    halves[(k >> 6) as usize & 1] >> (k & 63) & 1 != 0
}

/// Bit 7 of each byte of a [`word8`]: the flags of scans eight bytes at a time.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `b` from `i`, as one little-endian word (for scans eight bytes at a
/// time); `None` past the end.
#[inline]
pub(crate) fn word8(b: &[u8], i: usize) -> Option<u64> {
    // Not `expect`: its error's Debug code would go into the .wasm.
    let w: [u8; 8] = b.get(i..i.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(w))
}

/// Where `needle` first occurs in `hay`, as `str::find` answers: each place its first byte
/// occurs (found with memchr), compared. On short lines and a needle with an uncommon first
/// byte this is several times quicker than `str::find`, which sets up a two-way searcher on
/// every call; and the .wasm leaves that searcher out when nothing calls it.
pub(crate) fn find(hay: &str, needle: &str) -> Option<usize> {
    find_bytes(hay.as_bytes(), needle.as_bytes())
}

/// [`find`] on bytes: where `n` first occurs in `h` (`Some(0)` when `n` is empty).
pub(crate) fn find_bytes(h: &[u8], n: &[u8]) -> Option<usize> {
    find_bytes_by(h, n, 0)
}

/// [`find_bytes`] by a memchr for the needle's byte at offset `r` (its rarest, chosen by the
/// caller), and a compare of the needle around each hit (`Some(0)` when `n` is empty).
pub(crate) fn find_bytes_by(h: &[u8], n: &[u8], r: usize) -> Option<usize> {
    let Some(&b) = n.get(r) else {
        return Some(0);
    };
    // A hit at `from + k` is the needle's byte `r`: the needle would start `r` before it.
    let mut from = r;
    while let Some(k) = memchr::memchr(b, h.get(from..)?) {
        let at = from + k - r;
        if crate::entities::sub_b(h, at..).starts_with(n) {
            return Some(at);
        }
        from += k + 1;
    }
    None
}

/// Where `needle` last occurs in `hay`, as [`find`] does it.
pub(crate) fn rfind(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return Some(h.len());
    };
    let mut end = h.len();
    while let Some(at) = memchr::memrchr(first, crate::entities::sub_b(h, ..end)) {
        if crate::entities::sub_b(h, at..).starts_with(n) {
            return Some(at);
        }
        end = at;
    }
    None
}

/// Whether `hay` holds `c`, as `str::contains(c)` answers. That one's body is shared by every
/// char at opt-level z and so carries `str`'s two-way searcher (for chars outside ASCII) into
/// the .wasm. This one is what that body does for ASCII, and `str::find(c)` for the rest (the
/// char searcher: a memchr for the char's last byte, rarer than its first).
pub(crate) fn has(hay: &str, c: char) -> bool {
    if c.is_ascii() {
        return hay.as_bytes().contains(&(c as u8));
    }
    hay.find(c).is_some()
}

/// `hay` with each `needle` (not empty: then `hay` comes back as it is; `str::replace` would put
/// `with` between all its chars) replaced by `with`, left to right, as `str::replace`
/// does it; also how many there were. With [`find`], not `str`'s two-way searcher: the .wasm
/// leaves that searcher out.
pub(crate) fn replace(hay: &str, needle: &str, with: &str) -> (String, usize) {
    let mut out = String::with_capacity(hay.len());
    let (mut rest, mut n) = (hay, 0);
    while let Some(at) = find(rest, needle).filter(|_| !needle.is_empty()) {
        out.push_str(crate::entities::sub(rest, ..at));
        out.push_str(with);
        rest = crate::entities::sub(rest, at + needle.len()..);
        n += 1;
    }
    out.push_str(rest);
    (out, n)
}

/// Lines after which a page holds only its own chrome: every later line is cruft.
pub fn footer_start(line: &str) -> bool {
    const STARTS: &[&str] = &[
        "New to X?",
        "Twitter may remove this content",
        "You can follow @",
        "Tip: mention @twtextapp",
        "Latest Threads Unrolled:",
        "Missing some Tweet in this thread?",
        "Keep Current with ",
        "This Thread may be Removed Anytime!",
        "Discover more",
        "Terms of Service |",
        "Trending now",
        "Who to follow",
        "Live on X",
        "Relevant people",
        "What’s happening",
        "What's happening",
    ];
    // The capitals the starts start with, as bits from `A`: a line that starts with another
    // byte (most of them) is compared with none.
    const FIRSTS: u32 = {
        let (mut bits, mut i) = (0, 0);
        while i < STARTS.len() {
            let b = STARTS[i].as_bytes()[0];
            assert!(b.is_ascii_uppercase(), "a footer starts with a capital");
            bits |= 1 << (b - b'A');
            i += 1;
        }
        bits
    };
    let t = crate::segment::trim(line);
    let first = t.as_bytes().first();
    if !first.is_some_and(|&b| b.is_ascii_uppercase() && FIRSTS >> (b - b'A') & 1 != 0) {
        return false;
    }
    // `What’s happening?` (with its question mark) is the compose box, not the sidebar.
    STARTS
        .iter()
        .any(|s| s.as_bytes().first() == first && t.starts_with(s))
        && !t.ends_with('?')
}

/// A bare count: `250`, `2.3K`, `1,024`, `1.1M`, or several glued (`1K1.1K`).
pub fn is_count(t: &str) -> bool {
    let b = t.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        let start = i;
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b',' || b[i] == b'.') {
            i += 1;
        }
        if i == start || !b[i - 1].is_ascii_digit() {
            return false;
        }
        if i < b.len() && matches!(b[i], b'K' | b'M' | b'B' | b'k') {
            i += 1;
        }
    }
    true
}

/// Nouns the platforms count (looked up packed, as the lexicons are: [`packed`]).
const COUNTED: &[&str] = &[
    "reply",
    "replies",
    "repost",
    "reposts",
    "retweet",
    "retweets",
    "quote",
    "quotes",
    "like",
    "likes",
    "view",
    "views",
    "bookmark",
    "bookmarks",
    "boost",
    "boosts",
    "favourite",
    "favourites",
    "favorite",
    "favorites",
    "comment",
    "comments",
    "reaction",
    "reactions",
    "post",
    "posts",
    "following",
    "followers",
    "follower",
    "share",
    "shares",
    "quote tweets",
    "vote",
    "votes",
    "people",
];

/// One of [`COUNTED`] in any letter case. ASCII words are compared in place; others (the
/// Kelvin sign lowercases to `k`) through their lowercase form for ASCII comparisons, which
/// answers as `to_lowercase` would without core's case tables (see `ucd::lower_for_ascii`).
fn is_counted_noun(w: &str) -> bool {
    if w.is_ascii() {
        in_sorted_any_case(&COUNTED_BYTES, &COUNTED_STARTS, w)
    } else {
        in_sorted(
            &COUNTED_BYTES,
            &COUNTED_STARTS,
            &crate::ucd::lower_for_ascii(w),
        )
    }
}

/// `12 reposts 3 quotes 95 likes`, `1 comment`, `979 Following`, and a name or trend glued to
/// a post count (`Mario Zechner97K posts`, `Glucksmann25.7K posts`).
pub fn is_counted_nouns(t: &str) -> bool {
    // The label under a count: `boosts`, `favourites`, `Reposts`.
    // Lengths first (no scan of a long line for a space): a noun is at most 12 letters, each
    // at most 3 bytes (the Kelvin sign, which lowercases to `k`, is the only char outside
    // ASCII that lowercases to an ASCII letter).
    if t.len() > 4 && t.len() <= 36 && !has(t, ' ') && is_counted_noun(t) {
        return true;
    }
    // Pairs of a count and a noun, as many as there are (not one word left over): walked
    // without collecting the words, stopping at the first pair that is not one.
    // The first word is a count only when the bytes a count is made of run up to a white
    // space char (`is_count` takes no other byte, and a noun must follow): most lines that
    // start with a digit (`13h`, `10:42 AM`) are ruled out without cutting them into words.
    let b = t.as_bytes();
    let mut k = 0;
    while k < b.len() && matches!(b[k], b'0'..=b'9' | b',' | b'.' | b'K' | b'M' | b'B' | b'k') {
        k += 1;
    }
    // The first byte first: most lines start with a letter (no call to `space_at`).
    if b.first().is_some_and(u8::is_ascii_digit) && k < b.len() && space_at(b, k) > 0 {
        let mut words = t.split_whitespace().filter(|w| !matches!(*w, "•" | "·"));
        let mut pairs = 0;
        let all = loop {
            match (words.next(), words.next()) {
                (None, _) => break pairs > 0,
                (Some(n), Some(w)) if is_count(n) && is_counted_noun(w) => pairs += 1,
                _ => break false,
            }
        };
        if all {
            return true;
        }
    }
    // `Glucksmann25.7K posts`: a label glued to a count of posts, nothing else (both nouns
    // end with `s`: one compare before the suffixes, each a call at opt-level z).
    if t.as_bytes().last() != Some(&b's') {
        return false;
    }
    if let Some(head) = t
        .strip_suffix(" posts")
        .or_else(|| t.strip_suffix(" Tweets"))
    {
        let digits_start = head
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_ascii_digit() || matches!(c, '.' | ',' | 'K' | 'M'))
            .last()
            .map(|(i, _)| i);
        if let Some(i) = digits_start {
            let count = crate::entities::sub(head, i..);
            let label = crate::entities::sub(head, ..i);
            return is_count(count) && label.split_whitespace().count() <= 4;
        }
    }
    false
}

/// `likeloveinsightful`, `like`: LinkedIn's reaction icons read as words.
fn is_reactions(t: &str) -> bool {
    const REACTIONS: &[&str] = &[
        "like",
        "love",
        "insightful",
        "celebrate",
        "support",
        "funny",
        "curious",
        "praise",
        "appreciation",
        "empathy",
        "interest",
    ];
    let mut rest = t;
    let mut n = 0;
    while !rest.is_empty() {
        match REACTIONS.iter().find(|r| rest.starts_with(**r)) {
            Some(r) => {
                rest = crate::entities::sub(rest, r.len()..);
                n += 1;
            }
            None => return false,
        }
    }
    // One word alone (`love`, `curious`) could be someone's line; only `like` is always
    // LinkedIn's (the button is `Like`). The segment stage knows the rest by the count below.
    n >= 2 || t == "like"
}

/// A LinkedIn reaction icon read as a word: `love`, `celebrate`, `insightful`.
pub fn is_reaction_word(t: &str) -> bool {
    is_reactions(t)
        || matches!(
            t,
            "love" | "insightful" | "celebrate" | "support" | "funny" | "curious"
        )
}

/// `(She/Her)`, `(they/them)`: pronouns shown beside a name.
fn is_pronouns(t: &str) -> bool {
    // `(` as a byte: most lines start with another, and are ruled out with no call.
    if t.as_bytes().first() != Some(&b'(') {
        return false;
    }
    crate::entities::sub(t, 1..)
        .strip_suffix(')')
        .is_some_and(|r| {
            has(r, '/') && r.len() <= 20 && r.chars().all(|c| c.is_alphabetic() || c == '/')
        })
}

/// `Ada Lovelace and 45 others`: who reacted.
fn is_and_others(t: &str) -> bool {
    // The last byte first (here and in the shapes below: most lines end with another).
    if !matches!(t.as_bytes().last(), Some(b's' | b'r')) {
        return false;
    }
    t.strip_suffix(" others")
        .or_else(|| t.strip_suffix(" other"))
        .and_then(|h| {
            rfind(h, " and ").map(|at| {
                (
                    crate::entities::sub(h, ..at),
                    crate::entities::sub(h, at + 5..),
                )
            })
        })
        .is_some_and(|(who, n)| is_count(n) && who.split_whitespace().count() <= 5)
}

/// `X reposted`, `Ada boosted`, `Grace Hopper reposted this`: short social-context lines.
fn is_social_context(t: &str) -> bool {
    const LINKEDIN: &[&str] = &[
        "reposted this",
        "others like this",
        "others reposted this",
        "likes this",
        "loves this",
        "celebrates this",
        "supports this",
        "commented on this",
        "reacted to this",
        "finds this insightful",
        "finds this funny",
        "is curious about this",
    ];
    // A line ends with a word only if it ends with that word's last byte: one compare
    // rules out most words for most lines.
    let last = t.as_bytes().last();
    let ends = |w: &str| w.as_bytes().last() == last;
    let linkedin = LINKEDIN.iter().any(|w| {
        ends(w)
            && t.strip_suffix(w).is_some_and(|head| {
                head.ends_with(' ')
                    && !head.trim().is_empty()
                    && head.split_whitespace().count() <= 8
            })
    });
    linkedin
        || ["reposted", "boosted", "Retweeted", "retweeted"]
            .iter()
            .any(|w| {
                ends(w)
                    && t.strip_suffix(w).is_some_and(|head| {
                        head.ends_with(' ')
                            && !head.trim().is_empty()
                            && head.split_whitespace().count() <= 4
                    })
            })
}

/// LinkedIn connection degrees: `• 1st`, `1st`, `• 2ndPremium • 2nd`, `Premium • 3rd+`.
fn is_connection_degree(t: &str) -> bool {
    let mut rest = t;
    let mut degrees = 0;
    loop {
        // `•` and `·` start with E2 and C2: a word that starts with another byte is not
        // trimmed (a call at opt-level z).
        if matches!(rest.as_bytes().first(), Some(b' ' | 0xE2 | 0xC2)) {
            rest = rest.trim_start_matches([' ', '•', '·']);
        }
        if rest.is_empty() {
            break;
        }
        // The one word (two for `3`) that may start here, by its first byte: any other first
        // byte starts none of them.
        let word = match rest.as_bytes()[0] {
            b'1' => "1st",
            b'2' => "2nd",
            b'3' if rest.starts_with("3rd+") => "3rd+",
            b'3' => "3rd",
            b'P' => "Premium",
            b'F' => "Following",
            b'A' => "Author",
            _ => return false,
        };
        let Some(r) = rest.strip_prefix(word) else {
            return false;
        };
        degrees += 1;
        rest = r;
    }
    degrees > 0 && ["1st", "2nd", "3rd"].iter().any(|d| find(t, d).is_some())
}

/// `View Alex Example’s graphic link`, `From example.com` (X link cards).
fn is_more_link(t: &str) -> bool {
    if !matches!(t.as_bytes().first(), Some(b'V' | b'F')) {
        return false;
    }
    if t.starts_with("View ") && t.ends_with("graphic link") {
        return true;
    }
    if let Some(domain) = t.strip_prefix("From ") {
        return !has(domain, ' ')
            && has(domain, '.')
            && !domain.ends_with('.')
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '/'));
    }
    false
}

/// `Joined September 2010`, with whatever the profile glued before it.
fn is_joined(t: &str) -> bool {
    let Some(at) = rfind(t, "Joined ") else {
        return false;
    };
    // Exactly two words after it (walked, not collected: a collect is its own copy of
    // Vec's from_iter in the .wasm).
    let mut rest = crate::entities::sub(t, at + "Joined ".len()..).split_whitespace();
    let (Some(month), Some(year), None) = (rest.next(), rest.next(), rest.next()) else {
        return false;
    };
    crate::segment::headers::month(month).is_some()
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
}

/// `Read 250 replies`, `Read more replies`.
fn is_read_replies(t: &str) -> bool {
    if t.as_bytes().first() != Some(&b'R') {
        return false;
    }
    t.strip_prefix("Read ")
        .and_then(|r| {
            r.strip_suffix(" replies")
                .or_else(|| r.strip_suffix(" reply"))
        })
        .is_some_and(|n| is_count(n) || n == "more" || n.ends_with(" more"))
}

/// `12 tweets, 3 min read` (Thread Reader App).
fn is_read_time(t: &str) -> bool {
    if t.as_bytes().last() != Some(&b'd') {
        return false;
    }
    let Some((tweets, mins)) = t.strip_suffix(" min read").and_then(|head| {
        find(head, ", ").map(|at| {
            (
                crate::entities::sub(head, ..at),
                crate::entities::sub(head, at + 2..),
            )
        })
    }) else {
        return false;
    };
    is_count(mins)
        && tweets
            .strip_suffix(" tweets")
            .or_else(|| tweets.strip_suffix(" posts"))
            .is_some_and(is_count)
}

/// `Feed post number 2`.
fn is_feed_post_number(t: &str) -> bool {
    if t.as_bytes().first() != Some(&b'F') {
        return false;
    }
    t.strip_prefix("Feed post number")
        .is_some_and(|n| n.trim().bytes().all(|b| b.is_ascii_digit()))
}

/// `Ada Lovelace’s posts`: the heading of a profile's post list.
fn is_x_sidebar_label(t: &str) -> bool {
    t.as_bytes().last() == Some(&b's')
        && (t.ends_with("’s posts") || t.ends_with("'s posts"))
        && t.split_whitespace().count() <= 5
}

/// Interface words that a copy glues to the end of a post's text.
const GLUED: &[&str] = &[
    "Show more",
    "See more",
    "…more",
    "… more",
    "...more",
    "… see more",
    "…see more",
    "Translate post",
];

/// Splits glued interface words off the end of `line`: `(kept, removed tail)`.
pub fn strip_glued(line: &str) -> (&str, Option<&'static str>) {
    // Each ends with `more` or `post`: most lines end with neither `e` nor `t`.
    if !matches!(line.as_bytes().last(), Some(b'e' | b't')) {
        return (line, None);
    }
    for tail in GLUED {
        if let Some(kept) = line.strip_suffix(tail) {
            if !kept.trim().is_empty() {
                return (kept.trim_end(), Some(tail));
            }
        }
    }
    (line, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both ways of reading a bit of a 128-bit set answer as the 128-bit shift does.
    #[test]
    fn bit128_is_the_bit_of_the_set() {
        let mut next = crate::test_rng::xorshift(0x0123_4567_89AB_CDEF);
        for _ in 0..200 {
            let set = u128::from(next()) << 64 | u128::from(next());
            for k in 0..128 {
                let want = set >> k & 1 == 1;
                assert_eq!(bit128(set, k), want, "bit {k} of {set:#x}");
                assert_eq!(bit128_by_index(set, k), want, "bit {k} of {set:#x}");
            }
        }
    }

    #[test]
    fn counts_and_their_nouns_in_pairs() {
        for line in [
            "12 replies 30 reposts 1.2K likes",
            "1,234 views",
            "12\u{a0}replies",
            "3 likes • 4 reposts",
            "2.3K Reposts",
        ] {
            assert!(is_counted_nouns(line), "{line:?} is counts of nouns");
        }
        for line in [
            "10:42 AM · May 5, 2023",
            "12 replies 30",
            "12k·likes",
            "3rd reply",
            "12 apples",
            "1.2.3x likes",
            "2024-03-17 views",
        ] {
            assert!(!is_counted_nouns(line), "{line:?} is not counts of nouns");
        }
        // A noun alone, in any case, the Kelvin sign for its `k`s (the byte lengths its
        // length gate allows).
        for line in [
            "boosts",
            "FAVOURITES",
            "boo\u{212A}mar\u{212A}s",
            "\u{212A}\u{212A}",
        ] {
            assert_eq!(
                is_counted_nouns(line),
                line != "\u{212A}\u{212A}",
                "{line:?} alone is a counted noun unless it is no noun"
            );
        }
        assert!(
            COUNTED.iter().all(|c| c.len() <= 12),
            "no noun is longer than the 12 letters is_counted_nouns allows for"
        );
    }

    /// A table of which bytes start at least one of `prefixes`.
    const fn first_bytes(prefixes: &[(&str, &str)]) -> [bool; 256] {
        let mut out = [false; 256];
        let mut i = 0;
        while i < prefixes.len() {
            out[prefixes[i].0.as_bytes()[0] as usize] = true;
            i += 1;
        }
        out
    }

    /// How [`classify`] looked prefixes up before they were packed: the reference for
    /// [`prefix_reason`].
    fn old_prefix_reason(t: &str) -> Option<&'static str> {
        const PREFIX_FIRST: [bool; 256] = first_bytes(PREFIXES);
        let first = *t.as_bytes().first()?;
        if PREFIX_FIRST[first as usize] {
            let from = PREFIXES_BY_FIRST.partition_point(|(p, _)| p.as_bytes()[0] < first);
            for (prefix, reason) in &PREFIXES_BY_FIRST[from..] {
                if prefix.as_bytes()[0] != first {
                    break;
                }
                if t.starts_with(prefix) {
                    return Some(reason);
                }
            }
        }
        None
    }

    /// The packed prefixes answer as the table of pairs did: on each prefix with a tail,
    /// cut, with a byte changed, and on random lines.
    #[test]
    fn packed_prefixes_answer_as_the_pairs_did() {
        let mut next = crate::test_rng::xorshift(0x9ef1_c0de_0015_0002);
        for _ in 0..20_000 {
            let (p, _) = PREFIXES[next() as usize % PREFIXES.len()];
            let mut t: Vec<u8> = p.bytes().collect();
            match next() % 5 {
                0 => t.extend_from_slice(b" tail"),
                1 => t.truncate(next() as usize % (t.len() + 1)),
                2 => {
                    let k = next() as usize % t.len();
                    t[k] = b"aT .@"[next() as usize % 5];
                }
                3 => {}
                _ => {
                    t = (0..next() % 12).map(|_| (next() % 256) as u8).collect();
                }
            }
            let t = String::from_utf8_lossy(&t);
            assert_eq!(prefix_reason(&t), old_prefix_reason(&t), "{t:?}");
        }
        for b in 0..=255u8 {
            let t = String::from_utf8_lossy(&[b]).into_owned();
            assert_eq!(prefix_reason(&t), old_prefix_reason(&t), "{t:?}");
        }
        assert_eq!(prefix_reason(""), None);
    }

    #[test]
    fn prefixes_by_first_byte_find_what_the_written_list_finds() {
        let first_match = |list: &[(&str, &'static str)], t: &str| {
            list.iter()
                .find(|(p, _)| t.starts_with(p))
                .map(|&(p, r)| (p.to_owned(), r))
        };
        let mut by_first = PREFIXES_BY_FIRST.to_vec();
        let mut written = PREFIXES.to_vec();
        by_first.sort();
        written.sort();
        assert_eq!(by_first, written, "the same prefixes, only reordered");
        for (p, _) in PREFIXES {
            let line = format!("{p}tail");
            assert_eq!(
                first_match(&PREFIXES_BY_FIRST, &line),
                first_match(PREFIXES, &line),
                "the first prefix {line:?} starts with is the written list's first"
            );
        }
    }

    #[test]
    fn counts_are_cruft_numbers_in_sentences_are_not() {
        for c in [
            "250",
            "2.3K",
            "1K1.1K",
            "1,024",
            "4M",
            "12 reposts 3 quotes 95 likes",
            "12 comments • 3 reposts",
            "1 comment",
            "979 Following",
            "Glucksmann25.7K posts",
            "Mario Zechner97K posts",
        ] {
            assert_eq!(classify(c), Some("count"), "{c} is a count");
        }
        for c in [
            "250 people came",
            "3.",
            "1/",
            "Follow the money",
            "I'll show more tomorrow",
            "Show more love to your neighbours",
            "I liked",
        ] {
            assert_eq!(classify(c), None, "{c} is content");
        }
    }

    #[test]
    fn interface_lines_have_reasons() {
        assert_eq!(classify("likeloveinsightful"), Some("reactions"));
        assert_eq!(
            classify("curious"),
            None,
            "a word alone may be someone's line"
        );
        assert_eq!(classify("hdf reposted"), Some("ui"));
        assert_eq!(classify("Grace Hopper and 3 others like this"), Some("ui"));
        assert_eq!(classify("Most people like this"), None);
        assert_eq!(classify("Grace Hopper reposted this"), Some("ui"));
        assert_eq!(classify("• 2ndPremium • 2nd"), Some("ui"));
        assert_eq!(
            classify("0xa000mariozechner.atJoined September 2010"),
            Some("profile")
        );
        assert_eq!(classify("From mariozechner.at"), Some("ui"));
        assert_eq!(classify("Feed post number 2"), Some("ui"));
        assert_eq!(classify("More© 2025 X Corp."), Some("footer"));
        assert_eq!(classify("Replying to @bob"), Some("ui"));
        assert_eq!(classify("Read 250 replies"), Some("ui"));
        assert_eq!(classify("Ada Lovelace and 45 others"), Some("reactions"));
        assert_eq!(classify("Loaded: 100.00%"), Some("media"));
        assert_eq!(classify("Playback Rate"), Some("media"));
        assert_eq!(classify("(She/Her)"), Some("header"));
        assert_eq!(classify("12 tweets, 3 min read"), Some("ui"));
        assert_eq!(classify("1,024 votes · 2 days left"), Some("ui"));
        assert_eq!(classify("The votes are in, and 3 are left"), None);
        assert_eq!(classify("Play the long game"), None);
        assert_eq!(classify("Read the replies, they are great."), None);
        assert_eq!(classify("Mario Zechner’s posts"), Some("ui"));
        assert_eq!(classify("From here on it gets worse."), None, "a sentence");
    }

    #[test]
    fn joined_takes_a_month_and_a_year_and_nothing_else() {
        for line in [
            "Joined May 2010",
            "adaJoined September 2010",
            "Joined  may\u{a0}2010",
            "Joined Jan. 1999",
        ] {
            assert!(is_joined(line), "{line:?} is when a profile joined");
        }
        for line in [
            "Joined May",
            "Joined May 2010 today",
            "Joined 2010",
            "Joined Mayday 2010",
            "Joined May 20100",
            "Joined May 201x",
            "Joined ",
            "joined May 2010",
        ] {
            assert!(!is_joined(line), "{line:?} is not");
        }
    }

    #[test]
    fn find_and_rfind_agree_with_str() {
        let hays = [
            "",
            "Joined",
            "Joined Joined May 2010",
            "xJoined ",
            "see https://x.com/ada/status/1 and x.com/",
            "aaab aab ab",
            "Ünïcödé x.com/ é",
        ];
        let needles = [
            "Joined ",
            "x.com/",
            "ab",
            "a",
            "é",
            "twitter.com/",
            "zz",
            "",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(find(h, n), h.find(n), "find {n:?} in {h:?}");
                assert_eq!(rfind(h, n), h.rfind(n), "rfind {n:?} in {h:?}");
            }
        }
    }

    #[test]
    fn has_agrees_with_str_contains() {
        for h in [
            "",
            "a b",
            "Ada · 2h",
            "• 2nd",
            "x 🧵",
            "é\u{301}",
            "\u{2022}\u{2023}",
        ] {
            for c in [
                ' ', '@', '.', '·', '•', '🧵', 'é', '\u{301}', '\u{2023}', 'x',
            ] {
                assert_eq!(
                    has(h, c),
                    h.contains(c),
                    "has({h:?}, {c:?}) should be contains"
                );
            }
        }
    }

    #[test]
    fn replace_agrees_with_str() {
        let hays = [
            "",
            "a\r\nb\r\n\r\nc\r",
            "\r\r\n\n",
            "hashtag#rust and hashtag#hashtag#wasm hashtag",
            "aaaa",
        ];
        let pairs = [("\r\n", "\n"), ("hashtag#", "#"), ("aa", "b"), ("zz", "y")];
        for h in hays {
            for (n, w) in pairs {
                assert_eq!(
                    replace(h, n, w),
                    (h.replace(n, w), h.matches(n).count()),
                    "replacing {n:?} with {w:?} in {h:?} should be what str::replace does"
                );
            }
            assert_eq!(
                replace(h, "", "x"),
                (h.to_owned(), 0),
                "an empty needle should leave {h:?} as it is, not loop"
            );
        }
    }

    #[test]
    fn the_lexicons_entries_start_as_classify_looks_them_up() {
        for e in UI {
            assert!(
                !e.as_bytes()[0].is_ascii_digit(),
                "{e:?}: no UI entry starts with a digit"
            );
        }
        for e in SIGNUP {
            assert!(
                e.as_bytes()[0].is_ascii_uppercase(),
                "{e:?}: SIGNUP's start with a capital"
            );
        }
        // Every entry is still found through classify (a lookup ruled out wrongly fails).
        for e in UI.iter().chain(PLAYER).chain(SIGNUP) {
            assert!(classify(e).is_some(), "{e:?} is classified");
        }
    }

    /// The lexicons as they were looked up before they were packed: sorted `&str` tables
    /// and where each length's entries start (as indices). The reference the packed lookups
    /// are checked against.
    fn old_length_starts(sorted: &[&str]) -> [u8; LONGEST + 2] {
        let mut starts = [0; LONGEST + 2];
        let mut i = 0;
        for (n, start) in starts.iter_mut().enumerate() {
            while i < sorted.len() && sorted[i].len() < n {
                i += 1;
            }
            *start = i as u8;
        }
        starts
    }

    fn old_same_length<'a>(
        sorted: &'a [&'static str],
        starts: &[u8],
        t: &str,
    ) -> &'a [&'static str] {
        let (Some(&a), Some(&b)) = (starts.get(t.len()), starts.get(t.len() + 1)) else {
            return &[];
        };
        sorted.get(usize::from(a)..usize::from(b)).unwrap_or(&[])
    }

    fn old_in_sorted(sorted: &[&'static str], starts: &[u8], t: &str) -> bool {
        let first = t.as_bytes().first();
        old_same_length(sorted, starts, t)
            .iter()
            .any(|e| e.as_bytes().first() == first && *e == t)
    }

    fn old_is_ui_word_any_case(t: &str) -> bool {
        !has(t, ' ')
            && old_same_length(&UI_SORTED, &old_length_starts(&UI_SORTED), t)
                .iter()
                .any(|u| u.eq_ignore_ascii_case(t))
    }

    /// [`is_counted_noun`] as it was, on the `&str` table: the reference for the packed one.
    fn old_is_counted_noun(w: &str) -> bool {
        if w.is_ascii() {
            COUNTED.iter().any(|c| c.eq_ignore_ascii_case(w))
        } else {
            COUNTED.contains(&crate::ucd::lower_for_ascii(w).as_str())
        }
    }

    /// The packed nouns answer as the table did: on each noun recased, cut, grown, with a
    /// byte or a Kelvin sign put in, and on random words.
    #[test]
    fn packed_nouns_answer_as_the_table_did() {
        let mut next = crate::test_rng::xorshift(0xc0a7_c0de_0015_0006);
        for _ in 0..20_000 {
            let mut t = COUNTED[next() as usize % COUNTED.len()].to_owned();
            match next() % 7 {
                0 => {}
                1 => t.truncate(next() as usize % (t.len() + 1)),
                2 => t.push(['s', ' ', 'K'][next() as usize % 3]),
                3 => t.make_ascii_uppercase(),
                4 => t = t.replace('k', "\u{212A}"),
                5 => {
                    let k = next() as usize % t.len();
                    t.replace_range(k..k + 1, ["a", "E", " ", "\u{212A}"][next() as usize % 4]);
                }
                _ => {
                    t = (0..next() % 10)
                        .map(|_| ['e', 'k', 'S', 'o', ' ', '\u{212A}'][next() as usize % 6])
                        .collect();
                }
            }
            assert_eq!(is_counted_noun(&t), old_is_counted_noun(&t), "{t:?}");
        }
    }

    /// The packed lexicons answer as the `&str` tables did, on their entries and on lines
    /// made from them (cut, grown, recased, a byte changed) and random ones.
    #[test]
    fn packed_lexicons_answer_as_the_str_tables_did() {
        let mut next = crate::test_rng::xorshift(0x1e81_c0de_0015_0001);
        let lexicons: [(&[&'static str], &[u8], &[u16]); 3] = [
            (&UI_SORTED, &UI_BYTES, &UI_STARTS),
            (&PLAYER_SORTED, &PLAYER_BYTES, &PLAYER_STARTS),
            (&SIGNUP_SORTED, &SIGNUP_BYTES, &SIGNUP_STARTS),
        ];
        let all: Vec<&str> = UI.iter().chain(PLAYER).chain(SIGNUP).copied().collect();
        for _ in 0..20_000 {
            let e = all[next() as usize % all.len()];
            // Recased too: the lexicons' lookups in any case read them.
            let t = match next() % 7 {
                5 => e.to_ascii_uppercase().into_bytes(),
                6 => e.to_ascii_lowercase().into_bytes(),
                _ => crate::test_rng::mutated(e, &mut next, b"s xA", b"aZ .0", b"aePs .x", 12),
            };
            let t = String::from_utf8_lossy(&t);
            for (sorted, bytes, starts) in lexicons {
                assert_eq!(
                    in_sorted(bytes, starts, &t),
                    old_in_sorted(sorted, &old_length_starts(sorted), &t),
                    "{t:?}"
                );
            }
            assert_eq!(
                is_ui_word_any_case(&t),
                old_is_ui_word_any_case(&t),
                "{t:?}"
            );
        }
    }

    #[test]
    fn sorted_lexicons_find_every_entry_and_nothing_else() {
        for (list, sorted, bytes, starts) in [
            (UI, &UI_SORTED[..], &UI_BYTES[..], &UI_STARTS),
            (
                PLAYER,
                &PLAYER_SORTED[..],
                &PLAYER_BYTES[..],
                &PLAYER_STARTS,
            ),
            (
                SIGNUP,
                &SIGNUP_SORTED[..],
                &SIGNUP_BYTES[..],
                &SIGNUP_STARTS,
            ),
        ] {
            assert!(
                sorted.windows(2).all(|w| !shorter_or_less(w[1], w[0])),
                "the compile-time sort orders entries by length, as length_starts expects"
            );
            for e in list {
                assert!(in_sorted(bytes, starts, e), "{e:?} is in its lexicon");
                let longer = format!("{e}s");
                assert_eq!(
                    in_sorted(bytes, starts, &longer),
                    list.contains(&longer.as_str()),
                    "{longer:?} is found only if the lexicon holds it"
                );
                assert!(
                    !in_sorted(bytes, starts, &e.to_uppercase())
                        || list.contains(&e.to_uppercase().as_str())
                );
            }
            for n in 0..=LONGEST + 1 {
                let run = same_length(bytes, starts, n);
                let want: Vec<u8> = sorted
                    .iter()
                    .filter(|e| e.len() == n)
                    .flat_map(|e| e.bytes())
                    .collect();
                assert_eq!(run, want, "the entries of length {n}, in order");
            }
            assert!(
                !in_sorted(bytes, starts, ""),
                "no lexicon holds the empty line"
            );
            assert!(
                !in_sorted(bytes, starts, &"x".repeat(500)),
                "nor a long one"
            );
        }
        assert!(
            is_ui_word_any_case("TRANSLATE")
                == UI.iter().any(|u| u.eq_ignore_ascii_case("TRANSLATE"))
        );
        assert_eq!(classify("Translate post"), Some("ui"));
        assert_eq!(classify("Picture-in-Picture"), Some("media"));
        assert_eq!(classify("Join LinkedIn"), Some("signup"));
        assert_eq!(classify("Translate posts now"), None, "not a lexicon line");
    }

    #[test]
    fn ui_words_in_any_case() {
        assert!(is_ui_word_any_case("POst"));
        assert!(!is_ui_word_any_case("Postal"));
        assert!(!is_ui_word_any_case("show more of it"));
    }

    #[test]
    fn every_glued_tail_ends_with_a_byte_strip_glued_looks_for() {
        for g in GLUED {
            assert!(
                matches!(g.as_bytes().last(), Some(b'e' | b't')),
                "{g:?} must end with `e` or `t`, or strip_glued's first test skips it"
            );
        }
    }

    #[test]
    fn glued_show_more_is_cut() {
        assert_eq!(
            strip_glued("you haveShow more"),
            ("you have", Some("Show more"))
        );
        assert_eq!(strip_glued("Show more"), ("Show more", None));
    }
}

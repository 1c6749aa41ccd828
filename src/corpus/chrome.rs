//! Recognising site chrome (navigation, ads, credits, link lists) from the shape
//! of the text itself, line by line. Nothing here knows the bundled seeds.

use super::words::words_up_to;

/// What a line of an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    /// Navigation, ads, credits, bylines, link lists: dimmed and never suggested.
    Chrome(ChromeKind),
    /// A headline or sub-heading: content, but not a sentence with a final stop.
    Heading,
    Content,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChromeKind {
    FrontMatter,
    Navigation,
    Advert,
    Share,
    Credit,
    Byline,
    Dateline,
    SiteName,
    RelatedLinks,
}

impl ChromeKind {
    pub fn label(self) -> &'static str {
        match self {
            ChromeKind::FrontMatter => "front matter",
            ChromeKind::Navigation => "navigation",
            ChromeKind::Advert => "advert",
            ChromeKind::Share => "share button",
            ChromeKind::Credit => "image credit",
            ChromeKind::Byline => "byline",
            ChromeKind::Dateline => "dateline",
            ChromeKind::SiteName => "site name",
            ChromeKind::RelatedLinks => "related links",
        }
    }
}

impl LineKind {
    pub fn is_chrome(self) -> bool {
        matches!(self, LineKind::Chrome(_))
    }
}

const RELATED_HEADERS: &[&str] = &[
    "related articles",
    "related stories",
    "related news",
    "related content",
    "you might also like",
    "you may also like",
    "more stories",
    "more from",
    "read next",
    "recommended for you",
    "most popular",
    "most read",
    "latest news",
    "latest in ",
    "trending now",
];

const LINK_PREFIXES: &[&str] = &[
    "also read:",
    "read also:",
    "read more:",
    "read more",
    "see also:",
    "related:",
    "watch:",
    "listen:",
    "previous article",
    "next article",
];

const NAV_WORDS: &[&str] = &[
    "share",
    "tweet",
    "email",
    "print",
    "comments",
    "comment",
    "newsletter",
    "newsletters",
    "subscribe",
    "sign",
    "up",
    "in",
    "log",
    "login",
    "close",
    "loader",
    "loading",
    "menu",
    "search",
    "home",
    "find",
    "us",
    "follow",
    "events",
    "podcasts",
    "video",
    "videos",
    "advertisement",
    "advert",
    "ad",
    "sponsored",
    "button",
    "skip",
    "to",
    "content",
    "this",
    "article",
    "on",
    "facebook",
    "twitter",
    "whatsapp",
    "copy",
    "link",
];

const CREDIT_MARKERS: &[&str] = &[
    "shutterstock",
    "getty",
    "ap photo",
    "afp photo",
    "reuters/",
    "/reuters",
    "/twitter",
    "/instagram",
    "/facebook",
    "image via",
    "photo via",
    "photo by",
    "photo:",
    "image:",
    "credit:",
    "©",
    "copyright",
    "alamy",
    "istock",
    "epa/",
    "/epa",
];

/// Whether any of the credit markers is in `text`, ignoring ASCII case: one
/// pass over the text rather than one per marker.
fn has_credit_marker(text: &str) -> bool {
    static MARKERS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    MARKERS
        .get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(CREDIT_MARKERS)
                .expect("the credit markers are a handful of plain strings")
        })
        .is_match(text)
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// True when the line ends like a sentence (a stop, possibly inside quotes).
pub fn ends_like_sentence(line: &str) -> bool {
    let trimmed = line
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']']);
    trimmed.ends_with(['.', '!', '?', '…', ':', ';'])
}

fn is_camel_run(word: &str) -> bool {
    let upper_inside = word.chars().skip(1).filter(|c| c.is_uppercase()).count();
    word.chars().count() >= 14 && upper_inside >= 2 && word.chars().all(char::is_alphabetic)
}

fn has_year(line: &str) -> bool {
    line.as_bytes().windows(4).enumerate().any(|(i, w)| {
        let before_ok = i == 0 || !line.as_bytes()[i - 1].is_ascii_digit();
        let after_ok = line
            .as_bytes()
            .get(i + 4)
            .is_none_or(|b| !b.is_ascii_digit());
        before_ok
            && after_ok
            && (w.starts_with(b"19") || w.starts_with(b"20"))
            && w.iter().all(u8::is_ascii_digit)
    })
}

fn has_month(lower: &str) -> bool {
    lower
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m)) && w.len() <= 9)
}

/// "By Jane Doe", "BY STAFF", "By staff reporters", "by Reuters": a
/// capitalised "By", or "by" and then a name. A line that opens with "by"
/// and a lower-case word carries on a sentence hard-wrapped above it
/// ("... were seized\nby police on Monday").
fn opens_a_byline(t: &str) -> bool {
    let mut words = t.split_whitespace();
    match words.next() {
        Some("By" | "BY") => true,
        Some("by") => words
            .next()
            .and_then(|w| w.chars().find(|c| c.is_alphabetic()))
            .is_some_and(char::is_uppercase),
        _ => false,
    }
}

/// Classifies a single line by its own shape.
// Long on purpose: the chrome rules for a single line, in order of precedence.
pub(crate) fn classify_alone(line: &str) -> LineKind {
    let t = line.trim();
    if t.is_empty() {
        return LineKind::Blank;
    }
    // No rule asks for more than 21 words: a paragraph of prose (most of a
    // corpus) is not counted to its end.
    let words = words_up_to(t, 21);
    // Pages often carry non-breaking spaces; fold all white space to one
    // space. Only short lines are matched whole; a long one (prose, most of
    // a corpus) only by how it starts, so only its first words are folded.
    let keep = if words > 14 { 8 } else { words };
    let mut lower = String::with_capacity(t.len().min(128));
    for (i, w) in t.split_whitespace().take(keep).enumerate() {
        if i > 0 {
            lower.push(' ');
        }
        lower.push_str(w);
    }
    let lower = if lower.is_ascii() {
        lower.make_ascii_lowercase();
        lower
    } else {
        lower.to_lowercase()
    };
    let sentence_like = ends_like_sentence(t);

    if LINK_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return LineKind::Chrome(ChromeKind::RelatedLinks);
    }
    if RELATED_HEADERS.iter().any(|h| lower.starts_with(h)) && words <= 6 && !sentence_like {
        return LineKind::Chrome(ChromeKind::RelatedLinks);
    }
    if (lower.starts_with("advert") || lower.starts_with("sponsored")) && words <= 3 {
        return LineKind::Chrome(ChromeKind::Advert);
    }
    if t.chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || ":.,×|·-–—/".contains(c))
    {
        return LineKind::Chrome(ChromeKind::Navigation);
    }
    if words == 1 && is_camel_run(t) {
        return LineKind::Chrome(ChromeKind::Navigation);
    }
    // A menu: three or more short items between separators ("Home | News | Sport").
    let separators = ['|', '·', '•', '»'];
    if !sentence_like
        && t.matches(separators).nth(1).is_some()
        && t.split(separators)
            .all(|i| !i.trim().is_empty() && words_up_to(i, 4) <= 3)
    {
        return LineKind::Chrome(ChromeKind::Navigation);
    }
    if words <= 5 && !sentence_like {
        let all_nav = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| {
                NAV_WORDS.contains(&w)
                    || (w.len() > 12 && NAV_WORDS.iter().any(|n| n.len() > 4 && w.contains(n)))
            });
        if all_nav {
            let kind = if lower.contains("share") || lower.contains("comment") {
                ChromeKind::Share
            } else {
                ChromeKind::Navigation
            };
            return LineKind::Chrome(kind);
        }
    }
    if words <= 14 && has_credit_marker(&lower) {
        return LineKind::Chrome(ChromeKind::Credit);
    }
    if words <= 8 && (lower.starts_with("ph ") || lower.starts_with("photo ")) && t.contains('/') {
        return LineKind::Chrome(ChromeKind::Credit);
    }
    if (opens_a_byline(t) && words <= 8 && !sentence_like)
        || lower.starts_with("published on")
        || lower.starts_with("updated on")
        || lower == "published"
    {
        return LineKind::Chrome(ChromeKind::Byline);
    }
    if words <= 6
        && !sentence_like
        && (has_year(t) && (has_month(&lower) || t.contains('-')) || lower.starts_with("date "))
    {
        return LineKind::Chrome(ChromeKind::Dateline);
    }
    if sentence_like || words > 20 {
        LineKind::Content
    } else {
        LineKind::Heading
    }
}

/// A sentence inside a content line that is itself chrome: an image credit,
/// an advert or share label that lost its own line ("… 2021. Copyright AP Photo").
pub fn sentence_chrome(sentence: &str) -> Option<ChromeKind> {
    // Credits, adverts and share labels are short: skip the work for prose.
    let words = words_up_to(sentence, 15);
    if words > 14 {
        return None;
    }
    // Asked of every short sentence of a corpus: no lower-cased copy.
    let opens = |prefix: &str| {
        sentence
            .as_bytes()
            .get(..prefix.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    if words <= 3 && (opens("advert") || opens("sponsored")) {
        return Some(ChromeKind::Advert);
    }
    if has_credit_marker(sentence)
        || (words <= 8 && (opens("ph ") || opens("photo ")) && sentence.contains('/'))
    {
        return Some(ChromeKind::Credit);
    }
    if words <= 5 && opens("share") && !ends_like_sentence(sentence) {
        return Some(ChromeKind::Share);
    }
    None
}

/// Lines that mark chrome when they recur in this many articles of a corpus.
pub const CORPUS_REPEAT: usize = 3;

/// The form under which short lines are compared across articles.
pub fn repeat_key(line: &str) -> Option<String> {
    let t = line.trim();
    (words_up_to(t, 7) <= 6 && !t.is_empty() && !ends_like_sentence(t)).then(|| {
        t.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    })
}

/// Classifies every line of an article. `lines` are the article's lines in order
/// (without their newline); `body_start_line` is the first line after front matter.
pub fn classify_lines(lines: &[&str], body_start_line: usize) -> Vec<LineKind> {
    let alone: Vec<LineKind> = lines.iter().map(|l| classify_alone(l)).collect();
    classify_lines_wrapped(lines, body_start_line, &vec![false; lines.len()], alone)
}

/// `classify_lines` for text whose soft line breaks (`soft[i]`: line `i`
/// runs on into the next) are known: a wrapped paragraph is prose, however
/// its lines end. `alone` is `classify_alone` of each line, made once.
// Long on purpose: one pass over the lines, each rule needing its neighbours.
pub fn classify_lines_wrapped(
    lines: &[&str],
    body_start_line: usize,
    soft: &[bool],
    alone: Vec<LineKind>,
) -> Vec<LineKind> {
    let mut kinds: Vec<LineKind> = alone
        .into_iter()
        .enumerate()
        .map(|(i, kind)| {
            if i < body_start_line {
                LineKind::Chrome(ChromeKind::FrontMatter)
            } else if soft.get(i).copied().unwrap_or(false)
                || (i > 0 && soft.get(i - 1).copied().unwrap_or(false))
            {
                LineKind::Content
            } else {
                kind
            }
        })
        .collect();

    // A short line that recurs in the same article is a site name or menu entry.
    // Only lines as short as a site name can repeat one: the paragraphs,
    // most of the text, are not hashed.
    let mut occurrences: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for line in lines {
        let t = line.trim();
        if words_up_to(t, 7) <= 6 {
            *occurrences.entry(t).or_default() += 1;
        }
    }
    let mut site_names: Vec<&str> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if kinds[i] != LineKind::Heading || words_up_to(t, 7) > 6 {
            continue;
        }
        if occurrences.get(t).copied().unwrap_or(0) > 1 {
            kinds[i] = LineKind::Chrome(ChromeKind::SiteName);
            if !site_names.contains(&t) {
                site_names.push(t);
            }
        }
    }
    // A paragraph that opens with the site's name is the publisher's blurb.
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if kinds[i] == LineKind::Content
            && site_names.iter().any(|n| {
                t.len() > n.len() && t.starts_with(n) && t[n.len()..].starts_with([',', ' '])
            })
        {
            kinds[i] = LineKind::Chrome(ChromeKind::SiteName);
        }
    }

    // After a "Related articles" style header that is followed mostly by lines
    // without a final stop, the rest of the page is a list of other stories.
    if let Some(start) = (body_start_line..lines.len()).find(|&i| {
        kinds[i] == LineKind::Chrome(ChromeKind::RelatedLinks)
            && RELATED_HEADERS
                .iter()
                .any(|h| lines[i].trim().to_lowercase().starts_with(h))
            && {
                let after: Vec<LineKind> = kinds[i + 1..]
                    .iter()
                    .copied()
                    .filter(|k| *k != LineKind::Blank)
                    .collect();
                let listy = after.iter().filter(|k| **k != LineKind::Content).count();
                !after.is_empty() && listy * 10 >= after.len() * 6
            }
    }) {
        for k in kinds.iter_mut().skip(start) {
            if *k != LineKind::Blank {
                *k = LineKind::Chrome(ChromeKind::RelatedLinks);
            }
        }
    }

    // Three or more consecutive lines without a final stop and no blank line
    // between them form a link list or a menu, not prose.
    let mut i = body_start_line;
    while i < lines.len() {
        let mut j = i;
        while j < lines.len() && matches!(kinds[j], LineKind::Heading | LineKind::Chrome(_)) {
            j += 1;
        }
        let run = &lines[i..j];
        let listy = run.len() >= 3
            && run
                .iter()
                .filter(|l| {
                    let t = l.trim_start();
                    !t.starts_with(['-', '*', '•'])
                })
                .count()
                == run.len();
        if listy {
            for k in kinds.iter_mut().take(j).skip(i) {
                if *k == LineKind::Heading {
                    *k = LineKind::Chrome(ChromeKind::RelatedLinks);
                }
            }
        }
        i = j.max(i + 1);
    }
    kinds
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<LineKind> {
        let lines: Vec<&str> = text.split('\n').collect();
        classify_lines(&lines, 0)
    }

    #[test]
    fn single_line_patterns() {
        use ChromeKind::*;
        let cases = [
            (
                "Also read: Asian crime lord arrested",
                LineKind::Chrome(RelatedLinks),
            ),
            ("Advert 10", LineKind::Chrome(Advert)),
            ("ADVERTISEMENT", LineKind::Chrome(Advert)),
            ("Ph BreizhAtao / Shutterstock.com", LineKind::Chrome(Credit)),
            (
                "Copyright AP Photo/Virginia Mayo, File",
                LineKind::Chrome(Credit),
            ),
            ("Image via CNN", LineKind::Chrome(Credit)),
            ("Getty", LineKind::Chrome(Credit)),
            ("Frédéric Van Leeuw/Twitter", LineKind::Chrome(Credit)),
            (
                "NewsletterNewslettersEventsEventsPodcasts",
                LineKind::Chrome(Navigation),
            ),
            ("Share this articleComments", LineKind::Chrome(Share)),
            ("Tuesday, Jun 24, 2025", LineKind::Chrome(Dateline)),
            (
                " date 2021-04-06 BelgianFederalPolice",
                LineKind::Chrome(Dateline),
            ),
            ("By Euronews with AP, AFP", LineKind::Chrome(Byline)),
            ("80068", LineKind::Chrome(Navigation)),
            ("Record cocaine hauls", LineKind::Heading),
            ("Police said investigations continue.", LineKind::Content),
            ("\"We will not stop.\"", LineKind::Content),
        ];
        for (line, want) in cases {
            assert_eq!(classify_alone(line), want, "{line:?}");
        }
    }

    #[test]
    fn a_line_opening_with_by_and_a_lower_case_word_is_no_byline() {
        for line in [
            "By staff reporters",
            "BY JANE DOE",
            "by Reuters",
            "By Euronews",
        ] {
            assert_eq!(
                classify_alone(line),
                LineKind::Chrome(ChromeKind::Byline),
                "{line:?}"
            );
        }
        for line in [
            "by police on Monday after a raid",
            "by aaed. Police said it all",
        ] {
            assert_ne!(
                classify_alone(line),
                LineKind::Chrome(ChromeKind::Byline),
                "{line:?}"
            );
        }
    }

    #[test]
    fn repeated_short_line_is_site_name_and_blurb_follows() {
        let k = kinds(
            "Wanted Times\n\nPolice said it.\n\nWanted Times\nWanted Times, part of a network, is a website.",
        );
        assert_eq!(k[0], LineKind::Chrome(ChromeKind::SiteName));
        assert_eq!(k[2], LineKind::Content);
        assert_eq!(k[5], LineKind::Chrome(ChromeKind::SiteName));
    }

    #[test]
    fn headline_lists_are_chrome_but_single_headings_are_not() {
        let k = kinds(
            "Intro text here.\n\nA heading line\n\nMore text.\nOne story title\nAnother story title\nThird story title",
        );
        assert_eq!(k[2], LineKind::Heading);
        assert!(k[5..].iter().all(|k| k.is_chrome()));
    }
}

//! A saved web page to an article: its body text (no navigation, ads, share
//! bars, related links or comments) with readability's scoring (the
//! `dom_smoothie` crate), and its metadata from the page's JSON-LD,
//! OpenGraph and `<meta>` tags and its canonical link.

use dom_smoothie::{Config, Readability, TextMode};

/// The largest page read: news pages with inline scripts and styles run to
/// a few megabytes; anything far beyond is not an article.
pub const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

/// Fewer words than this in the body: a cookie wall, an error page, a
/// script-only shell, not an article.
const MIN_BODY_WORDS: usize = 30;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    pub title: String,
    /// Where the page lives: its canonical link, else its OpenGraph or JSON-LD url.
    pub url: Option<String>,
    /// The site's name.
    pub source: Option<String>,
    /// When it was published, as the page states it (ISO 8601 mostly).
    pub published: Option<String>,
    pub author: Option<String>,
    /// The article's text: paragraphs apart by a blank line.
    pub body: String,
}

/// Why a page gives no article, in words that finish "cannot be imported: …".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    #[error("it is {0} MB, over the {max} MB a page may have", max = MAX_PAGE_BYTES / 1024 / 1024)]
    TooLarge(usize),
    #[error("it is binary data, not a web page")]
    Binary,
    #[error("it is not HTML")]
    NotHtml,
    #[error("no article text was found in it")]
    NoArticle,
    #[error("it nests elements {0} deep, more than browsers show ({max})", max = MAX_DEPTH)]
    TooDeep(usize),
}

/// Deepest nesting read. Browsers stop nesting at 512 (Blink, WebKit);
/// readability's scoring, and the HTML parser itself, slow down with the
/// square of the depth (a page of 50,000 nested divisions took 7 minutes).
pub const MAX_DEPTH: usize = 512;

/// How deep the page's elements nest, counted from its tags before it is
/// parsed: void elements, elements whose end tag may be left out (`p`,
/// `li`…) and raw text (scripts, styles) do not count.
/// Where `</name` (in any case) starts from `from` on, else the end.
fn end_tag(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(at) = bytes[i..].windows(2).position(|w| w == b"</") {
        let start = i + at + 2;
        if bytes
            .get(start..start + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
        {
            return i + at;
        }
        i = start;
    }
    bytes.len()
}

fn nesting_depth(html: &str) -> usize {
    const UNCOUNTED: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td",
        "th", "thead", "tbody", "tfoot", "rb", "rt", "rtc", "rp", "colgroup", "caption", "html",
        "head", "body",
    ];
    const RAW: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while let Some(at) = bytes[i..].iter().position(|&b| b == b'<') {
        i += at + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let end = start
            + bytes[start..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(bytes.len() - start);
        if end == start {
            continue;
        }
        let name = html[start..end].to_ascii_lowercase();
        let tag_end = bytes[end..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |p| end + p);
        let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
        i = tag_end.min(bytes.len());
        if UNCOUNTED.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if RAW.contains(&name.as_str()) {
            // Skip to the element's end tag: its text holds no elements.
            i = end_tag(bytes, i, name.as_bytes());
        } else if !self_closing {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// Reads a saved page. `bytes` may be in any encoding the page declares;
/// UTF-8 and Latin-1 are told apart, others are read as UTF-8 with
/// replacement characters.
pub fn extract(bytes: &[u8], page_url: Option<&str>) -> Result<Page, PageError> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(PageError::TooLarge(bytes.len() / 1_000_000));
    }
    if let Some((html, saved_from)) = web_archive(bytes)? {
        return extract(html.as_bytes(), page_url.or(saved_from.as_deref()));
    }
    if bytes.contains(&0) {
        return Err(PageError::Binary);
    }
    let html = decode(bytes);
    if !looks_like_html(&html) {
        return Err(PageError::NotHtml);
    }
    let depth = nesting_depth(&html);
    if depth > MAX_DEPTH {
        return Err(PageError::TooDeep(depth));
    }
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    // A page url that is not absolute is only a hint: read without it.
    let page_url = page_url.filter(|u| url::Url::parse(u).is_ok());
    let doc = dom_query::Document::from(html.as_str());
    // Before readability drops the scripts that carry the JSON-LD.
    let meta = super::metadata::read(&doc);
    remove_boilerplate(&doc);
    let mut readability =
        Readability::with_document(doc, page_url, Some(cfg)).map_err(|_| PageError::NotHtml)?;
    let article = readability.parse().ok();
    let found = article
        .as_ref()
        .map(|a| paragraphs(&a.text_content))
        .unwrap_or_default();
    // The page's own statement of its text wins when the scored text has
    // less than half its words: the scoring chose a teaser or a sidebar.
    let body = match meta.body.as_deref().map(paragraphs) {
        Some(stated) if words(&stated) > 2 * words(&found) => stated,
        _ => found,
    };
    if !enough_text(&body) {
        return Err(PageError::NoArticle);
    }
    let from_article =
        |get: fn(&dom_smoothie::Article) -> Option<String>| article.as_ref().and_then(get);
    let scored_title = from_article(|a| Some(a.title.to_string())).filter(|t| !t.trim().is_empty());
    let title = meta
        .headline
        .or(scored_title.clone())
        .map(|t| one_line(&t))
        .unwrap_or_default();
    let author = meta
        .author
        .or(from_article(|a| a.byline.clone()))
        .map(|s| one_line(&s));
    Ok(Page {
        title,
        url: meta
            .canonical
            .or(meta.url)
            .or(from_article(|a| a.url.clone()))
            .or(page_url.map(str::to_string)),
        source: meta
            .site_name
            .or(from_article(|a| a.site_name.clone()))
            .map(|s| one_line(&s)),
        published: meta
            .published
            .or(from_article(|a| a.published_time.clone())),
        body: without_byline(
            &strip_leading_title(&body, scored_title.as_deref().unwrap_or_default()),
            &author,
        ),
        author,
    })
}

/// Words of class names and ids that mark what is around an article, not
/// in it. Readability keeps such blocks when they sit inside the body.
const BOILERPLATE: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "sponsored",
    "promo",
    "newsletter",
    "share",
    "sharing",
    "social",
    "related",
    "comments",
    "comment",
    "outbrain",
    "taboola",
    "cookie",
    "cookies",
    "paywall",
    "subscribe",
    "recirculation",
    "breadcrumb",
    "breadcrumbs",
];

/// Elements that are never article text: figures (a caption would run into
/// the next paragraph), forms, buttons, embeds.
const NOT_TEXT: &str =
    "figure, figcaption, picture, svg, button, form, iframe, noscript, template, dialog";

/// A block named as furniture is dropped only when it is short: some sites
/// wrap the whole article in a "container advert-content-wrap".
const FURNITURE_MAX_WORDS: usize = 100;

fn remove_boilerplate(doc: &dom_query::Document) {
    doc.select(NOT_TEXT).remove();
    let marked: Vec<_> = doc
        .select("[class], [id]")
        .nodes()
        .iter()
        .filter(|n| {
            let names = format!(
                "{} {}",
                n.attr("class").unwrap_or_default(),
                n.attr("id").unwrap_or_default()
            )
            .to_ascii_lowercase();
            // Whole words of a name only: "ad-inline" is an ad, "headline" is not.
            names
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| BOILERPLATE.contains(&w))
        })
        // The article itself may carry such a word ("article share-enabled").
        .filter(|n| {
            !matches!(
                n.node_name().as_deref(),
                Some("article" | "main" | "body" | "html")
            )
        })
        .filter(|n| n.text().split_whitespace().count() < FURNITURE_MAX_WORDS)
        .cloned()
        .collect();
    for n in marked {
        n.remove_from_parent();
    }
}

/// Longest paragraph taken for a byline.
const BYLINE_WORDS: usize = 15;

/// Drops the byline ("Tom Okafor and Lena Fischer, Tuesday 11 February"):
/// a short paragraph among the first few that names the author. The author
/// is kept in the front matter.
fn without_byline(body: &str, author: &Option<String>) -> String {
    let Some(author) = author.as_deref().filter(|a| !a.is_empty()) else {
        return body.to_string();
    };
    let names: Vec<&str> = author.split(" and ").flat_map(|a| a.split(", ")).collect();
    let is_byline = |p: &str| {
        p.split_whitespace().count() <= BYLINE_WORDS && names.iter().all(|n| p.contains(n.trim()))
    };
    let paragraphs: Vec<&str> = body.split("\n\n").collect();
    let kept: Vec<&str> = paragraphs
        .iter()
        .enumerate()
        .filter(|(i, p)| *i >= 3 || !is_byline(p))
        .map(|(_, p)| *p)
        .collect();
    kept.join("\n\n")
}

/// A page saved as one MHTML file ("Webpage, Single File"): its HTML part,
/// decoded, and the address it was saved from.
fn web_archive(bytes: &[u8]) -> Result<Option<(String, Option<String>)>, PageError> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    if !head.contains("mime-version:") || !head.contains("multipart/related") {
        return Ok(None);
    }
    use mail_parser::MimeHeaders;
    let message = mail_parser::MessageParser::default()
        .parse(bytes)
        .ok_or(PageError::NotHtml)?;
    let is_html = message
        .html_part(0)
        .and_then(|p| p.content_type())
        .is_some_and(|t| t.c_subtype.as_deref() == Some("html"));
    let html = message
        .body_html(0)
        .filter(|_| is_html)
        .ok_or(PageError::NotHtml)?;
    let saved_from = message
        .header_raw("Snapshot-Content-Location")
        .or_else(|| message.html_part(0).and_then(|p| p.content_location()))
        .map(|u| u.trim().to_string());
    Ok(Some((html.into_owned(), saved_from)))
}

fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.trim_start_matches('\u{feff}').to_string(),
        Err(_) => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_lowercase();
            if head.contains("iso-8859-1")
                || head.contains("windows-1252")
                || head.contains("latin1")
            {
                // Latin-1 bytes are the first 256 code points.
                bytes.iter().map(|&b| b as char).collect()
            } else {
                String::from_utf8_lossy(bytes).into_owned()
            }
        }
    }
}

fn looks_like_html(html: &str) -> bool {
    let head: String = html.chars().take(4096).collect::<String>().to_lowercase();
    [
        "<html",
        "<!doctype html",
        "<body",
        "<article",
        "<p>",
        "<p ",
        "<div",
        "<head",
    ]
    .iter()
    .any(|tag| head.contains(tag))
}

/// Paragraphs apart by one blank line, each on one line: the corpus's own
/// shape, where a sentence never runs across a hard break.
fn paragraphs(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for block in text.split("\n\n") {
        let line = one_line(block);
        if !line.is_empty() {
            out.push(line);
        }
    }
    out.join("\n\n")
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Enough for an article: 30 words, or, in scripts written without spaces
/// between words, 150 letters.
fn enough_text(body: &str) -> bool {
    words(body) >= MIN_BODY_WORDS || body.chars().filter(|c| c.is_alphanumeric()).count() >= 150
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The headline is written once, first; a body that repeats it drops its copy.
fn strip_leading_title(body: &str, title: &str) -> String {
    let title = one_line(title);
    match body.split_once("\n\n") {
        Some((first, rest)) if !title.is_empty() && first == title => rest.to_string(),
        _ => body.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_from_the_tags_as_browsers_nest_them() {
        assert_eq!(
            nesting_depth("<html><body><div><div><p>a<p>b</div></div></body></html>"),
            2
        );
        assert_eq!(nesting_depth("<div><img src=x><br/><hr><span/></div>"), 1);
        assert_eq!(
            nesting_depth("<div><script>if (a<b) { x = '<div><div><div>'; }</SCRIPT></div>"),
            1,
            "a script's text holds no elements"
        );
        assert_eq!(nesting_depth("<ul><li>one<li>two</ul>"), 1);
    }

    #[test]
    fn a_page_nested_deeper_than_browsers_show_is_refused_at_once() {
        let deep = format!(
            "<html><body>{}<p>{}</p>{}</body></html>",
            "<div>".repeat(600),
            "word ".repeat(50),
            "</div>".repeat(600)
        );
        assert_eq!(
            extract(deep.as_bytes(), None).unwrap_err(),
            PageError::TooDeep(600)
        );
        let fine = format!(
            "<html><body>{}<p>{}</p>{}</body></html>",
            "<div>".repeat(60),
            "word ".repeat(50),
            "</div>".repeat(60)
        );
        assert!(extract(fine.as_bytes(), None).is_ok());
    }
}

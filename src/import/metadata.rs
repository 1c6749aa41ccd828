//! What a news page says about itself: schema.org JSON-LD first (what
//! publishers write for search engines), then OpenGraph, then plain `<meta>`
//! tags; the canonical link over any other url.

use dom_query::Document;
use serde_json::Value;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageMetadata {
    pub headline: Option<String>,
    pub canonical: Option<String>,
    pub url: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub author: Option<String>,
    /// The article's text as JSON-LD gives it (`articleBody`): what a page
    /// that builds its text with scripts, or hides it behind a paywall, still
    /// tells search engines.
    pub body: Option<String>,
}

/// Kinds of schema.org item that are the article itself.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
];

pub fn read(doc: &Document) -> PageMetadata {
    let meta = |selector: &str| -> Option<String> {
        doc.select(selector)
            .iter()
            .filter_map(|n| n.attr("content"))
            .map(|c| c.trim().to_string())
            .find(|c| !c.is_empty())
    };
    let ld = json_ld_article(doc);
    let ld_str = |key: &str| ld.as_ref().and_then(|a| text_of(a.get(key)?));
    let canonical = doc
        .select(r#"link[rel="canonical"]"#)
        .iter()
        .filter_map(|n| n.attr("href"))
        .map(|h| h.trim().to_string())
        .find(|h| is_web_url(h));
    PageMetadata {
        headline: ld_str("headline")
            .or_else(|| meta(r#"meta[property="og:title"]"#))
            .or_else(|| meta(r#"meta[name="twitter:title"]"#)),
        canonical,
        url: ld
            .as_ref()
            .and_then(|a| a.get("url").or(a.get("mainEntityOfPage")))
            .and_then(url_of)
            .or_else(|| meta(r#"meta[property="og:url"]"#))
            .filter(|u| is_web_url(u)),
        site_name: ld
            .as_ref()
            .and_then(|a| a.get("publisher"))
            .and_then(name_of)
            .or_else(|| meta(r#"meta[property="og:site_name"]"#))
            .or_else(|| meta(r#"meta[name="application-name"]"#)),
        published: ld_str("datePublished")
            .or_else(|| meta(r#"meta[property="article:published_time"]"#))
            .or_else(|| meta(r#"meta[name="date"]"#))
            .or_else(|| meta(r#"meta[name="pubdate"]"#))
            .or_else(|| meta(r#"meta[itemprop="datePublished"]"#)),
        author: ld
            .as_ref()
            .and_then(|a| a.get("author"))
            .and_then(name_of)
            .or_else(|| meta(r#"meta[name="author"]"#))
            .or_else(|| meta(r#"meta[property="article:author"]"#).filter(|a| !is_web_url(a))),
        body: ld_str("articleBody"),
    }
}

fn is_web_url(s: &str) -> bool {
    url::Url::parse(s).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

/// The first item of an article type in the page's JSON-LD blocks, through
/// lists and `@graph`s.
fn json_ld_article(doc: &Document) -> Option<Value> {
    doc.select(r#"script[type="application/ld+json"]"#)
        .iter()
        .filter_map(|n| serde_json::from_str::<Value>(n.text().trim()).ok())
        .find_map(|v| find_article(&v).cloned())
}

fn find_article(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(o) => {
            let typed = match o.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if typed {
                return Some(v);
            }
            o.get("@graph").and_then(find_article)
        }
        _ => None,
    }
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Array(items) => items.iter().find_map(text_of),
        _ => None,
    }
}

/// A person's or organisation's name: a string, an object with `name`, or
/// a list of them (joined: "A and B").
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() && !is_web_url(s.trim()) => {
            Some(s.trim().to_string())
        }
        Value::Object(o) => o.get("name").and_then(text_of),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name_of).collect();
            match names.len() {
                0 => None,
                1 => names.into_iter().next(),
                n => Some(format!(
                    "{} and {}",
                    names[..n - 1].join(", "),
                    names[n - 1]
                )),
            }
        }
        _ => None,
    }
}

fn url_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Object(o) => o.get("@id").or(o.get("url")).and_then(url_of),
        Value::Array(items) => items.iter().find_map(url_of),
        _ => None,
    }
}

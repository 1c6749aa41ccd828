//! Absolute IRIs for what the exports name, so a reader outside this corpus
//! can tell what each id, source and body points at. Documented in the
//! README ("Identifiers in exports").
//!
//! - An article is its front matter's `url:` (when it is a web address),
//!   else its path under the corpus's `base_url`, else
//!   `urn:claimdesk:article:<path>` (its corpus path, percent-encoded).
//! - An annotation is `urn:claimdesk:annotation:<id>`; its ids never change
//!   and are unique within a corpus (merges keep the other id as an alias).
//! - The text that offsets count is identified by `urn:sha256:<hex>`.

use crate::corpus::Corpus;
use crate::store::ArticleAnnotations;
use std::collections::HashMap;

/// Characters kept as they are in a path or URN part: RFC 3986 unreserved
/// plus `/`; everything else is percent-encoded.
const PATH_SET: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

pub fn encode_path(path: &str) -> String {
    percent_encoding::utf8_percent_encode(path, PATH_SET).to_string()
}

/// A base URL that paths join beneath (a trailing `/` added when missing).
pub fn as_base(mut url: url::Url) -> url::Url {
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    url
}

/// The article's web address from its front matter, when it is one.
pub fn web_address(url: Option<&str>) -> Option<url::Url> {
    url.and_then(|u| crate::store::settings::web_url(u).ok())
}

/// The article's absolute IRI (see the module comment).
pub fn article(url: Option<&str>, path: &str, base: Option<&url::Url>) -> String {
    if let Some(u) = web_address(url) {
        return u.to_string();
    }
    if let Some(u) = base.and_then(|b| b.join(&encode_path(path)).ok()) {
        return u.to_string();
    }
    format!("urn:claimdesk:article:{}", encode_path(path))
}

/// The article's web page, when it has one (never a `urn:`).
pub fn article_web(url: Option<&str>, path: &str, base: Option<&url::Url>) -> Option<String> {
    let iri = article(url, path, base);
    iri.starts_with("http").then_some(iri)
}

pub fn annotation(id: &str) -> String {
    format!("urn:claimdesk:annotation:{}", encode_path(id))
}

/// Hex sha256 of the text that claimdesk's offsets count: the article
/// decoded to UTF-8 with LF line ends, front matter included. For a file
/// that is already UTF-8 with LF line ends (no BOM), this is the file's hash.
pub fn text_sha256(text: &str) -> String {
    crate::corpus::sha256_hex(text.as_bytes())
}

pub fn text_state(sha: &str) -> String {
    format!("urn:sha256:{sha}")
}

/// Every annotation id and alias of the corpus, to the id it now has and
/// its article: evidence that names a merged-away id still resolves.
pub struct IdIndex {
    ids: HashMap<String, String>,
}

impl IdIndex {
    pub fn new(corpus: &Corpus, annotations: &[ArticleAnnotations]) -> IdIndex {
        let mut ids = HashMap::new();
        for (article, ann) in corpus.articles.iter().zip(annotations) {
            for a in &ann.file.annotations {
                for id in std::iter::once(&a.id).chain(&a.aliases) {
                    ids.insert(format!("{}#{id}", article.id), a.id.clone());
                }
            }
        }
        IdIndex { ids }
    }

    /// An `article#id` evidence reference as the annotation's IRI, when it
    /// names an annotation of this corpus.
    pub fn resolve(&self, reference: &str) -> Option<String> {
        self.ids.get(reference).map(|id| annotation(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_get_absolute_iris_in_order_of_preference() {
        let base = as_base(url::Url::parse("https://news.example.org/archive").unwrap());
        assert_eq!(
            article(Some("https://x.example/a?b=1"), "a b.txt", Some(&base)),
            "https://x.example/a?b=1"
        );
        assert_eq!(
            article(Some("not a url"), "2024/a b#1.txt", Some(&base)),
            "https://news.example.org/archive/2024/a%20b%231.txt"
        );
        assert_eq!(
            article(None, "2024/a b#1.txt", None),
            "urn:claimdesk:article:2024/a%20b%231.txt"
        );
        assert_eq!(article_web(None, "a.txt", None), None);
    }
}

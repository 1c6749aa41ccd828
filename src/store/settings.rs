//! Per-corpus settings: `corpus.toml` in the annotations folder, so they
//! travel with the verdicts (in git too). The user's config.toml can give
//! the same keys as defaults for every corpus.
//!
//! ```toml
//! base_url = "https://news.example.org/archive/"   # article IRIs in exports
//! [publisher]                                       # who publishes the fact-checks
//! name = "Example Fact Check"
//! url = "https://factcheck.example.org/"
//! ```

use serde::Deserialize;
use std::path::Path;

pub const FILE_NAME: &str = "corpus.toml";

/// The organisation that publishes the fact-checks (ClaimReview's author).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publisher {
    pub name: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorpusSettings {
    /// Where the articles live on the web, for articles without a `url:`;
    /// their paths are taken relative to it.
    pub base_url: Option<String>,
    #[serde(default)]
    pub publisher: Publisher,
}

impl CorpusSettings {
    /// These settings with `defaults` filling what they leave out.
    pub fn or(self, defaults: &CorpusSettings) -> CorpusSettings {
        CorpusSettings {
            base_url: self.base_url.or_else(|| defaults.base_url.clone()),
            publisher: Publisher {
                name: self
                    .publisher
                    .name
                    .or_else(|| defaults.publisher.name.clone()),
                url: self
                    .publisher
                    .url
                    .or_else(|| defaults.publisher.url.clone()),
            },
        }
    }

    /// Checks the URLs; errors are one sentence naming `file`.
    pub fn checked(self, file: &str) -> Result<CorpusSettings, String> {
        if let Some(u) = &self.base_url {
            web_url(u).map_err(|e| format!("{file}: base_url {e}"))?;
        }
        if let Some(u) = &self.publisher.url {
            web_url(u).map_err(|e| format!("{file}: publisher url {e}"))?;
        }
        Ok(self)
    }
}

/// Parses an absolute http(s) URL (encoded as browsers do); the error
/// completes a sentence ("… is not …").
pub fn web_url(s: &str) -> Result<url::Url, String> {
    let s = s.trim();
    match url::Url::parse(s) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => Ok(u),
        Ok(u) => Err(format!(
            "{s:?} is not a web address (it is a {}: URL; use http:// or https://).",
            u.scheme()
        )),
        Err(e) => Err(format!("{s:?} is not a URL ({e}).")),
    }
}

/// Reads `corpus.toml` from the annotations folder; none is no settings.
pub fn load(annotations_dir: &Path) -> Result<CorpusSettings, String> {
    let path = annotations_dir.join(FILE_NAME);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(CorpusSettings::default()),
        Err(e) => return Err(format!("{} cannot be read ({e}).", path.display())),
    };
    parse(&text, &path.display().to_string())
}

pub fn parse(text: &str, file: &str) -> Result<CorpusSettings, String> {
    let settings: CorpusSettings = toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
            .unwrap_or(1);
        let msg = e.message().trim_end_matches('.').replace('\n', " ");
        format!("{file} line {line}: {msg}.")
    })?;
    settings.checked(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_publisher_and_base_url_and_fills_from_defaults() {
        let s = parse(
            "base_url = \"https://news.example.org/a/\"\n[publisher]\nname = \"Desk\"\n",
            "corpus.toml",
        )
        .unwrap();
        assert_eq!(s.base_url.as_deref(), Some("https://news.example.org/a/"));
        let defaults = CorpusSettings {
            base_url: Some("https://other.example/".into()),
            publisher: Publisher {
                name: Some("Config".into()),
                url: Some("https://desk.example/".into()),
            },
        };
        let s = s.or(&defaults);
        assert_eq!(s.base_url.as_deref(), Some("https://news.example.org/a/"));
        assert_eq!(s.publisher.name.as_deref(), Some("Desk"));
        assert_eq!(s.publisher.url.as_deref(), Some("https://desk.example/"));
    }

    #[test]
    fn bad_urls_and_keys_are_named_in_one_sentence() {
        let e = parse("base_url = \"news/archive\"\n", "corpus.toml").unwrap_err();
        assert!(
            e.starts_with("corpus.toml: base_url \"news/archive\" is not a URL"),
            "{e}"
        );
        let e = parse(
            "[publisher]\nurl = \"javascript:alert(1)\"\n",
            "corpus.toml",
        )
        .unwrap_err();
        assert!(e.contains("is not a web address"), "{e}");
        let e = parse("colour = 1\n", "corpus.toml").unwrap_err();
        assert!(e.starts_with("corpus.toml line 1: unknown field"), "{e}");
    }

    #[test]
    fn web_urls_are_encoded() {
        assert_eq!(
            web_url("https://example.org/a b?x=\"2\"<x>")
                .unwrap()
                .as_str(),
            "https://example.org/a%20b?x=%222%22%3Cx%3E"
        );
    }
}

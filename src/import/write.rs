//! An imported page as a corpus article: `NAME.md` with front matter, the
//! headline, then the body; named once and kept: importing the same page
//! again writes over its own article, so annotations re-anchor.

use super::Page;
use std::path::{Path, PathBuf};

/// Longest file name stem, in bytes: well within every file system's limit.
const MAX_SLUG: usize = 80;

/// The article's text as it is written to its file.
pub fn article_text(page: &Page) -> String {
    let mut out = String::from("---\n");
    let mut field = |key: &str, value: Option<&str>| {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            // A JSON string is a YAML double-quoted scalar: any title is safe.
            out.push_str(&format!(
                "{key}: {}\n",
                serde_json::to_string(v).expect("a string serialises")
            ));
        }
    };
    field("title", Some(&page.title));
    field("url", page.url.as_deref());
    field("source", page.source.as_deref());
    field("published", page.published.as_deref());
    field("author", page.author.as_deref());
    out.push_str("---\n\n");
    if !page.title.is_empty() {
        out.push_str(&page.title);
        out.push_str("\n\n");
    }
    out.push_str(&page.body);
    out.push('\n');
    out
}

/// A file name stem from the title, else the url's path: lower-case ASCII
/// letters and digits in words joined by `-`; never a path.
pub fn slug(page: &Page) -> String {
    let from = |s: &str| -> String {
        let folded: String = s
            .chars()
            .map(|c| fold_accent(c).to_ascii_lowercase())
            .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
            .collect();
        let mut out = String::new();
        for word in folded.split_whitespace() {
            if out.len() + word.len() + 1 > MAX_SLUG {
                break;
            }
            if !out.is_empty() {
                out.push('-');
            }
            out.push_str(word);
        }
        out
    };
    let title = from(&page.title);
    if !title.is_empty() {
        return title;
    }
    let url_path = page
        .url
        .as_deref()
        .and_then(|u| url::Url::parse(u).ok())
        .map(|u| {
            let segments: Vec<String> = u
                .path_segments()
                .map(|s| s.filter(|s| !s.is_empty()).map(str::to_string).collect())
                .unwrap_or_default();
            segments
                .last()
                .cloned()
                .unwrap_or_else(|| u.host_str().unwrap_or_default().to_string())
        })
        .map(|s| from(s.trim_end_matches(".html").trim_end_matches(".htm")))
        .unwrap_or_default();
    if url_path.is_empty() {
        "page".into()
    } else {
        url_path
    }
}

/// The plain letter of the accented Latin letters news titles use most.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        other => other,
    }
}

/// Where an imported page goes in `corpus`: the article already imported
/// from the same url if there is one (so it is updated in place), else a
/// new file named by its slug (`-2`, `-3`… if the name is taken).
pub fn destination(corpus: &Path, page: &Page) -> (PathBuf, bool) {
    if let Some(url) = page.url.as_deref()
        && let Some(existing) = article_with_url(corpus, url)
    {
        return (existing, true);
    }
    let stem = slug(page);
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}.md")
        } else {
            format!("{stem}-{n}.md")
        };
        let path = corpus.join(name);
        if !path.exists() {
            return (path, false);
        }
        n += 1;
    }
}

/// The `.md` article directly in `corpus` whose front matter names `url`.
fn article_with_url(corpus: &Path, url: &str) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(corpus)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .filter(|p| {
            std::fs::read(p).is_ok_and(|bytes| {
                let text = String::from_utf8_lossy(&bytes[..bytes.len().min(8192)]);
                crate::corpus::front_matter_url(&text).as_deref() == Some(url)
            })
        })
        .collect();
    found.sort();
    found.into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titled(title: &str, url: Option<&str>) -> Page {
        Page {
            title: title.into(),
            url: url.map(str::to_string),
            ..Default::default()
        }
    }

    #[test]
    fn names_are_words_of_the_title_never_a_path() {
        assert_eq!(
            slug(&titled("Élections: Le Pen à 35 % — sondage", None)),
            "elections-le-pen-a-35-sondage"
        );
        assert_eq!(slug(&titled("../../etc/passwd", None)), "etc-passwd");
        assert_eq!(
            slug(&titled(
                "",
                Some("https://x.example/news/2024/big-story.html")
            )),
            "big-story"
        );
        assert_eq!(slug(&titled("", Some("https://x.example/"))), "x-example");
        assert_eq!(slug(&titled("日本語のみ", None)), "page");
        let long = "word ".repeat(40);
        let s = slug(&titled(&long, None));
        assert!(s.len() <= MAX_SLUG && s.ends_with("word"), "{s}");
    }
}

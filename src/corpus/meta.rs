//! Article metadata: optional front matter, else heuristics that skip chrome.

use super::Line;
use super::chrome::{ChromeKind, LineKind};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleSource {
    FrontMatter,
    Headline,
    /// No headline: the first content sentence, shortened, stands in.
    FirstSentence,
    FileName,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metadata {
    pub title: String,
    pub title_source: TitleSource,
    /// See `headline_line`. (Every article keeps its metadata all session:
    /// u32 and boxed strs make it 88 bytes where it took 120.)
    headline_line: Option<u32>,
    pub url: Option<Box<str>>,
    pub source: Option<Box<str>>,
    pub published: Option<Box<str>>,
}

impl Metadata {
    /// Index into the article's lines of the headline, when one was found in the text.
    pub fn headline_line(&self) -> Option<usize> {
        self.headline_line.map(|i| i as usize)
    }
}

const TITLE_MAX_CHARS: usize = 72;

/// Parses a leading `---` … `---` block. Returns it and the first body line.
pub fn front_matter(text: &str) -> (FrontMatter, usize) {
    let mut fm = FrontMatter::default();
    let mut lines = text.split('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return (fm, 0);
    }
    for (i, line) in lines.enumerate() {
        if line.trim_end() == "---" {
            return (fm, i + 2);
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = scalar(value.trim());
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => fm.title = Some(value),
            "url" | "link" => fm.url = Some(value),
            "source" | "publisher" => fm.source = Some(value),
            "published" | "date" => fm.published = Some(value),
            _ => {}
        }
        if i > 60 {
            break;
        }
    }
    // No closing fence: not front matter after all.
    (FrontMatter::default(), 0)
}

/// A front-matter value: a double-quoted one as YAML (and JSON) read it,
/// escapes and all; any other with its surrounding quotes dropped.
fn scalar(value: &str) -> String {
    if value.len() >= 2
        && value.starts_with('"')
        && value.ends_with('"')
        && let Ok(s) = serde_json::from_str::<String>(value)
    {
        return s;
    }
    value.trim_matches(['"', '\'']).to_string()
}

pub fn shorten(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

pub fn metadata(front: &FrontMatter, raw: &[&str], lines: &[Line], id: &str) -> Metadata {
    let first_body = lines
        .iter()
        .position(|l| !l.kind.is_chrome() && l.kind != LineKind::Blank);
    let (title, title_source, headline_line) = if let Some(t) = &front.title {
        (t.clone(), TitleSource::FrontMatter, None)
    } else {
        match first_body {
            Some(i)
                if lines[i].kind == LineKind::Heading
                    && super::words::words_up_to(raw[i], 3) >= 3 =>
            {
                (shorten(raw[i], 200), TitleSource::Headline, Some(i))
            }
            Some(i) => {
                // The English segmenter directly: `sentencex::segment`
                // builds a boxed language object on every call.
                use sentencex::languages::Language;
                let first = sentencex::languages::English {}
                    .segment(raw[i].trim())
                    .into_iter()
                    .next()
                    .unwrap_or(raw[i]);
                (
                    shorten(first, TITLE_MAX_CHARS),
                    TitleSource::FirstSentence,
                    None,
                )
            }
            None => (
                id.rsplit('/').next().unwrap_or(id).to_string(),
                TitleSource::FileName,
                None,
            ),
        }
    };
    let published = front.published.clone().or_else(|| {
        lines
            .iter()
            .zip(raw)
            .take(40)
            .find(|(l, _)| l.kind == LineKind::Chrome(ChromeKind::Dateline))
            .map(|(_, r)| dateline_date(r))
    });
    let source = front.source.clone().or_else(|| {
        lines
            .iter()
            .zip(raw)
            .find(|(l, _)| l.kind == LineKind::Chrome(ChromeKind::SiteName))
            .map(|(_, r)| r.trim().to_string())
            .or_else(|| {
                lines
                    .iter()
                    .zip(raw)
                    .take(40)
                    .find(|(l, _)| l.kind == LineKind::Chrome(ChromeKind::Byline))
                    .and_then(|(_, r)| byline_source(r))
            })
    });
    Metadata {
        title,
        title_source,
        headline_line: headline_line.map(super::offset),
        url: front.url.as_deref().map(Box::from),
        source: source.map(String::into_boxed_str),
        published: published.map(String::into_boxed_str),
    }
}

/// "By Euronews with AP, AFP" names Euronews as the source.
fn byline_source(line: &str) -> Option<String> {
    let mut words = line.split_whitespace();
    if !words.next()?.eq_ignore_ascii_case("by") {
        return None;
    }
    let name: Vec<&str> = words
        .take_while(|w| !w.eq_ignore_ascii_case("with"))
        .collect();
    (!name.is_empty()).then(|| name.join(" ").trim_end_matches(',').to_string())
}

/// The date part of a dateline: an ISO date if there is one, else the whole line.
fn dateline_date(line: &str) -> String {
    line.split_whitespace()
        .find(|w| {
            let b = w.as_bytes();
            b.len() == 10
                && b[4] == b'-'
                && b[7] == b'-'
                && b.iter().filter(|c| c.is_ascii_digit()).count() == 8
        })
        .map(str::to_string)
        .unwrap_or_else(|| line.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_read_and_body_starts_after_it() {
        let (fm, body) = front_matter("---\ntitle: \"A title\"\nurl: https://x.test/a\n---\nBody.");
        assert_eq!(fm.title.as_deref(), Some("A title"));
        assert_eq!(fm.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(body, 4);
        assert_eq!(front_matter("---\nno end"), (FrontMatter::default(), 0));
    }

    #[test]
    fn shorten_cuts_on_a_word() {
        assert_eq!(shorten("one two three four", 12), "one two…");
        assert_eq!(shorten("short", 12), "short");
    }
}

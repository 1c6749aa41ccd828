//! Exports of saved annotations: every format reads the same rows.

pub mod claimreview;
pub mod csv;
pub mod html;
pub mod iri;
pub mod markdown;
pub mod output;
pub mod w3c;

use crate::corpus::Corpus;
use crate::store::{Annotation, AnnotationKind, ArticleAnnotations, Verdict};
use serde::Serialize;

/// One annotation with the article it belongs to, as every export sees it.
#[derive(Debug, Serialize)]
pub struct ExportRow<'a> {
    pub article: &'a str,
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    #[serde(skip_serializing)]
    pub source: Option<&'a str>,
    #[serde(skip_serializing)]
    pub published: Option<&'a str>,
    #[serde(skip_serializing)]
    pub sha256: crate::corpus::Sha256,
    /// Hex sha256 of the text the offsets count (see `iri::text_state`).
    #[serde(skip_serializing)]
    pub text_sha256: std::rc::Rc<str>,
    pub id: &'a str,
    pub kind: AnnotationKind,
    pub target: &'a crate::store::Target,
    pub anchor: &'static str,
    pub verdict: Verdict,
    pub note: &'a str,
    pub evidence: &'a [crate::store::Evidence],
    #[serde(skip_serializing_if = "crate::store::Publishing::is_empty")]
    pub publishing: &'a crate::store::Publishing,
    pub reviewer: &'a str,
    pub created: &'a crate::store::Stamp,
    pub updated: &'a crate::store::Stamp,
    pub history: &'a [crate::store::HistoryEntry],
}

#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub verdict: Option<Verdict>,
    pub reviewer: Option<String>,
    /// Only these annotation ids (the rows of the review screen).
    pub only: Option<std::collections::HashSet<String>>,
}

impl Filter {
    fn keeps(&self, a: &Annotation) -> bool {
        a.kind != AnnotationKind::Dismissed
            && self
                .verdict
                .is_none_or(|v| a.kind == AnnotationKind::Claim && a.verdict == v)
            && self.reviewer.as_deref().is_none_or(|r| a.reviewer == r)
            && self.only.as_ref().is_none_or(|ids| ids.contains(&a.id))
    }
}

pub fn rows<'a>(
    corpus: &'a Corpus,
    annotations: &'a [ArticleAnnotations],
    filter: &Filter,
) -> Vec<ExportRow<'a>> {
    let mut out = Vec::new();
    for (article, ann) in corpus.articles.iter().zip(annotations) {
        let mut kept = ann
            .file
            .annotations
            .iter()
            .filter(|a| filter.keeps(a))
            .peekable();
        if kept.peek().is_none() {
            continue;
        }
        let text_sha256: std::rc::Rc<str> = iri::text_sha256(&article.text).into();
        for a in kept {
            out.push(ExportRow {
                article: &article.id,
                title: &article.meta.title,
                url: article.meta.url.as_deref(),
                source: article.meta.source.as_deref(),
                published: article.meta.published.as_deref(),
                sha256: article.sha256,
                text_sha256: text_sha256.clone(),
                id: &a.id,
                kind: a.kind,
                target: &a.target,
                anchor: a.anchor.name(),
                verdict: a.verdict,
                note: &a.note,
                evidence: &a.evidence,
                publishing: &a.publishing,
                reviewer: &a.reviewer,
                created: &a.created,
                updated: &a.updated,
                history: &a.history,
            });
        }
    }
    out
}

#[derive(Serialize)]
struct JsonExport<'a> {
    format: &'static str,
    version: u32,
    annotations: Vec<ExportRow<'a>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The first word of each format's name is how users type it.
    Markdown,
    Csv,
    Json,
    ClaimReview,
    W3c,
    Html,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Markdown,
        Format::Csv,
        Format::Json,
        Format::ClaimReview,
        Format::W3c,
        Format::Html,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::ClaimReview => "claimreview",
            Format::W3c => "w3c",
            Format::Html => "html",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::ClaimReview | Format::W3c => "jsonld",
            other => other.name(),
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s.trim().to_ascii_lowercase())
    }
}

/// How an export is written beyond its rows: who publishes, where the
/// articles live on the web, what may be published.
#[derive(Debug, Clone)]
pub struct Settings {
    /// CSV starts with a UTF-8 byte-order mark (Excel needs it).
    pub bom: bool,
    /// Working notes go into ClaimReview's `reviewBody` (never by default).
    pub include_notes: bool,
    /// Where articles without a `url:` live; their paths are relative to it.
    pub base_url: Option<url::Url>,
    pub publisher: crate::store::settings::Publisher,
    /// The export's day, YYYY-MM-DD, shown on the HTML report; empty leaves it out.
    pub exported_on: String,
    /// The corpus folder's name, shown on the HTML report.
    pub corpus_name: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bom: true,
            include_notes: false,
            base_url: None,
            publisher: Default::default(),
            exported_on: String::new(),
            corpus_name: String::new(),
        }
    }
}

impl Settings {
    /// Export settings from a corpus's checked settings.
    pub fn for_corpus(corpus: &crate::store::settings::CorpusSettings) -> Settings {
        Settings {
            base_url: corpus
                .base_url
                .as_deref()
                .and_then(|u| crate::store::settings::web_url(u).ok())
                .map(iri::as_base),
            publisher: corpus.publisher.clone(),
            ..Settings::default()
        }
    }
}

/// The saved annotations that pass `filter`, in `format`, with default
/// settings (CSV with a byte-order mark, no notes published).
pub fn render(
    corpus: &Corpus,
    annotations: &[ArticleAnnotations],
    filter: &Filter,
    format: Format,
) -> String {
    render_with(corpus, annotations, filter, format, &Settings::default())
}

pub fn render_with(
    corpus: &Corpus,
    annotations: &[ArticleAnnotations],
    filter: &Filter,
    format: Format,
    settings: &Settings,
) -> String {
    use crate::text::display::{json_controls_escaped, printable};
    let rows = rows(corpus, annotations, filter);
    // Article text, notes and names are untrusted: no control character
    // leaves in an export (HTML escapes its own).
    match format {
        Format::Markdown => printable(&markdown::render(&rows)),
        Format::Csv if settings.bom => format!("{}{}", csv::BOM, printable(&csv::render(&rows))),
        Format::Csv => printable(&csv::render(&rows)),
        Format::Json => json_controls_escaped(&json_rows(rows)).into_owned(),
        Format::ClaimReview => {
            json_controls_escaped(&claimreview::render(&rows, settings)).into_owned()
        }
        Format::W3c => {
            let ids = iri::IdIndex::new(corpus, annotations);
            json_controls_escaped(&w3c::render(&rows, settings, &ids)).into_owned()
        }
        Format::Html => html::render(corpus, annotations, filter, settings),
    }
}

fn json_rows(rows: Vec<ExportRow>) -> String {
    let doc = JsonExport {
        format: "claimdesk-export",
        version: 1,
        annotations: rows,
    };
    serde_json::to_string_pretty(&doc).expect("exports always serialise") + "\n"
}

/// Every saved annotation (dismissed suggestions excluded) as pretty JSON.
pub fn json(corpus: &Corpus, annotations: &[ArticleAnnotations], filter: &Filter) -> String {
    let doc = JsonExport {
        format: "claimdesk-export",
        version: 1,
        annotations: rows(corpus, annotations, filter),
    };
    serde_json::to_string_pretty(&doc).expect("exports always serialise") + "\n"
}

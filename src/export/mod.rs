//! Exports of saved annotations. JSON here; other formats build on the same rows.

use crate::corpus::Corpus;
use crate::store::{Annotation, ArticleAnnotations, Kind, Verdict};
use serde::Serialize;

/// One annotation with the article it belongs to, as every export sees it.
#[derive(Debug, Serialize)]
pub struct ExportRow<'a> {
    pub article: &'a str,
    pub title: &'a str,
    pub id: &'a str,
    pub kind: Kind,
    pub target: &'a crate::store::Target,
    pub anchor: &'static str,
    pub verdict: Verdict,
    pub note: &'a str,
    pub evidence: &'a [crate::store::Evidence],
    pub reviewer: &'a str,
    pub created: &'a str,
    pub updated: &'a str,
    pub history: &'a [crate::store::HistoryEntry],
}

#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub verdict: Option<Verdict>,
}

impl Filter {
    fn keeps(&self, a: &Annotation) -> bool {
        a.kind != Kind::Dismissed
            && self
                .verdict
                .is_none_or(|v| a.kind == Kind::Claim && a.verdict == v)
    }
}

pub fn rows<'a>(
    corpus: &'a Corpus,
    annotations: &'a [ArticleAnnotations],
    filter: &Filter,
) -> Vec<ExportRow<'a>> {
    let mut out = Vec::new();
    for (article, ann) in corpus.articles.iter().zip(annotations) {
        for a in ann.file.annotations.iter().filter(|a| filter.keeps(a)) {
            out.push(ExportRow {
                article: &article.id,
                title: &article.meta.title,
                id: &a.id,
                kind: a.kind,
                target: &a.target,
                anchor: a.anchor.name(),
                verdict: a.verdict,
                note: &a.note,
                evidence: &a.evidence,
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

/// Every saved annotation (dismissed suggestions excluded) as pretty JSON.
pub fn json(corpus: &Corpus, annotations: &[ArticleAnnotations], filter: &Filter) -> String {
    let doc = JsonExport {
        format: "claimdesk-export",
        version: 1,
        annotations: rows(corpus, annotations, filter),
    };
    serde_json::to_string_pretty(&doc).expect("exports always serialise") + "\n"
}

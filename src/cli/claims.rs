//! `claims`: the check-worthy sentences of the corpus, with why, as text or JSON.

use super::Workspace;
use crate::corpus;
use crate::store::{Annotation, AnnotationKind, ArticleAnnotations};
use crate::text::{self, ArticleAnalysis};
use serde::Serialize;

#[derive(Serialize)]
struct ReasonOut {
    feature: &'static str,
    evidence: String,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    score: f32,
    reasons: Vec<ReasonOut>,
    suggested: bool,
    chrome: bool,
    quantities: &'a [text::quantity::Quantity],
    entities: &'a [text::entities::Entity],
    annotation: Option<&'a Annotation>,
}

fn overlapping(ann: &ArticleAnnotations, s: usize, e: usize) -> Option<&Annotation> {
    ann.file
        .annotations
        .iter()
        .find(|a| a.kind != AnnotationKind::Dismissed && a.overlaps(s, e))
}

/// `claims`: every candidate (suggested or saved) or, with `all`, every sentence.
pub fn claims(ws: &Workspace, json: bool, all: bool) -> String {
    claims_in_pieces(ws, json, all).concat()
}

/// `claims` in pieces to print one after the other (one or a few per
/// article): the whole listing, which can be a hundred megabytes, is never
/// one string.
pub fn claims_in_pieces(ws: &Workspace, json: bool, all: bool) -> Vec<String> {
    use rayon::prelude::*;
    ws.step("analysing", ws.corpus.articles.len());
    // Each article is analysed, written out and its analysis dropped on
    // whichever core is free: the corpus's analyses are never all held at
    // once. The pieces are joined in corpus order.
    let pieces: Vec<String> = ws
        .corpus
        .articles
        .par_iter()
        .zip(&ws.annotations)
        .map(|(article, ann)| {
            let analysis = text::analyse(article);
            let out = sentences_out(article, &analysis, ann, all);
            ws.progress.inc(1);
            if json {
                json_elements(&out)
            } else {
                out.iter().map(claim_line).collect()
            }
        })
        .collect();
    ws.progress.finish_and_clear();
    if !json {
        return pieces;
    }
    let pieces: Vec<String> = pieces.into_iter().filter(|p| !p.is_empty()).collect();
    if pieces.is_empty() {
        return vec!["[]\n".into()];
    }
    // As `to_string_pretty` writes the whole array.
    let mut out = Vec::with_capacity(pieces.len() * 2 + 1);
    out.push("[\n".to_string());
    for (i, piece) in pieces.into_iter().enumerate() {
        if i > 0 {
            out.push(",\n".to_string());
        }
        out.push(piece);
    }
    out.push("\n]\n".to_string());
    out
}

/// The sentences of one article that `claims` lists.
fn sentences_out<'a>(
    article: &'a corpus::Article,
    analysis: &'a ArticleAnalysis,
    ann: &'a ArticleAnnotations,
    all: bool,
) -> Vec<SentenceOut<'a>> {
    let mut out = Vec::new();
    for s in &analysis.sentences {
        let saved = overlapping(ann, s.start, s.end);
        let dismissed = ann
            .file
            .annotations
            .iter()
            .any(|a| a.kind == AnnotationKind::Dismissed && a.overlaps(s.start, s.end));
        let suggested = s.suggested() && !dismissed;
        if !all && !suggested && saved.is_none() {
            continue;
        }
        out.push(SentenceOut {
            article: &article.id,
            start: s.start,
            end: s.end,
            text: article.slice(s.start, s.end),
            score: (s.score * 100.0).round() / 100.0,
            reasons: s
                .reasons()
                .iter()
                .map(|r| ReasonOut {
                    feature: r.feature.label(),
                    evidence: r.evidence.clone(),
                })
                .collect(),
            suggested,
            chrome: s.chrome,
            quantities: s.quantities(),
            entities: s.entities(),
            annotation: saved,
        });
    }
    out
}

/// Elements of the pretty-printed JSON array, as `to_string_pretty` of the
/// whole array writes them: each line indented once, joined by commas.
fn json_elements(out: &[SentenceOut]) -> String {
    out.iter()
        .map(|s| {
            let element = serde_json::to_string_pretty(s).expect("claims serialise");
            // A JSON string holds no raw newline: every line break is layout.
            format!("  {}", element.replace('\n', "\n  "))
        })
        .collect::<Vec<_>>()
        .join(",\n")
}

/// One claim in the human-readable listing.
fn claim_line(s: &SentenceOut) -> String {
    let mark = match s.annotation {
        Some(a) if a.kind == AnnotationKind::Note => "n".to_string(),
        Some(a) => a.verdict.letter().to_string(),
        None if s.suggested => "?".into(),
        None if s.chrome => "#".into(),
        None => " ".into(),
    };
    let reasons: Vec<String> = s
        .reasons
        .iter()
        .map(|r| {
            if r.evidence.is_empty() {
                r.feature.to_string()
            } else {
                format!("{} ({})", r.feature, r.evidence)
            }
        })
        .collect();
    format!(
        "[{mark}] {}:{}-{} {:.2} {}\n      {}\n",
        s.article,
        s.start,
        s.end,
        s.score,
        crate::ui::clean(s.text),
        reasons.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_are_laid_out_as_the_whole_array_pretty_printed() {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let corpus = corpus::load(&seeds).unwrap();
        let article = &corpus.articles[0];
        let analysis = text::analyse(article);
        let none = crate::store::not_read_yet(std::path::Path::new("/nonexistent"), article);
        let out = sentences_out(article, &analysis, &none, true);
        assert!(out.len() > 5);
        let whole = serde_json::to_string_pretty(&out).unwrap();
        assert_eq!(format!("[\n{}\n]", json_elements(&out)), whole);
    }
}

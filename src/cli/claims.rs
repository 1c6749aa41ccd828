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
    let mut out = String::new();
    let _ = claims_each(ws, json, all, &mut |piece| {
        out.push_str(piece);
        Ok(())
    });
    out
}

/// Articles analysed together before their pieces are written: enough to
/// keep both cores busy, few enough that the memory they take is reused.
const CHUNK: usize = 1024;

/// `claims` handed to `write` piece by piece, in corpus order, as it is
/// made: the listing, which can be a hundred megabytes, is never held
/// whole, and neither are the corpus's analyses. A failed write stops it.
pub fn claims_each(
    ws: &Workspace,
    json: bool,
    all: bool,
    write: &mut dyn FnMut(&str) -> Result<(), String>,
) -> Result<(), String> {
    use rayon::prelude::*;
    ws.step("analysing", ws.corpus.articles.len());
    let mut written = 0usize;
    for (articles, annotations) in ws
        .corpus
        .articles
        .chunks(CHUNK)
        .zip(ws.annotations.chunks(CHUNK))
    {
        let pieces: Vec<String> = articles
            .par_iter()
            .zip(annotations)
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
        for piece in pieces.iter().filter(|p| !p.is_empty()) {
            // As `to_string_pretty` writes the whole array.
            if json {
                write(if written == 0 { "[\n" } else { ",\n" })?;
            }
            write(piece)?;
            written += 1;
        }
    }
    ws.progress.finish_and_clear();
    match (json, written) {
        (true, 0) => write("[]\n"),
        (true, _) => write("\n]\n"),
        _ => Ok(()),
    }
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
        let saved = overlapping(ann, s.start(), s.end());
        let dismissed = ann
            .file
            .annotations
            .iter()
            .any(|a| a.kind == AnnotationKind::Dismissed && a.overlaps(s.start(), s.end()));
        let suggested = s.suggested() && !dismissed;
        if !all && !suggested && saved.is_none() {
            continue;
        }
        out.push(SentenceOut {
            article: &article.id,
            start: s.start(),
            end: s.end(),
            text: article.slice(s.start(), s.end()),
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
pub(super) fn json_elements<T: Serialize>(out: &[T]) -> String {
    if out.is_empty() {
        return String::new();
    }
    // The array written whole, without its brackets: its elements are
    // indented and separated as they are in the document, in one pass.
    let mut array = serde_json::to_string_pretty(out).expect("claims serialise");
    array.truncate(array.len() - "\n]".len());
    array.split_off("[\n".len())
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

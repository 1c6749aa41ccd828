//! `matches`: the corpus's sentences that were checked before, with the
//! library claims they match.

use super::Workspace;
use crate::library::matching::{Match, MatchIndex, SHOWN_FROM};
use crate::text::{self, ArticleAnalysis};
use serde::Serialize;
use std::path::Path;

/// At most this many library claims per sentence.
const TOP: usize = 5;

#[derive(Serialize)]
struct MatchOut<'a> {
    claim: &'a str,
    rating: &'a str,
    normalised: &'static str,
    by: &'a str,
    date: &'a str,
    url: &'a str,
    /// The fact-check's headline.
    #[serde(skip_serializing_if = "str::is_empty")]
    title: &'a str,
    score: f32,
    /// What a sentence's matches are listed by, best first (see `Match::rank`).
    rank: f32,
    /// Whether the workbench shows it as checked before.
    checked_before: bool,
}

#[derive(Serialize)]
struct SentenceMatches<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    matches: Vec<MatchOut<'a>>,
}

/// Each content sentence's best library claims from `min_score` on. From
/// the workbench's threshold on, what an earlier run (or the workbench)
/// matched against the same library is taken from `cache` (the match cache
/// and the library's key), and only changed articles are matched.
pub fn matches(
    ws: &Workspace,
    index: &MatchIndex,
    min_score: f32,
    cache: Option<(&Path, &str)>,
    json: bool,
) -> String {
    let mut out = String::new();
    let _ = matches_each(ws, index, min_score, cache, json, &mut |piece| {
        out.push_str(piece);
        Ok(())
    });
    out
}

/// `matches` handed to `write` article by article: the listing, hundreds of
/// megabytes when the library holds the corpus's own claims, is never held
/// whole. A failed write stops it.
pub fn matches_each(
    ws: &Workspace,
    index: &MatchIndex,
    min_score: f32,
    cache: Option<(&Path, &str)>,
    json: bool,
    write: &mut dyn FnMut(&str) -> Result<(), String>,
) -> Result<(), String> {
    use rayon::prelude::*;
    ws.step("matching", ws.corpus.articles.len());
    // Sentence spans are all matching and printing need.
    let spans: Vec<ArticleAnalysis> = ws
        .corpus
        .articles
        .par_iter()
        .map(|article| {
            let slim = text::analyse(article).slim();
            ws.progress.inc(1);
            slim
        })
        .collect();
    let by_article: Vec<Vec<(usize, Match)>> = if min_score >= SHOWN_FROM {
        let refs: Vec<&ArticleAnalysis> = spans.iter().collect();
        crate::library::cache::match_corpus(index, &ws.corpus.articles, &refs, cache)
    } else {
        // Below the threshold nothing is cached: every candidate is asked for.
        index.prepare();
        ws.corpus
            .articles
            .par_iter()
            .zip(spans.par_iter())
            .map(|(article, analysis)| {
                crate::library::matching::sentence_matches(index, article, analysis, TOP, min_score)
            })
            .collect()
    };
    ws.progress.finish_and_clear();
    let mut listed = 0usize;
    for ((article, analysis), found) in ws.corpus.articles.iter().zip(&spans).zip(&by_article) {
        let sentences = sentences_out(index, article, analysis, found, min_score);
        if sentences.is_empty() {
            continue;
        }
        let piece = if json {
            super::claims::json_elements(&sentences)
        } else {
            sentences.iter().map(sentence_lines).collect()
        };
        if json {
            for part in super::claims::json_piece(listed == 0, &piece) {
                write(part)?;
            }
        } else {
            write(&piece)?;
        }
        listed += sentences.len();
    }
    if json {
        return write(if listed == 0 { "[]\n" } else { "\n]\n" });
    }
    write(&format!(
        "{listed} sentence(s) with a match from {min_score:.2}, against {} library claim(s); the workbench shows matches from {SHOWN_FROM:.2} as checked before.\n",
        index.len()
    ))
}

/// An article's sentences with matches from `min_score`, at most `TOP` each.
fn sentences_out<'a>(
    index: &'a MatchIndex,
    article: &'a crate::corpus::Article,
    analysis: &ArticleAnalysis,
    found: &[(usize, Match)],
    min_score: f32,
) -> Vec<SentenceMatches<'a>> {
    found
        .chunk_by(|a, b| a.0 == b.0)
        .filter_map(|sentence| {
            let s = &analysis.sentences[sentence[0].0];
            let matches: Vec<MatchOut> = sentence
                .iter()
                .map(|(_, m)| m)
                .filter(|m| m.score >= min_score)
                .take(TOP)
                .map(|m| {
                    let e = &index.entries[m.entry];
                    MatchOut {
                        claim: &e.claim,
                        rating: &e.rating.name,
                        normalised: e.rating.normalised.name(),
                        by: &e.by,
                        date: &e.date,
                        url: &e.url,
                        title: &e.title,
                        score: (m.score * 100.0).round() / 100.0,
                        rank: (m.rank * 1000.0).round() / 1000.0,
                        checked_before: m.score >= SHOWN_FROM,
                    }
                })
                .collect();
            (!matches.is_empty()).then(|| SentenceMatches {
                article: &article.id,
                start: s.start(),
                end: s.end(),
                text: article.slice(s.start(), s.end()),
                matches,
            })
        })
        .collect()
}

/// One sentence and its matches in the human-readable listing.
fn sentence_lines(s: &SentenceMatches) -> String {
    let mut out = format!(
        "{}:{}-{} {}\n",
        s.article,
        s.start,
        s.end,
        crate::ui::clean(s.text)
    );
    for m in &s.matches {
        out.push_str(&format!(
            "  {:.2} [{}] {} — {}{}\n",
            m.score,
            m.rating,
            crate::ui::clean(m.claim),
            crate::ui::clean(m.by),
            if m.url.is_empty() {
                String::new()
            } else {
                format!(" {}", m.url)
            }
        ));
    }
    out
}

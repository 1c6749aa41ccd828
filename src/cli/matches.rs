//! `matches`: the corpus's sentences that were checked before, with the
//! library claims they match.

use super::Workspace;
use crate::library::matching::{MatchIndex, SHOWN_FROM};
use crate::text;
use serde::Serialize;

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
    score: f32,
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

/// Each content sentence's best library claims from `min_score` on.
pub fn matches(ws: &Workspace, index: &MatchIndex, min_score: f32, json: bool) -> String {
    use rayon::prelude::*;
    ws.step("matching", ws.corpus.articles.len());
    let found: Vec<Vec<SentenceMatches>> = ws
        .corpus
        .articles
        .par_iter()
        .map(|article| {
            let analysis = text::analyse(article);
            ws.progress.inc(1);
            analysis
                .sentences
                .iter()
                .filter(|s| !s.chrome)
                .filter_map(|s| {
                    let text = article.slice(s.start, s.end);
                    let matches: Vec<MatchOut> = index
                        .query(text, TOP)
                        .into_iter()
                        .filter(|m| m.score >= min_score)
                        .map(|m| {
                            let e = &index.entries[m.entry];
                            MatchOut {
                                claim: &e.claim,
                                rating: &e.rating.name,
                                normalised: e.rating.normalised.name(),
                                by: &e.by,
                                date: &e.date,
                                url: &e.url,
                                score: (m.score * 100.0).round() / 100.0,
                                checked_before: m.score >= SHOWN_FROM,
                            }
                        })
                        .collect();
                    (!matches.is_empty()).then(|| SentenceMatches {
                        article: &article.id,
                        start: s.start,
                        end: s.end,
                        text,
                        matches,
                    })
                })
                .collect()
        })
        .collect();
    ws.progress.finish_and_clear();
    let found: Vec<SentenceMatches> = found.into_iter().flatten().collect();
    if json {
        return serde_json::to_string_pretty(&found).expect("matches serialise") + "\n";
    }
    let mut out = String::new();
    for s in &found {
        out.push_str(&format!(
            "{}:{}-{} {}\n",
            s.article,
            s.start,
            s.end,
            crate::ui::clean(s.text)
        ));
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
    }
    out.push_str(&format!(
        "{} sentence(s) with a match from {min_score:.2}, against {} library claim(s); the workbench shows matches from {SHOWN_FROM:.2} as checked before.\n",
        found.len(),
        index.len()
    ));
    out
}

//! Sentences and check-worthiness of an article's text.

pub mod score;
pub mod sentences;

use crate::corpus::{Article, LineKind};
pub use score::{Feature, Reason, SUGGEST_THRESHOLD, Score};

/// One sentence of an article with everything the reader and sidebar show of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub chrome: bool,
    pub heading: bool,
    pub score: f32,
    pub reasons: Vec<Reason>,
}

impl Sentence {
    /// Suggested as a claim: content, not chrome, and check-worthy enough.
    pub fn suggested(&self) -> bool {
        !self.chrome && self.score >= SUGGEST_THRESHOLD
    }
}

/// The analysed article: its sentences in text order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleAnalysis {
    pub sentences: Vec<Sentence>,
}

impl ArticleAnalysis {
    /// Index of the sentence containing char offset `pos`, or the nearest one after it.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        if self.sentences.is_empty() {
            return None;
        }
        let i = self.sentences.partition_point(|s| s.end <= pos);
        Some(i.min(self.sentences.len() - 1))
    }

    pub fn suggestion_count(&self) -> usize {
        self.sentences.iter().filter(|s| s.suggested()).count()
    }
}

pub fn analyse(article: &Article) -> ArticleAnalysis {
    let spans = sentences::split_article(article);
    let sentences = spans
        .into_iter()
        .map(|span| {
            let kind = article.lines[span.line].kind;
            let chrome = kind.is_chrome();
            let heading = kind == LineKind::Heading;
            let (score, reasons) = if chrome {
                (0.0, Vec::new())
            } else {
                let s = score::score(article.slice(span.start, span.end), heading);
                (s.value, s.reasons)
            };
            Sentence {
                start: span.start,
                end: span.end,
                line: span.line,
                chrome,
                heading,
                score,
                reasons,
            }
        })
        .collect();
    ArticleAnalysis { sentences }
}

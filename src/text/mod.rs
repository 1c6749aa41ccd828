//! Sentences and check-worthiness of an article's text.

pub mod cache;
pub mod dates;
pub mod display;
pub mod entities;
pub mod events;
pub mod lexicon;
pub mod model;
pub mod quantity;
pub mod quotation;
pub mod score;
pub mod sentences;
pub mod tokens;

use crate::corpus::{Article, LineKind};
pub use score::{Feature, Reason, Score, suggest_threshold};

/// One sentence of an article with everything the reader and sidebar show of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Char offsets and line index as u32 (see `start()`, `end()`, `line()`):
    /// the workbench keeps a corpus's hundreds of thousands of sentences for
    /// the session, and articles are read up to 64 MiB.
    start: u32,
    end: u32,
    /// The line index in the low 30 bits, whether the sentence is chrome
    /// and whether it is a heading in the top two: 24 bytes a sentence,
    /// where two bools of their own made it 32.
    line_and_kind: u32,
    pub score: f32,
    /// Why it scored so, its figures and its names: none for chrome and in
    /// slim analyses. Boxed, so that a corpus's hundreds of thousands of
    /// sentences without them cost a pointer each, not three empty lists.
    pub details: Option<Box<SentenceDetails>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SentenceDetails {
    pub reasons: Vec<Reason>,
    /// Figures, with offsets relative to the sentence start.
    pub quantities: Vec<quantity::Quantity>,
    pub entities: Vec<entities::Entity>,
}

const CHROME: u32 = 1 << 31;
const HEADING: u32 = 1 << 30;
const LINE: u32 = HEADING - 1;

impl Sentence {
    pub(crate) fn new(
        span: std::ops::Range<usize>,
        line: usize,
        chrome: bool,
        heading: bool,
        score: f32,
        details: Option<Box<SentenceDetails>>,
    ) -> Sentence {
        // Lines of a file of at most 64 MiB number far fewer than 2^30.
        let line = crate::corpus::offset(line);
        assert!(line <= LINE, "a line index fits in 30 bits");
        Sentence {
            start: crate::corpus::offset(span.start),
            end: crate::corpus::offset(span.end),
            line_and_kind: line
                | if chrome { CHROME } else { 0 }
                | if heading { HEADING } else { 0 },
            score,
            details,
        }
    }

    /// Site furniture (a caption, a byline, a share bar), not a claim.
    pub fn chrome(&self) -> bool {
        self.line_and_kind & CHROME != 0
    }

    /// A headline or sub-heading.
    pub fn heading(&self) -> bool {
        self.line_and_kind & HEADING != 0
    }

    /// Char offset of the sentence's first char in the article.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Char offset just past the sentence.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Index of the article line the sentence starts on.
    pub fn line(&self) -> usize {
        (self.line_and_kind & LINE) as usize
    }

    pub fn reasons(&self) -> &[Reason] {
        self.details.as_deref().map_or(&[], |d| &d.reasons)
    }

    pub fn quantities(&self) -> &[quantity::Quantity] {
        self.details.as_deref().map_or(&[], |d| &d.quantities)
    }

    pub fn entities(&self) -> &[entities::Entity] {
        self.details.as_deref().map_or(&[], |d| &d.entities)
    }

    /// Suggested as a claim: content, not chrome, and check-worthy enough.
    pub fn suggested(&self) -> bool {
        !self.chrome() && self.score >= suggest_threshold()
    }
}

/// The analysed article: its sentences in text order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleAnalysis {
    pub sentences: Vec<Sentence>,
    /// Reasons, figures and names were left out to save memory (see `slim`).
    pub slim: bool,
}

impl ArticleAnalysis {
    /// The same sentences, spans, scores and flags without the details that
    /// only the open article shows and linking uses (reasons, figures,
    /// names): what the workbench keeps for the rest of the corpus once it is
    /// linked. `analyse` gives the details back when an article is opened.
    pub fn slim(&self) -> ArticleAnalysis {
        ArticleAnalysis {
            sentences: self
                .sentences
                .iter()
                .map(|s| Sentence {
                    details: None,
                    ..*s
                })
                .collect(),
            slim: true,
        }
    }

    /// Index of the sentence containing char offset `pos`, or the nearest one after it.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        if self.sentences.is_empty() {
            return None;
        }
        let i = self.sentences.partition_point(|s| s.end() <= pos);
        Some(i.min(self.sentences.len() - 1))
    }

    pub fn suggestion_count(&self) -> usize {
        self.sentences.iter().filter(|s| s.suggested()).count()
    }
}

/// Every article analysed, on all cores, in corpus order.
pub fn analyse_all(articles: &[Article]) -> Vec<ArticleAnalysis> {
    use rayon::prelude::*;
    articles.par_iter().map(analyse).collect()
}

pub fn analyse(article: &Article) -> ArticleAnalysis {
    analyse_each(article, |_, _, _, _| {})
}

/// `analyse`, handing each sentence that is not chrome to `each` with its
/// index, text and tokens as they are made: a reader of every sentence's
/// words (linking) need not tokenize the article a second time.
pub fn analyse_each(
    article: &Article,
    mut each: impl FnMut(usize, &Sentence, &str, &[tokens::Token]),
) -> ArticleAnalysis {
    let spans = sentences::split_article(article);
    let sentences = spans
        .into_iter()
        .enumerate()
        .map(|(si, span)| {
            let kind = article.lines[span.line].kind;
            let text = &article.text[span.start_byte..span.end_byte];
            let chrome = kind.is_chrome() || crate::corpus::chrome::sentence_chrome(text).is_some();
            let heading = kind == LineKind::Heading;
            let mut tokens = Vec::new();
            let (score, details) = if chrome {
                (0.0, None)
            } else {
                let (score, details);
                (tokens, score, details) = weigh_sentence(text, heading);
                (score, Some(Box::new(details)))
            };
            let sentence = Sentence::new(
                span.start..span.end,
                span.line,
                chrome,
                heading,
                score,
                details,
            );
            if !chrome {
                each(si, &sentence, text, &tokens);
            }
            sentence
        })
        .collect();
    ArticleAnalysis {
        sentences,
        slim: false,
    }
}

/// What `analyse` finds in one sentence that is not chrome: its tokens,
/// score and details, from its text and whether it is a heading alone.
fn weigh_sentence(text: &str, heading: bool) -> (Vec<tokens::Token<'_>>, f32, SentenceDetails) {
    let tokens = tokens::tokenize(text);
    let quantities = quantity::extract_from(text, &tokens);
    // In a Title Case headline every word is capitalised: names cannot be told apart.
    let title_case = heading
        && tokens
            .iter()
            .filter(|t| t.text.starts_with(char::is_uppercase))
            .count()
            * 10
            >= tokens.len() * 6;
    let entities = if title_case {
        Vec::new()
    } else {
        entities::extract_from(&tokens)
    };
    let s = score::score_tokens(text, &tokens, heading, &quantities, &entities);
    let details = SentenceDetails {
        reasons: s.reasons,
        quantities,
        entities,
    };
    (tokens, s.value, details)
}

/// Gives the sentences of `article`'s slim analysis that `wanted` picks
/// their details (and score) back, as `analyse` finds them, leaving the
/// rest slim: a listing of the check-worthy sentences of a cached article
/// weighs those alone, not every sentence.
pub fn fill_details(
    article: &Article,
    analysis: &mut ArticleAnalysis,
    wanted: impl Fn(&Sentence) -> bool,
) {
    for s in &mut analysis.sentences {
        if s.details.is_some() || s.chrome() || !wanted(s) {
            continue;
        }
        let (_, score, details) = weigh_sentence(article.slice(s.start(), s.end()), s.heading());
        s.score = score;
        s.details = Some(Box::new(details));
    }
}

#[cfg(test)]
mod sentence_tests {
    use super::*;

    #[test]
    fn a_sentence_keeps_its_line_and_kind_in_one_word() {
        assert_eq!(std::mem::size_of::<Sentence>(), 24);
        let last_line = (1 << 30) - 1;
        for (line, chrome, heading) in [
            (0, false, false),
            (7, true, false),
            (7, false, true),
            (last_line, true, true),
        ] {
            let s = Sentence::new(3..9, line, chrome, heading, 0.25, None);
            assert_eq!(
                (
                    s.start(),
                    s.end(),
                    s.line(),
                    s.chrome(),
                    s.heading(),
                    s.score
                ),
                (3, 9, line, chrome, heading, 0.25)
            );
        }
    }

    #[test]
    fn details_filled_back_into_a_slim_analysis_are_the_full_analysis() {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let corpus = crate::corpus::load(&seeds).unwrap();
        for article in &corpus.articles {
            let full = analyse(article);
            let mut every = full.slim();
            fill_details(article, &mut every, |_| true);
            assert_eq!(every.sentences, full.sentences, "{}", article.id);

            let mut suggested = full.slim();
            fill_details(article, &mut suggested, Sentence::suggested);
            for (got, want) in suggested.sentences.iter().zip(&full.sentences) {
                if want.suggested() {
                    assert_eq!(got, want);
                } else {
                    assert!(got.details.is_none(), "only those asked for are weighed");
                }
            }
            assert!(full.suggestion_count() > 0);
        }
    }

    #[test]
    #[should_panic(expected = "fits in 30 bits")]
    fn a_line_index_beyond_30_bits_is_refused() {
        Sentence::new(0..1, 1 << 30, false, false, 0.0, None);
    }
}

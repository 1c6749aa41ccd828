//! Values derived from the corpus, analyses and annotations: the sidebar's
//! items and each article's progress. Recomputed per article when it changes,
//! in O(n log n) of its annotations: one article may hold 100,000 of them.

use crate::store::{AnchorState, Annotation, AnnotationKind, ArticleAnnotations, Verdict};
use crate::text::ArticleAnalysis;

/// An item of the claims sidebar, in text order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SidebarItem {
    /// A saved annotation (claim or note), by id. Orphans (their text is gone
    /// from the article) sort last, listed under "orphaned".
    Saved {
        id: String,
        start: usize,
        end: usize,
        orphaned: bool,
        /// A claim still waiting for a verdict (what `]` and `[` visit).
        waiting: bool,
    },
    /// A suggested sentence, by index into the article's sentences.
    Suggestion {
        sentence: usize,
        start: usize,
        end: usize,
    },
}

impl SidebarItem {
    pub fn span(&self) -> (usize, usize) {
        match self {
            SidebarItem::Saved { start, end, .. } | SidebarItem::Suggestion { start, end, .. } => {
                (*start, *end)
            }
        }
    }
}

/// Per-article figures for the list: reviewed claims and claims found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub reviewed: usize,
    pub found: usize,
}

/// The spans of an article's live (not orphaned) annotations, to find
/// quickly those that overlap a range: the sentences the sidebar suggests,
/// the rows the reader draws. Built when the annotations change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanIndex {
    /// (start, end, index into the file's annotations), sorted by start.
    spans: Vec<(usize, usize, usize)>,
    /// The furthest end among the spans up to each position.
    max_end: Vec<usize>,
}

impl SpanIndex {
    pub fn of(annotations: &[Annotation]) -> SpanIndex {
        Self::of_where(annotations, |_| true)
    }

    /// The index of the annotations `keep` accepts (indices stay those of
    /// the whole list).
    pub fn of_where(annotations: &[Annotation], keep: impl Fn(&Annotation) -> bool) -> SpanIndex {
        let mut spans: Vec<(usize, usize, usize)> = annotations
            .iter()
            .enumerate()
            .filter(|(_, a)| a.anchor != AnchorState::Orphaned && keep(a))
            .map(|(i, a)| (a.target.start, a.target.end, i))
            .collect();
        spans.sort_unstable();
        let mut furthest = 0;
        let max_end = spans
            .iter()
            .map(|&(_, e, _)| {
                furthest = furthest.max(e);
                furthest
            })
            .collect();
        SpanIndex { spans, max_end }
    }

    /// Whether any span overlaps `start..end`.
    pub fn covers(&self, start: usize, end: usize) -> bool {
        let before_end = self.spans.partition_point(|s| s.0 < end);
        before_end > 0 && self.max_end[before_end - 1] > start
    }

    /// Indices of the annotations overlapping `start..end` (an empty span
    /// counts as covering its position), in text order.
    pub fn overlapping(&self, start: usize, end: usize) -> Vec<usize> {
        let end = end.max(start + 1);
        let mut i = self.spans.partition_point(|s| s.0 < end);
        let mut found = Vec::new();
        // Walk back while some earlier span could still reach `start`.
        while i > 0 && self.max_end[i - 1] > start {
            i -= 1;
            let (s, e, idx) = self.spans[i];
            if s < end && start < e.max(s + 1) {
                found.push(idx);
            }
        }
        found.reverse();
        found
    }
}

/// Suggested sentences no live annotation covers: (sentence index, start, end).
fn open_suggestions<'a>(
    analysis: Option<&'a ArticleAnalysis>,
    annotations: &ArticleAnnotations,
) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
    // A note answers nothing about a suggestion: it stays open (and in the
    // `]` queue) until it is marked or dismissed.
    let coverage = SpanIndex::of_where(&annotations.file.annotations, |a| {
        a.kind != AnnotationKind::Note
    });
    analysis
        .into_iter()
        .flat_map(|a| a.sentences.iter().enumerate())
        .filter(move |(_, s)| s.suggested() && !coverage.covers(s.start(), s.end()))
        .map(|(i, s)| (i, s.start(), s.end()))
}

/// Claims and notes in text order, plus suggestions no annotation covers.
pub fn sidebar_items(
    analysis: Option<&ArticleAnalysis>,
    annotations: &ArticleAnnotations,
) -> Vec<SidebarItem> {
    let mut items: Vec<SidebarItem> = annotations
        .file
        .annotations
        .iter()
        .filter(|a| a.kind != AnnotationKind::Dismissed)
        .map(|a| {
            let orphaned = a.anchor == AnchorState::Orphaned;
            let (start, end) = if orphaned {
                (usize::MAX, usize::MAX)
            } else {
                (a.target.start, a.target.end)
            };
            SidebarItem::Saved {
                id: a.id.clone(),
                start,
                end,
                orphaned,
                waiting: !orphaned
                    && a.kind == AnnotationKind::Claim
                    && a.verdict == Verdict::Unreviewed,
            }
        })
        .collect();
    items.extend(
        open_suggestions(analysis, annotations).map(|(sentence, start, end)| {
            SidebarItem::Suggestion {
                sentence,
                start,
                end,
            }
        }),
    );
    items.sort_by_key(|i| i.span());
    items
}

/// Claims reviewed, and claims found (live claims plus open suggestions).
pub fn progress(analysis: Option<&ArticleAnalysis>, annotations: &ArticleAnnotations) -> Progress {
    let live_claims = || {
        annotations
            .claims()
            .filter(|a| a.anchor != AnchorState::Orphaned)
    };
    Progress {
        reviewed: live_claims()
            .filter(|a| a.verdict != Verdict::Unreviewed)
            .count(),
        found: live_claims().count() + open_suggestions(analysis, annotations).count(),
    }
}

/// For each title, the byte offset of the first word in which it differs
/// from the most similar other title, when they share at least two leading
/// words (compared without case); else 0. Sorting puts the most similar
/// titles side by side, so this is O(n log n) once per corpus.
pub fn distinct_title_starts(titles: &[&str]) -> Vec<usize> {
    let words = |t: &str| -> Vec<(usize, String)> {
        t.split(' ')
            .scan(0, |pos, w| {
                let start = *pos;
                *pos += w.len() + 1;
                Some((start, w.to_lowercase()))
            })
            .filter(|(_, w)| !w.is_empty())
            .collect()
    };
    let split: Vec<Vec<(usize, String)>> = titles.iter().map(|t| words(t)).collect();
    let mut order: Vec<usize> = (0..titles.len()).collect();
    order.sort_by(|&a, &b| {
        let wa = split[a].iter().map(|(_, w)| w);
        let wb = split[b].iter().map(|(_, w)| w);
        wa.cmp(wb)
    });
    let shared = |a: usize, b: usize| {
        split[a]
            .iter()
            .zip(&split[b])
            .take_while(|(x, y)| x.1 == y.1)
            .count()
    };
    let mut out = vec![0; titles.len()];
    for (k, &i) in order.iter().enumerate() {
        let before = k.checked_sub(1).map(|p| shared(i, order[p])).unwrap_or(0);
        let after = order.get(k + 1).map(|&n| shared(i, n)).unwrap_or(0);
        let common = before.max(after);
        if common >= 2 && common < split[i].len() {
            out[i] = split[i][common].0;
        }
    }
    out
}

/// How confident a `differs` link must be to mark its article `≠` in the list.
pub const STRONG_DIFFERS: f32 = 0.5;

/// Whether an article has a strong disagreement still to check: a
/// `differs` link of at least `STRONG_DIFFERS` whose sentence in this article
/// no claim with a verdict covers yet. Judged disagreements lose their mark,
/// so `≠` points at work left, not at every story with two reports.
pub fn open_disagreement(
    links: &crate::links::LinkIndex,
    article: usize,
    analysis: Option<&ArticleAnalysis>,
    annotations: &ArticleAnnotations,
) -> bool {
    let Some(analysis) = analysis else {
        return false;
    };
    analysis.sentences.iter().enumerate().any(|(sentence, s)| {
        links
            .of(crate::links::SentenceRef::new(article, sentence))
            .any(|l| l.relation == crate::links::Relation::Differs && l.score >= STRONG_DIFFERS)
            && !annotations.claims().any(|a| {
                a.verdict != Verdict::Unreviewed
                    && a.anchor != AnchorState::Orphaned
                    && a.overlaps(s.start(), s.end())
            })
    })
}

/// True for items still waiting for a verdict: suggestions and unreviewed claims.
pub fn is_unreviewed(item: &SidebarItem) -> bool {
    match item {
        SidebarItem::Suggestion { .. } => true,
        SidebarItem::Saved { waiting, .. } => *waiting,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_headlines_are_shown_from_where_they_differ() {
        let titles = [
            "Belgium Police seize 28 tons of cocaine after accessing encrypted communications",
            "Belgium Police Seize Nearly 28 Tons of Cocaine",
            "Nearly 28 tons of cocaine seized",
        ];
        let starts = distinct_title_starts(&titles);
        assert_eq!(&titles[0][starts[0]..starts[0] + 8], "28 tons ");
        assert_eq!(&titles[1][starts[1]..starts[1] + 6], "Nearly");
        assert_eq!(starts[2], 0, "shares fewer than two words with any other");
    }

    #[test]
    fn spans_find_any_overlap_among_nested_and_long_spans() {
        let mut anns: Vec<Annotation> = Vec::new();
        for (s, e) in [(0, 100), (10, 12), (200, 210)] {
            let mut a: Annotation = serde_json::from_str(&format!(
                r#"{{"id":"{s}","kind":"claim","target":{{"start":{s},"end":{e},"exact":""}}}}"#
            ))
            .unwrap();
            a.anchor = AnchorState::Exact;
            anns.push(a);
        }
        let c = SpanIndex::of(&anns);
        assert!(c.covers(50, 60), "inside the long span");
        assert!(c.covers(205, 300));
        assert!(!c.covers(100, 200), "between spans");
        assert!(!c.covers(210, 220), "touching is not overlapping");
        assert!(c.covers(199, 201));
        assert_eq!(
            c.overlapping(11, 11),
            vec![0, 1],
            "a position inside two spans"
        );
        assert_eq!(c.overlapping(150, 205), vec![2]);
        assert!(c.overlapping(100, 200).is_empty());
    }
}

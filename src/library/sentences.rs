//! Which sentences of an article were checked before: each content
//! sentence, and each paragraph of several, matched against the library.

use super::matching::{Among, Described, Figures, Match, MatchIndex, SHOWN_FROM};

/// The best match from `SHOWN_FROM` of each content sentence of an article.
pub fn sentences_checked_before(
    index: &MatchIndex,
    article: &crate::corpus::Article,
    analysis: &crate::text::ArticleAnalysis,
) -> Vec<(usize, Match)> {
    sentence_matches(index, article, analysis, 1, SHOWN_FROM)
}

/// Up to `k` matches from `min` (the workbench: `SHOWN_FROM`) of each
/// content sentence of an article, by sentence, best first. A claim told over two sentences of a
/// paragraph ("Trump, talking about migrants: 'How do you stop these
/// people?' Crowd: 'Shoot them.'") is found in the paragraph too, and shown
/// on the sentence of it that says most of the claim.
pub fn sentence_matches(
    index: &MatchIndex,
    article: &crate::corpus::Article,
    analysis: &crate::text::ArticleAnalysis,
    k: usize,
    min: f32,
) -> Vec<(usize, Match)> {
    sentence_matches_among(index, article, analysis, k, min, Among::All)
}

/// `sentence_matches` among the claims `among` says.
pub fn sentence_matches_among(
    index: &MatchIndex,
    article: &crate::corpus::Article,
    analysis: &crate::text::ArticleAnalysis,
    k: usize,
    min: f32,
    among: Among,
) -> Vec<(usize, Match)> {
    let content: Vec<usize> = (0..analysis.sentences.len())
        .filter(|&i| !analysis.sentences[i].chrome())
        .collect();
    // Each sentence's candidates, kept for its paragraph: a claim told
    // across sentences is among theirs, and no second search is made.
    let mut looked_at: Vec<Vec<u32>> = vec![Vec::new(); analysis.sentences.len()];
    // Each sentence described once, for itself and for its paragraph's claims.
    let mut described: Vec<Option<Described>> = vec![None; analysis.sentences.len()];
    let mut found: Vec<(usize, Match)> = Vec::new();
    for &i in &content {
        let s = &analysis.sentences[i];
        let q = index.describe_query(article.slice(s.start(), s.end()));
        let matches = index.query_described(&q, k, among, &mut looked_at[i]);
        described[i] = Some(q);
        found.extend(
            matches
                .into_iter()
                .filter(|m| m.score >= min)
                .map(|m| (i, m)),
        );
    }
    // A paragraph runs from a line that does not continue the one before.
    let paragraph_of = |i: usize| {
        let mut line = analysis.sentences[i].line();
        while line > 0 && article.lines.get(line - 1).is_some_and(|l| l.joins_next) {
            line -= 1;
        }
        line
    };
    for group in content.chunk_by(|&a, &b| paragraph_of(a) == paragraph_of(b)) {
        let [first, .., last] = group else {
            continue;
        };
        let (start, end) = (
            analysis.sentences[*first].start(),
            analysis.sentences[*last].end(),
        );
        let mut views: Vec<u32> = group
            .iter()
            .flat_map(|&i| looked_at[i].iter().copied())
            .collect();
        views.sort_unstable();
        views.dedup();
        let paragraph = index.describe_query(article.slice(start, end));
        for m in index.best_of(&paragraph, &views, k) {
            if m.score < min
                || found
                    .iter()
                    .any(|(i, f)| group.contains(i) && f.entry == m.entry && f.rank >= m.rank)
            {
                continue;
            }
            // The sentence that gives the claim's figure tells it; else the
            // one that says most of it; else the first.
            let told_most = group
                .iter()
                .map(|&i| {
                    let found = described[i]
                        .as_ref()
                        .and_then(|q| index.match_described(q, m.entry));
                    let agrees = found.as_ref().is_some_and(|f| f.figures == Figures::Agree);
                    (i, agrees, found.map_or(0.0, |f| f.score))
                })
                .max_by(|a, b| a.1.cmp(&b.1).then(a.2.total_cmp(&b.2)).then(b.0.cmp(&a.0)))
                .map_or(*first, |(i, _, _)| i);
            found.retain(|(i, f)| !(*i == told_most && f.entry == m.entry));
            found.push((told_most, m));
        }
    }
    best_k_per_sentence(found, k)
}

/// The matches by sentence, each sentence's best first, at most `k` each.
pub(super) fn best_k_per_sentence(mut found: Vec<(usize, Match)>, k: usize) -> Vec<(usize, Match)> {
    found.sort_by(|(i, a), (j, b)| i.cmp(j).then(b.better_than(a)));
    let mut per_sentence = 0;
    let mut previous = None;
    found.retain(|(i, _)| {
        per_sentence = if previous == Some(*i) {
            per_sentence + 1
        } else {
            1
        };
        previous = Some(*i);
        per_sentence <= k
    });
    found
}

/// The first (best) match of each sentence of `sentence_matches`.
pub fn best_per_sentence(mut found: Vec<(usize, Match)>) -> Vec<(usize, Match)> {
    found.dedup_by_key(|(sentence, _)| *sentence);
    found
}

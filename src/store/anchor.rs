//! Finding each annotation's span in the current article text.

use super::model::{AnchorState, AnnotationFile, CONTEXT_CHARS, Target};
use crate::corpus::Article;

/// Builds the target of a new annotation over `[start, end)` of the article.
pub fn make_target(article: &Article, start: usize, end: usize) -> Target {
    let len = article.char_len();
    let (start, end) = (start.min(len), end.min(len).max(start.min(len)));
    Target {
        start,
        end,
        exact: article.slice(start, end).to_string(),
        prefix: article
            .slice(start.saturating_sub(CONTEXT_CHARS), start)
            .to_string(),
        suffix: article
            .slice(end, (end + CONTEXT_CHARS).min(len))
            .to_string(),
    }
}

/// What anchoring a file found, for the status bar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnchorReport {
    pub moved: usize,
    pub fuzzy: usize,
    pub orphaned: usize,
}

fn common_suffix_len(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix_len(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Locates `target` in the article: the occurrence of its quote that best
/// matches its prefix and suffix, nearest its old position on a tie.
pub fn locate(article: &Article, target: &Target) -> Option<(usize, usize)> {
    if target.exact.is_empty() {
        return None;
    }
    let qlen = target.exact.chars().count();
    if article.slice(target.start, target.end) == target.exact && target.end - target.start == qlen
    {
        return Some((target.start, target.end));
    }
    let mut best: Option<(usize, usize, usize)> = None; // (context score, distance, start)
    for (byte, _) in article.text.match_indices(target.exact.as_str()) {
        let start = article.index.char_of_byte(&article.text, byte);
        let before = article.slice(start.saturating_sub(CONTEXT_CHARS), start);
        let after = article.slice(start + qlen, start + qlen + CONTEXT_CHARS);
        let context =
            common_suffix_len(before, &target.prefix) + common_prefix_len(after, &target.suffix);
        let distance = start.abs_diff(target.start);
        let better = match best {
            None => true,
            Some((c, d, _)) => context > c || (context == c && distance < d),
        };
        if better {
            best = Some((context, distance, start));
        }
    }
    best.map(|(_, _, start)| (start, start + qlen))
}

/// Edit distance between two char sequences, or `None` once it exceeds `max`.
pub fn bounded_levenshtein(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[b.len()] <= max).then_some(prev[b.len()])
}

/// Longest quote tried fuzzily; longer ones are matched exactly or orphaned.
const FUZZY_MAX_CHARS: usize = 1500;
/// Fewest similar chars, as a share of the quote, for a fuzzy match.
pub const FUZZY_MIN_SIMILARITY: f32 = 0.75;
const CONTEXT_PROBE: usize = 16;

/// Finds the span most like `target`'s quote when the exact quote is gone:
/// candidates come from the quote's context (prefix, suffix), the article's
/// sentences and the old position; the closest by edit distance wins if it is
/// similar enough. Returns the span and its similarity in [0, 1].
pub fn locate_fuzzy(article: &Article, target: &Target) -> Option<(usize, usize, f32)> {
    let quote: Vec<char> = target.exact.chars().collect();
    let q = quote.len();
    if q == 0 || q > FUZZY_MAX_CHARS {
        return None;
    }
    let len = article.char_len();
    let (min_len, max_len) = (q * 3 / 4, q * 4 / 3 + 1);
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    let find_all = |needle: &str| -> Vec<usize> {
        if needle.trim().is_empty() {
            return Vec::new();
        }
        article
            .text
            .match_indices(needle)
            .take(64)
            .map(|(b, _)| article.index.char_of_byte(&article.text, b))
            .collect()
    };
    let prefix_tail: String = {
        let p: Vec<char> = target.prefix.chars().collect();
        p[p.len().saturating_sub(CONTEXT_PROBE)..].iter().collect()
    };
    let suffix_head: String = target.suffix.chars().take(CONTEXT_PROBE).collect();
    let starts: Vec<usize> = find_all(&prefix_tail)
        .into_iter()
        .map(|p| p + prefix_tail.chars().count())
        .collect();
    let ends: Vec<usize> = find_all(&suffix_head);
    for &s in &starts {
        candidates.push((s, (s + q).min(len)));
        for &e in &ends {
            if e > s && (min_len..=max_len).contains(&(e - s)) {
                candidates.push((s, e));
            }
        }
    }
    for &e in &ends {
        candidates.push((e.saturating_sub(q), e));
    }
    for s in crate::text::sentences::split_article(article) {
        if (min_len..=max_len).contains(&(s.end - s.start)) {
            candidates.push((s.start, s.end));
        }
    }
    let old = target.start.min(len);
    candidates.push((old, (old + q).min(len)));
    candidates.sort_unstable();
    candidates.dedup();

    let max_dist = ((1.0 - FUZZY_MIN_SIMILARITY) * q as f32).floor() as usize;
    let mut best: Option<(usize, usize, usize, usize)> = None; // (dist, distance from old, start, end)
    for (s, e) in candidates {
        if e <= s || e > len {
            continue;
        }
        let text: Vec<char> = article.slice(s, e).chars().collect();
        let bound = best.map_or(max_dist, |b| b.0.min(max_dist));
        if let Some(d) = bounded_levenshtein(&quote, &text, bound) {
            let key = (d, s.abs_diff(target.start), s, e);
            if best.is_none_or(|b| (key.0, key.1) < (b.0, b.1)) {
                best = Some(key);
            }
        }
    }
    best.map(|(d, _, s, e)| (s, e, 1.0 - d as f32 / q.max(1) as f32))
}

/// Re-anchors every annotation of `file` against `article`. Moved and fuzzy
/// annotations get their new positions in memory (fuzzy ones wait for the
/// user's confirmation before their quote changes); orphans are kept untouched.
pub fn anchor_file(file: &mut AnnotationFile, article: &Article) -> AnchorReport {
    let unchanged = file.article.sha256 == article.sha256;
    let mut report = AnchorReport::default();
    for a in &mut file.annotations {
        let in_range = a.target.end <= article.char_len() && a.target.start <= a.target.end;
        if unchanged && in_range && article.slice(a.target.start, a.target.end) == a.target.exact {
            a.anchor = AnchorState::Exact;
            continue;
        }
        match locate(article, &a.target) {
            Some((s, e)) if (s, e) == (a.target.start, a.target.end) => {
                a.anchor = AnchorState::Exact
            }
            Some((s, e)) => {
                a.target.start = s;
                a.target.end = e;
                a.anchor = AnchorState::Moved;
                report.moved += 1;
            }
            None => match locate_fuzzy(article, &a.target) {
                Some((s, e, _)) => {
                    a.target.start = s;
                    a.target.end = e;
                    a.anchor = AnchorState::Fuzzy;
                    report.fuzzy += 1;
                }
                None => {
                    a.anchor = AnchorState::Orphaned;
                    report.orphaned += 1;
                }
            },
        }
    }
    file.sort();
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article::from_bytes("a.txt".into(), text.as_bytes())
    }

    #[test]
    fn target_keeps_quote_and_context() {
        let a = article("Alpha beta gamma delta.");
        let t = make_target(&a, 6, 10);
        assert_eq!(
            (t.exact.as_str(), t.prefix.as_str(), t.suffix.as_str()),
            ("beta", "Alpha ", " gamma delta.")
        );
    }

    #[test]
    fn moved_quote_is_found_and_context_breaks_ties() {
        let old = article("Police said so. The figure is 28 tons. Police said so.");
        let t = make_target(&old, 39, 54); // the second "Police said so."
        let new =
            article("New lead paragraph. Police said so. The figure is 28 tons. Police said so.");
        assert_eq!(locate(&new, &t), Some((59, 74)));
        let gone = article("Nothing of it remains.");
        assert_eq!(locate(&gone, &t), None);
    }

    #[test]
    fn edit_distance_is_bounded() {
        let a: Vec<char> = "kitten".chars().collect();
        let b: Vec<char> = "sitting".chars().collect();
        assert_eq!(bounded_levenshtein(&a, &b, 3), Some(3));
        assert_eq!(bounded_levenshtein(&a, &b, 2), None);
        assert_eq!(bounded_levenshtein(&a, &a, 0), Some(0));
    }

    #[test]
    fn a_lightly_edited_quote_is_found_fuzzily_and_a_rewritten_one_is_not() {
        let old = article(
            "Intro line.\n\nPolice seized 27.64 tons of cocaine at the port of Antwerp.\n\nOutro.",
        );
        let t = make_target(&old, 13, 72);
        assert_eq!(
            t.exact,
            "Police seized 27.64 tons of cocaine at the port of Antwerp."
        );
        let edited = article(
            "Intro line, longer now.\n\nPolice seized 27.64 tonnes of cocaine at the Port of Antwerp.\n\nOutro.",
        );
        let (s, e, sim) = locate_fuzzy(&edited, &t).expect("fuzzy match");
        assert_eq!(
            edited.slice(s, e),
            "Police seized 27.64 tonnes of cocaine at the Port of Antwerp."
        );
        assert!(sim > 0.9, "{sim}");
        let rewritten = article(
            "Intro line.\n\nThe harbour saw a record haul this spring, officials said.\n\nOutro.",
        );
        assert_eq!(locate_fuzzy(&rewritten, &t), None);
    }
}

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

/// Re-anchors every annotation of `file` against `article`. Positions of
/// moved annotations are updated in memory; orphans are kept untouched.
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
            None => {
                a.anchor = AnchorState::Orphaned;
                report.orphaned += 1;
            }
        }
    }
    file.sort();
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article::from_bytes("a.txt".into(), "a.txt".into(), text.as_bytes())
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
}

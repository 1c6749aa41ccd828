//! Two reviewers compared: claims matched by span, where they disagree,
//! and Cohen's kappa. One place for what `agree` and the review screen's
//! comparison both use.

use super::model::{Annotation, AnnotationKind, Verdict};

/// Two verdicts disagree when both reviewers judged and judged differently.
pub fn disagree(a: Verdict, b: Verdict) -> bool {
    a != b && a != Verdict::Unreviewed && b != Verdict::Unreviewed
}

/// Claims of two reviewers' files matched by span (the same span, or spans
/// overlapping by more than half of their union), as index pairs into `a` and `b`.
pub fn match_claims(a: &[Annotation], b: &[Annotation]) -> Vec<(usize, usize)> {
    let mut used = vec![false; b.len()];
    let mut pairs = Vec::new();
    for (i, x) in a
        .iter()
        .enumerate()
        .filter(|(_, x)| x.kind == AnnotationKind::Claim)
    {
        let best = b
            .iter()
            .enumerate()
            .filter(|(j, y)| !used[*j] && y.kind == AnnotationKind::Claim)
            .map(|(j, y)| {
                let inter = x
                    .target
                    .end
                    .min(y.target.end)
                    .saturating_sub(x.target.start.max(y.target.start));
                let union = x.target.end.max(y.target.end) - x.target.start.min(y.target.start);
                (j, inter as f64 / union.max(1) as f64)
            })
            .filter(|(_, overlap)| *overlap > 0.5)
            .max_by(|p, q| p.1.total_cmp(&q.1));
        if let Some((j, _)) = best {
            used[j] = true;
            pairs.push((i, j));
        }
    }
    pairs
}

/// Two reviewers' verdicts on the same claim (matched by span).
pub struct Pair<'a> {
    pub article: &'a str,
    pub quote: &'a str,
    pub start: usize,
    pub a: Verdict,
    pub b: Verdict,
}

/// Claims of two annotation files matched by span, with the counts of
/// claims found on one side only.
pub fn matched<'a>(
    article: &'a str,
    a: &'a [Annotation],
    b: &'a [Annotation],
) -> (Vec<Pair<'a>>, usize, usize) {
    let claims = |x: &[Annotation]| x.iter().filter(|c| c.kind == AnnotationKind::Claim).count();
    let pairs: Vec<Pair> = match_claims(a, b)
        .into_iter()
        .map(|(i, j)| Pair {
            article,
            quote: &a[i].target.exact,
            start: a[i].target.start,
            a: a[i].verdict,
            b: b[j].verdict,
        })
        .collect();
    let n = pairs.len();
    (pairs, claims(a) - n, claims(b) - n)
}

/// Cohen's kappa over paired categorical judgements.
pub fn cohens_kappa(pairs: &[(Verdict, Verdict)]) -> Option<f64> {
    let n = pairs.len() as f64;
    if pairs.is_empty() {
        return None;
    }
    let observed = pairs.iter().filter(|(a, b)| a == b).count() as f64 / n;
    let expected: f64 = Verdict::ALL
        .iter()
        .map(|v| {
            let pa = pairs.iter().filter(|(a, _)| a == v).count() as f64 / n;
            let pb = pairs.iter().filter(|(_, b)| b == v).count() as f64 / n;
            pa * pb
        })
        .sum();
    Some(if (1.0 - expected).abs() < 1e-12 {
        1.0
    } else {
        (observed - expected) / (1.0 - expected)
    })
}

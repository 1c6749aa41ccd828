//! Three-way merge of annotation files by annotation id.
//!
//! `base` is the file as this side last saw it on disk, `ours` what this side
//! holds now, `theirs` what is on disk now. Nothing is ever lost: when both
//! sides changed one annotation the newer `updated` wins and the other
//! version is kept in its history; an edit beats a deletion.

use super::model::{Annotation, AnnotationFile, HistoryEntry};
use std::collections::{BTreeMap, HashMap};

/// Whether two versions differ in anything the user made.
fn same(a: &Annotation, b: &Annotation) -> bool {
    a.kind == b.kind
        && a.target == b.target
        && a.verdict == b.verdict
        && a.note == b.note
        && a.evidence == b.evidence
        && a.history == b.history
        && a.updated == b.updated
}

fn merge_history(a: &[HistoryEntry], b: &[HistoryEntry]) -> Vec<HistoryEntry> {
    let mut all: Vec<HistoryEntry> = a.to_vec();
    for e in b {
        if !all.contains(e) {
            all.push(e.clone());
        }
    }
    all.sort_by(|x, y| x.at.cmp(&y.at));
    all
}

/// Both sides changed one annotation: the newer wins, the other is remembered.
fn resolve(ours: &Annotation, theirs: &Annotation) -> Annotation {
    let (winner, loser) = if theirs.updated > ours.updated {
        (theirs, ours)
    } else {
        (ours, theirs)
    };
    let mut merged = winner.clone();
    merged.history = merge_history(&ours.history, &theirs.history);
    let lost = HistoryEntry {
        at: loser.updated.clone(),
        by: loser.reviewer.clone(),
        verdict: loser.verdict,
        note: loser.note.clone(),
        change: "merged".into(),
    };
    if (loser.verdict, &loser.note) != (winner.verdict, &winner.note)
        && !merged.history.contains(&lost)
    {
        merged.history.push(lost);
        merged.history.sort_by(|x, y| x.at.cmp(&y.at));
    }
    for e in &loser.evidence {
        if !merged.evidence.contains(e) {
            merged.evidence.push(e.clone());
        }
    }
    merged
}

pub fn merge(
    base: Option<&AnnotationFile>,
    ours: &AnnotationFile,
    theirs: &AnnotationFile,
) -> AnnotationFile {
    let base: HashMap<&str, &Annotation> = base
        .map(|b| b.annotations.iter().map(|a| (a.id.as_str(), a)).collect())
        .unwrap_or_default();
    let ours_by: BTreeMap<&str, &Annotation> = ours
        .annotations
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    let theirs_by: BTreeMap<&str, &Annotation> = theirs
        .annotations
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    let mut out = Vec::new();
    for (id, o) in &ours_by {
        match (theirs_by.get(id), base.get(id)) {
            (Some(t), _) if same(o, t) => out.push((*o).clone()),
            (Some(t), Some(b)) if same(o, b) => out.push((*t).clone()),
            (Some(t), Some(b)) if same(t, b) => out.push((*o).clone()),
            (Some(t), _) => out.push(resolve(o, t)),
            // They deleted it: gone, unless we changed it since.
            (None, Some(b)) if same(o, b) => {}
            (None, _) => out.push((*o).clone()),
        }
    }
    for (id, t) in &theirs_by {
        if ours_by.contains_key(id) {
            continue;
        }
        match base.get(id) {
            // We deleted it: gone, unless they changed it since.
            Some(b) if same(t, b) => {}
            _ => out.push((*t).clone()),
        }
    }
    // Both sides created an annotation of the same kind on the same text:
    // one change made twice, kept once (the newer, with both histories).
    let mut folded: Vec<Annotation> = Vec::with_capacity(out.len());
    for a in out {
        let new = !base.contains_key(a.id.as_str());
        let twin = folded.iter_mut().find(|b| {
            new && !base.contains_key(b.id.as_str())
                && b.kind == a.kind
                && b.target == a.target
                && b.id != a.id
        });
        match twin {
            Some(b) => *b = resolve(b, &a),
            None => folded.push(a),
        }
    }
    let mut file = AnnotationFile {
        annotations: folded,
        ..ours.clone()
    };
    file.sort();
    file
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::model::*;

    fn ann(id: &str, verdict: Verdict, updated: &str) -> Annotation {
        Annotation {
            id: id.into(),
            kind: Kind::Claim,
            target: Target {
                start: 0,
                end: 1,
                exact: "x".into(),
                prefix: String::new(),
                suffix: String::new(),
            },
            verdict,
            note: String::new(),
            evidence: Vec::new(),
            reviewer: "r".into(),
            created: "2026-01-01T00:00:00Z".into(),
            updated: updated.into(),
            history: Vec::new(),
            anchor: AnchorState::Exact,
        }
    }

    fn file(anns: Vec<Annotation>) -> AnnotationFile {
        let mut f = AnnotationFile::new("a.txt", "h", "t");
        f.annotations = anns;
        f
    }

    #[test]
    fn changes_to_different_annotations_both_survive() {
        let base = file(vec![
            ann("a", Verdict::Unreviewed, "1"),
            ann("b", Verdict::Unreviewed, "1"),
        ]);
        let ours = file(vec![
            ann("a", Verdict::True, "2"),
            ann("b", Verdict::Unreviewed, "1"),
            ann("c", Verdict::False, "2"),
        ]);
        let theirs = file(vec![
            ann("a", Verdict::Unreviewed, "1"),
            ann("b", Verdict::Disputed, "3"),
        ]);
        let m = merge(Some(&base), &ours, &theirs);
        let got: Vec<(&str, Verdict)> = m
            .annotations
            .iter()
            .map(|a| (a.id.as_str(), a.verdict))
            .collect();
        assert_eq!(
            got,
            vec![
                ("a", Verdict::True),
                ("b", Verdict::Disputed),
                ("c", Verdict::False)
            ]
        );
    }

    #[test]
    fn the_newer_change_wins_and_the_other_stays_in_history() {
        let base = file(vec![ann("a", Verdict::Unreviewed, "1")]);
        let ours = file(vec![ann("a", Verdict::True, "2")]);
        let theirs = file(vec![ann("a", Verdict::False, "3")]);
        let m = merge(Some(&base), &ours, &theirs);
        assert_eq!(m.annotations[0].verdict, Verdict::False);
        assert_eq!(
            m.annotations[0].history.last().map(|h| h.verdict),
            Some(Verdict::True)
        );
    }

    #[test]
    fn deletions_apply_unless_the_other_side_edited() {
        let base = file(vec![
            ann("a", Verdict::Unreviewed, "1"),
            ann("b", Verdict::Unreviewed, "1"),
        ]);
        let ours = file(vec![ann("b", Verdict::Unreviewed, "1")]); // we deleted a
        let theirs = file(vec![
            ann("a", Verdict::Unreviewed, "1"),
            ann("b", Verdict::True, "2"),
        ]);
        let m = merge(Some(&base), &ours, &theirs);
        assert_eq!(
            m.annotations
                .iter()
                .map(|a| a.id.as_str())
                .collect::<Vec<_>>(),
            vec!["b"]
        );
        let theirs = file(vec![
            ann("a", Verdict::False, "2"),
            ann("b", Verdict::Unreviewed, "1"),
        ]);
        let m = merge(Some(&base), &ours, &theirs);
        assert!(
            m.annotations
                .iter()
                .any(|a| a.id == "a" && a.verdict == Verdict::False),
            "an edit beats a deletion"
        );
    }

    #[test]
    fn the_same_claim_created_on_both_sides_is_kept_once() {
        let base = file(vec![]);
        let ours = file(vec![ann("ours-id", Verdict::True, "2")]);
        let theirs = file(vec![ann("their-id", Verdict::False, "3")]);
        let m = merge(Some(&base), &ours, &theirs);
        assert_eq!(m.annotations.len(), 1);
        assert_eq!(
            (m.annotations[0].id.as_str(), m.annotations[0].verdict),
            ("their-id", Verdict::False)
        );
        assert_eq!(
            m.annotations[0].history.last().map(|h| h.verdict),
            Some(Verdict::True),
            "the other verdict stays in history"
        );
    }

    #[test]
    fn merging_identical_sides_changes_nothing() {
        let f = file(vec![ann("a", Verdict::True, "2")]);
        assert_eq!(merge(None, &f, &f), f);
        assert_eq!(merge(Some(&f), &f, &f), f);
    }
}

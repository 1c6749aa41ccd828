use super::*;
use crate::store::model::*;

fn ann(id: &str, verdict: Verdict, updated: &str) -> Annotation {
    Annotation {
        id: id.into(),
        kind: AnnotationKind::Claim,
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
        publishing: Default::default(),
        reviewer: "r".into(),
        created: updated.into(),
        updated: updated.into(),
        history: Vec::new(),
        aliases: Vec::new(),
        anchor: AnchorState::Exact,
    }
}

fn at(mut a: Annotation, start: usize) -> Annotation {
    a.target.start = start;
    a.target.end = start + 1;
    a
}

fn file(anns: Vec<Annotation>) -> AnnotationFile {
    let mut f = AnnotationFile::new("a.txt", "h", "t");
    f.annotations = anns;
    f
}

fn ids_and_verdicts(f: &AnnotationFile) -> Vec<(&str, Verdict)> {
    f.annotations
        .iter()
        .map(|a| (a.id.as_str(), a.verdict))
        .collect()
}

#[test]
fn changes_to_different_annotations_both_survive() {
    let base = file(vec![
        ann("a", Verdict::Unreviewed, "1"),
        at(ann("b", Verdict::Unreviewed, "1"), 5),
    ]);
    let ours = file(vec![
        ann("a", Verdict::True, "2"),
        at(ann("b", Verdict::Unreviewed, "1"), 5),
        at(ann("c", Verdict::False, "2"), 9),
    ]);
    let theirs = file(vec![
        ann("a", Verdict::Unreviewed, "1"),
        at(ann("b", Verdict::Disputed, "3"), 5),
    ]);
    let m = merge(Some(&base), &ours, &theirs);
    assert_eq!(
        ids_and_verdicts(&m.file),
        vec![
            ("a", Verdict::True),
            ("b", Verdict::Disputed),
            ("c", Verdict::False)
        ]
    );
    assert!(m.conflicts.is_empty());
}

#[test]
fn the_newer_change_to_one_field_wins_the_other_stays_in_history_and_is_reported() {
    let base = file(vec![ann("a", Verdict::Unreviewed, "1")]);
    let ours = file(vec![ann("a", Verdict::True, "2")]);
    let theirs = file(vec![ann("a", Verdict::False, "3")]);
    let m = merge(Some(&base), &ours, &theirs);
    assert_eq!(m.file.annotations[0].verdict, Verdict::False);
    assert_eq!(
        m.file.annotations[0].history.last().map(|h| h.verdict),
        Some(Verdict::True)
    );
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(
        (c.field, c.kept.as_str(), c.other.as_str(), c.ours_kept),
        (ConflictField::Verdict, "false", "true", false)
    );
    assert!(
        describe(c).contains("to \"false\" after you"),
        "{}",
        describe(c)
    );
}

#[test]
fn a_note_from_one_side_and_a_verdict_from_the_other_both_survive() {
    // A marks true, opens the editor; B marks false; A closes the editor.
    let base = file(vec![ann("a", Verdict::True, "1")]);
    let mut ours = ann("a", Verdict::True, "3");
    ours.note = "Figure from the court papers.".into();
    let theirs = file(vec![ann("a", Verdict::False, "2")]);
    let m = merge(Some(&base), &file(vec![ours]), &theirs);
    let a = &m.file.annotations[0];
    assert_eq!(
        a.verdict,
        Verdict::False,
        "B's confirmed verdict is not reverted"
    );
    assert_eq!(a.note, "Figure from the court papers.");
    assert!(m.conflicts.is_empty());
}

#[test]
fn publishing_fields_merge_one_by_one_and_a_clash_is_reported() {
    let base = file(vec![ann("a", Verdict::False, "1")]);
    let mut ours = ann("a", Verdict::False, "2");
    ours.publishing.summary = "Police seized 28 tons".into();
    ours.publishing.claimant = "the minister".into();
    let mut theirs = ann("a", Verdict::False, "3");
    theirs.publishing.factcheck_url = "https://fc.example/1".into();
    theirs.publishing.claimant = "the police".into();
    let m = merge(Some(&base), &file(vec![ours]), &file(vec![theirs]));
    let p = &m.file.annotations[0].publishing;
    assert_eq!(p.summary, "Police seized 28 tons", "only ours set it");
    assert_eq!(
        p.factcheck_url, "https://fc.example/1",
        "only theirs set it"
    );
    assert_eq!(p.claimant, "the police", "both set it: the newer wins");
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].field, ConflictField::Publishing);
    assert_eq!(m.conflicts[0].other, "claimant: the minister");
}

#[test]
fn evidence_merges_three_ways() {
    let e = |r: &str| Evidence {
        reference: r.into(),
        excerpt: String::new(),
        stance: Stance::Supports,
    };
    let mut b = ann("a", Verdict::True, "1");
    b.evidence = vec![e("https://x/1"), e("https://x/2")];
    let mut o = b.clone();
    o.updated = "2".into();
    o.evidence = vec![e("https://x/1"), e("https://x/3")]; // removed 2, added 3
    let mut t = b.clone();
    t.updated = "3".into();
    t.evidence.push(e("https://x/4"));
    let m = merge(Some(&file(vec![b])), &file(vec![o]), &file(vec![t]));
    let refs: Vec<&str> = m.file.annotations[0]
        .evidence
        .iter()
        .map(|e| e.reference.as_str())
        .collect();
    assert_eq!(refs, vec!["https://x/1", "https://x/3", "https://x/4"]);
}

#[test]
fn deletions_apply_unless_the_other_side_edited() {
    let base = file(vec![
        ann("a", Verdict::Unreviewed, "1"),
        at(ann("b", Verdict::Unreviewed, "1"), 5),
    ]);
    let ours = file(vec![at(ann("b", Verdict::Unreviewed, "1"), 5)]); // we deleted a
    let theirs = file(vec![
        ann("a", Verdict::Unreviewed, "1"),
        at(ann("b", Verdict::True, "2"), 5),
    ]);
    let m = merge(Some(&base), &ours, &theirs);
    assert_eq!(ids_and_verdicts(&m.file), vec![("b", Verdict::True)]);
    let theirs = file(vec![
        ann("a", Verdict::False, "2"),
        at(ann("b", Verdict::Unreviewed, "1"), 5),
    ]);
    let m = merge(Some(&base), &ours, &theirs);
    assert!(
        m.file
            .annotations
            .iter()
            .any(|a| a.id == "a" && a.verdict == Verdict::False),
        "an edit beats a deletion"
    );
}

#[test]
fn the_same_claim_created_on_both_sides_is_kept_once_under_both_ids() {
    let base = file(vec![]);
    let ours = file(vec![ann("ours-id", Verdict::True, "2")]);
    let theirs = file(vec![ann("their-id", Verdict::False, "3")]);
    let m = merge(Some(&base), &ours, &theirs);
    assert_eq!(m.file.annotations.len(), 1);
    let a = &m.file.annotations[0];
    // The older keeps its id; the newer verdict wins.
    assert_eq!((a.id.as_str(), a.verdict), ("ours-id", Verdict::False));
    assert_eq!(a.aliases, vec!["their-id".to_string()]);
    assert!(
        m.file.get("their-id").is_some(),
        "the other id still resolves"
    );
    assert_eq!(
        a.history.last().map(|h| h.verdict),
        Some(Verdict::True),
        "the other verdict stays in history"
    );
    // Both orders give the same file: two racing instances converge.
    let back = merge(Some(&base), &theirs, &ours);
    assert_eq!(back.file.annotations, m.file.annotations);
}

#[test]
fn a_claim_folded_away_by_the_other_instance_is_not_resurrected_beside_it() {
    // A marks X true and saves. B (which had not seen X) marks the same
    // sentence disputed as Y: B's save folds them. A then marks X false.
    let x1 = ann("x", Verdict::True, "1");
    let y = ann("y", Verdict::Disputed, "2");
    let after_b = merge(Some(&file(vec![])), &file(vec![y]), &file(vec![x1.clone()])).file;
    assert_eq!(after_b.annotations.len(), 1);
    let mut x3 = x1.clone();
    x3.verdict = Verdict::False;
    x3.updated = "3".into();
    let m = merge(Some(&file(vec![x1])), &file(vec![x3]), &after_b);
    assert_eq!(ids_and_verdicts(&m.file), vec![("x", Verdict::False)]);
    assert_eq!(m.file.annotations[0].aliases, vec!["y".to_string()]);
    // B said disputed, A false, both since A's base: A, saving second, is told.
    let c = &m.conflicts[0];
    assert_eq!(
        (c.kept.as_str(), c.other.as_str(), c.ours_kept),
        ("false", "disputed", true)
    );
}

#[test]
fn twins_made_without_a_common_base_report_the_verdict_conflict() {
    let x = ann("x", Verdict::True, "1");
    let mut x3 = x.clone();
    x3.verdict = Verdict::False;
    x3.updated = "3".into();
    // A's base still has x; disk has y (made by B, who never saw x).
    let theirs = file(vec![ann("y", Verdict::Disputed, "2")]);
    let m = merge(Some(&file(vec![x])), &file(vec![x3]), &theirs);
    assert_eq!(ids_and_verdicts(&m.file), vec![("x", Verdict::False)]);
    assert!(m.file.get("y").is_some());
    let c = &m.conflicts[0];
    assert_eq!(
        (c.field, c.kept.as_str(), c.other.as_str(), c.ours_kept),
        (ConflictField::Verdict, "false", "disputed", true)
    );
}

#[test]
fn twins_are_listed_for_check() {
    let f = file(vec![
        ann("a", Verdict::True, "1"),
        ann("b", Verdict::False, "2"),
    ]);
    assert_eq!(twins(&f).len(), 1);
    assert!(twins(&file(vec![ann("a", Verdict::True, "1")])).is_empty());
}

#[test]
fn merging_identical_sides_changes_nothing() {
    let f = file(vec![ann("a", Verdict::True, "2")]);
    assert_eq!(merge(None, &f, &f).file, f);
    assert_eq!(merge(Some(&f), &f, &f).file, f);
}

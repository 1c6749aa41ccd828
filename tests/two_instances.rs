//! Two claimdesk instances on one corpus, as two fact-checkers at one desk:
//! neither loses or reverts what the other confirmed.

mod common;

use claimdesk::app::state::{SaveStatus, State};
use claimdesk::store::{AnnotationKind, Verdict};
use common::*;

fn claims(s: &State) -> Vec<(usize, Verdict)> {
    s.annotations[0]
        .file
        .annotations
        .iter()
        .filter(|a| a.kind == AnnotationKind::Claim)
        .map(|a| (a.target.start, a.verdict))
        .collect()
}

/// Two instances (A, B) on a fresh copy of the seeds, telling ids apart.
fn two_instances() -> (tempfile::TempDir, State, State) {
    let dir = temp_seeds();
    let corpus = dir.path().join("seeds");
    let a = instance(&corpus, (120, 40), 1);
    let b = instance(&corpus, (120, 40), 2);
    (dir, a, b)
}

fn on_disk(dir: &std::path::Path) -> claimdesk::store::AnnotationFile {
    let text = std::fs::read_to_string(dir.join("annotations/000_b4c1e1b9b05d5c34.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn two_instances_marking_one_sentence_leave_one_claim() {
    let (dir, mut a, mut b) = two_instances();
    press(&mut a, "jt");
    press(&mut b, "jd");
    press(&mut a, "f");
    assert_eq!(a.save_status, SaveStatus::Saved);
    let file = on_disk(dir.path());
    let on_span: Vec<_> = file
        .annotations
        .iter()
        .filter(|x| x.kind == AnnotationKind::Claim)
        .collect();
    assert_eq!(on_span.len(), 1, "one claim on the sentence: {on_span:#?}");
    assert_eq!(on_span[0].verdict, Verdict::False, "A's last verdict");
    assert_eq!(on_span[0].aliases.len(), 1, "B's id still resolves");
    assert!(
        on_span[0]
            .history
            .iter()
            .any(|h| h.verdict == Verdict::Disputed),
        "B's verdict is in the history"
    );
    assert_eq!(claims(&a).len(), 1, "A's sidebar shows one claim");
    // B picks the merged file up when it reopens the article, and shows one claim.
    press(&mut b, "<tab><tab>j<enter><s-tab>k<enter>");
    assert_eq!(claims(&b), claims(&a));
    let out = claimdesk_ok(dir.path(), &["check", "seeds"]);
    assert!(out.contains("all clean"), "{out}");
}

#[test]
fn a_note_saved_from_an_open_editor_keeps_the_other_instances_verdict() {
    let (dir, mut a, mut b) = two_instances();
    press(&mut a, "jt");
    // B opens the article after A's save, so it sees A's claim.
    press(&mut b, "<tab><tab>j<enter><s-tab>k<enter>j");
    press(&mut a, "aSource: court papers.");
    press(&mut b, "f");
    assert_eq!(b.message.as_deref(), Some("Marked false."));
    press(&mut a, "<esc>");
    let file = on_disk(dir.path());
    assert_eq!(file.annotations.len(), 1, "{:#?}", file.annotations);
    let x = &file.annotations[0];
    assert_eq!(x.verdict, Verdict::False, "B's confirmed verdict stands");
    assert_eq!(x.note, "Source: court papers.", "A's note is kept");
    assert_eq!(a.annotations[0].file.annotations[0].verdict, Verdict::False);
}

#[test]
fn a_true_conflict_on_one_field_is_told_to_the_one_who_saves_second() {
    let (dir, mut a, mut b) = two_instances();
    press(&mut a, "jt");
    press(&mut b, "<tab><tab>j<enter><s-tab>k<enter>j");
    press(&mut b, "f");
    press(&mut a, "d");
    let msg = a.message.clone().unwrap_or_default();
    assert!(
        msg.starts_with("Another claimdesk also changed the verdict of")
            && msg.contains("\"false\"")
            && msg.contains("\"disputed\""),
        "{msg}"
    );
    let file = on_disk(dir.path());
    assert_eq!(file.annotations.len(), 1);
    assert!(
        file.annotations[0].history.iter().any(
            |h| h.verdict == Verdict::False && h.change == claimdesk::store::ChangeKind::Merged
        )
    );
}

#[test]
fn an_instance_that_annotated_nothing_takes_the_others_file_as_written() {
    let (dir, mut a, mut b) = two_instances();
    press(&mut a, "jt");
    // B made nothing on the article: its file is still unsaved, with no
    // article reference, when it picks A's up on reopening the article.
    assert!(b.annotations[0].file.article.path.is_empty());
    press(&mut b, "<tab><tab>j<enter><s-tab>k<enter>");
    let disk = on_disk(dir.path());
    assert_eq!(b.annotations[0].file.article, disk.article);
    assert_eq!(
        b.annotations[0].file.article.sha256,
        b.corpus.articles[0].sha256
    );
    assert_eq!(claims(&b), claims(&a));
    let states: Vec<_> = b.annotations[0]
        .file
        .annotations
        .iter()
        .map(|x| x.anchor)
        .collect();
    assert_eq!(states, [claimdesk::store::AnchorState::Exact]);
    let out = claimdesk_ok(dir.path(), &["check", "seeds"]);
    assert!(out.contains("all clean"), "{out}");
}

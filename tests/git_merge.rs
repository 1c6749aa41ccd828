//! Annotation files travel over git: the merge driver merges by annotation id.

mod common;

use common::*;
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn repo() -> tempfile::TempDir {
    let dir = temp_seeds();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    std::fs::write(
        d.join(".gitattributes"),
        "annotations/*.json merge=claimdesk\n",
    )
    .unwrap();
    let driver = format!("{} merge-file %O %A %B", env!("CARGO_BIN_EXE_claimdesk"));
    git(d, &["config", "merge.claimdesk.driver", &driver]);
    git(
        d,
        &["config", "merge.claimdesk.name", "claimdesk annotations"],
    );
    // The base: one disputed claim.
    let mut s = state_for(&d.join("seeds"), (80, 24));
    press(&mut s, "jd");
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "base"]);
    dir
}

fn annotations(d: &Path) -> claimdesk::store::AnnotationFile {
    let text = std::fs::read_to_string(d.join("annotations/000_b4c1e1b9b05d5c34.json")).unwrap();
    assert!(!text.contains("<<<<<<<"), "no conflict markers:\n{text}");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn two_branches_annotating_one_article_merge_into_the_union() {
    let dir = repo();
    let d = dir.path();
    git(d, &["checkout", "-q", "-b", "alice"]);
    press(&mut state_for(&d.join("seeds"), (80, 24)), "jjt");
    git(d, &["commit", "-q", "-am", "alice marks a claim true"]);
    git(d, &["checkout", "-q", "main"]);
    let mut bob = state_for(&d.join("seeds"), (80, 24));
    press(&mut bob, "jjjfjaBob's note.<esc>");
    git(
        d,
        &[
            "commit",
            "-q",
            "-am",
            "bob marks another false and adds a note",
        ],
    );
    git(d, &["merge", "-q", "--no-edit", "alice"]);
    let merged = annotations(d);
    let verdicts: Vec<&str> = merged
        .annotations
        .iter()
        .map(|a| a.verdict.name())
        .collect();
    assert_eq!(
        verdicts,
        vec!["disputed", "true", "false", "unreviewed"],
        "{merged:#?}"
    );
    assert!(merged.annotations.iter().any(|a| a.note == "Bob's note."));
    // The result is the canonical pretty JSON claimdesk writes.
    let text = std::fs::read_to_string(d.join("annotations/000_b4c1e1b9b05d5c34.json")).unwrap();
    assert_eq!(text, merged.to_json());
    let check = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(["check", "seeds"])
        .current_dir(d)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn the_same_change_on_both_sides_is_one_change_and_the_later_edit_wins() {
    let dir = repo();
    let d = dir.path();
    git(d, &["checkout", "-q", "-b", "alice"]);
    press(&mut state_for(&d.join("seeds"), (80, 24)), "jfjjt");
    git(d, &["commit", "-q", "-am", "alice: false, and a new claim"]);
    git(d, &["checkout", "-q", "main"]);
    press(&mut state_for(&d.join("seeds"), (80, 24)), "jfjjt");
    git(d, &["commit", "-q", "-am", "bob: the same"]);
    git(d, &["merge", "-q", "--no-edit", "alice"]);
    let merged = annotations(d);
    assert_eq!(merged.annotations.len(), 2, "{merged:#?}");
    assert_eq!(merged.annotations[0].verdict.name(), "false");
    assert_eq!(merged.annotations[1].verdict.name(), "true");
}

#[test]
fn files_of_different_articles_are_a_true_conflict_marked_for_check() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = claimdesk::store::AnnotationFile::new("a.txt", "x", "A");
    let b = claimdesk::store::AnnotationFile::new("b.txt", "y", "B");
    std::fs::write(d.join("ours.json"), a.to_json()).unwrap();
    std::fs::write(d.join("theirs.json"), b.to_json()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(["merge-file", "base.json", "ours.json", "theirs.json"])
        .current_dir(d)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let text = std::fs::read_to_string(d.join("ours.json")).unwrap();
    assert!(
        text.starts_with("<<<<<<< ours\n")
            && text.contains("=======\n")
            && text.ends_with(">>>>>>> theirs\n")
    );
    let problem = claimdesk::store::files::load(&d.join("ours.json"), "a.txt").unwrap_err();
    assert!(
        problem
            .0
            .ends_with("has unresolved merge conflict markers."),
        "{problem}"
    );
}

#[test]
fn a_claim_both_branches_created_keeps_both_ids_for_the_evidence_that_names_them() {
    let dir = repo();
    let d = dir.path();
    let article = "000_b4c1e1b9b05d5c34.txt";
    // Each side marks the same sentence (different ids), then cites it as
    // evidence from another claim.
    let side = |branch: &str, salt: u64, keys: &str| -> String {
        git(d, &["checkout", "-q", branch]);
        let mut s = instance(&d.join("seeds"), (80, 24), salt);
        press(&mut s, "jjt");
        let id = s.annotations[0]
            .file
            .annotations
            .iter()
            .find(|a| a.verdict.name() == "true")
            .unwrap()
            .id
            .clone();
        press(&mut s, &format!("{keys}e{article}#{id}<enter>"));
        git(d, &["commit", "-q", "-am", branch]);
        id
    };
    git(d, &["branch", "alice"]);
    let bob_id = side("main", 11, "jjd");
    let alice_id = side("alice", 22, "jjjf");
    assert_ne!(alice_id, bob_id);
    git(d, &["checkout", "-q", "main"]);
    git(d, &["merge", "-q", "--no-edit", "alice"]);
    let merged = annotations(d);
    let trues: Vec<_> = merged
        .annotations
        .iter()
        .filter(|a| a.verdict.name() == "true")
        .collect();
    assert_eq!(trues.len(), 1, "one claim: {merged:#?}");
    for id in [&alice_id, &bob_id] {
        assert!(trues[0].answers_to(id), "{id} still names it");
        assert_eq!(merged.get(id).map(|a| &a.id), Some(&trues[0].id));
    }
    let cited: Vec<&str> = merged
        .annotations
        .iter()
        .flat_map(|a| &a.evidence)
        .map(|e| e.reference.as_str())
        .collect();
    assert_eq!(cited.len(), 2, "{cited:?}");
    let check = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(["check", "seeds"])
        .current_dir(d)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "{report}");
    assert!(!report.contains("points at"), "{report}");
}

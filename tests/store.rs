//! Verdicts reach disk and come back; bad files are reported and never overwritten.

mod common;

use claimdesk::app::state::SaveStatus;
use claimdesk::store::{self, AnchorState, AnnotationKind, Stance, Verdict};
use common::*;
use std::path::Path;

fn annotation_file(dir: &Path, article: &str) -> std::path::PathBuf {
    dir.join("annotations")
        .join(article.replace(".txt", ".json"))
}

#[test]
fn a_verdict_and_note_survive_a_restart() {
    let dir = temp_seeds();
    let corpus = dir.path().join("seeds");
    let mut s = state_for(&corpus, (80, 24));
    press(&mut s, "jdaStreet value differs.<esc>");
    assert_eq!(s.save_status, SaveStatus::Saved);
    let path = annotation_file(dir.path(), "000_b4c1e1b9b05d5c34.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(text.ends_with("}\n"), "trailing newline");
    assert_eq!(json["format"], "claimdesk-annotations");
    assert_eq!(json["version"], 2);
    assert_eq!(json["article"]["sha256"], s.corpus.articles[0].sha256.hex());
    let a = &json["annotations"][0];
    assert_eq!(a["verdict"], "disputed");
    assert_eq!(a["note"], "Street value differs.");
    assert_eq!(
        (a["target"]["start"].as_u64(), a["target"]["end"].as_u64()),
        (Some(82), Some(221))
    );
    assert_eq!(a["target"]["prefix"].as_str().unwrap().chars().count(), 32);
    assert_eq!(a["reviewer"], "tester");
    assert_eq!(a["created"], "2026-11-23T10:00:00Z");
    // Keys in the documented order, so diffs stay small.
    let keys: Vec<&str> = a.as_object().unwrap().keys().map(String::as_str).collect();
    assert!(
        text.find("\"id\"").unwrap() < text.find("\"kind\"").unwrap()
            && text.find("\"kind\"").unwrap() < text.find("\"target\"").unwrap(),
        "{keys:?}"
    );

    let again = state_for(&corpus, (80, 24));
    let ann = &again.annotations[0].file.annotations[0];
    assert_eq!(
        (ann.verdict, ann.note.as_str(), ann.anchor),
        (
            Verdict::Disputed,
            "Street value differs.",
            AnchorState::Exact
        )
    );
    assert!(
        render(&again).contains("┃D Police in Belgium has seized 28 tons"),
        "{}",
        render(&again)
    );
}

#[test]
fn the_released_v1_fixture_still_loads() {
    let dir = temp_seeds();
    let to = dir.path().join("annotations");
    std::fs::create_dir_all(&to).unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1/000_b4c1e1b9b05d5c34.json");
    std::fs::copy(&fixture, to.join("000_b4c1e1b9b05d5c34.json")).unwrap();
    let s = state_for(&dir.path().join("seeds"), (80, 24));
    let ann = &s.annotations[0];
    assert!(ann.problem.is_none(), "{:?}", ann.problem);
    let claim = &ann.file.annotations[0];
    assert_eq!(claim.verdict, Verdict::Disputed);
    assert_eq!(claim.evidence[0].stance, Stance::Refutes);
    assert_eq!(
        claim.evidence[1].reference,
        "001_c536a8e3396972ad.txt#5d1e0c2a9b7f3e41"
    );
    assert_eq!(claim.history[0].verdict, Verdict::True);
    assert_eq!(ann.file.annotations[1].kind, AnnotationKind::Dismissed);
    assert!(
        ann.file
            .annotations
            .iter()
            .all(|a| a.anchor == AnchorState::Exact)
    );
    // Saving fills in defaulted fields once; after that the bytes are stable.
    let rewritten = ann.file.to_json();
    let reloaded: store::AnnotationFile = serde_json::from_str(&rewritten).unwrap();
    assert_eq!(reloaded.to_json(), rewritten);
    let fixture_text = std::fs::read_to_string(&fixture).unwrap();
    let first_claim = &fixture_text[fixture_text.find("    {\n      \"id\": \"95cc").unwrap()
        ..fixture_text.find("    {\n      \"id\": \"a1b2").unwrap()];
    assert!(
        rewritten.contains(first_claim),
        "a complete claim is written back byte for byte"
    );
}

#[test]
fn version_1_migrates_to_version_2_as_read_and_version_2_loads_its_publishing_fields() {
    let dir = temp_seeds();
    let to = dir.path().join("annotations");
    std::fs::create_dir_all(&to).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    std::fs::copy(
        fixtures.join("v1/000_b4c1e1b9b05d5c34.json"),
        to.join("000_b4c1e1b9b05d5c34.json"),
    )
    .unwrap();
    let mut s = state_for(&dir.path().join("seeds"), (80, 24));
    assert_eq!(s.annotations[0].file.version, 2, "migrated as read");
    assert!(s.annotations[0].file.annotations[0].publishing.is_empty());
    // The next save writes version 2; nothing of version 1 is lost.
    press(&mut s, "jt");
    let saved = std::fs::read_to_string(to.join("000_b4c1e1b9b05d5c34.json")).unwrap();
    assert!(saved.contains("\"version\": 2"), "{saved}");
    assert!(saved.contains("\"ref\": \"001_c536a8e3396972ad.txt#5d1e0c2a9b7f3e41\""));

    std::fs::copy(
        fixtures.join("v2/000_b4c1e1b9b05d5c34.json"),
        to.join("000_b4c1e1b9b05d5c34.json"),
    )
    .unwrap();
    let s = state_for(&dir.path().join("seeds"), (80, 24));
    let ann = &s.annotations[0];
    assert!(ann.problem.is_none(), "{:?}", ann.problem);
    let p = &ann.file.annotations[0].publishing;
    assert_eq!(p.summary, "Belgian police seized 28 tons of cocaine");
    assert_eq!(p.claimant, "Belgian federal police");
    assert_eq!(p.said_on, "2021-03-10");
    assert_eq!(
        p.factcheck_url,
        "https://factcheck.example.org/checks/belgium-28-tons"
    );
    let fixture_text =
        std::fs::read_to_string(fixtures.join("v2/000_b4c1e1b9b05d5c34.json")).unwrap();
    assert_eq!(
        ann.file.to_json(),
        fixture_text,
        "version 2 is written back byte for byte"
    );
}

#[test]
fn a_corrupt_file_is_reported_never_overwritten_and_its_article_is_read_only() {
    let dir = temp_seeds();
    let to = dir.path().join("annotations");
    std::fs::create_dir_all(&to).unwrap();
    let path = to.join("000_b4c1e1b9b05d5c34.json");
    std::fs::write(
        &path,
        b"{\"format\": \"claimdesk-annotations\", \"version\": 1, oops",
    )
    .unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut s = state_for(&dir.path().join("seeds"), (80, 24));
    assert!(s.message.as_deref().unwrap().contains("is not valid JSON (line 1, column 51). That article is read-only until the file is fixed."), "{:?}", s.message);
    press(&mut s, "jd");
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .ends_with("Edits to this article are refused until it is fixed."),
        "{:?}",
        s.message
    );
    press(&mut s, "jaText<esc>jx");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the bad file is untouched"
    );
    // Other articles stay editable.
    press(&mut s, "<s-tab>j<enter>jd");
    assert_eq!(s.annotations[1].file.annotations.len(), 1);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn an_unknown_version_or_foreign_file_is_refused() {
    for (content, expect) in [
        (
            r#"{"format":"claimdesk-annotations","version":7,"article":{"path":"000_b4c1e1b9b05d5c34.txt","sha256":"x"},"annotations":[]}"#,
            "format version 7",
        ),
        (
            r#"{"format":"claimdesk-annotations","version":1,"article":{"path":"002_8a14194d074766fd.txt","sha256":"x"},"annotations":[]}"#,
            "belongs to article 002_8a14194d074766fd.txt",
        ),
        (
            r#"{"format":"claimdesk-annotations","version":1,"article":{"path":"000_b4c1e1b9b05d5c34.txt","sha256":"x"},"annotations":[
              {"id":"dup","kind":"claim","target":{"start":0,"end":5,"exact":"Belgi"}},
              {"id":"dup","kind":"claim","target":{"start":6,"end":9,"exact":"Pol"}}]}"#,
            "has the annotation id dup twice",
        ),
        (
            r#"{"format":"claimdesk-annotations","version":1,"article":{"path":"000_b4c1e1b9b05d5c34.txt","sha256":"7f3d88598ba7c14ecbfdad890dc20d0f13c84806eba434d2e043d98cd68875c6"},"annotations":[
              {"id":"far","kind":"claim","target":{"start":90000,"end":90010,"exact":"x"}}]}"#,
            "has annotation far at 90000..90010, outside the article's 3962 characters",
        ),
        (
            r#"["not", "an", "object"]"#,
            "is not a claimdesk annotation file",
        ),
    ] {
        let dir = temp_seeds();
        let to = dir.path().join("annotations");
        std::fs::create_dir_all(&to).unwrap();
        std::fs::write(to.join("000_b4c1e1b9b05d5c34.json"), content).unwrap();
        let mut s = state_for(&dir.path().join("seeds"), (80, 24));
        assert!(s.annotations[0].read_only());
        assert!(
            s.message.as_deref().unwrap().contains(expect),
            "{:?}",
            s.message
        );
        press(&mut s, "jd");
        assert_eq!(
            std::fs::read_to_string(to.join("000_b4c1e1b9b05d5c34.json")).unwrap(),
            content
        );
    }
}

#[test]
fn a_failing_save_keeps_edits_in_memory_and_asks_before_quitting() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (80, 24));
    // A directory where the annotation file must go: the save fails, even as root.
    let target = dir.path().join("annotations/000_b4c1e1b9b05d5c34.json");
    let blocker = target.clone();
    std::fs::create_dir_all(blocker.join("inside")).unwrap();
    press(&mut s, "jd");
    assert!(
        matches!(&s.save_status, SaveStatus::Failed(e) if e.contains("is not a regular file")),
        "{:?}",
        s.save_status
    );
    assert_eq!(
        s.annotations[0].file.annotations[0].verdict,
        Verdict::Disputed,
        "kept in memory"
    );
    assert!(render(&s).contains("NOT SAVED: "), "{}", render(&s));
    press(&mut s, "q");
    assert!(!s.quit, "asks first");
    assert!(render(&s).contains("could not be saved"));
    press(&mut s, "n");
    assert!(!s.quit);
    std::fs::remove_dir_all(&blocker).unwrap();
    press(&mut s, "f");
    assert_eq!(
        s.save_status,
        SaveStatus::Saved,
        "the next change saves everything"
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("\"false\"")
    );
    press(&mut s, "q");
    assert!(s.quit);
}

#[test]
#[cfg(unix)]
fn a_read_only_directory_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_seeds();
    let ann = dir.path().join("annotations");
    std::fs::create_dir_all(&ann).unwrap();
    std::fs::set_permissions(&ann, std::fs::Permissions::from_mode(0o500)).unwrap();
    if std::fs::write(ann.join("probe"), b"x").is_ok() {
        // Running as root: permissions are not enforced; the test above covers failing saves.
        return;
    }
    let mut s = state_for(&dir.path().join("seeds"), (80, 24));
    press(&mut s, "jd");
    assert!(
        matches!(&s.save_status, SaveStatus::Failed(e) if e.contains("permission denied")),
        "{:?}",
        s.save_status
    );
    std::fs::set_permissions(&ann, std::fs::Permissions::from_mode(0o700)).unwrap();
}

#[test]
fn moved_fuzzy_and_orphaned_annotations_are_reported_on_open() {
    let (_dir, again) = changed_article_state((160, 48));
    assert_eq!(
        again.message.as_deref(),
        Some(
            "Articles changed since they were annotated: 1 annotation(s) moved, 1 need confirming, 1 orphaned."
        )
    );
    let by_state = |st: AnchorState| {
        again.annotations[0]
            .file
            .annotations
            .iter()
            .find(|a| a.anchor == st)
            .unwrap()
    };
    let moved = by_state(AnchorState::Moved);
    assert_eq!(
        again.corpus.articles[0].slice(moved.target.start, moved.target.end),
        moved.target.exact
    );
    let fuzzy = by_state(AnchorState::Fuzzy);
    assert_eq!(
        again.corpus.articles[0].slice(fuzzy.target.start, fuzzy.target.end),
        "This is barely six weeks after the police made a record seizure of 27.64 tons of cocaine at the Port of Antwerp."
    );
    assert_eq!(fuzzy.verdict, Verdict::True);
    assert_eq!(by_state(AnchorState::Orphaned).verdict, Verdict::False);
    let mut again = again;
    press(&mut again, "<tab>G");
    let screen = render(&again);
    assert!(
        screen.contains("[F] orphaned: A record shipment worth"),
        "{screen}"
    );
}

/// Marks three claims, then edits the article: one moves, one needs
/// confirming, one is orphaned. Returns the reopened state.
fn changed_article_state(size: (u16, u16)) -> (tempfile::TempDir, claimdesk::app::State) {
    let dir = temp_seeds();
    let corpus = dir.path().join("seeds");
    let mut s = state_for(&corpus, (80, 24));
    press(&mut s, "jdjtjf");
    let file = corpus.join("000_b4c1e1b9b05d5c34.txt");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text
        .replacen("\n\n", "\n\nA correction was added here.\n\n", 1)
        .replace("This is barely after six weeks after police", "This is barely six weeks after the police")
        .replace("A record shipment worth 11 tons was shipped overnight from the 2nd to the 3rd of April according to a statement from the Belgian Federal Police on Monday. ", "");
    std::fs::write(&file, edited).unwrap();
    let again = state_for(&corpus, size);
    (dir, again)
}

#[test]
fn confirming_a_fuzzy_anchor_takes_the_new_quote_and_saves_it() {
    let (dir, mut s) = changed_article_state((160, 48));
    // The sidebar lists the fuzzy one; select it and confirm.
    press(&mut s, "<tab>");
    let idx = s.sidebar.iter().position(|i| match i {
        claimdesk::app::state::SidebarItem::Saved { id, .. } => {
            s.annotations[0].file.get(id).unwrap().anchor == AnchorState::Fuzzy
        }
        _ => false,
    });
    let idx = idx.expect("a fuzzy item in the sidebar");
    for _ in 0..idx {
        press(&mut s, "j");
    }
    press(&mut s, "y");
    assert_eq!(s.message.as_deref(), Some("Anchor confirmed."));
    let a = s.annotations[0]
        .file
        .annotations
        .iter()
        .find(|a| a.verdict == Verdict::True)
        .unwrap();
    assert_eq!(a.anchor, AnchorState::Exact);
    assert!(
        a.target
            .exact
            .starts_with("This is barely six weeks after the police")
    );
    assert_eq!(a.history.last().map(|h| h.change.name()), Some("confirm"));
    let disk =
        std::fs::read_to_string(dir.path().join("annotations/000_b4c1e1b9b05d5c34.json")).unwrap();
    assert!(disk.contains("This is barely six weeks after the police"));
    assert!(
        disk.contains(&s.corpus.articles[0].sha256.hex()),
        "the new sha256 is written back"
    );
}

#[test]
fn an_orphan_is_reattached_to_new_text_or_deleted_never_dropped() {
    let (_dir, mut s) = changed_article_state((160, 48));
    let orphan_id = s.annotations[0]
        .file
        .annotations
        .iter()
        .find(|a| a.anchor == AnchorState::Orphaned)
        .unwrap()
        .id
        .clone();
    press(&mut s, "<tab>G");
    assert!(matches!(
        s.sidebar.last(),
        Some(claimdesk::app::state::SidebarItem::Saved { orphaned: true, .. })
    ));
    press(&mut s, "m");
    assert_eq!(s.focus, claimdesk::app::state::Pane::Reader);
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .starts_with("Put the cursor on the new text")
    );
    // Attach it to "This illegal shipment was discovered…" instead.
    press(&mut s, "g");
    while !cursor_text(&s).starts_with("This illegal shipment") {
        press(&mut s, "j");
    }
    press(&mut s, "m");
    let a = s.annotations[0].file.get(&orphan_id).unwrap();
    assert_eq!(a.anchor, AnchorState::Exact);
    assert_eq!(a.verdict, Verdict::False, "the verdict travels with it");
    assert!(a.target.exact.starts_with("This illegal shipment"));
    assert_eq!(a.history.last().map(|h| h.change.name()), Some("reattach"));
    press(&mut s, "z");
    assert_eq!(
        s.annotations[0].file.get(&orphan_id).unwrap().anchor,
        AnchorState::Orphaned,
        "undo brings the orphan back"
    );
}

#[test]
fn locks_leave_nothing_to_commit() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (80, 24));
    press(&mut s, "jt");
    let ann = dir.path().join("annotations");
    let names: Vec<String> = std::fs::read_dir(&ann)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.ends_with(".lock")),
        "the lock file went with the lock: {names:?}"
    );
    assert_eq!(
        std::fs::read_to_string(ann.join(".gitignore")).unwrap(),
        claimdesk::store::files::GITIGNORE
    );
    // A user's own .gitignore is left alone.
    std::fs::write(ann.join(".gitignore"), "mine\n").unwrap();
    press(&mut s, "d");
    assert_eq!(
        std::fs::read_to_string(ann.join(".gitignore")).unwrap(),
        "mine\n"
    );
}

/// The workbench holds every article's annotations for the session: the
/// folder they lie in is one allocation, however many articles.
#[test]
fn every_article_shares_one_annotations_folder() {
    let dir = temp_seeds();
    let corpus = dir.path().join("seeds");
    let mut s = state_for(&corpus, (80, 24));
    press(&mut s, "t");
    assert_eq!(s.save_status, SaveStatus::Saved);
    let folder = dir.path().join("annotations");
    let all = claimdesk::cli::load_annotations(&folder, &s.corpus);
    assert_eq!(all.len(), 5);
    assert_eq!(
        all.iter().filter(|a| a.base.is_some()).count(),
        1,
        "one saved file"
    );
    assert!(
        all.iter()
            .all(|a| std::sync::Arc::ptr_eq(&a.root, &all[0].root))
    );
    assert_eq!(&*all[0].root, folder.as_path());
}

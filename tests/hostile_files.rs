//! Links and special files planted where claimdesk writes or reads: nothing
//! is written outside the annotations folder, nothing blocks or eats memory.

use claimdesk::store::{self, Annotation, Kind, Verdict, make_target};
use std::os::unix::fs::symlink;
use std::path::Path;

fn corpus_with(dir: &Path, files: &[(&str, &str)]) -> claimdesk::corpus::Corpus {
    for (name, text) in files {
        let p = dir.join("corpus").join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    claimdesk::corpus::load(&dir.join("corpus")).unwrap()
}

fn claim(article: &claimdesk::corpus::Article) -> Annotation {
    Annotation {
        id: "c1".into(),
        kind: Kind::Claim,
        target: make_target(article, 0, 8),
        verdict: Verdict::True,
        note: String::new(),
        evidence: Vec::new(),
        reviewer: "t".into(),
        created: "2026-11-23T10:00:00Z".into(),
        updated: "2026-11-23T10:00:00Z".into(),
        history: Vec::new(),
        aliases: Vec::new(),
        anchor: Default::default(),
    }
}

fn save_one(dir: &Path, corpus: &claimdesk::corpus::Corpus, i: usize) -> Result<(), String> {
    let article = &corpus.articles[i];
    let mut ann = store::load_article(&dir.join("annotations"), article);
    ann.file.upsert(claim(article));
    store::save(&ann, article).map(|_| ())
}

const TEXT: &str = "Headline\n\nPolice seized 28 tons on Monday.\n";

#[test]
fn a_dangling_lock_link_is_refused_and_its_target_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_with(dir.path(), &[("a.txt", TEXT)]);
    let ann = dir.path().join("annotations");
    std::fs::create_dir_all(&ann).unwrap();
    let target = dir.path().join("outside-created");
    symlink(&target, ann.join(".a.json.lock")).unwrap();
    let err = save_one(dir.path(), &corpus, 0).unwrap_err();
    assert!(
        err.contains("is a link, which claimdesk does not follow"),
        "{err}"
    );
    assert!(!target.exists(), "the link's target was created");
    assert!(!ann.join("a.json").exists());
}

#[test]
fn a_planted_temp_file_link_is_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_with(dir.path(), &[("a.txt", TEXT)]);
    let ann = dir.path().join("annotations");
    std::fs::create_dir_all(&ann).unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    // The names an earlier claimdesk used, and the prefix this one uses.
    let pid = std::process::id();
    symlink(&victim, ann.join(format!(".a.json.tmp-{pid}"))).unwrap();
    symlink(&victim, ann.join(format!(".a.json.tmp-{pid}-"))).unwrap();
    save_one(dir.path(), &corpus, 0).unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    let saved = std::fs::read_to_string(ann.join("a.json")).unwrap();
    assert!(saved.contains("\"c1\""));
}

#[test]
fn a_linked_subfolder_leading_outside_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_with(dir.path(), &[("sub/a.txt", TEXT)]);
    let ann = dir.path().join("annotations");
    std::fs::create_dir_all(&ann).unwrap();
    let outside = dir.path().join("elsewhere");
    std::fs::create_dir_all(&outside).unwrap();
    symlink(&outside, ann.join("sub")).unwrap();
    let err = save_one(dir.path(), &corpus, 0).unwrap_err();
    assert!(
        err.contains("is a link that leads outside the annotations folder"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(&outside).unwrap().count(),
        0,
        "nothing written outside"
    );
}

#[test]
fn an_annotation_file_linked_outside_is_refused_and_one_linked_inside_is_followed() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_with(dir.path(), &[("a.txt", TEXT), ("b.txt", TEXT)]);
    let ann = dir.path().join("annotations");
    std::fs::create_dir_all(ann.join("real")).unwrap();
    let outside = dir.path().join("outside.json");
    symlink(&outside, ann.join("a.json")).unwrap();
    let err = save_one(dir.path(), &corpus, 0).unwrap_err();
    assert!(err.contains("leads outside"), "{err}");
    assert!(!outside.exists());
    // Inside the folder, a link is the user's own arrangement: written through.
    symlink(ann.join("real/b.json"), ann.join("b.json")).unwrap();
    save_one(dir.path(), &corpus, 1).unwrap();
    assert!(ann.join("real/b.json").is_file());
    assert!(
        std::fs::symlink_metadata(ann.join("b.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

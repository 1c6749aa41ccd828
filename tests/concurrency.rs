//! Two writers on one article lose nothing, and a killed writer never leaves a broken file.

mod common;

use claimdesk::store::{
    self, Annotation, AnnotationKind, ArticleAnnotations, Verdict, make_target,
};
use common::*;
use std::path::Path;
use std::sync::{Arc, Barrier};

fn load(corpus: &claimdesk::corpus::Corpus, dir: &Path) -> ArticleAnnotations {
    store::load_article(dir, &corpus.articles[0])
}

fn annotation(
    corpus: &claimdesk::corpus::Corpus,
    id: &str,
    start: usize,
    note: &str,
    at: &str,
) -> Annotation {
    Annotation {
        id: id.into(),
        kind: AnnotationKind::Claim,
        target: make_target(&corpus.articles[0], start, start + 10),
        verdict: Verdict::Disputed,
        note: note.into(),
        evidence: Vec::new(),
        publishing: Default::default(),
        reviewer: "writer".into(),
        created: at.into(),
        updated: at.into(),
        history: Vec::new(),
        aliases: Vec::new(),
        anchor: Default::default(),
    }
}

/// Writer `name` adds `n` annotations of its own and rewrites a shared one
/// each time, saving after every change, interleaved with the other writer.
fn writer(
    corpus: Arc<claimdesk::corpus::Corpus>,
    dir: std::path::PathBuf,
    name: &'static str,
    n: usize,
    barrier: Arc<Barrier>,
) {
    let mut ann = load(&corpus, &dir);
    barrier.wait();
    for i in 0..n {
        let at = format!("2026-11-23T10:{:02}:{:02}.{i:06}Z", i / 60 % 60, i % 60);
        ann.file.upsert(annotation(
            &corpus,
            &format!("{name}-{i:04}"),
            (i * 7 + if name == "alice" { 0 } else { 3 }) % 3000,
            name,
            &at,
        ));
        let mut shared = ann
            .file
            .get("shared")
            .cloned()
            .unwrap_or_else(|| annotation(&corpus, "shared", 3500, "", &at));
        shared.note = format!("{name} {i}");
        shared.updated = at.clone().into();
        ann.file.upsert(shared);
        let done = store::save(&ann, &corpus.articles[0]).expect("save");
        ann.file = done.file;
        ann.base = Some(done.base);
    }
}

#[test]
fn two_writers_interleaving_hundreds_of_changes_lose_none() {
    let dir = temp_seeds();
    let corpus = Arc::new(claimdesk::corpus::load(&dir.path().join("seeds")).unwrap());
    let ann_dir = dir.path().join("annotations");
    let n = 300;
    let barrier = Arc::new(Barrier::new(2));
    let a = {
        let (c, d, b) = (corpus.clone(), ann_dir.clone(), barrier.clone());
        std::thread::spawn(move || writer(c, d, "alice", n, b))
    };
    let b = {
        let (c, d, b) = (corpus.clone(), ann_dir.clone(), barrier.clone());
        std::thread::spawn(move || writer(c, d, "bob", n, b))
    };
    a.join().unwrap();
    b.join().unwrap();
    let last = load(&corpus, &ann_dir);
    assert!(last.problem.is_none());
    let ids: std::collections::HashSet<&str> = last
        .file
        .annotations
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    for name in ["alice", "bob"] {
        for i in 0..n {
            assert!(
                ids.contains(format!("{name}-{i:04}").as_str()),
                "{name}-{i:04} was lost"
            );
        }
    }
    assert_eq!(ids.len(), 2 * n + 1);
    let shared = last.file.get("shared").unwrap();
    let writers: std::collections::HashSet<&str> = shared
        .history
        .iter()
        .map(|h| h.note.split(' ').next().unwrap_or(""))
        .collect();
    assert!(shared.note.starts_with("alice") || shared.note.starts_with("bob"));
    assert!(
        writers.contains("alice") || writers.contains("bob"),
        "the losing versions are kept in history: {writers:?}"
    );
}

#[test]
fn a_second_instance_sees_the_first_ones_changes_on_save_and_on_reopen() {
    let dir = temp_seeds();
    let corpus = dir.path().join("seeds");
    let mut one = state_for(&corpus, (80, 24));
    let mut two = state_for(&corpus, (80, 24));
    press(&mut one, "jd");
    // Two has not seen it yet; on its own save it merges instead of overwriting.
    press(&mut two, "jjt");
    assert_eq!(
        two.annotations[0].file.annotations.len(),
        2,
        "merged on save"
    );
    assert_eq!(
        two.message.as_deref(),
        Some("Merged changes another claimdesk made to this article.")
    );
    let disk =
        std::fs::read_to_string(dir.path().join("annotations/000_b4c1e1b9b05d5c34.json")).unwrap();
    assert!(disk.contains("\"disputed\"") && disk.contains("\"true\""));
    // One picks up two's verdict when it opens the article again.
    press(&mut one, "<s-tab>j<enter><s-tab>k<enter>");
    assert_eq!(one.open_article, 0);
    assert_eq!(
        one.annotations[0].file.annotations.len(),
        2,
        "picked up on reopen"
    );
}

//! One article with 100,000 annotations: it opens, a keystroke and a verdict
//! complete, and stats counts them. Speed lives in the benchmark; this test
//! only proves nothing on the way is quadratic (which would never finish).

mod common;

use claimdesk::store::{Annotation, AnnotationFile, AnnotationKind, Verdict, make_target};
use common::*;

const N: usize = 100_000;

fn big_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let mut text = String::from("Ports report record seizures\n\n");
    for i in 0..3_000 {
        text.push_str(&format!(
            "Police said {i} tons of cocaine were seized at the port on Monday. "
        ));
        if i % 10 == 9 {
            text.push_str("\n\n");
        }
    }
    std::fs::write(corpus.join("a.txt"), &text).unwrap();
    let loaded = claimdesk::corpus::load(&corpus).unwrap();
    let article = &loaded.articles[0];
    let mut file = AnnotationFile::new(&article.id, &article.sha256.hex(), &article.meta.title);
    // Distinct spans: 20,000 starts, five lengths each.
    file.annotations = (0..N)
        .map(|i| {
            let start = 40 + (i / 5) * 9;
            Annotation {
                id: format!("id{i:06}"),
                kind: if i % 3 == 0 {
                    AnnotationKind::Note
                } else {
                    AnnotationKind::Claim
                },
                target: make_target(article, start, start + 1 + i % 5),
                verdict: [Verdict::Unreviewed, Verdict::True, Verdict::False][i % 3],
                note: String::new(),
                evidence: Vec::new(),
                publishing: Default::default(),
                reviewer: "bulk".into(),
                created: "2026-11-23T10:00:00Z".into(),
                updated: "2026-11-23T10:00:00Z".into(),
                history: Vec::new(),
                aliases: Vec::new(),
                anchor: Default::default(),
            }
        })
        .collect();
    file.sort();
    std::fs::create_dir_all(dir.path().join("annotations")).unwrap();
    std::fs::write(dir.path().join("annotations/a.json"), file.to_json()).unwrap();
    dir
}

#[test]
fn an_article_with_100000_annotations_opens_takes_keys_and_saves() {
    let dir = big_corpus();
    let mut s = state_for(&dir.path().join("corpus"), (120, 40));
    assert!(s.annotations[0].problem.is_none());
    assert_eq!(s.annotations[0].file.annotations.len(), N);
    let claims = N - N.div_ceil(3);
    // Claims are i % 3 == 1 (true) and 2 (false): all reviewed.
    assert_eq!(s.progress[0].reviewed, claims);
    press(&mut s, "jj]");
    assert!(render(&s).contains("Claims"));
    press(&mut s, "t");
    assert_eq!(s.save_status, claimdesk::app::state::SaveStatus::Saved);
    let out = claimdesk_ok(dir.path(), &["stats", "corpus"]);
    assert!(out.contains("a.txt"), "{out}");
}

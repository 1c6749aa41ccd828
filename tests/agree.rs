//! Two reviewers' folders compared: a hand-made case with a known kappa.

mod common;

use claimdesk::store::{self, Annotation, AnnotationFile, AnnotationKind, Verdict, make_target};
use common::*;

fn claim(
    article: &claimdesk::corpus::Article,
    id: &str,
    span: (usize, usize),
    v: Verdict,
) -> Annotation {
    Annotation {
        id: id.into(),
        kind: AnnotationKind::Claim,
        target: make_target(article, span.0, span.1),
        verdict: v,
        note: String::new(),
        evidence: Vec::new(),
        publishing: Default::default(),
        reviewer: id.into(),
        created: Default::default(),
        updated: Default::default(),
        history: Vec::new(),
        aliases: Vec::new(),
        anchor: Default::default(),
    }
}

#[test]
fn percent_agreement_kappa_and_every_disagreement() {
    use Verdict::*;
    let dir = temp_seeds();
    let corpus = claimdesk::corpus::load(&dir.path().join("seeds")).unwrap();
    let article = &corpus.articles[0];
    let spans: Vec<(usize, usize)> = claimdesk::text::analyse(article)
        .sentences
        .iter()
        .filter(|s| !s.chrome())
        .map(|s| (s.start(), s.end()))
        .take(13)
        .collect();
    // A against B: 4×(T,T) 3×(F,F) (T,F) (F,T) (D,D) → agreement 80%,
    // expected 0.5·0.5 + 0.4·0.4 + 0.1·0.1 = 0.42, kappa 0.38 / 0.58 = 0.655.
    let judged = [
        (True, True),
        (True, True),
        (True, True),
        (True, True),
        (False, False),
        (False, False),
        (False, False),
        (True, False),
        (False, True),
        (Disputed, Disputed),
    ];
    let mut a = AnnotationFile::new(&article.id, &article.sha256.hex(), "");
    let mut b = AnnotationFile::new(&article.id, &article.sha256.hex(), "");
    for (i, (va, vb)) in judged.iter().enumerate() {
        a.upsert(claim(article, &format!("a{i}"), spans[i], *va));
        // B's spans are slightly different selections of the same sentences.
        b.upsert(claim(
            article,
            &format!("b{i}"),
            (spans[i].0, spans[i].1 - 1),
            *vb,
        ));
    }
    a.upsert(claim(article, "a-only", spans[10], True));
    a.upsert(claim(article, "a-open", spans[11], Unreviewed));
    b.upsert(claim(article, "b-open", spans[11], False));
    for (name, f) in [("alice", &a), ("bob", &b)] {
        let p = store::annotation_path(&dir.path().join(name), &article.id);
        store::write_atomic(&p, f.to_json().as_bytes()).unwrap();
    }
    let text = claimdesk_ok(dir.path(), &["agree", "alice", "bob", "seeds"]);
    assert!(
        text.starts_with(
            "11 claims in both folders (1 only in alice, 0 only in bob); 10 judged by both.\n"
        ),
        "{text}"
    );
    assert!(text.contains("percent agreement: 80.0%\n"), "{text}");
    assert!(text.contains("Cohen's kappa: 0.655\n"), "{text}");
    assert!(text.contains("\n2 disagreement(s):\n"), "{text}");
    assert!(
        text.contains(": true against false\n") && text.contains(": false against true\n"),
        "{text}"
    );
}

#[test]
fn kappa_edge_cases() {
    use Verdict::*;
    assert_eq!(claimdesk::cli::cohens_kappa(&[]), None);
    assert_eq!(
        claimdesk::cli::cohens_kappa(&[(True, True), (True, True)]),
        Some(1.0)
    );
    let k = claimdesk::cli::cohens_kappa(&[(True, False), (False, True)]).unwrap();
    assert!((k + 1.0).abs() < 1e-9, "complete disagreement: {k}");
}

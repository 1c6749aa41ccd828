//! Suggestions and chrome measured against hand labels of every seed sentence.

use claimdesk::corpus;
use claimdesk::text;
use std::path::Path;

struct Label {
    article: String,
    text: String,
    chrome: bool,
    checkworthy: bool,
}

fn labels() -> Vec<Label> {
    let v: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/seeds_labels.json")).unwrap();
    v["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| Label {
            article: s["article"].as_str().unwrap().into(),
            text: s["text"].as_str().unwrap().into(),
            chrome: s["chrome"].as_bool().unwrap(),
            checkworthy: s["checkworthy"].as_bool().unwrap(),
        })
        .collect()
}

/// (article, text, chrome, suggested) for every sentence, in order.
fn predictions() -> Vec<(String, String, bool, bool)> {
    let c = corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")).unwrap();
    let mut out = Vec::new();
    for a in &c.articles {
        for s in text::analyse(a).sentences {
            out.push((
                a.id.clone(),
                a.slice(s.start(), s.end()).to_string(),
                s.chrome(),
                s.suggested(),
            ));
        }
    }
    out
}

fn pr(tp: usize, fp: usize, fn_: usize) -> (f64, f64) {
    (
        tp as f64 / (tp + fp).max(1) as f64,
        tp as f64 / (tp + fn_).max(1) as f64,
    )
}

#[test]
fn suggestions_and_chrome_against_hand_labels() {
    let labels = labels();
    let preds = predictions();
    assert_eq!(
        labels.len(),
        preds.len(),
        "the segmentation of the seeds changed: relabel the fixture"
    );
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let (mut ctp, mut cfp, mut cfn) = (0, 0, 0);
    let mut misses = Vec::new();
    for (l, (article, text, chrome, suggested)) in labels.iter().zip(&preds) {
        assert_eq!(
            (&l.article, &l.text),
            (article, text),
            "sentence order changed"
        );
        match (l.checkworthy, *suggested) {
            (true, true) => tp += 1,
            (false, true) => {
                fp += 1;
                misses.push(format!("false suggestion: {article} {text:?}"));
            }
            (true, false) => {
                fn_ += 1;
                misses.push(format!("missed claim:     {article} {text:?}"));
            }
            _ => {}
        }
        match (l.chrome, *chrome) {
            (true, true) => ctp += 1,
            (false, true) => {
                cfp += 1;
                misses.push(format!("false chrome:     {article} {text:?}"));
            }
            (true, false) => {
                cfn += 1;
                misses.push(format!("missed chrome:    {article} {text:?}"));
            }
            _ => {}
        }
    }
    let (p, r) = pr(tp, fp, fn_);
    let (cp, cr) = pr(ctp, cfp, cfn);
    eprintln!("suggestions: precision {p:.2} recall {r:.2} ({tp} right, {fp} wrong, {fn_} missed)");
    eprintln!(
        "chrome:      precision {cp:.2} recall {cr:.2} ({ctp} right, {cfp} wrong, {cfn} missed)"
    );
    eprintln!("{}", misses.join("\n"));
    assert!(
        r >= 0.95 && p >= 0.85,
        "suggestions: precision {p:.2} recall {r:.2}"
    );
    assert!(
        cp == 1.0 && cr >= 0.98,
        "chrome: precision {cp:.2} recall {cr:.2}: real text must never be chrome"
    );
}

//! The check-worthiness model: training is deterministic, the shipped
//! weights load, and they beat "contains a digit" on real labelled sentences.
//!
//! `fixtures/claimbuster_slice.jsonl` is the first 300 rows of the
//! ClaimBuster training file (Arslan, Hassan, Li, Tremayne, ICWSM 2020,
//! doi:10.5281/zenodo.3609356, CC BY 4.0).

use claimdesk::text::model::train::{self, Example, Options};
use claimdesk::text::model::{self, Model};
use claimdesk::text::score;

fn slice() -> Vec<(String, bool)> {
    include_str!("fixtures/claimbuster_slice.jsonl")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (v["text"].as_str().unwrap().to_string(), v["label"] == 1)
        })
        .collect()
}

#[test]
fn training_on_a_fixed_slice_gives_the_same_model_byte_for_byte() {
    let opts = Options {
        bits: 12,
        epochs: 4,
        ..Options::default()
    };
    let examples: Vec<Example> = slice()
        .iter()
        .map(|(t, y)| Example {
            features: model::sentence_features(t, opts.bits),
            label: *y,
        })
        .collect();
    let a = train::train(&examples, &opts).to_bytes();
    let b = train::train(&examples, &opts).to_bytes();
    assert_eq!(a, b, "deterministic");
    let m = Model::from_bytes(&a).unwrap();
    // It learned something: the training sentences rank better than chance.
    let probs: Vec<f32> = examples
        .iter()
        .map(|e| m.probability(&e.features))
        .collect();
    let labels: Vec<bool> = examples.iter().map(|e| e.label).collect();
    assert!(train::average_precision(&probs, &labels) > 0.6);
    let cv = train::cross_validate(&examples, 5, &opts);
    assert_eq!(cv, train::cross_validate(&examples, 5, &opts));
}

#[test]
fn the_shipped_model_beats_contains_a_digit_on_labelled_sentences() {
    let rows = slice();
    let labels: Vec<bool> = rows.iter().map(|r| r.1).collect();
    // These rows were in the shipped model's training data: this checks that
    // the shipped weights are the learned ones, not their quality on new text
    // (the README reports the cross-validated figures).
    let model_scores: Vec<f32> = rows
        .iter()
        .map(|(t, _)| score::score(t, false).value)
        .collect();
    let digit: Vec<f32> = rows
        .iter()
        .map(|(t, _)| f32::from(u8::from(t.chars().any(|c| c.is_ascii_digit()))))
        .collect();
    let (_, _, f_model) =
        train::f1_at(&model_scores, &labels, claimdesk::text::suggest_threshold());
    let (_, _, f_digit) = train::f1_at(&digit, &labels, 0.5);
    assert!(
        f_model > f_digit + 0.1,
        "model {f_model:.2} vs digit {f_digit:.2}"
    );
}

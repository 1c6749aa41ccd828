//! Trains the check-worthiness model from labelled sentences, reports its
//! 5-fold cross-validated F1 and average precision beside the "contains a
//! digit or a number word" baseline, chooses the threshold of best
//! cross-validated F1, and writes the weights that claimdesk ships.
//!
//! ```sh
//! cargo run --release --example train_checkworthy -- \
//!     ../shared/data/claimbuster/train.jsonl src/text/model/checkworthy.bin
//! ```
//!
//! Deterministic: the same data gives the same file, byte for byte.

use claimdesk::text::model::train::{self, Example, Options};
use claimdesk::text::model::{self, Model};
use claimdesk::text::tokens;

/// The baseline the issue names: any digit, or a number word.
fn has_number(text: &str) -> bool {
    const WORDS: [&str; 20] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "fifty",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
    ];
    text.chars().any(|c| c.is_ascii_digit())
        || tokens::tokenize(text)
            .iter()
            .any(|t| WORDS.contains(&t.lower.as_ref()) || t.lower == "billion")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = args
        .first()
        .cloned()
        .unwrap_or_else(|| "../shared/data/claimbuster/train.jsonl".into());
    let out = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "src/text/model/checkworthy.bin".into());
    let text = std::fs::read_to_string(&data).unwrap_or_else(|e| panic!("cannot read {data}: {e}"));
    // Overrides for experiments; the shipped weights use the defaults.
    let env = |k: &str| std::env::var(k).ok();
    let d = Options::default();
    let opts = Options {
        bits: env("TRAIN_BITS")
            .and_then(|v| v.parse().ok())
            .unwrap_or(d.bits),
        epochs: env("TRAIN_EPOCHS")
            .and_then(|v| v.parse().ok())
            .unwrap_or(d.epochs),
        learning_rate: env("TRAIN_LR")
            .and_then(|v| v.parse().ok())
            .unwrap_or(d.learning_rate),
        l2: env("TRAIN_L2").and_then(|v| v.parse().ok()).unwrap_or(d.l2),
        seed: d.seed,
    };
    let mut sentences = Vec::new();
    let mut examples = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object a line");
        let s = v["text"].as_str().expect("text").to_string();
        let label = v["label"].as_i64() == Some(1);
        examples.push(Example {
            features: model::sentence_features(&s, opts.bits),
            label,
        });
        sentences.push(s);
    }
    let labels: Vec<bool> = examples.iter().map(|e| e.label).collect();
    let positives = labels.iter().filter(|&&y| y).count();
    println!("{} sentences, {positives} check-worthy", examples.len());

    let baseline: Vec<f32> = sentences
        .iter()
        .map(|s| if has_number(s) { 1.0 } else { 0.0 })
        .collect();
    let (bp, br, bf) = train::f1_at(&baseline, &labels, 0.5);
    println!("baseline (digit or number word): P {bp:.3} R {br:.3} F1 {bf:.3}");

    let probs = train::cross_validate(&examples, 5, &opts);
    let (threshold, _) = train::best_threshold(&probs, &labels);
    let (p, r, f1) = train::f1_at(&probs, &labels, threshold);
    let (_, _, f1_half) = train::f1_at(&probs, &labels, 0.5);
    let ap = train::average_precision(&probs, &labels);
    println!(
        "5-fold cross-validated: F1 {f1:.3} (P {p:.3} R {r:.3}) at threshold {threshold:.3}; F1 {f1_half:.3} at 0.5; AP {ap:.3}"
    );

    let mut model: Model = train::train(&examples, &opts);
    model.threshold = threshold;
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("cannot write {out}: {e}"));
    println!("wrote {out} ({} KB)", bytes.len() / 1024);
}

//! The check-worthiness model: logistic regression over the named signals and
//! hashed words of a sentence, learned from labelled sentences (ClaimBuster,
//! see the README for the credit) by `cargo run --release --example
//! train_checkworthy`. The weights ship in `checkworthy.bin`, built into the
//! binary and read once at start.

pub mod features;
pub mod train;

use crate::text::score::Feature;
pub use features::{DENSE, Features, featurize};
use std::sync::OnceLock;

const MAGIC: &[u8; 4] = b"CDCW";
const VERSION: u32 = 1;

/// A sentence weighed by the model.
#[derive(Debug, Clone, PartialEq)]
pub struct Weighed {
    pub probability: f32,
    /// Per token: how much its word, pair and n-grams moved the score
    /// (log-odds), as `Model::word_weights` gives them.
    pub words: Vec<f32>,
}

/// A linear model: `sigmoid(bias + dense · w + Σ hashed weights)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The hashed table has `2^bits` weights.
    pub bits: u32,
    /// Sentences at or above this probability are suggested; chosen by
    /// cross-validation for the best F1, never on the bundled seeds.
    pub threshold: f32,
    pub bias: f32,
    pub dense: [f32; DENSE],
    pub hashed: Vec<f32>,
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

impl Model {
    pub fn empty(bits: u32) -> Model {
        Model {
            bits,
            threshold: 0.5,
            bias: 0.0,
            dense: [0.0; DENSE],
            hashed: vec![0.0; 1 << bits],
        }
    }

    pub fn logit(&self, f: &Features) -> f32 {
        let dense: f32 = self.dense.iter().zip(&f.dense).map(|(w, x)| w * x).sum();
        let hashed: f32 = f
            .hashed
            .iter()
            .map(|&(h, _)| self.hashed[h as usize])
            .sum::<f32>()
            * f.scale;
        self.bias + dense + hashed
    }

    pub fn probability(&self, f: &Features) -> f32 {
        sigmoid(self.logit(f))
    }

    /// The learned weight of a named signal (log-odds).
    pub fn signal_weight(&self, f: Feature) -> f32 {
        self.dense
            .get(f as usize)
            .copied()
            .filter(|_| (f as usize) < Feature::COUNT)
            .unwrap_or(0.0)
    }

    /// `probability` and `word_weights` of a sentence's features in one
    /// pass, the features never listed: the same figures, as every
    /// sentence of a corpus is scored.
    pub fn weigh(
        &self,
        tokens: &[crate::text::tokens::Token],
        signals: &[Feature],
        entities: usize,
        quantities: usize,
    ) -> Weighed {
        let dense = features::dense_features(signals, entities, quantities, tokens.len());
        let (mut total, mut count) = (0f32, 0usize);
        let mut words = vec![0f32; tokens.len()];
        // The scale depends on how many features there are: it is applied
        // once they are all summed, to each word's sum.
        features::each_hashed(tokens, self.bits, |h, token| {
            let w = self.hashed[h as usize];
            total += w;
            count += 1;
            words[token] += w;
        });
        let scale = features::scale_of(count);
        for w in &mut words {
            *w *= scale;
        }
        // Summed in the order `logit` sums them: the same bits.
        let dense: f32 = self.dense.iter().zip(&dense).map(|(w, x)| w * x).sum();
        Weighed {
            probability: sigmoid(self.bias + dense + total * scale),
            words,
        }
    }

    /// Per token index, in order: how much its word, pair and n-gram
    /// weights moved the score (log-odds).
    pub fn word_weights(&self, f: &Features) -> Vec<(usize, f32)> {
        let tokens = f.hashed.iter().map(|&(_, t)| t + 1).max().unwrap_or(0);
        let mut sums = vec![0f32; tokens];
        for &(h, token) in &f.hashed {
            sums[token] += self.hashed[h as usize];
        }
        // Scaled once per word, not per feature: `weigh` sums them so too.
        sums.into_iter().map(|s| s * f.scale).enumerate().collect()
    }

    /// The file format: magic, version, bits, dense count, threshold, bias,
    /// dense weights (f32), scale (f32), hashed weights quantised to i16
    /// (weight = q × scale); all little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(32 + DENSE * 4 + self.hashed.len() * 2);
        out.extend_from_slice(MAGIC);
        for v in [VERSION, self.bits, DENSE as u32] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [self.threshold, self.bias] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in self.dense {
            out.extend_from_slice(&v.to_le_bytes());
        }
        let max = self.hashed.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        out.extend_from_slice(&scale.to_le_bytes());
        for w in &self.hashed {
            let q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
            out.extend_from_slice(&q.to_le_bytes());
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8], String> {
            let s = bytes.get(at..at + n).ok_or("the model file is cut short")?;
            at += n;
            Ok(s)
        };
        if take(4)? != MAGIC {
            return Err("not a claimdesk model file".into());
        }
        let mut u32_ = || -> Result<u32, String> {
            Ok(u32::from_le_bytes(take(4)?.try_into().expect("4 bytes")))
        };
        let (version, bits, dense_len) = (u32_()?, u32_()?, u32_()?);
        if version != VERSION || dense_len as usize != DENSE || !(8..=24).contains(&bits) {
            return Err(format!(
                "model version {version} with {dense_len} signals and {bits} bits is not this claimdesk's"
            ));
        }
        let mut f32s = |n: usize| -> Result<Vec<f32>, String> {
            Ok(take(n * 4)?
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes(c.try_into().expect("4 bytes")))
                .collect())
        };
        let head = f32s(2 + DENSE + 1)?;
        let hashed: Vec<f32> = take((1usize << bits) * 2)?
            .chunks_exact(2)
            .map(|c| f32::from(i16::from_le_bytes([c[0], c[1]])) * head[2 + DENSE])
            .collect();
        let mut dense = [0f32; DENSE];
        dense.copy_from_slice(&head[2..2 + DENSE]);
        Ok(Model {
            bits,
            threshold: head[0],
            bias: head[1],
            dense,
            hashed,
        })
    }
}

/// A sentence's features exactly as `text::analyse` prepares them (for
/// training and measuring the model on sentences without an article).
pub fn sentence_features(text: &str, bits: u32) -> Features {
    let ts = crate::text::tokens::tokenize(text);
    let qs = crate::text::quantity::extract_from(text, &ts);
    let es = crate::text::entities::extract_from(&ts);
    let present: Vec<Feature> = crate::text::score::signals(text, &ts, false, &qs, &es)
        .iter()
        .map(|r| r.feature)
        .collect();
    featurize(&ts, &present, es.len(), qs.len(), bits)
}

/// The model shipped with claimdesk.
pub fn shipped() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        Model::from_bytes(include_bytes!("checkworthy.bin"))
            .expect("the shipped model file is valid (a test loads it)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weighing_in_one_pass_gives_the_features_figures_bit_for_bit() {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let corpus = crate::corpus::load(&seeds).unwrap();
        let model = shipped();
        let mut sentences: Vec<String> = corpus
            .articles
            .iter()
            .flat_map(|a| a.text.split('\n').map(str::to_string).collect::<Vec<_>>())
            .collect();
        sentences
            .extend(["", "a", "Überall 1,500 İstanbul 日本 “quoted” 27.64-ton"].map(String::from));
        for text in &sentences {
            let ts = crate::text::tokens::tokenize(text);
            let present = [Feature::Quantity, Feature::Attribution];
            let f = featurize(&ts, &present, 2, 1, model.bits);
            let weighed = model.weigh(&ts, &present, 2, 1);
            assert_eq!(
                weighed.probability.to_bits(),
                model.probability(&f).to_bits(),
                "{text}"
            );
            let words: Vec<f32> = model.word_weights(&f).into_iter().map(|(_, w)| w).collect();
            assert_eq!(weighed.words, words, "{text}");
        }
        assert!(sentences.len() > 100);
    }

    #[test]
    fn the_file_format_round_trips_within_quantisation() {
        let mut m = Model::empty(10);
        m.threshold = 0.37;
        m.bias = -1.5;
        m.dense[3] = 0.8;
        m.hashed[5] = 2.0;
        m.hashed[900] = -0.25;
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(
            (back.threshold, back.bias, back.dense),
            (0.37, -1.5, m.dense)
        );
        assert!((back.hashed[900] + 0.25).abs() < 1e-4);
        assert!(Model::from_bytes(&m.to_bytes()[..40]).is_err());
        assert!(Model::from_bytes(b"nope").is_err());
    }

    #[test]
    fn the_shipped_model_loads() {
        let m = shipped();
        assert!(m.threshold > 0.0 && m.threshold < 1.0);
        assert_eq!(m.hashed.len(), 1 << m.bits);
    }
}

//! Training and measuring the check-worthiness model: logistic regression by
//! AdaGrad with L2, deterministic (a seeded shuffle, one thread), k-fold
//! cross-validation, F1, average precision and the threshold of best F1.

use super::{DENSE, Features, Model};

#[derive(Debug, Clone)]
pub struct Example {
    pub features: Features,
    pub label: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub bits: u32,
    pub epochs: usize,
    pub learning_rate: f32,
    pub l2: f32,
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            bits: 17,
            epochs: 20,
            learning_rate: 0.2,
            l2: 1e-5,
            seed: 0x5EED_C1A1,
        }
    }
}

/// A small deterministic generator for the shuffle (xorshift64).
struct Shuffle(u64);

impl Shuffle {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn order(&mut self, n: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            v.swap(i, (self.next() % (i as u64 + 1)) as usize);
        }
        v
    }
}

/// Learns a model from `examples`; its threshold is left at 0.5 (see
/// `best_threshold` to choose one on held-out predictions).
pub fn train(examples: &[Example], opts: &Options) -> Model {
    let mut m = Model::empty(opts.bits);
    let eps = 1e-8f32;
    let mut g_bias = 0f32;
    let mut g_dense = [0f32; DENSE];
    let mut g_hashed = vec![0f32; m.hashed.len()];
    let mut rng = Shuffle(opts.seed | 1);
    let lr = opts.learning_rate;
    for _ in 0..opts.epochs {
        for i in rng.order(examples.len()) {
            let ex = &examples[i];
            let y = if ex.label { 1.0 } else { 0.0 };
            let g = m.probability(&ex.features) - y;
            g_bias += g * g;
            m.bias -= lr * g / (g_bias.sqrt() + eps);
            for (k, x) in ex.features.dense.iter().enumerate() {
                if *x != 0.0 {
                    let gk = g * x + opts.l2 * m.dense[k];
                    g_dense[k] += gk * gk;
                    m.dense[k] -= lr * gk / (g_dense[k].sqrt() + eps);
                }
            }
            for &(h, _) in &ex.features.hashed {
                let h = h as usize;
                let gk = g * ex.features.scale + opts.l2 * m.hashed[h];
                g_hashed[h] += gk * gk;
                m.hashed[h] -= lr * gk / (g_hashed[h].sqrt() + eps);
            }
        }
    }
    m
}

/// Out-of-fold probabilities: fold `f` holds the examples `i % k == f`.
pub fn cross_validate(examples: &[Example], k: usize, opts: &Options) -> Vec<f32> {
    let mut probs = vec![0f32; examples.len()];
    for fold in 0..k {
        let train_set: Vec<Example> = examples
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != fold)
            .map(|(_, e)| e.clone())
            .collect();
        let m = train(&train_set, opts);
        for (i, e) in examples.iter().enumerate().filter(|(i, _)| i % k == fold) {
            probs[i] = m.probability(&e.features);
        }
    }
    probs
}

/// Precision, recall and F1 of "positive when p ≥ threshold".
pub fn f1_at(probs: &[f32], labels: &[bool], threshold: f32) -> (f32, f32, f32) {
    let (mut tp, mut fp, mut fn_) = (0f32, 0f32, 0f32);
    for (p, &y) in probs.iter().zip(labels) {
        match (*p >= threshold, y) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fn_ += 1.0,
            _ => {}
        }
    }
    let precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let recall = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    (precision, recall, f1)
}

/// The threshold (among the predictions) with the best F1, and that F1.
pub fn best_threshold(probs: &[f32], labels: &[bool]) -> (f32, f32) {
    let mut candidates: Vec<f32> = probs.to_vec();
    candidates.sort_by(f32::total_cmp);
    candidates.dedup();
    let step = (candidates.len() / 400).max(1);
    candidates
        .iter()
        .step_by(step)
        .map(|&t| (t, f1_at(probs, labels, t).2))
        .fold((0.5, 0.0), |best, c| if c.1 > best.1 { c } else { best })
}

/// Average precision: the mean of the precision at each positive, ranked by
/// probability (ties broken by order, as scikit-learn's step function does).
pub fn average_precision(probs: &[f32], labels: &[bool]) -> f32 {
    let mut order: Vec<usize> = (0..probs.len()).collect();
    order.sort_by(|&a, &b| probs[b].total_cmp(&probs[a]));
    let positives = labels.iter().filter(|&&y| y).count();
    if positives == 0 {
        return 0.0;
    }
    let (mut tp, mut sum) = (0f32, 0f32);
    for (rank, &i) in order.iter().enumerate() {
        if labels[i] {
            tp += 1.0;
            sum += tp / (rank as f32 + 1.0);
        }
    }
    sum / positives as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_on_a_known_ranking() {
        let probs = [0.9, 0.8, 0.7, 0.2];
        let labels = [true, false, true, false];
        assert_eq!(f1_at(&probs, &labels, 0.5), (2.0 / 3.0, 1.0, 0.8));
        // AP = (1/1 + 2/3) / 2
        assert!((average_precision(&probs, &labels) - 5.0 / 6.0).abs() < 1e-6);
        let (t, f1) = best_threshold(&probs, &labels);
        assert_eq!((t, f1), (0.7, 0.8));
    }

    #[test]
    fn the_shuffle_is_a_permutation_and_repeatable() {
        let a = Shuffle(7).order(100);
        let mut sorted = a.clone();
        sorted.sort();
        assert_eq!(sorted, (0..100).collect::<Vec<_>>());
        assert_eq!(a, Shuffle(7).order(100));
    }
}

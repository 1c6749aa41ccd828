//! What the check-worthiness model reads of a sentence: the named signals a
//! fact-checker can see (figures, attribution, …) as dense features, and its
//! words, word pairs and in-word character n-grams hashed into a fixed table.
//! Each hashed feature remembers the word it came from, so the words that
//! pushed a score up can be shown as reasons.

use crate::text::score::Feature;
use crate::text::tokens::Token;

/// Dense features: one per named signal, then counts.
pub const DENSE: usize = Feature::COUNT + 3;
const ENTITIES: usize = Feature::COUNT;
const QUANTITIES: usize = Feature::COUNT + 1;
const WORDS: usize = Feature::COUNT + 2;

/// A sentence as the model sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Features {
    pub dense: [f32; DENSE],
    /// (bucket, token index it came from, or `usize::MAX` for none).
    pub hashed: Vec<(u32, usize)>,
    /// The value of each hashed feature: 1/sqrt(count), so a long sentence
    /// does not outweigh a short one by its length alone.
    pub scale: f32,
}

/// FNV-1a, 32 bits: stable across platforms and versions, so the shipped
/// weights mean the same everywhere.
#[derive(Clone, Copy)]
struct Fnv(u32);

impl Fnv {
    fn new(namespace: u8) -> Fnv {
        Fnv(0x811c_9dc5).byte(namespace)
    }
    fn byte(self, b: u8) -> Fnv {
        Fnv((self.0 ^ u32::from(b)).wrapping_mul(0x0100_0193))
    }
    fn bytes(mut self, bs: &[u8]) -> Fnv {
        for &b in bs {
            self = self.byte(b);
        }
        self
    }
}

/// The word as the model knows it: lower case, every digit a `0`, so "1,500"
/// and "2,300" are one word shape.
fn shape(lower: &str, out: &mut Vec<u8>) {
    out.clear();
    for c in lower.chars() {
        let c = if c.is_ascii_digit() { '0' } else { c };
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
}

/// The in-word character trigrams of `word` with edge marks ("<ro", "ros",
/// "ose", "se>" for "rose"), hashed, for words of two chars and more.
fn trigrams(word: &[u8], mut emit: impl FnMut(u32)) {
    if word.is_ascii() {
        // Every char one byte: the same hashes, straight from the bytes.
        let [first, rest @ ..] = word else {
            return;
        };
        if rest.is_empty() {
            return;
        }
        // A window over "<", the bytes, ">".
        let trigram = |a: u8, b: u8, c: u8| Fnv::new(b'c').byte(a).byte(b).byte(c).0;
        let (mut a, mut b) = (b'<', *first);
        for &c in rest {
            emit(trigram(a, b, c));
            (a, b) = (b, c);
        }
        emit(trigram(a, b, b'>'));
        return;
    }
    let text = std::str::from_utf8(word).unwrap_or("");
    if text.chars().nth(1).is_none() {
        return;
    }
    // A window over the units "<", each char, ">".
    let units = std::iter::once(&b"<"[..])
        .chain(text.char_indices().map(|(b, c)| &word[b..b + c.len_utf8()]))
        .chain(std::iter::once(&b">"[..]));
    let mut window: [&[u8]; 3] = [&[], &[], &[]];
    for (n, unit) in units.enumerate() {
        window = [window[1], window[2], unit];
        if n >= 2 {
            emit(
                Fnv::new(b'c')
                    .bytes(window[0])
                    .bytes(window[1])
                    .bytes(window[2])
                    .0,
            );
        }
    }
}

/// The dense features of a sentence of `words` tokens.
pub(super) fn dense_features(
    signals: &[Feature],
    entities: usize,
    quantities: usize,
    words: usize,
) -> [f32; DENSE] {
    let mut dense = [0f32; DENSE];
    for f in signals {
        dense[*f as usize] = 1.0;
    }
    dense[ENTITIES] = entities.min(3) as f32 / 3.0;
    dense[QUANTITIES] = quantities.min(3) as f32 / 3.0;
    dense[WORDS] = ((words as f32) + 1.0).ln() / 4.0;
    dense
}

/// Each hashed feature of a tokenized sentence, in order: its bucket and
/// the token it came from.
pub(super) fn each_hashed(tokens: &[Token], bits: u32, mut emit: impl FnMut(u32, usize)) {
    let mask = (1u32 << bits) - 1;
    let mut shaped = Vec::with_capacity(32);
    let mut prev: Option<Fnv> = None;
    for (i, t) in tokens.iter().enumerate() {
        let word: &[u8] = if t.lower.bytes().any(|b| b.is_ascii_digit()) {
            shape(&t.lower, &mut shaped);
            &shaped
        } else {
            t.lower.as_bytes()
        };
        // The word, the pair it closes and the word as the next pair's
        // first, hashed in one pass: three independent chains of multiplies
        // where three passes waited on one chain at a time.
        let (mut unigram, mut pair, mut first) = (
            Fnv::new(b'w'),
            prev.unwrap_or(Fnv(0)).byte(b' '),
            Fnv::new(b'b'),
        );
        for &b in word {
            unigram = unigram.byte(b);
            pair = pair.byte(b);
            first = first.byte(b);
        }
        emit(unigram.0 & mask, i);
        if prev.is_some() {
            // The pair belongs to its second word for the reasons.
            emit(pair.0 & mask, i);
        }
        prev = Some(first);
        trigrams(word, |h| emit(h & mask, i));
    }
}

/// The value of each hashed feature of a sentence with `count` of them.
pub(super) fn scale_of(count: usize) -> f32 {
    if count == 0 {
        0.0
    } else {
        1.0 / (count as f32).sqrt()
    }
}

/// Builds the features of one tokenized sentence. `signals` are the named
/// features found in it (as `score::signals` finds them).
pub fn featurize(
    tokens: &[Token],
    signals: &[Feature],
    entities: usize,
    quantities: usize,
    bits: u32,
) -> Features {
    let dense = dense_features(signals, entities, quantities, tokens.len());
    let mut hashed = Vec::with_capacity(tokens.len() * 10);
    each_hashed(tokens, bits, |h, i| hashed.push((h, i)));
    let scale = scale_of(hashed.len());
    Features {
        dense,
        hashed,
        scale,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    #[test]
    fn the_ascii_path_hashes_trigrams_as_the_general_one() {
        let collect = |w: &str| {
            let mut v = Vec::new();
            trigrams(w.as_bytes(), |h| v.push(h));
            v
        };
        // "é" takes the general path; the same word with "e" the fast one:
        // both must hash "<ro", "ros", … in the same way where they agree.
        assert_eq!(collect("rose").len(), 4);
        assert_eq!(collect("rosé").len(), 4);
        assert_eq!(collect("rose")[..2], collect("rosé")[..2]);
        assert!(collect("a").is_empty() && collect("é").is_empty());
    }

    #[test]
    fn numbers_share_a_shape_and_features_are_stable() {
        let a = featurize(&tokenize("Profits rose 76% in 2019."), &[], 0, 1, 16);
        let b = featurize(&tokenize("Profits rose 12% in 2021."), &[], 0, 1, 16);
        assert_eq!(a, b, "digits are one shape");
        let c = featurize(&tokenize("Profits fell 76% in 2019."), &[], 0, 1, 16);
        assert_ne!(a.hashed, c.hashed);
        assert!(a.hashed.iter().all(|&(h, i)| h < 1 << 16 && i < 5));
        // Unigram, pair and trigrams of "rose": <ro ros ose se>.
        assert!(a.hashed.iter().filter(|&&(_, i)| i == 1).count() >= 6);
    }
}

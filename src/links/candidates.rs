//! Candidate sentence pairs for linking: sentences of two articles of one
//! story that share an anchor key (a name, a figure slot, a copied
//! passage), found article pair by article pair, so that a key common to
//! thousands of sentences costs nothing outside its stories.

use super::Descriptions;
use super::describe::{self, Described};
use crate::text::quantity::UnitClass;
use rustc_hash::FxHashSet as HashSet;

/// Candidates examined per sentence: a fixed bound keeps the work linear in
/// the corpus however many reports of one story it holds.
const MAX_CANDIDATES: usize = 48;

/// Story pairs whose merges are held at once: a few hundred thousand
/// sentence pairs.
const STORIES_AT_ONCE: usize = 16_384;

/// Adds to `out` the sentence pairs (one of `small`, one of `large`) that
/// share a key, in key order: a merge of two lists of (key, sentence)
/// sorted by key.
fn sharing_a_key(small: &[(u32, u32)], large: &[(u32, u32)], out: &mut Vec<(u32, u32)>) {
    let (mut p, mut q) = (0, 0);
    while p < small.len() && q < large.len() {
        let (ks, kl) = (small[p].0, large[q].0);
        if ks != kl {
            // No branch on which is less: it goes either way at random.
            p += usize::from(ks < kl);
            q += usize::from(kl < ks);
            continue;
        }
        let p_end = p + small[p..].iter().take_while(|e| e.0 == ks).count();
        let q_end = q + large[q..].iter().take_while(|e| e.0 == ks).count();
        for &(_, i) in &small[p..p_end] {
            out.extend(large[q..q_end].iter().map(|&(_, j)| (i, j)));
        }
        (p, q) = (p_end, q_end);
    }
}

/// The candidate pairs (lower sentence index first) of the article pairs
/// `stories`, each article's keys in `keys_of` (see `keys`); at most
/// `MAX_CANDIDATES` a sentence, taken in story order.
pub(super) fn sharing_keys(
    stories: &[(usize, usize)],
    keys_of: &[Vec<(u32, u32)>],
    n_sentences: usize,
) -> HashSet<(u32, u32)> {
    // Each article's distinct keys: the one with fewer leads the merge.
    let key_counts: Vec<usize> = keys_of
        .iter()
        .map(|keys| keys.chunk_by(|a, b| a.0 == b.0).count())
        .collect();
    let mut found = vec![0usize; n_sentences];
    let mut pairs: HashSet<(u32, u32)> = HashSet::default();
    use rayon::prelude::*;
    // The merges on every core, a share of the stories at a time (one core
    // took a quarter of a second over 300,000 story pairs while the other
    // waited); their sentence pairs taken here in story order, so that
    // which pairs a sentence's cap keeps is what one core would keep.
    for share in stories.chunks(STORIES_AT_ONCE) {
        // Each core's run of stories in one list, the lists in order.
        let candidates: Vec<Vec<(u32, u32)>> = share
            .par_iter()
            .fold(Vec::new, |mut out, &(x, y)| {
                let (small, large) = if key_counts[x] <= key_counts[y] {
                    (&keys_of[x], &keys_of[y])
                } else {
                    (&keys_of[y], &keys_of[x])
                };
                sharing_a_key(small, large, &mut out);
                out
            })
            .collect();
        for (i, j) in candidates.into_iter().flatten() {
            let pair = (i.min(j), i.max(j));
            if found[i as usize] < MAX_CANDIDATES
                && found[j as usize] < MAX_CANDIDATES
                && pairs.insert(pair)
            {
                found[i as usize] += 1;
                found[j as usize] += 1;
            }
        }
    }
    pairs
}

/// Each article's (key, sentence) pairs sorted by key: one flat vector,
/// no map or list per key, sized to what it holds (these lists were the
/// largest table while linking: a shared 8-word run gives every sentence
/// dozens of keys). Keys are folded to 32 bits: two keys that collide only
/// make a candidate that `relate` turns down, and halving the table matters
/// more on a large corpus.
pub(super) fn keys(described: &Descriptions, in_story: &[bool]) -> Vec<Vec<(u32, u32)>> {
    use rayon::prelude::*;
    let firsts: Vec<u32> = described
        .per_article
        .iter()
        .scan(0u32, |next, list| {
            let first = *next;
            *next += list.len() as u32;
            Some(first)
        })
        .collect();
    let mut keys_of: Vec<Vec<(u32, u32)>> = vec![Vec::new(); in_story.len()];
    keys_of
        .par_iter_mut()
        .zip(described.per_article.par_iter().zip(firsts.par_iter()))
        .enumerate()
        .filter(|(a, _)| in_story[*a])
        .for_each(|(_, (keys, (list, &first)))| {
            let mut found: Vec<(u32, u32)> = Vec::new();
            for (j, d) in list.iter().enumerate() {
                let i = first + j as u32;
                found.extend(anchor_keys(d).into_iter().map(|k| (describe::fold(k), i)));
            }
            found.sort_unstable();
            found.dedup();
            found.shrink_to_fit();
            *keys = found;
        });
    keys_of
}

/// Counts of people and of things meet when they count the same thing
/// ("800 people were arrested", "800 arrests").
fn unit_key(u: UnitClass) -> UnitClass {
    match u {
        UnitClass::People => UnitClass::Objects,
        other => other,
    }
}

/// The keys a sentence can meet another report of its fact by: its names,
/// its figure slots (with neighbouring magnitudes, so that 28 meets 27.64)
/// and its passages.
fn anchor_keys(d: &Described) -> Vec<u64> {
    use describe::hash;
    let mut keys: Vec<u64> = d.anchor_names().iter().map(|n| hash(&('@', n))).collect();
    for f in &d.figures {
        let unit = unit_key(f.q.unit);
        if f.q.value > 0.0 {
            let bucket = (f.q.value.log10() * 4.0).floor() as i32;
            for b in bucket - 1..=bucket + 1 {
                keys.push(hash(&('#', unit, f.thing.as_str(), b)));
            }
            // A named slot meets its other values however far apart:
            // "a six week investigation", "a two-year investigation".
            if !f.thing.is_empty() {
                keys.push(hash(&('#', unit, f.thing.as_str())));
            }
        }
    }
    keys.extend(d.runs.iter().map(|r| hash(&('=', r))));
    keys.sort_unstable();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rustc_hash::FxHashSet as HashSet;

    fn sorted(mut keys: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    proptest! {
        /// The merge gives the pairs every key-by-key comparison gives, in
        /// the same order (key order, then each list's order): the order
        /// decides which pairs a sentence's cap keeps.
        #[test]
        fn the_merge_finds_what_comparing_every_pair_finds(
            small in proptest::collection::vec((0u32..12, 0u32..50), 0..30).prop_map(sorted),
            large in proptest::collection::vec((0u32..12, 50u32..100), 0..30).prop_map(sorted),
        ) {
            let mut merged = Vec::new();
            sharing_a_key(&small, &large, &mut merged);
            let mut every = Vec::new();
            for key in 0..12 {
                for &(ks, i) in small.iter().filter(|e| e.0 == key) {
                    for &(_, j) in large.iter().filter(|e| e.0 == ks) {
                        every.push((i, j));
                    }
                }
            }
            prop_assert_eq!(merged, every);
        }
    }

    #[test]
    fn a_sentence_keeps_its_first_candidates_in_story_order() {
        // Article 0's sentence 0 shares key 7 with one sentence of each of
        // sixty other articles, each its own story with article 0.
        let mut keys_of = vec![vec![(7, 0)]];
        keys_of.extend((1..=60).map(|a| vec![(7, a)]));
        let stories: Vec<(usize, usize)> = (1..=60).map(|a| (0, a)).collect();
        let pairs = sharing_keys(&stories, &keys_of, 61);
        assert_eq!(pairs.len(), MAX_CANDIDATES);
        let expected: HashSet<(u32, u32)> = (1..=MAX_CANDIDATES as u32).map(|a| (0, a)).collect();
        assert_eq!(pairs, expected, "the first stories' sentences, not any");
    }
}

//! Has this claim been checked before? Each sentence of the corpus is
//! matched against the library: candidates by BM25 over stemmed content
//! words, then a score one can explain: the share of the rarer words both
//! say, raised when they name the same people and figures, and cut when
//! their figures of one kind disagree ("27 tons" is not the claim "11 tons").

use super::LibraryEntry;
pub(super) use super::described::Described;
use super::described::{Acronyms, Initialisms};
use super::described::{describe, describe_with};
use super::initialisms::acronyms_of;
use crate::text::quantity;

/// BM25's usual constants.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Candidates re-scored per sentence.
const CANDIDATES: usize = 50;
/// Which way of scoring this is: raised whenever a score can change, so
/// that cached matches made the old way are not trusted.
pub const SCORING: u32 = 12;

/// A match shown as "checked before" from this score on: calibrated on CLEF
/// 2020 CheckThat! task 2 (tweets repeating Snopes fact-checks): 99.1% of
/// the tweets shown a match are shown the right one, and 0.7% of debate
/// sentences that repeat none of its claims are shown one (README).
pub const SHOWN_FROM: f32 = 0.35;

/// The most a claim whose figures differ from the sentence's can score:
/// below `SHOWN_FROM`.
const DIFFERENT_FIGURE_MAX: f32 = 0.3;

/// The doubt added to the words' coverage in the score: two average
/// words' weight, so that a claim said in one or two words is not sure.
const PRIOR_WORDS: f32 = 2.0;

/// Content words a sentence and a claim must share to be the same claim
/// (one fewer with a figure that agrees).
const MIN_SHARED_WORDS: usize = 3;

/// How two claims' figures of one kind stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Figures {
    /// Neither has a figure of a kind the other has.
    None,
    /// A figure of one kind is the same in both.
    Agree,
    /// Every figure of a kind both have differs.
    Differ,
    /// The checked claim gives a figure and the sentence none of its kind:
    /// the sentence is about the claim's subject, not the claim.
    Missing,
}

/// A library claim matched to a sentence, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Index into the library's entries.
    pub entry: usize,
    /// 0 to 1; shown from `SHOWN_FROM`.
    pub score: f32,
    /// What the matches of a sentence are ranked by: the score with an
    /// average claim's worth of doubt, so that a short claim whose two or
    /// three words a sentence happens to say ranks below a longer one it
    /// says much of (MAP@5 0.839 → 0.862 on CLEF 2020's tweets; as a
    /// threshold it found fewer at the same precision).
    pub rank: f32,
    /// How much of the two claims' word weight (words weighted by rarity)
    /// they share: three parts the library claim's, one part the sentence's.
    pub words: f32,
    pub figures: Figures,
    /// Names both claims give.
    pub names: Vec<String>,
}

/// A word in more than this share of the library's claims finds no
/// candidates (it still counts in the score): it would only add every claim.
const COMMON_SHARE: f32 = 0.05;
/// … unless it is in no more than this many: in a small library every word
/// that is not everywhere can find its claims.
const COMMON_FLOOR: usize = 50;

/// One stem's claims, with its weight.
struct Posting {
    idf: f32,
    /// Each wording that has the stem, with the stem's BM25 part for it,
    /// worked out when the index is made: a query only adds them up, and
    /// never looks at the wording itself (a lookup into 100,000
    /// descriptions per posting was most of a query's time).
    claims: Vec<(u32, f32)>,
}

thread_local! {
    /// Per-claim BM25 sums and the claims touched, reused across queries:
    /// a sentence's query then allocates nothing per claim.
    static BM25_SCRATCH: std::cell::RefCell<(Vec<f32>, Vec<u32>)> = Default::default();
}

/// The library, indexed once for any number of sentences. Each claim is
/// indexed in its own words and, when its fact-check has a headline, in
/// the headline's: two wordings ("views") of one claim. The words' index is
/// made when first needed: a session whose articles were all matched
/// before (see `cache`) never makes it (a second of work and a hundred
/// megabytes for 100,000 claims).
pub struct MatchIndex {
    pub entries: Vec<LibraryEntry>,
    words: std::sync::OnceLock<Words>,
}

/// Which of the library's claims a query looks among.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Among {
    All,
    /// Only those `prepare_added` put last: claims added since the corpus
    /// was matched, which a sentence matched before is asked about alone.
    Added,
}

struct Words {
    /// Each view's words, names and figures.
    described: Vec<Described>,
    /// Each view's word weight (its words' idf summed), made once: every
    /// sentence scores fifty candidates.
    weights: Vec<f32>,
    /// The entry each view words.
    view_entry: Vec<u32>,
    /// Each entry's views, side by side.
    views_of: Vec<std::ops::Range<u32>>,
    /// The first view of an added claim: they come last, so that each
    /// posting lists them at its end.
    first_added: u32,
    postings: rustc_hash::FxHashMap<u64, Posting>,
    /// The mean weight of a word of a claim.
    word_weight: f32,
    /// The word weight of a wording of average length.
    claim_weight: f32,
    /// The names the claims give, by their initialisms.
    acronyms: Acronyms,
}

impl Words {
    /// The entries' words indexed, those `added` (if any) last.
    fn new(entries: &[LibraryEntry], added: Option<&[bool]>) -> Words {
        use rayon::prelude::*;
        let is_added = |i: usize| added.is_some_and(|a| a.get(i).copied().unwrap_or(false));
        let in_order = (0..entries.len())
            .filter(|&i| !is_added(i))
            .chain((0..entries.len()).filter(|&i| is_added(i)));
        let mut views: Vec<(u32, &str)> = Vec::with_capacity(entries.len() * 2);
        let mut views_of = vec![0..0; entries.len()];
        let mut first_added = None;
        for i in in_order {
            let e = &entries[i];
            if is_added(i) && first_added.is_none() {
                first_added = Some(views.len() as u32);
            }
            let from = views.len() as u32;
            views.push((i as u32, e.claim.as_str()));
            if !e.title.trim().is_empty() {
                views.push((i as u32, e.title.as_str()));
            }
            views_of[i] = from..views.len() as u32;
        }
        let first_added = first_added.unwrap_or(views.len() as u32);
        let (described, initialisms): (Vec<Described>, Vec<Initialisms>) = views
            .par_iter()
            .map(|(_, text)| describe_with(text, &|_| false, None))
            .unzip();
        let acronyms = acronyms_of(initialisms);
        let view_entry: Vec<u32> = views.iter().map(|&(i, _)| i).collect();
        let mut lists: rustc_hash::FxHashMap<u64, Vec<(u32, u16)>> = Default::default();
        for (i, d) in described.iter().enumerate() {
            for &(stem, n) in &d.stems {
                lists.entry(stem).or_default().push((i as u32, n));
            }
        }
        let n = described.len() as f32;
        let avg_len = (described.iter().map(|d| d.len).sum::<usize>() as f32
            / described.len().max(1) as f32)
            .max(1.0);
        let postings: rustc_hash::FxHashMap<u64, Posting> = lists
            .into_iter()
            .map(|(stem, claims)| {
                let df = claims.len() as f32;
                let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
                let claims = claims
                    .into_iter()
                    .map(|(view, tf)| {
                        let len = described[view as usize].len as f32;
                        let tf = f32::from(tf);
                        let part =
                            idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg_len));
                        (view, part)
                    })
                    .collect();
                (stem, Posting { idf, claims })
            })
            .collect();
        let weights: Vec<f32> = described
            .iter()
            .map(|d| {
                d.stems
                    .iter()
                    .map(|(stem, _)| postings.get(stem).map_or(0.0, |p: &Posting| p.idf))
                    .sum()
            })
            .collect();
        let words: usize = described.iter().map(|d| d.stems.len()).sum();
        let word_weight = if words > 0 {
            weights.iter().sum::<f32>() / words as f32
        } else {
            1.0
        };
        Words {
            described,
            weights,
            view_entry,
            views_of,
            first_added,
            postings,
            word_weight,
            claim_weight: avg_len * word_weight,
            acronyms,
        }
    }
}

impl MatchIndex {
    /// The library indexed at once.
    pub fn build(entries: Vec<LibraryEntry>) -> MatchIndex {
        let index = MatchIndex::deferred(entries);
        index.prepare();
        index
    }

    /// The library, its words indexed on the first query or `prepare`.
    pub fn deferred(entries: Vec<LibraryEntry>) -> MatchIndex {
        MatchIndex {
            entries,
            words: std::sync::OnceLock::new(),
        }
    }

    /// Indexes the words now. Callers that query from many threads at once
    /// call it first, so that no query waits on another's indexing.
    pub fn prepare(&self) {
        self.words();
    }

    /// `prepare`, with the entries marked in `added` indexed last, so that
    /// a query can look among them alone (`Among::Added`). False when the
    /// words were indexed before, in the library's order.
    pub fn prepare_added(&self, added: &[bool]) -> bool {
        let mut ordered = false;
        self.words.get_or_init(|| {
            ordered = true;
            Words::new(&self.entries, Some(added))
        });
        ordered
    }

    /// Whether the words are indexed yet.
    pub fn is_prepared(&self) -> bool {
        self.words.get().is_some()
    }

    fn words(&self) -> &Words {
        self.words.get_or_init(|| Words::new(&self.entries, None))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The claims, the index dropped.
    pub fn into_entries(self) -> Vec<LibraryEntry> {
        self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn idf(&self, stem: u64) -> f32 {
        // A word no claim has weighs as one that one claim has.
        let w = self.words();
        let n = w.described.len() as f32;
        w.postings
            .get(&stem)
            .map_or(((n + 0.5) / 1.5 + 1.0).ln(), |p| p.idf)
    }

    /// A sentence described for matching: its run-together tags split
    /// into the library's words.
    pub(super) fn describe_query(&self, text: &str) -> Described {
        let w = self.words();
        describe_with(
            text,
            &|key| w.postings.contains_key(&key),
            Some(&w.acronyms),
        )
        .0
    }

    /// A described text's word weight: its words' idf in the library, summed.
    fn weight_of(&self, q: &Described) -> f32 {
        q.stems.iter().map(|&(s, _)| self.idf(s)).sum()
    }

    /// The best library claims for `text`, best first, at most `k`, any
    /// score; a claim scores by the better of its wordings.
    pub fn query(&self, text: &str, k: usize) -> Vec<Match> {
        self.query_described(&self.describe_query(text), k, Among::All, &mut Vec::new())
    }

    /// `query` of a described text, adding the wordings it looked at to
    /// `looked_at`.
    pub(super) fn query_described(
        &self,
        q: &Described,
        k: usize,
        among: Among,
        looked_at: &mut Vec<u32>,
    ) -> Vec<Match> {
        if q.stems.is_empty() {
            return Vec::new();
        }
        let common =
            ((COMMON_SHARE * self.words().described.len() as f32) as usize).max(COMMON_FLOOR);
        let from = match among {
            Among::All => 0,
            Among::Added => self.words().first_added,
        };
        let candidates: Vec<u32> = self
            .bm25_candidates(q, common, CANDIDATES, from)
            .into_iter()
            .map(|(view, _)| view)
            .collect();
        looked_at.extend(&candidates);
        self.best_of(q, &candidates, k)
    }

    /// The best `k` claims among the wordings `views`, for the described text.
    pub(super) fn best_of(&self, q: &Described, views: &[u32], k: usize) -> Vec<Match> {
        let q_weight = self.weight_of(q);
        let scored = views
            .iter()
            .map(|&view| self.score(q, q_weight, view as usize))
            .collect();
        Self::best_k(scored, k)
    }

    /// The best `k` of scored wordings, each claim once.
    fn best_k(mut out: Vec<Match>, k: usize) -> Vec<Match> {
        out.sort_by(|a, b| b.better_than(a));
        // A claim once, by its better wording (the list is a few dozen long).
        let mut kept: Vec<Match> = Vec::with_capacity(k);
        for m in out {
            if kept.len() == k {
                break;
            }
            if !kept.iter().any(|x| x.entry == m.entry) {
                kept.push(m);
            }
        }
        kept
    }

    /// How the described text matches library claim `entry` (its better wording).
    pub(super) fn match_described(&self, q: &Described, entry: usize) -> Option<Match> {
        let views = self.words().views_of.get(entry)?.clone();
        let q_weight = self.weight_of(q);
        views
            .map(|v| self.score(q, q_weight, v as usize))
            .max_by(|a, b| a.better_than(b))
    }

    /// Plain BM25 over the claims' content words, every word counted: the
    /// baseline the explained score is measured against
    /// (`examples/claim_retrieval.rs`). Best first, at most `k` claims, each
    /// by its better wording.
    pub fn bm25(&self, text: &str, k: usize) -> Vec<(usize, f32)> {
        let q = describe(text);
        let mut found = self.bm25_candidates(&q, usize::MAX, 2 * k, 0);
        found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut seen = rustc_hash::FxHashSet::default();
        let views = &self.words().view_entry;
        found
            .into_iter()
            .map(|(view, s)| (views[view as usize] as usize, s))
            .filter(|(entry, _)| seen.insert(*entry))
            .take(k)
            .collect()
    }

    /// The `keep` claims with the highest BM25 for `q`, in no order, among
    /// the views from `from` on; words in more than `common` claims find none.
    fn bm25_candidates(
        &self,
        q: &Described,
        common: usize,
        keep: usize,
        from: u32,
    ) -> Vec<(u32, f32)> {
        let w = self.words();
        BM25_SCRATCH.with(|scratch| {
            let (sums, touched) = &mut *scratch.borrow_mut();
            sums.resize(w.described.len(), 0.0);
            for &(stem, _) in &q.stems {
                let Some(p) = w.postings.get(&stem) else {
                    continue;
                };
                if p.claims.len() > common {
                    continue;
                }
                // Each posting lists its views in order.
                let start = if from == 0 {
                    0
                } else {
                    p.claims.partition_point(|&(view, _)| view < from)
                };
                for &(doc, part) in &p.claims[start..] {
                    if sums[doc as usize] == 0.0 {
                        touched.push(doc);
                    }
                    sums[doc as usize] += part;
                }
            }
            let mut found: Vec<(u32, f32)> =
                touched.iter().map(|&d| (d, sums[d as usize])).collect();
            for &d in touched.iter() {
                sums[d as usize] = 0.0;
            }
            touched.clear();
            let by_score = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
            if found.len() > keep {
                found.select_nth_unstable_by(keep, by_score);
                found.truncate(keep);
            }
            found
        })
    }

    /// The explained score of a claim's wording `view` for the described sentence.
    fn score(&self, q: &Described, q_weight: f32, view: usize) -> Match {
        let w = self.words();
        let d = &w.described[view];
        let entry = w.view_entry[view] as usize;
        // The words both say, and their weight: both lists are sorted.
        let (mut in_both, mut shared) = (0usize, 0.0f32);
        let (mut i, mut j) = (0, 0);
        while i < q.stems.len() && j < d.stems.len() {
            let (a, b) = (q.stems[i].0, d.stems[j].0);
            match a.cmp(&b) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    in_both += 1;
                    shared += self.idf(a);
                    i += 1;
                    j += 1;
                }
            }
        }
        // Mostly how much of the checked claim the sentence says (a news
        // sentence says more than the claim), a little how much of the
        // sentence is the claim.
        let (claim, sentence) = (w.weights[view], q_weight);
        let words_with = |prior: f32| {
            let of = |total: f32| {
                if total > 0.0 {
                    shared / (total + prior)
                } else {
                    0.0
                }
            };
            0.75 * of(claim) + 0.25 * of(sentence)
        };
        let words = words_with(PRIOR_WORDS * w.word_weight);
        let ranked_words = words_with(w.claim_weight);
        let names: Vec<String> = q
            .names
            .iter()
            .filter(|n| d.names.binary_search(n).is_ok())
            .cloned()
            .collect();
        let figures = compare_figures(&q.figures, &d.figures);
        // Two short texts can cover each other with a word or two ("A
        // record year"): a claim takes more words in common, or a figure.
        let enough = in_both >= MIN_SHARED_WORDS
            || (in_both + 1 >= MIN_SHARED_WORDS && figures == Figures::Agree);
        // The names' and figures' bonus, in proportion to the words' part:
        // the rank's is smaller than the score's, and a shared name must
        // not outweigh more of the claim said.
        let scored = |words: f32, scale: f32| {
            let mut score = words + scale * 0.05 * names.len().min(2) as f32;
            match figures {
                Figures::Agree => score += scale * 0.1,
                // Another figure for the same thing is another claim,
                // however alike the words.
                Figures::Differ | Figures::Missing => score = score.min(DIFFERENT_FIGURE_MAX),
                Figures::None => {}
            }
            if !enough {
                score = score.min(DIFFERENT_FIGURE_MAX);
            }
            score.clamp(0.0, 1.0)
        };
        Match {
            entry,
            score: scored(words, 1.0),
            rank: scored(
                ranked_words,
                if words > 0.0 {
                    ranked_words / words
                } else {
                    1.0
                },
            ),
            words,
            figures,
            names,
        }
    }
}

impl Match {
    /// How this match orders against `other`: by rank, then score, then
    /// the library's order.
    pub fn better_than(&self, other: &Match) -> std::cmp::Ordering {
        self.rank
            .total_cmp(&other.rank)
            .then(self.score.total_cmp(&other.score))
            .then(other.entry.cmp(&self.entry))
    }
}

/// How the sentence's figures (`a`) stand to the library claim's (`b`).
fn compare_figures(a: &[(quantity::UnitClass, f64)], b: &[(quantity::UnitClass, f64)]) -> Figures {
    let same = |x: f64, y: f64| (x - y).abs() <= 0.01 * x.abs().max(y.abs());
    if b.iter().any(|(unit, _)| !a.iter().any(|(u, _)| u == unit)) && !b.is_empty() {
        // Unless another kind agrees ("28 tons" said, "worth 1.4 billion" not).
        let agrees = a
            .iter()
            .any(|&(u, x)| b.iter().any(|&(v, y)| u == v && same(x, y)));
        if !agrees {
            return Figures::Missing;
        }
    }
    let mut compared = false;
    for &(unit, x) in a {
        let theirs: Vec<f64> = b
            .iter()
            .filter(|(u, _)| *u == unit)
            .map(|&(_, v)| v)
            .collect();
        if theirs.is_empty() {
            continue;
        }
        compared = true;
        if theirs.iter().any(|&y| same(x, y)) {
            return Figures::Agree;
        }
    }
    if compared {
        Figures::Differ
    } else {
        Figures::None
    }
}

pub use super::checked::CheckedBefore;
pub use super::sentences::{
    best_per_sentence, sentence_matches, sentence_matches_among, sentences_checked_before,
};

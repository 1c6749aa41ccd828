//! Has this claim been checked before? Each sentence of the corpus is
//! matched against the library: candidates by BM25 over stemmed content
//! words, then a score one can explain: the share of the rarer words both
//! say, raised when they name the same people and figures, and cut when
//! their figures of one kind disagree ("27 tons" is not the claim "11 tons").

use super::LibraryEntry;
use crate::text::{entities, lexicon::LINK_STOP, quantity, tokens::tokenize};
use std::collections::HashMap;

/// BM25's usual constants.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Candidates re-scored per sentence.
const CANDIDATES: usize = 50;
/// A match shown as "checked before" from this score on: chosen on the
/// restatements and same-topic sentences of tests/library.rs, among 300 real
/// claims; not yet calibrated on a published claim-retrieval set.
pub const SHOWN_FROM: f32 = 0.5;

/// The most a claim whose figures differ from the sentence's can score:
/// below `SHOWN_FROM`.
const DIFFERENT_FIGURE_MAX: f32 = 0.3;

/// Content words a sentence and a claim must share to be the same claim
/// (one fewer with a figure that agrees).
const MIN_SHARED_WORDS: usize = 3;

/// What matching keeps of a claim: its stems, names and figures.
#[derive(Debug, Clone, Default)]
struct Described {
    /// Stem keys with their counts.
    stems: Vec<(u64, u16)>,
    len: usize,
    names: Vec<String>,
    figures: Vec<(quantity::UnitClass, f64)>,
}

fn describe(text: &str) -> Described {
    let tokens = tokenize(text);
    let mut counts: HashMap<u64, u16> = HashMap::new();
    let mut len = 0;
    for t in &tokens {
        // Content words as linking counts them (four letters or more, not a
        // function word), and acronyms ("ECC", "NHS").
        let acronym = t.text.len() >= 2 && t.text.chars().all(|c| c.is_ascii_uppercase());
        let content = t.text.chars().count() >= 4 && !LINK_STOP.contains(&t.lower);
        if !t.text.chars().all(char::is_alphabetic) || !(content || acronym) {
            continue;
        }
        let stem = crate::text::events::stem(&t.lower);
        *counts.entry(crate::links::stem_key(&stem)).or_default() += 1;
        len += 1;
    }
    let mut stems: Vec<(u64, u16)> = counts.into_iter().collect();
    stems.sort_unstable();
    let names = entities::name_keys(&entities::extract_from(&tokens));
    let figures = quantity::extract_from(text, &tokens)
        .into_iter()
        .filter(|q| q.unit != quantity::UnitClass::Date)
        .map(|q| (q.unit, q.value))
        .collect();
    Described {
        stems,
        len,
        names,
        figures,
    }
}

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

/// One stem's claims, with its weight.
struct Posting {
    idf: f32,
    claims: Vec<(u32, u16)>,
}

thread_local! {
    /// Per-claim BM25 sums and the claims touched, reused across queries:
    /// a sentence's query then allocates nothing per claim.
    static BM25_SCRATCH: std::cell::RefCell<(Vec<f32>, Vec<u32>)> = Default::default();
}

/// The library, indexed once for any number of sentences.
pub struct MatchIndex {
    pub entries: Vec<LibraryEntry>,
    described: Vec<Described>,
    postings: rustc_hash::FxHashMap<u64, Posting>,
    avg_len: f32,
}

impl MatchIndex {
    pub fn build(entries: Vec<LibraryEntry>) -> MatchIndex {
        use rayon::prelude::*;
        let described: Vec<Described> = entries.par_iter().map(|e| describe(&e.claim)).collect();
        let mut lists: rustc_hash::FxHashMap<u64, Vec<(u32, u16)>> = Default::default();
        for (i, d) in described.iter().enumerate() {
            for &(stem, n) in &d.stems {
                lists.entry(stem).or_default().push((i as u32, n));
            }
        }
        let n = entries.len() as f32;
        let postings = lists
            .into_iter()
            .map(|(stem, claims)| {
                let df = claims.len() as f32;
                let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
                (stem, Posting { idf, claims })
            })
            .collect();
        let avg_len =
            described.iter().map(|d| d.len).sum::<usize>() as f32 / described.len().max(1) as f32;
        MatchIndex {
            entries,
            described,
            postings,
            avg_len: avg_len.max(1.0),
        }
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
        let n = self.entries.len() as f32;
        self.postings
            .get(&stem)
            .map_or(((n + 0.5) / 1.5 + 1.0).ln(), |p| p.idf)
    }

    /// The best library claims for `text`, best first, at most `k`, any score.
    pub fn query(&self, text: &str, k: usize) -> Vec<Match> {
        let q = describe(text);
        if q.stems.is_empty() {
            return Vec::new();
        }
        let common = (COMMON_SHARE * self.entries.len() as f32).max(1.0) as usize;
        let candidates = BM25_SCRATCH.with(|scratch| {
            let (sums, touched) = &mut *scratch.borrow_mut();
            sums.resize(self.entries.len(), 0.0);
            for &(stem, _) in &q.stems {
                let Some(p) = self.postings.get(&stem) else {
                    continue;
                };
                if p.claims.len() > common {
                    continue;
                }
                for &(doc, tf) in &p.claims {
                    let len = self.described[doc as usize].len as f32;
                    let tf = f32::from(tf);
                    let part =
                        p.idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / self.avg_len));
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
            if found.len() > CANDIDATES {
                found.select_nth_unstable_by(CANDIDATES, by_score);
                found.truncate(CANDIDATES);
            }
            found
        });
        let mut out: Vec<Match> = candidates
            .into_iter()
            .map(|(doc, _)| self.score(&q, doc as usize))
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entry.cmp(&b.entry)));
        out.truncate(k);
        out
    }

    /// The explained score of library claim `entry` for the described sentence.
    fn score(&self, q: &Described, entry: usize) -> Match {
        let d = &self.described[entry];
        let weight =
            |stems: &[(u64, u16)]| -> f32 { stems.iter().map(|&(s, _)| self.idf(s)).sum() };
        let in_both: Vec<u64> = q
            .stems
            .iter()
            .filter(|(s, _)| d.stems.binary_search_by_key(s, |&(k, _)| k).is_ok())
            .map(|&(s, _)| s)
            .collect();
        let shared: f32 = in_both.iter().map(|&s| self.idf(s)).sum();
        // Mostly how much of the checked claim the sentence says (a news
        // sentence says more than the claim), a little how much of the
        // sentence is the claim.
        let of = |total: f32| if total > 0.0 { shared / total } else { 0.0 };
        let words = 0.75 * of(weight(&d.stems)) + 0.25 * of(weight(&q.stems));
        let names: Vec<String> = q
            .names
            .iter()
            .filter(|n| d.names.binary_search(n).is_ok())
            .cloned()
            .collect();
        let figures = compare_figures(&q.figures, &d.figures);
        let mut score = words + 0.05 * names.len().min(2) as f32;
        match figures {
            Figures::Agree => score += 0.1,
            // Another figure for the same thing is another claim, however
            // alike the words.
            Figures::Differ | Figures::Missing => score = score.min(DIFFERENT_FIGURE_MAX),
            Figures::None => {}
        }
        // Two short texts can cover each other with a word or two ("A
        // record year"): a claim takes more words in common, or a figure.
        let enough = in_both.len() >= MIN_SHARED_WORDS
            || (in_both.len() + 1 >= MIN_SHARED_WORDS && figures == Figures::Agree);
        if !enough {
            score = score.min(DIFFERENT_FIGURE_MAX);
        }
        Match {
            entry,
            score: score.clamp(0.0, 1.0),
            words,
            figures,
            names,
        }
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

/// The corpus's sentences that match the library: per article, (sentence
/// index, best match), by sentence.
pub struct CheckedBefore {
    /// The library's claims some sentence matched (see `new`).
    pub entries: Vec<LibraryEntry>,
    pub by_article: Vec<Vec<(usize, Match)>>,
    /// Library files that could not be read, one sentence each.
    pub problems: Vec<String>,
    library_len: usize,
}

impl CheckedBefore {
    /// Keeps only the library claims some sentence matched (the workbench
    /// shows no other), their indexes renumbered.
    pub fn new(
        entries: Vec<LibraryEntry>,
        mut by_article: Vec<Vec<(usize, Match)>>,
        problems: Vec<String>,
    ) -> CheckedBefore {
        let mut kept: Vec<LibraryEntry> = Vec::new();
        let mut renumbered: HashMap<usize, usize> = HashMap::new();
        let mut entries: Vec<Option<LibraryEntry>> = entries.into_iter().map(Some).collect();
        for found in &mut by_article {
            for (_, m) in found.iter_mut() {
                m.entry = *renumbered.entry(m.entry).or_insert_with(|| {
                    kept.push(entries[m.entry].take().expect("each claim kept once"));
                    kept.len() - 1
                });
            }
        }
        CheckedBefore {
            entries: kept,
            by_article,
            problems,
            library_len: entries.len(),
        }
    }

    /// How many claims the library has (not only those kept).
    pub fn library_len(&self) -> usize {
        self.library_len
    }

    /// Sentence `sentence` of article `article`'s match, with its library entry.
    pub fn at(&self, article: usize, sentence: usize) -> Option<(&LibraryEntry, &Match)> {
        let found = self.by_article.get(article)?;
        let i = found.binary_search_by_key(&sentence, |(s, _)| *s).ok()?;
        let m = &found[i].1;
        Some((&self.entries[m.entry], m))
    }

    pub fn has_any(&self, article: usize) -> bool {
        self.by_article.get(article).is_some_and(|f| !f.is_empty())
    }
}

impl std::fmt::Debug for CheckedBefore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "CheckedBefore({} of {} claims)",
            self.entries.len(),
            self.library_len
        )
    }
}

/// The best match from `SHOWN_FROM` of each content sentence of an article.
pub fn sentences_checked_before(
    index: &MatchIndex,
    article: &crate::corpus::Article,
    analysis: &crate::text::ArticleAnalysis,
) -> Vec<(usize, Match)> {
    analysis
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.chrome)
        .filter_map(|(i, s)| {
            let best = index
                .query(article.slice(s.start, s.end), 1)
                .into_iter()
                .next()?;
            (best.score >= SHOWN_FROM).then_some((i, best))
        })
        .collect()
}

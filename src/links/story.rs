//! Which articles report the same story. Sentences are linked only between
//! such articles: two reports of one event share specific things (names few
//! articles use, exact uncommon figures, copied passages), while articles
//! about different events share at most common ones ("Sydney", "15 years").

use super::describe::{Described, Name};
use super::figures;
use crate::text::quantity::UnitClass;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A name or figure in more articles than this says little about which
/// event an article reports, however large the corpus.
const MAX_SPECIFIC_ARTICLES: u32 = 30;

/// Whether a name found in `df` of `n` articles is specific enough to tie
/// two reports together: at most a few percent of a large corpus, while in
/// a folder of a handful of articles every shared name may be.
pub fn specific(df: u32, n: usize) -> bool {
    df <= MAX_SPECIFIC_ARTICLES && (df as f32) <= 0.05 * n as f32 + 5.0
}

/// How many articles mention each name.
pub fn name_frequencies(described: &[Vec<Described>]) -> HashMap<Name, u32> {
    let mut seen: HashSet<(usize, &str)> = HashSet::default();
    let mut df: HashMap<Name, u32> = HashMap::default();
    for d in described.iter().flatten() {
        for n in d.anchor_names() {
            if seen.insert((d.r.article(), &**n)) {
                *df.entry(n.clone()).or_default() += 1;
            }
        }
    }
    df
}

/// An exact figure precise enough to be a fingerprint of one report:
/// "27.64 tonnes" or "171,000 phones", never "15 years" or "25,000 people".
fn fingerprint(f: &figures::Figure) -> Option<String> {
    let q = &f.q;
    let kind_ok = matches!(
        q.unit,
        UnitClass::Mass | UnitClass::Money | UnitClass::People | UnitClass::Objects
    );
    if !kind_ok || q.value_to.is_some() || figures::significant_digits(q) < 3 {
        return None;
    }
    Some(format!(
        "{:?}:{}:{}",
        q.unit,
        q.currency.unwrap_or(""),
        (q.value * 100.0).round() as i64
    ))
}

#[derive(Default)]
struct Shared {
    names: u32,
    figures: u32,
    copied: bool,
}

/// Pairs of articles (lower index first) that report the same story.
/// `years` gives each article's year when known; articles years apart do
/// not report one event. Each sentence keeps only its word runs that
/// another article has too: a run no other article has can tie no two
/// sentences together.
pub fn same_story(
    described: &mut [Vec<Described>],
    name_df: &HashMap<Name, u32>,
    n_articles: usize,
    years: &[Option<i32>],
) -> HashSet<(usize, usize)> {
    let mut shared: HashMap<(u32, u32), Shared> = HashMap::default();
    // The runs first, and cut to the copied ones before the names and
    // figures are listed: the corpus's runs (millions) and those lists were
    // the largest tables held at once while linking.
    let copied = copied_runs(described, &mut shared);
    keep_copied_runs(described, &copied);
    drop(copied);
    // Keys of each article, by kind: names, figures; hashed, and kept as
    // flat sorted (key, article) lists: a map of lists would cost a list
    // per key, most of them naming one article.
    let mut postings: [Vec<(u64, u32)>; 2] = Default::default();
    for d in described.iter().flatten() {
        let a = d.r.article() as u32;
        for n in d.anchor_names() {
            if specific(name_df.get(&**n).copied().unwrap_or(0), n_articles) {
                postings[0].push((super::describe::hash(n), a));
            }
        }
        for f in &d.figures {
            if let Some(k) = fingerprint(f) {
                postings[1].push((super::describe::hash(&k), a));
            }
        }
    }
    let [names, figures] = postings;
    tally(names, &mut shared, None, |s| s.names += 1);
    tally(figures, &mut shared, None, |s| s.figures += 1);
    shared
        .into_iter()
        .map(|((a, b), s)| ((a as usize, b as usize), s))
        .filter(|((a, b), s)| {
            let apart = matches!((years[*a], years[*b]), (Some(x), Some(y)) if (x - y).abs() > 2);
            !apart && (s.copied || s.names >= 2 || (s.names >= 1 && s.figures >= 1))
        })
        .map(|(k, _)| k)
        .collect()
}

/// The runs of `VERBATIM_WORDS` words that two articles or more share,
/// marking in `shared` the pairs of articles that share one.
fn copied_runs(
    described: &[Vec<Described>],
    shared: &mut HashMap<(u32, u32), Shared>,
) -> HashSet<u64> {
    use rayon::prelude::*;
    let mut copied = HashSet::default();
    // Listed a share of the hash space at a time, so that only a share of
    // the runs is ever held twice. Each listing visits every sentence, a
    // cache miss each: on every core (one core took a third of a second
    // over 17,000 articles).
    for part in 0..RUN_SHARES {
        let runs: Vec<(u64, u32)> = described
            .par_iter()
            .flat_map_iter(|list| {
                list.iter().flat_map(move |d| {
                    let a = d.r.article() as u32;
                    d.runs
                        .iter()
                        .filter(move |&&r| r % RUN_SHARES == part)
                        .map(move |&r| (r, a))
                })
            })
            .collect();
        tally(runs, shared, Some(&mut copied), |s| s.copied = true);
    }
    copied
}

/// Drops from each sentence the runs that no other article has.
fn keep_copied_runs(per_article: &mut [Vec<Described>], copied: &HashSet<u64>) {
    use rayon::prelude::*;
    per_article.par_iter_mut().flatten().for_each(|d| {
        if d.runs.iter().any(|r| !copied.contains(r)) {
            d.runs = d
                .runs
                .iter()
                .copied()
                .filter(|r| copied.contains(r))
                .collect();
        }
    });
}

/// How many shares of the hash space the runs are listed in.
const RUN_SHARES: u64 = 8;

/// Counts, for each pair of articles, the keys of `list` they share; a key
/// in more than a few articles says nothing of which story they report.
/// `in_two` gathers every key that two articles or more have.
fn tally(
    mut list: Vec<(u64, u32)>,
    shared: &mut HashMap<(u32, u32), Shared>,
    mut in_two: Option<&mut HashSet<u64>>,
    count: impl Fn(&mut Shared),
) {
    use rayon::slice::ParallelSliceMut;
    list.par_sort_unstable();
    list.dedup();
    for group in list.chunk_by(|x, y| x.0 == y.0) {
        if group.len() >= 2
            && let Some(keys) = in_two.as_mut()
        {
            keys.insert(group[0].0);
        }
        if group.len() < 2 || group.len() > MAX_SPECIFIC_ARTICLES as usize {
            continue;
        }
        for (i, &(_, a)) in group.iter().enumerate() {
            for &(_, b) in &group[i + 1..] {
                count(shared.entry((a, b)).or_default());
            }
        }
    }
}

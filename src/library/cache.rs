//! What the corpus matched in the library, kept in the cache folder beside
//! the index cache: keyed by each article's content hash and the program's
//! version, with the library's claims it was matched against. The next
//! start matches only the articles that changed, and the others against
//! claims added since; a library that lost claims or grew much, or a cache
//! that does not parse, is matched again, never trusted.

use super::LibraryEntry;
use super::matching::{Figures, Match};
use crate::corpus::Sha256;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Serialize, Deserialize, Clone)]
struct Cached {
    sentence: usize,
    /// The library entry's id (indexes change when the library does).
    entry: String,
    score: f32,
    /// What a sentence's matches are ranked by (0 in caches made before
    /// there was one: a cache made by another `SCORING` is not trusted).
    #[serde(default)]
    rank: f32,
    words: f32,
    figures: Figures,
    names: Vec<String>,
}

#[derive(Serialize, Deserialize, Default)]
struct CacheFile {
    key: String,
    /// The claims the articles were matched against, by `fingerprint`, sorted.
    #[serde(default)]
    library: Vec<u64>,
    /// How many claims the library had when every article was last matched
    /// against all of it.
    #[serde(default)]
    whole: usize,
    articles: HashMap<String, Vec<Cached>>,
}

#[derive(Default)]
pub struct MatchCache {
    key: String,
    library: Vec<u64>,
    whole: usize,
    articles: HashMap<String, Vec<Cached>>,
    added: usize,
}

/// The cache file of a corpus, beside its index cache.
pub fn path_for(index_cache: &Path) -> PathBuf {
    let name = index_cache
        .file_name()
        .map(|n| n.to_string_lossy().replacen("index-", "matches-", 1))
        .unwrap_or_else(|| "matches.json".into());
    index_cache.with_file_name(name)
}

/// The program's version, the way of scoring and the threshold: a cache
/// made under others is not trusted.
pub fn matching_key() -> String {
    let key = format!(
        "{}\n{}\n{}",
        env!("CARGO_PKG_VERSION"),
        super::matching::SCORING,
        super::matching::SHOWN_FROM,
    );
    crate::corpus::sha256_hex(key.as_bytes())
}

/// What a library claim is matched by: its id and its words. A claim whose
/// rating changed is the same claim; one reworded is another.
fn fingerprint(entry: &LibraryEntry) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    (&entry.id, &entry.claim, &entry.title).hash(&mut h);
    h.finish()
}

/// The library may grow by this share of the claims it had when every
/// article was last matched against all of it before that is done again:
/// the words' weights, which scores rest on, move as claims come in.
const GROWTH_MATCHED_ALONE: f32 = 0.1;

/// How the library stands to the one the cache's articles were matched
/// against.
#[derive(Debug, PartialEq)]
enum Change {
    /// The same claims: the cached matches are the matches.
    None,
    /// Claims were added (those marked), no more than
    /// `GROWTH_MATCHED_ALONE`, none removed or reworded: an article
    /// matched before is matched against the added claims alone.
    Added(Vec<bool>),
    /// Claims removed or reworded, or many added: all is matched again.
    Whole,
}

impl MatchCache {
    /// The cache at `path` if it was made for `key`; else an empty one.
    pub fn load(path: &Path, key: &str) -> MatchCache {
        let file = std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice::<CacheFile>(&b).ok())
            .filter(|f| f.key == key)
            .unwrap_or_default();
        MatchCache {
            key: key.to_string(),
            library: file.library,
            whole: file.whole,
            articles: file.articles,
            added: 0,
        }
    }

    /// How `entries` stand to the library the cached articles were matched
    /// against; the cache now stands for `entries`, its articles dropped
    /// if they are all to be matched again.
    fn change_to(&mut self, entries: &[LibraryEntry]) -> Change {
        let now: Vec<u64> = entries.iter().map(fingerprint).collect();
        let mut sorted = now.clone();
        sorted.sort_unstable();
        sorted.dedup();
        let before = std::mem::replace(&mut self.library, sorted);
        let change = if self.articles.is_empty() {
            Change::Whole
        } else if before == self.library {
            Change::None
        } else if before
            .iter()
            .any(|f| self.library.binary_search(f).is_err())
            || self.library.len() as f32 > self.whole as f32 * (1.0 + GROWTH_MATCHED_ALONE)
        {
            Change::Whole
        } else {
            Change::Added(
                now.iter()
                    .map(|f| before.binary_search(f).is_err())
                    .collect(),
            )
        };
        if change == Change::Whole {
            self.articles.clear();
            self.whole = self.library.len();
            // The library, and so every article's matches, changed.
            self.added += 1;
        }
        change
    }

    /// An article's matches, if its text was matched against this library.
    pub fn get(&self, sha256: &Sha256, ids: &HashMap<&str, usize>) -> Option<Vec<(usize, Match)>> {
        self.articles
            .get(&sha256.hex())?
            .iter()
            .map(|c| {
                Some((
                    c.sentence,
                    Match {
                        entry: *ids.get(c.entry.as_str())?,
                        score: c.score,
                        rank: c.rank,
                        words: c.words,
                        figures: c.figures,
                        names: c.names.clone(),
                    },
                ))
            })
            .collect()
    }

    pub fn put(&mut self, sha256: &Sha256, found: &[(usize, Match)], entries: &[LibraryEntry]) {
        let cached = found
            .iter()
            .map(|(sentence, m)| Cached {
                sentence: *sentence,
                entry: entries[m.entry].id.clone(),
                score: m.score,
                rank: m.rank,
                words: m.words,
                figures: m.figures,
                names: m.names.clone(),
            })
            .collect();
        self.articles.insert(sha256.hex(), cached);
        self.added += 1;
    }

    /// Writes the cache if anything was added, keeping only the articles in `keep`.
    pub fn save(mut self, path: &Path, keep: &[Sha256]) {
        if self.added == 0 {
            return;
        }
        let keep: std::collections::HashSet<String> = keep.iter().map(Sha256::hex).collect();
        self.articles.retain(|k, _| keep.contains(k));
        let file = CacheFile {
            key: self.key,
            library: self.library,
            whole: self.whole,
            articles: self.articles,
        };
        let Ok(bytes) = serde_json::to_vec(&file) else {
            return;
        };
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = crate::store::write_atomic(path, &bytes);
    }
}

/// How many matches of a sentence are kept: as many as `matches` lists.
pub const PER_SENTENCE: usize = 5;

/// Each article's sentences checked before, with up to `PER_SENTENCE`
/// matches each (by sentence, best first), on every core.
/// With a cache (its file and `matching_key`), what an earlier run matched
/// is taken as it was: only changed articles are matched against the whole
/// library, and, when claims were added since, the others against those
/// alone. The cache is brought up to date.
pub fn match_corpus(
    index: &super::matching::MatchIndex,
    articles: &[crate::corpus::Article],
    analyses: &[&crate::text::ArticleAnalysis],
    cache: Option<(&Path, &str)>,
) -> Vec<Vec<(usize, Match)>> {
    use super::matching::{Among, SHOWN_FROM, sentence_matches_among};
    use rayon::prelude::*;
    let mut matched = cache.map_or_else(MatchCache::default, |(p, k)| MatchCache::load(p, k));
    let mut change = matched.change_to(&index.entries);
    let ids: HashMap<&str, usize> = index
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let hits: Vec<Option<Vec<(usize, Match)>>> = articles
        .iter()
        .map(|a| matched.get(&a.sha256, &ids))
        .collect();
    // The words' index is made only if some article is to be matched, and
    // before the threads query it; claims added since, last.
    let added_last = match &change {
        Change::Added(added) => index.prepare_added(added),
        _ => {
            if hits.iter().any(Option::is_none) {
                index.prepare();
            }
            true
        }
    };
    if !added_last {
        // Indexed before, in the library's order: all is matched again.
        change = Change::Whole;
        matched.whole = matched.library.len();
    }
    let found: Vec<(Vec<(usize, Match)>, bool)> = hits
        .into_par_iter()
        .zip(articles.par_iter().zip(analyses.par_iter()))
        .map(|(hit, (article, analysis))| {
            let matches = |among| {
                sentence_matches_among(index, article, analysis, PER_SENTENCE, SHOWN_FROM, among)
            };
            match (hit, &change) {
                (Some(hit), Change::None) => (hit, false),
                (Some(mut hit), Change::Added(_)) => {
                    // The added claims are others than the cached ones:
                    // a sentence's best are the best of both.
                    hit.extend(matches(Among::Added));
                    (
                        super::sentences::best_k_per_sentence(hit, PER_SENTENCE),
                        true,
                    )
                }
                _ => (matches(Among::All), true),
            }
        })
        .collect();
    for (article, (f, new)) in articles.iter().zip(&found) {
        if *new {
            matched.put(&article.sha256, f, &index.entries);
        }
    }
    if let Some((path, _)) = cache {
        let keep: Vec<Sha256> = articles.iter().map(|a| a.sha256).collect();
        matched.save(path, &keep);
    }
    found.into_iter().map(|(f, _)| f).collect()
}

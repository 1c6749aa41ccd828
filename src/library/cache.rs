//! What the corpus matched in the library, kept in the cache folder beside
//! the index cache: keyed by each article's content hash, for one state of
//! the library (its files' names, sizes and times) and one program version.
//! The next start matches only the articles that changed; a changed library
//! or a cache that does not parse is matched again, never trusted.

use super::LibraryEntry;
use super::matching::{Figures, Match};
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
    articles: HashMap<String, Vec<Cached>>,
}

#[derive(Default)]
pub struct MatchCache {
    key: String,
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

/// The library as it stands: its files' names, sizes and modification
/// times, the program's version, the way of scoring and the threshold.
pub fn library_key(library: &Path) -> String {
    let mut files: Vec<String> = std::fs::read_dir(library)
        .map(|d| {
            d.flatten()
                .filter_map(|e| {
                    let m = e.metadata().ok()?;
                    let t = m
                        .modified()
                        .ok()?
                        .duration_since(std::time::UNIX_EPOCH)
                        .ok()?;
                    Some(format!(
                        "{}:{}:{}",
                        e.file_name().to_string_lossy(),
                        m.len(),
                        t.as_nanos()
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let key = format!(
        "{}\n{}\n{}\n{}",
        env!("CARGO_PKG_VERSION"),
        super::matching::SCORING,
        super::matching::SHOWN_FROM,
        files.join("\n")
    );
    crate::corpus::sha256_hex(key.as_bytes())
}

impl MatchCache {
    /// The cache at `path` if it was made for `key`; else an empty one.
    pub fn load(path: &Path, key: &str) -> MatchCache {
        let articles = std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice::<CacheFile>(&b).ok())
            .filter(|f| f.key == key)
            .map(|f| f.articles)
            .unwrap_or_default();
        MatchCache {
            key: key.to_string(),
            articles,
            added: 0,
        }
    }

    /// An article's matches, if its text was matched against this library.
    pub fn get(&self, sha256: &str, ids: &HashMap<&str, usize>) -> Option<Vec<(usize, Match)>> {
        self.articles
            .get(sha256)?
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

    pub fn put(&mut self, sha256: &str, found: &[(usize, Match)], entries: &[LibraryEntry]) {
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
        self.articles.insert(sha256.to_string(), cached);
        self.added += 1;
    }

    /// Writes the cache if anything was added, keeping only the articles in `keep`.
    pub fn save(mut self, path: &Path, keep: &[&str]) {
        if self.added == 0 {
            return;
        }
        let keep: std::collections::HashSet<&str> = keep.iter().copied().collect();
        self.articles.retain(|k, _| keep.contains(k.as_str()));
        let file = CacheFile {
            key: self.key,
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
/// With a cache (its file and the library's key), what an earlier run
/// matched against the same library is taken as it was, only changed
/// articles are matched, and the cache is brought up to date.
pub fn match_corpus(
    index: &super::matching::MatchIndex,
    articles: &[crate::corpus::Article],
    analyses: &[&crate::text::ArticleAnalysis],
    cache: Option<(&Path, &str)>,
) -> Vec<Vec<(usize, Match)>> {
    use rayon::prelude::*;
    let mut matched = cache.map_or_else(MatchCache::default, |(p, k)| MatchCache::load(p, k));
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
    // before the threads query it.
    if hits.iter().any(Option::is_none) {
        index.prepare();
    }
    let found: Vec<(Vec<(usize, Match)>, bool)> = hits
        .into_par_iter()
        .zip(articles.par_iter().zip(analyses.par_iter()))
        .map(|(hit, (article, analysis))| match hit {
            Some(hit) => (hit, false),
            None => (
                super::matching::sentence_matches(
                    index,
                    article,
                    analysis,
                    PER_SENTENCE,
                    super::matching::SHOWN_FROM,
                ),
                true,
            ),
        })
        .collect();
    for (article, (f, new)) in articles.iter().zip(&found) {
        if *new {
            matched.put(&article.sha256, f, &index.entries);
        }
    }
    if let Some((path, _)) = cache {
        let keep: Vec<&str> = articles.iter().map(|a| a.sha256.as_str()).collect();
        matched.save(path, &keep);
    }
    found.into_iter().map(|(f, _)| f).collect()
}

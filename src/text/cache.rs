//! The index cache: each article's sentences (spans, flags, scores: the
//! slim analysis) kept in the user's cache directory, so `stats` and a second
//! start need not analyse articles they have seen.
//!
//! Entries are keyed by the article's content hash, so a changed file is
//! never served stale whatever its size or time; the file names the program
//! version that wrote it, and a cache from another version, or one that does
//! not parse, is ignored and rewritten, never trusted and never an error.

use super::{ArticleAnalysis, Sentence};
use crate::corpus::Sha256;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What must match for a cache to be used: this program's version and the
/// cache's own layout, raised too when sentences may score otherwise (2: "I'm"
/// is no name; 3: nor "Mr").
pub fn program_version() -> String {
    format!("claimdesk {} index 3", env!("CARGO_PKG_VERSION"))
}

/// One sentence: start, end, line, flags (1 chrome, 2 heading), score.
type Row = (u32, u32, u32, u8, f32);

#[derive(Serialize, Deserialize, Default)]
struct CacheFile {
    version: String,
    /// Article content sha256 → its sentences.
    articles: HashMap<String, Vec<Row>>,
}

/// The cache of one corpus.
#[derive(Default)]
pub struct IndexCache {
    entries: HashMap<String, Vec<Row>>,
    /// Entries added since loading: the file is written only when there are.
    added: usize,
}

/// Where the cache of the corpus at `corpus` lives under `cache_dir`.
pub fn path_for(cache_dir: &Path, corpus: &Path) -> PathBuf {
    let root = std::fs::canonicalize(corpus).unwrap_or_else(|_| corpus.to_path_buf());
    let key = crate::corpus::sha256_hex(root.to_string_lossy().as_bytes());
    cache_dir.join(format!("index-{}.json", &key[..16]))
}

impl IndexCache {
    /// The cache at `path` if it was written by `version`; else an empty one.
    pub fn load(path: &Path, version: &str) -> IndexCache {
        let parsed = std::fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<CacheFile>(&bytes).ok())
            .filter(|f| f.version == version);
        IndexCache {
            entries: parsed.map(|f| f.articles).unwrap_or_default(),
            added: 0,
        }
    }

    /// The slim analysis of the article whose content hash is `sha256`.
    pub fn get(&self, sha256: &Sha256) -> Option<ArticleAnalysis> {
        let rows = self.entries.get(&sha256.hex())?;
        Some(ArticleAnalysis {
            // A line index no article could have: a damaged cache, not used.
            sentences: rows
                .iter()
                .map(|&(start, end, line, flags, score)| {
                    (line <= super::LINE).then_some(Sentence {
                        start,
                        end,
                        line_and_kind: line
                            | if flags & 1 != 0 { super::CHROME } else { 0 }
                            | if flags & 2 != 0 { super::HEADING } else { 0 },
                        score,
                        details: None,
                    })
                })
                .collect::<Option<_>>()?,
            slim: true,
        })
    }

    pub fn put(&mut self, sha256: &Sha256, analysis: &ArticleAnalysis) {
        let key = sha256.hex();
        if self.entries.contains_key(&key) {
            return;
        }
        let rows = analysis
            .sentences
            .iter()
            .map(|s| {
                (
                    s.start,
                    s.end,
                    s.line() as u32,
                    u8::from(s.chrome()) | (u8::from(s.heading()) << 1),
                    s.score,
                )
            })
            .collect();
        self.entries.insert(key, rows);
        self.added += 1;
    }

    /// Writes the cache if anything was added, keeping only the articles of
    /// `keep` (the corpus as it is now). Failing to write is not worth an
    /// error: the next run analyses again.
    pub fn save(mut self, path: &Path, version: &str, keep: &[Sha256]) {
        if self.added == 0 {
            return;
        }
        let keep: std::collections::HashSet<String> = keep.iter().map(Sha256::hex).collect();
        self.entries.retain(|k, _| keep.contains(k));
        let file = CacheFile {
            version: version.to_string(),
            articles: self.entries,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;

    fn article(text: &str) -> Article {
        Article::from_bytes("a.txt".into(), text.as_bytes())
    }

    #[test]
    fn a_cached_analysis_is_the_slim_analysis() {
        let a = article("Police seized 28 tons of cocaine on Monday.\n\nMenu | Home | News\n");
        let full = super::super::analyse(&a);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.json");
        let mut cache = IndexCache::load(&path, "v1");
        assert!(cache.get(&a.sha256).is_none());
        cache.put(&a.sha256, &full);
        cache.save(&path, "v1", &[a.sha256]);
        let again = IndexCache::load(&path, "v1");
        assert_eq!(again.get(&a.sha256), Some(full.slim()));
    }

    #[test]
    fn a_changed_file_another_version_or_a_corrupt_cache_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.json");
        let a = article("Police seized 28 tons of cocaine on Monday.\n");
        let mut cache = IndexCache::load(&path, "v1");
        cache.put(&a.sha256, &super::super::analyse(&a));
        cache.save(&path, "v1", &[a.sha256]);
        let changed = article("Police seized 29 tons of cocaine on Monday.\n");
        assert!(IndexCache::load(&path, "v1").get(&changed.sha256).is_none());
        assert!(
            IndexCache::load(&path, "v2").get(&a.sha256).is_none(),
            "another version"
        );
        std::fs::write(&path, b"{\"version\": \"v1\", \"articles\": {\"x\": [[1,").unwrap();
        let corrupt = IndexCache::load(&path, "v1");
        assert!(
            corrupt.get(&a.sha256).is_none(),
            "a corrupt cache is empty, not an error"
        );
        let mut rebuilt = corrupt;
        rebuilt.put(&a.sha256, &super::super::analyse(&a));
        rebuilt.save(&path, "v1", &[a.sha256]);
        assert!(
            IndexCache::load(&path, "v1").get(&a.sha256).is_some(),
            "rebuilt"
        );
    }

    #[test]
    fn a_cached_line_index_no_article_could_have_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.json");
        let a = article("Police seized 28 tons of cocaine on Monday.\n");
        let row = |line: u32| format!("[0, 43, {line}, 0, 0.5]");
        for (line, usable) in [
            (0, true),
            ((1 << 30) - 1, true),
            (1 << 30, false),
            (u32::MAX, false),
        ] {
            std::fs::write(
                &path,
                format!(
                    "{{\"version\": \"v1\", \"articles\": {{\"{}\": [{}]}}}}",
                    a.sha256,
                    row(line)
                ),
            )
            .unwrap();
            let got = IndexCache::load(&path, "v1").get(&a.sha256);
            assert_eq!(got.is_some(), usable, "line {line}");
            if let Some(got) = got {
                let s = &got.sentences[0];
                assert_eq!((s.start(), s.end(), s.line()), (0, 43, line as usize));
                assert!(!s.chrome() && !s.heading());
            }
        }
    }
}

//! The index cache: each article's sentences (spans, flags, scores: the
//! slim analysis) kept in the user's cache directory, so `stats` and a second
//! start need not analyse articles they have seen.
//!
//! Entries are keyed by the article's content hash, so a changed file is
//! never served stale whatever its size or time, and by the kinds of its
//! lines, which the rest of the corpus can change (a short line that recurs
//! in three articles is chrome in each); the file names the program
//! version that wrote it, and a cache from another version, or one that does
//! not parse, is ignored and rewritten, never trusted and never an error.

use super::{ArticleAnalysis, Sentence};
use crate::corpus::{Article, LineKind, Sha256};
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// What must match for a cache to be used: this program's version and the
/// cache's own layout, raised too when sentences may score otherwise (2: "I'm"
/// is no name; 3: nor "Mr"; 4: keyed by the lines' kinds too; 5: an entry a
/// line).
pub fn program_version() -> String {
    format!("claimdesk {} index 5", env!("CARGO_PKG_VERSION"))
}

/// An article's entry key: its content hash, then a hash of its lines'
/// kinds (blank, chrome, heading, content), which decide how its text is
/// split and which sentences are weighed.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    sha256: Sha256,
    lines: u64,
}

fn key(article: &Article) -> Key {
    // FNV-1a: stable from run to run, unlike the std hasher's random keys.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for line in article.lines.iter() {
        let class = match line.kind {
            LineKind::Blank => 0u8,
            LineKind::Chrome(_) => 1,
            LineKind::Heading => 2,
            LineKind::Content => 3,
        };
        h = (h ^ u64::from(class)).wrapping_mul(0x0100_0000_01b3);
    }
    Key {
        sha256: article.sha256,
        lines: h,
    }
}

impl Key {
    /// As the file spells it: the sha256's 64 hex digits, "-", 16 more.
    fn spelled(&self) -> String {
        format!("{}-{:016x}", self.sha256.hex(), self.lines)
    }

    fn parse(text: &str) -> Option<Key> {
        let (sha256, lines) = text.split_once('-')?;
        Some(Key {
            sha256: Sha256::from_hex(sha256)?,
            lines: u64::from_str_radix(lines, 16)
                .ok()
                .filter(|_| lines.len() == 16)?,
        })
    }
}

/// One sentence: start, end, line, flags (1 chrome, 2 heading), score.
type Row = (u32, u32, u32, u8, f32);

/// An entry's rows: where they are in the file read, or written since.
enum Rows {
    InFile(Range<usize>),
    Added(String),
}

/// The cache of one corpus.
///
/// The file is JSON, `{"version": …, "articles": {key: rows, …}}`, written
/// with the version on the first line and each article's entry on a line
/// of its own: reading it is finding line ends, and an entry's rows are
/// parsed only when an article asks for them (then on every core). Parsing
/// the whole file as JSON took 40-60 ms of a 0.6 s listing of 17,491
/// cached articles, one core busy and the other idle.
#[derive(Default)]
pub struct IndexCache {
    /// The file as read.
    file: String,
    entries: HashMap<Key, Rows, rustc_hash::FxBuildHasher>,
    /// Entries added since loading: the file is written only when there are.
    added: usize,
}

/// One article's entry, made on any thread (see `IndexCache::entry`).
pub struct CacheEntry {
    key: Key,
    rows: String,
}

/// Where the cache of the corpus at `corpus` lives under `cache_dir`.
pub fn path_for(cache_dir: &Path, corpus: &Path) -> PathBuf {
    let root = std::fs::canonicalize(corpus).unwrap_or_else(|_| corpus.to_path_buf());
    let key = crate::corpus::sha256_hex(root.to_string_lossy().as_bytes());
    cache_dir.join(format!("index-{}.json", &key[..16]))
}

/// The file's first line, naming the version that wrote it.
fn header(version: &str) -> String {
    let version = serde_json::to_string(version).expect("a string serialises");
    format!("{{\"version\":{version},\"articles\":{{\n")
}

/// The file's last line.
const FOOTER: &str = "}}\n";

/// The entries of `file` (each key and the byte range of its rows) if it
/// was written by `version` and is whole. A line that is not an entry is
/// left out: that article is analysed again and its entry written anew.
fn entries_of(file: &str, version: &str) -> Option<Vec<(Key, Range<usize>)>> {
    let body = file.strip_prefix(&header(version))?.strip_suffix(FOOTER)?;
    let offset = file.len() - FOOTER.len() - body.len();
    let mut entries = Vec::with_capacity(body.len() / 256);
    let mut at = offset;
    for line in body.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let line = line.strip_suffix('\n').unwrap_or(line);
        let entry = line.strip_suffix(',').unwrap_or(line);
        let Some((quoted, _)) = entry.split_once(':') else {
            continue;
        };
        let parsed = quoted
            .strip_prefix('"')
            .and_then(|k| k.strip_suffix('"'))
            .and_then(Key::parse);
        if let Some(key) = parsed {
            let rows = start + quoted.len() + 1..start + entry.len();
            entries.push((key, rows));
        }
    }
    Some(entries)
}

impl IndexCache {
    /// The cache at `path` if it was written by `version`; else an empty one.
    pub fn load(path: &Path, version: &str) -> IndexCache {
        let file = std::fs::read(path)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .unwrap_or_default();
        let Some(found) = entries_of(&file, version) else {
            return IndexCache::default();
        };
        let mut entries = HashMap::with_capacity_and_hasher(found.len(), Default::default());
        for (key, rows) in found {
            entries.insert(key, Rows::InFile(rows));
        }
        IndexCache {
            file,
            entries,
            added: 0,
        }
    }

    fn rows(&self, key: &Key) -> Option<&str> {
        match self.entries.get(key)? {
            Rows::InFile(range) => self.file.get(range.clone()),
            Rows::Added(rows) => Some(rows),
        }
    }

    /// The slim analysis of `article`, if the cache has its text with its
    /// lines of the same kinds.
    pub fn get(&self, article: &Article) -> Option<ArticleAnalysis> {
        let rows: Vec<Row> = serde_json::from_str(self.rows(&key(article))?).ok()?;
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

    /// `article`'s entry for `insert`: its rows written out, which the
    /// cores can do as they analyse, where `save` would do it all in turn.
    pub fn entry(article: &Article, analysis: &ArticleAnalysis) -> CacheEntry {
        let rows: Vec<Row> = analysis
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
        CacheEntry {
            key: key(article),
            rows: serde_json::to_string(&rows).expect("numbers serialise"),
        }
    }

    /// Adds an entry, in the place of any the cache had for the article
    /// (which `get` did not give: damaged).
    pub fn insert(&mut self, entry: CacheEntry) {
        self.entries.insert(entry.key, Rows::Added(entry.rows));
        self.added += 1;
    }

    /// Adds `article`'s analysis unless the cache has it already.
    pub fn put(&mut self, article: &Article, analysis: &ArticleAnalysis) {
        if self.get(article).is_none() {
            self.insert(IndexCache::entry(article, analysis));
        }
    }

    /// Writes the cache if anything was added, keeping only the articles of
    /// `keep` (the corpus as it is now). Failing to write is not worth an
    /// error: the next run analyses again.
    pub fn save(self, path: &Path, version: &str, keep: &[Article]) {
        if self.added == 0 {
            return;
        }
        let keep: std::collections::HashSet<Key, rustc_hash::FxBuildHasher> = {
            use rayon::prelude::*;
            keep.par_iter().map(key).collect()
        };
        let kept: Vec<(String, &str)> = self
            .entries
            .keys()
            .filter(|k| keep.contains(k))
            .filter_map(|k| Some((k.spelled(), self.rows(k)?)))
            .collect();
        let bytes = file_text(version, &kept);
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = crate::store::write_atomic(path, bytes.as_bytes());
    }
}

/// The file's text: the header, each (spelled key, rows) on a line of its
/// own, the footer.
fn file_text(version: &str, entries: &[(String, &str)]) -> String {
    // Megabytes for a large corpus: written into room made once.
    let size: usize = entries.iter().map(|(k, v)| k.len() + v.len() + 5).sum();
    let mut out = String::with_capacity(size + 128);
    out.push_str(&header(version));
    for (i, (key, rows)) in entries.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        out.push('"');
        out.push_str(key);
        out.push_str("\":");
        out.push_str(rows);
    }
    if !entries.is_empty() {
        out.push('\n');
    }
    out.push_str(FOOTER);
    out
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
        assert!(cache.get(&a).is_none());
        cache.put(&a, &full);
        cache.save(&path, "v1", std::slice::from_ref(&a));
        let again = IndexCache::load(&path, "v1");
        assert_eq!(again.get(&a), Some(full.slim()));
    }

    #[test]
    fn a_changed_file_another_version_or_a_corrupt_cache_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.json");
        let a = article("Police seized 28 tons of cocaine on Monday.\n");
        let mut cache = IndexCache::load(&path, "v1");
        cache.put(&a, &super::super::analyse(&a));
        cache.save(&path, "v1", std::slice::from_ref(&a));
        let changed = article("Police seized 29 tons of cocaine on Monday.\n");
        assert!(IndexCache::load(&path, "v1").get(&changed).is_none());
        assert!(
            IndexCache::load(&path, "v2").get(&a).is_none(),
            "another version"
        );
        std::fs::write(&path, b"{\"version\": \"v1\", \"articles\": {\"x\": [[1,").unwrap();
        let corrupt = IndexCache::load(&path, "v1");
        assert!(
            corrupt.get(&a).is_none(),
            "a corrupt cache is empty, not an error"
        );
        let mut rebuilt = corrupt;
        rebuilt.put(&a, &super::super::analyse(&a));
        rebuilt.save(&path, "v1", std::slice::from_ref(&a));
        assert!(IndexCache::load(&path, "v1").get(&a).is_some(), "rebuilt");
    }

    #[test]
    fn an_article_whose_lines_the_corpus_made_chrome_is_not_served_stale() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.json");
        let text = "Police seize 28 tons of cocaine\n\nLive coverage of the raid\n\nPolice seized 28 tons on Monday.\n";
        let alone = article(text);
        let mut cache = IndexCache::load(&path, "v1");
        cache.put(&alone, &super::super::analyse(&alone));
        cache.save(&path, "v1", std::slice::from_ref(&alone));
        // Three more articles with the same short line: in this corpus it
        // is the site's, chrome in every article, the first one too.
        let mut corpus: Vec<Article> = (0..4)
            .map(|i| {
                let other =
                    format!("Story {i} about rain\n\nLive coverage of the raid\n\nIt rained.\n");
                article(if i == 0 { text } else { &other })
            })
            .collect();
        crate::corpus::mark_repeated_lines(&mut corpus);
        assert_eq!(corpus[0].sha256, alone.sha256, "the same text");
        let fresh = super::super::analyse(&corpus[0]).slim();
        assert!(fresh.sentences[1].chrome());
        let cache = IndexCache::load(&path, "v1");
        assert_eq!(
            cache.get(&alone),
            Some(super::super::analyse(&alone).slim())
        );
        assert_eq!(
            cache.get(&corpus[0]),
            None,
            "its lines are not what they were"
        );
    }

    #[test]
    fn a_damaged_entry_is_not_used_and_is_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.json");
        let a = article("Police seized 28 tons of cocaine on Monday.\n");
        let b = article("Rain fell on Tuesday.\n");
        let b_rows = IndexCache::entry(&b, &super::super::analyse(&b)).rows;
        let file = file_text(
            "v1",
            &[
                (key(&a).spelled(), "[[\"x\"]]"),
                (key(&b).spelled(), &b_rows),
            ],
        );
        std::fs::write(&path, file).unwrap();
        let mut cache = IndexCache::load(&path, "v1");
        assert!(cache.get(&a).is_none(), "the damaged entry");
        assert!(cache.get(&b).is_some(), "the others are used");
        cache.put(&a, &super::super::analyse(&a));
        cache.save(&path, "v1", &[a.clone(), b.clone()]);
        let again = IndexCache::load(&path, "v1");
        assert_eq!(again.get(&a), Some(super::super::analyse(&a).slim()));
        assert!(again.get(&b).is_some());
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
            let rows = format!("[{}]", row(line));
            std::fs::write(&path, file_text("v1", &[(key(&a).spelled(), &rows)])).unwrap();
            let got = IndexCache::load(&path, "v1").get(&a);
            assert_eq!(got.is_some(), usable, "line {line}");
            if let Some(got) = got {
                let s = &got.sentences[0];
                assert_eq!((s.start(), s.end(), s.line()), (0, 43, line as usize));
                assert!(!s.chrome() && !s.heading());
            }
        }
    }

    #[test]
    fn the_file_is_json_and_a_line_that_is_no_entry_costs_that_entry_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.json");
        let corpus: Vec<Article> = [
            "Rain fell on Tuesday.\n",
            "Police seized 28 tons.\n",
            "Hi.\n",
        ]
        .iter()
        .map(|t| article(t))
        .collect();
        let mut cache = IndexCache::load(&path, "v1");
        for a in &corpus {
            cache.put(a, &super::super::analyse(a));
        }
        cache.save(&path, "v1", &corpus);
        let text = std::fs::read_to_string(&path).unwrap();
        // Any JSON reader reads it: the version and an entry per article.
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["version"], "v1");
        let articles = json["articles"].as_object().unwrap();
        assert_eq!(articles.len(), 3);
        assert_eq!(text.lines().count(), 5, "the version, 3 entries, the end");
        for a in &corpus {
            let rows = &articles[&key(a).spelled()];
            assert_eq!(
                rows,
                &serde_json::from_str::<serde_json::Value>(
                    &IndexCache::entry(a, &super::super::analyse(a)).rows
                )
                .unwrap()
            );
        }
        // The second entry's line damaged: the other two are still used.
        let second = text.lines().nth(2).unwrap();
        std::fs::write(&path, text.replace(second, "\"not a key\":[],")).unwrap();
        let cache = IndexCache::load(&path, "v1");
        let used: Vec<bool> = corpus.iter().map(|a| cache.get(a).is_some()).collect();
        assert_eq!(used.iter().filter(|&&u| u).count(), 2, "{used:?}");
        // Cut short: not trusted at all.
        std::fs::write(&path, &text[..text.len() - 3]).unwrap();
        assert!(
            corpus
                .iter()
                .all(|a| IndexCache::load(&path, "v1").get(a).is_none())
        );
    }
}

//! What the session keeps of matching: each article's sentences that match
//! the library, and only the library claims they matched.

use super::LibraryEntry;
use super::matching::Match;
use std::collections::HashMap;

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

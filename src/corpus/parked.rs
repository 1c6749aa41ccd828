//! An article's text, held on the heap or parked in a file.
//!
//! Once a corpus is indexed and linked, the workbench needs its texts only
//! where they are shown: the open article, the sentences of related reports,
//! an export. Parked, the texts are written to one file without a name in
//! the cache folder and mapped read-only: the kernel keeps in memory only the
//! pages read, and may drop them again and read them back, where the heap
//! held every text for the whole session (30 MB of 20,000 articles).
//!
//! The file has no name from the moment it exists, so no other program can
//! open, change or truncate it, and it goes when the session does.

use std::fmt;
use std::io::{self, Write};
use std::ops::Deref;
use std::path::Path;
use std::sync::Arc;

/// An article's text: UTF-8, LF line ends, as `canonical::decode_owned` made it.
#[derive(Clone)]
pub struct ArticleText(Repr);

#[derive(Clone)]
enum Repr {
    Held(String),
    Parked {
        file: Arc<memmap2::Mmap>,
        start: usize,
        len: usize,
    },
}

impl ArticleText {
    pub fn as_str(&self) -> &str {
        self
    }

    /// Whether the text lives in a parked file rather than on the heap.
    pub fn is_parked(&self) -> bool {
        matches!(self.0, Repr::Parked { .. })
    }
}

impl Deref for ArticleText {
    type Target = str;

    fn deref(&self) -> &str {
        match &self.0 {
            Repr::Held(text) => text,
            Repr::Parked { file, start, len } => {
                let bytes = &file[*start..*start + *len];
                // SAFETY: `park` wrote these bytes from a `&str` into a file
                // that had no name when it was written and mapped it
                // read-only (see there): they are the UTF-8 written.
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
        }
    }
}

impl Default for ArticleText {
    fn default() -> Self {
        ArticleText(Repr::Held(String::new()))
    }
}

impl From<String> for ArticleText {
    fn from(text: String) -> Self {
        ArticleText(Repr::Held(text))
    }
}

impl From<&str> for ArticleText {
    fn from(text: &str) -> Self {
        ArticleText(Repr::Held(text.to_string()))
    }
}

impl fmt::Debug for ArticleText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl fmt::Display for ArticleText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl PartialEq for ArticleText {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl PartialEq<str> for ArticleText {
    fn eq(&self, other: &str) -> bool {
        &**self == other
    }
}

impl PartialEq<String> for ArticleText {
    fn eq(&self, other: &String) -> bool {
        &**self == other.as_str()
    }
}

impl PartialEq<&str> for ArticleText {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

/// Writes `texts` to a file without a name in `dir` and returns each parked
/// there, in order. Nothing is parked when there is nothing to park or the
/// folder cannot take the file (read-only, full): the caller keeps its texts.
pub fn park<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    dir: &Path,
) -> io::Result<Vec<ArticleText>> {
    let mut file = io::BufWriter::new(tempfile::tempfile_in(dir)?);
    let mut spans = Vec::new();
    let mut at = 0;
    for text in texts {
        file.write_all(text.as_bytes())?;
        spans.push((at, text.len()));
        at += text.len();
    }
    if at == 0 {
        return Err(io::Error::other("no text to park"));
    }
    let file = file.into_inner().map_err(|e| e.into_error())?;
    // SAFETY: the file has no name (see the module's comment): no program
    // can open it by a path, only through this process (as a program of
    // the same user could change the process's memory itself), and it is
    // mapped read-only and never written again.
    let map = Arc::new(unsafe { memmap2::Mmap::map(&file)? });
    // Read where the reader is, not the pages around it.
    let _ = map.advise(memmap2::Advice::Random);
    if map.len() != at {
        return Err(io::Error::other("the parked file is not what was written"));
    }
    Ok(spans
        .into_iter()
        .map(|(start, len)| {
            ArticleText(Repr::Parked {
                file: map.clone(),
                start,
                len,
            })
        })
        .collect())
}

/// An article's text parked, for the article it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct ParkedText {
    pub article: usize,
    /// The hash of the file the text was read from: a text is only ever
    /// taken by the article read from the same bytes.
    pub sha256: super::Sha256,
    pub text: ArticleText,
}

impl super::Corpus {
    /// Parks the texts still on the heap in a file of `dir` (see the module's
    /// comment). The corpus is left as it is: `take_parked` swaps them in.
    /// Nothing to park, or a folder that cannot take the file, gives none.
    pub fn park(&self, dir: &Path) -> Vec<ParkedText> {
        self.park_range(dir, 0..self.articles.len())
    }

    /// `park` for the articles of `range`.
    pub fn park_range(&self, dir: &Path, range: std::ops::Range<usize>) -> Vec<ParkedText> {
        let held: Vec<usize> = range
            .filter(|&i| {
                let a = &self.articles[i];
                !a.pending && !a.text.is_parked() && !a.text.is_empty()
            })
            .collect();
        let Ok(texts) = park(held.iter().map(|&i| self.articles[i].text.as_str()), dir) else {
            return Vec::new();
        };
        held.into_iter()
            .zip(texts)
            .map(|(article, text)| ParkedText {
                article,
                sha256: self.articles[article].sha256,
                text,
            })
            .collect()
    }

    /// Takes the parked texts of the articles that were read from the same
    /// bytes, in place of the texts they hold. Returns how many it took.
    pub fn take_parked(&mut self, parked: Vec<ParkedText>) -> usize {
        let mut taken = 0;
        for p in parked {
            if let Some(a) = self.articles.get_mut(p.article)
                && !a.pending
                && a.sha256 == p.sha256
                // Not compared byte by byte: that would read every parked page.
                && a.text.len() == p.text.len()
            {
                a.text = p.text;
                taken += 1;
            }
        }
        taken
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parked_texts_read_as_they_were_written() {
        let dir = tempfile::tempdir().unwrap();
        let texts = ["Über 27 Tonnen.\n", "", "second\nline ✓\n"];
        let parked = park(texts, dir.path()).unwrap();
        assert_eq!(parked.len(), 3);
        for (p, t) in parked.iter().zip(texts) {
            assert!(p.is_parked());
            assert_eq!(p, &t);
        }
        // The file has no name: the folder stays empty.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        // A clone reads the same after the others are gone.
        let kept = parked[2].clone();
        drop(parked);
        assert_eq!(&*kept, "second\nline ✓\n");
    }

    #[test]
    fn a_corpus_takes_back_only_the_texts_of_the_same_bytes() {
        use crate::corpus::{Article, Corpus};
        let dir = tempfile::tempdir().unwrap();
        let article = |name: &str, body: &str| Article::from_bytes(name.into(), body.as_bytes());
        let mut corpus = Corpus {
            root: dir.path().into(),
            articles: vec![
                article("a.txt", "Police seized 28 tons.\n"),
                Article::pending("b.txt".into()),
                article("c.txt", "The port said 11 tons.\n"),
                article("d.txt", "Unchanged.\n"),
            ],
        };
        let parked = corpus.park(dir.path());
        // The pending article has no text to park.
        assert_eq!(
            parked.iter().map(|p| p.article).collect::<Vec<_>>(),
            [0, 2, 3]
        );
        // c.txt was read again, changed, before the texts came back.
        corpus.articles[2] = article("c.txt", "The port said 12 tons.\n");
        assert_eq!(corpus.take_parked(parked), 2);
        let texts: Vec<(&str, bool)> = corpus
            .articles
            .iter()
            .map(|a| (a.text.as_str(), a.text.is_parked()))
            .collect();
        assert_eq!(
            texts,
            [
                ("Police seized 28 tons.\n", true),
                ("", false),
                ("The port said 12 tons.\n", false),
                ("Unchanged.\n", true),
            ]
        );
        assert_eq!(corpus.articles[0].slice(7, 13), "seized");
        // Parking again parks only what is still held.
        let again = corpus.park(dir.path());
        assert_eq!(again.iter().map(|p| p.article).collect::<Vec<_>>(), [2]);
    }

    #[test]
    fn nothing_is_parked_without_text_or_a_writable_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert!(park(["", ""], dir.path()).is_err());
        assert!(park(["text"], &dir.path().join("missing")).is_err());
        assert!(!ArticleText::from("held").is_parked());
    }
}

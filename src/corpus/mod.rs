//! A corpus: a directory of articles, each decoded to canonical text with its
//! lines classified and its metadata found.

pub mod canonical;
pub mod chrome;
mod digest;
mod files;
mod meta;
pub mod parked;
pub mod words;
pub mod wrap;

use std::path::{Path, PathBuf};

pub use canonical::CharIndex;
pub use chrome::{ChromeKind, LineKind};
pub use digest::Sha256;
pub(crate) use files::lower_io;
pub use files::{MAX_ARTICLE_BYTES, discover, read_article_file};
use files::{discover_listed, is_web_page, read_listed_file};
pub use meta::{Metadata, TitleSource, shorten};
pub use parked::ArticleText;

/// The `url:` of a text's front matter, if it has one.
pub fn front_matter_url(text: &str) -> Option<String> {
    meta::front_matter(text).0.url
}

/// One line of an article in char offsets of the canonical text (`end` excludes the newline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// u32 offsets: a corpus holds hundreds of thousands of lines for the
    /// whole session, and no article is 4 GiB.
    start: u32,
    end: u32,
    pub kind: LineKind,
    /// The break after this line is soft (hard-wrapped text): sentences run on.
    pub joins_next: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArticleProblem {
    #[error("{replaced} invalid UTF-8 sequence(s) replaced with �")]
    InvalidUtf8 { replaced: usize },
    #[error("the file is empty")]
    Empty,
    #[error("the file cannot be read: {0}")]
    Unreadable(String),
}

#[derive(Debug, Clone)]
pub struct Article {
    /// Path relative to the corpus root, with `/` separators.
    pub id: String,
    /// Canonical text: UTF-8, LF line ends. Every offset counts its chars.
    pub text: ArticleText,
    pub index: CharIndex,
    /// sha256 of the raw file bytes (of a web page, of its extracted text).
    pub sha256: Sha256,
    pub meta: Metadata,
    pub lines: Box<[Line]>,
    pub problems: Vec<ArticleProblem>,
    /// Not read yet: the workbench opens on the articles it shows first and
    /// reads the rest behind the first frame. Such an article has no text
    /// and its title is its file name.
    pub pending: bool,
}

impl Line {
    /// Char offset of the line's first char.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Char offset just past the line's last char (its newline excluded).
    pub fn end(&self) -> usize {
        self.end as usize
    }
}

/// An offset (char, line) into an article kept as u32: files are read up to
/// `MAX_ARTICLE_BYTES`, far below u32.
pub(crate) fn offset(pos: usize) -> u32 {
    u32::try_from(pos).expect("an article's offsets fit in u32 (files are capped at 64 MiB)")
}

impl Article {
    /// Builds an article from raw bytes; never fails, problems are recorded.
    pub fn from_bytes(id: String, bytes: &[u8]) -> Article {
        Article::from_owned_bytes(id, bytes.to_vec())
    }

    /// `from_bytes` for bytes read for the purpose: valid UTF-8 becomes the
    /// text without a copy.
    pub fn from_owned_bytes(id: String, bytes: Vec<u8>) -> Article {
        let sha256 = Sha256::of(&bytes);
        let decoded = canonical::decode_owned(bytes);
        let mut problems = Vec::new();
        if decoded.replaced > 0 {
            problems.push(ArticleProblem::InvalidUtf8 {
                replaced: decoded.replaced,
            });
        }
        if decoded.text.trim().is_empty() {
            problems.push(ArticleProblem::Empty);
        }
        let text = decoded.text;
        let index = CharIndex::new(&text);
        let (front, body_line) = meta::front_matter(&text);
        let raw_lines: Vec<&str> = text.split('\n').collect();
        let alone: Vec<LineKind> = raw_lines
            .iter()
            .map(|l| chrome::classify_alone(l))
            .collect();
        let soft = wrap::soft_breaks(&raw_lines, body_line, &alone);
        let kinds = chrome::classify_lines_wrapped(&raw_lines, body_line, &soft, alone);
        let mut lines = Vec::with_capacity(raw_lines.len());
        let mut pos = 0;
        for ((raw, kind), joins_next) in raw_lines.iter().zip(kinds).zip(soft) {
            let len = raw.chars().count();
            lines.push(Line {
                start: offset(pos),
                end: offset(pos + len),
                kind,
                joins_next,
            });
            pos += len + 1;
        }
        let meta = meta::metadata(&front, &raw_lines, &lines, &id);
        Article {
            id,
            sha256,
            text: text.into(),
            index,
            meta,
            lines: lines.into_boxed_slice(),
            problems,
            pending: false,
        }
    }

    /// An article whose file is still to be read.
    pub fn pending(id: String) -> Article {
        let mut a = Article::from_bytes(id, b"");
        a.problems.clear();
        a.pending = true;
        a
    }

    fn unreadable(id: String, why: String) -> Article {
        let mut a = Article::from_bytes(id, b"");
        a.problems = vec![ArticleProblem::Unreadable(why)];
        a
    }

    /// Recomputes the title and metadata after line kinds changed.
    pub fn refresh_metadata(&mut self) {
        let raw: Vec<&str> = self.text.split('\n').collect();
        // Read again, not kept: it costs a hundred bytes an article for the
        // session, and this is rare.
        let (front, _) = meta::front_matter(&self.text);
        self.meta = meta::metadata(&front, &raw, &self.lines, &self.id);
    }

    pub fn char_len(&self) -> usize {
        self.index.char_len()
    }

    pub fn slice(&self, start: usize, end: usize) -> &str {
        self.index.slice(&self.text, start, end)
    }

    /// The line containing char offset `pos` (the last line for offsets past the end).
    pub fn line_at(&self, pos: usize) -> Option<&Line> {
        let i = self.lines.partition_point(|l| l.end() < pos);
        self.lines.get(i).or(self.lines.last())
    }
}

/// Hex sha256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::of(bytes).hex()
}

#[derive(Debug)]
pub struct Corpus {
    pub root: PathBuf,
    pub articles: Vec<Article>,
}

impl Corpus {
    /// Some article files are still to be read (see `CorpusFiles::read_window`).
    pub fn is_partial(&self) -> bool {
        self.articles.iter().any(|a| a.pending)
    }
}

/// Why a corpus cannot be read at all, in one sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct CorpusError(pub String);

/// Loads a whole corpus. Only a missing or unreadable root is an error; a bad
/// file becomes an article with its problem recorded.
pub fn load(root: &Path) -> Result<Corpus, CorpusError> {
    load_with(root, Links::InsideCorpus)
}

/// Which links to files an article may be read through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Only links that stay inside the corpus (the default: a planted link
    /// to /etc/passwd must not end up in a report).
    InsideCorpus,
    /// Any link, when the user asks (`--follow-links`).
    Anywhere,
}

/// `load`, choosing which links are followed.
pub fn load_with(root: &Path, links: Links) -> Result<Corpus, CorpusError> {
    Ok(CorpusFiles::discover(root, links)?.read_all())
}

/// Articles read on each side of the open one before the first frame: more
/// than any terminal has rows for the list.
pub const FIRST_SCREEN_ARTICLES: usize = 200;

/// A corpus's article files, found but not yet read: the workbench reads
/// the few its first screen shows, then the rest behind it.
#[derive(Debug, Clone)]
pub struct CorpusFiles {
    root: PathBuf,
    real_root: PathBuf,
    /// Id, path, and whether the listing gave it as a regular file.
    files: Vec<(String, PathBuf, bool)>,
}

impl CorpusFiles {
    pub fn discover(root: &Path, links: Links) -> Result<CorpusFiles, CorpusError> {
        let files = discover_listed(root)?;
        let real_root = match links {
            Links::InsideCorpus => {
                std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
            }
            Links::Anywhere => PathBuf::from("/"),
        };
        Ok(CorpusFiles {
            root: root.to_path_buf(),
            real_root,
            files,
        })
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Where the article `id` is in corpus order.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.files
            .binary_search_by(|(f, _, _)| f.as_str().cmp(id))
            .ok()
    }

    fn read(&self, i: usize) -> Article {
        let (id, path, listed_regular) = self.files[i].clone();
        let read = if listed_regular {
            read_listed_file(&self.real_root, &path)
        } else {
            read_article_file(&self.real_root, &path)
        };
        match read {
            Ok(bytes) if is_web_page(&path) => match crate::import::extract(&bytes, None) {
                Ok(page) => {
                    let text = crate::import::write::article_text(&page);
                    Article::from_owned_bytes(id, text.into_bytes())
                }
                Err(why) => Article::unreadable(id, format!("a web page, but {why}")),
            },
            Ok(bytes) => Article::from_owned_bytes(id, bytes),
            Err(why) => Article::unreadable(id, why),
        }
    }

    /// Every article read, decoded and classified, on every core.
    pub fn read_all(&self) -> Corpus {
        use rayon::prelude::*;
        let mut articles: Vec<Article> = (0..self.files.len())
            .into_par_iter()
            .map(|i| self.read(i))
            .collect();
        mark_repeated_lines(&mut articles);
        Corpus {
            root: self.root.clone(),
            articles,
        }
    }

    /// What the workbench's first screen can show: the articles around the
    /// one it opens on (`open`, else the first), the others `pending`.
    pub fn read_first_screen(&self, open: Option<&str>) -> Corpus {
        let around = open.and_then(|id| self.position(id)).unwrap_or(0);
        self.read_window(around, FIRST_SCREEN_ARTICLES)
    }

    /// Only the articles within `radius` of `around` read; the others
    /// `pending`. Lines repeated within the window are chrome already, so
    /// the first screen's headlines rarely change once all is read.
    pub fn read_window(&self, around: usize, radius: usize) -> Corpus {
        use rayon::prelude::*;
        let window = around.saturating_sub(radius)..around.saturating_add(radius + 1);
        let mut articles: Vec<Article> = (0..self.files.len())
            .into_par_iter()
            .map(|i| {
                if window.contains(&i) {
                    self.read(i)
                } else {
                    Article::pending(self.files[i].0.clone())
                }
            })
            .collect();
        mark_repeated_lines(&mut articles);
        Corpus {
            root: self.root.clone(),
            articles,
        }
    }
}

/// Short lines without a final stop that recur in several articles (site
/// names, menus, "Advert 10") are chrome wherever they appear.
pub fn mark_repeated_lines(articles: &mut [Article]) {
    use rayon::prelude::*;
    // Each article's short headings, on every core; only the tally is
    // made in turn.
    let keyed: Vec<Vec<(usize, String)>> = articles
        .par_iter()
        .map(|a| {
            let mut keys: Vec<(usize, String)> = a
                .lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.kind == LineKind::Heading)
                .filter_map(|(i, l)| Some((i, chrome::repeat_key(a.slice(l.start(), l.end()))?)))
                .collect();
            keys.sort_by(|x, y| x.1.cmp(&y.1));
            keys
        })
        .collect();
    let mut seen: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for keys in &keyed {
        for (n, (_, k)) in keys.iter().enumerate() {
            // Once per article, however often the article repeats it.
            if n == 0 || keys[n - 1].1 != *k {
                *seen.entry(k.as_str()).or_default() += 1;
            }
        }
    }
    articles.par_iter_mut().zip(&keyed).for_each(|(a, keys)| {
        // Syndicated copies share their headline: in the headline's place a
        // repeated line is still the headline, not chrome.
        let headline = a.meta.headline_line();
        let mut changed = false;
        for (i, k) in keys {
            if Some(*i) != headline
                && seen.get(k.as_str()).copied().unwrap_or(0) >= chrome::CORPUS_REPEAT
            {
                a.lines[*i].kind = LineKind::Chrome(ChromeKind::SiteName);
                changed = true;
            }
        }
        if changed {
            a.refresh_metadata();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_carry_char_offsets() {
        let a = Article::from_bytes(
            "a.txt".into(),
            "Héllo wörld.\r\n\r\nSecond line.".as_bytes(),
        );
        assert_eq!(a.lines.len(), 3);
        assert_eq!((a.lines[0].start, a.lines[0].end), (0, 12));
        assert_eq!(
            a.slice(a.lines[2].start(), a.lines[2].end()),
            "Second line."
        );
        assert_eq!(a.line_at(13).map(|l| l.start), Some(13));
    }

    #[test]
    fn empty_and_invalid_files_are_flagged() {
        let a = Article::from_bytes("e.txt".into(), b"  \n");
        assert!(a.problems.contains(&ArticleProblem::Empty));
        let b = Article::from_bytes("b.txt".into(), b"Bad \xFF byte here.");
        assert_eq!(
            b.problems,
            vec![ArticleProblem::InvalidUtf8 { replaced: 1 }]
        );
    }

    #[test]
    fn a_headline_syndicated_to_three_articles_stays_their_headline() {
        let text = |n: usize| {
            format!(
                "Record cocaine haul seized at Antwerp port\n\nPolice said {n} tons were seized on Monday.\n\nNews Site\n"
            )
        };
        let mut articles: Vec<Article> = (0..3)
            .map(|n| Article::from_bytes(format!("{n}.txt"), text(n).as_bytes()))
            .collect();
        mark_repeated_lines(&mut articles);
        for a in &articles {
            assert_eq!(a.meta.title, "Record cocaine haul seized at Antwerp port");
            assert_eq!(a.lines[0].kind, LineKind::Heading);
            assert!(
                a.lines[4].kind.is_chrome(),
                "the repeated site name is chrome"
            );
        }
    }

    #[test]
    fn sha256_is_of_raw_bytes() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}

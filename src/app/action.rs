//! What can happen to the state (`Action`: keys, mouse, and the shell's
//! reports) and what the state asks of the shell (`Effect`: saves, exports,
//! reloads, quitting). The lowest floor of `app`: it imports no handler.

use super::keymap::Command;
use super::keys::KeyPress;
use crate::store::{self, ArticleAnnotations};
use crate::text::ArticleAnalysis;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseInput {
    Click { col: u16, row: u16 },
    ScrollUp { col: u16, row: u16 },
    ScrollDown { col: u16, row: u16 },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A command from the keymap.
    Command(Command),
    /// A raw key for the open overlay (editor, prompt, dialog, help).
    Input(KeyPress),
    /// Pasted text for the open overlay.
    Paste(String),
    Mouse(MouseInput),
    Resize(u16, u16),
    /// The background indexer finished an article.
    Indexed {
        article: usize,
        analysis: Arc<ArticleAnalysis>,
    },
    /// The corpus's sentences matched against the claim library.
    CheckedBefore(Arc<crate::library::matching::CheckedBefore>),
    /// The shell read the articles still pending behind the first frame.
    CorpusRead(CorpusRead),
    /// The shell loaded a second annotations folder (or could not).
    CompareLoaded(Result<(PathBuf, Vec<ArticleAnnotations>), String>),
    /// The shell wrote an export (where), or could not (why).
    Exported(Result<(PathBuf, usize), String>),
    /// The export's file exists: the user is asked before it is replaced.
    ExportWouldReplace {
        path: PathBuf,
        format: crate::export::Format,
        ids: Vec<String>,
    },
    /// The background linker finished the corpus.
    Linked(Arc<crate::links::LinkIndex>),
    /// Analyses without details: from the index cache at start, or
    /// replacing the full ones of every article but the open one once linked.
    Slimmed(Vec<(usize, Arc<crate::text::ArticleAnalysis>)>),
    /// The indexer parked the corpus's texts (see `corpus::parked`).
    Parked(Vec<crate::corpus::parked::ParkedText>),
    /// The shell wrote (or failed to write) an article's annotation file.
    Saved {
        article: usize,
        result: Result<store::Synced, String>,
    },
    /// The shell re-read an article's file on opening it.
    Reloaded {
        article: usize,
        result: Result<Option<store::Synced>, store::FileProblem>,
    },
}

/// The whole corpus, read behind the first frame, and the annotations of
/// the articles that were pending then (by article index).
#[derive(Debug, Clone)]
pub struct CorpusRead {
    pub corpus: Arc<crate::corpus::Corpus>,
    pub annotations: Vec<Option<ArticleAnnotations>>,
}

impl PartialEq for CorpusRead {
    fn eq(&self, other: &CorpusRead) -> bool {
        Arc::ptr_eq(&self.corpus, &other.corpus) && self.annotations == other.annotations
    }
}

impl PartialEq for crate::library::matching::CheckedBefore {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Load another reviewer's annotations folder for comparison.
    LoadCompare(PathBuf),
    /// Write these annotations (the review screen's rows) in this format.
    Export {
        format: crate::export::Format,
        ids: Vec<String>,
        /// Where it goes: the file the user typed, or the default report.
        path: PathBuf,
        /// Replace the file if it exists (the user said yes).
        replace: bool,
    },
    /// Write this article's annotation file now (merging another instance's changes).
    Save(usize),
    /// Re-read this article's annotation file: another instance may have changed it.
    Reload(usize),
    /// Leave the app (the shell saves the session place first).
    Quit,
    /// Let go of these analyses off the UI thread: freeing the full
    /// analyses of 17,000 articles at once took it 60-70 ms.
    Release(Released),
}

/// Analyses the state no longer holds, handed to the shell to free.
#[derive(Clone)]
pub struct Released(pub Vec<Arc<ArticleAnalysis>>);

impl std::fmt::Debug for Released {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Released({} analyses)", self.0.len())
    }
}

/// The same analyses, not equal ones: what a test asks is whether these
/// very ones were handed over.
impl PartialEq for Released {
    fn eq(&self, other: &Released) -> bool {
        self.0.len() == other.0.len() && self.0.iter().zip(&other.0).all(|(a, b)| Arc::ptr_eq(a, b))
    }
}

impl Eq for Released {}

//! Everything the app knows at one instant. `view` draws it; only `update` changes it.

pub use super::derive::{Progress, SidebarItem};
use super::keymap::Keymap;
use super::text_field::TextField;
use super::wrap::Wrapped;
use crate::corpus::Corpus;
use crate::store::{Annotation, ArticleAnnotations, Stance, Verdict};
use crate::text::ArticleAnalysis;
use chrono::{DateTime, Utc};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Reader,
    Sidebar,
}

impl Pane {
    pub fn next(self) -> Pane {
        match self {
            Pane::List => Pane::Reader,
            Pane::Reader => Pane::Sidebar,
            Pane::Sidebar => Pane::List,
        }
    }

    pub fn prev(self) -> Pane {
        self.next().next()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Main,
    Review,
}

/// Where time comes from: the system clock, or a fixed instant in tests.
#[derive(Debug, Clone, Copy)]
pub enum Clock {
    System,
    Fixed(DateTime<Utc>),
}

impl Clock {
    /// The instant now: only the shell asks, and hands it to `update`.
    pub fn instant(self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(t) => t,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// Where `v` was pressed.
    pub anchor: usize,
    /// The moving end (exclusive when after the anchor).
    pub head: usize,
}

impl Selection {
    pub fn span(self) -> (usize, usize) {
        (self.anchor.min(self.head), self.anchor.max(self.head))
    }
}

#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// Char spans of the hits in the current article.
    pub hits: Vec<(usize, usize)>,
    pub current: usize,
}

#[derive(Debug, Clone, Default)]
pub struct ReaderState {
    /// Index of the sentence under the cursor.
    pub cursor: usize,
    /// First visible row.
    pub scroll: usize,
    pub selection: Option<Selection>,
    pub search: Option<Search>,
    /// The article searched last, case-folded (article index, text): made
    /// once, so each keystroke in the search prompt is one quick scan.
    pub folded: Option<(usize, std::sync::Arc<String>)>,
}

#[derive(Debug, Clone, Default)]
pub struct ListState {
    pub selected: usize,
    pub offset: usize,
    pub filter: String,
    /// Article indexes that pass the filter, in corpus order.
    pub visible: Vec<usize>,
    /// Per article, where its headline starts to differ from the most
    /// similar other headline (a byte offset at a word; 0 when they share
    /// fewer than two words): a narrow list shows the headline from there.
    pub distinct_from: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRow {
    pub article: usize,
    pub id: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ReviewSort {
    /// By article, then position in it.
    #[default]
    Article,
    Verdict,
    Reviewer,
    /// Most recent change first.
    Updated,
}

impl ReviewSort {
    pub fn name(self) -> &'static str {
        match self {
            ReviewSort::Article => "article",
            ReviewSort::Verdict => "verdict",
            ReviewSort::Reviewer => "reviewer",
            ReviewSort::Updated => "last change",
        }
    }

    pub fn next(self) -> ReviewSort {
        match self {
            ReviewSort::Article => ReviewSort::Verdict,
            ReviewSort::Verdict => ReviewSort::Reviewer,
            ReviewSort::Reviewer => ReviewSort::Updated,
            ReviewSort::Updated => ReviewSort::Article,
        }
    }
}

/// A second reviewer's folder opened in the review screen.
#[derive(Debug, Clone)]
pub struct Compare {
    pub dir: PathBuf,
    pub files: Vec<crate::store::ArticleAnnotations>,
    /// Their verdict on each of our claims they also marked, by our id.
    pub other_verdicts: std::collections::HashMap<String, Verdict>,
}

#[derive(Debug, Clone, Default)]
pub struct ReviewState {
    pub compare: Option<Compare>,
    /// Each annotation's searchable text in lower case, by (article, index),
    /// and the generation it was made at: typing a filter only compares.
    pub haystack: (u64, Vec<Vec<String>>),
    /// Only claims both judged differently (with a folder to compare).
    pub disagreements_only: bool,
    pub verdict: Option<Verdict>,
    pub reviewer: Option<String>,
    pub anchor: Option<crate::store::AnchorState>,
    /// None: claims and notes; Some(Dismissed) shows rejected suggestions.
    pub kind: Option<crate::store::AnnotationKind>,
    pub no_note: bool,
    pub no_evidence: bool,
    pub sort: ReviewSort,
    /// Claims per verdict among the rows shown, in `Verdict::ALL` order.
    pub verdict_counts: [usize; 5],
    /// Reviewed and found claims over the whole corpus.
    pub progress: Progress,
    pub text: String,
    pub rows: Vec<ReviewRow>,
    /// All claims and notes of the corpus, filtered or not.
    pub total: usize,
    pub selected: usize,
    pub offset: usize,
}

/// What a text prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    ListFilter,
    ReviewFilter,
    Evidence,
    /// The format to export the review screen's rows in.
    Export,
    /// Another reviewer's annotations folder to compare with.
    CompareFolder,
    /// One of a claim's publishing fields, in turn.
    Publishing(PublishField),
}

/// A claim's publishing fields, edited in turn (behaviour in `publishing.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishField {
    Summary,
    Claimant,
    SaidOn,
    FactCheckUrl,
}

/// Modal layers drawn over the screen; each takes the keys while open.
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Note {
        article: usize,
        id: Option<String>,
        span: (usize, usize),
        editor: TextField,
    },
    Prompt {
        kind: PromptKind,
        input: TextField,
        stance: Stance,
        error: Option<String>,
    },
    Confirm {
        question: String,
        on_yes: Confirmed,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirmed {
    Delete {
        article: usize,
        id: String,
    },
    QuitUnsaved,
    /// Write the export again, over the file that is there.
    ReplaceExport {
        format: crate::export::Format,
        ids: Vec<String>,
        path: PathBuf,
    },
}

/// A recorded change for undo: the annotation before and after (None = absent).
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub article: usize,
    pub before: Option<Annotation>,
    pub after: Option<Annotation>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    Idle,
    Saved,
    Failed(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub article: usize,
    pub cursor: usize,
    pub screen: Screen,
}

pub struct State {
    pub corpus: Arc<Corpus>,
    pub corpus_name: String,
    /// Where the review screen's exports go unless a path is typed.
    pub export_dir: PathBuf,
    /// Publisher and base URL for exports (corpus.toml over config.toml).
    pub export_settings: crate::export::Settings,
    /// The corpus's index cache file, for the shell's indexer.
    pub index_cache: Option<PathBuf>,
    /// The claim library folder, if there is one to match against.
    pub library_dir: Option<PathBuf>,
    pub annotations_dir: PathBuf,
    pub analyses: Vec<Option<Arc<ArticleAnalysis>>>,
    pub indexed: usize,
    /// Sentences matched against the claim library, once matched.
    pub checked_before: Option<Arc<crate::library::matching::CheckedBefore>>,
    /// Articles still being read behind the first frame (0 once all are).
    pub unread: usize,
    /// What the user asked for while the corpus was still being read: done,
    /// in order, as soon as it is (no key is lost, none acts on half a corpus).
    pub deferred: Vec<super::action::Action>,
    /// Cross-article links, once the whole corpus is indexed.
    pub links: Option<Arc<crate::links::LinkIndex>>,
    pub differ_articles: BTreeSet<usize>,
    /// Rows the Details pane is scrolled down (J / K).
    pub details_scroll: u16,
    /// The "also reported in" entry chosen with `>` `<`, for Enter to follow.
    pub link_selected: Option<(crate::links::SentenceRef, usize)>,
    pub annotations: Vec<ArticleAnnotations>,
    pub progress: Vec<Progress>,
    pub reviewer: String,
    pub keymap: Keymap,
    /// Where the shell takes the time from; `update` never reads it.
    pub clock: Clock,
    /// The time of the action being handled, as `update` was given it.
    pub time: DateTime<Utc>,
    pub color: bool,

    pub screen: Screen,
    pub focus: Pane,
    pub overlay: Option<Overlay>,
    pub size: (u16, u16),

    /// Index of the article open in the reader.
    pub open_article: usize,
    pub list: ListState,
    pub reader: ReaderState,
    pub wrapped: Wrapped,
    pub sidebar: Vec<SidebarItem>,
    /// Where the open article's annotations lie, for the reader to draw only
    /// those on screen. Rebuilt with the sidebar.
    pub spans: super::derive::SpanIndex,
    pub sidebar_selected: usize,
    pub sidebar_offset: usize,
    pub review: ReviewState,

    pub jumps: Vec<Location>,
    pub undo: Vec<Change>,
    pub redo: Vec<Change>,
    /// Articles with changes not yet confirmed on disk.
    pub unsaved: BTreeSet<usize>,
    pub save_status: SaveStatus,
    /// A one-sentence message for the status bar (errors, hints, reports).
    pub message: Option<String>,
    pub id_counter: u64,
    /// Bumped by every change to the annotations, so caches know when to refresh.
    pub generation: u64,
    /// An orphan waiting for `m` on its new text: (article, annotation id).
    pub reattach: Option<(usize, String)>,
    /// Makes ids of different sessions differ; fixed in tests.
    pub id_salt: u64,
    pub quit: bool,
}

pub use crate::session::SessionPlace;

impl State {
    pub fn article(&self) -> Option<&crate::corpus::Article> {
        self.corpus.articles.get(self.open_article)
    }

    pub fn analysis(&self, article: usize) -> Option<&ArticleAnalysis> {
        self.analyses.get(article).and_then(|a| a.as_deref())
    }

    pub fn current_analysis(&self) -> Option<&ArticleAnalysis> {
        self.analysis(self.open_article)
    }

    pub fn current_annotations(&self) -> Option<&ArticleAnnotations> {
        self.annotations.get(self.open_article)
    }

    /// The time of the action being handled, as history and files keep it.
    pub fn now(&self) -> crate::store::Stamp {
        crate::store::Stamp::at(self.time)
    }

    pub fn session_place(&self) -> SessionPlace {
        SessionPlace {
            article: self.article().map(|a| a.id.clone()).unwrap_or_default(),
            cursor: self.reader.cursor,
            scroll: self.reader.scroll,
        }
    }

    pub fn index_done(&self) -> bool {
        self.indexed >= self.corpus.articles.len()
    }
}

//! Annotations: the saved format, its files, and anchoring to article text.

pub mod agreement;
pub mod anchor;
pub mod files;
pub mod merge;
pub mod model;
pub mod settings;

pub use agreement::match_claims;
pub use anchor::{AnchorReport, anchor_file, make_target};
pub use files::{
    FileProblem, annotation_path, default_annotations_dir, files_present, write_atomic,
};
pub use model::*;

use crate::corpus::Article;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The annotations of one article as the app holds them.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleAnnotations {
    /// The annotations folder the file lies in: no write leaves it. One
    /// allocation shared by every article loaded from one listing; the
    /// file's own path is derived from it and the article's id (see
    /// `path`), not kept for each of a corpus's articles.
    pub root: Arc<Path>,
    pub file: AnnotationFile,
    /// Set when the file on disk is unusable: the article is then read-only
    /// and the file is never overwritten. Boxed: rare, and every article
    /// of a corpus keeps the field all session.
    pub problem: Option<Box<FileProblem>>,
    pub report: AnchorReport,
    /// The file's text as this instance last read or wrote it, to notice
    /// another instance's changes (None: no file yet).
    pub base: Option<String>,
}

impl ArticleAnnotations {
    /// Where the annotations of `article` (the article these are of) are saved.
    pub fn path(&self, article: &Article) -> PathBuf {
        annotation_path(&self.root, &article.id)
    }

    pub fn read_only(&self) -> bool {
        self.problem.is_some()
    }

    pub fn claims(&self) -> impl Iterator<Item = &Annotation> {
        self.file
            .annotations
            .iter()
            .filter(|a| a.kind == AnnotationKind::Claim)
    }
}

/// With an unchanged article every offset must lie inside it.
fn check_offsets(path: &Path, file: &AnnotationFile, article: &Article) -> Result<(), FileProblem> {
    if file.article.sha256 != article.sha256 {
        return Ok(());
    }
    let len = article.char_len();
    if let Some(a) = file
        .annotations
        .iter()
        .find(|a| a.target.start > a.target.end)
    {
        return Err(FileProblem(format!(
            "{} has annotation {} whose start {} is after its end {}.",
            path.display(),
            a.id,
            a.target.start,
            a.target.end
        )));
    }
    match file.annotations.iter().find(|a| a.target.end > len) {
        Some(a) => Err(FileProblem(format!(
            "{} has annotation {} at {}..{}, outside the article's {len} characters.",
            path.display(),
            a.id,
            a.target.start,
            a.target.end
        ))),
        None => Ok(()),
    }
}

/// The empty annotations of an article whose file is not read yet (see
/// `corpus::Article::pending`); its own are loaded once it is.
pub fn not_read_yet(dir: &Path) -> ArticleAnnotations {
    not_read_yet_in(&Arc::from(dir))
}

fn not_read_yet_in(dir: &Arc<Path>) -> ArticleAnnotations {
    ArticleAnnotations {
        root: dir.clone(),
        file: AnnotationFile::unsaved(),
        problem: None,
        report: AnchorReport::default(),
        base: None,
    }
}

/// An annotations folder listed once, to load the files of many articles:
/// most articles of a corpus have no file yet, and asking for each of
/// 17,000 absent files took 5% of `claims`.
pub struct ListedFolder {
    dir: Arc<Path>,
    present: Option<std::collections::HashSet<PathBuf>>,
}

impl ListedFolder {
    pub fn new(dir: &Path) -> ListedFolder {
        ListedFolder {
            dir: Arc::from(dir),
            present: files_present(dir),
        }
    }

    /// `load_article`, without asking for a file the listing did not have.
    pub fn load(&self, article: &Article) -> ArticleAnnotations {
        let absent = self
            .present
            .as_ref()
            .is_some_and(|p| !p.contains(&annotation_path(&self.dir, &article.id)));
        if absent {
            // As `load_article` leaves an article without a file.
            self.not_read_yet()
        } else {
            load_article_in(&self.dir, article)
        }
    }

    /// `not_read_yet` for this folder.
    pub fn not_read_yet(&self) -> ArticleAnnotations {
        not_read_yet_in(&self.dir)
    }
}

/// Loads (and anchors) the annotation file of an article.
pub fn load_article(dir: &Path, article: &Article) -> ArticleAnnotations {
    load_article_in(&Arc::from(dir), article)
}

fn load_article_in(dir: &Arc<Path>, article: &Article) -> ArticleAnnotations {
    let path = annotation_path(dir, &article.id);
    let empty = AnnotationFile::unsaved();
    let loaded = files::read(&path, &article.id).and_then(|found| match found {
        Some((file, raw)) => check_offsets(&path, &file, article).map(|()| Some((file, raw))),
        None => Ok(None),
    });
    match loaded {
        Ok(Some((mut file, raw))) => {
            let report = anchor_file(&mut file, article);
            ArticleAnnotations {
                root: dir.clone(),
                file,
                problem: None,
                report,
                base: Some(raw),
            }
        }
        Ok(None) => ArticleAnnotations {
            root: dir.clone(),
            file: empty,
            problem: None,
            report: AnchorReport::default(),
            base: None,
        },
        Err(problem) => ArticleAnnotations {
            root: dir.clone(),
            file: empty,
            problem: Some(Box::new(problem)),
            report: AnchorReport::default(),
            base: None,
        },
    }
}

/// The outcome of a save or a reload: the file as it now stands, merged with
/// another instance's changes if there were any.
#[derive(Debug, Clone, PartialEq)]
pub struct Synced {
    pub file: AnnotationFile,
    /// The text now on disk.
    pub base: String,
    /// True when another instance's changes were merged in.
    pub merged: bool,
    /// Fields both instances changed differently: the newer value was kept.
    pub conflicts: Vec<merge::Conflict>,
}

/// Saves an article's annotations: lock, re-read the file if another
/// instance changed it, merge by annotation id, write atomically, unlock.
pub fn save(ann: &ArticleAnnotations, article: &Article) -> Result<Synced, String> {
    if let Some(p) = &ann.problem {
        return Err(format!("{p} It was not overwritten"));
    }
    let path = ann.path(article);
    let target = files::inside(&ann.root, &path)?;
    let _lock = files::lock(&target)?;
    let mut file = ann.file.clone();
    let mut merged = false;
    let mut conflicts = Vec::new();
    match files::read(&path, &article.id) {
        Ok(Some((disk, raw))) if ann.base.as_deref() != Some(raw.as_str()) => {
            let base: Option<AnnotationFile> = ann
                .base
                .as_deref()
                .and_then(|b| serde_json::from_str(b).ok());
            let m = merge::merge(base.as_ref(), &file, &disk);
            file = m.file;
            conflicts = m.conflicts;
            anchor_file(&mut file, article);
            merged = true;
        }
        Ok(_) => {}
        Err(p) => {
            return Err(format!(
                "{p} Another program changed it; it was not overwritten"
            ));
        }
    }
    if !merged && !merge::twins(&file).is_empty() {
        // A file from before merges joined claims made twice on one span.
        let m = merge::merge(None, &file, &file);
        file = m.file;
        conflicts = m.conflicts;
    }
    refer_to(&mut file, article);
    let text = file.to_json();
    write_atomic(&target, text.as_bytes())?;
    Ok(Synced {
        file,
        base: text,
        merged,
        conflicts,
    })
}

/// Names `article`, as it now reads, in the file's reference: when an
/// annotation is made and when the file is saved.
pub fn refer_to(file: &mut AnnotationFile, article: &Article) {
    file.article.path.clone_from(&article.id);
    file.article.sha256 = article.sha256.hex();
    file.article.title.clone_from(&article.meta.title);
}

/// Picks up another instance's changes to an article's file, if any, merged
/// with this instance's. Nothing is written.
pub fn refresh(ann: &ArticleAnnotations, article: &Article) -> Result<Option<Synced>, FileProblem> {
    if ann.problem.is_some() {
        return Ok(None);
    }
    let path = ann.path(article);
    match files::read(&path, &article.id)? {
        Some((disk, raw)) if ann.base.as_deref() != Some(raw.as_str()) => {
            check_offsets(&path, &disk, article)?;
            let base: Option<AnnotationFile> = ann
                .base
                .as_deref()
                .and_then(|b| serde_json::from_str(b).ok());
            let m = merge::merge(base.as_ref(), &ann.file, &disk);
            let mut file = m.file;
            if file.article.path.is_empty() {
                // Nothing was saved here yet (see `AnnotationFile::unsaved`):
                // the offsets are the other instance's, made against the text
                // its reference names.
                file.article = disk.article.clone();
            }
            anchor_file(&mut file, article);
            Ok(Some(Synced {
                file,
                base: raw,
                merged: true,
                conflicts: m.conflicts,
            }))
        }
        _ => Ok(None),
    }
}

/// A stable unique id: a hash of where, when, a per-session counter and a
/// salt that tells sessions apart (the shell passes process id and start time).
pub fn new_id(
    article_id: &str,
    start: usize,
    end: usize,
    at: &str,
    counter: u64,
    salt: u64,
) -> String {
    let seed = format!("{article_id}\u{0}{start}\u{0}{end}\u{0}{at}\u{0}{counter}\u{0}{salt}");
    crate::corpus::sha256_hex(seed.as_bytes())[..16].to_string()
}

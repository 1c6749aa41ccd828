//! Annotations: the saved format, its files, and anchoring to article text.

pub mod anchor;
pub mod files;
pub mod merge;
pub mod model;

pub use anchor::{AnchorReport, anchor_file, make_target};
pub use files::{FileProblem, annotation_path, default_annotations_dir, write_atomic};
pub use model::*;

use crate::corpus::Article;
use std::path::{Path, PathBuf};

/// The annotations of one article as the app holds them.
#[derive(Debug, Clone)]
pub struct ArticleAnnotations {
    pub path: PathBuf,
    pub file: AnnotationFile,
    /// Set when the file on disk is unusable: the article is then read-only
    /// and the file is never overwritten.
    pub problem: Option<FileProblem>,
    pub report: AnchorReport,
}

impl ArticleAnnotations {
    pub fn read_only(&self) -> bool {
        self.problem.is_some()
    }

    pub fn claims(&self) -> impl Iterator<Item = &Annotation> {
        self.file
            .annotations
            .iter()
            .filter(|a| a.kind == Kind::Claim)
    }
}

/// Loads (and anchors) the annotation file of every article.
pub fn load_article(dir: &Path, article: &Article) -> ArticleAnnotations {
    let path = annotation_path(dir, &article.id);
    let empty = || AnnotationFile::new(&article.id, &article.sha256, &article.meta.title);
    match files::load(&path, &article.id) {
        Ok(Some(mut file)) => {
            let report = anchor_file(&mut file, article);
            ArticleAnnotations {
                path,
                file,
                problem: None,
                report,
            }
        }
        Ok(None) => ArticleAnnotations {
            path,
            file: empty(),
            problem: None,
            report: AnchorReport::default(),
        },
        Err(problem) => ArticleAnnotations {
            path,
            file: empty(),
            problem: Some(problem),
            report: AnchorReport::default(),
        },
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

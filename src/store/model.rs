//! The annotation file format, version 2 (see annotations/README.md).
//! Version 1 files load unchanged: version 2 only adds `publishing`.
//!
//! Field order here is the key order on disk: keep it stable so that a change
//! to one claim is a small diff. Additions get `#[serde(default)]`.

use serde::{Deserialize, Serialize};
use std::fmt;

pub const FORMAT_NAME: &str = "claimdesk-annotations";
pub const FORMAT_VERSION: u32 = 2;
/// The oldest version this claimdesk reads (and migrates on load).
pub const OLDEST_READABLE_VERSION: u32 = 1;
/// Length of the quote context kept on each side of a target, in chars.
pub const CONTEXT_CHARS: usize = 32;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, PartialOrd, Ord,
)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    #[default]
    Unreviewed,
    True,
    Disputed,
    False,
    Unverifiable,
}

impl Verdict {
    pub const ALL: [Verdict; 5] = [
        Verdict::Unreviewed,
        Verdict::True,
        Verdict::Disputed,
        Verdict::False,
        Verdict::Unverifiable,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Verdict::Unreviewed => "unreviewed",
            Verdict::True => "true",
            Verdict::Disputed => "disputed",
            Verdict::False => "false",
            Verdict::Unverifiable => "unverifiable",
        }
    }

    /// The letter shown beside a claim, so a verdict never depends on colour.
    pub fn letter(self) -> char {
        match self {
            Verdict::Unreviewed => '·',
            Verdict::True => 'T',
            Verdict::Disputed => 'D',
            Verdict::False => 'F',
            Verdict::Unverifiable => 'U',
        }
    }

    pub fn parse(s: &str) -> Option<Verdict> {
        Verdict::ALL
            .into_iter()
            .find(|v| v.name() == s.to_ascii_lowercase())
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum AnnotationKind {
    #[default]
    Claim,
    /// A comment on a span, without a verdict.
    Note,
    /// A suggestion the user rejected; it stays rejected.
    Dismissed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Supports,
    Refutes,
    Context,
}

impl Stance {
    pub fn name(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Refutes => "refutes",
            Stance::Context => "context",
        }
    }

    pub fn next(self) -> Stance {
        match self {
            Stance::Supports => Stance::Refutes,
            Stance::Refutes => Stance::Context,
            Stance::Context => Stance::Supports,
        }
    }
}

/// W3C Web Annotation style target: a position selector plus a quote selector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub start: usize,
    pub end: usize,
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// A URL, or another annotation as `<article path>#<annotation id>`.
    #[serde(rename = "ref")]
    pub reference: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub excerpt: String,
    pub stance: Stance,
}

/// What a published fact-check says about a claim beyond its verdict.
/// Added in version 2; every field may be empty.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Publishing {
    /// What is being checked, in one line (ClaimReview's `claimReviewed`,
    /// which readers want under 75 characters).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Who made the claim.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub claimant: String,
    /// When the claimant said it, as YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub said_on: String,
    /// The published fact-check's own page (an absolute http(s) URL).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub factcheck_url: String,
}

impl Publishing {
    /// The fields' names, in the order `field` numbers them.
    pub const NAMES: [&'static str; 4] = ["summary", "claimant", "said on", "fact-check URL"];

    pub fn is_empty(&self) -> bool {
        self == &Publishing::default()
    }

    /// Field `i` of `NAMES`.
    pub fn field(&self, i: usize) -> &String {
        [
            &self.summary,
            &self.claimant,
            &self.said_on,
            &self.factcheck_url,
        ][i]
    }

    pub fn field_mut(&mut self, i: usize) -> &mut String {
        match i {
            0 => &mut self.summary,
            1 => &mut self.claimant,
            2 => &mut self.said_on,
            _ => &mut self.factcheck_url,
        }
    }
}

/// One earlier state of an annotation: its verdict and note as they were
/// before the change made at `at` by `by`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: Stamp,
    pub by: String,
    pub verdict: Verdict,
    #[serde(default)]
    pub note: String,
    /// What the change was. Added within version 1; an entry without one
    /// predates it.
    #[serde(default, skip_serializing_if = "ChangeKind::is_unnamed")]
    pub change: ChangeKind,
}

/// When something happened: written as RFC 3339 in UTC to the second
/// ("2026-11-23T10:00:00Z"), held as a time so that changes order by time.
/// A value that is not such a time (empty in files older than the field, or
/// written by hand) is kept as it is and orders before every time.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Stamp {
    At(chrono::DateTime<chrono::Utc>),
    Other(String),
}

impl Stamp {
    pub fn at(t: chrono::DateTime<chrono::Utc>) -> Stamp {
        Stamp::At(t)
    }

    /// The day, as ClaimReview's `datePublished` wants it.
    pub fn day(&self) -> String {
        match self {
            Stamp::At(t) => t.format("%Y-%m-%d").to_string(),
            Stamp::Other(s) => s.get(..10).unwrap_or(s).to_string(),
        }
    }

    pub fn is_time(&self) -> bool {
        matches!(self, Stamp::At(_))
    }
}

impl Default for Stamp {
    fn default() -> Stamp {
        Stamp::Other(String::new())
    }
}

impl Ord for Stamp {
    fn cmp(&self, other: &Stamp) -> std::cmp::Ordering {
        use std::cmp::Ordering::*;
        match (self, other) {
            (Stamp::At(a), Stamp::At(b)) => a.cmp(b),
            (Stamp::Other(_), Stamp::At(_)) => Less,
            (Stamp::At(_), Stamp::Other(_)) => Greater,
            (Stamp::Other(a), Stamp::Other(b)) => a.cmp(b),
        }
    }
}

impl PartialOrd for Stamp {
    fn partial_cmp(&self, other: &Stamp) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stamp::At(t) => f.write_str(&t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
            Stamp::Other(s) => f.write_str(s),
        }
    }
}

impl From<String> for Stamp {
    fn from(s: String) -> Stamp {
        // Only a time that is written back exactly as read becomes a time,
        // so a file's bytes never change by being read and saved.
        match chrono::DateTime::parse_from_rfc3339(&s) {
            Ok(t) => {
                let t = t.with_timezone(&chrono::Utc);
                if t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true) == s {
                    Stamp::At(t)
                } else {
                    Stamp::Other(s)
                }
            }
            Err(_) => Stamp::Other(s),
        }
    }
}

impl From<&str> for Stamp {
    fn from(s: &str) -> Stamp {
        Stamp::from(s.to_string())
    }
}

impl From<Stamp> for String {
    fn from(s: Stamp) -> String {
        s.to_string()
    }
}

/// What a history entry records. Written as its name; a name this version
/// does not know (from a later claimdesk) is kept as it is.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum ChangeKind {
    /// Entries written before changes were named.
    #[default]
    Unnamed,
    /// A suggestion or selection marked as a claim.
    Claim,
    Verdict,
    Note,
    Evidence,
    Publishing,
    Dismiss,
    Delete,
    Span,
    /// A fuzzy anchor confirmed.
    Confirm,
    /// An orphan attached to new text.
    Reattach,
    Undo,
    Redo,
    /// The value that lost when two instances or branches were merged.
    Merged,
    Other(String),
}

impl ChangeKind {
    const NAMED: [(ChangeKind, &'static str); 14] = [
        (ChangeKind::Claim, "claim"),
        (ChangeKind::Verdict, "verdict"),
        (ChangeKind::Note, "note"),
        (ChangeKind::Evidence, "evidence"),
        (ChangeKind::Publishing, "publishing"),
        (ChangeKind::Dismiss, "dismiss"),
        (ChangeKind::Delete, "delete"),
        (ChangeKind::Span, "span"),
        (ChangeKind::Confirm, "confirm"),
        (ChangeKind::Reattach, "reattach"),
        (ChangeKind::Undo, "undo"),
        (ChangeKind::Redo, "redo"),
        (ChangeKind::Merged, "merged"),
        (ChangeKind::Unnamed, ""),
    ];

    pub fn name(&self) -> &str {
        match self {
            ChangeKind::Other(s) => s,
            k => Self::NAMED
                .iter()
                .find(|(n, _)| n == k)
                .map_or("", |(_, s)| s),
        }
    }

    pub fn is_unnamed(&self) -> bool {
        *self == ChangeKind::Unnamed
    }
}

impl From<String> for ChangeKind {
    fn from(s: String) -> ChangeKind {
        ChangeKind::NAMED
            .iter()
            .find(|(_, n)| *n == s)
            .map(|(k, _)| k.clone())
            .unwrap_or(ChangeKind::Other(s))
    }
}

impl From<ChangeKind> for String {
    fn from(k: ChangeKind) -> String {
        k.name().to_string()
    }
}

/// Where an annotation stands against the current article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AnchorState {
    /// The article is unchanged or the quote is where it was.
    #[default]
    Exact,
    /// The quote was found elsewhere in the changed article.
    Moved,
    /// Only a similar text was found: the user should confirm it.
    Fuzzy,
    /// The quote is gone: kept untouched, shown under "orphaned".
    Orphaned,
}

impl AnchorState {
    pub fn name(self) -> &'static str {
        match self {
            AnchorState::Exact => "exact",
            AnchorState::Moved => "moved",
            AnchorState::Fuzzy => "fuzzy",
            AnchorState::Orphaned => "orphaned",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    pub id: String,
    pub kind: AnnotationKind,
    pub target: Target,
    #[serde(default)]
    pub verdict: Verdict,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Added in version 2.
    #[serde(default, skip_serializing_if = "Publishing::is_empty")]
    pub publishing: Publishing,
    #[serde(default)]
    pub reviewer: String,
    #[serde(default)]
    pub created: Stamp,
    #[serde(default)]
    pub updated: Stamp,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// Ids this annotation also answers to: when two instances (or two git
    /// branches) created the same claim, the merge keeps one and records the
    /// other's id here, so evidence that points at either still resolves.
    /// Added within version 1.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Computed on load, never saved.
    #[serde(skip)]
    pub anchor: AnchorState,
}

impl Annotation {
    pub fn is_claim(&self) -> bool {
        self.kind == AnnotationKind::Claim
    }

    /// Its own id or one of the ids merged into it.
    pub fn answers_to(&self, id: &str) -> bool {
        self.id == id || self.aliases.iter().any(|a| a == id)
    }

    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.target.start < end.max(start + 1) && start < self.target.end.max(self.target.start + 1)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRef {
    pub path: String,
    pub sha256: String,
    #[serde(default)]
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnotationFile {
    pub format: std::borrow::Cow<'static, str>,
    pub version: u32,
    pub article: ArticleRef,
    #[serde(default)]
    pub annotations: Vec<Annotation>,
}

impl AnnotationFile {
    pub fn new(path: &str, sha256: &str, title: &str) -> Self {
        AnnotationFile {
            article: ArticleRef {
                path: path.to_string(),
                sha256: sha256.to_string(),
                title: title.to_string(),
            },
            ..AnnotationFile::unsaved()
        }
    }

    /// The file of an article nothing was saved for yet, with no article
    /// reference: `store::refer_to` fills it in when an annotation is made and
    /// when the file is saved. The workbench holds one for every article of the
    /// corpus, most of them never annotated; a reference copied from each
    /// article cost two hundred bytes an article for the session.
    pub fn unsaved() -> Self {
        AnnotationFile {
            format: std::borrow::Cow::Borrowed(FORMAT_NAME),
            version: FORMAT_VERSION,
            article: ArticleRef {
                path: String::new(),
                sha256: String::new(),
                title: String::new(),
            },
            annotations: Vec::new(),
        }
    }

    /// Keeps annotations in text order (ties by id) so files diff well.
    pub fn sort(&mut self) {
        self.annotations.sort_by(|a, b| {
            (a.target.start, a.target.end, &a.id).cmp(&(b.target.start, b.target.end, &b.id))
        });
    }

    /// The annotation with this id, or the one it was merged into.
    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.position(id).map(|i| &self.annotations[i])
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.annotations
            .iter()
            .position(|a| a.id == id)
            .or_else(|| self.annotations.iter().position(|a| a.answers_to(id)))
    }

    /// Inserts or replaces by id (or alias: the stored id and aliases are
    /// kept), keeping text order.
    pub fn upsert(&mut self, mut annotation: Annotation) {
        match self.position(&annotation.id) {
            Some(i) => {
                let slot = &mut self.annotations[i];
                if slot.id != annotation.id {
                    annotation.id = slot.id.clone();
                }
                for alias in &slot.aliases {
                    if !annotation.aliases.contains(alias) {
                        annotation.aliases.push(alias.clone());
                    }
                }
                *slot = annotation;
            }
            None => self.annotations.push(annotation),
        }
        self.sort();
    }

    pub fn remove(&mut self, id: &str) -> Option<Annotation> {
        let i = self.position(id)?;
        Some(self.annotations.remove(i))
    }

    /// Pretty JSON with a trailing newline: the exact bytes written to disk.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("annotation files always serialise");
        s.push('\n');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_kinds_are_written_by_name_and_unknown_names_are_kept() {
        let entry: HistoryEntry =
            serde_json::from_str(r#"{"at":"t","by":"a","verdict":"true","change":"undo"}"#)
                .unwrap();
        assert_eq!(entry.change, ChangeKind::Undo);
        let later: HistoryEntry =
            serde_json::from_str(r#"{"at":"t","by":"a","verdict":"true","change":"split"}"#)
                .unwrap();
        assert_eq!(later.change, ChangeKind::Other("split".into()));
        assert!(
            serde_json::to_string(&later)
                .unwrap()
                .contains(r#""change":"split""#)
        );
        let old: HistoryEntry =
            serde_json::from_str(r#"{"at":"t","by":"a","verdict":"true"}"#).unwrap();
        assert!(old.change.is_unnamed());
        assert!(!serde_json::to_string(&old).unwrap().contains("change"));
    }
}

#[cfg(test)]
mod stamp_tests {
    use super::*;

    #[test]
    fn stamps_are_times_that_order_by_time_and_write_back_as_read() {
        let a = Stamp::from("2026-11-23T10:00:00Z");
        let b = Stamp::from("2026-11-23T09:00:00Z");
        assert!(a.is_time() && b.is_time() && b < a);
        assert_eq!(a.to_string(), "2026-11-23T10:00:00Z");
        assert_eq!(a.day(), "2026-11-23");
        // Not written the way claimdesk writes times: kept as text, first.
        for other in ["", "yesterday", "2026-11-23T10:00:00+00:00"] {
            let s = Stamp::from(other);
            assert!(!s.is_time() && s < b, "{other}");
            assert_eq!(s.to_string(), other);
        }
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, "\"2026-11-23T10:00:00Z\"");
        assert_eq!(serde_json::from_str::<Stamp>(&json).unwrap(), a);
    }
}

//! The desk's memory: claims already checked, by this desk (past claimdesk
//! annotation folders) or by other fact-checkers (ClaimReview feeds), kept
//! in a library folder, one JSON file per source so that it merges in git.

pub mod cache;
mod checked;
mod claimreview;
mod described;
mod initialisms;
pub mod matching;
pub mod rating;
mod sentences;
mod spelling;

pub use rating::{Normalised, normalise};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const FORMAT_NAME: &str = "claimdesk-library";
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rating {
    /// As published: "Pants on Fire!", "Falso", "2/5".
    pub name: String,
    pub normalised: Normalised,
}

/// Where the checked claim was made.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Appearance {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub claimant: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// When the claimant made it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LibraryEntry {
    /// Stable across imports of the same source: a hash of the review's url,
    /// or of the claim, rating and checker when there is no url.
    pub id: String,
    pub claim: String,
    pub rating: Rating,
    /// Who checked it.
    #[serde(default)]
    pub by: String,
    /// When, as the source gives it.
    #[serde(default)]
    pub date: String,
    /// The published fact-check.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// The fact-check's headline ("Did Trump Order FEMA to 'Send No More
    /// Money'…?"): the claim again, often in the words people repeat it in;
    /// matched as well as the claim.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default)]
    pub appeared: Appearance,
}

impl LibraryEntry {
    fn with_id(mut self) -> LibraryEntry {
        let key = if self.url.is_empty() {
            format!("{}\n{}\n{}", self.claim, self.rating.name, self.by)
        } else {
            format!("{}\n{}", self.url, self.claim)
        };
        self.id = crate::corpus::sha256_hex(key.as_bytes())[..16].to_string();
        self
    }
}

/// One source's entries, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LibraryFile {
    pub format: String,
    pub version: u32,
    /// Where the entries came from (a file or folder as given to `library add`).
    pub source: String,
    pub entries: Vec<LibraryEntry>,
}

/// Reads a source: a ClaimReview JSON-LD file (one review, a list, an
/// `@graph`, a DataFeed, or the Fact Check Tools API's `claims`), or a
/// claimdesk annotations folder (its claims with a verdict).
pub fn read_source(path: &Path) -> Result<Vec<LibraryEntry>, String> {
    let mut entries = if path.is_dir() {
        claimreview::from_annotations_folder(path)?
    } else {
        let bytes = std::fs::read(path).map_err(|e| crate::corpus::lower_io(&e))?;
        let value: serde_json::Value = serde_json::from_slice(&bytes)
            .map_err(|e| format!("it is not JSON (line {}, column {})", e.line(), e.column()))?;
        claimreview::from_json(&value)
    };
    if entries.is_empty() {
        return Err("it holds no ClaimReview and no claim with a verdict".into());
    }
    entries = entries.into_iter().map(LibraryEntry::with_id).collect();
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    entries.dedup_by(|a, b| a.id == b.id);
    Ok(entries)
}

/// The library file a source is kept in: its name and a hash of its full
/// path, so adding the same source again replaces its file.
pub fn file_for(library: &Path, source: &Path) -> PathBuf {
    let full = std::fs::canonicalize(source).unwrap_or_else(|_| source.to_path_buf());
    let stem: String = source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let hash = crate::corpus::sha256_hex(full.to_string_lossy().as_bytes());
    library.join(format!("{}-{}.json", stem.trim_matches('-'), &hash[..8]))
}

/// Adds (or replaces) one source's entries; returns the file and how many.
pub fn add(library: &Path, source: &Path) -> Result<(PathBuf, usize), String> {
    let entries = read_source(source)?;
    let file = LibraryFile {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        source: source.display().to_string(),
        entries,
    };
    let path = file_for(library, source);
    let mut text = serde_json::to_string_pretty(&file).expect("a library file serialises");
    text.push('\n');
    crate::store::files::write_atomic(&path, text.as_bytes())?;
    Ok((path, file.entries.len()))
}

/// Every entry of the library, and a sentence for each file that could not
/// be read (it is left out, never rewritten).
pub fn load(library: &Path) -> (Vec<LibraryEntry>, Vec<String>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(library)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for path in files {
        let read = std::fs::read(&path)
            .map_err(|e| crate::corpus::lower_io(&e))
            .and_then(|b| {
                serde_json::from_slice::<LibraryFile>(&b)
                    .map_err(|e| format!("not a library file ({e})"))
            })
            .and_then(|f| {
                if f.format != FORMAT_NAME || f.version > FORMAT_VERSION {
                    Err(format!(
                        "format {} version {}, which this claimdesk does not read",
                        f.format, f.version
                    ))
                } else {
                    Ok(f)
                }
            });
        match read {
            Ok(f) => entries.extend(f.entries),
            Err(why) => problems.push(format!("{} is left out: {why}.", path.display())),
        }
    }
    (entries, problems)
}

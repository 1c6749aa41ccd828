//! Saved web pages into corpus articles: `claimdesk import`.

pub mod extract;
pub mod fetch;
mod metadata;
pub mod write;

pub use extract::{Page, PageError, extract};
use std::path::{Path, PathBuf};

/// What importing one page did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    /// A new article.
    New(PathBuf),
    /// The article imported earlier from the same page, rewritten.
    Updated(PathBuf),
    /// The article imported earlier from the same page, already as it would be.
    Unchanged(PathBuf),
}

impl Imported {
    pub fn path(&self) -> &Path {
        match self {
            Imported::New(p) | Imported::Updated(p) | Imported::Unchanged(p) => p,
        }
    }
}

/// Folder, inside the corpus, where fetched pages are kept as they came:
/// hidden, so the corpus never reads them as articles.
pub const SOURCES_DIR: &str = ".sources";

/// Imports one page: a saved file, or an `http(s)://` URL fetched (its HTML
/// kept in `CORPUS/.sources/`). The error is one sentence's end: "… cannot
/// be imported: {error}".
pub fn import(page: &str, corpus: &Path) -> Result<Imported, String> {
    let is_url = page.starts_with("http://") || page.starts_with("https://");
    let (bytes, page_url) = if is_url {
        let fetched = fetch::fetch(page)?;
        (fetched.bytes, Some(fetched.final_url))
    } else {
        (read_page_file(Path::new(page))?, None)
    };
    let extracted = extract(&bytes, page_url.as_deref()).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(corpus)
        .map_err(|e| format!("cannot create {}: {}", corpus.display(), lower(&e)))?;
    let (path, existed) = write::destination(corpus, &extracted);
    let text = write::article_text(&extracted);
    if existed && std::fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(Imported::Unchanged(path));
    }
    if is_url {
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        let kept = corpus.join(SOURCES_DIR).join(format!("{stem}.html"));
        crate::store::files::write_atomic(&kept, &bytes)?;
    }
    crate::store::files::write_atomic(&path, text.as_bytes())?;
    Ok(if existed {
        Imported::Updated(path)
    } else {
        Imported::New(path)
    })
}

fn read_page_file(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| lower(&e))?;
    if !meta.is_file() {
        return Err("it is not a file".into());
    }
    if meta.len() > extract::MAX_PAGE_BYTES as u64 {
        return Err(PageError::TooLarge((meta.len() / 1_000_000) as usize).to_string());
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| {
            f.take(extract::MAX_PAGE_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
        })
        .map_err(|e| lower(&e))?;
    Ok(bytes)
}

fn lower(e: &std::io::Error) -> String {
    crate::corpus::lower_io(e)
}

//! Finding a corpus's article files and reading each one: only regular
//! files, only links that stay inside the corpus, only up to a size.

use super::CorpusError;
use std::path::{Path, PathBuf};

fn is_article_file(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "md" | "html" | "htm" | "mhtml" | "mht")
    )
}

/// A saved web page, read through the importer's extractor: the article is
/// the page's text as `claimdesk import` would write it, and its offsets
/// count in that text.
pub(super) fn is_web_page(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("html" | "htm" | "mhtml" | "mht")
    )
}

/// Every article file below `root`, sorted by id. Hidden entries and symlinked
/// directories (which could loop) are skipped; whether a file can be read is
/// decided when it is read.
pub fn discover(root: &Path) -> Result<Vec<(String, PathBuf)>, CorpusError> {
    Ok(discover_listed(root)?
        .into_iter()
        .map(|(id, path, _)| (id, path))
        .collect())
}

/// `discover`, each file with whether the folder's listing gave it as a
/// regular file (not a link, a pipe or a device).
pub(super) fn discover_listed(root: &Path) -> Result<Vec<(String, PathBuf, bool)>, CorpusError> {
    let meta = std::fs::metadata(root).map_err(|e| {
        CorpusError(format!(
            "cannot open corpus {}: {}.",
            root.display(),
            lower_io(&e)
        ))
    })?;
    if !meta.is_dir() {
        return Err(CorpusError(format!(
            "the corpus {} is not a directory.",
            root.display()
        )));
    }
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let Ok(ft) = entry.file_type() else { continue };
            if ft.is_dir() {
                stack.push(path);
            } else if is_article_file(&path) {
                // Pipes and devices too: they are listed as unreadable with
                // the reason, never skipped in silence.
                let rel = path.strip_prefix(root).unwrap_or(&path);
                let id = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                found.push((id, path, ft.is_file()));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The largest article read: far beyond any news article, small enough that
/// a stray huge file cannot exhaust memory.
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads one article file, or says in a few words why it is not read: only
/// regular files (a pipe would block, a device never end), only links that
/// stay inside the corpus, only up to `MAX_ARTICLE_BYTES`.
pub fn read_article_file(real_root: &Path, path: &Path) -> Result<Vec<u8>, String> {
    let own = std::fs::symlink_metadata(path).map_err(|e| lower_io(&e))?;
    let link = own.file_type().is_symlink();
    if link {
        let target =
            std::fs::canonicalize(path).map_err(|e| format!("a broken link: {}", lower_io(&e)))?;
        if !target.starts_with(real_root) {
            return Err(format!(
                "a link to {}, outside the corpus; claimdesk reads links only inside it (--follow-links reads it)",
                target.display()
            ));
        }
    }
    // What the link points to; a file that is no link has just been asked
    // (one call fewer for each of a corpus's files).
    let meta = if link {
        std::fs::metadata(path).map_err(|e| lower_io(&e))?
    } else {
        own
    };
    readable(&meta)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Never block on open, should a pipe have taken the file's place.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    read_open_file(options.open(path).map_err(|e| lower_io(&e))?)
}

/// `read_article_file` for a file the folder's listing gave as a regular
/// file, with two calls fewer to the system for each of a corpus's files: it
/// is opened without following links, not asked about first; a link put in
/// its place since is read as a link is.
pub(super) fn read_listed_file(real_root: &Path, path: &Path) -> Result<Vec<u8>, String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mut options = std::fs::OpenOptions::new();
        options.read(true);
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
        match options.open(path) {
            Ok(file) => read_open_file(file),
            Err(e) if e.raw_os_error() == Some(libc::ELOOP) => read_article_file(real_root, path),
            Err(e) => Err(lower_io(&e)),
        }
    }
    #[cfg(not(unix))]
    read_article_file(real_root, path)
}

/// Whether a file so described may be read as an article: a regular file
/// (a pipe would block, a device never end) of at most `MAX_ARTICLE_BYTES`.
fn readable(meta: &std::fs::Metadata) -> Result<(), String> {
    if !meta.is_file() {
        return Err("not a regular file (a pipe, a device or a socket)".into());
    }
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(format!(
            "{} MB, over the {} MB an article may have",
            meta.len() / 1_000_000,
            MAX_ARTICLE_BYTES / 1024 / 1024
        ));
    }
    Ok(())
}

/// The bytes of an open article file, if it is a regular file of at most
/// `MAX_ARTICLE_BYTES`. Read up to the size it has now: a file that grows
/// meanwhile is read as it was (and no read is spent finding its end).
fn read_open_file(file: std::fs::File) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let meta = file.metadata().map_err(|e| lower_io(&e))?;
    readable(&meta)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(meta.len())
        .read_to_end(&mut bytes)
        .map_err(|e| lower_io(&e))?;
    Ok(bytes)
}

pub(crate) fn lower_io(e: &std::io::Error) -> String {
    let s = e.to_string();
    let s = s.split(" (os error").next().unwrap_or(&s).to_string();
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => s,
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::super::{CorpusFiles, Links};

    #[test]
    fn a_link_put_in_a_listed_file_s_place_is_read_as_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        std::fs::write(corpus.join("a.txt"), "A plain article.\n").unwrap();
        std::fs::write(corpus.join("b.txt"), "Another article.\n").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "Outside the corpus.\n").unwrap();
        let files = CorpusFiles::discover(&corpus, Links::InsideCorpus).unwrap();
        // Listed as a regular file, then swapped for a link out of the corpus.
        std::fs::remove_file(corpus.join("a.txt")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), corpus.join("a.txt")).unwrap();
        let read = files.read_all();
        let a = &read.articles[0];
        let why: Vec<String> = a.problems.iter().map(ToString::to_string).collect();
        assert!(
            why.iter().any(|p| p.contains("outside the corpus")),
            "{why:?}"
        );
        assert!(!a.text.contains("Outside"));
        assert!(read.articles[1].problems.is_empty());
        assert!(read.articles[1].text.contains("Another article."));
    }
}

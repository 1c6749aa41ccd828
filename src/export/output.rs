//! Where an export is written: never over an article or an annotation file,
//! over another existing file only when asked, into what is there (a link to
//! a regular file, a pipe, a device) rather than swapping it for a new file.

use crate::corpus::lower_io;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why an export was not written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// A regular file is there: replacing it needs `--force` or a yes.
    #[error("{} exists; add --force to replace it", .0.display())]
    Exists(PathBuf),
    /// Anything else, said in one sentence.
    #[error("{0}")]
    Other(String),
}

/// Folders an export never writes into: the corpus (a report there would be
/// read as an article) and the annotations folder.
pub struct Protected<'a> {
    pub corpus: &'a Path,
    pub annotations: &'a Path,
}

impl Protected<'_> {
    fn refuse(&self, real: &Path, shown: &Path) -> Result<(), Refused> {
        let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        if real.starts_with(canon(self.annotations)) {
            return Err(Refused::Other(format!(
                "{} is in the annotations folder; claimdesk never writes an export there",
                shown.display()
            )));
        }
        if real.starts_with(canon(self.corpus)) {
            return Err(Refused::Other(format!(
                "{} is in the corpus, where it would be read as an article; choose another place",
                shown.display()
            )));
        }
        Ok(())
    }
}

/// `path` with its folder resolved (the file itself may not exist yet).
fn resolved(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match (std::fs::canonicalize(parent), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

/// Writes an export to `path`.
pub fn write(
    path: &Path,
    bytes: &[u8],
    replace: bool,
    protected: &Protected,
) -> Result<(), Refused> {
    let real = resolved(path);
    protected.refuse(&real, path)?;
    let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match std::fs::metadata(path) {
        Err(_) if link => Err(Refused::Other(format!(
            "{} is a link to nothing; claimdesk does not replace it",
            path.display()
        ))),
        Err(_) => atomic(&real, bytes),
        Ok(m) if m.is_file() && !replace => Err(Refused::Exists(path.to_path_buf())),
        // Through a link to a regular file: the target is what gets replaced.
        Ok(m) if m.is_file() => atomic(&real, bytes),
        Ok(m) if m.is_dir() => Err(Refused::Other(format!(
            "{} is a folder; name a file",
            path.display()
        ))),
        Ok(m) if is_stream(&m) => into_stream(path, bytes),
        Ok(_) => Err(Refused::Other(format!(
            "{} is neither a file, a pipe nor a device; claimdesk does not write there",
            path.display()
        ))),
    }
}

fn atomic(path: &Path, bytes: &[u8]) -> Result<(), Refused> {
    crate::store::write_atomic(path, bytes).map_err(Refused::Other)
}

#[cfg(unix)]
fn is_stream(m: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    m.file_type().is_fifo() || m.file_type().is_char_device()
}

#[cfg(not(unix))]
fn is_stream(_: &std::fs::Metadata) -> bool {
    false
}

/// A pipe or a device is written into as it is. A pipe nobody reads is
/// refused at once instead of blocking the open.
fn into_stream(path: &Path, bytes: &[u8]) -> Result<(), Refused> {
    let fail = |e: std::io::Error| {
        let why = if e.raw_os_error() == Some(libc::ENXIO) {
            "nothing is reading from it".to_string()
        } else {
            lower_io(&e)
        };
        Refused::Other(format!("cannot write to {}: {why}", path.display()))
    };
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = options.open(path).map_err(fail)?;
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        // Blocking again once open, so a slow reader gets every byte.
        // SAFETY: fcntl on a descriptor we own, with valid flag arguments.
        unsafe {
            let fd = file.as_raw_fd();
            let flags = libc::fcntl(fd, libc::F_GETFL);
            libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
        }
    }
    file.write_all(bytes).map_err(fail)?;
    file.flush().map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        let ann = dir.path().join("annotations");
        std::fs::create_dir_all(&corpus).unwrap();
        std::fs::create_dir_all(&ann).unwrap();
        std::fs::write(corpus.join("s1.txt"), "article").unwrap();
        std::fs::write(ann.join("s1.json"), "{}").unwrap();
        (dir, corpus, ann)
    }

    #[test]
    fn articles_and_annotation_files_are_never_overwritten_even_with_force() {
        let (_d, corpus, ann) = setup();
        let p = Protected {
            corpus: &corpus,
            annotations: &ann,
        };
        for target in [
            corpus.join("s1.txt"),
            ann.join("s1.json"),
            ann.join("new.md"),
        ] {
            let e = write(&target, b"report", true, &p).unwrap_err();
            assert!(matches!(e, Refused::Other(_)), "{e}");
        }
        assert_eq!(std::fs::read(corpus.join("s1.txt")).unwrap(), b"article");
        assert_eq!(std::fs::read(ann.join("s1.json")).unwrap(), b"{}");
    }

    #[test]
    fn an_existing_file_is_replaced_only_when_asked_and_through_its_link() {
        let (d, corpus, ann) = setup();
        let p = Protected {
            corpus: &corpus,
            annotations: &ann,
        };
        let report = d.path().join("report.md");
        std::fs::write(&report, "hand-written").unwrap();
        assert_eq!(
            write(&report, b"new", false, &p),
            Err(Refused::Exists(report.clone()))
        );
        assert_eq!(std::fs::read(&report).unwrap(), b"hand-written");
        let link = d.path().join("latest.md");
        std::os::unix::fs::symlink(&report, &link).unwrap();
        write(&link, b"new", true, &p).unwrap();
        assert_eq!(std::fs::read(&report).unwrap(), b"new");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        let fresh = d.path().join("fresh.md");
        write(&fresh, b"first", false, &p).unwrap();
        assert_eq!(std::fs::read(&fresh).unwrap(), b"first");
    }

    #[test]
    fn a_device_is_written_into_and_a_link_to_a_folder_article_refused() {
        let (d, corpus, ann) = setup();
        let p = Protected {
            corpus: &corpus,
            annotations: &ann,
        };
        write(Path::new("/dev/null"), b"x", false, &p).unwrap();
        assert!(Path::new("/dev/null").exists());
        let sneaky = d.path().join("sneaky.md");
        std::os::unix::fs::symlink(corpus.join("s1.txt"), &sneaky).unwrap();
        assert!(write(&sneaky, b"x", true, &p).is_err());
        assert_eq!(std::fs::read(corpus.join("s1.txt")).unwrap(), b"article");
    }
}

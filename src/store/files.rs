//! Where annotation files live, and reading and writing them safely.

use super::model::{AnnotationFile, FORMAT_NAME, FORMAT_VERSION};
use crate::corpus::lower_io;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `annotations/` beside the corpus directory.
pub fn default_annotations_dir(corpus_root: &Path) -> PathBuf {
    let abs = std::fs::canonicalize(corpus_root).unwrap_or_else(|_| corpus_root.to_path_buf());
    match abs.parent() {
        Some(parent) => parent.join("annotations"),
        None => abs.join("annotations"),
    }
}

/// `annotations/<article id with its extension replaced by .json>`.
pub fn annotation_path(dir: &Path, article_id: &str) -> PathBuf {
    let mut p = dir.to_path_buf();
    for part in article_id.split('/') {
        p.push(part);
    }
    p.set_extension("json");
    p
}

/// Why an annotation file cannot be used. The file is then never overwritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem(pub String);

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reads the annotation file of `article_id`. `Ok(None)` when there is none yet.
pub fn load(path: &Path, article_id: &str) -> Result<Option<AnnotationFile>, FileProblem> {
    read(path, article_id).map(|f| f.map(|(file, _)| file))
}

/// Like `load`, with the file's text as read (to tell later whether it changed).
pub fn read(
    path: &Path,
    article_id: &str,
) -> Result<Option<(AnnotationFile, String)>, FileProblem> {
    let name = path.display();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(FileProblem(format!(
                "{name} cannot be read: {}.",
                lower_io(&e)
            )));
        }
    };
    if bytes.starts_with(b"<<<<<<< ") {
        return Err(FileProblem(format!(
            "{name} has unresolved merge conflict markers."
        )));
    }
    let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
        FileProblem(format!(
            "{name} is not valid JSON (line {}, column {}).",
            e.line(),
            e.column()
        ))
    })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT_NAME) {
        return Err(FileProblem(format!(
            "{name} is not a claimdesk annotation file."
        )));
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(FORMAT_VERSION) => {}
        Some(v) => {
            return Err(FileProblem(format!(
                "{name} has format version {v}, which this claimdesk does not know (it reads version {FORMAT_VERSION})."
            )));
        }
        None => return Err(FileProblem(format!("{name} has no format version."))),
    }
    let file: AnnotationFile = serde_json::from_value(value)
        .map_err(|e| FileProblem(format!("{name} does not match the annotation format: {e}.")))?;
    if file.article.path != article_id {
        return Err(FileProblem(format!(
            "{name} belongs to article {}, not {article_id}.",
            file.article.path
        )));
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(dup) = file
        .annotations
        .iter()
        .find(|a| !seen.insert(a.id.as_str()))
    {
        return Err(FileProblem(format!(
            "{name} has the annotation id {} twice.",
            dup.id
        )));
    }
    Ok(Some((file, String::from_utf8_lossy(&bytes).into_owned())))
}

/// Holds the advisory lock of one annotation file until dropped. The lock is
/// on a hidden sidecar file, since the annotation file itself is replaced by
/// rename on every write.
pub struct FileLock(#[allow(dead_code)] std::fs::File);

pub fn lock(path: &Path) -> Result<FileLock, String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create {}: {}", dir.display(), lower_io(&e)))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lock_path = dir.join(format!(".{name}.lock"));
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| format!("cannot lock {}: {}", path.display(), lower_io(&e)))?;
    let start = std::time::Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(FileLock(file)),
            Err(std::fs::TryLockError::WouldBlock)
                if start.elapsed() < std::time::Duration::from_secs(5) =>
            {
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(format!(
                    "{} is locked by another claimdesk that does not let go",
                    path.display()
                ));
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(format!("cannot lock {}: {}", path.display(), lower_io(&e)));
            }
        }
    }
}

/// Temp files left by a process that died mid-write (older than a minute, so
/// another running instance's write in progress is never touched).
pub fn clean_stray_temp_files(dir: &Path) -> usize {
    let old = |p: &Path| {
        std::fs::metadata(p)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age.as_secs() >= 60)
    };
    walk(dir)
        .iter()
        .filter(|p| is_temp_file(p) && old(p) && std::fs::remove_file(p).is_ok())
        .count()
}

/// A temp file of an interrupted write: `.<name>.json.tmp-<pid>`.
pub fn is_temp_file(path: &Path) -> bool {
    path.file_name()
        .map(|n| n.to_string_lossy())
        .is_some_and(|n| n.starts_with('.') && n.contains(".json.tmp-"))
}

/// Every file below `dir` (none if it does not exist), in no particular order.
pub fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(e.path()),
                Ok(_) => files.push(e.path()),
                Err(_) => {}
            }
        }
    }
    files
}

/// Writes `contents` so that `path` holds either its old or its new bytes,
/// never a mix: a temp file in the same directory, fsync, rename, fsync dir.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create {}: {}", dir.display(), lower_io(&e)))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{file_name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok::<(), std::io::Error>(())
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("cannot write {}: {}", path.display(), lower_io(&e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::model::*;

    #[test]
    fn paths_replace_the_extension_and_keep_folders() {
        let p = annotation_path(Path::new("/a/annotations"), "sub/x.txt");
        assert_eq!(p, Path::new("/a/annotations/sub/x.json"));
    }

    #[test]
    fn bad_files_are_named_with_their_problem() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        std::fs::write(&p, "{ not json").unwrap();
        assert!(
            load(&p, "a.txt")
                .unwrap_err()
                .0
                .contains("is not valid JSON (line 1")
        );
        let mut f = AnnotationFile::new("a.txt", "x", "t");
        f.version = 9;
        std::fs::write(&p, f.to_json()).unwrap();
        assert!(
            load(&p, "a.txt")
                .unwrap_err()
                .0
                .contains("format version 9")
        );
        f.version = 1;
        std::fs::write(&p, f.to_json()).unwrap();
        assert!(
            load(&p, "b.txt")
                .unwrap_err()
                .0
                .contains("belongs to article a.txt")
        );
        assert_eq!(load(&dir.path().join("none.json"), "a.txt"), Ok(None));
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("deep/x.json");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("deep"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1);
    }
}

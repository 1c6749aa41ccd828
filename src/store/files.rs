//! Where annotation files live, and reading and writing them safely.

use super::model::{AnnotationFile, FORMAT_NAME, FORMAT_VERSION, OLDEST_READABLE_VERSION};
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

/// The files under the annotations folder, listed once: `None` when a part
/// of it cannot be listed (then each article's file is asked for in turn,
/// and what is wrong is said of that file). A folder not made yet holds
/// none.
pub fn files_present(dir: &Path) -> Option<std::collections::HashSet<PathBuf>> {
    let mut present = std::collections::HashSet::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && folder == dir => {
                return Some(present);
            }
            Err(_) => return None,
        };
        for entry in entries {
            let entry = entry.ok()?;
            let kind = entry.file_type().ok()?;
            if kind.is_dir() {
                folders.push(entry.path());
            } else if kind.is_symlink() {
                // A linked folder is not walked (it could lead back here).
                return None;
            } else {
                present.insert(entry.path());
            }
        }
    }
    Some(present)
}

/// Why an annotation file cannot be used. The file is then never overwritten.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct FileProblem(pub String);

/// Enough for a million annotations; a larger file is not claimdesk's.
pub const MAX_ANNOTATION_FILE_BYTES: u64 = 1024 * 1024 * 1024;

/// Reads the annotation file of `article_id`. `Ok(None)` when there is none yet.
pub fn load(path: &Path, article_id: &str) -> Result<Option<AnnotationFile>, FileProblem> {
    read(path, article_id).map(|f| f.map(|(file, _)| file))
}

/// Like `load`, with the file's text as read (to tell later whether it changed).
// Long on purpose: the checks a file passes in the order they can fail.
pub fn read(
    path: &Path,
    article_id: &str,
) -> Result<Option<(AnnotationFile, String)>, FileProblem> {
    let name = path.display();
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => {
            return Err(FileProblem(format!(
                "{name} is not a regular file (a folder, a pipe or a device)."
            )));
        }
        Ok(m) if m.len() > MAX_ANNOTATION_FILE_BYTES => {
            return Err(FileProblem(format!(
                "{name} is {} MB, over the {} MB an annotation file may have.",
                m.len() / 1_000_000,
                MAX_ANNOTATION_FILE_BYTES / 1024 / 1024
            )));
        }
        _ => {}
    }
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
        Some(v)
            if (u64::from(OLDEST_READABLE_VERSION)..=u64::from(FORMAT_VERSION)).contains(&v) => {}
        Some(v) => {
            return Err(FileProblem(format!(
                "{name} has format version {v}, which this claimdesk does not know (it reads version {FORMAT_VERSION})."
            )));
        }
        None => match value.get("version") {
            None => return Err(FileProblem(format!("{name} has no format version."))),
            Some(v) => {
                return Err(FileProblem(format!(
                    "{name} has format version {v}, which is not a whole number (this claimdesk reads version {FORMAT_VERSION})."
                )));
            }
        },
    }
    let mut file: AnnotationFile = serde_json::from_value(value)
        .map_err(|e| FileProblem(format!("{name} does not match the annotation format: {e}.")))?;
    // Version 1 is version 2 without publishing fields: it migrates as read,
    // and the next save writes version 2.
    file.version = FORMAT_VERSION;
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
/// rename on every write. The sidecar is removed when the lock is let go,
/// while still held, so no lock file lingers to be committed; `lock` checks
/// that the file it locked is still the one at the path, so a waiter that
/// locked a file just removed tries again instead of sharing the lock.
pub struct FileLock {
    file: std::fs::File,
    path: std::path::PathBuf,
}

impl Drop for FileLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Whether `file` is still the file at `path` (not removed or replaced).
fn still_at(file: &std::fs::File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::symlink_metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}

/// Patterns of the files claimdesk keeps beside annotation files for a
/// moment (locks, temp files of a save): never worth committing.
pub const GITIGNORE: &str =
    "# Written by claimdesk: locks and temp files of a save in progress.\n.*.lock\n.*.tmp-*\n";

/// Writes the annotations folder's `.gitignore` when there is none (a
/// user's own is left as it is).
fn ensure_gitignore(dir: &Path) {
    let path = dir.join(".gitignore");
    if std::fs::symlink_metadata(&path).is_err()
        && let Ok(mut f) = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
    {
        use std::io::Write;
        let _ = f.write_all(GITIGNORE.as_bytes());
    }
}

/// Opens for writing without following a link in the last component: a link
/// planted in the annotations folder must not make claimdesk create or
/// truncate a file elsewhere.
fn open_no_follow(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other("it is not a regular file"));
    }
    Ok(file)
}

pub fn lock(path: &Path) -> Result<FileLock, String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create {}: {}", dir.display(), lower_io(&e)))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    ensure_gitignore(dir);
    let lock_path = dir.join(format!(".{name}.lock"));
    let start = std::time::Instant::now();
    loop {
        let file = lock_sidecar(path, &lock_path, start)?;
        if still_at(&file, &lock_path) {
            return Ok(FileLock {
                file,
                path: lock_path,
            });
        }
        // Locked a sidecar its holder removed as it let go: take the new one.
    }
}

fn lock_sidecar(
    path: &Path,
    lock_path: &Path,
    start: std::time::Instant,
) -> Result<std::fs::File, String> {
    let file = open_no_follow(lock_path).map_err(|e| {
        if std::fs::symlink_metadata(lock_path).is_ok_and(|m| m.file_type().is_symlink()) {
            format!(
                "cannot lock {}: its lock file {} is a link, which claimdesk does not follow",
                path.display(),
                lock_path.display()
            )
        } else {
            format!("cannot lock {}: {}", path.display(), lower_io(&e))
        }
    })?;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
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

/// The path a write of `path` (inside the annotations folder `root`) really
/// goes to, refused in one sentence when a link in the folder would send it
/// outside: a linked subfolder, or a linked file whose target is elsewhere.
/// A link that stays inside the folder is followed. Checked before any
/// folder is created, so not even an empty folder appears outside.
pub fn inside(root: &Path, path: &Path) -> Result<PathBuf, String> {
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let Ok(rel) = path.strip_prefix(root) else {
        return Ok(path.to_path_buf());
    };
    let mut at = root.to_path_buf();
    for part in rel.components() {
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => match link_target(&at) {
                Some(real) if real.starts_with(&real_root) => {
                    if at == path {
                        return Ok(real);
                    }
                }
                _ => {
                    return Err(format!(
                        "{} is a link that leads outside the annotations folder {}; claimdesk does not write through it",
                        at.display(),
                        root.display()
                    ));
                }
            },
            Ok(_) => {}
            Err(_) => break,
        }
    }
    Ok(path.to_path_buf())
}

/// Where a link leads, with every link on the way resolved; for a link to a
/// file not made yet, its folder resolved and the name kept.
fn link_target(link: &Path) -> Option<PathBuf> {
    if let Ok(real) = std::fs::canonicalize(link) {
        return Some(real);
    }
    let to = std::fs::read_link(link).ok()?;
    let to = link.parent()?.join(to);
    Some(
        std::fs::canonicalize(to.parent()?)
            .ok()?
            .join(to.file_name()?),
    )
}

/// A temp file of a write that did not finish: `.<name>.json.tmp-<pid>-<random>`.
pub fn is_temp_file(path: &Path) -> bool {
    path.file_name()
        .map(|n| n.to_string_lossy())
        .is_some_and(|n| n.starts_with('.') && n.contains(".json.tmp-"))
}

/// The process that was writing a temp file, from its name.
fn temp_writer(path: &Path) -> Option<u32> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let rest = &name[name.find(".json.tmp-")? + ".json.tmp-".len()..];
    rest.split('-').next()?.parse().ok()
}

fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only asks whether the process exists.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// A temp file whose writer is gone and which is over a minute old: left by
/// a crash. Another running instance's write in progress never is.
pub fn is_stray_temp_file(path: &Path) -> bool {
    let old = std::fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|m| m.elapsed().ok())
        .is_some_and(|age| age.as_secs() >= 60);
    is_temp_file(path) && old && !temp_writer(path).is_some_and(process_alive)
}

/// Removes the temp files crashed writers left behind.
pub fn clean_stray_temp_files(dir: &Path) -> usize {
    walk(dir)
        .iter()
        .filter(|p| is_stray_temp_file(p) && std::fs::remove_file(p).is_ok())
        .count()
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
/// never a mix: a new temp file in the same directory (created exclusively,
/// so a planted link or file is never written through), fsync, rename,
/// fsync the directory. A failed write removes its temp file.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let fail = |e: &std::io::Error| {
        format!(
            "cannot write {file_name} ({}) in {}",
            lower_io(e),
            dir.display()
        )
    };
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create {}: {}", dir.display(), lower_io(&e)))?;
    let prefix = format!(".{file_name}.tmp-{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    #[cfg(unix)]
    {
        // tempfile makes private (0600) files; an annotation file is shared
        // like any other: keep the mode it had, else the user's umask decides.
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o666, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| fail(&e))?;
    tmp.write_all(contents).map_err(|e| fail(&e))?;
    tmp.as_file().sync_all().map_err(|e| fail(&e))?;
    tmp.persist(path).map_err(|e| fail(&e.error))?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::model::*;

    #[test]
    fn the_folder_listing_names_every_file_or_gives_way() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("annotations");
        assert_eq!(
            files_present(&root),
            Some(Default::default()),
            "not made yet"
        );
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("a.json"), "{}").unwrap();
        std::fs::write(root.join("sub/b.json"), "{}").unwrap();
        let present = files_present(&root).unwrap();
        assert!(present.contains(&annotation_path(&root, "a.txt")));
        assert!(present.contains(&annotation_path(&root, "sub/b.txt")));
        assert!(!present.contains(&annotation_path(&root, "c.txt")));
        #[cfg(unix)]
        {
            // Files behind a linked folder are not listed: each is asked
            // for in turn instead.
            std::fs::create_dir(dir.path().join("elsewhere")).unwrap();
            std::os::unix::fs::symlink(dir.path().join("elsewhere"), root.join("linked")).unwrap();
            assert_eq!(files_present(&root), None);
        }
    }

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
        let quoted = f.to_json().replace("\"version\": 9", "\"version\": \"1\"");
        std::fs::write(&p, quoted).unwrap();
        let e = load(&p, "a.txt").unwrap_err().0;
        assert!(
            e.contains("format version \"1\", which is not a whole number"),
            "{e}"
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
    #[cfg(unix)]
    fn atomic_write_keeps_the_mode_and_makes_new_files_as_the_umask_says() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.json");
        write_atomic(&p, b"one").unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_ne!(
            mode & 0o044,
            0,
            "readable by others as the umask allows: {mode:o}"
        );
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&p, b"two").unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
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

#[cfg(test)]
mod lock_tests {
    use super::lock;

    /// Removing the sidecar as a lock is let go must not let two holders in
    /// at once: a waiter that locked the removed file tries again.
    #[test]
    fn locks_exclude_each_other_while_their_files_come_and_go() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.json");
        let counter = dir.path().join("counter");
        std::fs::write(&counter, "0").unwrap();
        let threads: Vec<_> = (0..6)
            .map(|_| {
                let (target, counter) = (target.clone(), counter.clone());
                std::thread::spawn(move || {
                    for _ in 0..40 {
                        let _held = lock(&target).unwrap();
                        let n: u32 = std::fs::read_to_string(&counter).unwrap().parse().unwrap();
                        std::thread::yield_now();
                        std::fs::write(&counter, (n + 1).to_string()).unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(std::fs::read_to_string(&counter).unwrap(), "240");
        assert!(!dir.path().join(".a.json.lock").exists());
    }
}

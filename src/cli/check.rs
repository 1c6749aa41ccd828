//! `claimdesk check`: every annotation file against its article, one line per
//! problem, reading only.

use super::Workspace;
use crate::store;
use std::path::{Path, PathBuf};

/// `check`: one line per problem in the annotation files; `Ok(true)` when all is clean.
// Long on purpose: the checks in the order the report lists them.
pub fn check(ws: &Workspace) -> (String, bool) {
    let mut lines = Vec::new();
    let dir = &ws.annotations_dir;
    let shown = |p: &Path| {
        p.strip_prefix(dir.parent().unwrap_or(dir))
            .unwrap_or(p)
            .display()
            .to_string()
    };
    let known: std::collections::HashMap<PathBuf, usize> = ws
        .annotations
        .iter()
        .zip(&ws.corpus.articles)
        .enumerate()
        .map(|(i, (ann, article))| (ann.path(article), i))
        .collect();
    let mut files = 0;
    let mut found = Vec::new();
    for path in store::files::walk(dir) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if store::files::is_stray_temp_file(&path) {
            lines.push(format!("{}: a temp file left by an interrupted save (claimdesk removes it at its next start).", shown(&path)));
        } else if name.ends_with(".json") && !name.starts_with('.') {
            found.push(path);
        }
    }
    found.sort();
    for path in found {
        files += 1;
        let Some(&i) = known.get(&path) else {
            lines.push(format!("{}: no article of the corpus has this file's name (the article was renamed or removed).", shown(&path)));
            continue;
        };
        let ann = &ws.annotations[i];
        let article = &ws.corpus.articles[i];
        if let Some(p) = &ann.problem {
            lines.push(p.0.replace(&path.display().to_string(), &shown(&path)));
            continue;
        }
        // No file (`base`): nothing was annotated, so nothing can be stale.
        if ann.base.is_some() && ann.file.article.sha256 != article.sha256 {
            lines.push(format!(
                "{}: {} changed since it was annotated.",
                shown(&path),
                article.id
            ));
        }
        for a in &ann.file.annotations {
            let why = match a.anchor {
                store::AnchorState::Exact => continue,
                store::AnchorState::Moved => format!("moved to {}..{}; open the article in claimdesk and save to keep the new position", a.target.start, a.target.end),
                store::AnchorState::Fuzzy => format!("only a similar text was found at {}..{}; confirm it in claimdesk (y)", a.target.start, a.target.end),
                store::AnchorState::Orphaned => "orphaned: its text is no longer in the article; re-attach (m) or delete it in claimdesk".to_string(),
            };
            lines.push(format!("{}: annotation {} {why}.", shown(&path), a.id));
        }
        // Evidence that names another annotation must still find it (by its
        // id or an alias a merge left).
        for a in &ann.file.annotations {
            for e in &a.evidence {
                let r = e.reference.as_str();
                if r.starts_with("https://") || r.starts_with("http://") {
                    continue;
                }
                let resolves = r.split_once('#').is_some_and(|(article, id)| {
                    ws.corpus
                        .articles
                        .iter()
                        .position(|x| x.id == article)
                        .is_some_and(|j| ws.annotations[j].file.get(id).is_some())
                });
                if !resolves {
                    lines.push(format!(
                        "{}: annotation {}'s evidence {} points at nothing (that article or annotation is gone).",
                        shown(&path),
                        a.id,
                        r
                    ));
                }
            }
        }
        for (a, b) in store::merge::twins(&ann.file) {
            lines.push(format!(
                "{}: annotations {} and {} are on the same text ({}..{}); the next save in claimdesk joins them.",
                shown(&path),
                a.id,
                b.id,
                a.target.start,
                a.target.end
            ));
        }
    }
    let clean = lines.is_empty();
    lines.push(if clean {
        format!("{files} annotation file(s) checked: all clean.")
    } else {
        format!(
            "{files} annotation file(s) checked: {} problem(s).",
            lines.len()
        )
    });
    (lines.join("\n") + "\n", clean)
}

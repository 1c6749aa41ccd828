//! The corpus read behind the first frame: the workbench opens on the
//! articles its first screen shows, and takes in the rest when it is read.

use super::action::{Action, CorpusRead};
use super::derive;
use super::keymap::Command;
use super::refresh::refresh_article;
use super::state::*;
use std::sync::Arc;

/// What waits while the corpus is still being read: everything the user
/// asks for but quitting and resizing. It is done in order once all is read.
pub fn waits_for_corpus(state: &State, action: &Action) -> bool {
    state.unread > 0
        && match action {
            Action::Command(c) => *c != Command::Quit,
            Action::Input(_) | Action::Paste(_) | Action::Mouse(_) => true,
            _ => false,
        }
}

/// Takes in the whole corpus. An article already shown keeps its
/// annotations (and, if its file changed in between, the text they were
/// made on); the others take what was read for them.
pub fn corpus_read(state: &mut State, read: CorpusRead) {
    let CorpusRead {
        corpus,
        annotations,
    } = read;
    let shown = state.corpus.clone();
    if corpus.articles.len() != shown.articles.len() {
        // Read from the same file list, so never. Were it to happen, what is
        // shown stays, and a pending article is never saved over.
        state.unread = 0;
        return;
    }
    let changed: Vec<usize> = shown
        .articles
        .iter()
        .zip(&corpus.articles)
        .enumerate()
        .filter(|(_, (old, new))| !old.pending && old.sha256 != new.sha256)
        .map(|(i, _)| i)
        .collect();
    let corpus = if changed.is_empty() {
        corpus
    } else {
        let mut articles = corpus.articles.clone();
        for i in changed {
            articles[i] = shown.articles[i].clone();
        }
        Arc::new(crate::corpus::Corpus {
            root: corpus.root.clone(),
            articles,
        })
    };
    for (i, ann) in annotations.into_iter().enumerate() {
        if let Some(ann) = ann
            && shown.articles[i].pending
        {
            state.annotations[i] = ann;
        }
    }
    state.corpus = corpus;
    state.unread = 0;
    state.progress = state
        .annotations
        .iter()
        .map(|a| derive::progress(None, a))
        .collect();
    let titles: Vec<&str> = state
        .corpus
        .articles
        .iter()
        .map(|a| a.meta.title.as_str())
        .collect();
    state.list.distinct_from = derive::distinct_title_starts(&titles);
    state.message = startup_message(state);
    refresh_article(state);
}

/// What the user should know on opening the corpus, in one sentence.
pub fn startup_message(state: &State) -> Option<String> {
    if let Some(a) = state.annotations.iter().find(|a| a.problem.is_some()) {
        let p = a.problem.as_ref().map(|p| p.0.clone()).unwrap_or_default();
        return Some(format!(
            "{p} That article is read-only until the file is fixed."
        ));
    }
    let moved: usize = state.annotations.iter().map(|a| a.report.moved).sum();
    let fuzzy: usize = state.annotations.iter().map(|a| a.report.fuzzy).sum();
    let orphaned: usize = state.annotations.iter().map(|a| a.report.orphaned).sum();
    if moved + fuzzy + orphaned > 0 {
        return Some(format!(
            "Articles changed since they were annotated: {moved} annotation(s) moved, {fuzzy} need confirming, {orphaned} orphaned."
        ));
    }
    let flagged = state
        .corpus
        .articles
        .iter()
        .filter(|a| !a.problems.is_empty())
        .count();
    if flagged > 0 {
        return Some(format!(
            "{flagged} article(s) have problems (marked ! in the list)."
        ));
    }
    None
}

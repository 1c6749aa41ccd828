//! "Also reported in": the links of the selected sentence, and following them.

use super::nav;
use super::refresh::refresh_wrap;
use super::state::*;
use crate::links::{Link, SentenceRef};
use crate::store::{Annotation, AnnotationKind};

/// The sentence the sidebar's "also reported in" is about: the selected
/// sidebar item when the sidebar has the focus, else the reader's cursor.
pub fn current_ref(state: &State) -> Option<SentenceRef> {
    let analysis = state.current_analysis()?;
    let sentence = match (state.focus, state.sidebar.get(state.sidebar_selected)) {
        (Pane::Sidebar, Some(SidebarItem::Suggestion { sentence, .. })) => *sentence,
        (
            Pane::Sidebar,
            Some(SidebarItem::Saved {
                start,
                orphaned: false,
                ..
            }),
        ) => analysis.sentence_at(*start)?,
        (Pane::Sidebar, _) => return None,
        _ => state
            .reader
            .cursor
            .min(analysis.sentences.len().checked_sub(1)?),
    };
    Some(SentenceRef::new(state.open_article, sentence))
}

/// The links of the current sentence, each with its other end.
pub fn current_links(state: &State) -> Vec<(&Link, SentenceRef)> {
    let (Some(links), Some(here)) = (state.links.as_deref(), current_ref(state)) else {
        return Vec::new();
    };
    // An article that repeats a sentence (a caption, a lead) is listed once.
    let text = |r: SentenceRef| {
        let s = state
            .analysis(r.article())
            .and_then(|a| a.sentences.get(r.sentence()));
        s.map(|s| state.corpus.articles[r.article()].slice(s.start(), s.end()))
    };
    let mut seen: Vec<(usize, &str)> = Vec::new();
    links
        .of(here)
        .map(|l| (l, if l.a == here { l.b } else { l.a }))
        .filter(|(_, other)| {
            let key = (other.article(), text(*other).unwrap_or(""));
            let new = !seen.contains(&key);
            if new {
                seen.push(key);
            }
            new
        })
        .collect()
}

/// The claim or note of another article covering a linked sentence, for context.
pub fn annotation_at(state: &State, r: SentenceRef) -> Option<&Annotation> {
    let s = state.analysis(r.article())?.sentences.get(r.sentence())?;
    state
        .annotations
        .get(r.article())?
        .file
        .annotations
        .iter()
        .find(|a| a.kind != AnnotationKind::Dismissed && a.overlaps(s.start(), s.end()))
}

/// Index of the chosen link, if it was chosen for the current sentence.
pub fn selected(state: &State) -> Option<usize> {
    let here = current_ref(state)?;
    state
        .link_selected
        .filter(|(r, _)| *r == here)
        .map(|(_, i)| i)
}

pub fn step(state: &mut State, forward: bool) {
    let n = current_links(state).len();
    let Some(here) = current_ref(state) else {
        return;
    };
    if n == 0 {
        state.message = Some(no_links(state).into());
        return;
    }
    let next = match selected(state) {
        None => {
            if forward {
                0
            } else {
                n - 1
            }
        }
        Some(i) if forward => (i + 1) % n,
        Some(i) => (i + n - 1) % n,
    };
    state.link_selected = Some((here, next));
}

/// Follows the chosen link (or the only/first one); false if there is none.
pub fn follow(state: &mut State) -> bool {
    let links = current_links(state);
    let Some(&(_, target)) = links.get(selected(state).unwrap_or(0)) else {
        return false;
    };
    nav::push_jump(state);
    let start = state
        .analysis(target.article())
        .and_then(|a| a.sentences.get(target.sentence()))
        .map(|s| s.start());
    nav::open_article(state, target.article(), start);
    nav::set_cursor(state, target.sentence());
    state.focus = Pane::Reader;
    state.link_selected = None;
    refresh_wrap(state);
    state.message = Some("Followed the link; Ctrl-o comes back.".into());
    true
}

/// Why there is nothing to follow.
pub fn no_links(state: &State) -> &'static str {
    if state.links.is_none() {
        "Links appear once the corpus is indexed."
    } else {
        "No other article reports this sentence."
    }
}

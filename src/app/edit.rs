//! Changes to annotations. Each is recorded for undo and ends in a Save effect.

use super::action::Effect;
use super::nav::cursor_span;
use super::refresh::refresh_sidebar;
use super::state::*;
use crate::store::{
    AnchorState, Annotation, AnnotationKind, ChangeKind, HistoryEntry, Verdict, make_target, new_id,
};

/// What a key acts on: a saved annotation, or a span that is not one yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Subject {
    Saved(String),
    Span(usize, usize),
}

pub(super) fn subject(state: &State) -> Result<Subject, String> {
    let ann = state.current_annotations().ok_or("No article is open.")?;
    let live = |a: &&Annotation| {
        a.kind != AnnotationKind::Dismissed && a.anchor != crate::store::AnchorState::Orphaned
    };
    match state.focus {
        Pane::List => {
            Err("Open an article (Enter) and mark claims in the reader or the sidebar.".into())
        }
        Pane::Sidebar => match state.sidebar.get(state.sidebar_selected) {
            Some(SidebarItem::Saved { id, .. }) => Ok(Subject::Saved(id.clone())),
            Some(SidebarItem::Suggestion { start, end, .. }) => Ok(Subject::Span(*start, *end)),
            None => Err("The sidebar is empty: select a sentence in the reader.".into()),
        },
        Pane::Reader => {
            if let Some(sel) = state.reader.selection {
                let (s, e) = sel.span();
                if let Some(a) = ann
                    .file
                    .annotations
                    .iter()
                    .filter(live)
                    .find(|a| (a.target.start, a.target.end) == (s, e))
                {
                    return Ok(Subject::Saved(a.id.clone()));
                }
                return Ok(Subject::Span(s, e));
            }
            let (s, e) = cursor_span(state).ok_or_else(|| no_sentence_here(state))?;
            // Chrome and front matter are marked only on purpose: with a selection.
            let chrome = state
                .current_analysis()
                .and_then(|a| a.sentences.get(state.reader.cursor))
                .is_some_and(|s| s.chrome());
            // Prefer an annotation that starts in this sentence, then any that covers it.
            let found = ann
                .file
                .annotations
                .iter()
                .filter(live)
                .find(|a| a.target.start >= s && a.target.start < e.max(s + 1))
                .or_else(|| {
                    ann.file
                        .annotations
                        .iter()
                        .filter(live)
                        .find(|a| a.overlaps(s, e))
                });
            match found {
                Some(a) => Ok(Subject::Saved(a.id.clone())),
                None if chrome => Err(
                    "This is site chrome, not article text; select it with v to mark it anyway."
                        .into(),
                ),
                None => Ok(Subject::Span(s, e)),
            }
        }
    }
}

/// Why the reader has no sentence under its cursor: not indexed yet, or an
/// article with nothing to mark (unreadable, empty).
fn no_sentence_here(state: &State) -> String {
    let Some(article) = state.article() else {
        return "No article is open.".into();
    };
    if state.current_analysis().is_none() {
        return "The article is still being indexed.".into();
    }
    match article.problems.first() {
        Some(p) => format!("Nothing to mark here: {p}."),
        None => "This article has no sentences to mark.".into(),
    }
}

pub(super) fn editable(state: &State, article: usize) -> Result<(), String> {
    match state
        .annotations
        .get(article)
        .and_then(|a| a.problem.as_ref())
    {
        Some(p) => Err(format!(
            "{p} Edits to this article are refused until it is fixed."
        )),
        None => Ok(()),
    }
}

fn new_annotation(
    state: &mut State,
    kind: AnnotationKind,
    start: usize,
    end: usize,
) -> Option<Annotation> {
    state.id_counter += 1;
    let now = state.now();
    let article = state.article()?;
    let target = make_target(article, start, end);
    Some(Annotation {
        id: new_id(
            &article.id,
            start,
            end,
            &now.to_string(),
            state.id_counter,
            state.id_salt,
        ),
        kind,
        target,
        verdict: Verdict::Unreviewed,
        note: String::new(),
        evidence: Vec::new(),
        publishing: Default::default(),
        reviewer: state.reviewer.clone(),
        created: now.clone(),
        updated: now,
        history: Vec::new(),
        aliases: Vec::new(),
        anchor: Default::default(),
    })
}

/// A history entry for a change made now: who, what, and the verdict and
/// note as they were before it.
pub(super) fn history_entry(
    state: &State,
    before: &Annotation,
    change: ChangeKind,
) -> HistoryEntry {
    HistoryEntry {
        at: state.now(),
        by: state.reviewer.clone(),
        verdict: before.verdict,
        note: before.note.clone(),
        change,
    }
}

/// Applies a change to the current article, records it (in the annotation's
/// history and for undo) and asks for a save.
fn commit(
    state: &mut State,
    before: Option<Annotation>,
    mut after: Option<Annotation>,
    change: ChangeKind,
) -> Vec<Effect> {
    if let (Some(b), Some(a)) = (&before, &mut after) {
        a.history.push(history_entry(state, b, change));
    }
    let article = state.open_article;
    apply(state, article, &before, &after);
    state.undo.push(Change {
        article,
        before,
        after,
    });
    state.redo.clear();
    vec![Effect::Save(article)]
}

pub(super) fn apply(
    state: &mut State,
    article: usize,
    before: &Option<Annotation>,
    after: &Option<Annotation>,
) {
    let file = &mut state.annotations[article].file;
    match (before, after) {
        (Some(b), None) => {
            file.remove(&b.id);
        }
        (_, Some(a)) => file.upsert(a.clone()),
        (None, None) => {}
    }
    crate::store::refer_to(file, &state.corpus.articles[article]);
    state.unsaved.insert(article);
    state.generation += 1;
    state.reader.selection = None;
    if article == state.open_article {
        refresh_sidebar(state);
        super::nav::sync_sidebar_to_cursor(state);
    } else {
        state.progress[article] =
            super::derive::progress(state.analysis(article), &state.annotations[article]);
        super::refresh::refresh_differs(state, article);
    }
}

pub(super) fn fail(state: &mut State, msg: impl Into<String>) -> Vec<Effect> {
    state.message = Some(msg.into());
    Vec::new()
}

/// Finds or creates the annotation under the cursor and lets `change` edit it.
fn edit_subject(
    state: &mut State,
    create_kind: AnnotationKind,
    label: ChangeKind,
    change: impl FnOnce(&mut Annotation) -> Result<(), String>,
) -> Vec<Effect> {
    try_edit_subject(state, create_kind, label, change).unwrap_or_else(|e| fail(state, e))
}

/// Like `edit_subject`, but hands the reason back when nothing could be changed.
pub(super) fn try_edit_subject(
    state: &mut State,
    create_kind: AnnotationKind,
    label: ChangeKind,
    change: impl FnOnce(&mut Annotation) -> Result<(), String>,
) -> Result<Vec<Effect>, String> {
    editable(state, state.open_article)?;
    let (before, mut after) = match subject(state)? {
        Subject::Saved(id) => {
            let Some(a) = state.annotations[state.open_article].file.get(&id).cloned() else {
                return Ok(Vec::new());
            };
            (Some(a.clone()), a)
        }
        Subject::Span(s, e) => {
            // A dismissed suggestion on the same span comes back as this annotation.
            let dismissed = state.annotations[state.open_article]
                .file
                .annotations
                .iter()
                .find(|a| {
                    a.kind == AnnotationKind::Dismissed && (a.target.start, a.target.end) == (s, e)
                })
                .cloned();
            match dismissed {
                Some(d) => {
                    let mut a = d.clone();
                    a.kind = create_kind;
                    (Some(d), a)
                }
                None => match new_annotation(state, create_kind, s, e) {
                    Some(a) => (None, a),
                    None => return Ok(Vec::new()),
                },
            }
        }
    };
    change(&mut after)?;
    if before.as_ref() == Some(&after) {
        return Ok(Vec::new());
    }
    after.updated = state.now();
    after.reviewer = state.reviewer.clone();
    Ok(commit(state, before, Some(after), label))
}

pub fn set_verdict(state: &mut State, verdict: Verdict) -> Vec<Effect> {
    let effects = edit_subject(state, AnnotationKind::Claim, ChangeKind::Verdict, |a| {
        if a.kind == AnnotationKind::Claim && a.verdict == verdict {
            return Err(format!("Already marked {verdict}."));
        }
        a.kind = AnnotationKind::Claim;
        a.verdict = verdict;
        Ok(())
    });
    if !effects.is_empty() {
        state.message = Some(format!("Marked {}.", verdict));
    }
    effects
}

pub fn clear_verdict(state: &mut State) -> Vec<Effect> {
    if matches!(subject(state), Ok(Subject::Span(..))) {
        return fail(state, "There is no claim here to clear.");
    }
    let effects = edit_subject(state, AnnotationKind::Claim, ChangeKind::Verdict, |a| {
        a.verdict = Verdict::Unreviewed;
        Ok(())
    });
    if !effects.is_empty() {
        state.message = Some("Verdict cleared.".into());
    }
    effects
}

pub fn mark_claim(state: &mut State) -> Vec<Effect> {
    let effects = edit_subject(state, AnnotationKind::Claim, ChangeKind::Claim, |a| {
        a.kind = AnnotationKind::Claim;
        Ok(())
    });
    state.message = Some(
        if effects.is_empty() {
            "Already a claim."
        } else {
            "Marked as a claim."
        }
        .into(),
    );
    effects
}

pub fn dismiss(state: &mut State) -> Vec<Effect> {
    if let Err(e) = editable(state, state.open_article) {
        return fail(state, e);
    }
    match subject(state) {
        Err(e) => fail(state, e),
        Ok(Subject::Saved(id)) => {
            let what =
                state.annotations[state.open_article]
                    .file
                    .get(&id)
                    .map_or("annotation", |a| {
                        if a.kind == AnnotationKind::Note {
                            "note"
                        } else {
                            "claim"
                        }
                    });
            state.overlay = Some(Overlay::Confirm {
                question: format!(
                    "Delete this {what} with its verdict, note and evidence? {}",
                    super::refresh::yes_no(state)
                ),
                on_yes: Confirmed::Delete {
                    article: state.open_article,
                    id,
                },
            });
            Vec::new()
        }
        Ok(Subject::Span(s, e)) => {
            let suggested = state.sidebar.iter().any(|i| matches!(i, SidebarItem::Suggestion { start, end, .. } if (*start, *end) == (s, e)));
            if !suggested {
                return fail(
                    state,
                    "Only suggestions can be dismissed; this sentence is not one.",
                );
            }
            let Some(a) = new_annotation(state, AnnotationKind::Dismissed, s, e) else {
                return Vec::new();
            };
            state.message = Some("Suggestion dismissed (z brings it back).".into());
            commit(state, None, Some(a), ChangeKind::Dismiss)
        }
    }
}

pub fn delete(state: &mut State, article: usize, id: &str) -> Vec<Effect> {
    if article != state.open_article {
        return Vec::new();
    }
    let Some(before) = state.annotations[article].file.get(id).cloned() else {
        return Vec::new();
    };
    state.message = Some("Deleted; z undoes it.".into());
    commit(state, Some(before), None, ChangeKind::Delete)
}

pub fn open_note(state: &mut State) {
    if let Err(e) = editable(state, state.open_article) {
        state.message = Some(e);
        return;
    }
    let (id, span, text) = match subject(state) {
        Err(e) => {
            state.message = Some(e);
            return;
        }
        Ok(Subject::Saved(id)) => {
            let a = state.annotations[state.open_article].file.get(&id);
            let span = a.map_or((0, 0), |a| (a.target.start, a.target.end));
            let text = a.map(|a| a.note.clone()).unwrap_or_default();
            (Some(id), span, text)
        }
        Ok(Subject::Span(s, e)) => (None, (s, e), String::new()),
    };
    // The cursor at the end of the note, to go on writing.
    let editor = super::text_field::TextField::new(&text);
    state.overlay = Some(Overlay::Note {
        article: state.open_article,
        id,
        span,
        editor,
    });
}

/// Saves the note typed in the editor (called when the editor closes).
pub fn save_note(
    state: &mut State,
    article: usize,
    id: Option<String>,
    span: (usize, usize),
    text: String,
) -> Vec<Effect> {
    if article != state.open_article {
        return Vec::new();
    }
    let text = text.trim_end().to_string();
    let before = id
        .as_deref()
        .and_then(|id| state.annotations[article].file.get(id).cloned());
    let after = match &before {
        Some(b) if b.note == text => return Vec::new(),
        Some(b) => {
            let mut a = b.clone();
            a.note = text;
            a.updated = state.now();
            a.reviewer = state.reviewer.clone();
            a
        }
        None if text.is_empty() => return Vec::new(),
        None => {
            let Some(mut a) = new_annotation(state, AnnotationKind::Note, span.0, span.1) else {
                return Vec::new();
            };
            a.note = text;
            a
        }
    };
    state.message = Some("Note saved.".into());
    commit(state, before, Some(after), ChangeKind::Note)
}

/// Accepts the position a fuzzy match found: the quote and its context are
/// taken from the article as it is now.
pub fn confirm_anchor(state: &mut State) -> Vec<Effect> {
    if let Err(e) = editable(state, state.open_article) {
        return fail(state, e);
    }
    let Ok(Subject::Saved(id)) = subject(state) else {
        return fail(state, "There is no annotation here to confirm.");
    };
    let Some(before) = state.annotations[state.open_article].file.get(&id).cloned() else {
        return Vec::new();
    };
    if !matches!(before.anchor, AnchorState::Fuzzy | AnchorState::Moved) {
        return fail(
            state,
            format!(
                "This annotation's anchor is {}; only fuzzy or moved ones need confirming.",
                before.anchor.name()
            ),
        );
    }
    let Some(article) = state.article() else {
        return Vec::new();
    };
    let mut after = before.clone();
    after.target = make_target(article, before.target.start, before.target.end);
    after.anchor = AnchorState::Exact;
    after.updated = state.now();
    after.reviewer = state.reviewer.clone();
    state.message = Some("Anchor confirmed.".into());
    commit(state, Some(before), Some(after), ChangeKind::Confirm)
}

/// `m` on an orphan in the sidebar marks it; `m` on text in the reader then
/// attaches it there.
pub fn reattach(state: &mut State) -> Vec<Effect> {
    if let Err(e) = editable(state, state.open_article) {
        return fail(state, e);
    }
    if state.focus == Pane::Sidebar
        && let Some(SidebarItem::Saved {
            id, orphaned: true, ..
        }) = state.sidebar.get(state.sidebar_selected).cloned()
    {
        state.reattach = Some((state.open_article, id));
        state.focus = Pane::Reader;
        super::refresh::refresh_wrap(state);
        state.message = Some(
            "Put the cursor on the new text (or select it with v) and press m; Esc cancels.".into(),
        );
        return Vec::new();
    }
    let Some((article, id)) = state.reattach.clone() else {
        return fail(
            state,
            "m re-attaches an orphaned annotation: select one in the sidebar first.",
        );
    };
    if article != state.open_article {
        return fail(
            state,
            "Re-attach within the same article: go back to it, or press Esc to cancel.",
        );
    }
    let span = match state.reader.selection {
        Some(sel) => sel.span(),
        None => match cursor_span(state) {
            Some(s) => s,
            None => {
                let why = no_sentence_here(state);
                return fail(state, why);
            }
        },
    };
    let Some(before) = state.annotations[article].file.get(&id).cloned() else {
        return Vec::new();
    };
    let Some(a) = state.article() else {
        return Vec::new();
    };
    let mut after = before.clone();
    after.target = make_target(a, span.0, span.1);
    after.anchor = AnchorState::Exact;
    after.updated = state.now();
    after.reviewer = state.reviewer.clone();
    state.reattach = None;
    state.message = Some("Re-attached.".into());
    commit(state, Some(before), Some(after), ChangeKind::Reattach)
}

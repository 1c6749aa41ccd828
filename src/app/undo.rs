//! Undo and redo: every change (verdicts, notes, evidence, anchors) can be
//! taken back and redone; each step is saved like any other change.

use super::action::Effect;
use super::edit::{apply, editable, fail, history_entry};
use super::nav::move_cursor_to;
use super::state::*;
use crate::store::ChangeKind;

fn swap(state: &mut State, from_undo: bool) -> Vec<Effect> {
    let stack = if from_undo {
        &mut state.undo
    } else {
        &mut state.redo
    };
    let Some(change) = stack.pop() else {
        return fail(
            state,
            if from_undo {
                "Nothing to undo."
            } else {
                "Nothing to redo."
            },
        );
    };
    if let Err(e) = editable(state, change.article) {
        let stack = if from_undo {
            &mut state.undo
        } else {
            &mut state.redo
        };
        stack.push(change);
        return fail(state, e);
    }
    let (from, to) = if from_undo {
        (&change.after, &change.before)
    } else {
        (&change.before, &change.after)
    };
    // Remove what the change produced, then restore the other side. The
    // restored version keeps the history since, plus this undo, and counts
    // as the newest change so a merge with another instance keeps it.
    let article = change.article;
    let live = from
        .as_ref()
        .and_then(|f| state.annotations[article].file.remove(&f.id));
    let restored = to.clone().map(|mut t| {
        let label = if from_undo {
            ChangeKind::Undo
        } else {
            ChangeKind::Redo
        };
        let mut history = live
            .as_ref()
            .map(|l| l.history.clone())
            .unwrap_or_else(|| t.history.clone());
        history.push(history_entry(state, live.as_ref().unwrap_or(&t), label));
        t.history = history;
        t.updated = state.now();
        t.reviewer = state.reviewer.clone();
        t
    });
    if article != state.open_article {
        super::nav::open_article(state, article, None);
    }
    apply(state, article, &None, &restored);
    if let Some(pos) = to.as_ref().or(from.as_ref()).map(|a| a.target.start) {
        move_cursor_to(state, pos);
    }
    let done = if from_undo { "Undone" } else { "Redone" };
    state.message = Some(format!("{done}: {}.", describe(from.as_ref(), to.as_ref())));
    let stack = if from_undo {
        &mut state.redo
    } else {
        &mut state.undo
    };
    stack.push(change);
    vec![Effect::Save(article)]
}

/// What a step changed, in words: "verdict true → unreviewed on “Police in
/// Belgium…”", "removed the note on …".
fn describe(
    from: Option<&crate::store::Annotation>,
    to: Option<&crate::store::Annotation>,
) -> String {
    let on = |a: &crate::store::Annotation| {
        let text: String = a
            .target
            .exact
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let short: String = text.chars().take(30).collect();
        if short.chars().count() < text.chars().count() {
            format!("“{short}…”")
        } else {
            format!("“{short}”")
        }
    };
    match (from, to) {
        (Some(f), None) if f.is_claim() => {
            format!("removed the {} claim {}", f.verdict.name(), on(f))
        }
        (Some(f), None) => format!("removed the note on {}", on(f)),
        (None, Some(t)) if t.is_claim() => {
            format!("the {} claim {} is back", t.verdict.name(), on(t))
        }
        (None, Some(t)) => format!("the note on {} is back", on(t)),
        (Some(f), Some(t)) if f.verdict != t.verdict => {
            format!(
                "verdict {} → {} on {}",
                f.verdict.name(),
                t.verdict.name(),
                on(t)
            )
        }
        (Some(f), Some(t)) if f.note != t.note => format!("the note on {}", on(t)),
        (Some(f), Some(t)) if f.evidence != t.evidence => format!("the evidence on {}", on(t)),
        (Some(f), Some(t)) if f.publishing != t.publishing => {
            format!("the publishing fields of {}", on(t))
        }
        (Some(_), Some(t)) => format!("the change to {}", on(t)),
        (None, None) => "nothing".into(),
    }
}

pub fn undo(state: &mut State) -> Vec<Effect> {
    swap(state, true)
}

pub fn redo(state: &mut State) -> Vec<Effect> {
    swap(state, false)
}

//! The review screen: every annotation of the corpus, filtered, with jumps.

use super::keymap::Command;
use super::nav;
use super::overlay::open_prompt;
use super::state::*;
use super::update::{Effect, quit};
use crate::store::{Kind, Verdict};

pub fn open(state: &mut State) {
    state.screen = Screen::Review;
    rebuild(state);
}

/// Recomputes the filtered rows; called when entering the screen or a filter changes.
pub fn rebuild(state: &mut State) {
    let text = state.review.text.to_lowercase();
    let verdict = state.review.verdict;
    let mut rows = Vec::new();
    let mut total = 0;
    for (i, ann) in state.annotations.iter().enumerate() {
        let article = &state.corpus.articles[i];
        for a in &ann.file.annotations {
            if a.kind == Kind::Dismissed {
                continue;
            }
            total += 1;
            if verdict.is_some_and(|v| a.kind != Kind::Claim || a.verdict != v) {
                continue;
            }
            if !text.is_empty() {
                let hay = [
                    a.target.exact.as_str(),
                    a.note.as_str(),
                    a.reviewer.as_str(),
                    article.id.as_str(),
                    article.meta.title.as_str(),
                ];
                if !hay.iter().any(|h| h.to_lowercase().contains(&text)) {
                    continue;
                }
            }
            rows.push(ReviewRow {
                article: i,
                id: a.id.clone(),
            });
        }
    }
    state.review.rows = rows;
    state.review.total = total;
    state.review.selected = state
        .review
        .selected
        .min(state.review.rows.len().saturating_sub(1));
}

fn next_verdict_filter(v: Option<Verdict>) -> Option<Verdict> {
    match v {
        None => Some(Verdict::Unreviewed),
        Some(Verdict::Unreviewed) => Some(Verdict::True),
        Some(Verdict::True) => Some(Verdict::Disputed),
        Some(Verdict::Disputed) => Some(Verdict::False),
        Some(Verdict::False) => Some(Verdict::Unverifiable),
        Some(Verdict::Unverifiable) => None,
    }
}

fn page(state: &State) -> usize {
    (state.size.1 as usize).saturating_sub(6).max(1)
}

pub fn command(state: &mut State, c: Command) -> Vec<Effect> {
    use Command::*;
    let n = state.review.rows.len();
    let sel = state.review.selected;
    match c {
        Down => state.review.selected = (sel + 1).min(n.saturating_sub(1)),
        Up => state.review.selected = sel.saturating_sub(1),
        Top => state.review.selected = 0,
        Bottom => state.review.selected = n.saturating_sub(1),
        PageDown | HalfDown => state.review.selected = (sel + page(state)).min(n.saturating_sub(1)),
        PageUp | HalfUp => state.review.selected = sel.saturating_sub(page(state)),
        FilterVerdict => {
            state.review.verdict = next_verdict_filter(state.review.verdict);
            rebuild(state);
        }
        ClearFilters => {
            state.review.verdict = None;
            state.review.text.clear();
            rebuild(state);
        }
        Search => {
            let initial = state.review.text.clone();
            open_prompt(state, PromptKind::ReviewFilter, initial);
        }
        Open => {
            let Some(row) = state.review.rows.get(sel).cloned() else {
                state.message = Some("No annotation to open.".into());
                return Vec::new();
            };
            let Some(a) = state.annotations[row.article].file.get(&row.id).cloned() else {
                return Vec::new();
            };
            nav::push_jump(state);
            state.screen = Screen::Main;
            state.focus = Pane::Reader;
            nav::open_article(state, row.article, Some(a.target.start));
            if a.anchor == crate::store::AnchorState::Orphaned {
                state.message = Some(
                    "This annotation is orphaned: its text is no longer in the article.".into(),
                );
            } else if let Some(i) = state
                .sidebar
                .iter()
                .position(|i| matches!(i, SidebarItem::Saved { id, .. } if *id == a.id))
            {
                state.sidebar_selected = i;
            }
        }
        Back | JumpBack | Cancel | Review => {
            state.screen = Screen::Main;
        }
        Help => state.overlay = Some(Overlay::Help { scroll: 0 }),
        Quit => return quit(state),
        _ => {}
    }
    let h = page(state);
    let s = state.review.selected;
    if s < state.review.offset {
        state.review.offset = s;
    } else if s >= state.review.offset + h {
        state.review.offset = s + 1 - h;
    }
    Vec::new()
}

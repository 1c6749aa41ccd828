//! The review screen: every annotation of the corpus, filtered, with jumps.

use super::action::Effect;
use super::keymap::Command;
use super::nav;
use super::refresh::quit;
use super::refresh::{default_export_path, open_prompt, open_prompt_with_default};
use super::state::*;
use crate::store::{AnnotationKind, Verdict};

pub fn open(state: &mut State) {
    state.screen = Screen::Review;
    rebuild(state);
}

/// Recomputes the filtered rows; called when entering the screen or a filter changes.
/// Our verdict on one of our claims.
pub fn our_verdict(state: &State, id: &str) -> Option<Verdict> {
    state
        .annotations
        .iter()
        .find_map(|a| a.file.get(id))
        .map(|a| a.verdict)
}

pub use crate::store::agreement::disagree;

// Long on purpose: the filters, the sort and the counts in one pass over the rows.
pub fn rebuild(state: &mut State) {
    if let Some(c) = state.review.compare.as_mut() {
        c.other_verdicts.clear();
        for (ours, theirs) in state.annotations.iter().zip(&c.files) {
            for (i, j) in
                crate::store::match_claims(&ours.file.annotations, &theirs.file.annotations)
            {
                c.other_verdicts.insert(
                    ours.file.annotations[i].id.clone(),
                    theirs.file.annotations[j].verdict,
                );
            }
        }
    }
    if state.review.haystack.0 != state.generation
        || state.review.haystack.1.len() != state.annotations.len()
    {
        let hay = state
            .annotations
            .iter()
            .zip(&state.corpus.articles)
            .map(|(ann, article)| {
                ann.file
                    .annotations
                    .iter()
                    .map(|a| {
                        [
                            a.target.exact.as_str(),
                            &a.note,
                            &a.reviewer,
                            &article.id,
                            &article.meta.title,
                        ]
                        .join("\u{0}")
                        .to_lowercase()
                    })
                    .collect()
            })
            .collect();
        state.review.haystack = (state.generation, hay);
    }
    let r = &state.review;
    let text = r.text.to_lowercase();
    let mut rows = Vec::new();
    let mut counts = [0usize; 5];
    let mut total = 0;
    for (i, ann) in state.annotations.iter().enumerate() {
        for (k, a) in ann.file.annotations.iter().enumerate() {
            let kind_ok = match r.kind {
                None => a.kind != AnnotationKind::Dismissed,
                Some(k) => a.kind == k,
            };
            if a.kind != AnnotationKind::Dismissed {
                total += 1;
            }
            if !kind_ok
                || r.verdict
                    .is_some_and(|v| a.kind != AnnotationKind::Claim || a.verdict != v)
                || r.reviewer.as_ref().is_some_and(|who| &a.reviewer != who)
                || r.anchor.is_some_and(|st| a.anchor != st)
                || (r.no_note && !a.note.is_empty())
                || (r.no_evidence && !a.evidence.is_empty())
                || (r.disagreements_only
                    && !r
                        .compare
                        .as_ref()
                        .and_then(|c| c.other_verdicts.get(&a.id))
                        .is_some_and(|theirs| disagree(a.verdict, *theirs)))
            {
                continue;
            }
            if !text.is_empty()
                && !r
                    .haystack
                    .1
                    .get(i)
                    .and_then(|h| h.get(k))
                    .is_some_and(|h| h.contains(&text))
            {
                continue;
            }
            if a.kind == AnnotationKind::Claim {
                counts[Verdict::ALL
                    .iter()
                    .position(|v| *v == a.verdict)
                    .unwrap_or(0)] += 1;
            }
            rows.push(ReviewRow {
                article: i,
                id: a.id.clone(),
            });
        }
    }
    let get = |row: &ReviewRow| state.annotations[row.article].file.get(&row.id);
    match r.sort {
        // Files keep annotations in text order: corpus order is already article, position.
        ReviewSort::Article => {}
        ReviewSort::Verdict => rows.sort_by_key(|row| get(row).map(|a| a.verdict)),
        ReviewSort::Reviewer => rows.sort_by(|x, y| {
            get(x)
                .map(|a| &a.reviewer)
                .cmp(&get(y).map(|a| &a.reviewer))
        }),
        ReviewSort::Updated => {
            rows.sort_by(|x, y| get(y).map(|a| &a.updated).cmp(&get(x).map(|a| &a.updated)))
        }
    }
    let progress = state
        .progress
        .iter()
        .fold(Progress::default(), |acc, p| Progress {
            reviewed: acc.reviewed + p.reviewed,
            found: acc.found + p.found,
        });
    state.review.verdict_counts = counts;
    state.review.progress = progress;
    state.review.rows = rows;
    state.review.total = total;
    state.review.selected = state
        .review
        .selected
        .min(state.review.rows.len().saturating_sub(1));
}

fn cycle<T: Clone + PartialEq>(options: &[T], current: &Option<T>) -> Option<T> {
    match current {
        None => options.first().cloned(),
        Some(c) => options
            .iter()
            .position(|o| o == c)
            .and_then(|i| options.get(i + 1))
            .cloned(),
    }
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
    super::layout::review_body_rows(state.size.1)
}

// Long on purpose: a router with one short arm per review-screen command.
pub fn command(state: &mut State, c: Command) -> Vec<Effect> {
    use Command::*;
    let n = state.review.rows.len();
    let sel = state.review.selected;
    match c {
        Down => state.review.selected = (sel + 1).min(n.saturating_sub(1)),
        Up => state.review.selected = sel.saturating_sub(1),
        Top => state.review.selected = 0,
        Bottom => state.review.selected = n.saturating_sub(1),
        // A page turns the whole table: the next rows, each shown once.
        PageDown | HalfDown | PageUp | HalfUp => {
            let step = if matches!(c, HalfDown | HalfUp) {
                (page(state) / 2).max(1)
            } else {
                page(state)
            };
            let r = &mut state.review;
            if matches!(c, PageDown | HalfDown) {
                // The last page may be part empty rather than show rows again.
                if r.offset + step < n {
                    r.offset += step;
                }
                r.selected = (sel + step).min(n.saturating_sub(1));
            } else {
                r.offset = r.offset.saturating_sub(step);
                r.selected = sel.saturating_sub(step);
            }
        }
        FilterVerdict => {
            state.review.verdict = next_verdict_filter(state.review.verdict);
            rebuild(state);
        }
        FilterReviewer => {
            let mut reviewers: Vec<&String> = state
                .annotations
                .iter()
                .flat_map(|a| a.file.annotations.iter().map(|x| &x.reviewer))
                .collect();
            reviewers.sort();
            reviewers.dedup();
            let reviewers: Vec<String> = reviewers.into_iter().cloned().collect();
            state.review.reviewer = cycle(&reviewers, &state.review.reviewer);
            rebuild(state);
        }
        FilterAnchor => {
            use crate::store::AnchorState::*;
            state.review.anchor = cycle(&[Exact, Moved, Fuzzy, Orphaned], &state.review.anchor);
            rebuild(state);
        }
        FilterKind => {
            state.review.kind = cycle(
                &[
                    AnnotationKind::Claim,
                    AnnotationKind::Note,
                    AnnotationKind::Dismissed,
                ],
                &state.review.kind,
            );
            rebuild(state);
        }
        FilterNoNote => {
            state.review.no_note = !state.review.no_note;
            rebuild(state);
        }
        FilterNoEvidence => {
            state.review.no_evidence = !state.review.no_evidence;
            rebuild(state);
        }
        CompareFolder => {
            let guess = state
                .annotations_dir
                .parent()
                .map(|p| format!("{}/", p.display()))
                .unwrap_or_default();
            open_prompt_with_default(state, PromptKind::CompareFolder, guess);
        }
        FilterDisagreements => {
            if state.review.compare.is_none() {
                state.message = Some("Open a second reviewer's folder first (o).".into());
            } else {
                state.review.disagreements_only = !state.review.disagreements_only;
                rebuild(state);
            }
        }
        ExportRows => {
            if state.review.rows.is_empty() {
                state.message = Some("No rows to export: clear the filters (c).".into());
            } else {
                let shown = default_export_path(state, crate::export::Format::Markdown);
                open_prompt_with_default(state, PromptKind::Export, shown.display().to_string());
            }
        }
        Sort => {
            state.review.sort = state.review.sort.next();
            rebuild(state);
        }
        ClearFilters => {
            let sort = state.review.sort;
            let compare = state.review.compare.take();
            state.review = ReviewState {
                sort,
                compare,
                ..Default::default()
            };
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

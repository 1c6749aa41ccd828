//! Moving around: lists, the sentence cursor, selections, jumps, search hits.

use super::derive;
use super::keymap::Command;
pub use super::refresh::{
    cursor_span, open_article, reveal_cursor, set_cursor, sync_sidebar_to_cursor,
};
use super::refresh::{reader_height, refresh_wrap};
use super::state::*;

fn content_sentences(state: &State) -> Vec<usize> {
    state
        .current_analysis()
        .map(|a| {
            a.sentences
                .iter()
                .enumerate()
                .filter(|(_, s)| !s.chrome())
                .map(|(i, _)| i)
                .collect()
        })
        .unwrap_or_default()
}

/// Moves the reader cursor to another content sentence (chrome is skipped).
fn step_cursor(state: &mut State, delta: isize) {
    let content = content_sentences(state);
    if content.is_empty() {
        return;
    }
    let cur = state.reader.cursor;
    let here = content.partition_point(|&i| i < cur);
    let target = if delta > 0 {
        let base = if content.get(here) == Some(&cur) {
            here
        } else {
            here.saturating_sub(1)
        };
        (base + delta as usize).min(content.len() - 1)
    } else {
        here.saturating_sub(delta.unsigned_abs())
    };
    set_cursor(state, content[target]);
}

fn page(state: &State) -> usize {
    reader_height(state).max(2)
}

// Long on purpose: a router per pane and movement.
pub fn movement(state: &mut State, c: Command) {
    use Command::*;
    match state.focus {
        Pane::List => {
            let n = state.list.visible.len();
            if n == 0 {
                return;
            }
            let h = list_height(state);
            let sel = state.list.selected;
            let next = match c {
                Down => (sel + 1).min(n - 1),
                Up => sel.saturating_sub(1),
                Top => 0,
                Bottom => n - 1,
                PageDown => (sel + h).min(n - 1),
                PageUp => sel.saturating_sub(h),
                HalfDown => (sel + h / 2).min(n - 1),
                _ => sel.saturating_sub(h / 2),
            };
            state.list.selected = next;
            let article = state.list.visible[next];
            open_article(state, article, None);
        }
        Pane::Reader => {
            if state.reader.selection.is_some() && matches!(c, Down | Up) {
                extend_selection_by_sentence(state, c == Down);
                return;
            }
            let h = page(state);
            match c {
                Down => step_cursor(state, 1),
                Up => step_cursor(state, -1),
                Top => {
                    if let Some(&first) = content_sentences(state).first() {
                        set_cursor(state, first);
                    }
                }
                Bottom => {
                    if let Some(&last) = content_sentences(state).last() {
                        set_cursor(state, last);
                    }
                }
                _ => {
                    let rows = if matches!(c, PageDown | PageUp) {
                        h
                    } else {
                        h / 2
                    };
                    let down = matches!(c, PageDown | HalfDown);
                    let max = state.wrapped.lines.len().saturating_sub(1);
                    state.reader.scroll = if down {
                        (state.reader.scroll + rows).min(max)
                    } else {
                        state.reader.scroll.saturating_sub(rows)
                    };
                    // The cursor lands on the first content sentence in view.
                    let first_pos = state
                        .wrapped
                        .lines
                        .get(state.reader.scroll)
                        .map_or(0, |l| l.start);
                    if let Some(a) = state.current_analysis()
                        && let Some(i) = a
                            .sentences
                            .iter()
                            .position(|s| !s.chrome() && s.start() >= first_pos)
                    {
                        state.reader.cursor = i;
                        sync_sidebar_to_cursor(state);
                    }
                }
            }
        }
        Pane::Sidebar => {
            let n = state.sidebar.len();
            if n == 0 {
                return;
            }
            let sel = state.sidebar_selected;
            let next = match c {
                Down => (sel + 1).min(n - 1),
                Up => sel.saturating_sub(1),
                Top => 0,
                Bottom => n - 1,
                PageDown | HalfDown => (sel + 5).min(n - 1),
                _ => sel.saturating_sub(5),
            };
            select_sidebar(state, next);
        }
    }
}

pub fn select_sidebar(state: &mut State, index: usize) {
    state.sidebar_selected = index;
    let Some(item) = state.sidebar.get(index) else {
        return;
    };
    if matches!(item, SidebarItem::Saved { orphaned: true, .. }) {
        return;
    }
    let start = item.span().0;
    if let Some(s) = state.current_analysis().and_then(|a| a.sentence_at(start)) {
        state.reader.cursor = s;
        reveal_cursor(state);
    } else {
        state.reader.scroll = state.wrapped.row_of(start);
    }
}

fn list_height(state: &State) -> usize {
    super::refresh::pane_height(state, Pane::List)
}

pub fn push_jump(state: &mut State) {
    state.jumps.push(Location {
        article: state.open_article,
        cursor: state.reader.cursor,
        screen: state.screen,
    });
}

pub fn start_selection(state: &mut State) {
    if state.focus != Pane::Reader {
        state.focus = Pane::Reader;
        refresh_wrap(state);
    }
    match cursor_span(state) {
        Some((s, e)) => state.reader.selection = Some(Selection { anchor: s, head: e }),
        None => state.message = Some("Nothing to select until the article is indexed.".into()),
    }
}

/// Moves the selection's head to the end of the next word, or back one word.
pub fn word(state: &mut State, forward: bool) {
    let Some(mut sel) = state.reader.selection else {
        state.message = Some(format!(
            "Press {} to start a selection first.",
            state
                .keymap
                .key_for(super::keymap::Section::Main, Command::Select)
        ));
        return;
    };
    let Some(article) = state.article() else {
        return;
    };
    let len = article.char_len();
    let chars: Vec<char> = article.slice(0, len).chars().collect();
    let mut h = sel.head;
    if forward {
        while h < len && !chars[h].is_alphanumeric() {
            h += 1;
        }
        while h < len && chars[h].is_alphanumeric() {
            h += 1;
        }
        // Keep trailing punctuation of the word ("tons," "2021.").
        while h < len && !chars[h].is_whitespace() && !chars[h].is_alphanumeric() {
            h += 1;
        }
    } else {
        while h > 0 && !chars[h - 1].is_alphanumeric() {
            h -= 1;
        }
        while h > 0 && chars[h - 1].is_alphanumeric() {
            h -= 1;
        }
        while h > 0 && chars[h - 1].is_whitespace() {
            h -= 1;
        }
    }
    if h == sel.anchor {
        return;
    }
    sel.head = h;
    state.reader.selection = Some(sel);
    reveal_cursor(state);
}

fn extend_selection_by_sentence(state: &mut State, forward: bool) {
    let (Some(mut sel), Some(analysis)) = (state.reader.selection, state.current_analysis()) else {
        return;
    };
    let sentences = &analysis.sentences;
    let head = if forward {
        sentences.iter().map(|s| s.end()).find(|&e| e > sel.head)
    } else {
        sentences
            .iter()
            .rev()
            .map(|s| s.end())
            .find(|&e| e < sel.head && e > sel.anchor)
    };
    if let Some(h) = head {
        sel.head = h;
        state.reader.selection = Some(sel);
        reveal_cursor(state);
    }
}

/// `]` `[` within the article, `}` `{` across the corpus (wrapping around).
pub fn next_unreviewed(state: &mut State, forward: bool, corpus_wide: bool) {
    let here = cursor_span(state).map_or(0, |s| s.0);
    let current = state.open_article;
    let candidates = |state: &State, article: usize| -> Vec<usize> {
        let ann = &state.annotations[article];
        let items = if article == current {
            state.sidebar.clone()
        } else {
            derive::sidebar_items(state.analysis(article), ann)
        };
        items
            .iter()
            .filter(|i| derive::is_unreviewed(i))
            .map(|i| i.span().0)
            .collect()
    };
    let in_this: Vec<usize> = candidates(state, current);
    let found = if forward {
        in_this.iter().copied().find(|&s| s > here)
    } else {
        in_this.iter().rev().copied().find(|&s| s < here)
    };
    if let Some(pos) = found {
        go_to(state, current, pos);
        return;
    }
    if !corpus_wide {
        state.message = Some(
            if forward {
                "No unreviewed claim after this one in this article."
            } else {
                "No unreviewed claim before this one in this article."
            }
            .into(),
        );
        return;
    }
    let n = state.corpus.articles.len();
    for step in 1..=n {
        let article = if forward {
            (current + step) % n
        } else {
            (current + n - step % n) % n
        };
        let c = candidates(state, article);
        let pick = if forward { c.first() } else { c.last() };
        if let Some(&pos) = pick {
            // Wrapped around to this article: the claim under the cursor is not "next".
            if article == current && pos == here {
                continue;
            }
            push_jump(state);
            go_to(state, article, pos);
            return;
        }
    }
    state.message = Some("Nothing left to review in the corpus.".into());
}

fn go_to(state: &mut State, article: usize, pos: usize) {
    open_article(state, article, Some(pos));
    if let Some(i) = state.sidebar.iter().position(|i| i.span().0 == pos) {
        state.sidebar_selected = i;
    }
}

pub fn search_step(state: &mut State, forward: bool) {
    step_search(state, forward, false);
}

/// Moves to the next or previous hit. Steps from the current hit when it is in
/// the cursor sentence, else from the cursor; `inclusive` also accepts a hit
/// in the cursor sentence itself (for the first jump after typing).
pub fn step_search(state: &mut State, forward: bool, inclusive: bool) {
    let sentence = cursor_span(state);
    let Some(search) = state.reader.search.as_mut() else {
        state.message = Some("No search: press / first.".into());
        return;
    };
    if search.hits.is_empty() {
        state.message = Some(format!("No match for {:?} in this article.", search.query));
        return;
    }
    let n = search.hits.len();
    let current = search.hits.get(search.current).map(|h| h.0);
    let here = match (sentence, current) {
        (Some((s, e)), Some(c)) if !inclusive && c >= s && c < e => c,
        (Some((s, _)), _) => s,
        (None, _) => 0,
    };
    let idx = if forward {
        search
            .hits
            .iter()
            .position(|h| if inclusive { h.0 >= here } else { h.0 > here })
            .unwrap_or(0)
    } else {
        search
            .hits
            .iter()
            .rposition(|h| h.0 < here)
            .unwrap_or(n - 1)
    };
    search.current = idx;
    let pos = search.hits[idx].0;
    state.message = Some(format!("Match {} of {n}.", idx + 1));
    move_cursor_to(state, pos);
}

pub fn move_cursor_to(state: &mut State, pos: usize) {
    if let Some(s) = state.current_analysis().and_then(|a| a.sentence_at(pos)) {
        set_cursor(state, s);
    } else {
        state.reader.scroll = state.wrapped.row_of(pos);
    }
}

pub fn apply_list_filter(state: &mut State) {
    let q = state.list.filter.to_lowercase();
    let keep = |a: &crate::corpus::Article| {
        q.is_empty() || a.meta.title.to_lowercase().contains(&q) || a.id.to_lowercase().contains(&q)
    };
    state.list.visible = state
        .corpus
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| keep(a))
        .map(|(i, _)| i)
        .collect();
    state.list.selected = state
        .list
        .visible
        .iter()
        .position(|&i| i == state.open_article)
        .unwrap_or(0);
    state.list.offset = 0;
}

//! The floor every handler stands on: re-deriving what depends on the open
//! article (wrap, sidebar, counts, marks), the cursor and scroll primitives,
//! opening an article, and quitting. It calls no handler; handlers and the
//! router in `update.rs` call it.

use super::action::Effect;
use super::derive;
use super::layout;
use super::state::*;
use super::text_field::TextField;
use super::wrap;
use crate::store::Stance;

/// Opens article `index` with the cursor on the sentence containing `pos`.
pub fn open_article(state: &mut State, index: usize, pos: Option<usize>) {
    if index >= state.corpus.articles.len() {
        return;
    }
    if index != state.open_article {
        state.open_article = index;
        state.reader = ReaderState {
            search: None,
            ..Default::default()
        };
        state.sidebar_selected = 0;
        state.sidebar_offset = 0;
    }
    if let Some(p) = state.list.visible.iter().position(|&i| i == index) {
        state.list.selected = p;
    }
    refresh_article(state);
    if let Some(pos) = pos {
        if let Some(s) = state.current_analysis().and_then(|a| a.sentence_at(pos)) {
            state.reader.cursor = s;
        } else {
            state.reader.scroll = state.wrapped.row_of(pos);
        }
    }
    sync_sidebar_to_cursor(state);
    reveal_cursor(state);
}

pub fn set_cursor(state: &mut State, sentence: usize) {
    state.reader.cursor = sentence;
    sync_sidebar_to_cursor(state);
    reveal_cursor(state);
}

pub fn cursor_span(state: &State) -> Option<(usize, usize)> {
    let s = state
        .current_analysis()?
        .sentences
        .get(state.reader.cursor)?;
    Some((s.start(), s.end()))
}

/// Keeps the cursor sentence (or selection head) on screen with a small margin.
pub fn reveal_cursor(state: &mut State) {
    let pos = match state.reader.selection {
        Some(sel) => sel.head,
        None => match cursor_span(state) {
            Some((s, _)) => s,
            None => return,
        },
    };
    let row = state.wrapped.row_of(pos);
    let h = reader_height(state);
    let margin = if h > 6 { 2 } else { 0 };
    if row < state.reader.scroll + margin {
        state.reader.scroll = row.saturating_sub(margin);
    } else if row + margin >= state.reader.scroll + h {
        state.reader.scroll = (row + margin + 1).saturating_sub(h);
    }
}

pub fn sync_sidebar_to_cursor(state: &mut State) {
    let Some((start, end)) = cursor_span(state) else {
        return;
    };
    let items = &state.sidebar;
    let hit = items
        .iter()
        .position(|i| {
            let (a, b) = i.span();
            a < end && start < b
        })
        .or_else(|| items.iter().position(|i| i.span().0 >= start));
    if let Some(i) = hit {
        state.sidebar_selected = i;
    }
}

pub fn quit(state: &mut State) -> Vec<Effect> {
    if state.unsaved.is_empty() {
        state.quit = true;
        return vec![Effect::Quit];
    }
    let why = match &state.save_status {
        SaveStatus::Failed(e) => format!(" ({e})"),
        _ => String::new(),
    };
    state.overlay = Some(Overlay::Confirm {
        question: format!(
            "Changes to {} article(s) could not be saved{why}. Quit and lose them? {}",
            state.unsaved.len(),
            yes_no(state)
        ),
        on_yes: Confirmed::QuitUnsaved,
    });
    Vec::new()
}

/// Re-derives everything that depends on the current article.
pub fn refresh_article(state: &mut State) {
    refresh_wrap(state);
    refresh_sidebar(state);
    // Before indexing the sentence count is unknown: a restored cursor waits.
    if let Some(a) = state.current_analysis() {
        let n = a.sentences.len();
        let mut cursor = state.reader.cursor.min(n.saturating_sub(1));
        // An article opens on its first content sentence, not on the
        // navigation or front matter above it.
        if cursor == 0
            && let Some(first) = a.sentences.iter().position(|s| !s.chrome())
        {
            cursor = first;
        }
        state.reader.cursor = cursor;
    }
    clamp_scroll(state);
    // A restored scroll was counted in rows of another terminal's width:
    // the cursor sentence is brought into view, whatever the size now.
    reveal_cursor(state);
    sync_sidebar_to_cursor(state);
}

pub fn refresh_sidebar(state: &mut State) {
    let items = match state.annotations.get(state.open_article) {
        Some(ann) => derive::sidebar_items(state.analysis(state.open_article), ann),
        None => Vec::new(),
    };
    state.sidebar = items;
    state.spans = state
        .annotations
        .get(state.open_article)
        .map(|a| derive::SpanIndex::of(&a.file.annotations))
        .unwrap_or_default();
    state.sidebar_selected = state
        .sidebar_selected
        .min(state.sidebar.len().saturating_sub(1));
    if let Some(ann) = state.annotations.get(state.open_article) {
        state.progress[state.open_article] =
            derive::progress(state.analysis(state.open_article), ann);
    }
    refresh_differs(state, state.open_article);
}

/// Whether `article` still carries `≠` after its annotations changed.
pub fn refresh_differs(state: &mut State, article: usize) {
    let Some(links) = state.links.clone() else {
        return;
    };
    let Some(ann) = state.annotations.get(article) else {
        return;
    };
    if derive::open_disagreement(&links, article, state.analysis(article), ann) {
        state.differ_articles.insert(article);
    } else {
        state.differ_articles.remove(&article);
    }
}

pub fn refresh_wrap(state: &mut State) {
    let panes = layout::panes(state.size.0, state.size.1, state.focus);
    let width = panes
        .reader
        .map_or(0, |r| layout::reader_text_area(r).width as usize)
        .max(1);
    if state.wrapped.article == state.open_article
        && state.wrapped.width == width
        && !state.wrapped.lines.is_empty()
    {
        return;
    }
    if let Some(article) = state.corpus.articles.get(state.open_article) {
        state.wrapped = wrap::wrap(article, state.open_article, width);
    }
}

/// Rows of text inside a pane's border (at least 1, also when it is hidden).
pub fn pane_height(state: &State, pane: Pane) -> usize {
    let panes = layout::panes(state.size.0, state.size.1, state.focus);
    let rect = match pane {
        Pane::List => panes.list,
        Pane::Reader => panes.reader,
        Pane::Sidebar => panes.sidebar,
    };
    rect.map_or(1, |r| layout::inner(r).height as usize).max(1)
}

pub fn reader_height(state: &State) -> usize {
    pane_height(state, Pane::Reader)
}

pub fn clamp_scroll(state: &mut State) {
    let max = state.wrapped.lines.len().saturating_sub(1);
    state.reader.scroll = state.reader.scroll.min(max);
}

/// Opens a one-line prompt holding `initial`.
pub fn open_prompt(state: &mut State, kind: PromptKind, initial: String) {
    let input = TextField::new(&initial);
    state.overlay = Some(Overlay::Prompt {
        kind,
        input,
        stance: Stance::Supports,
        error: None,
    });
}

/// A prompt that starts empty and shows `default` greyed: Enter alone takes
/// it, and typing replaces it instead of appending to it.
pub fn open_prompt_with_default(state: &mut State, kind: PromptKind, default: String) {
    let input = TextField::with_placeholder(default);
    state.overlay = Some(Overlay::Prompt {
        kind,
        input,
        stance: Stance::Supports,
        error: None,
    });
}

/// The default file of an export in `format`.
pub fn default_export_path(state: &State, format: crate::export::Format) -> std::path::PathBuf {
    state
        .export_dir
        .join(format!("claimdesk-report.{}", format.extension()))
}

/// "(y/n)" as the keymap has the answers, for the end of a question.
pub fn yes_no(state: &State) -> String {
    use super::keymap::{Command, Section};
    format!(
        "({}/{})",
        state.keymap.key_for(Section::Confirm, Command::ConfirmYes),
        state.keymap.key_for(Section::Confirm, Command::ConfirmNo)
    )
}

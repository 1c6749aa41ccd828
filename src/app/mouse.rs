//! The mouse on the main screen: a click focuses a pane and picks what is
//! under it, the wheel scrolls the pane under the pointer.

use super::action::MouseInput;
use super::keymap::Command;
use super::layout;
use super::nav::*;
use super::refresh::refresh_wrap;
use super::state::*;
use super::wrap::glyph_width;

// Long on purpose: a router per pane and mouse event.
pub fn mouse(state: &mut State, m: MouseInput) {
    if state.overlay.is_some() || state.screen != Screen::Main {
        if let (Screen::Review, MouseInput::ScrollDown { .. } | MouseInput::ScrollUp { .. }) =
            (state.screen, m)
        {
            let down = matches!(m, MouseInput::ScrollDown { .. });
            super::review::command(state, if down { Command::Down } else { Command::Up });
        }
        return;
    }
    let panes = layout::panes(state.size.0, state.size.1, state.focus);
    let (col, row) = match m {
        MouseInput::Click { col, row }
        | MouseInput::ScrollUp { col, row }
        | MouseInput::ScrollDown { col, row } => (col, row),
    };
    let Some(pane) = layout::pane_at(&panes, col, row) else {
        return;
    };
    match m {
        MouseInput::Click { .. } => {
            state.focus = pane;
            match pane {
                Pane::List => {
                    let inner = layout::inner(panes.list.unwrap_or_default());
                    if row >= inner.y {
                        let idx = state.list.offset
                            + (row - inner.y) as usize / layout::list_row_height(inner.width);
                        if let Some(&a) = state.list.visible.get(idx) {
                            state.list.selected = idx;
                            open_article(state, a, None);
                        }
                    }
                }
                Pane::Reader => {
                    let area = layout::reader_text_area(panes.reader.unwrap_or_default());
                    if row >= area.y && col >= area.x {
                        let vrow = state.reader.scroll + (row - area.y) as usize;
                        if let (Some(line), Some(article)) =
                            (state.wrapped.lines.get(vrow).copied(), state.article())
                        {
                            let mut x = 0usize;
                            let mut pos = line.start;
                            for c in article.slice(line.start, line.end).chars() {
                                let w = glyph_width(c);
                                if x + w > (col - area.x) as usize {
                                    break;
                                }
                                x += w;
                                pos += 1;
                            }
                            state.reader.selection = None;
                            if let Some(s) = state.current_analysis().and_then(|a| {
                                a.sentence_at(pos.min(line.end.saturating_sub(1).max(line.start)))
                            }) {
                                state.reader.cursor = s;
                                sync_sidebar_to_cursor(state);
                            }
                        }
                    }
                }
                Pane::Sidebar => {
                    let (top, _) = layout::sidebar_split(panes.sidebar.unwrap_or_default());
                    let inner = layout::inner(top);
                    if row >= inner.y && row < inner.y + inner.height {
                        let idx = state.sidebar_offset + (row - inner.y) as usize;
                        if idx < state.sidebar.len() {
                            select_sidebar(state, idx);
                        }
                    }
                }
            }
            refresh_wrap(state);
        }
        MouseInput::ScrollUp { .. } | MouseInput::ScrollDown { .. } => {
            let down = matches!(m, MouseInput::ScrollDown { .. });
            match pane {
                Pane::Reader => {
                    let max = state.wrapped.lines.len().saturating_sub(1);
                    state.reader.scroll = if down {
                        (state.reader.scroll + 3).min(max)
                    } else {
                        state.reader.scroll.saturating_sub(3)
                    };
                }
                Pane::List => {
                    let max = state.list.visible.len().saturating_sub(1);
                    state.list.offset = if down {
                        (state.list.offset + 3).min(max)
                    } else {
                        state.list.offset.saturating_sub(3)
                    };
                }
                Pane::Sidebar => {
                    let focus = state.focus;
                    state.focus = Pane::Sidebar;
                    movement(state, if down { Command::Down } else { Command::Up });
                    state.focus = focus;
                }
            }
        }
    }
}

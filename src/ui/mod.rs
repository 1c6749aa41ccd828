//! Drawing. Every function here reads `&State` and draws; none mutates, reads
//! files, or does work that grows with the corpus (only visible rows are built).

pub mod help;
mod list;
mod overlay;
mod reader;
mod review;
mod sidebar;
mod status;
pub mod theme;

use crate::app::layout;
use crate::app::state::{Pane, Screen, State};
use crate::app::wrap::glyph;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};
use theme::Theme;
use unicode_width::UnicodeWidthStr;

pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;

pub fn draw(frame: &mut Frame, state: &State) {
    let area = frame.area();
    let theme = Theme::new(state.color);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = format!(
            "claimdesk needs at least {MIN_WIDTH}×{MIN_HEIGHT}; this terminal is {}×{}.",
            area.width, area.height
        );
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    }
    let panes = layout::panes(area.width, area.height, state.focus);
    match state.screen {
        Screen::Main => {
            if let Some(r) = panes.list {
                list::draw(frame, state, &theme, r);
            }
            if let Some(r) = panes.reader {
                reader::draw(frame, state, &theme, r);
            }
            if let Some(r) = panes.sidebar {
                sidebar::draw(frame, state, &theme, r);
            }
        }
        Screen::Review => review::draw(
            frame,
            state,
            &theme,
            Rect::new(0, 0, area.width, panes.status.y),
        ),
    }
    status::draw(frame, state, &theme, panes.status);
    overlay::draw(frame, state, &theme, area);
}

/// Text as it may reach the terminal: control characters become visible
/// placeholders and line breaks become spaces.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c == '\n' { ' ' } else { glyph(c) })
        .collect()
}

/// Cuts `s` to at most `width` cells, marking the cut with an ellipsis.
pub fn fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

pub fn pane_block<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused {
            theme.focus_border
        } else {
            theme.border
        })
        .title(title)
}

pub fn is_focused(state: &State, pane: Pane) -> bool {
    state.focus == pane && state.screen == Screen::Main
}

/// First visible row so that `selected` is on screen, given the stored offset.
pub fn window(offset: usize, selected: usize, height: usize) -> usize {
    let height = height.max(1);
    if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    }
}

pub fn span<'a>(text: impl Into<std::borrow::Cow<'a, str>>, style: Style) -> Span<'a> {
    Span::styled(text, style)
}

//! Where each pane sits for a terminal size. Shared by `update` (to wrap text
//! and map mouse clicks) and `view` (to draw), so both always agree.

use super::state::Pane;
use ratatui::layout::Rect;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub sidebar: Option<Rect>,
    pub status: Rect,
}

/// Below this width only the focused pane is shown.
pub const NARROW: u16 = 60;

pub fn panes(width: u16, height: u16, focus: Pane) -> Panes {
    let area = Rect::new(0, 0, width, height);
    let status_h = if height >= 2 { 1 } else { 0 };
    let status = Rect::new(0, height.saturating_sub(status_h), width, status_h);
    let body = Rect::new(0, 0, width, height.saturating_sub(status_h));
    if width < NARROW {
        let one = Some(body);
        return match focus {
            Pane::List => Panes {
                list: one,
                reader: None,
                sidebar: None,
                status,
            },
            Pane::Reader => Panes {
                list: None,
                reader: one,
                sidebar: None,
                status,
            },
            Pane::Sidebar => Panes {
                list: None,
                reader: None,
                sidebar: one,
                status,
            },
        };
    }
    let list_w = (area.width * 22 / 100).clamp(16, 40);
    let side_w = (area.width * 28 / 100).clamp(22, 60);
    let reader_w = area.width.saturating_sub(list_w + side_w);
    Panes {
        list: Some(Rect::new(0, 0, list_w, body.height)),
        reader: Some(Rect::new(list_w, 0, reader_w, body.height)),
        sidebar: Some(Rect::new(list_w + reader_w, 0, side_w, body.height)),
        status,
    }
}

/// Rows per article in the list: two where the list is too narrow for a
/// headline on one row, so that similar headlines can be told apart.
pub fn list_row_height(list_inner_width: u16) -> usize {
    if list_inner_width < 30 { 2 } else { 1 }
}

/// Table rows the review screen shows for a terminal `height`: the screen
/// less the status bar, the summary (when there is room for it), the header
/// line, and the table's borders and column titles. `update` pages by it and
/// the view draws it, so paging shows every row once.
pub fn review_body_rows(height: u16) -> usize {
    let area = height.saturating_sub(1);
    let summary = if area >= REVIEW_SUMMARY_MIN_HEIGHT {
        REVIEW_SUMMARY_ROWS
    } else {
        0
    };
    (area.saturating_sub(summary + 1) as usize)
        .saturating_sub(3)
        .max(1)
}

/// The review screen shows its summary from this height of its area on.
pub const REVIEW_SUMMARY_MIN_HEIGHT: u16 = 18;
pub const REVIEW_SUMMARY_ROWS: u16 = 7;

/// The text area inside a pane's border.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x + 1,
        r.y + 1,
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// Reader text width: the inner area less the 2-cell verdict gutter.
pub const GUTTER: u16 = 2;

pub fn reader_text_area(r: Rect) -> Rect {
    let i = inner(r);
    Rect::new(
        i.x + GUTTER.min(i.width),
        i.y,
        i.width.saturating_sub(GUTTER),
        i.height,
    )
}

/// The sidebar is split: the item list on top, details of the selected below.
pub fn sidebar_split(r: Rect) -> (Rect, Rect) {
    let list_h = (r.height * 45 / 100).max(3).min(r.height);
    (
        Rect::new(r.x, r.y, r.width, list_h),
        Rect::new(r.x, r.y + list_h, r.width, r.height - list_h),
    )
}

pub fn pane_at(p: &Panes, col: u16, row: u16) -> Option<Pane> {
    let hit = |r: Option<Rect>| {
        r.is_some_and(|r| col >= r.x && col < r.x + r.width && row >= r.y && row < r.y + r.height)
    };
    if hit(p.list) {
        Some(Pane::List)
    } else if hit(p.reader) {
        Some(Pane::Reader)
    } else if hit(p.sidebar) {
        Some(Pane::Sidebar)
    } else {
        None
    }
}

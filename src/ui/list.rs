//! The article list: headline, reviewed / found, problems marked `!`.

use super::theme::Theme;
use super::{clean, fit, is_focused, pane_block, span, window};
use crate::app::layout;
use crate::app::state::{Pane, State};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, state: &State, theme: &Theme, area: Rect) {
    let total = state.corpus.articles.len();
    let title = if state.list.filter.is_empty() {
        format!(" Articles {total} ")
    } else {
        format!(
            " Articles {}/{total} /{} ",
            state.list.visible.len(),
            clean(&state.list.filter)
        )
    };
    let block = pane_block(title, is_focused(state, Pane::List), theme);
    let inner = layout::inner(area);
    frame.render_widget(block, area);
    let h = inner.height as usize;
    let width = inner.width as usize;
    let offset = window(state.list.offset, state.list.selected, h);
    let mut lines = Vec::with_capacity(h);
    for (row, &i) in state.list.visible.iter().enumerate().skip(offset).take(h) {
        let article = &state.corpus.articles[i];
        let p = state.progress[i];
        let counts = if state.analyses[i].is_some() {
            format!(" {}/{}", p.reviewed, p.found)
        } else {
            format!(" {}/…", p.reviewed)
        };
        let marker = if !article.problems.is_empty() || state.annotations[i].problem.is_some() {
            "!"
        } else if state.differ_articles.contains(&i) {
            // Another article reports one of its facts differently.
            "≠"
        } else if i == state.current {
            "▶"
        } else {
            " "
        };
        let room = width.saturating_sub(counts.width() + 1);
        let title = fit(&clean(&article.meta.title), room);
        let pad = room.saturating_sub(title.width());
        let style = if row == state.list.selected {
            theme.selected_row
        } else {
            ratatui::style::Style::default()
        };
        let counts_style = if p.found > 0 && p.reviewed >= p.found {
            theme.ok
        } else {
            theme.dim
        };
        lines.push(Line::from(vec![
            span(
                marker.to_string(),
                if marker == "!" || marker == "≠" {
                    theme.error
                } else {
                    theme.key
                },
            ),
            span(format!("{title}{}", " ".repeat(pad)), style),
            span(counts, counts_style),
        ]));
    }
    if state.list.visible.is_empty() {
        lines.push(Line::from(span("No article matches.", theme.dim)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

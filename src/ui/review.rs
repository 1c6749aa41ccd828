//! The review screen: every annotation of the corpus in one table.

use super::theme::Theme;
use super::{clean, fit, span, window};
use crate::app::state::State;
use crate::store::Kind;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

pub fn draw(frame: &mut Frame, state: &State, theme: &Theme, area: Rect) {
    if area.height < 3 {
        return;
    }
    let r = &state.review;
    let total = r.total;
    let verdict = r.verdict.map_or("all".to_string(), |v| v.to_string());
    let header = format!(
        " Review │ {} of {total} annotations │ verdict: {verdict} │ text: {}",
        r.rows.len(),
        if r.text.is_empty() {
            "—".to_string()
        } else {
            format!("{:?}", clean(&r.text))
        }
    );
    frame.render_widget(
        Paragraph::new(Line::from(span(
            fit(&header, area.width as usize),
            theme.title,
        ))),
        Rect::new(area.x, area.y, area.width, 1),
    );
    let table_area = Rect::new(area.x, area.y + 1, area.width, area.height - 1);
    let body_h = table_area.height.saturating_sub(3) as usize;
    let offset = window(r.offset, r.selected, body_h);
    let w = table_area.width.saturating_sub(2) as usize;
    // Fixed columns first; the rest is shared 20/50/30 by article, claim and note.
    let show_updated = w >= 100;
    let fixed = 3 + 10 + if show_updated { 16 } else { 0 } + if show_updated { 5 } else { 4 };
    let free = w.saturating_sub(fixed);
    let (article_w, claim_w) = (free * 20 / 100, free * 50 / 100);
    let note_w = free.saturating_sub(article_w + claim_w);
    let rows: Vec<Row> = r
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(body_h)
        .filter_map(|(i, row)| {
            let a = state.annotations[row.article].file.get(&row.id)?;
            let article = &state.corpus.articles[row.article];
            let badge = if a.kind == Kind::Note {
                "n".to_string()
            } else {
                a.verdict.letter().to_string()
            };
            let style = if i == r.selected {
                theme.selected_row
            } else {
                ratatui::style::Style::default()
            };
            let anchor = if a.anchor == crate::store::AnchorState::Exact {
                String::new()
            } else {
                format!(" ({})", a.anchor.name())
            };
            Some(
                Row::new(vec![
                    Cell::from(span(
                        format!("[{badge}]"),
                        if a.kind == Kind::Note {
                            theme.note
                        } else {
                            theme.badge(a.verdict)
                        },
                    )),
                    Cell::from(fit(
                        &format!("{} {}", row.article + 1, clean(&article.meta.title)),
                        article_w,
                    )),
                    Cell::from(fit(&format!("{}{anchor}", clean(&a.target.exact)), claim_w)),
                    Cell::from(fit(&clean(&a.note), note_w)),
                    Cell::from(fit(&clean(&a.reviewer), 10)),
                    Cell::from(
                        a.updated
                            .replace('T', " ")
                            .trim_end_matches('Z')
                            .to_string(),
                    ),
                ])
                .style(style),
            )
        })
        .collect();
    let mut widths = vec![
        Constraint::Length(3),
        Constraint::Length(article_w as u16),
        Constraint::Length(claim_w as u16),
        Constraint::Length(note_w as u16),
        Constraint::Length(10),
    ];
    let mut header = vec!["", "Article", "Claim", "Note", "Reviewer"];
    if show_updated {
        widths.push(Constraint::Length(16));
        header.push("Updated");
    }
    let empty = r.rows.is_empty();
    let table = Table::new(rows, widths)
        .header(
            Row::new(vec!["", "Article", "Claim", "Note", "Reviewer", "Updated"])
                .style(theme.title),
        )
        .block(Block::bordered().border_style(theme.focus_border))
        .column_spacing(1);
    frame.render_widget(table, table_area);
    if empty {
        let msg = if total == 0 {
            "No annotations yet: mark claims with t d f u in the reader."
        } else {
            "No annotation matches the filters (c clears them)."
        };
        let inner = Rect::new(
            table_area.x + 2,
            table_area.y + 2,
            table_area.width.saturating_sub(4),
            1,
        );
        if inner.y < table_area.y + table_area.height {
            frame.render_widget(Paragraph::new(span(msg, theme.dim)), inner);
        }
    }
}

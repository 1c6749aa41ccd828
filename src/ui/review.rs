//! The review screen: every annotation of the corpus in one table.

use super::theme::Theme;
use super::{clean, fit, span, window};
use crate::app::layout;
use crate::app::state::State;
use crate::store::AnnotationKind;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

fn draw_summary(frame: &mut Frame, state: &State, theme: &Theme, area: Rect) {
    use ratatui::widgets::{Bar, BarChart, BarGroup, LineGauge};
    let r = &state.review;
    let half = area.width / 2;
    let bars: Vec<Bar> = crate::store::Verdict::ALL
        .iter()
        .zip(r.verdict_counts)
        .map(|(v, n)| {
            Bar::default()
                .value(n as u64)
                .label(Line::from(v.letter().to_string()))
                .style(theme.verdict(*v))
        })
        .collect();
    let chart = BarChart::default()
        .block(
            ratatui::widgets::Block::bordered()
                .title(" Verdicts shown ")
                .border_style(theme.border),
        )
        .data(BarGroup::default().bars(&bars))
        .bar_width(3)
        .bar_gap(1);
    frame.render_widget(chart, Rect::new(area.x, area.y, half, area.height));
    let right = Rect::new(area.x + half, area.y, area.width - half, area.height);
    let block = ratatui::widgets::Block::bordered()
        .title(" Reviewed / found ")
        .border_style(theme.border);
    let inner = block.inner(right);
    frame.render_widget(block, right);
    let ratio = |p: crate::app::state::Progress| {
        if p.found == 0 {
            0.0
        } else {
            (p.reviewed as f64 / p.found as f64).min(1.0)
        }
    };
    let mut lines: Vec<(String, crate::app::state::Progress)> = vec![("corpus".into(), r.progress)];
    if let Some(row) = r.rows.get(r.selected) {
        let a = &state.corpus.articles[row.article];
        lines.push((
            format!("{} {}", row.article + 1, clean(&a.meta.title)),
            state.progress[row.article],
        ));
    }
    for (i, (label, p)) in lines.iter().enumerate() {
        let y = inner.y + 2 * i as u16;
        if y + 1 >= inner.y + inner.height {
            break;
        }
        frame.render_widget(
            Paragraph::new(fit(
                &format!("{}/{} reviewed · {label}", p.reviewed, p.found),
                inner.width as usize,
            )),
            Rect::new(inner.x, y, inner.width, 1),
        );
        let gauge = LineGauge::default()
            .ratio(ratio(*p))
            .filled_style(theme.ok)
            .label("");
        frame.render_widget(gauge, Rect::new(inner.x, y + 1, inner.width, 1));
    }
}

// Long on purpose: the review screen top to bottom (header, summary, table); the columns share one width budget.
pub fn draw(frame: &mut Frame, state: &State, theme: &Theme, area: Rect) {
    if area.height < 3 {
        return;
    }
    let r = &state.review;
    let total = r.total;
    let verdict = r.verdict.map_or("all".to_string(), |v| v.to_string());
    let mut filters = vec![format!("verdict {verdict}")];
    if let Some(w) = &r.reviewer {
        filters.push(format!("reviewer {}", clean(w)));
    }
    if let Some(a) = r.anchor {
        filters.push(format!("anchor {}", a.name()));
    }
    filters.push(match r.kind {
        None => "claims and notes".to_string(),
        Some(AnnotationKind::Claim) => "claims".to_string(),
        Some(AnnotationKind::Note) => "notes".to_string(),
        Some(AnnotationKind::Dismissed) => "dismissed".to_string(),
    });
    if r.no_note {
        filters.push("no note".into());
    }
    if r.no_evidence {
        filters.push("no evidence".into());
    }
    if !r.text.is_empty() {
        filters.push(format!("text {:?}", clean(&r.text)));
    }
    if let Some(c) = &r.compare {
        filters.push(format!("vs {}", clean(&c.dir.display().to_string())));
        if r.disagreements_only {
            filters.push("disagreements".into());
        }
    }
    let header = format!(
        " Review │ {} of {total} │ {} │ sorted by {}",
        r.rows.len(),
        filters.join(" · "),
        r.sort.name()
    );
    frame.render_widget(
        Paragraph::new(Line::from(span(
            fit(&header, area.width as usize),
            theme.title,
        ))),
        Rect::new(area.x, area.y, area.width, 1),
    );
    // A summary above the table when there is room: verdicts as bars, progress as gauges.
    let summary_h = if area.height >= layout::REVIEW_SUMMARY_MIN_HEIGHT {
        layout::REVIEW_SUMMARY_ROWS
    } else {
        0
    };
    if summary_h > 0 {
        draw_summary(
            frame,
            state,
            theme,
            Rect::new(area.x, area.y + 1, area.width, summary_h),
        );
    }
    let area = Rect::new(
        area.x,
        area.y + summary_h,
        area.width,
        area.height - summary_h,
    );
    let table_area = Rect::new(area.x, area.y + 1, area.width, area.height - 1);
    let body_h = table_area.height.saturating_sub(3) as usize;
    let offset = window(r.offset, r.selected, body_h);
    let w = table_area.width.saturating_sub(2) as usize;
    // Fixed columns first; the rest is shared 20/50/30 by article, claim and note.
    let show_updated = w >= 100;
    let comparing = r.compare.is_some();
    let fixed = 3
        + 10
        + if show_updated { 16 } else { 0 }
        + if show_updated { 5 } else { 4 }
        + if comparing { 6 } else { 0 };
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
            let badge = if a.kind == AnnotationKind::Note {
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
            let other = r
                .compare
                .as_ref()
                .map(|c| match c.other_verdicts.get(&a.id) {
                    Some(v) => Cell::from(span(format!("[{}]", v.letter()), theme.badge(*v))),
                    None => Cell::from(span("—", theme.dim)),
                });
            let mut cells = vec![
                Cell::from(span(
                    format!("[{badge}]"),
                    if a.kind == AnnotationKind::Note {
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
                        .to_string()
                        .replace('T', " ")
                        .trim_end_matches('Z')
                        .to_string(),
                ),
            ];
            if let Some(o) = other {
                cells.insert(1, o);
            }
            Some(Row::new(cells).style(style))
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
    if comparing {
        widths.insert(1, Constraint::Length(5));
        header.insert(1, "Other");
    }
    let empty = r.rows.is_empty();
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.title))
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

//! The reader: the article wrapped to the pane, chrome dimmed, the sentence
//! cursor, claims coloured by verdict with a letter in the gutter, suggestions
//! underlined, search hits and the selection highlighted.

use super::theme::Theme;
use super::{clean, fit, is_focused, pane_block, span};
use crate::app::layout;
use crate::app::state::{Pane, State};
use crate::app::wrap::glyph;
use crate::corpus::LineKind;
use crate::store::{AnchorState, Annotation, AnnotationKind};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

// Long on purpose: one pass over the visible rows, painting gutter, claims, selection and search hits per span.
pub fn draw(frame: &mut Frame, state: &State, theme: &Theme, area: Rect) {
    let Some(article) = state.article() else {
        frame.render_widget(
            pane_block(" Reader ", is_focused(state, Pane::Reader), theme),
            area,
        );
        let msg = Paragraph::new("This corpus has no .txt, .md or .html articles.");
        frame.render_widget(msg, layout::inner(area));
        return;
    };
    let mut title = format!(" {} ", clean(&article.meta.title));
    if !state.index_done() && state.current_analysis().is_none() {
        title.push_str("(indexing…) ");
    }
    let block = pane_block(
        fit(&title, area.width.saturating_sub(4) as usize),
        is_focused(state, Pane::Reader),
        theme,
    );
    frame.render_widget(block, area);
    let inner = layout::inner(area);
    let text_area = layout::reader_text_area(area);
    if !article.problems.is_empty() && article.text.trim().is_empty() {
        let msg: Vec<String> = article
            .problems
            .iter()
            .map(|p| format!("This article cannot be shown: {p}."))
            .collect();
        frame.render_widget(
            Paragraph::new(msg.join(" ")).wrap(ratatui::widgets::Wrap { trim: true }),
            text_area,
        );
        return;
    }
    let analysis = state.current_analysis();
    let h = inner.height as usize;
    let shown = || state.wrapped.lines.iter().skip(state.reader.scroll).take(h);
    // Only the annotations on screen: an article may hold 100,000.
    let window = match (shown().next(), shown().next_back()) {
        (Some(first), Some(last)) => (first.start, last.end),
        _ => (0, 0),
    };
    let on_screen: Vec<&Annotation> = state
        .current_annotations()
        .map(|ann| {
            state
                .spans
                .overlapping(window.0, window.1)
                .into_iter()
                .filter_map(|i| ann.file.annotations.get(i))
                .collect()
        })
        .unwrap_or_default();
    let annotations: Vec<&Annotation> = on_screen
        .iter()
        .copied()
        .filter(|a| a.kind != AnnotationKind::Dismissed)
        .collect();
    let dismissed: Vec<(usize, usize)> = on_screen
        .iter()
        .filter(|a| a.kind == AnnotationKind::Dismissed)
        .map(|a| (a.target.start, a.target.end))
        .collect();
    let cursor = analysis
        .and_then(|a| a.sentences.get(state.reader.cursor))
        .map(|s| (s.start(), s.end()));
    let selection = state.reader.selection.map(|s| s.span());
    let hits: &[(usize, usize)] = state.reader.search.as_ref().map_or(&[], |s| &s.hits);

    let mut gutter_lines = Vec::with_capacity(h);
    let mut text_lines = Vec::with_capacity(h);
    for vl in shown() {
        let kind = article
            .lines
            .get(vl.line)
            .map_or(LineKind::Content, |l| l.kind);
        let base = match kind {
            k if k.is_chrome() => theme.chrome,
            LineKind::Heading => theme.heading,
            _ => Style::default(),
        };
        let row_end = vl.end.max(vl.start + 1);
        let here: Vec<&Annotation> = annotations
            .iter()
            .copied()
            .filter(|a| a.target.start < row_end && vl.start < a.target.end.max(a.target.start + 1))
            .collect();
        // Gutter: the verdict letter of a claim starting on this row, or the cursor mark.
        let starting = here
            .iter()
            .find(|a| a.target.start >= vl.start && a.target.start < vl.end.max(vl.start + 1));
        let gutter = match starting {
            Some(a) if a.kind == AnnotationKind::Note => span("n ", theme.note),
            Some(a) => {
                // "~" marks a fuzzy anchor waiting for confirmation.
                let mark = if a.anchor == AnchorState::Fuzzy {
                    '~'
                } else {
                    ' '
                };
                span(
                    format!("{}{mark}", a.verdict.letter()),
                    theme.badge(a.verdict),
                )
            }
            None if cursor.is_some_and(|(s, e)| s < vl.end.max(vl.start + 1) && vl.start < e)
                && state.focus == Pane::Reader =>
            {
                span("› ", theme.key)
            }
            None => Span::raw("  "),
        };
        gutter_lines.push(Line::from(gutter));

        let mut spans: Vec<Span> = Vec::new();
        let mut run = String::new();
        let mut run_style = base;
        let mut sentence_idx = analysis.and_then(|a| a.sentence_at(vl.start)).unwrap_or(0);
        for (i, c) in article.slice(vl.start, vl.end).chars().enumerate() {
            let pos = vl.start + i;
            let mut style = base;
            if let Some(a) = analysis {
                while sentence_idx + 1 < a.sentences.len() && a.sentences[sentence_idx].end() <= pos
                {
                    sentence_idx += 1;
                }
                if let Some(s) = a.sentences.get(sentence_idx)
                    && s.start() <= pos
                    && pos < s.end()
                    && s.suggested()
                    && !dismissed
                        .iter()
                        .any(|&(ds, de)| ds < s.end() && s.start() < de)
                {
                    style = style.patch(theme.suggestion);
                }
            }
            if let Some(a) = here
                .iter()
                .find(|a| a.target.start <= pos && pos < a.target.end)
            {
                style = style.patch(if a.kind == AnnotationKind::Note {
                    theme.note
                } else {
                    theme.verdict(a.verdict)
                });
            }
            if cursor.is_some_and(|(s, e)| s <= pos && pos < e) && selection.is_none() {
                style = style.patch(theme.cursor);
            }
            let hit = hits.partition_point(|&(_, e)| e <= pos);
            if hits.get(hit).is_some_and(|&(s, _)| s <= pos) {
                style = style.patch(theme.search_hit);
            }
            if selection.is_some_and(|(s, e)| s <= pos && pos < e) {
                style = style.patch(theme.selection);
            }
            if style != run_style && !run.is_empty() {
                spans.push(Span::styled(std::mem::take(&mut run), run_style));
            }
            run_style = style;
            run.push(glyph(c));
        }
        if !run.is_empty() {
            spans.push(Span::styled(run, run_style));
        }
        text_lines.push(Line::from(spans));
    }
    let gutter_area = Rect::new(
        inner.x,
        inner.y,
        layout::GUTTER.min(inner.width),
        inner.height,
    );
    frame.render_widget(Paragraph::new(gutter_lines), gutter_area);
    frame.render_widget(Paragraph::new(text_lines), text_area);
}

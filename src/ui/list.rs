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

// Long on purpose: one row (or two) per article, drawn in one pass.
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
    let rows_per = layout::list_row_height(inner.width);
    let h = inner.height as usize / rows_per;
    let width = inner.width as usize;
    let offset = window(state.list.offset, state.list.selected, h);
    let mut lines = Vec::with_capacity(h * rows_per);
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
        } else if state.checked_before.as_ref().is_some_and(|c| c.has_any(i)) {
            // One of its claims was checked before (the claim library).
            "✓"
        } else if i == state.open_article {
            "▶"
        } else {
            " "
        };
        let room = width.saturating_sub(counts.width() + 1);
        let full_title = clean(&article.meta.title);
        // Narrow: the headline's first words on their own row, the rest
        // beside the counts.
        // Beyond two rows, a headline that opens like another one is shown
        // from where they differ.
        let skip = state.list.distinct_from.get(i).copied().unwrap_or(0);
        let full_title = if rows_per == 2
            && skip > 0
            && full_title.width() > 2 * width.saturating_sub(2) - counts.width()
        {
            format!("…{}", clean(&article.meta.title[skip..]))
        } else {
            full_title
        };
        let (first, rest) = if rows_per == 2 {
            split_at_word(&full_title, width.saturating_sub(1))
        } else {
            (String::new(), full_title)
        };
        let title = fit(&rest, room);
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
        let marker = span(
            marker.to_string(),
            if marker == "!" || marker == "≠" {
                theme.error
            } else {
                theme.key
            },
        );
        if rows_per == 2 {
            let pad1 = width.saturating_sub(1 + first.width());
            lines.push(Line::from(vec![
                marker,
                span(format!("{first}{}", " ".repeat(pad1)), style),
            ]));
            lines.push(Line::from(vec![
                span(" ", style),
                span(format!("{title}{}", " ".repeat(pad)), style),
                span(counts, counts_style),
            ]));
        } else {
            lines.push(Line::from(vec![
                marker,
                span(format!("{title}{}", " ".repeat(pad)), style),
                span(counts, counts_style),
            ]));
        }
    }
    if state.list.visible.is_empty() {
        lines.push(Line::from(span("No article matches.", theme.dim)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The words of `text` that fit in `width` columns, and the rest.
fn split_at_word(text: &str, width: usize) -> (String, String) {
    if text.width() <= width {
        return (text.to_string(), String::new());
    }
    let mut cut = 0;
    for (i, c) in text.char_indices() {
        // A space just past the edge still ends the words that fit.
        if c == ' ' && text[..i].width() <= width {
            cut = i;
        }
        if text[..i + c.len_utf8()].width() > width {
            break;
        }
    }
    if cut == 0 {
        // One long word: cut it where the row ends.
        let mut end = 0;
        for (i, c) in text.char_indices() {
            if text[..i + c.len_utf8()].width() > width {
                break;
            }
            end = i + c.len_utf8();
        }
        cut = end;
    }
    (
        text[..cut].trim_end().to_string(),
        text[cut..].trim_start().to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::split_at_word;

    #[test]
    fn headlines_split_between_words() {
        assert_eq!(
            split_at_word("Belgium Police seize 28 tons of cocaine", 14),
            (
                "Belgium Police".to_string(),
                "seize 28 tons of cocaine".to_string()
            )
        );
        assert_eq!(
            split_at_word("Short", 14),
            ("Short".to_string(), String::new())
        );
        assert_eq!(
            split_at_word("Extraordinarily", 5),
            ("Extra".to_string(), "ordinarily".to_string())
        );
    }
}

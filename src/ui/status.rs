//! The status bar: corpus, position, save state, reviewer, message, key hints.

use super::theme::Theme;
use super::{clean, fit, span};
use crate::app::keymap::{Command, Section};
use crate::app::state::{Pane, SaveStatus, Screen, State};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

fn hints(state: &State) -> String {
    let k = |s: Section, c: Command| state.keymap.key_for(s, c);
    let m = Section::Main;
    match (state.screen, state.focus) {
        (Screen::Review, _) => format!(
            "{} open · {} verdict filter · {} text · {} back · {} help",
            k(Section::Review, Command::Open),
            k(Section::Review, Command::FilterVerdict),
            k(Section::Review, Command::Search),
            k(Section::Review, Command::Back),
            k(Section::Review, Command::Help)
        ),
        (_, Pane::List) => format!(
            "{} open · {} filter · {} review · {} help",
            k(m, Command::Open),
            k(m, Command::Search),
            k(m, Command::Review),
            k(m, Command::Help)
        ),
        (_, Pane::Reader) if state.reader.selection.is_some() => {
            format!(
                "{}{} word · {}{} sentence · t d f u verdict · {} cancel",
                k(m, Command::WordBack),
                k(m, Command::WordForward),
                k(m, Command::Down),
                k(m, Command::Up),
                k(m, Command::Cancel)
            )
        }
        _ => format!(
            "t d f u verdict · {} note · {} evidence · {} select · {} next · {} help",
            k(m, Command::Note),
            k(m, Command::Evidence),
            k(m, Command::Select),
            k(m, Command::NextUnreviewed),
            k(m, Command::Help)
        ),
    }
}

pub fn draw(frame: &mut Frame, state: &State, theme: &Theme, area: Rect) {
    if area.height == 0 {
        return;
    }
    let n = state.corpus.articles.len();
    let mut left = format!(
        " {} │ {}/{}",
        clean(&state.corpus_name),
        (state.current + 1).min(n),
        n
    );
    if let Some(a) = state.current_analysis() {
        let content = a.sentences.iter().filter(|s| !s.chrome).count();
        let at = a
            .sentences
            .iter()
            .take(state.reader.cursor + 1)
            .filter(|s| !s.chrome)
            .count();
        left.push_str(&format!(" │ sentence {at}/{content}"));
    }
    if !state.index_done() {
        left.push_str(&format!(" │ indexing {}%", state.indexed * 100 / n.max(1)));
    }
    let (save, save_style) = match &state.save_status {
        SaveStatus::Failed(e) => (format!("NOT SAVED: {e}"), theme.error),
        _ if !state.unsaved.is_empty() => ("saving…".to_string(), theme.dim),
        SaveStatus::Saved => ("saved".to_string(), theme.ok),
        SaveStatus::Idle => ("no changes".to_string(), theme.dim),
    };
    let mut reviewer = format!(" │ reviewer {} │ ", clean(&state.reviewer));
    let right = match &state.message {
        Some(m) => clean(m),
        None => hints(state),
    };
    let width = area.width as usize;
    // A message matters more than the position: make room for it when narrow.
    if state.message.is_some()
        && left.width() + save.width() + reviewer.width() + right.width() + 3 > width
    {
        left = format!(" {}", clean(&state.corpus_name));
        reviewer = " │ ".to_string();
    }
    let used = left.width() + 3 + save.width() + reviewer.width();
    let right = fit(&right, width.saturating_sub(used));
    let line = Line::from(vec![
        span(left, theme.status),
        span(" │ ", theme.status),
        span(save, save_style.patch(theme.status).patch(save_style)),
        span(reviewer, theme.status),
        span(
            right,
            if state.message.is_some() {
                theme.key.patch(theme.status)
            } else {
                theme.status
            },
        ),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme.status), area);
}

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

/// The four verdict keys as the keymap has them ("t d f u" by default).
fn verdict_keys(state: &State) -> String {
    [
        Command::VerdictTrue,
        Command::VerdictDisputed,
        Command::VerdictFalse,
        Command::VerdictUnverifiable,
    ]
    .map(|c| state.keymap.key_for(Section::Main, c))
    .join(" ")
}

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
                "{}{} word · {}{} sentence · {} verdict · {} cancel",
                k(m, Command::WordBack),
                k(m, Command::WordForward),
                k(m, Command::Down),
                k(m, Command::Up),
                verdict_keys(state),
                k(m, Command::Cancel)
            )
        }
        _ => format!(
            "{} verdict · {} note · {} evidence · {} select · {} next · {} help",
            verdict_keys(state),
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
        (state.open_article + 1).min(n),
        n
    );
    if let Some(a) = state.current_analysis() {
        let content = a.sentences.iter().filter(|s| !s.chrome()).count();
        let at = a
            .sentences
            .iter()
            .take(state.reader.cursor + 1)
            .filter(|s| !s.chrome())
            .count();
        left.push_str(&format!(" │ sentence {at}/{content}"));
    }
    if state.unread > 0 {
        left.push_str(&format!(" │ reading {} articles…", state.unread));
    } else if !state.index_done() {
        left.push_str(&format!(" │ indexing {}%", state.indexed * 100 / n.max(1)));
    } else if state.links.is_none() && n > 1 {
        left.push_str(" │ linking…");
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
    let right = fit_message(&right, width.saturating_sub(used));
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

/// A status message in `width` columns without cutting a word or a file
/// name: a long path keeps its end ("…/claimdesk-report.md"), then the
/// message is cut after its last whole word.
pub fn fit_message(message: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if message.width() <= width {
        return message.to_string();
    }
    let mut words: Vec<String> = message.split(' ').map(str::to_string).collect();
    let over = message.width() - width;
    if let Some(path) = words.iter_mut().find(|w| w.contains('/')) {
        let tail = path.rsplit('/').next().unwrap_or("").to_string();
        let keep = path.width().saturating_sub(over + 1).max(tail.width() + 1);
        let chars: Vec<char> = path.chars().collect();
        let mut start = chars.len();
        let mut w = 0;
        while start > 0 {
            let cw = unicode_width::UnicodeWidthChar::width(chars[start - 1]).unwrap_or(0);
            if w + cw > keep {
                break;
            }
            w += cw;
            start -= 1;
        }
        if start > 0 {
            *path = format!("…{}", chars[start..].iter().collect::<String>());
        }
        let shortened = words.join(" ");
        if shortened.width() <= width {
            return shortened;
        }
    }
    // Hints ("t d f u verdict · a note · …") are cut between hints.
    let sep = if message.contains(" · ") {
        " · "
    } else {
        " "
    };
    let words: Vec<String> = if sep == " " {
        words
    } else {
        message.split(sep).map(str::to_string).collect()
    };
    let mut out = String::new();
    for word in &words {
        let next = if out.is_empty() {
            word.clone()
        } else {
            format!("{out}{sep}{word}")
        };
        if next.width() + 1 > width {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        return fit(message, width);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::fit_message;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn messages_keep_whole_words_and_file_names() {
        let m = "Exported 3 annotation(s) to /home/someone/work/corpora/2026/claimdesk-report.md.";
        let f = fit_message(m, 50);
        assert!(f.width() <= 50, "{f}");
        assert!(f.ends_with("/claimdesk-report.md."), "{f}");
        assert!(f.starts_with("Exported 3 annotation(s) to …"), "{f}");
        let m =
            "3 annotation(s) could not be placed in the changed article; they are kept as orphans.";
        let f = fit_message(m, 40);
        assert!(f.width() <= 40, "{f}");
        assert_eq!(f, "3 annotation(s) could not be placed in…");
        assert_eq!(fit_message("Saved.", 40), "Saved.");
        assert_eq!(
            fit_message("t d f u verdict · a note · e evidence · ? help", 30),
            "t d f u verdict · a note…"
        );
    }
}

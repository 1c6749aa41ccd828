//! Keys while an overlay is open: help, the note editor, prompts and dialogs.

use super::action::Effect;
use super::edit;
use super::keymap::{Command, Section};
use super::keys::{Key, KeyPress};
use super::nav;
pub use super::refresh::{default_export_path, open_prompt, open_prompt_with_default};
use super::review;
use super::state::*;
use super::text_field::TextField;
use crate::store::Stance;

pub fn open_search(state: &mut State) {
    let kind = if state.focus == Pane::List {
        PromptKind::ListFilter
    } else {
        PromptKind::Search
    };
    let initial = match kind {
        PromptKind::ListFilter => state.list.filter.clone(),
        _ => state
            .reader
            .search
            .as_ref()
            .map(|s| s.query.clone())
            .unwrap_or_default(),
    };
    open_prompt(state, kind, initial);
}

/// Rows of the help screen (`ui::help::lines`, which a test keeps in step):
/// a title, the bindings and a blank line per screen, then the editors'
/// keys and the legend.
pub fn help_rows(state: &State) -> usize {
    use super::keymap::Section;
    Section::ALL
        .iter()
        .map(|s| state.keymap.bindings(*s).len() + 2)
        .sum::<usize>()
        + 3
}

/// What the export prompt's answer asks for: a format ("html", to the
/// default file) or a file whose extension names one ("~/desk/report.csv";
/// a relative path is taken in the default folder).
fn export_target(
    state: &State,
    answer: &str,
) -> Option<(crate::export::Format, std::path::PathBuf)> {
    use crate::export::Format;
    let answer = answer.trim();
    if let Some(format) = Format::parse(answer) {
        return Some((format, default_export_path(state, format)));
    }
    let path = std::path::Path::new(answer);
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    let format = match ext.as_str() {
        "md" | "markdown" => Format::Markdown,
        "csv" => Format::Csv,
        "json" => Format::Json,
        "html" | "htm" => Format::Html,
        _ => return None,
    };
    // "~/…" is left for the shell to expand: the update reads no environment.
    let path = if answer.starts_with("~/") {
        path.to_path_buf()
    } else if path.is_relative() {
        state.export_dir.join(path)
    } else {
        path.to_path_buf()
    };
    Some((format, path))
}

pub fn paste(state: &mut State, text: &str) -> Vec<Effect> {
    match state.overlay.as_mut() {
        Some(Overlay::Note { editor, .. }) => {
            editor.insert_str(text);
        }
        Some(Overlay::Prompt { input, .. }) => {
            input.insert_str(&text.replace(['\n', '\r'], " "));
            if let Some(Overlay::Prompt { kind, input, .. }) = state.overlay.as_ref() {
                let (kind, value) = (*kind, input.text(""));
                live_update(state, kind, &value);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Prompts that filter as you type.
fn live_update(state: &mut State, kind: PromptKind, value: &str) {
    match kind {
        PromptKind::Search => {
            let current = state.open_article;
            if state
                .reader
                .folded
                .as_ref()
                .is_none_or(|(a, _)| *a != current)
            {
                state.reader.folded = state
                    .article()
                    .map(|a| (current, std::sync::Arc::new(super::search::folded(&a.text))));
            }
            let hits = state
                .reader
                .folded
                .as_ref()
                .map(|(_, text)| super::search::find_all_folded(text, value))
                .unwrap_or_default();
            state.reader.search = Some(Search {
                query: value.to_string(),
                hits,
                current: 0,
            });
        }
        PromptKind::ListFilter => {
            state.list.filter = value.to_string();
            nav::apply_list_filter(state);
        }
        PromptKind::ReviewFilter => {
            state.review.text = value.to_string();
            review::rebuild(state);
        }
        PromptKind::Evidence
        | PromptKind::Export
        | PromptKind::CompareFolder
        | PromptKind::Publishing(_) => {}
    }
}

/// A key for the open overlay: each overlay has its handler below.
pub fn input(state: &mut State, key: KeyPress) -> Vec<Effect> {
    let Some(overlay) = state.overlay.take() else {
        return Vec::new();
    };
    match overlay {
        Overlay::Help { scroll } => help_input(state, key, scroll),
        Overlay::Confirm { question, on_yes } => confirm_input(state, key, question, on_yes),
        Overlay::Note {
            article,
            id,
            span,
            editor,
        } => note_input(state, key, article, id, span, editor),
        Overlay::Prompt {
            kind,
            input,
            stance,
            error,
        } => prompt_input(state, key, kind, input, stance, error),
    }
}

fn help_input(state: &mut State, key: KeyPress, scroll: usize) -> Vec<Effect> {
    // The help box is the screen less a margin and its borders.
    let shown = (state.size.1 as usize).saturating_sub(4).max(1);
    let last = help_rows(state).saturating_sub(shown);
    let scroll = match state.keymap.lookup(Section::Help, key) {
        Some(Command::HelpClose) => return Vec::new(),
        Some(Command::Down) => scroll + 1,
        Some(Command::Up) => scroll.saturating_sub(1),
        Some(Command::PageDown) => scroll + shown,
        Some(Command::PageUp) => scroll.saturating_sub(shown),
        Some(Command::Top) => 0,
        Some(Command::Bottom) => last,
        _ => scroll,
    }
    .min(last);
    state.overlay = Some(Overlay::Help { scroll });
    Vec::new()
}

fn confirm_input(
    state: &mut State,
    key: KeyPress,
    question: String,
    on_yes: Confirmed,
) -> Vec<Effect> {
    match key.key {
        _ if state.keymap.lookup(Section::Confirm, key) == Some(Command::ConfirmYes) => {
            match on_yes {
                Confirmed::Delete { article, id } => edit::delete(state, article, &id),
                Confirmed::QuitUnsaved => {
                    state.quit = true;
                    vec![Effect::Quit]
                }
                Confirmed::ReplaceExport { format, ids, path } => vec![Effect::Export {
                    format,
                    ids,
                    path,
                    replace: true,
                }],
            }
        }
        _ if state.keymap.lookup(Section::Confirm, key) == Some(Command::ConfirmNo) => {
            state.message = Some("Cancelled.".into());
            Vec::new()
        }
        _ => {
            state.overlay = Some(Overlay::Confirm { question, on_yes });
            Vec::new()
        }
    }
}

fn note_input(
    state: &mut State,
    key: KeyPress,
    article: usize,
    id: Option<String>,
    span: (usize, usize),
    mut editor: TextField,
) -> Vec<Effect> {
    if state.keymap.lookup(Section::Editor, key) == Some(Command::EditorClose) {
        let text = editor.text("\n");
        return edit::save_note(state, article, id, span, text);
    }
    editor.input(key);
    state.overlay = Some(Overlay::Note {
        article,
        id,
        span,
        editor,
    });
    Vec::new()
}

fn prompt_input(
    state: &mut State,
    key: KeyPress,
    kind: PromptKind,
    mut input: TextField,
    mut stance: Stance,
    error: Option<String>,
) -> Vec<Effect> {
    let mut value = input.text("");
    // An empty answer takes the default shown greyed in the field.
    if value.trim().is_empty() && !input.placeholder().is_empty() {
        value = input.placeholder().to_string();
    }
    let command = state.keymap.lookup(Section::Prompt, key);
    match key.key {
        _ if command == Some(Command::PromptCancel) => {
            match kind {
                PromptKind::Search => state.reader.search = None,
                PromptKind::ListFilter => {
                    state.list.filter.clear();
                    nav::apply_list_filter(state);
                }
                PromptKind::ReviewFilter
                | PromptKind::Evidence
                | PromptKind::Export
                | PromptKind::CompareFolder
                | PromptKind::Publishing(_) => {}
            }
            Vec::new()
        }
        _ if command == Some(Command::PromptAccept) => {
            prompt_accept(state, kind, input, stance, value)
        }
        // Tab leaves a publishing field as it is and goes to the next.
        _ if command == Some(Command::PromptNext) && matches!(kind, PromptKind::Publishing(_)) => {
            if let PromptKind::Publishing(field) = kind {
                match field.next() {
                    Some(next) => super::publishing::open(state, next),
                    None => state.message = Some("Publishing fields saved.".into()),
                }
            }
            Vec::new()
        }
        _ if command == Some(Command::PromptNext) || key.key == Key::BackTab => {
            if kind == PromptKind::Evidence {
                stance = stance.next();
            }
            keep_prompt(state, kind, input, stance, error);
            Vec::new()
        }
        // One line: moving between lines does nothing.
        Key::Up | Key::Down | Key::PageUp | Key::PageDown => {
            keep_prompt(state, kind, input, stance, error);
            Vec::new()
        }
        _ => {
            input.input(key);
            let value = input.text("");
            keep_prompt(state, kind, input, stance, None);
            live_update(state, kind, &value);
            Vec::new()
        }
    }
}

/// Enter in a prompt: each kind of prompt does what it was opened for; a
/// refused answer keeps the prompt open with the reason.
// Long on purpose: a router with one arm per kind of prompt.
fn prompt_accept(
    state: &mut State,
    kind: PromptKind,
    input: TextField,
    stance: Stance,
    value: String,
) -> Vec<Effect> {
    match kind {
        PromptKind::Publishing(_) | PromptKind::Evidence => {
            let saved = match kind {
                PromptKind::Publishing(field) => super::publishing::save(state, field, &value),
                _ => super::evidence::add_evidence(state, &value, stance),
            };
            // Refused: the prompt stays open with the reason.
            saved.unwrap_or_else(|e| {
                keep_prompt(state, kind, input, stance, Some(e));
                Vec::new()
            })
        }
        PromptKind::Search => {
            live_update(state, kind, &value);
            if state
                .reader
                .search
                .as_ref()
                .is_some_and(|s| s.query.is_empty())
            {
                state.reader.search = None;
            } else {
                nav::step_search(state, true, true);
            }
            Vec::new()
        }
        PromptKind::ListFilter => {
            if state.list.visible.is_empty() {
                state.message = Some(format!("No article matches {value:?}."));
            }
            Vec::new()
        }
        PromptKind::ReviewFilter => Vec::new(),
        PromptKind::CompareFolder => {
            // A relative folder is taken beside the corpus, as the default shows.
            let path = std::path::PathBuf::from(value.trim());
            let path = if path.is_relative() && !input.placeholder().is_empty() {
                std::path::Path::new(input.placeholder()).join(path)
            } else {
                path
            };
            vec![Effect::LoadCompare(path)]
        }
        PromptKind::Export => match export_target(state, &value) {
            Some((format, path)) => {
                let ids = state.review.rows.iter().map(|r| r.id.clone()).collect();
                vec![Effect::Export {
                    format,
                    ids,
                    path,
                    replace: false,
                }]
            }
            None => {
                let names: Vec<&str> = crate::export::Format::ALL
                    .iter()
                    .map(|f| f.name())
                    .collect();
                let error = Some(format!("Formats: {}.", names.join(", ")));
                keep_prompt(state, kind, input, stance, error);
                Vec::new()
            }
        },
    }
}

/// The prompt stays open, as it is or with the reason an answer was refused.
fn keep_prompt(
    state: &mut State,
    kind: PromptKind,
    input: TextField,
    stance: Stance,
    error: Option<String>,
) {
    state.overlay = Some(Overlay::Prompt {
        kind,
        input,
        stance,
        error,
    });
}

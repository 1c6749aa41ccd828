//! Overlays: help, the note editor, prompts and yes/no questions.

use super::theme::Theme;
use super::{clean, fit, help, span};
use crate::app::keymap::{Command, Section};
use crate::app::state::{Overlay, PromptKind, State};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

// Long on purpose: a router with one arm per overlay.
pub fn draw(frame: &mut Frame, state: &State, theme: &Theme, area: Rect) {
    let Some(overlay) = &state.overlay else {
        return;
    };
    match overlay {
        Overlay::Help { scroll } => {
            let r = centered(
                area,
                area.width.saturating_sub(4).min(96),
                area.height.saturating_sub(2),
            );
            let lines = help::lines(state, theme);
            let max = lines
                .len()
                .saturating_sub(r.height.saturating_sub(2) as usize);
            frame.render_widget(Clear, r);
            let block = Block::bordered()
                .title(format!(
                    " Help: {} {} scroll · {} closes ",
                    state.keymap.key_for(Section::Help, Command::Down),
                    state.keymap.key_for(Section::Help, Command::Up),
                    state.keymap.key_for(Section::Help, Command::HelpClose)
                ))
                .border_style(theme.focus_border);
            frame.render_widget(
                Paragraph::new(lines)
                    .block(block)
                    .scroll(((*scroll).min(max) as u16, 0)),
                r,
            );
        }
        Overlay::Note {
            span: (s, e),
            editor,
            ..
        } => {
            let r = centered(
                area,
                area.width.saturating_sub(4).min(90),
                area.height.saturating_sub(4).min(16),
            );
            frame.render_widget(Clear, r);
            let quote = state
                .article()
                .map(|a| clean(a.slice(*s, *e)))
                .unwrap_or_default();
            let block = Block::bordered()
                .title(format!(
                    " Note: {} keeps it and closes ",
                    state.keymap.key_for(Section::Editor, Command::EditorClose)
                ))
                .border_style(theme.focus_border);
            let inner = block.inner(r);
            frame.render_widget(block, r);
            if inner.height == 0 {
                return;
            }
            let quote_h = 2.min(inner.height.saturating_sub(1));
            frame.render_widget(
                Paragraph::new(span(quote, theme.dim)).wrap(Wrap { trim: true }),
                Rect::new(inner.x, inner.y, inner.width, quote_h),
            );
            let edit = Rect::new(
                inner.x,
                inner.y + quote_h,
                inner.width,
                inner.height - quote_h,
            );
            frame.render_widget(&editor.widget(), edit);
        }
        Overlay::Prompt {
            kind,
            input,
            stance,
            error,
        } => {
            // The keys named in titles are the keymap's, so a remap shows.
            let key = |c: Command| state.keymap.key_for(Section::Prompt, c);
            let (accept, cancel, next) = (
                key(Command::PromptAccept),
                key(Command::PromptCancel),
                key(Command::PromptNext),
            );
            let title = match kind {
                PromptKind::Search => {
                    format!(" Search this article ({accept}: go · {cancel}: clear) ")
                }
                PromptKind::ListFilter => {
                    format!(" Filter articles ({accept}: keep · {cancel}: clear) ")
                }
                PromptKind::ReviewFilter => {
                    format!(" Filter annotations by text ({accept}: keep) ")
                }
                PromptKind::Evidence => format!(
                    " Evidence: URL or article#id · stance {} ({next} changes) ",
                    stance.name()
                ),
                PromptKind::CompareFolder => {
                    format!(" Compare with another reviewer's annotations folder ({accept}) ")
                }
                PromptKind::Publishing(field) => format!(
                    " {} {}/4 · {accept}: save · {next}: skip · {cancel}: close ",
                    field.label(),
                    field.number()
                ),
                PromptKind::Export => format!(
                    " Export the rows shown: md csv json claimreview w3c html, or a file.csv/.md/.json/.html ({accept}) "
                ),
            };
            let h = if error.is_some() { 4 } else { 3 };
            let y = area.height.saturating_sub(h + 1);
            let r = Rect::new(area.x, y, area.width, h.min(area.height));
            frame.render_widget(Clear, r);
            let block = Block::bordered()
                .title(fit(&title, area.width.saturating_sub(2) as usize))
                .border_style(theme.focus_border);
            let inner = block.inner(r);
            frame.render_widget(block, r);
            if inner.height == 0 {
                return;
            }
            frame.render_widget(&input.widget(), Rect::new(inner.x, inner.y, inner.width, 1));
            if let Some(e) = error
                && inner.height > 1
            {
                frame.render_widget(
                    Paragraph::new(span(clean(e), theme.error)),
                    Rect::new(inner.x, inner.y + 1, inner.width, 1),
                );
            }
        }
        Overlay::Confirm { question, .. } => {
            let r = centered(area, area.width.saturating_sub(4).min(70), 5);
            frame.render_widget(Clear, r);
            let block = Block::bordered()
                .title(" Confirm ")
                .border_style(theme.error);
            frame.render_widget(
                Paragraph::new(Line::from(clean(question)))
                    .wrap(Wrap { trim: true })
                    .block(block),
                r,
            );
        }
    }
}

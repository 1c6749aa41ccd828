//! The help overlay, generated from the keymap so it is always true.

use super::span;
use super::theme::Theme;
use crate::app::keymap::Section;
use crate::app::state::State;
use ratatui::text::Line;

pub fn lines<'a>(state: &State, theme: &Theme) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    for (section, title) in [
        (Section::Main, "Main screen"),
        (Section::Review, "Review screen"),
    ] {
        out.push(Line::from(span(title, theme.title)));
        for b in state.keymap.bindings(section) {
            let keys: Vec<String> = b.keys.iter().map(ToString::to_string).collect();
            out.push(Line::from(vec![
                span(format!("  {:<16}", keys.join(" ")), theme.key),
                span(b.help.clone(), ratatui::style::Style::default()),
            ]));
        }
        out.push(Line::from(""));
    }
    out.push(Line::from(span("Editors and prompts", theme.title)));
    for (k, h) in [
        (
            "Esc",
            "note editor: keep the note and close; prompts: cancel",
        ),
        ("Enter", "prompts: confirm (search jumps to the first hit)"),
        (
            "Tab",
            "evidence prompt: cycle stance supports / refutes / context",
        ),
        ("y / n", "answer a question"),
    ] {
        out.push(Line::from(vec![
            span(format!("  {k:<16}"), theme.key),
            span(h, ratatui::style::Style::default()),
        ]));
    }
    out.push(Line::from(""));
    out.push(Line::from(span(
        "Mouse: click focuses and selects; the wheel scrolls.",
        theme.dim,
    )));
    // Two short lines rather than one cut at 80 columns.
    out.push(Line::from(span(
        "Verdicts: T true · D disputed · F false · U unverifiable",
        theme.dim,
    )));
    out.push(Line::from(span(
        "          · unreviewed · n note · ? suggested",
        theme.dim,
    )));
    out
}

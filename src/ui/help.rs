//! The help overlay, generated from the keymap so it is always true.

use super::span;
use super::theme::Theme;
use crate::app::keymap::Section;
use crate::app::state::State;
use ratatui::text::Line;

pub fn lines<'a>(state: &State, theme: &Theme) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    for section in Section::ALL {
        out.push(Line::from(span(section.title(), theme.title)));
        for b in state.keymap.bindings(section) {
            let keys: Vec<String> = b.keys.iter().map(ToString::to_string).collect();
            out.push(Line::from(vec![
                span(format!("  {:<16}", keys.join(" ")), theme.key),
                span(b.help.clone(), ratatui::style::Style::default()),
            ]));
        }
        out.push(Line::from(""));
    }
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

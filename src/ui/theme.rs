//! Colours and modifiers. With `NO_COLOR` everything is told apart by
//! modifiers and letters alone.

use crate::store::Verdict;
use ratatui::style::{Color, Modifier, Style};

pub struct Theme {
    pub color: bool,
    pub border: Style,
    pub focus_border: Style,
    pub chrome: Style,
    pub heading: Style,
    pub cursor: Style,
    pub selection: Style,
    pub search_hit: Style,
    pub suggestion: Style,
    pub note: Style,
    pub dim: Style,
    pub title: Style,
    pub selected_row: Style,
    pub error: Style,
    pub ok: Style,
    pub key: Style,
    pub status: Style,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        let plain = Style::default();
        if !color {
            return Theme {
                color,
                border: plain,
                focus_border: plain.add_modifier(Modifier::BOLD),
                chrome: plain.add_modifier(Modifier::DIM),
                heading: plain.add_modifier(Modifier::BOLD),
                cursor: plain.add_modifier(Modifier::REVERSED),
                selection: plain.add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
                search_hit: plain.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
                suggestion: plain.add_modifier(Modifier::UNDERLINED),
                note: plain.add_modifier(Modifier::ITALIC),
                dim: plain.add_modifier(Modifier::DIM),
                title: plain.add_modifier(Modifier::BOLD),
                selected_row: plain.add_modifier(Modifier::REVERSED),
                error: plain.add_modifier(Modifier::BOLD),
                ok: plain,
                key: plain.add_modifier(Modifier::BOLD),
                status: plain.add_modifier(Modifier::REVERSED),
            };
        }
        Theme {
            color,
            border: Style::new().fg(Color::DarkGray),
            focus_border: Style::new().fg(Color::Cyan),
            chrome: Style::new().fg(Color::DarkGray),
            heading: Style::new().add_modifier(Modifier::BOLD),
            cursor: Style::new().bg(Color::Rgb(50, 50, 70)),
            selection: Style::new().bg(Color::Blue).fg(Color::White),
            search_hit: Style::new().bg(Color::Yellow).fg(Color::Black),
            suggestion: Style::new()
                .add_modifier(Modifier::UNDERLINED)
                .underline_color(Color::Cyan),
            note: Style::new()
                .fg(Color::LightBlue)
                .add_modifier(Modifier::ITALIC),
            dim: Style::new().fg(Color::Gray),
            title: Style::new().add_modifier(Modifier::BOLD),
            selected_row: Style::new()
                .bg(Color::Rgb(50, 50, 70))
                .add_modifier(Modifier::BOLD),
            error: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            ok: Style::new().fg(Color::Green),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            status: Style::new().bg(Color::Rgb(30, 30, 40)).fg(Color::Gray),
        }
    }

    /// The style of a claim's text in the reader.
    pub fn verdict(&self, v: Verdict) -> Style {
        if !self.color {
            return match v {
                Verdict::Unreviewed => {
                    Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
                }
                _ => Style::new().add_modifier(Modifier::BOLD),
            };
        }
        let c = match v {
            Verdict::Unreviewed => Color::LightCyan,
            Verdict::True => Color::LightGreen,
            Verdict::Disputed => Color::Yellow,
            Verdict::False => Color::LightRed,
            Verdict::Unverifiable => Color::LightMagenta,
        };
        Style::new().fg(c).add_modifier(Modifier::BOLD)
    }

    /// The badge `[D]` shown beside a claim.
    pub fn badge(&self, v: Verdict) -> Style {
        if !self.color {
            return Style::new().add_modifier(Modifier::BOLD);
        }
        self.verdict(v).add_modifier(Modifier::REVERSED)
    }
}

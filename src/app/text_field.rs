//! Text being typed (the note editor, prompts): plain lines, a cursor and
//! the greyed default, so the state holds no widget. The editing itself is
//! ratatui-textarea's, applied to a widget made for each key; the view makes
//! its own to draw (`widget`).

use super::keys::{Key, KeyPress};
use ratatui_textarea::{CursorMove, Input, Key as TaKey, TextArea};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    lines: Vec<String>,
    /// Row and column (in chars) of the cursor.
    cursor: (usize, usize),
    /// Shown greyed while the field is empty; an empty answer takes it.
    placeholder: String,
}

impl TextField {
    /// A field holding `text`, the cursor at its end.
    pub fn new(text: &str) -> TextField {
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let row = lines.len() - 1;
        let col = lines[row].chars().count();
        TextField {
            lines,
            cursor: (row, col),
            placeholder: String::new(),
        }
    }

    /// An empty field showing `default` greyed.
    pub fn with_placeholder(default: String) -> TextField {
        TextField {
            placeholder: default,
            ..TextField::new("")
        }
    }

    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// The text, lines joined by `separator`.
    pub fn text(&self, separator: &str) -> String {
        self.lines.join(separator)
    }

    pub fn placeholder(&self) -> &str {
        &self.placeholder
    }

    pub fn cursor(&self) -> (usize, usize) {
        self.cursor
    }

    /// A widget showing this field, the cursor where it is: for the view,
    /// and for one edit.
    pub fn widget(&self) -> TextArea<'static> {
        let mut area = TextArea::new(self.lines.clone());
        area.move_cursor(CursorMove::Jump(
            self.cursor.0.min(u16::MAX as usize) as u16,
            self.cursor.1.min(u16::MAX as usize) as u16,
        ));
        if !self.placeholder.is_empty() {
            area.set_placeholder_text(self.placeholder.clone());
        }
        area
    }

    fn take(&mut self, area: TextArea<'static>) {
        let c = area.cursor();
        self.cursor = (c.0, c.1);
        self.lines = area.into_lines();
    }

    /// One key typed into the field.
    pub fn input(&mut self, key: KeyPress) {
        let mut area = self.widget();
        area.input(to_textarea(key));
        self.take(area);
    }

    /// Text pasted at the cursor.
    pub fn insert_str(&mut self, text: &str) {
        let mut area = self.widget();
        area.insert_str(text);
        self.take(area);
    }
}

fn to_textarea(k: KeyPress) -> Input {
    let key = match k.key {
        Key::Char(c) => TaKey::Char(c),
        Key::Enter => TaKey::Enter,
        Key::Esc => TaKey::Esc,
        Key::Tab => TaKey::Tab,
        Key::BackTab => TaKey::Tab,
        Key::Backspace => TaKey::Backspace,
        Key::Delete => TaKey::Delete,
        Key::Up => TaKey::Up,
        Key::Down => TaKey::Down,
        Key::Left => TaKey::Left,
        Key::Right => TaKey::Right,
        Key::PageUp => TaKey::PageUp,
        Key::PageDown => TaKey::PageDown,
        Key::Home => TaKey::Home,
        Key::End => TaKey::End,
        Key::F(n) => TaKey::F(n),
    };
    Input {
        key,
        ctrl: k.ctrl,
        alt: k.alt,
        shift: k.key == Key::BackTab,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_moving_and_new_lines_edit_the_plain_text() {
        let mut f = TextField::new("ab");
        f.input(KeyPress::ch('c'));
        f.input(KeyPress::plain(Key::Left));
        f.input(KeyPress::plain(Key::Backspace));
        assert_eq!((f.text("|"), f.cursor()), ("ac".to_string(), (0, 1)));
        f.input(KeyPress::plain(Key::End));
        f.input(KeyPress::plain(Key::Enter));
        f.insert_str("line two");
        assert_eq!(f.lines(), ["ac", "line two"]);
        assert_eq!(f.cursor(), (1, 8));
        let p = TextField::with_placeholder("md".into());
        assert_eq!((p.text(""), p.placeholder()), (String::new(), "md"));
    }
}

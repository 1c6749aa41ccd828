//! Key presses as the app sees them, independent of the terminal library, and
//! their names in the keymap ("j", "ctrl-d", "shift-tab", "pgdn").

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    F(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyPress {
    pub key: Key,
    pub ctrl: bool,
    pub alt: bool,
}

impl KeyPress {
    pub const fn plain(key: Key) -> Self {
        KeyPress {
            key,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn ch(c: char) -> Self {
        KeyPress::plain(Key::Char(c))
    }

    pub const fn ctrl(c: char) -> Self {
        KeyPress {
            key: Key::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// Parses a key name as written in the keymap.
    pub fn parse(name: &str) -> Result<KeyPress, String> {
        if name.chars().count() == 1 {
            return Ok(KeyPress::ch(name.chars().next().unwrap_or(' ')));
        }
        let mut ctrl = false;
        let mut alt = false;
        let mut shift = false;
        let mut rest = name;
        loop {
            let lower = rest.to_ascii_lowercase();
            if lower.starts_with("ctrl-") || lower.starts_with("ctrl+") {
                ctrl = true;
                rest = &rest[5..];
            } else if lower.starts_with("alt-") || lower.starts_with("alt+") {
                alt = true;
                rest = &rest[4..];
            } else if lower.starts_with("shift-") || lower.starts_with("shift+") {
                shift = true;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let key = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => Key::Enter,
            "esc" | "escape" => Key::Esc,
            "tab" if shift => Key::BackTab,
            "tab" => Key::Tab,
            "backtab" => Key::BackTab,
            "backspace" | "bs" => Key::Backspace,
            "delete" | "del" => Key::Delete,
            "up" => Key::Up,
            "down" => Key::Down,
            "left" => Key::Left,
            "right" => Key::Right,
            "pgup" | "pageup" => Key::PageUp,
            "pgdn" | "pagedown" => Key::PageDown,
            "home" => Key::Home,
            "end" => Key::End,
            "space" => Key::Char(' '),
            f if f.len() >= 2
                && f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
            {
                Key::F(f[1..].parse().unwrap_or(1))
            }
            _ if rest.chars().count() == 1 => {
                let c = rest.chars().next().unwrap_or(' ');
                let c = if ctrl {
                    c.to_ascii_lowercase()
                } else if shift {
                    c.to_ascii_uppercase()
                } else {
                    c
                };
                Key::Char(c)
            }
            _ => return Err(format!("unknown key name {name:?}")),
        };
        Ok(KeyPress { key, ctrl, alt })
    }
}

/// One key grammar for the config file, the help screen and the tests:
/// `"j"`, `"G"`, `"ctrl-d"`, `"shift-tab"`, `"pgdn"`, `"f5"`.
impl std::str::FromStr for KeyPress {
    type Err = String;

    fn from_str(name: &str) -> Result<KeyPress, String> {
        KeyPress::parse(name)
    }
}

impl fmt::Display for KeyPress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.key {
            Key::Char(' ') => f.write_str("Space"),
            Key::Char(c) => write!(f, "{c}"),
            Key::Enter => f.write_str("Enter"),
            Key::Esc => f.write_str("Esc"),
            Key::Tab => f.write_str("Tab"),
            Key::BackTab => f.write_str("Shift-Tab"),
            Key::Backspace => f.write_str("Backspace"),
            Key::Delete => f.write_str("Delete"),
            Key::Up => f.write_str("↑"),
            Key::Down => f.write_str("↓"),
            Key::Left => f.write_str("←"),
            Key::Right => f.write_str("→"),
            Key::PageUp => f.write_str("PgUp"),
            Key::PageDown => f.write_str("PgDn"),
            Key::Home => f.write_str("Home"),
            Key::End => f.write_str("End"),
            Key::F(n) => write!(f, "F{n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse() {
        assert_eq!(KeyPress::parse("j"), Ok(KeyPress::ch('j')));
        assert_eq!(KeyPress::parse("G"), Ok(KeyPress::ch('G')));
        assert_eq!(KeyPress::parse("ctrl-d"), Ok(KeyPress::ctrl('d')));
        assert_eq!(KeyPress::parse("Ctrl-O"), Ok(KeyPress::ctrl('o')));
        assert_eq!(
            KeyPress::parse("shift-tab"),
            Ok(KeyPress::plain(Key::BackTab))
        );
        assert_eq!(KeyPress::parse("pgdn"), Ok(KeyPress::plain(Key::PageDown)));
        assert_eq!(KeyPress::parse("f5"), Ok(KeyPress::plain(Key::F(5))));
        assert!(KeyPress::parse("ctrl-nope").is_err());
    }
}

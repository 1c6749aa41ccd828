//! Wrapping article text to a pane width, counted in terminal cells, and how
//! each char is shown: control characters become visible placeholders.

use crate::corpus::Article;

pub use crate::text::display::{glyph, glyph_width};

/// One screen row of the article: chars `[start, end)` of the canonical text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisualLine {
    pub start: usize,
    pub end: usize,
    /// Index of the article line this row belongs to.
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wrapped {
    pub article: usize,
    pub width: usize,
    pub lines: Vec<VisualLine>,
}

impl Wrapped {
    /// The row containing char offset `pos`: the last row starting at or before it.
    pub fn row_of(&self, pos: usize) -> usize {
        self.lines
            .partition_point(|l| l.start <= pos)
            .saturating_sub(1)
    }
}

/// Wraps every line of the article to `width` cells, breaking after spaces
/// where it can and inside a word only when a word is wider than the pane.
pub fn wrap(article: &Article, article_index: usize, width: usize) -> Wrapped {
    let width = width.max(1);
    let mut out = Vec::new();
    for (li, line) in article.lines.iter().enumerate() {
        let text = article.slice(line.start(), line.end());
        if text.is_empty() {
            out.push(VisualLine {
                start: line.start(),
                end: line.start(),
                line: li,
            });
            continue;
        }
        let mut row_start = line.start();
        let mut row_width = 0;
        let mut last_break: Option<(usize, usize)> = None; // (char pos after space, width up to it)
        for (i, c) in text.chars().enumerate() {
            let pos = line.start() + i;
            let w = glyph_width(c);
            if row_width + w > width && pos > row_start {
                match last_break {
                    Some((b, bw)) if b > row_start => {
                        out.push(VisualLine {
                            start: row_start,
                            end: b,
                            line: li,
                        });
                        row_start = b;
                        row_width -= bw;
                    }
                    _ => {
                        out.push(VisualLine {
                            start: row_start,
                            end: pos,
                            line: li,
                        });
                        row_start = pos;
                        row_width = 0;
                    }
                }
                last_break = None;
            }
            row_width += w;
            if c == ' ' {
                last_break = Some((pos + 1, row_width));
            }
        }
        out.push(VisualLine {
            start: row_start,
            end: line.end(),
            line: li,
        });
    }
    Wrapped {
        article: article_index,
        width,
        lines: out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, width: usize) -> Vec<String> {
        let a = Article::from_bytes("a.txt".into(), text.as_bytes());
        wrap(&a, 0, width)
            .lines
            .iter()
            .map(|l| a.slice(l.start, l.end).to_string())
            .collect()
    }

    #[test]
    fn wraps_on_spaces_and_hard_breaks_long_words() {
        assert_eq!(
            rows("one two three four", 9),
            vec!["one two ", "three ", "four"]
        );
        assert_eq!(rows("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(rows("a\n\nb", 4), vec!["a", "", "b"]);
    }

    #[test]
    fn wide_chars_take_two_cells() {
        assert_eq!(rows("日本語テキスト", 6), vec!["日本語", "テキス", "ト"]);
        assert_eq!(rows("🙂🙂🙂", 5), vec!["🙂🙂", "🙂"]);
    }

    #[test]
    fn control_chars_are_visible_and_one_cell() {
        assert_eq!(glyph('\u{1b}'), '␛');
        assert_eq!(glyph('\u{7}'), '␇');
        assert_eq!(glyph('\u{202e}'), '⍰');
        assert_eq!(glyph_width('\u{1b}'), 1);
    }
}

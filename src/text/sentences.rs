//! Splitting an article into sentences with exact char offsets.
//!
//! Lines are paragraphs in news text, so each line is segmented on its own by
//! `sentencex` (abbreviations, initials, decimals, quotes); a sentence never
//! crosses a line break.

use crate::corpus::{Article, LineKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceSpan {
    pub start: usize,
    pub end: usize,
    /// Index of the article line the sentence is in.
    pub line: usize,
}

/// Segments `text` (one paragraph) and returns char ranges of its sentences,
/// trimmed of surrounding white space, relative to `base`.
pub fn segment_paragraph(text: &str, base: usize, out: &mut Vec<(usize, usize)>) {
    let mut pos = base;
    for piece in sentencex::segment("en", text) {
        let len = piece.chars().count();
        let lead = piece.chars().take_while(|c| c.is_whitespace()).count();
        let trail = if lead == len {
            0
        } else {
            piece
                .chars()
                .rev()
                .take_while(|c| c.is_whitespace())
                .count()
        };
        if lead < len {
            out.push((pos + lead, pos + len - trail));
        }
        pos += len;
    }
}

pub fn split_article(article: &Article) -> Vec<SentenceSpan> {
    let mut spans = Vec::new();
    let mut ranges = Vec::new();
    for (i, line) in article.lines.iter().enumerate() {
        if line.kind == LineKind::Blank {
            continue;
        }
        ranges.clear();
        segment_paragraph(article.slice(line.start, line.end), line.start, &mut ranges);
        spans.extend(ranges.iter().map(|&(start, end)| SentenceSpan {
            start,
            end,
            line: i,
        }));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<String> {
        let a = Article::from_bytes("t.txt".into(), "t.txt".into(), text.as_bytes());
        split_article(&a)
            .iter()
            .map(|s| a.slice(s.start, s.end).to_string())
            .collect()
    }

    #[test]
    fn abbreviations_decimals_and_quotes_stay_whole() {
        assert_eq!(
            split(
                "Mr. Smith paid $1.65 billion to the U.S. government. He left at 5 p.m. on Monday."
            ),
            vec![
                "Mr. Smith paid $1.65 billion to the U.S. government.",
                "He left at 5 p.m. on Monday."
            ]
        );
        assert_eq!(
            split("\"We cracked it,\" the statement said. Police agreed."),
            vec!["\"We cracked it,\" the statement said.", "Police agreed."]
        );
    }

    #[test]
    fn sentences_never_cross_lines_and_offsets_are_chars() {
        let s = split("Héadline without stop\nFirst one. Second one.\n\n  Indented ünïcode.  ");
        assert_eq!(
            s,
            vec![
                "Héadline without stop",
                "First one.",
                "Second one.",
                "Indented ünïcode."
            ]
        );
    }
}

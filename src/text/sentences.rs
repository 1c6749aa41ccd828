//! Splitting an article into sentences with exact char offsets.
//!
//! Lines are paragraphs in news text, so each line is segmented on its own by
//! `sentencex` (abbreviations, initials, decimals, quotes); a sentence crosses
//! a line break only where the text is hard-wrapped (see `corpus::wrap`).

use crate::corpus::{Article, LineKind};
use sentencex::languages::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceSpan {
    pub start: usize,
    pub end: usize,
    /// The same span in bytes of the article text.
    pub start_byte: usize,
    pub end_byte: usize,
    /// Index of the article line the sentence is in.
    pub line: usize,
}

/// Segments `text` (one paragraph) and returns the char ranges of its
/// sentences, trimmed of surrounding white space, relative to `base`.
pub fn segment_paragraph(text: &str, base: usize, out: &mut Vec<(usize, usize)>) {
    let mut both = Vec::new();
    segment_paragraph_with_bytes(text, base, &mut both);
    out.extend(both.iter().map(|&(s, e, _, _)| (s, e)));
}

/// Like `segment_paragraph`, each range also in bytes of `text`.
fn segment_paragraph_with_bytes(
    text: &str,
    base: usize,
    out: &mut Vec<(usize, usize, usize, usize)>,
) {
    // Byte ranges of the trimmed pieces sentencex finds.
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    if let Some(whole) = lone_sentence(text) {
        pieces.push(whole);
    } else {
        let mut pos = 0;
        // The English segmenter directly: `sentencex::segment` builds a boxed
        // language object on every call, once per paragraph.
        let english = sentencex::languages::English {};
        for piece in english.segment(text) {
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            if !trimmed.is_empty() {
                pieces.push((pos + lead, pos + lead + trimmed.len()));
            }
            pos += piece.len();
        }
    }
    let pieces = split_lettered_list(
        text,
        fix_spaced_ellipsis(text, fix_numbered_list(text, pieces)),
    );
    // Byte ranges to char ranges, walking the text once.
    let mut chars_before = 0;
    let mut last_byte = 0;
    for (s, e) in pieces {
        chars_before += text[last_byte..s].chars().count();
        let len = text[s..e].chars().count();
        out.push((base + chars_before, base + chars_before + len, s, e));
        chars_before += len;
        last_byte = e;
    }
}

/// The trimmed byte range of a paragraph that can only be one sentence, as
/// sentencex would find it, without asking it; `None` when sentencex must
/// decide. sentencex breaks only at a run of terminators or before a list
/// marker, and every inline list marker has a `)` or a bullet. So a line
/// whose only terminators close it, with nothing but white space after
/// them, and with no `)`, bullet or character that might be a terminator in
/// another script, is one sentence: the paragraph most news lines are.
fn lone_sentence(text: &str) -> Option<(usize, usize)> {
    let start = text.len() - text.trim_start().len();
    let body = text.trim_end();
    if body.len() <= start {
        return None;
    }
    // One terminator, or a run of one kind ("...", "!!"): sentencex may cut
    // a mixed run ("1.…") in two.
    let last = body.chars().next_back()?;
    let open = match last {
        '.' | '!' | '?' | '…' => body.trim_end_matches(last),
        _ => body,
    };
    // A run of terminators with no words before it is sentencex's to cut.
    let worded = open[start..].ends_with(|c: char| c.is_alphanumeric() || "“”‘’\"'".contains(c));
    (worded && all_plain(open)).then_some((start, body.len()))
}

/// ASCII bytes that neither end a sentence nor mark a list item, nor break a
/// line: printable ones but `.`, `!`, `?` and `)`, and the tab.
const PLAIN_ASCII: [bool; 128] = {
    let mut plain = [false; 128];
    let mut b = b' ';
    while b <= b'~' {
        plain[b as usize] = !matches!(b, b'.' | b'!' | b'?' | b')');
        b += 1;
    }
    plain[b'\t' as usize] = true;
    plain
};

/// Whether no char of `text` can end a sentence or mark a list item.
fn all_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b < 0x80 {
            if !PLAIN_ASCII[b as usize] {
                return false;
            }
            at += 1;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            return false;
        };
        let plain = if (c as u32) < 0x0250 {
            // Letters of the Latin scripts and the signs news uses among
            // them: none is a terminator or a bullet.
            c.is_alphabetic() || "\u{a0}£¢¥°§©®×«»".contains(c)
        } else {
            "–—‘’“”€™".contains(c)
        };
        if !plain {
            return false;
        }
        at += c.len_utf8();
    }
    true
}

/// A list marker: "1.", "12.)", "3)", "•", "⁃9." and the like.
fn is_list_marker(token: &str) -> bool {
    let t = token.trim_start_matches(['•', '⁃', '-', '*']);
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && matches!(&t[digits..], "." | ".)" | ")")
}

/// "1. The first item 2. The second item": sentencex cuts after each number.
/// When a paragraph is a list (it opens with a marker), a marker ending a
/// piece belongs to the next piece, and a piece that is only a marker joins
/// the text after it. Prose ending in a number ("rose to 5.") is left alone.
fn fix_numbered_list(text: &str, pieces: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let first_token = text.split_whitespace().next().unwrap_or("");
    if pieces.len() < 2 || !is_list_marker(first_token) {
        return pieces;
    }
    let mut moved: Vec<(usize, usize)> = Vec::with_capacity(pieces.len());
    let mut carry: Option<usize> = None;
    for (i, &(s, e)) in pieces.iter().enumerate() {
        let s = carry.take().unwrap_or(s);
        let piece = &text[s..e];
        let last = piece.rsplit(char::is_whitespace).next().unwrap_or("");
        if i + 1 < pieces.len() && last.len() < piece.len() && is_list_marker(last) {
            let cut = e - last.len();
            moved.push((s, text[..cut].trim_end().len()));
            carry = Some(cut);
        } else {
            moved.push((s, e));
        }
    }
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(moved.len());
    let mut pending: Option<usize> = None;
    for (s, e) in moved {
        let start = pending.take().unwrap_or(s);
        if is_list_marker(text[s..e].trim()) {
            pending = Some(start);
        } else {
            out.push((start, e));
        }
    }
    if let Some(start) = pending {
        out.push((start, text.trim_end().len()));
    }
    out
}

/// "a. The first item b. The second item": an inline lettered list is split
/// before each next letter in sequence.
fn split_lettered_list(text: &str, pieces: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(pieces.len());
    for (s, e) in pieces {
        let piece = &text[s..e];
        if !(piece.starts_with("a. ") || piece.starts_with("a) ")) {
            out.push((s, e));
            continue;
        }
        let close = &piece[1..2];
        let mut start = s;
        let mut next = b'b';
        while let Some(at) = text[start..e].find(&format!(" {}{close} ", next as char)) {
            out.push((start, start + at));
            start += at + 1;
            next += 1;
        }
        out.push((start, e));
    }
    out
}

/// "compounds. . . . The practice": a stop then a spaced ellipsis. The stop
/// ends the sentence and the ellipsis opens the next one (the MLA style).
fn fix_spaced_ellipsis(text: &str, pieces: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(pieces.len());
    let mut carry: Option<usize> = None;
    for (i, &(s, e)) in pieces.iter().enumerate() {
        let s = carry.take().unwrap_or(s);
        let piece = &text[s..e];
        let glued = piece
            .strip_suffix(". . . .")
            .filter(|before| before.ends_with(|c: char| c.is_alphanumeric()));
        if i + 1 < pieces.len()
            && let Some(before) = glued
        {
            out.push((s, s + before.len() + 1));
            carry = Some(s + before.len() + 2);
        } else {
            out.push((s, e));
        }
    }
    out
}

pub fn split_article(article: &Article) -> Vec<SentenceSpan> {
    let mut spans = Vec::new();
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < article.lines.len() {
        let line = article.lines[i];
        if line.kind == LineKind::Blank {
            i += 1;
            continue;
        }
        // A paragraph: this line and every line its soft breaks run on to.
        let mut last = i;
        while article.lines[last].joins_next && last + 1 < article.lines.len() {
            last += 1;
        }
        let end = article.lines[last].end();
        ranges.clear();
        let first_byte = article.index.byte_of(&article.text, line.start());
        let paragraph = article.slice(line.start(), end);
        if last == i {
            segment_paragraph_with_bytes(paragraph, line.start(), &mut ranges);
        } else {
            // A soft break reads as a space; one byte and one char either
            // way, so every offset stays exact.
            segment_paragraph_with_bytes(&paragraph.replace('\n', " "), line.start(), &mut ranges);
        }
        let mut at_line = i;
        spans.extend(ranges.iter().map(|&(start, end, sb, eb)| {
            while at_line < last && article.lines[at_line].end() < start {
                at_line += 1;
            }
            SentenceSpan {
                start,
                end,
                start_byte: first_byte + sb,
                end_byte: first_byte + eb,
                line: at_line,
            }
        }));
        i = last + 1;
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The trimmed pieces sentencex itself finds.
    fn sentencex_pieces(text: &str) -> Vec<(usize, usize)> {
        let mut pieces = Vec::new();
        let mut pos = 0;
        let english = sentencex::languages::English {};
        for piece in english.segment(text) {
            let lead = piece.len() - piece.trim_start().len();
            if !piece.trim().is_empty() {
                pieces.push((pos + lead, pos + lead + piece.trim().len()));
            }
            pos += piece.len();
        }
        pieces
    }

    /// Pieces of news lines: words, white space, terminators, quotes,
    /// brackets, bullets, dashes, abbreviations and other scripts' stops.
    const PIECES: &[&str] = &[
        "Police", "said", "the", "price", "rose", "Mr.", "U.S.", "3.5", "5 p.m.", " ", " ", "  ",
        "\t", "\u{a0}", ".", "!", "?", "…", "...", ". . .", "“", "”", "‘", "’", "\"", "'", "(",
        ")", "a)", "1)", "•", "- ", "* ", "1.", "—", "–", "é", "Zürich", "€5", "£3", "«", "»", "¿",
        "¡", "。", "।", "\n", ",", ";", ":",
    ];
    const WORDS: &[&str] = &[
        "Police", "said", " ", " the", "rose ", "“", "”", "’s", "—", "5",
    ];

    proptest! {
        /// Wherever the shortcut answers, sentencex agrees: on lines of any
        /// pieces (mostly not one sentence), and on lines of plain words
        /// with one piece of any kind among them and any ending (mostly
        /// one sentence).
        #[test]
        fn a_lone_sentence_is_what_sentencex_finds(text in prop_oneof![
            prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|p| p.concat()),
            (
                prop::collection::vec(prop::sample::select(WORDS), 0..12),
                prop::sample::select(PIECES),
                prop::collection::vec(prop::sample::select(WORDS), 0..12),
                prop::sample::select(vec!["", ".", "!", "?", "...", "…", "!!", "?!", ".”", ". ", "\u{a0}"]),
            ).prop_map(|(a, odd, b, end)| format!("{}{odd}{}{end}", a.concat(), b.concat())),
        ]) {
            if let Some(whole) = lone_sentence(&text) {
                prop_assert_eq!(vec![whole], sentencex_pieces(&text), "{:?}", text);
            }
        }
    }

    #[test]
    fn the_shortcut_takes_plain_lines_and_leaves_the_rest() {
        let one = "  Officials said the “plan” cost €4 million — at least!  ";
        assert_eq!(lone_sentence(one), Some((2, one.trim_end().len())));
        assert_eq!(lone_sentence("Prices rose"), Some((0, 11)));
        for hard in [
            "Mr. Smith left.",
            "He left. She stayed.",
            "“We will win.”",
            "a) first b) second",
            "• one • two",
            "Le prix a augmenté。",
            "   ",
        ] {
            assert_eq!(lone_sentence(hard), None, "{hard}");
        }
    }

    fn split(text: &str) -> Vec<String> {
        let a = Article::from_bytes("t.txt".into(), text.as_bytes());
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
    fn prose_ending_in_a_number_is_not_a_list() {
        assert_eq!(
            split("The rate rose to 5. Then it fell to 3. It stayed."),
            vec!["The rate rose to 5.", "Then it fell to 3.", "It stayed."]
        );
        assert_eq!(
            split("2. The second item 3. The third"),
            vec!["2. The second item", "3. The third"]
        );
    }

    #[test]
    fn sentences_run_across_the_soft_breaks_of_wrapped_text() {
        let text = "Police in Belgium said on Monday they had seized 28 tons of\n\
                    cocaine worth 1.4 billion euros. Officers cracked an encrypted\n\
                    phone network used by criminal gangs across Europe.\n\
                    \n\
                    Photo: Reuters";
        let a = Article::from_bytes("t.txt".into(), text.as_bytes());
        let spans = split_article(&a);
        let got: Vec<&str> = spans.iter().map(|s| a.slice(s.start, s.end)).collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].starts_with("Police") && got[0].ends_with("billion euros."));
        assert!(got[1].starts_with("Officers") && got[1].ends_with("across Europe."));
        assert_eq!(got[2], "Photo: Reuters");
        // Offsets are exact: bytes and chars give the same text.
        for s in &spans {
            assert_eq!(&a.text[s.start_byte..s.end_byte], a.slice(s.start, s.end));
        }
        assert_eq!((spans[0].line, spans[1].line), (0, 1));
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

//! One tokenization of a sentence, read by the quantity, entity and score
//! extractors alike.

use std::borrow::Cow;

#[derive(Debug, Clone)]
pub struct Token<'s> {
    /// The word without surrounding quotes or a final stop.
    pub text: &'s str,
    pub lower: Cow<'s, str>,
    /// Char offsets in the sentence.
    pub start: usize,
    pub end: usize,
    pub start_byte: usize,
    pub end_byte: usize,
    /// The characters just before and after the word (a space at the edges):
    /// they tell a clause end ("Lemont,") or an opening quote.
    pub before: char,
    pub after: char,
}

fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | ')' | '[' | ']' | '“' | '”' | '"' | '—' | '–' | ',' | ';' | ':' | '!' | '?'
        )
}

fn is_edge(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '‘' | '…')
}

pub fn tokenize(sentence: &str) -> Vec<Token<'_>> {
    let bytes = sentence.as_bytes();
    // A comma between digits is a thousands separator, not a break ("1,500").
    let in_number = |b: usize| {
        b > 0 && bytes[b - 1].is_ascii_digit() && bytes.get(b + 1).is_some_and(u8::is_ascii_digit)
    };
    let mut out = Vec::with_capacity(sentence.len() / 5);
    let mut start: Option<(usize, usize)> = None; // (byte, char)
    if sentence.is_ascii() {
        // Most sentences: a byte is a char, and its offset both.
        for (b, &c) in bytes.iter().enumerate() {
            // As `char::is_whitespace`, which counts the vertical tab too.
            let separates = matches!(c, b'\t'..=b'\r' | b' ')
                || matches!(
                    c,
                    b'(' | b')' | b'[' | b']' | b'"' | b',' | b';' | b':' | b'!' | b'?'
                );
            if separates && !(c == b',' && in_number(b)) {
                if let Some((sb, _)) = start.take() {
                    push_ascii(&mut out, sentence, sb, b);
                }
            } else if start.is_none() {
                start = Some((b, b));
            }
        }
        if let Some((sb, _)) = start {
            push_ascii(&mut out, sentence, sb, sentence.len());
        }
        return out;
    }
    for (char_pos, (b, c)) in sentence.char_indices().enumerate() {
        if is_separator(c) && !(c == ',' && in_number(b)) {
            if let Some((sb, sc)) = start.take() {
                push(&mut out, sentence, sb, b, sc);
            }
        } else if start.is_none() {
            start = Some((b, char_pos));
        }
    }
    if let Some((sb, sc)) = start {
        push(&mut out, sentence, sb, sentence.len(), sc);
    }
    out
}

/// `push` for an ASCII sentence: every offset a byte's, every edge a
/// byte ('.' and '\'' are the ASCII edges).
fn push_ascii<'s>(out: &mut Vec<Token<'s>>, sentence: &'s str, sb: usize, eb: usize) {
    let bytes = sentence.as_bytes();
    let mut end = eb;
    while end > sb && matches!(bytes[end - 1], b'.' | b'\'') {
        end -= 1;
    }
    if end == sb {
        end = eb;
    }
    let mut start = sb;
    while start < end && bytes[start] == b'\'' {
        start += 1;
    }
    if start == end {
        return;
    }
    let text = &sentence[start..end];
    let byte_char = |i: usize| bytes.get(i).map_or(' ', |&b| char::from(b));
    out.push(Token {
        text,
        lower: super::lexicon::lower_ascii(text),
        start,
        end,
        start_byte: start,
        end_byte: end,
        before: if start == 0 {
            ' '
        } else {
            byte_char(start - 1)
        },
        after: byte_char(end),
    });
}

fn push<'s>(out: &mut Vec<Token<'s>>, sentence: &'s str, sb: usize, eb: usize, sc: usize) {
    let raw = &sentence[sb..eb];
    let mut trimmed = raw.trim_end_matches(is_edge);
    if trimmed.is_empty() {
        trimmed = raw;
    }
    let trimmed = trimmed.trim_start_matches(['\'', '‘', '’']);
    if trimmed.is_empty() {
        return;
    }
    // `trimmed` is a sub-slice of `raw`: its offset is pointer arithmetic.
    let lead = trimmed.as_ptr() as usize - raw.as_ptr() as usize;
    let start_byte = sb + lead;
    let end_byte = start_byte + trimmed.len();
    let start = sc
        + if lead == 0 {
            0
        } else {
            raw[..lead].chars().count()
        };
    let len = if trimmed.is_ascii() {
        trimmed.len()
    } else {
        trimmed.chars().count()
    };
    out.push(Token {
        text: trimmed,
        lower: super::lexicon::lower(trimmed),
        start,
        end: start + len,
        start_byte,
        end_byte,
        before: sentence[..start_byte].chars().next_back().unwrap_or(' '),
        after: sentence[end_byte..].chars().next().unwrap_or(' '),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn ascii_sentences_split_as_any_other(s in "[a-zA-Z0-9 ,.;:!?()\\[\\]\"'\t\x0b\x0c-]{0,40}") {
            // The same sentence with one char past ASCII takes the general
            // path: the words before it must come out the same.
            let longer = format!("{s} é");
            let general = tokenize(&longer);
            let ascii = tokenize(&s);
            let key = |t: &Token| (t.text.to_string(), t.start, t.end, t.before, t.after);
            let general: Vec<_> = general.iter().map(key).collect();
            let ascii: Vec<_> = ascii.iter().map(key).collect();
            proptest::prop_assert_eq!(general.len(), ascii.len() + 1);
            proptest::prop_assert_eq!(&general[..ascii.len()], &ascii[..]);
        }
    }

    #[test]
    fn words_offsets_and_neighbours() {
        let ts = tokenize("Police seized 1,500 kg, said “Lemont.” in 2021.");
        let words: Vec<&str> = ts.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            vec![
                "Police", "seized", "1,500", "kg", "said", "Lemont", "in", "2021"
            ]
        );
        assert_eq!((ts[2].start, ts[2].end), (14, 19));
        assert_eq!((ts[3].after, ts[5].before, ts[5].after), (',', '“', '.'));
        assert_eq!(ts[0].lower, "police");
        let ts = tokenize("Überall 日本 'quoted'");
        assert_eq!((ts[1].start, ts[1].end, ts[2].text), (8, 10, "quoted"));
    }
}

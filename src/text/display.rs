//! How article text may be shown anywhere (terminal, HTML): control
//! characters and direction overrides become visible placeholders.

use unicode_width::UnicodeWidthChar;

/// How one char of article text is drawn. Every char maps to exactly one glyph
/// so that offsets and screen positions stay in step.
pub fn glyph(c: char) -> char {
    match c {
        '\t' => ' ',
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('�'),
        '\u{7f}' => '␡',
        '\u{80}'..='\u{9f}' => '�',
        // Bidirectional overrides and isolates could reorder what the user sees.
        '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => '⍰',
        _ => c,
    }
}

pub fn glyph_width(c: char) -> usize {
    glyph(c).width().unwrap_or(0)
}

/// Human-readable output for a terminal or a file someone may `cat`: every
/// control character but tab and line breaks becomes its visible
/// placeholder, so no escape sequence from an article, a note or a file
/// name can reach a terminal (an OSC 52 could set the clipboard).
pub fn printable(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            _ => glyph(c),
        })
        .collect()
}

/// Whether `text` holds DEL or a C1 control (U+0080..U+009F, which UTF-8
/// writes as 0xC2 0x80..0x9F). Searched as bytes: `claims --json` passes a
/// hundred megabytes through here on one thread while the other waits, and
/// decoding every char took a twentieth of the command's time.
fn has_del_or_c1(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(0x7f, 0xc2, bytes)
        .any(|i| bytes[i] == 0x7f || bytes.get(i + 1).is_some_and(|b| (0x80..=0x9f).contains(b)))
}

/// JSON text with DEL and the C1 controls escaped too (serde_json escapes
/// only C0). Those chars can stand only inside JSON strings, so replacing
/// them by `\u` escapes keeps the document and its meaning.
pub fn json_controls_escaped(json: &str) -> std::borrow::Cow<'_, str> {
    if !has_del_or_c1(json) {
        // Most output has none: no copy of what may be many megabytes.
        return std::borrow::Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if ('\u{7f}'..='\u{9f}').contains(&c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_output_keeps_layout_and_shows_every_other_control() {
        let s = printable("a\u{1b}]52;c;aGk=\u{7}b\tc\r\nd\u{9b}31m");
        assert_eq!(s, "a␛]52;c;aGk=␇b\tc\r\nd�31m");
        assert!(!s.chars().any(|c| c.is_control() && !"\t\r\n".contains(c)));
    }

    #[test]
    fn del_and_c1_are_found_as_bytes_and_other_two_byte_chars_are_not() {
        for (text, has) in [
            ("plain", false),
            ("caf\u{e9} \u{a3}5\u{a0}", false),
            ("\u{80}", true),
            ("x\u{9f}", true),
            ("x\u{7f}y", true),
            ("\u{a0}\u{9b}", true),
            ("\u{100}\u{7ff}", false),
        ] {
            assert_eq!(has_del_or_c1(text), has, "{text:?}");
            let by_chars = text.chars().any(|c| ('\u{7f}'..='\u{9f}').contains(&c));
            assert_eq!(has_del_or_c1(text), by_chars, "{text:?}");
        }
    }

    #[test]
    fn json_gets_del_and_c1_escaped_and_still_parses_to_the_same() {
        let raw = serde_json::to_string(&"x\u{1b}[31m\u{7f}\u{9b}y").unwrap();
        let safe = json_controls_escaped(&raw);
        assert!(!safe.chars().any(char::is_control), "{safe}");
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "x\u{1b}[31m\u{7f}\u{9b}y");
    }
}

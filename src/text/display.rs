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

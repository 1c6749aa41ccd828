//! Whether a sentence quotes someone: quotation marks, not apostrophes.

/// Quotation marks, not apostrophes: a double quote, or a single quote that
/// opens a word after a space and is closed after a later word. Contractions
/// ("don't", "it's") never count.
pub(super) fn has_quotation(sentence: &str) -> bool {
    // One char at a time is a search of its own: each mark alone is a
    // byte search (`contains` of a set of chars decoded every char, and was
    // a twentieth of `claims`' work).
    let any = |marks: &[char]| marks.iter().any(|&m| sentence.contains(m));
    let ascii = sentence.is_ascii();
    if sentence.contains('"') || (!ascii && any(&['“', '”', '«', '»'])) {
        return true;
    }
    if !sentence.contains('\'') && (ascii || !any(&['‘', '’'])) {
        return false;
    }
    let mut open = false;
    let mut before = ' ';
    let mut chars = sentence.chars().peekable();
    while let Some(c) = chars.next() {
        let after = chars.peek().copied().unwrap_or(' ');
        if matches!(c, '\'' | '‘')
            && (before.is_whitespace() || before == '(')
            && after.is_alphanumeric()
        {
            open = true;
        } else if open
            && matches!(c, '\'' | '’')
            && (before.is_alphanumeric() || matches!(before, '.' | ',' | '!' | '?'))
            && !after.is_alphanumeric()
        {
            return true;
        }
        before = c;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `has_quotation` as it was, one char at a time throughout.
    fn has_quotation_by_chars(sentence: &str) -> bool {
        if sentence.contains(['“', '”', '"', '«', '»']) {
            return true;
        }
        let mut open = false;
        let mut before = ' ';
        let mut chars = sentence.chars().peekable();
        while let Some(c) = chars.next() {
            let after = chars.peek().copied().unwrap_or(' ');
            if matches!(c, '\'' | '‘')
                && (before.is_whitespace() || before == '(')
                && after.is_alphanumeric()
            {
                open = true;
            } else if open
                && matches!(c, '\'' | '’')
                && (before.is_alphanumeric() || matches!(before, '.' | ',' | '!' | '?'))
                && !after.is_alphanumeric()
            {
                return true;
            }
            before = c;
        }
        false
    }

    proptest::proptest! {
        #[test]
        fn quotations_are_found_as_by_reading_each_char(s in "[a-z .,!?(]{0,6}([\"“”«»'‘’][a-z .,!?(é]{0,5}){0,4}") {
            proptest::prop_assert_eq!(has_quotation(&s), has_quotation_by_chars(&s));
        }
    }
}

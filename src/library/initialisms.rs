//! Names and their initialisms: a tweet's "NRA" or "@AOC" is the
//! "National Rifle Association" or "Alexandria Ocasio-Cortez" a fact-check
//! names, and a sentence's "Customs and Border Protection" is a claim's
//! "CBP". The library teaches which name each initialism stands for.

use crate::text::tokens::Token;

/// Small words a name's initialism skips ("Customs and Border
/// Protection": "CBP"); inside a name only, never at its ends.
const JOINERS: [&str; 5] = ["of", "and", "for", "the", "&"];

/// The most capitals an initialism is read from.
const LONGEST: usize = 6;

/// A word that starts with a capital and is not itself an initialism
/// ("Ocasio-Cortez", "J", not "FBI"): letters and hyphens only.
fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    let starts_capital = chars.next().is_some_and(char::is_uppercase);
    let letters = word.chars().all(|c| c.is_alphabetic() || c == '-');
    let all_capitals = word.chars().filter(|c| c.is_alphabetic()).count() > 1
        && word.chars().all(|c| !c.is_lowercase());
    starts_capital && letters && !all_capitals && !word.ends_with('-')
}

/// Sentence-initial words that begin a run of capitals without being part
/// of the name ("The National Rifle Association").
fn is_leading_article(word: &str) -> bool {
    matches!(
        word,
        "The" | "A" | "An" | "In" | "On" | "At" | "By" | "For" | "From"
    )
}

/// Each name of two capitals or more in `tokens`, as its initialism (lower
/// case: "nra") and its words, hyphenated parts apart ("Ocasio", "Cortez").
pub(super) fn initialisms<'s>(tokens: &[Token<'s>]) -> Vec<(String, Vec<&'s str>)> {
    let mut out = Vec::new();
    if is_title_case(tokens) {
        return out;
    }
    let mut i = 0;
    while i < tokens.len() {
        if !is_name_word(tokens[i].text) || is_leading_article(tokens[i].text) {
            i += 1;
            continue;
        }
        // The run: name words, one joiner between two of them at most; a
        // comma or other stop after a word ends it.
        let mut end = i + 1;
        while end < tokens.len() && tokens[end - 1].after == ' ' {
            let word = tokens[end].text;
            if is_name_word(word) {
                end += 1;
            } else if JOINERS.contains(&word)
                && tokens[end].after == ' '
                && tokens.get(end + 1).is_some_and(|t| is_name_word(t.text))
            {
                end += 2;
            } else {
                break;
            }
        }
        push_name(&mut out, &tokens[i..end]);
        // A sentence's first word has its capital whether or not it is
        // part of the name ("Agents of Customs and Border Protection"):
        // the name without it too.
        let starts_sentence = i == 0 || matches!(tokens[i - 1].after, '.' | '!' | '?' | ':');
        if starts_sentence && end - i >= 3 {
            let mut from = i + 1;
            while from < end && JOINERS.contains(&tokens[from].text) {
                from += 1;
            }
            push_name(&mut out, &tokens[from..end]);
        }
        i = end;
    }
    out
}

/// Whether every longer word of a text starts with a capital, as in a
/// headline ("Google Defines 'Parasite' as 'Capitalist'"): its runs of
/// capitals are not names.
fn is_title_case(tokens: &[Token]) -> bool {
    let mut longer = tokens
        .iter()
        .filter(|t| t.text.chars().count() >= 4)
        .map(|t| t.text.chars().next().is_some_and(char::is_lowercase));
    longer.clone().count() >= 3 && !longer.any(|small| small)
}

/// The name `run` gives, as its initialism and words, when it has two to
/// `LONGEST` of them.
fn push_name<'s>(out: &mut Vec<(String, Vec<&'s str>)>, run: &[Token<'s>]) {
    let mut letters = String::new();
    let mut words = Vec::new();
    for t in run {
        if JOINERS.contains(&t.text) {
            continue;
        }
        for part in t.text.split('-').filter(|p| !p.is_empty()) {
            if let Some(first) = part.chars().next().filter(|c| c.is_uppercase()) {
                letters.extend(first.to_lowercase());
                words.push(part);
            }
        }
    }
    if (2..=LONGEST).contains(&words.len()) {
        out.push((letters, words));
    }
}

/// Whether a word is written as an initialism that can stand for a name:
/// three to six capitals (two, "FC" or "AP", stand for too many).
pub(super) fn is_initialism(word: &str) -> bool {
    (3..=LONGEST).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether a text is shouted: most of its words in capitals ("DONALD
/// TRUMP WE LOVE YOU"), so that a word in capitals is no initialism.
pub(super) fn is_shouted(tokens: &[Token]) -> bool {
    let words = || {
        tokens
            .iter()
            .filter(|t| t.text.chars().count() >= 2 && t.text.chars().all(char::is_alphabetic))
    };
    let capitals = words()
        .filter(|t| t.text.chars().all(char::is_uppercase))
        .count();
    capitals * 2 > words().count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn names(text: &str) -> Vec<(String, Vec<String>)> {
        initialisms(&tokenize(text))
            .into_iter()
            .map(|(l, w)| (l, w.into_iter().map(str::to_string).collect()))
            .collect()
    }

    fn one(letters: &str, words: &[&str]) -> (String, Vec<String>) {
        (
            letters.to_string(),
            words.iter().map(|w| w.to_string()).collect(),
        )
    }

    #[test]
    fn a_name_gives_its_capitals() {
        assert_eq!(
            names("The National Rifle Association supported the bill."),
            vec![one("nra", &["National", "Rifle", "Association"])]
        );
        assert_eq!(
            names("Agents of Customs and Border Protection, in Texas, said so."),
            // The first word may or may not be the name's; "Texas" alone
            // is no initialism.
            vec![
                one("acbp", &["Agents", "Customs", "Border", "Protection"]),
                one("cbp", &["Customs", "Border", "Protection"]),
            ]
        );
        assert_eq!(
            names("A photograph shows Alexandria Ocasio-Cortez crying."),
            vec![one("aoc", &["Alexandria", "Ocasio", "Cortez"])]
        );
        // An initialism breaks a name; a stop ends one; a joiner at the end
        // is not in it.
        assert_eq!(
            names("FBI Director Christopher Wray spoke."),
            vec![one("dcw", &["Director", "Christopher", "Wray"])]
        );
        assert_eq!(names("Paris, France and the rest."), vec![]);
        assert_eq!(names("no names here at all"), vec![]);
        assert_eq!(
            names("Google Defines Parasite as Capitalist in Its Dictionary"),
            vec![],
            "a headline's capitals are not names"
        );
    }

    #[test]
    fn initialisms_are_two_to_six_capitals() {
        assert!(is_initialism("NRA") && is_initialism("AOC"));
        assert!(!is_initialism("US") && !is_initialism("Nra") && !is_initialism("ABCDEFG"));
        assert!(is_shouted(&tokenize(
            "DONALD TRUMP WE LOVE YOU, London says"
        )));
        assert!(!is_shouted(&tokenize("With NRA approval, the bill passed")));
    }
}

//! Names and their initialisms: a tweet's "NRA" or "@AOC" is the
//! "National Rifle Association" or "Alexandria Ocasio-Cortez" a fact-check
//! names, and a sentence's "Customs and Border Protection" is a claim's
//! "CBP". The library teaches which name each initialism stands for.

use super::described::{Acronyms, Initialisms};
use crate::text::tokens::Token;

/// Small words a name's initialism skips ("Customs and Border
/// Protection": "CBP"); inside a name only, never at its ends.
const JOINERS: [&str; 5] = ["of", "and", "for", "the", "&"];

/// The fewest and most capitals an initialism is read from: two ("DT",
/// "FC") stand for too many names to tell one.
const SHORTEST: usize = 3;
const LONGEST: usize = 6;

/// A word that starts with a capital and is not itself an initialism
/// ("Ocasio-Cortez", "J", not "FBI"): letters and hyphens only.
fn is_name_word(word: &str) -> bool {
    // Most words: ASCII, read by the byte (this runs on every word of every
    // claim and sentence matched).
    let [first, rest @ ..] = word.as_bytes() else {
        return false;
    };
    if first.is_ascii_lowercase() || first.is_ascii_digit() {
        return false;
    }
    if word.is_ascii() {
        return first.is_ascii_uppercase()
            && rest.iter().all(|b| b.is_ascii_alphabetic() || *b == b'-')
            && (rest.is_empty() || rest.iter().any(u8::is_ascii_lowercase))
            && rest.last() != Some(&b'-');
    }
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

/// Each name of `SHORTEST` to `LONGEST` capitals in `tokens`, handed to `each` as its
/// initialism (lower case: "nra") and the run of tokens that gives it,
/// whose words `name_parts` tells ("Ocasio", "Cortez"). It allocates
/// nothing: it runs on every claim of the library and every sentence
/// matched.
pub(super) fn each_initialism<'s>(tokens: &[Token<'s>], each: &mut dyn FnMut(&str, &[Token<'s>])) {
    each_name(tokens, &mut |run| {
        let mut letters = [0u8; 4 * LONGEST];
        let (mut len, mut count) = (0, 0);
        for part in name_parts(run) {
            count += 1;
            if count > LONGEST {
                return;
            }
            for small in part.chars().next().into_iter().flat_map(char::to_lowercase) {
                len += small.encode_utf8(&mut letters[len..]).len();
                if len + 4 > letters.len() {
                    return;
                }
            }
        }
        if count >= SHORTEST
            && let Ok(letters) = std::str::from_utf8(&letters[..len])
        {
            each(letters, run);
        }
    });
}

/// A name's words that give its initialism: each capitalised part of each
/// word but the joiners.
pub(super) fn name_parts<'r, 's: 'r>(run: &'r [Token<'s>]) -> impl Iterator<Item = &'s str> + 'r {
    run.iter()
        .filter(|t| !JOINERS.contains(&t.text))
        .flat_map(|t| t.text.split('-'))
        .filter(|part| part.chars().next().is_some_and(char::is_uppercase))
}

/// Each run of `tokens` that gives a name, to `each`.
fn each_name<'s>(tokens: &[Token<'s>], each: &mut dyn FnMut(&[Token<'s>])) {
    if is_title_case(tokens) {
        return;
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
        each(&tokens[i..end]);
        // A sentence's first word has its capital whether or not it is
        // part of the name ("Agents of Customs and Border Protection"):
        // the name without it too.
        let starts_sentence = i == 0 || matches!(tokens[i - 1].after, '.' | '!' | '?' | ':');
        if starts_sentence && end - i >= 3 {
            let mut from = i + 1;
            while from < end && JOINERS.contains(&tokens[from].text) {
                from += 1;
            }
            each(&tokens[from..end]);
        }
        i = end;
    }
}

/// Whether every longer word of a text starts with a capital, as in a
/// headline ("Google Defines 'Parasite' as 'Capitalist'"): its runs of
/// capitals are not names.
fn is_title_case(tokens: &[Token]) -> bool {
    let mut capitalised = 0;
    for t in tokens {
        if t.text.len() >= 4 && t.text.chars().nth(3).is_some() {
            if t.text.chars().next().is_some_and(char::is_lowercase) {
                // Most texts: a small word soon.
                return false;
            }
            capitalised += 1;
        }
    }
    capitalised >= 3
}

/// Whether a word is written as an initialism that can stand for a name:
/// three to six capitals.
pub(super) fn is_initialism(word: &str) -> bool {
    (SHORTEST..=LONGEST).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether a text is shouted: most of its words in capitals ("DONALD
/// TRUMP WE LOVE YOU"), so that a word in capitals is no initialism.
pub(super) fn is_shouted(tokens: &[Token]) -> bool {
    let words = || {
        tokens
            .iter()
            .filter(|t| t.text.chars().nth(1).is_some() && t.text.chars().all(char::is_alphabetic))
    };
    let capitals = words()
        .filter(|t| t.text.chars().all(char::is_uppercase))
        .count();
    capitals * 2 > words().count()
}

/// The name each initialism stands for in the claims: the one most of the claims' names with those
/// capitals give, if one is; none when they disagree ("AP": "Associated
/// Press" as often as "Advanced Placement").
pub(super) fn acronyms_of(initialisms: Vec<Initialisms>) -> Acronyms {
    // Sorted, each initialism's names side by side and each name's
    // mentions together: counted in one pass, without a map per initialism.
    let mut all: Vec<(u64, Vec<u64>)> = initialisms
        .into_iter()
        .flatten()
        .filter(|(key, words)| words.len() >= 2 && !words.contains(key))
        .collect();
    all.sort_unstable();
    let mut acronyms = Acronyms::default();
    for names in all.chunk_by(|a, b| a.0 == b.0) {
        let mut best: (&[u64], usize) = (&[], 0);
        for same in names.chunk_by(|a, b| a.1 == b.1) {
            if same.len() > best.1 {
                best = (&same[0].1, same.len());
            }
        }
        if best.1 * 2 > names.len() {
            acronyms.insert(names[0].0, best.0.into());
        }
    }
    acronyms
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn names(text: &str) -> Vec<(String, Vec<String>)> {
        let mut found = Vec::new();
        each_initialism(&tokenize(text), &mut |letters, run| {
            let words = name_parts(run).map(str::to_string).collect();
            found.push((letters.to_string(), words));
        });
        found
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
    fn an_initialism_stands_for_the_name_most_claims_give_it() {
        let (nra, ap) = (1u64, 2u64);
        let rifle = vec![10, 11, 12];
        let (press, placement) = (vec![20, 21], vec![22, 23]);
        let claims = vec![
            vec![(nra, rifle.clone()), (ap, press.clone())],
            vec![(nra, rifle.clone()), (ap, placement.clone())],
            vec![(nra, vec![30, 31])],
            // A one-word "name", or one that holds its own initialism.
            vec![(3, vec![40]), (4, vec![4, 41])],
        ];
        let acronyms = acronyms_of(claims);
        assert_eq!(acronyms.get(&nra).map(|w| w.to_vec()), Some(rifle));
        assert!(!acronyms.contains_key(&ap), "as many claims say each name");
        assert_eq!(acronyms.len(), 1);
    }

    #[test]
    fn initialisms_are_three_to_six_capitals() {
        assert!(is_initialism("NRA") && is_initialism("AOC"));
        assert!(!is_initialism("US") && !is_initialism("Nra") && !is_initialism("ABCDEFG"));
        assert!(is_shouted(&tokenize(
            "DONALD TRUMP WE LOVE YOU, London says"
        )));
        assert!(!is_shouted(&tokenize("With NRA approval, the bill passed")));
    }
}

//! What matching keeps of a text: its content words' stems (a hashtag or
//! handle as the words it runs together), names and figures.

use super::initialisms::{each_initialism, is_initialism, is_shouted, name_parts};
use super::spelling::{country_of_demonym, singular_of_irregular, undotted};
use crate::text::lexicon::{LINK_STOP, MONTHS, WEEKDAYS, WordSet};
use crate::text::tokens::{Token, tokenize};
use crate::text::{entities, quantity};
use std::collections::HashMap;

/// What matching keeps of a claim: its stems, names and figures.
#[derive(Debug, Clone, Default)]
pub(super) struct Described {
    /// Stem keys with their counts.
    pub(super) stems: Vec<(u64, u16)>,
    pub(super) len: usize,
    pub(super) names: Vec<String>,
    pub(super) figures: Vec<(quantity::UnitClass, f64)>,
}

/// The initialisms of the names a text gives ("nra"), by stem key, with
/// their words' stem keys.
pub(super) type Initialisms = Vec<(u64, Vec<u64>)>;

/// What each initialism the library knows stands for: its words' stem keys.
pub(super) type Acronyms = rustc_hash::FxHashMap<u64, Box<[u64]>>;

/// The stem key a word counts by, if it is a content word.
fn word_key(word: &str, lower: &str) -> Option<u64> {
    let dotted = undotted(word);
    let (word, lower) = match &dotted {
        Some((w, l)) => (w.as_str(), l.as_str()),
        None => (word, lower),
    };
    let lower = crate::text::lexicon::strip_possessive(lower);
    if !is_content(crate::text::lexicon::strip_possessive(word), lower) {
        return None;
    }
    let lower = singular_of_irregular(lower).unwrap_or(lower);
    // A demonym has its capital ("Polish", not "polish").
    let lower = if word.starts_with(|c: char| c.is_uppercase()) {
        country_of_demonym(lower).unwrap_or(lower)
    } else {
        lower
    };
    Some(crate::text::events::with_stem(
        lower,
        crate::links::stem_key,
    ))
}

/// Three-letter function words (longer ones are in `LINK_STOP`): the
/// three-letter words of Snowball's English stop list, and a few more as
/// common and as empty.
static SHORT_STOP: WordSet = WordSet::new(&[
    "all", "and", "any", "are", "but", "can", "did", "few", "for", "get", "got", "had", "has",
    "her", "him", "his", "how", "its", "let", "may", "nor", "not", "now", "off", "one", "our",
    "out", "own", "per", "say", "see", "she", "the", "too", "two", "via", "was", "way", "who",
    "why", "yet", "you",
]);

/// The words a hashtag or handle runs together, by their capitals and
/// digits: "#FyreFestival" is "Fyre Festival", "@realDonaldTrump" "real
/// Donald Trump". None for other words, left whole ("McDonald", "iPhone").
fn tag_words(word: &str) -> Option<Vec<&str>> {
    let rest = word.strip_prefix('#').or_else(|| word.strip_prefix('@'))?;
    let mut words = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = rest.char_indices().collect();
    for (k, w) in chars.windows(2).enumerate() {
        let ((_, a), (i, b)) = (w[0], w[1]);
        // A capital after a small letter starts a word; so does the last
        // capital of a run before a small letter ("CBCNews": "CBC", "News").
        let next_is_small = chars.get(k + 2).is_some_and(|(_, c)| c.is_lowercase());
        let boundary = (a.is_lowercase() && b.is_uppercase())
            || (a.is_uppercase() && b.is_uppercase() && next_is_small)
            || (a.is_alphabetic() != b.is_alphabetic())
            || b == '_';
        if boundary {
            words.push(&rest[start..i]);
            start = i;
        }
    }
    words.push(&rest[start..]);
    Some(
        words
            .into_iter()
            .map(|w| w.trim_matches('_'))
            .filter(|w| !w.is_empty())
            .collect(),
    )
}

/// Whether a word says what a claim is about: three letters or more and not
/// a function word, or an acronym ("ECC", "NHS"). Months and days are left
/// to the figures (dates).
fn is_content(word: &str, lower: &str) -> bool {
    if !word.chars().all(char::is_alphabetic) {
        return false;
    }
    let acronym = word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
    let letters = lower.chars().count();
    let content = (letters >= 4 && !LINK_STOP.contains(lower))
        || (letters == 3 && !SHORT_STOP.contains(lower));
    (content || acronym) && !MONTHS.contains(&lower) && !WEEKDAYS.contains(&lower)
}

/// Two-letter words a run-together tag can hold ("#beautyinbloom"): they
/// split it and are dropped, as function words are.
static TWO_LETTER: WordSet = WordSet::new(&[
    "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no",
    "of", "on", "or", "so", "to", "up", "us", "we",
]);

/// The longest tag split, and the longest word taken from one.
const LONGEST_TAG: usize = 30;
const LONGEST_PART: usize = 15;

/// The words a lower-case tag runs together ("#capetownstorm": "cape town
/// storm"), as the fewest words the library has (`known`, by stem key), each
/// of three letters or more, or a function word; None when the tag is
/// itself a word the library has, or cannot be split so.
fn split_run_together<'a>(lower: &'a str, known: &dyn Fn(u64) -> bool) -> Option<Vec<&'a str>> {
    let n = lower.len();
    // Bounded so that a text of long made-up tags costs little: each end
    // tries at most `LONGEST_PART` starts.
    if !(6..=LONGEST_TAG).contains(&n) || !lower.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let is_known = |w: &str| known(crate::text::events::with_stem(w, crate::links::stem_key));
    if is_known(lower) {
        return None;
    }
    let function = |w: &str| {
        TWO_LETTER.contains(w)
            || (w.len() == 3 && SHORT_STOP.contains(w))
            || (w.len() > 3 && LINK_STOP.contains(w))
    };
    // best[i]: the fewest words `lower[..i]` splits into, and where the last starts.
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for end in 2..=n {
        for start in end.saturating_sub(LONGEST_PART)..=end - 2 {
            let Some((count, _)) = best[start] else {
                continue;
            };
            let word = &lower[start..end];
            let fits =
                function(word) || (word.len() >= 3 && is_content(word, word) && is_known(word));
            if fits && best[end].is_none_or(|(c, _)| count + 1 < c) {
                best[end] = Some((count + 1, start));
            }
        }
    }
    let (count, _) = best[n]?;
    if count < 2 {
        return None;
    }
    let mut words = Vec::with_capacity(count);
    let mut end = n;
    while end > 0 {
        let (_, start) = best[end]?;
        words.push(&lower[start..end]);
        end = start;
    }
    words.reverse();
    Some(words)
}

pub(super) fn describe(text: &str) -> Described {
    describe_with(text, &|_| false, None).0
}

/// `describe` with lower-case tags split into the words of the library
/// (`known`, by stem key) they run together. A sentence matched is given
/// the library's `acronyms`: each initialism it writes also says the words
/// it stands for, and each name its initialism when the library has it. A
/// library claim (no `acronyms`) returns its names' initialisms, from
/// which the library learns `acronyms`.
pub(super) fn describe_with(
    text: &str,
    known: &dyn Fn(u64) -> bool,
    acronyms: Option<&Acronyms>,
) -> (Described, Initialisms) {
    let tokens = tokenize(text);
    let mut counts: HashMap<u64, u16> = HashMap::new();
    let mut len = 0;
    // Words written as initialisms ("NRA", "@AOC"), by stem key.
    let mut written_initialisms: Vec<u64> = Vec::new();
    // Each word of the text's own tokens (by where it starts) with its key,
    // so that a name's words are not keyed twice.
    let mut keyed: Vec<(usize, Option<u64>)> = Vec::new();
    let library = acronyms.is_none();
    let mut add = |word: &str, lower: &str| {
        let key = word_key(word, lower);
        if library {
            keyed.push((word.as_ptr() as usize, key));
        }
        if let Some(key) = key {
            *counts.entry(key).or_default() += 1;
            len += 1;
            if is_initialism(word) {
                written_initialisms.push(key);
            }
        }
    };
    for t in &tokens {
        match tag_words(t.text) {
            Some(words) => {
                let whole = words.len() == 1;
                for word in words {
                    let lower = crate::text::lexicon::lower(word);
                    // Capitals inside a tag mark its words
                    // ("@TuckerCarlson": "Carlson" is a word, not "carl
                    // son"); a tag with none ("#capetownstorm",
                    // "#Fyrefestival") marks none.
                    let unmarked = whole && word.chars().skip(1).all(|c| !c.is_uppercase());
                    let split = if unmarked {
                        split_run_together(&lower, known)
                    } else {
                        None
                    };
                    match split {
                        Some(parts) => {
                            for part in parts {
                                add(part, part);
                            }
                        }
                        None => add(word, &lower),
                    }
                }
            }
            // A compound's parts are its words ("legally-hunted",
            // "Ocasio-Cortez", "anti-Trump"): whole, it is no word.
            None if t.text.contains('-') => {
                for (part, lower) in t.text.split('-').zip(t.lower.split('-')) {
                    add(part, lower);
                }
            }
            None => add(t.text, &t.lower),
        }
    }
    if !written_initialisms.is_empty() && is_shouted(&tokens) {
        written_initialisms.clear();
    }
    let letters_key =
        |letters: &str| crate::text::events::with_stem(letters, crate::links::stem_key);
    let Some(acronyms) = acronyms else {
        // The library's claims: each name's initialism with its words.
        let mut initialisms = Vec::new();
        each_initialism(&tokens, &mut |letters, run| {
            let words = name_parts(run)
                .filter_map(|w| {
                    let at = w.as_ptr() as usize;
                    match keyed.iter().find(|(start, _)| *start == at) {
                        Some(&(_, key)) => key,
                        None => word_key(w, &crate::text::lexicon::lower(w)),
                    }
                })
                .collect();
            initialisms.push((letters_key(letters), words));
        });
        return (finish(text, &tokens, counts, len), initialisms);
    };
    // A sentence matched: an initialism says the name it stands for
    // ("NRA": "National Rifle Association"); a name says its initialism
    // when the library writes claims with it.
    for key in &written_initialisms {
        for &word in acronyms.get(key).into_iter().flatten() {
            *counts.entry(word).or_default() += 1;
            len += 1;
        }
    }
    each_initialism(&tokens, &mut |letters, _| {
        let key = letters_key(letters);
        if known(key) && !written_initialisms.contains(&key) {
            *counts.entry(key).or_default() += 1;
            len += 1;
        }
    });
    (finish(text, &tokens, counts, len), Vec::new())
}

/// The described text, its words counted.
fn finish(text: &str, tokens: &[Token], counts: HashMap<u64, u16>, len: usize) -> Described {
    let mut stems: Vec<(u64, u16)> = counts.into_iter().collect();
    stems.sort_unstable();
    let names = entities::name_keys(&entities::extract_from(tokens));
    let figures = quantity::extract_from(text, tokens)
        .into_iter()
        .filter(|q| q.unit != quantity::UnitClass::Date && !is_vague_or_ordinal(q))
        .map(|q| (q.unit, q.value))
        .collect();
    Described {
        stems,
        len,
        names,
        figures,
    }
}

/// "Hundreds of people" and "the 37th president" give no figure to agree
/// or differ on: the first is a range of a thousand, the second a rank.
fn is_vague_or_ordinal(q: &quantity::Quantity) -> bool {
    let first = q.surface.split_whitespace().next().unwrap_or("");
    let ordinal = first.starts_with(|c: char| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|end| first.to_ascii_lowercase().ends_with(end));
    let vague = q.value_to.is_some() && !q.surface.chars().any(|c| c.is_ascii_digit());
    ordinal || vague
}
#[cfg(test)]
mod tests {
    use super::{split_run_together, word_key};

    #[test]
    fn a_word_is_keyed_as_it_is_spelled_most_often() {
        assert_eq!(word_key("Syrian", "syrian"), word_key("Syria", "syria"));
        assert_eq!(word_key("U.S", "u.s"), word_key("US", "us"));
        assert_eq!(word_key("knives", "knives"), word_key("knife", "knife"));
        assert_eq!(
            word_key("Mexicans", "mexicans"),
            word_key("Mexico", "mexico")
        );
        assert_ne!(word_key("polish", "polish"), word_key("Poland", "poland"));
    }

    fn split(tag: &str, words: &[&str]) -> Option<Vec<String>> {
        let known: Vec<u64> = words
            .iter()
            .map(|w| crate::text::events::with_stem(w, crate::links::stem_key))
            .collect();
        split_run_together(tag, &|k| known.contains(&k))
            .map(|v| v.into_iter().map(str::to_string).collect())
    }

    #[test]
    fn a_run_together_tag_splits_into_the_fewest_known_words() {
        let town = ["cape", "town", "storm", "capetown"];
        assert_eq!(
            split("capetownstorm", &town),
            Some(vec!["capetown".into(), "storm".into()])
        );
        assert_eq!(
            split("thisisamerica", &["america"]),
            Some(vec!["this".into(), "is".into(), "america".into()])
        );
        // Known as a whole, too short, not all small letters, or a part the
        // library lacks: left whole.
        assert_eq!(split("tornado", &["torn", "ado", "tornado"]), None);
        assert_eq!(split("redcar", &["red"]), None);
        assert_eq!(split("fakenews", &[]), None);
        assert_eq!(split("fake2news", &["fake", "news"]), None);
        assert_eq!(
            split("redwave", &["red", "wave"]),
            Some(vec!["red".into(), "wave".into()])
        );
        // A made-up tag longer than any a person types is left whole.
        assert_eq!(split(&"redwave".repeat(5), &["red", "wave"]), None);
    }
}

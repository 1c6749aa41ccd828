//! Named things in a sentence: runs of capitalised words and acronyms, with a
//! kind guessed from the words themselves.

use super::lexicon::WordSet;
use super::tokens::Token;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A named operation: "Operation Venetic", codenamed "Lemont".
    Operation,
    Organisation,
    Place,
    Person,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    pub text: String,
    pub kind: EntityKind,
}

impl Entity {
    /// The form used to compare entities across articles: lower case, without
    /// a possessive and with "the" dropped.
    pub fn key(&self) -> String {
        let t = self
            .text
            .strip_suffix("’s")
            .or_else(|| self.text.strip_suffix("'s"))
            .unwrap_or(&self.text)
            .trim_end_matches(['’', '\'']);
        let t = t
            .strip_prefix("the ")
            .or_else(|| t.strip_prefix("The "))
            .unwrap_or(t);
        t.to_lowercase()
    }
}

/// Capitalised words that start clauses rather than name something.
pub static NOT_NAMES: WordSet = WordSet::new(&[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "I",
    // "while I'm the president": the speaker, not a name.
    "I'm",
    "I’m",
    "I've",
    "I’ve",
    "I'd",
    "I’d",
    "I'll",
    "I’ll",
    "We",
    "He",
    "She",
    "They",
    "In",
    "On",
    "At",
    "After",
    "Before",
    "During",
    "Among",
    "Altogether",
    "Despite",
    "Last",
    "Earlier",
    "Meanwhile",
    "But",
    "And",
    "Or",
    "So",
    "Under",
    "Some",
    "Several",
    "When",
    "While",
    "Since",
    "Phones",
    "Police",
    "Prosecutors",
    "Law",
    "According",
    "Subsequently",
    "Also",
    "Its",
    "Their",
    "His",
    "Her",
    "There",
    "What",
    "With",
    "For",
    "From",
    "Among",
    "If",
    "As",
    "By",
    "Of",
    "To",
    "Over",
    "More",
    "Most",
    "Many",
    "News",
    "Record",
]);
/// Titles written short before a name ("Mr. Ford", "Sen. John Smith"): the
/// name is the words after, a person's; the title is none.
static HONORIFICS: WordSet = WordSet::new(&[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Rev",
]);

static MONTHS_AND_DAYS: WordSet = WordSet::new(&[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
]);
static ORG_WORDS: WordSet = WordSet::new(&[
    "police",
    "agency",
    "agencies",
    "ministry",
    "office",
    "court",
    "government",
    "council",
    "commission",
    "europol",
    "interpol",
    "prosecutor",
    "prosecutors",
    "service",
    "services",
    "department",
    "bank",
    "union",
    "network",
    "company",
    "group",
    "authority",
    "authorities",
    "parliament",
    "army",
    "force",
    "forces",
    "federal",
    "national",
    "international",
    "university",
    "times",
    "news",
    "cnn",
    "bbc",
    "reuters",
    "afp",
]);
/// Places named in news often enough to tell them from people.
static PLACES: WordSet = WordSet::new(&[
    "belgium",
    "antwerp",
    "brussels",
    "netherlands",
    "holland",
    "rotterdam",
    "amsterdam",
    "the hague",
    "france",
    "paris",
    "germany",
    "berlin",
    "europe",
    "uk",
    "britain",
    "united kingdom",
    "england",
    "london",
    "ireland",
    "spain",
    "italy",
    "canada",
    "us",
    "u.s.",
    "usa",
    "united states",
    "america",
    "south america",
    "western europe",
    "china",
    "russia",
    "ukraine",
    "iran",
    "israel",
    "india",
    "japan",
    "brazil",
    "colombia",
    "ecuador",
    "mexico",
    "port of antwerp",
    "luxembourg",
    "switzerland",
    "austria",
    "poland",
    "portugal",
    "sweden",
    "norway",
    "denmark",
    "finland",
    "greece",
    "turkey",
]);

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(w: &str) -> bool {
    let w = super::lexicon::strip_possessive(w);
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// The kind of the name made of the tokens `words`, `prev` being the lower
/// case of the word before it. The words' lower case is their tokens'.
fn kind_of(words: &[Token], prev: Option<&str>) -> EntityKind {
    if prev.is_some_and(|p| HONORIFICS.words().iter().any(|h| h.eq_ignore_ascii_case(p))) {
        return EntityKind::Person;
    }
    if words.first().is_some_and(|w| w.text == "Operation")
        || prev.is_some_and(|p| matches!(p, "codenamed" | "code-named" | "operation"))
    {
        return EntityKind::Operation;
    }
    let lower: std::borrow::Cow<str> = match words {
        [one] => std::borrow::Cow::Borrowed(one.lower.as_ref()),
        _ => {
            let mut joined = String::with_capacity(words.iter().map(|w| w.lower.len() + 1).sum());
            for (k, w) in words.iter().enumerate() {
                if k > 0 {
                    joined.push(' ');
                }
                joined.push_str(&w.lower);
            }
            joined.into()
        }
    };
    if PLACES.contains(super::lexicon::strip_possessive(&lower)) {
        return EntityKind::Place;
    }
    if words
        .iter()
        .any(|w| ORG_WORDS.contains(super::lexicon::strip_possessive(&w.lower)))
        || words.iter().any(|w| is_acronym(w.text))
    {
        return EntityKind::Organisation;
    }
    if (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| is_capitalised(w.text) && !is_acronym(w.text))
    {
        return EntityKind::Person;
    }
    EntityKind::Other
}

/// Named things in order of appearance, each once.
pub fn extract(sentence: &str) -> Vec<Entity> {
    extract_from(&super::tokens::tokenize(sentence))
}

/// A word followed by this ends a clause, and so a name.
fn ends_clause(t: &Token) -> bool {
    matches!(t.after, ',' | '.' | ';' | ':' | ')' | '”' | '"')
}

const FUNCTION_WORDS: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "And", "But", "Or", "To", "For", "From", "By", "As", "If",
    "With", "It", "I", "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "I'll", "I’ll",
];

/// Named things of an already tokenized sentence.
/// The keys of names long enough to tie two texts together, sorted, once each.
pub fn name_keys<'a>(entities: impl IntoIterator<Item = &'a Entity>) -> Vec<String> {
    let mut names: Vec<String> = entities
        .into_iter()
        .map(Entity::key)
        .filter(|k| k.chars().count() >= 3)
        .collect();
    names.sort();
    names.dedup();
    names
}

pub fn extract_from(ts: &[Token]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut i = 0;
    while i < ts.len() {
        let w = ts[i].text;
        if !is_capitalised(w) || !w.chars().any(char::is_alphabetic) {
            i += 1;
            continue;
        }
        // After a title's stop ("Mr. Ford") a name goes on; after a dash
        // ("-- Well, …") a sentence starts again.
        let titled = i > 0 && HONORIFICS.contains(ts[i - 1].text);
        let first_word = !titled
            && (i == 0
                || matches!(ts[i - 1].after, '.' | ':')
                || !ts[i - 1].text.chars().any(char::is_alphanumeric));
        let acronym = is_acronym(w);
        // A capital after: a name of several words goes on ("New York …"),
        // though not into "I" ("Well I think …").
        let next_capital = ts
            .get(i + 1)
            .is_some_and(|n| is_capitalised(n.text) && !FUNCTION_WORDS.contains(&n.text))
            && !ends_clause(&ts[i]);
        if MONTHS_AND_DAYS.contains(w)
            || HONORIFICS.contains(w)
            || (NOT_NAMES.contains(w) && !acronym)
            || (first_word && !acronym && !next_capital && !PLACES.contains(&ts[i].lower))
        {
            i += 1;
            continue;
        }
        // Join capitalised words, and "of" / "van" inside names ("Port of Antwerp", "Van Leeuw").
        let mut words = vec![w];
        let mut j = i + 1;
        let mut open = !ends_clause(&ts[i]);
        while open && j < ts.len() {
            let n = ts[j].text;
            let joiner = matches!(n, "of" | "van" | "de" | "der" | "von")
                && ts.get(j + 1).is_some_and(|m| is_capitalised(m.text));
            if (is_capitalised(n) && !MONTHS_AND_DAYS.contains(n) && !FUNCTION_WORDS.contains(&n))
                || joiner
            {
                words.push(n);
                open = !ends_clause(&ts[j]);
                j += 1;
            } else {
                break;
            }
        }
        let text = words.join(" ");
        let prev = i.checked_sub(1).map(|p| ts[p].lower.as_ref());
        let kind = kind_of(&ts[i..j], prev);
        let entity = Entity { text, kind };
        let key = entity.key();
        if !keys.contains(&key) {
            keys.push(key);
            out.push(entity);
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(String, EntityKind)> {
        extract(s).into_iter().map(|e| (e.text, e.kind)).collect()
    }

    #[test]
    fn names_and_their_kinds() {
        use EntityKind::*;
        assert_eq!(
            kinds(
                "In July, the NCA said it had made 746 arrests during Operation Venetic, the biggest-ever operation of its kind in the UK."
            ),
            vec![
                ("NCA".into(), Organisation),
                ("Operation Venetic".into(), Operation),
                ("UK.".trim_end_matches('.').into(), Place)
            ]
        );
        assert_eq!(
            kinds(
                "Police in the Netherlands said they had made 60 arrests during their investigation, codenamed \"Lemont,\" and had seized 25 tons."
            ),
            vec![("Netherlands".into(), Place), ("Lemont".into(), Operation)]
        );
        assert_eq!(
            kinds("Belgian chief prosecutor Frédéric Van Leeuw added that"),
            vec![("Frédéric Van Leeuw".into(), Person)]
        );
        assert_eq!(
            kinds("at the Port of Antwerp."),
            vec![("Port of Antwerp".into(), Place)]
        );
        assert_eq!(
            kinds("according to a statement from the Belgian Federal Police on Monday"),
            vec![("Belgian Federal Police".into(), Organisation)]
        );
        assert_eq!(
            kinds("investigators have cracked Sky ECC’s encrypted messaging service"),
            vec![("Sky ECC’s".into(), Organisation)]
        );
        assert_eq!(extract("Sky ECC’s network")[0].key(), "sky ecc");
    }

    #[test]
    fn sentence_openers_and_months_are_not_names() {
        assert!(extract("The report reveals that only 50,000 containers are searched.").is_empty());
        assert!(extract("On Tuesday, four more arrests were made in March.").is_empty());
    }

    #[test]
    fn a_title_written_short_is_a_person_s_and_no_name_itself() {
        use EntityKind::*;
        assert_eq!(
            kinds("The bill was signed by Mr. Ford and Mrs. Clinton on the day."),
            vec![("Ford".into(), Person), ("Clinton".into(), Person)]
        );
        assert_eq!(
            kinds("We met Dr. Ann Lee and Sen. John Smith at the port."),
            vec![("Ann Lee".into(), Person), ("John Smith".into(), Person)]
        );
        assert!(kinds("He said -- Well, that is the problem.").is_empty());
        assert!(kinds("Well I think the budget is wrong.").is_empty());
        assert!(kinds("Which I think people understand.").is_empty());
    }

    #[test]
    fn the_speaker_is_no_name() {
        assert!(extract("He said that I'm wrong and I’ve lied, and I'd regret it.").is_empty());
        assert_eq!(
            kinds("Mayor Ann Lee said I'll pay."),
            vec![("Mayor Ann Lee".into(), EntityKind::Person)]
        );
    }
}

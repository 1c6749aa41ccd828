//! The phrases that explain a link ("name Lagos", "28 tons against 30
//! tons"), kept as one allocation per list: a corpus of twenty thousand
//! articles has tens of thousands of links, held for the whole session, and
//! a list of strings each cost a growing vector and a string per phrase.

use serde::{Serialize, Serializer};

/// A short list of one-line phrases.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Phrases(Box<str>);

/// Joins the phrases: a phrase is one line, so a line break never occurs
/// inside one (they are made from sentence text, which may hold a break).
const SEPARATOR: char = '\n';

impl Phrases {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.split(SEPARATOR).filter(|_| !self.0.is_empty())
    }

    pub fn join(&self, separator: &str) -> String {
        self.iter().collect::<Vec<_>>().join(separator)
    }
}

impl<S: AsRef<str>> FromIterator<S> for Phrases {
    fn from_iter<I: IntoIterator<Item = S>>(phrases: I) -> Self {
        let mut joined = String::new();
        for phrase in phrases {
            let phrase = phrase.as_ref().trim();
            if phrase.is_empty() {
                continue;
            }
            if !joined.is_empty() {
                joined.push(SEPARATOR);
            }
            joined.extend(phrase.chars().map(|c| if c == SEPARATOR { ' ' } else { c }));
        }
        Phrases(joined.into_boxed_str())
    }
}

impl std::fmt::Debug for Phrases {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Phrases {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_each_phrase_in_order_and_none_when_empty() {
        let p: Phrases = ["name Lagos", "event seized"].into_iter().collect();
        assert_eq!(p.iter().collect::<Vec<_>>(), ["name Lagos", "event seized"]);
        assert_eq!(p.join("; "), "name Lagos; event seized");
        let none: Phrases = Vec::<String>::new().into_iter().collect();
        assert!(none.is_empty());
        assert_eq!(none.iter().count(), 0);
        assert_eq!(serde_json::to_string(&none).unwrap(), "[]");
    }

    #[test]
    fn a_line_break_inside_a_phrase_does_not_split_it() {
        let p: Phrases = ["a passage\nword for word", "", "x"].into_iter().collect();
        assert_eq!(
            p.iter().collect::<Vec<_>>(),
            ["a passage word for word", "x"]
        );
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"["a passage word for word","x"]"#
        );
    }
}

//! The phrases that explain a link ("name Lagos", "28 tons against 30
//! tons"): what the two sentences share, where they agree and where they
//! differ, kept as one allocation per link. A corpus of twenty thousand
//! articles has tens of thousands of links, held for the whole session; a
//! box per list cost 48 bytes a link and often three allocations.

use serde::{Serialize, Serializer};

/// A link's three lists of one-line phrases: shared, agreements, differences.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Explanation {
    /// The three lists one after the other, each its phrases joined.
    joined: Box<str>,
    /// Byte offsets in `joined` where the agreements and the differences start.
    agreements_at: u32,
    differences_at: u32,
}

/// A short list of one-line phrases, borrowed from an `Explanation`.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Phrases<'a>(&'a str);

/// Joins the phrases: a phrase is one line, so a line break never occurs
/// inside one (they are made from sentence text, which may hold a break).
const SEPARATOR: char = '\n';

impl Explanation {
    pub fn new<S: AsRef<str>>(
        shared: impl IntoIterator<Item = S>,
        agreements: impl IntoIterator<Item = S>,
        differences: impl IntoIterator<Item = S>,
    ) -> Explanation {
        let mut joined = String::new();
        join_into(&mut joined, shared);
        let agreements_at = joined.len();
        join_into(&mut joined, agreements);
        let differences_at = joined.len();
        join_into(&mut joined, differences);
        let at = |n: usize| u32::try_from(n).expect("a link's phrases are a few lines of text");
        Explanation {
            joined: joined.into_boxed_str(),
            agreements_at: at(agreements_at),
            differences_at: at(differences_at),
        }
    }

    /// What ties the two sentences to one fact: shared names, the kind of
    /// event, a passage word for word.
    pub fn shared(&self) -> Phrases<'_> {
        Phrases(&self.joined[..self.agreements_at as usize])
    }

    /// Aspects on which they agree ("28 tons ≈ 27.64 tonnes") …
    pub fn agreements(&self) -> Phrases<'_> {
        Phrases(&self.joined[self.agreements_at as usize..self.differences_at as usize])
    }

    /// … and on which they differ, each in words.
    pub fn differences(&self) -> Phrases<'_> {
        Phrases(&self.joined[self.differences_at as usize..])
    }
}

fn join_into<S: AsRef<str>>(joined: &mut String, phrases: impl IntoIterator<Item = S>) {
    let start = joined.len();
    for phrase in phrases {
        let phrase = phrase.as_ref().trim();
        if phrase.is_empty() {
            continue;
        }
        if joined.len() > start {
            joined.push(SEPARATOR);
        }
        joined.extend(phrase.chars().map(|c| if c == SEPARATOR { ' ' } else { c }));
    }
}

impl<'a> Phrases<'a> {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        let all = self.0;
        all.split(SEPARATOR).filter(move |_| !all.is_empty())
    }

    pub fn join(&self, separator: &str) -> String {
        self.iter().collect::<Vec<_>>().join(separator)
    }
}

impl std::fmt::Debug for Phrases<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl std::fmt::Debug for Explanation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Explanation")
            .field("shared", &self.shared())
            .field("agreements", &self.agreements())
            .field("differences", &self.differences())
            .finish()
    }
}

impl Serialize for Phrases<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lists(e: &Explanation) -> [Vec<&str>; 3] {
        [e.shared(), e.agreements(), e.differences()].map(|p| p.iter().collect())
    }

    #[test]
    fn keeps_each_list_and_each_phrase_in_order_and_none_when_empty() {
        let e = Explanation::new(
            ["name Lagos", "event seized"],
            [],
            ["28 tons against 30 tons"],
        );
        assert_eq!(
            lists(&e),
            [
                vec!["name Lagos", "event seized"],
                vec![],
                vec!["28 tons against 30 tons"]
            ]
        );
        assert_eq!(e.shared().join("; "), "name Lagos; event seized");
        assert!(e.agreements().is_empty());
        assert_eq!(serde_json::to_string(&e.agreements()).unwrap(), "[]");
        let none = Explanation::default();
        assert!(none.shared().is_empty() && none.differences().is_empty());
        assert_eq!(none.shared().iter().count(), 0);
    }

    #[test]
    fn a_line_break_inside_a_phrase_does_not_split_it() {
        let e = Explanation::new(["a passage\nword for word", "", "x"], ["\n"], ["y\n"]);
        assert_eq!(
            lists(&e),
            [vec!["a passage word for word", "x"], vec![], vec!["y"]]
        );
        assert_eq!(
            serde_json::to_string(&e.shared()).unwrap(),
            r#"["a passage word for word","x"]"#
        );
    }

    proptest! {
        #[test]
        fn each_list_reads_back_as_its_trimmed_non_empty_phrases(
            l in proptest::collection::vec(
                proptest::collection::vec("[ a-zé≈\n]{0,12}", 0..4), 3..=3)
        ) {
            let e = Explanation::new(&l[0], &l[1], &l[2]);
            let expect = |list: &Vec<String>| -> Vec<String> {
                list.iter()
                    .map(|p| p.trim().replace('\n', " "))
                    .filter(|p| !p.is_empty())
                    .collect()
            };
            let got = lists(&e).map(|l| l.iter().map(|s| s.to_string()).collect::<Vec<_>>());
            prop_assert_eq!(&got[0], &expect(&l[0]));
            prop_assert_eq!(&got[1], &expect(&l[1]));
            prop_assert_eq!(&got[2], &expect(&l[2]));
        }
    }
}

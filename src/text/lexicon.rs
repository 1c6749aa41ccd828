//! Small helpers shared by the extractors: lowercase without allocating when
//! a word is already lowercase, and hashed word lists.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

pub fn lower(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        lower_ascii(s)
    } else if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// `lower` of a word known to be ASCII: only its capitals need a copy.
pub fn lower_ascii(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// A word list looked up in constant time; built on first use.
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str, WordHash>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }

    pub fn contains(&self, w: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(w)
    }
}

/// rustc-hash's hasher: word lists are looked up once per word of every
/// sentence, where the default hasher's resistance to flooding buys nothing
/// (the lists are ours), and it reads a word eight bytes at a time where
/// FNV read it a byte at a time.
pub type WordHash = rustc_hash::FxBuildHasher;

/// "Sky ECC’s" -> "Sky ECC".
pub fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

/// Month names, January first: figures ("3 April") and dates read them.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Day names, Monday first (chrono's order).
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

// Word lists of cross-article links (`crate::links`).

/// Short words, function words and reporting verbs: they say nothing about
/// which fact a sentence reports.
pub static LINK_STOP: WordSet = WordSet::new(&[
    "about",
    "after",
    "again",
    "against",
    "also",
    "among",
    "another",
    "around",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "could",
    "during",
    "each",
    "from",
    "further",
    "have",
    "having",
    "here",
    "into",
    "itself",
    "just",
    "last",
    "made",
    "make",
    "many",
    "more",
    "most",
    "much",
    "other",
    "over",
    "said",
    "says",
    "same",
    "should",
    "since",
    "some",
    "such",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "time",
    "under",
    "until",
    "very",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "will",
    "with",
    "would",
    "year",
    "years",
    "according",
    "including",
    "statement",
    "told",
    "reported",
    "reports",
    "announced",
    "added",
    "week",
    "weeks",
    "today",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "people",
    "also",
    "still",
    "even",
    "only",
    "first",
    "second",
    "third",
    "three",
    "four",
    "five",
    "seven",
    "eight",
    "nine",
    "dozen",
    "hundreds",
    "thousands",
    "millions",
    "billion",
    "million",
    "percent",
    "number",
    "state",
    "government",
    "officials",
    "official",
    "spokesman",
    "spokeswoman",
    "news",
    "going",
    "think",
]);

/// Words that make a figure a running total rather than one event.
pub static RUNNING_TOTAL: WordSet = WordSet::new(&[
    "since",
    "throughout",
    "altogether",
    "total",
    "overall",
    "cumulative",
    "combined",
]);

/// Words that ask for something rather than report it: "demanded … be dismantled".
pub static REQUEST: WordSet = WordSet::new(&[
    "demanded",
    "demand",
    "demands",
    "urged",
    "urge",
    "urges",
    "requested",
    "called",
    "calls",
    "proposed",
]);

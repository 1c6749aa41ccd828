//! The words a figure is read from: number words, scales, units, people and
//! currencies, and the quick tests that keep most words of a text from
//! being looked up in them at all.

pub(super) const SMALL: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("a", 1.0),
    ("an", 1.0),
    ("half", 0.5),
];
pub(super) const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("m", 1e6),
    ("k", 1e3),
];
/// Vague plurals, by their lower bound: "hundreds" is 100 up to 1,000,
/// "hundreds of millions" 1e8 up to 1e9; "dozens" is 24 up to 100.
pub(super) const VAGUE: &[(&str, f64)] = &[
    ("dozens", 24.0),
    ("hundreds", 100.0),
    ("thousands", 1000.0),
    ("millions", 1e6),
    ("billions", 1e9),
];
pub(super) const MASS: &[(&str, f64)] = &[
    ("tons", 1.0),
    ("ton", 1.0),
    ("tonnes", 1.0),
    ("tonne", 1.0),
    ("t", 1.0),
    ("kilograms", 0.001),
    ("kilogram", 0.001),
    ("kilos", 0.001),
    ("kg", 0.001),
    ("grams", 1e-6),
    ("g", 1e-6),
];
pub(super) const DURATION: &[(&str, f64)] = &[
    ("seconds", 1.0 / 86400.0),
    ("second", 1.0 / 86400.0),
    ("minutes", 1.0 / 1440.0),
    ("hours", 1.0 / 24.0),
    ("hour", 1.0 / 24.0),
    ("days", 1.0),
    ("day", 1.0),
    ("weeks", 7.0),
    ("week", 7.0),
    ("months", 30.0),
    ("month", 30.0),
    ("years", 365.0),
    ("year", 365.0),
];
pub(super) const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "officers",
    "officer",
    "police",
    "suspects",
    "suspect",
    "users",
    "criminals",
    "members",
    "agents",
    "staff",
    "employees",
    "investigators",
    "prosecutors",
    "victims",
    "men",
    "women",
    "children",
    "residents",
    "migrants",
    "workers",
    "soldiers",
    "troops",
    "individuals",
];
pub(super) const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("eur", "EUR"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("usd", "USD"),
    ("pounds", "GBP"),
    ("pound", "GBP"),
    ("gbp", "GBP"),
    ("yen", "JPY"),
    ("francs", "CHF"),
];

pub(super) fn currency_symbol(c: char) -> Option<&'static str> {
    match c {
        '$' => Some("USD"),
        '€' => Some("EUR"),
        '£' => Some("GBP"),
        '¥' => Some("JPY"),
        _ => None,
    }
}

/// Per word length, the first letters of the number words of that length
/// (`SMALL` and `VAGUE`), a bit per letter: most words of a text are ruled
/// out by two loads, not by a walk through both tables.
pub(super) const NUMBER_WORD_STARTS: [u32; 16] = {
    let mut starts = [0u32; 16];
    let tables = [SMALL, VAGUE];
    let mut t = 0;
    while t < tables.len() {
        let mut i = 0;
        while i < tables[t].len() {
            let w = tables[t][i].0.as_bytes();
            assert!(w.len() < 16 && w[0].is_ascii_lowercase());
            starts[w.len()] |= 1 << (w[0] - b'a');
            i += 1;
        }
        t += 1;
    }
    starts
};

/// The first letters of the number words of any length.
const NUMBER_WORD_ANY_START: u32 = {
    let (mut all, mut len) = (0, 0);
    while len < NUMBER_WORD_STARTS.len() {
        all |= NUMBER_WORD_STARTS[len];
        len += 1;
    }
    all
};

/// Whether a lower-case word, up to its first hyphen ("two-year"), could be
/// a word of `SMALL` or `VAGUE`. Its first letter alone rules out a third of
/// a text's words, before the word is read for a hyphen.
#[inline]
pub(super) fn may_be_number_word(lower: &str) -> bool {
    let bytes = lower.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    if !first.is_ascii_lowercase() || NUMBER_WORD_ANY_START & (1 << (first - b'a')) == 0 {
        return false;
    }
    let len = bytes.iter().position(|&b| b == b'-').unwrap_or(bytes.len());
    len < NUMBER_WORD_STARTS.len() && NUMBER_WORD_STARTS[len] & (1 << (first - b'a')) != 0
}

pub(super) fn lookup(table: &[(&str, f64)], w: &str) -> Option<f64> {
    // Asked of most words of a corpus, nearly always in vain: the lengths
    // first, then the bytes in line, where `==` called memcmp for every
    // entry of the same length.
    table
        .iter()
        .find(|(k, _)| k.len() == w.len() && k.bytes().zip(w.bytes()).all(|(a, b)| a == b))
        .map(|(_, v)| *v)
}

//! Figures as ranges of values, and the slot a figure fills: what it counts
//! and what happened to it. Two figures are compared only in the same slot.

use crate::text::events::{self, EventKind, Form};
use crate::text::quantity::{Qualifier, Quantity, UnitClass};
use crate::text::tokens::Token;

/// A figure as the range of values its wording allows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub lo: f64,
    pub hi: f64,
}

/// Decimal places written in a figure's surface ("27.64" has 2, "28" has 0).
fn decimals(surface: &str) -> i32 {
    let digits: String = surface
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    digits.split_once('.').map_or(0, |(_, d)| d.len() as i32)
}

/// The number as written before its scale word ("1.4" of "1.4 billion").
fn first_digits_value(q: &Quantity) -> f64 {
    let digits: String = q
        .surface
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    digits
        .parse::<f64>()
        .ok()
        .filter(|d| *d > 0.0)
        .unwrap_or(q.value.abs().max(1.0))
}

/// Significant digits as written: "27.64" has 4, "1,500" has 2, "28" has 2.
pub fn significant_digits(q: &Quantity) -> usize {
    let digits: String = q
        .surface
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(char::is_ascii_digit)
        .collect();
    digits.trim_start_matches('0').trim_end_matches('0').len()
}

/// The values a figure's wording allows: its rounding, widened by its qualifier.
pub fn range(q: &Quantity) -> Range {
    let v = q.value;
    let hi_v = q.value_to.unwrap_or(v);
    // A written figure is rounded to its last digit, and reports round a
    // little further: allow half a unit of the last digit, or 2%.
    let scale = if q.unit == UnitClass::Date {
        0.0
    } else {
        v.abs() / first_digits_value(q)
    };
    let half_unit = 0.5 * 10f64.powi(-decimals(&q.surface)) * scale;
    let slack = half_unit.max(0.02 * v.abs());
    // Dates are exact, and a range ("hundreds of", "2-3 April") is already one.
    let slack = if q.unit == UnitClass::Date || q.value_to.is_some() {
        0.0
    } else {
        slack
    };
    let (lo, hi) = (v - slack, hi_v + slack);
    match q.qualifier {
        Some(Qualifier::Nearly) => Range { lo: 0.9 * v, hi: v },
        // "over X" in a report means a little more than X, not any amount above it.
        Some(Qualifier::Over) => Range {
            lo: v,
            hi: 1.25 * hi_v,
        },
        Some(Qualifier::About) => Range {
            lo: 0.85 * v,
            hi: 1.15 * hi_v,
        },
        Some(Qualifier::Under) => Range {
            lo: 0.0,
            hi: hi_v * 1.001,
        },
        None => Range { lo, hi },
    }
}

pub fn agree(a: &Quantity, b: &Quantity) -> bool {
    let (ra, rb) = (range(a), range(b));
    ra.lo <= rb.hi && rb.lo <= ra.hi
}

/// A figure of a sentence with the slot it fills.
#[derive(Debug, Clone)]
pub struct Figure {
    pub q: Quantity,
    /// What is counted: the stem of the noun ("messag"), or the event a
    /// count of people stands for ("arrest" for "48 arrests" and for "800
    /// people were arrested"); empty for a bare amount of money or mass.
    pub thing: String,
    /// The action done to what is counted: "seized" in "28 tons were seized".
    pub predicate: Option<EventKind>,
    /// Called a record ("a record shipment of 11 tons").
    pub record: bool,
}

/// Kinds of figures that count people or things rather than measure.
fn counts(u: UnitClass) -> bool {
    matches!(u, UnitClass::People | UnitClass::Objects)
}

impl Figure {
    /// Figures that measure the same kind of thing and can be compared.
    pub fn comparable(&self, other: &Figure) -> bool {
        let (a, b) = (&self.q, &other.q);
        if counts(a.unit) && counts(b.unit) {
            return !self.thing.is_empty() && self.thing == other.thing;
        }
        if a.unit != b.unit {
            return false;
        }
        match a.unit {
            // Never through an exchange rate the text does not give.
            // A bare amount may be the worth the other names.
            UnitClass::Money => {
                a.currency == b.currency
                    && (self.thing == other.thing
                        || self.thing.is_empty()
                        || other.thing.is_empty())
            }
            UnitClass::Duration => self.thing == other.thing,
            UnitClass::Count | UnitClass::Date => false,
            _ => true,
        }
    }
}

/// Words that make an amount of money the worth of something.
const VALUE: &[&str] = &["worth", "value", "valued"];

const BE: &[&str] = &[
    "was", "were", "been", "is", "are", "be", "being", "had", "have", "has",
];

/// The slots of a sentence's figures, read from the words around each.
pub fn figures(quantities: &[Quantity], tokens: &[Token]) -> Vec<Figure> {
    quantities
        .iter()
        .filter(|q| !matches!(q.unit, UnitClass::Count | UnitClass::Date))
        .map(|q| {
            // The tokens are in text order: the words before and after the
            // figure are a prefix and a suffix, found by halving (a list of
            // each for every figure made a line of thousands of figures take
            // seconds to link).
            let before = &tokens[..tokens.partition_point(|t| t.end <= q.start)];
            let after = &tokens[tokens.partition_point(|t| t.start < q.end)..];
            let predicate = predicate(before, after);
            let noun = events::of_word(&q.unit_text);
            let thing = match q.unit {
                UnitClass::People | UnitClass::Objects => match (noun, predicate) {
                    (Some((kind, _)), _) => kind.name().to_string(),
                    (None, Some(kind)) if q.unit == UnitClass::People => kind.name().to_string(),
                    _ => events::stem(&q.unit_text),
                },
                // "a six week investigation": what lasted that long.
                UnitClass::Duration => after
                    .first()
                    .filter(|t| t.before != ',' && t.text.chars().all(char::is_alphabetic))
                    // Right after "six week" a word is a noun, whatever its stem.
                    .and_then(|t| events::of_word(t.text))
                    .map(|(k, _)| k.name().to_string())
                    .unwrap_or_default(),
                // "$2 billion worth of cocaine", "a street value of 1.4 billion euros".
                UnitClass::Money
                    if before
                        .iter()
                        .rev()
                        .take(4)
                        .any(|t| VALUE.contains(&t.lower.as_ref()))
                        || after.first().is_some_and(|t| t.lower == "worth") =>
                {
                    "value".to_string()
                }
                _ => String::new(),
            };
            let record = before.iter().rev().take(4).any(|t| {
                matches!(
                    t.lower.as_ref(),
                    "record" | "biggest" | "largest" | "biggest-ever" | "record-breaking"
                )
            });
            Figure {
                q: q.clone(),
                thing,
                predicate,
                record,
            }
        })
        .collect()
}

/// The event verb acting on a figure: a passive after it ("11 tons were
/// seized", "which was shipped") or an active verb just before it ("seized
/// 28 tons"). Nouns do not count: "a shipment of 11 tons" says what was
/// counted, not what happened to it.
fn predicate(before: &[Token], after: &[Token]) -> Option<EventKind> {
    for (i, t) in after.iter().take(8).enumerate() {
        if matches!(t.before, ',' | ';' | '(' | '—') && i > 0 {
            break;
        }
        if let Some((kind, Form::Verb)) = events::of_word(t.text)
            && i > 0
            && after[..i]
                .iter()
                .rev()
                .take(2)
                .any(|p| BE.contains(&p.lower.as_ref()))
        {
            return Some(kind);
        }
    }
    before
        .iter()
        .rev()
        .take(3)
        .find_map(|t| match events::of_word(t.text) {
            Some((kind, Form::Verb)) => Some(kind),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::quantity::extract;
    use crate::text::tokens::tokenize;

    fn q(s: &str) -> Quantity {
        extract(s)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no figure in {s:?}"))
    }

    fn slot(s: &str) -> (String, Option<EventKind>) {
        let qs = extract(s);
        let ts = tokenize(s);
        let f = figures(&qs, &ts);
        let f = f.first().unwrap_or_else(|| panic!("no figure in {s:?}"));
        (f.thing.clone(), f.predicate)
    }

    #[test]
    fn each_figure_of_a_line_of_thousands_reads_its_own_clause() {
        let clause = "police arrested 40 people in the raid; ";
        let one = slot(clause);
        assert_eq!(one.1, Some(EventKind::Arrest), "{one:?}");
        let line = clause.repeat(2000);
        let all = figures(&extract(&line), &tokenize(&line));
        assert_eq!(all.len(), 2000);
        assert!(all.iter().all(|f| (f.thing.clone(), f.predicate) == one));
    }

    #[test]
    fn rounding_and_qualifiers() {
        assert!(agree(&q("28 tons"), &q("27.64 tonnes")));
        assert!(agree(&q("nearly 28 tons"), &q("27.64 tonnes")));
        assert!(agree(&q("almost 11 tons"), &q("11 tonnes")));
        assert!(agree(&q("over 60,000 people"), &q("60,000 people")));
        assert!(agree(&q("over 1500 officers"), &q("1,500 officers")));
        assert!(!agree(&q("nearly $2 billion"), &q("$1.65 billion")));
        assert!(!agree(
            &q("over a billion messages"),
            &q("hundreds of millions of messages")
        ));
        assert!(!agree(&q("25 tonnes"), &q("28 tonnes")));
        assert!(agree(&q("on April 3"), &q("from 2-3 April")));
        assert!(!agree(&q("on April 5"), &q("on April 3")));
    }

    #[test]
    fn what_is_counted_and_what_happened_to_it() {
        assert_eq!(slot("Police made 48 arrests."), ("arrest".into(), None));
        assert_eq!(
            slot("More than 800 people were arrested."),
            ("arrest".into(), Some(EventKind::Arrest))
        );
        assert_eq!(
            slot("A record shipment worth 11 tons was shipped overnight."),
            (String::new(), Some(EventKind::Ship))
        );
        assert_eq!(
            slot("a shipment of almost 11 tons which was seized by police"),
            (String::new(), Some(EventKind::Seize))
        );
        assert_eq!(
            slot("Police seized 28 tons of cocaine."),
            (String::new(), Some(EventKind::Seize))
        );
        assert_eq!(
            slot("a six week investigation that began").0,
            "investigation"
        );
        assert_eq!(slot("during a two-year investigation").0, "investigation");
        assert_eq!(slot("barely six weeks after the raid").0, "");
    }

    #[test]
    fn only_like_with_like_and_never_across_currencies() {
        let cmp = |a: &str, b: &str| {
            let (qa, qb) = (extract(a), extract(b));
            let (ta, tb) = (tokenize(a), tokenize(b));
            let (fa, fb) = (figures(&qa, &ta), figures(&qb, &tb));
            fa[0].comparable(&fb[0])
        };
        assert!(cmp("1.4 billion euros", "€1.4 billion"));
        assert!(!cmp("1.4 billion euros", "$1.65 billion"));
        assert!(!cmp("28 tons", "28 officers"));
        assert!(!cmp("171,000 phones", "171,000 messages"));
        assert!(cmp("60 arrests", "746 arrests"));
        // "800 people were arrested" is a count of arrests.
        assert!(cmp(
            "More than 800 people were arrested",
            "over 800 arrests"
        ));
        assert!(!cmp("800 people were arrested", "800 people died"));
        assert!(cmp("a six week investigation", "a two-year investigation"));
        // The worth of the drugs, however worded, and not a fine.
        assert!(cmp(
            "$2 billion worth of cocaine",
            "a street value of 1.4 billion euros ($1.65 billion)"
                .split_once('(')
                .unwrap()
                .1
        ));
        // A bare amount may be the worth the other names; never across currencies.
        assert!(cmp("$2 billion worth of cocaine", "nearly $2 billion"));
        assert!(!cmp(
            "$2 billion worth of cocaine",
            "1.4 billion euros worth of cocaine"
        ));
        assert!(!cmp("a six week investigation", "a two-year sentence"));
    }

    #[test]
    fn significant_digits_as_written() {
        assert_eq!(significant_digits(&q("27.64 tons")), 4);
        assert_eq!(significant_digits(&q("1,500 officers")), 2);
        assert_eq!(significant_digits(&q("171,000 phones")), 3);
        assert_eq!(significant_digits(&q("15 years")), 2);
    }
}

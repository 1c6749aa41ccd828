//! Figures in a sentence, normalised so that other articles' figures can be
//! compared: value, unit class, currency, qualifier and the surface text.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum UnitClass {
    /// In tonnes ("tons" in these reports are metric).
    Mass,
    /// With a currency.
    Money,
    People,
    Objects,
    Percentage,
    /// In days.
    Duration,
    /// Day of year as month * 100 + day, or a year.
    Date,
    /// A bare number.
    Count,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "nearly", "almost": a little below.
    Nearly,
    /// "over", "more than", "at least": above.
    Over,
    /// "about", "around", "some", "roughly", "an estimated".
    About,
    /// "less than", "under", "up to": below.
    Under,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub value: f64,
    /// For ranges ("from 2-3 April"): the upper end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_to: Option<f64>,
    pub unit: UnitClass,
    /// The noun or unit as written, lower case ("tons", "officers", "euros").
    pub unit_text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    pub surface: String,
    /// Char offsets within the sentence.
    pub start: usize,
    pub end: usize,
}

use super::tokens::{Token, tokenize};

mod words;
use words::*;

/// "1,500" "27.64" "1.4" "2nd" → value. Commas are thousands separators.
fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim_end_matches('%');
    let s = s.trim_end_matches(|c: char| {
        c.is_ascii_alphabetic() && !s.starts_with(|d: char| d.is_ascii_alphabetic())
    });
    let digits: String = s.chars().filter(|c| *c != ',').collect();
    if digits.is_empty() || !digits.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn ordinal_day(s: &str) -> Option<f64> {
    let d = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let n: f64 = d.parse().ok()?;
    (1.0..=31.0).contains(&n).then_some(n)
}

fn qualifier_before(ts: &[Token], i: usize) -> Option<Qualifier> {
    let w = |k: usize| i.checked_sub(k).map(|j| ts[j].lower.as_ref());
    match (w(2), w(1)) {
        (Some("more" | "greater"), Some("than")) => Some(Qualifier::Over),
        (Some("less" | "fewer"), Some("than")) => Some(Qualifier::Under),
        (Some("at"), Some("least")) => Some(Qualifier::Over),
        (Some("up"), Some("to")) => Some(Qualifier::Under),
        (Some("an"), Some("estimated")) => Some(Qualifier::About),
        (_, Some("nearly" | "almost" | "close")) => Some(Qualifier::Nearly),
        (_, Some("over" | "above" | "past" | "exceeding")) => Some(Qualifier::Over),
        (
            _,
            Some(
                "about" | "around" | "some" | "roughly" | "approximately" | "approx" | "estimated",
            ),
        ) => Some(Qualifier::About),
        (_, Some("under" | "below")) => Some(Qualifier::Under),
        _ => None,
    }
}

/// Every figure in `sentence`, in order.
pub fn extract(sentence: &str) -> Vec<Quantity> {
    extract_from(sentence, &tokenize(sentence))
}

/// Every figure of an already tokenized sentence.
pub fn extract_from(sentence: &str, ts: &[Token]) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < ts.len() {
        // A word in lower case is a figure only if it is a number word
        // ("two", "hundreds"), and never a date's start: most words of a
        // text are ruled out here, not by two calls.
        if ts[i]
            .text
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_lowercase)
            && !may_be_number_word(&ts[i].lower)
        {
            i += 1;
            continue;
        }
        if let Some((mut q, next)) = date_at(ts, i).or_else(|| figure_at(ts, i)) {
            // The tokens are in text order: found by halving, not by a walk
            // from the start, which made a line of thousands of figures
            // (a hostile or garbled file) take seconds.
            let first = ts.partition_point(|t| t.start < q.start);
            let from = if ts.get(first).is_some_and(|t| t.start == q.start) {
                first
            } else {
                i
            };
            let past = ts.partition_point(|t| t.end <= q.end);
            let to = match past.checked_sub(1) {
                Some(last) if ts[last].end == q.end => last,
                _ => i,
            };
            q.surface = sentence[ts[from].start_byte..ts[to].end_byte].to_string();
            out.push(q);
            i = next;
        } else {
            i += 1;
        }
    }
    out
}

fn quantity(
    ts: &[Token],
    from: usize,
    to: usize,
    value: f64,
    unit: UnitClass,
    unit_text: &str,
) -> Quantity {
    Quantity {
        value,
        value_to: None,
        unit,
        unit_text: unit_text.to_string(),
        currency: None,
        qualifier: qualifier_before(ts, from),
        surface: String::new(),
        start: ts[from].start,
        end: ts[to].end,
    }
}

/// Whether punctuation that ends a clause stands between token `k` and the one before.
fn clause_break_before(ts: &[Token], k: usize) -> bool {
    let breaks = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '!' | '?');
    k > 0 && (breaks(ts[k - 1].after) || breaks(ts[k].before))
}

/// "April 3", "3 April", "2-3 April", "2nd to the 3rd of April", "March 9 2021", "2020".
fn date_at(ts: &[Token], i: usize) -> Option<(Quantity, usize)> {
    let t = &ts[i];
    if !t
        .text
        .starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
    {
        return None;
    }
    let month = |k: usize| {
        ts.get(k)
            .and_then(|t| super::lexicon::MONTHS.iter().position(|m| *m == t.lower))
            .map(|m| (m + 1) as f64)
    };
    let is_capital_month = |k: usize| {
        ts.get(k)
            .is_some_and(|t| t.text.starts_with(|c: char| c.is_uppercase()))
            && month(k).is_some()
    };
    // Month first: "April 3", "March 9, 2021" ("may" only as "May").
    if is_capital_month(i)
        && let Some(day) = ts.get(i + 1).and_then(|n| ordinal_day(&n.lower))
    {
        let m = month(i)?;
        let mut end = i + 1;
        if ts.get(i + 2).is_some_and(|y| {
            y.lower.len() == 4
                && y.lower
                    .parse::<u32>()
                    .is_ok_and(|y| (1900..2100).contains(&y))
        }) {
            end = i + 2;
        }
        return Some((
            quantity(ts, i, end, m * 100.0 + day, UnitClass::Date, &ts[i].lower),
            end + 1,
        ));
    }
    // Day first: "3 April", "2-3 April", "2nd to the 3rd of April".
    let range = t
        .lower
        .split_once('-')
        .and_then(|(a, b)| Some((ordinal_day(a)?, ordinal_day(b)?)));
    let first = ordinal_day(&t.lower).map(|d| (d, d)).or(range)?;
    let mut k = i + 1;
    let mut to = first.1;
    if ts
        .get(k)
        .is_some_and(|w| w.lower == "to" || w.lower == "and")
    {
        let mut j = k + 1;
        if ts.get(j).is_some_and(|w| w.lower == "the") {
            j += 1;
        }
        if let Some(d) = ts.get(j).and_then(|w| ordinal_day(&w.lower)) {
            to = d;
            k = j + 1;
        }
    }
    if ts.get(k).is_some_and(|w| w.lower == "of") {
        k += 1;
    }
    let m = month(k)?;
    if !is_capital_month(k) {
        return None;
    }
    let mut q = quantity(ts, i, k, m * 100.0 + first.0, UnitClass::Date, &ts[k].lower);
    if to != first.0 {
        q.value_to = Some(m * 100.0 + to);
    }
    if i > 0 && ts[i - 1].lower == "from" {
        q.start = ts[i - 1].start;
    }
    Some((q, k + 1))
}

/// A number (digits or words, with scale words and a currency) and its unit.
// Long on purpose: one left-to-right reading of a figure and the words around it (qualifier, value, scale, unit, range).
fn figure_at(ts: &[Token], i: usize) -> Option<(Quantity, usize)> {
    let t = &ts[i];
    // Most words are not figures: decide that before any work.
    let first = t.text.chars().next()?;
    if !first.is_ascii_digit() && currency_symbol(first).is_none() {
        let lower = t.lower.as_ref();
        // A byte search: `split('-')` set up a char searcher for every word.
        let w = &lower[..lower.bytes().position(|b| b == b'-').unwrap_or(lower.len())];
        if !may_be_number_word(lower) || (lookup(SMALL, w).is_none() && lookup(VAGUE, w).is_none())
        {
            return None;
        }
    }
    let mut text = t.text;
    let mut currency = text.chars().next().and_then(currency_symbol);
    if currency.is_some() {
        text = &text[text.chars().next().map_or(0, char::len_utf8)..];
    }
    let lower = text.to_lowercase();
    // "two-year", "2-year", "six-month", "27.64-ton"
    if let Some((num, unit)) = lower.split_once('-')
        && let Some(n) = parse_number(num).or_else(|| lookup(SMALL, num))
        && let Some(days) = lookup(DURATION, unit).or_else(|| lookup(DURATION, &format!("{unit}s")))
    {
        let mut q = quantity(ts, i, i, n * days, UnitClass::Duration, unit);
        q.currency = None;
        return Some((q, i + 1));
    }
    let mut value = parse_number(&lower);
    let mut vague = false;
    if value.is_none() {
        if let Some(v) = lookup(VAGUE, &lower) {
            // "hundreds of millions": multiply the scales.
            value = Some(v);
            vague = true;
        } else if let Some(v) = lookup(SMALL, &lower) {
            if matches!(lower.as_str(), "a" | "an" | "half")
                && ts
                    .get(i + 1)
                    .is_none_or(|n| lookup(SCALES, &n.lower).is_none())
            {
                return None;
            }
            // "one another", "one of them": not a figure.
            if lower == "one"
                && ts
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.lower.as_ref(), "another" | "of" | "day"))
            {
                return None;
            }
            value = Some(v);
        }
    }
    let mut value = value?;
    // A year alone is a date.
    if currency.is_none()
        && text.len() == 4
        && text.bytes().all(|b| b.is_ascii_digit())
        && (1900.0..2100.0).contains(&value)
    {
        let next_is_unit = ts.get(i + 1).is_some_and(|n| {
            PEOPLE.contains(&n.lower.as_ref()) || lookup(MASS, &n.lower).is_some()
        });
        if !next_is_unit {
            return Some((quantity(ts, i, i, value, UnitClass::Date, "year"), i + 1));
        }
    }
    let mut k = i + 1;
    while let Some(n) = ts.get(k) {
        if let Some(scale) = lookup(SCALES, &n.lower) {
            value *= scale;
            k += 1;
        } else if vague
            && n.lower == "of"
            && ts
                .get(k + 1)
                .is_some_and(|m| lookup(VAGUE, &m.lower).is_some())
        {
            value *= lookup(VAGUE, &ts[k + 1].lower).unwrap_or(1.0);
            k += 2;
        } else {
            break;
        }
    }
    let mut end = k - 1;
    let qualifier = qualifier_before(ts, i);
    if vague && ts.get(k).is_some_and(|n| n.lower == "of") {
        k += 1;
    }
    // A unit never lies across a clause break: "Number two, we…" counts nothing.
    let unit_tok = ts.get(k).filter(|_| !clause_break_before(ts, k));
    let unit_lower = unit_tok.map(|u| u.lower.as_ref()).unwrap_or("");
    let (unit, unit_text) = if let Some(c) = CURRENCY_WORDS
        .iter()
        .find(|(w, _)| *w == unit_lower)
        .map(|(_, c)| *c)
    {
        currency = currency.or(Some(c));
        end = k;
        (UnitClass::Money, unit_lower.to_string())
    } else if currency.is_some() {
        (
            UnitClass::Money,
            currency.unwrap_or_default().to_lowercase(),
        )
    } else if let Some(f) = lookup(MASS, unit_lower) {
        value *= f;
        end = k;
        (UnitClass::Mass, unit_lower.to_string())
    } else if let Some(d) = lookup(DURATION, unit_lower) {
        value *= d;
        end = k;
        (UnitClass::Duration, unit_lower.to_string())
    } else if unit_lower == "%"
        || unit_lower == "percent"
        || unit_lower == "per"
        || lower.ends_with('%')
    {
        if !unit_lower.is_empty() && !lower.ends_with('%') {
            end = k;
        }
        (UnitClass::Percentage, "%".to_string())
    } else if PEOPLE.contains(&unit_lower) {
        end = k;
        (UnitClass::People, unit_lower.to_string())
    } else if unit_tok.is_some_and(|u| {
        u.text.chars().all(|c| c.is_alphabetic() || c == '-')
            && u.text.chars().next().is_some_and(char::is_lowercase)
    }) {
        // "171,000 phones", "48 arrests", "25 cars": things counted. Skip one
        // adjective when a noun follows ("15 illegal firearms", "19 synthetic drugs labs").
        let noun = |t: &Token| {
            t.text.chars().all(|c| c.is_alphabetic() || c == '-')
                && t.text.chars().next().is_some_and(char::is_lowercase)
        };
        let stop = [
            "of", "to", "and", "in", "at", "on", "from", "for", "the", "a", "was", "were", "is",
            "are", "had", "have", "has", "that", "who", "which", "more", "times", "we", "i", "you",
            "they", "he", "she", "it", "us", "them",
        ];
        if stop.contains(&unit_lower) {
            (UnitClass::Count, String::new())
        } else {
            // The counted noun is the last plural of up to three words, so
            // adjectives are skipped: "19 synthetic drug labs" counts labs.
            end = k;
            let mut unit_text = unit_lower.to_string();
            let mut j = k;
            while j < k + 2 && ts[j].after != ',' {
                let Some(n2) = ts.get(j + 1) else { break };
                if !noun(n2) || stop.contains(&n2.lower.as_ref()) {
                    break;
                }
                j += 1;
                if n2.lower.ends_with('s') && !n2.lower.ends_with("ss") {
                    end = j;
                    unit_text = n2.lower.to_string();
                }
            }
            if PEOPLE.contains(&unit_text.as_str()) {
                (UnitClass::People, unit_text)
            } else {
                (UnitClass::Objects, unit_text)
            }
        }
    } else {
        (UnitClass::Count, String::new())
    };
    let mut q = quantity(ts, i, end.max(i), value, unit, &unit_text);
    q.currency = currency;
    q.qualifier = qualifier;
    if vague {
        // The range up to the next order of magnitude ("dozens": up to 100).
        q.value_to = Some(if lower == "dozens" {
            99.0
        } else {
            value * 10.0 * 0.999
        });
    }
    Some((q, end.max(i) + 1))
}

#[cfg(test)]
mod tests;

//! Dates a sentence gives, as spans of days: written out ("9 March 2021",
//! "April 3") or relative to the article's own date ("yesterday", "on Monday",
//! "earlier this month"). Relative words mean nothing without the date the
//! article was written, so they are resolved only against one.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The days a phrase may mean, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DaySpan {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl DaySpan {
    pub fn day(d: NaiveDate) -> Self {
        DaySpan { from: d, to: d }
    }

    pub fn overlaps(&self, other: &DaySpan) -> bool {
        self.from <= other.to && other.from <= self.to
    }

    /// "9 March 2021", or "1–6 April 2021" for a span.
    pub fn describe(&self) -> String {
        if self.from == self.to {
            return self.from.format("%-d %B %Y").to_string();
        }
        if self.from.year() == self.to.year() && self.from.month() == self.to.month() {
            return format!(
                "{}–{} {}",
                self.from.day(),
                self.to.day(),
                self.to.format("%B %Y")
            );
        }
        format!(
            "{} – {}",
            self.from.format("%-d %B %Y"),
            self.to.format("%-d %B %Y")
        )
    }
}

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    super::lexicon::MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)) || (w == "sept"))
        .map(|i| if w == "sept" { 9 } else { i as u32 + 1 })
}

/// A calendar date written in full: "2021-04-06", "Tuesday, Jun 24, 2025",
/// "6 April 2021", "April 6, 2021". `None` unless day, month and year are all
/// there: a date line is trusted only when it says which day it is.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    for w in text.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-');
        if w.len() >= 10
            && let Ok(d) = NaiveDate::parse_from_str(&w[..10], "%Y-%m-%d")
        {
            return Some(d);
        }
    }
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .collect();
    let number = |w: &str| -> Option<u32> {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (!digits.is_empty() && digits.len() <= 4)
            .then(|| digits.parse().ok())
            .flatten()
    };
    for i in 0..words.len() {
        let Some(month) = month_of(&words[i]) else {
            continue;
        };
        // "6 April 2021"
        if i >= 1
            && let (Some(day), Some(year)) = (
                number(&words[i - 1]),
                words.get(i + 1).and_then(|w| number(w)),
            )
            && year >= 1000
            && let Some(d) = NaiveDate::from_ymd_opt(year as i32, month, day)
        {
            return Some(d);
        }
        // "April 6, 2021"
        if let (Some(day), Some(year)) = (
            words.get(i + 1).and_then(|w| number(w)),
            words.get(i + 2).and_then(|w| number(w)),
        ) && year >= 1000
            && let Some(d) = NaiveDate::from_ymd_opt(year as i32, month, day)
        {
            return Some(d);
        }
    }
    None
}

fn weekday(word: &str) -> Option<Weekday> {
    let i = super::lexicon::WEEKDAYS.iter().position(|d| *d == word)?;
    Weekday::try_from(i as u8).ok()
}

fn month_span(year: i32, month: u32) -> Option<DaySpan> {
    let from = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some(DaySpan {
        from,
        to: next - Duration::days(1),
    })
}

/// The days the relative expressions of `sentence` mean, for an article
/// written on `written`: "yesterday", "today", "(on) Monday" (the last one
/// up to that day), "last week", "earlier this month", "last month",
/// "earlier this year", "last year".
pub fn relative(sentence: &str, written: NaiveDate) -> Vec<DaySpan> {
    let words: Vec<String> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_str();
        let next = words.get(i + 1).map(String::as_str);
        let prev = i.checked_sub(1).map(|p| words[p].as_str());
        let span = match (w, next) {
            ("yesterday", _) => Some(DaySpan::day(written - Duration::days(1))),
            ("today", _) | ("tonight", _) => Some(DaySpan::day(written)),
            ("last", Some("week")) => {
                let monday =
                    written - Duration::days(written.weekday().num_days_from_monday() as i64 + 7);
                Some(DaySpan {
                    from: monday,
                    to: monday + Duration::days(6),
                })
            }
            ("this", Some("month")) => {
                // "earlier this month" is the month so far.
                let from = written.with_day(1);
                from.map(|from| DaySpan { from, to: written })
            }
            ("last", Some("month")) => {
                let (y, m) = if written.month() == 1 {
                    (written.year() - 1, 12)
                } else {
                    (written.year(), written.month() - 1)
                };
                month_span(y, m)
            }
            ("this", Some("year")) if prev == Some("earlier") => {
                NaiveDate::from_ymd_opt(written.year(), 1, 1)
                    .map(|from| DaySpan { from, to: written })
            }
            ("last", Some("year")) => {
                let y = written.year() - 1;
                match (
                    NaiveDate::from_ymd_opt(y, 1, 1),
                    NaiveDate::from_ymd_opt(y, 12, 31),
                ) {
                    (Some(from), Some(to)) => Some(DaySpan { from, to }),
                    _ => None,
                }
            }
            _ => weekday(w).and_then(|day| {
                // "next Monday" looks ahead; a weekday otherwise means the
                // last one up to the day of writing.
                if prev == Some("next") {
                    return None;
                }
                let back =
                    (written.weekday().num_days_from_monday() + 7 - day.num_days_from_monday()) % 7;
                Some(DaySpan::day(written - Duration::days(back as i64)))
            }),
        };
        if let Some(s) = span {
            found.push(s);
            i += 2;
        } else {
            i += 1;
        }
    }
    found
}

/// A month and day written without a year ("April 3"), placed in the year
/// that makes it the latest such day up to a week after the article's date.
pub fn in_year_of(month: u32, day: u32, written: NaiveDate) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(written.year(), month, day)?;
    if this <= written + Duration::days(7) {
        Some(this)
    } else {
        NaiveDate::from_ymd_opt(written.year() - 1, month, day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn full_dates_in_the_forms_news_uses() {
        assert_eq!(
            parse_date("date 2021-04-06 BelgianFederalPolice"),
            Some(d(2021, 4, 6))
        );
        assert_eq!(parse_date("Tuesday, Jun 24, 2025"), Some(d(2025, 6, 24)));
        assert_eq!(parse_date("Published 6 April 2021"), Some(d(2021, 4, 6)));
        assert_eq!(parse_date("on March 9, 2021."), Some(d(2021, 3, 9)));
        assert_eq!(parse_date("Sept. 3, 1998"), Some(d(1998, 9, 3)));
        // Without a year, or a day, it is not a date line.
        assert_eq!(parse_date("April 6"), None);
        assert_eq!(parse_date("March 2020"), None);
        assert_eq!(parse_date("Published on"), None);
    }

    #[test]
    fn relative_words_against_the_day_of_writing() {
        // 6 April 2021 was a Tuesday.
        let written = d(2021, 4, 6);
        assert_eq!(
            relative("News first broke earlier this month.", written),
            vec![DaySpan {
                from: d(2021, 4, 1),
                to: d(2021, 4, 6)
            }]
        );
        assert_eq!(
            relative("In a statement yesterday, police said", written),
            vec![DaySpan::day(d(2021, 4, 5))]
        );
        assert_eq!(
            relative("said Belgian Federal Police on Monday", written),
            vec![DaySpan::day(d(2021, 4, 5))]
        );
        assert_eq!(
            relative("the server was taken offline Tuesday", written),
            vec![DaySpan::day(written)]
        );
        assert_eq!(
            relative("Last month prices rose", written),
            vec![DaySpan {
                from: d(2021, 3, 1),
                to: d(2021, 3, 31)
            }]
        );
        assert_eq!(
            relative("sales fell last year", d(2021, 1, 10)),
            vec![DaySpan {
                from: d(2020, 1, 1),
                to: d(2020, 12, 31)
            }]
        );
        assert!(relative("He will speak next Monday.", written).is_empty());
        assert!(relative("Police seized 28 tons.", written).is_empty());
    }

    #[test]
    fn the_raids_of_9_march_are_not_earlier_this_month_in_april() {
        let written = d(2021, 4, 6);
        let earlier = relative("earlier this month", written)[0];
        let raids = DaySpan::day(parse_date("on March 9, 2021").unwrap());
        assert!(!earlier.overlaps(&raids));
        assert_eq!(earlier.describe(), "1–6 April 2021");
        assert_eq!(raids.describe(), "9 March 2021");
    }

    #[test]
    fn a_day_without_a_year_takes_the_year_of_writing() {
        assert_eq!(in_year_of(4, 3, d(2021, 4, 6)), Some(d(2021, 4, 3)));
        // "December 30" in an article of 2 January is last year's.
        assert_eq!(in_year_of(12, 30, d(2021, 1, 2)), Some(d(2020, 12, 30)));
        assert_eq!(in_year_of(2, 30, d(2021, 1, 2)), None);
    }
}

//! Check-worthiness: a score in [0, 1] from features a fact-checker can read,
//! each kept as a reason with the words that triggered it.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Feature {
    Quantity,
    Money,
    Date,
    Entity,
    Attribution,
    Superlative,
    Quote,
    Causal,
    Question,
    Opinion,
    Short,
    Heading,
}

impl Feature {
    pub fn label(self) -> &'static str {
        match self {
            Feature::Quantity => "quantity",
            Feature::Money => "money",
            Feature::Date => "date",
            Feature::Entity => "named entity",
            Feature::Attribution => "attribution",
            Feature::Superlative => "superlative",
            Feature::Quote => "quotation",
            Feature::Causal => "causal claim",
            Feature::Question => "question",
            Feature::Opinion => "opinion",
            Feature::Short => "too short",
            Feature::Heading => "heading",
        }
    }

    fn weight(self) -> f32 {
        match self {
            Feature::Quantity => 0.30,
            // A sum of money is a figure and more: it counts as one.
            Feature::Money => 0.40,
            Feature::Date => 0.15,
            Feature::Entity => 0.15,
            Feature::Attribution => 0.20,
            Feature::Superlative => 0.15,
            Feature::Quote => 0.10,
            Feature::Causal => 0.10,
            Feature::Question => -0.40,
            Feature::Opinion => -0.25,
            Feature::Short => -0.30,
            Feature::Heading => -0.25,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    pub feature: Feature,
    /// The words in the sentence that triggered the feature.
    pub evidence: String,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.evidence.is_empty() {
            f.write_str(self.feature.label())
        } else {
            write!(f, "{} ({})", self.feature.label(), self.evidence)
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub value: f32,
    pub reasons: Vec<Reason>,
}

/// Sentences at or above this score are suggested as claims. Calibrated on the
/// seeds so that figures, attributions and named operations pass and chrome,
/// headings and opinion do not.
pub const SUGGEST_THRESHOLD: f32 = 0.5;
const BASE: f32 = 0.10;

const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "half",
    "twice",
    "double",
    "triple",
];
const MONEY_WORDS: &[&str] = &[
    "euro", "euros", "dollar", "dollars", "pound", "pounds", "yen", "francs", "usd", "eur", "gbp",
];
const MONTHS: &[&str] = &[
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
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tomorrow",
];
const ATTRIBUTION: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "according",
    "statement",
    "reported",
    "reports",
    "announced",
    "claimed",
    "claims",
    "revealed",
    "disclosed",
    "confirmed",
    "denied",
    "added",
    "explains",
    "explained",
    "stated",
    "insisted",
    "estimated",
    "estimates",
    "described",
];
const SUPERLATIVE: &[&str] = &[
    "record",
    "record-breaking",
    "biggest",
    "biggest-ever",
    "largest",
    "highest",
    "lowest",
    "most",
    "first",
    "best",
    "worst",
    "ever",
    "unprecedented",
    "main",
    "major",
    "only",
];
const CAUSAL: &[&str] = &[
    "because", "caused", "causes", "due", "led", "leads", "result", "thanks",
];
const OPINION: &[&str] = &[
    "should",
    "must",
    "ought",
    "think",
    "believe",
    "feel",
    "hope",
    "opinion",
    "arguably",
    "astonishing",
    "shocking",
    "wonderful",
    "terrible",
];
/// Capitalised words that are not names when they start a clause.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "I",
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
];

struct Word<'s> {
    text: &'s str,
    lower: String,
}

fn words(sentence: &str) -> Vec<Word<'_>> {
    sentence
        .split(|c: char| c.is_whitespace() || "—–()[]“”\"".contains(c))
        .map(|w| w.trim_matches(|c: char| ",.;:!?'‘’…".contains(c)))
        .filter(|w| !w.is_empty())
        .map(|w| Word {
            text: w,
            lower: w.to_lowercase(),
        })
        .collect()
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit())
}

fn has_digit(w: &str) -> bool {
    w.bytes().any(|b| b.is_ascii_digit())
}

/// The figure starting at word `i` with its unit: "1.4 billion euros", "28 tons".
fn quantity_phrase(ws: &[Word], i: usize) -> String {
    let mut end = i + 1;
    while ws
        .get(end)
        .is_some_and(|w| NUMBER_WORDS.contains(&w.lower.as_str()))
    {
        end += 1;
    }
    let starts_with_symbol = ws[i].text.starts_with(['$', '€', '£', '¥']);
    if let Some(unit) = ws.get(end) {
        let is_unit = unit.text.chars().all(|c| c.is_alphabetic() || c == '-')
            && ![
                "of", "to", "and", "in", "at", "on", "from", "for", "the", "a",
            ]
            .contains(&unit.lower.as_str());
        // After a currency symbol only a money word belongs to the figure ("$2 billion worth").
        if is_unit && (!starts_with_symbol || MONEY_WORDS.contains(&unit.lower.as_str())) {
            end += 1;
        }
    }
    ws[i..end]
        .iter()
        .map(|w| w.text)
        .collect::<Vec<_>>()
        .join(" ")
}

fn push(reasons: &mut Vec<Reason>, feature: Feature, evidence: String) {
    if let Some(r) = reasons.iter_mut().find(|r| r.feature == feature) {
        if r.evidence.is_empty() {
            r.evidence = evidence;
        } else if !evidence.is_empty()
            && !r.evidence.split(", ").any(|e| e == evidence)
            && r.evidence.split(", ").count() < 3
        {
            r.evidence.push_str(", ");
            r.evidence.push_str(&evidence);
        }
    } else {
        reasons.push(Reason { feature, evidence });
    }
}

/// Scores one sentence. `heading` marks a line without a final stop.
pub fn score(sentence: &str, heading: bool) -> Score {
    let ws = words(sentence);
    let mut reasons = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let next = ws.get(i + 1);
        let prev = i.checked_sub(1).map(|p| &ws[p]);
        let with_next = || quantity_phrase(&ws, i);
        let lw = w.lower.as_str();
        let numberish = |x: &Word| has_digit(&x.lower) || NUMBER_WORDS.contains(&x.lower.as_str());
        if NUMBER_WORDS.contains(&lw) && prev.is_some_and(|p| numberish(p) && !is_year(&p.lower)) {
            // Continuation of a figure already taken ("1.4 billion").
        } else if is_year(lw) {
            push(&mut reasons, Feature::Date, w.text.to_string());
        } else if has_digit(lw)
            || NUMBER_WORDS.contains(&lw)
            || NUMBER_WORDS
                .iter()
                .any(|n| lw.starts_with(n) && lw[n.len()..].starts_with('-'))
        {
            let money = w.text.starts_with(['$', '€', '£', '¥'])
                || next.is_some_and(|n| {
                    MONEY_WORDS.contains(&n.lower.as_str())
                        || ws.get(i + 2).is_some_and(|n2| {
                            MONEY_WORDS.contains(&n2.lower.as_str())
                                && NUMBER_WORDS.contains(&n.lower.as_str())
                        })
                });
            let dated = prev.is_some_and(|p| MONTHS.contains(&p.lower.as_str()))
                || next.is_some_and(|n| MONTHS.contains(&n.lower.as_str()));
            if dated {
                push(
                    &mut reasons,
                    Feature::Date,
                    match prev {
                        Some(p) if MONTHS.contains(&p.lower.as_str()) => {
                            format!("{} {}", p.text, w.text)
                        }
                        _ => with_next(),
                    },
                );
            } else if money {
                push(&mut reasons, Feature::Money, with_next());
            } else {
                push(&mut reasons, Feature::Quantity, with_next());
            }
        } else if MONTHS.contains(&lw) && (w.text.starts_with(char::is_uppercase)) && lw != "may"
            || WEEKDAYS.contains(&lw)
        {
            push(&mut reasons, Feature::Date, w.text.to_string());
        } else if lw == "last"
            && next.is_some_and(|n| {
                [
                    "year", "month", "week", "summer", "winter", "spring", "autumn",
                ]
                .contains(&n.lower.as_str())
            })
        {
            push(&mut reasons, Feature::Date, with_next());
        }
        if ATTRIBUTION.contains(&lw) {
            let ev = match next {
                Some(n) if lw == "according" => format!("{} {}", w.text, n.text),
                _ => w.text.to_string(),
            };
            push(&mut reasons, Feature::Attribution, ev);
        }
        if SUPERLATIVE.contains(&lw) || (lw == "times" && prev.is_some_and(|p| has_digit(&p.lower)))
        {
            let ev = if lw == "times" {
                format!("{} times", prev.map(|p| p.text).unwrap_or(""))
            } else {
                w.text.to_string()
            };
            push(&mut reasons, Feature::Superlative, ev);
        }
        if CAUSAL.contains(&lw) {
            push(&mut reasons, Feature::Causal, w.text.to_string());
        }
        if OPINION.contains(&lw)
            || (lw == "i"
                && next.is_some_and(|n| ["think", "believe", "feel"].contains(&n.lower.as_str())))
        {
            push(&mut reasons, Feature::Opinion, w.text.to_string());
        }
        let capital = w.text.starts_with(|c: char| c.is_uppercase());
        let acronym = w.text.len() >= 2
            && w.text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
            && w.text.chars().any(char::is_alphabetic);
        if (capital
            && i > 0
            && !NOT_NAMES.contains(&w.text)
            && !MONTHS.contains(&lw)
            && !WEEKDAYS.contains(&lw))
            || (acronym && !NOT_NAMES.contains(&w.text))
        {
            // Join a run of capitalised words into one name: "Sky ECC", "Port of Antwerp".
            let already =
                prev.is_some_and(|p| p.text.starts_with(|c: char| c.is_uppercase()) && i > 1);
            if !already {
                let mut name = vec![w.text];
                let mut j = i + 1;
                while let Some(n) = ws.get(j) {
                    if n.text.starts_with(|c: char| c.is_uppercase())
                        && !MONTHS.contains(&n.lower.as_str())
                    {
                        name.push(n.text);
                        j += 1;
                    } else {
                        break;
                    }
                }
                push(&mut reasons, Feature::Entity, name.join(" "));
            }
        }
    }
    if sentence.contains(['“', '”', '"', '‘']) || sentence.matches('\'').count() >= 2 {
        push(&mut reasons, Feature::Quote, String::new());
    }
    if sentence.trim_end().ends_with('?') {
        push(&mut reasons, Feature::Question, String::new());
    }
    if ws.len() < 6 {
        push(&mut reasons, Feature::Short, format!("{} words", ws.len()));
    }
    if heading {
        push(&mut reasons, Feature::Heading, String::new());
    }
    reasons.sort_by_key(|r| r.feature);
    let mut value = BASE + reasons.iter().map(|r| r.feature.weight()).sum::<f32>();
    // Several names or figures make a sentence more specific, up to a point.
    if let Some(e) = reasons.iter().find(|r| r.feature == Feature::Entity) {
        value += 0.05 * (e.evidence.split(", ").count().min(3) - 1) as f32;
    }
    Score {
        value: value.clamp(0.0, 1.0),
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(s: &str) -> Vec<Feature> {
        score(s, false)
            .reasons
            .into_iter()
            .map(|r| r.feature)
            .collect()
    }

    #[test]
    fn figures_money_dates_and_attribution_are_found() {
        let s = score(
            "Police in Belgium has seized 28 tons of cocaine worth 1.4 billion euros in street value, according to a statement on Monday.",
            false,
        );
        let text: Vec<String> = s.reasons.iter().map(ToString::to_string).collect();
        assert!(
            text.contains(&"money (1.4 billion euros)".to_string()),
            "{text:?}"
        );
        assert!(
            text.iter().any(|t| t.starts_with("quantity (28 tons")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.starts_with("attribution (according to")),
            "{text:?}"
        );
        assert!(
            text.iter().any(|t| t.starts_with("date (Monday")),
            "{text:?}"
        );
        assert!(s.value >= SUGGEST_THRESHOLD);
    }

    #[test]
    fn superlatives_entities_and_quotes() {
        let f = features(
            "It was the biggest-ever operation of its kind, the NCA said of Operation Venetic.",
        );
        for want in [Feature::Superlative, Feature::Entity, Feature::Attribution] {
            assert!(f.contains(&want), "{want:?} in {f:?}");
        }
        assert!(features("He said: \"It is over.\"").contains(&Feature::Quote));
        assert!(
            features("The amount has risen to 14 times the size it was in 2013.")
                .contains(&Feature::Superlative)
        );
    }

    #[test]
    fn questions_opinions_headings_and_chatter_score_low() {
        for s in [
            "Is hunger the deadliest weapon of modern conflict?",
            "Police said investigations continue.",
            "We think this should change.",
        ] {
            assert!(
                score(s, false).value < SUGGEST_THRESHOLD,
                "{s}: {:?}",
                score(s, false)
            );
        }
        assert!(score("Record cocaine hauls", true).value < SUGGEST_THRESHOLD);
    }
}

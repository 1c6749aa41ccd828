//! Check-worthiness: a score in [0, 1] from features a fact-checker can read,
//! each kept as a reason with the words that triggered it.

use super::entities::Entity;
use super::lexicon::WordSet;
use super::quantity::{Quantity, UnitClass};
use super::tokens::Token;
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
    /// A verifiable action: seized, arrested, charged, ruled, dismantled…
    Event,
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
            Feature::Event => "event",
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
            Feature::Event => 0.15,
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

/// Sentences at or above this score are suggested as claims. Calibrated on
/// the hand-labelled seeds (tests/fixtures/seeds_labels.json) for recall
/// first: a fact-checker can dismiss a suggestion, but not see a missed claim.
pub const SUGGEST_THRESHOLD: f32 = 0.4;
const BASE: f32 = 0.10;

static WEEKDAYS: WordSet = WordSet::new(&[
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
]);
static ATTRIBUTION: WordSet = WordSet::new(&[
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
]);
static SUPERLATIVE: WordSet = WordSet::new(&[
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
]);
static EVENTS: WordSet = WordSet::new(&[
    "seized",
    "seize",
    "seizes",
    "arrested",
    "arrests",
    "charged",
    "ruled",
    "cracked",
    "dismantled",
    "detained",
    "convicted",
    "sentenced",
    "killed",
    "infiltrated",
    "migrated",
    "launched",
    "discovered",
    "intercepted",
    "raided",
    "searched",
    "shipped",
    "smuggled",
    "banned",
    "fined",
    "apprehended",
    "held",
    "offline",
    "deletes",
    "dismantle",
    "uncovered",
    "prevented",
    "monitored",
    "accused",
    "jailed",
    "died",
    "injured",
    "resigned",
    "elected",
    "voted",
    "passed",
    "approved",
    "rejected",
    "signed",
    "closed",
    "opened",
    "increased",
    "decreased",
    "rose",
    "fell",
    "doubled",
    "tripled",
    "broke",
    "gained",
    "hacked",
    "disputed",
]);
static CAUSAL: WordSet = WordSet::new(&[
    "because", "caused", "causes", "due", "led", "leads", "result", "thanks",
]);
static OPINION: WordSet = WordSet::new(&[
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
]);
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

const WEEKDAY: u8 = 1;
const ATTRIBUTES: u8 = 2;
const SUPERLATIVE_WORD: u8 = 4;
const EVENT: u8 = 8;
const CAUSES: u8 = 16;
const OPINES: u8 = 32;

/// Which of the word lists a word is in, with one hash per word.
fn word_flags(w: &str) -> u8 {
    static FLAGS: std::sync::OnceLock<
        std::collections::HashMap<&'static str, u8, super::lexicon::FnvBuild>,
    > = std::sync::OnceLock::new();
    let map = FLAGS.get_or_init(|| {
        let mut m = std::collections::HashMap::default();
        for (list, flag) in [
            (&WEEKDAYS, WEEKDAY),
            (&ATTRIBUTION, ATTRIBUTES),
            (&SUPERLATIVE, SUPERLATIVE_WORD),
            (&EVENTS, EVENT),
            (&CAUSAL, CAUSES),
            (&OPINION, OPINES),
        ] {
            for w in list.words() {
                *m.entry(*w).or_insert(0) |= flag;
            }
        }
        m
    });
    map.get(w).copied().unwrap_or(0)
}

/// Scores one sentence. `heading` marks a line without a final stop.
pub fn score(sentence: &str, heading: bool) -> Score {
    let quantities = super::quantity::extract(sentence);
    let entities = super::entities::extract(sentence);
    score_with(sentence, heading, &quantities, &entities)
}

/// Scores a sentence whose figures and names were already extracted.
pub fn score_with(
    sentence: &str,
    heading: bool,
    quantities: &[Quantity],
    entities: &[Entity],
) -> Score {
    score_tokens(
        sentence,
        &super::tokens::tokenize(sentence),
        heading,
        quantities,
        entities,
    )
}

/// Scores an already tokenized sentence.
pub fn score_tokens(
    sentence: &str,
    ws: &[Token],
    heading: bool,
    quantities: &[Quantity],
    entities: &[Entity],
) -> Score {
    let mut reasons = Vec::new();
    for q in quantities {
        let feature = match q.unit {
            UnitClass::Money => Feature::Money,
            UnitClass::Date => Feature::Date,
            _ => Feature::Quantity,
        };
        push(&mut reasons, feature, q.surface.clone());
    }
    for e in entities {
        push(&mut reasons, Feature::Entity, e.text.clone());
    }
    for (i, w) in ws.iter().enumerate() {
        let next = ws.get(i + 1);
        let prev = i.checked_sub(1).map(|p| &ws[p]);
        let lw = w.lower.as_ref();
        let f = word_flags(lw);
        if f & WEEKDAY != 0 {
            push(&mut reasons, Feature::Date, w.text.to_string());
        } else if matches!(lw, "last" | "this" | "next")
            && let Some(n) = next.filter(|n| {
                [
                    "year", "month", "week", "summer", "winter", "spring", "autumn",
                ]
                .contains(&n.lower.as_ref())
            })
        {
            push(
                &mut reasons,
                Feature::Date,
                format!("{} {}", w.text, n.text),
            );
        }
        // "reports" is a verb after a name ("CNN reports") or before "that"; else a noun.
        let noun_reports = lw == "reports"
            && prev.is_none_or(|p| !p.text.starts_with(char::is_uppercase))
            && next.is_none_or(|n| n.lower != "that");
        if f & ATTRIBUTES != 0 && !noun_reports {
            let ev = match next {
                Some(n) if lw == "according" => format!("{} {}", w.text, n.text),
                _ => w.text.to_string(),
            };
            push(&mut reasons, Feature::Attribution, ev);
        }
        let times =
            lw == "times" && prev.is_some_and(|p| p.lower.bytes().any(|b| b.is_ascii_digit()));
        if f & SUPERLATIVE_WORD != 0 || times {
            let ev = if times {
                format!("{} times", prev.map(|p| p.text).unwrap_or(""))
            } else {
                w.text.to_string()
            };
            push(&mut reasons, Feature::Superlative, ev);
        }
        if f & EVENT != 0 {
            push(&mut reasons, Feature::Event, w.text.to_string());
        }
        if f & CAUSES != 0 {
            push(&mut reasons, Feature::Causal, w.text.to_string());
        }
        let simile = lw == "like"
            && prev.is_some_and(|p| matches!(p.lower.as_ref(), "is" | "are" | "was" | "were"));
        if f & OPINES != 0
            || simile
            || (lw == "i"
                && next.is_some_and(|n| ["think", "believe", "feel"].contains(&n.lower.as_ref())))
        {
            push(&mut reasons, Feature::Opinion, w.text.to_string());
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
    // A headline that states a figure is a claim like any other.
    if heading && !quantities.is_empty() {
        value -= Feature::Heading.weight();
    }
    // Several names or figures make a sentence more specific, up to a point.
    value += 0.05 * (entities.len().clamp(1, 3) - 1) as f32;
    value += 0.05 * (quantities.len().clamp(1, 3) - 1) as f32;
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

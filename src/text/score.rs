//! Check-worthiness: a score in [0, 1] from features a fact-checker can read,
//! each kept as a reason with the words that triggered it.

use super::entities::Entity;
use super::lexicon::WordSet;
use super::quantity::{Quantity, UnitClass};
use super::tokens::Token;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
    /// A promise or plan: "will", "I'll", "going to", "plans to".
    Future,
    /// A word whose learned weight pushed the score up.
    Word,
}

impl Feature {
    /// The named signals the model reads as dense features (all but `Word`).
    pub const COUNT: usize = 14;

    pub fn label(self) -> &'static str {
        match self {
            Feature::Quantity => "figure",
            Feature::Money => "money",
            Feature::Date => "date",
            Feature::Entity => "name",
            Feature::Attribution => "attribution",
            Feature::Superlative => "superlative",
            Feature::Quote => "quotation",
            Feature::Causal => "causal claim",
            Feature::Event => "event",
            Feature::Question => "question",
            Feature::Opinion => "opinion",
            Feature::Short => "too short",
            Feature::Heading => "heading",
            Feature::Future => "promise or plan",
            Feature::Word => "word",
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
        if self.feature == Feature::Word {
            write!(f, "\"{}\"", self.evidence)
        } else if self.evidence.is_empty() {
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

/// Sentences at or above this score are suggested as claims: the shipped
/// model's threshold, chosen by cross-validation on its training data.
pub fn suggest_threshold() -> f32 {
    super::model::shipped().threshold
}

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

const WEEKDAY: u16 = 1;
const ATTRIBUTES: u16 = 2;
const SUPERLATIVE_WORD: u16 = 4;
const EVENT: u16 = 8;
const CAUSES: u16 = 16;
const OPINES: u16 = 32;
const THOUGHT: u16 = 64;
const FUTURE: u16 = 128;
/// A plan when "to" follows: "plans to", "going to".
const PLANS: u16 = 256;

static THOUGHTS: WordSet = WordSet::new(&["think", "believe", "feel", "hope"]);
static FUTURE_WORDS: WordSet = WordSet::new(&["will", "won't", "won’t", "shall"]);
static PLAN_WORDS: WordSet = WordSet::new(&[
    "going", "plan", "plans", "intend", "intends", "promise", "pledge",
]);

/// Which of the word lists a word is in, with one hash per word.
fn word_flags(w: &str) -> u16 {
    static FLAGS: std::sync::OnceLock<
        std::collections::HashMap<&'static str, u16, super::lexicon::WordHash>,
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
            (&THOUGHTS, THOUGHT),
            (&FUTURE_WORDS, FUTURE),
            (&PLAN_WORDS, PLANS),
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
    let tokens = super::tokens::tokenize(sentence);
    let quantities = super::quantity::extract_from(sentence, &tokens);
    let entities = super::entities::extract_from(&tokens);
    score_tokens(sentence, &tokens, heading, &quantities, &entities)
}

/// First and second person: a speech or thought verb after these is the
/// speaker's own ("let me just say", "I believe"), not a source's.
fn own_voice(w: &str) -> bool {
    matches!(
        w,
        "i" | "me" | "we" | "us" | "you" | "let" | "i'd" | "we'd" | "i'm" | "i’m" | "i’d"
    )
}

/// The named signals of a sentence, each with the words that show it.
// Long on purpose: the named signals of a sentence in order, each a few lines.
pub fn signals(
    sentence: &str,
    ws: &[Token],
    heading: bool,
    quantities: &[Quantity],
    entities: &[Entity],
) -> Vec<Reason> {
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
        // Asked only of speech and thought verbs: most words never need it.
        let own = || {
            ws[i.saturating_sub(3)..i]
                .iter()
                .any(|t| own_voice(t.lower.as_ref()))
        };
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
        if f & ATTRIBUTES != 0 && !noun_reports && !own() {
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
        // A thought verb is an opinion in the speaker's own voice only:
        // "police believe the gang…" reports a belief, "I believe" holds one.
        let thought = f & THOUGHT != 0;
        let simile = lw == "like"
            && prev.is_some_and(|p| matches!(p.lower.as_ref(), "is" | "are" | "was" | "were"));
        if (f & OPINES != 0 && !thought) || (thought && own()) || simile {
            push(&mut reasons, Feature::Opinion, w.text.to_string());
        }
        // "will", "I'll", "going to", "plans to": a promise or a plan.
        if f & FUTURE != 0
            || (f & PLANS != 0 && next.is_some_and(|n| n.lower == "to"))
            || lw.ends_with("'ll")
            || lw.ends_with("’ll")
        {
            push(&mut reasons, Feature::Future, w.text.to_string());
        }
    }
    if super::quotation::has_quotation(sentence) {
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
    reasons
}

/// Words shown as reasons push the score up by at least this (log-odds).
const WORD_REASON: f32 = 0.4;

/// Scores an already tokenized sentence with the shipped model. The reasons
/// are the signals in the sentence, strongest first, then (for sentences
/// near or above the threshold) up to three of its words whose learned
/// weights pushed it up.
pub fn score_tokens(
    sentence: &str,
    ws: &[Token],
    heading: bool,
    quantities: &[Quantity],
    entities: &[Entity],
) -> Score {
    let model = super::model::shipped();
    let mut reasons = signals(sentence, ws, heading, quantities, entities);
    let present: Vec<Feature> = reasons.iter().map(|r| r.feature).collect();
    let weighed = model.weigh(ws, &present, entities.len(), quantities.len());
    let value = weighed.probability;
    let weight = |f: Feature| model.signal_weight(f).abs();
    reasons.sort_by(|a, b| weight(b.feature).total_cmp(&weight(a.feature)));
    // Words are named only where they matter: near or above the threshold
    // (and it spares the pipeline the work on every other sentence).
    if value >= model.threshold / 2.0 {
        for (t, w) in heaviest_three(&weighed.words) {
            if w >= WORD_REASON && !reasons.iter().any(|r| r.evidence.contains(ws[t].text)) {
                reasons.push(Reason {
                    feature: Feature::Word,
                    evidence: ws[t].text.to_string(),
                });
            }
        }
    }
    Score { value, reasons }
}

/// The three heaviest word weights with their token indices, heaviest
/// first, a tie going to the earlier word: what a stable sort by weight
/// would put first, without sorting every word of every sentence.
fn heaviest_three(words: &[f32]) -> impl Iterator<Item = (usize, f32)> {
    let mut top: [Option<(usize, f32)>; 3] = [None; 3];
    for (t, &w) in words.iter().enumerate() {
        let at = top.iter().position(|slot| {
            slot.is_none_or(|(_, held)| w.total_cmp(&held) == std::cmp::Ordering::Greater)
        });
        if let Some(at) = at {
            top.copy_within(at..2, at + 1);
            top[at] = Some((t, w));
        }
    }
    top.into_iter().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_heaviest_three_are_a_stable_sorts_first_three(
            words in proptest::collection::vec(-3i8..3, 0..12)
        ) {
            // Few distinct weights: ties are the rule, not the exception.
            let words: Vec<f32> = words.into_iter().map(|w| f32::from(w) / 2.0).collect();
            let mut sorted: Vec<(usize, f32)> = words.iter().copied().enumerate().collect();
            sorted.sort_by(|a, b| b.1.total_cmp(&a.1));
            sorted.truncate(3);
            proptest::prop_assert_eq!(heaviest_three(&words).collect::<Vec<_>>(), sorted);
        }
    }

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
        for want in [
            "money (1.4 billion euros)",
            "figure (28 tons",
            "attribution (according to",
            "date (Monday",
        ] {
            assert!(text.iter().any(|t| t.starts_with(want)), "{want}: {text:?}");
        }
        assert!(s.value >= suggest_threshold());
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
        assert!(features("He called it 'the end of an era' on Monday.").contains(&Feature::Quote));
        assert!(
            features("The amount has risen to 14 times the size it was in 2013.")
                .contains(&Feature::Superlative)
        );
    }

    #[test]
    fn contractions_are_not_quotations() {
        for s in [
            "We don't know and they can't say, it's over.",
            "The officers' cars weren't there.",
        ] {
            assert!(!features(s).contains(&Feature::Quote), "{s}");
        }
    }

    #[test]
    fn the_speakers_own_voice_is_not_attribution_nor_a_source_opinion() {
        assert!(!features("Let me just say this about the plan.").contains(&Feature::Attribution));
        assert!(!features("I said it before and I say it again.").contains(&Feature::Attribution));
        assert!(features("The minister said the plan failed.").contains(&Feature::Attribution));
        // A belief reported of others is not the writer's opinion.
        assert!(!features("Police believe the gang imported 28 tons.").contains(&Feature::Opinion));
        assert!(features("I believe we can win this.").contains(&Feature::Opinion));
    }

    #[test]
    fn no_unit_across_a_comma() {
        let s = score("Number two, we need jobs.", false);
        assert!(
            !s.reasons.iter().any(|r| r.evidence.contains("we")),
            "{:?}",
            s.reasons
        );
    }

    #[test]
    fn promises_are_plans_and_score_below_the_fact() {
        assert!(features("I'll create 12 million jobs.").contains(&Feature::Future));
        assert!(features("We are going to cut taxes by 10%.").contains(&Feature::Future));
        let promise = score("I will create 12 million new jobs.", false).value;
        let fact = score("The economy created 12 million new jobs last year.", false).value;
        assert!(promise < fact, "{promise} vs {fact}");
    }

    #[test]
    fn words_that_pushed_the_score_are_readable_reasons() {
        let s = score(
            "Unemployment rose to 8 percent in 2010, the highest in decades.",
            false,
        );
        let shown: Vec<String> = s.reasons.iter().map(ToString::to_string).collect();
        assert!(
            s.reasons
                .iter()
                .filter(|r| r.feature == Feature::Word)
                .all(|r| !r.evidence.is_empty()),
            "{shown:?}"
        );
        assert!(
            shown.iter().all(|r| !r.contains("0x")),
            "no hash ids: {shown:?}"
        );
    }

    #[test]
    fn questions_and_chatter_score_low() {
        for s in [
            "Is hunger the deadliest weapon of modern conflict?",
            "Thank you very much.",
            "We think this should change.",
        ] {
            assert!(
                score(s, false).value < suggest_threshold(),
                "{s}: {:?}",
                score(s, false)
            );
        }
    }
}

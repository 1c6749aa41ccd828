//! A fact-checker's rating, as published ("Pants on Fire!", "Falso", 2 of 5),
//! on claimdesk's scale: true, disputed, false, unverifiable, or other.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Normalised {
    True,
    Disputed,
    False,
    Unverifiable,
    /// Satire, "no rating", a rating no rule reads.
    Other,
}

impl Normalised {
    pub fn name(self) -> &'static str {
        match self {
            Normalised::True => "true",
            Normalised::Disputed => "disputed",
            Normalised::False => "false",
            Normalised::Unverifiable => "unverifiable",
            Normalised::Other => "other",
        }
    }

    /// The verdict a fact-checker would give on claimdesk's scale, if any.
    pub fn verdict(self) -> Option<crate::store::Verdict> {
        use crate::store::Verdict;
        match self {
            Normalised::True => Some(Verdict::True),
            Normalised::Disputed => Some(Verdict::Disputed),
            Normalised::False => Some(Verdict::False),
            Normalised::Unverifiable => Some(Verdict::Unverifiable),
            Normalised::Other => None,
        }
    }
}

/// Ratings that say the claim is partly right: checked before the plain
/// words they contain ("mostly false" is not "false").
const DISPUTED: &[&str] = &[
    "mostly true",
    "half true",
    "half-true",
    "mostly false",
    "partly false",
    "partly true",
    "partially false",
    "partially true",
    "mixture",
    "mixed",
    "misleading",
    "missing context",
    "lacks context",
    "needs context",
    "out of context",
    "exaggerated",
    "exaggeration",
    "distorted",
    "distorts",
    "cherry",
    "spin",
    "inaccurate",
    "not the whole story",
    "half right",
    "engañoso",
    "enganoso",
    "impreciso",
    "trompeur",
    "trompeuse",
    "partiellement",
    "irreführend",
    "teilweise",
    "fuorviante",
    "parzialmente",
    "misleidend",
    "deels",
    "verdadero pero",
    "needs clarification",
    "flip-flop",
    "half flip",
    "disputed",
];

const UNVERIFIABLE: &[&str] = &[
    "unproven",
    "unverified",
    "unverifiable",
    "unsupported",
    "no evidence",
    "not proven",
    "cannot be verified",
    "can't be verified",
    "unclear",
    "undetermined",
    "research in progress",
    "insufficient evidence",
    "no hay pruebas",
    "sin evidencia",
    "inverificable",
    "invérifiable",
    "non vérifiable",
    "unbelegt",
    "nicht belegt",
    "non verificabile",
    "unknown",
];

const FALSE: &[&str] = &[
    "false",
    "pants on fire",
    "incorrect",
    "wrong",
    "fake",
    "fabricated",
    "hoax",
    "bogus",
    "baseless",
    "debunked",
    "untrue",
    "not true",
    "four pinocchios",
    "falso",
    "falsa",
    "faux",
    "fausse",
    "falsch",
    "fake news",
    "onwaar",
    "nep",
    "sbagliato",
    "mentira",
    "scam",
];

const TRUE: &[&str] = &[
    "true",
    "correct",
    "accurate",
    "verdadero",
    "cierto",
    "vrai",
    "wahr",
    "richtig",
    "vero",
    "waar",
    "verified",
    "geppetto checkmark",
];

const OTHER: &[&str] = &["satire", "no rating", "not rated", "opinion", "parody"];

/// Reads a rating's words; failing that, its place on its scale (worst to
/// best: the lowest fifth false, the highest true, between disputed).
pub fn normalise(
    name: &str,
    value: Option<f64>,
    best: Option<f64>,
    worst: Option<f64>,
) -> Normalised {
    let n = name.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| contains_words(&n, w));
    if has(OTHER) {
        return Normalised::Other;
    }
    if has(DISPUTED) {
        return Normalised::Disputed;
    }
    if has(UNVERIFIABLE) {
        return Normalised::Unverifiable;
    }
    if has(FALSE) {
        return Normalised::False;
    }
    if has(TRUE) {
        return Normalised::True;
    }
    match (value, best) {
        (Some(v), Some(b)) => {
            let w = worst.unwrap_or(1.0);
            if b <= w {
                return Normalised::Other;
            }
            let at = (v - w) / (b - w);
            if at <= 0.2 {
                Normalised::False
            } else if at >= 0.8 {
                Normalised::True
            } else {
                Normalised::Disputed
            }
        }
        _ => Normalised::Other,
    }
}

/// `phrase` in `text` at word boundaries ("true" is not in "untrue").
fn contains_words(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_ratings_land_on_the_scale() {
        let n = |s: &str| normalise(s, None, None, None);
        assert_eq!(n("Pants on Fire!"), Normalised::False);
        assert_eq!(n("Mostly False"), Normalised::Disputed);
        assert_eq!(n("Half True"), Normalised::Disputed);
        assert_eq!(n("Untrue"), Normalised::False);
        assert_eq!(n("True"), Normalised::True);
        assert_eq!(n("Falso"), Normalised::False);
        assert_eq!(n("Engañoso"), Normalised::Disputed);
        assert_eq!(n("Unproven"), Normalised::Unverifiable);
        assert_eq!(n("Satire"), Normalised::Other);
        assert_eq!(n("Four Pinocchios"), Normalised::False);
        assert_eq!(
            normalise("", Some(1.0), Some(5.0), Some(1.0)),
            Normalised::False
        );
        assert_eq!(
            normalise("", Some(3.0), Some(5.0), Some(1.0)),
            Normalised::Disputed
        );
        assert_eq!(
            normalise("", Some(5.0), Some(5.0), Some(1.0)),
            Normalised::True
        );
        assert_eq!(normalise("Blue", None, None, None), Normalised::Other);
    }
}

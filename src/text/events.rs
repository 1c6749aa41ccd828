//! What happened in a sentence: the kind of event its words name (a seizure,
//! an arrest, a rise), found on real stems so that "seized", "seizes" and
//! "seizing" meet while "seizure" (the noun) stays a noun.
//!
//! Reporting verbs ("said", "announced", "reported") name no event: two
//! sentences that both quote a statement are not thereby about one thing.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventKind {
    Seize,
    Ship,
    Arrest,
    Charge,
    Convict,
    Kill,
    Injure,
    Evacuate,
    Raid,
    Investigate,
    Dismantle,
    Crack,
    Monitor,
    Rise,
    Fall,
    Elect,
    Win,
    Lose,
    Attack,
    Fire,
    Buy,
    Sell,
    Pay,
    Launch,
    Strike,
    Resign,
    Approve,
    Reject,
    Rescue,
    Ban,
}

impl EventKind {
    /// Every kind, in their order (a kind's place is its number).
    pub const ALL: [EventKind; 30] = [
        EventKind::Seize,
        EventKind::Ship,
        EventKind::Arrest,
        EventKind::Charge,
        EventKind::Convict,
        EventKind::Kill,
        EventKind::Injure,
        EventKind::Evacuate,
        EventKind::Raid,
        EventKind::Investigate,
        EventKind::Dismantle,
        EventKind::Crack,
        EventKind::Monitor,
        EventKind::Rise,
        EventKind::Fall,
        EventKind::Elect,
        EventKind::Win,
        EventKind::Lose,
        EventKind::Attack,
        EventKind::Fire,
        EventKind::Buy,
        EventKind::Sell,
        EventKind::Pay,
        EventKind::Launch,
        EventKind::Strike,
        EventKind::Resign,
        EventKind::Approve,
        EventKind::Reject,
        EventKind::Rescue,
        EventKind::Ban,
    ];

    pub fn name(self) -> &'static str {
        match self {
            EventKind::Seize => "seizure",
            EventKind::Ship => "shipment",
            EventKind::Arrest => "arrest",
            EventKind::Charge => "charge",
            EventKind::Convict => "conviction",
            EventKind::Kill => "death",
            EventKind::Injure => "injury",
            EventKind::Evacuate => "evacuation",
            EventKind::Raid => "raid",
            EventKind::Investigate => "investigation",
            EventKind::Dismantle => "dismantling",
            EventKind::Crack => "breach",
            EventKind::Monitor => "interception",
            EventKind::Rise => "rise",
            EventKind::Fall => "fall",
            EventKind::Elect => "election",
            EventKind::Win => "win",
            EventKind::Lose => "loss",
            EventKind::Attack => "attack",
            EventKind::Fire => "fire",
            EventKind::Buy => "purchase",
            EventKind::Sell => "sale",
            EventKind::Pay => "payment",
            EventKind::Launch => "launch",
            EventKind::Strike => "strike",
            EventKind::Resign => "resignation",
            EventKind::Approve => "approval",
            EventKind::Reject => "rejection",
            EventKind::Rescue => "rescue",
            EventKind::Ban => "ban",
        }
    }

    /// What was done to a thing, as in "11 tons shipped".
    pub fn done(self) -> &'static str {
        match self {
            EventKind::Seize => "seized",
            EventKind::Ship => "shipped",
            EventKind::Arrest => "arrested",
            EventKind::Charge => "charged",
            EventKind::Convict => "convicted",
            EventKind::Kill => "killed",
            EventKind::Injure => "injured",
            EventKind::Evacuate => "evacuated",
            EventKind::Raid => "raided",
            EventKind::Investigate => "investigated",
            EventKind::Dismantle => "dismantled",
            EventKind::Crack => "cracked",
            EventKind::Monitor => "intercepted",
            EventKind::Rise => "risen",
            EventKind::Fall => "fallen",
            EventKind::Elect => "elected",
            EventKind::Win => "won",
            EventKind::Lose => "lost",
            EventKind::Attack => "attacked",
            EventKind::Fire => "burnt",
            EventKind::Buy => "bought",
            EventKind::Sell => "sold",
            EventKind::Pay => "paid",
            EventKind::Launch => "launched",
            EventKind::Strike => "struck",
            EventKind::Resign => "resigned",
            EventKind::Approve => "approved",
            EventKind::Reject => "rejected",
            EventKind::Rescue => "rescued",
            EventKind::Ban => "banned",
        }
    }

    /// Two outcomes that cannot both be what happened to the same thing:
    /// goods shipped are not goods seized, a rise is not a fall.
    pub fn excludes(self, other: EventKind) -> bool {
        use EventKind::*;
        let pair = |a: EventKind, b: EventKind| (self, other) == (a, b) || (self, other) == (b, a);
        pair(Ship, Seize)
            || pair(Rise, Fall)
            || pair(Win, Lose)
            || pair(Buy, Sell)
            || pair(Kill, Injure)
            || pair(Kill, Rescue)
            || pair(Arrest, Convict)
            || pair(Approve, Reject)
    }
}

/// Whether a word names the action (a verb form) or the thing (a noun).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Verb,
    Noun,
}

/// Words of each kind of event, as written; looked up by their stems.
/// A word that is both ("arrest", "raid") is listed as a verb.
const LEXICON: &[(EventKind, &[&str], &[&str])] = &[
    (
        EventKind::Seize,
        &["seize", "confiscate", "impound"],
        &["seizure", "haul", "bust", "confiscation"],
    ),
    (
        EventKind::Ship,
        &["ship", "smuggle", "import", "export", "transport"],
        &["shipment", "consignment", "cargo"],
    ),
    (
        EventKind::Arrest,
        &["arrest", "detain", "apprehend"],
        &["detention", "custody"],
    ),
    (EventKind::Charge, &["charge", "indict"], &["indictment"]),
    (
        EventKind::Convict,
        &["convict", "sentence", "jail", "imprison"],
        &["conviction", "imprisonment"],
    ),
    (
        EventKind::Kill,
        &["kill", "die", "murder"],
        &["death", "dead", "fatality", "killing"],
    ),
    (EventKind::Injure, &["injure", "wound"], &["injury"]),
    (
        EventKind::Evacuate,
        &["evacuate", "flee"],
        &["evacuation", "evacuee"],
    ),
    (EventKind::Raid, &["raid", "swoop"], &[]),
    (
        EventKind::Investigate,
        &["investigate", "probe"],
        &["investigation", "inquiry"],
    ),
    (
        EventKind::Dismantle,
        &["dismantle", "demolish", "destroy"],
        &[],
    ),
    (
        EventKind::Crack,
        &["crack", "hack", "decrypt", "infiltrate", "breach"],
        &["access"],
    ),
    (
        EventKind::Monitor,
        &["intercept", "monitor", "eavesdrop", "wiretap"],
        &["surveillance", "interception"],
    ),
    (
        EventKind::Rise,
        &["rise", "increase", "grow", "climb", "soar", "surge", "jump"],
        &["growth"],
    ),
    (
        EventKind::Fall,
        &[
            "fall", "drop", "decline", "decrease", "plunge", "slump", "shrink",
        ],
        &[],
    ),
    (
        EventKind::Elect,
        &["elect", "vote"],
        &["election", "ballot"],
    ),
    (EventKind::Win, &["win", "won"], &["victory"]),
    (EventKind::Lose, &["lose", "lost"], &["defeat"]),
    (
        EventKind::Attack,
        &["attack", "bomb", "shoot", "explode", "assault"],
        &["explosion", "bombing", "shooting", "blast"],
    ),
    (
        EventKind::Fire,
        &["burn"],
        &["fire", "blaze", "bushfire", "wildfire"],
    ),
    (
        EventKind::Buy,
        &["buy", "bought", "acquire", "purchase"],
        &["acquisition"],
    ),
    (EventKind::Sell, &["sell", "sold"], &["sale"]),
    (
        EventKind::Pay,
        &["pay", "paid", "spend", "spent", "cost"],
        &["payment"],
    ),
    (EventKind::Launch, &["launch"], &[]),
    (EventKind::Strike, &["strike", "struck"], &["walkout"]),
    (EventKind::Resign, &["resign"], &["resignation"]),
    (EventKind::Approve, &["approve", "ratify"], &["approval"]),
    (EventKind::Reject, &["reject", "veto"], &["rejection"]),
    (EventKind::Rescue, &["rescue", "save"], &["survivor"]),
    (
        EventKind::Ban,
        &["ban", "outlaw", "prohibit"],
        &["prohibition"],
    ),
];

fn stemmer() -> &'static rust_stemmers::Stemmer {
    static STEMMER: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English))
}

thread_local! {
    // Every word of every sentence is looked up here, and the corpus's
    // words are the keys: foldhash, fast on short strings, seeded at
    // random so that no text can be written to make its words collide.
    static STEMS: std::cell::RefCell<foldhash::HashMap<String, String>> =
        std::cell::RefCell::new(foldhash::HashMap::default());
}

/// Lets go of the stems this thread keeps. A corpus's threads keep a stem
/// for each word they met, up to `with_stem`'s bound: on real news, whose
/// names and rare words run to tens of thousands, megabytes a thread that
/// the workbench would hold all session once its corpus is linked.
pub fn forget_stems() {
    STEMS.with(|c| {
        if let Ok(mut c) = c.try_borrow_mut() {
            *c = foldhash::HashMap::default();
        }
    });
}

/// The English (Porter 2) stem of a word, lower-cased. News repeats its
/// words: each thread keeps the stems it has made, up to a bound.
pub fn stem(word: &str) -> String {
    with_stem(word, str::to_string)
}

/// `read` of the stem of `word`, as `stem` makes it, without copying a stem
/// the cache holds. `read` may ask for stems itself (the event table is
/// built so on first use): a stem it makes while the cache is lent is not
/// kept.
pub fn with_stem<R>(word: &str, read: impl FnOnce(&str) -> R) -> R {
    const MAX_CACHED: usize = 100_000;
    let lower = super::lexicon::lower(word);
    let w = super::lexicon::strip_possessive(lower.as_ref());
    STEMS.with(|c| {
        if let Some(s) = c.borrow().get(w) {
            return read(s);
        }
        let s = stemmer().stem(w).into_owned();
        let answer = read(&s);
        // Lent to a reader further up this thread's stack: not kept.
        if let Ok(mut c) = c.try_borrow_mut() {
            if c.len() >= MAX_CACHED {
                c.clear();
            }
            c.insert(w.to_string(), s);
        }
        answer
    })
}

/// The event stems, looked up by the stem of every word: rustc-hash's
/// hasher, as the keys are ours.
fn table() -> &'static HashMap<String, (EventKind, Form)> {
    static TABLE: OnceLock<HashMap<String, (EventKind, Form)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = HashMap::default();
        for (kind, verbs, nouns) in LEXICON {
            for n in *nouns {
                t.insert(stem(n), (*kind, Form::Noun));
            }
            // Verbs last: a stem shared by both forms reads as the action.
            for v in *verbs {
                t.insert(stem(v), (*kind, Form::Verb));
            }
        }
        t
    })
}

/// The kind of event a stem names, if any.
pub fn of_stem(stem: &str) -> Option<(EventKind, Form)> {
    table().get(stem).copied()
}

/// The kind of event a word names, if any.
pub fn of_word(word: &str) -> Option<(EventKind, Form)> {
    of_stem(&stem(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_of_a_cached_stem_may_ask_for_stems_itself() {
        // The first `of_stem` on a thread builds the event table, stemming
        // its words, from inside the reader of a stem the cache lends.
        assert_eq!(stem("seizures"), "seizur");
        let nested = with_stem("seizures", |outer| {
            (outer.to_string(), stem("zanzibarified"), stem("seizures"))
        });
        assert_eq!(
            nested,
            ("seizur".into(), "zanzibarifi".into(), "seizur".into())
        );
        // The stem made while the cache was lent was not kept, and is made
        // again when asked.
        assert_eq!(stem("zanzibarified"), "zanzibarifi");
    }

    #[test]
    fn forgotten_stems_are_let_go_and_made_again() {
        let kept = || STEMS.with(|c| c.borrow().len());
        assert_eq!(stem("smugglers"), "smuggler");
        assert!(kept() > 0);
        forget_stems();
        assert_eq!(kept(), 0);
        // Forgetting from inside a reader the cache lends to is no panic,
        // and keeps what it lends.
        with_stem("smugglers", |s| {
            forget_stems();
            assert_eq!(s, "smuggler");
        });
        assert_eq!(stem("smugglers"), "smuggler");
        assert_eq!(kept(), 1);
    }

    #[test]
    fn every_kind_is_in_all_at_its_own_number() {
        for (i, kind) in EventKind::ALL.iter().enumerate() {
            assert_eq!(*kind as usize, i, "{kind:?}");
        }
        // Every kind the lexicon reads is listed.
        for (kind, _, _) in LEXICON {
            assert!(EventKind::ALL.contains(kind), "{kind:?}");
        }
    }

    #[test]
    fn inflections_meet_on_their_stem() {
        for w in ["seized", "seizes", "seizing", "Seize"] {
            assert_eq!(of_word(w), Some((EventKind::Seize, Form::Verb)), "{w}");
        }
        assert_eq!(of_word("seizure"), Some((EventKind::Seize, Form::Noun)));
        assert_eq!(of_word("arrests"), Some((EventKind::Arrest, Form::Verb)));
        assert_eq!(of_word("arrested"), Some((EventKind::Arrest, Form::Verb)));
        assert_eq!(of_word("shipped"), Some((EventKind::Ship, Form::Verb)));
        assert_eq!(of_word("shipment"), Some((EventKind::Ship, Form::Noun)));
        // "investigation" and "investigate" share a stem: the action wins.
        assert_eq!(
            of_word("investigation").map(|e| e.0),
            Some(EventKind::Investigate)
        );
    }

    #[test]
    fn reporting_and_common_words_name_no_event() {
        for w in [
            "said",
            "says",
            "announced",
            "reported",
            "statement",
            "police",
            "people",
            "the",
        ] {
            assert_eq!(of_word(w), None, "{w}");
        }
        // A five-letter prefix would have met "seizure" with "seize" and
        // "police" with "policy"; stems keep them apart.
        assert_ne!(stem("police"), stem("policy"));
    }

    #[test]
    fn exclusive_outcomes() {
        assert!(EventKind::Ship.excludes(EventKind::Seize));
        assert!(EventKind::Seize.excludes(EventKind::Ship));
        assert!(EventKind::Rise.excludes(EventKind::Fall));
        assert!(!EventKind::Seize.excludes(EventKind::Arrest));
        assert!(!EventKind::Seize.excludes(EventKind::Seize));
    }
}

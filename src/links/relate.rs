//! Whether two sentences of reports of one story tell the same fact, and
//! aspect by aspect whether they agree: each figure in its slot, what
//! happened to the thing counted, the day, who ran a named operation,
//! whether it was done or only asked for, and which figure is the record.

use super::describe::{Described, common, intersects};
use super::figures::{Figure, agree};
use super::{Explanation, Link, Relation};
use crate::text::quantity::UnitClass;
use rustc_hash::FxHashMap as HashMap;

/// What the corpus knows that a pair of sentences does not: how rare each
/// word and name is.
pub struct Rarity<'a> {
    pub name_df: &'a HashMap<super::describe::Name, u32>,
    pub n_articles: usize,
    /// Sentences using each stem.
    pub stem_df: &'a HashMap<super::describe::StemId, u32>,
    pub n_sentences: usize,
}

impl Rarity<'_> {
    fn stem_weight(&self, s: super::describe::StemId) -> f32 {
        let df = self.stem_df.get(&s).copied().unwrap_or(1) as f32;
        (self.n_sentences as f32 / df).ln().max(0.1)
    }

    fn specific_name(&self, n: &str) -> bool {
        super::story::specific(self.name_df.get(n).copied().unwrap_or(0), self.n_articles)
    }

    /// The weight of all a sentence says, to normalise what two share.
    pub fn norm(&self, d: &Described) -> f32 {
        let stems: f32 = d.stems.iter().map(|s| self.stem_weight(*s)).sum();
        stems + 2.0 * d.names().len() as f32 + 3.0 * d.figures.len() as f32
    }
}

/// How much of what they say two sentences must share to be linked.
const LINK_THRESHOLD: f32 = 0.22;
/// … or, for sentences filling the same named slot of the same event.
const SLOT_LINK_THRESHOLD: f32 = 0.12;
/// Different amounts of money or mass disagree only between sentences this close.
const FIGURE_DIFFERS_THRESHOLD: f32 = 0.3;

/// Compares two sentences of articles that report one story. `describe`
/// also spells out the aspects (only for the links that are kept).
// Long on purpose: one pair, aspect after aspect in the order they are decided (anchors, events, figures, days, operations, demands); each step reads what the earlier ones found.
pub fn compare(
    a: &Described,
    b: &Described,
    norms: (f32, f32),
    rarity: &Rarity,
    describe: bool,
) -> Option<Link> {
    let verbatim = intersects(&a.runs, &b.runs);
    let shared_names = common(a.names(), b.names());
    let specific_names = common(a.anchor_names(), b.anchor_names())
        .iter()
        .filter(|n| rarity.specific_name(n))
        .count();
    let same_event = a.events.intersects(b.events);
    let shared_stems = common(&a.stems, &b.stems);

    // Figures in the same slot, agreeing or not.
    let mut agreeing: Vec<(&Figure, &Figure)> = Vec::new();
    let mut disagreeing: Vec<(&Figure, &Figure)> = Vec::new();
    for fa in &a.figures {
        for fb in &b.figures {
            if fa.comparable(fb) {
                if agree(&fa.q, &fb.q) {
                    agreeing.push((fa, fb));
                } else {
                    disagreeing.push((fa, fb));
                }
            }
        }
    }
    // How long a named event lasted anchors even when the figures disagree:
    // "a six week investigation" and "a two-year investigation" of one story
    // are one investigation, while 77 and 28 firearms may be two seizures.
    let named_duration = |f: &Figure| f.q.unit == UnitClass::Duration && !f.thing.is_empty();
    let figure_anchor =
        !agreeing.is_empty() || disagreeing.iter().any(|(fa, _)| named_duration(fa));
    let same_day = a.days.iter().any(|x| b.days.contains(x));

    let mut weight: f32 = shared_stems.iter().map(|s| rarity.stem_weight(**s)).sum();
    weight += 2.0 * shared_names.len() as f32;
    // A named duration tells as much when its values differ as when they agree.
    let named_disagreeing = disagreeing
        .iter()
        .filter(|(f, _)| named_duration(f))
        .count();
    weight += 3.0 * (agreeing.len() + named_disagreeing.min(1)) as f32;
    weight += (disagreeing.len() - named_disagreeing).min(1) as f32;
    let score = weight / (norms.0 * norms.1).sqrt().max(1e-3);

    // A link needs something specific to both and the same kind of event;
    // a figure, however common, is never enough by itself.
    // Sentences that each name an event, but different ones, tell
    // different facts about the same names.
    let other_events = !same_event && !a.events.is_empty() && !b.events.is_empty();
    let anchored = verbatim
        || (specific_names >= 1 && (same_event || figure_anchor))
        || (specific_names >= 2 && !other_events)
        || (figure_anchor && same_event && (same_day || shared_stems.len() >= 2));
    // Two reports filling the same named slot of the same event (the length
    // of the investigation, the number of arrests) are about that fact
    // whatever else their wording says.
    let named_slot = same_event
        && (agreeing.iter().any(|(f, _)| !f.thing.is_empty())
            || disagreeing.iter().any(|(f, _)| named_duration(f)));
    let threshold = if named_slot {
        SLOT_LINK_THRESHOLD
    } else {
        LINK_THRESHOLD
    };
    if !anchored || (!verbatim && score < threshold) {
        return None;
    }

    let mut shared = Vec::new();
    let mut agreements = Vec::new();
    let mut differences = Vec::new();
    if describe {
        if verbatim {
            shared.push("a passage word for word".to_string());
        }
        for n in &shared_names {
            shared.push(format!("name {n}"));
        }
        let events = a.events.common(b.events);
        if !events.is_empty() {
            let e: Vec<&str> = events.iter().map(|e| e.name()).collect();
            shared.push(format!("event {}", e.join(", ")));
        }
    }

    // Figures: each slot agrees or differs. A slot that has an agreeing pair
    // is settled: its other figures count other things ("28 tons in all,
    // 11 tons on 3 April").
    let settled = |f: &Figure| {
        agreeing
            .iter()
            .any(|(x, _)| x.q.unit == f.q.unit && x.thing == f.thing)
    };
    for (fa, fb) in &agreeing {
        agreements.push(if fa.q.surface == fb.q.surface {
            fa.q.surface.to_string()
        } else {
            format!("{} ≈ {}", fa.q.surface, fb.q.surface)
        });
        // Agreeing on the amount, not on what happened to it.
        if let (Some(pa), Some(pb)) = (fa.predicate, fb.predicate)
            && pa.excludes(pb)
        {
            differences.push(format!(
                "{} {} in one, {} {} in the other",
                fa.q.surface,
                pa.done(),
                fb.q.surface,
                pb.done()
            ));
        }
    }
    // A sentence with several values in one slot gives a breakdown ("five
    // died in Queensland, three in the Territory"): its values are not the
    // slot's value, and differ from the other report's by design.
    // Bare numbers beside a figure ("seven died in Queensland, five in
    // Victoria") are the rest of a breakdown.
    let single = |d: &Described, f: &Figure| {
        let bare = usize::from(d.sentence.bare_counts);
        d.figures.iter().filter(|g| g.comparable(f)).count() + bare == 1
    };
    for (fa, fb) in &disagreeing {
        if settled(fa) || !single(a, fa) || !single(b, fb) {
            continue;
        }
        // A named duration of the same event differs outright. Other figures
        // differ only between sentences that clearly tell one fact and name
        // the same specific thing: a story has many seizures and many
        // casualties, and "10 people" and "25 people" may be two attacks.
        let close = score >= FIGURE_DIFFERS_THRESHOLD || verbatim;
        let differs = match fa.q.unit {
            UnitClass::Duration => !fa.thing.is_empty() && same_event,
            UnitClass::Percentage => false,
            _ => close && (specific_names >= 1 || verbatim),
        };
        if differs {
            differences.push(format!("{} against {}", fa.q.surface, fb.q.surface));
        }
    }
    // The same amount said of different things: "millions of photos" in one,
    // "photos and millions of messages" in the other, where one names the
    // other's thing without that amount.
    // Only amounts too large to match by chance ("millions of"), and things
    // rather than events.
    let telling = |f: &&Figure| {
        f.q.unit == UnitClass::Objects
            && (f.q.value >= 1000.0 || f.q.value_to.is_some())
            && crate::text::events::of_stem(&f.thing).is_none()
    };
    for fa in a.figures.iter().filter(telling) {
        for fb in b.figures.iter().filter(telling) {
            if fa.thing != fb.thing
                && agree(&fa.q, &fb.q)
                && ((b.stems.contains(&super::describe::stem_id(&fa.thing))
                    && !b.figures.iter().any(|f| f.thing == fa.thing))
                    || (a.stems.contains(&super::describe::stem_id(&fb.thing))
                        && !a.figures.iter().any(|f| f.thing == fb.thing)))
                && (same_event || verbatim || specific_names >= 1)
            {
                differences.push(format!("{} against {}", fa.q.surface, fb.q.surface));
            }
        }
    }
    // The day of the same kind of event, when each sentence gives one.
    if same_event
        && let ([da], [db]) = (&*a.days, &*b.days)
        && !da.overlaps(db)
    {
        differences.push(format!("dated {} against {}", da.describe(), db.describe()));
    }
    // The same named operation, run by different actors.
    if intersects(a.operations(), b.operations()) {
        let (aa, ab) = (a.actors(), b.actors());
        if !aa.is_empty() && !ab.is_empty() && !aa.iter().any(|x| ab.contains(x)) {
            differences.push(format!(
                "{} against {} for the same operation",
                aa.join(", "),
                ab.join(", ")
            ));
        }
    }
    // Asked for in one, reported done in the other, of the same figure
    // ("demanded 19 labs be dismantled", "19 labs had been dismantled").
    for (x, y, said) in [
        (a, b, "asked for in one, reported in the other"),
        (b, a, "reported in one, asked for in the other"),
    ] {
        if let Some(kind) = x.request
            && y.request.is_none()
            && y.events.contains(kind)
            && !agreeing.is_empty()
        {
            differences.push(format!("{}: {said}", kind.name()));
        }
    }
    // Which figure is the record, and whether it was one event or a total.
    for (fa, fb) in &agreeing {
        let (ra, rb) = (fa.record, fb.record);
        let any_a = a.figures.iter().any(|f| f.record);
        let any_b = b.figures.iter().any(|f| f.record);
        if ra != rb && any_a && any_b {
            differences.push(format!(
                "“record” is said of {} in one and of another figure in the other",
                fa.q.surface
            ));
        } else if (ra && !rb && b.cumulative && !a.cumulative)
            || (rb && !ra && a.cumulative && !b.cumulative)
        {
            differences.push(format!(
                "{} is a single record seizure in one and a running total in the other",
                fa.q.surface
            ));
        }
    }
    let relation = if !differences.is_empty() {
        Relation::Differs
    } else if !agreements.is_empty() {
        Relation::Agrees
    } else {
        Relation::Related
    };
    if !describe {
        agreements.clear();
    }
    Some(Link {
        a: a.r,
        b: b.r,
        relation,
        score: (score.min(9.99) * 100.0).round() / 100.0,
        why: Explanation::new(
            shared,
            agreements,
            if describe { differences } else { Vec::new() },
        ),
    })
}

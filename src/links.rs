//! Cross-article links: sentences of different articles that report the same
//! fact, and whether they agree.
//!
//! Each content sentence is described by keys: its figures (unit class, unit
//! and order of magnitude), its names and its content words, weighted by how
//! rare they are in the corpus. Candidate pairs come from an inverted index
//! over those keys, skipping keys too common to say anything, so sentences
//! are never compared all against all. A pair is linked when it shares
//! something specific (a comparable figure or an uncommon name) and enough
//! of what it says overall; its relation then comes from comparing figures
//! as ranges, the actors of a named operation, requests against facts, and
//! which figure is called a record.

use crate::corpus::Article;
use crate::text::entities::{Entity, EntityKind};
use crate::text::quantity::{Qualifier, Quantity, UnitClass};
use crate::text::tokens::tokenize;
use crate::text::{ArticleAnalysis, Sentence};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
pub struct SentenceRef {
    pub article: usize,
    pub sentence: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Agrees,
    Differs,
    Related,
}

impl Relation {
    pub fn name(self) -> &'static str {
        match self {
            Relation::Agrees => "agrees",
            Relation::Differs => "differs",
            Relation::Related => "related",
        }
    }

    /// The mark shown in the sidebar: ≈ agrees, ≠ differs, ~ related.
    pub fn mark(self) -> char {
        match self {
            Relation::Agrees => '≈',
            Relation::Differs => '≠',
            Relation::Related => '~',
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub a: SentenceRef,
    pub b: SentenceRef,
    pub relation: Relation,
    pub score: f32,
    /// What the two sentences share, and where they disagree, in words.
    pub shared: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub differences: Vec<String>,
}

/// All links of a corpus, and for each sentence the links it is part of.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct LinkIndex {
    pub links: Vec<Link>,
    by_sentence: HashMap<SentenceRef, Vec<usize>>,
}

impl LinkIndex {
    pub fn of(&self, r: SentenceRef) -> impl Iterator<Item = &Link> {
        self.by_sentence
            .get(&r)
            .into_iter()
            .flatten()
            .map(|&i| &self.links[i])
    }

    /// Articles with at least one `differs` link.
    pub fn articles_that_differ(&self) -> std::collections::BTreeSet<usize> {
        self.links
            .iter()
            .filter(|l| l.relation == Relation::Differs)
            .flat_map(|l| [l.a.article, l.b.article])
            .collect()
    }
}

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

/// Whether two figures measure the same kind of thing and can be compared.
pub fn comparable(a: &Quantity, b: &Quantity) -> bool {
    if a.unit != b.unit {
        return false;
    }
    match a.unit {
        // Never through an exchange rate the text does not give.
        UnitClass::Money => a.currency == b.currency,
        UnitClass::Objects => stem(&a.unit_text) == stem(&b.unit_text),
        UnitClass::Count => false,
        _ => true,
    }
}

pub fn agree(a: &Quantity, b: &Quantity) -> bool {
    let (ra, rb) = (range(a), range(b));
    ra.lo <= rb.hi && rb.lo <= ra.hi
}

/// A crude stem so that "seized", "seize" and "seizure" meet.
pub fn stem(w: &str) -> String {
    let w = w.to_lowercase();
    let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
    let cut = w.char_indices().nth(5).map_or(w.len(), |(i, _)| i);
    w[..cut].trim_end_matches('s').to_string()
}

const STOP: &[&str] = &[
    "about",
    "after",
    "again",
    "against",
    "also",
    "among",
    "another",
    "around",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "could",
    "during",
    "each",
    "from",
    "further",
    "have",
    "having",
    "here",
    "into",
    "its",
    "itself",
    "just",
    "last",
    "made",
    "make",
    "many",
    "more",
    "most",
    "much",
    "other",
    "over",
    "said",
    "says",
    "same",
    "should",
    "since",
    "some",
    "such",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "time",
    "under",
    "until",
    "very",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "will",
    "with",
    "would",
    "year",
    "years",
    "according",
    "including",
    "statement",
];

/// Words that make a figure a running total rather than one event.
const CUMULATIVE: &[&str] = &[
    "since",
    "throughout",
    "altogether",
    "total",
    "overall",
    "cumulative",
    "combined",
];

/// Request and plan words: "demanded … be dismantled" is not "had been dismantled".
const REQUEST: &[&str] = &[
    "demanded",
    "demand",
    "called",
    "urged",
    "asked",
    "requested",
    "planned",
    "plans",
    "wants",
    "proposed",
];

struct Described<'a> {
    r: SentenceRef,
    sentence: &'a Sentence,
    keys: Vec<(String, f32)>,
    terms: Vec<String>,
    request: bool,
    /// Figures that a superlative ("record") is attached to.
    record: Vec<&'a Quantity>,
    /// The sentence frames its figures as a running total ("since", "so far").
    cumulative: bool,
    /// How rare each key is in the corpus (inverse document frequency),
    /// parallel to `keys`, whose weights are multiplied by it once known.
    rarity: Vec<f32>,
    /// The rarity of each figure's key, parallel to the sentence's quantities.
    figure_rarity: Vec<f32>,
    /// The sum of the weighted keys.
    norm: f32,
}

fn figure_key(q: &Quantity, bucket_shift: i32) -> String {
    let bucket = if q.value > 0.0 {
        (q.value.log10() * 4.0).floor() as i32 + bucket_shift
    } else {
        0
    };
    let unit = match q.unit {
        UnitClass::Money => q.currency.unwrap_or("").to_string(),
        UnitClass::Objects => stem(&q.unit_text),
        _ => String::new(),
    };
    format!("#{:?}:{unit}:{bucket}", q.unit)
}

fn entity_key(e: &Entity) -> String {
    format!("@{}", e.key())
}

fn describe<'a>(r: SentenceRef, sentence: &'a Sentence, text: &str) -> Described<'a> {
    let tokens = tokenize(text);
    let mut terms: Vec<String> = tokens
        .iter()
        .filter(|t| {
            t.text.chars().count() >= 4
                && t.text.chars().all(char::is_alphabetic)
                && !STOP.contains(&t.lower.as_ref())
        })
        .map(|t| stem(&t.lower))
        .collect();
    terms.sort();
    terms.dedup();
    let mut keys: Vec<(String, f32)> = Vec::new();
    for q in &sentence.quantities {
        if q.unit != UnitClass::Count {
            keys.push((figure_key(q, 0), 3.0));
        }
    }
    for e in &sentence.entities {
        keys.push((entity_key(e), 1.5));
    }
    for t in &terms {
        keys.push((format!("~{t}"), 0.5));
    }
    keys.sort_by(|a, b| a.0.cmp(&b.0));
    keys.dedup_by(|a, b| a.0 == b.0);
    let lower: Vec<&str> = tokens.iter().map(|t| t.lower.as_ref()).collect();
    let request = lower.iter().any(|w| REQUEST.contains(w));
    let record = sentence
        .quantities
        .iter()
        .filter(|q| {
            tokens.iter().any(|t| {
                matches!(
                    t.lower.as_ref(),
                    "record" | "biggest" | "largest" | "biggest-ever" | "record-breaking"
                ) && t.end <= q.start
                    && tokens
                        .iter()
                        .filter(|u| u.start >= t.end && u.end <= q.start)
                        .count()
                        <= 4
            })
        })
        .collect();
    let cumulative =
        lower.iter().any(|w| CUMULATIVE.contains(w)) || text.to_lowercase().contains("so far");
    Described {
        rarity: Vec::new(),
        figure_rarity: Vec::new(),
        norm: 0.0,
        r,
        sentence,
        keys,
        terms,
        request,
        record,
        cumulative,
    }
}

/// Candidates examined per sentence, taken from its rarest keys first: a
/// fixed bound keeps the work linear in the corpus, while a fact reported
/// in many articles still meets its reports through its rarer keys.
const MAX_CANDIDATES: usize = 48;
/// A sentence keeps its best links only: a fact reported everywhere does not
/// bury the sidebar (or memory) under hundreds of copies.
const MAX_LINKS_PER_SENTENCE: usize = 12;
/// Keys in more sentences than this ("police") find no candidates at all.
const MAX_POSTINGS: usize = 4096;

/// Links every content sentence of the corpus to the sentences of other
/// articles that report the same fact.
pub fn link(articles: &[Article], analyses: &[&ArticleAnalysis]) -> LinkIndex {
    let mut described: Vec<Described> = Vec::new();
    for (ai, (article, analysis)) in articles.iter().zip(analyses).enumerate() {
        for (si, s) in analysis.sentences.iter().enumerate() {
            if s.chrome || s.heading && s.quantities.is_empty() {
                continue;
            }
            described.push(describe(
                SentenceRef {
                    article: ai,
                    sentence: si,
                },
                s,
                article.slice(s.start, s.end),
            ));
        }
    }
    let (candidates, rarity, figure_rarity) = {
        let n = described.len().max(1) as f32;
        let mut postings: HashMap<&str, Vec<u32>> = HashMap::new();
        for (i, d) in described.iter().enumerate() {
            for (k, _) in &d.keys {
                postings.entry(k.as_str()).or_default().push(i as u32);
            }
        }
        let idf = |k: &str| -> f32 {
            (n / postings.get(k).map_or(1, Vec::len) as f32)
                .ln()
                .max(0.1)
        };
        let rarity: Vec<Vec<f32>> = described
            .iter()
            .map(|d| d.keys.iter().map(|(k, _)| idf(k)).collect())
            .collect();
        let figure_rarity: Vec<Vec<f32>> = described
            .iter()
            .map(|d| {
                d.sentence
                    .quantities
                    .iter()
                    .map(|q| idf(&figure_key(q, 0)))
                    .collect()
            })
            .collect();
        // Candidates of each sentence, rarest keys first.
        let candidates: Vec<Vec<u32>> = described
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let mut probes: Vec<String> = Vec::new();
                for (k, _) in &d.keys {
                    probes.push(k.clone());
                    // Figures near a bucket border meet their neighbours.
                    if k.starts_with('#')
                        && let Some((head, b)) = k.rsplit_once(':')
                        && let Ok(b) = b.parse::<i32>()
                    {
                        probes.push(format!("{head}:{}", b - 1));
                        probes.push(format!("{head}:{}", b + 1));
                    }
                }
                probes.sort_by_key(|p| postings.get(p.as_str()).map_or(usize::MAX, Vec::len));
                let mut found: Vec<u32> = Vec::new();
                'probe: for p in &probes {
                    let Some(list) = postings.get(p.as_str()) else {
                        continue;
                    };
                    if list.len() > MAX_POSTINGS {
                        break;
                    }
                    for &j in list {
                        if j as usize != i
                            && described[j as usize].r.article != d.r.article
                            && !found.contains(&j)
                        {
                            found.push(j);
                            if found.len() >= MAX_CANDIDATES {
                                break 'probe;
                            }
                        }
                    }
                }
                found
            })
            .collect();
        (candidates, rarity, figure_rarity)
    };
    for ((d, r), f) in described.iter_mut().zip(rarity).zip(figure_rarity) {
        for ((_, w), i) in d.keys.iter_mut().zip(&r) {
            *w *= i;
        }
        d.norm = d.keys.iter().map(|(_, w)| w).sum();
        d.rarity = r;
        d.figure_rarity = f;
    }
    // Score every pair once (from the side with the lower index, or from the
    // other side when only it found the pair), without describing it yet.
    let mut scored: Vec<(u32, u32, Relation, f32)> = Vec::new();
    for (i, cands) in candidates.iter().enumerate() {
        for &j in cands {
            let (lo, hi) = ((i as u32).min(j), (i as u32).max(j));
            let first_side = i as u32 == lo || !candidates[j as usize].contains(&(i as u32));
            if first_side
                && let Some(l) = compare(&described[lo as usize], &described[hi as usize], false)
            {
                scored.push((lo, hi, l.relation, l.score));
            }
        }
    }
    // Each sentence keeps its best links, disagreements first: they are what
    // a fact-checker must not miss.
    scored.sort_by(|x, y| {
        (y.2 == Relation::Differs)
            .cmp(&(x.2 == Relation::Differs))
            .then(y.3.total_cmp(&x.3))
    });
    let mut count = vec![0usize; described.len()];
    scored.retain(|&(a, b, _, _)| {
        let ok = count[a as usize] < MAX_LINKS_PER_SENTENCE
            && count[b as usize] < MAX_LINKS_PER_SENTENCE;
        if ok {
            count[a as usize] += 1;
            count[b as usize] += 1;
        }
        ok
    });
    let mut links: Vec<Link> = scored
        .iter()
        .filter_map(|&(a, b, _, _)| compare(&described[a as usize], &described[b as usize], true))
        .collect();
    links.sort_by_key(|l| (l.a, l.b));
    let mut by_sentence: HashMap<SentenceRef, Vec<usize>> = HashMap::new();
    for (i, l) in links.iter().enumerate() {
        by_sentence.entry(l.a).or_default().push(i);
        by_sentence.entry(l.b).or_default().push(i);
    }
    LinkIndex { links, by_sentence }
}

const LINK_THRESHOLD: f32 = 0.28;
/// Different figures mean a disagreement only between sentences this close.
const FIGURE_DIFFERS_THRESHOLD: f32 = 0.35;

/// Compares two sentences; `describe` also spells out what they share (only
/// for the links that are kept).
fn compare(a: &Described, b: &Described, describe: bool) -> Option<Link> {
    let mut shared_weight = 0.0;
    let mut shared = Vec::new();
    let mut specific = false;
    // Figures: agreeing pairs count fully, comparable disagreeing pairs a little.
    let mut agreeing = Vec::new();
    let mut disagreeing = Vec::new();
    let mut classes_compared: Vec<(UnitClass, bool)> = Vec::new();
    let mut agreeing_weight = 0.0;
    for (ia, qa) in a.sentence.quantities.iter().enumerate() {
        for qb in &b.sentence.quantities {
            if !comparable(qa, qb) {
                continue;
            }
            if agree(qa, qb) {
                agreeing_weight += 3.0 * a.figure_rarity.get(ia).copied().unwrap_or(1.0).max(1.0);
                agreeing.push((qa, qb));
            } else {
                disagreeing.push((qa, qb));
            }
        }
    }
    shared_weight += agreeing_weight;
    for (qa, qb) in &agreeing {
        specific = true;
        if describe {
            shared.push(if qa.surface == qb.surface {
                format!("figure {}", qa.surface)
            } else {
                format!("figure {} ≈ {}", qa.surface, qb.surface)
            });
        }
        classes_compared.push((qa.unit, true));
    }
    for (qa, _) in &disagreeing {
        shared_weight += 1.0;
        classes_compared.push((qa.unit, false));
    }
    // Names, then content words.
    // Keys are sorted: walk both lists together.
    let mut common_names = Vec::new();
    let mut bi = 0;
    for ((k, w), rarity) in a.keys.iter().zip(&a.rarity) {
        while bi < b.keys.len() && b.keys[bi].0 < *k {
            bi += 1;
        }
        if k.starts_with('#') {
            continue;
        }
        if b.keys.get(bi).is_some_and(|(bk, _)| bk == k) {
            let i = *rarity;
            shared_weight += w;
            if let Some(name) = k.strip_prefix('@') {
                common_names.push(name.to_string());
                // A name found in few sentences is specific evidence.
                if i > 2.0 {
                    specific = true;
                }
            }
        }
    }
    let common_terms: Vec<&String> = a.terms.iter().filter(|t| b.terms.contains(t)).collect();
    // Figures of the same kind that disagree are specific too, when the
    // sentences also say the same things around them.
    if !disagreeing.is_empty() && common_terms.len() >= 3 {
        specific = true;
    }
    if !specific {
        return None;
    }
    let norm = (a.norm * b.norm).sqrt().max(1e-3);
    let score = shared_weight / norm;
    if score < LINK_THRESHOLD {
        return None;
    }
    for n in common_names.iter().filter(|_| describe) {
        shared.push(format!("name {n}"));
    }
    if describe && !common_terms.is_empty() {
        let t: Vec<&str> = common_terms.iter().take(6).map(|s| s.as_str()).collect();
        shared.push(format!("words {}", t.join(", ")));
    }

    let mut differences = Vec::new();
    // A figure class compared only with disagreeing values, in sentences that
    // clearly tell the same fact. Dates are left out: two dates in related
    // sentences usually date different events (a seizure, a statement).
    for (qa, qb) in &disagreeing {
        let settled = classes_compared.iter().any(|(c, ok)| *c == qa.unit && *ok);
        if !settled && qa.unit != UnitClass::Date && score >= FIGURE_DIFFERS_THRESHOLD {
            differences.push(format!("{} against {}", qa.surface, qb.surface));
        }
    }
    // The same named operation, run by different actors.
    let op = |d: &Described| {
        d.sentence
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Operation)
            .map(Entity::key)
            .collect::<Vec<_>>()
    };
    let actors = |d: &Described| {
        d.sentence
            .entities
            .iter()
            .filter(|e| matches!(e.kind, EntityKind::Organisation | EntityKind::Place))
            .map(Entity::key)
            .collect::<Vec<_>>()
    };
    let (op_a, op_b) = (op(a), op(b));
    if op_a.iter().any(|o| op_b.contains(o)) {
        let (aa, ab) = (actors(a), actors(b));
        if !aa.is_empty() && !ab.is_empty() && !aa.iter().any(|x| ab.contains(x)) {
            differences.push(format!(
                "{} against {} for the same operation",
                aa.join(", "),
                ab.join(", ")
            ));
        }
    }
    // A request reported as a fact.
    if a.request != b.request && !agreeing.is_empty() {
        differences.push(if a.request {
            "a demand against a fact".into()
        } else {
            "a fact against a demand".into()
        });
    }
    // Which figure is the record, and whether it was one event or a total.
    for (qa, qb) in &agreeing {
        let a_record = a.record.iter().any(|q| std::ptr::eq(*q, *qa));
        let b_record = b.record.iter().any(|q| std::ptr::eq(*q, *qb));
        if a_record != b_record && !a.record.is_empty() && !b.record.is_empty() {
            differences.push(format!(
                "“record” is said of {} in one and of another figure in the other",
                qa.surface
            ));
        } else if (a_record && !b_record && b.cumulative && !a.cumulative)
            || (b_record && !a_record && a.cumulative && !b.cumulative)
        {
            differences.push(format!(
                "{} is a single record seizure in one and a running total in the other",
                qa.surface
            ));
        }
    }
    let relation = if !differences.is_empty() {
        Relation::Differs
    } else if !agreeing.is_empty() {
        Relation::Agrees
    } else {
        Relation::Related
    };
    Some(Link {
        a: a.r,
        b: b.r,
        relation,
        score: (score * 100.0).round() / 100.0,
        shared,
        differences,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::quantity::extract;

    fn q(s: &str) -> Quantity {
        extract(s)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no figure in {s:?}"))
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
    fn only_like_with_like_and_never_across_currencies() {
        assert!(comparable(&q("1.4 billion euros"), &q("€1.4 billion")));
        assert!(!comparable(&q("1.4 billion euros"), &q("$1.65 billion")));
        assert!(!comparable(&q("28 tons"), &q("28 officers")));
        assert!(!comparable(&q("171,000 phones"), &q("171,000 messages")));
        assert!(comparable(&q("60 arrests"), &q("746 arrests")));
    }

    #[test]
    fn stems_meet() {
        assert_eq!(stem("seized"), stem("seize"));
        assert_eq!(stem("Messages"), stem("message"));
    }
}

//! What a sentence says, in the terms links are made of: its names, the
//! events its words name, its figures with their slots, the days it dates,
//! its content words on real stems and the word runs a copy would share.

use super::SentenceRef;
use super::figures::{self, Figure};
use crate::text::Sentence;
use crate::text::dates::{self, DaySpan};
use crate::text::events::{self, EventKind};
use crate::text::lexicon::{LINK_STOP, REQUEST, RUNNING_TOTAL};
use crate::text::quantity::UnitClass;
use crate::text::tokens::{Token, tokenize};
use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashSet;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

/// Words a passage shares with its copy: this many in a row are a quotation
/// or syndicated text, not chance.
pub const VERBATIM_WORDS: usize = 8;

/// What linking keeps of the analysed sentence: linking owns its
/// descriptions, so that an article's analysis can go once it is described.
#[derive(Debug, Clone, Copy)]
pub struct SentenceFacts {
    /// Char offsets of the sentence, as the article keeps them.
    pub start: u32,
    pub end: u32,
    pub heading: bool,
    pub has_entities: bool,
    /// Bare numbers in it (a breakdown's other values).
    pub bare_counts: u16,
}

impl SentenceFacts {
    fn of(sentence: &Sentence) -> SentenceFacts {
        SentenceFacts {
            start: crate::corpus::offset(sentence.start()),
            end: crate::corpus::offset(sentence.end()),
            heading: sentence.heading(),
            has_entities: !sentence.entities().is_empty(),
            bare_counts: sentence
                .quantities()
                .iter()
                .filter(|q| q.unit == UnitClass::Count)
                .count()
                .min(u16::MAX as usize) as u16,
        }
    }
}

/// A name as linking keeps it: each name once, however many of the corpus's
/// sentences give it (a corpus of 20,000 articles gives names a million
/// times).
pub type Name = Arc<str>;

/// Hands out each name once.
#[derive(Default)]
pub struct Names(Mutex<FxHashSet<Name>>);

impl Names {
    pub fn name(&self, key: String) -> Name {
        let mut set = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = set.get(key.as_str()) {
            return n.clone();
        }
        let n: Name = Arc::from(key);
        set.insert(n.clone());
        n
    }
}

/// Kinds of event, one bit each: four bytes where a list took forty.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EventSet(u32);

const _: () = assert!(EventKind::ALL.len() <= 32);

impl EventSet {
    pub fn insert(&mut self, kind: EventKind) {
        self.0 |= 1 << kind as u32;
    }

    pub fn contains(self, kind: EventKind) -> bool {
        self.0 & (1 << kind as u32) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn intersects(self, other: EventSet) -> bool {
        self.0 & other.0 != 0
    }

    /// The kinds both sets hold, in the kinds' order.
    pub fn common(self, other: EventSet) -> Vec<EventKind> {
        let both = EventSet(self.0 & other.0);
        EventKind::ALL
            .into_iter()
            .filter(|&k| both.contains(k))
            .collect()
    }
}

/// Lists are boxed slices: sized to what they hold (a list's spare room
/// and the eight bytes of its capacity, times 200,000 sentences, were
/// megabytes).
pub struct Described {
    pub r: SentenceRef,
    pub sentence: SentenceFacts,
    /// Content-word stems, as `stem_id`s, sorted: four bytes each rather
    /// than a string, as a corpus has millions of them while linking.
    pub stems: Box<[StemId]>,
    /// Kinds of event named.
    pub events: EventSet,
    /// The four lists of names (see `names` and after), one after another
    /// in one allocation: four boxed lists took 64 bytes a sentence and an
    /// allocation each.
    name_lists: Box<[Name]>,
    /// Where each list ends in `name_lists`.
    name_ends: [u32; 4],
    pub figures: Box<[Figure]>,
    /// Days the sentence dates, resolved against the article's date.
    pub days: Box<[DaySpan]>,
    /// Hashes of every run of `VERBATIM_WORDS` words, sorted.
    pub runs: Box<[u64]>,
    /// The event a demand or plan asks for: "demanded 19 labs be dismantled".
    pub request: Option<EventKind>,
    /// The sentence frames its figures as a running total ("since", "so far").
    pub cumulative: bool,
    /// The latest year the sentence names ("in 1993").
    pub year: Option<i32>,
}

impl Described {
    fn name_list(&self, i: usize) -> &[Name] {
        let from = if i == 0 {
            0
        } else {
            self.name_ends[i - 1] as usize
        };
        &self.name_lists[from..self.name_ends[i] as usize]
    }

    /// Entity keys, sorted.
    pub fn names(&self) -> &[Name] {
        self.name_list(0)
    }

    /// The names that can tie two reports together, sorted: not nationalities
    /// or groups ("Israeli", "Palestinians"), which any number of unrelated
    /// stories share.
    pub fn anchor_names(&self) -> &[Name] {
        self.name_list(1)
    }

    /// Named operations ("Lemont") …
    pub fn operations(&self) -> &[Name] {
        self.name_list(2)
    }

    /// … and the organisations and places beside them.
    pub fn actors(&self) -> &[Name] {
        self.name_list(3)
    }

    /// Gives the sentence these names and anchor names (a Title Case
    /// headline's, found in its article's body); operations and actors stay.
    pub fn set_names(&mut self, names: Vec<Name>, anchor_names: Vec<Name>) {
        let operations = self.operations().to_vec();
        let actors = self.actors().to_vec();
        (self.name_lists, self.name_ends) = pack_names([names, anchor_names, operations, actors]);
    }
}

/// Four lists of names as one, and where each ends.
fn pack_names(lists: [Vec<Name>; 4]) -> (Box<[Name]>, [u32; 4]) {
    let mut all = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    let mut ends = [0u32; 4];
    for (end, list) in ends.iter_mut().zip(lists) {
        all.extend(list);
        *end = all.len() as u32;
    }
    (all.into(), ends)
}

pub fn describe(
    r: SentenceRef,
    sentence: &Sentence,
    text: &str,
    written: Option<NaiveDate>,
    keep: &Names,
) -> Described {
    describe_tokens(r, sentence, text, &tokenize(text), written, keep)
}

/// `describe` of a sentence already tokenized (`tokens` of `text`).
pub fn describe_tokens(
    r: SentenceRef,
    sentence: &Sentence,
    text: &str,
    tokens: &[Token],
    written: Option<NaiveDate>,
    keep: &Names,
) -> Described {
    let mut stems: Vec<StemId> = Vec::new();
    let mut found_events = EventSet::default();
    for t in tokens {
        if !t.text.chars().all(char::is_alphabetic) {
            continue;
        }
        events::with_stem(&t.lower, |stem| {
            if let Some((kind, _)) = events::of_stem(stem) {
                found_events.insert(kind);
            }
            if t.text.chars().count() >= 4 && !LINK_STOP.contains(&t.lower) {
                stems.push(stem_id(stem));
            }
        });
    }
    stems.sort();
    stems.dedup();
    let names: Vec<Name> = crate::text::entities::name_keys(sentence.entities())
        .into_iter()
        .map(|n| keep.name(n))
        .collect();
    let mut anchor_names: Vec<String> = sentence
        .entities()
        .iter()
        .filter(|e| !group_or_nationality(e))
        .map(|e| e.key())
        .filter(|k| k.chars().count() >= 3)
        .collect();
    anchor_names.sort();
    anchor_names.dedup();
    let anchor_names: Vec<Name> = anchor_names.into_iter().map(|n| keep.name(n)).collect();
    let of_kind = |kinds: &[crate::text::entities::EntityKind]| -> Vec<Name> {
        sentence
            .entities()
            .iter()
            .filter(|e| kinds.contains(&e.kind))
            .map(|e| keep.name(e.key()))
            .collect()
    };
    use crate::text::entities::EntityKind;
    let operations = of_kind(&[EntityKind::Operation]);
    let actors = of_kind(&[EntityKind::Organisation, EntityKind::Place]);
    let lower: Vec<&str> = tokens.iter().map(|t| t.lower.as_ref()).collect();
    let request = requested(tokens);
    let cumulative =
        lower.iter().any(|w| RUNNING_TOTAL.contains(w)) || text.to_lowercase().contains("so far");
    let year = tokens
        .iter()
        .filter(|t| t.text.len() == 4 && t.text.bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|t| t.text.parse::<i32>().ok())
        .filter(|y| (1900..=2100).contains(y))
        .max();
    let (name_lists, name_ends) = pack_names([names, anchor_names, operations, actors]);
    Described {
        name_lists,
        name_ends,
        year,
        r,
        sentence: SentenceFacts::of(sentence),
        stems: stems.into(),
        events: found_events,
        figures: figures::figures(sentence.quantities(), tokens).into(),
        days: days(sentence, text, written).into(),
        runs: runs(tokens).into(),
        request,
        cumulative,
    }
}

/// A single word of no known kind that reads as a nationality or a group of
/// people: a plural ("Palestinians", "Muslims") or a demonym ending ("Israeli",
/// "Indian", "Chinese", "Swedish", "Dutch").
fn group_or_nationality(e: &crate::text::entities::Entity) -> bool {
    let t = e.text.trim_end_matches(['’', '\'']);
    if e.kind != crate::text::entities::EntityKind::Other
        || t.contains(char::is_whitespace)
        || !t.chars().all(char::is_alphabetic)
        || t.chars().all(|c| c.is_uppercase())
    {
        return false;
    }
    let lower = t.to_lowercase();
    ["s", "an", "ese", "ish", "i", "ch"]
        .iter()
        .any(|suffix| lower.ends_with(suffix))
}

/// The event a request word asks for, within the few words after it.
fn requested(tokens: &[Token]) -> Option<EventKind> {
    let at = tokens.iter().position(|t| REQUEST.contains(&t.lower))?;
    // "called" names things ("a service called Sky ECC") unless it asks "for" or "on".
    if tokens[at].lower == "called"
        && !matches!(
            tokens.get(at + 1).map(|t| t.lower.as_ref()),
            Some("for" | "on")
        )
    {
        return None;
    }
    tokens[at + 1..]
        .iter()
        .take(8)
        .find_map(|t| events::of_word(t.text).map(|(k, _)| k))
}

/// The days a sentence dates: written dates placed in the year of writing,
/// full dates as they are, and relative words resolved against the article's
/// date. Without that date, only full dates count.
fn days(sentence: &Sentence, text: &str, written: Option<NaiveDate>) -> Vec<DaySpan> {
    let mut found = Vec::new();
    let quantities = sentence.quantities();
    for (i, q) in quantities.iter().enumerate() {
        if q.unit != UnitClass::Date || q.value >= 1000.0 {
            continue;
        }
        let (month, day) = ((q.value as u32) / 100, (q.value as u32) % 100);
        let day_to = q.value_to.map_or(day, |v| (v as u32) % 100);
        // A year written right after the day ("March 9, 2021").
        let year = quantities
            .get(i + 1)
            .filter(|y| y.unit == UnitClass::Date && y.value >= 1000.0 && y.start <= q.end + 3);
        if let Some(full) = dates::parse_date(&q.surface) {
            let to = full.with_day(day_to.max(day)).unwrap_or(full);
            found.push(DaySpan { from: full, to });
            continue;
        }
        let from = match (year, written) {
            (Some(y), _) => NaiveDate::from_ymd_opt(y.value as i32, month, day),
            (None, Some(w)) => dates::in_year_of(month, day, w),
            (None, None) => None,
        };
        if let Some(from) = from {
            let to = from.with_day(day_to.max(day)).unwrap_or(from);
            found.push(DaySpan { from, to });
        }
    }
    if let Some(w) = written {
        found.extend(dates::relative(text, w));
    }
    found
}

fn runs(tokens: &[Token]) -> Vec<u64> {
    let words: Vec<&str> = tokens
        .iter()
        .map(|t| t.lower.as_ref())
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let mut out: Vec<u64> = words.windows(VERBATIM_WORDS).map(hash).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A stable 64-bit key for a string or a run of words (`DefaultHasher::new`
/// has fixed keys), so that indexes hold numbers rather than strings.
pub fn stem_key(stem: &str) -> u64 {
    hash(stem)
}

/// A stem as a sentence's description keeps it: `stem_key` folded to four
/// bytes, as a corpus has millions of them while linking. Two stems that
/// collide (a few pairs among a corpus's hundred thousand stems) only make
/// two words count as one in a similarity.
pub type StemId = u32;

pub fn stem_id(stem: &str) -> StemId {
    fold(stem_key(stem))
}

/// A 64-bit key in 32 bits, both halves kept in play.
pub fn fold(key: u64) -> u32 {
    (key ^ (key >> 32)) as u32
}

/// A value's 64-bit key. rustc-hash's hasher, not the standard library's
/// SipHash: keys are made for every word of every sentence while linking
/// (SipHash was a fourteenth of `links`' time), no key is kept on disk, and
/// a collision between two keys only makes two words, names or runs count
/// as one.
pub fn hash<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    value.hash(&mut h);
    h.finish()
}

/// Whether two sorted lists share an element.
pub fn intersects<T: Ord>(a: &[T], b: &[T]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// The elements two sorted lists share.
pub fn common<'a, T: Ord>(a: &'a [T], b: &[T]) -> Vec<&'a T> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(&a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;

    fn described(text: &str, written: Option<NaiveDate>, f: impl FnOnce(&mut Described)) {
        let article = Article::from_bytes("a.txt".into(), text.as_bytes());
        let analysis = crate::text::analyse(&article);
        let s = analysis.sentences.last().unwrap();
        let mut d = describe(
            SentenceRef::new(0, 0),
            s,
            article.slice(s.start(), s.end()),
            written,
            &Names::default(),
        );
        f(&mut d)
    }

    #[test]
    fn nationalities_and_groups_tie_nothing_together() {
        described(
            "T\n\nOn Monday in Hebron, Israeli troops and Palestinians met Indian and Dutch envoys about Sky ECC and the NCA.\n",
            None,
            |d| {
                for group in ["israeli", "palestinians", "indian", "dutch"] {
                    assert!(
                        !d.anchor_names().iter().any(|n| &**n == group),
                        "{group}: {:?}",
                        d.anchor_names()
                    );
                }
                for name in ["sky ecc", "nca"] {
                    assert!(
                        d.anchor_names().iter().any(|n| &**n == name),
                        "{name}: {:?}",
                        d.anchor_names()
                    );
                }
            },
        );
    }

    #[test]
    fn the_four_name_lists_are_kept_apart_in_one() {
        described(
            "T\n\nIn Operation Lemont, Europol and police in Antwerp arrested Dutch suspects.\n",
            None,
            |d| {
                let keys = |l: &[Name]| l.iter().map(|n| n.to_string()).collect::<Vec<_>>();
                assert_eq!(
                    keys(d.operations()),
                    ["operation lemont"],
                    "{:?}",
                    d.names()
                );
                assert!(keys(d.actors()).contains(&"europol".to_string()));
                assert!(keys(d.actors()).contains(&"antwerp".to_string()));
                assert!(keys(d.names()).contains(&"dutch".to_string()));
                assert!(!keys(d.anchor_names()).contains(&"dutch".to_string()));
                let (operations, actors) = (keys(d.operations()), keys(d.actors()));
                d.set_names(vec!["sky ecc".into()], Vec::new());
                assert_eq!(keys(d.names()), ["sky ecc"]);
                assert!(d.anchor_names().is_empty());
                assert_eq!(
                    (keys(d.operations()), keys(d.actors())),
                    (operations, actors)
                );
            },
        );
    }

    #[test]
    fn a_demand_names_what_it_asks_for_and_a_name_is_no_demand() {
        described(
            "Title\n\nAgencies demanded 19 synthetic drug labs be dismantled.\n",
            None,
            |d| assert_eq!(d.request, Some(EventKind::Dismantle)),
        );
        described(
            "Title\n\nPolice gained access to a messaging service called Sky ECC.\n",
            None,
            |d| assert_eq!(d.request, None),
        );
        // Plans and wants are not demands about a reported fact.
        described(
            "Title\n\nThe minister plans to cut taxes and wants 15 new schools.\n",
            None,
            |d| assert_eq!(d.request, None),
        );
    }

    #[test]
    fn dated_days_need_the_date_of_writing_unless_written_in_full() {
        let written = NaiveDate::from_ymd_opt(2021, 4, 6);
        described(
            "Title\n\nThe news first broke earlier this month.\n",
            written,
            |d| assert_eq!(d.days[0].describe(), "1–6 April 2021"),
        );
        described(
            "Title\n\nThe news first broke earlier this month.\n",
            None,
            |d| assert!(d.days.is_empty()),
        );
        described(
            "Title\n\nThe operation took place across Belgium on March 9, 2021.\n",
            None,
            |d| assert_eq!(d.days[0].describe(), "9 March 2021"),
        );
    }

    #[test]
    fn runs_of_words_find_copies() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        described(
            "T\n\n“During a judicial investigation into a potential service criminal organization, police cracked it,” the statement said.\n",
            None,
            |d| a = d.runs.to_vec(),
        );
        described(
            "T\n\nPolice said: ‘During a judicial investigation into a potential service criminal organisation, police cracked it.’\n",
            None,
            |d| b = d.runs.to_vec(),
        );
        assert!(intersects(&a, &b));
    }
}

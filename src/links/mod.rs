//! Cross-article links: sentences of different articles that report the same
//! fact, and aspect by aspect whether they agree.
//!
//! Links are made in three steps, each cheap enough for a large corpus:
//! - `story`: which articles report the same story, from the specific
//!   things they share (names few articles use, exact uncommon figures,
//!   passages word for word), never from common words or round figures;
//! - candidates: sentences of such articles that share a name, a figure
//!   slot or a passage, from an inverted index, never all against all;
//! - `relate`: a candidate pair is linked when it shares a specific anchor
//!   and the same kind of event, and each aspect (figure slots, what
//!   happened, the day, the actors, demand or fact, the record) is compared.

mod candidates;
mod describe;
pub mod figures;
mod phrases;
mod relate;
mod story;

pub use describe::stem_key;
pub use figures::{Range, agree, range};
pub use phrases::{Explanation, Phrases};

use crate::corpus::Article;
use crate::text::ArticleAnalysis;
use describe::{Described, describe};
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
pub struct SentenceRef {
    // u32, as the index keeps them: every link holds two, all session.
    article: u32,
    sentence: u32,
}

impl SentenceRef {
    pub fn new(article: usize, sentence: usize) -> SentenceRef {
        let at = |n: usize| {
            u32::try_from(n).expect("a corpus's articles and sentences number under 2^32")
        };
        SentenceRef {
            article: at(article),
            sentence: at(sentence),
        }
    }

    /// Index of the article in the corpus.
    pub fn article(self) -> usize {
        self.article as usize
    }

    /// Index of the sentence in the article's analysis.
    pub fn sentence(self) -> usize {
        self.sentence as usize
    }
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

#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub a: SentenceRef,
    pub b: SentenceRef,
    pub relation: Relation,
    pub score: f32,
    /// What ties the two sentences to one fact, and aspect by aspect where
    /// they agree and differ, each in words.
    pub why: Explanation,
}

impl Link {
    /// What ties the two sentences to one fact: shared names, the kind of
    /// event, a passage word for word.
    pub fn shared(&self) -> Phrases<'_> {
        self.why.shared()
    }

    /// Aspects on which they agree ("28 tons ≈ 27.64 tonnes") …
    pub fn agreements(&self) -> Phrases<'_> {
        self.why.agreements()
    }

    /// … and on which they differ, each in words.
    pub fn differences(&self) -> Phrases<'_> {
        self.why.differences()
    }
}

/// As the fields were: `shared`, and `agreements` and `differences` when any.
impl Serialize for Link {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (agreements, differences) = (self.agreements(), self.differences());
        let mut out = s.serialize_struct("Link", 7)?;
        out.serialize_field("a", &self.a)?;
        out.serialize_field("b", &self.b)?;
        out.serialize_field("relation", &self.relation)?;
        out.serialize_field("score", &self.score)?;
        out.serialize_field("shared", &self.shared())?;
        if !agreements.is_empty() {
            out.serialize_field("agreements", &agreements)?;
        }
        if !differences.is_empty() {
            out.serialize_field("differences", &differences)?;
        }
        out.end()
    }
}

/// All links of a corpus, and for each sentence the links it is part of.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct LinkIndex {
    pub links: Vec<Link>,
    /// (article, sentence, link) for both ends of every link, sorted: twelve
    /// bytes an end, where a map of lists took a hundred (the workbench
    /// keeps it for the whole session).
    by_sentence: Vec<(u32, u32, u32)>,
}

impl LinkIndex {
    /// The links sentence `r` is part of, in the order they were made.
    pub fn of(&self, r: SentenceRef) -> impl Iterator<Item = &Link> {
        let key = (r.article, r.sentence);
        let from = self.by_sentence.partition_point(|&(a, s, _)| (a, s) < key);
        self.by_sentence[from..]
            .iter()
            .take_while(move |&&(a, s, _)| (a, s) == key)
            .map(|&(_, _, i)| &self.links[i as usize])
    }
}

/// A sentence keeps its best few links only: the sidebar shows what matters
/// most, disagreements first, and a fact reported everywhere does not bury it.
const MAX_LINKS_PER_SENTENCE: usize = 4;

/// About when an article was written: the latest year its text names
/// (reports name past years, rarely future ones). A date line is not used:
/// a page saved with the day it was saved on would move a 2021 story to 2025.
fn article_year(described: &[Described]) -> Option<i32> {
    described.iter().filter_map(|d| d.year).max()
}

fn written(article: &Article) -> Option<chrono::NaiveDate> {
    article
        .meta
        .published
        .as_deref()
        .and_then(crate::text::dates::parse_date)
}

/// Links every content sentence of the corpus to the sentences of other
/// articles that report the same fact.
pub fn link(articles: &[Article], analyses: &[&ArticleAnalysis]) -> LinkIndex {
    link_leaving_tables(articles, analyses).0
}

/// What linking built on the way to its links: every sentence's
/// description, the counts of words and names. Freeing it took a twentieth
/// of a second on 17,000 articles; a caller can hand the links over first.
pub struct LinkTables {
    _described: Descriptions,
    _counts: (HashMap<describe::Name, u32>, HashMap<describe::StemId, u32>),
    _names: describe::Names,
}

/// `link`, with the tables it built left to the caller to drop.
pub fn link_leaving_tables(
    articles: &[Article],
    analyses: &[&ArticleAnalysis],
) -> (LinkIndex, LinkTables) {
    use rayon::prelude::*;
    let names = describe::Names::default();
    // Describing sentences is per article: every core takes a share.
    let per_article: Vec<Vec<Described>> = articles
        .par_iter()
        .zip(analyses.par_iter())
        .enumerate()
        .map(|(ai, (article, analysis))| describe_article(ai, article, analysis, &names))
        .collect();
    link_described(articles.len(), per_article, names)
}

/// `link` for a caller that holds no analyses, a range of articles at a
/// time: each article is analysed, described and its analysis slimmed
/// (spans only) at once, so that the corpus's full analyses are never held
/// together; what linking reads of the articles is then all it needs of
/// them (their texts can be let go as soon as they are described).
#[derive(Default)]
pub struct DescribedCorpus {
    per_article: Vec<Vec<Described>>,
    /// Names kept once however many sentences give them.
    names: describe::Names,
}

impl DescribedCorpus {
    /// Analyses and describes the articles of `range`, which follows those
    /// described before, each sentence from the tokens its analysis made;
    /// `done` is told of each article. Returns their slimmed analyses.
    pub fn describe(
        &mut self,
        articles: &[Article],
        range: std::ops::Range<usize>,
        done: impl Fn() + Sync,
    ) -> Vec<ArticleAnalysis> {
        use rayon::prelude::*;
        assert_eq!(range.start, self.per_article.len(), "articles in order");
        let names = &self.names;
        let (per_article, slim): (Vec<Vec<Described>>, Vec<ArticleAnalysis>) = range
            .into_par_iter()
            .map(|ai| {
                let article = &articles[ai];
                let date = written(article);
                let mut described = Vec::new();
                let analysis = crate::text::analyse_each(article, |si, s, text, tokens| {
                    if describes(s) {
                        let r = SentenceRef::new(ai, si);
                        described.push(describe::describe_tokens(r, s, text, tokens, date, names));
                    }
                });
                done();
                (finish_article(article, described), analysis.slim())
            })
            .unzip();
        self.per_article.extend(per_article);
        slim
    }

    pub fn link(self) -> LinkIndex {
        link_described(self.per_article.len(), self.per_article, self.names).0
    }
}

/// The content sentences of article `ai` as linking sees them.
fn describe_article(
    ai: usize,
    article: &Article,
    analysis: &ArticleAnalysis,
    names: &describe::Names,
) -> Vec<Described> {
    let date = written(article);
    let described: Vec<Described> = analysis
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| describes(s))
        .map(|(si, s)| {
            describe(
                SentenceRef::new(ai, si),
                s,
                article.slice(s.start(), s.end()),
                date,
                names,
            )
        })
        .collect();
    finish_article(article, described)
}

/// Whether linking reads a sentence: not chrome, nor a heading without a
/// figure.
fn describes(s: &crate::text::Sentence) -> bool {
    !(s.chrome() || s.heading() && s.quantities().is_empty())
}

/// An article's descriptions once all its sentences are described.
fn finish_article(article: &Article, mut described: Vec<Described>) -> Vec<Described> {
    names_in_title_case(article, &mut described);
    // Held until the whole corpus is linked: without the slack of its growth.
    described.shrink_to_fit();
    described
}

/// The corpus's descriptions as each article made them, numbered across the
/// corpus in article order.
struct Descriptions {
    per_article: Vec<Vec<Described>>,
    /// The article and place in its list of each number.
    at: Vec<(u32, u32)>,
}

impl Descriptions {
    fn new(per_article: Vec<Vec<Described>>) -> Descriptions {
        let at = per_article
            .iter()
            .enumerate()
            .flat_map(|(a, list)| (0..list.len()).map(move |i| (a as u32, i as u32)))
            .collect();
        Descriptions { per_article, at }
    }

    fn len(&self) -> usize {
        self.at.len()
    }

    fn iter(&self) -> impl Iterator<Item = &Described> {
        self.per_article.iter().flatten()
    }
}

impl std::ops::Index<usize> for Descriptions {
    type Output = Described;
    fn index(&self, i: usize) -> &Described {
        let (a, j) = self.at[i];
        &self.per_article[a as usize][j as usize]
    }
}

// Long on purpose: the linking pipeline in order (stories, candidates, scores, caps, index), each step using the previous step's tables.
fn link_described(
    n_articles: usize,
    per_article: Vec<Vec<Described>>,
    names: describe::Names,
) -> (LinkIndex, LinkTables) {
    use rayon::prelude::*;
    // Kept as each article made them, never copied into one list: a flat
    // copy of 200,000 descriptions took 56 MB more while linking.
    let mut described = Descriptions::new(per_article);
    let name_df = story::name_frequencies(&described.per_article);
    let years: Vec<Option<i32>> = (0..n_articles)
        .map(|a| described.per_article.get(a).and_then(|d| article_year(d)))
        .collect();
    let stories = story::same_story(&mut described.per_article, &name_df, n_articles, &years);
    let mut stem_df: HashMap<describe::StemId, u32> = HashMap::default();
    for d in described.iter() {
        for s in &d.stems {
            *stem_df.entry(*s).or_default() += 1;
        }
    }
    let rarity = relate::Rarity {
        name_df: &name_df,
        n_articles,
        stem_df: &stem_df,
        n_sentences: described.len().max(1),
    };
    // On every core, in order (36 ms on one, 17,491 articles).
    let norms: Vec<f32> = described
        .per_article
        .par_iter()
        .flat_map_iter(|list| list.iter().map(|d| rarity.norm(d)))
        .collect();

    // Candidates: sentences of two articles of one story sharing an anchor
    // key, found article pair by article pair, so that a key common to
    // thousands of sentences costs nothing outside its stories.
    // Only articles in some story are ever compared: most of a corpus of
    // unrelated news is not, and its keys are never built.
    let mut stories: Vec<(usize, usize)> = stories.into_iter().collect();
    stories.sort_unstable();
    let mut in_story = vec![false; n_articles];
    for &(x, y) in &stories {
        in_story[x] = true;
        in_story[y] = true;
    }
    let keys_of = candidates::keys(&described, &in_story);
    let pairs = candidates::sharing_keys(&stories, &keys_of, described.len());
    // The keys have done their work: the links are built without them.
    drop(keys_of);
    // Each pair compared on any core: the sort below puts them in one order
    // whatever order they come in (its last key, the pair, is unique).
    let mut scored: Vec<(u32, u32, Relation, f32)> = pairs
        .into_par_iter()
        .filter_map(|(x, y)| {
            let (dx, dy) = (&described[x as usize], &described[y as usize]);
            relate::compare(
                dx,
                dy,
                (norms[x as usize], norms[y as usize]),
                &rarity,
                false,
            )
            .map(|l| (x, y, l.relation, l.score))
        })
        .collect();
    // Each sentence keeps its best links, disagreements first: they are what
    // a fact-checker must not miss.
    // In place on every core: the order is total (the pair is unique), so
    // an unstable sort gives the one order.
    scored.par_sort_unstable_by(|x, y| {
        (y.2 == Relation::Differs)
            .cmp(&(x.2 == Relation::Differs))
            .then(y.3.total_cmp(&x.3))
            .then((x.0, x.1).cmp(&(y.0, y.1)))
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
    // Explained on every core, then each link copied here: links are kept
    // for the session, and those made on the pool's threads pinned pages of
    // its scratch memory (3-5 MB more resident once linked). Explaining
    // them on this thread alone took a tenth of a second on 17,000
    // articles; the copies take a few milliseconds.
    let explained: Vec<Link> = scored
        .par_iter()
        .filter_map(|&(x, y, _, _)| {
            relate::compare(
                &described[x as usize],
                &described[y as usize],
                (norms[x as usize], norms[y as usize]),
                &rarity,
                true,
            )
        })
        .collect();
    // Held for the whole session: `to_vec` leaves no slack.
    let mut links: Vec<Link> = explained.to_vec();
    drop(explained);
    links.par_sort_unstable_by_key(|l| (l.a, l.b));
    let end = |r: SentenceRef, i: usize| (r.article, r.sentence, i as u32);
    let mut by_sentence: Vec<(u32, u32, u32)> = links
        .iter()
        .enumerate()
        .flat_map(|(i, l)| [end(l.a, i), end(l.b, i)])
        .collect();
    by_sentence.par_sort_unstable();
    let tables = LinkTables {
        _described: described,
        _counts: (name_df, stem_df),
        _names: names,
    };
    (LinkIndex { links, by_sentence }, tables)
}

/// In a Title Case headline every word is capitalised and names cannot be
/// told apart; the names the article's body uses can still be found in it.
fn names_in_title_case(article: &Article, described: &mut [Described]) {
    let known: Vec<describe::Name> = described
        .iter()
        .filter(|d| !d.sentence.heading)
        .flat_map(|d| d.anchor_names().iter().cloned())
        .collect();
    for d in described.iter_mut() {
        if !d.sentence.heading || d.sentence.has_entities {
            continue;
        }
        let words: Vec<String> = article
            .slice(d.sentence.start as usize, d.sentence.end as usize)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let line = format!(" {} ", words.join(" "));
        let mut found: Vec<describe::Name> = Vec::new();
        for name in &known {
            let name_words: Vec<&str> = name
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            if !name_words.is_empty() && line.contains(&format!(" {} ", name_words.join(" "))) {
                found.push(name.clone());
            }
        }
        if found.is_empty() {
            continue;
        }
        let more = |list: &[describe::Name]| {
            let mut more: Vec<describe::Name> =
                list.iter().cloned().chain(found.iter().cloned()).collect();
            more.sort();
            more.dedup();
            more
        };
        let (names, anchor_names) = (more(d.names()), more(d.anchor_names()));
        d.set_names(names, anchor_names);
    }
}

#[cfg(test)]
mod tests;

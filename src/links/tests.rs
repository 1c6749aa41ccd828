//! Each relation rule with a sentence pair where it must fire and one where
//! it must not, from realistic report wording.

use super::*;
use crate::corpus::Article;
use rustc_hash::FxHashSet as HashSet;

/// Links between two one-sentence-body articles (with headlines that share
/// nothing), after `context` lines that make them reports of one story.
fn pair(context: &str, a: &str, b: &str) -> Vec<Link> {
    pair_dated(context, (None, a), (None, b))
}

fn pair_dated(context: &str, a: (Option<&str>, &str), b: (Option<&str>, &str)) -> Vec<Link> {
    let make = |name: &str, date: Option<&str>, body: &str| {
        let front = date.map_or(String::new(), |d| format!("---\ndate: {d}\n---\n"));
        Article::from_bytes(
            name.into(),
            format!("{front}Report {name}\n\n{context}\n\n{body}\n").as_bytes(),
        )
    };
    let articles = vec![make("a.txt", a.0, a.1), make("b.txt", b.0, b.1)];
    let analyses: Vec<ArticleAnalysis> = articles.iter().map(crate::text::analyse).collect();
    let refs: Vec<&ArticleAnalysis> = analyses.iter().collect();
    let index = link(&articles, &refs);
    // Only links between the two bodies (the context links to itself).
    let last = |i: usize| analyses[i].sentences.len() - 1;
    index
        .links
        .into_iter()
        .filter(|l| l.a.sentence() == last(l.a.article()) && l.b.sentence() == last(l.b.article()))
        .collect()
}

const SKY: &str =
    "Investigators cracked the Sky ECC network run from Vancouver by Eurotech Holdings.";

#[test]
fn a_common_figure_alone_links_nothing() {
    // "15 years" in a trade talk and an actor's career: nothing in common.
    let a =
        "Report a\n\nTrade negotiators in Geneva have been talking for 15 years without a deal.\n";
    let b = "Report b\n\nThe actor, who has worked in Hollywood for 15 years, won an award.\n";
    let articles = vec![
        Article::from_bytes("a.txt".into(), a.as_bytes()),
        Article::from_bytes("b.txt".into(), b.as_bytes()),
    ];
    let analyses: Vec<ArticleAnalysis> = articles.iter().map(crate::text::analyse).collect();
    let refs: Vec<&ArticleAnalysis> = analyses.iter().collect();
    assert!(link(&articles, &refs).links.is_empty());
}

#[test]
fn a_shared_name_and_the_same_event_link() {
    let l = pair(
        SKY,
        "Police in Antwerp seized 28 tons of cocaine after the Sky ECC breach.",
        "Antwerp police have seized nearly 28 tonnes of cocaine, Sky ECC messages show.",
    );
    assert_eq!(l.len(), 1, "{l:?}");
    assert_eq!(l[0].relation, Relation::Agrees);
    assert!(l[0].agreements().iter().any(|a| a.contains("28")), "{l:?}");
    // The same name in a sentence about another kind of event does not.
    let l = pair(
        SKY,
        "Police in Antwerp seized 28 tons of cocaine after the Sky ECC breach.",
        "Sky ECC said its chief executive would resign next spring in Antwerp.",
    );
    assert!(l.is_empty(), "{l:?}");
}

#[test]
fn different_amounts_in_the_same_slot_differ_and_in_other_slots_do_not() {
    let l = pair(
        SKY,
        "Investigators intercepted over a billion messages sent on Sky ECC.",
        "Investigators intercepted hundreds of millions of messages sent on Sky ECC.",
    );
    assert_eq!(l.len(), 1, "{l:?}");
    assert_eq!(l[0].relation, Relation::Differs, "{l:?}");
    // Phones and messages are different things counted.
    let l = pair(
        SKY,
        "Sky ECC was installed on 171,000 phones, investigators said.",
        "Investigators intercepted 300 million Sky ECC messages.",
    );
    assert!(l.iter().all(|l| l.relation != Relation::Differs), "{l:?}");
}

#[test]
fn people_arrested_and_arrests_are_one_count() {
    let l = pair(
        "EncroChat was cracked by French and Dutch police working with Europol.",
        "More than 800 people were arrested across Europe after EncroChat was cracked.",
        "The EncroChat operation led to 746 arrests in the UK alone.",
    );
    assert_eq!(l.len(), 1, "{l:?}");
    assert_eq!(l[0].relation, Relation::Differs, "{l:?}");
    let l = pair(
        "EncroChat was cracked by French and Dutch police working with Europol.",
        "More than 800 people were arrested across Europe after EncroChat was cracked.",
        "Police made over 800 arrests after EncroChat was cracked.",
    );
    assert_eq!(l[0].relation, Relation::Agrees, "{l:?}");
}

#[test]
fn shipped_is_not_seized() {
    let l = pair(
        SKY,
        "A record shipment worth 11 tons was shipped overnight to Antwerp on April 3.",
        "A record shipment of almost 11 tons was seized in Antwerp on April 3.",
    );
    assert_eq!(l.len(), 1, "{l:?}");
    assert!(
        l[0].differences()
            .iter()
            .any(|d| d.contains("shipped") && d.contains("seized")),
        "{l:?}"
    );
    let l = pair(
        SKY,
        "A record shipment of 11 tons was seized in Antwerp on April 3.",
        "Police seized a record 11 tonnes in Antwerp on April 3.",
    );
    assert_eq!(l[0].relation, Relation::Agrees, "{l:?}");
}

#[test]
fn how_long_the_same_investigation_lasted() {
    let l = pair(
        SKY,
        "Belgian police ran a six week investigation into Sky ECC.",
        "Belgian prosecutors said the two-year investigation into Sky ECC ended.",
    );
    assert_eq!(l.len(), 1, "{l:?}");
    assert_eq!(l[0].relation, Relation::Differs, "{l:?}");
    // Six weeks of seizures and a two-year sentence are different things.
    let l = pair(
        SKY,
        "In six weeks Belgian police seized cocaine thanks to Sky ECC.",
        "A Sky ECC user was jailed in Belgium and seized by police for two years.",
    );
    assert!(l.iter().all(|l| l.relation != Relation::Differs), "{l:?}");
}

#[test]
fn the_same_amount_of_different_things() {
    let l = pair(
        "EncroChat was cracked by French and Dutch police working with Europol.",
        "Police monitored EncroChat, including millions of photos and messages of criminals.",
        "Police monitored EncroChat, including photos and millions of messages of criminals.",
    );
    assert_eq!(l.len(), 1, "{l:?}");
    assert_eq!(l[0].relation, Relation::Differs, "{l:?}");
}

#[test]
fn relative_dates_are_resolved_before_comparing() {
    let l = pair_dated(
        SKY,
        (
            Some("2021-04-06"),
            "Sky ECC was cracked by investigators earlier this month.",
        ),
        (None, "Investigators cracked Sky ECC on March 9, 2021."),
    );
    assert_eq!(l.len(), 1, "{l:?}");
    assert!(
        l[0].differences()
            .iter()
            .any(|d| d.contains("1–6 April 2021") && d.contains("9 March 2021")),
        "{l:?}"
    );
    // Written on 10 March, "on Tuesday" is 9 March: no disagreement.
    let l = pair_dated(
        SKY,
        (
            Some("2021-03-10"),
            "Investigators cracked Sky ECC on Tuesday.",
        ),
        (None, "Investigators cracked Sky ECC on March 9, 2021."),
    );
    assert!(l.iter().all(|l| l.relation != Relation::Differs), "{l:?}");
}

#[test]
fn actors_of_a_named_operation() {
    let l = pair(
        "Operation Lemont seized 25 tons of drugs and 20 million euros.",
        "In July, the NCA launched an operation codenamed Lemont that seized 25 tons of drugs.",
        "Police in the Netherlands seized 25 tons of drugs in their investigation, codenamed Lemont.",
    );
    assert!(l.iter().any(|l| l.relation == Relation::Differs), "{l:?}");
}

#[test]
fn a_demand_against_a_fact_only_for_the_same_event() {
    let ctx = "Europol and Dutch police spoke about 19 synthetic drug labs in Limburg.";
    let l = pair(
        ctx,
        "In a joint statement Europol and Dutch police demanded 19 synthetic drug labs be dismantled.",
        "At a joint news conference with Europol, Dutch police said 19 synthetic drug labs had been dismantled.",
    );
    assert!(l.iter().any(|l| l.relation == Relation::Differs), "{l:?}");
    // "plans" and "wants" about something else are no demand.
    let l = pair(
        ctx,
        "Europol wants more money and Dutch police said 19 synthetic drug labs had been dismantled.",
        "Dutch police said 19 synthetic drug labs had been dismantled, Europol said.",
    );
    assert!(l.iter().all(|l| l.relation != Relation::Differs), "{l:?}");
}

#[test]
fn a_copied_passage_links_without_names_or_figures() {
    let l = pair(
        SKY,
        "“This data provides elements in current files, but also opened up new criminal offenses,” the statement said.",
        "‘This data provides elements in current files but also opened up new criminal offences,’ police said.",
    );
    assert_eq!(l.len(), 1, "{l:?}");
    assert!(l[0].shared().iter().any(|s| s.contains("word for word")));
}

#[test]
fn reports_years_apart_do_not_link() {
    let a = "Report a\n\nIn 1993 police in Antwerp seized 2.34 tonnes of cocaine from Colombia.\n";
    let b = "Report b\n\nIn 2021 police in Antwerp seized 2.34 tonnes of cocaine from Colombia.\n";
    let articles = vec![
        Article::from_bytes("a.txt".into(), a.as_bytes()),
        Article::from_bytes("b.txt".into(), b.as_bytes()),
    ];
    let analyses: Vec<ArticleAnalysis> = articles.iter().map(crate::text::analyse).collect();
    let refs: Vec<&ArticleAnalysis> = analyses.iter().collect();
    assert!(link(&articles, &refs).links.is_empty());
}

#[test]
fn each_sentence_finds_its_links_and_no_other() {
    // Three reports of one story: links between every pair, several per sentence.
    let make = |name: &str| {
        Article::from_bytes(
            name.into(),
            format!("Report {name}\n\n{SKY}\n\nPolice in Belgium seized 28 tons of cocaine after cracking Sky ECC.\n\nThe operation led to 48 arrests in Antwerp.\n").as_bytes(),
        )
    };
    let articles = vec![make("a.txt"), make("b.txt"), make("c.txt")];
    let analyses: Vec<ArticleAnalysis> = articles.iter().map(crate::text::analyse).collect();
    let refs: Vec<&ArticleAnalysis> = analyses.iter().collect();
    let index = link(&articles, &refs);
    assert!(index.links.len() >= 3, "{:?}", index.links);
    let mut ends = 0;
    for (a, analysis) in analyses.iter().enumerate() {
        for sentence in 0..analysis.sentences.len() {
            let r = SentenceRef::new(a, sentence);
            let found: Vec<&Link> = index.of(r).collect();
            let expected: Vec<&Link> = index
                .links
                .iter()
                .filter(|l| l.a == r || l.b == r)
                .collect();
            assert_eq!(found, expected, "{r:?}");
            ends += found.len();
        }
    }
    assert_eq!(ends, 2 * index.links.len());
    // A sentence past the corpus has none.
    let beyond = SentenceRef::new(3, 0);
    assert_eq!(index.of(beyond).count(), 0);
}

#[test]
fn only_runs_another_article_has_are_kept_for_candidates() {
    let shared = "the minister told reporters on the steps of the court that nothing had changed";
    let texts = [
        format!("Report a\n\nOn Monday {shared} since March.\n"),
        format!("Report b\n\nLate on Friday {shared} at all.\n"),
        "Report c\n\nA farmer in the north said the harvest was the best he could remember in years.\n"
            .to_string(),
    ];
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Article::from_bytes(format!("{i}.txt"), t.as_bytes()))
        .collect();
    let analyses: Vec<ArticleAnalysis> = articles.iter().map(crate::text::analyse).collect();
    let names = describe::Names::default();
    let mut per_article: Vec<Vec<Described>> = articles
        .iter()
        .zip(&analyses)
        .enumerate()
        .map(|(ai, (a, an))| describe_article(ai, a, an, &names))
        .collect();
    let runs_of =
        |list: &[Described]| -> Vec<u64> { list.iter().flat_map(|d| d.runs.to_vec()).collect() };
    let before: Vec<usize> = per_article.iter().map(|l| runs_of(l).len()).collect();
    let name_df = story::name_frequencies(&per_article);
    let stories = story::same_story(&mut per_article, &name_df, 3, &[None; 3]);
    assert!(stories.contains(&(0, 1)), "{stories:?}");
    assert!(!stories.iter().any(|&(x, y)| x == 2 || y == 2));
    let (a, b) = (runs_of(&per_article[0]), runs_of(&per_article[1]));
    // The shared passage has 14 words: 7 runs of 8, in both reports alike.
    assert_eq!(a.len(), 7, "{before:?}");
    assert_eq!(
        a.iter().collect::<HashSet<_>>(),
        b.iter().collect::<HashSet<_>>()
    );
    assert!(before[0] > a.len() && before[1] > b.len());
    assert!(runs_of(&per_article[2]).is_empty() && before[2] > 0);
}

/// The command line describes each sentence from the tokens its analysis
/// made, a part of the corpus at a time; the workbench describes analyses
/// it holds. Both must link the seeds alike, on one core or many.
#[test]
fn describing_while_analysing_links_as_linking_analyses() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let corpus = crate::corpus::load(&seeds).unwrap();
    let analyses: Vec<ArticleAnalysis> = corpus.articles.iter().map(crate::text::analyse).collect();
    let refs: Vec<&ArticleAnalysis> = analyses.iter().collect();
    let whole = link(&corpus.articles, &refs);
    assert!(!whole.links.is_empty());
    let n = corpus.articles.len();
    let mut described = DescribedCorpus::default();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let mut spans = described.describe(&corpus.articles, 0..2, || {
        done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    });
    spans.extend(described.describe(&corpus.articles, 2..n, || {
        done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }));
    assert_eq!(done.into_inner(), n);
    assert_eq!(spans.len(), n);
    for (slim, full) in spans.iter().zip(&analyses) {
        let span = |s: &crate::text::Sentence| (s.start(), s.end());
        assert!(
            slim.sentences
                .iter()
                .map(span)
                .eq(full.sentences.iter().map(span))
        );
    }
    assert_eq!(described.link(), whole);
    for threads in [1, 4] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        assert_eq!(
            pool.install(|| link(&corpus.articles, &refs)),
            whole,
            "{threads}"
        );
    }
}

#[test]
fn a_link_serializes_its_lists_as_it_did_its_fields() {
    let link = |agreements: &[&str], differences: &[&str]| Link {
        a: SentenceRef::new(0, 2),
        b: SentenceRef::new(3, 1),
        relation: Relation::Differs,
        score: 0.5,
        why: Explanation::new(
            ["name Lagos"],
            agreements.iter().copied(),
            differences.iter().copied(),
        ),
    };
    assert_eq!(
        serde_json::to_value(link(&[], &["28 tons against 30 tons"])).unwrap(),
        serde_json::json!({
            "a": {"article": 0, "sentence": 2},
            "b": {"article": 3, "sentence": 1},
            "relation": "differs",
            "score": 0.5,
            "shared": ["name Lagos"],
            "differences": ["28 tons against 30 tons"]
        })
    );
    let agreeing = serde_json::to_value(link(&["28 tons"], &[])).unwrap();
    assert_eq!(agreeing["agreements"], serde_json::json!(["28 tons"]));
    assert!(agreeing.get("differences").is_none());
}

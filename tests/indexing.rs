//! What the workbench keeps of articles it is not showing: slim analyses
//! (from the index cache at start, or once the corpus is linked), with the
//! details back as soon as an article is opened.

mod common;

use claimdesk::app::Action;
use claimdesk::tui::dispatch;
use common::*;
use std::sync::Arc;

fn slim_all(
    s: &claimdesk::app::state::State,
) -> Vec<(usize, Arc<claimdesk::text::ArticleAnalysis>)> {
    s.analyses
        .iter()
        .enumerate()
        .map(|(i, a)| (i, Arc::new(a.as_ref().unwrap().slim())))
        .collect()
}

#[test]
fn slimmed_articles_keep_their_counts_and_get_their_details_back_when_opened() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (100, 30));
    let progress = s.progress.clone();
    let slim = slim_all(&s);
    dispatch(&mut s, Action::Slimmed(slim));
    let open = s.open_article;
    assert!(
        !s.analyses[open].as_ref().unwrap().slim,
        "the open article keeps its details"
    );
    let other = (open + 1) % s.analyses.len();
    assert!(s.analyses[other].as_ref().unwrap().slim);
    assert_eq!(s.progress, progress, "counts do not change");
    // Open the next article from the list.
    press(&mut s, "<s-tab>j<enter>");
    assert_eq!(s.open_article, other);
    let a = s.analyses[other].as_ref().unwrap();
    assert!(!a.slim && a.sentences.iter().any(|x| !x.reasons().is_empty()));
}

#[test]
fn the_full_analyses_replaced_are_handed_to_the_shell_to_free() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (100, 30));
    let open = s.open_article;
    let full: Vec<_> = s.analyses.iter().map(|a| a.clone().unwrap()).collect();
    let slim = slim_all(&s);
    let effects = claimdesk::app::update(&mut s, Action::Slimmed(slim), chrono::Utc::now());
    let others: Vec<_> = (0..full.len())
        .filter(|&i| i != open)
        .map(|i| full[i].clone())
        .collect();
    assert!(!others.is_empty());
    // The very analyses the state held, not copies: the shell frees them.
    assert_eq!(
        effects,
        vec![claimdesk::app::Effect::Release(claimdesk::app::Released(
            others
        ))]
    );
    // Nothing is left to free when every slot was empty (a cached start).
    let mut fresh = unindexed(&dir.path().join("seeds"), (100, 30), 1, None);
    let cached = slim_all(&s);
    let effects = claimdesk::app::update(&mut fresh, Action::Slimmed(cached), chrono::Utc::now());
    assert!(effects.is_empty());
}

#[test]
fn cached_analyses_fill_the_list_before_indexing() {
    let dir = temp_seeds();
    let full = state_for(&dir.path().join("seeds"), (100, 30));
    let cached = slim_all(&full);
    // A fresh state, nothing indexed yet, then what the cache held.
    let mut s = unindexed(&dir.path().join("seeds"), (100, 30), 1, None);
    assert!(!s.index_done());
    dispatch(&mut s, Action::Slimmed(cached));
    assert!(s.index_done(), "every article counted");
    assert_eq!(s.progress, full.progress, "the same counts as a full index");
    assert!(
        !s.analyses[s.open_article].as_ref().unwrap().slim,
        "the open article is detailed"
    );
}

#[test]
fn stats_writes_the_index_cache_and_a_corrupt_one_is_rebuilt_in_silence() {
    let dir = temp_seeds();
    let cache_dir = dir.path().join(".cache/claimdesk");
    let first = claimdesk_ok(dir.path(), &["stats", "seeds"]);
    let files: Vec<_> = std::fs::read_dir(&cache_dir).unwrap().flatten().collect();
    assert_eq!(files.len(), 1, "one index file for the corpus");
    let path = files[0].path();
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains(&claimdesk::text::cache::program_version()));
    assert_eq!(
        claimdesk_ok(dir.path(), &["stats", "seeds"]),
        first,
        "the same from the cache"
    );
    std::fs::write(&path, "{\"version\": 3, \"articles\": [").unwrap();
    let (code, out, err) = claimdesk(&["stats", "seeds"], dir.path());
    assert_eq!((code, out.as_str(), err.as_str()), (0, first.as_str(), ""));
    let rebuilt: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(rebuilt["articles"].as_object().unwrap().len(), 5, "rebuilt");
    // A changed article is analysed again, not served from the cache.
    let article = dir.path().join("seeds/000_b4c1e1b9b05d5c34.txt");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(&article, text.replace("28 tons", "29 tons")).unwrap();
    claimdesk_ok(dir.path(), &["stats", "seeds"]);
    let after: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let sha = claimdesk::corpus::sha256_hex(&std::fs::read(&article).unwrap());
    assert!(
        after["articles"]
            .as_object()
            .unwrap()
            .keys()
            .any(|k| k.starts_with(&format!("{sha}-"))),
        "the changed article is cached under its new content"
    );
    assert_eq!(
        after["articles"].as_object().unwrap().len(),
        5,
        "the old entry is gone"
    );
}

#[test]
fn an_article_loses_its_differs_mark_once_its_disagreements_are_judged() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (100, 30));
    let article = s.open_article;
    assert!(s.differ_articles.contains(&article), "the seeds disagree");
    let links = s.links.clone().unwrap();
    let strong: Vec<usize> = (0..s.analyses[article].as_ref().unwrap().sentences.len())
        .filter(|&sentence| {
            links
                .of(claimdesk::links::SentenceRef::new(article, sentence))
                .any(|l| {
                    l.relation == claimdesk::links::Relation::Differs
                        && l.score >= claimdesk::app::derive::STRONG_DIFFERS
                })
        })
        .collect();
    assert!(!strong.is_empty());
    for (k, &sentence) in strong.iter().enumerate() {
        s.reader.cursor = sentence;
        press(&mut s, "t");
        let still = s.differ_articles.contains(&article);
        assert_eq!(
            still,
            k + 1 < strong.len(),
            "marked after {} of {}",
            k + 1,
            strong.len()
        );
    }
    press(&mut s, "z");
    assert!(s.differ_articles.contains(&article), "undone: open again");
}

#[test]
fn articles_added_beside_a_cached_one_change_its_chrome_as_a_fresh_analysis_does() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "Police seize 28 tons of cocaine in record haul\n\nLive coverage of the harbour raid\n\n\
         Police in Antwerp seized 28 tons of cocaine worth 1.4 billion euros on Monday, officials said.\n",
    )
    .unwrap();
    let listing = || claimdesk_ok(dir.path(), &["claims", "corpus", "--all"]);
    let alone = listing();
    assert!(
        alone.contains("[ ] a.txt:48-81"),
        "a sentence while alone: {alone}"
    );
    // The same short line in three more articles: the site's, chrome in each.
    for n in ["b", "c", "d"] {
        std::fs::write(
            corpus.join(format!("{n}.txt")),
            format!("Other story {n} about the weather\n\nLive coverage of the harbour raid\n\nRain fell on {n} on Tuesday.\n"),
        )
        .unwrap();
    }
    let cached = listing();
    assert!(cached.contains("[#] a.txt:48-81"), "{cached}");
    std::fs::remove_dir_all(dir.path().join(".cache")).unwrap();
    assert_eq!(cached, listing(), "as a fresh analysis lists it");
}

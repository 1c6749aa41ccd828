//! The claim library: ClaimReview in its common shapes and past claimdesk
//! verdicts in, one file per source; and matching sentences against it.

mod common;

use claimdesk::library::matching::{Figures, Match, MatchIndex, SHOWN_FROM};
use claimdesk::library::{self, LibraryEntry, Normalised, Rating};
use common::*;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/library")
        .join(name)
}

fn read(name: &str) -> Vec<LibraryEntry> {
    library::read_source(&fixture(name)).unwrap()
}

#[test]
fn one_review_with_its_rating_checker_dates_and_appearance() {
    let e = &read("single.json")[0];
    assert_eq!(
        e.claim,
        "Belgian police seized 28 tons of cocaine after cracking Sky ECC"
    );
    assert_eq!(e.rating.name, "Mostly True");
    assert_eq!(e.rating.normalised, Normalised::Disputed);
    assert_eq!(e.by, "Example Fact Check");
    assert_eq!(e.date, "2021-03-12");
    assert_eq!(
        e.url,
        "https://factcheck.example/2021/03/belgian-police-28-tons"
    );
    assert_eq!(e.appeared.claimant, "A Minister");
    assert_eq!(e.appeared.url, "https://news.example/belgium-cocaine");
    assert_eq!(e.appeared.title, "Record cocaine haul");
    assert_eq!(e.appeared.date, "2021-03-10");
    assert_eq!(e.id.len(), 16);
}

#[test]
fn lists_graphs_feeds_and_api_results_are_read() {
    let ratings = |name: &str| -> Vec<(String, Normalised)> {
        let mut v: Vec<(String, Normalised)> = read(name)
            .into_iter()
            .map(|e| (e.rating.name, e.rating.normalised))
            .collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    };
    assert_eq!(
        ratings("list.json"),
        [
            ("Pants on Fire!".into(), Normalised::False),
            ("True".into(), Normalised::True)
        ]
    );
    assert_eq!(
        ratings("graph.json"),
        [("Verdadero".into(), Normalised::True)]
    );
    assert_eq!(
        ratings("feed.json"),
        [
            ("False".into(), Normalised::False),
            ("Unproven".into(), Normalised::Unverifiable)
        ]
    );
    let api = &read("api.json")[0];
    assert_eq!(api.rating.normalised, Normalised::Disputed);
    assert_eq!(api.by, "API Checks");
    assert_eq!(api.appeared.claimant, "Prosecutor's office");
    assert_eq!(api.url, "https://apichecks.example/sky-ecc-messages");
}

#[test]
fn a_claimdesk_folder_gives_its_claims_with_a_verdict() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (100, 30));
    press(&mut s, "jf");
    press(&mut s, "jjj");
    let entries = library::read_source(&dir.path().join("annotations")).unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].rating.normalised, Normalised::False);
    assert_eq!(entries[0].by, "tester");
    assert!(
        entries[0]
            .claim
            .starts_with("Police in Belgium has seized 28 tons")
    );
    assert_eq!(entries[0].appeared.title, s.corpus.articles[0].meta.title);
}

#[test]
fn sources_are_files_of_their_own_and_adding_one_again_replaces_it() {
    let lib = tempfile::tempdir().unwrap();
    let (a, n) = library::add(lib.path(), &fixture("list.json")).unwrap();
    assert_eq!(n, 2);
    let (b, _) = library::add(lib.path(), &fixture("feed.json")).unwrap();
    assert_ne!(a, b);
    let (again, _) = library::add(lib.path(), &fixture("list.json")).unwrap();
    assert_eq!(again, a);
    std::fs::write(lib.path().join("broken.json"), "{ not json").unwrap();
    let (entries, problems) = library::load(lib.path());
    assert_eq!(entries.len(), 4);
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].contains("broken.json is left out"),
        "{problems:?}"
    );
    let bad = library::read_source(&fixture("../pages/coastal-herald.html")).unwrap_err();
    assert!(bad.starts_with("it is not JSON"), "{bad}");
}

/// The fixtures among 300 real sentences of the ClaimBuster slice, so that
/// words weigh by their rarity in real claims.
fn all_fixtures() -> MatchIndex {
    let background = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/claimbuster_slice.jsonl"),
    )
    .unwrap();
    let mut entries: Vec<LibraryEntry> = background
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .map(|claim| LibraryEntry {
            id: String::new(),
            claim,
            rating: library::Rating {
                name: "unrated".into(),
                normalised: Normalised::Other,
            },
            by: String::new(),
            date: String::new(),
            url: String::new(),
            title: String::new(),
            appeared: Default::default(),
        })
        .collect();
    for f in [
        "single.json",
        "list.json",
        "graph.json",
        "feed.json",
        "api.json",
    ] {
        entries.extend(read(f));
    }
    MatchIndex::build(entries)
}

#[test]
fn a_restated_claim_is_found_and_a_sentence_on_the_same_topic_is_not() {
    let index = all_fixtures();
    let best = |text: &str| {
        let m = index
            .query(text, 5)
            .into_iter()
            .next()
            .expect("a candidate");
        (index.entries[m.entry].claim.clone(), m)
    };
    let (claim, m) = best(
        "The jobless rate dropped to 3.4 percent, its lowest level since 1969, officials said.",
    );
    assert!(
        claim.starts_with("Unemployment fell to 3.4 percent"),
        "{claim}"
    );
    assert!(m.score >= SHOWN_FROM, "{m:?}");
    assert_eq!(m.figures, Figures::Agree);
    let (claim, m) = best(
        "Police in Belgium has seized 28 tons of cocaine after cracking the encrypted Sky ECC network.",
    );
    assert!(
        claim.starts_with("Belgian police seized 28 tons"),
        "{claim}"
    );
    assert!(m.score >= SHOWN_FROM, "{m:?}");
    // The claim's subject without its figure is not the claim.
    let subject = index.query(
        "The Sky ECC server was taken offline and seized by Dutch authorities.",
        5,
    );
    assert!(subject.iter().all(|m| m.score < SHOWN_FROM), "{subject:?}");
    let sky = subject
        .iter()
        .find(|m| index.entries[m.entry].claim.contains("Sky ECC"))
        .expect("a candidate");
    assert_eq!(sky.figures, Figures::Missing);
    // Same topic, another claim.
    let topic = index.query(
        "Cocaine use among teenagers in Belgium is rising, a survey says.",
        5,
    );
    assert!(topic.iter().all(|m| m.score < SHOWN_FROM), "{topic:?}");
    assert!(
        index
            .query("The weather was mild.", 5)
            .iter()
            .all(|m| m.score < SHOWN_FROM)
    );
}

#[test]
fn a_different_figure_is_a_different_claim() {
    let index = all_fixtures();
    let same = index.query(
        "Police found 11 tons of cocaine hidden in a shipment at the port of Antwerp.",
        1,
    );
    assert!(same[0].score >= SHOWN_FROM, "{same:?}");
    let other = index.query(
        "Police found 27 tons of cocaine hidden in a shipment at the port of Antwerp.",
        1,
    );
    assert_eq!(other[0].figures, Figures::Differ);
    assert!(other[0].score < SHOWN_FROM, "{other:?}");
}

#[test]
fn the_matches_command_lists_sentences_checked_before() {
    let dir = temp_seeds();
    let lib = dir.path().join("lib");
    // Real claims around the two reviews, as ClaimReview.
    let background: Vec<serde_json::Value> = all_fixtures()
        .entries
        .iter()
        .filter(|e| e.rating.normalised == Normalised::Other)
        .map(|e| serde_json::json!({"@type": "ClaimReview", "claimReviewed": e.claim, "reviewRating": {"alternateName": "Not rated"}}))
        .collect();
    std::fs::write(
        dir.path().join("background.json"),
        serde_json::to_string(&background).unwrap(),
    )
    .unwrap();
    let fixture_path = fixture("graph.json");
    let out = claimdesk_ok(
        dir.path(),
        &[
            "library",
            "add",
            fixture_path.to_str().unwrap(),
            fixture("single.json").to_str().unwrap(),
            "background.json",
            "--library",
            "lib",
        ],
    );
    assert!(out.contains("1 claim(s) from"), "{out}");
    assert_eq!(std::fs::read_dir(&lib).unwrap().count(), 3);
    let out = claimdesk_ok(
        dir.path(),
        &["matches", "seeds", "--library", "lib", "--json"],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let found = v.as_array().unwrap();
    assert!(!found.is_empty());
    let first = &found[0];
    for key in ["article", "start", "end", "text", "matches"] {
        assert!(first.get(key).is_some(), "{key} in {first}");
    }
    let m = &first["matches"][0];
    for key in ["claim", "rating", "url", "score"] {
        assert!(m.get(key).is_some(), "{key} in {m}");
    }
    // The 28-ton sentence of the first seed matches the 28-ton review.
    assert!(
        found
            .iter()
            .any(|s| s["text"].as_str().unwrap().contains("seized 28 tons")
                && s["matches"][0]["url"]
                    == "https://factcheck.example/2021/03/belgian-police-28-tons"),
        "{out}"
    );
    assert!(
        found
            .iter()
            .flat_map(|s| s["matches"].as_array().unwrap())
            .all(|m| m["checked_before"] == true),
        "{out}"
    );
    // What was matched is kept in the cache folder (as the workbench keeps
    // it): the next run gives the same listing from it, and a cache that
    // does not parse is matched again without a word.
    let cached: Vec<PathBuf> = walk(&dir.path().join(".cache"))
        .into_iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("matches-")
        })
        .collect();
    assert_eq!(cached.len(), 1, "{cached:?}");
    let again = claimdesk_ok(
        dir.path(),
        &["matches", "seeds", "--library", "lib", "--json"],
    );
    assert_eq!(again, out);
    std::fs::write(&cached[0], "{ not json").unwrap();
    let (code, again, err) = claimdesk(
        &["matches", "seeds", "--library", "lib", "--json"],
        dir.path(),
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(again, out);
    assert!(
        std::fs::read_to_string(&cached[0])
            .unwrap()
            .starts_with('{')
    );
    assert!(
        serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(&cached[0]).unwrap())
            .is_ok()
    );
    // From 0, every content sentence with a candidate lists up to five, best
    // ranked first, each saying whether the workbench would show it: what a
    // ranking evaluation needs.
    let all = claimdesk_ok(
        dir.path(),
        &[
            "matches",
            "seeds",
            "--library",
            "lib",
            "--json",
            "--min-score",
            "0",
        ],
    );
    let all: serde_json::Value = serde_json::from_str(&all).unwrap();
    let all = all.as_array().unwrap();
    assert!(all.len() > found.len(), "{} vs {}", all.len(), found.len());
    assert!(all.iter().all(|s| {
        let m = s["matches"].as_array().unwrap();
        (1..=5).contains(&m.len())
            && m.windows(2)
                .all(|w| w[0]["rank"].as_f64() >= w[1]["rank"].as_f64())
    }));
    assert!(
        all.iter()
            .flat_map(|s| s["matches"].as_array().unwrap())
            .any(|m| m["checked_before"] == false)
    );
    let (code, _, err) = claimdesk(
        &["matches", "seeds", "--library", "lib", "--min-score", "2"],
        dir.path(),
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a score from 0 to 1"), "{err}");
    let (code, _, err) = claimdesk(&["matches", "seeds", "--library", "empty-lib"], dir.path());
    assert_eq!(code, 1);
    assert!(err.contains("has no claims"), "{err}");
}

fn entries(claims: &[&str]) -> Vec<LibraryEntry> {
    claims
        .iter()
        .map(|c| LibraryEntry {
            id: c.to_string(),
            claim: c.to_string(),
            rating: Rating {
                name: "False".into(),
                normalised: Normalised::False,
            },
            by: String::new(),
            date: String::new(),
            url: String::new(),
            title: String::new(),
            appeared: Default::default(),
        })
        .collect()
}

/// The claim `text` is matched to first, and its match.
fn best_of(index: &MatchIndex, text: &str) -> (String, Match) {
    let m = index
        .query(text, 5)
        .into_iter()
        .next()
        .expect("a candidate");
    (index.entries[m.entry].claim.clone(), m)
}

#[test]
fn a_query_among_the_added_claims_finds_those_alone() {
    use claimdesk::library::matching::{Among, sentence_matches_among};
    let claims = [
        "Belgian police seized 28 tons of cocaine at the port of Antwerp",
        "Police in Belgium seized 28 tons of cocaine at Antwerp's port",
        "The port of Antwerp seized 28 tons of cocaine, Belgian police said",
    ];
    let article = claimdesk::corpus::Article::from_bytes(
        "a.txt".into(),
        b"Belgian police seized 28 tons of cocaine at the port of Antwerp.\n",
    );
    let analysis = claimdesk::text::analyse(&article);
    let index = MatchIndex::deferred(entries(&claims));
    assert!(index.prepare_added(&[false, true, false]));
    let all = sentence_matches_among(&index, &article, &analysis, 5, SHOWN_FROM, Among::All);
    let mut found: Vec<usize> = all.iter().map(|(_, m)| m.entry).collect();
    found.sort_unstable();
    assert_eq!(found, [0, 1, 2], "{all:?}");
    let added = sentence_matches_among(&index, &article, &analysis, 5, SHOWN_FROM, Among::Added);
    let found: Vec<usize> = added.iter().map(|(_, m)| m.entry).collect();
    assert_eq!(found, [1]);
    // As they would be found among all.
    assert_eq!(Some(&added[0]), all.iter().find(|(_, m)| m.entry == 1));
    // Indexed already, in the library's order: the added cannot be told apart.
    let built = MatchIndex::build(entries(&claims));
    assert!(!built.prepare_added(&[false, true, false]));
}

#[test]
fn hashtags_and_handles_count_as_the_words_they_run_together() {
    let index = MatchIndex::build(entries(&[
        "A music festival in the Bahamas left attendees stranded on an island.",
        "The Fyre Festival left attendees stranded after its cancellation.",
    ]));
    let (claim, _) = best_of(
        &index,
        "#FyreFestival attendees are stranded on the island, says @FyreFraud.",
    );
    assert!(claim.starts_with("The Fyre Festival"), "{claim}");
    // Only hashtags and handles are split: a name written as one word stays one.
    let index = MatchIndex::build(entries(&[
        "McDonald's burgers are unfit to eat.",
        "Donald's burgers are unfit to eat.",
    ]));
    let (claim, _) = best_of(&index, "McDonald's burgers are unfit to eat, a chef said.");
    assert!(claim.starts_with("McDonald"), "{claim}");
}

#[test]
fn an_initialism_counts_as_the_name_the_library_gives_it_and_back() {
    let claims = [
        "The National Rifle Association backed a bill banning the open carry of loaded firearms.",
        "Gun owners opposed the bill banning open carry.",
    ];
    let index = MatchIndex::build(entries(&claims));
    let (claim, _) = best_of(&index, "The NRA wanted the bill banning open carry.");
    assert!(claim.starts_with("The National Rifle"), "{claim}");
    // And a name counts as its initialism when the library writes that.
    let index = MatchIndex::build(entries(&[
        "The NRA backed a bill banning the open carry of loaded firearms.",
        "Gun owners opposed the bill banning open carry.",
        "The National Rifle Association has five million members.",
    ]));
    let (claim, _) = best_of(
        &index,
        "The National Rifle Association backed the bill banning open carry.",
    );
    assert!(claim.starts_with("The NRA backed"), "{claim}");
}

#[test]
fn a_compounds_parts_are_its_words() {
    let index = MatchIndex::build(entries(&[
        "A photograph shows Alexandria Ocasio-Cortez crying at an empty parking lot during a protest in Texas.",
        "A photograph shows a congresswoman crying at an empty parking lot.",
    ]));
    let (claim, _) = best_of(
        &index,
        "Ocasio-Cortez was crying at a parking lot, photos show.",
    );
    assert!(claim.contains("Ocasio-Cortez"), "{claim}");
}

#[test]
fn an_initialism_with_stops_is_the_one_without() {
    let index = MatchIndex::build(entries(&[
        "The U.S. Army sent text messages about a military draft.",
        "The Army sent text messages about a draft.",
    ]));
    let (claim, _) = best_of(&index, "The US Army sent text messages about the draft.");
    assert!(claim.starts_with("The U.S."), "{claim}");
}

#[test]
fn a_demonym_is_its_country() {
    let index = MatchIndex::build(entries(&[
        "Mexican troops provided aid after Katrina.",
        "Troops provided aid after Katrina.",
    ]));
    let (claim, _) = best_of(&index, "Mexico sent troops to aid residents after Katrina.");
    assert!(claim.starts_with("Mexican"), "{claim}");
}

#[test]
fn an_irregular_plural_is_its_singular() {
    let index = MatchIndex::build(entries(&[
        "Police in Paris seized knives hidden in baguettes from protesters at a march.",
        "Police in Paris seized baguettes from protesters.",
    ]));
    let (claim, _) = best_of(
        &index,
        "A knife in a baguette, seized by Paris police from protesters.",
    );
    assert!(claim.contains("knives"), "{claim}");
}

#[test]
fn a_lower_case_tag_counts_as_the_library_words_it_runs_together() {
    let index = MatchIndex::build(entries(&[
        "Videos show the storm and tornadoes in Cape Town, South Africa.",
        "A video shows a fake Melania Trump standing next to the president.",
        "Photographs show a real animal called the shoebill stork.",
    ]));
    let (claim, m) = best_of(&index, "All #capetownstorm videos are fake");
    assert!(claim.starts_with("Videos show the storm"), "{claim} {m:?}");
    // A capital that starts the tag marks no word inside it.
    let (claim, m) = best_of(&index, "All #Capetownstorm videos are fake");
    assert!(claim.starts_with("Videos show the storm"), "{claim} {m:?}");
    // A tag the library has as a word, or one it cannot split into its
    // words, stays one word; so does a part a capital already split off.
    let index = MatchIndex::build(entries(&[
        "Tucker Carlson said the son of a senator won a car.",
        "Carl and his son were seen at the stadium.",
        "The storm damaged the cape town hall.",
    ]));
    let found = index.query("Watch @TuckerCarlson tonight", 3);
    assert!(
        found.iter().all(
            |m| !index.entries[m.entry].claim.starts_with("Carl and") || m.rank < found[0].rank
        ),
        "{found:?}"
    );
    assert!(
        index.entries[found[0].entry]
            .claim
            .starts_with("Tucker Carlson"),
        "{found:?}"
    );
}

#[test]
fn three_letter_words_tell_claims_apart() {
    let index = MatchIndex::build(entries(&[
        "Brunei will punish adultery with death by stoning.",
        "Brunei will punish gay sex with death by stoning.",
    ]));
    let (claim, m) = best_of(
        &index,
        "Brunei's new laws punish gay sex with stoning to death.",
    );
    assert!(claim.contains("gay sex"), "{claim}");
    assert!(m.score >= SHOWN_FROM, "{m:?}");
}

#[test]
fn ranks_and_vague_amounts_are_not_figures_a_sentence_must_repeat() {
    let index = MatchIndex::build(entries(&[
        "Roger Stone was an aide to the 37th U.S. president, Richard Nixon.",
        "Hundreds of protesters blocked the pipeline construction site in North Dakota.",
        "Officials confiscated 300 pounds of explosives near the pipeline.",
    ]));
    // (sentence, the claim it is matched to, how their figures stand, shown)
    for (sentence, claim_start, figures, shown) in [
        (
            "Roger Stone was never an aide or adviser to President Richard Nixon, the Nixon Foundation said.",
            "Roger Stone",
            Figures::None,
            true,
        ),
        (
            "Protesters blocked the pipeline construction site in North Dakota on Monday.",
            "Hundreds of protesters",
            Figures::None,
            true,
        ),
        // An exact figure still has to be there.
        (
            "Officials confiscated explosives near the pipeline.",
            "Officials confiscated 300",
            Figures::Missing,
            false,
        ),
    ] {
        let (claim, m) = best_of(&index, sentence);
        assert!(claim.starts_with(claim_start), "{sentence}: {claim}");
        assert_eq!(m.figures, figures, "{sentence}");
        assert_eq!(m.score >= SHOWN_FROM, shown, "{sentence}: {m:?}");
    }
}

#[test]
fn one_rare_word_in_common_is_not_the_claim() {
    // One rare word in common covers most of a short claim, but says little.
    let index = MatchIndex::build(entries(&[
        "Koalas are functionally extinct.",
        "The state parliament passed a budget that cuts school funding by a fifth.",
        "Wildfires destroyed the town hall last summer.",
    ]));
    let koala = index.query(
        "Koalas at the city zoo were fed eucalyptus leaves on Tuesday.",
        1,
    );
    assert!(koala.iter().all(|m| m.score < SHOWN_FROM), "{koala:?}");
    let (claim, m) = best_of(
        &index,
        "Koalas have become functionally extinct, a foundation claims.",
    );
    assert!(claim.starts_with("Koalas"), "{claim}");
    assert!(m.score >= SHOWN_FROM, "{m:?}");
}

#[test]
fn the_workbench_shows_a_sentence_checked_before_and_takes_its_rating() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (120, 40));
    let index = all_fixtures();
    let by_article = match_library(&mut s, &index);
    let (sentence, m) = by_article[0]
        .first()
        .cloned()
        .expect("a sentence of the first seed");
    assert!(
        index.entries[m.entry]
            .claim
            .starts_with("Belgian police seized 28 tons"),
        "{:?}",
        index.entries[m.entry]
    );
    let said = format!("checked before, against {} library claim(s).", index.len());
    assert!(
        s.message.as_deref().unwrap().ends_with(&said),
        "{:?}",
        s.message
    );
    let kept = s.checked_before.as_ref().unwrap();
    assert_eq!(kept.library_len(), index.len());
    assert!(
        kept.entries.len() < 10,
        "only the claims some sentence matched are kept"
    );
    press(&mut s, &"j".repeat(sentence));
    let screen = render(&s);
    assert!(screen.contains("Checked before: Mostly True"), "{screen}");
    assert!(screen.contains("(disputed) by Example Fact"), "{screen}");
    // The list marks the article, unless it shows a disagreement (≠) there.
    let differ = std::mem::take(&mut s.differ_articles);
    assert!(render(&s).contains("│✓"), "{}", render(&s));
    s.differ_articles = differ;
    press(&mut s, "A");
    let claim = s.annotations[0].claims().next().expect("a claim").clone();
    assert_eq!(claim.verdict, claimdesk::store::Verdict::Disputed);
    assert_eq!(claim.evidence.len(), 1);
    assert_eq!(
        claim.evidence[0].reference,
        "https://factcheck.example/2021/03/belgian-police-28-tons"
    );
    assert_eq!(claim.evidence[0].stance, claimdesk::store::Stance::Context);
    assert_eq!(
        s.message.as_deref(),
        Some(
            "Marked disputed as Example Fact Check rated it (Mostly True); their fact-check is attached as evidence."
        )
    );
    // A sentence not checked before says so.
    let plain = (0..s.current_analysis().unwrap().sentences.len())
        .find(|&i| !by_article_has(&s, i) && !s.current_analysis().unwrap().sentences[i].chrome())
        .expect("a sentence not checked before");
    press(&mut s, &format!("g{}A", "j".repeat(plain)));
    assert_eq!(
        s.message.as_deref(),
        Some("This sentence was not checked before.")
    );
}

fn by_article_has(s: &claimdesk::app::state::State, sentence: usize) -> bool {
    s.checked_before.as_ref().unwrap().at(0, sentence).is_some()
}

#[test]
fn matches_are_cached_per_article_and_never_trusted_stale() {
    use claimdesk::library::cache::{MatchCache, matching_key, path_for};
    use claimdesk::library::matching::sentences_checked_before;
    let lib = tempfile::tempdir().unwrap();
    library::add(lib.path(), &fixture("single.json")).unwrap();
    let key = matching_key();
    let seeds =
        claimdesk::corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")).unwrap();
    let article = &seeds.articles[0];
    let index = MatchIndex::build(library::load(lib.path()).0);
    let found = sentences_checked_before(&index, article, &claimdesk::text::analyse(article));
    assert!(!found.is_empty());
    let ids: std::collections::HashMap<&str, usize> = index
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();

    let cache_dir = tempfile::tempdir().unwrap();
    let path = path_for(&cache_dir.path().join("index-0123456789abcdef.json"));
    assert_eq!(path.file_name().unwrap(), "matches-0123456789abcdef.json");
    let mut cache = MatchCache::load(&path, &key);
    assert!(cache.get(&article.sha256, &ids).is_none());
    cache.put(&article.sha256, &found, &index.entries);
    cache.save(&path, &[article.sha256]);
    let again = MatchCache::load(&path, &key);
    assert_eq!(
        again.get(&article.sha256, &ids).unwrap(),
        found,
        "the next start takes them as they were"
    );
    // An article whose text changed has another hash: matched again.
    assert!(
        again
            .get(&claimdesk::corpus::Sha256::of(b"another text"), &ids)
            .is_none()
    );
    // Made by another version or way of scoring: not trusted.
    assert!(
        MatchCache::load(&path, "another key")
            .get(&article.sha256, &ids)
            .is_none()
    );
    // A claim gone from the library makes the article's cached matches unusable.
    assert!(
        again
            .get(&article.sha256, &std::collections::HashMap::new())
            .is_none()
    );
    // A corrupt cache is an empty one, without a word.
    std::fs::write(&path, "{ not json").unwrap();
    assert!(
        MatchCache::load(&path, &key)
            .get(&article.sha256, &ids)
            .is_none()
    );
}

#[test]
fn a_corpus_matched_before_never_indexes_the_library_words_again() {
    use claimdesk::library::cache::{match_corpus, matching_key};
    let lib = tempfile::tempdir().unwrap();
    library::add(lib.path(), &fixture("single.json")).unwrap();
    library::add(lib.path(), &fixture("graph.json")).unwrap();
    let key = matching_key();
    let (seeds, analyses) = seeds_analysed();
    let refs: Vec<_> = analyses.iter().collect();
    let cache_dir = tempfile::tempdir().unwrap();
    let path = cache_dir.path().join("matches.json");
    let first_index = MatchIndex::deferred(library::load(lib.path()).0);
    let first = match_corpus(&first_index, &seeds.articles, &refs, Some((&path, &key)));
    assert!(first_index.is_prepared());
    assert!(
        first.iter().any(|f| !f.is_empty()),
        "the seeds match the fixtures"
    );
    // The next start: every article is in the cache, no word is indexed.
    let next_index = MatchIndex::deferred(library::load(lib.path()).0);
    let next = match_corpus(&next_index, &seeds.articles, &refs, Some((&path, &key)));
    assert_eq!(next, first);
    assert!(!next_index.is_prepared());
    // One article changed: the words are indexed, for that article alone.
    let mut changed = seeds.articles.clone();
    changed[0] = claimdesk::corpus::Article::from_bytes(
        changed[0].id.clone(),
        format!("{}\nOne more line.\n", changed[0].text).as_bytes(),
    );
    let changed_analyses: Vec<_> = changed.iter().map(claimdesk::text::analyse).collect();
    let changed_refs: Vec<_> = changed_analyses.iter().collect();
    let after_index = MatchIndex::deferred(library::load(lib.path()).0);
    let after = match_corpus(&after_index, &changed, &changed_refs, Some((&path, &key)));
    assert!(after_index.is_prepared());
    assert_eq!(after[1..], first[1..]);
}

/// The bundled seeds, read from the repository (never written), and their analyses.
fn seeds_analysed() -> (
    claimdesk::corpus::Corpus,
    Vec<claimdesk::text::ArticleAnalysis>,
) {
    let seeds =
        claimdesk::corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")).unwrap();
    let analyses = seeds
        .articles
        .iter()
        .map(claimdesk::text::analyse)
        .collect();
    (seeds, analyses)
}

/// A ClaimReview list of `claims`, rated true, written to `path`.
fn write_reviews(path: &Path, claims: &[&str], tag: &str) {
    let reviews: Vec<serde_json::Value> = claims
        .iter()
        .enumerate()
        .map(|(i, claim)| {
            serde_json::json!({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "url": format!("https://checkers.example/{tag}/{i}"),
                "claimReviewed": claim,
                "author": {"@type": "Organization", "name": "Checkers"},
                "reviewRating": {"@type": "Rating", "alternateName": "True"}
            })
        })
        .collect();
    std::fs::write(path, serde_json::to_string(&reviews).unwrap()).unwrap();
}

/// Sets the score of the first cached match of every article to 0.999, a
/// score no match of the seeds has: a match kept from the cache shows it.
fn mark_cached_matches(path: &Path) {
    let mut file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for matches in file["articles"].as_object_mut().unwrap().values_mut() {
        if let Some(first) = matches.as_array_mut().unwrap().first_mut() {
            first["score"] = serde_json::json!(0.999);
        }
    }
    std::fs::write(path, file.to_string()).unwrap();
}

fn marked(found: &[Vec<(usize, Match)>]) -> usize {
    found
        .iter()
        .flatten()
        .filter(|(_, m)| (m.score - 0.999).abs() < 1e-6)
        .count()
}

#[test]
fn claims_added_to_the_library_are_matched_alone_against_a_corpus_matched_before() {
    use claimdesk::library::cache::{match_corpus, matching_key};
    let (seeds, analyses) = seeds_analysed();
    let refs: Vec<_> = analyses.iter().collect();
    // The library: twenty of the seeds' long sentences, and one more to add.
    let sentences: Vec<(usize, usize, &str)> = seeds
        .articles
        .iter()
        .zip(&analyses)
        .enumerate()
        .flat_map(|(a, (article, analysis))| {
            analysis
                .sentences
                .iter()
                .enumerate()
                .filter(|(_, s)| !s.chrome())
                .map(move |(i, s)| (a, i, article.slice(s.start(), s.end())))
        })
        .filter(|(_, _, text)| text.split_whitespace().count() >= 15)
        .step_by(3)
        .take(21)
        .collect();
    assert_eq!(sentences.len(), 21);
    let claims: Vec<&str> = sentences.iter().map(|s| s.2).collect();
    let sources = tempfile::tempdir().unwrap();
    let (base, added, more) = (
        sources.path().join("base.json"),
        sources.path().join("added.json"),
        sources.path().join("more.json"),
    );
    write_reviews(&base, &claims[..20], "base");
    write_reviews(&added, &claims[20..], "added");
    write_reviews(&more, &claims[..3], "more");
    let lib = tempfile::tempdir().unwrap();
    library::add(lib.path(), &base).unwrap();
    let cache_dir = tempfile::tempdir().unwrap();
    let path = cache_dir.path().join("matches.json");
    let key = matching_key();
    let cache = Some((path.as_path(), key.as_str()));
    let index = || MatchIndex::deferred(library::load(lib.path()).0);
    let scratch = || match_corpus(&index(), &seeds.articles, &refs, None);
    let first = match_corpus(&index(), &seeds.articles, &refs, cache);
    assert_eq!(first, scratch());
    mark_cached_matches(&path);
    let kept = marked(&match_corpus(&index(), &seeds.articles, &refs, cache));
    assert!(
        kept >= 4,
        "every article matches a claim of its own: {kept}"
    );

    // One claim added (a twentieth more): the cached matches are kept, and
    // the added claim is matched, on its sentence, as a whole match would.
    let (added_file, _) = library::add(lib.path(), &added).unwrap();
    let grown = index();
    let after = match_corpus(&grown, &seeds.articles, &refs, cache);
    assert_eq!(marked(&after), kept, "what was matched before is kept");
    let whole = scratch();
    let (article, sentence, claim) = sentences[20];
    let found_on = |found: &[Vec<(usize, Match)>]| {
        found[article]
            .iter()
            .find(|(i, m)| *i == sentence && grown.entries[m.entry].claim == claim)
            .map(|(_, m)| m.clone())
    };
    let added_match = found_on(&after).expect("the added claim is matched on its sentence");
    let whole_match = found_on(&whole).expect("as a whole match finds it");
    // The same but for the order floats were summed in.
    assert!((added_match.score - whole_match.score).abs() < 1e-5);
    assert!((added_match.rank - whole_match.rank).abs() < 1e-5);
    assert_eq!(
        (added_match.figures, &added_match.names),
        (whole_match.figures, &whole_match.names)
    );
    // The next start takes all of it from the cache.
    let next = index();
    assert_eq!(match_corpus(&next, &seeds.articles, &refs, cache), after);
    assert!(!next.is_prepared());

    // A claim removed: everything is matched again.
    std::fs::remove_file(&added_file).unwrap();
    mark_cached_matches(&path);
    let removed = match_corpus(&index(), &seeds.articles, &refs, cache);
    assert_eq!(marked(&removed), 0);
    assert_eq!(removed, scratch());

    // Claims added beyond a tenth of the library: everything is matched again.
    mark_cached_matches(&path);
    library::add(lib.path(), &more).unwrap();
    let grown_much = match_corpus(&index(), &seeds.articles, &refs, cache);
    assert_eq!(marked(&grown_much), 0);
    assert_eq!(grown_much, scratch());
}

/// Every file under `dir`.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            files.extend(walk(&p));
        } else {
            files.push(p);
        }
    }
    files
}

#[test]
fn a_fact_checks_headline_is_kept_and_matched_as_another_wording_of_its_claim() {
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("review.json");
    std::fs::write(
        &review,
        r#"{"@context": "https://schema.org", "@type": "ClaimReview",
            "name": "Did Trump Order FEMA to 'Send No More Money' for California Wildfire Aid?",
            "claimReviewed": "In January 2019, President Donald Trump ordered FEMA to stop or cancel funding for its disaster assistance efforts in California.",
            "url": "https://checks.example/fema",
            "author": {"@type": "Organization", "name": "Checks"},
            "reviewRating": {"@type": "Rating", "alternateName": "Mixture"}}"#,
    )
    .unwrap();
    let read = library::read_source(&review).unwrap();
    assert_eq!(
        read[0].title,
        "Did Trump Order FEMA to 'Send No More Money' for California Wildfire Aid?"
    );
    // The Fact Check Tools API's title is the fact-check's, not the page the
    // claim appeared on.
    let api = library::read_source(&fixture("api.json")).unwrap();
    assert_eq!(api[0].title, "Did police read a billion messages?");
    assert_eq!(api[0].appeared.title, "");

    let mut with_title = entries(&[
        "Wildfires in California burned more acres in 2018 than in any year before.",
        "FEMA staff were sent home during the government shutdown.",
    ]);
    with_title.extend(read);
    let without_title: Vec<LibraryEntry> = with_title
        .iter()
        .cloned()
        .map(|mut e| {
            e.title.clear();
            e
        })
        .collect();
    let sentence =
        "Trump said he has ordered FEMA to send no more money to California for wildfire aid.";
    let (claim, found) = best_of(&MatchIndex::build(with_title), sentence);
    assert!(claim.contains("ordered FEMA"), "{claim}");
    assert!(found.score >= SHOWN_FROM, "{found:?}");
    let without = MatchIndex::build(without_title);
    let before = without
        .query(sentence, 5)
        .into_iter()
        .find(|m| without.entries[m.entry].claim.contains("ordered FEMA"))
        .map_or(0.0, |m| m.score);
    assert!(
        before < found.score,
        "{before} without the headline, {found:?} with it"
    );
    // One claim is listed once, however many of its wordings match.
    let index = MatchIndex::build(
        entries(&["x"])
            .into_iter()
            .chain(library::read_source(&review).unwrap())
            .collect(),
    );
    let all = index.query(sentence, 5);
    assert_eq!(
        all.iter()
            .filter(|m| index.entries[m.entry].claim.contains("FEMA"))
            .count(),
        1
    );
}

#[test]
fn a_claim_told_over_two_sentences_of_a_paragraph_is_shown_on_the_one_with_its_figure() {
    use claimdesk::library::matching::sentence_matches;
    let index = all_fixtures();
    let first = "In a statement yesterday, April 5, Belgian Federal Police said that since February 20, it had seized 27.64 tonnes of cocaine at the port of Antwerp.";
    let second = "The astonishing figure comes after 11 tonnes of the drug were seized on April 3, after information about the shipment was discovered by police.";
    // Neither sentence alone is the claim: one has another figure, the other
    // too few of its words.
    for s in [first, second] {
        assert!(
            index.query(s, 5).iter().all(|m| m.score < SHOWN_FROM),
            "{s}"
        );
    }
    let matched = |text: &str| {
        let article = claimdesk::corpus::Article::from_bytes("a.txt".into(), text.as_bytes());
        let analysis = claimdesk::text::analyse(&article);
        sentence_matches(&index, &article, &analysis, 5, SHOWN_FROM)
            .into_iter()
            .map(|(i, m)| {
                let s = &analysis.sentences[i];
                (
                    article.slice(s.start(), s.end()).to_string(),
                    index.entries[m.entry].claim.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    let found = matched(&format!("Cocaine in Antwerp\n\n{first} {second}\n"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, second);
    assert!(found[0].1.starts_with("Police found 11 tons"), "{found:?}");
    // Two paragraphs apart, they tell no claim together.
    assert!(matched(&format!("Cocaine in Antwerp\n\n{first}\n\n{second}\n")).is_empty());
}

#[test]
fn in_a_small_library_words_two_claims_share_still_find_them() {
    // Every word of the first claim is in another claim too: a cut of words
    // "in more than 5% of the library" would leave it no word to be found by.
    let index = MatchIndex::build(entries(&[
        "The mayor closed the public library.",
        "The mayor opened the public pool.",
        "The library closed early.",
        "Rainfall doubled in the northern valleys this spring.",
        "A new bridge will carry trains across the river.",
    ]));
    let (claim, m) = best_of(
        &index,
        "The mayor has closed the public library, residents said.",
    );
    assert_eq!(claim, "The mayor closed the public library.");
    assert!(m.score >= SHOWN_FROM, "{m:?}");
}

#[test]
fn details_name_the_fact_check_by_its_headline() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (120, 40));
    let mut entries = all_fixtures().entries;
    let belgian = entries
        .iter()
        .position(|e| e.claim.starts_with("Belgian police seized 28 tons"))
        .unwrap();
    entries[belgian].title = "Did police seize 28 tons?".into();
    let index = MatchIndex::build(entries);
    let by_article = match_library(&mut s, &index);
    let (sentence, _) = by_article[0].first().cloned().expect("a sentence");
    press(&mut s, &"j".repeat(sentence));
    let screen = render(&s);
    assert!(screen.contains("Did police seize 28 tons?"), "{screen}");
}

#[test]
fn a_short_claim_a_sentence_brushes_ranks_below_a_longer_one_it_says_much_of() {
    // The sentence says three of the four words of the short claim in
    // passing, and half of the long one: the long one is what it repeats,
    // though the short one's coverage (its score) is the higher.
    let index = MatchIndex::build(entries(&[
        "Photographs show a large dog.",
        "Jim Mattis criticized politicians wearing pantyhose for restricting the guns soldiers carry at home.",
        "The state parliament passed a budget that cuts school funding by a fifth.",
        "Wildfires destroyed the town hall last summer.",
    ]));
    let found = index.query(
        "Large photographs show Mattis criticized politicians wearing pantyhose.",
        2,
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        index.entries[found[0].entry]
            .claim
            .starts_with("Jim Mattis"),
        "{found:?}"
    );
    assert!(found[0].rank > found[1].rank, "{found:?}");
}

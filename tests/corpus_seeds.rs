//! The bundled corpus, loaded as a user would: real headlines, chrome found.

use claimdesk::corpus::{self, LineKind, TitleSource};
use std::path::Path;

fn seeds() -> corpus::Corpus {
    corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")).expect("seeds load")
}

#[test]
fn the_five_headlines_are_the_real_ones() {
    let c = seeds();
    let titles: Vec<(&str, TitleSource)> = c
        .articles
        .iter()
        .map(|a| (a.meta.title.as_str(), a.meta.title_source))
        .collect();
    assert_eq!(
        titles,
        vec![
            (
                "Belgium Police seize 28 tons of cocaine after accessing encrypted communications",
                TitleSource::Headline
            ),
            (
                "Belgium Police Seize Nearly $2 Billion in Cocaine After Gaining Access to Encrypted Phone Network",
                TitleSource::Headline
            ),
            (
                "Nearly 28 tons of cocaine seized after police access encrypted network",
                TitleSource::Headline
            ),
            (
                "Organised crime: Dozens held in Belgium and Netherlands after investigators crack coded network",
                TitleSource::Headline
            ),
            (
                "Police in Belgium have seized 28 tonnes of cocaine worth $1.65 billion…",
                TitleSource::FirstSentence
            ),
        ]
    );
}

#[test]
fn seeds_have_no_problems_and_known_metadata() {
    let c = seeds();
    assert!(c.articles.iter().all(|a| a.problems.is_empty()));
    assert_eq!(c.articles[4].meta.published.as_deref(), Some("2021-04-06"));
    assert_eq!(
        c.articles[2].meta.source.as_deref(),
        Some("Beautiful Virgin Islands")
    );
    assert_eq!(c.articles[3].meta.source.as_deref(), Some("Euronews"));
}

fn chrome_lines(a: &corpus::Article) -> Vec<String> {
    a.lines
        .iter()
        .filter(|l| l.kind.is_chrome())
        .map(|l| {
            a.slice(l.start(), l.end())
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn site_chrome_is_recognised_and_prose_is_not() {
    let c = seeds();
    let a0 = chrome_lines(&c.articles[0]);
    for line in [
        "Also read: The Irish woman who shot Benito Mussolini",
        "Ph BreizhAtao / Shutterstock.com",
        "SHARE",
        "Wanted in Europe",
        "80068",
    ] {
        assert!(
            a0.iter().any(|l| l == line),
            "000 should mark {line:?} as chrome: {a0:#?}"
        );
    }
    assert!(
        a0.iter()
            .any(|l| l.starts_with("Wanted in Europe, part of")),
        "publisher blurb"
    );
    let a2 = chrome_lines(&c.articles[2]);
    assert!(
        a2.len() >= 50,
        "002's list of unrelated headlines: {}",
        a2.len()
    );
    assert!(
        a2.iter()
            .any(|l| l == "Trump Faces Backlash from MAGA Base Over Iran Strikes")
    );
    let a3 = chrome_lines(&c.articles[3]);
    for line in [
        "NewsletterNewslettersEventsEventsPodcasts",
        "ADVERTISEMENT",
        "Copyright AP Photo/Virginia Mayo, File",
        "You might also like",
        "Is hunger the deadliest weapon of modern conflict?",
    ] {
        assert!(
            a3.iter().any(|l| l == line),
            "003 should mark {line:?}: {a3:#?}"
        );
    }
    // Real text is never chrome, short paragraphs and sub-headings included.
    for a in &c.articles {
        for l in &a.lines {
            let t = a.slice(l.start(), l.end()).trim();
            if ["Police said investigations continue.", "Record cocaine hauls", "Police in Belgium seized nearly $2 billion worth of cocaine after gaining access to an encrypted phone network used by those connected to the operation."].contains(&t) {
                assert!(!l.kind.is_chrome(), "{t:?} wrongly chrome");
            }
        }
    }
    assert!(
        c.articles[1]
            .lines
            .iter()
            .any(|l| l.kind == LineKind::Heading),
        "001's headline is a heading"
    );
}

//! The workbench opens on the articles its first screen shows and reads the
//! rest behind it: what is shown is real, nothing typed meanwhile is lost or
//! done on half a corpus, and no annotation of an unread article is touched.

mod common;

use chrono::{TimeZone, Utc};
use claimdesk::app::action::CorpusRead;
use claimdesk::app::keymap::Keymap;
use claimdesk::app::state::{Clock, State};
use claimdesk::app::{self, Action, Options};
use claimdesk::corpus::{CorpusFiles, Links};
use claimdesk::store::Verdict;
use claimdesk::{cli, tui};
use common::*;
use std::path::Path;
use std::sync::Arc;

/// A state as `claimdesk CORPUS` starts: only the articles within `radius`
/// of the first read.
fn first_screen(corpus: &Path, radius: usize) -> (State, CorpusFiles) {
    let files = CorpusFiles::discover(corpus, Links::InsideCorpus).unwrap();
    let shown = files.read_window(0, radius);
    let dir = cli::annotations_dir_for(corpus, None).unwrap();
    let annotations = cli::load_annotations(&dir, &shown);
    let state = app::init(
        Arc::new(shown),
        annotations,
        Options {
            corpus_name: "seeds".into(),
            export_dir: dir.parent().unwrap().to_path_buf(),
            export_settings: Default::default(),
            index_cache: None,
            library: None,
            annotations_dir: dir,
            reviewer: "tester".into(),
            keymap: Keymap::defaults(),
            clock: Clock::Fixed(Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()),
            color: false,
            size: (100, 30),
            session: None,
            id_salt: 3,
        },
    );
    (state, files)
}

/// What the shell's reader thread sends once every file is read.
fn read_rest(state: &State, files: &CorpusFiles) -> Action {
    let corpus = files.read_all();
    let annotations = corpus
        .articles
        .iter()
        .zip(&state.corpus.articles)
        .map(|(a, was)| {
            was.pending
                .then(|| claimdesk::store::load_article(&state.annotations_dir, a))
        })
        .collect();
    Action::CorpusRead(CorpusRead {
        corpus: Arc::new(corpus),
        annotations,
    })
}

#[test]
fn only_the_window_is_read_and_the_rest_is_named_by_its_file() {
    let dir = temp_seeds();
    let corpus = dir.path().join("seeds");
    let files = CorpusFiles::discover(&corpus, Links::InsideCorpus).unwrap();
    assert_eq!(files.len(), 5);
    let window = files.read_window(2, 1);
    let read: Vec<bool> = window.articles.iter().map(|a| !a.pending).collect();
    assert_eq!(read, [false, true, true, true, false]);
    let unread = &window.articles[0];
    assert!(unread.text.is_empty() && unread.problems.is_empty());
    assert_eq!(
        unread.meta.title, unread.id,
        "an unread article is named by its file"
    );
    assert!(window.is_partial());
    let all = files.read_all();
    let loaded = claimdesk::corpus::load(&corpus).unwrap();
    assert!(!all.is_partial());
    for ((a, b), w) in all
        .articles
        .iter()
        .zip(&loaded.articles)
        .zip(&window.articles)
    {
        assert_eq!(
            (&a.id, &a.text, &a.meta.title),
            (&b.id, &b.text, &b.meta.title)
        );
        if !w.pending {
            assert_eq!(w.text, a.text);
        }
    }
    assert_eq!(files.position(&loaded.articles[3].id), Some(3));
    assert_eq!(files.position("no-such-article.txt"), None);
}

#[test]
fn keys_typed_while_reading_wait_and_are_done_in_order_once_all_is_read() {
    let dir = temp_seeds();
    let corpus = dir.path().join("seeds");
    // A verdict on the fourth article, saved in an earlier session.
    let mut earlier = state_for(&corpus, (100, 30));
    press(&mut earlier, "<s-tab>jjj<enter>");
    assert_eq!(earlier.open_article, 3);
    press(&mut earlier, "<tab>jf");
    let saved_claims = earlier.annotations[3].claims().count();
    assert_eq!(saved_claims, 1, "{:?}", earlier.message);
    let on_disk =
        std::fs::read_to_string(earlier.annotations[3].path(&earlier.corpus.articles[3])).unwrap();
    drop(earlier);

    let (mut s, files) = first_screen(&corpus, 1);
    assert_eq!(s.unread, 3);
    assert!(s.corpus.articles[3].pending);
    assert_eq!(s.annotations[3].claims().count(), 0, "not read yet");
    let screen = render(&s);
    assert!(screen.contains("reading 3 articles…"), "{screen}");
    assert!(
        screen.contains("Belgium Police seize 28 tons of cocaine"),
        "the open article's headline is shown at once:\n{screen}"
    );
    // Open the fourth article and mark its claim again, before it is read.
    press(&mut s, "<s-tab>jjj<enter>");
    assert_eq!(s.open_article, 0, "nothing is done on half a corpus");
    assert_eq!(s.deferred.len(), 5);
    assert_eq!(
        tui::perform_save(&s, 3),
        Action::Saved {
            article: 3,
            result: Err("the article is still being read".into())
        },
        "an unread article's annotations are never written"
    );
    assert_eq!(
        std::fs::read_to_string(s.annotations[3].path(&s.corpus.articles[3])).unwrap(),
        on_disk
    );

    let read = read_rest(&s, &files);
    tui::dispatch(&mut s, read);
    assert_eq!(s.unread, 0);
    assert!(s.deferred.is_empty());
    assert_eq!(s.open_article, 3, "the keys were done, in order");
    let claims: Vec<Verdict> = s.annotations[3].claims().map(|a| a.verdict).collect();
    assert_eq!(
        claims,
        [Verdict::False],
        "the earlier verdict was read, not replaced"
    );
    assert!(!render(&s).contains("reading"));
}

#[test]
fn quitting_does_not_wait_for_the_corpus() {
    let dir = temp_seeds();
    let (mut s, _files) = first_screen(&dir.path().join("seeds"), 0);
    press(&mut s, "q");
    assert!(s.quit);
}

#[test]
fn a_shown_article_whose_file_changes_meanwhile_keeps_the_text_its_annotations_were_made_on() {
    let dir = temp_seeds();
    let corpus = dir.path().join("seeds");
    let (mut s, files) = first_screen(&corpus, 0);
    let shown = s.corpus.articles[0].text.clone();
    std::fs::write(
        corpus.join(&s.corpus.articles[0].id),
        "Rewritten meanwhile.\n",
    )
    .unwrap();
    let read = read_rest(&s, &files);
    tui::dispatch(&mut s, read);
    assert_eq!(s.unread, 0);
    assert_eq!(s.corpus.articles[0].text, shown);
    assert!(!s.corpus.articles[1].pending);
    assert!(!s.corpus.articles[1].text.is_empty());
}

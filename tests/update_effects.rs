//! The pure update, asserted on what it returns: effects, and the time it
//! was given written into history, with no clock read.

mod common;

use chrono::{TimeZone, Utc};
use claimdesk::app::keymap::Command;
use claimdesk::app::{Action, Effect, update};
use common::*;

#[test]
fn a_verdict_asks_for_one_save_and_records_the_time_it_was_given() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (100, 30));
    let at = Utc.with_ymd_and_hms(2031, 5, 6, 7, 8, 9).unwrap();
    let effects = update(&mut s, Action::Command(Command::VerdictFalse), at);
    assert_eq!(effects, vec![Effect::Save(s.open_article)]);
    let a = &s.annotations[s.open_article].file.annotations[0];
    assert_eq!(a.updated, claimdesk::store::Stamp::at(at));
    assert_eq!(a.updated.to_string(), "2031-05-06T07:08:09Z");
    // The same change again at another time: history says when.
    let later = Utc.with_ymd_and_hms(2031, 5, 6, 8, 0, 0).unwrap();
    update(&mut s, Action::Command(Command::VerdictTrue), later);
    let a = &s.annotations[s.open_article].file.annotations[0];
    assert_eq!(
        a.history.last().map(|h| h.at.to_string()),
        Some("2031-05-06T08:00:00Z".to_string())
    );
}

#[test]
fn showing_another_article_asks_to_reload_it_and_quit_asks_to_quit() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (100, 30));
    let at = Utc.with_ymd_and_hms(2031, 1, 1, 0, 0, 0).unwrap();
    update(&mut s, Action::Command(Command::FocusPrev), at);
    // Moving in the list shows the article at once: it is re-read from disk.
    let effects = update(&mut s, Action::Command(Command::Down), at);
    assert_eq!(effects, vec![Effect::Reload(1)]);
    assert!(update(&mut s, Action::Command(Command::Open), at).is_empty());
    assert_eq!(
        update(&mut s, Action::Command(Command::Quit), at),
        vec![Effect::Quit]
    );
}

#[test]
fn parked_texts_are_taken_in_place_and_everything_reads_the_same() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (100, 30));
    let at = Utc.with_ymd_and_hms(2031, 1, 1, 0, 0, 0).unwrap();
    let before = render(&s);
    let cache = tempfile::tempdir().unwrap();
    let parked = s.corpus.park(cache.path());
    assert_eq!(parked.len(), s.corpus.articles.len());
    assert!(update(&mut s, Action::Parked(parked), at).is_empty());
    assert!(s.corpus.articles.iter().all(|a| a.text.is_parked()));
    assert_eq!(render(&s), before);
    // Reading on into another article and giving a verdict work as before.
    update(&mut s, Action::Command(Command::FocusPrev), at);
    update(&mut s, Action::Command(Command::Down), at);
    update(&mut s, Action::Command(Command::Open), at);
    let effects = update(&mut s, Action::Command(Command::VerdictFalse), at);
    assert_eq!(effects, vec![Effect::Save(1)]);
    let quote = &s.annotations[1].file.annotations[0].target.exact;
    assert!(
        s.corpus.articles[1].text.contains(quote.as_str()),
        "{quote}"
    );
}

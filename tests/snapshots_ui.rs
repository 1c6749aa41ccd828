//! Screens of the seeds at fixed sizes, reached by key sequences, as insta snapshots.

mod common;

use common::*;

fn screen(keys: &str, size: (u16, u16)) -> String {
    let dir = temp_seeds();
    let mut state = state_for(&dir.path().join("seeds"), size);
    press(&mut state, keys);
    render(&state)
}

macro_rules! snap {
    ($name:ident, $keys:expr) => {
        #[test]
        fn $name() {
            for (w, h) in [(80u16, 24u16), (160, 48)] {
                insta::assert_snapshot!(
                    format!("{}_{w}x{h}", stringify!($name)),
                    screen($keys, (w, h))
                );
            }
        }
    };
}

// The main screen as it opens, and after marking two claims and a note.
snap!(main_initial, "");
snap!(
    main_after_verdicts,
    "jdjjtaStreet value differs from 001.<esc>"
);
snap!(main_suggestion_in_sidebar, "<tab>jj");
snap!(main_list_focused_second_article, "<s-tab>j");
snap!(main_selection, "jjvll");
snap!(main_search, "/sky ecc<enter>");
snap!(help_overlay, "?");
snap!(review_screen, "jdjjtaStreet value differs.<esc>r");
snap!(review_filtered, "jdjjtrvvv");
snap!(note_editor, "jdaFirst line<enter>second line");
snap!(evidence_prompt, "jde<tab>https://example.org");
snap!(confirm_delete, "jdx");
snap!(also_reported_in, "jd<s-tab>jj<enter>jjt<s-tab>kk<enter>j>");
snap!(review_summary_and_filters, "jdjjtjjujaA note.<esc>rsn");

// At 80×24 a claim's note and evidence are below the fold of Details: J
// scrolls them into view, with the claim's whole text.
snap!(
    details_scrolled,
    "jdaFirst line of a long note about the street value.<enter>Second line.<enter>Third line.<esc>ehttps://example.org/report<enter>JJ"
);

#[test]
fn at_80x24_the_whole_claim_its_note_and_evidence_can_be_reached() {
    let keys = "jdaFirst line of a long note about the street value.<enter>Second line.<enter>Third line.<esc>ehttps://example.org/report<enter>";
    let before = screen(keys, (80, 24));
    assert!(
        !before.contains("https://example.org/"),
        "below the fold:\n{before}"
    );
    let mut seen = String::new();
    for scrolls in 1..6 {
        seen.push_str(&screen(&format!("{keys}{}", "J".repeat(scrolls)), (80, 24)));
    }
    // The URL wraps in the narrow pane: its two halves.
    for part in [
        "criminals.",
        "Third line.",
        "https://example.org/",
        "report ",
    ] {
        assert!(seen.contains(part), "{part} is reachable with J");
    }
}

/// Styles at 80×24 with colour: verdict colours in the gutter and sidebar,
/// the selected list row, search hits.
#[test]
fn styles_of_verdicts_selection_and_search_hits() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (80, 24));
    s.color = true;
    press(&mut s, "jdjjtjjf/tons<enter>");
    insta::assert_snapshot!("styles_verdicts_selection_search_80x24", render_styles(&s));
}

/// The seeds matched against the library fixture's Belgian review: the
/// list's marks and Details on the headline, then after `A`.
#[test]
fn checked_before_in_details_and_the_list() {
    use claimdesk::library::matching::MatchIndex;
    let library = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    let mut entries = Vec::new();
    for f in ["single.json", "graph.json", "list.json"] {
        entries.extend(claimdesk::library::read_source(&library.join(f)).unwrap());
    }
    let index = MatchIndex::build(entries);
    for (w, h) in [(80u16, 24u16), (160, 48)] {
        let dir = temp_seeds();
        let mut s = state_for(&dir.path().join("seeds"), (w, h));
        match_library(&mut s, &index);
        insta::assert_snapshot!(format!("checked_before_{w}x{h}"), render(&s));
        press(&mut s, "A");
        insta::assert_snapshot!(format!("checked_before_applied_{w}x{h}"), render(&s));
    }
}

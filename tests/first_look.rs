//! What a fact-checker meets on opening an article that starts with site
//! chrome: the cursor on the first real sentence, Details about that
//! sentence, and chrome that a stray verdict key cannot mark.

mod common;

use common::*;

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("corpus");
    std::fs::create_dir_all(&c).unwrap();
    std::fs::write(
        c.join("a.txt"),
        "---\ntitle: Port seizure\nurl: https://example.org/a\n---\nHome | News | Sport | Weather\n\n\
         Police said 28 tons of cocaine were seized at Antwerp on Monday.\n\n\
         The weather was fine.\n\n\
         Officers arrested 48 people in 200 raids, the prosecutor said.\n",
    )
    .unwrap();
    dir
}

#[test]
fn the_cursor_opens_on_the_first_content_sentence() {
    let dir = corpus();
    let s = state_for(&dir.path().join("corpus"), (120, 40));
    assert!(
        cursor_text(&s).starts_with("Police said 28 tons"),
        "{}",
        cursor_text(&s)
    );
}

#[test]
fn a_stray_verdict_key_on_chrome_marks_nothing_but_a_selection_does() {
    let dir = corpus();
    let mut s = state_for(&dir.path().join("corpus"), (120, 40));
    let chrome = s
        .current_analysis()
        .unwrap()
        .sentences
        .iter()
        .position(|x| x.chrome())
        .expect("the front matter or the menu is chrome");
    s.reader.cursor = chrome;
    press(&mut s, "t");
    assert!(s.annotations[0].file.annotations.is_empty());
    assert_eq!(
        s.message.as_deref(),
        Some("This is site chrome, not article text; select it with v to mark it anyway.")
    );
    press(&mut s, "vlt");
    assert_eq!(
        s.annotations[0].file.annotations.len(),
        1,
        "on purpose it can be marked"
    );
}

#[test]
fn details_describe_the_sentence_under_the_cursor() {
    let dir = corpus();
    let mut s = state_for(&dir.path().join("corpus"), (120, 40));
    press(&mut s, "j");
    assert_eq!(cursor_text(&s), "The weather was fine.");
    let screen = render(&s);
    let details = screen
        .lines()
        .skip_while(|l| !l.contains("Details"))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(details.contains("sentence, not suggested"), "{screen}");
    assert!(details.contains("The weather was fine."), "{screen}");
}

/// The review screen at 80×24 pages through its table by what it draws:
/// every row is on screen exactly once while paging down.
#[test]
fn review_paging_shows_every_row_exactly_once() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (80, 24));
    // One claim on each of the first article's sentences, then the review.
    press(&mut s, &"tj".repeat(24));
    press(&mut s, &format!("<s-tab>jj<enter>{}", "tj".repeat(20)));
    press(&mut s, "r");
    let n = s.review.rows.len();
    assert!(
        n > 2 * claimdesk::app::layout::review_body_rows(24),
        "{n} rows: several pages"
    );
    let text_of = |s: &claimdesk::app::state::State, i: usize| -> String {
        let row = &s.review.rows[i];
        let a = s.annotations[row.article].file.get(&row.id).unwrap();
        a.target.exact.chars().take(12).collect()
    };
    let mut shown = vec![0usize; n];
    let mut pages = 0;
    loop {
        let screen = render(&s);
        // Rows are drawn in order from the offset; count those whose text is on screen.
        for (i, count) in shown.iter_mut().enumerate().skip(s.review.offset) {
            if !screen.contains(&text_of(&s, i)) {
                break;
            }
            *count += 1;
        }
        pages += 1;
        if s.review.offset + claimdesk::app::layout::review_body_rows(24) >= n || pages > 50 {
            break;
        }
        press(&mut s, "<pgdn>");
    }
    assert!(
        shown.iter().all(|&k| k == 1),
        "every row shown once: {shown:?}"
    );
    assert!(pages >= 3);
}

/// A session saved on a narrow, short terminal restores on a tall, wide one
/// with the cursor sentence on screen (the saved scroll counted other rows).
#[test]
fn a_restored_cursor_is_on_screen_on_a_taller_terminal() {
    let dir = temp_seeds();
    let corpus = dir.path().join("seeds");
    let article = claimdesk::cli::open(&corpus, None).unwrap().corpus.articles[2]
        .id
        .clone();
    let place = claimdesk::session::SessionPlace {
        article,
        cursor: 3,
        scroll: 200,
    };
    let mut s = unindexed(&corpus, (160, 30), 1, Some(place));
    index_all(&mut s);
    assert_eq!(s.reader.cursor, 3);
    let screen = render(&s);
    assert!(
        screen.contains('›'),
        "the cursor sentence is marked on screen:\n{screen}"
    );
}

/// Key hints on screen come from the keymap: a remapped key shows.
#[test]
fn on_screen_hints_follow_a_remapped_key() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (160, 48));
    let config = claimdesk::app::config::parse(
        "[keys.main]\nverdict_true = \"1\"\nnext_link = \".\"\nprev_link = \",\"\npublishing = \"P\"\ndetails_up = \"U\"\ndetails_down = \"D\"\n",
        "config.toml",
    )
    .unwrap();
    s.keymap = config.keymap;
    let plain = render(&s);
    assert!(plain.contains("1 d f u verdict"), "status hints:\n{plain}");
    // A claim with publishing fields, Details scrolled, on a sentence other
    // articles report.
    press(&mut s, "jdPShort summary<enter><esc>D");
    let screen = render(&s);
    for hint in ["· . , Enter", "Publishing (P edits):", "Details ↑ U"] {
        assert!(screen.contains(hint), "{hint}:\n{screen}");
    }
    for old in ["· > < Enter", "(p edits)", "↑ K"] {
        assert!(
            !screen.contains(old),
            "{old} is the default, not the remapped key"
        );
    }
}

/// The layers have keymap sections of their own: a remapped answer key works
/// and the help lists it.
#[test]
fn a_question_answers_to_a_remapped_key() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (100, 40));
    s.keymap = claimdesk::app::config::parse("[keys.confirm]\nyes = [\"o\"]\n", "config.toml")
        .unwrap()
        .keymap;
    press(&mut s, "jdxy");
    assert!(s.overlay.is_some(), "y is no longer an answer");
    assert!(
        render(&s).contains("(o/n)"),
        "the question names the answers"
    );
    press(&mut s, "o");
    assert!(
        s.annotations.iter().all(|a| a.file.annotations.is_empty()),
        "o answered yes"
    );
    press(&mut s, "?G");
    let help = render(&s);
    assert!(help.contains("Questions"), "{help}");
}

/// Prompt titles name the prompt keys the keymap has.
#[test]
fn prompt_titles_follow_remapped_prompt_keys() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (160, 48));
    s.keymap = claimdesk::app::config::parse(
        "[keys.prompt]\nnext_choice = \"ctrl-t\"\naccept = [\"enter\", \"ctrl-s\"]\n",
        "config.toml",
    )
    .unwrap()
    .keymap;
    let shown = "ctrl-t"
        .parse::<claimdesk::app::keys::KeyPress>()
        .unwrap()
        .to_string();
    press(&mut s, "jde");
    let screen = render(&s);
    assert!(screen.contains(&format!("({shown} changes)")), "{screen}");
    press(&mut s, "<c-t>https://example.org/x<c-s>");
    let a = &s.annotations[s.open_article].file.annotations[0];
    assert_eq!(a.evidence[0].stance, claimdesk::store::Stance::Refutes);
}

/// The help names its own keys from the keymap, and no help line is cut
/// at 80 columns.
#[test]
fn help_names_its_keys_and_fits_80_columns() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (80, 24));
    s.keymap = claimdesk::app::config::parse("[keys.help]\nclose_help = \"x\"\n", "config.toml")
        .unwrap()
        .keymap;
    press(&mut s, "?");
    assert!(render(&s).contains("x closes"));
    let theme = claimdesk::ui::theme::Theme::new(false);
    for line in claimdesk::ui::help::lines(&s, &theme) {
        let text: String = line.spans.iter().map(|sp| sp.content.as_ref()).collect();
        // The help box is the screen less its margins and borders.
        assert!(
            unicode_width::UnicodeWidthStr::width(text.as_str()) <= 80 - 6,
            "{text:?}"
        );
    }
}

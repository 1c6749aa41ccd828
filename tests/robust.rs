//! Hostile text and tiny terminals: nothing panics, nothing escapes to the terminal.

mod common;

use claimdesk::corpus::ArticleProblem;
use common::*;
use proptest::prelude::*;

fn hostile_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("corpus");
    std::fs::create_dir_all(c.join("sub/deeper")).unwrap();
    std::fs::write(c.join("a_escapes.txt"), "Evil \x1b[2J\x1b]0;pwned\x07 title here\n\nThe police said 28 tons \x1b[31mred\x1b[0m were seized on Monday.\r\nA bell \x07 and a NUL \0 and DEL \x7f and C1 \u{9b}31m.\rRight\u{202e}to-left override said the minister on 3 April.\n").unwrap();
    std::fs::write(c.join("b_wide.md"), "日本語の見出し、警察が発表\n\n警察は28トンのコカインを押収したと発表した。🙂🙂 Police said 1,500 officers 👮‍♀️ took part on April 3.\n\n").unwrap();
    std::fs::write(c.join("c_empty.txt"), "").unwrap();
    std::fs::write(c.join("sub/deeper/d_invalid.txt"), b"Headline with bad \xff\xfe bytes here\n\nPolice said \xc3( 11 tons were seized in 2021.\n").unwrap();
    std::fs::write(
        c.join("e_long.txt"),
        format!("Long line\n\n{}", "word ".repeat(5000)),
    )
    .unwrap();
    std::fs::write(c.join("ignored.json"), "{}").unwrap();
    dir
}

#[test]
fn bad_files_are_listed_with_their_problem_not_skipped() {
    let dir = hostile_corpus();
    let s = state_for(&dir.path().join("corpus"), (100, 30));
    let ids: Vec<&str> = s.corpus.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "a_escapes.txt",
            "b_wide.md",
            "c_empty.txt",
            "e_long.txt",
            "sub/deeper/d_invalid.txt"
        ]
    );
    assert_eq!(s.corpus.articles[2].problems, vec![ArticleProblem::Empty]);
    assert_eq!(
        s.corpus.articles[4].problems,
        vec![ArticleProblem::InvalidUtf8 { replaced: 3 }]
    );
    assert_eq!(
        s.message.as_deref(),
        Some("2 article(s) have problems (marked ! in the list).")
    );
    assert!(render(&s).contains("!"), "problems are marked in the list");
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let dir = hostile_corpus();
    for (w, h) in [(80, 24), (160, 48), (30, 8)] {
        let mut s = state_for(&dir.path().join("corpus"), (w, h));
        for keys in [
            "",
            "j",
            "jd",
            "jaNote \x1b[2J<esc>",
            "<tab>",
            "r",
            "?",
            "<esc><s-tab>j<enter>",
            "<s-tab>jjjj<enter>",
        ] {
            press(&mut s, keys);
            let screen = render(&s);
            for bad in ['\x1b', '\x07', '\0', '\x7f', '\u{9b}', '\u{202e}', '\r'] {
                assert!(
                    !screen.contains(bad),
                    "{bad:?} reached the screen at {w}x{h} after {keys:?}:\n{screen}"
                );
            }
        }
        let first = render(&state_for(&dir.path().join("corpus"), (w, h)));
        if w >= 80 {
            assert!(
                first.contains("␛[2J"),
                "escape shown as a placeholder:\n{first}"
            );
        }
    }
}

#[test]
fn wide_characters_wrap_within_the_reader() {
    let dir = hostile_corpus();
    let mut s = state_for(&dir.path().join("corpus"), (80, 24));
    press(&mut s, "<s-tab>j<enter>");
    assert_eq!(s.open_article, 1);
    let screen = render(&s);
    assert!(screen.contains("警察は"), "{screen}");
    // No wide char pushes a row past the terminal or breaks the sidebar's border.
    for (y, line) in screen.lines().enumerate().take(23) {
        let width = unicode_width::UnicodeWidthStr::width(line);
        assert!(
            width == 80 && line.ends_with(['│', '┐', '┘']),
            "row {y} is {width} cells: {line:?}"
        );
    }
    // Marking a claim on wide text keeps char offsets.
    press(&mut s, "jd");
    let a = &s.annotations[1].file.annotations[0];
    assert_eq!(
        s.corpus.articles[1].slice(a.target.start, a.target.end),
        a.target.exact
    );
}

#[test]
fn every_small_size_draws_without_panicking() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (1, 1));
    for w in 1..=45u16 {
        for h in 1..=14u16 {
            resize(&mut s, w, h);
            let _ = render(&s);
        }
    }
    for keys in ["jjjd", "?", "<esc>r", "<esc>jv", "<esc>/x", "<esc>e"] {
        for (w, h) in [
            (1, 1),
            (2, 1),
            (1, 3),
            (19, 5),
            (20, 6),
            (21, 7),
            (59, 10),
            (60, 10),
            (61, 11),
        ] {
            resize(&mut s, w, h);
            press(&mut s, keys);
            let _ = render(&s);
        }
    }
    resize(&mut s, 10, 3);
    assert!(
        render(&s).contains("claimdesk"),
        "a tiny terminal says what it needs"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any sequence of keys and resizes leaves a drawable state and valid offsets.
    #[test]
    fn random_keys_and_resizes_never_panic(
        keys in proptest::collection::vec(prop::sample::select(vec![
            "j", "k", "g", "G", "<pgdn>", "<pgup>", "<c-d>", "<c-u>", "<tab>", "<s-tab>", "<enter>", "<c-o>",
            "t", "d", "f", "u", "0", "c", "x", "y", "n", "v", "l", "h", "w", "b", "a", "e", "]", "[", "}", "{",
            "/", "N", "z", "Z", "r", "<esc>", "?", "s", "<bs>",
        ]), 1..60),
        sizes in proptest::collection::vec((1u16..200, 1u16..60), 1..6),
    ) {
        let dir = temp_seeds();
        let mut s = state_for(&dir.path().join("seeds"), (80, 24));
        for (i, k) in keys.iter().enumerate() {
            if k == &"q" { continue; }
            press(&mut s, k);
            if i % 10 == 0 {
                let (w, h) = sizes[i / 10 % sizes.len()];
                resize(&mut s, w, h);
            }
            let _ = render(&s);
        }
        for (i, ann) in s.annotations.iter().enumerate() {
            let article = &s.corpus.articles[i];
            for a in &ann.file.annotations {
                prop_assert!(a.target.start <= a.target.end && a.target.end <= article.char_len());
                prop_assert_eq!(article.slice(a.target.start, a.target.end), a.target.exact.as_str());
            }
        }
    }
}

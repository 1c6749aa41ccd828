//! Fuzzing by property: mutated annotation files and arbitrary article bytes
//! never panic anything that reads them, and a bad file is never overwritten.
//! A fixed number of cases runs in `cargo test`; for a longer run:
//! `PROPTEST_CASES=20000 cargo test --release --test fuzz`.

mod common;

use claimdesk::store;
use proptest::prelude::*;
use std::sync::OnceLock;

/// A real annotation file of the first seed: claims, a note, evidence, history.
fn valid_file() -> &'static (tempfile::TempDir, Vec<u8>) {
    static FILE: OnceLock<(tempfile::TempDir, Vec<u8>)> = OnceLock::new();
    FILE.get_or_init(|| {
        let dir = common::temp_seeds();
        let mut s = common::state_for(&dir.path().join("seeds"), (100, 30));
        common::press(
            &mut s,
            "jdaNote with \u{1b}[31m and ünïcode<esc>jtehttps://example.org/a<enter>jfjjcxdt",
        );
        let bytes =
            std::fs::read(dir.path().join("annotations/000_b4c1e1b9b05d5c34.json")).unwrap();
        (dir, bytes)
    })
}

/// Byte-level edits: replace, insert or delete at positions.
fn mutate(mut bytes: Vec<u8>, edits: &[(usize, u8, u8)]) -> Vec<u8> {
    for &(pos, op, byte) in edits {
        if bytes.is_empty() {
            bytes.push(byte);
            continue;
        }
        let at = pos % bytes.len();
        match op % 3 {
            0 => bytes[at] = byte,
            1 => bytes.insert(at, byte),
            _ => {
                bytes.remove(at);
            }
        }
    }
    bytes
}

/// Structure-aware edits: numbers, strings and keys swapped for hostile values.
fn twist(text: &str, which: usize) -> String {
    const SWAPS: [(&str, &str); 10] = [
        ("\"start\": ", "\"start\": 18446744073709551615"),
        ("\"end\": ", "\"end\": -1"),
        ("\"version\": 1", "\"version\": \"1\""),
        ("\"kind\": \"claim\"", "\"kind\": \"verdict\""),
        ("\"verdict\": \"true\"", "\"verdict\": null"),
        ("\"annotations\": [", "\"annotations\": {"),
        ("\"id\": \"", "\"id\": \"\u{202e}\u{0}"),
        ("\"evidence\": [", "\"evidence\": [[[[[[[[[["),
        ("\"exact\": \"", "\"exact\": \"\u{1b}]52;c;x\u{7}"),
        ("\"history\": [", "\"history\": [{}, "),
    ];
    let (from, to) = SWAPS[which % SWAPS.len()];
    text.replacen(from, to, 1 + which % 3)
}

fn check_one(bytes: &[u8]) {
    let (dir, _) = valid_file();
    let corpus = claimdesk::corpus::load(&dir.path().join("seeds")).unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let path = scratch.path().join("000_b4c1e1b9b05d5c34.json");
    std::fs::write(&path, bytes).unwrap();
    let article = &corpus.articles[0];
    let ann = store::load_article(scratch.path(), article);
    // Whatever loaded can be drawn, exported and saved; what did not is kept.
    let rows = claimdesk::export::render(
        &corpus,
        std::slice::from_ref(&ann),
        &Default::default(),
        claimdesk::export::Format::W3c,
    );
    assert!(serde_json::from_str::<serde_json::Value>(&rows).is_ok());
    let saved = store::save(&ann, article);
    if ann.problem.is_some() {
        assert!(saved.is_err());
        assert_eq!(
            std::fs::read(&path).unwrap(),
            bytes,
            "a bad file is never overwritten"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: ProptestConfig::default().cases.min(256), ..ProptestConfig::default() })]

    #[test]
    fn mutated_annotation_files_never_panic_and_bad_ones_stay_untouched(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 0..12),
    ) {
        let (_, valid) = valid_file();
        check_one(&mutate(valid.clone(), &edits));
    }

    #[test]
    fn twisted_annotation_files_never_panic(which in 0usize..60) {
        let (_, valid) = valid_file();
        let text = String::from_utf8(valid.clone()).unwrap();
        check_one(twist(&text, which).as_bytes());
    }

    #[test]
    fn arbitrary_article_bytes_are_read_analysed_linked_and_drawn(
        bytes in proptest::collection::vec(
            prop_oneof![
                any::<u8>(),
                Just(b'\n'), Just(b'\r'), Just(b'.'), Just(b' '), Just(b'"'), Just(0x1b),
                Just(b'1'), Just(b'-'), Just(b'#'),
            ],
            0..600,
        ),
    ) {
        let a = claimdesk::corpus::Article::from_bytes("x.txt".into(), &bytes);
        let analysis = claimdesk::text::analyse(&a);
        for s in &analysis.sentences {
            prop_assert!(s.start() <= s.end() && s.end() <= a.char_len());
        }
        let links = claimdesk::links::link(std::slice::from_ref(&a), &[&analysis]);
        drop(links);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.txt"), &bytes).unwrap();
        let mut s = common::state_for(dir.path(), (60, 20));
        common::press(&mut s, "jtvlld/a<enter>");
        let screen = common::render(&s);
        prop_assert!(!screen.contains('\x1b'), "an escape reached the screen");
    }
}

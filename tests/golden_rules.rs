//! Sentence boundaries on the English Golden Rules (48 cases of the Pragmatic
//! Segmenter, via pySBD), scored for our segmenter and for sentencex alone.

use claimdesk::corpus::Article;
use claimdesk::text::sentences::split_article;

fn cases() -> Vec<(String, Vec<String>)> {
    let v: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/golden_rules_en.json")).unwrap();
    v["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let text = c["text"].as_str().unwrap().to_string();
            let want = c["sentences"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().to_string())
                .collect();
            (text, want)
        })
        .collect()
}

fn ours(text: &str) -> Vec<String> {
    let a = Article::from_bytes("g.txt".into(), text.as_bytes());
    split_article(&a)
        .iter()
        .map(|s| a.slice(s.start, s.end).to_string())
        .collect()
}

fn sentencex_alone(text: &str) -> Vec<String> {
    sentencex::segment("en", text)
        .iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn golden_rules_score() {
    let cases = cases();
    assert_eq!(cases.len(), 48);
    let mut ours_ok = 0;
    let mut base_ok = 0;
    let mut misses = Vec::new();
    for (text, want) in &cases {
        let got = ours(text);
        if &got == want {
            ours_ok += 1;
        } else {
            misses.push(format!("{text:?}\n  want {want:?}\n  got  {got:?}"));
        }
        if &sentencex_alone(text) == want {
            base_ok += 1;
        }
    }
    eprintln!("Golden Rules: claimdesk {ours_ok}/48, sentencex alone {base_ok}/48");
    eprintln!("misses:\n{}", misses.join("\n"));
    assert!(
        ours_ok >= base_ok,
        "never worse than the crate we started from"
    );
    assert_eq!(ours_ok, 48, "claimdesk scores {ours_ok}/48");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// Sentences cover all non-space text exactly once, in order, in bounds.
    #[test]
    fn sentences_cover_the_text_exactly_once(text in "[a-zA-Z0-9 .,!?;:'\"“”()\\[\\]$€£%•⁃\\-é日本\n\t]{0,300}") {
        let a = Article::from_bytes("p.txt".into(), text.as_bytes());
        let spans = split_article(&a);
        let chars: Vec<char> = a.text.chars().collect();
        let mut covered = vec![false; chars.len()];
        let mut last_end = 0;
        for s in &spans {
            proptest::prop_assert!(s.start < s.end && s.end <= chars.len(), "{:?} out of bounds", s);
            proptest::prop_assert!(s.start >= last_end, "overlap or out of order at {:?}", s);
            proptest::prop_assert!(!chars[s.start].is_whitespace() && !chars[s.end - 1].is_whitespace(), "untrimmed {:?}", s);
            for c in covered.iter_mut().take(s.end).skip(s.start) {
                *c = true;
            }
            last_end = s.end;
        }
        for (i, c) in chars.iter().enumerate() {
            proptest::prop_assert!(covered[i] || c.is_whitespace(), "char {i} {c:?} is in no sentence");
        }
    }
}

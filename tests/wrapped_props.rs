//! Hard-wrapped paragraphs: whatever the width, the sentences found are the
//! sentences written, with exact offsets; a caption or list item below stays apart.

use claimdesk::corpus::Article;
use claimdesk::text::sentences::split_article;
use proptest::prelude::*;

/// Greedy wrapping, as `fmt` or an e-mail client does it.
fn wrap(words: &[String], width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for w in words {
        if line > 0 && line + 1 + w.chars().count() > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(w);
        line += w.chars().count();
    }
    out
}

fn sentence() -> impl Strategy<Value = Vec<String>> {
    // Words of two letters and more: "a." would read as an initial.
    proptest::collection::vec("[a-zé]{2,9}", 6..16).prop_map(|mut ws| {
        ws[0] = format!("Police{}", ws[0]);
        let last = ws.len() - 1;
        ws[last].push_str("ed.");
        ws
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn wrapped_sentences_are_found_whole_at_any_width(
        sentences in proptest::collection::vec(sentence(), 2..6),
        width in 40usize..90,
    ) {
        let words: Vec<String> = sentences.iter().flatten().cloned().collect();
        let text = format!("{}\n\n- a list item below\nPhoto: a caption below", wrap(&words, width));
        let a = Article::from_bytes("w.txt".into(), text.as_bytes());
        let spans = split_article(&a);
        let found: Vec<String> = spans
            .iter()
            .map(|s| a.slice(s.start, s.end).split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        let mut want: Vec<String> = sentences.iter().map(|s| s.join(" ")).collect();
        want.push("- a list item below".into());
        want.push("Photo: a caption below".into());
        prop_assert_eq!(&found, &want);
        for s in &spans {
            prop_assert_eq!(&a.text[s.start_byte..s.end_byte], a.slice(s.start, s.end));
        }
    }
}

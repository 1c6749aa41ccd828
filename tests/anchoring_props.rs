//! Property tests: annotations survive random edits of their article.

use claimdesk::corpus::Article;
use claimdesk::store::{
    AnchorState, Annotation, AnnotationFile, AnnotationKind, Verdict, anchor_file, make_target,
};
use proptest::prelude::*;

const SENTENCES: &[&str] = &[
    "Police seized 28 tons of cocaine at the port of Antwerp.",
    "The street value was 1.4 billion euros ($1.65 billion), police said.",
    "Sky ECC denied that its network had been cracked.",
    "Officers made 48 arrests in some 200 raids.",
    "Prosecutors said the investigation would continue.",
    "La police a saisi 27,64 tonnes à Anvers, d'après le parquet.",
    "警察は28トンのコカインを押収した。",
    "The NCA called it a landmark breakthrough.",
    "Police seized 28 tons of cocaine at the port of Antwerp.",
];

fn article(text: &str) -> Article {
    Article::from_bytes("a.txt".into(), text.as_bytes())
}

#[derive(Debug, Clone)]
enum Edit {
    Insert { at: f64, text: String },
    Delete { at: f64, len: usize },
    Replace { at: f64, len: usize, text: String },
    MoveParagraph { from: usize, to: usize },
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0.0..1.0f64, "[a-zA-Z é日\n.]{1,40}").prop_map(|(at, text)| Edit::Insert { at, text }),
        (0.0..1.0f64, 1usize..30).prop_map(|(at, len)| Edit::Delete { at, len }),
        (0.0..1.0f64, 1usize..20, "[a-z ]{1,20}").prop_map(|(at, len, text)| Edit::Replace {
            at,
            len,
            text
        }),
        (0usize..8, 0usize..8).prop_map(|(from, to)| Edit::MoveParagraph { from, to }),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let pos = |at: f64| ((at * n as f64) as usize).min(n);
    let splice = |start: usize, end: usize, with: &str| -> String {
        chars[..start].iter().collect::<String>()
            + with
            + &chars[end.min(n)..].iter().collect::<String>()
    };
    match edit {
        Edit::Insert { at, text } => splice(pos(*at), pos(*at), text),
        Edit::Delete { at, len } => splice(pos(*at), pos(*at) + len, ""),
        Edit::Replace { at, len, text } => splice(pos(*at), pos(*at) + len, text),
        Edit::MoveParagraph { from, to } => {
            let mut paras: Vec<&str> = text.split("\n\n").collect();
            if paras.len() < 2 {
                return text.to_string();
            }
            let p = paras.remove(from % paras.len());
            let to = to % (paras.len() + 1);
            paras.insert(to, p);
            paras.join("\n\n")
        }
    }
}

fn annotations_for(a: &Article, spans: &[(usize, usize)]) -> AnnotationFile {
    let mut file = AnnotationFile::new(&a.id, &a.sha256.hex(), "t");
    for (i, &(s, e)) in spans.iter().enumerate() {
        file.annotations.push(Annotation {
            id: format!("id{i}"),
            kind: AnnotationKind::Claim,
            target: make_target(a, s, e),
            verdict: Verdict::Disputed,
            note: String::new(),
            evidence: Vec::new(),
            publishing: Default::default(),
            reviewer: "p".into(),
            created: Default::default(),
            updated: Default::default(),
            history: Vec::new(),
            aliases: Vec::new(),
            anchor: AnchorState::Exact,
        });
    }
    file.sort();
    file
}

fn text_strategy() -> impl Strategy<Value = String> {
    proptest::collection::vec((0..SENTENCES.len(), prop::bool::ANY), 3..14).prop_map(|parts| {
        let mut t = String::from("Headline of the story\n\n");
        for (i, (s, para)) in parts.iter().enumerate() {
            t.push_str(SENTENCES[*s]);
            t.push_str(if *para || i + 1 == parts.len() {
                "\n\n"
            } else {
                " "
            });
        }
        t
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn surviving_quotes_are_found_and_nothing_is_lost(
        text in text_strategy(),
        picks in proptest::collection::vec((0.0..1.0f64, 3usize..80), 1..6),
        edits in proptest::collection::vec(edit_strategy(), 1..5),
    ) {
        let old = article(&text);
        let n = old.char_len();
        let spans: Vec<(usize, usize)> = picks.iter().map(|&(at, len)| {
            let s = ((at * n as f64) as usize).min(n.saturating_sub(1));
            (s, (s + len).min(n))
        }).filter(|(s, e)| e > s && !old.slice(*s, *e).trim().is_empty()).collect();
        prop_assume!(!spans.is_empty());
        let mut file = annotations_for(&old, &spans);
        let before = file.clone();
        let mut new_text = text.clone();
        for e in &edits {
            new_text = apply(&new_text, e);
        }
        let new = article(&new_text);
        anchor_file(&mut file, &new);
        prop_assert_eq!(file.annotations.len(), before.annotations.len(), "no annotation is ever lost");
        for a in &file.annotations {
            let original = before.annotations.iter().find(|b| b.id == a.id).unwrap();
            prop_assert_eq!(&a.target.exact, &original.target.exact, "the saved quote is kept");
            if new_text.contains(&original.target.exact) {
                prop_assert!(matches!(a.anchor, AnchorState::Exact | AnchorState::Moved), "{:?} for a surviving quote", a.anchor);
                prop_assert_eq!(new.slice(a.target.start, a.target.end), a.target.exact.as_str());
            } else if a.anchor == AnchorState::Orphaned {
                prop_assert_eq!((a.target.start, a.target.end), (original.target.start, original.target.end), "orphans keep their old position");
            } else {
                prop_assert_eq!(a.anchor, AnchorState::Fuzzy);
                prop_assert!(a.target.end <= new.char_len());
            }
        }
    }

    #[test]
    fn a_no_op_edit_changes_nothing(
        text in text_strategy(),
        picks in proptest::collection::vec((0.0..1.0f64, 1usize..60), 1..6),
    ) {
        let a = article(&text);
        let n = a.char_len();
        let spans: Vec<(usize, usize)> = picks.iter().map(|&(at, len)| {
            let s = ((at * n as f64) as usize).min(n.saturating_sub(1));
            (s, (s + len).min(n))
        }).filter(|(s, e)| e > s).collect();
        prop_assume!(!spans.is_empty());
        let mut file = annotations_for(&a, &spans);
        let before = file.clone();
        let same = article(&text);
        let report = anchor_file(&mut file, &same);
        prop_assert_eq!(report, Default::default());
        prop_assert_eq!(file, before);
    }
}

#[test]
fn context_picks_the_right_one_of_two_identical_sentences() {
    let text = "Headline of the story\n\nAlpha said so. Police seized 28 tons of cocaine at the port of Antwerp.\n\nBeta said so. Police seized 28 tons of cocaine at the port of Antwerp.\n\n";
    let old = article(text);
    let second = text.rfind("Police").unwrap();
    let start = text[..second].chars().count();
    let file = annotations_for(&old, &[(start, start + 56)]);
    let mut moved = file.clone();
    let new = article(&format!(
        "Headline of the story\n\nA new lead.\n\n{}",
        &text[23..]
    ));
    anchor_file(&mut moved, &new);
    let a = &moved.annotations[0];
    assert_eq!(a.anchor, AnchorState::Moved);
    assert!(
        new.slice(0, a.target.start).ends_with("Beta said so. "),
        "the one after 'Beta' is chosen"
    );
}

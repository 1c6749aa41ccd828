//! A real-shaped corpus for benchmarks: articles whose sentences are drawn
//! from real text (the bundled seeds and a slice of ClaimBuster's debate
//! sentences) with names, places and figures varied, so no two stories are
//! alike; bylines, captions and front matter as real exports have them; and
//! syndication's exact and near duplicates. Deterministic for a given seed.

use std::path::Path;

/// splitmix64: small, fast, deterministic.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Maria", "John", "Aisha", "Pedro", "Li", "Fatima", "Oleg", "Grace", "Tomasz", "Amina", "Kenji",
    "Sofia", "David", "Ngozi", "Lars", "Priya", "Carlos", "Hannah", "Yusuf", "Elena", "Mateo",
    "Chloe", "Ibrahim", "Anna", "Rahul", "Zanele", "Pierre", "Mei", "Samuel", "Leila",
];
const LAST: &[&str] = &[
    "Okafor",
    "Jansen",
    "Haddad",
    "Silva",
    "Wang",
    "Kowalski",
    "Nguyen",
    "Dubois",
    "Petrov",
    "Mensah",
    "Tanaka",
    "Rossi",
    "Schmidt",
    "Khan",
    "Lindqvist",
    "Garcia",
    "Murphy",
    "Cohen",
    "Adeyemi",
    "Novak",
    "Costa",
    "Fischer",
    "Moreau",
    "Sato",
    "Kariuki",
    "Ivanova",
    "Park",
    "Alvarez",
    "Brennan",
    "Osei",
];
const PLACES: &[&str] = &[
    "Antwerp",
    "Rotterdam",
    "Lagos",
    "Lima",
    "Hamburg",
    "Valencia",
    "Mombasa",
    "Manila",
    "Gdansk",
    "Marseille",
    "Santos",
    "Durban",
    "Karachi",
    "Le Havre",
    "Genoa",
    "Piraeus",
    "Odessa",
    "Halifax",
    "Busan",
    "Colombo",
    "Dakar",
    "Tangier",
    "Cork",
    "Riga",
    "Tallinn",
    "Bilbao",
    "Trieste",
    "Aarhus",
    "Lisbon",
    "Naples",
];
const ORGS: &[&str] = &[
    "the port authority",
    "the customs agency",
    "the health ministry",
    "the central bank",
    "the transport union",
    "the city council",
    "the national police",
    "the election commission",
    "the energy regulator",
    "the prosecutor's office",
];

/// Real sentences to draw from.
pub fn sentences(manifest: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(manifest.join("seeds")).unwrap().flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap_or_default();
        for para in text.split("\n\n") {
            for s in para.split_inclusive(". ") {
                let s = s.trim();
                if s.split_whitespace().count() >= 6 {
                    out.push(s.to_string());
                }
            }
        }
    }
    let slice =
        std::fs::read_to_string(manifest.join("tests/fixtures/claimbuster_slice.jsonl")).unwrap();
    for line in slice.lines() {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(line)
            && let Some(t) = v["text"].as_str()
            && t.split_whitespace().count() >= 6
        {
            out.push(t.to_string());
        }
    }
    out
}

/// A sentence with its capitalised names, places and figures replaced and
/// one word in four swapped for another word of the source text, so that
/// unrelated stories share words as real news does but not whole passages.
fn varied(s: &str, rng: &mut Rng, story: &[String], words: &[&str]) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for (i, w) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let core = w.trim_end_matches([',', '.', ';', ':', '"', '\'']);
        let tail = &w[core.len()..];
        let first = core.chars().next();
        if i > 0 && first.is_some_and(char::is_uppercase) && core.len() > 2 && rng.below(3) > 0 {
            let name: &String = rng.pick(story);
            out.push_str(name);
            out.push_str(tail);
        } else if first.is_some_and(|c| c.is_ascii_digit()) {
            out.push_str(&(rng.below(9_000) + 2).to_string());
            out.push_str(tail);
        } else if i > 0 && first.is_some_and(char::is_lowercase) && rng.below(4) == 0 {
            // Now and then a word of the long tail (a rare term, a typo).
            if rng.below(16) == 0 {
                out.push_str(&invented_word(rng));
            } else {
                let word: &&str = rng.pick(words);
                out.push_str(word);
            }
            out.push_str(tail);
        } else {
            out.push_str(w);
        }
    }
    out
}

/// A word of three or four syllables: some 400,000 of them, so that
/// nearly every story brings words no other story has.
fn invented_word(rng: &mut Rng) -> String {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ren", "sto", "var", "el", "qui", "dor", "bas", "tin", "ne", "ra", "gol",
        "fe", "zu", "pan", "ith", "or", "mun", "sel", "wa", "ber", "chi", "dan",
    ];
    let mut word = String::new();
    for _ in 0..3 + rng.below(2) {
        let syllable: &&str = rng.pick(SYLLABLES);
        word.push_str(syllable);
    }
    word
}

/// An invented word, capitalised: a surname or a place.
fn rare_name(rng: &mut Rng) -> String {
    let mut name = invented_word(rng);
    name[..1].make_ascii_uppercase();
    name
}

/// One article of a story: a headline, sometimes front matter and a byline,
/// paragraphs of 1–3 sentences, sometimes a caption.
fn article(i: usize, sentences: &[String], words: &[&str], rng: &mut Rng) -> String {
    // Half the surnames and places are of the long tail, as in real news,
    // whose vocabulary grows with every story: drawn from the short lists
    // alone, 20,000 articles had some 2,500 distinct words and hid every
    // cost that grows with the vocabulary.
    let story: Vec<String> = (0..4)
        .map(|k| match k {
            0 | 1 if rng.below(2) == 0 => format!("{} {}", rng.pick(FIRST), rare_name(rng)),
            0 | 1 => format!("{} {}", rng.pick(FIRST), rng.pick(LAST)),
            2 if rng.below(2) == 0 => rare_name(rng),
            2 => rng.pick(PLACES).to_string(),
            _ => rng.pick(ORGS).to_string(),
        })
        .collect();
    let mut text = String::new();
    if rng.below(4) == 0 {
        text.push_str(&format!(
            "---\ntitle: {} says {} figures were wrong\nurl: https://news.example.org/{i}\npublished: 2024-{:02}-{:02}\n---\n",
            story[3],
            story[2],
            rng.below(12) + 1,
            rng.below(28) + 1
        ));
    }
    let first: &String = rng.pick(sentences);
    let headline = varied(first, rng, &story, words);
    let headline: String = headline
        .split_whitespace()
        .take(12)
        .collect::<Vec<_>>()
        .join(" ");
    text.push_str(headline.trim_end_matches('.'));
    text.push_str("\n\n");
    if rng.below(3) == 0 {
        text.push_str(&format!("By {}\n\n", story[0]));
    }
    let paragraphs = 3 + rng.below(5);
    for p in 0..paragraphs {
        let n = 1 + rng.below(2) + rng.below(2);
        let para: Vec<String> = (0..n)
            .map(|_| {
                let s: &String = rng.pick(sentences);
                varied(s, rng, &story, words)
            })
            .collect();
        text.push_str(&para.join(" "));
        text.push_str("\n\n");
        if p == 1 && rng.below(5) == 0 {
            text.push_str(&format!("Photo: {} / Reuters\n\n", story[1]));
        }
    }
    text
}

/// Writes `n` articles under `root` (100 sub-folders); returns the bytes
/// written. About 7% are syndicated copies: half exact, half with a changed
/// figure and a dropped paragraph.
pub fn write(root: &Path, n: usize, manifest: &Path, seed: u64) -> usize {
    let sentences = sentences(manifest);
    let mut words: Vec<&str> = sentences
        .iter()
        .flat_map(|s| s.split(' '))
        .filter(|w| w.len() > 2 && w.chars().all(|c| c.is_ascii_lowercase()))
        .collect();
    words.sort_unstable();
    words.dedup();
    let mut rng = Rng::new(seed);
    let mut written: Vec<String> = Vec::with_capacity(n);
    let mut total = 0;
    for i in 0..n {
        let text = if i > 10 && rng.below(100) < 7 {
            let original = written[rng.below(written.len())].clone();
            if rng.below(2) == 0 {
                original
            } else {
                let mut paras: Vec<&str> = original.split("\n\n").collect();
                if paras.len() > 3 {
                    paras.remove(paras.len() - 2);
                }
                paras.join("\n\n").replacen('1', "2", 1)
            }
        } else {
            article(i, &sentences, &words, &mut rng)
        };
        let sub = root.join(format!("{:02}", i % 100));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("{i:05}.txt")), &text).unwrap();
        total += text.len();
        written.push(text);
    }
    total
}

//! How well "checked before" finds the fact-check a text repeats, on a
//! published claim-retrieval benchmark laid out as CLEF CheckThat! 2020
//! task 2 (verified-claim retrieval) lays it out, in `DIR`:
//!
//! - `vclaims.tsv`: `id <TAB> verified claim [<TAB> title ...]`
//! - `tweets.tsv` (or `queries.tsv`): `id <TAB> text`
//! - `qrels.tsv`: `query id <TAB> 0 <TAB> claim id <TAB> 1`
//!
//! Fields may be quoted as in the published files (`"a ""b"" c"`); a
//! header line (an id that is not a number) is skipped.
//!
//! It prints MAP@5 (the task's measure, as trectools computes it) and
//! precision at 1 for: plain BM25 over the claims' content words (the
//! baseline), the explained score on the whole text, and the workbench's own
//! path (each sentence matched, a claim's best sentence counting); then, for
//! thresholds around `SHOWN_FROM`, how many texts show a match and how many
//! of those shown are right. With `--negatives FILE` (one sentence a line,
//! or JSON lines with `text`, and `label` 1 for the sentences to take, as in
//! ClaimBuster's data), it also counts how many of those sentences, which
//! repeat no claim of the set, would show a match: the false alarms.
//!
//! `cargo run --release --example claim_retrieval -- DIR [--titles] [--negatives FILE] [--failures]`

use claimdesk::corpus::Article;
use claimdesk::library::matching::{Match, MatchIndex, SHOWN_FROM, sentence_matches};
use claimdesk::library::{Appearance, LibraryEntry, Normalised, Rating};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

fn unquote(field: &str) -> String {
    let f = field.trim();
    if f.len() >= 2 && f.starts_with('"') && f.ends_with('"') {
        f[1..f.len() - 1].replace("\"\"", "\"")
    } else {
        f.to_string()
    }
}

/// `(id, second field)` of each line whose id is a number.
fn rows(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let id = fields.next()?.trim();
            id.parse::<u64>().ok()?;
            Some((id.to_string(), unquote(fields.next().unwrap_or(""))))
        })
        .collect()
}

/// Average precision at 5 of one ranking, over all the relevant claims.
fn ap_at_5(ranked: &[usize], relevant: &HashSet<usize>) -> f64 {
    let mut hits = 0.0;
    let mut sum = 0.0;
    for (i, c) in ranked.iter().take(5).enumerate() {
        if relevant.contains(c) {
            hits += 1.0;
            sum += hits / (i + 1) as f64;
        }
    }
    sum / relevant.len() as f64
}

struct Measured {
    name: &'static str,
    ap: Vec<f64>,
    first_right: usize,
}

impl Measured {
    fn new(name: &'static str) -> Measured {
        Measured {
            name,
            ap: Vec::new(),
            first_right: 0,
        }
    }

    fn add(&mut self, ranked: &[usize], relevant: &HashSet<usize>) {
        self.ap.push(ap_at_5(ranked, relevant));
        if ranked.first().is_some_and(|c| relevant.contains(c)) {
            self.first_right += 1;
        }
    }

    fn print(&self) {
        let n = self.ap.len().max(1) as f64;
        println!(
            "{:<34} MAP@5 {:.3}   P@1 {:.3}",
            self.name,
            self.ap.iter().sum::<f64>() / n,
            self.first_right as f64 / n
        );
    }
}

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: claim_retrieval DIR [--failures]"),
    );
    let args: Vec<String> = std::env::args().collect();
    let show_failures = args.iter().any(|a| a == "--failures");
    let negatives: Vec<String> = args
        .iter()
        .position(|a| a == "--negatives")
        .and_then(|i| args.get(i + 1))
        .map(|path| {
            std::fs::read_to_string(path)
                .expect("--negatives FILE")
                .lines()
                .filter_map(
                    |line| match serde_json::from_str::<serde_json::Value>(line) {
                        Ok(v) if v.get("label").is_none_or(|l| l == 1) => {
                            v.get("text")?.as_str().map(str::to_string)
                        }
                        Ok(_) => None,
                        Err(_) => Some(line.to_string()).filter(|l| !l.trim().is_empty()),
                    },
                )
                .collect()
        })
        .unwrap_or_default();
    let claims = rows(&dir.join("vclaims.tsv"));
    let queries_path = ["tweets.tsv", "queries.tsv"]
        .iter()
        .map(|n| dir.join(n))
        .find(|p| p.exists())
        .expect("DIR/tweets.tsv or DIR/queries.tsv");
    let queries = rows(&queries_path);
    let mut relevant: HashMap<String, HashSet<String>> = HashMap::new();
    for line in std::fs::read_to_string(dir.join("qrels.tsv"))
        .expect("DIR/qrels.tsv")
        .lines()
    {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() >= 4 && f[3] != "0" {
            relevant
                .entry(f[0].to_string())
                .or_default()
                .insert(f[2].to_string());
        }
    }

    // With `--titles`, each claim's fact-check headline (DIR/titles.tsv:
    // `id <TAB> title`) is its library entry's title, matched as another
    // wording of the claim.
    let titles: HashMap<String, String> = if args.iter().any(|a| a == "--titles") {
        rows(&dir.join("titles.tsv")).into_iter().collect()
    } else {
        HashMap::new()
    };
    let position: HashMap<&str, usize> = claims
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.as_str(), i))
        .collect();
    let entries: Vec<LibraryEntry> = claims
        .iter()
        .map(|(id, claim)| LibraryEntry {
            id: id.clone(),
            claim: claim.clone(),
            title: titles.get(id).cloned().unwrap_or_default(),
            rating: Rating {
                name: "checked".into(),
                normalised: Normalised::Other,
            },
            by: String::new(),
            date: String::new(),
            url: String::new(),
            appeared: Appearance::default(),
        })
        .collect();
    let started = std::time::Instant::now();
    let index = MatchIndex::build(entries);
    let indexed = started.elapsed();

    let mut bm25 = Measured::new("BM25 over the claim (baseline)");
    let mut whole = Measured::new("explained score, whole text");
    let mut sentences = Measured::new("explained score, per sentence (+¶)");
    // (best score over the text's sentences, whether that claim is right)
    // Each text's matches, best first: (score, whether it is right).
    let mut shown: Vec<Vec<(f32, bool)>> = Vec::new();
    let started = std::time::Instant::now();
    let mut asked = 0;
    // How many texts find their claim first, second, … fifth, or not in five.
    let mut at_rank = [0usize; 6];
    for (id, text) in &queries {
        let Some(want) = relevant.get(id) else {
            continue;
        };
        let want: HashSet<usize> = want
            .iter()
            .filter_map(|c| position.get(c.as_str()).copied())
            .collect();
        if want.is_empty() {
            continue;
        }
        asked += 1;
        let ranked: Vec<usize> = index.bm25(text, 5).into_iter().map(|(c, _)| c).collect();
        let bm25_right = ranked.first().is_some_and(|c| want.contains(c));
        bm25.add(&ranked, &want);
        let found = index.query(text, 5);
        let ranked: Vec<usize> = found.iter().map(|m| m.entry).collect();
        if show_failures && bm25_right && !ranked.first().is_some_and(|c| want.contains(c)) {
            println!("MISS {id}: {text}");
            for c in &want {
                println!("  want {}", index.entries[*c].claim);
            }
            for m in &found {
                println!(
                    "  got {:.2} (words {:.2}, {:?}, names {:?}) {}",
                    m.score, m.words, m.figures, m.names, index.entries[m.entry].claim
                );
            }
        }
        whole.add(&ranked, &want);

        let article = Article::from_bytes(format!("{id}.txt"), text.as_bytes());
        let analysis = claimdesk::text::analyse(&article);
        // Each claim by its best match among the text's sentences, as the
        // workbench ranks a sentence's matches; the best of those whose
        // score reaches the threshold is shown.
        let mut best: HashMap<usize, Match> = HashMap::new();
        for (_, m) in sentence_matches(&index, &article, &analysis, 5, 0.0) {
            match best.get(&m.entry) {
                Some(b) if b.better_than(&m).is_ge() => {}
                _ => {
                    best.insert(m.entry, m);
                }
            }
        }
        let mut ranked: Vec<Match> = best.into_values().collect();
        ranked.sort_by(|a, b| b.better_than(a));
        shown.push(
            ranked
                .iter()
                .map(|m| (m.score, want.contains(&m.entry)))
                .collect(),
        );
        let ranked_matches = ranked;
        let ranked: Vec<usize> = ranked_matches.iter().map(|m| m.entry).collect();
        let at = ranked.iter().take(5).position(|c| want.contains(c));
        at_rank[at.unwrap_or(5)] += 1;
        if show_failures && at != Some(0) {
            println!("LOW {id} at {at:?}: {text}");
            for c in &want {
                println!("  want {}", index.entries[*c].claim);
            }
            for m in ranked_matches.iter().take(at.map_or(3, |a| a + 1)) {
                println!(
                    "  got r{:.3} s{:.2} (words {:.2}, {:?}, names {:?}) {}",
                    m.rank, m.score, m.words, m.figures, m.names, index.entries[m.entry].claim
                );
            }
        }
        sentences.add(&ranked, &want);
    }
    let queried = started.elapsed();

    println!(
        "{} verified claims (indexed in {:.0} ms), {} texts with a relevant claim ({:.1} ms each, all three rankings)\n",
        claims.len(),
        indexed.as_secs_f64() * 1000.0,
        asked,
        queried.as_secs_f64() * 1000.0 / asked.max(1) as f64
    );
    bm25.print();
    whole.print();
    sentences.print();
    println!(
        "  (per sentence: the claim first for {}, second {}, third {}, fourth {}, fifth {}, not in five {})",
        at_rank[0], at_rank[1], at_rank[2], at_rank[3], at_rank[4], at_rank[5]
    );
    println!(
        "\nper-sentence best match shown from a threshold (the workbench shows {SHOWN_FROM}):"
    );
    let false_alarms: Vec<f32> = negatives
        .iter()
        .map(|n| {
            // Any of a sentence's five best can be shown, if it reaches
            // the threshold.
            let best = index.query(n, 5);
            let best: Vec<&Match> = best
                .iter()
                .max_by(|a, b| a.score.total_cmp(&b.score))
                .into_iter()
                .collect();
            let score = best.first().map_or(0.0, |m| m.score);
            if show_failures && score >= SHOWN_FROM {
                println!(
                    "ALARM {score:.2} {n}\n  {}",
                    index.entries[best[0].entry].claim
                );
            }
            score
        })
        .collect();
    // The same sentences three to a paragraph: the workbench also matches
    // paragraphs, so a paragraph can raise a false alarm no sentence does.
    let paragraph_alarms: Vec<f32> = negatives
        .chunks(3)
        .map(|p| {
            let text = format!("Debate\n\n{}\n", p.join(" "));
            let article = Article::from_bytes("p.txt".into(), text.as_bytes());
            let analysis = claimdesk::text::analyse(&article);
            sentence_matches(&index, &article, &analysis, 5, 0.0)
                .iter()
                .map(|(_, m)| m.score)
                .fold(0.0, f32::max)
        })
        .collect();
    for t in [0.15, 0.2, 0.22, 0.25, 0.3, 0.35, 0.4, 0.5] {
        let above: Vec<&(f32, bool)> = shown
            .iter()
            .filter_map(|text| text.iter().find(|(s, _)| *s >= t))
            .collect();
        let right = above.iter().filter(|(_, r)| *r).count();
        let alarms = false_alarms.iter().filter(|&&s| s >= t).count();
        println!(
            "  from {t:.2}: {:>3} of {asked} texts show a match, {:>3} right ({:.1}% precision, {:.1}% of texts found){}",
            above.len(),
            right,
            100.0 * right as f64 / above.len().max(1) as f64,
            100.0 * right as f64 / asked.max(1) as f64,
            if negatives.is_empty() {
                String::new()
            } else {
                format!(
                    "; {alarms} of {} other sentences ({:.1}%), {} of {} paragraphs of three ({:.1}%)",
                    negatives.len(),
                    100.0 * alarms as f64 / negatives.len() as f64,
                    paragraph_alarms.iter().filter(|&&s| s >= t).count(),
                    paragraph_alarms.len(),
                    100.0 * paragraph_alarms.iter().filter(|&&s| s >= t).count() as f64
                        / paragraph_alarms.len() as f64
                )
            }
        );
    }
}

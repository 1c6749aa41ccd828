//! How well `claimdesk import` finds an article's text: run on saved pages
//! with a reference text for each (`DIR/html/NAME.html`, `DIR/txt/NAME.txt`,
//! the layout of newspaper4k's test data), it prints word-level precision,
//! recall and F1 of the extracted body against the reference, and the time
//! per page.
//!
//! `cargo run --release --example extraction_quality -- DIR`

use std::collections::HashMap;
use std::path::Path;

fn words(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *bag.entry(w.to_lowercase()).or_default() += 1;
    }
    bag
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: extraction_quality DIR");
    let dir = Path::new(&dir);
    let mut names: Vec<String> = std::fs::read_dir(dir.join("html"))
        .expect("DIR/html")
        .flatten()
        .filter_map(|e| {
            let p = e.path();
            let stem = p.file_stem()?.to_string_lossy().into_owned();
            dir.join("txt")
                .join(format!("{stem}.txt"))
                .exists()
                .then_some(stem)
        })
        .collect();
    names.sort();
    let (mut tp_all, mut got_all, mut want_all) = (0usize, 0usize, 0usize);
    let (mut f1_sum, mut pages, mut total_ms) = (0.0, 0, 0.0);
    println!(
        "{:<24} {:>6} {:>6} {:>6} {:>8}",
        "page", "P", "R", "F1", "ms"
    );
    for name in names {
        let html = std::fs::read(dir.join("html").join(format!("{name}.html"))).unwrap();
        let reference =
            std::fs::read_to_string(dir.join("txt").join(format!("{name}.txt"))).unwrap();
        let want = words(&reference);
        let want_n: usize = want.values().sum();
        // Word counts mean nothing for scripts written without spaces.
        if want_n < 50 {
            println!(
                "{name:<24} skipped: {want_n} words in the reference (no spaces between words?)"
            );
            continue;
        }
        let started = std::time::Instant::now();
        let page = claimdesk::import::extract(&html, None);
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let body = match &page {
            // The reference is the body alone, without the headline.
            Ok(p) => p.body.clone(),
            Err(e) => {
                println!("{name:<24} not extracted: {e}");
                String::new()
            }
        };
        let got = words(&body);
        let got_n: usize = got.values().sum();
        let tp: usize = got
            .iter()
            .map(|(w, n)| (*n).min(want.get(w).copied().unwrap_or(0)))
            .sum();
        let p = tp as f64 / got_n.max(1) as f64;
        let r = tp as f64 / want_n as f64;
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        println!("{name:<24} {p:>6.3} {r:>6.3} {f1:>6.3} {ms:>8.1}");
        tp_all += tp;
        got_all += got_n;
        want_all += want_n;
        f1_sum += f1;
        pages += 1;
        total_ms += ms;
    }
    let p = tp_all as f64 / got_all.max(1) as f64;
    let r = tp_all as f64 / want_all.max(1) as f64;
    println!(
        "{pages} pages: mean F1 {:.3}; all words together P {p:.3} R {r:.3} F1 {:.3}; {:.1} ms a page",
        f1_sum / pages.max(1) as f64,
        2.0 * p * r / (p + r).max(f64::MIN_POSITIVE),
        total_ms / pages.max(1) as f64
    );
}

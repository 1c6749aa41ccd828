use claimdesk::library::matching::*;
fn main() {
    let (entries, _) = claimdesk::library::load(std::path::Path::new("/tmp/lib100k"));
    let index = MatchIndex::build(entries);
    let a = claimdesk::corpus::Article::from_bytes(
        "00/00100.txt".into(),
        "/tmp/real20k/00/00100.txt".into(),
        &std::fs::read("/tmp/real20k/00/00100.txt").unwrap(),
    );
    let an = claimdesk::text::analyse(&a);
    for (i, s) in an.sentences.iter().enumerate() {
        if s.start == 420 {
            println!("sentence {i} chrome {} line {}", s.chrome, s.line);
            for m in index.query(a.slice(s.start, s.end), 5) {
                println!("  q {:.2} {}", m.score, &index.entries[m.entry].claim[..40]);
            }
            let t = a.slice(s.start, s.end);
            let same = index.entries.iter().position(|e| e.claim == t);
            println!(
                "  identical claim at {:?}: {:?}",
                same,
                same.and_then(|e| index.match_of(t, e))
            );
            for (e, sc) in index.bm25(t, 5) {
                println!("  bm25 {:.1} {}", sc, &index.entries[e].claim[..40]);
            }
        }
    }
    for (i, m) in sentence_matches(&index, &a, &an, 5, SHOWN_FROM) {
        let s = &an.sentences[i];
        println!(
            "{i} {}-{} {:.2} {}",
            s.start,
            s.end,
            m.score,
            &index.entries[m.entry].claim[..40.min(index.entries[m.entry].claim.len())]
        );
    }
}

fn main() {
    let c = claimdesk::corpus::load(std::path::Path::new(&std::env::args().nth(1).unwrap())).unwrap();
    for a in &c.articles {
        println!("=== {}", a.id);
        for s in &claimdesk::text::analyse(a).sentences {
            if s.chrome { continue; }
            let t: String = a.slice(s.start, s.end).chars().take(90).collect();
            println!("{} {:.2} {}  | {}", if s.suggested() {"S"} else {"-"}, s.score, t, s.reasons.iter().map(|r| r.to_string()).collect::<Vec<_>>().join("; "));
        }
    }
}

fn main() {
    let c = claimdesk::corpus::load(std::path::Path::new(&std::env::args().nth(1).unwrap())).unwrap();
    for a in &c.articles {
        println!("=== {} | {:?} | src={:?} pub={:?}", a.id, a.meta.title, a.meta.source, a.meta.published);
        for l in &a.lines { if l.kind != claimdesk::corpus::LineKind::Blank { let t: String = a.slice(l.start,l.end).chars().take(70).collect(); println!("{:<28} {}", format!("{:?}", l.kind), t); } }
    }
}
#[allow(dead_code)]
fn unused() {}

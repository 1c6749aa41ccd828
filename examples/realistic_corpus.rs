//! Writes the benchmarks' real-shaped corpus to a folder, to measure the
//! binary from outside: `cargo run --release --example realistic_corpus -- DIR [N]`.

#[path = "../benches/support/realistic.rs"]
mod realistic;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: realistic_corpus DIR [ARTICLES]");
        std::process::exit(2);
    };
    let n = args.next().and_then(|n| n.parse().ok()).unwrap_or(20_000);
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let bytes = realistic::write(std::path::Path::new(&dir), n, manifest, 42);
    println!("{n} articles, {:.1} MB in {dir}", bytes as f64 / 1e6);
}

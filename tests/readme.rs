//! The README stays true: it starts with the two commands and lists every default key.

use claimdesk::app::keymap::{Keymap, Section};

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

#[test]
fn readme_starts_with_run_and_test_commands() {
    let text = readme();
    let first_code: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("cargo "))
        .take(2)
        .collect();
    assert_eq!(
        first_code,
        vec!["cargo run --release", "cargo test --locked"]
    );
}

#[test]
fn readme_lists_every_default_binding_with_its_help() {
    let text = readme();
    let keymap = Keymap::defaults();
    let mut missing = Vec::new();
    for section in Section::ALL {
        for b in keymap.bindings(section) {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("`{k}`")).collect();
            let row = format!("| {} | {} |", keys.join(" "), b.help);
            if !text.contains(&row) {
                missing.push(format!("[{}] {row}", section.name()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "README is missing rows:\n{}",
        missing.join("\n")
    );
}

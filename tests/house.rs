//! The house rules, checked from the source: the domain knows no terminal,
//! `app`'s modules import one another one way only, and no source file
//! grows past 600 lines.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn sources(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(sources(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
    out
}

fn src() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn the_domain_knows_no_terminal() {
    for module in [
        "corpus", "text", "links", "store", "export", "import", "library",
    ] {
        for file in sources(&src().join(module)) {
            let text = std::fs::read_to_string(&file).unwrap();
            for crate_name in ["ratatui", "crossterm"] {
                assert!(
                    !text.contains(&format!("{crate_name}::")),
                    "{} uses {crate_name}",
                    file.display()
                );
            }
        }
    }
}

#[test]
fn app_modules_import_one_another_one_way() {
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in sources(&src().join("app")) {
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&file).unwrap();
        let used = text
            .match_indices("super::")
            .filter_map(|(i, _)| {
                let rest = &text[i + 7..];
                let end = rest.find(|c: char| !c.is_alphanumeric() && c != '_')?;
                Some(rest[..end].to_string())
            })
            .filter(|d| d != &name && d != "super")
            .collect();
        deps.insert(name, used);
    }
    // Any module that reaches itself again is a cycle.
    for start in deps.keys() {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<&String> = deps[start].iter().collect();
        while let Some(m) = stack.pop() {
            assert_ne!(
                m, start,
                "app/{start}.rs is reached again from what it imports: {deps:?}"
            );
            if seen.insert(m.clone()) {
                stack.extend(deps.get(m).into_iter().flatten());
            }
        }
    }
}

#[test]
fn no_source_file_is_over_600_lines() {
    for file in sources(&src()) {
        let lines = std::fs::read_to_string(&file).unwrap().lines().count();
        assert!(lines <= 600, "{} has {lines} lines", file.display());
    }
}

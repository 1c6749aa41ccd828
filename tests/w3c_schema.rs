//! The `w3c` export against the W3C Web Annotation test suite's MUST
//! assertions (tests/w3c/, from web-platform-tests' annotation-model): every
//! annotation kind, for articles with and without a `url:`, with and without
//! a base URL, with evidence that is a web page or another annotation.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

const BASE: &str = "https://w3c.test/annotation-model/";

fn w3c_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/w3c")
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The MUST assertions as validators, by file name.
fn must_assertions() -> Vec<(String, jsonschema::Validator)> {
    let dir = w3c_dir();
    let mut registry = jsonschema::Registry::new();
    for e in std::fs::read_dir(dir.join("definitions"))
        .unwrap()
        .flatten()
    {
        let name = e.file_name().to_string_lossy().into_owned();
        registry = registry
            .add(
                format!("{BASE}{name}"),
                jsonschema::Resource::from_contents(read_json(&e.path())),
            )
            .unwrap();
    }
    let registry = registry.prepare().unwrap();
    let test = read_json(&dir.join("annotations/annotationMusts.test"));
    let names: Vec<String> = test["assertions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap().to_string())
        .collect();
    assert_eq!(names.len(), 14, "the suite's 14 MUST assertions");
    names
        .into_iter()
        .map(|name| {
            let schema = read_json(&dir.join(&name));
            let validator = jsonschema::options()
                .with_draft(jsonschema::Draft::Draft4)
                .should_validate_formats(true)
                .with_base_uri(BASE)
                .with_registry(&registry)
                .build(&schema)
                .unwrap_or_else(|e| panic!("{name} compiles: {e}"));
            (name, validator)
        })
        .collect()
}

/// Every MUST assertion each annotation fails, as "id: assertion: error".
fn failures(items: &[Value]) -> Vec<String> {
    let assertions = must_assertions();
    let mut out = Vec::new();
    for a in items {
        for (name, v) in &assertions {
            if let Err(e) = v.validate(a) {
                out.push(format!("{}: {name}: {e}", a["id"]));
            }
        }
    }
    out
}

fn export(dir: &Path, corpus: &str, extra: &[&str]) -> Value {
    let out = claimdesk_ok(
        dir,
        &[&["export", corpus, "--format", "w3c"], extra].concat(),
    );
    serde_json::from_str(&out).unwrap()
}

fn items_of(v: &Value) -> Vec<Value> {
    v["first"]["items"].as_array().unwrap().clone()
}

/// Seeds with a disputed claim (note, web evidence, evidence to another
/// claim), a true claim, an unreviewed claim and a plain note.
fn annotated_seeds() -> tempfile::TempDir {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (100, 30));
    press(&mut s, "jjt");
    let other = s.annotations[s.open_article].file.annotations[0].id.clone();
    let article = s.corpus.articles[s.open_article].id.clone();
    press(
        &mut s,
        &format!(
            "kkdaStreet value differs.<esc>ehttps://example.org/a b?x=\"2\"<enter>e{article}#{other}<enter>"
        ),
    );
    press(&mut s, "jjjjcjjaJust a remark.<esc>");
    dir
}

#[test]
fn every_annotation_kind_passes_the_must_assertions_without_urls() {
    let dir = annotated_seeds();
    let v = export(dir.path(), "seeds", &[]);
    let items = items_of(&v);
    let motivations: Vec<&str> = items
        .iter()
        .map(|a| a["motivation"].as_str().unwrap())
        .collect();
    assert_eq!(
        motivations,
        vec!["assessing", "assessing", "highlighting", "commenting"],
        "a verdict assesses, an unreviewed claim highlights, a note comments"
    );
    assert!(
        items[2].get("body").is_none(),
        "an unreviewed claim has no \"unreviewed\" assessment"
    );
    let links: Vec<&Value> = items[0]["body"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["purpose"] == "linking")
        .collect();
    assert_eq!(links.len(), 2);
    assert_eq!(links[0]["source"], "https://example.org/a%20b?x=%222%22");
    assert_eq!(
        links[1]["source"], items[1]["id"],
        "evidence to a claim is its IRI"
    );
    assert!(links.iter().all(|b| b.get("value").is_none()));
    assert_eq!(failures(&items), Vec::<String>::new());
    assert!(
        v["first"]["id"]
            .as_str()
            .unwrap()
            .starts_with("urn:claimdesk:collection:")
    );
}

#[test]
fn articles_with_urls_or_a_base_url_get_web_iris_and_pass() {
    let dir = annotated_seeds();
    let v = export(
        dir.path(),
        "seeds",
        &["--base-url", "https://news.example.org/archive"],
    );
    let items = items_of(&v);
    assert!(
        items.iter().all(|a| a["target"]["source"]
            == "https://news.example.org/archive/000_b4c1e1b9b05d5c34.txt"),
        "{:?}",
        items[0]["target"]
    );
    assert_eq!(failures(&items), Vec::<String>::new());

    // An article whose front matter has its URL, and a file with an
    // unencoded evidence URL written by an older claimdesk.
    let c = dir.path().join("web");
    std::fs::create_dir_all(&c).unwrap();
    std::fs::write(
        c.join("a b.txt"),
        "---\ntitle: Port seizure\nurl: https://news.example.org/2024/port seizure?id=1\n---\nPolice seized 28 tons of cocaine at the port on Monday.\n",
    )
    .unwrap();
    let mut s = state_for(&c, (100, 30));
    press(&mut s, "f");
    let ann = &s.annotations[0];
    let path = claimdesk::store::annotation_path(&s.annotations_dir, &s.corpus.articles[0].id);
    let mut file = ann.file.clone();
    file.annotations[0]
        .evidence
        .push(claimdesk::store::Evidence {
            reference: "https://example.org/q?b=\"2\"<x>".into(),
            excerpt: "an excerpt".into(),
            stance: claimdesk::store::Stance::Refutes,
        });
    std::fs::write(&path, file.to_json()).unwrap();
    let v = export(dir.path(), "web", &[]);
    let items = items_of(&v);
    assert_eq!(
        items[0]["target"]["source"],
        "https://news.example.org/2024/port%20seizure?id=1"
    );
    let evidence = &items[0]["body"][1];
    assert_eq!(evidence["source"], "https://example.org/q?b=%222%22%3Cx%3E");
    assert_eq!(evidence["schema:description"], "refutes");
    assert_eq!(evidence["selector"]["exact"], "an excerpt");
    assert_eq!(failures(&items), Vec::<String>::new());
}

#[test]
fn the_assertions_catch_what_the_old_export_wrote() {
    // A bare relative path as target and an evidence body with both a
    // source and a value: what the W3C suite flagged before.
    let old = serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "95cc54a2",
        "type": "Annotation",
        "body": [{ "type": "SpecificResource", "purpose": "linking", "source": "001.txt#x y", "value": "supports" }],
        "target": "000_b4c1e1b9b05d5c34.txt",
        "created": "yesterday",
    });
    let found = failures(&[old]);
    for assertion in [
        "3.1-annotationIdValidated",
        "3.2-targetObjectsRecognized",
        "3.3.1-annotationCreatedValidated",
    ] {
        assert!(
            found.iter().any(|f| f.contains(assertion)),
            "{assertion} fails: {found:#?}"
        );
    }
}

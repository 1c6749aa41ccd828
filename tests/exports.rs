//! Every export format, parsed back and checked field by field.

mod common;

use common::*;
use std::process::Command;

fn annotated() -> tempfile::TempDir {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (80, 24));
    // disputed + a note with commas, quotes and a line break + evidence; true; unverifiable; a plain note.
    press(
        &mut s,
        "jdaStreet value differs, says \"001\".<enter>Check the CNN copy.<esc>e<tab>https://example.org/a,b<enter>",
    );
    press(&mut s, "jjtjjujaJust a remark.<esc>");
    dir
}

fn export(dir: &std::path::Path, args: &[&str]) -> String {
    claimdesk_ok(dir, &[&["export", "seeds"], args].concat())
}

fn article_text() -> String {
    let raw = std::fs::read_to_string(seeds_dir().join("000_b4c1e1b9b05d5c34.txt")).unwrap();
    raw.replace("\r\n", "\n")
}

fn chars(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn csv_parses_back_with_rfc4180_quoting() {
    let dir = annotated();
    let text = export(dir.path(), &["--format", "csv"]);
    assert!(text.contains("\r\n"), "CRLF line ends");
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header, claimdesk::export::csv::HEADER.to_vec());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(&rows[0][4], "disputed");
    assert_eq!(
        &rows[0][9],
        "Street value differs, says \"001\".\nCheck the CNN copy."
    );
    assert_eq!(&rows[0][10], "refutes https://example.org/a,b");
    assert_eq!(
        chars(
            &article_text(),
            rows[0][5].parse().unwrap(),
            rows[0][6].parse().unwrap()
        ),
        rows[0][8]
    );
    assert_eq!(&rows[3][3], "note");
}

#[test]
fn csv_opens_in_a_spreadsheet_without_running_anything() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (80, 24));
    press(&mut s, "jda=HYPERLINK(\"http://evil.test\",\"click\")<esc>");
    let text = export(dir.path(), &["--format", "csv"]);
    assert!(
        text.starts_with('\u{feff}'),
        "a UTF-8 byte-order mark for Excel"
    );
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][9], "'=HYPERLINK(\"http://evil.test\",\"click\")");
    // No cell of the file starts a formula.
    for row in &rows {
        for cell in row.iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell:?}");
        }
    }
    let plain = export(dir.path(), &["--format", "csv", "--no-bom"]);
    assert!(plain.starts_with("article,"), "{:?}", &plain[..10]);
}

#[test]
fn markdown_renders_notes_and_names_as_text_only() {
    use pulldown_cmark::{Event, Parser, Tag};
    let dir = temp_seeds();
    // An article whose headline and text carry HTML and Markdown structure.
    std::fs::write(
        dir.path().join("seeds/000_a_hostile.txt"),
        "<script>alert(1)</script> *Breaking* [news](javascript:alert(1))\n\n\
         Police said <img src=x onerror=alert(1)> 28 tons | were seized on 3 April.\n",
    )
    .unwrap();
    let mut s = state_for(&dir.path().join("seeds"), (80, 24));
    press(
        &mut s,
        "da# not a heading<enter>**bold** & [x](http://e.test) `code`<enter>1. item<enter>===<esc>",
    );
    let text = export(dir.path(), &["--format", "md"]);
    let mut headings = 0;
    let mut in_heading = false;
    for event in Parser::new(&text) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("HTML from the text: {h:?}"),
            Event::Start(Tag::Heading { .. }) => {
                headings += 1;
                in_heading = true;
            }
            Event::End(_) => in_heading = false,
            Event::Text(t) if in_heading => {
                assert!(!t.contains("not a heading"), "a note became a heading: {t}")
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                assert!(
                    dest_url.starts_with("http"),
                    "a link from the text: {dest_url}"
                )
            }
            Event::Code(c) => panic!("code from a note: {c}"),
            _ => {}
        }
    }
    // The report's own only: its title, the article, the annotation.
    assert_eq!(headings, 3, "{text}");
    assert!(text.contains("\\# not a heading"), "{text}");
    assert!(
        text.contains("&lt;script&gt;") || !text.contains("script"),
        "{text}"
    );
}

#[test]
fn claimreview_has_the_schema_org_fields() {
    let dir = annotated();
    let v: serde_json::Value =
        serde_json::from_str(&export(dir.path(), &["--format", "claimreview"])).unwrap();
    let reviews = v.as_array().unwrap();
    assert_eq!(reviews.len(), 3, "claims with a verdict only: no note");
    let d = &reviews[0];
    assert_eq!(d["@context"], "https://schema.org");
    assert_eq!(d["@type"], "ClaimReview");
    assert!(
        d["claimReviewed"]
            .as_str()
            .unwrap()
            .starts_with("Police in Belgium has seized 28 tons")
    );
    let rating = &d["reviewRating"];
    assert_eq!(
        (rating["@type"].as_str(), rating["alternateName"].as_str()),
        (Some("Rating"), Some("Disputed"))
    );
    assert!(
        rating["bestRating"].as_u64() > rating["worstRating"].as_u64(),
        "the scale runs from worst to best"
    );
    assert_eq!(rating["ratingValue"], 2);
    assert_eq!(
        reviews[1]["reviewRating"]["ratingValue"], 3,
        "true is the best rating"
    );
    assert!(
        reviews[2]["reviewRating"].get("ratingValue").is_none(),
        "unverifiable is not on the truth scale"
    );
    assert_eq!(d["itemReviewed"]["@type"], "Claim");
    assert_eq!(
        d["itemReviewed"]["appearance"]["url"], "000_b4c1e1b9b05d5c34.txt",
        "no URL in the article: its path"
    );
    assert_eq!(d["author"]["name"], "tester");
    assert_eq!(d["datePublished"], "2026-11-23");
    assert_eq!(
        d["reviewBody"],
        "Street value differs, says \"001\".\nCheck the CNN copy."
    );
}

#[test]
fn w3c_annotations_have_both_selectors_and_the_article_hash() {
    let dir = annotated();
    let v: serde_json::Value =
        serde_json::from_str(&export(dir.path(), &["--format", "w3c"])).unwrap();
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!((items.len(), v["total"].as_u64()), (4, Some(4)));
    let text = article_text();
    let sha = claimdesk::corpus::sha256_hex(
        &std::fs::read(seeds_dir().join("000_b4c1e1b9b05d5c34.txt")).unwrap(),
    );
    for a in items {
        assert_eq!(a["type"], "Annotation");
        let selectors = a["target"]["selector"].as_array().unwrap();
        let quote = selectors
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        let pos = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .unwrap();
        assert_eq!(
            chars(
                &text,
                pos["start"].as_u64().unwrap(),
                pos["end"].as_u64().unwrap()
            ),
            quote["exact"].as_str().unwrap()
        );
        assert_eq!(a["target"]["state"]["id"], format!("urn:sha256:{sha}"));
    }
    assert_eq!(items[0]["motivation"], "assessing");
    assert_eq!(items[3]["motivation"], "commenting");
    let bodies = items[0]["body"].as_array().unwrap();
    assert!(
        bodies
            .iter()
            .any(|b| b["purpose"] == "assessing" && b["value"] == "disputed")
    );
    assert!(bodies.iter().any(|b| b["purpose"] == "commenting"));
    assert!(
        bodies
            .iter()
            .any(|b| b["purpose"] == "linking" && b["source"] == "https://example.org/a,b")
    );
}

#[test]
fn markdown_is_a_report_an_editor_can_read() {
    let dir = annotated();
    let md = export(dir.path(), &["--format", "md"]);
    assert!(md.starts_with("# Fact-check report\n"));
    assert!(
        md.contains("| disputed | 1 |")
            && md.contains("| true | 1 |")
            && md.contains("| unverifiable | 1 |")
    );
    assert!(md.contains(
        "## Belgium Police seize 28 tons of cocaine after accessing encrypted communications"
    ));
    assert!(md.contains("### **DISPUTED**: “Police in Belgium has seized 28 tons"));
    assert!(md.contains("> Street value differs, says \"001\".\n> Check the CNN copy.\n"));
    assert!(md.contains("- refutes: <https://example.org/a,b>"));
    assert!(md.contains("### **Note**: “"));
}

#[test]
fn filters_by_verdict_and_reviewer() {
    let dir = annotated();
    let v: serde_json::Value = serde_json::from_str(&export(
        dir.path(),
        &["--format", "json", "--verdict", "true"],
    ))
    .unwrap();
    assert_eq!(v["annotations"].as_array().unwrap().len(), 1);
    let v: serde_json::Value = serde_json::from_str(&export(
        dir.path(),
        &["--format", "json", "--reviewer", "nobody"],
    ))
    .unwrap();
    assert_eq!(v["annotations"].as_array().unwrap().len(), 0);
    let v: serde_json::Value = serde_json::from_str(&export(
        dir.path(),
        &["--format", "json", "--reviewer", "tester"],
    ))
    .unwrap();
    assert_eq!(v["annotations"].as_array().unwrap().len(), 4);
}

#[test]
fn html_is_one_self_contained_page_with_each_claim_highlighted() {
    let dir = annotated();
    let html = export(dir.path(), &["--format", "html"]);
    assert!(html.starts_with("<!doctype html>") && html.trim_end().ends_with("</html>"));
    assert!(
        html.contains("<meta name=\"viewport\""),
        "readable on a phone"
    );
    assert!(html.contains("@media print"), "printable");
    for external in ["<link", "<script", " src=", "@import", "url("] {
        assert!(!html.contains(external), "no network resource: {external}");
    }
    // Five articles, every one with its text; the first holds our four annotations.
    let sections: Vec<&str> = html.split("<section class=\"article\"").skip(1).collect();
    assert_eq!(sections.len(), 5);
    let first = sections[0];
    let marks: Vec<&str> = first
        .match_indices("<mark class=\"")
        .map(|(i, _)| &first[i + 13..i + 40])
        .collect();
    let classes: Vec<&str> = marks.iter().map(|m| m.split('"').next().unwrap()).collect();
    assert_eq!(
        classes,
        vec![
            "claim v-disputed",
            "claim v-true",
            "claim v-unverifiable",
            "note"
        ]
    );
    assert!(
        first.contains("Street value differs, says &quot;001&quot;.<br>Check the CNN copy."),
        "notes are escaped"
    );
    assert!(
        first.contains("Police in Belgium has seized 28 tons of cocaine worth 1.4 billion euros")
    );
    assert!(
        !sections[1].contains("<mark"),
        "an article without annotations has its text and no highlight"
    );
}

#[test]
fn html_shows_hostile_text_as_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("c")).unwrap();
    std::fs::write(
        dir.path().join("c/a.txt"),
        "<script>alert(1)</script> title\n\nBad \u{1b}[31m text & more.\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(["export", "c", "--format", "html"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains('\u{1b}') && html.contains("␛[31m text &amp; more."));
}

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
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(rows.len(), 4);
    assert_eq!(&rows[0][col("verdict")], "disputed");
    assert_eq!(
        &rows[0][col("note")],
        "Street value differs, says \"001\".\nCheck the CNN copy."
    );
    assert_eq!(&rows[0][col("evidence")], "refutes https://example.org/a,b");
    assert_eq!(
        chars(
            &article_text(),
            rows[0][col("start")].parse().unwrap(),
            rows[0][col("end")].parse().unwrap()
        ),
        rows[0][col("quote")]
    );
    assert_eq!(&rows[3][col("kind")], "note");
    for empty in ["url", "summary", "claimant", "said_on", "factcheck_url"] {
        assert_eq!(&rows[0][col(empty)], "", "{empty} is empty when not set");
    }
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
    let note = claimdesk::export::csv::HEADER
        .iter()
        .position(|h| *h == "note")
        .unwrap();
    assert_eq!(
        &rows[0][note],
        "'=HYPERLINK(\"http://evil.test\",\"click\")"
    );
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
    let appearance = &d["itemReviewed"]["appearance"];
    assert!(
        appearance.get("url").is_none(),
        "no web address for the article: no url rather than a path"
    );
    assert_eq!(
        appearance["headline"],
        "Belgium Police seize 28 tons of cocaine after accessing encrypted communications"
    );
    assert_eq!(
        d["author"],
        serde_json::json!({ "@type": "Person", "name": "tester" }),
        "no publisher set: the reviewer, by name"
    );
    assert_eq!(d["datePublished"], "2026-11-23");
    assert!(
        d.get("reviewBody").is_none() && d.get("url").is_none(),
        "working notes are not published unless asked; no fact-check URL was set"
    );
    let with_notes: serde_json::Value = serde_json::from_str(&export(
        dir.path(),
        &["--format", "claimreview", "--include-notes"],
    ))
    .unwrap();
    assert_eq!(
        with_notes[0]["reviewBody"],
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
    // The text the offsets count: the article as read (UTF-8, LF line ends).
    let sha = claimdesk::corpus::sha256_hex(text.as_bytes());
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
        assert_eq!(
            a["target"]["source"], "urn:claimdesk:article:000_b4c1e1b9b05d5c34.txt",
            "no url: and no base URL: the documented urn"
        );
        assert!(
            a["id"]
                .as_str()
                .unwrap()
                .starts_with("urn:claimdesk:annotation:")
        );
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
    // Only the article with annotations is printed; it holds our four.
    let sections: Vec<&str> = html.split("<section class=\"article\"").skip(1).collect();
    assert_eq!(sections.len(), 1);
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
        html.contains("Corpus <b>seeds</b>") && html.contains("3 claim(s) in 1 of 5 article(s)"),
        "the report names its corpus"
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
    // One claim, so the article is in the report.
    let mut s = state_for(&dir.path().join("c"), (80, 24));
    press(&mut s, "t");
    let out = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(["export", "c", "--format", "html"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains('\u{1b}') && html.contains("␛[31m text &amp; more."));
}

/// An article with front matter, a publisher in corpus.toml, and a claim
/// whose publishing fields were typed with `p`.
fn published() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("web");
    std::fs::create_dir_all(&c).unwrap();
    std::fs::write(
        c.join("port.txt"),
        "---\ntitle: Record cocaine seizure at Antwerp\nurl: https://news.example.org/2024/port seizure\nsource: Example News\npublished: 2024-03-10\n---\nPolice seized 28 tons of cocaine at the port on Monday, the minister said.\n",
    )
    .unwrap();
    let mut s = state_for(&c, (100, 30));
    press(
        &mut s,
        "fpPolice seized 28 tons of cocaine in Antwerp<enter>Minister Jane Doe<enter>9 March 2024<enter>https://factcheck.example.org/checks/antwerp<enter>",
    );
    std::fs::write(
        s.annotations_dir.join("corpus.toml"),
        "[publisher]\nname = \"Example Fact Check\"\nurl = \"https://factcheck.example.org/\"\n",
    )
    .unwrap();
    dir
}

#[test]
fn claimreview_carries_every_publishing_field() {
    let dir = published();
    let out = claimdesk_ok(dir.path(), &["export", "web", "--format", "claimreview"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let r = &v[0];
    assert_eq!(r["url"], "https://factcheck.example.org/checks/antwerp");
    assert_eq!(
        r["claimReviewed"],
        "Police seized 28 tons of cocaine in Antwerp"
    );
    assert_eq!(r["reviewRating"]["alternateName"], "False");
    assert_eq!(r["reviewRating"]["ratingValue"], 1);
    assert_eq!(
        r["author"],
        serde_json::json!({ "@type": "Organization", "name": "Example Fact Check", "url": "https://factcheck.example.org/" })
    );
    let claim = &r["itemReviewed"];
    assert_eq!(claim["@type"], "Claim");
    assert_eq!(claim["author"]["name"], "Minister Jane Doe");
    assert_eq!(claim["datePublished"], "2024-03-09");
    let appearance = &claim["appearance"];
    assert_eq!(
        appearance["url"],
        "https://news.example.org/2024/port%20seizure"
    );
    assert_eq!(appearance["headline"], "Record cocaine seizure at Antwerp");
    assert_eq!(appearance["datePublished"], "2024-03-10");
    assert_eq!(appearance["publisher"]["name"], "Example News");
    assert!(r.get("reviewBody").is_none());

    let csv = claimdesk_ok(dir.path(), &["export", "web", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| row[header.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(cell("url"), "https://news.example.org/2024/port seizure");
    assert_eq!(cell("source"), "Example News");
    assert_eq!(cell("published"), "2024-03-10");
    assert_eq!(cell("claimant"), "Minister Jane Doe");
    assert_eq!(
        cell("summary"),
        "Police seized 28 tons of cocaine in Antwerp"
    );
    assert_eq!(
        cell("factcheck_url"),
        "https://factcheck.example.org/checks/antwerp"
    );
}

#[test]
fn claimreview_says_what_a_publisher_must_still_fill_in() {
    let dir = annotated();
    let (code, out, err) = claimdesk(&["export", "seeds", "--format", "claimreview"], dir.path());
    assert_eq!(code, 0);
    assert!(out.starts_with('['));
    assert!(
        err.contains("3 of 3 review(s) have no fact-check URL")
            && err.contains("No publisher is set")
            && err.contains("more than 75 characters"),
        "{err}"
    );
    let (_, _, err) = claimdesk(
        &["export", "web", "--format", "claimreview"],
        published().path(),
    );
    assert_eq!(err, "", "nothing missing");
}

/// Every `href="#x"` of the page and the `id`s it points at.
fn dangling_anchors(html: &str) -> Vec<String> {
    html.match_indices("href=\"#")
        .map(|(i, _)| html[i + 7..].split('"').next().unwrap().to_string())
        .filter(|target| !html.contains(&format!("id=\"{target}\"")))
        .collect()
}

#[test]
fn html_footnotes_match_for_overlapping_claims_and_link_both_ways() {
    let dir = published();
    let c = dir.path().join("web");
    let mut s = state_for(&c, (100, 30));
    // A note on the first words, inside the false claim on the sentence.
    press(&mut s, "vllaInside.<esc>");
    // Evidence no prompt accepts any more, as an old file may hold it.
    let path = claimdesk::store::annotation_path(&s.annotations_dir, &s.corpus.articles[0].id);
    let mut file = s.annotations[0].file.clone();
    assert_eq!(file.annotations.len(), 2);
    let claim = file.annotations.iter_mut().find(|a| a.is_claim()).unwrap();
    for reference in ["javascript:alert(1)", "https://example.org/report"] {
        claim.evidence.push(claimdesk::store::Evidence {
            reference: reference.into(),
            excerpt: String::new(),
            stance: claimdesk::store::Stance::Refutes,
        });
    }
    std::fs::write(&path, file.to_json()).unwrap();
    let html = claimdesk_ok(dir.path(), &["export", "web", "--format", "html"]);
    // The superscript of each annotation carries the number of its note.
    let mut sups = Vec::new();
    for (i, _) in html.match_indices("<sup><a href=\"#n-") {
        let rest = &html[i + 17..];
        let id = rest.split('"').next().unwrap().to_string();
        let n = rest
            .split('>')
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .to_string();
        sups.push((id, n));
    }
    let mut notes = Vec::new();
    for (i, _) in html.match_indices("<li id=\"n-") {
        let rest = &html[i + 10..];
        let id = rest.split('"').next().unwrap().to_string();
        let n = rest
            .split("value=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string();
        notes.push((id, n));
    }
    sups.sort();
    notes.sort();
    assert_eq!(
        sups.len(),
        2,
        "both annotations are numbered in the text: {html}"
    );
    assert_eq!(sups, notes, "each number leads to its own note");
    assert_eq!(
        dangling_anchors(&html),
        Vec::<String>::new(),
        "links both ways resolve"
    );
    assert!(html.contains("<a href=\"https://example.org/report\" rel=\"noopener noreferrer\">"));
    assert!(
        html.contains("refutes: javascript:alert(1)") && !html.contains("href=\"javascript"),
        "only web pages become links"
    );
    assert!(html.contains("<a href=\"https://news.example.org/2024/port%20seizure\""));
    // The front matter is the header, not text.
    assert!(
        !html.contains("title: Record"),
        "no front matter printed as text"
    );
    assert!(html.contains("Example News · 2024-03-10"));
    assert!(html.contains("by Example Fact Check"));
    assert!(
        html.contains("<table class=\"legend\">")
            && html.contains("<span class=\"badge\">F</span>false")
    );
}

#[test]
fn html_filters_choose_the_articles_and_claims_printed() {
    let dir = annotated();
    let html = export(dir.path(), &["--format", "html", "--verdict", "true"]);
    let sections: Vec<&str> = html.split("<section class=\"article\"").skip(1).collect();
    assert_eq!(sections.len(), 1);
    let classes: Vec<&str> = sections[0]
        .match_indices("<mark class=\"")
        .map(|(i, _)| sections[0][i + 13..].split('"').next().unwrap())
        .collect();
    assert_eq!(classes, vec!["claim v-true"]);
    assert!(html.contains("only verdict true"));
    let none = export(dir.path(), &["--format", "html", "--verdict", "false"]);
    assert!(
        !none.contains("<section"),
        "no false claim: no article printed"
    );
    assert!(none.contains("0 claim(s) in 0 of 5 article(s)"));
}

#[test]
fn markdown_and_json_carry_the_publishing_fields() {
    let dir = published();
    let md = claimdesk_ok(dir.path(), &["export", "web", "--format", "md"]);
    assert!(
        md.contains("- Claim: Police seized 28 tons of cocaine in Antwerp"),
        "{md}"
    );
    assert!(md.contains("- Said by: Minister Jane Doe"));
    assert!(
        md.contains("- Fact-check: <https://factcheck.example.org/checks/antwerp>"),
        "{md}"
    );
    let json: serde_json::Value = serde_json::from_str(&claimdesk_ok(
        dir.path(),
        &["export", "web", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(
        json["annotations"][0]["publishing"]["said_on"],
        "2024-03-09"
    );
}

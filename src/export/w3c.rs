//! W3C Web Annotation JSON-LD: an AnnotationCollection of Annotations that
//! meets the Web Annotation Data Model's MUST assertions (checked against the
//! W3C's own test schemas in `tests/w3c_schema.rs`).
//!
//! - Every `id` and `source` is an absolute IRI (`iri.rs`).
//! - A claim with a verdict is `assessing`, with the verdict as an
//!   `assessing` TextualBody; a claim not yet reviewed is `highlighting`; a
//!   note is `commenting`. The note text is a `commenting` TextualBody.
//! - Evidence is a `linking` SpecificResource whose `source` is the web page
//!   (parsed and encoded) or the other annotation's IRI; its stance is
//!   `schema:description` and its excerpt a TextQuoteSelector on that source.
//! - The selectors count and quote the text `target.state` names: the article
//!   decoded to UTF-8 with LF line ends, front matter included.

use super::iri::{self, IdIndex};
use super::{ExportRow, Settings};
use crate::store::{AnnotationKind, Verdict};
use serde_json::{Value, json};

fn evidence_body(e: &crate::store::Evidence, ids: &IdIndex) -> Option<Value> {
    let source = match crate::store::settings::web_url(&e.reference) {
        Ok(u) => u.to_string(),
        Err(_) => ids.resolve(&e.reference)?,
    };
    let mut body = json!({
        "type": "SpecificResource",
        "purpose": "linking",
        "source": source,
        "schema:description": e.stance.name(),
    });
    if !e.excerpt.is_empty() {
        body["selector"] = json!({ "type": "TextQuoteSelector", "exact": e.excerpt });
    }
    Some(body)
}

pub fn annotation(r: &ExportRow, settings: &Settings, ids: &IdIndex) -> Value {
    let mut body = Vec::new();
    let motivation = match r.kind {
        AnnotationKind::Note => "commenting",
        _ if r.verdict == Verdict::Unreviewed => "highlighting",
        _ => "assessing",
    };
    if motivation == "assessing" {
        body.push(json!({ "type": "TextualBody", "purpose": "assessing", "value": r.verdict.name(), "format": "text/plain" }));
    }
    if !r.note.is_empty() {
        body.push(json!({ "type": "TextualBody", "purpose": "commenting", "value": r.note, "format": "text/plain" }));
    }
    body.extend(r.evidence.iter().filter_map(|e| evidence_body(e, ids)));
    let mut a = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": iri::annotation(r.id),
        "type": "Annotation",
        "motivation": motivation,
        "creator": { "type": "Person", "name": r.reviewer },
        "target": {
            "type": "SpecificResource",
            "source": iri::article(r.url, r.article, settings.base_url.as_ref()),
            "selector": [
                { "type": "TextQuoteSelector", "exact": r.target.exact, "prefix": r.target.prefix, "suffix": r.target.suffix },
                { "type": "TextPositionSelector", "start": r.target.start, "end": r.target.end },
            ],
            "state": { "id": iri::text_state(&r.text_sha256) },
        },
    });
    if !body.is_empty() {
        a["body"] = Value::Array(body);
    }
    // Lifecycle times only when they are the date-times the model requires.
    for (key, value) in [("created", r.created), ("modified", r.updated)] {
        if value.is_time() {
            a[key] = json!(value.to_string());
        }
    }
    a
}

pub fn render(rows: &[ExportRow], settings: &Settings, ids: &IdIndex) -> String {
    // Each annotation keeps its @context, so it stands alone when taken out.
    let items: Vec<Value> = rows.iter().map(|r| annotation(r, settings, ids)).collect();
    let name = if settings.corpus_name.is_empty() {
        "corpus".to_string()
    } else {
        iri::encode_path(&settings.corpus_name)
    };
    let collection = format!("urn:claimdesk:collection:{name}");
    let doc = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": collection,
        "type": "AnnotationCollection",
        "label": "claimdesk annotations",
        "total": items.len(),
        "first": {
            "id": format!("{collection}:page:1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    serde_json::to_string_pretty(&doc).expect("W3C annotations serialise") + "\n"
}

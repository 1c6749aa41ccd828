//! W3C Web Annotation JSON-LD: an AnnotationCollection of Annotations.

use super::ExportRow;
use crate::store::Kind;
use serde_json::{Value, json};

pub fn annotation(r: &ExportRow) -> Value {
    let mut body = Vec::new();
    if r.kind == Kind::Claim {
        body.push(
            json!({ "type": "TextualBody", "purpose": "assessing", "value": r.verdict.name() }),
        );
    }
    if !r.note.is_empty() {
        body.push(json!({ "type": "TextualBody", "purpose": "commenting", "value": r.note, "format": "text/plain" }));
    }
    for e in r.evidence {
        body.push(json!({ "type": "SpecificResource", "purpose": "linking", "source": e.reference, "value": e.stance.name() }));
    }
    json!({
        "id": format!("urn:claimdesk:{}", r.id),
        "type": "Annotation",
        "motivation": if r.kind == Kind::Note { "commenting" } else { "assessing" },
        "created": r.created,
        "modified": r.updated,
        "creator": { "type": "Person", "name": r.reviewer },
        "body": body,
        "target": {
            "source": r.url.unwrap_or(r.article),
            "selector": [
                { "type": "TextQuoteSelector", "exact": r.target.exact, "prefix": r.target.prefix, "suffix": r.target.suffix },
                { "type": "TextPositionSelector", "start": r.target.start, "end": r.target.end },
            ],
            // The article as annotated: its content hash.
            "state": { "id": format!("urn:sha256:{}", r.sha256) },
        },
    })
}

pub fn render(rows: &[ExportRow]) -> String {
    let items: Vec<Value> = rows.iter().map(annotation).collect();
    let doc = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:claimdesk:collection",
        "type": "AnnotationCollection",
        "label": "claimdesk annotations",
        "total": items.len(),
        "first": { "type": "AnnotationPage", "items": items },
    });
    serde_json::to_string_pretty(&doc).expect("W3C annotations serialise") + "\n"
}

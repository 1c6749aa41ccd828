//! CSV: one row per annotation, RFC 4180 quoting, a header row.

use super::ExportRow;

pub const HEADER: [&str; 14] = [
    "article", "title", "id", "kind", "verdict", "start", "end", "anchor", "quote", "note",
    "evidence", "reviewer", "created", "updated",
];

pub fn render(rows: &[ExportRow]) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(HEADER).expect("writing to memory");
    for r in rows {
        let evidence: Vec<String> = r
            .evidence
            .iter()
            .map(|e| format!("{} {}", e.stance.name(), e.reference))
            .collect();
        let kind = match r.kind {
            crate::store::Kind::Claim => "claim",
            crate::store::Kind::Note => "note",
            crate::store::Kind::Dismissed => "dismissed",
        };
        w.write_record([
            r.article,
            r.title,
            r.id,
            kind,
            r.verdict.name(),
            &r.target.start.to_string(),
            &r.target.end.to_string(),
            r.anchor,
            &r.target.exact,
            r.note,
            &evidence.join("; "),
            r.reviewer,
            r.created,
            r.updated,
        ])
        .expect("writing to memory");
    }
    String::from_utf8(w.into_inner().expect("flushing to memory"))
        .expect("CSV of UTF-8 fields is UTF-8")
}

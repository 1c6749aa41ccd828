//! CSV: one row per annotation, RFC 4180 quoting, a header row. Every text
//! cell is safe to open in a spreadsheet: a cell that would start a formula
//! is prefixed with `'` (OWASP's CSV injection advice), and the file starts
//! with a UTF-8 byte-order mark unless asked not to, so Excel reads UTF-8.

use super::ExportRow;

pub const HEADER: [&str; 21] = [
    "article",
    "title",
    "url",
    "source",
    "published",
    "id",
    "kind",
    "verdict",
    "start",
    "end",
    "anchor",
    "quote",
    "summary",
    "claimant",
    "said_on",
    "factcheck_url",
    "note",
    "evidence",
    "reviewer",
    "created",
    "updated",
];

/// The byte-order mark Excel needs to read UTF-8.
pub const BOM: char = '\u{feff}';

/// A text cell a spreadsheet will show, never run: one starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return gets a leading `'`.
pub fn neutralised(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

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
            crate::store::AnnotationKind::Claim => "claim",
            crate::store::AnnotationKind::Note => "note",
            crate::store::AnnotationKind::Dismissed => "dismissed",
        };
        let n = |s: &'_ str| neutralised(s).into_owned();
        let p = r.publishing;
        w.write_record([
            n(r.article),
            n(r.title),
            n(r.url.unwrap_or("")),
            n(r.source.unwrap_or("")),
            n(r.published.unwrap_or("")),
            n(r.id),
            kind.to_string(),
            r.verdict.name().to_string(),
            r.target.start.to_string(),
            r.target.end.to_string(),
            n(r.anchor),
            n(&r.target.exact),
            n(&p.summary),
            n(&p.claimant),
            n(&p.said_on),
            n(&p.factcheck_url),
            n(r.note),
            n(&evidence.join("; ")),
            n(r.reviewer),
            n(&r.created.to_string()),
            n(&r.updated.to_string()),
        ])
        .expect("writing to memory");
    }
    String::from_utf8(w.into_inner().expect("flushing to memory"))
        .expect("CSV of UTF-8 fields is UTF-8")
}

#[cfg(test)]
mod tests {
    use super::neutralised;

    #[test]
    fn formula_cells_are_shown_not_run() {
        for cell in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(neutralised(cell), format!("'{cell}"));
        }
        for cell in ["Police seized 28 tons", "", "28 = 27.64", "'quoted"] {
            assert_eq!(neutralised(cell), cell);
        }
    }
}

//! A Markdown report an editor can read: a summary, then each article's claims.

use super::ExportRow;
use crate::store::{Kind, Verdict};

fn escape(s: &str) -> String {
    s.replace('\n', " ").replace('|', "\\|")
}

pub fn render(rows: &[ExportRow]) -> String {
    let mut out = String::from("# Fact-check report\n\n");
    let claims: Vec<&ExportRow> = rows.iter().filter(|r| r.kind == Kind::Claim).collect();
    out.push_str(&format!(
        "{} claims and {} notes in {} articles.\n\n",
        claims.len(),
        rows.len() - claims.len(),
        {
            let mut a: Vec<&str> = rows.iter().map(|r| r.article).collect();
            a.dedup();
            a.len()
        }
    ));
    out.push_str("| verdict | claims |\n| --- | ---: |\n");
    for v in Verdict::ALL {
        out.push_str(&format!(
            "| {} | {} |\n",
            v.name(),
            claims.iter().filter(|r| r.verdict == v).count()
        ));
    }
    let mut current = "";
    for r in rows {
        if r.article != current {
            current = r.article;
            out.push_str(&format!("\n## {}\n\n", escape(r.title)));
            out.push_str(&format!("- Article: `{}`\n", r.article));
            if let Some(s) = r.source {
                out.push_str(&format!("- Source: {}\n", escape(s)));
            }
            if let Some(u) = r.url {
                out.push_str(&format!("- URL: <{u}>\n"));
            }
            out.push('\n');
        }
        let head = match r.kind {
            Kind::Note => "**Note**".to_string(),
            _ => format!("**{}**", r.verdict.name().to_uppercase()),
        };
        out.push_str(&format!("### {head}: “{}”\n\n", escape(&r.target.exact)));
        if r.anchor != "exact" {
            out.push_str(&format!("*Anchor: {}.*\n\n", r.anchor));
        }
        if !r.note.is_empty() {
            for line in r.note.lines() {
                out.push_str(&format!("> {line}\n"));
            }
            out.push('\n');
        }
        for e in r.evidence {
            let excerpt = if e.excerpt.is_empty() {
                String::new()
            } else {
                format!(" — “{}”", escape(&e.excerpt))
            };
            out.push_str(&format!(
                "- {}: {}{excerpt}\n",
                e.stance.name(),
                e.reference
            ));
        }
        out.push_str(&format!(
            "\n<sub>{} · {}</sub>\n\n",
            escape(r.reviewer),
            r.updated
        ));
    }
    out
}

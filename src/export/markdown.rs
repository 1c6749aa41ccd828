//! A Markdown report an editor can read: a summary, then each article's claims.

use super::ExportRow;
use crate::store::{AnnotationKind, Verdict};

/// Text from an article, a note or a name as Markdown that renders as that
/// text and nothing else: every ASCII punctuation mark that could make
/// structure (a heading, a list, emphasis, a link, a table cell, code, a
/// setext underline) is backslash-escaped, as CommonMark allows, and `<`,
/// `>` and `&` become entities (pulldown-cmark-escape), so no HTML tag or
/// entity from the text is ever rendered. One line: line breaks become spaces.
pub fn escape(s: &str) -> String {
    let mut marked = String::with_capacity(s.len() + 8);
    let mut after_digit = false;
    for c in s.chars() {
        match c {
            '\n' | '\r' => marked.push(' '),
            // Left to the HTML escaper.
            '&' | '<' | '>' => marked.push(c),
            // "1." or "1)" would start an ordered list.
            '.' | ')' if after_digit => {
                marked.push('\\');
                marked.push(c);
            }
            // Punctuation that never makes structure stays readable.
            ',' | ';' | ':' | '\'' | '"' | '?' | '/' | '%' | '$' | '@' | '^' | '.' | ')' => {
                marked.push(c)
            }
            c if c.is_ascii_punctuation() => {
                marked.push('\\');
                marked.push(c);
            }
            c => marked.push(c),
        }
        after_digit = c.is_ascii_digit();
    }
    let mut out = String::with_capacity(marked.len() + 8);
    pulldown_cmark_escape::escape_html_body_text(&mut out, &marked).expect("writing to a String");
    out
}

/// A URL as a Markdown autolink, when it is one (http or https with no
/// space or angle bracket); otherwise as escaped text.
fn link(url: &str) -> String {
    let plain = (url.starts_with("https://") || url.starts_with("http://"))
        && !url.contains(|c: char| c.is_whitespace() || c == '<' || c == '>');
    if plain {
        let mut href = String::new();
        pulldown_cmark_escape::escape_href(&mut href, url).expect("writing to a String");
        format!("<{href}>")
    } else {
        escape(url)
    }
}

// Long on purpose: the report top to bottom.
pub fn render(rows: &[ExportRow]) -> String {
    let mut out = String::from("# Fact-check report\n\n");
    let claims: Vec<&ExportRow> = rows
        .iter()
        .filter(|r| r.kind == AnnotationKind::Claim)
        .collect();
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
            out.push_str(&format!("- Article: {}\n", escape(r.article)));
            if let Some(s) = r.source {
                out.push_str(&format!("- Source: {}\n", escape(s)));
            }
            if let Some(u) = r.url {
                out.push_str(&format!("- URL: {}\n", link(u)));
            }
            out.push('\n');
        }
        let head = match r.kind {
            AnnotationKind::Note => "**Note**".to_string(),
            _ => format!("**{}**", r.verdict.name().to_uppercase()),
        };
        out.push_str(&format!("### {head}: “{}”\n\n", escape(&r.target.exact)));
        if r.anchor != "exact" {
            out.push_str(&format!("*Anchor: {}.*\n\n", r.anchor));
        }
        let p = r.publishing;
        for (label, value) in [
            ("Claim", p.summary.as_str()),
            ("Said by", p.claimant.as_str()),
            ("Said on", p.said_on.as_str()),
        ] {
            if !value.is_empty() {
                out.push_str(&format!("- {label}: {}\n", escape(value)));
            }
        }
        if !p.factcheck_url.is_empty() {
            out.push_str(&format!("- Fact-check: {}\n", link(&p.factcheck_url)));
        }
        if !p.is_empty() {
            out.push('\n');
        }
        if !r.note.is_empty() {
            // A blockquote line by line; each line escaped, so "# x" in a
            // note stays text.
            for line in r.note.lines() {
                out.push_str(&format!("> {}\n", escape(line)));
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
                link(&e.reference)
            ));
        }
        // No HTML in the report at all, ours included: a renderer that
        // strips HTML shows it whole.
        out.push_str(&format!(
            "\n*{} · {}*\n\n",
            escape(r.reviewer),
            escape(&r.updated.to_string())
        ));
    }
    out
}

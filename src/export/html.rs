//! A self-contained HTML report: the summary, then every article's text with
//! its claims highlighted by verdict and their notes. No network resources;
//! readable on a phone and printable.

use super::Filter;
use crate::corpus::Corpus;
use crate::store::{Annotation, ArticleAnnotations, Kind, Verdict};

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push('\n'),
            c => out.push(crate::text::display::glyph(c)),
        }
    }
    out
}

const STYLE: &str = "
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:46rem;padding:1rem;color:#111;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2.5rem;border-top:1px solid #ccc;padding-top:1rem}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .6rem;text-align:left}
mark{padding:0 .1rem;border-radius:.2rem}
.badge{font-weight:bold;font-size:.75em;margin-right:.2em}
.v-true{background:#c8f0c8}.v-disputed{background:#fde8a8}.v-false{background:#f8c4c4}
.v-unverifiable{background:#e4d4f4}.v-unreviewed{background:#d4ecf8}.note{background:#e8e8e8}
ol.notes{font-size:.9rem}.meta{color:#555;font-size:.9rem}
@media print{body{max-width:none}h2{page-break-before:always}mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
";

fn class(a: &Annotation) -> String {
    match a.kind {
        Kind::Note => "note".into(),
        _ => format!("claim v-{}", a.verdict.name()),
    }
}

pub fn render(corpus: &Corpus, annotations: &[ArticleAnnotations], filter: &Filter) -> String {
    let mut out = String::from(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Fact-check report</title>\n<style>",
    );
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<h1>Fact-check report</h1>\n");
    let kept: Vec<Vec<&Annotation>> = annotations
        .iter()
        .map(|ann| {
            ann.file
                .annotations
                .iter()
                .filter(|a| filter.keeps(a) && a.anchor != crate::store::AnchorState::Orphaned)
                .collect()
        })
        .collect();
    let claims: Vec<&&Annotation> = kept
        .iter()
        .flatten()
        .filter(|a| a.kind == Kind::Claim)
        .collect();
    out.push_str("<table class=\"summary\">\n<tr><th>verdict</th><th>claims</th></tr>\n");
    for v in Verdict::ALL {
        out.push_str(&format!(
            "<tr><td><mark class=\"claim v-{0}\">{0}</mark></td><td>{1}</td></tr>\n",
            v.name(),
            claims.iter().filter(|a| a.verdict == v).count()
        ));
    }
    out.push_str("</table>\n");
    for (article, anns) in corpus.articles.iter().zip(&kept) {
        out.push_str(&format!(
            "<section class=\"article\" id=\"{}\">\n<h2>{}</h2>\n",
            escape(&article.id),
            escape(&article.meta.title)
        ));
        let mut meta = vec![format!("<code>{}</code>", escape(&article.id))];
        if let Some(s) = &article.meta.source {
            meta.push(escape(s));
        }
        if let Some(u) = &article.meta.url {
            meta.push(escape(u));
        }
        out.push_str(&format!("<p class=\"meta\">{}</p>\n", meta.join(" · ")));
        // Highlights in text order; one overlapping another is listed in the notes only.
        let mut marks: Vec<&Annotation> = Vec::new();
        for a in anns {
            if marks.last().is_none_or(|m| a.target.start >= m.target.end)
                && a.target.end > a.target.start
            {
                marks.push(a);
            }
        }
        let mut body = String::new();
        let mut pos = 0;
        for (n, a) in marks.iter().enumerate() {
            body.push_str(&escape(article.slice(pos, a.target.start)));
            let badge = if a.kind == Kind::Note {
                'n'
            } else {
                a.verdict.letter()
            };
            body.push_str(&format!(
                "<mark class=\"{}\" id=\"c-{id}\" title=\"{}\"><span class=\"badge\">{badge}</span>{}</mark><sup><a href=\"#n-{id}\">{}</a></sup>",
                class(a),
                if a.kind == Kind::Note { "note" } else { a.verdict.name() },
                escape(article.slice(a.target.start, a.target.end)),
                n + 1,
                id = escape(&a.id),
            ));
            pos = a.target.end;
        }
        body.push_str(&escape(article.slice(pos, article.char_len())));
        for para in body.split("\n\n").filter(|p| !p.trim().is_empty()) {
            out.push_str(&format!("<p>{}</p>\n", para.trim().replace('\n', "<br>")));
        }
        if !anns.is_empty() {
            out.push_str("<ol class=\"notes\">\n");
            for (n, a) in anns.iter().enumerate() {
                let what = if a.kind == Kind::Note {
                    "Note".to_string()
                } else {
                    a.verdict.name().to_string()
                };
                out.push_str(&format!(
                    "<li id=\"n-{}\" value=\"{}\"><b>{what}</b>: “{}”",
                    escape(&a.id),
                    n + 1,
                    escape(&a.target.exact)
                ));
                if !a.note.is_empty() {
                    out.push_str(&format!("<br>{}", escape(&a.note).replace('\n', "<br>")));
                }
                for e in &a.evidence {
                    out.push_str(&format!(
                        "<br>{}: {}",
                        e.stance.name(),
                        escape(&e.reference)
                    ));
                }
                out.push_str(&format!(
                    "<br><span class=\"meta\">{} · {}</span></li>\n",
                    escape(&a.reviewer),
                    escape(&a.updated)
                ));
            }
            out.push_str("</ol>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

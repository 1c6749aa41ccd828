//! A self-contained HTML report a newsroom editor can hand on: the corpus
//! and date, a legend, then each article with claims (as filtered) shown in
//! its text by verdict, numbered, with notes linked both ways. No network
//! resources; readable on a phone, in greyscale and in print (every verdict
//! has its letter and its own underline style, not only a colour).

use super::{Filter, Settings};
use crate::corpus::chrome::{ChromeKind, LineKind};
use crate::corpus::{Article, Corpus};
use crate::store::{AnchorState, Annotation, AnnotationKind, ArticleAnnotations, Verdict};

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push('\n'),
            c => out.push(crate::text::display::glyph(c)),
        }
    }
    out
}

/// A link only to a web page; anything else is shown as text.
fn link(url: &str) -> String {
    match crate::store::settings::web_url(url) {
        Ok(u) => format!(
            "<a href=\"{0}\" rel=\"noopener noreferrer\">{1}</a>",
            escape(u.as_str()),
            escape(url)
        ),
        Err(_) => escape(url),
    }
}

const STYLE: &str = "
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:46rem;padding:1rem;color:#111;background:#fff}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2.5rem;border-top:1px solid #ccc;padding-top:1rem}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .6rem;text-align:left}
mark{padding:0 .1rem;border-radius:.2rem;color:inherit;border-bottom:3px solid #000}
.badge{font-weight:bold;font-size:.75em;margin-right:.2em}
.v-true{background:#c8f0c8;border-bottom-style:solid}.v-disputed{background:#fde8a8;border-bottom-style:dashed}
.v-false{background:#f8c4c4;border-bottom-style:double}.v-unverifiable{background:#e4d4f4;border-bottom-style:dotted}
.v-unreviewed{background:#d4ecf8;border-bottom-width:1px}.note{background:#e8e8e8;border-bottom:1px dotted #000}
.chrome{color:#777;font-size:.85rem}ol.notes{font-size:.9rem}.meta{color:#555;font-size:.9rem}
sup a{text-decoration:none}
@media print{body{max-width:none}h2{page-break-before:always}mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}a{color:#000}}
";

fn class(a: &Annotation) -> String {
    match a.kind {
        AnnotationKind::Note => "note".into(),
        _ => format!("claim v-{}", a.verdict.name()),
    }
}

fn badge(a: &Annotation) -> char {
    if a.kind == AnnotationKind::Note {
        'n'
    } else {
        a.verdict.letter()
    }
}

/// Highlights that never overlap: in text order, one that starts inside
/// another is shown by its number only.
fn highlighted<'a>(anns: &[&'a Annotation]) -> Vec<&'a Annotation> {
    let mut marks: Vec<&Annotation> = Vec::new();
    for a in anns {
        if marks.last().is_none_or(|m| a.target.start >= m.target.end)
            && a.target.end > a.target.start
        {
            marks.push(a);
        }
    }
    marks
}

/// Where an annotation's number goes: after its last character that is not
/// white space (a span ending in a line break still gets its number shown).
fn number_at(article: &Article, a: &Annotation) -> usize {
    let (start, mut end) = (a.target.start, a.target.end.min(article.char_len()));
    while end > start + 1 && article.slice(end - 1, end).trim().is_empty() {
        end -= 1;
    }
    end
}

/// The text of `start..end` with highlights clipped to it and, after each
/// annotation's last character, its note number linking to the note.
fn span_html(
    article: &Article,
    start: usize,
    end: usize,
    anns: &[&Annotation],
    marks: &[&Annotation],
) -> String {
    let mut cuts: Vec<usize> = vec![start, end];
    for a in anns {
        for p in [a.target.start, a.target.end, number_at(article, a)] {
            if p > start && p < end {
                cuts.push(p);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::new();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let mark = marks
            .iter()
            .find(|m| m.target.start <= s && e <= m.target.end);
        match mark {
            Some(m) => {
                let first = m.target.start == s || s == start;
                out.push_str(&format!("<mark class=\"{}\"", class(m)));
                if m.target.start == s {
                    out.push_str(&format!(" id=\"c-{}\"", escape(&m.id)));
                }
                out.push_str(&format!(
                    " title=\"{}\">",
                    if m.kind == AnnotationKind::Note {
                        "note"
                    } else {
                        m.verdict.name()
                    }
                ));
                if first && m.target.start == s {
                    out.push_str(&format!("<span class=\"badge\">{}</span>", badge(m)));
                }
                out.push_str(&escape(article.slice(s, e)));
                out.push_str("</mark>");
            }
            None => out.push_str(&escape(article.slice(s, e))),
        }
        for (n, a) in anns.iter().enumerate() {
            if number_at(article, a) == e {
                out.push_str(&format!(
                    "<sup><a href=\"#n-{id}\" id=\"r-{id}\">{}</a></sup>",
                    n + 1,
                    id = escape(&a.id)
                ));
            }
        }
    }
    out
}

fn article_body(article: &Article, anns: &[&Annotation]) -> String {
    let marks = highlighted(anns);
    let mut out = String::new();
    let mut para: Vec<String> = Vec::new();
    let flush = |para: &mut Vec<String>, out: &mut String| {
        if !para.is_empty() {
            out.push_str(&format!("<p>{}</p>\n", para.concat()));
            para.clear();
        }
    };
    for (i, line) in article.lines.iter().enumerate() {
        let (start, end) = (line.start(), line.end());
        let annotated = anns
            .iter()
            .any(|a| a.target.start < end && start < a.target.end);
        match line.kind {
            LineKind::Blank => flush(&mut para, &mut out),
            // The front matter is the header above; the headline is the title.
            LineKind::Chrome(ChromeKind::FrontMatter) if !annotated => {}
            _ if article.meta.headline_line() == Some(i) && !annotated => {}
            LineKind::Chrome(_) => {
                flush(&mut para, &mut out);
                out.push_str(&format!(
                    "<p class=\"chrome\">{}</p>\n",
                    span_html(article, start, end, anns, &marks)
                ));
            }
            LineKind::Heading | LineKind::Content => {
                if !para.is_empty() {
                    let soft = i > 0 && article.lines[i - 1].joins_next;
                    para.push(if soft { " ".into() } else { "<br>".into() });
                }
                para.push(span_html(article, start, end, anns, &marks));
            }
        }
    }
    flush(&mut para, &mut out);
    // A number no rendered line could carry still leads to its note.
    let missing: String = anns
        .iter()
        .enumerate()
        .filter(|(_, a)| !out.contains(&format!("id=\"r-{}\"", escape(&a.id))))
        .map(|(n, a)| {
            format!(
                "<sup><a href=\"#n-{id}\" id=\"r-{id}\">{}</a></sup>",
                n + 1,
                id = escape(&a.id)
            )
        })
        .collect();
    if !missing.is_empty() {
        out.push_str(&format!("<p class=\"meta\">Also: {missing}</p>\n"));
    }
    out
}

fn notes(anns: &[&Annotation]) -> String {
    let mut out = String::from("<ol class=\"notes\">\n");
    for (n, a) in anns.iter().enumerate() {
        let what = if a.kind == AnnotationKind::Note {
            "Note".to_string()
        } else {
            a.verdict.name().to_string()
        };
        out.push_str(&format!(
            "<li id=\"n-{id}\" value=\"{}\"><a href=\"#r-{id}\" title=\"back to the text\">↩</a> <b>{what}</b>: “{}”",
            n + 1,
            escape(&a.target.exact),
            id = escape(&a.id),
        ));
        let p = &a.publishing;
        if !p.summary.is_empty() {
            out.push_str(&format!("<br>Claim: {}", escape(&p.summary)));
        }
        if !p.claimant.is_empty() || !p.said_on.is_empty() {
            let who = [p.claimant.as_str(), p.said_on.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .map(escape)
                .collect::<Vec<_>>()
                .join(", ");
            out.push_str(&format!("<br>Said by: {who}"));
        }
        if !a.note.is_empty() {
            out.push_str(&format!("<br>{}", escape(&a.note).replace('\n', "<br>")));
        }
        for e in &a.evidence {
            out.push_str(&format!("<br>{}: {}", e.stance.name(), link(&e.reference)));
        }
        if !p.factcheck_url.is_empty() {
            out.push_str(&format!("<br>Fact-check: {}", link(&p.factcheck_url)));
        }
        out.push_str(&format!(
            "<br><span class=\"meta\">{} · {}</span></li>\n",
            escape(&a.reviewer),
            escape(&a.updated.to_string())
        ));
    }
    out.push_str("</ol>\n");
    out
}

// Long on purpose: the report page top to bottom.
pub fn render(
    corpus: &Corpus,
    annotations: &[ArticleAnnotations],
    filter: &Filter,
    settings: &Settings,
) -> String {
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
                .filter(|a| filter.keeps(a) && a.anchor != AnchorState::Orphaned)
                .collect()
        })
        .collect();
    let claims: Vec<&&Annotation> = kept
        .iter()
        .flatten()
        .filter(|a| a.kind == AnnotationKind::Claim)
        .collect();
    let shown = kept.iter().filter(|k| !k.is_empty()).count();
    let mut about = Vec::new();
    if !settings.corpus_name.is_empty() {
        about.push(format!("Corpus <b>{}</b>", escape(&settings.corpus_name)));
    }
    if !settings.exported_on.is_empty() {
        about.push(format!("exported {}", escape(&settings.exported_on)));
    }
    if let Some(name) = &settings.publisher.name {
        about.push(format!("by {}", escape(name)));
    }
    about.push(format!(
        "{} claim(s) in {shown} of {} article(s)",
        claims.len(),
        corpus.articles.len()
    ));
    let mut filters = Vec::new();
    if let Some(v) = filter.verdict {
        filters.push(format!("verdict {}", v.name()));
    }
    if let Some(r) = &filter.reviewer {
        filters.push(format!("reviewer {}", escape(r)));
    }
    if filter.only.is_some() {
        filters.push("the rows chosen on the review screen".into());
    }
    if !filters.is_empty() {
        about.push(format!("only {}", filters.join(", ")));
    }
    out.push_str(&format!("<p class=\"meta\">{}</p>\n", about.join(" · ")));
    out.push_str(
        "<table class=\"legend\">\n<tr><th>mark</th><th>verdict</th><th>claims</th></tr>\n",
    );
    for v in Verdict::ALL {
        out.push_str(&format!(
            "<tr><td><mark class=\"claim v-{0}\"><span class=\"badge\">{1}</span>{0}</mark></td><td>{0}</td><td>{2}</td></tr>\n",
            v.name(),
            v.letter(),
            claims.iter().filter(|a| a.verdict == v).count()
        ));
    }
    out.push_str("<tr><td><mark class=\"note\"><span class=\"badge\">n</span>note</mark></td><td>a note without a verdict</td><td>");
    out.push_str(
        &kept
            .iter()
            .flatten()
            .filter(|a| a.kind == AnnotationKind::Note)
            .count()
            .to_string(),
    );
    out.push_str("</td></tr>\n</table>\n");
    for (article, anns) in corpus.articles.iter().zip(&kept) {
        if anns.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "<section class=\"article\" id=\"{}\">\n<h2>{}</h2>\n",
            escape(&article.id),
            escape(&article.meta.title)
        ));
        let mut meta = vec![format!("<code>{}</code>", escape(&article.id))];
        if let Some(s) = &article.meta.source {
            meta.push(escape(s));
        }
        if let Some(p) = &article.meta.published {
            meta.push(escape(p));
        }
        if let Some(u) = &article.meta.url {
            meta.push(link(u));
        }
        out.push_str(&format!("<p class=\"meta\">{}</p>\n", meta.join(" · ")));
        out.push_str(&article_body(article, anns));
        out.push_str(&notes(anns));
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

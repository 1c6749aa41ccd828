//! ClaimReview in the shapes it is published in, and past claimdesk
//! verdicts, as library entries.

use super::{Appearance, LibraryEntry, Rating, normalise};
use serde_json::Value;
use std::path::Path;

/// Every ClaimReview in `v`, wherever it sits (a list, an `@graph`, a
/// DataFeed's items), and the Fact Check Tools API's `claims`.
pub fn from_json(v: &Value) -> Vec<LibraryEntry> {
    let mut out = Vec::new();
    walk(v, &mut out);
    out
}

fn walk(v: &Value, out: &mut Vec<LibraryEntry>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
        Value::Object(o) => {
            if is_type(v, "ClaimReview") {
                if let Some(e) = review(v) {
                    out.push(e);
                }
                return;
            }
            // The Fact Check Tools API: {"text", "claimant", "claimReview": [...]}.
            if let (Some(text), Some(Value::Array(reviews))) =
                (str_of(v.get("text")), o.get("claimReview"))
            {
                for r in reviews {
                    out.extend(api_review(&text, v, r));
                }
                return;
            }
            o.values().for_each(|child| walk(child, out));
        }
        _ => {}
    }
}

fn is_type(v: &Value, t: &str) -> bool {
    match v.get("@type") {
        Some(Value::String(s)) => s == t || s.ends_with(&format!("/{t}")),
        Some(Value::Array(ts)) => ts.iter().any(|x| x.as_str() == Some(t)),
        _ => false,
    }
}

fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => items.iter().find_map(|i| str_of(Some(i))),
        _ => None,
    }
}

fn num_of(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A person's or organisation's name (or several, joined).
fn name_of(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Object(o)) => str_of(o.get("name")).unwrap_or_default(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| name_of(Some(i)))
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    }
}

fn review(v: &Value) -> Option<LibraryEntry> {
    let item = v.get("itemReviewed");
    let claim =
        str_of(v.get("claimReviewed")).or_else(|| item.and_then(|i| str_of(i.get("name"))))?;
    let r = v.get("reviewRating");
    let rating_name = r
        .and_then(|r| str_of(r.get("alternateName")).or_else(|| str_of(r.get("name"))))
        .or_else(|| {
            let value = r.and_then(|r| num_of(r.get("ratingValue")))?;
            let best = r.and_then(|r| num_of(r.get("bestRating")))?;
            Some(format!("{value}/{best}"))
        })?;
    let normalised = normalise(
        &rating_name,
        r.and_then(|r| num_of(r.get("ratingValue"))),
        r.and_then(|r| num_of(r.get("bestRating"))),
        r.and_then(|r| num_of(r.get("worstRating"))),
    );
    let appearance = item.and_then(|i| {
        i.get("appearance")
            .or(i.get("firstAppearance"))
            .map(|a| match a {
                Value::Array(items) => items.first().cloned().unwrap_or(Value::Null),
                other => other.clone(),
            })
    });
    let title = str_of(v.get("headline"))
        .or_else(|| str_of(v.get("name")))
        .filter(|t| *t != claim)
        .unwrap_or_default();
    Some(LibraryEntry {
        id: String::new(),
        claim,
        rating: Rating {
            name: rating_name,
            normalised,
        },
        by: name_of(v.get("author")),
        date: str_of(v.get("datePublished")).unwrap_or_default(),
        url: str_of(v.get("url")).unwrap_or_default(),
        title,
        appeared: Appearance {
            claimant: name_of(item.and_then(|i| i.get("author"))),
            url: appearance
                .as_ref()
                .and_then(|a| str_of(a.get("url")).or_else(|| a.as_str().map(str::to_string)))
                .unwrap_or_default(),
            title: appearance
                .as_ref()
                .and_then(|a| str_of(a.get("headline")).or_else(|| str_of(a.get("name"))))
                .unwrap_or_default(),
            date: item
                .and_then(|i| str_of(i.get("datePublished")))
                .unwrap_or_default(),
        },
    })
}

fn api_review(text: &str, claim: &Value, r: &Value) -> Option<LibraryEntry> {
    let rating_name = str_of(r.get("textualRating"))?;
    Some(LibraryEntry {
        id: String::new(),
        claim: text.to_string(),
        rating: Rating {
            normalised: normalise(&rating_name, None, None, None),
            name: rating_name,
        },
        by: name_of(r.get("publisher")),
        date: str_of(r.get("reviewDate")).unwrap_or_default(),
        url: str_of(r.get("url")).unwrap_or_default(),
        // The API's `title` is the fact-check's, not the page the claim
        // appeared on.
        title: str_of(r.get("title"))
            .filter(|t| t != text)
            .unwrap_or_default(),
        appeared: Appearance {
            claimant: str_of(claim.get("claimant")).unwrap_or_default(),
            url: String::new(),
            title: String::new(),
            date: str_of(claim.get("claimDate")).unwrap_or_default(),
        },
    })
}

/// The claims with a verdict in a claimdesk annotations folder.
pub fn from_annotations_folder(dir: &Path) -> Result<Vec<LibraryEntry>, String> {
    use crate::store::{AnnotationKind, Verdict};
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d)
            .map_err(|e| crate::corpus::lower_io(&e))?
            .flatten()
        {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "json") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut out = Vec::new();
    for path in files {
        // Only claimdesk's own files; anything else in the folder is not ours to read.
        let Some(article) = std::fs::read(&path)
            .ok()
            .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
            .filter(|v| {
                v.get("format").and_then(Value::as_str) == Some(crate::store::model::FORMAT_NAME)
            })
            .and_then(|v| str_of(v.get("article").and_then(|a| a.get("path"))))
        else {
            continue;
        };
        let file = match crate::store::files::load(&path, &article) {
            Ok(Some(f)) => f,
            Ok(None) => continue,
            Err(problem) => return Err(problem.0.trim_end_matches('.').to_string()),
        };
        for a in &file.annotations {
            if a.kind != AnnotationKind::Claim || a.verdict == Verdict::Unreviewed {
                continue;
            }
            let claim = if a.publishing.summary.is_empty() {
                a.target.exact.clone()
            } else {
                a.publishing.summary.clone()
            };
            out.push(LibraryEntry {
                id: String::new(),
                claim,
                rating: Rating {
                    name: a.verdict.name().to_string(),
                    normalised: match a.verdict {
                        Verdict::True => super::Normalised::True,
                        Verdict::Disputed => super::Normalised::Disputed,
                        Verdict::False => super::Normalised::False,
                        _ => super::Normalised::Unverifiable,
                    },
                },
                by: a.reviewer.clone(),
                date: a.updated.to_string(),
                url: a.publishing.factcheck_url.clone(),
                title: String::new(),
                appeared: Appearance {
                    claimant: a.publishing.claimant.clone(),
                    url: String::new(),
                    title: file.article.title.clone(),
                    date: a.publishing.said_on.clone(),
                },
            });
        }
    }
    Ok(out)
}

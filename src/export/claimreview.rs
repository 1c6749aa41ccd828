//! schema.org ClaimReview JSON-LD for each claim with a verdict, with the
//! fields fact-checkers publish (Google's ClaimReview requirements): the
//! review's own `url`, `claimReviewed` (the summary, else the quote), the
//! rating on a 1–3 scale with its name, the publisher as `author`, and the
//! reviewed `Claim` with its claimant, date and where it appeared. Working
//! notes are published only when asked (`--include-notes`).

use super::{ExportRow, Settings, iri};
use crate::store::{AnnotationKind, Verdict};
use serde_json::{Value, json};

/// The numeric scale: 1 (false) to 3 (true); unverifiable has no value.
pub const WORST: u8 = 1;
pub const BEST: u8 = 3;

pub fn rating(v: Verdict) -> Option<u8> {
    match v {
        Verdict::False => Some(1),
        Verdict::Disputed => Some(2),
        Verdict::True => Some(3),
        Verdict::Unverifiable | Verdict::Unreviewed => None,
    }
}

fn alternate_name(v: Verdict) -> &'static str {
    match v {
        Verdict::True => "True",
        Verdict::Disputed => "Disputed",
        Verdict::False => "False",
        Verdict::Unverifiable => "Unverifiable",
        Verdict::Unreviewed => "Unreviewed",
    }
}

/// The reviews this export holds: claims with a verdict.
pub fn reviewed<'r, 'a>(rows: &'r [ExportRow<'a>]) -> impl Iterator<Item = &'r ExportRow<'a>> {
    rows.iter()
        .filter(|r| r.kind == AnnotationKind::Claim && r.verdict != Verdict::Unreviewed)
}

fn author(settings: &Settings, reviewer: &str) -> Value {
    match &settings.publisher.name {
        Some(name) => {
            let mut org = json!({ "@type": "Organization", "name": name });
            if let Some(url) = &settings.publisher.url {
                org["url"] = json!(url);
            }
            org
        }
        None => json!({ "@type": "Person", "name": reviewer }),
    }
}

fn appearance(r: &ExportRow, settings: &Settings) -> Value {
    let mut work = json!({ "@type": "CreativeWork", "headline": r.title });
    if let Some(url) = iri::article_web(r.url, r.article, settings.base_url.as_ref()) {
        work["url"] = json!(url);
    }
    if let Some(date) = r.published {
        work["datePublished"] = json!(date);
    }
    if let Some(source) = r.source {
        work["publisher"] = json!({ "@type": "Organization", "name": source });
    }
    work
}

pub fn review(r: &ExportRow, settings: &Settings) -> Value {
    let mut rating_obj = json!({
        "@type": "Rating",
        "alternateName": alternate_name(r.verdict),
        "bestRating": BEST,
        "worstRating": WORST,
    });
    if let Some(v) = rating(r.verdict) {
        rating_obj["ratingValue"] = json!(v);
    }
    let p = r.publishing;
    let mut claim = json!({ "@type": "Claim", "appearance": appearance(r, settings) });
    if !p.claimant.is_empty() {
        claim["author"] = json!({ "@type": "Person", "name": p.claimant });
    }
    if !p.said_on.is_empty() {
        claim["datePublished"] = json!(p.said_on);
    }
    let claim_reviewed = if p.summary.is_empty() {
        &r.target.exact
    } else {
        &p.summary
    };
    let mut review = json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim_reviewed,
        "reviewRating": rating_obj,
        "itemReviewed": claim,
        "author": author(settings, r.reviewer),
        "datePublished": r.updated.day(),
    });
    if !p.factcheck_url.is_empty() {
        review["url"] = json!(p.factcheck_url);
    }
    if settings.include_notes && !r.note.is_empty() {
        review["reviewBody"] = json!(r.note);
    }
    review
}

pub fn render(rows: &[ExportRow], settings: &Settings) -> String {
    let reviews: Vec<Value> = reviewed(rows).map(|r| review(r, settings)).collect();
    serde_json::to_string_pretty(&reviews).expect("ClaimReview serialises") + "\n"
}

/// What a publisher should fix before publishing this export: one sentence
/// per missing field, with how many reviews lack it.
pub fn missing(rows: &[ExportRow], settings: &Settings) -> Vec<String> {
    let all: Vec<&ExportRow> = reviewed(rows).collect();
    let mut out = Vec::new();
    let count = |f: &dyn Fn(&ExportRow) -> bool| all.iter().filter(|r| f(r)).count();
    let no_url = count(&|r| r.publishing.factcheck_url.is_empty());
    if no_url > 0 {
        out.push(format!(
            "{no_url} of {} review(s) have no fact-check URL, which ClaimReview readers require (set it with p in the workbench).",
            all.len()
        ));
    }
    if !all.is_empty() && settings.publisher.name.is_none() {
        out.push(
            "No publisher is set, so each review names its reviewer as author (set [publisher] name and url in corpus.toml).".into(),
        );
    }
    let long = count(&|r| {
        let text = if r.publishing.summary.is_empty() {
            &r.target.exact
        } else {
            &r.publishing.summary
        };
        text.chars().count() > 75
    });
    if long > 0 {
        out.push(format!(
            "{long} review(s) quote more than 75 characters as claimReviewed (write a short summary with p)."
        ));
    }
    out
}

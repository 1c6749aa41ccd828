//! schema.org ClaimReview JSON-LD for each claim with a verdict.

use super::ExportRow;
use crate::store::{Kind, Verdict};
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

pub fn render(rows: &[ExportRow]) -> String {
    let reviews: Vec<Value> = rows
        .iter()
        .filter(|r| r.kind == Kind::Claim && r.verdict != Verdict::Unreviewed)
        .map(|r| {
            let mut rating_obj = json!({
                "@type": "Rating",
                "alternateName": alternate_name(r.verdict),
                "bestRating": BEST,
                "worstRating": WORST,
            });
            if let Some(v) = rating(r.verdict) {
                rating_obj["ratingValue"] = json!(v);
            }
            let appearance = r.url.unwrap_or(r.article);
            let mut review = json!({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": r.target.exact,
                "reviewRating": rating_obj,
                "itemReviewed": {
                    "@type": "Claim",
                    "appearance": { "@type": "CreativeWork", "url": appearance, "headline": r.title },
                },
                "author": { "@type": "Person", "name": r.reviewer },
                "datePublished": r.updated.get(..10).unwrap_or(r.updated),
            });
            if !r.note.is_empty() {
                review["reviewBody"] = json!(r.note);
            }
            review
        })
        .collect();
    serde_json::to_string_pretty(&reviews).expect("ClaimReview serialises") + "\n"
}

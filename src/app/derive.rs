//! Values derived from the corpus, analyses and annotations: the sidebar's
//! items and each article's progress. Recomputed per article when it changes.

use super::state::{Progress, SidebarItem};
use crate::store::{AnchorState, ArticleAnnotations, Kind, Verdict};
use crate::text::ArticleAnalysis;

/// Claims and notes in text order, plus suggestions no annotation covers.
pub fn sidebar_items(
    analysis: Option<&ArticleAnalysis>,
    annotations: &ArticleAnnotations,
) -> Vec<SidebarItem> {
    let mut items: Vec<SidebarItem> = annotations
        .file
        .annotations
        .iter()
        .filter(|a| a.kind != Kind::Dismissed)
        .map(|a| {
            let orphaned = a.anchor == AnchorState::Orphaned;
            let (start, end) = if orphaned {
                (usize::MAX, usize::MAX)
            } else {
                (a.target.start, a.target.end)
            };
            SidebarItem::Saved {
                id: a.id.clone(),
                start,
                end,
                orphaned,
            }
        })
        .collect();
    if let Some(analysis) = analysis {
        let live: Vec<(usize, usize)> = annotations
            .file
            .annotations
            .iter()
            .filter(|a| a.anchor != AnchorState::Orphaned)
            .map(|a| (a.target.start, a.target.end))
            .collect();
        for (i, s) in analysis.sentences.iter().enumerate() {
            if s.suggested() && !live.iter().any(|&(a, b)| a < s.end && s.start < b) {
                items.push(SidebarItem::Suggestion {
                    sentence: i,
                    start: s.start,
                    end: s.end,
                });
            }
        }
    }
    items.sort_by_key(|i| i.span());
    items
}

pub fn progress(analysis: Option<&ArticleAnalysis>, annotations: &ArticleAnnotations) -> Progress {
    let items = sidebar_items(analysis, annotations);
    let reviewed = annotations
        .claims()
        .filter(|a| a.verdict != Verdict::Unreviewed && a.anchor != AnchorState::Orphaned)
        .count();
    let found = items
        .iter()
        .filter(|i| match i {
            SidebarItem::Suggestion { .. } => true,
            SidebarItem::Saved { orphaned: true, .. } => false,
            SidebarItem::Saved { id, .. } => annotations
                .file
                .get(id)
                .is_some_and(|a| a.kind == Kind::Claim),
        })
        .count();
    Progress { reviewed, found }
}

/// True for items still waiting for a verdict: suggestions and unreviewed claims.
pub fn is_unreviewed(item: &SidebarItem, annotations: &ArticleAnnotations) -> bool {
    match item {
        SidebarItem::Suggestion { .. } => true,
        SidebarItem::Saved { orphaned: true, .. } => false,
        SidebarItem::Saved { id, .. } => annotations
            .file
            .get(id)
            .is_some_and(|a| a.kind == Kind::Claim && a.verdict == Verdict::Unreviewed),
    }
}

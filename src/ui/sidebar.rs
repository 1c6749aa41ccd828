//! The claims sidebar: claims and suggestions in text order with a verdict
//! badge, and everything about the selected one.

use super::theme::Theme;
use super::{clean, fit, is_focused, pane_block, span, window};
use crate::app::keymap::{Command, Section};
use crate::app::layout;
use crate::app::state::{Pane, SidebarItem, State};
use crate::store::{AnchorState, Annotation, AnnotationKind};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

fn badge<'a>(item: &SidebarItem, ann: Option<&Annotation>, theme: &Theme) -> Span<'a> {
    match (item, ann) {
        (SidebarItem::Saved { .. }, Some(a)) if a.kind == AnnotationKind::Note => {
            span("[n]", theme.note)
        }
        (SidebarItem::Saved { .. }, Some(a)) => {
            span(format!("[{}]", a.verdict.letter()), theme.badge(a.verdict))
        }
        _ => span("[?]", theme.dim),
    }
}

// Long on purpose: the claims list part of the sidebar, then Details (details_lines).
pub fn draw(frame: &mut Frame, state: &State, theme: &Theme, area: Rect) {
    let focused = is_focused(state, Pane::Sidebar);
    let (top, bottom) = layout::sidebar_split(area);
    let Some(ann) = state.current_annotations() else {
        frame.render_widget(pane_block(" Claims ", focused, theme), area);
        return;
    };
    let article = state.article();
    let claims = state
        .sidebar
        .iter()
        .filter(|i| matches!(i, SidebarItem::Saved { .. }))
        .count();
    let suggestions = state.sidebar.len() - claims;
    let title = if top.width >= 30 {
        format!(" Claims {claims} · suggested {suggestions} ")
    } else {
        format!(" Claims {claims} +{suggestions}? ")
    };
    frame.render_widget(pane_block(title, focused, theme), top);
    let inner = layout::inner(top);
    let h = inner.height as usize;
    let width = inner.width as usize;
    let offset = window(state.sidebar_offset, state.sidebar_selected, h);
    let mut lines = Vec::new();
    for (i, item) in state.sidebar.iter().enumerate().skip(offset).take(h) {
        let a = match item {
            SidebarItem::Saved { id, .. } => ann.file.get(id),
            SidebarItem::Suggestion { .. } => None,
        };
        let text = match (item, a) {
            (SidebarItem::Saved { orphaned: true, .. }, Some(a)) => {
                format!("orphaned: {}", clean(&a.target.exact))
            }
            (_, Some(a)) if a.anchor == AnchorState::Fuzzy => {
                let (s, e) = item.span();
                format!(
                    "fuzzy: {}",
                    article.map(|ar| clean(ar.slice(s, e))).unwrap_or_default()
                )
            }
            _ => {
                let (s, e) = item.span();
                article.map(|ar| clean(ar.slice(s, e))).unwrap_or_default()
            }
        };
        let style = if i == state.sidebar_selected {
            theme.selected_row
        } else {
            ratatui::style::Style::default()
        };
        lines.push(Line::from(vec![
            badge(item, a, theme),
            span(" ", style),
            span(fit(&text, width.saturating_sub(4)), style),
        ]));
    }
    if state.sidebar.is_empty() {
        let msg = if state.current_analysis().is_none() {
            "Indexing…"
        } else {
            "No claims or suggestions yet."
        };
        lines.push(Line::from(span(msg, theme.dim)));
    }
    frame.render_widget(Paragraph::new(lines), inner);

    let title = if state.details_scroll > 0 {
        format!(
            " Details ↑ {} ",
            state.keymap.key_for(Section::Main, Command::DetailsUp)
        )
    } else {
        " Details ".to_string()
    };
    frame.render_widget(pane_block(title, false, theme), bottom);
    let details = layout::inner(bottom);
    let d = details_lines(state, theme, ann, article, details);
    // About the rows the text wraps to: scrolling stops at its last screen.
    let rows: usize = d
        .iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            wrapped_rows(&text, details.width as usize)
        })
        .sum();
    let last = rows.saturating_sub(details.height as usize);
    let scroll = state.details_scroll.min(last as u16);
    frame.render_widget(
        Paragraph::new(d)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        details,
    );
}

/// What Details shows: the selected claim or suggestion (or the sentence
/// under the reader's cursor) with its note, evidence, publishing fields,
/// the other reports of the same fact and its history.
// Long on purpose: what Details shows, top to bottom.
fn details_lines<'a>(
    state: &State,
    theme: &Theme,
    ann: &crate::store::ArticleAnnotations,
    article: Option<&crate::corpus::Article>,
    details: Rect,
) -> Vec<Line<'a>> {
    // In a short pane the claim's text (also under the reader's cursor) takes
    // one line, leaving room for its notes and the other articles; scrolled
    // (J), it is shown whole.
    let quote = |text: String| {
        if details.height < 14 && state.details_scroll == 0 {
            fit(&text, details.width as usize)
        } else {
            text
        }
    };
    let mut d: Vec<Line> = Vec::new();
    if let Some(problem) = &ann.problem {
        d.push(Line::from(span(
            format!("Read-only: {problem}"),
            theme.error,
        )));
    }
    let orphans = ann
        .file
        .annotations
        .iter()
        .filter(|a| a.anchor == AnchorState::Orphaned)
        .count();
    // Outside the sidebar, Details describes the sentence under the cursor,
    // even when no claim or suggestion covers it.
    let cursor = state
        .current_analysis()
        .and_then(|a| a.sentences.get(state.reader.cursor))
        .filter(|_| state.focus != crate::app::state::Pane::Sidebar);
    let selected = state.sidebar.get(state.sidebar_selected);
    let plain_sentence = cursor.filter(|s| {
        selected.is_none_or(|i| {
            let (a, b) = i.span();
            !(a < s.end().max(s.start() + 1) && s.start() < b)
        })
    });
    if let Some(s) = plain_sentence {
        let what = if s.chrome() {
            " site chrome (v selects it to mark it anyway)"
        } else {
            " sentence, not suggested"
        };
        d.push(Line::from(vec![
            span("[ ]", theme.dim),
            span(what, theme.title),
        ]));
        if let Some(ar) = article {
            d.push(Line::from(quote(clean(ar.slice(s.start(), s.end())))));
        }
        checked_before_lines(state, theme, &mut d);
        if !s.chrome() {
            d.push(Line::from(span(
                format!("Score {:.2}: {}", s.score, reasons(s)),
                theme.dim,
            )));
            d.push(Line::from(span(
                format!(
                    "{} {} {} {}: verdict · {}: claim",
                    state.keymap.key_for(Section::Main, Command::VerdictTrue),
                    state
                        .keymap
                        .key_for(Section::Main, Command::VerdictDisputed),
                    state.keymap.key_for(Section::Main, Command::VerdictFalse),
                    state
                        .keymap
                        .key_for(Section::Main, Command::VerdictUnverifiable),
                    state.keymap.key_for(Section::Main, Command::MarkClaim)
                ),
                theme.dim,
            )));
        }
    }
    match selected.filter(|_| plain_sentence.is_none()) {
        Some(SidebarItem::Saved { id, .. }) => {
            if let Some(a) = ann.file.get(id) {
                saved_details(state, theme, article, a, &quote, &mut d);
            }
            checked_before_lines(state, theme, &mut d);
        }
        Some(SidebarItem::Suggestion {
            sentence,
            start,
            end,
        }) => {
            d.push(Line::from(vec![
                span("[?]", theme.dim),
                span(" suggested claim", theme.title),
            ]));
            if let Some(ar) = article {
                d.push(Line::from(quote(clean(ar.slice(*start, *end)))));
            }
            // What was checked before matters more than why it was suggested.
            checked_before_lines(state, theme, &mut d);
            if let Some(s) = state
                .current_analysis()
                .and_then(|a| a.sentences.get(*sentence))
            {
                d.push(Line::from(span(
                    format!("Score {:.2}: {}", s.score, reasons(s)),
                    theme.dim,
                )));
            }
            also_reported_in(state, theme, &mut d);
            d.push(Line::from(span(
                "t d f u: verdict · c: claim · x: dismiss",
                theme.dim,
            )));
        }
        None => {}
    }
    if orphans > 0 {
        d.push(Line::from(span(format!("{orphans} orphaned annotation(s), listed last: their text is gone from the article."), theme.error)));
    }
    d
}

/// The library claim the sentence matches: who rated it what, when, where.
fn checked_before_lines(state: &State, theme: &Theme, d: &mut Vec<Line>) {
    let Some((entry, m)) = crate::app::evidence::checked_before(state) else {
        return;
    };
    let by = [
        entry.by.as_str(),
        entry.date.get(..10).unwrap_or(&entry.date),
    ]
    .iter()
    .filter(|s| !s.is_empty())
    .map(|s| clean(s))
    .collect::<Vec<_>>()
    .join(", ");
    d.push(Line::from(vec![
        span("Checked before: ", theme.title),
        span(
            format!(
                "{} ({}){}",
                clean(&entry.rating.name),
                entry.rating.normalised.name(),
                if by.is_empty() {
                    String::new()
                } else {
                    format!(" by {by}")
                }
            ),
            theme.title,
        ),
    ]));
    d.push(Line::from(format!("“{}”", clean(&entry.claim))));
    // The fact-check's headline names it as its readers know it.
    if !entry.title.is_empty() {
        d.push(Line::from(span(clean(&entry.title), theme.dim)));
    }
    if !entry.url.is_empty() {
        d.push(Line::from(span(clean(&entry.url), theme.dim)));
    }
    d.push(Line::from(span(
        format!(
            "match {:.2} · {}: take this rating",
            m.score,
            state
                .keymap
                .key_for(Section::Main, Command::ApplyCheckedBefore)
        ),
        theme.dim,
    )));
}

/// Details of a saved claim or note: its text, note, publishing fields,
/// evidence, the other reports of its fact, who changed it and why it was
/// suggested.
// Long on purpose: a saved claim's details, top to bottom.
fn saved_details<'a>(
    state: &State,
    theme: &Theme,
    article: Option<&crate::corpus::Article>,
    a: &Annotation,
    quote: &dyn Fn(String) -> String,
    d: &mut Vec<Line<'a>>,
) {
    let kind = match a.kind {
        AnnotationKind::Note => "note".to_string(),
        _ => format!("claim · {}", a.verdict),
    };
    let confirms = format!(
        " ({} confirms)",
        state.keymap.key_for(Section::Main, Command::ConfirmAnchor)
    );
    d.push(Line::from(vec![
        badge(&state.sidebar[state.sidebar_selected], Some(a), theme),
        span(
            format!(
                " {kind} · anchor {}{}",
                a.anchor.name(),
                if a.anchor == AnchorState::Fuzzy {
                    confirms.as_str()
                } else {
                    ""
                }
            ),
            theme.title,
        ),
    ]));
    d.push(Line::from(quote(clean(&a.target.exact))));
    if !a.note.is_empty() {
        d.push(Line::from(span("Note:", theme.title)));
        for l in a.note.lines() {
            d.push(Line::from(span(clean(l), theme.note)));
        }
    }
    let p = &a.publishing;
    if !p.is_empty() {
        d.push(Line::from(span(
            format!(
                "Publishing ({} edits):",
                state.keymap.key_for(Section::Main, Command::Publishing)
            ),
            theme.title,
        )));
        for (label, value) in [
            ("summary", &p.summary),
            ("claimant", &p.claimant),
            ("said on", &p.said_on),
            ("fact-check", &p.factcheck_url),
        ] {
            if !value.is_empty() {
                d.push(Line::from(format!("{label}: {}", clean(value))));
            }
        }
    }
    if !a.evidence.is_empty() {
        d.push(Line::from(span("Evidence:", theme.title)));
        for e in &a.evidence {
            let mut t = format!("{} {}", e.stance.name(), clean(&e.reference));
            if !e.excerpt.is_empty() {
                t.push_str(&format!(" — “{}”", clean(&e.excerpt)));
            }
            d.push(Line::from(t));
        }
    }
    // The same fact elsewhere matters more than where this one is filed.
    also_reported_in(state, theme, d);
    if let Some(ar) = article {
        d.push(Line::from(span(
            format!("ref {}#{}", clean(&ar.id), a.id),
            theme.dim,
        )));
    }
    d.push(Line::from(span(
        format!("by {} · {}", clean(&a.reviewer), a.updated),
        theme.dim,
    )));
    if !a.history.is_empty() {
        let last = &a.history[a.history.len() - 1];
        d.push(Line::from(span(
            format!(
                "{} change(s); last: {} by {} (verdict was {})",
                a.history.len(),
                if last.change.is_unnamed() {
                    "edit"
                } else {
                    last.change.name()
                },
                clean(&last.by),
                last.verdict
            ),
            theme.dim,
        )));
    }
    if let Some(sentence) = state
        .current_analysis()
        .and_then(|an| an.sentence_at(a.target.start))
        .and_then(|i| state.current_analysis().map(|an| &an.sentences[i]))
        && !sentence.reasons().is_empty()
    {
        d.push(Line::from(span(
            format!("Why check-worthy: {}", reasons(sentence)),
            theme.dim,
        )));
    }
}

/// The same fact in other articles: relation, article, their sentence, and
/// its verdict there as context (never copied here).
// Long on purpose: one entry per link, with its agreements and differences.
fn also_reported_in(state: &State, theme: &Theme, d: &mut Vec<Line>) {
    if state.sidebar.is_empty() {
        return;
    }
    if state.links.is_none() {
        d.push(Line::from(span(
            "Also reported in: linking the corpus…",
            theme.dim,
        )));
        return;
    }
    let links = crate::app::related::current_links(state);
    if links.is_empty() {
        return;
    }
    d.push(Line::from(span(
        format!(
            "Also reported in ({}) · {} {} {}",
            links.len(),
            state.keymap.key_for(Section::Main, Command::NextLink),
            state.keymap.key_for(Section::Main, Command::PrevLink),
            state.keymap.key_for(Section::Main, Command::Open)
        ),
        theme.title,
    )));
    let chosen = crate::app::related::selected(state);
    for (i, (link, other)) in links.iter().enumerate() {
        let Some(article) = state.corpus.articles.get(other.article()) else {
            continue;
        };
        let Some(sentence) = state
            .analysis(other.article())
            .and_then(|a| a.sentences.get(other.sentence()))
        else {
            continue;
        };
        let style = if chosen == Some(i) {
            theme.selected_row
        } else {
            ratatui::style::Style::default()
        };
        let mut parts = vec![
            span(
                format!("{} ", link.relation.mark()),
                if link.relation == crate::links::Relation::Differs {
                    theme.error
                } else {
                    theme.key
                },
            ),
            span(
                format!(
                    "{} {}",
                    other.article() + 1,
                    crate::ui::fit(&clean(&article.meta.title), 24)
                ),
                theme.dim.patch(style),
            ),
        ];
        if let Some(a) = crate::app::related::annotation_at(state, *other) {
            parts.push(span(" ", style));
            parts.push(if a.kind == AnnotationKind::Note {
                span("[n]", theme.note)
            } else {
                span(format!("[{}]", a.verdict.letter()), theme.badge(a.verdict))
            });
        }
        d.push(Line::from(parts));
        d.push(Line::from(span(
            format!(
                "  “{}”",
                clean(article.slice(sentence.start(), sentence.end()))
            ),
            style,
        )));
        // Aspect by aspect: where a pair differs, what it still agrees on.
        if !link.differences().is_empty() {
            for same in link.agreements().iter() {
                d.push(Line::from(span(format!("  ≈ {}", clean(same)), theme.dim)));
            }
        }
        for why in link.differences().iter() {
            d.push(Line::from(span(format!("  ≠ {}", clean(why)), theme.error)));
        }
    }
}

fn reasons(s: &crate::text::Sentence) -> String {
    s.reasons()
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Rows a line takes when wrapped at word boundaries in `width` columns
/// (as the Details paragraph wraps it).
fn wrapped_rows(text: &str, width: usize) -> usize {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(1);
    let (mut rows, mut used) = (1, 0);
    for word in text.split(' ') {
        let w = word.width();
        if used > 0 && used + 1 + w > width {
            rows += 1;
            used = 0;
        }
        used += if used > 0 { 1 + w } else { w };
        while used > width {
            rows += 1;
            used -= width;
        }
    }
    rows
}

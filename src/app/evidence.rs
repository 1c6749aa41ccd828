//! Evidence: a URL or another annotation of the corpus attached to a claim,
//! with its stance (supports, refutes, context).

use super::action::Effect;
use super::edit::*;
use super::state::*;
use super::text_field::TextField;
use crate::store::{AnnotationKind, ChangeKind, Evidence, Stance};

pub fn open_evidence(state: &mut State) {
    if let Err(e) = editable(state, state.open_article).and_then(|_| subject(state).map(|_| ())) {
        state.message = Some(e);
        return;
    }
    state.overlay = Some(Overlay::Prompt {
        kind: PromptKind::Evidence,
        input: TextField::default(),
        stance: Stance::Supports,
        error: None,
    });
}

/// An evidence reference checked and written out in full, with the excerpt
/// to store (the quoted claim, for a reference to an annotation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedEvidence {
    pub reference: String,
    pub excerpt: String,
}

/// Checks an evidence reference: a web URL, or `article#id` of this corpus,
/// where both parts may be shortened to a unique prefix ("001#95cc").
pub fn check_evidence(state: &State, reference: &str) -> Result<CheckedEvidence, String> {
    let r = reference.trim();
    // A web address is parsed and stored encoded, as exports must write it.
    if r.contains("://") || r.starts_with("www.") {
        let url = crate::store::settings::web_url(r).map_err(|e| format!("Evidence {e}"))?;
        return Ok(CheckedEvidence {
            reference: url.to_string(),
            excerpt: String::new(),
        });
    }
    let Some((path, id)) = r.split_once('#') else {
        return Err(
            "Evidence must be a URL (https://…) or article#annotation-id from this corpus.".into(),
        );
    };
    let articles: Vec<usize> = match state.corpus.articles.iter().position(|a| a.id == path) {
        Some(i) => vec![i],
        None => (0..state.corpus.articles.len())
            .filter(|&i| !path.is_empty() && state.corpus.articles[i].id.starts_with(path))
            .collect(),
    };
    let article = match articles.as_slice() {
        [i] => *i,
        [] => return Err(format!("No article {path} in this corpus.")),
        _ => {
            return Err(format!(
                "{path} names {} articles; type more of its path.",
                articles.len()
            ));
        }
    };
    let file = &state.annotations[article].file;
    let found: Vec<&crate::store::Annotation> = match file.get(id) {
        Some(a) => vec![a],
        None => file
            .annotations
            .iter()
            .filter(|a| {
                !id.is_empty() && a.id.starts_with(id) && a.kind != AnnotationKind::Dismissed
            })
            .collect(),
    };
    match found.as_slice() {
        [a] => Ok(CheckedEvidence {
            reference: format!("{}#{}", state.corpus.articles[article].id, a.id),
            excerpt: crate::corpus::shorten(&a.target.exact, 160),
        }),
        [] => Err(format!(
            "Article {} has no annotation {id}.",
            state.corpus.articles[article].id
        )),
        _ => Err(format!(
            "{id} names {} annotations; type more of the id.",
            found.len()
        )),
    }
}

pub fn add_evidence(
    state: &mut State,
    reference: &str,
    stance: Stance,
) -> Result<Vec<Effect>, String> {
    let CheckedEvidence { reference, excerpt } = check_evidence(state, reference)?;
    let effects = try_edit_subject(
        state,
        AnnotationKind::Claim,
        ChangeKind::Evidence,
        move |a| {
            if a.evidence.iter().any(|e| e.reference == reference) {
                return Err("That evidence is already attached.".into());
            }
            if reference.ends_with(&format!("#{}", a.id)) {
                return Err("A claim cannot be its own evidence.".into());
            }
            a.evidence.push(Evidence {
                reference,
                excerpt,
                stance,
            });
            Ok(())
        },
    )?;
    if !effects.is_empty() {
        state.message = Some(format!("Evidence added ({}).", stance.name()));
    }
    Ok(effects)
}

/// The library claim the subject's sentence matches, if any.
pub fn checked_before(
    state: &State,
) -> Option<(
    &crate::library::LibraryEntry,
    &crate::library::matching::Match,
)> {
    let start = match subject(state).ok()? {
        Subject::Saved(id) => state.current_annotations()?.file.get(&id)?.target.start,
        Subject::Span(s, _) => s,
    };
    let sentence = state.current_analysis()?.sentence_at(start)?;
    state
        .checked_before
        .as_ref()?
        .at(state.open_article, sentence)
}

/// Takes the rating of the claim checked before as this claim's verdict,
/// with the published fact-check as evidence.
pub fn apply_checked_before(state: &mut State) -> Vec<Effect> {
    if state.checked_before.is_none() {
        state.message = Some(
            "No claim library is matched: add one with `claimdesk library add`, then start again."
                .into(),
        );
        return Vec::new();
    }
    let Some((entry, _)) = checked_before(state) else {
        state.message = Some("This sentence was not checked before.".into());
        return Vec::new();
    };
    let entry = entry.clone();
    let Some(verdict) = entry.rating.normalised.verdict() else {
        state.message = Some(format!(
            "Its rating “{}” is not on claimdesk's scale: give a verdict yourself.",
            entry.rating.name
        ));
        return Vec::new();
    };
    let mut effects = set_verdict(state, verdict);
    let stance = match verdict {
        crate::store::Verdict::True => Stance::Supports,
        crate::store::Verdict::False => Stance::Refutes,
        _ => Stance::Context,
    };
    let mut attached = false;
    if !entry.url.is_empty()
        && let Ok(more) = add_evidence(state, &entry.url, stance)
    {
        attached = !more.is_empty();
        effects.extend(more);
    }
    // One save for both changes: a second would find the first's file and
    // take it for another instance's.
    effects.dedup();
    let by = if entry.by.is_empty() {
        "a fact-checker".to_string()
    } else {
        entry.by.clone()
    };
    state.message = Some(format!(
        "Marked {verdict} as {by} rated it ({}){}.",
        entry.rating.name,
        if attached {
            "; their fact-check is attached as evidence"
        } else {
            ""
        }
    ));
    effects
}

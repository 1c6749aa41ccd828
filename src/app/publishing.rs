//! The publishing fields of a claim (summary, claimant, date said,
//! fact-check URL), edited one prompt after another with `p`.

use super::action::Effect;
use super::edit::*;
use super::state::*;
use super::text_field::TextField;
use crate::store::{AnnotationKind, ChangeKind, Publishing, Stance};

/// ClaimReview readers cut `claimReviewed` beyond this.
pub const SUMMARY_MAX_CHARS: usize = 75;

impl PublishField {
    pub const ALL: [PublishField; 4] = [
        PublishField::Summary,
        PublishField::Claimant,
        PublishField::SaidOn,
        PublishField::FactCheckUrl,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PublishField::Summary => "Claim summary (≤75 chars)",
            PublishField::Claimant => "Claimant: who said it",
            PublishField::SaidOn => "Date said, e.g. 2024-03-09",
            PublishField::FactCheckUrl => "Fact-check URL (https://…)",
        }
    }

    pub fn number(self) -> usize {
        Self::ALL.iter().position(|f| *f == self).unwrap_or(0) + 1
    }

    pub fn next(self) -> Option<PublishField> {
        Self::ALL.get(self.number()).copied()
    }

    /// The field's value (fields are numbered as `Publishing::NAMES` lists them).
    pub fn get(self, p: &Publishing) -> &str {
        p.field(self.number() - 1)
    }

    /// The value as stored, or why it cannot be.
    pub fn checked(self, value: &str) -> Result<String, String> {
        let v = value.trim();
        if v.is_empty() {
            return Ok(String::new());
        }
        match self {
            PublishField::Summary => {
                let n = v.chars().count();
                if n > SUMMARY_MAX_CHARS {
                    return Err(format!(
                        "A summary is at most {SUMMARY_MAX_CHARS} characters (this one has {n})."
                    ));
                }
                Ok(v.to_string())
            }
            PublishField::Claimant => Ok(v.to_string()),
            PublishField::SaidOn => crate::text::dates::parse_date(v)
                .map(|d| d.format("%Y-%m-%d").to_string())
                .ok_or_else(|| {
                    format!("{v:?} is not a date; type it as 2024-03-09 or 9 March 2024.")
                }),
            PublishField::FactCheckUrl => crate::store::settings::web_url(v)
                .map(|u| u.to_string())
                .map_err(|e| format!("The fact-check URL {e}")),
        }
    }
}

/// The publishing fields of the claim under the cursor, if it is saved.
fn current(state: &State) -> Publishing {
    match subject(state) {
        Ok(Subject::Saved(id)) => state
            .current_annotations()
            .and_then(|a| a.file.get(&id))
            .map(|a| a.publishing.clone())
            .unwrap_or_default(),
        _ => Publishing::default(),
    }
}

pub fn open(state: &mut State, field: PublishField) {
    if let Err(e) = editable(state, state.open_article).and_then(|_| subject(state).map(|_| ())) {
        state.message = Some(e);
        return;
    }
    if let Ok(Subject::Saved(id)) = subject(state)
        && state
            .current_annotations()
            .and_then(|a| a.file.get(&id))
            .is_some_and(|a| a.kind == AnnotationKind::Note)
    {
        state.message = Some("Publishing fields belong to claims; this is a note.".into());
        return;
    }
    let value = field.get(&current(state)).to_string();
    let input = TextField::new(&value);
    state.overlay = Some(Overlay::Prompt {
        kind: PromptKind::Publishing(field),
        input,
        stance: Stance::Supports,
        error: None,
    });
}

/// Saves one field (an unchanged value saves nothing) and opens the next.
pub fn save(state: &mut State, field: PublishField, value: &str) -> Result<Vec<Effect>, String> {
    let value = field.checked(value)?;
    let effects = if field.get(&current(state)) == value {
        Vec::new()
    } else {
        try_edit_subject(
            state,
            AnnotationKind::Claim,
            ChangeKind::Publishing,
            move |a| {
                if a.kind != AnnotationKind::Claim {
                    return Err("Publishing fields belong to claims; this is a note.".into());
                }
                *a.publishing.field_mut(field.number() - 1) = value;
                Ok(())
            },
        )?
    };
    match field.next() {
        Some(next) => open(state, next),
        None => state.message = Some("Publishing fields saved.".into()),
    }
    Ok(effects)
}

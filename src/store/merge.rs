//! Three-way merge of annotation files by annotation id, field by field.
//!
//! `base` is the file as this side last saw it on disk, `ours` what this side
//! holds now, `theirs` what is on disk now (or, as git's merge driver, the
//! other branch). Nothing is ever lost:
//!
//! - changes to different annotations, and to different fields of one
//!   annotation (a verdict on one side, a note on the other), both survive;
//! - when both sides changed the same field differently, the newer change
//!   wins, the other value is kept in the annotation's history, and the
//!   conflict is reported so the user who saves second can look;
//! - an edit beats a deletion;
//! - two annotations on the same span made independently (two instances
//!   marking one sentence) become one, which keeps the other's id as an
//!   alias so evidence that points at either still resolves.

use super::model::{
    AnchorState, Annotation, AnnotationFile, AnnotationKind, ChangeKind, Evidence, HistoryEntry,
    Publishing, Target,
};
use std::collections::{BTreeMap, HashMap, HashSet};

/// A field both sides changed to different values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The annotation as it stands after the merge.
    pub id: String,
    pub quote: String,
    pub field: ConflictField,
    /// The value kept (the newer change), and the one moved to history.
    pub kept: String,
    pub other: String,
    /// True when the kept value is this side's own.
    pub ours_kept: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictField {
    Verdict,
    Note,
    Kind,
    Span,
    /// One of the publishing fields (summary, claimant, said on, URL).
    Publishing,
}

impl ConflictField {
    pub fn name(self) -> &'static str {
        match self {
            ConflictField::Verdict => "verdict",
            ConflictField::Note => "note",
            ConflictField::Kind => "kind",
            ConflictField::Span => "span",
            ConflictField::Publishing => "publishing",
        }
    }
}

/// The merged file and the conflicts settled on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub file: AnnotationFile,
    pub conflicts: Vec<Conflict>,
}

/// Whether two versions differ in anything the user made.
fn same(a: &Annotation, b: &Annotation) -> bool {
    a.kind == b.kind
        && a.target == b.target
        && a.verdict == b.verdict
        && a.note == b.note
        && a.evidence == b.evidence
        && a.publishing == b.publishing
        && a.history == b.history
        && a.updated == b.updated
}

fn merge_history(a: &[HistoryEntry], b: &[HistoryEntry]) -> Vec<HistoryEntry> {
    let mut all: Vec<HistoryEntry> = a.to_vec();
    for e in b {
        if !all.contains(e) {
            all.push(e.clone());
        }
    }
    all.sort_by(|x, y| x.at.cmp(&y.at));
    all
}

/// Evidence three ways: what either side added stays, what either side
/// removed goes, in our order with their additions after.
fn merge_evidence(
    base: Option<&[Evidence]>,
    ours: &[Evidence],
    theirs: &[Evidence],
) -> Vec<Evidence> {
    let base = base.unwrap_or(&[]);
    let removed = |e: &Evidence| base.contains(e) && (!ours.contains(e) || !theirs.contains(e));
    let mut out: Vec<Evidence> = Vec::new();
    for e in ours.iter().chain(theirs) {
        if !removed(e) && !out.contains(e) {
            out.push(e.clone());
        }
    }
    out
}

/// One field three ways: the side that changed it wins; if both changed it
/// differently, the newer side wins and the pair is returned as a conflict.
fn pick<T: PartialEq + Clone>(
    base: Option<&T>,
    ours: &T,
    theirs: &T,
    theirs_newer: bool,
) -> (T, Option<(T, T)>) {
    if ours == theirs || base == Some(theirs) {
        (ours.clone(), None)
    } else if base == Some(ours) {
        (theirs.clone(), None)
    } else if theirs_newer {
        (theirs.clone(), Some((theirs.clone(), ours.clone())))
    } else {
        (ours.clone(), Some((ours.clone(), theirs.clone())))
    }
}

fn span_text(t: &Target) -> String {
    format!("{}..{}", t.start, t.end)
}

/// One annotation both sides hold, merged field by field against `base`.
// Long on purpose: one field after another, each merged three ways the same way.
fn merge_one(
    base: Option<&Annotation>,
    ours: &Annotation,
    theirs: &Annotation,
    conflicts: &mut Vec<Conflict>,
) -> Annotation {
    if same(ours, theirs) {
        return ours.clone();
    }
    if let Some(b) = base {
        if same(ours, b) {
            return theirs.clone();
        }
        if same(theirs, b) {
            return ours.clone();
        }
    }
    let theirs_newer = theirs.updated > ours.updated;
    let (newer, older) = if theirs_newer {
        (theirs, ours)
    } else {
        (ours, theirs)
    };
    let mut merged = newer.clone();
    let mut found = Vec::new();
    let (kind, c) = pick(
        base.map(|b| &b.kind),
        &ours.kind,
        &theirs.kind,
        theirs_newer,
    );
    merged.kind = kind;
    if let Some((k, o)) = c {
        found.push((ConflictField::Kind, kind_name(k), kind_name(o)));
    }
    let (target, c) = pick(
        base.map(|b| &b.target),
        &ours.target,
        &theirs.target,
        theirs_newer,
    );
    if let Some((k, o)) = &c {
        found.push((ConflictField::Span, span_text(k), span_text(o)));
    }
    merged.target = target;
    let (verdict, c) = pick(
        base.map(|b| &b.verdict),
        &ours.verdict,
        &theirs.verdict,
        theirs_newer,
    );
    merged.verdict = verdict;
    if let Some((k, o)) = c {
        found.push((
            ConflictField::Verdict,
            k.name().to_string(),
            o.name().to_string(),
        ));
    }
    let (note, c) = pick(
        base.map(|b| &b.note),
        &ours.note,
        &theirs.note,
        theirs_newer,
    );
    merged.note = note;
    if let Some((k, o)) = c {
        found.push((ConflictField::Note, k, o));
    }
    let base_p = base.map(|b| &b.publishing);
    for (i, name) in Publishing::NAMES.into_iter().enumerate() {
        let (value, c) = pick(
            base_p.map(|p| p.field(i)),
            ours.publishing.field(i),
            theirs.publishing.field(i),
            theirs_newer,
        );
        *merged.publishing.field_mut(i) = value;
        if let Some((k, o)) = c {
            found.push((
                ConflictField::Publishing,
                format!("{name}: {k}"),
                format!("{name}: {o}"),
            ));
        }
    }
    merged.evidence = merge_evidence(
        base.map(|b| b.evidence.as_slice()),
        &ours.evidence,
        &theirs.evidence,
    );
    merged.history = merge_history(&ours.history, &theirs.history);
    merged.created = [&ours.created, &theirs.created]
        .into_iter()
        .filter(|c| c.is_time() || **c != super::model::Stamp::default())
        .min()
        .cloned()
        .unwrap_or_default();
    for alias in &older.aliases {
        if !merged.aliases.contains(alias) && *alias != merged.id {
            merged.aliases.push(alias.clone());
        }
    }
    if !found.is_empty() {
        // The values that lost, as they were, so nothing the user saw is gone.
        let lost = HistoryEntry {
            at: older.updated.clone(),
            by: older.reviewer.clone(),
            verdict: older.verdict,
            note: older.note.clone(),
            change: ChangeKind::Merged,
        };
        if !merged.history.contains(&lost) {
            merged.history.push(lost);
            merged.history.sort_by(|x, y| x.at.cmp(&y.at));
        }
    }
    conflicts.extend(found.into_iter().map(|(field, kept, other)| Conflict {
        id: merged.id.clone(),
        quote: merged.target.exact.clone(),
        field,
        kept,
        other,
        ours_kept: !theirs_newer,
    }));
    merged
}

fn kind_name(k: AnnotationKind) -> String {
    match k {
        AnnotationKind::Claim => "claim",
        AnnotationKind::Note => "note",
        AnnotationKind::Dismissed => "dismissed",
    }
    .to_string()
}

/// Every alias known on any side, mapped to the id it now belongs to.
fn alias_map(sides: &[&[Annotation]]) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for side in sides {
        for a in side.iter() {
            for alias in &a.aliases {
                map.insert(alias.clone(), a.id.clone());
            }
        }
    }
    // Follow chains (a → b → c) to their end; a cycle stops where it repeats.
    let keys: Vec<String> = map.keys().cloned().collect();
    for k in keys {
        let mut seen = HashSet::from([k.clone()]);
        let mut to = map[&k].clone();
        while let Some(next) = map.get(&to) {
            if !seen.insert(to.clone()) {
                break;
            }
            to = next.clone();
        }
        map.insert(k, to);
    }
    map
}

/// One side's annotations by their current id (an annotation known by an id
/// that was since merged into another takes that one's id).
fn by_id(
    anns: &[Annotation],
    aliases: &HashMap<String, String>,
    conflicts: &mut Vec<Conflict>,
) -> BTreeMap<String, Annotation> {
    let mut out: BTreeMap<String, Annotation> = BTreeMap::new();
    for a in anns {
        let mut a = a.clone();
        if let Some(to) = aliases.get(&a.id).filter(|to| **to != a.id) {
            let old = std::mem::replace(&mut a.id, to.clone());
            a.aliases.retain(|x| *x != a.id);
            a.aliases.push(old);
        }
        match out.remove(&a.id) {
            Some(prev) => {
                let merged = merge_one(None, &prev, &a, conflicts);
                out.insert(merged.id.clone(), merged);
            }
            None => {
                out.insert(a.id.clone(), a);
            }
        }
    }
    out
}

/// Two annotations on one span, made independently, become one. The older
/// (by creation, then id) keeps its id, so both sides of a race pick the
/// same one; the other id becomes an alias. Orphans keep their old spans,
/// which say nothing about the text now, so they are left apart.
fn fold_twins(
    anns: Vec<Annotation>,
    ours: &BTreeMap<String, Annotation>,
    conflicts: &mut Vec<Conflict>,
) -> Vec<Annotation> {
    let mut out: Vec<Annotation> = Vec::with_capacity(anns.len());
    let mut at: HashMap<(usize, usize), usize> = HashMap::new();
    for a in anns {
        let key = (a.target.start, a.target.end);
        if a.anchor == AnchorState::Orphaned {
            out.push(a);
            continue;
        }
        let Some(&i) = at.get(&key) else {
            at.insert(key, out.len());
            out.push(a);
            continue;
        };
        let first = out[i].clone();
        let (keep, gone) = if (&first.created, &first.id) <= (&a.created, &a.id) {
            (first, a)
        } else {
            (a, first)
        };
        // Conflicts are told from this side's view: which of the two is ours.
        let (o, t) = if ours.contains_key(&gone.id) && !ours.contains_key(&keep.id) {
            (&gone, &keep)
        } else {
            (&keep, &gone)
        };
        let before = conflicts.len();
        let mut merged = merge_one(None, o, t, conflicts);
        merged.id = keep.id.clone();
        merged.created = keep.created.clone();
        let known = std::iter::once(&gone.id)
            .chain(&gone.aliases)
            .chain(&keep.aliases);
        for alias in known {
            if !merged.aliases.contains(alias) && *alias != merged.id {
                merged.aliases.push(alias.clone());
            }
        }
        for c in &mut conflicts[before..] {
            c.id = keep.id.clone();
        }
        out[i] = merged;
    }
    out
}

pub fn merge(
    base: Option<&AnnotationFile>,
    ours: &AnnotationFile,
    theirs: &AnnotationFile,
) -> Merged {
    let empty: &[Annotation] = &[];
    let base_anns = base.map_or(empty, |b| b.annotations.as_slice());
    let aliases = alias_map(&[base_anns, &ours.annotations, &theirs.annotations]);
    let mut conflicts = Vec::new();
    let base_by = by_id(base_anns, &aliases, &mut Vec::new());
    let ours_by = by_id(&ours.annotations, &aliases, &mut conflicts);
    let theirs_by = by_id(&theirs.annotations, &aliases, &mut conflicts);
    let mut out = Vec::new();
    for (id, o) in &ours_by {
        match (theirs_by.get(id), base_by.get(id)) {
            (Some(t), b) => out.push(merge_one(b, o, t, &mut conflicts)),
            // They deleted it: gone, unless we changed it since.
            (None, Some(b)) if same(o, b) => {}
            (None, _) => out.push(o.clone()),
        }
    }
    for (id, t) in &theirs_by {
        if ours_by.contains_key(id) {
            continue;
        }
        match base_by.get(id) {
            // We deleted it: gone, unless they changed it since.
            Some(b) if same(t, b) => {}
            _ => out.push(t.clone()),
        }
    }
    let mut file = AnnotationFile {
        annotations: fold_twins(out, &ours_by, &mut conflicts),
        ..ours.clone()
    };
    file.sort();
    Merged { file, conflicts }
}

/// Spans that carry more than one annotation (besides orphans, whose spans
/// are stale): a file written by a claimdesk before merges folded them.
pub fn twins(file: &AnnotationFile) -> Vec<(&Annotation, &Annotation)> {
    let mut seen: HashMap<(usize, usize), &Annotation> = HashMap::new();
    let mut out = Vec::new();
    for a in file
        .annotations
        .iter()
        .filter(|a| a.anchor != AnchorState::Orphaned)
    {
        match seen.get(&(a.target.start, a.target.end)) {
            Some(b) => out.push((*b, a)),
            None => {
                seen.insert((a.target.start, a.target.end), a);
            }
        }
    }
    out
}

/// A one-sentence account of a settled conflict, for the user who saved second.
pub fn describe(c: &Conflict) -> String {
    let quote: String = c.quote.chars().take(40).collect();
    let ellipsis = if c.quote.chars().count() > 40 {
        "…"
    } else {
        ""
    };
    let value = |v: &str| -> String {
        let v: String = v.chars().take(30).collect();
        if v.is_empty() {
            "empty".into()
        } else {
            format!("\"{v}\"")
        }
    };
    if c.ours_kept {
        format!(
            "Another claimdesk also changed the {} of \"{quote}{ellipsis}\" to {}; yours, {}, is newer and kept, theirs is in its history.",
            c.field.name(),
            value(&c.other),
            value(&c.kept)
        )
    } else {
        format!(
            "Another claimdesk changed the {} of \"{quote}{ellipsis}\" to {} after you; yours, {}, is in its history.",
            c.field.name(),
            value(&c.kept),
            value(&c.other)
        )
    }
}

#[cfg(test)]
mod tests;

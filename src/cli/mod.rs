//! The non-interactive commands: they load a corpus and print a report.

use crate::corpus::{self, Corpus};
use crate::export;
use crate::store::{self, AnnotationKind, ArticleAnnotations, Verdict};
use crate::text::{self, ArticleAnalysis};
use serde::Serialize;
use std::path::{Path, PathBuf};

mod check;
mod claims;
mod matches;

pub use check::check;
pub use claims::{claims, claims_each};

pub use matches::{matches, matches_each};

/// A loaded corpus with its annotations, as every command starts from.
pub struct Workspace {
    pub corpus: Corpus,
    pub annotations_dir: PathBuf,
    pub annotations: Vec<ArticleAnnotations>,
    /// Progress of the long steps; drawn on stderr only when it is a
    /// terminal (`show_progress`), hidden otherwise.
    pub progress: indicatif::ProgressBar,
}

impl Workspace {
    /// Shows progress bars on stderr if it is a terminal.
    pub fn show_progress(&mut self) {
        self.progress =
            indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
    }

    fn step(&self, what: &'static str, len: usize) {
        self.progress.reset();
        self.progress.set_length(len as u64);
        self.progress.set_style(
            indicatif::ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} articles")
                .expect("a valid template"),
        );
        self.progress.set_message(what);
    }
}

pub fn open(corpus_dir: &Path, annotations_dir: Option<&Path>) -> Result<Workspace, String> {
    open_with(corpus_dir, annotations_dir, corpus::Links::InsideCorpus)
}

/// `open`, choosing which links to article files are followed.
/// The annotations folder: the one given, else the corpus's default.
pub fn annotations_dir_for(corpus_dir: &Path, given: Option<&Path>) -> Result<PathBuf, String> {
    let dir = given
        .map(Path::to_path_buf)
        .unwrap_or_else(|| store::default_annotations_dir(corpus_dir));
    if dir.exists() && !dir.is_dir() {
        return Err(format!(
            "the annotations path {} is not a directory.",
            dir.display()
        ));
    }
    Ok(dir)
}

/// Every article's annotations, anchored; an article not read yet gets an
/// empty placeholder, filled when it is read.
pub fn load_annotations(dir: &Path, corpus: &corpus::Corpus) -> Vec<store::ArticleAnnotations> {
    use rayon::prelude::*;
    let folder = store::ListedFolder::new(dir);
    // Each file is read and anchored on its own: on both cores.
    corpus
        .articles
        .par_iter()
        .map(|a| {
            if a.pending {
                folder.not_read_yet()
            } else {
                folder.load(a)
            }
        })
        .collect()
}

pub fn open_with(
    corpus_dir: &Path,
    annotations_dir: Option<&Path>,
    links: corpus::Links,
) -> Result<Workspace, String> {
    let corpus = corpus::load_with(corpus_dir, links).map_err(|e| e.to_string())?;
    let annotations_dir = annotations_dir_for(corpus_dir, annotations_dir)?;
    let annotations = load_annotations(&annotations_dir, &corpus);
    Ok(Workspace {
        corpus,
        annotations_dir,
        annotations,
        progress: indicatif::ProgressBar::hidden(),
    })
}

pub fn export(
    ws: &Workspace,
    format: export::Format,
    verdict: Option<Verdict>,
    reviewer: Option<String>,
    settings: &export::Settings,
) -> String {
    export::render_with(
        &ws.corpus,
        &ws.annotations,
        &export::Filter {
            verdict,
            reviewer,
            only: None,
        },
        format,
        settings,
    )
}

/// What a publisher should fix before publishing a ClaimReview export.
pub fn claimreview_warnings(
    ws: &Workspace,
    verdict: Option<Verdict>,
    reviewer: Option<String>,
    settings: &export::Settings,
) -> Vec<String> {
    let filter = export::Filter {
        verdict,
        reviewer,
        only: None,
    };
    let rows = export::rows(&ws.corpus, &ws.annotations, &filter);
    export::claimreview::missing(&rows, settings)
}

#[derive(Serialize, Default)]
struct ArticleStats<'a> {
    article: &'a str,
    title: &'a str,
    found: usize,
    reviewed: usize,
    verdicts: std::collections::BTreeMap<&'static str, usize>,
    notes: usize,
    orphaned: usize,
}

/// Every article's sentences, from the index cache at `cache` where it has
/// them (slim: spans, flags and scores), analysed on all cores where not;
/// the cache is brought up to date.
pub fn cached_analyses(ws: &Workspace, cache: Option<&Path>) -> Vec<ArticleAnalysis> {
    use rayon::prelude::*;
    let version = text::cache::program_version();
    let mut index = cache
        .map(|p| text::cache::IndexCache::load(p, &version))
        .unwrap_or_default();
    // Each entry is parsed as it is asked for: on every core.
    let found: Vec<Option<ArticleAnalysis>> = ws
        .corpus
        .articles
        .par_iter()
        .map(|a| index.get(a))
        .collect();
    let missing = found.iter().filter(|f| f.is_none()).count();
    if missing > 0 {
        ws.step("analysing", missing);
    }
    let analyses: Vec<ArticleAnalysis> = found
        .into_par_iter()
        .zip(&ws.corpus.articles)
        .map(|(cached, article)| {
            cached.unwrap_or_else(|| {
                let analysis = text::analyse(article);
                ws.progress.inc(1);
                analysis
            })
        })
        .collect();
    ws.progress.finish_and_clear();
    if let Some(path) = cache {
        for (article, analysis) in ws.corpus.articles.iter().zip(&analyses) {
            if !analysis.slim {
                index.put(article, analysis);
            }
        }
        index.save(path, &version, &ws.corpus.articles);
    }
    analyses
}

/// `stats`: counts per verdict and per article, and overall progress.
/// Sentence spans come from the index cache when `cache` has them.
pub fn stats(ws: &Workspace, json: bool, cache: Option<&Path>) -> String {
    let mut per_article = Vec::new();
    let mut totals: std::collections::BTreeMap<&'static str, usize> =
        Verdict::ALL.iter().map(|v| (v.name(), 0)).collect();
    let (mut found, mut reviewed) = (0, 0);
    let progress: Vec<crate::app::state::Progress> = cached_analyses(ws, cache)
        .iter()
        .zip(&ws.annotations)
        .map(|(analysis, ann)| crate::app::derive::progress(Some(analysis), ann))
        .collect();
    for ((article, ann), p) in ws.corpus.articles.iter().zip(&ws.annotations).zip(progress) {
        let mut verdicts = std::collections::BTreeMap::new();
        for a in ann.claims() {
            *verdicts.entry(a.verdict.name()).or_insert(0) += 1;
            *totals.entry(a.verdict.name()).or_insert(0) += 1;
        }
        found += p.found;
        reviewed += p.reviewed;
        per_article.push(ArticleStats {
            article: &article.id,
            title: &article.meta.title,
            found: p.found,
            reviewed: p.reviewed,
            verdicts,
            notes: ann
                .file
                .annotations
                .iter()
                .filter(|a| a.kind == AnnotationKind::Note)
                .count(),
            orphaned: ann
                .file
                .annotations
                .iter()
                .filter(|a| a.anchor == store::AnchorState::Orphaned)
                .count(),
        });
    }
    if json {
        #[derive(Serialize)]
        struct All<'a> {
            articles: usize,
            found: usize,
            reviewed: usize,
            verdicts: std::collections::BTreeMap<&'static str, usize>,
            per_article: Vec<ArticleStats<'a>>,
        }
        let all = All {
            articles: per_article.len(),
            found,
            reviewed,
            verdicts: totals,
            per_article,
        };
        return serde_json::to_string_pretty(&all).expect("stats serialise") + "\n";
    }
    let pct = (reviewed * 100).checked_div(found).unwrap_or(0);
    let mut s = format!(
        "{} articles · {reviewed}/{found} claims reviewed ({pct}%)\n",
        per_article.len()
    );
    let counts: Vec<String> = totals.iter().map(|(k, v)| format!("{k} {v}")).collect();
    s.push_str(&format!("verdicts: {}\n\n", counts.join(" · ")));
    for a in &per_article {
        let v: Vec<String> = a.verdicts.iter().map(|(k, n)| format!("{k} {n}")).collect();
        s.push_str(&format!(
            "{:>4}/{:<4} {}  {}\n",
            a.reviewed,
            a.found,
            a.article,
            if v.is_empty() {
                String::new()
            } else {
                format!("({})", v.join(", "))
            }
        ));
    }
    s
}

#[derive(Serialize)]
struct LinkEnd<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct LinkOut<'a> {
    a: LinkEnd<'a>,
    b: LinkEnd<'a>,
    relation: &'static str,
    score: f32,
    shared: crate::links::Phrases<'a>,
    #[serde(skip_serializing_if = "crate::links::Phrases::is_empty")]
    agreements: crate::links::Phrases<'a>,
    #[serde(skip_serializing_if = "crate::links::Phrases::is_empty")]
    differences: crate::links::Phrases<'a>,
}

/// `links`: every cross-article link once, with both ends.
pub fn links(ws: &mut Workspace, json: bool) -> String {
    let mut out = String::new();
    let _ = links_each(ws, None, json, &mut |piece| {
        out.push_str(piece);
        Ok(())
    });
    out
}

/// Parts the corpus is described in when its texts are parked as it goes:
/// each part waits for its slowest article, so not many.
const PARK_PARTS: usize = 8;

/// Links written in this many pieces at most: each piece is built, written
/// and dropped, and the listing is never held whole.
const LINKS_PER_PIECE: usize = 4096;

/// `links` handed to `write` piece by piece. Each article is analysed,
/// described for linking and its analysis slimmed at once: the corpus's full
/// analyses are never held together. With `park_in`, a folder, the texts
/// are parked there (see `corpus::parked`) once described, so that they
/// leave the heap while linking, which reads none of them. A failed write
/// stops it.
pub fn links_each(
    ws: &mut Workspace,
    park_in: Option<&Path>,
    json: bool,
    write: &mut dyn FnMut(&str) -> Result<(), String>,
) -> Result<(), String> {
    let n = ws.corpus.articles.len();
    ws.step("analysing", n);
    let mut described = crate::links::DescribedCorpus::default();
    let mut spans = Vec::with_capacity(n);
    // A part at a time, each part's texts parked once described: they are
    // never all on the heap beside the descriptions.
    let part = if park_in.is_some() {
        n.div_ceil(PARK_PARTS).max(1)
    } else {
        n.max(1)
    };
    for from in (0..n).step_by(part) {
        let range = from..n.min(from + part);
        spans.extend(described.describe(&ws.corpus.articles, range.clone(), || ws.progress.inc(1)));
        if let Some(dir) = park_in {
            let parked = ws.corpus.park_range(dir, range);
            ws.corpus.take_parked(parked);
        }
    }
    let index = described.link();
    ws.progress.finish_and_clear();
    let ws = &*ws;
    let end = |r: crate::links::SentenceRef| {
        let a = &ws.corpus.articles[r.article()];
        let s = &spans[r.article()].sentences[r.sentence()];
        LinkEnd {
            article: &a.id,
            start: s.start(),
            end: s.end(),
            text: a.slice(s.start(), s.end()),
        }
    };
    let piece = |chunk: &[crate::links::Link]| -> String {
        let out: Vec<LinkOut> = chunk
            .iter()
            .map(|l| LinkOut {
                a: end(l.a),
                b: end(l.b),
                relation: l.relation.name(),
                score: l.score,
                shared: l.shared(),
                agreements: l.agreements(),
                differences: l.differences(),
            })
            .collect();
        if json {
            return claims::json_elements(&out);
        }
        let mut s = String::new();
        for l in &out {
            s.push_str(&format!(
                "{} {:.2} {}:{}-{} ~ {}:{}-{}\n  A: {}\n  B: {}\n  shared: {}\n",
                l.relation,
                l.score,
                l.a.article,
                l.a.start,
                l.a.end,
                l.b.article,
                l.b.start,
                l.b.end,
                crate::ui::clean(l.a.text),
                crate::ui::clean(l.b.text),
                l.shared.join("; ")
            ));
            if !l.agreements.is_empty() {
                s.push_str(&format!("  agrees: {}\n", l.agreements.join("; ")));
            }
            if !l.differences.is_empty() {
                s.push_str(&format!("  differs: {}\n", l.differences.join("; ")));
            }
        }
        s
    };
    // Written out on every core, a few pieces at a time, and written here in
    // order (on one core it was the last sixth of a second of `links`).
    use rayon::prelude::*;
    let pieces: Vec<&[crate::links::Link]> = index.links.chunks(LINKS_PER_PIECE).collect();
    let at_once = 2 * rayon::current_num_threads().max(1);
    for (g, group) in pieces.chunks(at_once).enumerate() {
        let texts: Vec<String> = group.par_iter().map(|chunk| piece(chunk)).collect();
        for (k, text) in texts.iter().enumerate() {
            if json {
                for part in claims::json_piece(g == 0 && k == 0, text) {
                    write(part)?;
                }
            } else {
                write(text)?;
            }
        }
    }
    match (json, index.links.is_empty()) {
        (true, true) => write("[]\n"),
        (true, false) => write("\n]\n"),
        (false, _) => write(&format!("{} links.\n", index.links.len())),
    }
}

/// `merge-file BASE OURS THEIRS`: git's merge driver (`%O %A %B`) for
/// annotation files. Merges by annotation id and writes the result over OURS.
/// Returns Ok(true) when merged; Ok(false) for a conflict it cannot settle
/// (two different articles, or a side that is not an annotation file), in
/// which case OURS gets git's conflict markers, which `check` reports.
pub fn merge_file(base: &Path, ours: &Path, theirs: &Path) -> Result<bool, String> {
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|e| {
            format!(
                "cannot read {}: {}.",
                p.display(),
                crate::corpus::lower_io(&e)
            )
        })
    };
    let parse = |text: &str| -> Option<store::AnnotationFile> {
        let v: serde_json::Value = serde_json::from_str(text).ok()?;
        let version = v.get("version")?.as_u64()?;
        // Either side may still be version 1: it migrates as it is read.
        let readable = u64::from(store::OLDEST_READABLE_VERSION)..=u64::from(store::FORMAT_VERSION);
        (v.get("format")?.as_str()? == store::FORMAT_NAME && readable.contains(&version))
            .then(|| serde_json::from_value::<store::AnnotationFile>(v).ok())
            .flatten()
            .map(|mut f| {
                f.version = store::FORMAT_VERSION;
                f
            })
    };
    let (ours_text, theirs_text) = (read(ours)?, read(theirs)?);
    let base_text = std::fs::read_to_string(base).unwrap_or_default();
    let base_file = parse(&base_text);
    match (parse(&ours_text), parse(&theirs_text)) {
        (Some(o), Some(t)) if o.article.path == t.article.path => {
            let merged = store::merge::merge(base_file.as_ref(), &o, &t).file;
            store::write_atomic(ours, merged.to_json().as_bytes())?;
            Ok(true)
        }
        _ => {
            let marked = format!("<<<<<<< ours\n{ours_text}=======\n{theirs_text}>>>>>>> theirs\n");
            store::write_atomic(ours, marked.as_bytes())?;
            Ok(false)
        }
    }
}

pub use crate::store::agreement::cohens_kappa;
use crate::store::agreement::{Pair, matched};

/// `agree`: two reviewers' folders compared, claim by claim.
pub fn agree(corpus: &Corpus, dir_a: &Path, dir_b: &Path) -> Result<String, String> {
    for d in [dir_a, dir_b] {
        if !d.is_dir() {
            return Err(format!(
                "{} is not a directory of annotation files.",
                d.display()
            ));
        }
    }
    let mut pairs = Vec::new();
    let (mut only_a, mut only_b) = (0, 0);
    let mut problems = Vec::new();
    let files: Vec<(ArticleAnnotations, ArticleAnnotations)> = corpus
        .articles
        .iter()
        .map(|a| (store::load_article(dir_a, a), store::load_article(dir_b, a)))
        .collect();
    for ((fa, fb), article) in files.iter().zip(&corpus.articles) {
        for f in [fa, fb] {
            if let Some(p) = &f.problem {
                problems.push(p.0.clone());
            }
        }
        let (p, a, b) = matched(&article.id, &fa.file.annotations, &fb.file.annotations);
        pairs.extend(p);
        only_a += a;
        only_b += b;
    }
    if !problems.is_empty() {
        return Err(problems.join(" "));
    }
    // Only claims both reviewers judged count towards agreement.
    let judged: Vec<&Pair> = pairs
        .iter()
        .filter(|p| p.a != Verdict::Unreviewed && p.b != Verdict::Unreviewed)
        .collect();
    let verdicts: Vec<(Verdict, Verdict)> = judged.iter().map(|p| (p.a, p.b)).collect();
    let agreeing = verdicts.iter().filter(|(a, b)| a == b).count();
    let mut s = format!(
        "{} claims in both folders ({} only in {}, {} only in {}); {} judged by both.\n",
        pairs.len(),
        only_a,
        dir_a.display(),
        only_b,
        dir_b.display(),
        judged.len()
    );
    match cohens_kappa(&verdicts) {
        Some(k) => s.push_str(&format!(
            "percent agreement: {:.1}%\nCohen's kappa: {k:.3}\n",
            100.0 * agreeing as f64 / judged.len() as f64
        )),
        None => s.push_str("No claim was judged by both reviewers: nothing to compare.\n"),
    }
    let disagreements: Vec<&&Pair> = judged.iter().filter(|p| p.a != p.b).collect();
    if !disagreements.is_empty() {
        s.push_str(&format!("\n{} disagreement(s):\n", disagreements.len()));
        for p in disagreements {
            s.push_str(&format!(
                "{}:{} “{}”: {} against {}\n",
                p.article,
                p.start,
                crate::ui::clean(&crate::corpus::shorten(p.quote, 80)),
                p.a,
                p.b
            ));
        }
    }
    Ok(s)
}

//! `claims`: the check-worthy sentences of the corpus, with why, as text or JSON.

use super::Workspace;
use crate::corpus;
use crate::store::{Annotation, AnnotationKind, ArticleAnnotations};
use crate::text::{self, ArticleAnalysis};
use serde::Serialize;
use std::path::Path;
use std::sync::Mutex;

#[derive(Serialize)]
struct ReasonOut {
    feature: &'static str,
    evidence: String,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    score: f32,
    reasons: Vec<ReasonOut>,
    suggested: bool,
    chrome: bool,
    quantities: &'a [text::quantity::Quantity],
    entities: &'a [text::entities::Entity],
    annotation: Option<&'a Annotation>,
}

fn overlapping(ann: &ArticleAnnotations, s: usize, e: usize) -> Option<&Annotation> {
    ann.file
        .annotations
        .iter()
        .find(|a| a.kind != AnnotationKind::Dismissed && a.overlaps(s, e))
}

/// `claims`: every candidate (suggested or saved) or, with `all`, every
/// sentence; sentence spans and scores from the index cache at `cache` where
/// it has them.
pub fn claims(ws: &Workspace, json: bool, all: bool, cache: Option<&Path>) -> String {
    let mut out = String::new();
    let _ = claims_each(ws, json, all, cache, &mut |piece| {
        out.push_str(piece);
        Ok(())
    });
    out
}

/// Articles a core takes at a time: enough that handing the pieces over
/// costs little (one article at a time, waking the writer 20,000 times cost
/// a sixth of the time), few enough that the cores finish close together.
const BATCH: usize = 32;

/// `claims` handed to `write` piece by piece, in corpus order, as it is
/// made: the listing, which can be a hundred megabytes, is never held
/// whole, and neither are the corpus's analyses. A failed write stops it.
///
/// An article the index cache at `cache` has is not split into sentences
/// again, and only the sentences listed are weighed (a third of them, where
/// every sentence was); the others are analysed and added to the cache, so
/// a second listing of the same corpus does half the work.
///
/// Each core takes the next batch of articles not yet taken, so the cores
/// finish together and the pieces come nearly in order; this thread writes
/// them as they come. (Chunks of 1,024 analysed in turn left a core idle at
/// the end of each chunk and while the chunk was written.)
pub fn claims_each(
    ws: &Workspace,
    json: bool,
    all: bool,
    cache: Option<&Path>,
    write: &mut dyn FnMut(&str) -> Result<(), String>,
) -> Result<(), String> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    ws.step("analysing", ws.corpus.articles.len());
    let articles = &ws.corpus.articles;
    let version = text::cache::program_version();
    let mut index = cache
        .map(|p| text::cache::IndexCache::load(p, &version))
        .unwrap_or_default();
    let analysed: Mutex<Vec<text::cache::CacheEntry>> = Mutex::default();
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (index_ref, analysed_ref) = (&index, &analysed);
    let piece_of = |i: usize| {
        let (article, ann) = (&articles[i], &ws.annotations[i]);
        let analysis = match index_ref.get(article) {
            Some(mut slim) => {
                text::fill_details(article, &mut slim, |s| {
                    all || s.suggested() || overlapping(ann, s.start(), s.end()).is_some()
                });
                slim
            }
            None => {
                let analysis = text::analyse(article);
                if cache.is_some() {
                    // Written out here, on every core, not in turn at the end.
                    let entry = text::cache::IndexCache::entry(article, &analysis);
                    let mut fresh = analysed_ref.lock().unwrap_or_else(|e| e.into_inner());
                    fresh.push(entry);
                }
                analysis
            }
        };
        let out = sentences_out(article, &analysis, ann, all);
        ws.progress.inc(1);
        if json {
            json_elements(&out)
        } else {
            out.iter().map(claim_line).collect()
        }
    };
    let (send, receive) = std::sync::mpsc::channel::<(usize, Vec<String>)>();
    let written = std::thread::scope(|scope| {
        scope.spawn(|| {
            rayon::scope(|workers| {
                for _ in 0..rayon::current_num_threads() {
                    let send = send.clone();
                    let (next, stop) = (&next, &stop);
                    workers.spawn(move |_| {
                        while !stop.load(Ordering::Relaxed) {
                            let from = next.fetch_add(BATCH, Ordering::Relaxed);
                            let to = articles.len().min(from + BATCH);
                            if from >= to {
                                break;
                            }
                            let pieces: Vec<String> = (from..to).map(piece_of).collect();
                            if send.send((from, pieces)).is_err() {
                                break;
                            }
                        }
                    });
                }
            });
            drop(send);
        });
        let result = write_in_order(receive, json, write);
        // A failed write: the workers stop before their next batch.
        stop.store(true, Ordering::Relaxed);
        result
    })?;
    ws.progress.finish_and_clear();
    if let Some(path) = cache {
        for entry in analysed.into_inner().unwrap_or_else(|e| e.into_inner()) {
            index.insert(entry);
        }
        index.save(path, &version, articles);
    }
    match (json, written) {
        (true, 0) => write("[]\n"),
        (true, _) => write("\n]\n"),
        _ => Ok(()),
    }
}

/// Writes the batches of pieces that arrive (keyed by their first
/// article), each once those before it are written; returns how many pieces
/// were not empty.
fn write_in_order(
    batches: std::sync::mpsc::Receiver<(usize, Vec<String>)>,
    json: bool,
    write: &mut dyn FnMut(&str) -> Result<(), String>,
) -> Result<usize, String> {
    let mut waiting: std::collections::BTreeMap<usize, Vec<String>> = Default::default();
    let (mut due, mut written) = (0usize, 0usize);
    for (from, pieces) in batches {
        waiting.insert(from, pieces);
        while let Some(pieces) = waiting.remove(&due) {
            due += pieces.len();
            // A batch in one write: standard output, flushed at each line
            // end, made a system call of every piece and comma.
            let mut batch = String::with_capacity(pieces.iter().map(|p| p.len() + 2).sum());
            for piece in pieces.iter().filter(|p| !p.is_empty()) {
                if json {
                    for part in json_piece(written == 0, piece) {
                        batch.push_str(part);
                    }
                } else {
                    batch.push_str(piece);
                }
                written += 1;
            }
            if !batch.is_empty() {
                write(&batch)?;
            }
        }
    }
    Ok(written)
}

/// The sentences of one article that `claims` lists.
fn sentences_out<'a>(
    article: &'a corpus::Article,
    analysis: &'a ArticleAnalysis,
    ann: &'a ArticleAnnotations,
    all: bool,
) -> Vec<SentenceOut<'a>> {
    let mut out = Vec::new();
    for s in &analysis.sentences {
        let saved = overlapping(ann, s.start(), s.end());
        let dismissed = ann
            .file
            .annotations
            .iter()
            .any(|a| a.kind == AnnotationKind::Dismissed && a.overlaps(s.start(), s.end()));
        let suggested = s.suggested() && !dismissed;
        if !all && !suggested && saved.is_none() {
            continue;
        }
        out.push(SentenceOut {
            article: &article.id,
            start: s.start(),
            end: s.end(),
            text: article.slice(s.start(), s.end()),
            score: (s.score * 100.0).round() / 100.0,
            reasons: s
                .reasons()
                .iter()
                .map(|r| ReasonOut {
                    feature: r.feature.label(),
                    evidence: r.evidence.clone(),
                })
                .collect(),
            suggested,
            chrome: s.chrome(),
            quantities: s.quantities(),
            entities: s.entities(),
            annotation: saved,
        });
    }
    out
}

/// The pretty-printed JSON array of `out` without its closing line: "[",
/// then each element on its own indented lines, as `to_string_pretty`
/// writes the whole array. Pieces join into one array as the first piece,
/// then each next one with its "[" written as "," (`json_piece`),
/// then "\n]": no piece is shifted or copied to drop its bracket.
pub(super) fn json_elements<T: Serialize>(out: &[T]) -> String {
    if out.is_empty() {
        return String::new();
    }
    let mut array = serde_json::to_string_pretty(out).expect("claims serialise");
    array.truncate(array.len() - "\n]".len());
    array
}

/// A piece of `json_elements` as it goes into the array, the `first` or a
/// later one: its opening "[" or a separating ",", then the piece past its "[".
pub(super) fn json_piece(first: bool, piece: &str) -> [&str; 2] {
    [if first { "[" } else { "," }, &piece[1..]]
}

/// One claim in the human-readable listing.
fn claim_line(s: &SentenceOut) -> String {
    let mark = match s.annotation {
        Some(a) if a.kind == AnnotationKind::Note => "n".to_string(),
        Some(a) => a.verdict.letter().to_string(),
        None if s.suggested => "?".into(),
        None if s.chrome => "#".into(),
        None => " ".into(),
    };
    let reasons: Vec<String> = s
        .reasons
        .iter()
        .map(|r| {
            if r.evidence.is_empty() {
                r.feature.to_string()
            } else {
                format!("{} ({})", r.feature, r.evidence)
            }
        })
        .collect();
    format!(
        "[{mark}] {}:{}-{} {:.2} {}\n      {}\n",
        s.article,
        s.start,
        s.end,
        s.score,
        crate::ui::clean(s.text),
        reasons.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_are_laid_out_as_the_whole_array_pretty_printed() {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let corpus = corpus::load(&seeds).unwrap();
        let article = &corpus.articles[0];
        let analysis = text::analyse(article);
        let none = crate::store::not_read_yet(std::path::Path::new("/nonexistent"));
        let out = sentences_out(article, &analysis, &none, true);
        assert!(out.len() > 5);
        let whole = serde_json::to_string_pretty(&out).unwrap();
        assert_eq!(format!("{}\n]", json_elements(&out)), whole);
        // Two pieces join into the array of both.
        let joined = [
            json_piece(true, &json_elements(&out[..2])),
            json_piece(false, &json_elements(&out[2..])),
        ]
        .concat()
        .concat();
        assert_eq!(format!("{joined}\n]"), whole);
    }

    fn batches(sent: Vec<(usize, Vec<&str>)>) -> std::sync::mpsc::Receiver<(usize, Vec<String>)> {
        let (send, receive) = std::sync::mpsc::channel();
        for (from, pieces) in sent {
            send.send((from, pieces.into_iter().map(String::from).collect()))
                .unwrap();
        }
        receive
    }

    #[test]
    fn batches_finished_out_of_order_are_written_in_corpus_order() {
        // The second core finished articles 2–3 before the first finished
        // 0–1; article 4 had nothing to list.
        let arrived = batches(vec![
            (2, vec!["[\nc", "[\nd"]),
            (4, vec![""]),
            (0, vec!["[\na", "[\nb"]),
        ]);
        let mut out = String::new();
        let written = write_in_order(arrived, true, &mut |p| {
            out.push_str(p);
            Ok(())
        });
        assert_eq!(written, Ok(4));
        assert_eq!(out, "[\na,\nb,\nc,\nd");
    }

    #[test]
    fn a_failed_write_stops_the_listing_with_its_reason() {
        let arrived = batches(vec![(0, vec!["a"]), (1, vec!["b"]), (2, vec!["c"])]);
        let mut calls = 0;
        let written = write_in_order(arrived, false, &mut |_| {
            calls += 1;
            if calls == 2 {
                Err("the pipe was closed".into())
            } else {
                Ok(())
            }
        });
        assert_eq!(written, Err("the pipe was closed".to_string()));
        assert_eq!(calls, 2, "nothing is written after the failure");
    }

    #[test]
    fn a_failed_write_stops_the_workers_and_returns() {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let ws = super::super::open(&seeds, Some(std::path::Path::new("/nonexistent"))).unwrap();
        let result = claims_each(&ws, true, true, None, &mut |_| Err("no room left".into()));
        assert_eq!(result, Err("no room left".to_string()));
        let mut whole = String::new();
        claims_each(&ws, true, true, None, &mut |p| {
            whole.push_str(p);
            Ok(())
        })
        .unwrap();
        let listed: Vec<serde_json::Value> = serde_json::from_str(&whole).unwrap();
        let articles: Vec<&str> = listed
            .iter()
            .map(|s| s["article"].as_str().unwrap())
            .collect();
        let mut in_order = articles.clone();
        in_order.sort();
        assert_eq!(articles, in_order, "sentences come in corpus order");
        assert!(articles.len() > 20);
    }
}

//! Benchmarks on a generated corpus of 10,000 articles (about 30 MB):
//! loading the list, indexing (segment + score), one frame, one saved verdict.
//!
//! `cargo bench` runs them all; `cargo bench -- frame` one group.
//! `cargo bench -- real20k` runs the real-shaped 20,000-article corpus
//! (`support/realistic.rs`): first frame, index on 1 and 2 threads, link,
//! `stats` cold and from the index cache, memory per corpus byte.

#[path = "support/realistic.rs"]
mod realistic;

/// Counts heap bytes in use and their peak, so memory figures are the
/// program's own, whatever else this process did before.
struct CountingAlloc;

static HEAP_NOW: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static HEAP_PEAK: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

// SAFETY: every call is passed to the system allocator unchanged; only the
// counters are added.
unsafe impl std::alloc::GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        use std::sync::atomic::Ordering::Relaxed;
        let now = HEAP_NOW.fetch_add(layout.size(), Relaxed) + layout.size();
        HEAP_PEAK.fetch_max(now, Relaxed);
        unsafe { std::alloc::System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        HEAP_NOW.fetch_sub(layout.size(), std::sync::atomic::Ordering::Relaxed);
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

fn heap_now() -> usize {
    HEAP_NOW.load(std::sync::atomic::Ordering::Relaxed)
}

/// Resets the peak to what is in use now.
fn heap_peak_reset() {
    HEAP_PEAK.store(heap_now(), std::sync::atomic::Ordering::Relaxed);
}

fn heap_peak() -> usize {
    HEAP_PEAK.load(std::sync::atomic::Ordering::Relaxed)
}

use chrono::{TimeZone, Utc};
use claimdesk::app::keymap::{Command, Keymap};
use claimdesk::app::keys::{Key, KeyPress};
use claimdesk::app::state::Clock;
use claimdesk::app::{self, Action, Options};
use claimdesk::{cli, corpus, store, text, tui};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

const ARTICLES: usize = 10_000;
const TARGET_CHARS: usize = 3_000;

/// Builds the corpus once per run: seed paragraphs rotated and re-numbered so
/// that no two articles are the same, spread over 100 sub-directories.
fn generated_corpus() -> &'static Path {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = DIR.get_or_init(|| {
        let seeds =
            corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")).expect("seeds");
        let paragraphs: Vec<Vec<&str>> = seeds
            .articles
            .iter()
            .map(|a| {
                a.text
                    .split("\n\n")
                    .filter(|p| !p.trim().is_empty())
                    .collect()
            })
            .collect();
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("corpus");
        let mut total = 0;
        for i in 0..ARTICLES {
            let source = &paragraphs[i % paragraphs.len()];
            let mut text = format!(
                "Generated story {i}: police report on seizure number {}\n\n",
                i * 7 % 1000
            );
            let mut k = i;
            while text.len() < TARGET_CHARS {
                let p = source[k % source.len()];
                let renumbered: String = p
                    .chars()
                    .map(|c| {
                        if let Some(d) = c.to_digit(10) {
                            char::from_digit((d + i as u32) % 10, 10).unwrap_or(c)
                        } else {
                            c
                        }
                    })
                    .collect();
                text.push_str(&renumbered);
                text.push_str("\n\n");
                k += 3;
            }
            let sub = root.join(format!("{:02}", i % 100));
            std::fs::create_dir_all(&sub).unwrap();
            std::fs::write(sub.join(format!("{i:05}.txt")), &text).unwrap();
            total += text.len();
        }
        eprintln!(
            "generated {ARTICLES} articles, {:.1} MB",
            total as f64 / 1e6
        );
        (dir, root)
    });
    path
}

fn state_for(root: &Path, annotations: &Path) -> app::State {
    let ws = cli::open(root, Some(annotations)).expect("corpus opens");
    state_of(ws.corpus, ws.annotations, annotations)
}

/// As the workbench starts: only the first screen's articles read.
fn first_screen_state(root: &Path, annotations: &Path) -> app::State {
    let files = corpus::CorpusFiles::discover(root, corpus::Links::InsideCorpus).unwrap();
    let shown = files.read_first_screen(None);
    let loaded = cli::load_annotations(annotations, &shown);
    state_of(shown, loaded, annotations)
}

fn state_of(
    corpus: corpus::Corpus,
    loaded: Vec<claimdesk::store::ArticleAnnotations>,
    annotations: &Path,
) -> app::State {
    app::init(
        Arc::new(corpus),
        loaded,
        Options {
            corpus_name: "generated".into(),
            annotations_dir: annotations.to_path_buf(),
            export_dir: annotations.to_path_buf(),
            export_settings: Default::default(),
            index_cache: None,
            library: None,
            reviewer: "bench".into(),
            keymap: Keymap::defaults(),
            clock: Clock::Fixed(Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap()),
            color: true,
            size: (160, 48),
            session: None,
            id_salt: 7,
        },
    )
}

fn benches(c: &mut Criterion) {
    let root = generated_corpus();
    let bytes: u64 = corpus::discover(root)
        .unwrap()
        .iter()
        .map(|(_, p)| std::fs::metadata(p).unwrap().len())
        .sum();

    let mut g = c.benchmark_group("load");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("corpus_list_10k", |b| {
        b.iter(|| corpus::load(root).unwrap())
    });
    let annotations = tempfile::tempdir().unwrap();
    // Up to the first frame: corpus, annotation files and the state, no indexing.
    g.bench_function("open_to_first_frame_10k", |b| {
        b.iter(|| {
            let state = state_for(root, annotations.path());
            let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
            terminal.draw(|f| claimdesk::ui::draw(f, &state)).unwrap();
        })
    });
    g.finish();

    let loaded = corpus::load(root).unwrap();

    // Re-anchoring: three claims per article, then every article corrected
    // (a paragraph added at the top, a word changed) and re-anchored.
    let files: Vec<store::AnnotationFile> = loaded
        .articles
        .iter()
        .map(|a| {
            let sentences = text::sentences::split_article(a);
            let mut f = store::AnnotationFile::new(&a.id, &a.sha256.hex(), "t");
            for (k, pick) in [
                sentences.len() / 10,
                sentences.len() / 2,
                sentences.len() * 9 / 10,
            ]
            .into_iter()
            .enumerate()
            {
                if let Some(s) = sentences.get(pick) {
                    f.annotations.push(store::Annotation {
                        id: format!("a{k}"),
                        kind: store::AnnotationKind::Claim,
                        target: store::make_target(a, s.start, s.end),
                        verdict: store::Verdict::Disputed,
                        note: String::new(),
                        evidence: Vec::new(),
                        publishing: Default::default(),
                        reviewer: "bench".into(),
                        created: Default::default(),
                        updated: Default::default(),
                        history: Vec::new(),
                        aliases: Vec::new(),
                        anchor: store::AnchorState::Exact,
                    });
                }
            }
            f
        })
        .collect();
    let changed: Vec<corpus::Article> = loaded
        .articles
        .iter()
        .map(|a| {
            let text = format!(
                "Correction: an earlier version misstated a figure.\n\n{}",
                a.text.replacen(" the ", " a ", 3)
            );
            corpus::Article::from_bytes(a.id.clone(), text.as_bytes())
        })
        .collect();
    let mut g = c.benchmark_group("anchor");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(12))
        .sampling_mode(criterion::SamplingMode::Flat);
    g.bench_function("reanchor_all_10k_changed", |b| {
        b.iter(|| {
            let mut report = store::AnchorReport::default();
            for (f, a) in files.iter().zip(&changed) {
                let mut f = f.clone();
                let r = store::anchor_file(&mut f, a);
                report.moved += r.moved;
                report.fuzzy += r.fuzzy;
                report.orphaned += r.orphaned;
            }
            report
        })
    });
    g.finish();
    let mut report = store::AnchorReport::default();
    for (f, a) in files.iter().zip(&changed) {
        let r = store::anchor_file(&mut f.clone(), a);
        report.moved += r.moved;
        report.fuzzy += r.fuzzy;
        report.orphaned += r.orphaned;
    }
    eprintln!(
        "re-anchoring {} annotations: {report:?}",
        files.iter().map(|f| f.annotations.len()).sum::<usize>()
    );
    let mut g = c.benchmark_group("index");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(12))
        .sampling_mode(criterion::SamplingMode::Flat);
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("segment_and_score_10k", |b| {
        b.iter(|| {
            loaded
                .articles
                .iter()
                .map(text::analyse)
                .map(|a| a.sentences.len())
                .sum::<usize>()
        })
    });
    let all_text: Vec<&str> = loaded.articles.iter().map(|a| a.text.as_str()).collect();
    g.bench_function("sentencex_alone_10k", |b| {
        b.iter(|| {
            all_text
                .iter()
                .map(|t| sentencex::segment("en", t).len())
                .sum::<usize>()
        })
    });
    g.finish();

    // Linking: time for the whole corpus, and memory at growing sizes.
    let analyses_all: Vec<text::ArticleAnalysis> =
        loaded.articles.iter().map(text::analyse).collect();
    for n in [2_500, 5_000, ARTICLES] {
        let refs: Vec<&text::ArticleAnalysis> = analyses_all[..n].iter().collect();
        let before = rss_kib();
        let t = std::time::Instant::now();
        let index = claimdesk::links::link(&loaded.articles[..n], &refs);
        let took = t.elapsed();
        let after = rss_kib();
        let differs = index
            .links
            .iter()
            .filter(|l| l.relation == claimdesk::links::Relation::Differs)
            .count();
        eprintln!(
            "linking {n} articles: {:.2} s, {} links ({differs} differs), resident memory +{} MiB while the index lives",
            took.as_secs_f64(),
            index.links.len(),
            after.saturating_sub(before) / 1024
        );
    }
    let refs: Vec<&text::ArticleAnalysis> = analyses_all.iter().collect();
    let mut g = c.benchmark_group("links");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(20))
        .sampling_mode(criterion::SamplingMode::Flat);
    g.bench_function("link_10k", |b| {
        b.iter(|| claimdesk::links::link(&loaded.articles, &refs).links.len())
    });
    g.finish();
    drop(refs);
    drop(analyses_all);

    // A state with every article indexed, as after the background indexer finished.
    let mut state = state_for(root, annotations.path());
    for (i, a) in state.corpus.clone().articles.iter().enumerate() {
        tui::dispatch(
            &mut state,
            Action::Indexed {
                article: i,
                analysis: Arc::new(text::analyse(a)),
            },
        );
    }
    tui::dispatch(&mut state, Action::Resize(160, 48));
    let mut g = c.benchmark_group("frame");
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    g.bench_function("render_main_160x48", |b| {
        b.iter(|| {
            terminal
                .draw(|f| claimdesk::ui::draw(f, &state))
                .unwrap()
                .area
                .width
        })
    });
    let mut small = Terminal::new(TestBackend::new(80, 24)).unwrap();
    g.bench_function("render_main_80x24", |b| {
        b.iter(|| {
            small
                .draw(|f| claimdesk::ui::draw(f, &state))
                .unwrap()
                .area
                .width
        })
    });
    tui::dispatch(&mut state, Action::Command(Command::Review));
    g.bench_function("render_review_160x48", |b| {
        b.iter(|| {
            terminal
                .draw(|f| claimdesk::ui::draw(f, &state))
                .unwrap()
                .area
                .width
        })
    });
    tui::dispatch(&mut state, Action::Command(Command::Back));
    g.finish();

    // A verdict and its undo: two updates, two atomic writes with fsync, on a
    // file that stays the same size (re-marking one claim forever would grow
    // its history without bound and measure that instead).
    let mut g = c.benchmark_group("save");
    g.sample_size(50);
    tui::dispatch(&mut state, Action::Command(Command::Down));
    g.bench_function("verdict_then_undo_two_saves_10k", |b| {
        b.iter(|| {
            tui::dispatch(&mut state, Action::Command(Command::VerdictDisputed));
            tui::dispatch(&mut state, Action::Command(Command::Undo));
        })
    });
    g.finish();
}

/// Resident memory of this process, from /proc (0 where there is none).
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// The review screen with 100,000 annotations: one keystroke in its text
/// filter (type a letter, then erase it), the rows rebuilt each time.
fn review_100k(c: &mut Criterion) {
    let root = generated_corpus();
    let annotations = tempfile::tempdir().unwrap();
    let mut state = state_for(root, annotations.path());
    let verdicts = [
        store::Verdict::True,
        store::Verdict::Disputed,
        store::Verdict::False,
        store::Verdict::Unverifiable,
    ];
    for i in 0..state.annotations.len() {
        let article = state.corpus.articles[i].clone();
        let sentences = text::sentences::split_article(&article);
        for (k, s) in sentences.iter().step_by(2).take(10).enumerate() {
            state.annotations[i].file.upsert(store::Annotation {
                id: format!("{i}-{k}"),
                kind: store::AnnotationKind::Claim,
                target: store::make_target(&article, s.start, s.end),
                verdict: verdicts[(i + k) % 4],
                note: if k % 3 == 0 {
                    format!("checked against source {k}")
                } else {
                    String::new()
                },
                evidence: Vec::new(),
                publishing: Default::default(),
                reviewer: ["ana", "ben", "chloe"][k % 3].into(),
                created: Default::default(),
                updated: format!("2026-11-{:02}T10:00:00Z", 1 + k).into(),
                history: Vec::new(),
                aliases: Vec::new(),
                anchor: store::AnchorState::Exact,
            });
        }
    }
    tui::dispatch(&mut state, Action::Command(Command::Review));
    eprintln!(
        "review screen: {} annotations, {} rows",
        state.review.total,
        state.review.rows.len()
    );
    tui::dispatch(&mut state, Action::Command(Command::Search));
    let mut g = c.benchmark_group("review");
    g.sample_size(20);
    let mut flip = false;
    g.bench_function("filter_keystroke_100k", |b| {
        b.iter(|| {
            flip = !flip;
            let key = if flip {
                KeyPress::ch('x')
            } else {
                KeyPress::plain(Key::Backspace)
            };
            tui::dispatch(&mut state, Action::Input(key));
            state.review.rows.len()
        })
    });
    g.finish();
}

/// One article holding 100,000 annotations (a bulk import, a long-running
/// desk): opening it to the first frame, one cursor move redrawn, `stats`.
fn one_article_100k(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    let annotations = dir.path().join("annotations");
    std::fs::create_dir_all(&root).unwrap();
    let mut body = String::from("Ports report record seizures\n\n");
    for i in 0..3_000 {
        body.push_str(&format!(
            "Police said {i} tons of cocaine were seized at the port on Monday. "
        ));
        if i % 10 == 9 {
            body.push_str("\n\n");
        }
    }
    std::fs::write(root.join("a.txt"), &body).unwrap();
    let loaded = corpus::load(&root).unwrap();
    let article = &loaded.articles[0];
    let mut file =
        store::AnnotationFile::new(&article.id, &article.sha256.hex(), &article.meta.title);
    file.annotations = (0..100_000)
        .map(|i| {
            let start = 40 + (i / 5) * 9;
            store::Annotation {
                id: format!("id{i:06}"),
                kind: store::AnnotationKind::Claim,
                target: store::make_target(article, start, start + 1 + i % 5),
                verdict: store::Verdict::ALL[i % 5],
                note: String::new(),
                evidence: Vec::new(),
                publishing: Default::default(),
                reviewer: "bulk".into(),
                created: Default::default(),
                updated: Default::default(),
                history: Vec::new(),
                aliases: Vec::new(),
                anchor: store::AnchorState::Exact,
            }
        })
        .collect();
    file.sort();
    std::fs::create_dir_all(&annotations).unwrap();
    std::fs::write(annotations.join("a.json"), file.to_json()).unwrap();
    let open = || {
        let mut state = state_for(&root, &annotations);
        let analysis = Arc::new(text::analyse(&state.corpus.articles[0]));
        tui::dispatch(
            &mut state,
            Action::Indexed {
                article: 0,
                analysis,
            },
        );
        state
    };
    let mut g = c.benchmark_group("one_article_100k");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("open_to_first_frame", |b| {
        b.iter(|| {
            let state = open();
            let mut t = Terminal::new(TestBackend::new(160, 48)).unwrap();
            t.draw(|f| claimdesk::ui::draw(f, &state)).unwrap();
        })
    });
    let mut state = open();
    let mut t = Terminal::new(TestBackend::new(160, 48)).unwrap();
    let mut down = true;
    g.bench_function("cursor_move_and_frame", |b| {
        b.iter(|| {
            down = !down;
            let key = KeyPress::plain(if down { Key::Down } else { Key::Up });
            if let Some(action) = app::key_to_action(&state, key) {
                tui::dispatch(&mut state, action);
            }
            t.draw(|f| claimdesk::ui::draw(f, &state)).unwrap();
        })
    });
    g.bench_function("stats", |b| {
        b.iter(|| {
            let ws = cli::open(&root, Some(&annotations)).unwrap();
            cli::stats(&ws, false, None).len()
        })
    });
    g.finish();
}

/// The real-shaped corpus: 20,000 articles of varied real sentences with
/// syndicated copies (about 30 MB).
fn real_20k(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bytes = realistic::write(&root, 20_000, manifest, 42) as u64;
    eprintln!(
        "real-shaped corpus: 20000 articles, {:.1} MB",
        bytes as f64 / 1e6
    );
    let annotations = tempfile::tempdir().unwrap();

    let mut g = c.benchmark_group("real20k");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(15))
        .sampling_mode(criterion::SamplingMode::Flat);
    g.throughput(Throughput::Bytes(bytes));
    // As the workbench opens: the first screen's articles, the rest read behind it.
    g.bench_function("open_to_first_frame", |b| {
        b.iter(|| {
            let state = first_screen_state(&root, annotations.path());
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
            terminal.draw(|f| claimdesk::ui::draw(f, &state)).unwrap();
        })
    });
    // Every article read first, as before the first screen was read alone.
    g.bench_function("open_whole_corpus_to_frame", |b| {
        b.iter(|| {
            let state = state_for(&root, annotations.path());
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
            terminal.draw(|f| claimdesk::ui::draw(f, &state)).unwrap();
        })
    });
    // Heap in use after each step, in bytes per corpus byte.
    let base = heap_now();
    let loaded = corpus::load(&root).unwrap();
    let loaded_heap = heap_now() - base;
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        g.bench_function(format!("index_{threads}_thread"), |b| {
            b.iter(|| pool.install(|| text::analyse_all(&loaded.articles).len()))
        });
    }
    let analyses = text::analyse_all(&loaded.articles);
    let analysed_heap = heap_now() - base;
    let refs: Vec<&text::ArticleAnalysis> = analyses.iter().collect();
    g.bench_function("link", |b| {
        b.iter(|| claimdesk::links::link(&loaded.articles, &refs).links.len())
    });
    heap_peak_reset();
    let index = claimdesk::links::link(&loaded.articles, &refs);
    let link_peak = heap_peak() - base;
    let slim: Vec<text::ArticleAnalysis> = analyses.iter().map(|a| a.slim()).collect();
    drop(refs);
    drop(analyses);
    let stems_kept_heap = heap_now() - base;
    // As the workbench does once linked: every thread lets go of its stems.
    text::events::forget_stems();
    rayon::broadcast(|_| text::events::forget_stems());
    let settled_heap = heap_now() - base;
    // As the workbench does once linked: the texts parked in a cache file.
    let mut loaded = loaded;
    let park_dir = tempfile::tempdir().unwrap();
    let parked = loaded.park(park_dir.path());
    loaded.take_parked(parked);
    let parked_heap = heap_now() - base;
    let per_byte = |heap: usize| heap as f64 / bytes as f64;
    eprintln!(
        "real20k heap per corpus byte: corpus loaded {:.1}, + full analyses {:.1}, peak while linking {:.1}, with the threads' stems still kept {:.1}, settled as the workbench keeps it (corpus + slim analyses + {} links) {:.1}, its texts parked {:.1}",
        per_byte(loaded_heap),
        per_byte(analysed_heap),
        per_byte(link_peak),
        per_byte(stems_kept_heap),
        index.links.len(),
        per_byte(settled_heap),
        per_byte(parked_heap)
    );
    drop(slim);
    drop(index);
    let ws = cli::open(&root, Some(annotations.path())).unwrap();
    g.bench_function("stats_cold", |b| {
        b.iter(|| cli::stats(&ws, false, None).len())
    });
    let cache = tempfile::tempdir().unwrap();
    let cache_file = cache.path().join("index.json");
    cli::stats(&ws, false, Some(&cache_file));
    g.bench_function("stats_from_index_cache", |b| {
        b.iter(|| cli::stats(&ws, false, Some(&cache_file)).len())
    });
    g.bench_function("stats_command_with_load_from_cache", |b| {
        b.iter(|| {
            let ws = cli::open(&root, Some(annotations.path())).unwrap();
            cli::stats(&ws, false, Some(&cache_file)).len()
        })
    });
    // `claims --json` as the command lists: every article analysed, or
    // the sentence spans and scores taken from the index cache.
    let listed = |cache: Option<&Path>| {
        let mut bytes = 0usize;
        cli::claims_each(&ws, true, false, cache, &mut |piece| {
            bytes += piece.len();
            Ok(())
        })
        .unwrap();
        bytes
    };
    g.bench_function("claims_json", |b| b.iter(|| listed(None)));
    g.bench_function("claims_json_from_index_cache", |b| {
        b.iter(|| listed(Some(&cache_file)))
    });
    g.finish();
}

/// Has it been checked before: a library of 100,000 claims (sentences of a
/// generated real-shaped corpus, with ratings) against its articles.
fn matching(c: &mut Criterion) {
    use claimdesk::library::matching::MatchIndex;
    use claimdesk::library::{LibraryEntry, Normalised, Rating};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    realistic::write(&root, 10_000, manifest, 7);
    let loaded = corpus::load(&root).unwrap();
    let ratings = [
        ("False", Normalised::False),
        ("Mostly True", Normalised::Disputed),
        ("True", Normalised::True),
        ("Unproven", Normalised::Unverifiable),
    ];
    // The claims come from another 20,000 articles of the same shape: real
    // sentences with other figures, names and places.
    let claims_root = dir.path().join("claims");
    realistic::write(&claims_root, 20_000, manifest, 8);
    let claim_articles = corpus::load(&claims_root).unwrap();
    let mut seen = std::collections::HashSet::new();
    let entries: Vec<LibraryEntry> = claim_articles
        .articles
        .iter()
        .flat_map(|a| {
            a.text
                .split(". ")
                .map(str::trim)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|s| s.split_whitespace().count() >= 8 && seen.insert(s.clone()))
        .take(100_000)
        .enumerate()
        .map(|(i, claim)| LibraryEntry {
            id: format!("{i:016x}"),
            claim,
            rating: Rating {
                name: ratings[i % 4].0.into(),
                normalised: ratings[i % 4].1,
            },
            by: "Bench Checks".into(),
            date: "2024-01-01".into(),
            url: format!("https://checks.example/{i}"),
            title: String::new(),
            appeared: Default::default(),
        })
        .collect();
    eprintln!(
        "matching: {} library claims, {} articles",
        entries.len(),
        loaded.articles.len()
    );
    let mut g = c.benchmark_group("matching");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(20))
        .sampling_mode(criterion::SamplingMode::Flat);
    g.bench_function("index_library", |b| {
        b.iter(|| MatchIndex::build(entries.clone()).len())
    });
    let base = heap_now();
    let index = MatchIndex::build(entries.clone());
    eprintln!(
        "matching: index of {} claims holds {:.1} MB besides the claims",
        index.len(),
        (heap_now() - base) as f64 / 1e6
            - entries
                .iter()
                .map(|e| e.claim.len() + e.url.len() + 120)
                .sum::<usize>() as f64
                / 1e6
    );
    let articles = &loaded.articles[..1000];
    let sentences: usize = articles
        .iter()
        .map(|a| text::analyse(a).sentences.len())
        .sum();
    g.throughput(Throughput::Elements(sentences as u64));
    g.bench_function("match_1k_articles", |b| {
        b.iter(|| {
            use rayon::prelude::*;
            articles
                .par_iter()
                .map(|a| {
                    // The workbench's path: every content sentence, and each
                    // paragraph of several.
                    let analysis = text::analyse(a);
                    claimdesk::library::matching::sentence_matches(
                        &index,
                        a,
                        &analysis,
                        5,
                        claimdesk::library::matching::SHOWN_FROM,
                    )
                    .len()
                })
                .sum::<usize>()
        })
    });
    // The library grown by 1,000 claims since the articles were matched:
    // each is matched against those alone, its other matches cached.
    let grown = MatchIndex::deferred(entries.clone());
    let added: Vec<bool> = (0..entries.len())
        .map(|i| i + 1000 >= entries.len())
        .collect();
    assert!(grown.prepare_added(&added));
    g.bench_function("match_1k_articles_against_1k_added_claims", |b| {
        b.iter(|| {
            use rayon::prelude::*;
            articles
                .par_iter()
                .map(|a| {
                    let analysis = text::analyse(a);
                    claimdesk::library::matching::sentence_matches_among(
                        &grown,
                        a,
                        &analysis,
                        5,
                        claimdesk::library::matching::SHOWN_FROM,
                        claimdesk::library::matching::Among::Added,
                    )
                    .len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(
    pipeline,
    benches,
    review_100k,
    one_article_100k,
    real_20k,
    matching
);
criterion_main!(pipeline);

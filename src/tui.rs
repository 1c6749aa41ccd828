//! The shell: terminal setup and restore, the event loop, the background
//! indexer, and the effects (saving) that `update` asks for.

use crate::app::keys::{Key, KeyPress};
use crate::app::{self, Action, Effect, MouseInput, State};
use crate::corpus::{Corpus, CorpusFiles};
use crate::signals::StopSignals;
use crate::text;
use crossterm::event::{
    self, Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// Converts a crossterm key event; releases and unknown keys give `None`.
pub fn key_press(ev: &crossterm::event::KeyEvent) -> Option<KeyPress> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let key = match ev.code {
        KeyCode::Char(c) => Key::Char(if ev.modifiers.contains(KeyModifiers::CONTROL) {
            c.to_ascii_lowercase()
        } else {
            c
        }),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => Key::BackTab,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::F(n) => Key::F(n),
        _ => return None,
    };
    Some(KeyPress {
        key,
        ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
        alt: ev.modifiers.contains(KeyModifiers::ALT),
    })
}

pub fn event_to_action(state: &State, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) => key_press(&k).and_then(|k| app::key_to_action(state, k)),
        Event::Mouse(m) => {
            let (col, row) = (m.column, m.row);
            match m.kind {
                MouseEventKind::Down(MouseButton::Left) => {
                    Some(Action::Mouse(MouseInput::Click { col, row }))
                }
                MouseEventKind::ScrollUp => Some(Action::Mouse(MouseInput::ScrollUp { col, row })),
                MouseEventKind::ScrollDown => {
                    Some(Action::Mouse(MouseInput::ScrollDown { col, row }))
                }
                _ => None,
            }
        }
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Paste(s) => Some(Action::Paste(s)),
        _ => None,
    }
}

/// Writes one article's annotation file and reports the result as an action.
pub fn perform_save(state: &State, article: usize) -> Action {
    if state.corpus.articles[article].pending {
        // Its annotations are not read yet: writing would replace them.
        let result = Err("the article is still being read".to_string());
        return Action::Saved { article, result };
    }
    let result = crate::store::save(&state.annotations[article], &state.corpus.articles[article]);
    Action::Saved { article, result }
}

/// Writes the chosen rows to `path`.
pub fn perform_export(
    state: &State,
    format: crate::export::Format,
    ids: Vec<String>,
    path: std::path::PathBuf,
    replace: bool,
) -> Action {
    let n = ids.len();
    let path = match path.strip_prefix("~") {
        Ok(rest) => {
            std::env::var_os("HOME").map_or(path.clone(), |h| std::path::Path::new(&h).join(rest))
        }
        Err(_) => path,
    };
    let filter = crate::export::Filter {
        only: Some(ids.iter().cloned().collect()),
        ..Default::default()
    };
    let settings = crate::export::Settings {
        exported_on: chrono::Local::now().format("%Y-%m-%d").to_string(),
        ..state.export_settings.clone()
    };
    let text = crate::export::render_with(
        &state.corpus,
        &state.annotations,
        &filter,
        format,
        &settings,
    );
    let protected = crate::export::output::Protected {
        corpus: &state.corpus.root,
        annotations: &state.annotations_dir,
    };
    match crate::export::output::write(&path, text.as_bytes(), replace, &protected) {
        Ok(()) => Action::Exported(Ok((path, n))),
        Err(crate::export::output::Refused::Exists(path)) => {
            Action::ExportWouldReplace { path, format, ids }
        }
        Err(e) => Action::Exported(Err(e.to_string())),
    }
}

/// Reads a second reviewer's annotation files for the review screen.
pub fn perform_load_compare(state: &State, dir: std::path::PathBuf) -> Action {
    if !dir.is_dir() {
        return Action::CompareLoaded(Err(format!(
            "{} is not a folder of annotation files.",
            dir.display()
        )));
    }
    use rayon::prelude::*;
    let folder = crate::store::ListedFolder::new(&dir);
    let files = state
        .corpus
        .articles
        .par_iter()
        .map(|a| folder.load(a))
        .collect();
    Action::CompareLoaded(Ok((dir, files)))
}

pub fn perform_reload(state: &State, article: usize) -> Action {
    let result =
        crate::store::refresh(&state.annotations[article], &state.corpus.articles[article]);
    Action::Reloaded { article, result }
}

/// Runs an action and every action its effects lead to.
pub fn dispatch(state: &mut State, action: Action) {
    let mut queue = VecDeque::from([action]);
    while let Some(action) = queue.pop_front() {
        let now = state.clock.instant();
        for effect in app::update(state, action, now) {
            match effect {
                Effect::Save(article) => queue.push_back(perform_save(state, article)),
                Effect::Reload(article) => queue.push_back(perform_reload(state, article)),
                Effect::Export {
                    format,
                    ids,
                    path,
                    replace,
                } => queue.push_back(perform_export(state, format, ids, path, replace)),
                Effect::LoadCompare(dir) => queue.push_back(perform_load_compare(state, dir)),
                Effect::Quit => state.quit = true,
                Effect::Release(released) => release_in_background(released),
            }
        }
    }
}

/// What the background indexer reports.
pub enum Indexed {
    Article(usize, Arc<text::ArticleAnalysis>),
    Links(Arc<crate::links::LinkIndex>),
    /// Every article's analysis without its details, once linking is done.
    Slimmed(Vec<(usize, Arc<text::ArticleAnalysis>)>),
    CheckedBefore(Arc<crate::library::matching::CheckedBefore>),
    Parked(Vec<crate::corpus::parked::ParkedText>),
}

/// Analyses every article off the UI thread, the open one first, then links
/// the whole corpus.
// Long on purpose: the indexer's steps in order (cache, open article, the rest, cache, links, slim).
pub fn spawn_indexer(
    corpus: Arc<Corpus>,
    first: usize,
    stop: Arc<AtomicBool>,
    cache: Option<std::path::PathBuf>,
    library: Option<std::path::PathBuf>,
) -> Receiver<Indexed> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        // The library is read and indexed beside the analyses.
        let matching_key = library
            .as_ref()
            .map(|_| crate::library::cache::matching_key());
        let library = library.map(|dir| {
            std::thread::spawn(move || {
                let (entries, problems) = crate::library::load(&dir);
                (
                    crate::library::matching::MatchIndex::deferred(entries),
                    problems,
                )
            })
        });
        let n = corpus.articles.len();
        // What an earlier run analysed shows at once (counts, suggestions);
        // the full analysis, which linking needs, follows.
        let version = text::cache::program_version();
        let mut index = cache
            .as_deref()
            .map(|p| text::cache::IndexCache::load(p, &version))
            .unwrap_or_default();
        use rayon::prelude::*;
        // Each entry is parsed as it is asked for: on every core.
        let cached: Vec<(usize, Arc<text::ArticleAnalysis>)> = corpus
            .articles
            .par_iter()
            .enumerate()
            .filter_map(|(i, a)| index.get(a).map(|c| (i, Arc::new(c))))
            .collect();
        if !cached.is_empty() && tx.send(Indexed::Slimmed(cached)).is_err() {
            return;
        }
        let order = std::iter::once(first)
            .chain((0..n).filter(move |&i| i != first))
            .filter(|&i| i < n);
        // The open article first, then the rest on every core, each result
        // sent as it is ready.
        let order: Vec<usize> = order.collect();
        let (head, rest) = order.split_at(order.len().min(1));
        let analyse = |i: usize| -> Option<(usize, Arc<text::ArticleAnalysis>)> {
            if stop.load(Ordering::Relaxed) {
                return None;
            }
            let analysis = Arc::new(text::analyse(&corpus.articles[i]));
            tx.send(Indexed::Article(i, analysis.clone())).ok()?;
            Some((i, analysis))
        };
        let mut done: Vec<Option<Arc<text::ArticleAnalysis>>> = vec![None; n];
        for (i, a) in head.iter().filter_map(|&i| analyse(i)) {
            done[i] = Some(a);
        }
        let tx_rest = tx.clone();
        let results: Vec<(usize, Arc<text::ArticleAnalysis>)> = rest
            .par_iter()
            .map_with(tx_rest, |tx, &i| {
                if stop.load(Ordering::Relaxed) {
                    return None;
                }
                let analysis = Arc::new(text::analyse(&corpus.articles[i]));
                tx.send(Indexed::Article(i, analysis.clone())).ok()?;
                Some((i, analysis))
            })
            .flatten()
            .collect();
        for (i, a) in results {
            done[i] = Some(a);
        }
        let analyses: Vec<&text::ArticleAnalysis> =
            done.iter().flatten().map(|a| a.as_ref()).collect();
        if analyses.len() == n {
            // The cache is written beside the linking, which leaves a core
            // idle at times (in turn, it held the links back a tenth of a
            // second on 17,000 articles).
            let (links, tables) = std::thread::scope(|scope| {
                if let Some(path) = cache.as_deref() {
                    let (articles, analyses, version) = (&corpus.articles, &analyses, &version);
                    scope.spawn(move || {
                        for (article, analysis) in articles.iter().zip(analyses) {
                            index.put(article, analysis);
                        }
                        index.save(path, version, articles);
                    });
                }
                crate::links::link_leaving_tables(&corpus.articles, &analyses)
            });
            if tx.send(Indexed::Links(Arc::new(links))).is_err() {
                return;
            }
            drop(tables);
            let slim = analyses
                .par_iter()
                .enumerate()
                .map(|(i, a)| (i, Arc::new(a.slim())))
                .collect();
            if tx.send(Indexed::Slimmed(slim)).is_err() {
                return;
            }
            if let Some((index, problems)) = library.and_then(|l| l.join().ok())
                && (!index.is_empty() || !problems.is_empty())
            {
                let cache_path = cache.as_deref().map(crate::library::cache::path_for);
                let cached = cache_path.as_deref().zip(matching_key.as_deref());
                let by_article = crate::library::cache::match_corpus(
                    &index,
                    &corpus.articles,
                    &analyses,
                    cached,
                )
                .into_iter()
                .map(crate::library::matching::best_per_sentence)
                .collect();
                let _ = tx.send(Indexed::CheckedBefore(Arc::new(
                    crate::library::matching::CheckedBefore::new(
                        index.into_entries(),
                        by_article,
                        problems,
                    ),
                )));
            }
            // The full analyses go last (matching read them); then their
            // pages, the index's and the matching's go back to the system.
            drop(analyses);
            drop(done);
            release_free_memory();
            // Then the texts: parked beside the index cache, they are held
            // by the kernel's page cache rather than the heap. The indexer
            // lets go of the corpus first, so the session can swap them in.
            if let Some(dir) = cache.as_deref().and_then(std::path::Path::parent) {
                let parked = corpus.park(dir);
                drop(corpus);
                if !parked.is_empty() {
                    let _ = tx.send(Indexed::Parked(parked));
                }
            }
        }
    });
    rx
}

/// Reads every article file and the annotations of those still pending,
/// off the UI thread.
fn spawn_reader(state: &State, files: CorpusFiles) -> Receiver<crate::app::action::CorpusRead> {
    let (tx, rx) = channel();
    let shown = state.corpus.clone();
    let dir = state.annotations_dir.clone();
    std::thread::spawn(move || {
        use rayon::prelude::*;
        let corpus = files.read_all();
        let folder = crate::store::ListedFolder::new(&dir);
        let annotations = corpus
            .articles
            .par_iter()
            .zip(&shown.articles)
            .map(|(a, was)| was.pending.then(|| folder.load(a)))
            .collect();
        let _ = tx.send(crate::app::action::CorpusRead {
            corpus: Arc::new(corpus),
            annotations,
        });
    });
    rx
}

/// Gives the heap's free pages back to the system: once linked, and again
/// once the texts are parked, the session need not keep the indexing peak.
/// The calling thread returns its own at once; the worker threads return
/// theirs when they are free, from a thread of its own, so that the UI
/// never waits on a worker busy matching the library. Each lets go of the stems it kept
/// first: linking and matching made them, and only an article opened later
/// asks for a few again.
fn release_free_memory() {
    collect_this_thread();
    in_background(|| {
        rayon::broadcast(|_| collect_this_thread());
    });
}

/// Frees what the state let go of on a thread of its own, so the UI thread
/// does not wait on it, then every heap that held it gives its free pages
/// back (the pool's, whose threads made the analyses, and this thread's,
/// which takes over the pages of threads that have ended).
fn release_in_background(released: app::Released) {
    in_background(move || {
        drop(released);
        collect_this_thread();
        rayon::broadcast(|_| collect_this_thread());
    });
}

/// Runs `work` on a thread of its own. Where no thread can be started
/// (the process is at its limit), the work is dropped undone and what it
/// holds is freed on the calling thread, as before: never a crash.
fn in_background(work: impl FnOnce() + Send + 'static) {
    let _ = std::thread::Builder::new()
        .name("claimdesk-release".into())
        .spawn(work);
}

/// Returns this thread's free pages and stems to the system.
fn collect_this_thread() {
    text::events::forget_stems();
    // SAFETY: mi_collect only returns free pages; it touches no live memory.
    unsafe { libmimalloc_sys::mi_collect(true) };
}

static HOOK: OnceLock<()> = OnceLock::new();

/// Mouse capture and bracketed paste are ours to undo; ratatui's own panic
/// hook (installed by `init` on top of this one) restores the rest.
fn install_panic_hook() {
    HOOK.get_or_init(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = crossterm::execute!(
                std::io::stdout(),
                event::DisableMouseCapture,
                event::DisableBracketedPaste
            );
            previous(info);
        }));
    });
}

fn restore() {
    let _ = crossterm::execute!(
        std::io::stdout(),
        event::DisableMouseCapture,
        event::DisableBracketedPaste
    );
    ratatui::restore();
}

/// How a session of the workbench ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    Quit,
    /// Stopped by a signal (its number) after saving what it could.
    Signal(i32),
    /// The terminal was closed; what could be saved was saved.
    HungUp,
}

/// Runs the interactive app until the user quits, a stop signal comes or the
/// terminal goes away. Returns the final state.
///
/// `unread`: the corpus's files when `state` holds only the first screen's
/// articles (see `CorpusFiles::read_window`); they are read behind it.
pub fn run(mut state: State, unread: Option<CorpusFiles>) -> Result<(State, Ended), String> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(
            "the workbench needs a terminal; for scripts use the claims, export or stats commands."
                .into(),
        );
    }
    install_panic_hook();
    let stop = StopSignals::install().map_err(|e| format!("cannot handle stop signals: {e}."))?;
    let mut terminal =
        ratatui::try_init().map_err(|e| format!("cannot set up the terminal: {e}."))?;
    let result = event_loop(&mut terminal, &mut state, &stop, unread);
    restore();
    result.map(|ended| (state, ended))
}

/// Before stopping for a signal or a closed terminal: one more try at every
/// save that failed, so nothing the user confirmed waits in memory only.
fn save_what_is_unsaved(state: &mut State) {
    let unsaved: Vec<usize> = state.unsaved.iter().copied().collect();
    for article in unsaved {
        dispatch(state, perform_save(state, article));
    }
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    state: &mut State,
    stop: &StopSignals,
    unread: Option<CorpusFiles>,
) -> Result<Ended, String> {
    let io = |e: std::io::Error| format!("terminal error: {e}.");
    crossterm::execute!(
        std::io::stdout(),
        event::EnableMouseCapture,
        event::EnableBracketedPaste
    )
    .map_err(io)?;
    let size = terminal.size().map_err(io)?;
    dispatch(state, Action::Resize(size.width, size.height));
    let stop_indexer = Arc::new(AtomicBool::new(false));
    let start_indexer = |state: &State| {
        spawn_indexer(
            state.corpus.clone(),
            state.open_article,
            stop_indexer.clone(),
            state.index_cache.clone(),
            state.library_dir.clone(),
        )
    };
    // The articles not on the first screen are read behind it; indexing
    // starts once every article is in.
    let mut reading = unread.map(|files| spawn_reader(state, files));
    let mut indexed = reading.is_none().then(|| start_indexer(state));
    let mut dirty = true;
    let ended = loop {
        if state.quit {
            break Ended::Quit;
        }
        if let Some(sig) = stop.received() {
            break Ended::Signal(sig);
        }
        if crate::signals::terminal_hung_up() {
            break Ended::HungUp;
        }
        if dirty {
            terminal.draw(|f| crate::ui::draw(f, state)).map_err(io)?;
            dirty = false;
        }
        // Short waits while the indexer still has work to hand over (the
        // texts it parks come after the links).
        let wait = if state.index_done() && state.links.is_some() && indexed.is_none() {
            500
        } else {
            30
        };
        match read_events(state, Duration::from_millis(wait)) {
            Ok(read) => dirty |= read,
            // A terminal that went away fails reads: stop as for a hang-up.
            Err(_) if crate::signals::terminal_hung_up() => break Ended::HungUp,
            Err(e) => return Err(io(e)),
        }
        if let Some(read) = reading.as_ref().and_then(|r| r.try_recv().ok()) {
            reading = None;
            dispatch(state, Action::CorpusRead(read));
            indexed = Some(start_indexer(state));
            dirty = true;
        }
        // Take what the indexer has sent, but keep the keyboard answered.
        let started = std::time::Instant::now();
        while let Some(rx) = indexed.as_ref()
            && started.elapsed() < Duration::from_millis(20)
        {
            let msg = match rx.try_recv() {
                Ok(msg) => msg,
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                // The indexer is done and has handed everything over.
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    indexed = None;
                    break;
                }
            };
            let action = match msg {
                Indexed::Article(article, analysis) => Action::Indexed { article, analysis },
                Indexed::Links(links) => Action::Linked(links),
                Indexed::Slimmed(slim) => Action::Slimmed(slim),
                Indexed::CheckedBefore(found) => Action::CheckedBefore(found),
                Indexed::Parked(texts) => Action::Parked(texts),
            };
            // The texts the corpus let go of were freed on this thread.
            let parked = matches!(action, Action::Parked(_));
            dispatch(state, action);
            dirty = true;
            if parked {
                release_free_memory();
            }
        }
    };
    stop_indexer.store(true, Ordering::Relaxed);
    if ended != Ended::Quit {
        save_what_is_unsaved(state);
    }
    Ok(ended)
}

/// Waits up to `wait` for input, then takes every pending event before the
/// next draw, so held keys and pasted bursts do not lag. True if any was read.
fn read_events(state: &mut State, wait: Duration) -> std::io::Result<bool> {
    if !event::poll(wait)? {
        return Ok(false);
    }
    let mut read = false;
    loop {
        let ev = event::read()?;
        if let Some(action) = event_to_action(state, ev) {
            dispatch(state, action);
            read = true;
        }
        if state.quit || !event::poll(Duration::ZERO)? {
            return Ok(read);
        }
    }
}

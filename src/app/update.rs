//! The one pure update: `update(&mut State, Action, now) -> Vec<Effect>`,
//! and the routers that send each action and command to its handler. It
//! never touches files or the terminal; the shell performs the effects.

use super::derive;
use super::keymap::{Command, Keymap, Section};
use super::keys::KeyPress;
pub use super::refresh::{
    clamp_scroll, pane_height, quit, reader_height, refresh_article, refresh_differs,
    refresh_sidebar, refresh_wrap, yes_no,
};
use super::state::*;
use super::{edit, nav, overlay, review};
use crate::corpus::Corpus;
use crate::store::{self, ArticleAnnotations};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

pub use super::action::{Action, Effect, MouseInput};

pub struct Options {
    pub corpus_name: String,
    pub annotations_dir: PathBuf,
    pub reviewer: String,
    pub keymap: Keymap,
    pub clock: Clock,
    pub color: bool,
    pub size: (u16, u16),
    pub session: Option<SessionPlace>,
    pub id_salt: u64,
    /// Where the review screen's exports go unless a path is typed.
    pub export_dir: PathBuf,
    /// Publisher and base URL for exports (corpus.toml over config.toml).
    pub export_settings: crate::export::Settings,
    /// The corpus's index cache file, if there is a cache directory.
    pub index_cache: Option<PathBuf>,
    /// The claim library folder, if there is one to match against.
    pub library: Option<PathBuf>,
}

/// Builds the first state. Nothing here waits for the corpus to be indexed.
pub fn init(corpus: Arc<Corpus>, annotations: Vec<ArticleAnnotations>, opts: Options) -> State {
    let titles_corpus = corpus.clone();
    let n = corpus.articles.len();
    let progress = annotations
        .iter()
        .map(|a| derive::progress(None, a))
        .collect();
    let mut state = State {
        corpus,
        corpus_name: opts.corpus_name,
        export_dir: opts.export_dir,
        export_settings: opts.export_settings,
        index_cache: opts.index_cache,
        library_dir: opts.library,
        annotations_dir: opts.annotations_dir,
        analyses: vec![None; n],
        indexed: 0,
        checked_before: None,
        unread: titles_corpus.articles.iter().filter(|a| a.pending).count(),
        deferred: Vec::new(),
        links: None,
        differ_articles: BTreeSet::new(),
        details_scroll: 0,
        link_selected: None,
        annotations,
        progress,
        reviewer: opts.reviewer,
        keymap: opts.keymap,
        clock: opts.clock,
        time: opts.clock.instant(),
        color: opts.color,
        screen: Screen::Main,
        focus: Pane::Reader,
        overlay: None,
        size: opts.size,
        open_article: 0,
        list: ListState {
            visible: (0..n).collect(),
            distinct_from: derive::distinct_title_starts(
                &titles_corpus
                    .articles
                    .iter()
                    .map(|a| a.meta.title.as_str())
                    .collect::<Vec<_>>(),
            ),
            ..Default::default()
        },
        reader: ReaderState::default(),
        wrapped: Default::default(),
        sidebar: Vec::new(),
        spans: Default::default(),
        sidebar_selected: 0,
        sidebar_offset: 0,
        review: ReviewState::default(),
        jumps: Vec::new(),
        undo: Vec::new(),
        redo: Vec::new(),
        unsaved: BTreeSet::new(),
        save_status: SaveStatus::Idle,
        message: None,
        id_counter: 0,
        generation: 0,
        reattach: None,
        id_salt: opts.id_salt,
        quit: false,
    };
    if let Some(place) = opts.session
        && let Some(i) = state
            .corpus
            .articles
            .iter()
            .position(|a| a.id == place.article)
    {
        state.open_article = i;
        state.list.selected = i;
        state.reader.cursor = place.cursor;
        state.reader.scroll = place.scroll;
    }
    state.message = super::reading::startup_message(&state);
    refresh_article(&mut state);
    state
}

/// Turns a key into an action for the current mode; `None` if it means nothing here.
pub fn key_to_action(state: &State, key: KeyPress) -> Option<Action> {
    if state.overlay.is_some() {
        return Some(Action::Input(key));
    }
    let section = match state.screen {
        Screen::Main => Section::Main,
        Screen::Review => Section::Review,
    };
    state.keymap.lookup(section, key).map(Action::Command)
}

/// The one pure update: the time of the action comes in as `now` (the
/// shell reads the clock), so the same state, action and time always give
/// the same state and effects.
pub fn update(
    state: &mut State,
    action: Action,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<Effect> {
    state.time = now;
    if super::reading::waits_for_corpus(state, &action) {
        state.deferred.push(action);
        return Vec::new();
    }
    let opened = state.open_article;
    let read = matches!(action, Action::CorpusRead(_));
    let mut effects = apply_action(state, action);
    if state.open_article != opened {
        effects.push(Effect::Reload(state.open_article));
    }
    detail_open_article(state);
    if read {
        for action in std::mem::take(&mut state.deferred) {
            effects.extend(update(state, action, now));
        }
    }
    effects
}

/// Corpora from this size on say when indexing and linking are done.
const LINKED_MESSAGE_ARTICLES: usize = 200;

/// The open article has its full analysis (reasons, figures, names): one
/// article's analysis, whatever the corpus's size.
fn detail_open_article(state: &mut State) {
    let i = state.open_article;
    if state
        .analyses
        .get(i)
        .and_then(|a| a.as_ref())
        .is_some_and(|a| a.slim)
        && let Some(article) = state.corpus.articles.get(i)
    {
        state.analyses[i] = Some(Arc::new(crate::text::analyse(article)));
    }
}

/// Takes in another instance's changes (or our own saved file).
fn synced(state: &mut State, article: usize, synced: store::Synced) {
    state.generation += 1;
    let ann = &mut state.annotations[article];
    ann.file = synced.file;
    ann.base = Some(synced.base);
    if let Some(c) = synced.conflicts.first() {
        let more = synced.conflicts.len() - 1;
        let tail = if more > 0 {
            format!(" ({more} more in the history)")
        } else {
            String::new()
        };
        state.message = Some(format!("{}{tail}", store::merge::describe(c)));
    } else if synced.merged {
        state.message = Some("Merged changes another claimdesk made to this article.".into());
    }
    if article == state.open_article {
        refresh_sidebar(state);
        nav::sync_sidebar_to_cursor(state);
    } else {
        state.progress[article] =
            derive::progress(state.analysis(article), &state.annotations[article]);
        refresh_differs(state, article);
    }
}

// Long on purpose: a router with one short arm per action.
fn apply_action(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Command(c) => {
            state.message = None;
            // Details scroll back to the top for whatever is selected next.
            if !matches!(c, Command::DetailsDown | Command::DetailsUp) {
                state.details_scroll = 0;
            }
            match state.screen {
                Screen::Main => command(state, c),
                Screen::Review => review::command(state, c),
            }
        }
        Action::Input(k) => overlay::input(state, k),
        Action::Paste(text) => overlay::paste(state, &text),
        Action::Mouse(m) => {
            super::mouse::mouse(state, m);
            Vec::new()
        }
        Action::CheckedBefore(found) => {
            let n: usize = found.by_article.iter().map(Vec::len).sum();
            state.message = Some(match found.problems.first() {
                Some(p) => p.clone(),
                None => format!(
                    "{n} sentence(s) checked before, against {} library claim(s).",
                    found.library_len()
                ),
            });
            state.checked_before = Some(found);
            Vec::new()
        }
        Action::CorpusRead(read) => {
            super::reading::corpus_read(state, read);
            Vec::new()
        }
        Action::Resize(w, h) => {
            state.size = (w, h);
            refresh_wrap(state);
            clamp_scroll(state);
            nav::reveal_cursor(state);
            Vec::new()
        }
        Action::Indexed { article, analysis } => {
            if let Some(slot) = state.analyses.get_mut(article) {
                if slot.is_none() {
                    state.indexed += 1;
                }
                *slot = Some(analysis);
                state.progress[article] =
                    derive::progress(state.analysis(article), &state.annotations[article]);
                if article == state.open_article {
                    refresh_article(state);
                }
            }
            Vec::new()
        }
        Action::Saved { article, result } => {
            match result {
                Ok(done) => {
                    state.unsaved.remove(&article);
                    if state.unsaved.is_empty() {
                        state.save_status = SaveStatus::Saved;
                    }
                    synced(state, article, done);
                    // Earlier failed saves of other articles are retried with this one.
                    if let Some(&next) = state.unsaved.iter().find(|&&a| a != article) {
                        return vec![Effect::Save(next)];
                    }
                }
                Err(e) => state.save_status = SaveStatus::Failed(e),
            }
            Vec::new()
        }
        Action::CompareLoaded(result) => {
            match result {
                Ok((dir, files)) => {
                    state.review.compare = Some(Compare {
                        dir,
                        files,
                        other_verdicts: Default::default(),
                    });
                    review::rebuild(state);
                    let c = state.review.compare.as_ref();
                    let matched = c.map_or(0, |c| c.other_verdicts.len());
                    let differ = c.map_or(0, |c| {
                        c.other_verdicts
                            .iter()
                            .filter(|(id, theirs)| {
                                review::our_verdict(state, id)
                                    .is_some_and(|ours| review::disagree(ours, **theirs))
                            })
                            .count()
                    });
                    state.message = Some(format!(
                        "{matched} claim(s) also marked there, {differ} with another verdict; D shows only those."
                    ));
                }
                Err(e) => state.message = Some(e),
            }
            Vec::new()
        }
        Action::ExportWouldReplace { path, format, ids } => {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            state.overlay = Some(Overlay::Confirm {
                question: format!("{name} exists. Replace it? {}", yes_no(state)),
                on_yes: Confirmed::ReplaceExport { format, ids, path },
            });
            Vec::new()
        }
        Action::Exported(result) => {
            state.message = Some(match result {
                Ok((path, n)) => format!("Exported {n} annotation(s) to {}.", path.display()),
                Err(e) => format!("Export failed: {e}."),
            });
            Vec::new()
        }
        Action::Linked(links) => {
            state.differ_articles = (0..state.corpus.articles.len())
                .filter(|&i| {
                    derive::open_disagreement(&links, i, state.analysis(i), &state.annotations[i])
                })
                .collect();
            // Said once, where indexing took long enough to be watched; a
            // small corpus is linked before the first keystroke.
            if state.message.is_none() && state.corpus.articles.len() >= LINKED_MESSAGE_ARTICLES {
                state.message = Some(format!(
                    "Indexed and linked {} articles: {} link(s) between reports of one story.",
                    state.corpus.articles.len(),
                    links.links.len()
                ));
            }
            state.links = Some(links);
            Vec::new()
        }
        Action::Slimmed(slim) => {
            let mut released = Vec::new();
            for (i, a) in slim {
                let Some(slot) = state.analyses.get_mut(i) else {
                    continue;
                };
                match slot {
                    // The open article keeps its details.
                    Some(_) if i == state.open_article => {}
                    Some(full) => released.push(std::mem::replace(full, a)),
                    // From the index cache: counts and suggestions at once.
                    None => {
                        *slot = Some(a);
                        state.indexed += 1;
                        state.progress[i] =
                            derive::progress(state.analysis(i), &state.annotations[i]);
                    }
                }
            }
            if state
                .analyses
                .get(state.open_article)
                .is_some_and(Option::is_some)
            {
                refresh_article(state);
            }
            if released.is_empty() {
                Vec::new()
            } else {
                vec![Effect::Release(super::action::Released(released))]
            }
        }
        Action::Parked(texts) => {
            // Only the session's own corpus takes them: were it shared (it is
            // not, once the indexer is done), the texts simply stay held.
            if let Some(corpus) = Arc::get_mut(&mut state.corpus) {
                corpus.take_parked(texts);
            }
            Vec::new()
        }
        Action::Reloaded { article, result } => {
            match result {
                Ok(Some(done)) => synced(state, article, done),
                Ok(None) => {}
                Err(problem) => {
                    state.message = Some(format!(
                        "{problem} That article is read-only until the file is fixed."
                    ));
                    state.annotations[article].problem = Some(Box::new(problem));
                }
            }
            Vec::new()
        }
    }
}

fn command(state: &mut State, c: Command) -> Vec<Effect> {
    use Command::*;
    match c {
        FocusNext => {
            state.focus = state.focus.next();
            refresh_wrap(state);
        }
        FocusPrev => {
            state.focus = state.focus.prev();
            refresh_wrap(state);
        }
        Down | Up | Top | Bottom | PageDown | PageUp | HalfDown | HalfUp => nav::movement(state, c),
        WordForward | WordBack => nav::word(state, c == WordForward),
        Open => open(state),
        JumpBack => jump_back(state),
        VerdictTrue => return edit::set_verdict(state, crate::store::Verdict::True),
        VerdictDisputed => return edit::set_verdict(state, crate::store::Verdict::Disputed),
        VerdictFalse => return edit::set_verdict(state, crate::store::Verdict::False),
        VerdictUnverifiable => {
            return edit::set_verdict(state, crate::store::Verdict::Unverifiable);
        }
        VerdictClear => return edit::clear_verdict(state),
        MarkClaim => return edit::mark_claim(state),
        ApplyCheckedBefore => return super::evidence::apply_checked_before(state),
        Dismiss => return edit::dismiss(state),
        Select => nav::start_selection(state),
        Note => edit::open_note(state),
        NextLink => super::related::step(state, true),
        PrevLink => super::related::step(state, false),
        ConfirmAnchor => return edit::confirm_anchor(state),
        Reattach => return edit::reattach(state),
        Evidence => super::evidence::open_evidence(state),
        Publishing => super::publishing::open(state, PublishField::Summary),
        DetailsDown => {
            state.details_scroll = state.details_scroll.saturating_add(3);
            return Vec::new();
        }
        DetailsUp => {
            state.details_scroll = state.details_scroll.saturating_sub(3);
            return Vec::new();
        }
        NextUnreviewed => nav::next_unreviewed(state, true, false),
        PrevUnreviewed => nav::next_unreviewed(state, false, false),
        NextUnreviewedCorpus => nav::next_unreviewed(state, true, true),
        PrevUnreviewedCorpus => nav::next_unreviewed(state, false, true),
        Search => overlay::open_search(state),
        SearchNext => nav::search_step(state, true),
        SearchPrev => nav::search_step(state, false),
        Undo => return super::undo::undo(state),
        Redo => return super::undo::redo(state),
        Review => review::open(state),
        Cancel => {
            if state.reattach.take().is_some() {
                state.message = Some("Re-attaching cancelled.".into());
            } else if state.reader.selection.take().is_none()
                && state.reader.search.take().is_none()
                && !state.list.filter.is_empty()
            {
                state.list.filter.clear();
                nav::apply_list_filter(state);
            }
        }
        Help => state.overlay = Some(Overlay::Help { scroll: 0 }),
        Quit => return quit(state),
        FilterVerdict | ClearFilters | Back | FilterReviewer | FilterAnchor | FilterKind
        | FilterNoNote | FilterNoEvidence | Sort | ExportRows | CompareFolder
        | FilterDisagreements => {}
        // The overlays' own commands are handled where their keys go.
        EditorClose | PromptAccept | PromptCancel | PromptNext | ConfirmYes | ConfirmNo
        | HelpClose => {}
    }
    Vec::new()
}

/// Enter on the main screen: open the listed article, follow a chosen link,
/// or go to the sidebar's claim. Here, not in `nav`, as it reaches into
/// `related` too.
fn open(state: &mut State) {
    match state.focus {
        Pane::List => {
            if let Some(&a) = state.list.visible.get(state.list.selected) {
                nav::open_article(state, a, None);
                state.focus = Pane::Reader;
                refresh_wrap(state);
            }
        }
        // A link chosen with > < is followed; otherwise Enter goes to the claim.
        Pane::Sidebar => {
            if super::related::selected(state).is_some() && super::related::follow(state) {
                return;
            }
            nav::select_sidebar(state, state.sidebar_selected);
            state.focus = Pane::Reader;
            refresh_wrap(state);
        }
        Pane::Reader => {
            if !super::related::follow(state) {
                state.message = Some(super::related::no_links(state).into());
            }
        }
    }
}

/// Ctrl-o: back to the place before the last jump, on its screen.
fn jump_back(state: &mut State) {
    let Some(loc) = state.jumps.pop() else {
        state.message = Some("No earlier place to jump back to.".into());
        return;
    };
    nav::open_article(state, loc.article, None);
    nav::set_cursor(state, loc.cursor);
    state.screen = loc.screen;
    if loc.screen == Screen::Review {
        review::rebuild(state);
    }
}

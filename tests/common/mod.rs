//! Shared helpers: a state on a temporary copy of the seeds, driven by key
//! strings like "jjv<esc>" and rendered with ratatui's TestBackend.
#![allow(dead_code)]

pub mod pty;

use chrono::{TimeZone, Utc};
use claimdesk::app::keymap::Keymap;
use claimdesk::app::keys::KeyPress;
use claimdesk::app::state::{Clock, State};
use claimdesk::app::{self, Action, Options};
use claimdesk::{cli, tui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// Copies the bundled seeds into a fresh temp dir: tests never write into the repository.
pub fn temp_seeds() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let to = dir.path().join("seeds");
    std::fs::create_dir_all(&to).unwrap();
    for e in std::fs::read_dir(seeds_dir()).unwrap().flatten() {
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
    dir
}

pub fn state_for(corpus: &Path, size: (u16, u16)) -> State {
    instance(corpus, size, 7)
}

/// One claimdesk instance; instances on one corpus tell their new ids apart
/// by `salt`, as real processes do by process id and start time.
pub fn instance(corpus: &Path, size: (u16, u16), salt: u64) -> State {
    let mut state = unindexed(corpus, size, salt, None);
    index_all(&mut state);
    state
}

/// A state as the workbench starts, before any article is indexed, with a
/// session place to restore if given.
pub fn unindexed(
    corpus: &Path,
    size: (u16, u16),
    salt: u64,
    session: Option<claimdesk::session::SessionPlace>,
) -> State {
    let ws = cli::open(corpus, None).expect("corpus opens");
    app::init(
        Arc::new(ws.corpus),
        ws.annotations,
        Options {
            corpus_name: "seeds".into(),
            export_dir: ws
                .annotations_dir
                .parent()
                .expect("a temp folder")
                .to_path_buf(),
            export_settings: Default::default(),
            index_cache: None,
            library: None,
            annotations_dir: ws.annotations_dir,
            reviewer: "tester".into(),
            keymap: Keymap::defaults(),
            clock: Clock::Fixed(Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap()),
            color: false,
            size,
            session,
            id_salt: salt,
        },
    )
}

/// What the background indexer does: every article, then the links.
pub fn index_all(state: &mut State) {
    let mut all = Vec::new();
    for i in 0..state.corpus.articles.len() {
        let analysis = Arc::new(claimdesk::text::analyse(&state.corpus.articles[i]));
        all.push(analysis.clone());
        tui::dispatch(
            state,
            Action::Indexed {
                article: i,
                analysis,
            },
        );
    }
    let refs: Vec<&claimdesk::text::ArticleAnalysis> = all.iter().map(|a| a.as_ref()).collect();
    let links = claimdesk::links::link(&state.corpus.articles, &refs);
    tui::dispatch(state, Action::Linked(Arc::new(links)));
}

/// Parses "jj<c-d>x<esc>" into key presses.
pub fn parse_keys(keys: &str) -> Vec<KeyPress> {
    let mut out = Vec::new();
    let mut chars = keys.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' && chars.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
            // The keymap's own grammar (KeyPress: FromStr), with two short
            // spellings for test strings: <s-tab>, <c-d>; <lt> is '<'.
            let name = match name.as_str() {
                "s-tab" => "shift-tab".to_string(),
                "lt" => "<".to_string(),
                n if n.starts_with("c-") => format!("ctrl-{}", &n[2..]),
                n => n.to_string(),
            };
            let k: KeyPress = name
                .parse()
                .unwrap_or_else(|e| panic!("unknown key <{name}>: {e}"));
            out.push(k);
        } else {
            out.push(KeyPress::ch(c));
        }
    }
    out
}

/// Presses keys as the shell would: keymap, update, effects (real saves).
pub fn press(state: &mut State, keys: &str) {
    for k in parse_keys(keys) {
        if let Some(action) = app::key_to_action(state, k) {
            tui::dispatch(state, action);
        }
    }
}

pub fn render(state: &State) -> String {
    let (w, h) = state.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| claimdesk::ui::draw(f, state)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        let mut x = 0;
        while x < w {
            let symbol = buf[(x, y)].symbol();
            line.push_str(symbol);
            // A wide character covers the next cell too.
            x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn resize(state: &mut State, w: u16, h: u16) {
    tui::dispatch(state, Action::Resize(w, h));
}

/// The text of the reader's cursor sentence.
pub fn cursor_text(state: &State) -> String {
    let a = state.current_analysis().unwrap();
    let s = &a.sentences[state.reader.cursor];
    state
        .article()
        .unwrap()
        .slice(s.start(), s.end())
        .to_string()
}

pub fn selection_text(state: &State) -> Option<String> {
    let (s, e) = state.reader.selection?.span();
    Some(state.article().unwrap().slice(s, e).to_string())
}

/// Runs the real binary in `dir` (with its own config and state folders):
/// exit code, standard output, standard error.
pub fn claimdesk(args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(args)
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join(".config"))
        .env("XDG_STATE_HOME", dir.join(".state"))
        .env("XDG_CACHE_HOME", dir.join(".cache"))
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Like `claimdesk`, asserting it succeeded; returns what it printed.
pub fn claimdesk_ok(dir: &Path, args: &[&str]) -> String {
    let (code, out, err) = claimdesk(args, dir);
    assert_eq!(code, 0, "claimdesk {args:?}: {err}");
    out
}

/// The screen's styles: each cell as a letter standing for its style
/// (foreground, background, modifiers), letters given in order of first
/// appearance, then the legend. What `render` cannot see: selection,
/// search hits, verdict colours.
pub fn render_styles(state: &State) -> String {
    let (w, h) = state.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| claimdesk::ui::draw(f, state)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let mut styles: Vec<String> = Vec::new();
    let mut grid = String::new();
    const LETTERS: &[u8] = b".abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for y in 0..h {
        for x in 0..w {
            let c = &buf[(x, y)];
            let key = format!("fg {:?} bg {:?} {:?}", c.fg, c.bg, c.modifier);
            let i = styles.iter().position(|s| *s == key).unwrap_or_else(|| {
                styles.push(key);
                styles.len() - 1
            });
            grid.push(LETTERS.get(i).copied().unwrap_or(b'?') as char);
        }
        grid.push('\n');
    }
    for (i, s) in styles.iter().enumerate() {
        grid.push_str(&format!(
            "{}: {s}\n",
            LETTERS.get(i).copied().unwrap_or(b'?') as char
        ));
    }
    grid
}

/// What the indexer does once linked with a claim library: every article's
/// sentences matched and the result handed to the state. Returns the matches.
pub fn match_library(
    state: &mut State,
    index: &claimdesk::library::matching::MatchIndex,
) -> Vec<Vec<(usize, claimdesk::library::matching::Match)>> {
    use claimdesk::library::matching::{CheckedBefore, sentences_checked_before};
    let by_article: Vec<_> = state
        .corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| sentences_checked_before(index, a, state.analyses[i].as_ref().unwrap()))
        .collect();
    tui::dispatch(
        state,
        Action::CheckedBefore(Arc::new(CheckedBefore::new(
            index.entries.clone(),
            by_article.clone(),
            Vec::new(),
        ))),
    );
    by_article
}

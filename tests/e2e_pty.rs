//! The real binary in a pseudo-terminal: annotate, quit, check the file, come back.

mod common;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// How long any wait may take before the test gives up. Generous on purpose:
/// waits end as soon as the screen shows what they wait for, so this only
/// bounds a hang, and a slow or busy machine never fails a test by itself.
const PATIENCE: Duration = Duration::from_secs(180);

/// The screen as the program drew it, and a signal for every change to it.
struct Screen {
    seen: Mutex<Seen>,
    changed: Condvar,
}

struct Seen {
    parser: vt100::Parser,
    /// The program closed the terminal: nothing more will be drawn.
    closed: bool,
}

struct Session {
    screen: Arc<Screen>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(dir: &Path, cols: u16, rows: u16) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_claimdesk"));
        cmd.args(["seeds", "--reviewer", "pty-tester"]);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", dir.join(".config"));
        cmd.env("XDG_STATE_HOME", dir.join(".state"));
        cmd.env("HOME", dir);
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let screen = Arc::new(Screen {
            seen: Mutex::new(Seen {
                parser: vt100::Parser::new(
                    std::num::NonZero::new(rows).unwrap(),
                    std::num::NonZero::new(cols).unwrap(),
                    0,
                ),
                closed: false,
            }),
            changed: Condvar::new(),
        });
        let sink = screen.clone();
        std::thread::spawn(move || {
            let _keep_master_open = pair.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.seen.lock().unwrap().parser.process(&buf[..n]);
                sink.changed.notify_all();
            }
            sink.seen.lock().unwrap().closed = true;
            sink.changed.notify_all();
        });
        Session {
            screen,
            writer,
            child,
        }
    }

    fn contents(&self) -> String {
        self.screen.seen.lock().unwrap().parser.screen().contents()
    }

    /// Waits until what was seen satisfies `done`, woken by every change.
    fn wait_until(&self, what: &str, done: impl Fn(&Seen) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        let mut seen = self.screen.seen.lock().unwrap();
        loop {
            if done(&seen) {
                return seen.parser.screen().contents();
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "timed out waiting for {what}; screen:\n{}",
                seen.parser.screen().contents()
            );
            seen = self.screen.changed.wait_timeout(seen, left).unwrap().0;
        }
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| {
            s.parser.screen().contents().contains(text)
        })
    }

    fn wait_gone(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to go"), |s| {
            !s.parser.screen().contents().contains(text)
        })
    }

    /// Waits until the program has closed the terminal: its last bytes are in.
    fn wait_closed(&self) {
        self.wait_until("the terminal to close", |s| s.closed);
    }

    fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Esc alone. The caller then waits for its effect before typing more, so
    /// Esc is never read together with the next key as Alt plus that key.
    fn esc(&mut self) {
        self.writer.write_all(b"\x1b").unwrap();
        self.writer.flush().unwrap();
    }

    fn wait_exit(&mut self) {
        // The child's exit has no event to wait on here; polling is only how
        // often we look, and the deadline is as generous as every other wait.
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                assert!(status.success(), "exit status {status:?}");
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("claimdesk did not exit; screen:\n{}", self.contents());
    }
}

#[test]
fn annotate_quit_and_find_the_verdict_again() {
    let dir = common::temp_seeds();
    let mut s = Session::start(dir.path(), 100, 30);
    s.wait_for("Belgium Police seize 28 tons");
    s.wait_for("sentence 1/");
    s.keys("j");
    s.wait_for("sentence 2/");
    s.keys("d");
    s.wait_for("saved");
    s.keys("a");
    s.wait_for("Note: Esc keeps it");
    s.keys("Figure differs from 001.");
    s.wait_for("Figure differs from 001.");
    s.esc();
    s.wait_for("Note saved.");
    s.keys("q");
    s.wait_exit();

    let file = dir.path().join("annotations/000_b4c1e1b9b05d5c34.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let a = &json["annotations"][0];
    assert_eq!(a["verdict"], "disputed");
    assert_eq!(a["note"], "Figure differs from 001.");
    assert_eq!(a["reviewer"], "pty-tester");
    assert!(
        a["target"]["exact"]
            .as_str()
            .unwrap()
            .starts_with("Police in Belgium has seized 28 tons")
    );

    // Back again: the verdict is on screen and the cursor is where we left it.
    let mut s = Session::start(dir.path(), 100, 30);
    s.wait_for("[D] Police in Belgium");
    let screen = s.wait_for("sentence 2/");
    assert!(
        screen.contains("D Police in Belgium has seized"),
        "gutter letter:\n{screen}"
    );
    s.keys("q");
    s.wait_exit();
}

#[test]
fn the_terminal_is_restored_after_quitting() {
    let dir = common::temp_seeds();
    let mut s = Session::start(dir.path(), 80, 24);
    s.wait_for("Articles 5");
    s.keys("?");
    s.wait_for("Help: j k scroll");
    s.esc();
    s.wait_gone("Help: j k scroll");
    s.keys("q");
    s.wait_exit();
    s.wait_closed();
    // Leaving the alternate screen brings back the (empty) main screen.
    let seen = s.screen.seen.lock().unwrap();
    assert!(
        !seen.parser.screen().alternate_screen(),
        "still on the alternate screen"
    );
    assert!(!seen.parser.screen().contents().contains("Articles 5"));
}

#[test]
fn an_edited_article_reports_moved_and_orphaned_annotations_on_reopen() {
    let dir = common::temp_seeds();
    let mut s = Session::start(dir.path(), 160, 40);
    s.wait_for("sentence 1/");
    s.keys("jd");
    s.wait_for("Marked disputed.");
    s.keys("jt");
    s.wait_for("Marked true.");
    s.keys("q");
    s.wait_exit();

    // The article is corrected: a paragraph at the top, one annotated sentence gone.
    let path = dir.path().join("seeds/000_b4c1e1b9b05d5c34.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let barely = "This is barely after six weeks after police made a record seizure of 27.64 tons of cocaine at the Port of Antwerp.";
    assert!(text.contains(barely));
    std::fs::write(
        &path,
        format!(
            "Editor's note: this article was updated.\n\n{}",
            text.replace(barely, "")
        ),
    )
    .unwrap();

    let mut s = Session::start(dir.path(), 160, 40);
    let screen = s.wait_for("1 annotation(s) moved, 0 need confirming, 1 orphaned.");
    assert!(
        screen.contains("Articles changed since they were annotated"),
        "{screen}"
    );
    s.wait_for("[T] orphaned: This is barely after six we");
    let screen = s.wait_for("[D] Police in Belgium has seized");
    assert!(
        screen.contains("D Police in Belgium has seized 28 tons"),
        "the moved claim is drawn at its new place:\n{screen}"
    );
    s.keys("q");
    s.wait_exit();
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(["check", "seeds"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(!check.status.success(), "check reports the orphan");
}

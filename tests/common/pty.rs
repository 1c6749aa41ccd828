//! The real binary in a pseudo-terminal, its screen parsed by vt100.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// How long any wait may take before the test gives up. Generous on purpose:
/// waits end as soon as the screen shows what they wait for, so this only
/// bounds a hang, and a slow or busy machine never fails a test by itself.
pub const PATIENCE: Duration = Duration::from_secs(180);

/// The screen as the program drew it, and a signal for every change to it.
pub struct Screen {
    pub seen: Mutex<Seen>,
    changed: Condvar,
}

pub struct Seen {
    pub parser: vt100::Parser,
    /// The program closed the terminal: nothing more will be drawn.
    pub closed: bool,
}

pub struct Session {
    pub screen: Arc<Screen>,
    writer: Option<Box<dyn Write + Send>>,
    /// Set to close our side of the terminal, as closing its window would.
    hang_up: Arc<AtomicBool>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    /// claimdesk on the copied seeds, as a reviewer named pty-tester.
    pub fn start(dir: &Path, cols: u16, rows: u16) -> Session {
        Session::spawn(
            dir,
            cols,
            rows,
            env!("CARGO_BIN_EXE_claimdesk"),
            &["seeds", "--reviewer", "pty-tester"],
        )
    }

    /// Any program (a shell that sets a limit first, say) in the terminal.
    pub fn spawn(dir: &Path, cols: u16, rows: u16, program: &str, args: &[&str]) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", dir.join(".config"));
        cmd.env("XDG_STATE_HOME", dir.join(".state"));
        cmd.env("XDG_CACHE_HOME", dir.join(".cache"));
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
        let hang_up = Arc::new(AtomicBool::new(false));
        let hung = hang_up.clone();
        std::thread::spawn(move || {
            // The master and this reader are the last of our side's handles:
            // when this thread returns, they close and the program sees a
            // hang-up (once the writer is dropped too).
            let master = pair.master;
            let fd = master.as_raw_fd().expect("a unix pty");
            let mut buf = [0u8; 8192];
            while !hung.load(Ordering::Relaxed) {
                // Look up every 50 ms whether to hang up; data wakes it at once.
                let mut p = libc::pollfd {
                    fd,
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd; poll only writes `revents`.
                if unsafe { libc::poll(&mut p, 1, 50) } == 0 {
                    continue;
                }
                match reader.read(&mut buf) {
                    Ok(n) if n > 0 => {
                        sink.seen.lock().unwrap().parser.process(&buf[..n]);
                        sink.changed.notify_all();
                    }
                    _ => break,
                }
            }
            sink.seen.lock().unwrap().closed = true;
            sink.changed.notify_all();
        });
        Session {
            screen,
            writer: Some(writer),
            hang_up,
            child,
        }
    }

    pub fn contents(&self) -> String {
        self.screen.seen.lock().unwrap().parser.screen().contents()
    }

    /// Waits until what was seen satisfies `done`, woken by every change.
    pub fn wait_until(&self, what: &str, done: impl Fn(&Seen) -> bool) -> String {
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

    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| {
            s.parser.screen().contents().contains(text)
        })
    }

    pub fn wait_gone(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to go"), |s| {
            !s.parser.screen().contents().contains(text)
        })
    }

    /// Waits until the program has closed the terminal: its last bytes are in.
    pub fn wait_closed(&self) {
        self.wait_until("the terminal to close", |s| s.closed);
    }

    pub fn keys(&mut self, bytes: &str) {
        self.bytes(bytes.as_bytes());
    }

    pub fn bytes(&mut self, bytes: &[u8]) {
        let w = self.writer.as_mut().expect("the terminal is open");
        w.write_all(bytes).unwrap();
        w.flush().unwrap();
    }

    /// Closes the terminal under the program, as closing its window does.
    pub fn hang_up(&mut self) {
        self.writer = None;
        self.hang_up.store(true, Ordering::Relaxed);
        self.wait_closed();
    }

    /// Esc alone. The caller then waits for its effect before typing more, so
    /// Esc is never read together with the next key as Alt plus that key.
    pub fn esc(&mut self) {
        self.bytes(b"\x1b");
    }

    pub fn wait_exit(&mut self) {
        let status = self.wait_status();
        assert!(status.success(), "exit status {status:?}");
    }

    /// Waits for the program to end and returns how it ended.
    pub fn wait_status(&mut self) -> portable_pty::ExitStatus {
        // The child's exit has no event to wait on here; polling is only how
        // often we look, and the deadline is as generous as every other wait.
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("the program did not exit; screen:\n{}", self.contents());
    }
}

//! The real binary under hostile conditions, in a pseudo-terminal: a
//! file-size limit, stop signals, a closed terminal, bursts of input.

mod common;

use common::pty::Session;
use std::path::Path;

const BIN: &str = env!("CARGO_BIN_EXE_claimdesk");

/// claimdesk started by a shell that first runs `setup` (a limit, a trap).
fn under_shell(dir: &Path, setup: &str) -> Session {
    let script = format!("{setup}; exec \"$0\" seeds --reviewer pty-tester");
    Session::spawn(dir, 100, 30, "/bin/sh", &["-c", &script, BIN])
}

fn annotation_names(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir.join("annotations"))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn assert_terminal_restored(s: &Session) {
    s.wait_closed();
    let seen = s.screen.seen.lock().unwrap();
    assert!(
        !seen.parser.screen().alternate_screen(),
        "still on the alternate screen:\n{}",
        seen.parser.screen().contents()
    );
}

#[test]
fn a_file_size_limit_is_reported_not_saved_and_nothing_breaks() {
    let dir = common::temp_seeds();
    // 2 blocks: the first verdicts fit, a later one does not.
    let mut s = under_shell(dir.path(), "ulimit -f 2");
    s.wait_for("sentence 1/");
    let verdicts = [
        ('t', "Marked true."),
        ('d', "Marked disputed."),
        ('f', "Marked false."),
        ('u', "Marked unverifiable."),
    ];
    let mut refused = false;
    for (i, (key, said)) in verdicts.iter().cycle().take(12).enumerate() {
        s.keys("j");
        s.wait_for(&format!("sentence {}/", i + 2));
        s.keys(&key.to_string());
        let screen = s.wait_until(said, |seen| {
            let c = seen.parser.screen().contents();
            c.contains(said) || c.contains("NOT SAVED")
        });
        if screen.contains("NOT SAVED") {
            // The screen may hold only the start of that line yet: the
            // reason follows in the same frame.
            s.wait_for("(file too large)");
            refused = true;
            break;
        }
    }
    assert!(refused, "the limit was never reached:\n{}", s.contents());
    // The file on disk is whole, and no temp file is left behind.
    let names = annotation_names(dir.path());
    assert!(
        names.iter().all(|n| !n.contains(".tmp-")),
        "temp file left: {names:?}"
    );
    let text =
        std::fs::read_to_string(dir.path().join("annotations/000_b4c1e1b9b05d5c34.json")).unwrap();
    serde_json::from_str::<serde_json::Value>(&text).expect("the saved file is whole");
    // Quitting asks, because a change is held only in memory.
    s.keys("q");
    s.wait_for("could not be saved");
    s.keys("y");
    s.wait_exit();
    assert_terminal_restored(&s);
}

#[test]
fn sigterm_saves_restores_the_terminal_and_says_so() {
    let dir = common::temp_seeds();
    let mut s = under_shell(dir.path(), "true");
    s.wait_for("sentence 1/");
    s.keys("jt");
    s.wait_for("Marked true.");
    let pid = s.child.process_id().expect("a pid") as i32;
    // SAFETY: sending a signal to our own child.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    let status = s.wait_status();
    assert_eq!(status.exit_code(), 143, "{status:?}");
    assert_terminal_restored(&s);
    assert!(
        s.contents()
            .contains("stopped by SIGTERM; every change is saved."),
        "{}",
        s.contents()
    );
}

#[test]
fn a_closed_terminal_ends_the_program_even_with_sighup_ignored() {
    let dir = common::temp_seeds();
    let mut s = under_shell(dir.path(), "trap '' HUP");
    s.wait_for("sentence 1/");
    s.keys("jd");
    s.wait_for("Marked disputed.");
    s.hang_up();
    // Before, it read end-of-file forever at full speed and never exited.
    s.wait_status();
    let text =
        std::fs::read_to_string(dir.path().join("annotations/000_b4c1e1b9b05d5c34.json")).unwrap();
    assert!(text.contains("\"disputed\""));
}

#[test]
fn bursts_of_input_are_read_whole_without_waiting_for_more() {
    let dir = common::temp_seeds();
    let mut s = Session::start(dir.path(), 100, 30);
    s.wait_for("sentence 1/");
    // 4 KB of cursor moves, and 64 KB of a key bound to nothing (cheap to
    // handle, so the test measures reading, not 64,000 moves in a debug
    // build), each followed by `?`: help shows only once every byte was read.
    for (key, size) in [(b'j', 4 * 1024), (b'Q', 64 * 1024)] {
        let mut burst = vec![key; size];
        burst.push(b'?');
        s.bytes(&burst);
        s.wait_for("Help: j k scroll");
        s.esc();
        s.wait_gone("Help: j k scroll");
    }
    s.keys("q");
    s.wait_exit();
}

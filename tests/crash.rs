//! A writer killed with SIGKILL at random moments, hundreds of times: after
//! every kill the file parses and holds the last or the one-before-last state.

use claimdesk::store::{self, Annotation, AnnotationKind, Verdict, make_target};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const CHILD_ENV: &str = "CLAIMDESK_CRASH_CHILD";

/// The child: saves state k, k+1, … as fast as it can, printing each k once
/// its save returned. Does nothing unless started by the test below.
#[test]
fn crash_child() {
    let Ok(dir) = std::env::var(CHILD_ENV) else {
        return;
    };
    let dir = Path::new(&dir);
    let corpus = claimdesk::corpus::load(&dir.join("corpus")).unwrap();
    let article = &corpus.articles[0];
    let mut ann = store::load_article(&dir.join("annotations"), article);
    assert!(ann.problem.is_none(), "{:?}", ann.problem);
    let mut k: u64 = ann
        .file
        .get("counter")
        .map_or(0, |a| a.note.parse().unwrap());
    loop {
        k += 1;
        // A file that grows and shrinks, so a torn write could not look whole.
        let extra = (k % 7) as usize;
        ann.file.annotations.retain(|a| a.id == "counter");
        for i in 0..extra {
            ann.file.upsert(note_annotation(
                article,
                &format!("pad-{i}"),
                &"x".repeat(200 * (i + 1)),
            ));
        }
        ann.file
            .upsert(note_annotation(article, "counter", &k.to_string()));
        let done = store::save(&ann, article).unwrap();
        ann.file = done.file;
        ann.base = Some(done.base);
        println!("saved {k}");
    }
}

fn note_annotation(article: &claimdesk::corpus::Article, id: &str, note: &str) -> Annotation {
    Annotation {
        id: id.into(),
        kind: AnnotationKind::Note,
        target: make_target(article, 0, 5),
        verdict: Verdict::Unreviewed,
        note: note.into(),
        evidence: Vec::new(),
        publishing: Default::default(),
        reviewer: "crash".into(),
        created: "2026-11-23T10:00:00Z".into(),
        updated: "2026-11-23T10:00:00Z".into(),
        history: Vec::new(),
        aliases: Vec::new(),
        anchor: Default::default(),
    }
}

/// One round: start the child, wait (event-driven, not by the clock) until it
/// has acknowledged `acks` saves, let it run on for `extra_us` so the kill
/// lands at a random point of a later save, SIGKILL it, and return every save
/// it acknowledged.
fn run_and_kill(dir: &Path, acks: usize, extra_us: u64) -> Vec<u64> {
    let stderr = std::fs::File::create(dir.join("child.stderr")).unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, dir)
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .unwrap();
    let out = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in out.lines().map_while(Result::ok) {
            if let Some(k) = parse_ack(&line)
                && tx.send(k).is_err()
            {
                break;
            }
        }
    });
    let mut acked = Vec::new();
    while acked.len() < acks {
        // Generous: this only fires if the child hangs, however slow the machine.
        match rx.recv_timeout(Duration::from_secs(300)) {
            Ok(k) => acked.push(k),
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                let log = std::fs::read_to_string(dir.join("child.stderr")).unwrap_or_default();
                panic!("the child stopped acknowledging saves ({e:?}) after {acked:?}:\n{log}");
            }
        }
    }
    std::thread::sleep(Duration::from_micros(extra_us));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    reader.join().unwrap();
    // Everything the child printed before it died is in the pipe.
    acked.extend(rx.try_iter());
    acked
}

/// libtest prints `test crash_child ... ` before the child's own output, so
/// an acknowledgement may share its line.
fn parse_ack(line: &str) -> Option<u64> {
    line.rsplit_once("saved ")?.1.trim().parse().ok()
}

#[test]
fn acknowledgements_are_found_after_the_libtest_header() {
    assert_eq!(parse_ack("test crash_child ... saved 1"), Some(1));
    assert_eq!(parse_ack("saved 42"), Some(42));
    assert_eq!(parse_ack("running 1 test"), None);
}

#[test]
#[cfg(unix)]
fn killed_at_random_moments_the_file_is_old_or_new_never_broken() {
    if std::env::var(CHILD_ENV).is_ok() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("corpus")).unwrap();
    std::fs::write(
        dir.path().join("corpus/a.txt"),
        "Headline here\n\nPolice said 28 tons were seized on Monday.\n",
    )
    .unwrap();
    let file = dir.path().join("annotations/a.json");
    let kills = 300;
    let mut seed: u64 = 0x2545F4914F6CDD1D;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut total_saves = 0;
    let mut previous = 0;
    for round in 0..kills {
        // The kill comes after 1 to 4 acknowledged saves, then 0 to 3 ms on:
        // driven by the child's progress, so a slow machine only moves where
        // in a save the kill lands, never whether the test can pass.
        let acks = 1 + (next() % 4) as usize;
        let extra_us = next() % 3_000;
        let acked = run_and_kill(dir.path(), acks, extra_us);
        assert!(acked.len() >= acks, "round {round}: {acked:?}");
        total_saves += acked.len();
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("round {round}: saves acknowledged but no file ({e})"));
        let parsed: store::AnnotationFile = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("round {round}: the file is broken ({e}):\n{text}"));
        let k: u64 = parsed.get("counter").unwrap().note.parse().unwrap();
        let last = *acked.last().unwrap();
        assert!(
            k == last || k == last + 1,
            "round {round}: file holds {k}, last acknowledged {last}"
        );
        assert!(
            k > previous,
            "round {round}: the counter went back from {previous} to {k}"
        );
        previous = k;
        let names: Vec<String> = std::fs::read_dir(dir.path().join("annotations"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names
                .iter()
                .all(|n| n == "a.json" || n == ".gitignore" || n.starts_with(".a.json.")),
            "{names:?}"
        );
    }
    eprintln!(
        "crash test: {kills} kills with SIGKILL, {total_saves} acknowledged saves in between"
    );
}

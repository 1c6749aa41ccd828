//! A writer killed with SIGKILL at random moments, hundreds of times: after
//! every kill the file parses and holds the last or the one-before-last state.

use claimdesk::store::{self, Annotation, Kind, Verdict, make_target};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
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
        kind: Kind::Note,
        target: make_target(article, 0, 5),
        verdict: Verdict::Unreviewed,
        note: note.into(),
        evidence: Vec::new(),
        reviewer: "crash".into(),
        created: "2026-11-23T10:00:00Z".into(),
        updated: "2026-11-23T10:00:00Z".into(),
        history: Vec::new(),
        anchor: Default::default(),
    }
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
    let mut total_saves = 0;
    for round in 0..kills {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(2_000 + seed % 18_000));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        // Everything the child printed is in the pipe: the last line is the last acknowledged save.
        let out = BufReader::new(child.stdout.take().unwrap());
        let acked: Vec<u64> = out
            .lines()
            .map_while(Result::ok)
            .filter_map(|l| l.strip_prefix("saved ").and_then(|k| k.parse().ok()))
            .collect();
        total_saves += acked.len();
        if !file.exists() {
            assert!(
                acked.is_empty(),
                "round {round}: saves acknowledged but no file"
            );
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let parsed: store::AnnotationFile = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("round {round}: the file is broken ({e}):\n{text}"));
        let k: u64 = parsed.get("counter").unwrap().note.parse().unwrap();
        if let Some(&last) = acked.last() {
            assert!(
                k == last || k == last + 1,
                "round {round}: file holds {k}, last acknowledged {last}"
            );
        }
        let names: Vec<String> = std::fs::read_dir(dir.path().join("annotations"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names
                .iter()
                .all(|n| n == "a.json" || n.starts_with(".a.json.")),
            "{names:?}"
        );
    }
    eprintln!(
        "crash test: {kills} kills with SIGKILL, {total_saves} acknowledged saves in between"
    );
    assert!(
        total_saves > kills,
        "the child must get saves done between kills ({total_saves})"
    );
}

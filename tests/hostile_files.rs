//! Links and special files planted where claimdesk writes or reads: nothing
//! is written outside the annotations folder, nothing blocks or eats memory.

mod common;

use claimdesk::store::{self, Annotation, AnnotationKind, Verdict, make_target};
use std::os::unix::fs::symlink;
use std::path::Path;

fn corpus_with(dir: &Path, files: &[(&str, &str)]) -> claimdesk::corpus::Corpus {
    for (name, text) in files {
        let p = dir.join("corpus").join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    claimdesk::corpus::load(&dir.join("corpus")).unwrap()
}

fn claim(article: &claimdesk::corpus::Article) -> Annotation {
    Annotation {
        id: "c1".into(),
        kind: AnnotationKind::Claim,
        target: make_target(article, 0, 8),
        verdict: Verdict::True,
        note: String::new(),
        evidence: Vec::new(),
        publishing: Default::default(),
        reviewer: "t".into(),
        created: "2026-11-23T10:00:00Z".into(),
        updated: "2026-11-23T10:00:00Z".into(),
        history: Vec::new(),
        aliases: Vec::new(),
        anchor: Default::default(),
    }
}

fn save_one(dir: &Path, corpus: &claimdesk::corpus::Corpus, i: usize) -> Result<(), String> {
    let article = &corpus.articles[i];
    let mut ann = store::load_article(&dir.join("annotations"), article);
    ann.file.upsert(claim(article));
    store::save(&ann, article).map(|_| ())
}

const TEXT: &str = "Headline\n\nPolice seized 28 tons on Monday.\n";

#[test]
fn a_dangling_lock_link_is_refused_and_its_target_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_with(dir.path(), &[("a.txt", TEXT)]);
    let ann = dir.path().join("annotations");
    std::fs::create_dir_all(&ann).unwrap();
    let target = dir.path().join("outside-created");
    symlink(&target, ann.join(".a.json.lock")).unwrap();
    let err = save_one(dir.path(), &corpus, 0).unwrap_err();
    assert!(
        err.contains("is a link, which claimdesk does not follow"),
        "{err}"
    );
    assert!(!target.exists(), "the link's target was created");
    assert!(!ann.join("a.json").exists());
}

#[test]
fn a_planted_temp_file_link_is_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_with(dir.path(), &[("a.txt", TEXT)]);
    let ann = dir.path().join("annotations");
    std::fs::create_dir_all(&ann).unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    // The names an earlier claimdesk used, and the prefix this one uses.
    let pid = std::process::id();
    symlink(&victim, ann.join(format!(".a.json.tmp-{pid}"))).unwrap();
    symlink(&victim, ann.join(format!(".a.json.tmp-{pid}-"))).unwrap();
    save_one(dir.path(), &corpus, 0).unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    let saved = std::fs::read_to_string(ann.join("a.json")).unwrap();
    assert!(saved.contains("\"c1\""));
}

#[test]
fn a_linked_subfolder_leading_outside_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_with(dir.path(), &[("sub/a.txt", TEXT)]);
    let ann = dir.path().join("annotations");
    std::fs::create_dir_all(&ann).unwrap();
    let outside = dir.path().join("elsewhere");
    std::fs::create_dir_all(&outside).unwrap();
    symlink(&outside, ann.join("sub")).unwrap();
    let err = save_one(dir.path(), &corpus, 0).unwrap_err();
    assert!(
        err.contains("is a link that leads outside the annotations folder"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(&outside).unwrap().count(),
        0,
        "nothing written outside"
    );
}

#[test]
fn an_annotation_file_linked_outside_is_refused_and_one_linked_inside_is_followed() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_with(dir.path(), &[("a.txt", TEXT), ("b.txt", TEXT)]);
    let ann = dir.path().join("annotations");
    std::fs::create_dir_all(ann.join("real")).unwrap();
    let outside = dir.path().join("outside.json");
    symlink(&outside, ann.join("a.json")).unwrap();
    let err = save_one(dir.path(), &corpus, 0).unwrap_err();
    assert!(err.contains("leads outside"), "{err}");
    assert!(!outside.exists());
    // Inside the folder, a link is the user's own arrangement: written through.
    symlink(ann.join("real/b.json"), ann.join("b.json")).unwrap();
    save_one(dir.path(), &corpus, 1).unwrap();
    assert!(ann.join("real/b.json").is_file());
    assert!(
        std::fs::symlink_metadata(ann.join("b.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

/// Runs the binary with a deadline, so a hang fails the test instead of the suite.
fn run_bounded(dir: &Path, args: &[&str]) -> (i32, String, String) {
    use std::io::Read;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(args)
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join(".config"))
        .env("XDG_STATE_HOME", dir.join(".state"))
        .env("XDG_CACHE_HOME", dir.join(".cache"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    // Generous: only a hang (a blocked open, an endless read) reaches it.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(180);
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("claimdesk {args:?} hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    (
        status.code().unwrap_or(-1),
        reader.join().unwrap(),
        err_reader.join().unwrap(),
    )
}

#[test]
fn special_files_and_links_out_of_the_corpus_are_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("a.txt"), TEXT).unwrap();
    symlink("/dev/zero", corpus.join("zero.txt")).unwrap();
    symlink("/etc/passwd", corpus.join("passwd.txt")).unwrap();
    let fifo = std::ffi::CString::new(corpus.join("fifo.txt").to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    let big = std::fs::File::create(corpus.join("big.txt")).unwrap();
    big.set_len(claimdesk::corpus::MAX_ARTICLE_BYTES + 1)
        .unwrap(); // sparse: costs no disk
    symlink(corpus.join("a.txt"), corpus.join("inside.txt")).unwrap();
    for cmd in [
        &["stats", "corpus"][..],
        &["claims", "corpus"],
        &["links", "corpus"],
    ] {
        let (code, out, err) = run_bounded(dir.path(), cmd);
        assert_eq!(code, 0, "{cmd:?}: {err}");
        assert!(!out.contains("root:"), "{cmd:?} embedded /etc/passwd");
        for (name, why) in [
            ("zero.txt", "a link to /dev/zero, outside the corpus"),
            ("fifo.txt", "not a regular file"),
            ("passwd.txt", "outside the corpus"),
            ("big.txt", "over the 64 MB"),
        ] {
            assert!(
                err.lines().any(|l| l.contains(name) && l.contains(why)),
                "{cmd:?}: no reason for {name}:\n{err}"
            );
        }
        assert!(
            !err.contains("inside.txt"),
            "a link inside the corpus is read"
        );
    }
    // Asked for, a link out of the corpus is read.
    let (code, _, err) = run_bounded(dir.path(), &["stats", "corpus", "--follow-links"]);
    assert_eq!(code, 0);
    assert!(!err.contains("passwd.txt"), "{err}");
}

#[test]
fn escape_sequences_from_articles_names_and_notes_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "Police seized 28 tons \u{1b}]52;c;aGVsbG8=\u{7} on \u{1b}[2J Monday, \u{9b}31m said the prosecutor.";
    let name = "x\u{1b}[31m.txt";
    let corpus = corpus_with(dir.path(), &[(name, &format!("Headline\n\n{evil}\n"))]);
    let article = &corpus.articles[0];
    let mut ann = store::load_article(&dir.path().join("annotations"), article);
    let mut c = claim(article);
    c.target = make_target(article, 10, 40);
    c.note = "note \u{1b}]0;title\u{7}".into();
    c.reviewer = "rev\u{1b}[5m".into();
    ann.file.upsert(c);
    store::save(&ann, article).unwrap();
    let commands: [&[&str]; 9] = [
        &["stats", "corpus"],
        &["claims", "corpus"],
        &["links", "corpus"],
        &["check", "corpus"],
        &["export", "corpus", "--format", "md"],
        &["export", "corpus", "--format", "csv"],
        &["claims", "corpus", "--json"],
        &["export", "corpus", "--format", "json"],
        &["export", "corpus", "--format", "w3c"],
    ];
    for cmd in commands {
        let (_, out, err) = run_bounded(dir.path(), cmd);
        for (what, text) in [("stdout", &out), ("stderr", &err)] {
            assert!(
                !text
                    .chars()
                    .any(|c| c.is_control() && !"\t\r\n".contains(c)),
                "{cmd:?} wrote a control character to {what}: {text:?}"
            );
        }
        if cmd.contains(&"--json") || cmd.contains(&"json") || cmd.contains(&"w3c") {
            serde_json::from_str::<serde_json::Value>(&out).expect("still JSON");
            assert!(
                out.contains("\\u001b"),
                "{cmd:?}: the escape is kept, escaped"
            );
        }
    }
}

#[test]
fn a_start_after_its_end_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_with(dir.path(), &[("a.txt", TEXT)]);
    save_one(dir.path(), &corpus, 0).unwrap();
    let path = dir.path().join("annotations/a.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let swapped = text
        .replace("\"start\": 0", "\"start\": 30")
        .replace("\"end\": 8", "\"end\": 10");
    std::fs::write(&path, swapped).unwrap();
    let ann = store::load_article(&dir.path().join("annotations"), &corpus.articles[0]);
    let problem = ann.problem.expect("reported").0;
    assert!(
        problem.ends_with("whose start 30 is after its end 10."),
        "{problem}"
    );
}

#[test]
fn an_unreadable_article_says_why_instead_of_still_being_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let fifo = std::ffi::CString::new(corpus.join("a.txt").to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    let mut s = common::state_for(&corpus, (80, 24));
    common::press(&mut s, "t");
    assert_eq!(
        s.message.as_deref(),
        Some(
            "Nothing to mark here: the file cannot be read: not a regular file (a pipe, a device or a socket)."
        )
    );
}

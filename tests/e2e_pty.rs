//! The real binary in a pseudo-terminal: annotate, quit, check the file, come back.

mod common;

use common::pty::Session;
use std::path::Path;

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
    let screen = s.wait_for("[D] Police in Belgium has seized");
    assert!(
        screen.contains("D Police in Belgium has seized 28 tons"),
        "the moved claim is drawn at its new place:\n{screen}"
    );
    // The orphan is listed last: once the suggestions are in, below the
    // fold. Go to the end of the sidebar rather than hope to catch it early.
    s.keys("\t");
    s.wait_for("┏ Claims");
    s.keys("G");
    s.wait_for("[T] orphaned: This is barely after six we");
    s.keys("q");
    s.wait_exit();
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(["check", "seeds"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(!check.status.success(), "check reports the orphan");
}

#[test]
fn a_corpus_larger_than_the_first_screen_is_read_behind_it_and_keys_typed_meanwhile_count() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("seeds");
    std::fs::create_dir_all(&corpus).unwrap();
    // More articles than the workbench reads before its first frame.
    for i in 0..700 {
        std::fs::write(
            corpus.join(format!("{i:04}.txt")),
            format!("Harbour report number {i} for the council\n\nThe council said {i} boats were inspected on Monday.\n"),
        )
        .unwrap();
    }
    let mut s = Session::start(dir.path(), 100, 30);
    s.wait_for("Harbour report number 0 for the council");
    // To the list, to its last article, open it: whether or not the rest
    // is read yet, this ends on article 700.
    s.keys("\t\tG\r");
    s.wait_for("Harbour report number 699 for the council");
    s.wait_for("700/700");
    s.keys("q");
    s.wait_exit();
}

#[test]
fn a_claim_checked_before_is_shown_and_its_rating_taken() {
    let dir = common::temp_seeds();
    let review = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library/single.json");
    let code = std::process::Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(["library", "add", review.to_str().unwrap(), "--library"])
        .arg(dir.path().join("lib"))
        .status()
        .unwrap();
    assert!(code.success());
    let mut s = Session::spawn(
        dir.path(),
        100,
        30,
        env!("CARGO_BIN_EXE_claimdesk"),
        &["seeds", "--reviewer", "pty-tester", "--library", "lib"],
    );
    s.wait_for("sentence(s) checked before, against 1 library claim(s)");
    s.wait_for("Checked before:");
    s.keys("A");
    s.wait_for("Marked disputed as Example Fact Check rated it (Mostly True)");
    s.wait_for("saved");
    s.keys("q");
    s.wait_exit();
    let file = dir.path().join("annotations/000_b4c1e1b9b05d5c34.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let a = &json["annotations"][0];
    assert_eq!(a["verdict"], "disputed");
    assert_eq!(
        a["evidence"][0]["ref"],
        "https://factcheck.example/2021/03/belgian-police-28-tons"
    );
}

/// Once the corpus is indexed, the workbench parks its texts in a file
/// without a name in the cache folder and reads them through a mapping:
/// another article still shows, and a verdict on it quotes its text.
#[test]
fn after_the_texts_are_parked_another_article_reads_and_takes_a_verdict() {
    let dir = common::temp_seeds();
    let mut s = Session::start(dir.path(), 100, 30);
    s.wait_for("Belgium Police seize 28 tons");
    let pid = s.child.process_id().expect("the workbench's pid");
    let cache = dir.path().join(".cache").to_string_lossy().into_owned();
    // Nothing on screen tells when the texts are parked: the process's
    // mappings do (Linux), looked at until the file is mapped.
    let parked = || {
        std::fs::read_to_string(format!("/proc/{pid}/maps"))
            .unwrap_or_default()
            .lines()
            .any(|l| l.contains(&cache) && l.ends_with("(deleted)"))
    };
    let deadline = std::time::Instant::now() + common::pty::PATIENCE;
    while !parked() {
        assert!(
            std::time::Instant::now() < deadline,
            "the texts were never parked"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // Nothing is left in the cache folder but the caches.
    let cached: Vec<String> = std::fs::read_dir(dir.path().join(".cache/claimdesk"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(cached.iter().all(|n| n.starts_with("index-")), "{cached:?}");
    // To the list, the next article, open it, and mark its first sentence.
    s.keys("\t\tj\r");
    s.wait_for("2/5");
    s.wait_for("connected to the operation.");
    s.keys("f");
    s.wait_for("saved");
    s.keys("q");
    s.wait_exit();
    let article =
        std::fs::read_to_string(dir.path().join("seeds/001_c536a8e3396972ad.txt")).unwrap();
    let file = dir.path().join("annotations/001_c536a8e3396972ad.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let a = &json["annotations"][0];
    assert_eq!(a["verdict"], "false");
    let exact = a["target"]["exact"].as_str().unwrap();
    assert!(!exact.is_empty() && article.contains(exact), "{exact:?}");
}

//! The command line, run as a user would run it.

mod common;

use common::*;
use std::process::Command;

#[test]
fn claims_json_lists_candidates_with_offsets_scores_and_reasons() {
    let dir = temp_seeds();
    let (code, out, err) = claimdesk(&["claims", "seeds", "--json"], dir.path());
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let items = v.as_array().unwrap();
    assert!(items.len() > 40, "{}", items.len());
    assert!(
        items[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Belgium Police seize 28 tons"),
        "a headline with a figure is a candidate"
    );
    let first = items
        .iter()
        .find(|i| i["start"] == 82)
        .expect("the first claim of 000");
    assert_eq!(first["article"], "000_b4c1e1b9b05d5c34.txt");
    assert_eq!(
        (first["start"].as_u64(), first["end"].as_u64()),
        (Some(82), Some(221))
    );
    assert_eq!(first["suggested"], true);
    assert_eq!(first["chrome"], false);
    assert!(first["score"].as_f64().unwrap() >= 0.5);
    assert!(
        first["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["feature"] == "money" && r["evidence"] == "1.4 billion euros")
    );
    assert!(first["annotation"].is_null());
    assert!(
        items.iter().all(|i| i["chrome"] == false),
        "chrome is never a candidate"
    );

    // Written article by article: a corpus with no candidate is an empty array.
    let empty = tempfile::tempdir().unwrap();
    std::fs::write(empty.path().join("a.txt"), "Chrome only\n").unwrap();
    let (_, none, _) = claimdesk(&["claims", ".", "--json"], empty.path());
    assert_eq!(none, "[]\n");
    let (_, all, _) = claimdesk(&["claims", "seeds", "--json", "--all"], dir.path());
    let all: serde_json::Value = serde_json::from_str(&all).unwrap();
    let all = all.as_array().unwrap();
    assert!(all.len() > items.len());
    assert!(
        all.iter()
            .any(|i| i["chrome"] == true && i["text"] == "Advert 10")
    );
}

#[test]
fn saved_annotations_show_in_claims_export_and_stats() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (80, 24));
    press(&mut s, "jdaNote.<esc>jjt");
    let (code, out, _) = claimdesk(&["export", "seeds", "--format", "json"], dir.path());
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = v["annotations"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["article"], "000_b4c1e1b9b05d5c34.txt");
    assert_eq!(rows[0]["verdict"], "disputed");
    assert_eq!(rows[0]["note"], "Note.");
    assert_eq!(rows[0]["anchor"], "exact");
    assert_eq!(rows[0]["target"]["start"], 82);
    assert_eq!(rows[0]["reviewer"], "tester");

    let (_, out, _) = claimdesk(
        &["export", "seeds", "--format", "json", "--verdict", "true"],
        dir.path(),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["annotations"].as_array().unwrap().len(), 1);

    let (code, _, _) = claimdesk(
        &[
            "export",
            "seeds",
            "--format",
            "json",
            "--output",
            "out/export.json",
        ],
        dir.path(),
    );
    assert_eq!(code, 0);
    assert!(
        std::fs::read_to_string(dir.path().join("out/export.json"))
            .unwrap()
            .contains("\"disputed\"")
    );

    let (_, out, _) = claimdesk(&["claims", "seeds", "--json"], dir.path());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let saved = v
        .as_array()
        .unwrap()
        .iter()
        .find(|i| !i["annotation"].is_null())
        .unwrap();
    assert_eq!(saved["annotation"]["verdict"], "disputed");

    let (code, out, _) = claimdesk(&["stats", "seeds"], dir.path());
    assert_eq!(code, 0);
    assert!(
        out.starts_with("5 articles · 2/96 claims reviewed (2%)\n"),
        "{out}"
    );
    assert!(
        out.contains("disputed 1") && out.contains("true 1"),
        "{out}"
    );
    let (_, out, _) = claimdesk(&["stats", "seeds", "--json"], dir.path());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["reviewed"], 2);
}

#[test]
fn claims_listed_from_the_index_cache_are_the_claims_analysed_afresh() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (80, 24));
    // A disputed claim with a note, a true one, and a suggestion dismissed.
    press(&mut s, "jdaNote.<esc>jjtjx");
    // And a sentence the model does not suggest marked false.
    let mut s = state_for(&dir.path().join("seeds"), (80, 24));
    press(&mut s, &"j".repeat(19));
    press(&mut s, "f");
    let cache_dir = dir.path().join(".cache/claimdesk");
    let listings = [
        vec!["claims", "seeds", "--json"],
        vec!["claims", "seeds"],
        vec!["claims", "seeds", "--json", "--all"],
        vec!["claims", "seeds", "--all"],
    ];
    for args in &listings {
        let _ = std::fs::remove_dir_all(&cache_dir);
        let afresh = claimdesk_ok(dir.path(), args);
        let cached: Vec<_> = std::fs::read_dir(&cache_dir)
            .map(|d| d.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(
            cached.len(),
            1,
            "{args:?} leaves the index cache: {cached:?}"
        );
        let from_cache = claimdesk_ok(dir.path(), args);
        assert_eq!(from_cache, afresh, "{args:?}");
    }
    let listing = claimdesk_ok(dir.path(), &["claims", "seeds", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&listing).unwrap();
    let saved: Vec<(&str, bool)> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| !i["annotation"].is_null())
        .map(|i| {
            let verdict = i["annotation"]["verdict"].as_str().unwrap();
            (verdict, i["suggested"].as_bool().unwrap())
        })
        .collect();
    assert_eq!(
        saved,
        [("disputed", true), ("true", true), ("false", false)],
        "every verdict is listed from the cache, suggested or not"
    );
    // The cache another program version wrote is not used, and is replaced.
    let file = std::fs::read_dir(&cache_dir)
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replacen("claimdesk ", "claimdesk 0.0.0-older ", 1),
    )
    .unwrap();
    assert_eq!(
        claimdesk_ok(dir.path(), &["claims", "seeds", "--json"]),
        listing
    );
    let parsed = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap();
    let rewritten = std::fs::read_to_string(&file).unwrap();
    assert_eq!(parsed(&rewritten), parsed(&text), "rewritten");
}

#[test]
fn errors_are_one_sentence_and_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = claimdesk(&["claims", "no-such-dir"], dir.path());
    assert_ne!(code, 0);
    assert!(out.is_empty());
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.starts_with("claimdesk: cannot open corpus no-such-dir: no such file or directory."),
        "{err}"
    );
    std::fs::write(dir.path().join("file.txt"), "x").unwrap();
    let (code, _, err) = claimdesk(&["stats", "file.txt"], dir.path());
    assert_ne!(code, 0);
    assert_eq!(
        err.trim_end(),
        "claimdesk: the corpus file.txt is not a directory."
    );
    // Without a terminal the workbench says so instead of garbling a pipe.
    let (code, _, err) = claimdesk(&[], dir.path());
    assert_ne!(code, 0);
    assert!(err.contains("needs a terminal"), "{err}");
    let (code, _, err) = claimdesk(&["export", "--format", "pdf"], dir.path());
    assert_ne!(code, 0);
    assert!(err.contains("invalid value 'pdf'"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn a_bad_config_names_its_line() {
    let dir = temp_seeds();
    let cfg = dir.path().join(".config/claimdesk");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("config.toml"),
        "reviewer = \"ana\"\n[keys.main]\nquit = \"j\"\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .arg("seeds")
        .current_dir(dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join(".config"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("config.toml line 3: j is bound to both down and quit in [keys.main]"),
        "{err}"
    );
}

#[test]
fn check_reports_each_problem_and_exits_non_zero() {
    let dir = temp_seeds();
    let (code, out, _) = claimdesk(&["check", "seeds"], dir.path());
    assert_eq!(
        (code, out.as_str()),
        (0, "0 annotation file(s) checked: all clean.\n")
    );
    let mut s = state_for(&dir.path().join("seeds"), (80, 24));
    press(&mut s, "jdjt<s-tab>j<enter>jf");
    let (code, out, _) = claimdesk(&["check", "seeds"], dir.path());
    assert_eq!(
        (code, out.as_str()),
        (0, "2 annotation file(s) checked: all clean.\n")
    );
    // Another instance's save in progress (a live writer, a fresh file) is no problem.
    let ann = dir.path().join("annotations");
    let busy = ann.join(format!(
        ".000_b4c1e1b9b05d5c34.json.tmp-{}-ab12",
        std::process::id()
    ));
    std::fs::write(&busy, "half").unwrap();
    let (code, out, _) = claimdesk(&["check", "seeds"], dir.path());
    assert_eq!(
        (code, out.as_str()),
        (0, "2 annotation file(s) checked: all clean.\n")
    );
    std::fs::remove_file(&busy).unwrap();

    // Break things in every way check knows.
    std::fs::write(ann.join("001_c536a8e3396972ad.json"), "{ broken").unwrap();
    std::fs::write(ann.join("gone.json"), "{}").unwrap();
    // A temp file is a problem only when old and its writer is gone.
    let stray = ann.join(".000_b4c1e1b9b05d5c34.json.tmp-4194999-x1");
    std::fs::write(&stray, "half").unwrap();
    let two_minutes_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(120);
    std::fs::File::options()
        .write(true)
        .open(&stray)
        .unwrap()
        .set_modified(two_minutes_ago)
        .unwrap();
    let article = dir.path().join("seeds/000_b4c1e1b9b05d5c34.txt");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(
        &article,
        text.replacen("\n\n", "\n\nNew paragraph.\n\n", 1)
            .replace("This is barely after six weeks", "Six weeks"),
    )
    .unwrap();
    let (code, out, err) = claimdesk(&["check", "seeds"], dir.path());
    assert_ne!(code, 0);
    assert_eq!(
        err.trim_end(),
        "claimdesk: the annotation files have problems (listed above)."
    );
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.contains(&"annotations/.000_b4c1e1b9b05d5c34.json.tmp-4194999-x1: a temp file left by an interrupted save (claimdesk removes it at its next start)."), "{out}");
    assert!(lines.contains(&"annotations/000_b4c1e1b9b05d5c34.json: 000_b4c1e1b9b05d5c34.txt changed since it was annotated."), "{out}");
    assert!(
        lines.iter().any(
            |l| l.starts_with("annotations/000_b4c1e1b9b05d5c34.json: annotation ")
                && l.contains(" moved to ")
        ),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("only a similar text was found")),
        "{out}"
    );
    assert!(
        lines.contains(
            &"annotations/001_c536a8e3396972ad.json is not valid JSON (line 1, column 3)."
        ),
        "{out}"
    );
    assert!(lines.contains(&"annotations/gone.json: no article of the corpus has this file's name (the article was renamed or removed)."), "{out}");
    assert_eq!(
        lines.last(),
        Some(&"3 annotation file(s) checked: 6 problem(s)."),
        "{out}"
    );
    // check only reads: the broken file is untouched.
    assert_eq!(
        std::fs::read_to_string(ann.join("001_c536a8e3396972ad.json")).unwrap(),
        "{ broken"
    );
}

#[test]
fn a_mistyped_command_is_not_taken_for_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = claimdesk(&["stat"], dir.path());
    assert_ne!(code, 0);
    assert!(out.is_empty());
    assert_eq!(
        err.trim_end(),
        "claimdesk: no folder \"stat\" and no command \"stat\"; did you mean `claimdesk stats`?"
    );
    // A folder of that name is a folder.
    std::fs::create_dir(dir.path().join("stat")).unwrap();
    std::fs::write(
        dir.path().join("stat/a.txt"),
        "Title\n\nPolice seized 28 tons.\n",
    )
    .unwrap();
    let (code, out, err) = claimdesk(&["stats", "stat"], dir.path());
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("1 articles"), "{out}");
}

#[test]
fn an_empty_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let (code, _, err) = claimdesk(&["stats", "empty"], dir.path());
    assert_eq!(code, 0);
    assert_eq!(
        err.trim_end(),
        "claimdesk: no .txt, .md or .html articles in empty."
    );
}

#[test]
fn the_default_corpus_is_seeds_in_the_current_folder() {
    let dir = temp_seeds();
    for entry in std::fs::read_dir(dir.path().join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        if !path.ends_with("000_b4c1e1b9b05d5c34.txt") {
            std::fs::remove_file(path).unwrap();
        }
    }
    let (code, out, err) = claimdesk(&["stats"], dir.path());
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("1 articles"),
        "the checkout's five seeds were read: {out}"
    );
}

#[test]
fn usage_errors_are_one_line_and_completions_and_a_man_page_are_printed() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = claimdesk(&["export", "--format", "pdf"], dir.path());
    assert_eq!(code, 2);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.starts_with("claimdesk: invalid value 'pdf'"), "{err}");
    let (code, out, _) = claimdesk(&["completions", "bash"], dir.path());
    assert_eq!(code, 0);
    assert!(
        out.contains("_claimdesk()") && out.contains("merge-file"),
        "{out}"
    );
    let (code, out, _) = claimdesk(&["man"], dir.path());
    assert_eq!(code, 0);
    assert!(
        out.contains(".TH claimdesk 1") && out.contains("fact\\-checkers"),
        "{out}"
    );
    let (_, out, _) = claimdesk(&["claims", "--help"], dir.path());
    assert!(
        out.contains("[CORPUS]  Folder of articles (.txt, .md, .html)"),
        "{out}"
    );
}

#[test]
fn check_reports_evidence_that_points_at_nothing() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (80, 24));
    press(&mut s, "jd");
    let path = dir.path().join("annotations/000_b4c1e1b9b05d5c34.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let id = v["annotations"][0]["id"].as_str().unwrap().to_string();
    v["annotations"][0]["evidence"] = serde_json::json!([
        {"ref": format!("000_b4c1e1b9b05d5c34.txt#{id}"), "stance": "supports"},
        {"ref": "000_b4c1e1b9b05d5c34.txt#gone", "stance": "refutes"},
        {"ref": "https://example.org/a", "stance": "context"}
    ]);
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let (code, out, _) = claimdesk(&["check", "seeds"], dir.path());
    assert_ne!(code, 0);
    assert_eq!(
        out.lines().next().unwrap_or(""),
        format!(
            "annotations/000_b4c1e1b9b05d5c34.json: annotation {id}'s evidence 000_b4c1e1b9b05d5c34.txt#gone points at nothing (that article or annotation is gone)."
        ),
        "{out}"
    );
    assert!(
        out.ends_with("1 annotation file(s) checked: 1 problem(s).\n"),
        "{out}"
    );
}

#[test]
fn each_command_lists_only_the_options_it_uses() {
    let dir = temp_seeds();
    let help = |args: &[&str]| claimdesk_ok(dir.path(), args);
    let merge = help(&["merge-file", "--help"]);
    assert!(
        !merge.contains("--reviewer") && !merge.contains("--annotations"),
        "{merge}"
    );
    let stats = help(&["stats", "--help"]);
    assert!(
        stats.contains("--annotations") && !stats.contains("--reviewer"),
        "{stats}"
    );
    let export = help(&["export", "--help"]);
    assert!(
        export.contains("--reviewer") && export.contains("--annotations"),
        "{export}"
    );
    assert!(
        help(&["--help"]).contains("--reviewer"),
        "the workbench takes your name"
    );
    let (code, _, err) = claimdesk(&["stats", "seeds", "--reviewer", "ana"], dir.path());
    assert_eq!(code, 2);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

/// Runs the binary in `dir` with its standard output sent to `stdout`.
fn claimdesk_into(
    args: &[&str],
    dir: &std::path::Path,
    stdout: std::process::Stdio,
) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(args)
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join(".config"))
        .env("XDG_STATE_HOME", dir.join(".state"))
        .env("XDG_CACHE_HOME", dir.join(".cache"))
        .stdout(stdout)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs")
}

#[cfg(target_os = "linux")]
#[test]
fn a_listing_that_cannot_be_written_fails_with_the_reason() {
    let dir = temp_seeds();
    for args in [
        &["claims", "seeds", "--json"][..],
        &["links", "seeds", "--json"],
        &["stats", "seeds"],
    ] {
        let full = std::fs::File::create("/dev/full").expect("/dev/full on Linux");
        let out = claimdesk_into(args, dir.path(), full.into())
            .wait_with_output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(
            err.trim(),
            "claimdesk: the output cannot be written: no space left on device.",
            "{args:?}"
        );
    }
}

#[test]
fn a_listing_whose_reader_has_gone_stops_quietly() {
    use std::io::Read;
    // Enough articles that the listing is far larger than a pipe holds: the
    // binary is still writing when the reader goes.
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("many");
    std::fs::create_dir(&corpus).unwrap();
    for e in std::fs::read_dir(seeds_dir()).unwrap().flatten() {
        for copy in 0..40 {
            let name = format!("{copy:02}_{}", e.file_name().to_string_lossy());
            std::fs::copy(e.path(), corpus.join(name)).unwrap();
        }
    }
    let mut child = claimdesk_into(
        &["claims", "many", "--json"],
        dir.path(),
        std::process::Stdio::piped(),
    );
    let mut start = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut start).unwrap();
    assert!(start.starts_with(b"[\n  {"));
    // The pipe's reading end is closed here, as `| head -c 64` closes it.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn links_lists_the_same_with_the_texts_parked_while_linking() {
    let dir = temp_seeds();
    let corpus = dir.path().join("seeds");
    let listing = |park_in: Option<&std::path::Path>| {
        let mut ws =
            claimdesk::cli::open_with(&corpus, None, claimdesk::corpus::Links::InsideCorpus)
                .unwrap();
        let mut out = String::new();
        claimdesk::cli::links_each(&mut ws, park_in, true, &mut |piece| {
            out.push_str(piece);
            Ok(())
        })
        .unwrap();
        let parked = ws
            .corpus
            .articles
            .iter()
            .filter(|a| a.text.is_parked())
            .count();
        (out, parked)
    };
    let (held, none) = listing(None);
    let parking = tempfile::tempdir().unwrap();
    let (parked_listing, parked) = listing(Some(parking.path()));
    assert_eq!(none, 0);
    assert_eq!(parked, 5, "every article's text left the heap");
    assert!(held.contains("\"relation\""), "the seeds link: {held}");
    assert_eq!(parked_listing, held);
    // A folder that cannot take the file: the texts stay, the listing too.
    let (kept_listing, kept) = listing(Some(&dir.path().join("no such folder")));
    assert_eq!((kept, kept_listing), (0, held));
}

//! The HTML report opened in a real headless browser (Debian's chromium,
//! installed by .ci/run): the DOM it builds holds one highlighted element per
//! claim, with the right verdict class.

mod common;

use common::*;
use std::process::Command;

fn chromium() -> Option<String> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .map(str::to_string)
}

#[test]
fn the_browser_dom_has_one_highlight_per_claim() {
    let Some(browser) = chromium() else {
        // .ci/run installs it where apt-get can and then requires it.
        assert!(
            std::env::var_os("CLAIMDESK_REQUIRE_BROWSER").is_none(),
            "no chromium, though .ci/run requires it here"
        );
        eprintln!("skipped: no chromium on this machine (.ci/run installs it)");
        return;
    };
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (80, 24));
    press(&mut s, "jdjjtjjfjaA note.<esc><s-tab>jj<enter>jju");
    claimdesk_ok(
        dir.path(),
        &[
            "export",
            "seeds",
            "--format",
            "html",
            "--output",
            "report.html",
        ],
    );
    let profile = tempfile::tempdir().unwrap();
    let dom = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            &format!("--user-data-dir={}", profile.path().display()),
            "--dump-dom",
        ])
        .arg(format!(
            "file://{}",
            dir.path().join("report.html").display()
        ))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout).into_owned();
    assert!(
        dom.contains("<h1>Fact-check report</h1>"),
        "the browser rendered the page:\n{}",
        &dom[..dom.len().min(500)]
    );
    let sections: Vec<&str> = dom.split("<section class=\"article\"").skip(1).collect();
    assert_eq!(
        sections.len(),
        2,
        "one section per article with annotations"
    );
    let classes = |section: &str| -> Vec<String> {
        section
            .match_indices("<mark class=\"")
            .map(|(i, _)| {
                section[i + 13..]
                    .split('"')
                    .next()
                    .unwrap_or("")
                    .to_string()
            })
            .collect()
    };
    assert_eq!(
        classes(sections[0]),
        vec!["claim v-disputed", "claim v-true", "claim v-false", "note"]
    );
    assert_eq!(classes(sections[1]), vec!["claim v-unverifiable"]);
    for section in &sections {
        let marks = section.matches("<mark ").count();
        let notes = section.matches("<li id=\"n-").count();
        assert_eq!(marks, notes, "every highlight has its note entry");
        // The number after each claim in the text is the number of its note,
        // and the note links back to it: both anchors exist in the DOM.
        for (i, _) in section.match_indices("<li id=\"n-") {
            let id = section[i + 10..].split('"').next().unwrap();
            let value = section[i..]
                .split("value=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            let sup = format!("<a href=\"#n-{id}\" id=\"r-{id}\">{value}</a>");
            assert!(
                section.contains(&sup),
                "note {value} of {id} has its number in the text"
            );
            assert!(
                section.contains(&format!("href=\"#r-{id}\"")),
                "and links back"
            );
        }
    }
}

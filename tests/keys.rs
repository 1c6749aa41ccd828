//! Key-sequence tests on the seeds, helix style: ("keys", what must hold).
//! `every_default_binding_is_tested` fails when a binding has no case here.

mod common;

use claimdesk::app::keymap::{Command, Keymap, Section};
use claimdesk::app::state::{Overlay, Pane, Screen, SidebarItem, State};
use claimdesk::store::{AnnotationKind, Stance, Verdict};
use common::*;

const POLICE: &str = "Police in Belgium has seized 28 tons of cocaine worth 1.4 billion euros in street value after encrypting a phone network used by criminals.";
const BARELY: &str = "This is barely after six weeks after police made a record seizure of 27.64 tons of cocaine at the Port of Antwerp.";

struct Case {
    section: Section,
    command: Command,
    keys: &'static str,
    check: fn(&State) -> Result<(), String>,
}

/// The status after a one-row export, the file it names and that file's text.
fn exported(s: &State) -> (String, String, String) {
    let m = s.message.clone().unwrap_or_default();
    let path = m
        .strip_prefix("Exported 1 annotation(s) to ")
        .and_then(|p| p.strip_suffix('.'))
        .unwrap_or("")
        .to_string();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    (m, path, text)
}

fn help_scroll(s: &State, rows: usize) -> Result<(), String> {
    match s.overlay {
        Some(Overlay::Help { scroll }) => {
            ok(scroll == rows, format!("scroll {scroll}, not {rows}"))
        }
        _ => Err("help is open".into()),
    }
}

fn ok(cond: bool, what: impl Into<String>) -> Result<(), String> {
    if cond { Ok(()) } else { Err(what.into()) }
}

fn only_annotation(s: &State) -> Option<&claimdesk::store::Annotation> {
    let all: Vec<_> = s
        .annotations
        .iter()
        .flat_map(|a| a.file.annotations.iter())
        .collect();
    (all.len() == 1).then(|| all[0])
}

fn verdict_on_police(s: &State, v: Verdict) -> Result<(), String> {
    let a = only_annotation(s).ok_or("expected exactly one annotation")?;
    ok(
        a.kind == AnnotationKind::Claim && a.verdict == v && a.target.exact == POLICE,
        format!("got {:?} {:?} on {:?}", a.kind, a.verdict, a.target.exact),
    )
}

fn on_disk(s: &State) -> String {
    std::fs::read_to_string(s.annotations[s.open_article].path(&s.corpus.articles[s.open_article]))
        .unwrap_or_default()
}

fn cases() -> Vec<Case> {
    use Command::*;
    const MAIN: Section = Section::Main;
    const REVIEW: Section = Section::Review;
    const EDITOR: Section = Section::Editor;
    const PROMPT: Section = Section::Prompt;
    const CONFIRM: Section = Section::Confirm;
    const HELP: Section = Section::Help;
    let c = |section, command, keys, check| Case {
        section,
        command,
        keys,
        check,
    };
    vec![
        c(MAIN, FocusNext, "<tab>", |s| {
            ok(s.focus == Pane::Sidebar, "reader -> sidebar")
        }),
        c(MAIN, FocusPrev, "<s-tab>", |s| {
            ok(s.focus == Pane::List, "reader -> list")
        }),
        c(MAIN, Down, "j", |s| {
            ok(cursor_text(s) == POLICE, cursor_text(s))
        }),
        c(MAIN, Down, "<down><down>", |s| {
            ok(cursor_text(s) == BARELY, cursor_text(s))
        }),
        // Chrome ("Also read: …") is skipped by the sentence cursor.
        c(MAIN, Down, "jjj", |s| {
            ok(
                cursor_text(s).starts_with("A record shipment worth 11 tons"),
                cursor_text(s),
            )
        }),
        c(MAIN, Up, "jj<up>", |s| {
            ok(cursor_text(s) == POLICE, cursor_text(s))
        }),
        c(MAIN, Top, "jj<home>", |s| ok(s.reader.cursor == 0, "home")),
        c(MAIN, Bottom, "<end>", |s| {
            ok(
                cursor_text(s).starts_with("EncroChat handsets"),
                cursor_text(s),
            )
        }),
        c(MAIN, Up, "jjk", |s| {
            ok(cursor_text(s) == POLICE, cursor_text(s))
        }),
        c(MAIN, Top, "jjjg", |s| ok(s.reader.cursor == 0, "top")),
        c(MAIN, Bottom, "G", |s| {
            ok(
                cursor_text(s).starts_with("EncroChat handsets cost about £1,500"),
                cursor_text(s),
            )
        }),
        c(MAIN, PageDown, "<pgdn>", |s| {
            ok(s.reader.scroll >= 10, format!("scroll {}", s.reader.scroll))
        }),
        c(MAIN, PageUp, "<pgdn><pgup>", |s| {
            ok(s.reader.scroll == 0, format!("scroll {}", s.reader.scroll))
        }),
        c(MAIN, HalfDown, "<c-d>", |s| {
            ok(
                (5..15).contains(&s.reader.scroll),
                format!("scroll {}", s.reader.scroll),
            )
        }),
        c(MAIN, HalfUp, "<c-d><c-u>", |s| {
            ok(s.reader.scroll == 0, format!("scroll {}", s.reader.scroll))
        }),
        c(MAIN, Down, "<s-tab>jj", |s| {
            ok(
                s.open_article == 2 && s.list.selected == 2,
                "list moves and previews",
            )
        }),
        c(MAIN, Open, "<s-tab>j<enter>", |s| {
            ok(
                s.open_article == 1 && s.focus == Pane::Reader,
                "list enter opens",
            )
        }),
        c(
            MAIN,
            JumpBack,
            "<s-tab>j<enter>jd<s-tab>k<enter>r<enter><c-o>",
            |s| {
                ok(
                    s.screen == Screen::Review && s.open_article == 0,
                    "back to review",
                )
            },
        ),
        c(MAIN, JumpBack, "<c-o>", |s| {
            ok(
                s.message.as_deref() == Some("No earlier place to jump back to."),
                "nothing to jump to",
            )
        }),
        c(MAIN, VerdictTrue, "jt", |s| {
            verdict_on_police(s, Verdict::True)
        }),
        c(MAIN, VerdictDisputed, "jd", |s| {
            verdict_on_police(s, Verdict::Disputed)
        }),
        c(MAIN, VerdictFalse, "jf", |s| {
            verdict_on_police(s, Verdict::False)
        }),
        c(MAIN, VerdictUnverifiable, "ju", |s| {
            verdict_on_police(s, Verdict::Unverifiable)
        }),
        // A new verdict keeps the old one in the history.
        c(MAIN, VerdictFalse, "jdf", |s| {
            let a = only_annotation(s).ok_or("one annotation")?;
            ok(
                a.verdict == Verdict::False
                    && a.history.len() == 1
                    && a.history[0].verdict == Verdict::Disputed,
                format!("{:?}", a.history),
            )
        }),
        c(MAIN, VerdictClear, "jd0", |s| {
            verdict_on_police(s, Verdict::Unreviewed)
        }),
        c(MAIN, VerdictClear, "jd<bs>", |s| {
            verdict_on_police(s, Verdict::Unreviewed)
        }),
        c(MAIN, MarkClaim, "jc", |s| {
            verdict_on_police(s, Verdict::Unreviewed)
        }),
        // With no library matched (tests/library.rs has one that is).
        c(MAIN, ApplyCheckedBefore, "jA", |s| {
            ok(
                s.message
                    .as_deref()
                    .is_some_and(|m| m.starts_with("No claim library is matched"))
                    && s.annotations.iter().all(|a| a.file.annotations.is_empty()),
                format!("{:?}", s.message),
            )
        }),
        c(MAIN, Dismiss, "jx", |s| {
            let a = only_annotation(s).ok_or("one annotation")?;
            let still = s.sidebar.iter().any(
                |i| matches!(i, SidebarItem::Suggestion { start, .. } if *start == a.target.start),
            );
            ok(
                a.kind == AnnotationKind::Dismissed && !still,
                "suggestion dismissed and gone from the sidebar",
            )
        }),
        c(MAIN, Dismiss, "jdx", |s| {
            ok(
                matches!(s.overlay, Some(Overlay::Confirm { .. })) && only_annotation(s).is_some(),
                "asks before deleting",
            )
        }),
        c(MAIN, Dismiss, "jdxy", |s| {
            ok(
                only_annotation(s).is_none() && !on_disk(s).contains("disputed"),
                "deleted after yes, also on disk",
            )
        }),
        c(MAIN, Dismiss, "jdxn", |s| {
            verdict_on_police(s, Verdict::Disputed)
        }),
        c(MAIN, Select, "jv", |s| {
            ok(
                selection_text(s).as_deref() == Some(POLICE),
                format!("{:?}", selection_text(s)),
            )
        }),
        c(MAIN, WordForward, "jvl", |s| {
            ok(
                selection_text(s).is_some_and(|t| t.ends_with("criminals.\n\nThis")),
                format!("{:?}", selection_text(s)),
            )
        }),
        c(MAIN, WordForward, "jvw", |s| {
            ok(
                selection_text(s).is_some_and(|t| t.ends_with("\n\nThis")),
                format!("{:?}", selection_text(s)),
            )
        }),
        c(MAIN, WordBack, "jvh", |s| {
            ok(
                selection_text(s).is_some_and(|t| t.ends_with("used by")),
                format!("{:?}", selection_text(s)),
            )
        }),
        c(MAIN, WordBack, "jvlb", |s| {
            ok(
                selection_text(s).as_deref() == Some(POLICE),
                format!("{:?}", selection_text(s)),
            )
        }),
        // A verdict on a selection claims exactly the selected words.
        c(MAIN, Select, "jvhhhhhhhhhhhd", |s| {
            let a = only_annotation(s).ok_or("one annotation")?;
            ok(
                a.target.exact
                    == "Police in Belgium has seized 28 tons of cocaine worth 1.4 billion euros"
                    && a.verdict == Verdict::Disputed,
                format!("{:?}", a.target.exact),
            )
        }),
        c(MAIN, Note, "jaFigures differ from 001.<esc>", |s| {
            let a = only_annotation(s).ok_or("one annotation")?;
            ok(
                a.kind == AnnotationKind::Note
                    && a.note == "Figures differ from 001."
                    && a.target.exact == POLICE,
                format!("{a:?}"),
            )
        }),
        c(MAIN, Note, "jdaline one<enter>line two<esc>", |s| {
            let a = only_annotation(s).ok_or("one annotation")?;
            ok(
                a.kind == AnnotationKind::Claim
                    && a.verdict == Verdict::Disputed
                    && a.note == "line one\nline two",
                format!("{:?}", a.note),
            )
        }),
        c(
            MAIN,
            Evidence,
            "jdehttps://example.org/report<enter>",
            |s| {
                let a = only_annotation(s).ok_or("one annotation")?;
                ok(
                    a.evidence.len() == 1
                        && a.evidence[0].reference == "https://example.org/report"
                        && a.evidence[0].stance == Stance::Supports,
                    format!("{:?}", a.evidence),
                )
            },
        ),
        c(
            MAIN,
            Evidence,
            "jde<tab>https://example.org/x<enter>",
            |s| {
                let a = only_annotation(s).ok_or("one annotation")?;
                ok(
                    a.evidence
                        .first()
                        .is_some_and(|e| e.stance == Stance::Refutes),
                    format!("{:?}", a.evidence),
                )
            },
        ),
        c(
            MAIN,
            Publishing,
            "jdpPolice seized 28 tons<enter>Belgian police<enter>9 March 2021<enter>https://fc.example/a b<enter>",
            |s| {
                let a = only_annotation(s).ok_or("one annotation")?;
                let p = &a.publishing;
                ok(
                    p.summary == "Police seized 28 tons"
                        && p.claimant == "Belgian police"
                        && p.said_on == "2021-03-09"
                        && p.factcheck_url == "https://fc.example/a%20b"
                        && s.overlay.is_none(),
                    format!("{p:?}"),
                )
            },
        ),
        c(
            MAIN,
            Publishing,
            "jdp<tab><tab>last Tuesday-ish<enter>",
            |s| match &s.overlay {
                Some(Overlay::Prompt { error: Some(e), .. }) => {
                    ok(e.contains("is not a date"), e.clone())
                }
                _ => Err("Tab skips to the date; a bad date keeps the prompt open".into()),
            },
        ),
        c(MAIN, DetailsDown, "jdaA note.<esc>JJ", |s| {
            ok(s.details_scroll == 6, format!("{}", s.details_scroll))
        }),
        c(MAIN, DetailsUp, "jdaA note.<esc>JJK", |s| {
            ok(s.details_scroll == 3, format!("{}", s.details_scroll))
        }),
        c(MAIN, DetailsUp, "JJj", |s| {
            ok(
                s.details_scroll == 0,
                "any other key shows Details from the top",
            )
        }),
        c(MAIN, Evidence, "jdenot a reference<enter>", |s| {
            match &s.overlay {
                Some(Overlay::Prompt { error: Some(e), .. }) => {
                    ok(e.starts_with("Evidence must be a URL"), e.clone())
                }
                _ => Err("the prompt stays open with an error".into()),
            }
        }),
        c(MAIN, NextUnreviewed, "]", |s| {
            ok(cursor_text(s) == POLICE, cursor_text(s))
        }),
        // A note on a suggestion leaves it waiting for a verdict.
        c(MAIN, NextUnreviewed, "janoted<esc>k]", |s| {
            ok(cursor_text(s) == POLICE, cursor_text(s))
        }),
        c(MAIN, NextUnreviewed, "jt]", |s| {
            ok(cursor_text(s) == BARELY, cursor_text(s))
        }),
        c(MAIN, PrevUnreviewed, "]][", |s| {
            ok(cursor_text(s) == POLICE, cursor_text(s))
        }),
        c(MAIN, NextUnreviewedCorpus, "G}", |s| {
            ok(s.open_article == 1, format!("article {}", s.open_article))
        }),
        c(MAIN, PrevUnreviewedCorpus, "{", |s| {
            ok(
                s.open_article == 4,
                format!("wraps to article {}", s.open_article),
            )
        }),
        c(MAIN, Search, "/sky ecc<enter>", |s| {
            let hits = s.reader.search.as_ref().map_or(0, |x| x.hits.len());
            ok(
                hits == 2 && cursor_text(s).contains("Sky ECC"),
                format!("{hits} hits, cursor {:?}", cursor_text(s)),
            )
        }),
        c(MAIN, Search, "<s-tab>/nearly<enter>", |s| {
            ok(
                s.list.visible == vec![1, 2],
                format!("{:?}", s.list.visible),
            )
        }),
        c(MAIN, SearchNext, "/sky ecc<enter>n", |s| {
            ok(
                cursor_text(s).starts_with("After the arrests, Sky ECC disputed"),
                cursor_text(s),
            )
        }),
        c(MAIN, SearchPrev, "/sky ecc<enter>nN", |s| {
            ok(
                cursor_text(s).starts_with("According to Belgian prosecutors"),
                cursor_text(s),
            )
        }),
        c(MAIN, Undo, "jdz", |s| {
            ok(
                only_annotation(s).is_none()
                    && s.annotations[0].path(&s.corpus.articles[0]).exists()
                    && !on_disk(s).contains("disputed"),
                "undone and saved",
            )
        }),
        c(MAIN, Redo, "jdzZ", |s| {
            verdict_on_police(s, Verdict::Disputed)
        }),
        c(MAIN, Undo, "jdfz", |s| {
            let said = s.message.clone().unwrap_or_default();
            if !said.starts_with("Undone: verdict false → disputed on “") {
                return ok(false, format!("the status says what was undone: {said:?}"));
            }
            verdict_on_police(s, Verdict::Disputed)
        }),
        c(MAIN, ConfirmAnchor, "jy", |s| {
            ok(
                s.message.as_deref() == Some("There is no annotation here to confirm."),
                format!("{:?}", s.message),
            )
        }),
        c(MAIN, ConfirmAnchor, "jdy", |s| {
            ok(
                s.message
                    .as_deref()
                    .is_some_and(|m| m.contains("anchor is exact")),
                format!("{:?}", s.message),
            )
        }),
        c(MAIN, Reattach, "m", |s| {
            ok(
                s.message.as_deref()
                    == Some(
                        "m re-attaches an orphaned annotation: select one in the sidebar first.",
                    ),
                format!("{:?}", s.message),
            )
        }),
        // Links: the cursor sentence of 000 is reported by 002 and 004.
        c(MAIN, Open, "j<enter>", |s| {
            ok(
                s.open_article != 0 && cursor_text(s).contains("billion"),
                format!("{} {:?}", s.open_article, cursor_text(s)),
            )
        }),
        c(MAIN, JumpBack, "j<enter><c-o>", |s| {
            ok(
                s.open_article == 0 && cursor_text(s) == POLICE,
                format!("{} {:?}", s.open_article, cursor_text(s)),
            )
        }),
        c(MAIN, NextLink, "j>", |s| {
            ok(
                s.link_selected.map(|(_, i)| i) == Some(0),
                format!("{:?}", s.link_selected),
            )
        }),
        c(MAIN, PrevLink, "j<", |s| {
            ok(
                s.link_selected.is_some_and(|(_, i)| i > 0),
                format!("{:?}", s.link_selected),
            )
        }),
        c(MAIN, NextLink, "jjjj>", |s| {
            ok(
                cursor_text(s).starts_with("This illegal shipment")
                    && s.link_selected.is_none()
                    && s.message.as_deref() == Some("No other article reports this sentence."),
                format!("{:?}", s.message),
            )
        }),
        c(MAIN, Open, "<tab>j>><enter>", |s| {
            ok(
                s.open_article != 0 && s.focus == Pane::Reader && s.jumps.len() == 1,
                format!("{}", s.open_article),
            )
        }),
        c(MAIN, Review, "r", |s| {
            ok(s.screen == Screen::Review, "review")
        }),
        c(MAIN, Cancel, "jv<esc>", |s| {
            ok(s.reader.selection.is_none(), "selection cancelled")
        }),
        c(MAIN, Cancel, "/sky<enter><esc>", |s| {
            ok(s.reader.search.is_none(), "search cleared")
        }),
        c(MAIN, Help, "?", |s| {
            ok(matches!(s.overlay, Some(Overlay::Help { .. })), "help open")
        }),
        c(MAIN, Help, "?G", |s| {
            let theme = claimdesk::ui::theme::Theme::new(false);
            let rows = claimdesk::ui::help::lines(s, &theme).len();
            let screen = render(s);
            ok(
                rows == claimdesk::app::overlay::help_rows(s)
                    && screen.contains("· unreviewed · n note · ? suggested"),
                format!("G shows the end of help ({rows} rows): {screen}"),
            )
        }),
        c(MAIN, Help, "?<esc>", |s| {
            ok(s.overlay.is_none(), "help closed")
        }),
        // The layers' own keys.
        c(EDITOR, EditorClose, "jdaKept.<esc>", |s| {
            ok(
                s.overlay.is_none() && only_annotation(s).is_some_and(|a| a.note == "Kept."),
                "the note is kept and the editor closed",
            )
        }),
        c(PROMPT, PromptAccept, "/tons<enter>", |s| {
            ok(
                s.overlay.is_none() && s.reader.search.is_some(),
                "search accepted, hits kept",
            )
        }),
        c(PROMPT, PromptCancel, "/tons<esc>", |s| {
            ok(
                s.overlay.is_none() && s.reader.search.is_none(),
                "search cancelled and cleared",
            )
        }),
        c(
            PROMPT,
            PromptNext,
            "jde<tab><tab>https://example.org/c<enter>",
            |s| {
                let a = only_annotation(s).ok_or("one annotation")?;
                ok(
                    a.evidence
                        .first()
                        .is_some_and(|e| e.stance == Stance::Context),
                    format!("{:?}", a.evidence),
                )
            },
        ),
        c(CONFIRM, ConfirmYes, "jdxy", |s| {
            ok(only_annotation(s).is_none(), "deleted")
        }),
        c(CONFIRM, ConfirmYes, "jdxY", |s| {
            ok(only_annotation(s).is_none(), "deleted")
        }),
        c(CONFIRM, ConfirmYes, "jdx<enter>", |s| {
            ok(only_annotation(s).is_none(), "deleted")
        }),
        c(CONFIRM, ConfirmNo, "jdxn", |s| {
            ok(only_annotation(s).is_some(), "kept")
        }),
        c(CONFIRM, ConfirmNo, "jdxN", |s| {
            ok(only_annotation(s).is_some(), "kept")
        }),
        c(CONFIRM, ConfirmNo, "jdx<esc>", |s| {
            ok(only_annotation(s).is_some(), "kept")
        }),
        c(HELP, HelpClose, "?<esc>", |s| {
            ok(s.overlay.is_none(), "closed")
        }),
        c(HELP, HelpClose, "??", |s| ok(s.overlay.is_none(), "closed")),
        c(HELP, HelpClose, "?q", |s| {
            ok(s.overlay.is_none() && !s.quit, "closed, not quit")
        }),
        c(HELP, HelpClose, "?<enter>", |s| {
            ok(s.overlay.is_none(), "closed")
        }),
        c(HELP, Down, "?jj", |s| help_scroll(s, 2)),
        c(HELP, Down, "?<down>", |s| help_scroll(s, 1)),
        c(HELP, Up, "?jjk", |s| help_scroll(s, 1)),
        c(HELP, Up, "?jj<up>", |s| help_scroll(s, 1)),
        c(HELP, PageDown, "?<pgdn>", |s| {
            ok(
                matches!(s.overlay, Some(Overlay::Help { scroll }) if scroll > 2),
                "a page down",
            )
        }),
        c(HELP, PageDown, "? ", |s| {
            ok(
                matches!(s.overlay, Some(Overlay::Help { scroll }) if scroll > 2),
                "a page down",
            )
        }),
        c(HELP, PageUp, "?<pgdn><pgup>", |s| help_scroll(s, 0)),
        c(HELP, Top, "?jjg", |s| help_scroll(s, 0)),
        c(HELP, Top, "?jj<home>", |s| help_scroll(s, 0)),
        c(HELP, Bottom, "?G", |s| {
            ok(
                matches!(s.overlay, Some(Overlay::Help { scroll }) if scroll > 10),
                "the end",
            )
        }),
        c(HELP, Bottom, "?<end>", |s| {
            ok(
                matches!(s.overlay, Some(Overlay::Help { scroll }) if scroll > 10),
                "the end",
            )
        }),
        c(MAIN, Quit, "q", |s| ok(s.quit, "quit")),
        c(MAIN, Quit, "<c-c>", |s| ok(s.quit, "quit")),
        c(REVIEW, Down, "jtjjdrj", |s| {
            ok(
                s.review.rows.len() == 2 && s.review.selected == 1,
                format!("{:?}", s.review.selected),
            )
        }),
        c(REVIEW, Down, "jtjjdr<down>", |s| {
            ok(s.review.selected == 1, "down")
        }),
        c(REVIEW, Up, "jtjjdr<down><up>", |s| {
            ok(s.review.selected == 0, "up")
        }),
        c(REVIEW, Top, "jtjjdrG<home>", |s| {
            ok(s.review.selected == 0, "home")
        }),
        c(REVIEW, Bottom, "jtjjdr<end>", |s| {
            ok(s.review.selected == 1, "end")
        }),
        c(REVIEW, PageDown, "jtjjdr<c-d>", |s| {
            ok(s.review.selected == 1, "ctrl-d")
        }),
        c(REVIEW, PageUp, "jtjjdr<c-d><c-u>", |s| {
            ok(s.review.selected == 0, "ctrl-u")
        }),
        c(REVIEW, Quit, "r<c-c>", |s| ok(s.quit, "quit")),
        c(REVIEW, Up, "jtjjdrjk", |s| ok(s.review.selected == 0, "up")),
        c(REVIEW, Bottom, "jtjjdrG", |s| {
            ok(s.review.selected == 1, "bottom")
        }),
        c(REVIEW, Top, "jtjjdrGg", |s| {
            ok(s.review.selected == 0, "top")
        }),
        c(REVIEW, PageDown, "jtjjdr<pgdn>", |s| {
            ok(s.review.selected == 1, "page down")
        }),
        c(REVIEW, PageUp, "jtjjdr<pgdn><pgup>", |s| {
            ok(s.review.selected == 0, "page up")
        }),
        c(REVIEW, Open, "jtjjdrj<enter>", |s| {
            ok(
                s.screen == Screen::Main && cursor_text(s).starts_with("A record shipment"),
                cursor_text(s),
            )
        }),
        c(REVIEW, FilterVerdict, "jtjjdrvvv", |s| {
            ok(
                s.review.rows.len() == 1 && s.review.verdict == Some(Verdict::Disputed),
                format!("{:?}", s.review.verdict),
            )
        }),
        c(REVIEW, Search, "jtjjdr/shipment<enter>", |s| {
            ok(
                s.review.rows.len() == 1 && s.review.text == "shipment",
                "text filter",
            )
        }),
        c(REVIEW, ClearFilters, "jtjjdrvv/x<enter>c", |s| {
            ok(
                s.review.rows.len() == 2 && s.review.verdict.is_none() && s.review.text.is_empty(),
                "cleared",
            )
        }),
        c(REVIEW, FilterReviewer, "jtjjdrw", |s| {
            ok(
                s.review.reviewer.as_deref() == Some("tester") && s.review.rows.len() == 2,
                format!("{:?}", s.review.reviewer),
            )
        }),
        c(REVIEW, FilterReviewer, "jtjjdrww", |s| {
            ok(
                s.review.reviewer.is_none() && s.review.rows.len() == 2,
                "cycles back to everyone",
            )
        }),
        c(REVIEW, FilterAnchor, "jtjjdra", |s| {
            ok(s.review.rows.len() == 2, "all exact")
        }),
        c(REVIEW, FilterAnchor, "jtjjdraa", |s| {
            ok(s.review.rows.is_empty(), "none moved")
        }),
        c(REVIEW, FilterKind, "jtjjdjaA note.<esc>rK", |s| {
            ok(s.review.rows.len() == 2, "claims only")
        }),
        c(REVIEW, FilterKind, "jtjjdjaA note.<esc>rKK", |s| {
            ok(s.review.rows.len() == 1, "notes only")
        }),
        c(REVIEW, FilterKind, "jtjjdjxrKKK", |s| {
            ok(s.review.rows.len() == 1, "dismissed suggestions")
        }),
        c(REVIEW, FilterNoNote, "jtjjdjaA note.<esc>rn", |s| {
            ok(
                s.review.rows.len() == 2 && s.review.no_note,
                "without a note",
            )
        }),
        c(
            REVIEW,
            FilterNoEvidence,
            "jtehttps://example.org/x<enter>jjdre",
            |s| ok(s.review.rows.len() == 1, "without evidence"),
        ),
        c(REVIEW, Sort, "jdjjtrs", |s| {
            let first = s
                .review
                .rows
                .first()
                .and_then(|r| s.annotations[r.article].file.get(&r.id))
                .map(|a| a.verdict);
            ok(
                first == Some(Verdict::True)
                    && s.review.sort == claimdesk::app::state::ReviewSort::Verdict,
                format!("{first:?}"),
            )
        }),
        c(REVIEW, ExportRows, "jtjjdrvvE<enter>", |s| {
            let (m, path, text) = exported(s);
            ok(
                path.ends_with("claimdesk-report.md")
                    && text.contains("| true | 1 |")
                    && !text.contains("DISPUTED"),
                m,
            )
        }),
        // The default is shown, not typed: "html" is html, not "mdhtml".
        c(REVIEW, ExportRows, "jtrEhtml<enter>", |s| {
            let m = s.message.clone().unwrap_or_default();
            ok(m.ends_with("claimdesk-report.html."), m)
        }),
        // A file typed in the prompt: its extension is the format.
        c(REVIEW, ExportRows, "jtrEmy-desk.csv<enter>", |s| {
            let (m, path, text) = exported(s);
            ok(
                path.ends_with("/my-desk.csv")
                    && text.contains("article,title,url,source,published,id"),
                m,
            )
        }),
        c(REVIEW, ExportRows, "jtrEpdf<enter>", |s| match &s.overlay {
            Some(Overlay::Prompt { error: Some(e), .. }) => {
                ok(e.starts_with("Formats: md, csv"), e.clone())
            }
            _ => Err("the prompt stays open with the formats".into()),
        }),
        c(REVIEW, CompareFolder, "ro", |s| {
            ok(
                matches!(
                    s.overlay,
                    Some(Overlay::Prompt {
                        kind: claimdesk::app::state::PromptKind::CompareFolder,
                        ..
                    })
                ),
                "asks for the folder",
            )
        }),
        c(REVIEW, FilterDisagreements, "rD", |s| {
            ok(
                s.message.as_deref() == Some("Open a second reviewer's folder first (o)."),
                format!("{:?}", s.message),
            )
        }),
        c(REVIEW, Open, "jtjjdrvv<enter><c-o>", |s| {
            ok(
                s.screen == Screen::Review
                    && s.review.verdict == Some(Verdict::True)
                    && s.review.rows.len() == 1,
                "back with the filters kept",
            )
        }),
        c(REVIEW, Back, "r<esc>", |s| {
            ok(s.screen == Screen::Main, "back")
        }),
        c(REVIEW, Back, "rr", |s| ok(s.screen == Screen::Main, "back")),
        c(REVIEW, Back, "r<c-o>", |s| {
            ok(s.screen == Screen::Main, "back")
        }),
        c(REVIEW, Help, "r?", |s| {
            ok(matches!(s.overlay, Some(Overlay::Help { .. })), "help")
        }),
        c(REVIEW, Quit, "rq", |s| ok(s.quit, "quit")),
    ]
}

#[test]
fn key_sequences_do_what_they_say() {
    let mut failures = Vec::new();
    for case in cases() {
        let dir = temp_seeds();
        let mut state = state_for(&dir.path().join("seeds"), (80, 24));
        press(&mut state, case.keys);
        if let Err(why) = (case.check)(&state) {
            failures.push(format!("{:?} {:?}: {why}", case.command, case.keys));
        }
    }
    assert!(
        failures.is_empty(),
        "failing key sequences:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_default_binding_is_tested() {
    let keymap = Keymap::defaults();
    let cases = cases();
    let mut missing = Vec::new();
    for section in Section::ALL {
        for binding in keymap.bindings(section) {
            for key in &binding.keys {
                let tested = cases.iter().any(|c| {
                    c.section == section
                        && c.command == binding.command
                        && common::parse_keys(c.keys).contains(key)
                });
                if !tested {
                    missing.push(format!(
                        "[{}] {} ({key})",
                        section.name(),
                        binding.command.name()
                    ));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "default bindings without a key test:\n{}",
        missing.join("\n")
    );
}

#[test]
fn evidence_can_name_another_claim_by_short_prefixes() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (80, 24));
    press(&mut s, "jd");
    let first = s.annotations[0].file.annotations[0].id.clone();
    // In article 002, a claim whose evidence is 000's claim, typed as "000#<4 chars>".
    press(&mut s, "<s-tab>jj<enter>jjt");
    press(&mut s, &format!("e000#{}<enter>", &first[..4]));
    let claim = &s.annotations[2].file.annotations[0];
    assert_eq!(claim.evidence.len(), 1, "{:?}", s.overlay.is_some());
    assert_eq!(
        claim.evidence[0].reference,
        format!("000_b4c1e1b9b05d5c34.txt#{first}")
    );
    assert_eq!(claim.evidence[0].excerpt, POLICE);
    // A claim is never its own evidence.
    let own = claim.id.clone();
    press(&mut s, &format!("e002#{own}<enter>"));
    match &s.overlay {
        Some(Overlay::Prompt { error: Some(e), .. }) => {
            assert_eq!(e, "A claim cannot be its own evidence.")
        }
        _ => panic!("the prompt stays open with the reason"),
    }
}

#[test]
fn the_review_screen_compares_with_a_second_reviewer_and_filters_to_disagreements() {
    use claimdesk::store::{self, AnnotationFile};
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (160, 48));
    press(&mut s, "jdjjt");
    // Bob marked the same two sentences: the first false (a disagreement), the second true.
    let article = &s.corpus.articles[0];
    let mut bob = AnnotationFile::new(&article.id, &article.sha256.hex(), "");
    for (i, a) in s.annotations[0].file.annotations.iter().enumerate() {
        let mut b = a.clone();
        b.id = format!("bob{i}");
        b.reviewer = "bob".into();
        b.verdict = if a.verdict == Verdict::Disputed {
            Verdict::False
        } else {
            a.verdict
        };
        bob.upsert(b);
    }
    store::write_atomic(
        &store::annotation_path(&dir.path().join("bob"), &article.id),
        bob.to_json().as_bytes(),
    )
    .unwrap();
    press(&mut s, "robob<enter>");
    assert_eq!(
        s.message.as_deref(),
        Some("2 claim(s) also marked there, 1 with another verdict; D shows only those.")
    );
    press(&mut s, "D");
    assert_eq!(s.review.rows.len(), 1);
    let screen = render(&s);
    assert!(
        screen.contains("Other") && screen.contains("[D] [F]"),
        "{screen}"
    );
    assert!(screen.contains("disagreements"), "{screen}");
    press(&mut s, "D");
    assert_eq!(s.review.rows.len(), 2);
    // A folder that is not there is said so.
    press(&mut s, "o<bs><bs><bs>nowhere<enter>");
    assert!(
        s.message
            .as_deref()
            .is_some_and(|m| m.ends_with("nowhere is not a folder of annotation files.")),
        "{:?}",
        s.message
    );
}

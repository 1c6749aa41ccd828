//! Exports never replace an article, an annotation file, or (without being
//! asked) any other file that is there.

mod common;

use claimdesk::app::state::Overlay;
use common::*;

fn with_a_claim() -> tempfile::TempDir {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (120, 40));
    press(&mut s, "jt");
    dir
}

#[test]
fn export_output_refuses_articles_annotation_files_and_existing_files_without_force() {
    let dir = with_a_claim();
    let d = dir.path();
    let article = "seeds/000_b4c1e1b9b05d5c34.txt";
    let ann = "annotations/000_b4c1e1b9b05d5c34.json";
    let before_article = std::fs::read(d.join(article)).unwrap();
    let before_ann = std::fs::read(d.join(ann)).unwrap();
    for target in [article, ann] {
        let (code, _, err) = claimdesk(
            &[
                "export", "seeds", "--format", "md", "--output", target, "--force",
            ],
            d,
        );
        assert_ne!(code, 0, "{target}");
        assert_eq!(err.lines().count(), 1, "one sentence: {err}");
    }
    assert_eq!(std::fs::read(d.join(article)).unwrap(), before_article);
    assert_eq!(std::fs::read(d.join(ann)).unwrap(), before_ann);

    std::fs::write(d.join("report.md"), "hand-written").unwrap();
    let args = ["export", "seeds", "--format", "md", "--output", "report.md"];
    let (code, _, err) = claimdesk(&args, d);
    assert_ne!(code, 0);
    assert_eq!(
        err,
        "claimdesk: report.md exists; add --force to replace it.\n"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("report.md")).unwrap(),
        "hand-written"
    );
    claimdesk_ok(d, &[&args[..], &["--force"]].concat());
    assert!(
        std::fs::read_to_string(d.join("report.md"))
            .unwrap()
            .contains("true")
    );
}

#[test]
fn export_into_a_pipe_nobody_reads_is_refused_at_once() {
    let dir = with_a_claim();
    let fifo = dir.path().join("fifo");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let (code, _, err) = claimdesk(
        &["export", "seeds", "--format", "csv", "--output", "fifo"],
        dir.path(),
    );
    assert_ne!(code, 0);
    assert!(err.contains("nothing is reading from it"), "{err}");
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&kind),
        "the pipe is still a pipe"
    );
}

#[test]
fn the_review_screens_export_asks_before_replacing_a_file() {
    let dir = temp_seeds();
    let mut s = state_for(&dir.path().join("seeds"), (120, 40));
    press(&mut s, "jtrE<enter>");
    let report = dir.path().join("claimdesk-report.md");
    assert!(report.is_file(), "{:?}", s.message);
    std::fs::write(&report, "hand-written").unwrap();
    press(&mut s, "E<enter>");
    match &s.overlay {
        Some(Overlay::Confirm { question, .. }) => {
            assert_eq!(question, "claimdesk-report.md exists. Replace it? (y/n)")
        }
        _ => panic!("no question; message: {:?}", s.message),
    }
    press(&mut s, "n");
    assert_eq!(std::fs::read_to_string(&report).unwrap(), "hand-written");
    press(&mut s, "E<enter>y");
    assert!(std::fs::read_to_string(&report).unwrap().contains("true"));
    assert!(s.message.as_deref().unwrap_or("").starts_with("Exported 1"));
}

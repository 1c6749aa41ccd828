//! `claimdesk import`: saved news pages (built in the shape of real sites,
//! with navigation, ads, share bars, related links, comments and JSON-LD)
//! into articles with the body text only and the page's metadata.

mod common;

use claimdesk::import::{self, Imported, PageError};
use common::*;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pages")
        .join(name)
}

fn extract(name: &str) -> import::Page {
    import::extract(&std::fs::read(fixture(name)).unwrap(), None).unwrap()
}

/// Words that only the page's furniture has.
const FURNITURE: &[&str] = &[
    "Subscribe",
    "Advertisement",
    "Share on",
    "Related stories",
    "Dock workers charged",
    "Morning Briefing",
    "harbourwatcher",
    "Legalise it",
    "All rights reserved",
    "Cookie",
    "cookies",
    "Most read",
    "Snow expected",
    "Have your say",
    "Waste of money",
    "WhatsApp",
    "Log in",
    "Registered in England",
    "closed in 2019",
];

#[test]
fn a_news_page_gives_its_body_text_and_its_metadata() {
    let page = extract("coastal-herald.html");
    assert_eq!(page.title, "Port seizes 11 tons of cocaine in record haul");
    assert_eq!(
        page.url.as_deref(),
        Some("https://www.coastalherald.example/news/2024/04/05/port-seizes-11-tons-of-cocaine"),
        "the canonical link, not og:url with its tracking"
    );
    assert_eq!(page.source.as_deref(), Some("The Coastal Herald"));
    assert_eq!(page.published.as_deref(), Some("2024-04-05T09:30:00+02:00"));
    assert_eq!(page.author.as_deref(), Some("Maria Jensen"));
    let paragraphs: Vec<&str> = page.body.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 6, "{}", page.body);
    assert!(paragraphs[0].starts_with("Customs officers at the port seized 11 tons"));
    assert_eq!(paragraphs[3], "A record year");
    assert!(paragraphs[5].ends_with("linked to drug gangs since January."));
    for f in FURNITURE {
        assert!(!page.body.contains(f), "{f:?} in:\n{}", page.body);
    }
}

#[test]
fn json_ld_in_a_graph_with_two_authors_and_no_canonical_link() {
    let page = extract("valley-times-graph.html");
    assert_eq!(
        page.title,
        "Council approves new bridge after five-year row"
    );
    assert_eq!(
        page.url.as_deref(),
        Some("https://valleytimes.example/local/council-approves-new-bridge")
    );
    assert_eq!(page.source.as_deref(), Some("Valley Times"));
    assert_eq!(page.published.as_deref(), Some("2025-02-11"));
    assert_eq!(page.author.as_deref(), Some("Tom Okafor and Lena Fischer"));
    let paragraphs: Vec<&str> = page.body.split("\n\n").collect();
    assert_eq!(
        paragraphs.len(),
        4,
        "byline and caption dropped:\n{}",
        page.body
    );
    assert!(paragraphs[0].starts_with("The county council voted 31 to 12"));
    assert!(paragraphs[3].contains("58 per cent"));
    for f in FURNITURE {
        assert!(!page.body.contains(f), "{f:?} in:\n{}", page.body);
    }
}

#[test]
fn a_latin1_page_reads_as_its_letters() {
    let html = std::fs::read_to_string(fixture("valley-times-graph.html")).unwrap();
    let html = html.replace("charset=\"utf-8\"", "charset=\"iso-8859-1\"");
    let latin1: Vec<u8> = html
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    let page = import::extract(&latin1, None).unwrap();
    assert!(page.body.contains("£48 million"), "{}", page.body);
}

#[test]
fn imported_articles_load_with_their_title_url_source_and_date() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("news");
    let out = claimdesk_ok(
        dir.path(),
        &[
            "import",
            fixture("coastal-herald.html").to_str().unwrap(),
            fixture("valley-times-graph.html").to_str().unwrap(),
            "--into",
            "news",
        ],
    );
    assert!(
        out.contains("port-seizes-11-tons-of-cocaine-in-record-haul.md (new)"),
        "{out}"
    );
    assert!(
        out.contains("council-approves-new-bridge-after-five-year-row.md (new)"),
        "{out}"
    );
    let loaded = claimdesk::corpus::load(&corpus).unwrap();
    assert_eq!(loaded.articles.len(), 2);
    let a = &loaded.articles[1];
    assert_eq!(a.id, "port-seizes-11-tons-of-cocaine-in-record-haul.md");
    assert_eq!(
        a.meta.title,
        "Port seizes 11 tons of cocaine in record haul"
    );
    assert_eq!(a.meta.source.as_deref(), Some("The Coastal Herald"));
    assert_eq!(
        a.meta.url.as_deref(),
        Some("https://www.coastalherald.example/news/2024/04/05/port-seizes-11-tons-of-cocaine")
    );
    // The headline is the article's first line: its claim can be checked too.
    let analysis = claimdesk::text::analyse(a);
    let first = &analysis.sentences.iter().find(|s| !s.chrome()).unwrap();
    assert_eq!(
        a.slice(first.start(), first.end()),
        "Port seizes 11 tons of cocaine in record haul"
    );
}

#[test]
fn a_title_with_quotes_and_colons_survives_the_front_matter() {
    let page = import::Page {
        title: r#"Mayor: "We will not pay" \ 'again'"#.into(),
        url: Some("https://x.example/a".into()),
        body: "Body text here.".into(),
        ..Default::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    std::fs::write(&path, import::write::article_text(&page)).unwrap();
    let loaded = claimdesk::corpus::load(dir.path()).unwrap();
    assert_eq!(loaded.articles[0].meta.title, page.title);
    assert_eq!(
        loaded.articles[0].meta.url.as_deref(),
        Some("https://x.example/a")
    );
}

#[test]
fn bad_pages_are_refused_in_one_sentence_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(
        bad.join("notes.html"),
        "Just some notes, no markup at all.\n",
    )
    .unwrap();
    std::fs::write(
        bad.join("logo.html"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    )
    .unwrap();
    std::fs::write(
        bad.join("empty.html"),
        "<html><body><nav><a href='/'>Home</a></nav><p>Loading…</p></body></html>",
    )
    .unwrap();
    let huge = format!(
        "<html><body>{}</body></html>",
        "<p>word word word word word word word word.</p>".repeat(400_000)
    );
    std::fs::write(bad.join("huge.html"), huge).unwrap();
    let cases = [
        ("bad/notes.html", "it is not HTML"),
        ("bad/logo.html", "it is binary data, not a web page"),
        ("bad/empty.html", "no article text was found in it"),
        (
            "bad/huge.html",
            "it is 18 MB, over the 16 MB a page may have",
        ),
        ("bad", "it is not a file"),
        ("bad/missing.html", "no such file or directory"),
    ];
    for (page, why) in cases {
        let (code, out, err) = claimdesk(&["import", page, "--into", "news"], dir.path());
        assert_eq!(code, 1, "{page}: {out}{err}");
        assert_eq!(
            err.lines().next().unwrap(),
            format!("claimdesk: {page} cannot be imported: {why}.")
        );
        assert!(
            !dir.path().join("news").exists()
                || std::fs::read_dir(dir.path().join("news")).unwrap().count() == 0
        );
    }
    assert_eq!(
        import::extract(b"<p>hi</p>", None).unwrap_err(),
        PageError::NoArticle
    );
}

#[test]
fn reimporting_a_page_updates_its_article_and_its_verdicts_follow_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("news");
    let first = import::import(fixture("coastal-herald.html").to_str().unwrap(), &corpus).unwrap();
    let Imported::New(path) = first else {
        panic!("{first:?}")
    };
    // A verdict on the third sentence.
    let mut s = state_for(&corpus, (100, 30));
    press(&mut s, "jjd");
    let claim = s.annotations[0].claims().next().expect("a claim").clone();
    assert!(
        claim
            .target
            .exact
            .starts_with("The drugs, worth an estimated 800 million euros")
    );
    drop(s);

    // The site adds a paragraph at the top and corrects a figure below.
    let html = std::fs::read_to_string(fixture("coastal-herald.html"))
        .unwrap()
        .replace(
            "<p>Customs officers",
            "<p>Update: the prosecutor has named the shipping company involved in the case.</p>\n<p>Customs officers",
        )
        .replace("116 tons", "118 tons");
    let edited = dir.path().join("edited.html");
    std::fs::write(&edited, html).unwrap();
    let again = import::import(edited.to_str().unwrap(), &corpus).unwrap();
    assert_eq!(
        again,
        Imported::Updated(path.clone()),
        "the same article, in place"
    );
    assert_eq!(
        std::fs::read_dir(&corpus)
            .unwrap()
            .filter(|e| e
                .as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "md"))
            .count(),
        1
    );
    assert!(std::fs::read_to_string(&path).unwrap().contains("118 tons"));

    let s = state_for(&corpus, (100, 30));
    let ann = &s.annotations[0];
    assert_eq!(ann.report.orphaned, 0, "{:?}", ann.report);
    let kept = ann.claims().next().unwrap();
    assert_eq!(kept.id, claim.id);
    assert_eq!(kept.verdict, claim.verdict);
    let article = &s.corpus.articles[0];
    assert_eq!(
        article.slice(kept.target.start, kept.target.end),
        claim.target.exact
    );
    assert!(
        kept.target.start > claim.target.start,
        "it moved with its text"
    );
    // Importing the same page once more changes nothing.
    let same = import::import(edited.to_str().unwrap(), &corpus).unwrap();
    assert_eq!(same, Imported::Unchanged(path));
}

#[test]
fn pages_with_the_same_title_from_different_urls_get_their_own_files() {
    let dir = tempfile::tempdir().unwrap();
    let html = std::fs::read_to_string(fixture("coastal-herald.html")).unwrap();
    let other = html.replace(
        "https://www.coastalherald.example/news/2024/04/05/port-seizes-11-tons-of-cocaine\"",
        "https://www.coastalherald.example/world/port-seizes-11-tons-of-cocaine\"",
    );
    let b = dir.path().join("b.html");
    std::fs::write(&b, other).unwrap();
    let corpus = dir.path().join("news");
    let one = import::import(fixture("coastal-herald.html").to_str().unwrap(), &corpus).unwrap();
    let two = import::import(b.to_str().unwrap(), &corpus).unwrap();
    assert_eq!(
        one.path().file_name().unwrap(),
        "port-seizes-11-tons-of-cocaine-in-record-haul.md"
    );
    assert_eq!(
        two.path().file_name().unwrap(),
        "port-seizes-11-tons-of-cocaine-in-record-haul-2.md"
    );
}

/// A web server on 127.0.0.1 for the test: `/old` redirects to the article,
/// `/news/article` is the page, anything else is 404.
fn serve(page: Vec<u8>) -> (u16, std::thread::JoinHandle<()>) {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut request = Vec::new();
            let mut buf = [0u8; 1024];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buf[..n]),
                }
            }
            let line = String::from_utf8_lossy(&request)
                .lines()
                .next()
                .unwrap_or("")
                .to_string();
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            let (head, body): (String, &[u8]) = match path.as_str() {
                "/old" => (
                    "HTTP/1.1 301 Moved Permanently\r\nLocation: /news/article\r\n".into(),
                    b"",
                ),
                "/news/article" => (
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n".into(),
                    &page,
                ),
                "/stop" => return,
                _ => ("HTTP/1.1 404 Not Found\r\n".into(), b"not here"),
            };
            let _ = stream.write_all(
                format!(
                    "{head}Content-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                )
                .as_bytes(),
            );
            let _ = stream.write_all(body);
        }
    });
    (port, handle)
}

#[test]
fn a_url_is_fetched_through_its_redirects_and_its_html_kept_beside_the_article() {
    let page = std::fs::read(fixture("coastal-herald.html")).unwrap();
    let (port, server) = serve(page.clone());
    let dir = tempfile::tempdir().unwrap();
    let run = |url: &str| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_claimdesk"));
        cmd.args(["import", url, "--into", "news"])
            .current_dir(dir.path());
        for var in [
            "HTTP_PROXY",
            "http_proxy",
            "HTTPS_PROXY",
            "https_proxy",
            "ALL_PROXY",
            "all_proxy",
        ] {
            cmd.env_remove(var);
        }
        let out = cmd.output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, out, err) = run(&format!("http://127.0.0.1:{port}/old"));
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.contains("port-seizes-11-tons-of-cocaine-in-record-haul.md (new)"),
        "{out}"
    );
    let news = dir.path().join("news");
    let kept = news.join(".sources/port-seizes-11-tons-of-cocaine-in-record-haul.html");
    assert_eq!(std::fs::read(kept).unwrap(), page, "the page as fetched");
    let loaded = claimdesk::corpus::load(&news).unwrap();
    assert_eq!(loaded.articles.len(), 1, "the kept page is not an article");

    let (code, _, err) = run(&format!("http://127.0.0.1:{port}/gone"));
    assert_eq!(code, Some(1));
    assert_eq!(
        err.lines().next().unwrap(),
        format!(
            "claimdesk: http://127.0.0.1:{port}/gone cannot be imported: the server answered 404."
        )
    );
    let (code, _, err) = run("ftp://127.0.0.1/file.html");
    assert_eq!(code, Some(1));
    assert!(err.contains("no such file or directory"), "{err}");
    let _ = std::net::TcpStream::connect(("127.0.0.1", port)).and_then(|mut s| {
        use std::io::Write;
        s.write_all(b"GET /stop HTTP/1.1\r\n\r\n")
    });
    server.join().unwrap();
}

#[test]
fn a_corpus_reads_saved_pages_through_the_same_extractor() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("mixed");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::copy(fixture("coastal-herald.html"), corpus.join("a.html")).unwrap();
    std::fs::write(
        corpus.join("b.txt"),
        "Plain article\n\nThe mayor said 12 roads were closed.\n",
    )
    .unwrap();
    std::fs::write(corpus.join("c.pdf"), b"%PDF-1.4 not an article").unwrap();
    std::fs::write(corpus.join("d.htm"), b"\x89PNG\r\n\x1a\n\x00binary").unwrap();
    let loaded = claimdesk::corpus::load(&corpus).unwrap();
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a.html", "b.txt", "d.htm"]);
    let page = &loaded.articles[0];
    assert_eq!(
        page.meta.title,
        "Port seizes 11 tons of cocaine in record haul"
    );
    assert_eq!(page.meta.source.as_deref(), Some("The Coastal Herald"));
    let imported = import::write::article_text(&extract("coastal-herald.html"));
    assert_eq!(
        page.text, imported,
        "offsets count in the text import writes"
    );
    for f in FURNITURE {
        assert!(!page.text.contains(f), "{f:?}");
    }
    assert_eq!(
        loaded.articles[2].problems,
        [claimdesk::corpus::ArticleProblem::Unreadable(
            "a web page, but it is binary data, not a web page".into()
        )]
    );
    // A verdict on the page's text is saved and found again.
    let mut s = state_for(&corpus, (100, 30));
    press(&mut s, "jt");
    let claim = s.annotations[0].claims().next().expect("a claim").clone();
    assert!(page.text.contains(&claim.target.exact));
    let s = state_for(&corpus, (100, 30));
    let again = s.annotations[0].claims().next().unwrap();
    assert_eq!(
        (again.id.as_str(), again.target.start),
        (claim.id.as_str(), claim.target.start)
    );
    assert_eq!(
        s.annotations[0].report.orphaned + s.annotations[0].report.moved,
        0
    );
}

/// Quoted-printable, as a browser writes a page into MHTML.
fn quoted_printable(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut line = 0;
    for &b in bytes {
        if b == b'\n' {
            out.push_str("\r\n");
            line = 0;
            continue;
        }
        let piece = if (b' '..=b'~').contains(&b) && b != b'=' {
            (b as char).to_string()
        } else {
            format!("={b:02X}")
        };
        if line + piece.len() > 73 {
            out.push_str("=\r\n");
            line = 0;
        }
        line += piece.len();
        out.push_str(&piece);
    }
    out
}

#[test]
fn a_page_saved_as_one_mhtml_file_is_read_through_its_html_part() {
    let html = std::fs::read(fixture("coastal-herald.html")).unwrap();
    let url = "https://www.coastalherald.example/news/2024/04/05/port-seizes-11-tons-of-cocaine";
    let mhtml = format!(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: {url}\r\nSubject: Port seizes 11 tons\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--x1----\"\r\n\r\n\r\n------MultipartBoundary--x1----\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: {url}\r\n\r\n{}\r\n------MultipartBoundary--x1----\r\nContent-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://www.coastalherald.example/site.css\r\n\r\n.ad{{display:block}}\r\n------MultipartBoundary--x1------\r\n",
        quoted_printable(&html)
    );
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("saved.mhtml");
    std::fs::write(&saved, &mhtml).unwrap();
    let page = import::extract(mhtml.as_bytes(), None).unwrap();
    assert_eq!(
        page,
        extract("coastal-herald.html"),
        "the same article as from the HTML"
    );
    assert!(
        page.body
            .contains("“This seizure shows how criminal networks"),
        "{}",
        page.body
    );
    let done = import::import(saved.to_str().unwrap(), &dir.path().join("news")).unwrap();
    assert!(matches!(done, Imported::New(_)));
    // And a corpus may hold it as it is.
    let loaded = claimdesk::corpus::load(dir.path()).unwrap();
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "news/port-seizes-11-tons-of-cocaine-in-record-haul.md",
            "saved.mhtml"
        ]
    );
    assert_eq!(loaded.articles[1].text, loaded.articles[0].text);
    // A mail that is not a saved page is no article.
    let mail = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHello there.\r\n--b--\r\n";
    assert_eq!(
        import::extract(mail.as_bytes(), None).unwrap_err(),
        PageError::NotHtml
    );
}

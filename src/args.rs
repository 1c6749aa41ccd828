//! The command line: every command, option and help text.

use crate::{parse_base_url, store};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// A terminal workbench for fact-checkers: read a corpus of articles, mark
/// claims true, disputed, false or unverifiable, and keep every verdict in
/// JSON files beside the corpus.
#[derive(Parser)]
#[command(name = "claimdesk", version, args_conflicts_with_subcommands = true)]
pub(crate) struct Cli {
    /// Directory of articles (.txt, .md, saved .html pages) (default: seeds/ here, else the bundled seeds/).
    pub(crate) corpus: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) common: CorpusOptions,
    /// Your name on every change (default: config.toml's reviewer, else git's
    /// user.name, else your login name).
    #[arg(long, value_name = "NAME")]
    pub(crate) reviewer: Option<String>,
    /// The claim library to mark sentences checked before (default:
    /// claimdesk's data folder, e.g. ~/.local/share/claimdesk/library, if it exists).
    #[arg(long, value_name = "DIR")]
    pub(crate) library: Option<PathBuf>,
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
}

/// Options of the commands that read a corpus and its annotations; each
/// command lists only the options it uses.
#[derive(clap::Args, Clone, Default)]
pub(crate) struct CorpusOptions {
    /// Where annotation files live (default: annotations/ beside the corpus).
    #[arg(long, value_name = "DIR")]
    pub(crate) annotations: Option<PathBuf>,
    /// Also read articles that are links to files outside the corpus.
    #[arg(long)]
    pub(crate) follow_links: bool,
}

impl CorpusOptions {
    pub(crate) fn links(&self) -> claimdesk::corpus::Links {
        if self.follow_links {
            claimdesk::corpus::Links::Anywhere
        } else {
            claimdesk::corpus::Links::InsideCorpus
        }
    }
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// List claim candidates and saved claims with offsets, score and reasons.
    Claims {
        /// Folder of articles (.txt, .md, .html) (default: seeds/ here, else the bundled seeds/).
        corpus: Option<PathBuf>,
        #[command(flatten)]
        opts: CorpusOptions,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Every sentence, not only candidates (chrome included, flagged).
        #[arg(long)]
        all: bool,
    },
    /// Cross-article links: sentences of different articles that report the same fact.
    Links {
        /// Folder of articles (.txt, .md, .html) (default: seeds/ here, else the bundled seeds/).
        corpus: Option<PathBuf>,
        #[command(flatten)]
        opts: CorpusOptions,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Export saved annotations.
    Export {
        /// Folder of articles (.txt, .md, .html) (default: seeds/ here, else the bundled seeds/).
        corpus: Option<PathBuf>,
        #[command(flatten)]
        opts: CorpusOptions,
        /// Only this reviewer's annotations.
        #[arg(long, value_name = "NAME")]
        reviewer: Option<String>,
        #[arg(long, value_enum)]
        format: Format,
        /// Only claims with this verdict.
        #[arg(long, value_parser = parse_verdict)]
        verdict: Option<store::Verdict>,
        /// Write to this file instead of standard output (never an article or
        /// an annotation file; a pipe or device is written into).
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the --output file if it exists.
        #[arg(long)]
        force: bool,
        /// CSV without the UTF-8 byte-order mark (which Excel needs to read UTF-8).
        #[arg(long)]
        no_bom: bool,
        /// Where articles without a `url:` live on the web: their IRIs become
        /// this URL plus their path (default: corpus.toml's base_url; else
        /// urn:claimdesk:article:PATH).
        #[arg(long, value_name = "URL", value_parser = parse_base_url)]
        base_url: Option<url::Url>,
        /// Publish working notes as ClaimReview's reviewBody (never by default).
        #[arg(long)]
        include_notes: bool,
    },
    /// Turn saved web pages or http(s):// URLs into articles of a corpus.
    ///
    /// Pages are .html, .htm or .mhtml files; each becomes CORPUS/NAME.md with
    /// the article's text only and its title, url, site, date and author.
    /// Importing a page again updates its article in place.
    Import {
        /// Saved pages and URLs.
        #[arg(required = true, value_name = "PAGE")]
        pages: Vec<String>,
        /// The corpus folder the articles go into (made if missing).
        #[arg(long, value_name = "CORPUS")]
        into: PathBuf,
    },
    /// The claim library: claims checked before, by you or other fact-checkers.
    Library {
        #[command(subcommand)]
        command: LibraryCommand,
    },
    /// Sentences of the corpus that match claims in the library (checked before).
    Matches {
        /// Folder of articles (.txt, .md, .html) (default: seeds/ here, else the bundled seeds/).
        corpus: Option<PathBuf>,
        #[command(flatten)]
        opts: CorpusOptions,
        /// The library folder (default: claimdesk's data folder, e.g. ~/.local/share/claimdesk/library).
        #[arg(long, value_name = "DIR")]
        library: Option<PathBuf>,
        /// List library claims from this score on (0 to 1; default: the workbench's
        /// "checked before" threshold). 0 lists each sentence's five best candidates,
        /// for ranking evaluations.
        #[arg(long, value_name = "SCORE", value_parser = score_in_range)]
        min_score: Option<f32>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Validate every annotation file against its article; non-zero exit on problems.
    Check {
        /// Folder of articles (.txt, .md, .html) (default: seeds/ here, else the bundled seeds/).
        corpus: Option<PathBuf>,
        #[command(flatten)]
        opts: CorpusOptions,
    },
    /// Git merge driver for annotation files: merges by annotation id, writes over OURS.
    MergeFile {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
    },
    /// Compare two reviewers' annotation folders: agreement, Cohen's kappa, disagreements.
    Agree {
        dir_a: PathBuf,
        dir_b: PathBuf,
        /// Folder of articles (.txt, .md, .html) (default: seeds/ here, else the bundled seeds/).
        corpus: Option<PathBuf>,
        /// Also read articles that are links to files outside the corpus.
        #[arg(long)]
        follow_links: bool,
    },
    /// Print shell completions: `claimdesk completions bash > ~/.local/share/bash-completion/completions/claimdesk`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `claimdesk man > ~/.local/share/man/man1/claimdesk.1`.
    Man,
    /// Counts per verdict and per article, and progress.
    Stats {
        /// Folder of articles (.txt, .md, .html) (default: seeds/ here, else the bundled seeds/).
        corpus: Option<PathBuf>,
        #[command(flatten)]
        opts: CorpusOptions,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub(crate) enum LibraryCommand {
    /// Add ClaimReview files or claimdesk annotation folders to the library.
    ///
    /// ClaimReview JSON-LD may be one review, a list, an @graph, a data feed
    /// or Fact Check Tools API results; an annotations folder gives its claims
    /// with a verdict. Adding a source again replaces it.
    Add {
        /// ClaimReview JSON files and annotation folders.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// The library folder (default: claimdesk's data folder, e.g. ~/.local/share/claimdesk/library).
        #[arg(long, value_name = "DIR")]
        library: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    /// A Markdown report for an editor.
    Md,
    /// One row per annotation.
    Csv,
    /// Every annotation with its target, anchor and history.
    Json,
    /// schema.org ClaimReview JSON-LD, one per claim with a verdict.
    Claimreview,
    /// W3C Web Annotation JSON-LD.
    W3c,
    /// A self-contained HTML report: each annotated article with its claims highlighted.
    Html,
}

pub(crate) fn parse_verdict(s: &str) -> Result<store::Verdict, String> {
    store::Verdict::parse(s)
        .ok_or_else(|| "use unreviewed, true, disputed, false or unverifiable".to_string())
}

fn score_in_range(s: &str) -> Result<f32, String> {
    let score: f32 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if (0.0..=1.0).contains(&score) {
        Ok(score)
    } else {
        Err(format!("{score} is not a score from 0 to 1"))
    }
}

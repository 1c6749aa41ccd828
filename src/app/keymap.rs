//! The keymap as data: an embedded default TOML, merged with the user's
//! `config.toml`. Every binding carries the help text that `?` shows.

use super::keys::KeyPress;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

macro_rules! commands {
    ($($variant:ident = $name:literal),* $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Command { $($variant),* }

        impl Command {
            pub const ALL: &'static [Command] = &[$(Command::$variant),*];

            pub fn name(self) -> &'static str {
                match self { $(Command::$variant => $name),* }
            }

            pub fn from_name(name: &str) -> Option<Command> {
                match name { $($name => Some(Command::$variant),)* _ => None }
            }
        }
    };
}

commands! {
    FocusNext = "focus_next",
    FocusPrev = "focus_prev",
    Down = "down",
    Up = "up",
    Top = "top",
    Bottom = "bottom",
    PageDown = "page_down",
    PageUp = "page_up",
    HalfDown = "half_down",
    HalfUp = "half_up",
    Open = "open",
    JumpBack = "jump_back",
    VerdictTrue = "verdict_true",
    VerdictDisputed = "verdict_disputed",
    VerdictFalse = "verdict_false",
    VerdictUnverifiable = "verdict_unverifiable",
    VerdictClear = "verdict_clear",
    MarkClaim = "mark_claim",
    ApplyCheckedBefore = "apply_checked_before",
    Dismiss = "dismiss",
    Select = "select",
    WordForward = "word_forward",
    WordBack = "word_back",
    Note = "note",
    NextLink = "next_link",
    PrevLink = "prev_link",
    ConfirmAnchor = "confirm_anchor",
    Reattach = "reattach",
    Evidence = "evidence",
    Publishing = "publishing",
    DetailsDown = "details_down",
    DetailsUp = "details_up",
    NextUnreviewed = "next_unreviewed",
    PrevUnreviewed = "prev_unreviewed",
    NextUnreviewedCorpus = "next_unreviewed_corpus",
    PrevUnreviewedCorpus = "prev_unreviewed_corpus",
    Search = "search",
    SearchNext = "search_next",
    SearchPrev = "search_prev",
    Undo = "undo",
    Redo = "redo",
    Review = "review",
    Cancel = "cancel",
    Help = "help",
    Quit = "quit",
    FilterVerdict = "filter_verdict",
    ClearFilters = "clear_filters",
    FilterReviewer = "filter_reviewer",
    FilterAnchor = "filter_anchor",
    FilterKind = "filter_kind",
    FilterNoNote = "filter_no_note",
    FilterNoEvidence = "filter_no_evidence",
    Sort = "sort",
    ExportRows = "export",
    CompareFolder = "compare_folder",
    FilterDisagreements = "filter_disagreements",
    Back = "back",
    // The layers over the screens: note editor, prompts, questions, help.
    EditorClose = "close",
    PromptAccept = "accept",
    PromptCancel = "cancel_prompt",
    PromptNext = "next_choice",
    ConfirmYes = "yes",
    ConfirmNo = "no",
    HelpClose = "close_help",
}

/// A layer of the interface with keys of its own, as yazi's keymap has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Main,
    Review,
    /// The note editor (every other key types).
    Editor,
    /// One-line prompts: search, filter, evidence, export, publishing.
    Prompt,
    /// A yes/no question.
    Confirm,
    Help,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Main,
        Section::Review,
        Section::Editor,
        Section::Prompt,
        Section::Confirm,
        Section::Help,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Section::Main => "main",
            Section::Review => "review",
            Section::Editor => "editor",
            Section::Prompt => "prompt",
            Section::Confirm => "confirm",
            Section::Help => "help",
        }
    }

    /// The heading the help screen gives the section.
    pub fn title(self) -> &'static str {
        match self {
            Section::Main => "Main screen",
            Section::Review => "Review screen",
            Section::Editor => "Note editor",
            Section::Prompt => "Prompts",
            Section::Confirm => "Questions",
            Section::Help => "This help",
        }
    }

    fn from_name(name: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.name() == name)
    }

    fn index(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub command: Command,
    pub keys: Vec<KeyPress>,
    pub help: String,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    /// Bindings per section, in `Section::ALL` order.
    sections: Vec<Vec<Binding>>,
    lookup: HashMap<(Section, KeyPress), Command>,
}

pub const DEFAULT_KEYMAP: &str = include_str!("keymap.toml");

#[derive(Deserialize)]
struct RawBinding {
    command: String,
    keys: Vec<String>,
    help: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKeymap {
    main: Vec<RawBinding>,
    review: Vec<RawBinding>,
    editor: Vec<RawBinding>,
    prompt: Vec<RawBinding>,
    confirm: Vec<RawBinding>,
    help: Vec<RawBinding>,
}

/// A user's key list: `"t"` or `["t", "1"]`.
#[derive(Deserialize, Debug, Clone)]
#[serde(untagged)]
pub enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl KeyList {
    fn names(&self) -> Vec<&str> {
        match self {
            KeyList::One(s) => vec![s.as_str()],
            KeyList::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// The user's overrides: section name -> command name -> keys, with spans for errors.
pub type UserKeys = BTreeMap<String, BTreeMap<toml::Spanned<String>, toml::Spanned<KeyList>>>;

fn parse_bindings(raw: Vec<RawBinding>) -> Result<Vec<Binding>, String> {
    raw.into_iter()
        .map(|b| {
            let command = Command::from_name(&b.command)
                .ok_or_else(|| format!("unknown command {:?}", b.command))?;
            let keys = b
                .keys
                .iter()
                .map(|k| k.parse::<KeyPress>())
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Binding {
                command,
                keys,
                help: b.help,
            })
        })
        .collect()
}

pub fn line_of(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].matches('\n').count() + 1
}

impl Keymap {
    /// The embedded defaults; a test proves they parse and do not conflict.
    pub fn defaults() -> Keymap {
        let raw: RawKeymap = toml::from_str(DEFAULT_KEYMAP).expect("embedded keymap parses");
        let sections = [
            raw.main,
            raw.review,
            raw.editor,
            raw.prompt,
            raw.confirm,
            raw.help,
        ]
        .into_iter()
        .map(|r| parse_bindings(r).expect("embedded keymap is valid"))
        .collect();
        Keymap::build(sections, &|_, _| 0).expect("embedded keymap has no conflicts")
    }

    fn build(
        sections: Vec<Vec<Binding>>,
        line_for: &dyn Fn(Section, Command) -> usize,
    ) -> Result<Keymap, (usize, String)> {
        let mut lookup = HashMap::new();
        for (section, bindings) in Section::ALL.into_iter().zip(&sections) {
            for b in bindings {
                for k in &b.keys {
                    if let Some(other) = lookup.insert((section, *k), b.command)
                        && other != b.command
                    {
                        let line = line_for(section, b.command).max(line_for(section, other));
                        return Err((
                            line,
                            format!(
                                "{k} is bound to both {} and {} in [keys.{}]",
                                other.name(),
                                b.command.name(),
                                section.name()
                            ),
                        ));
                    }
                }
            }
        }
        Ok(Keymap { sections, lookup })
    }

    /// Applies the user's overrides: each named command gets exactly the given keys.
    pub fn with_overrides(
        mut self,
        user: &UserKeys,
        text: &str,
        file: &str,
    ) -> Result<Keymap, String> {
        let mut lines: HashMap<(Section, Command), usize> = HashMap::new();
        for (section_name, commands) in user {
            let section = match Section::from_name(section_name) {
                Some(s) => s,
                None => {
                    let other = section_name.as_str();
                    let line = commands
                        .keys()
                        .next()
                        .map(|k| line_of(text, k.span().start))
                        .unwrap_or(1);
                    return Err(format!(
                        "{file} line {line}: unknown key section [keys.{other}] (use main, review, editor, prompt, confirm or help)."
                    ));
                }
            };
            for (name, keys) in commands {
                let line = line_of(text, name.span().start);
                let command = Command::from_name(name.get_ref()).ok_or_else(|| {
                    format!("{file} line {line}: unknown command {:?}.", name.get_ref())
                })?;
                let parsed = keys
                    .get_ref()
                    .names()
                    .into_iter()
                    .map(str::parse::<KeyPress>)
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| format!("{file} line {line}: {e}."))?;
                let bindings = &mut self.sections[section.index()];
                if command == Command::Quit && parsed.is_empty() {
                    return Err(format!(
                        "{file} line {line}: quit must keep at least one key in [keys.{section_name}], or nothing could end claimdesk."
                    ));
                }
                match bindings.iter_mut().find(|b| b.command == command) {
                    Some(b) => b.keys = parsed,
                    None => {
                        return Err(format!(
                            "{file} line {line}: {} is not a command of [keys.{section_name}].",
                            command.name()
                        ));
                    }
                }
                lines.insert((section, command), line);
            }
        }
        Keymap::build(self.sections, &|s, c| {
            lines.get(&(s, c)).copied().unwrap_or(0)
        })
        .map_err(|(line, msg)| {
            format!("{file} line {line}: {msg}; bind one of them to another key.")
        })
    }

    pub fn lookup(&self, section: Section, key: KeyPress) -> Option<Command> {
        self.lookup.get(&(section, key)).copied()
    }

    pub fn bindings(&self, section: Section) -> &[Binding] {
        &self.sections[section.index()]
    }

    /// The first key of a command, for hints in the status bar.
    pub fn key_for(&self, section: Section, command: Command) -> String {
        self.bindings(section)
            .iter()
            .find(|b| b.command == command)
            .and_then(|b| b.keys.first())
            .map(ToString::to_string)
            .unwrap_or_else(|| "—".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse_and_cover_design_keys() {
        let k = Keymap::defaults();
        assert_eq!(
            k.lookup(Section::Main, KeyPress::ch('t')),
            Some(Command::VerdictTrue)
        );
        assert_eq!(
            k.lookup(Section::Main, KeyPress::ctrl('c')),
            Some(Command::Quit)
        );
        assert_eq!(
            k.lookup(Section::Review, KeyPress::ctrl('o')),
            Some(Command::Back)
        );
        for s in Section::ALL {
            assert!(k.bindings(s).iter().all(|b| !b.help.is_empty()));
        }
        assert_eq!(
            k.lookup(
                Section::Prompt,
                KeyPress::plain(crate::app::keys::Key::Enter)
            ),
            Some(Command::PromptAccept)
        );
    }
}

//! The user's `config.toml`: reviewer name, key overrides, and defaults for
//! every corpus's settings (publisher, base URL).

use super::keymap::{Keymap, UserKeys, line_of};
use serde::Deserialize;

#[derive(Debug, Clone)]
pub struct Config {
    pub reviewer: Option<String>,
    pub keymap: Keymap,
    /// Defaults for each corpus's `corpus.toml`.
    pub corpus: crate::store::settings::CorpusSettings,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            reviewer: None,
            keymap: Keymap::defaults(),
            corpus: Default::default(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    reviewer: Option<String>,
    #[serde(default)]
    keys: UserKeys,
    base_url: Option<String>,
    #[serde(default)]
    publisher: crate::store::settings::Publisher,
}

/// Parses a config file's text; errors name the file and line in one sentence.
pub fn parse(text: &str, file: &str) -> Result<Config, String> {
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
        let msg = e.message().trim_end_matches('.').replace('\n', " ");
        format!("{file} line {line}: {msg}.")
    })?;
    let keymap = Keymap::defaults().with_overrides(&raw.keys, text, file)?;
    let reviewer = raw
        .reviewer
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
    let corpus = crate::store::settings::CorpusSettings {
        base_url: raw.base_url,
        publisher: raw.publisher,
    }
    .checked(file)?;
    Ok(Config {
        reviewer,
        keymap,
        corpus,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::{Command, Section};
    use crate::app::keys::KeyPress;

    #[test]
    fn overrides_replace_keys_of_a_command() {
        let c = parse(
            "reviewer = \"alice\"\n[keys.main]\nverdict_true = [\"t\", \"1\"]\n",
            "config.toml",
        )
        .unwrap();
        assert_eq!(c.reviewer.as_deref(), Some("alice"));
        assert_eq!(
            c.keymap.lookup(Section::Main, KeyPress::ch('1')),
            Some(Command::VerdictTrue)
        );
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse(
            "reviewer = \"a\"\n\n[keys.main]\nverdict_true = \"j\"\n",
            "config.toml",
        )
        .unwrap_err();
        assert_eq!(
            e,
            "config.toml line 4: j is bound to both down and verdict_true in [keys.main]; bind one of them to another key."
        );
        let e = parse("[keys.main]\nfly = \"p\"\n", "config.toml").unwrap_err();
        assert_eq!(e, "config.toml line 2: unknown command \"fly\".");
        let e = parse("reviewer = \n", "config.toml").unwrap_err();
        assert!(e.starts_with("config.toml line 1: "), "{e}");
        let e = parse("[keys.main]\nquit = \"ctrl-nope\"\n", "config.toml").unwrap_err();
        assert_eq!(e, "config.toml line 2: unknown key name \"ctrl-nope\".");
        let e = parse("[keys.main]\nquit = []\n", "config.toml").unwrap_err();
        assert_eq!(
            e,
            "config.toml line 2: quit must keep at least one key in [keys.main], or nothing could end claimdesk."
        );
        let e = parse("colour = 1\n", "config.toml").unwrap_err();
        assert!(e.starts_with("config.toml line 1: unknown field"), "{e}");
    }
}

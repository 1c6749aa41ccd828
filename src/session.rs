//! Where each corpus was left (article, cursor, scroll), kept in the platform
//! state directory and restored at the next start.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionPlace {
    pub article: String,
    pub cursor: usize,
    pub scroll: usize,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Sessions {
    #[serde(default)]
    corpora: BTreeMap<String, SessionPlace>,
}

fn key(corpus: &Path) -> String {
    std::fs::canonicalize(corpus)
        .unwrap_or_else(|_| corpus.to_path_buf())
        .display()
        .to_string()
}

fn file(state_dir: &Path) -> PathBuf {
    state_dir.join("sessions.json")
}

fn read(state_dir: &Path) -> Sessions {
    std::fs::read(file(state_dir))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

pub fn load(state_dir: &Path, corpus: &Path) -> Option<SessionPlace> {
    read(state_dir).corpora.remove(&key(corpus))
}

pub fn save(state_dir: &Path, corpus: &Path, place: SessionPlace) -> Result<(), String> {
    let mut all = read(state_dir);
    all.corpora.insert(key(corpus), place);
    let json = serde_json::to_string_pretty(&all).map_err(|e| e.to_string())? + "\n";
    crate::store::write_atomic(&file(state_dir), json.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_round_trip_per_corpus() {
        let dir = tempfile::tempdir().unwrap();
        let place = SessionPlace {
            article: "a.txt".into(),
            cursor: 4,
            scroll: 2,
        };
        save(dir.path(), Path::new("/x/one"), place.clone()).unwrap();
        assert_eq!(load(dir.path(), Path::new("/x/one")), Some(place));
        assert_eq!(load(dir.path(), Path::new("/x/two")), None);
    }
}

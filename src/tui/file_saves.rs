//! Saved games on disk for the terminal game: every committed quarter is
//! written to the game's save file in the saves folder (atomically, by
//! [`crate::save`]), the title screen lists the saves that can be
//! continued, and a continued game goes on saving to the file it came from.

use super::saves::{Continuable, Resumed, Saves};
use crate::save::{self, SavedOutcome};
use crate::scenario::Scenario;
use crate::sim::Game;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Saves in a folder (`saves/`, `--saves DIR` or `$CULTURESIM_SAVES`).
#[derive(Clone, Debug)]
pub struct FileSaves {
    dir: PathBuf,
    /// The file of the game being played, once it has one.
    current: Option<PathBuf>,
}

impl FileSaves {
    /// Saves in `dir`; nothing is written until a quarter is committed.
    pub fn new(dir: PathBuf) -> FileSaves {
        FileSaves { dir, current: None }
    }

    /// Goes on saving a resumed game to the file it was loaded from.
    pub fn continuing(mut self, path: PathBuf) -> FileSaves {
        self.current = Some(path);
        self
    }
}

impl Saves for FileSaves {
    fn quarter_committed(
        &mut self,
        scenario: &Scenario,
        game: &Game,
        player: &str,
    ) -> Result<(), String> {
        // Quarter 1 is a new game: it gets a file of its own, never one
        // that an earlier game of the session wrote.
        if game.state().quarter <= 1 || self.current.is_none() {
            self.current = Some(save::new_path(
                &self.dir,
                player,
                &scenario.id,
                SystemTime::now(),
            ));
        }
        let Some(path) = &self.current else {
            return Ok(());
        };
        save::autosave(path, scenario, player, game).map_err(|e| save::printable(&e.to_string()))
    }

    fn continuable(&self) -> Vec<Continuable> {
        let Ok(listing) = save::list(&self.dir) else {
            return Vec::new();
        };
        listing
            .saves
            .into_iter()
            .map(|e| Continuable {
                label: save::printable(&format!(
                    "{} · {} · quarter {} of {} · score {:.0}{} · {}",
                    e.player,
                    e.scenario_title,
                    e.quarter,
                    e.quarters,
                    e.score,
                    match e.outcome {
                        SavedOutcome::Playing => "",
                        SavedOutcome::Finished => " · finished",
                        SavedOutcome::BoardOut | SavedOutcome::Bankrupt => " · game over",
                    },
                    date(&e.written)
                )),
                key: e.path.display().to_string(),
            })
            .collect()
    }

    fn resume(&mut self, which: &Continuable) -> Result<Resumed, String> {
        let loaded =
            save::resume(Path::new(&which.key)).map_err(|e| save::printable(&e.to_string()))?;
        self.current = Some(loaded.path.clone());
        Ok(resumed(loaded))
    }

    fn autosaves(&self) -> bool {
        true
    }

    /// The absolute path: it is what a student hands in, and what a
    /// teacher's `culturesim verify` needs wherever it runs.
    fn location(&self) -> Option<String> {
        self.current.as_ref().map(|p| absolute(p))
    }
}

/// A loaded save as the terminal game takes it.
pub fn resumed(loaded: save::Loaded) -> Resumed {
    Resumed {
        player: loaded.player().to_string(),
        location: Some(absolute(&loaded.path)),
        scenario: loaded.scenario,
        game: loaded.game,
    }
}

/// `path` made absolute (as it stands if that fails), ready to print.
fn absolute(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    save::printable(&abs.display().to_string())
}

/// "2026-11-23 15:02" from a save's timestamp.
fn date(written: &toml::value::Datetime) -> String {
    let text = written.to_string();
    text.get(..16).unwrap_or(&text).replace('T', " ")
}

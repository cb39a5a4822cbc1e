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

    /// A file of its own for a new game, reserved so that no other game
    /// (another process sharing the folder) can take it.
    fn reserve(&self, scenario: &Scenario, player: &str) -> Result<PathBuf, String> {
        let fail = |e: std::io::Error| {
            save::printable(&format!(
                "{}: cannot create the save: {e}",
                self.dir.display()
            ))
        };
        std::fs::create_dir_all(&self.dir).map_err(fail)?;
        let player = save::clean_player(player);
        save::reserve(&self.dir, &player, &scenario.id, SystemTime::now()).map_err(fail)
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
        let mut reserved = false;
        if game.state().quarter <= 1 || self.current.is_none() {
            self.current = Some(self.reserve(scenario, player)?);
            reserved = true;
        }
        let Some(path) = &self.current else {
            return Ok(());
        };
        let result = save::autosave(path, scenario, player, game)
            .map_err(|e| save::printable(&e.to_string()));
        if result.is_err() && reserved {
            // An empty reserved file is no save: give the name back, and
            // take a new one at the next try.
            let _ = std::fs::remove_file(path);
            self.current = None;
        }
        result
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

    fn location(&self) -> Option<String> {
        self.current.as_ref().map(|p| p.display().to_string())
    }
}

/// A loaded save as the terminal game takes it.
pub fn resumed(loaded: save::Loaded) -> Resumed {
    Resumed {
        player: loaded.player().to_string(),
        location: Some(loaded.path.display().to_string()),
        scenario: loaded.scenario,
        game: loaded.game,
    }
}

/// "2026-11-23 15:02" from a save's timestamp.
fn date(written: &toml::value::Datetime) -> String {
    let text = written.to_string();
    text.get(..16).unwrap_or(&text).replace('T', " ")
}

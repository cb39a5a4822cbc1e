//! [`Saves`] on save files (the `save` module): a new file for each new
//! game, written again after every quarter; the title screen offers the
//! games in progress in the saves folder.
//!
//! MERGE NOTE: this file is written against `crate::save` as it is on
//! `main` (new_path, autosave, list, resume, Loaded), which the `tui`
//! branch does not have yet, so it is not compiled here. After merging,
//! add `mod file_saves;` and `pub use file_saves::FileSaves;` to
//! `tui/mod.rs` and use it in `main.rs` (see the branch's report).

use super::saves::{Continuable, Resumed, Saves};
use crate::save;
use crate::scenario::Scenario;
use crate::sim::Game;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Autosaves to the files of one folder.
#[derive(Clone, Debug)]
pub struct FileSaves {
    dir: PathBuf,
    /// The file of the game being played, once it has one.
    current: Option<PathBuf>,
}

impl FileSaves {
    /// Saves in `dir` (created at the first autosave).
    pub fn new(dir: PathBuf) -> FileSaves {
        FileSaves { dir, current: None }
    }

    /// The game being played continues the save at `path`.
    pub fn continue_in(&mut self, path: PathBuf) {
        self.current = Some(path);
    }
}

impl Saves for FileSaves {
    fn quarter_committed(
        &mut self,
        scenario: &Scenario,
        game: &Game,
        player: &str,
    ) -> Result<(), String> {
        let path = match (&self.current, game.state().quarter) {
            (Some(p), q) if q > 1 => p.clone(),
            _ => save::new_path(&self.dir, player, &scenario.id, SystemTime::now()),
        };
        self.current = Some(path.clone());
        save::autosave(&path, scenario, player, game).map_err(|e| save::printable(&e.to_string()))
    }

    fn continuable(&self) -> Vec<Continuable> {
        let Ok(listing) = save::list(&self.dir) else {
            return Vec::new();
        };
        listing
            .saves
            .into_iter()
            .filter(|e| e.outcome == save::SavedOutcome::Playing)
            .map(|e| Continuable {
                label: save::printable(&format!(
                    "{} · {} · quarter {} of {} · {}",
                    e.player, e.scenario_title, e.quarter, e.quarters, e.written
                )),
                key: e.path.display().to_string(),
            })
            .collect()
    }

    fn resume(&mut self, which: &Continuable) -> Result<Resumed, String> {
        let loaded = save::resume(Path::new(&which.key))
            .map_err(|e| save::printable(&format!("cannot resume: {e}")))?;
        self.current = Some(loaded.path.clone());
        Ok(Resumed {
            player: loaded.player().to_string(),
            location: self.location(),
            scenario: loaded.scenario,
            game: loaded.game,
        })
    }

    fn autosaves(&self) -> bool {
        true
    }

    fn location(&self) -> Option<String> {
        self.current
            .as_ref()
            .map(|p| save::printable(&p.display().to_string()))
    }
}

//! Saved games on disk for the terminal game: every committed quarter is
//! written to the game's save file in the saves folder (atomically, by
//! [`crate::save`]), the title screen lists the saves that can be
//! continued, and a continued game goes on saving to the file it came from.

use super::branch::OtherRun;
use super::saves::{Continuable, Resumed, Saves};
use super::text;
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
    /// The `[branch]` table of the game being played, if it is a branch:
    /// kept in every autosave.
    branch: Option<save::BranchRef>,
    /// A branch at quarter 1 was just written: its first quarter goes to
    /// its own file, not to a new one.
    fresh_branch: bool,
}

impl FileSaves {
    /// Saves in `dir`; nothing is written until a quarter is committed.
    pub fn new(dir: PathBuf) -> FileSaves {
        FileSaves {
            dir,
            current: None,
            branch: None,
            fresh_branch: false,
        }
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
        // A branch stays a branch in every autosave.
        self.branch = save::read(&path).ok().and_then(|d| d.save.branch);
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
        let fresh_branch = std::mem::take(&mut self.fresh_branch);
        let mut reserved = false;
        if (game.state().quarter <= 1 && !fresh_branch) || self.current.is_none() {
            self.current = Some(self.reserve(scenario, player)?);
            self.branch = None;
            reserved = true;
        }
        let Some(path) = &self.current else {
            return Ok(());
        };
        let s = save::Save::from_game(scenario, player, game).with_branch(self.branch.clone());
        let result =
            save::write_creating_folder(path, &s).map_err(|e| save::printable(&e.to_string()));
        if result.is_err() && reserved {
            // An empty reserved file is no save: give the name back, and
            // take a new one at the next try.
            let _ = std::fs::remove_file(path);
            self.current = None;
        }
        result
    }

    fn branched(&mut self, at: u32, game: &Game) -> Result<(), String> {
        let Some(parent) = self.current.clone() else {
            // Never saved: the branch is saved from its first quarter on.
            return Ok(());
        };
        // Whatever happens, the parent's file is not this game's any more:
        // on failure the next quarter goes to a new file, never over it.
        self.current = None;
        self.branch = None;
        let loaded =
            save::branch(&parent, at, None).map_err(|e| save::printable(&e.to_string()))?;
        if loaded.game.history() != game.history() {
            return Err(format!(
                "{}: the saved game differs from the one played: the branch is saved as a new game from its next quarter",
                save::printable(&parent.display().to_string())
            ));
        }
        self.branch = loaded.save.branch.clone();
        self.current = Some(loaded.path);
        self.fresh_branch = at == 1;
        Ok(())
    }

    fn runs_like(&self, scenario_id: &str, seed: u64) -> Vec<Continuable> {
        let Ok(listing) = save::list(&self.dir) else {
            return Vec::new();
        };
        let current = self.current.as_ref().and_then(|p| p.canonicalize().ok());
        listing
            .saves
            .into_iter()
            .filter(|e| e.scenario_id == scenario_id && e.quarter > 0)
            .filter(|e| e.path.canonicalize().ok() != current)
            .filter(|e| save::read(&e.path).is_ok_and(|d| d.save.seed == seed))
            .map(|e| Continuable {
                label: save::printable(&format!(
                    "{} · quarter {} of {} · score {:.1} · {} · {}",
                    e.player,
                    e.quarter,
                    e.quarters,
                    e.score,
                    date(&e.written),
                    e.path.file_name().unwrap_or_default().to_string_lossy()
                )),
                key: e.path.display().to_string(),
            })
            .collect()
    }

    fn load_run(&mut self, which: &Continuable) -> Result<OtherRun, String> {
        let path = Path::new(&which.key);
        let loaded = save::Verifier::new()
            .verify_log(path)
            .map_err(|e| save::printable(&e.to_string()))?;
        let name = path.file_stem().unwrap_or_default().to_string_lossy();
        Ok(OtherRun {
            label: save::printable(&format!("{} ({name})", loaded.player())),
            history: loaded.game.history().to_vec(),
            branched_at: None,
        })
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
                    "{} · {}{} · quarter {} of {} · score {:.0}{} · {}{}",
                    e.player,
                    e.scenario_title,
                    e.branch.as_ref().map_or(String::new(), |b| format!(
                        " · {} Q{}",
                        text::BRANCH_AT,
                        b.at
                    )),
                    e.quarter,
                    e.quarters,
                    e.score,
                    match e.outcome {
                        SavedOutcome::Playing => "",
                        SavedOutcome::Finished => " · finished",
                        SavedOutcome::BoardOut | SavedOutcome::Bankrupt => " · game over",
                    },
                    date(&e.written),
                    e.branch.as_ref().map_or(String::new(), branch_of)
                )),
                key: e.path.display().to_string(),
            })
            .collect()
    }

    fn resume(&mut self, which: &Continuable) -> Result<Resumed, String> {
        let loaded =
            save::resume(Path::new(&which.key)).map_err(|e| save::printable(&e.to_string()))?;
        self.current = Some(loaded.path.clone());
        self.branch = loaded.save.branch.clone();
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
    let branch = loaded.save.branch.clone();
    Resumed {
        player: loaded.player().to_string(),
        location: Some(absolute(&loaded.path)),
        branch_at: branch.as_ref().map(|b| b.at),
        versus: branch
            .and_then(|b| parent_run(&loaded.path, &b))
            .into_iter()
            .collect(),
        scenario: loaded.scenario,
        game: loaded.game,
    }
}

/// The parent of a branch, found where it was or beside the branch, if it
/// is still the game the branch came from.
fn parent_run(branch_path: &Path, b: &save::BranchRef) -> Option<OtherRun> {
    let recorded = PathBuf::from(&b.parent);
    let beside = branch_path
        .parent()
        .zip(recorded.file_name())
        .map(|(d, n)| d.join(n));
    [Some(recorded), beside]
        .into_iter()
        .flatten()
        .filter_map(|p| save::Verifier::new().verify_log(&p).ok())
        .find(|l| b.is_parent(l))
        .map(|l| OtherRun {
            label: crate::tui::text::ORIGINAL.to_string(),
            history: l.game.history().to_vec(),
            branched_at: Some(b.at),
        })
}

/// `path` made absolute (as it stands if that fails), ready to print.
fn absolute(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    save::printable(&abs.display().to_string())
}

/// " · from alice-1.toml": the save a listed branch came from (its file
/// name only). It ends the line: the short "branch at Q3" near the start
/// is what an 80-column list must keep.
fn branch_of(b: &save::BranchRef) -> String {
    let parent = Path::new(&b.parent)
        .file_name()
        .map_or_else(|| b.parent.clone(), |n| n.to_string_lossy().into_owned());
    format!(" · {} {parent}", text::BRANCH_FROM)
}

/// "2026-11-23 15:02" from a save's timestamp.
fn date(written: &toml::value::Datetime) -> String {
    let text = written.to_string();
    text.get(..16).unwrap_or(&text).replace('T', " ")
}

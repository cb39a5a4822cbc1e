//! Saves: the decision log of a game in TOML (DESIGN.md §4). Written
//! atomically, so a crash or a kill never costs a player their game;
//! loaded by replay, so a save proves its own results to an instructor.
//!
//! - Start a game's save file: [`reserve`]; after every quarter: [`autosave`].
//! - A headless run (`culturesim run --save FILE`): [`write_run`].
//! - Continue a game: [`resume`] (or [`load`] for a finished one too).
//! - The title screen's "continue" list: [`list()`].
//! - `culturesim verify`: [`Verifier`], which loads each scenario once.
//!
//! A save, as an instructor opening one reads it:
//!
//! ```toml
//! format = 1                  # file format; older ones are migrated on load
//! model_version = 1           # the model's equations the game was played with
//! seed = 42
//! player = "Team Blue"
//!
//! [scenario]
//! id = "electronics"
//! title = "Electronics retailer"
//! hash = "9c1f0e3a5b7d2468"   # the scenario file's content, as played
//! origin = "builtin:electronics"
//!
//! [summary]                   # for listings; `verify` checks it by replay
//! quarter = 7
//! quarters = 20
//! score = 412.5
//! outcome = "playing"
//! written = 2026-11-23T15:02:07Z
//!
//! [[quarter]]
//! quarter = 1
//! checksum = "2108b0c566a6414a"   # the state after quarter 1
//!
//! [quarter.decisions]
//! vision = 25.0
//! insight = 60.0
//! skills = 60.0
//! marketing = 0.0
//! initiatives = ["workshop"]
//!
//! [quarter.decisions.answers]
//! rival_price_war = "hold"
//! ```
//!
//! A branch ([`branch()`]) also has an optional `[branch]` table: the
//! parent's file, the quarters it had played and its checksum then, and
//! `at`, the first quarter the branch played on its own (see
//! [`BranchRef`]). Saves without one load as before.

mod atomic;
mod branch;
mod error;
mod format;
mod list;
mod migrate;
mod name;
mod parse;
mod text;
mod verify;

pub use atomic::write_atomic;
pub use branch::{BranchError, BranchRef, branch};
pub use error::{Error, ErrorKind, Position};
pub use format::{
    FORMAT, Hex64, MAX_PLAYER_CHARS, QuarterEntry, Save, SavedOutcome, ScenarioRef, Summary,
    clean_player,
};
pub use list::{Entry, Listing, expand, list};
pub use name::{DEFAULT_DIR, file_name, new_path, reserve, saves_dir};
pub use parse::{Decoded, MAX_BYTES, decode, read};
pub use text::{locate, not_found, printable, status, verify_line, verify_tally};
pub use verify::{Loaded, Verifier};

use crate::scenario::Scenario;
use crate::sim::Game;
use std::path::Path;

/// Writes `save` to `path` atomically: the previous file stays whole until
/// the new one is complete on disk.
pub fn write(path: &Path, save: &Save) -> Result<(), Error> {
    save.to_toml()
        .and_then(|text| write_atomic(path, text.as_bytes()))
        .map_err(|kind| Error::new(path, kind))
}

/// Saves `game` to `path` (normally from [`reserve`], or a resumed game's
/// [`Loaded::path`]), creating the saves folder if needed. Call it after
/// every quarter the player commits, and from the game's save command.
pub fn autosave(path: &Path, scenario: &Scenario, player: &str, game: &Game) -> Result<(), Error> {
    write_creating_folder(path, &Save::from_game(scenario, player, game))
}

/// [`write`], creating the saves folder if needed.
pub fn write_creating_folder(path: &Path, save: &Save) -> Result<(), Error> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| {
            Error::new(
                dir,
                ErrorKind::Write {
                    step: "creating the saves folder",
                    source,
                },
            )
        })?;
    }
    write(path, save)
}

/// Writes a headless run as a save at exactly `path` (a reference save for
/// a class). Unlike [`autosave`], a missing folder is an error: the path
/// was typed by a person, and a typo should not create folders.
pub fn write_run(path: &Path, scenario: &Scenario, player: &str, game: &Game) -> Result<(), Error> {
    write(path, &Save::from_game(scenario, player, game))
}

/// Reads, replays and checks the save at `path`: the game as it stood
/// when saved, finished or not (for a debrief or a listing's detail).
pub fn load(path: &Path) -> Result<Loaded, Error> {
    Verifier::new().verify(path)
}

/// Like [`load`], for a game to continue: the rebuilt game is ready for the
/// next quarter, and [`Loaded::autosave`] writes back to the same file.
/// A finished game loads too (its debrief can be shown); check
/// `loaded.game.is_over()`.
pub fn resume(path: &Path) -> Result<Loaded, Error> {
    load(path)
}

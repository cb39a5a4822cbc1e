//! The seam to saved games: the terminal game calls a [`Saves`] after each
//! committed quarter (autosave) and asks it which games the title screen
//! may offer to continue. The `save` module implements it; [`NoSaves`]
//! keeps nothing, for tests and builds without saves.

use crate::scenario::Scenario;
use crate::sim::Game;

/// A saved game the title screen offers to continue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Continuable {
    /// One line for the list, e.g. "alice · Electronics · quarter 6 of 20".
    pub label: String,
    /// What [`Saves::resume`] needs to find it again (e.g. a file path).
    pub key: String,
}

/// A game brought back to life from a save.
#[derive(Clone, Debug)]
pub struct Resumed {
    pub scenario: Scenario,
    pub game: Game,
    pub player: String,
    /// Where it is saved (shown by the save overlay).
    pub location: Option<String>,
    /// For a branch: the quarter it branched at.
    pub branch_at: Option<u32>,
    /// For a branch: its parent, if it could be loaded.
    pub versus: Vec<super::branch::OtherRun>,
}

/// What the terminal game needs from saved games.
pub trait Saves {
    /// Called after every committed quarter; the error is shown to the
    /// player (one line) and play goes on. After quarter 1
    /// (`game.state().quarter == 1`) a new game is being saved; later
    /// quarters go to the same save (or to the one [`Saves::resume`] loaded).
    fn quarter_committed(
        &mut self,
        scenario: &Scenario,
        game: &Game,
        player: &str,
    ) -> Result<(), String>;

    /// Games that can be continued, newest first.
    fn continuable(&self) -> Vec<Continuable>;

    /// Loads a game listed by [`Saves::continuable`]; its next quarters
    /// are saved back to it.
    fn resume(&mut self, which: &Continuable) -> Result<Resumed, String>;

    /// Whether committed quarters are kept (the quit dialog says so).
    fn autosaves(&self) -> bool;

    /// Where the game being played is saved (e.g. its file), once it is.
    fn location(&self) -> Option<String> {
        None
    }

    /// The game being played was branched at quarter `at` (`game` holds
    /// the quarters before it): it is kept from now on as a new game that
    /// records its parent; the parent's save is not touched.
    fn branched(&mut self, _at: u32, _game: &Game) -> Result<(), String> {
        Ok(())
    }

    /// Other games of this scenario and seed that can be compared with
    /// the one being played, newest first.
    fn runs_like(&self, _scenario_id: &str, _seed: u64) -> Vec<Continuable> {
        Vec::new()
    }

    /// Loads a run listed by [`Saves::runs_like`] for comparison.
    fn load_run(&mut self, which: &Continuable) -> Result<super::branch::OtherRun, String> {
        Err(format!("{} cannot be loaded in this build", which.label))
    }
}

/// Keeps nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoSaves;

impl Saves for NoSaves {
    fn quarter_committed(&mut self, _: &Scenario, _: &Game, _: &str) -> Result<(), String> {
        Ok(())
    }

    fn continuable(&self) -> Vec<Continuable> {
        Vec::new()
    }

    fn resume(&mut self, which: &Continuable) -> Result<Resumed, String> {
        Err(format!("{} cannot be continued in this build", which.label))
    }

    fn autosaves(&self) -> bool {
        false
    }
}

//! The terminal game: title screen → briefing → quarters → reports →
//! debrief, in the Elm architecture — one [`App`] state, a [`Message`]
//! enum, [`update`], keys turned into messages in one place
//! ([`message::from_key`]) and views that only draw ([`view`]). The
//! terminal itself is touched only by [`runtime`].

pub mod app;
pub mod branch;
pub mod catalog;
mod decide;
mod dialog;
pub mod file_saves;
pub mod format;
pub mod glossary;
pub mod market;
pub mod market_view;
pub mod message;
pub mod mouse;
pub mod runtime;
pub mod saves;
pub mod text;
pub mod theme;
pub mod update;
pub mod view;

pub use app::{App, Screen, Session, Title};
pub use decide::lever_step;
pub use file_saves::FileSaves;
pub use message::Message;
pub use saves::{Continuable, NoSaves, Resumed, Saves};
pub use theme::Theme;
pub use update::{Command, update};

use crate::scenario;
use std::path::PathBuf;

/// How `culturesim` / `culturesim play` was asked to start.
#[derive(Clone, Debug, Default)]
pub struct PlayOptions {
    /// A shipped scenario id or a path; `None` opens the title screen.
    pub scenario: Option<String>,
    pub seed: Option<u64>,
    pub player: Option<String>,
    /// Where to look for more scenarios (default `./scenarios`).
    pub scenario_dir: Option<PathBuf>,
}

/// Why the game could not be played.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line asked for something that cannot be (exit code 2).
    #[error("{0}")]
    Input(String),
    /// The scenario could not be loaded (exit code 2).
    #[error(transparent)]
    Scenario(#[from] scenario::Error),
    /// Standard input or output is not a terminal (exit code 2).
    #[error("{}", text::NOT_A_TERMINAL)]
    NotATerminal,
    /// The terminal failed (exit code 1).
    #[error("terminal: {0}")]
    Terminal(#[from] std::io::Error),
}

/// The app as the options ask it to start: the briefing of the named
/// scenario, or the title screen.
pub fn initial_app(opts: &PlayOptions, saves: &dyn Saves) -> Result<App, Error> {
    let dir = opts
        .scenario_dir
        .clone()
        .unwrap_or_else(|| PathBuf::from("scenarios"));
    let catalog = catalog::gather(&dir);
    let mut title = Title::new(
        catalog,
        saves.continuable(),
        opts.player.clone().unwrap_or_default(),
    );
    if let Some(seed) = opts.seed {
        title.seed = seed.to_string();
        title.seed_typed = true;
    }
    let Some(id) = &opts.scenario else {
        return Ok(App::new(title));
    };
    let scenario = scenario::load(id)?;
    let seed = match opts.seed {
        Some(s) if scenario.lock_seed && s != scenario.seed => {
            return Err(Error::Input(format!(
                "scenario '{}' locks its seed to {}: run it without --seed",
                scenario.id, scenario.seed
            )));
        }
        Some(s) => s,
        None => scenario.seed,
    };
    if let Some(i) = title
        .catalog
        .scenarios
        .iter()
        .position(|s| s.id == scenario.id)
    {
        title.selected = i;
    }
    let player = opts
        .player
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .to_string();
    let unnamed = player.is_empty();
    let mut app = App::briefing(title, Session::new(scenario, seed, player));
    // The name goes into the save a student hands in: ask for it first.
    if unnamed {
        app.overlay = Some(app::Overlay::Name);
    }
    Ok(app)
}

/// Plays in the terminal until the player quits.
pub fn play(opts: &PlayOptions, saves: &mut dyn Saves) -> Result<(), Error> {
    let app = initial_app(opts, saves)?;
    need_terminal()?;
    runtime::run(app, saves)?;
    Ok(())
}

/// Refuses to start without a terminal to draw on and read keys from.
fn need_terminal() -> Result<(), Error> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(Error::NotATerminal)
    }
}

/// Continues a resumed game in the terminal (for `culturesim resume`).
pub fn play_resumed(resumed: Resumed, saves: &mut dyn Saves) -> Result<(), Error> {
    need_terminal()?;
    let title = Title::new(
        catalog::gather(&PathBuf::from("scenarios")),
        saves.continuable(),
        resumed.player.clone(),
    );
    let mut app = App::new(title);
    update(&mut app, Message::Resumed(Ok(Box::new(resumed))));
    runtime::run(app, saves)?;
    Ok(())
}

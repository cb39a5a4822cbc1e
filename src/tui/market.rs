//! The market team's screen (`culturesim market play DIR --team A`).

use crate::market::Error;
use std::path::Path;

/// Plays the team's open round in the terminal.
pub fn play(dir: &Path, team: &str) -> Result<(), Error> {
    Err(Error::input(
        dir,
        format!("no interactive screen yet for team {team}"),
        "submit with flags: culturesim market play DIR --team A --vision 20 --insight 40 --skills 40 --marketing 30",
    ))
}

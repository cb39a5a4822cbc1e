//! `culturesim`, `culturesim play` and `culturesim resume`: the terminal
//! game, with saves in the saves folder.

use super::Failure;
use crate::cli::PlayArgs;
use crate::{save, tui};
use std::path::Path;

/// The terminal game: the title screen, or a scenario's briefing.
pub fn play(args: &PlayArgs) -> Result<(), Failure> {
    // With no arguments at all clap has not read the environment.
    let dir = args
        .saves
        .dir
        .clone()
        .or_else(|| std::env::var_os("CULTURESIM_SAVES").map(Into::into));
    let mut saves = tui::FileSaves::new(save::saves_dir(dir.as_deref()));
    tui::play(&options(args), &mut saves).map_err(failure)
}

fn options(args: &PlayArgs) -> tui::PlayOptions {
    tui::PlayOptions {
        scenario: args.scenario.clone(),
        seed: args.seed,
        // As saves hold it: no control, text-direction or invisible
        // characters reach the screen or the file.
        player: args.player.as_deref().map(save::clean_player),
        scenario_dir: None,
    }
}

fn failure(e: tui::Error) -> Failure {
    Failure {
        code: match e {
            tui::Error::Terminal(_) => 1,
            tui::Error::Input(_) | tui::Error::Scenario(_) | tui::Error::NotATerminal => 2,
        },
        message: e.to_string(),
        rendered: false,
    }
}

/// `culturesim resume SAVE`: replays the save (refusing one that does not
/// verify) and hands the game to the terminal game.
pub fn resume(name: &Path, saves: Option<&Path>) -> Result<(), Failure> {
    let dir = save::saves_dir(saves);
    let path = save::locate(name, &dir);
    if !path.exists() {
        return Err(Failure {
            code: 2,
            message: save::not_found(name, &dir),
            rendered: false,
        });
    }
    let loaded = save::resume(&path).map_err(|e| {
        if e.has_line() {
            // Shown at its line, as every file's problems are.
            return Failure::diagnostic(format!(
                "{}\ncannot resume the save",
                e.render(crate::diag::color_for_stderr())
            ));
        }
        Failure {
            code: if e.kind.is_bad_input() { 2 } else { 1 },
            message: save::printable(&format!("cannot resume: {e}")),
            rendered: false,
        }
    })?;

    let next = if loaded.game.is_over() {
        "showing its debrief".to_string()
    } else {
        format!("continue at quarter {}", loaded.game.state().quarter + 1)
    };
    crate::output::eprintln(&save::printable(&format!(
        "{}: {}; {next}",
        path.display(),
        save::status(&loaded)
    )));
    let mut saves = tui::FileSaves::new(dir).continuing(path);
    let resumed = tui::file_saves::resumed(loaded);
    tui::play_resumed(resumed, &mut saves).map_err(failure)
}

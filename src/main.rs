//! The `culturesim` binary: parse the command line, dispatch, and map
//! errors to exit codes (2: bad input, 1: anything else).

use clap::Parser;
use culturesim::cli::{Cli, Command, ScenarioCommand};
use culturesim::save;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// An error on its way to the user: the message and the exit code.
struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    fn not_yet(what: &str) -> Failure {
        Failure {
            code: 1,
            message: format!("{what} is not available in this build yet"),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            if !f.message.is_empty() {
                eprintln!("{}", f.message.trim_end());
            }
            ExitCode::from(f.code)
        }
    }
}

fn dispatch(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        None => Err(Failure::not_yet("the title screen")),
        Some(Command::Play(_)) => Err(Failure::not_yet("play")),
        Some(Command::Resume { save, saves }) => resume(&save, saves.dir.as_deref()),
        Some(Command::Run(_)) => Err(Failure::not_yet("run")),
        Some(Command::Verify { saves }) => verify(&saves),
        Some(Command::Scenario(ScenarioCommand::List)) => Err(Failure::not_yet("scenario list")),
        Some(Command::Scenario(ScenarioCommand::Check { .. })) => {
            Err(Failure::not_yet("scenario check"))
        }
        Some(Command::Scenario(ScenarioCommand::Schema)) => {
            Err(Failure::not_yet("scenario schema"))
        }
        Some(Command::Scenario(ScenarioCommand::Lab { .. })) => {
            Err(Failure::not_yet("scenario lab"))
        }
    }
}

/// `culturesim verify SAVE...` (files or folders of saves): one line per
/// file on stdout, a tally on stderr; exit 0 only when every save is
/// genuine, 2 otherwise.
fn verify(given: &[PathBuf]) -> Result<(), Failure> {
    let paths = save::expand(given);
    if paths.is_empty() {
        return Err(Failure {
            code: 2,
            message: "no save files (*.toml) in the folders given".to_string(),
        });
    }
    let mut verifier = save::Verifier::new();
    let mut ok = 0;
    for path in &paths {
        let result = verifier.verify(path);
        ok += usize::from(result.is_ok());
        println!("{}", save::verify_line(path, &result));
    }
    let tally = save::verify_tally(ok, paths.len());
    if ok == paths.len() {
        eprintln!("{tally}");
        Ok(())
    } else {
        Err(Failure {
            code: 2,
            message: tally,
        })
    }
}

/// `culturesim resume SAVE`: replays the save (refusing one that does not
/// verify) and hands the game to the terminal game.
fn resume(name: &Path, saves: Option<&Path>) -> Result<(), Failure> {
    let dir = save::saves_dir(saves);
    let path = save::locate(name, &dir);
    if !path.exists() {
        return Err(Failure {
            code: 2,
            message: save::not_found(name, &dir),
        });
    }
    let loaded = save::resume(&path).map_err(|e| Failure {
        code: if e.kind.is_bad_input() { 2 } else { 1 },
        message: save::printable(&format!("cannot resume: {e}")),
    })?;
    eprintln!(
        "{}",
        save::printable(&format!("{}: {}", path.display(), save::status(&loaded)))
    );
    play_resumed(loaded)
}

/// Hands a resumed game to the terminal game, which continues at the next
/// quarter (or shows the debrief of a finished game) and autosaves to
/// `loaded.path` with `loaded.autosave()` after every quarter.
/// TUI: replace the body with the terminal game's entry point.
fn play_resumed(loaded: save::Loaded) -> Result<(), Failure> {
    let next = if loaded.game.is_over() {
        "show its debrief".to_string()
    } else {
        format!("continue at quarter {}", loaded.game.state().quarter + 1)
    };
    Err(Failure {
        code: 1,
        message: format!(
            "the save replays correctly, but the terminal game is not available in this build yet; `culturesim resume` will {next} once it is"
        ),
    })
}

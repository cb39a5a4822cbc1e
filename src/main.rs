//! The `culturesim` binary: parse the command line, dispatch, and map
//! errors to exit codes (2: bad input, 1: anything else).

use clap::Parser;
use culturesim::cli::{Cli, Command, ScenarioCommand};
use culturesim::tui;
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

/// The terminal game: the title screen, or a scenario's briefing.
fn play(opts: tui::PlayOptions) -> Result<(), Failure> {
    tui::play(&opts, &mut tui::NoSaves).map_err(|e| Failure {
        code: match e {
            tui::Error::Terminal(_) => 1,
            tui::Error::Input(_) | tui::Error::Scenario(_) | tui::Error::NotATerminal => 2,
        },
        message: e.to_string(),
    })
}

fn dispatch(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        None => play(tui::PlayOptions::default()),
        Some(Command::Play(args)) => play(tui::PlayOptions {
            scenario: args.scenario,
            seed: args.seed,
            player: args.player,
            scenario_dir: None,
        }),
        Some(Command::Resume { .. }) => Err(Failure::not_yet("resume")),
        Some(Command::Run(_)) => Err(Failure::not_yet("run")),
        Some(Command::Verify { .. }) => Err(Failure::not_yet("verify")),
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

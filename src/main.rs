//! The `culturesim` binary: parse the command line, dispatch, and map
//! errors to exit codes (2: bad input, 1: anything else).

use clap::Parser;
use culturesim::cli::{Cli, Command, ScenarioCommand};
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

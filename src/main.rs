//! The `culturesim` binary: parse the command line, dispatch, and map
//! errors to exit codes (2: bad input, 1: anything else).

use clap::Parser;
use culturesim::cli::{Cli, Command, ScenarioCommand};
use culturesim::scenario;
use std::path::Path;
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

/// Prints a command's output; a non-zero code becomes a failure whose
/// message is what the command wrote to stderr.
fn finish(out: scenario::command::Output) -> Result<(), Failure> {
    print!("{}", out.stdout);
    if out.code == 0 {
        eprint!("{}", out.stderr);
        Ok(())
    } else {
        Err(Failure {
            code: out.code,
            message: out.stderr,
        })
    }
}

fn dispatch(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        None => Err(Failure::not_yet("the title screen")),
        Some(Command::Play(_)) => Err(Failure::not_yet("play")),
        Some(Command::Resume { .. }) => Err(Failure::not_yet("resume")),
        Some(Command::Run(_)) => Err(Failure::not_yet("run")),
        Some(Command::Verify { .. }) => Err(Failure::not_yet("verify")),
        Some(Command::Scenario(ScenarioCommand::List)) => {
            finish(scenario::command::list(Path::new("scenarios")))
        }
        Some(Command::Scenario(ScenarioCommand::Check { files })) => {
            finish(scenario::command::check(&files))
        }
        Some(Command::Scenario(ScenarioCommand::Schema)) => {
            Err(Failure::not_yet("scenario schema"))
        }
        Some(Command::Scenario(ScenarioCommand::Lab { .. })) => {
            Err(Failure::not_yet("scenario lab"))
        }
    }
}

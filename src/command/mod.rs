//! The commands behind the command line: each takes its parsed arguments,
//! does its work through the library, prints what the user asked for, and
//! returns a [`Failure`] that `main` turns into a message and an exit code
//! (2: bad input, 1: anything else).

mod lab;
mod market;
mod play;
mod run;
mod verify;

use crate::cli::{Cli, Command, PlayArgs, ScenarioCommand};
use crate::scenario;
use std::path::Path;

/// An error on its way to the user: the message and the exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    /// Bad input from the user: exit code 2.
    pub fn input(message: impl ToString) -> Failure {
        Failure {
            code: 2,
            message: message.to_string(),
        }
    }
}

/// Runs the command the command line names.
pub fn dispatch(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        None => play::play(&PlayArgs::default()),
        Some(Command::Play(args)) => play::play(&args),
        Some(Command::Resume { save, saves }) => play::resume(&save, saves.dir.as_deref()),
        Some(Command::Run(args)) => run::run(&args),
        Some(Command::Verify { saves }) => verify::verify(&saves),
        Some(Command::Scenario(ScenarioCommand::List)) => {
            finish(scenario::command::list(Path::new("scenarios")))
        }
        Some(Command::Scenario(ScenarioCommand::Check { files })) => {
            finish(scenario::command::check(&files))
        }
        Some(Command::Scenario(ScenarioCommand::Schema)) => {
            print!("{}", scenario::schema::schema_text());
            Ok(())
        }
        Some(Command::Scenario(ScenarioCommand::Lab {
            file,
            seeds,
            random,
            threads,
            search,
            evals,
            write_plan,
        })) => lab::lab(&lab::LabArgs {
            file,
            seeds,
            random,
            threads,
            search,
            evals,
            write_plan,
        }),
        Some(Command::Market(cmd)) => market::market(cmd),
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

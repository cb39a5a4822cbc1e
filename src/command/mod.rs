//! The commands behind the command line: each takes its parsed arguments,
//! does its work through the library, prints what the user asked for, and
//! returns a [`Failure`] that `main` turns into a message and an exit code
//! (2: bad input, 1: anything else).

mod branch;
pub mod class;
mod compare;
mod debrief;
mod lab;
mod market;
mod play;
mod run;
mod verify;

use crate::cli::{ClassCommand, Cli, Command, PlayArgs, ScenarioCommand};
use crate::{output, scenario};
use std::path::Path;

/// An error on its way to the user: the message and the exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
    /// The message is already safe for a terminal (a diagnostic rendered
    /// by [`crate::diag`], which escapes what the file holds but may carry
    /// its own colours); every other message is escaped on its way out.
    pub rendered: bool,
}

impl Failure {
    /// Bad input from the user: exit code 2.
    pub fn input(message: impl ToString) -> Failure {
        Failure {
            code: 2,
            message: message.to_string(),
            rendered: false,
        }
    }

    /// Bad input, as a rendered diagnostic (see [`Failure::rendered`]).
    pub fn diagnostic(message: String) -> Failure {
        Failure {
            code: 2,
            message,
            rendered: true,
        }
    }

    /// Any other failure: exit code 1.
    pub fn other(message: impl ToString) -> Failure {
        Failure {
            code: 1,
            message: message.to_string(),
            rendered: false,
        }
    }
}

/// Prints to standard output through the one writer: a closed pipe ends
/// the output quietly, a failed write (a full disk) is an error, exit 1.
/// Callers escape what came from files ([`output::escape`]).
fn print(text: &str) -> Result<(), Failure> {
    output::print(text).map_err(|e| Failure {
        code: 1,
        message: format!("cannot write the output: {e}"),
        rendered: false,
    })
}

/// Runs the command the command line names.
pub fn dispatch(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        None => play::play(&PlayArgs::default()),
        Some(Command::Play(args)) => play::play(&args),
        Some(Command::Resume { save, saves }) => play::resume(&save, saves.dir.as_deref()),
        Some(Command::Run(args)) => run::run(&args),
        Some(Command::Branch { save, at, out }) => branch::branch(&save, at, out.as_deref()),
        Some(Command::Compare { a, b, format }) => compare::compare(&a, &b, format),
        Some(Command::Verify { saves, scenarios }) => verify::verify(&saves, &scenarios),
        Some(Command::Scenario(ScenarioCommand::List)) => {
            finish(scenario::command::list(Path::new("scenarios")), false)
        }
        Some(Command::Scenario(ScenarioCommand::Check { files })) => finish(
            scenario::command::check_styled(&files, crate::diag::color_for_stderr()),
            true,
        ),
        Some(Command::Scenario(ScenarioCommand::Schema)) => print(&scenario::schema::schema_text()),
        Some(Command::Scenario(ScenarioCommand::Lab {
            file,
            seeds,
            random,
            threads,
            plan,
            quarters,
            strict,
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
            plan,
            quarters,
            strict,
        }),
        Some(Command::Debrief(args)) => debrief::debrief(&args),
        Some(Command::Class(ClassCommand::Report(args))) => class::report(&args),
        Some(Command::Market(cmd)) => market::market(cmd),
    }
}

/// Writes a command's output to `out` atomically, or else to stdout
/// through the one broken-pipe-safe writer.
fn emit(out: Option<&Path>, text: &str) -> Result<(), Failure> {
    if let Some(path) = out {
        return crate::save::write_atomic(path, text.as_bytes()).map_err(|e| Failure {
            code: 1,
            message: format!(
                "{}: {e}",
                crate::output::escape(&path.display().to_string())
            ),
            rendered: false,
        });
    }
    print(text)
}

/// Prints a command's output; a non-zero code becomes a failure whose
/// message is what the command wrote to stderr.
/// `rendered`: stderr holds diagnostics rendered by [`crate::diag`],
/// already safe and perhaps coloured.
fn finish(out: scenario::command::Output, rendered: bool) -> Result<(), Failure> {
    print(&output::escape_lines(&out.stdout))?;
    if out.code == 0 {
        if rendered {
            output::eprint(&out.stderr);
        } else {
            output::eprint(&output::escape_lines(&out.stderr));
        }
        Ok(())
    } else {
        Err(Failure {
            code: out.code,
            message: out.stderr,
            rendered,
        })
    }
}

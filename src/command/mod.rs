//! The commands behind the command line: each takes its parsed arguments,
//! does its work through the library, prints what the user asked for, and
//! returns a [`Failure`] that `main` turns into a message and an exit code
//! (2: bad input, 1: anything else).

mod branch;
pub mod class;
mod compare;
mod debrief;
mod lab;
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

/// Prints to standard output through the one writer: a closed pipe ends
/// the output quietly, a failed write (a full disk) is an error, exit 1.
/// Callers escape what came from files ([`output::escape`]).
fn print(text: &str) -> Result<(), Failure> {
    output::print(text).map_err(|e| Failure {
        code: 1,
        message: format!("cannot write the output: {e}"),
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
            finish(scenario::command::list(Path::new("scenarios")))
        }
        Some(Command::Scenario(ScenarioCommand::Check { files })) => finish(
            scenario::command::check_styled(&files, crate::diag::color_for_stderr()),
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
        })) => lab::lab(
            &file,
            seeds,
            random,
            threads,
            &lab::Show {
                plan,
                quarters,
                strict,
            },
        ),
        Some(Command::Debrief(args)) => debrief::debrief(&args),
        Some(Command::Class(ClassCommand::Report(args))) => class::report(&args),
    }
}

/// Writes a command's output to `out` atomically, or else to stdout (a
/// closed pipe, as in `| head`, is not an error worth reporting).
fn emit(out: Option<&Path>, text: &str) -> Result<(), Failure> {
    use std::io::Write;
    if let Some(path) = out {
        return crate::save::write_atomic(path, text.as_bytes()).map_err(|e| Failure {
            code: 1,
            message: format!("{}: {e}", path.display()),
        });
    }
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure {
            code: 1,
            message: format!("cannot write the output: {e}"),
        }),
    }
}

/// Prints a command's output; a non-zero code becomes a failure whose
/// message is what the command wrote to stderr.
fn finish(out: scenario::command::Output) -> Result<(), Failure> {
    print(&output::escape_lines(&out.stdout))?;
    if out.code == 0 {
        output::eprint(&output::escape_lines(&out.stderr));
        Ok(())
    } else {
        Err(Failure {
            code: out.code,
            message: out.stderr,
        })
    }
}

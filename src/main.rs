//! The `culturesim` binary: parse the command line, dispatch, and map
//! errors to exit codes (2: bad input, 1: anything else).

use clap::Parser;
use culturesim::cli::{Cli, Command, Format, RunArgs, ScenarioCommand};
use culturesim::report::{RunInfo, render_csv, render_json, render_table};
use culturesim::{plan, scenario};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// An error on its way to the user: the message and the exit code.
struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    /// Bad input from the user: exit code 2.
    fn input(message: impl ToString) -> Failure {
        Failure {
            code: 2,
            message: message.to_string(),
        }
    }

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
        Some(Command::Run(args)) => run(&args),
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

/// `culturesim run`: play a scenario headless with a plan and print every
/// quarter's figures.
fn run(args: &RunArgs) -> Result<(), Failure> {
    let scenario = scenario::load(&args.scenario).map_err(Failure::input)?;
    let plan = plan::load(&args.plan).map_err(Failure::input)?;
    let seed = args.seed.unwrap_or(scenario.seed);
    let plan_name = args.plan.display().to_string();
    let game =
        plan::play(scenario.rules.clone(), seed, &plan, &plan_name).map_err(Failure::input)?;
    let info = RunInfo {
        scenario_id: &scenario.id,
        scenario_title: &scenario.title,
        seed,
        plan: &plan_name,
    };
    let text = match args.format {
        Format::Table => render_table(&info, game.rules(), game.history()),
        Format::Csv => render_csv(&info, game.rules(), game.history()),
        Format::Json => render_json(&info, game.rules(), game.history()),
    };
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth reporting.
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure {
            code: 1,
            message: format!("cannot write the output: {e}"),
        }),
    }
}

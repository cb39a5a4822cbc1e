//! The `culturesim` binary: parse the command line, dispatch, and map
//! errors to exit codes (2: bad input, 1: anything else).

use clap::Parser;
use culturesim::cli::{Cli, Command, Format, RunArgs, ScenarioCommand};
use culturesim::report::{RunInfo, render_csv, render_json, render_table};
use culturesim::{plan, save, scenario};
use std::io::Write;
use std::path::{Path, PathBuf};
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
        Some(Command::Resume { save, saves }) => resume(&save, saves.dir.as_deref()),
        Some(Command::Run(args)) => run(&args),
        Some(Command::Verify { saves }) => verify(&saves),
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
        })) => lab(&file, seeds, random, threads),
    }
}

/// `culturesim run`: play a scenario headless with a plan and print every
/// quarter's figures.
fn run(args: &RunArgs) -> Result<(), Failure> {
    let scenario = scenario::load(&args.scenario).map_err(Failure::input)?;
    let plan = find_plan(&args.plan, &scenario)?;
    let seed = args.seed.unwrap_or(scenario.seed);
    let plan_name = args.plan.display().to_string();
    let game =
        plan::play(scenario.rules.clone(), seed, &plan, &plan_name).map_err(Failure::input)?;
    if let Some(path) = &args.save {
        save::write_run(path, &scenario, &args.player, &game).map_err(|e| Failure {
            code: if e.kind.is_bad_input() { 2 } else { 1 },
            message: e.to_string(),
        })?;
    }
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

/// `culturesim scenario lab`: reference and random plans across seeds; exit
/// 1 when one of the scenario's `[[expect]]` rules fails.
fn lab(file: &str, seeds: u32, random: u32, threads: Option<usize>) -> Result<(), Failure> {
    let scenario = scenario::load(file).map_err(Failure::input)?;
    let mut config = culturesim::lab::LabConfig {
        seeds,
        random_plans: random,
        ..culturesim::lab::LabConfig::default()
    };
    if let Some(t) = threads {
        config.threads = t;
    }
    let started = std::time::Instant::now();
    let report = culturesim::lab::run(&scenario, config);
    let elapsed = started.elapsed();
    print!("{}", culturesim::lab::render(&scenario, &report));
    // Timing goes to stderr so that stdout is the same on every run.
    eprintln!(
        "lab: {} games in {:.2} s on {} thread(s)",
        report.seeds.len() * report.plans.len() + report.random.len(),
        elapsed.as_secs_f64(),
        config.threads
    );
    if report.passed() {
        Ok(())
    } else {
        Err(Failure {
            code: 1,
            message: String::new(),
        })
    }
}

/// A plan file, or else the name of one of the scenario's own plans or of
/// a reference plan (`--plan careful`, `--plan balanced`).
fn find_plan(arg: &Path, scenario: &scenario::Scenario) -> Result<plan::Plan, Failure> {
    let name = arg.to_string_lossy();
    if !arg.exists() {
        if let Some(p) = scenario.plans.iter().find(|p| p.id == name) {
            return Ok(p.plan.clone());
        }
        if let Some(p) = plan::Plan::reference(&name, &scenario.rules) {
            return Ok(p);
        }
        if arg.extension().is_none() && arg.components().count() == 1 {
            let mut names: Vec<&str> = plan::REFERENCE_PLANS.to_vec();
            names.extend(scenario.plans.iter().map(|p| p.id.as_str()));
            return Err(Failure::input(format!(
                "no plan file '{name}', and no plan of that name; the plans of {} are: {}",
                scenario.id,
                names.join(", ")
            )));
        }
    }
    plan::load(arg).map_err(Failure::input)
}

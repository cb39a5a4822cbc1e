//! `culturesim run`: a scenario played headless with a plan, every
//! quarter's figures printed as a table, CSV or JSON, optionally saved.

use super::Failure;
use crate::cli::{Format, RunArgs};
use crate::diag::Severity;
use crate::report::{RunInfo, render_csv, render_json, render_table};
use crate::{plan, save, scenario};
use std::path::Path;

/// `culturesim run`: play a scenario headless with a plan and print every
/// quarter's figures.
pub fn run(args: &RunArgs) -> Result<(), Failure> {
    let scenario = scenario::load(&args.scenario)
        .map_err(|e| Failure::diagnostic(e.render(crate::diag::color_for_stderr())))?;
    let imported = find_plan(&args.plan, &scenario)?;
    for note in &imported.notes {
        eprintln!("{}", save::printable(&format!("note: {note}")));
    }
    if let Some(g) = imported.game.as_ref()
        && g.quarters < scenario.rules.quarters
    {
        eprintln!(
            "note: quarters {}-{} repeat quarter {}'s levers",
            g.quarters + 1,
            scenario.rules.quarters,
            g.quarters
        );
    }
    let plan = imported.plan;
    // One's own game replays on its own seed unless told otherwise.
    let game_seed = imported
        .game
        .filter(|g| g.scenario_id == scenario.id && !scenario.lock_seed)
        .map(|g| g.seed);
    let seed = match args.seed.or(game_seed) {
        // A class scenario locks its seed: a save on another one would
        // never verify.
        Some(s) if scenario.lock_seed && s != scenario.seed => {
            return Err(Failure::input(format!(
                "scenario '{}' locks its seed to {}: run it without --seed",
                scenario.id, scenario.seed
            )));
        }
        Some(s) => s,
        None => scenario.seed,
    };
    // The plan's name is echoed in every format: escaped once, here.
    let plan_name = crate::output::escape(&args.plan.display().to_string()).into_owned();
    if args.strict {
        // Every misfit at once, each at its place in the plan file.
        plan::check_amounts(&plan, &plan_name).map_err(Failure::input)?;
        let (_, problems) = plan::fit_to(&plan, &scenario.rules, &plan_name);
        if let Some(shown) = located(&args.plan, &problems, Severity::Error) {
            return Err(Failure::diagnostic(shown));
        }
    }
    let played = plan::play_plan(scenario.rules.clone(), seed, &plan, &plan_name, args.strict)
        .map_err(Failure::input)?;
    if let Some(shown) = located(&args.plan, &played.warnings, Severity::Warning) {
        crate::output::eprintln(&shown);
    } else {
        for w in &played.warnings {
            eprintln!("{}", save::printable(&format!("warning: {w}")));
        }
    }
    if !played.warnings.is_empty() {
        eprintln!("note: the rest of the plan ran; --strict refuses a plan with these warnings");
    }
    let game = played.game;
    if let Some(path) = &args.save {
        save::write_run(path, &scenario, &args.player, &game).map_err(|e| Failure {
            code: if e.kind.is_bad_input() { 2 } else { 1 },
            message: e.to_string(),
            rendered: false,
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
    super::print(&text)
}

/// A plan file's misfits rendered at their places ([`plan::located`]), or
/// `None` when there are none or the plan is not a TOML plan file (a
/// named plan, standard input, a save or a run's JSON).
fn located(path: &Path, problems: &[plan::PlanError], severity: Severity) -> Option<String> {
    if problems.is_empty() || path == Path::new("-") || !path.is_file() {
        return None;
    }
    let bytes = plan::read_bounded(path, plan::MAX_PLAN_BYTES).ok()?;
    let text = String::from_utf8(crate::diag::normalize(&bytes).into_owned()).ok()?;
    let found = plan::located(&text, problems, severity)?;
    let name = path.display().to_string();
    Some(crate::diag::render(
        &name,
        &text,
        &found,
        crate::diag::color_for_stderr(),
    ))
}

/// A plan file (or a save, or a run's JSON or CSV), or else the name of
/// one of the scenario's own plans or of a reference plan (`--plan
/// careful`, `--plan balanced`).
fn find_plan(arg: &Path, scenario: &scenario::Scenario) -> Result<plan::Imported, Failure> {
    let name = arg.to_string_lossy();
    let named = |plan: plan::Plan| plan::Imported {
        plan,
        game: None,
        notes: Vec::new(),
    };
    // `-` is standard input; an existing path is a file even if it is not
    // a regular one (the loader says what it is instead).
    if name != "-" && std::fs::symlink_metadata(arg).is_err() {
        if let Some(p) = scenario.plans.iter().find(|p| p.id == name) {
            return Ok(named(p.plan.clone()));
        }
        if let Some(p) = plan::Plan::reference(&name, &scenario.rules) {
            return Ok(named(p));
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
    plan::load_any(arg).map_err(|e| Failure::diagnostic(e.render(crate::diag::color_for_stderr())))
}

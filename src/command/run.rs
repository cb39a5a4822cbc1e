//! `culturesim run`: a scenario played headless with a plan, every
//! quarter's figures printed as a table, CSV or JSON, optionally saved.

use super::Failure;
use crate::cli::{Format, RunArgs};
use crate::report::{RunInfo, render_csv, render_json, render_table};
use crate::{plan, save, scenario};
use std::io::Write;
use std::path::Path;

/// `culturesim run`: play a scenario headless with a plan and print every
/// quarter's figures.
pub fn run(args: &RunArgs) -> Result<(), Failure> {
    let scenario = scenario::load(&args.scenario)
        .map_err(|e| Failure::input(e.render(crate::diag::color_for_stderr())))?;
    let plan = find_plan(&args.plan, &scenario)?;
    let seed = match args.seed {
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
    plan::load(arg).map_err(|e| Failure::input(e.render(crate::diag::color_for_stderr())))
}

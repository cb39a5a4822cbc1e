//! `culturesim scenario lab`: the balance lab on one scenario, with an
//! exploit hunt (a short one on every run, a full one with `--search`).

use super::Failure;
use crate::lab::{HuntConfig, LabConfig};
use crate::scenario;
use std::path::PathBuf;

/// The lab's command-line arguments.
pub struct LabArgs {
    pub file: String,
    pub seeds: u32,
    pub random: u32,
    pub threads: Option<usize>,
    pub search: bool,
    pub evals: Option<u32>,
    pub write_plan: Option<PathBuf>,
}

/// `culturesim scenario lab`: reference and random plans across seeds and
/// a plan search; exit 1 when one of the scenario's `[[expect]]` rules fails.
pub fn lab(args: &LabArgs) -> Result<(), Failure> {
    let scenario = scenario::load(&args.file).map_err(Failure::input)?;
    let mut config = LabConfig {
        seeds: args.seeds,
        random_plans: args.random,
        ..LabConfig::default()
    };
    if let Some(t) = args.threads {
        config.threads = t;
    }
    let mut hunt = if args.search {
        HuntConfig::full(config.threads)
    } else {
        HuntConfig::short(config.threads)
    };
    if let Some(n) = args.evals {
        // Each single-lever search gets a tenth of the main search's work.
        hunt.evals = n;
        hunt.single_evals = (n / 10).max(20);
    }
    config.hunt = Some(hunt);
    let started = std::time::Instant::now();
    let report = crate::lab::run(&scenario, config);
    let elapsed = started.elapsed();
    print!("{}", crate::lab::render(&scenario, &report));
    if let Some(h) = &report.hunt {
        print!("{}", crate::lab::render_hunt(&scenario.rules, h));
        if let Some(path) = &args.write_plan {
            write_plan(&scenario, h, path)?;
            println!(
                "\nBest plan written to {}",
                crate::save::printable(&path.display().to_string())
            );
        }
    }
    // Timing goes to stderr so that stdout is the same on every run.
    eprintln!(
        "lab: {} games and {} plan evaluations in {:.2} s on {} thread(s)",
        report.seeds.len() * report.plans.len() + report.random.len(),
        report.hunt.as_ref().map_or(0, |h| h.found.evals),
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

fn write_plan(
    scenario: &scenario::Scenario,
    hunt: &crate::lab::Hunt,
    path: &std::path::Path,
) -> Result<(), Failure> {
    let description = format!(
        "The best plan the lab's search found for {} (mean score {:.1} against balanced {:.1}).",
        scenario.id, hunt.best_score, hunt.balanced_score
    );
    let plan = hunt
        .found
        .best
        .to_plan(&scenario.rules, scenario.seed, &description);
    let text = toml::to_string(&plan).map_err(|e| Failure {
        code: 1,
        message: format!("cannot write the plan: {e}"),
    })?;
    crate::save::write_atomic(path, text.as_bytes()).map_err(|e| Failure {
        code: 1,
        message: format!(
            "{}: cannot write the plan: {e}",
            crate::save::printable(&path.display().to_string())
        ),
    })
}

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
    /// With `quarters`: the plan shown (default balanced).
    pub plan: Option<String>,
    /// Show a plan's figures quarter by quarter across the seeds.
    pub quarters: bool,
    /// Fail on any flag, exploit or warning, not only on failed rules.
    pub strict: bool,
}

/// `culturesim scenario lab`: reference and random plans across seeds and
/// a plan search; exit 1 when one of the scenario's `[[expect]]` rules
/// fails, when every plan goes bust, or (with `--strict`) on any flag,
/// exploit or warning.
pub fn lab(args: &LabArgs) -> Result<(), Failure> {
    let scenario = scenario::load(&args.file)
        .map_err(|e| Failure::diagnostic(e.render(crate::diag::color_for_stderr())))?;
    let shown = args.plan.clone().unwrap_or_else(|| "balanced".into());
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
    super::print(&crate::output::escape_lines(&crate::lab::render(
        &scenario, &report,
    )))?;
    if args.quarters || args.plan.is_some() {
        let Some(plan) = report.plan(&shown) else {
            let names: Vec<&str> = report.plans.iter().map(|p| p.name.as_str()).collect();
            return Err(Failure::input(format!(
                "error: no plan \"{}\" in the lab\n  = help: the plans are: {}",
                crate::diag::shorten(&shown.escape_debug().to_string(), 60),
                names.join(", ")
            )));
        };
        super::print(&crate::output::escape_lines(&crate::lab::render_quarters(
            &report,
            plan,
            scenario.rules.quarters,
        )))?;
    }
    if let Some(h) = &report.hunt {
        super::print(&crate::output::escape_lines(&crate::lab::render_hunt(
            &scenario.rules,
            h,
        )))?;
        if let Some(path) = &args.write_plan {
            write_plan(&scenario, h, path)?;
            super::print(&format!(
                "\nBest plan written to {}\n",
                crate::save::printable(&path.display().to_string())
            ))?;
        }
    }
    // Timing goes to stderr so that stdout is the same on every run.
    let quarters = crate::lab::play::quarters_played();
    crate::output::eprintln(&format!(
        "lab: {} games and {} plan evaluations in {:.2} s on {} thread(s); {} quarters, {:.2} M quarters/s",
        report.seeds.len() * report.plans.len() + report.random.len(),
        report.hunt.as_ref().map_or(0, |h| h.found.evals),
        elapsed.as_secs_f64(),
        config.threads,
        quarters,
        quarters as f64 / elapsed.as_secs_f64().max(1e-9) / 1e6
    ));
    let advice = crate::lab::advise(&report);
    let exploits = report.hunt.as_ref().is_some_and(|h| !h.flags.is_empty());
    let strict_fails = args.strict && (!report.flags.is_empty() || !advice.is_empty() || exploits);
    if report.passed() && !advice.iter().any(crate::lab::Advice::is_failure) && !strict_fails {
        Ok(())
    } else {
        Err(Failure {
            code: 1,
            message: String::new(),
            rendered: false,
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
        rendered: false,
    })?;
    crate::save::write_atomic(path, text.as_bytes()).map_err(|e| Failure {
        code: 1,
        message: format!(
            "{}: cannot write the plan: {e}",
            crate::save::printable(&path.display().to_string())
        ),
        rendered: false,
    })
}

//! `culturesim scenario lab`: the balance lab on one scenario.

use super::Failure;
use crate::scenario;

/// What to show beside the report, and how strict to be.
#[derive(Clone, Debug, Default)]
pub struct Show {
    pub plan: Option<String>,
    pub quarters: bool,
    pub strict: bool,
}

/// `culturesim scenario lab`: reference and random plans across seeds; exit
/// 1 when one of the scenario's `[[expect]]` rules fails, when every plan
/// goes bust, or (with `--strict`) on any flag or warning.
pub fn lab(
    file: &str,
    seeds: u32,
    random: u32,
    threads: Option<usize>,
    show: &Show,
) -> Result<(), Failure> {
    let scenario = scenario::load(file)
        .map_err(|e| Failure::input(e.render(crate::diag::color_for_stderr())))?;
    let shown = show.plan.clone().unwrap_or_else(|| "balanced".into());
    let mut config = crate::lab::LabConfig {
        seeds,
        random_plans: random,
        ..crate::lab::LabConfig::default()
    };
    if let Some(t) = threads {
        config.threads = t;
    }
    let started = std::time::Instant::now();
    let report = crate::lab::run(&scenario, config);
    let elapsed = started.elapsed();
    super::print(&crate::output::escape_lines(&crate::lab::render(
        &scenario, &report,
    )))?;
    if show.quarters || show.plan.is_some() {
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
    // Timing goes to stderr so that stdout is the same on every run.
    crate::output::eprintln(&format!(
        "lab: {} games in {:.2} s on {} thread(s)",
        report.seeds.len() * report.plans.len() + report.random.len(),
        elapsed.as_secs_f64(),
        config.threads
    ));
    let advice = crate::lab::advise(&report);
    let strict_fails = show.strict && (!report.flags.is_empty() || !advice.is_empty());
    if report.passed() && !advice.iter().any(crate::lab::Advice::is_failure) && !strict_fails {
        Ok(())
    } else {
        Err(Failure {
            code: 1,
            message: String::new(),
        })
    }
}

//! `culturesim scenario lab`: the balance lab on one scenario.

use super::Failure;
use crate::scenario;

/// `culturesim scenario lab`: reference and random plans across seeds; exit
/// 1 when one of the scenario's `[[expect]]` rules fails.
pub fn lab(file: &str, seeds: u32, random: u32, threads: Option<usize>) -> Result<(), Failure> {
    let scenario = scenario::load(file).map_err(Failure::input)?;
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
    // Timing goes to stderr so that stdout is the same on every run.
    crate::output::eprintln(&format!(
        "lab: {} games in {:.2} s on {} thread(s)",
        report.seeds.len() * report.plans.len() + report.random.len(),
        elapsed.as_secs_f64(),
        config.threads
    ));
    if report.passed() {
        Ok(())
    } else {
        Err(Failure {
            code: 1,
            message: String::new(),
        })
    }
}

//! The lab's report as text: a table of the reference plans and the random
//! sweep, the scenario's rules with how often each held, and the flags.

use super::{Flag, LabReport, Trajectory, mean_score};
use crate::report::fixed;
use crate::scenario::{Metric, Scenario};

use super::rule_detail::percentile;

fn scores(games: &[Trajectory]) -> Vec<f64> {
    let mut v: Vec<f64> = games.iter().map(|g| g.last(Metric::Score)).collect();
    v.sort_by(f64::total_cmp);
    v
}

fn mean_of(games: &[Trajectory], metric: Metric) -> f64 {
    let n = games.len().max(1) as f64;
    games.iter().map(|g| g.last(metric)).sum::<f64>() / n
}

fn line(name: &str, games: &[Trajectory], versus: Option<&[Trajectory]>) -> String {
    let s = scores(games);
    let overs = games.iter().filter(|g| g.game_over()).count();
    let beats = versus.map_or("—".to_string(), |base| {
        let wins = games
            .iter()
            .zip(base)
            .filter(|(a, b)| a.last(Metric::Score) > b.last(Metric::Score))
            .count();
        format!(
            "{}%",
            fixed(100.0 * wins as f64 / games.len().max(1) as f64, 0)
        )
    });
    format!(
        "{name:<14} {:>7} {:>17} {:>11} {:>8} {:>10} {:>9}",
        fixed(mean_score(games), 1),
        format!(
            "({} – {})",
            fixed(percentile(&s, 0.1), 0),
            fixed(percentile(&s, 0.9), 0)
        ),
        fixed(
            mean_of(games, Metric::Kpi(crate::sim::Kpi::CumulativeProfit)),
            0
        ),
        fixed(mean_of(games, Metric::Kpi(crate::sim::Kpi::Culture)), 1),
        format!("{overs}/{}", games.len()),
        beats
    )
}

/// Renders the report for a terminal.
pub fn render(scenario: &Scenario, report: &LabReport) -> String {
    let mut out = format!(
        "Balance lab: {} ({}), {} quarters\n{} seeds per reference plan (from {}), {} random plans\n\n",
        scenario.title,
        scenario.id,
        scenario.rules.quarters,
        report.seeds.len(),
        report.seeds.first().copied().unwrap_or(0),
        report.random.len()
    );
    out.push_str(&format!(
        "{:<14} {:>7} {:>17} {:>11} {:>8} {:>10} {:>9}\n",
        "plan", "score", "(p10 – p90)", "cum.profit", "culture", "game over", "beats"
    ));
    out.push_str(&format!(
        "{:<14} {:>7} {:>17} {:>11} {:>8} {:>10} {:>9}\n",
        "", "mean", "", "mean", "final", "", "nothing"
    ));
    let base = report.plan("do-nothing").map(|p| p.games.as_slice());
    for plan in &report.plans {
        let versus = if plan.name == "do-nothing" {
            None
        } else {
            base
        };
        out.push_str(&line(&plan.name, &plan.games, versus));
        out.push('\n');
    }
    if !report.random.is_empty() {
        out.push_str(&line("random plans", &report.random, None));
        out.push('\n');
    }
    out.push_str(&format!(
        "\nscore = {}\n",
        scenario
            .rules
            .scoring
            .formula()
            .trim_start_matches("score = ")
    ));

    out.push_str("\nRules of the scenario ([[expect]]):\n");
    if report.rules.is_empty() {
        out.push_str(
            "  (none: add [[expect]] rules to state the story this scenario should tell)\n",
        );
    }
    for r in &report.rules {
        out.push_str(&format!(
            "  {} {} — held on {}% of seeds (needs {}%)\n",
            if r.passed { "ok  " } else { "FAIL" },
            r.rule.text,
            fixed(100.0 * r.held, 1),
            fixed(100.0 * r.rule.share, 0)
        ));
        if !r.passed {
            out.push_str(&super::rule_detail::explain(scenario, report, r));
        }
    }

    out.push_str("\nFlags:\n");
    if report.flags.is_empty() {
        out.push_str(
            "  none: no dominant plan, doing nothing does not win, no plan always loses\n",
        );
    }
    for f in &report.flags {
        let text = match f {
            Flag::DoNothingWins => {
                "warning: doing nothing has the best average score — the scenario rewards not trying".to_string()
            }
            Flag::Dominant { plan, beats_references, beats_random } => format!(
                "warning: {plan} looks dominant — it beats every other plan on {}% of seeds and {}% of random plans",
                fixed(100.0 * beats_references, 0),
                fixed(100.0 * beats_random, 0)
            ),
            Flag::AlwaysGameOver { plan } => format!("warning: {plan} ends in game over on every seed"),
        };
        out.push_str(&format!("  {text}\n"));
    }
    let advice = super::advise(report);
    out.push_str(&super::advice::render_advice(&advice));
    out.push_str(&super::advice::result_line(report, &advice));
    out
}

//! What the lab tells an author whose `[[expect]]` rule failed: both sides
//! of the comparison across seeds (p10, median, p90), the quarter the rule
//! fails in most often, and what in the scenario moves the figure — the
//! events, dilemmas and initiatives whose effects reach it, and the keys
//! that set it — so the author knows what to change.

use super::{LabReport, RuleResult, Trajectory};
use crate::report::fixed;
use crate::scenario::{Compare, Metric, Scenario, Versus};
use crate::sim::{Effect, Kpi, Rules, Stock};

/// Values sorted, then the nearest-rank percentile (0–1).
pub(crate) fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() - 1) as f64 * p + 0.5) as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// "p10 12.5, median 40.1, p90 77.0" of a metric at a quarter.
pub(crate) fn spread(games: &[Trajectory], metric: Metric, q: u32) -> String {
    let mut v: Vec<f64> = games.iter().map(|g| g.get(metric, q)).collect();
    v.sort_by(f64::total_cmp);
    let digits = if matches!(metric, Metric::GameOver) {
        2
    } else {
        1
    };
    format!(
        "p10 {}, median {}, p90 {}",
        fixed(percentile(&v, 0.1), digits),
        fixed(percentile(&v, 0.5), digits),
        fixed(percentile(&v, 0.9), digits)
    )
}

/// The lines under a failing rule, each indented by four spaces.
pub fn explain(scenario: &Scenario, report: &LabReport, result: &RuleResult) -> String {
    let rule = &result.rule;
    let Some(mine) = report.plan(&rule.plan) else {
        return String::new();
    };
    let other = match &rule.versus {
        Versus::Plan(p) => report.plan(p),
        Versus::Value(_) => None,
    };
    let holds = |s: usize, q: u32| {
        let a = mine.games[s].get(rule.metric, q);
        let b = match &rule.versus {
            Versus::Plan(_) => other.map_or(f64::NAN, |o| o.games[s].get(rule.metric, q)),
            Versus::Value(v) => *v,
        };
        match rule.compare {
            Compare::Above => a > b,
            Compare::Below => a < b,
        }
    };
    let n = report.seeds.len();
    // The quarter of the window where the comparison fails most often.
    let (quarter, fails) = (rule.from..=rule.to)
        .map(|q| (q, (0..n).filter(|&s| !holds(s, q)).count()))
        .max_by_key(|&(q, f)| (f, std::cmp::Reverse(q)))
        .unwrap_or((rule.to, 0));
    let key = rule.metric.key();
    let mut out = String::new();
    let when = if rule.from == rule.to {
        format!("in quarter {quarter}")
    } else {
        format!(
            "worst in quarter {quarter} of {}–{} (fails there on {} of {n} seeds)",
            rule.from, rule.to, fails
        )
    };
    out.push_str(&format!("    {key} {when}:\n"));
    out.push_str(&format!(
        "      {:<14} {}\n",
        rule.plan,
        spread(&mine.games, rule.metric, quarter)
    ));
    match (&rule.versus, other) {
        (Versus::Plan(p), Some(o)) => {
            out.push_str(&format!(
                "      {:<14} {}\n",
                p,
                spread(&o.games, rule.metric, quarter)
            ));
            let mut gaps: Vec<f64> = (0..n)
                .map(|s| {
                    mine.games[s].get(rule.metric, quarter) - o.games[s].get(rule.metric, quarter)
                })
                .collect();
            gaps.sort_by(f64::total_cmp);
            out.push_str(&format!(
                "      difference     p10 {}, median {}, p90 {} (must be {} 0)\n",
                fixed(percentile(&gaps, 0.1), 1),
                fixed(percentile(&gaps, 0.5), 1),
                fixed(percentile(&gaps, 0.9), 1),
                match rule.compare {
                    Compare::Above => "above",
                    Compare::Below => "below",
                }
            ));
        }
        (Versus::Value(v), _) => out.push_str(&format!(
            "      {:<14} {} {}\n",
            "must be",
            match rule.compare {
                Compare::Above => "above",
                Compare::Below => "below",
            },
            fixed(*v, 1)
        )),
        _ => {}
    }
    let movers = movers(&scenario.rules, rule.metric);
    if !movers.is_empty() {
        out.push_str(&format!(
            "    what moves {key} in this scenario: {}\n",
            movers.join("; ")
        ));
    }
    out
}

/// The targets (stocks and drivers) whose changes reach a metric soonest.
fn targets(metric: Metric) -> Vec<&'static str> {
    let money = vec![
        "price",
        "cost_to_serve",
        "fixed_costs",
        "churn",
        "acquisition",
        "market_growth",
        "cash",
        "valuable",
        "regular",
        "costly",
        "advocates",
    ];
    match metric {
        Metric::Stock(Stock::Culture) | Metric::Kpi(Kpi::Culture) => {
            vec![
                "culture", "vision", "insight", "skills", "fatigue", "momentum",
            ]
        }
        Metric::Stock(Stock::Engagement) | Metric::Kpi(Kpi::Engagement) => {
            vec!["engagement", "culture", "fatigue", "skills", "vision"]
        }
        Metric::Stock(Stock::Experience) | Metric::Kpi(Kpi::Experience | Kpi::Nps) => {
            vec!["experience", "engagement", "culture", "insight", "capacity"]
        }
        Metric::Stock(Stock::Board) | Metric::Kpi(Kpi::Board) | Metric::GameOver => {
            let mut t = vec!["board", "board_expectation"];
            t.extend(money);
            t
        }
        Metric::Stock(s) => vec![s.key()],
        Metric::Kpi(_) | Metric::Score => money,
    }
}

/// What in the scenario moves a metric: the items whose effects reach it,
/// and the sections that set it.
fn movers(rules: &Rules, metric: Metric) -> Vec<String> {
    let targets = targets(metric);
    let reaches = |effects: &[Effect]| {
        let hit: Vec<&str> = effects
            .iter()
            .map(|e| e.target.key())
            .filter(|k| targets.contains(k))
            .collect();
        (!hit.is_empty()).then(|| hit.join(", "))
    };
    let mut out = Vec::new();
    for e in &rules.events {
        if let Some(hit) = reaches(&e.effects) {
            out.push(format!("event \"{}\" ({hit})", e.id));
        }
    }
    for d in &rules.dilemmas {
        for c in &d.choices {
            if let Some(hit) = reaches(&c.effects) {
                out.push(format!("dilemma \"{}\" choice \"{}\" ({hit})", d.id, c.id));
            }
        }
    }
    for i in &rules.initiatives {
        if let Some(hit) = reaches(&i.effects) {
            out.push(format!("initiative \"{}\" ({hit})", i.id));
        }
    }
    out.truncate(8);
    out.push(match metric {
        Metric::Score => "[scoring] weights".to_string(),
        Metric::GameOver | Metric::Stock(Stock::Board) | Metric::Kpi(Kpi::Board) => {
            "credit_line, [start] cash and board, [board] expectation, [model] board_tolerance".into()
        }
        Metric::Stock(s) => format!("[start] {}", s.key()),
        Metric::Kpi(Kpi::Culture) => "[start] culture, [model] culture_speed".into(),
        Metric::Kpi(_) => "the plans' spending (money on the levers costs profit before it pays), [economics], budget".into(),
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_take_the_nearest_rank() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&v, 0.5), 3.0);
        assert_eq!(percentile(&v, 0.1), 1.0);
        assert_eq!(percentile(&v, 0.9), 5.0);
        assert!(percentile(&[], 0.5).is_nan());
    }
}

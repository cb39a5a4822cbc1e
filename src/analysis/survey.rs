//! The causes of a figure as the player reads it, which may need more than
//! one quarter's ledger: NPS is a function of customer experience, so its
//! causes are experience's causes converted into NPS points; and a survey
//! figure moves by its true change *plus* the change of the survey's error,
//! which gets a row of its own ("survey noise") so that the causes add up
//! to the change the player sees.

use super::explain::{Part, terms};
use super::metric::{Metric, Why};
use crate::sim::{QuarterReport, Rules, Stock, loyalty};

/// The label of the survey's error row.
pub const SURVEY_NOISE: &str = "survey noise";

/// The causes of `metric` in the quarter at `index`: the ledger's terms,
/// NPS's own causes for NPS, and the survey's noise for survey figures.
/// For a stock they sum to the change the player sees.
pub fn quarter_terms(
    metric: Metric,
    rules: &Rules,
    history: &[QuarterReport],
    index: usize,
) -> Vec<Part> {
    let Some(report) = history.get(index) else {
        return Vec::new();
    };
    let before = index.checked_sub(1).and_then(|i| history.get(i));
    let mut out = match metric.why() {
        Why::Follows(Stock::Experience) => nps_terms(rules, report, before),
        _ => terms(metric, rules, report),
    };
    if metric.measured() {
        let noise = error(metric, rules, Some(report)) - error(metric, rules, before);
        if noise.abs() > 1e-9 {
            out.push((SURVEY_NOISE.to_string(), noise));
        }
    }
    out
}

/// NPS as the model has it (no survey) after a quarter, or at the start.
fn true_nps(rules: &Rules, report: Option<&QuarterReport>) -> f64 {
    let experience = report.map_or(rules.start.get(Stock::Experience), |r| {
        r.stocks.get(Stock::Experience)
    });
    loyalty(&rules.params, experience, 1.0).nps()
}

/// The survey's error in a figure after a quarter (or at the start, where
/// only NPS's rounding differs from the truth).
fn error(metric: Metric, rules: &Rules, report: Option<&QuarterReport>) -> f64 {
    let seen = report.map_or(metric.start(rules), |r| metric.value(r));
    let truth = match metric.why() {
        Why::Change(stock) => report.map_or(rules.start.get(stock), |r| r.stocks.get(stock)),
        Why::Follows(_) => true_nps(rules, report),
        _ => seen,
    };
    seen - truth
}

/// NPS's true change split over the causes of experience's change, each
/// in NPS points (its share of experience's move times NPS's move).
fn nps_terms(rules: &Rules, report: &QuarterReport, before: Option<&QuarterReport>) -> Vec<Part> {
    let change = true_nps(rules, Some(report)) - true_nps(rules, before);
    let start = rules.start.get(Stock::Experience);
    let moved = report.stocks.get(Stock::Experience)
        - before.map_or(start, |r| r.stocks.get(Stock::Experience));
    if moved.abs() < 1e-12 {
        let mut out = Vec::new();
        if change.abs() > 1e-9 {
            out.push((EXPERIENCE.to_string(), change));
        }
        return out;
    }
    let scale = change / moved;
    terms(Metric::Experience, rules, report)
        .into_iter()
        .map(|(label, v)| (label, v * scale))
        .filter(|(_, v)| v.abs() > 1e-9)
        .collect()
}

/// The row of NPS's change when experience did not move (rounding only).
const EXPERIENCE: &str = "customer experience";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{Decisions, Game};
    use std::sync::Arc;

    #[test]
    fn revenue_is_explained_with_what_events_did_to_sales() {
        let loaded = crate::scenario::load("electronics");
        assert!(loaded.is_ok(), "the default scenario loads");
        let Ok(scenario) = loaded else { return };
        let rules = std::sync::Arc::clone(&scenario.rules);
        let mut game = Game::new(Arc::clone(&rules), scenario.seed);
        let d = Decisions {
            vision: 60.0,
            insight: 60.0,
            skills: 60.0,
            ..Decisions::default()
        };
        let mut via = 0;
        while !game.is_over() {
            if game.advance(&d).is_err() {
                break;
            }
        }
        for (i, r) in game.history().iter().enumerate() {
            let t = quarter_terms(Metric::Revenue, &rules, game.history(), i);
            let sum: f64 = t.iter().map(|p| p.1).sum();
            assert!((sum - r.kpis.revenue).abs() < 1e-6, "Q{}: {t:?}", r.quarter);
            via += t.iter().filter(|(l, _)| l.ends_with("(sales)")).count();
        }
        assert!(via > 0, "no event changed sales: the test proves nothing");
    }

    #[test]
    fn survey_figures_add_up_to_the_change_the_player_sees() {
        let rules = Arc::new(Rules::default());
        let mut game = Game::new(Arc::clone(&rules), 9);
        let d = Decisions {
            vision: 60.0,
            insight: 20.0,
            skills: 60.0,
            ..Decisions::default()
        };
        for _ in 0..8 {
            assert!(game.advance(&d).is_ok());
        }
        let h = game.history();
        for m in Metric::ALL.into_iter().filter(|m| m.measured()) {
            let series = m.series(&rules, h);
            for i in 0..h.len() {
                let sum: f64 = quarter_terms(m, &rules, h, i).iter().map(|p| p.1).sum();
                let seen = series[i + 1] - series[i];
                assert!(
                    (sum - seen).abs() < 1e-6,
                    "{m:?} Q{}: {sum} vs {seen}",
                    i + 1
                );
            }
        }
    }
}

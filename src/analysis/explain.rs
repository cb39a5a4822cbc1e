//! Explanations built from the why ledger — the causes of a figure's
//! change, the table of the why overlay, the key moments of a game and the
//! score's parts. Pure functions of the history: nothing is explained that
//! the model did not compute.

use super::metric::{Metric, Why};
use super::{REF_BALANCED, REF_DO_NOTHING};
use crate::plan::Plan;
use crate::sim::{Cause, Game, QuarterReport, Rules};
use std::sync::Arc;

/// A named contribution: the cause and its value.
pub type Part = (String, f64);

/// The terms that explain a metric in one quarter, equal causes merged,
/// in the order the model computed them.
pub fn terms(metric: Metric, rules: &Rules, report: &QuarterReport) -> Vec<Part> {
    let (stock, income_only, parts) = match metric.why() {
        Why::Change(s) | Why::Follows(s) => (s, false, false),
        Why::Parts { income_only } => (crate::sim::Stock::Cash, income_only, true),
        Why::Score => return score_terms(rules, report),
    };
    let mut out: Vec<Part> = Vec::new();
    for t in report.ledger.for_stock(stock) {
        // Revenue is sales and new products, including the parts of them
        // that events changed (a rival's launch cutting prices).
        let income = matches!(
            t.cause,
            Cause::Model("sales" | "new products")
                | Cause::Via {
                    flow: "sales" | "new products",
                    ..
                }
        );
        if income_only && !income {
            continue;
        }
        // A payout leaves cash but is not a cost: no part of profit.
        if parts && t.cause == Cause::Model(crate::sim::PAYOUT_TERM) {
            continue;
        }
        let label = t.cause.label(rules);
        match out.iter_mut().find(|(l, _)| *l == label) {
            Some((_, v)) => *v += t.value,
            None => out.push((label, t.value)),
        }
    }
    out.retain(|(_, v)| v.abs() > 1e-9);
    out
}

/// The `n` largest terms of a quarter, largest first.
pub fn top_causes(metric: Metric, rules: &Rules, report: &QuarterReport, n: usize) -> Vec<Part> {
    let mut t = terms(metric, rules, report);
    t.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    t.truncate(n);
    t
}

/// The `n` largest causes of a metric's change in the quarter at `index`:
/// the ledger terms for stocks; for flows (revenue, profit) how each part
/// differs from the quarter before.
pub fn causes_of_change(
    metric: Metric,
    rules: &Rules,
    history: &[QuarterReport],
    index: usize,
    n: usize,
) -> Vec<Part> {
    if history.get(index).is_none() {
        return Vec::new();
    }
    let mut now = super::survey::quarter_terms(metric, rules, history, index);
    let flow = match metric.why() {
        Why::Parts { income_only } => Some(baseline_parts(rules, income_only)),
        Why::Score => Some(start_score_parts(rules)),
        _ => None,
    };
    if let Some(start) = flow {
        let before = match index.checked_sub(1).and_then(|i| history.get(i)) {
            Some(prev) => terms(metric, rules, prev),
            None => start,
        };
        for (label, v) in &mut now {
            *v -= before.iter().find(|(l, _)| l == label).map_or(0.0, |p| p.1);
        }
        for (label, v) in before {
            if !now.iter().any(|(l, _)| *l == label) {
                now.push((label, -v));
            }
        }
        now.retain(|(_, v)| v.abs() > 1e-9);
    }
    now.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    now.truncate(n);
    now
}

/// The parts of the organization's revenue and profit before the game:
/// what the first quarter's flows are compared with.
fn baseline_parts(rules: &Rules, income_only: bool) -> Vec<Part> {
    let sales = Metric::Revenue.start(rules);
    let mut parts = vec![("sales".to_string(), sales)];
    if !income_only {
        let cost: f64 = crate::sim::Stock::SEGMENTS
            .iter()
            .zip(rules.economics.cost_to_serve)
            .map(|(s, c)| rules.start.get(*s) * c)
            .sum();
        parts.push(("cost to serve".to_string(), -cost));
        parts.push(("fixed costs".to_string(), -rules.economics.fixed_costs));
    }
    parts
}

/// The score's weighted figures after a quarter, and the penalty if the
/// game ended early: they sum to the score.
fn score_terms(rules: &Rules, report: &QuarterReport) -> Vec<Part> {
    let (parts, penalty) = score_parts(rules, report);
    let mut out: Vec<Part> = parts
        .into_iter()
        .map(|p| (score_label(p.weight, p.label), p.points))
        .collect();
    if penalty != 0.0 {
        out.push((GAME_OVER.to_string(), -penalty));
    }
    out
}

/// The label of a weighted figure of the score, e.g. "1.5 × culture".
pub fn score_label(weight: f64, label: &str) -> String {
    let w = format!("{weight:.4}");
    let w = w.trim_end_matches('0').trim_end_matches('.');
    format!("{w} × {label}")
}

/// The score's row for the penalty of a game that ended early.
pub const GAME_OVER: &str = "game over penalty";

/// The score's weighted figures for the organization as it starts (no
/// quarter played, no profit made yet).
pub fn start_score_parts(rules: &Rules) -> Vec<Part> {
    use crate::sim::{Stock, customer_equity};
    let s = &rules.start;
    rules
        .scoring
        .weights
        .iter()
        .map(|(kpi, w)| {
            // By key, so that a figure added to the formula later reads as
            // unknown (—) before the first quarter rather than as a guess.
            let value = match kpi.key() {
                "cumulative_profit" | "owner_return" => 0.0,
                "profit" => Metric::Profit.start(rules),
                "revenue" => Metric::Revenue.start(rules),
                "culture" => s.get(Stock::Culture),
                "lasting_culture" => crate::sim::lasting_culture_of(rules, s),
                "engagement" => s.get(Stock::Engagement),
                "experience" => s.get(Stock::Experience),
                "nps" => Metric::Nps.start(rules),
                "customer_equity" => customer_equity(rules, s, 1.0, 1.0, 1.0),
                "customers" => s.customers(),
                "advocates" => s.get(Stock::Advocates),
                "cash" => s.get(Stock::Cash),
                "board" => s.get(Stock::Board),
                _ => f64::NAN,
            };
            (score_label(*w, kpi.label()), w * value)
        })
        .collect()
}

/// The why overlay's table: causes × quarters.
#[derive(Clone, Debug, PartialEq)]
pub struct WhyTable {
    pub metric: Metric,
    /// The quarters shown, oldest first.
    pub quarters: Vec<u32>,
    /// One row per cause with its value in each quarter, the causes that
    /// matter most in the latest quarter first.
    pub rows: Vec<(String, Vec<f64>)>,
    /// The sum of each column: the change (or, for flows, the figure).
    pub totals: Vec<f64>,
    /// The metric after each quarter, as the player sees it.
    pub values: Vec<f64>,
}

/// The why table of `metric` for the quarter at `index` in `history` and
/// up to `span − 1` quarters before it.
pub fn why_table(
    metric: Metric,
    rules: &Rules,
    history: &[QuarterReport],
    index: usize,
    span: usize,
) -> WhyTable {
    let end = index.saturating_add(1).min(history.len());
    let begin = end.saturating_sub(span.max(1));
    let window = history.get(begin..end).unwrap_or(&[]);
    let mut rows: Vec<(String, Vec<f64>)> = Vec::new();
    for (col, _) in window.iter().enumerate() {
        for (label, value) in super::survey::quarter_terms(metric, rules, history, begin + col) {
            let row = match rows.iter().position(|(l, _)| *l == label) {
                Some(i) => i,
                None => {
                    rows.push((label, vec![0.0; window.len()]));
                    rows.len() - 1
                }
            };
            if let Some(cell) = rows[row].1.get_mut(col) {
                *cell += value;
            }
        }
    }
    let weight = |v: &[f64]| -> (f64, f64) {
        let last = v.last().map_or(0.0, |x| x.abs());
        let peak = v.iter().fold(0.0_f64, |m, x| m.max(x.abs()));
        (last, peak)
    };
    rows.sort_by(|a, b| {
        let (la, pa) = weight(&a.1);
        let (lb, pb) = weight(&b.1);
        lb.total_cmp(&la).then(pb.total_cmp(&pa))
    });
    let totals = (0..window.len())
        .map(|c| {
            rows.iter()
                .map(|(_, v)| v.get(c).copied().unwrap_or(0.0))
                .sum()
        })
        .collect();
    WhyTable {
        metric,
        quarters: window.iter().map(|r| r.quarter).collect(),
        rows,
        totals,
        values: window.iter().map(|r| metric.value(r)).collect(),
    }
}

/// A quarter in which a figure moved a lot, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Moment {
    pub quarter: u32,
    pub metric: Metric,
    pub change: f64,
    /// The two largest causes.
    pub causes: Vec<Part>,
}

/// The figures whose large moves make the story of a game.
const STORY: [Metric; 4] = [
    Metric::Culture,
    Metric::Engagement,
    Metric::Experience,
    Metric::Board,
];

/// The `n` largest changes of culture, engagement, experience and board
/// confidence over the game (a fair share per figure), largest first.
pub fn key_moments(rules: &Rules, history: &[QuarterReport], n: usize) -> Vec<Moment> {
    let mut all: Vec<Moment> = Vec::new();
    for metric in STORY {
        let Why::Change(stock) = metric.why() else {
            continue;
        };
        for (i, report) in history.iter().enumerate() {
            let change = report.ledger.total(stock);
            if change.abs() >= 0.5 {
                all.push(Moment {
                    quarter: report.quarter,
                    metric,
                    change,
                    causes: main_causes(metric, rules, history, i, 2),
                });
            }
        }
    }
    all.sort_by(|a, b| b.change.abs().total_cmp(&a.change.abs()));
    let cap = n.div_ceil(STORY.len()).max(2);
    let mut picked: Vec<Moment> = Vec::new();
    for m in all {
        if picked.len() >= n {
            break;
        }
        if picked.iter().filter(|p| p.metric == m.metric).count() < cap {
            picked.push(m);
        }
    }
    picked
}

/// The causes that pushed a figure the way it moved in the quarter at
/// `index` (largest first), or all causes if none did.
pub fn main_causes(
    metric: Metric,
    rules: &Rules,
    history: &[QuarterReport],
    index: usize,
    n: usize,
) -> Vec<Part> {
    let all = causes_of_change(metric, rules, history, index, usize::MAX);
    let change: f64 = all.iter().map(|p| p.1).sum();
    let mut same: Vec<Part> = all.iter().filter(|p| p.1 * change > 0.0).cloned().collect();
    if same.is_empty() {
        same = all;
    }
    same.truncate(n);
    same
}

/// One weighted figure of the score.
#[derive(Clone, Debug, PartialEq)]
pub struct ScorePart {
    pub label: &'static str,
    pub weight: f64,
    pub value: f64,
    pub points: f64,
}

/// The score of a final report, figure by figure, and the penalty taken
/// if the game ended early.
pub fn score_parts(rules: &Rules, report: &QuarterReport) -> (Vec<ScorePart>, f64) {
    let parts = rules
        .scoring
        .weights
        .iter()
        .map(|(kpi, w)| {
            let value = report.kpi(*kpi);
            ScorePart {
                label: kpi.label(),
                weight: *w,
                value,
                points: w * value,
            }
        })
        .collect();
    let penalty = if report.outcome.is_game_over() {
        rules.scoring.game_over_penalty
    } else {
        0.0
    };
    (parts, penalty)
}

/// A reference plan played on the same scenario and seed.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    pub name: &'static str,
    pub history: Vec<QuarterReport>,
}

/// The do-nothing and balanced plans, played with this seed to the end
/// (or as far as their decisions are accepted).
pub fn references(rules: &Arc<Rules>, seed: u64) -> Vec<Reference> {
    let plans = [
        (REF_DO_NOTHING, Plan::do_nothing()),
        (REF_BALANCED, Plan::balanced(rules)),
    ];
    plans
        .into_iter()
        .map(|(name, plan)| {
            let mut game = Game::new(Arc::clone(rules), seed);
            // A refused decision ends the reference line where it stands.
            let _ = game.play_out(|q, _| plan.decisions(q));
            Reference {
                name,
                history: game.history().to_vec(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{Decisions, Stock};

    fn played(quarters: u32) -> (Arc<Rules>, Game) {
        let rules = Arc::new(Rules::default());
        let mut game = Game::new(Arc::clone(&rules), 11);
        let d = Decisions {
            vision: 40.0,
            insight: 100.0,
            skills: 100.0,
            ..Decisions::default()
        };
        for _ in 0..quarters {
            assert!(game.advance(&d).is_ok());
        }
        (rules, game)
    }

    #[test]
    fn why_columns_sum_to_the_change() {
        let (rules, game) = played(6);
        let h = game.history();
        let t = why_table(Metric::Engagement, &rules, h, 5, 5);
        assert_eq!(t.quarters, vec![2, 3, 4, 5, 6]);
        for (c, total) in t.totals.iter().enumerate() {
            let change = h[c + 1].ledger.total(Stock::Engagement);
            assert!((total - change).abs() < 1e-9);
        }
        let early = why_table(Metric::Profit, &rules, h, 0, 5);
        assert_eq!(early.quarters, vec![1]);
        assert!((early.totals[0] - h[0].kpis.profit).abs() < 1e-6);
        assert!(
            why_table(Metric::Nps, &rules, &[], 3, 5)
                .quarters
                .is_empty()
        );
    }

    #[test]
    fn revenue_parts_are_income_only() {
        let (rules, game) = played(1);
        let parts = terms(Metric::Revenue, &rules, &game.history()[0]);
        let sum: f64 = parts.iter().map(|p| p.1).sum();
        assert!((sum - game.history()[0].kpis.revenue).abs() < 1e-6);
    }

    #[test]
    fn key_moments_are_few_and_in_order() {
        let (rules, game) = played(12);
        let m = key_moments(&rules, game.history(), 6);
        assert!(m.len() <= 6);
        assert!(m.windows(2).all(|w| w[0].change.abs() >= w[1].change.abs()));
        for moment in &m {
            let pushed: f64 = moment.causes.iter().map(|c| c.1).sum();
            assert!(pushed * moment.change > 0.0, "{moment:?}");
        }
    }

    #[test]
    fn references_play_the_whole_scenario() {
        let rules = Arc::new(Rules::default());
        let r = references(&rules, 5);
        assert_eq!(r.len(), 2);
        assert!(r.iter().all(|r| r.history.len() == 20));
    }
}

//! The score of a game, term by term: every weighted figure of the
//! scenario's formula and the game-over penalty, adding up to the score the
//! model computed — and, for display, the same terms rounded so that the
//! printed lines still add up to the printed total.

use super::explain::score_parts;
use crate::sim::{QuarterReport, Rules};

/// One weighted figure of the formula.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreTerm {
    /// The figure's key in scenario files, e.g. `cumulative_profit`.
    pub key: &'static str,
    pub label: &'static str,
    pub weight: f64,
    /// The figure at the end of the game.
    pub value: f64,
    /// `weight × value`.
    pub points: f64,
}

/// The score of a final report, every term of the formula.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreBreakdown {
    pub terms: Vec<ScoreTerm>,
    /// Points taken off because the game ended early (0 otherwise).
    pub penalty: f64,
    /// The terms' points minus the penalty: the model's score.
    pub total: f64,
    /// The formula as players read it.
    pub formula: String,
}

/// The breakdown of `report`'s score under the scenario's formula.
pub fn score_breakdown(rules: &Rules, report: &QuarterReport) -> ScoreBreakdown {
    let (parts, penalty) = score_parts(rules, report);
    let terms: Vec<ScoreTerm> = rules
        .scoring
        .weights
        .iter()
        .zip(parts)
        .map(|((kpi, _), p)| ScoreTerm {
            key: kpi.key(),
            label: p.label,
            weight: p.weight,
            value: p.value,
            points: p.points,
        })
        .collect();
    // Summed in the formula's order, as `sim::score` does, so the total is
    // the model's score to the bit.
    let mut total = 0.0;
    for t in &terms {
        total += t.points;
    }
    total -= penalty;
    ScoreBreakdown {
        terms,
        penalty,
        total,
        formula: rules.scoring.formula(),
    }
}

/// A breakdown rounded for display: the terms' points and the penalty,
/// each rounded to `decimals`, adjusted by the least visible amount so that
/// `Σ points − penalty` is exactly the rounded total.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundedScore {
    pub points: Vec<f64>,
    pub penalty: f64,
    pub total: f64,
}

impl ScoreBreakdown {
    /// The terms rounded so that the printed lines add up (the largest
    /// remainder method: the terms that rounding moved most give way).
    pub fn rounded(&self, decimals: u32) -> RoundedScore {
        let step = 10f64.powi(-(decimals as i32));
        let round = |v: f64| (v / step).round() * step;
        let total = round(self.total);
        let penalty = round(self.penalty);
        let mut points: Vec<f64> = self.terms.iter().map(|t| round(t.points)).collect();
        let sum: f64 = points.iter().sum::<f64>() - penalty;
        let units = ((total - sum) / step).round() as i64;
        if units != 0 && !points.is_empty() {
            // The terms rounded down most take a unit more, or those
            // rounded up most a unit less.
            let mut order: Vec<usize> = (0..points.len()).collect();
            let remainder = |i: usize| self.terms[i].points - points[i];
            order.sort_by(|&a, &b| remainder(b).total_cmp(&remainder(a)));
            if units < 0 {
                order.reverse();
            }
            let unit = if units > 0 { step } else { -step };
            for k in 0..units.unsigned_abs() as usize {
                let i = order[k % order.len()];
                points[i] = round(points[i] + unit);
            }
        }
        RoundedScore {
            points,
            penalty,
            total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{Decisions, Game};
    use std::sync::Arc;

    #[test]
    fn terms_add_up_to_the_model_score() {
        let rules = Arc::new(Rules::default());
        for seed in 0..20 {
            let mut game = Game::new(Arc::clone(&rules), seed);
            let d = Decisions {
                vision: (seed * 7 % 50) as f64,
                insight: (seed * 13 % 200) as f64,
                ..Decisions::default()
            };
            for _ in 0..20 {
                if game.advance(&d).is_err() {
                    break;
                }
            }
            let Some(last) = game.last() else { continue };
            let b = score_breakdown(&rules, last);
            assert_eq!(b.total, last.kpis.score, "seed {seed}");
            assert_eq!(b.terms.len(), rules.scoring.weights.len());
            for decimals in [0, 1, 2] {
                let r = b.rounded(decimals);
                let shown: f64 = r.points.iter().sum::<f64>() - r.penalty;
                let step = 10f64.powi(-(decimals as i32));
                assert!((shown - r.total).abs() < step / 10.0, "{r:?}");
                for (p, t) in r.points.iter().zip(&b.terms) {
                    assert!((p - t.points).abs() <= step * 1.5, "{r:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn rounding_that_would_not_add_up_is_repaired() {
        let term = |points| ScoreTerm {
            key: "k",
            label: "k",
            weight: 1.0,
            value: points,
            points,
        };
        let b = ScoreBreakdown {
            terms: vec![term(0.4), term(0.4), term(0.4)],
            penalty: 0.0,
            total: 1.2,
            formula: String::new(),
        };
        let r = b.rounded(0);
        assert_eq!(r.total, 1.0);
        assert_eq!(r.points.iter().sum::<f64>(), 1.0);
    }
}

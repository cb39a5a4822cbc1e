//! Comparing runs through the why ledger: what each cause added to each
//! stock over a whole game, and the causes whose sums differed most between
//! two groups of runs (the top and the bottom of a class; one plan and
//! another). Causes are compared by the label players read, so runs of one
//! scenario line up cause for cause.

use crate::sim::{Cause, QuarterReport, Rules, Stock};
use std::collections::BTreeMap;

/// One run to compare: its rules (which name the causes) and its history.
#[derive(Clone, Copy, Debug)]
pub struct RunRef<'a> {
    pub rules: &'a Rules,
    pub history: &'a [QuarterReport],
}

/// What each cause added to each stock over a run, by (stock, cause label).
pub type CauseSums = BTreeMap<(Stock, String), f64>;

/// The sum of every ledger term of a run, by stock and cause.
pub fn cause_sums(rules: &Rules, history: &[QuarterReport]) -> CauseSums {
    // Summed by cause first and labelled once: a game has thousands of
    // terms but a few dozen causes.
    let mut by_cause: Vec<(Stock, Cause, f64)> = Vec::new();
    for report in history {
        for term in &report.ledger.terms {
            match by_cause
                .iter_mut()
                .find(|(s, c, _)| *s == term.stock && *c == term.cause)
            {
                Some(entry) => entry.2 += term.value,
                None => by_cause.push((term.stock, term.cause, term.value)),
            }
        }
    }
    let mut sums = CauseSums::new();
    for (stock, cause, value) in by_cause {
        // Two causes may share a label (an effect and its "via" part).
        *sums.entry((stock, cause.label(rules))).or_insert(0.0) += value;
    }
    sums
}

/// A cause whose sum differed between two groups of runs.
#[derive(Clone, Debug, PartialEq)]
pub struct CauseDifference {
    pub stock: Stock,
    pub cause: String,
    /// The mean sum over the runs of group A, and of group B.
    pub mean_a: f64,
    pub mean_b: f64,
    /// `mean_a − mean_b`, in the stock's unit.
    pub difference: f64,
    /// The difference as a share of everything that moved this stock in
    /// the two groups (Σ over its causes of the mean absolute sums): the
    /// unit-free measure the causes are ranked by, so that a culture term
    /// and a cash term can be compared.
    pub weight: f64,
}

/// The `n` causes whose mean sums differed most between the runs of
/// group `a` and group `b` (see [`CauseDifference::weight`]), largest
/// first; ties in stock and cause order. An empty group counts as zero.
pub fn differing_causes(a: &[RunRef<'_>], b: &[RunRef<'_>], n: usize) -> Vec<CauseDifference> {
    let sums = |g: &[RunRef<'_>]| -> Vec<CauseSums> {
        g.iter().map(|r| cause_sums(r.rules, r.history)).collect()
    };
    let (sa, sb) = (sums(a), sums(b));
    let ra: Vec<&CauseSums> = sa.iter().collect();
    let rb: Vec<&CauseSums> = sb.iter().collect();
    differing_cause_sums(&ra, &rb, n)
}

/// [`differing_causes`] over sums already taken (a class report keeps the
/// sums of each save, not its whole history).
pub fn differing_cause_sums(a: &[&CauseSums], b: &[&CauseSums], n: usize) -> Vec<CauseDifference> {
    let mean = |g: &[&CauseSums]| -> CauseSums {
        let mut m = CauseSums::new();
        for sums in g {
            for (k, v) in *sums {
                *m.entry(k.clone()).or_insert(0.0) += v;
            }
        }
        let count = g.len().max(1) as f64;
        m.values_mut().for_each(|v| *v /= count);
        m
    };
    let (ma, mb) = (mean(a), mean(b));
    let mut keys: Vec<&(Stock, String)> = ma.keys().chain(mb.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut scale: BTreeMap<Stock, f64> = BTreeMap::new();
    for k in &keys {
        let v = ma.get(*k).map_or(0.0, |v| v.abs()) + mb.get(*k).map_or(0.0, |v| v.abs());
        *scale.entry(k.0).or_insert(0.0) += v / 2.0;
    }
    let mut out: Vec<CauseDifference> = keys
        .into_iter()
        .map(|k| {
            let (x, y) = (
                ma.get(k).copied().unwrap_or(0.0),
                mb.get(k).copied().unwrap_or(0.0),
            );
            let s = scale.get(&k.0).copied().unwrap_or(0.0);
            CauseDifference {
                stock: k.0,
                cause: k.1.clone(),
                mean_a: x,
                mean_b: y,
                difference: x - y,
                weight: if s > 1e-12 { (x - y).abs() / s } else { 0.0 },
            }
        })
        .filter(|d| d.difference.abs() > 1e-9)
        .collect();
    // A stable sort keeps stock and cause order among equal weights.
    out.sort_by(|p, q| q.weight.total_cmp(&p.weight));
    out.truncate(n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Plan;
    use crate::sim::Game;
    use std::sync::Arc;

    fn run(rules: &Arc<Rules>, plan: &Plan, seed: u64) -> Vec<QuarterReport> {
        let mut game = Game::new(Arc::clone(rules), seed);
        let _ = game.play_out(|q, s| plan.decisions_for(q, rules, s));
        game.history().to_vec()
    }

    #[test]
    fn sums_add_up_to_each_stocks_change() {
        let rules = Arc::new(Rules::default());
        let h = run(&rules, &Plan::balanced(&rules), 4);
        let sums = cause_sums(&rules, &h);
        for stock in Stock::ALL {
            let by_cause: f64 = sums
                .iter()
                .filter(|(k, _)| k.0 == stock)
                .map(|(_, v)| v)
                .sum();
            let change: f64 = h.iter().map(|r| r.ledger.total(stock)).sum();
            assert!(
                (by_cause - change).abs() < 1e-6 * change.abs().max(1.0),
                "{stock:?}"
            );
        }
    }

    #[test]
    fn investing_differs_from_doing_nothing_in_the_levers() {
        let rules = Arc::new(Rules::default());
        let bal: Vec<_> = (0..3)
            .map(|s| run(&rules, &Plan::balanced(&rules), s))
            .collect();
        let none: Vec<_> = (0..3)
            .map(|s| run(&rules, &Plan::do_nothing(), s))
            .collect();
        fn refs<'a>(rules: &'a Rules, v: &'a [Vec<QuarterReport>]) -> Vec<RunRef<'a>> {
            v.iter().map(|h| RunRef { rules, history: h }).collect()
        }
        let (a, b) = (refs(&rules, &bal), refs(&rules, &none));
        let d = differing_causes(&a, &b, 8);
        assert_eq!(d.len(), 8);
        assert!(d.windows(2).all(|w| w[0].weight >= w[1].weight));
        assert!(
            d.iter()
                .any(|c| c.stock == Stock::Culture && c.difference > 0.0),
            "{d:?}"
        );
        // Swapping the groups flips every sign.
        let e = differing_causes(&b, &a, 8);
        assert_eq!(d[0].cause, e[0].cause);
        assert_eq!(d[0].difference, -e[0].difference);
        assert!(differing_causes(&a, &a, 5).is_empty());
    }
}

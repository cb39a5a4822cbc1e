//! Fitting decisions to what can be played: a player short of cash pays
//! out less, then spends what they have. Used by the lab so that a reference or random plan too
//! costly for a quarter is cut down rather than refused.

use crate::sim::{DecisionError, Decisions, Rules, State};

/// The decisions cut down to what can be played in `state`, as a player
/// short of cash would: within the budget, a payout within the cash held
/// and then within the cash above the credit line, then without initiatives, then
/// with the levers scaled to the cash available, then with nothing spent
/// but the dilemma answers, then with no answers at all.
pub fn fit(d: Decisions, rules: &Rules, state: &State) -> Decisions {
    fit_checked(d, rules, state).0
}

/// As [`fit`], and whether the decisions returned passed
/// [`Decisions::cash_check`] on `state` (almost always: only when even
/// spending nothing is refused do they not), so that the lab need not have
/// the quarter check them again.
pub(crate) fn fit_checked(mut d: Decisions, rules: &Rules, state: &State) -> (Decisions, bool) {
    let total = d.lever_total();
    if total > rules.budget && total > 0.0 {
        scale(&mut d, rules.budget / total);
    }
    let held = crate::sim::payout_limit(state);
    if d.payout > held {
        d.payout = held;
    }
    if d.payout > 0.0 {
        // The owners wait before the organization goes short.
        if let Err(DecisionError::NotEnoughCash {
            spent, available, ..
        }) = d.cash_check(rules, state)
        {
            d.payout = (d.payout - (spent - available)).max(0.0) * (1.0 - 1e-12);
        }
    }
    if d.cash_check(rules, state).is_ok() {
        return (d, true);
    }
    d.payout = 0.0;
    d.initiatives.clear();
    if let Err(DecisionError::NotEnoughCash {
        spent, available, ..
    }) = d.cash_check(rules, state)
    {
        let levers = d.lever_total();
        let other = spent - levers;
        if levers > 0.0 {
            // A hair below the limit, so rounding cannot tip it over.
            scale(
                &mut d,
                ((available - other) / levers).clamp(0.0, 1.0) * (1.0 - 1e-12),
            );
        }
    }
    if d.cash_check(rules, state).is_ok() {
        return (d, true);
    }
    scale(&mut d, 0.0);
    if d.cash_check(rules, state).is_err() {
        d.answers.clear();
        let ok = d.cash_check(rules, state).is_ok();
        return (d, ok);
    }
    (d, true)
}

fn scale(d: &mut Decisions, k: f64) {
    d.vision *= k;
    d.insight *= k;
    d.skills *= k;
    d.marketing *= k;
}

#[cfg(test)]
mod tests {
    use super::super::reference::levers;
    use super::*;

    #[test]
    fn fit_cuts_decisions_down_to_the_cash_available() {
        let mut rules = Rules {
            credit_line: 0.0,
            ..Rules::default()
        };
        rules.start.set(crate::sim::Stock::Cash, 100.0);
        let state = State::new(&rules, 1);
        let d = fit(levers(100.0, 200.0, 100.0), &rules, &state);
        assert!(d.validate(&rules, &state).is_ok());
        assert!(
            (d.lever_total() - 100.0).abs() < 1e-6,
            "{}",
            d.lever_total()
        );
        assert!((d.insight / d.vision - 2.0).abs() < 1e-9, "the mix is kept");
        let over = fit(
            levers(1000.0, 0.0, 0.0),
            &Rules::default(),
            &State::new(&Rules::default(), 1),
        );
        assert_eq!(over.vision, Rules::default().budget);
    }
}

//! Paying surplus cash out to the owners: it leaves cash but not profit,
//! earns the owners the discount rate, moves the board by its change
//! (a dividend once paid is expected again), is refused beyond the cash
//! held, and replays from plans and saves.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use culturesim::sim::{DecisionError, Decisions, Game, QuarterReport, Rules, Stock};
use std::sync::Arc;

fn with_payout(q: u32, paid: &[(u32, f64)]) -> Decisions {
    Decisions {
        payout: paid
            .iter()
            .find(|(at, _)| *at == q)
            .map_or(0.0, |(_, p)| *p),
        ..balanced(q)
    }
}

fn board_term(r: &QuarterReport, rules: &Rules) -> f64 {
    r.ledger
        .terms
        .iter()
        .filter(|t| t.stock == Stock::Board && t.cause.label(rules) == "payout to owners")
        .map(|t| t.value)
        .sum()
}

#[test]
fn a_payout_leaves_cash_but_not_profit_and_earns_the_owners_the_discount_rate() {
    let rules = Arc::new(world());
    let d = rules.params.discount_rate;
    for seed in 1..=20 {
        let plain = play(&rules, seed, balanced);
        let paid = play(&rules, seed, |q| with_payout(q, &[(3, 500.0)]));
        // The quarter it is paid: cash lower by exactly the payout, profit
        // and everything the customers and people see unchanged.
        let (a, b) = (&plain[2], &paid[2]);
        assert_eq!(a.kpis.profit.to_bits(), b.kpis.profit.to_bits(), "{seed}");
        assert_eq!(
            a.kpis.cumulative_profit.to_bits(),
            b.kpis.cumulative_profit.to_bits()
        );
        let gap = a.stocks.get(Stock::Cash) - b.stocks.get(Stock::Cash);
        assert!((gap - 500.0).abs() < 1e-9, "{seed}: {gap}");
        assert_eq!(b.kpis.payout, 500.0);
        assert_eq!(b.kpis.owner_return, 0.0, "it earns from the next quarter");
        // Then it grows by the discount rate a quarter, compounding.
        let mut value = 500.0;
        for r in &paid[3..] {
            value *= 1.0 + d;
            let want = value - 500.0;
            assert!(
                (r.kpis.owner_return - want).abs() < 1e-9,
                "{seed} Q{}: {} vs {want}",
                r.quarter,
                r.kpis.owner_return
            );
        }
        // Every change of cash is still the sum of its named terms.
        for r in &paid {
            let before = if r.quarter == 1 {
                rules.start.get(Stock::Cash)
            } else {
                paid[r.quarter as usize - 2].stocks.get(Stock::Cash)
            };
            let terms: f64 = r
                .ledger
                .terms
                .iter()
                .filter(|t| t.stock == Stock::Cash)
                .map(|t| t.value)
                .sum();
            let change = r.stocks.get(Stock::Cash) - before;
            assert!((terms - change).abs() < 1e-6, "{seed} Q{}", r.quarter);
        }
    }
}

#[test]
fn the_score_counts_the_owners_return_at_its_weight() {
    let rules = Arc::new(world());
    let weight = rules
        .scoring
        .weights
        .iter()
        .find(|(k, _)| k.key() == "owner_return")
        .map(|(_, w)| *w)
        .expect("the reference scoring weighs the owners' return");
    let mut unweighed = (*rules).clone();
    unweighed
        .scoring
        .weights
        .retain(|(k, _)| k.key() != "owner_return");
    let unweighed = Arc::new(unweighed);
    let plan = |q| with_payout(q, &[(2, 300.0), (3, 300.0)]);
    let paid = play(&rules, 5, plan);
    let same = play(&unweighed, 5, plan);
    for (a, b) in paid.iter().zip(&same) {
        let gap = a.kpis.score - b.kpis.score;
        assert!(
            (gap - weight * a.kpis.owner_return).abs() < 1e-9,
            "Q{}: {gap}",
            a.quarter
        );
    }
    assert!(paid.last().unwrap().kpis.owner_return > 0.0);
    // A game that pays nothing out has no owners' return.
    let plain = play(&rules, 5, balanced);
    assert!(
        plain
            .iter()
            .all(|r| r.kpis.owner_return == 0.0 && r.kpis.payout == 0.0)
    );
}

#[test]
fn the_board_likes_a_rising_payout_and_expects_it_again() {
    let rules = Arc::new(world());
    for seed in 1..=20 {
        let h = play(&rules, seed, |q| {
            with_payout(q, &[(3, 200.0), (4, 200.0), (5, 200.0), (6, 0.0)])
        });
        let raised = board_term(&h[2], &rules);
        assert!(raised > 0.0, "{seed}: raising the payout pleases the board");
        // The same payout again is no news at all.
        assert_eq!(board_term(&h[3], &rules), 0.0, "{seed}");
        assert_eq!(board_term(&h[4], &rules), 0.0, "{seed}");
        // Cutting it is.
        assert!(board_term(&h[5], &rules) < 0.0, "{seed}");
        // No payout ever: no such term at all.
        let plain = play(&rules, seed, balanced);
        assert!(plain.iter().all(|r| board_term(r, &rules) == 0.0));
    }
}

#[test]
fn only_cash_held_can_be_paid_out() {
    let rules = Arc::new(world());
    let mut game = Game::new(Arc::clone(&rules), 1);
    let cash = game.state().get(Stock::Cash);
    let too_much = Decisions {
        payout: cash + 1.0,
        ..Decisions::default()
    };
    match game.advance(&too_much) {
        Err(DecisionError::PayoutOverCash { available, .. }) => {
            assert_eq!(available, cash);
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    for bad in [-1.0, f64::NAN, f64::INFINITY] {
        let d = Decisions {
            payout: bad,
            ..Decisions::default()
        };
        assert!(
            matches!(
                game.advance(&d),
                Err(DecisionError::BadAmount {
                    lever: "payout",
                    ..
                })
            ),
            "{bad}"
        );
    }
    // Nothing was played by the refusals; all of the cash can go.
    assert_eq!(game.state().quarter, 0);
    let all = Decisions {
        payout: cash,
        ..Decisions::default()
    };
    assert!(game.advance(&all).is_ok());
}

#[test]
fn a_plan_pays_out_and_the_lab_cuts_a_payout_to_the_cash_held() {
    let rules = Arc::new(world());
    let plan = culturesim::plan::parse(
        "[default]\nvision = 25\ninsight = 60\nskills = 60\n[quarter.2]\npayout = 400\n[quarter.3]\npayout = 1e6\n",
    )
    .unwrap();
    assert_eq!(plan.decisions(2).payout, 400.0);
    assert_eq!(plan.decisions(4).payout, 0.0);
    // Played as written, quarter 3 asks for more than there is.
    let strict = culturesim::plan::play(Arc::clone(&rules), 3, &plan, "p.toml");
    assert!(strict.is_err());
    // Fitted, as the lab plays it: at most the cash held, never taking
    // cash below the credit line, and the quarter is played.
    let mut game = Game::new(Arc::clone(&rules), 3);
    for q in 1..=3 {
        let d = culturesim::plan::fit(plan.decisions(q), &rules, game.state());
        if q == 3 {
            let held = game.state().get(Stock::Cash);
            assert!(d.payout > 0.0 && d.payout <= held, "{}", d.payout);
            assert!(d.cash_check(&rules, game.state()).is_ok());
        }
        game.advance(&d).unwrap();
    }
    assert!(game.state().get(Stock::Cash) >= rules.credit_line);
}

#[test]
fn the_why_of_profit_leaves_the_payout_out_and_the_why_of_cash_keeps_it() {
    use culturesim::analysis::explain::terms;
    use culturesim::analysis::metric::Metric;
    let rules = Arc::new(world());
    let h = play(&rules, 9, |q| with_payout(q, &[(2, 250.0), (4, 400.0)]));
    for r in &h {
        let profit: f64 = terms(Metric::Profit, &rules, r).iter().map(|p| p.1).sum();
        assert!(
            (profit - r.kpis.profit).abs() < 1e-6,
            "Q{}: {profit} vs {}",
            r.quarter,
            r.kpis.profit
        );
        let cash = terms(Metric::Cash, &rules, r);
        let paid: f64 = cash
            .iter()
            .filter(|p| p.0 == culturesim::sim::PAYOUT_TERM)
            .map(|p| p.1)
            .sum();
        assert_eq!(paid, -r.kpis.payout, "Q{}", r.quarter);
    }
}

//! The shared market's model: one firm alone is the solo game, bit for
//! bit; the shares of all firms sum to the whole market; the people who
//! move between firms are neither created nor lost; the same decisions
//! give the same bits.
#![allow(clippy::panic)] // a failure here is a failed test

mod common;

use common::*;
use culturesim::sim::{
    Cause, DRAWN_BY_RIVALS, DRAWN_FROM_RIVALS, Decisions, LOST_TO_RIVALS, Market, QuarterReport,
    Rules, Stock, WON_FROM_RIVALS, market_shares,
};
use proptest::prelude::*;
use std::sync::Arc;

type PlanFn = fn(u32) -> Decisions;
const PLANS: [PlanFn; 5] = [do_nothing, balanced, all_at_once, sequenced, cost_cutter];

/// Plays a market to its end with one plan per firm; every report, by firm.
fn play_market(rules: &Rules, seed: u64, plans: &[PlanFn]) -> Vec<Vec<QuarterReport>> {
    let Ok(mut market) = Market::new(rules, seed, plans.len()) else {
        panic!("{} firms", plans.len())
    };
    let mut out = vec![Vec::new(); plans.len()];
    while !market.is_over(rules) {
        let q = market.quarter() + 1;
        let decisions: Vec<Decisions> = plans.iter().map(|p| p(q)).collect();
        let reports = match market.advance(rules, &decisions) {
            Ok(r) => r,
            Err(e) => panic!("quarter {q}: {e}"),
        };
        for (i, r) in reports.into_iter().enumerate() {
            out[i].extend(r);
        }
    }
    out
}

fn json(history: &[QuarterReport]) -> String {
    serde_json::to_string(history).unwrap_or_default()
}

#[test]
fn one_firm_is_the_solo_game_bit_for_bit() {
    let world = Arc::new(world());
    for seed in [1, 7, 42] {
        for plan in PLANS {
            let solo = play(&world, seed, plan);
            let market = play_market(&world, seed, &[plan]);
            assert_eq!(json(&market[0]), json(&solo), "seed {seed}");
        }
    }
}

#[test]
fn one_firm_is_the_solo_game_in_every_shipped_scenario() {
    for scenario in culturesim::scenario::shipped() {
        let rules = scenario.rules.clone();
        for name in ["do-nothing", "balanced", "all-at-once", "cost-cutter"] {
            let Some(plan) = culturesim::plan::Plan::reference(name, &rules) else {
                continue;
            };
            let Ok(solo) = culturesim::plan::play(rules.clone(), scenario.seed, &plan, name) else {
                continue;
            };
            let Ok(mut market) = Market::new(&rules, scenario.seed, 1) else {
                panic!("one firm")
            };
            let mut history = Vec::new();
            while !market.is_over(&rules) {
                let q = market.quarter() + 1;
                let d = plan.decisions_for(q, &rules, &market.firms()[0]);
                match market.advance(&rules, &[d]) {
                    Ok(mut r) => history.extend(r.remove(0)),
                    Err(e) => panic!("{} {name} quarter {q}: {e}", scenario.id),
                }
            }
            assert_eq!(
                json(&history),
                json(solo.history()),
                "{} {name}",
                scenario.id
            );
        }
    }
}

fn term(report: &QuarterReport, stock: Stock, name: &'static str) -> f64 {
    report
        .ledger
        .for_stock(stock)
        .filter(|t| t.cause == Cause::Model(name))
        .map(|t| t.value)
        .sum()
}

#[test]
fn rivals_compete_and_every_move_has_a_named_term() {
    let rules = world();
    let plans: [PlanFn; 3] = [do_nothing, balanced, all_at_once];
    let firms = play_market(&rules, 7, &plans);
    let won: f64 = firms
        .iter()
        .flatten()
        .map(|r| term(r, Stock::Regular, WON_FROM_RIVALS))
        .sum();
    assert!(won > 0.0, "customers switch between firms");
    // The firm with the best experience wins more leavers than it loses.
    let net = |i: usize| -> f64 {
        firms[i]
            .iter()
            .map(|r| {
                term(r, Stock::Regular, WON_FROM_RIVALS) + term(r, Stock::Prospects, LOST_TO_RIVALS)
            })
            .sum()
    };
    assert!(
        net(1) > net(0),
        "balanced {} vs do-nothing {}",
        net(1),
        net(0)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever the firms do, market shares sum to the whole market, and
    /// every firm's ledger sums to its change, and the market only moves people: prospects drawn by one firm are drawn
    /// from the others, customers won from rivals were lost by rivals.
    #[test]
    fn shares_sum_to_the_whole_and_moves_balance(
        seed in 0u64..1000,
        picks in proptest::collection::vec(0usize..5, 2..=6),
    ) {
        let rules = world();
        let plans: Vec<PlanFn> = picks.iter().map(|k| PLANS[*k]).collect();
        let Ok(mut market) = Market::new(&rules, seed, plans.len()) else {
            panic!("firms")
        };
        while !market.is_over(&rules) {
            let q = market.quarter() + 1;
            let decisions: Vec<Decisions> = plans.iter().map(|p| p(q)).collect();
            let before: Vec<_> = market.firms().iter().map(|f| f.stocks.clone()).collect();
            let Ok(reports) = market.advance(&rules, &decisions) else {
                panic!("quarter {q}")
            };
            // Each firm's why ledger, market terms included, sums to its change.
            for (r, old) in reports.iter().zip(&before) {
                let Some(r) = r else { continue };
                for stock in Stock::ALL {
                    let (a, b) = (old.get(stock), r.stocks.get(stock));
                    let sum = r.ledger.total(stock);
                    prop_assert!((b - a - sum).abs() <= 1e-9 * (1.0 + a.abs() + b.abs()), "Q{q} {stock:?}: change {} but terms {sum}", b - a);
                    prop_assert!(b.is_finite() && (stock == Stock::Cash || b >= 0.0), "Q{q} {stock:?} = {b}");
                }
            }
            let shares = market_shares(market.firms());
            let sum: f64 = shares.iter().sum();
            prop_assert!((sum - 1.0).abs() < 1e-12, "shares sum to {sum}");
            prop_assert!(shares.iter().all(|s| (0.0..=1.0).contains(s)));
            let all = |stock: Stock, name: &'static str| -> f64 {
                reports.iter().flatten().map(|r| term(r, stock, name)).sum()
            };
            let drawn = all(Stock::Prospects, DRAWN_FROM_RIVALS) + all(Stock::Prospects, DRAWN_BY_RIVALS);
            prop_assert!(drawn.abs() < 1e-6, "prospects created: {drawn}");
            let moved = all(Stock::Regular, WON_FROM_RIVALS) + all(Stock::Prospects, LOST_TO_RIVALS);
            prop_assert!(moved.abs() < 1e-6, "customers created: {moved}");
        }
    }

    /// The order of the firms does not matter: the same decisions in
    /// another order give the same figures to each firm (up to rounding).
    #[test]
    fn a_firm_fares_the_same_whatever_its_place(seed in 0u64..1000, picks in proptest::collection::vec(0usize..5, 2..=5)) {
        let rules = world();
        let plans: Vec<PlanFn> = picks.iter().map(|k| PLANS[*k]).collect();
        let mut reversed = plans.clone();
        reversed.reverse();
        let a = play_market(&rules, seed, &plans);
        let b = play_market(&rules, seed, &reversed);
        let n = plans.len();
        for i in 0..n {
            for (x, y) in a[i].iter().zip(&b[n - 1 - i]) {
                for stock in Stock::ALL {
                    let (u, v) = (x.stocks.get(stock), y.stocks.get(stock));
                    prop_assert!((u - v).abs() <= 1e-9 * (1.0 + u.abs()), "firm {i} Q{} {stock:?}: {u} vs {v}", x.quarter);
                }
            }
        }
    }

    /// Whatever the seed and the decisions, one firm alone is the solo game.
    #[test]
    fn one_firm_is_solo_whatever_it_does(
        seed in 0u64..10_000,
        levers in proptest::collection::vec((0.0..120.0f64, 0.0..120.0f64, 0.0..120.0f64, 0.0..150.0f64), 1..24),
    ) {
        let rules = Arc::new(world());
        let pick = |q: u32| {
            let (vision, insight, skills, marketing) = levers[(q as usize - 1) % levers.len()];
            Decisions { vision, insight, skills, marketing, ..Decisions::default() }
        };
        let solo = play(&rules, seed, pick);
        let Ok(mut market) = Market::new(&rules, seed, 1) else { panic!("one firm") };
        let mut mine = Vec::new();
        while !market.is_over(&rules) {
            let q = market.quarter() + 1;
            let Ok(mut r) = market.advance(&rules, &[pick(q)]) else { panic!("quarter {q}") };
            mine.extend(r.remove(0));
        }
        prop_assert_eq!(json(&mine), json(&solo));
    }

    /// The same scenario, seed and decisions give the same bits.
    #[test]
    fn markets_are_deterministic(seed in 0u64..1000, picks in proptest::collection::vec(0usize..5, 2..=4)) {
        let rules = world();
        let plans: Vec<PlanFn> = picks.iter().map(|k| PLANS[*k]).collect();
        let a = play_market(&rules, seed, &plans);
        let b = play_market(&rules, seed, &plans);
        for (x, y) in a.iter().zip(&b) {
            prop_assert_eq!(json(x), json(y));
        }
    }
}

//! Effect stacking is bounded (issue 9, H1/L1): however many effects a
//! scenario stacks, with whatever values its checker allows — or tiny
//! subnormal multipliers — every stock, driver-scaled flow, KPI and ledger
//! term stays finite and in range, and every ledger still sums to its change.

use culturesim::sim::{
    Decisions, Driver, Effect, EventDef, Game, Op, Rules, Stock, StockKind, Target, Trigger,
};
use proptest::prelude::*;
use std::sync::Arc;

/// An effect value at the extremes the format allows, or past them toward
/// zero (subnormal multipliers).
fn value(op: Op) -> BoxedStrategy<f64> {
    match op {
        Op::Multiply => prop_oneof![
            Just(0.0),
            Just(1e-310),
            Just(f64::MIN_POSITIVE),
            Just(10.0),
            0.0..=10.0f64,
        ]
        .boxed(),
        Op::Add => prop_oneof![Just(-1.0e7), Just(1.0e7), Just(1e-310), -1.0e7..=1.0e7f64].boxed(),
    }
}

fn effect() -> impl Strategy<Value = Effect> {
    let targets: Vec<Target> = Stock::ALL
        .iter()
        .map(|s| Target::Stock(*s))
        .chain(Driver::ALL.iter().map(|d| Target::Driver(*d)))
        .collect();
    (
        prop::sample::select(targets),
        prop_oneof![Just(Op::Add), Just(Op::Multiply)],
        0u32..3,
        prop::option::of(prop::sample::select(vec![Stock::Culture, Stock::Skills])),
    )
        .prop_flat_map(|(target, op, delay, scale_by)| {
            value(op).prop_map(move |v| {
                let mut e = Effect::new(target, op, v, 20);
                e.delay = delay;
                e.scale_by = scale_by;
                e
            })
        })
}

/// Up to 16 events that fire every quarter, each with up to 20 effects.
fn stacked() -> impl Strategy<Value = Vec<Vec<Effect>>> {
    prop::collection::vec(prop::collection::vec(effect(), 1..=20), 1..=16)
}

fn rules_with(events: Vec<Vec<Effect>>) -> Rules {
    Rules {
        events: events
            .into_iter()
            .enumerate()
            .map(|(i, effects)| EventDef {
                id: format!("e{i}"),
                title: String::new(),
                text: String::new(),
                trigger: Trigger {
                    chance: 1.0,
                    max_times: 80,
                    ..Trigger::default()
                },
                effects,
            })
            .collect(),
        ..Rules::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn stacked_extreme_effects_stay_finite_and_bounded(seed in any::<u64>(), events in stacked()) {
        let rules = Arc::new(rules_with(events));
        let mut game = Game::new(Arc::clone(&rules), seed);
        let d = Decisions { vision: 30.0, insight: 60.0, skills: 60.0, marketing: 40.0, ..Decisions::default() };
        let mut prev = rules.start.clone();
        while !game.is_over() {
            let r = game.advance(&d).map_err(|e| TestCaseError::fail(e.to_string()))?.clone();
            for stock in Stock::ALL {
                let v = r.stocks.get(stock);
                let (lo, hi) = stock.bounds();
                prop_assert!(v.is_finite() && (lo..=hi).contains(&v), "Q{} {stock:?} = {v}", r.quarter);
                if stock.kind() == StockKind::Index {
                    prop_assert!((0.0..=100.0).contains(&v));
                }
                let change = v - prev.get(stock);
                let sum = r.ledger.total(stock);
                // Rounding grows with the size of the terms, not of the
                // change: terms of ±1e7 that cancel to a few customers
                // leave a few 1e-6 of error.
                let magnitude: f64 = r.ledger.for_stock(stock).map(|t| t.value.abs()).sum();
                let tolerance = 1e-6 * (1.0 + prev.get(stock).abs() + v.abs()) + 1e-10 * magnitude;
                prop_assert!((change - sum).abs() <= tolerance, "Q{} {stock:?}: change {change}, terms {sum}", r.quarter);
            }
            for term in &r.ledger.terms {
                prop_assert!(term.value.is_finite(), "Q{} {:?} = {}", r.quarter, term.cause, term.value);
            }
            let k = &r.kpis;
            for (name, v) in [
                ("revenue", k.revenue), ("cost to serve", k.cost_to_serve), ("fixed", k.fixed_costs),
                ("profit", k.profit), ("cumulative", k.cumulative_profit), ("expected", k.expected_profit),
                ("churn", k.churn), ("nps", k.nps), ("customers", k.customers), ("acquired", k.acquired),
                ("equity", k.customer_equity), ("lasting culture", k.lasting_culture), ("load", k.load),
                ("score", k.score), ("reported nps", r.reported.nps), ("noise", r.reported.noise),
            ] {
                prop_assert!(v.is_finite(), "Q{} {name} = {v}", r.quarter);
            }
            prev = r.stocks.clone();
        }
    }
}

//! Properties of the model over random seeds and decisions: every index in
//! range, no NaN, every ledger sums to its change, refused decisions change
//! nothing, and the same inputs give the same bits.

mod common;

use common::world;
use culturesim::sim::{Decisions, Game, QuarterReport, Rules, Stock, StockKind};
use proptest::prelude::*;
use std::sync::Arc;

/// Up to 20 quarters of decisions, some of them over the budget.
fn decisions() -> impl Strategy<Value = Vec<(f64, f64, f64, f64, bool)>> {
    prop::collection::vec(
        (
            0.0..300.0f64,
            0.0..300.0f64,
            0.0..300.0f64,
            0.0..200.0f64,
            any::<bool>(),
        ),
        1..=20,
    )
}

fn play(rules: &Arc<Rules>, seed: u64, plan: &[(f64, f64, f64, f64, bool)]) -> (Game, usize) {
    let mut game = Game::new(Arc::clone(rules), seed);
    let mut refused = 0;
    for (v, i, s, m, cut) in plan {
        if game.is_over() {
            break;
        }
        let d = Decisions {
            vision: *v,
            insight: *i,
            skills: *s,
            marketing: *m,
            initiatives: if *cut && game.state().cooldowns[0] == 0 {
                vec!["cost_cutting".into()]
            } else {
                vec![]
            },
            ..Decisions::default()
        };
        let before = game.state().clone();
        if game.advance(&d).is_err() {
            refused += 1;
            assert_eq!(
                game.state(),
                &before,
                "a refused decision changed the state"
            );
        }
    }
    (game, refused)
}

fn check_report(prev: &culturesim::sim::Stocks, r: &QuarterReport) -> Result<(), TestCaseError> {
    for stock in Stock::ALL {
        let v = r.stocks.get(stock);
        prop_assert!(v.is_finite(), "Q{} {stock:?} = {v}", r.quarter);
        match stock.kind() {
            StockKind::Index => {
                prop_assert!((0.0..=100.0).contains(&v), "Q{} {stock:?} = {v}", r.quarter)
            }
            StockKind::Count => prop_assert!(v >= 0.0, "Q{} {stock:?} = {v}", r.quarter),
            StockKind::Money => {}
        }
        let change = v - prev.get(stock);
        let sum = r.ledger.total(stock);
        let tolerance = 1e-9 * (1.0 + prev.get(stock).abs() + v.abs());
        prop_assert!(
            (change - sum).abs() <= tolerance,
            "Q{} {stock:?}: change {change} but terms sum to {sum}",
            r.quarter
        );
    }
    for term in &r.ledger.terms {
        prop_assert!(term.value.is_finite());
    }
    let k = &r.kpis;
    for (name, v) in [
        ("revenue", k.revenue),
        ("profit", k.profit),
        ("cumulative", k.cumulative_profit),
        ("churn", k.churn),
        ("nps", k.nps),
        ("equity", k.customer_equity),
        ("score", k.score),
        ("reported advocates", r.reported.advocates),
        ("reported nps", r.reported.nps),
    ] {
        prop_assert!(v.is_finite(), "Q{} {name} = {v}", r.quarter);
    }
    prop_assert!((-100.0..=100.0).contains(&k.nps));
    prop_assert!((0.0..=1.0).contains(&k.churn));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_quarter_stays_in_range_and_explains_itself(seed in any::<u64>(), plan in decisions()) {
        let rules = Arc::new(world());
        let (game, _) = play(&rules, seed, &plan);
        let mut prev = rules.start.clone();
        for r in game.history() {
            check_report(&prev, r)?;
            prev = r.stocks.clone();
        }
    }

    #[test]
    fn the_same_inputs_give_the_same_bits(seed in any::<u64>(), plan in decisions()) {
        let rules = Arc::new(world());
        let (a, ra) = play(&rules, seed, &plan);
        let (b, rb) = play(&rules, seed, &plan);
        prop_assert_eq!(ra, rb);
        prop_assert_eq!(a.state(), b.state());
        let bits = |g: &Game| serde_json::to_string(g.history()).unwrap_or_default();
        prop_assert_eq!(bits(&a), bits(&b));
    }

    #[test]
    fn extreme_parameters_never_break_the_bounds(
        seed in any::<u64>(),
        plan in decisions(),
        picks in prop::collection::vec(
            // The ends of each range as well as points inside it.
            (0usize..64, prop_oneof![Just(0.0), Just(1.0), 0.0..=1.0f64]),
            0..12,
        ),
    ) {
        // Any parameter anywhere in its allowed range.
        let mut rules = world();
        let specs = culturesim::sim::ModelParams::SPECS;
        for (i, t) in picks {
            let spec = &specs[i % specs.len()];
            rules.params.set(spec.name, spec.min + t * (spec.max - spec.min));
        }
        let rules = Arc::new(rules);
        let (game, _) = play(&rules, seed, &plan);
        let mut prev = rules.start.clone();
        for r in game.history() {
            check_report(&prev, r)?;
            prev = r.stocks.clone();
        }
    }
}

//! The quiet quarter of the lab and the plan search (`advance_quiet`)
//! leaves the state bit-identical to the recording one (`advance`), on
//! every shipped scenario, for plans that start initiatives and answer
//! dilemmas; only the record (ledger, news, measured figures, checksum) is left out.

use culturesim::lab::RandomPlan;
use culturesim::sim::{State, advance, advance_quiet};

#[test]
fn states_are_bit_identical_with_and_without_the_ledger() {
    let mut quarters = 0;
    for (path, scenario) in culturesim::scenario::check_shipped() {
        let Ok(scenario) = scenario else {
            panic!("{path} does not load");
        };
        let rules = &scenario.rules;
        for index in 0..12u64 {
            let seed = scenario.seed.wrapping_add(index);
            let mut loud = State::new(rules, seed);
            let mut quiet = loud.clone();
            let mut plan = RandomPlan::new(index, rules);
            while !loud.is_over(rules) {
                let d = plan.decide(rules, &loud);
                let a = advance(rules, &mut loud, &d);
                let b = advance_quiet(rules, &mut quiet, &d);
                let (Ok(a), Ok(b)) = (a, b) else {
                    panic!("{}: a fitted plan was refused", scenario.id);
                };
                assert_eq!(loud, quiet, "{} seed {seed} Q{}", scenario.id, a.quarter);
                assert_eq!(a.kpis, b.kpis);
                assert_eq!(a.stocks, b.stocks);
                assert_eq!(a.outcome, b.outcome);
                assert!(b.ledger.terms.is_empty() && b.news.is_empty());
                // Bits, not just values: -0.0 and NaN would slip past ==.
                for (x, y) in a.stocks.0.iter().zip(&b.stocks.0) {
                    assert_eq!(x.to_bits(), y.to_bits());
                }
                assert_eq!(a.kpis.score.to_bits(), b.kpis.score.to_bits());
                quarters += 1;
            }
        }
    }
    assert!(quarters > 1000, "{quarters} quarters compared");
}

/// The lab's own quarters (fitted decisions checked once, figures without
/// a report) give the figures the recording game gives, quarter by quarter.
#[test]
fn the_lab_plays_the_quarters_the_game_plays() {
    use culturesim::lab::{Trajectory, play};
    let mut games = 0;
    for (path, scenario) in culturesim::scenario::check_shipped() {
        let Ok(scenario) = scenario else {
            panic!("{path} does not load");
        };
        let rules = &scenario.rules;
        for index in 0..6u64 {
            let seed = scenario.seed.wrapping_add(index);
            let mut plan = RandomPlan::new(index, rules);
            let lab = play::trajectory(rules, seed, |_, s| plan.decide(rules, s));
            let mut plan = RandomPlan::new(index, rules);
            let mut state = State::new(rules, seed);
            let mut reports = Vec::new();
            while !state.is_over(rules) {
                let d = plan.decide(rules, &state);
                let Ok(r) = advance(rules, &mut state, &d) else {
                    panic!("{}: a fitted plan was refused", scenario.id);
                };
                reports.push(r);
            }
            let game = Trajectory::from_reports(&reports, rules.quarters);
            assert_eq!(lab, game, "{} seed {seed}", scenario.id);
            games += 1;
        }
    }
    assert!(games > 10, "{games} games compared");
}

//! The benchmarks a game is measured against, on the same scenario and
//! seed: doing nothing, the balanced plan, and the best plan known for the
//! scenario. The balance lab's plan search is not part of this crate yet,
//! so "best" is the best of the lab's reference plans and the scenario's
//! own plans on this seed — and every output says so ([`BEST_NOTE`]).

use super::{REF_BALANCED, REF_DO_NOTHING};
use crate::plan::{self, Plan, REFERENCE_PLANS};
use crate::scenario::Scenario;
use crate::sim::QuarterReport;

/// What the "best found" benchmark is, for the reader.
pub const BEST_NOTE: &str = "best found = the best of the balance lab's reference plans and the scenario's own plans on this seed (the lab's plan search is not available yet)";

/// One benchmark plan played to the end.
#[derive(Clone, Debug, PartialEq)]
pub struct Benchmark {
    /// The plan's name, e.g. "balanced" or the scenario plan's id.
    pub name: String,
    pub history: Vec<QuarterReport>,
}

impl Benchmark {
    /// The final score (0 if the plan could not play a quarter).
    pub fn score(&self) -> f64 {
        self.history.last().map_or(0.0, |r| r.kpis.score)
    }
}

/// Do nothing, balanced, and the best plan found, on one seed.
#[derive(Clone, Debug, PartialEq)]
pub struct Benchmarks {
    pub seed: u64,
    pub do_nothing: Benchmark,
    pub balanced: Benchmark,
    /// The best-scoring plan found (see [`BEST_NOTE`]).
    pub best: Benchmark,
}

impl Benchmarks {
    /// The three in the order tables show them.
    pub fn all(&self) -> [&Benchmark; 3] {
        [&self.do_nothing, &self.balanced, &self.best]
    }
}

/// Plays a plan; a plan the scenario refuses ends where it was refused.
fn play(scenario: &Scenario, seed: u64, name: &str, plan: &Plan) -> Benchmark {
    let history = match plan::play(scenario.rules.clone(), seed, plan, name) {
        Ok(game) => game.history().to_vec(),
        Err(_) => {
            let mut game = crate::sim::Game::new(scenario.rules.clone(), seed);
            let rules = scenario.rules.clone();
            let _ = game.play_out(|q, s| plan.decisions_for(q, &rules, s));
            game.history().to_vec()
        }
    };
    Benchmark {
        name: name.to_string(),
        history,
    }
}

/// The benchmarks of `scenario` on `seed`.
pub fn benchmarks(scenario: &Scenario, seed: u64) -> Benchmarks {
    let rules = &scenario.rules;
    let do_nothing = play(scenario, seed, REF_DO_NOTHING, &Plan::do_nothing());
    let balanced = play(scenario, seed, REF_BALANCED, &Plan::balanced(rules));
    let mut best = balanced.clone();
    let candidates = REFERENCE_PLANS
        .iter()
        .filter_map(|name| Plan::reference(name, rules).map(|p| (name.to_string(), p)))
        .chain(
            scenario
                .plans
                .iter()
                .map(|p| (p.id.clone(), p.plan.clone())),
        );
    for (name, plan) in candidates {
        let b = play(scenario, seed, &name, &plan);
        // Ties keep the earlier plan, so the choice never depends on order
        // beyond the fixed list.
        if b.score() > best.score() {
            best = b;
        }
    }
    Benchmarks {
        seed,
        do_nothing,
        balanced,
        best,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_found_is_at_least_balanced() {
        let scenario = Scenario::reference();
        let b = benchmarks(&scenario, 3);
        assert_eq!(b.do_nothing.history.len(), 20);
        assert_eq!(b.balanced.name, "balanced");
        assert!(b.best.score() >= b.balanced.score());
        assert!(b.best.score() >= b.do_nothing.score() || b.best.name == "balanced");
    }
}

//! How fast the model runs: one full game of 20 quarters, and 10,000 games
//! (the scale of a balance lab), on the shipped default scenario (events,
//! dilemmas, initiatives) and on the bare reference organization, with the
//! why ledger (as the game plays) and without it (as the lab and the plan
//! search play). Goal: at least 3 million simulated quarters per second on
//! one core. Run with `cargo bench --bench simulate`.
//!
//! Instructions per quarter, for `valgrind --tool=callgrind`: with
//! `SIMULATE_GAMES=N` set the binary only plays N electronics games of the
//! balanced plan (`SIMULATE_LEDGER=0`: without the ledger) and exits;
//! the difference between two runs (say N = 200 and N = 2200) divided by
//! 2000 × 20 quarters is the cost of one quarter.
//!
//! ```sh
//! cargo bench --bench simulate --no-run   # prints the binary's path
//! SIMULATE_GAMES=200 valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/deps/simulate-HASH
//! ```

use criterion::{Criterion, Throughput};
use culturesim::plan::Plan;
use culturesim::sim::{Game, Rules};
use std::hint::black_box;
use std::sync::Arc;

fn full_game(rules: &Arc<Rules>, plan: &Plan, seed: u64) -> f64 {
    let mut game = Game::new(Arc::clone(rules), seed);
    let _ = game.play_out(|q, _| plan.decisions(q));
    game.last().map_or(0.0, |r| r.kpis.score)
}

/// A game as the lab plays it: no history, no ledger.
fn quiet_game(rules: &Rules, plan: &Plan, seed: u64) -> f64 {
    culturesim::lab::play::play(rules, seed, |q, _| plan.decisions(q)).score
}

fn electronics() -> Rules {
    culturesim::scenario::load("electronics")
        .map(|s| (*s.rules).clone())
        .unwrap_or_default()
}

fn bench(c: &mut Criterion) {
    group(c, "simulate electronics", Arc::new(electronics()));
    group(c, "simulate reference", Arc::new(Rules::default()));
}

fn group(c: &mut Criterion, name: &str, rules: Arc<Rules>) {
    let plan = Plan::balanced(&rules);
    let quarters = u64::from(rules.quarters);

    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(quarters));
    group.bench_function("one game (quarters/s)", |b| {
        b.iter(|| full_game(&rules, &plan, black_box(7)))
    });
    group.bench_function("one game without the ledger (quarters/s)", |b| {
        b.iter(|| quiet_game(&rules, &plan, black_box(7)))
    });
    group.sample_size(10);
    group.throughput(Throughput::Elements(quarters * 10_000));
    group.bench_function("10,000 games (quarters/s)", |b| {
        b.iter(|| {
            (0..10_000u64)
                .map(|seed| full_game(&rules, &plan, seed))
                .sum::<f64>()
        })
    });
    group.bench_function("10,000 games without the ledger (quarters/s)", |b| {
        b.iter(|| {
            (0..10_000u64)
                .map(|seed| quiet_game(&rules, &plan, seed))
                .sum::<f64>()
        })
    });
    group.finish();
}

fn main() {
    if let Some(n) = std::env::var("SIMULATE_GAMES")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        let rules = Arc::new(electronics());
        let plan = Plan::balanced(&rules);
        let ledger = std::env::var("SIMULATE_LEDGER").map_or(true, |v| v != "0");
        let total: f64 = (0..n)
            .map(|seed| {
                if ledger {
                    full_game(&rules, &plan, seed)
                } else {
                    quiet_game(&rules, &plan, seed)
                }
            })
            .sum();
        println!("{n} games, mean score {:.3}", total / n.max(1) as f64);
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}

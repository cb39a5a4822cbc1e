//! How fast the model runs: one full game of 20 quarters, and 10,000 games
//! (the scale of a balance lab), on the shipped default scenario (events,
//! dilemmas, initiatives) and on the bare reference organization. Goal: at
//! least a million simulated quarters per second on one core. Run with
//! `cargo bench --bench simulate`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use culturesim::plan::Plan;
use culturesim::sim::{Game, Rules};
use std::hint::black_box;
use std::sync::Arc;

fn full_game(rules: &Arc<Rules>, plan: &Plan, seed: u64) -> f64 {
    let mut game = Game::new(Arc::clone(rules), seed);
    let _ = game.play_out(|q, _| plan.decisions(q));
    game.last().map_or(0.0, |r| r.kpis.score)
}

fn bench(c: &mut Criterion) {
    let electronics = culturesim::scenario::load("electronics")
        .map(|s| (*s.rules).clone())
        .unwrap_or_default();
    group(c, "simulate electronics", Arc::new(electronics));
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
    group.sample_size(10);
    group.throughput(Throughput::Elements(quarters * 10_000));
    group.bench_function("10,000 games (quarters/s)", |b| {
        b.iter(|| {
            (0..10_000u64)
                .map(|seed| full_game(&rules, &plan, seed))
                .sum::<f64>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

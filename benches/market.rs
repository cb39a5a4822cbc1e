//! How fast a shared market runs: a whole market of the shipped market
//! scenario for 6 firms (the model), and replaying a resolved 6-team
//! folder of 12 rounds, which every market command does first. Run with
//! `cargo bench --bench market`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use culturesim::plan::Plan;
use culturesim::sim::{Decisions, Market, Rules};
use std::hint::black_box;
use std::path::Path;

fn whole_market(rules: &Rules, plans: &[Plan], seed: u64) -> f64 {
    let Ok(mut market) = Market::new(rules, seed, plans.len()) else {
        return 0.0;
    };
    while !market.is_over(rules) {
        let q = market.quarter() + 1;
        let d: Vec<Decisions> = plans
            .iter()
            .zip(market.firms())
            .map(|(p, f)| p.decisions_for(q, rules, f))
            .collect();
        if market.advance(rules, &d).is_err() {
            break;
        }
    }
    market.firms().iter().map(|f| f.cumulative_profit).sum()
}

fn bench(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/market.toml");
    let Ok(sc) = culturesim::scenario::load_file(&path) else {
        return;
    };
    let rules = (*sc.rules).clone();
    let plans: Vec<Plan> = [
        "balanced",
        "do-nothing",
        "all-at-once",
        "sequenced",
        "cost-cutter",
        "balanced",
    ]
    .iter()
    .filter_map(|n| Plan::reference(n, &rules))
    .collect();
    let mut group = c.benchmark_group("market");
    group.throughput(Throughput::Elements(
        u64::from(rules.quarters) * plans.len() as u64,
    ));
    group.bench_function("6 firms, whole market (firm-quarters/s)", |b| {
        b.iter(|| whole_market(&rules, &plans, black_box(3)))
    });

    // A resolved folder: 6 teams, every round.
    let dir = std::env::temp_dir().join(format!("culturesim-bench-market-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let teams: Vec<String> = ["A", "B", "C", "D", "E", "F"].map(String::from).to_vec();
    if culturesim::market::new_market(&dir, path.to_str().unwrap_or_default(), &teams, None).is_ok()
    {
        for _ in 0..rules.quarters {
            for (t, p) in teams.iter().zip(&plans) {
                let _ = culturesim::market::submit(&dir, t, &p.decisions(1));
            }
            let _ = culturesim::market::resolve(&dir, true);
        }
        group.sample_size(20);
        group.bench_function("replay a resolved 6-team folder", |b| {
            b.iter(|| culturesim::market::replay(black_box(&dir)).map(|r| r.resolved()))
        });
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);

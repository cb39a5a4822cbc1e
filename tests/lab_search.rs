//! The lab's plan search and exploit hunt: the same result on any number
//! of threads, a search that finds better than where it starts, checks
//! that catch an exploit built on purpose, and a best plan written as a
//! plan file that `run --plan` plays.

#![allow(clippy::expect_used)] // test helpers: a failure here is a failed test

use culturesim::lab::{Candidate, HuntConfig, SearchConfig, exploit, hunt, search};
use culturesim::scenario::load;
use std::process::Command;

fn tiny(threads: usize) -> HuntConfig {
    HuntConfig {
        evals: 120,
        single_evals: 24,
        search_seeds: 2,
        seeds: 6,
        answer_plans: 2,
        threads,
    }
}

#[test]
fn the_hunt_is_the_same_on_one_two_or_three_threads() {
    let s = load("electronics").expect("shipped");
    let one = hunt(&s, tiny(1));
    for threads in [2, 3] {
        let mut other = hunt(&s, tiny(threads));
        other.config.threads = 1;
        assert_eq!(one, other, "on {threads} threads");
    }
    assert_eq!(one.found.evals, 120);
}

#[test]
fn the_search_improves_on_its_start_and_respects_the_budget() {
    let s = load("electronics").expect("shipped");
    let rules = &s.rules;
    let seeds = [1, 2];
    let balanced = Candidate::balanced(rules);
    let base = search::evaluate(rules, &seeds, &balanced);
    let found = search(rules, &seeds, &[balanced], SearchConfig::new(300, 2));
    assert!(found.score > base, "{} vs balanced {base}", found.score);
    for q in &found.best.levers {
        assert!(q.iter().sum::<f64>() <= rules.budget + 1e-9);
        assert!(q.iter().all(|x| *x >= 0.0));
    }
    // A search on one lever spends on that lever only.
    let single = exploit::best_single_lever(rules, 1, &seeds, 60, 2);
    assert!(
        single
            .best
            .levers
            .iter()
            .all(|q| q[0] == 0.0 && q[2] == 0.0 && q[3] == 0.0)
    );
}

#[test]
fn harvest_and_marketing_checks_see_what_they_measure() {
    let s = load("electronics").expect("shipped");
    let rules = &s.rules;
    let seeds: Vec<u64> = (0..10).collect();
    // Cutting nothing gains nothing; a share is a share.
    let balanced = Candidate::balanced(rules);
    assert_eq!(exploit::harvest(rules, &balanced, 0, &seeds, 2), 0.0);
    let h = exploit::harvest(rules, &balanced, 2, &seeds, 2);
    assert!((0.0..=1.0).contains(&h));
    let filled = exploit::marketing_filled(rules);
    let shares = exploit::lever_shares(rules, &filled, &seeds, 2);
    assert!(shares[3] > 0.5, "{shares:?}");
    assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    let spam = exploit::initiative_spam(rules, &balanced, &seeds);
    assert!(spam.every != spam.none, "initiatives change the game");
}

#[test]
fn the_best_plan_is_written_as_a_plan_that_run_plays() {
    let dir = std::env::temp_dir().join(format!("culturesim-search-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let plan = dir.join("best.toml");
    let bin = env!("CARGO_BIN_EXE_culturesim");
    let o = Command::new(bin)
        .args([
            "scenario",
            "lab",
            "electronics",
            "--seeds",
            "5",
            "--random",
            "5",
        ])
        .args(["--search", "--evals", "100", "--write-plan"])
        .arg(&plan)
        .output()
        .expect("runs");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Plan search: 100 candidates"), "{out}");
    assert!(out.contains("money per lever: vision"), "{out}");
    let o = Command::new(bin)
        .args(["run", "electronics", "--plan"])
        .arg(&plan)
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let _ = std::fs::remove_dir_all(dir);
}

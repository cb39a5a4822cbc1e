//! The balance lab: the same report on any number of threads, rules that
//! pass and fail for the right reasons, flags for broken balance, and the
//! command's exit codes.

#![allow(clippy::expect_used)] // test helpers: a failure here is a failed test

use culturesim::lab::{Flag, LabConfig, run};
use culturesim::scenario::{Scenario, load, parse};
use std::process::Command;

const HEAD: &str = r#"id = "lab-test"
title = "Lab test"
summary = "A small scenario for the lab's tests"
quarters = 12
"#;

const BRIEFING: &str = "[briefing]\nstory = \"A story.\"\ngoal = \"A goal.\"\n";

/// A scenario: top-level keys, then the briefing, then sections.
fn scenario_with(top: &str, extra: &str) -> Scenario {
    parse(
        format!("{HEAD}{top}{BRIEFING}{extra}").as_bytes(),
        "lab-test.toml",
        "lab-test.toml",
    )
    .map_err(|e| e.to_string())
    .expect("the test scenario loads")
}

fn scenario(extra: &str) -> Scenario {
    scenario_with("budget = 400\n", extra)
}

fn small(threads: usize) -> LabConfig {
    LabConfig {
        seeds: 30,
        // Enough random plans that one of them can beat balanced: under
        // model v3 random answers and initiatives are punished, and only a
        // few in a hundred do, and fewer with the late dilemmas (`scenario
        // lab` plays 2,000).
        random_plans: 1000,
        threads,
        hunt: None,
    }
}

#[test]
fn the_report_is_the_same_on_one_two_or_three_threads() {
    let s = load("electronics").expect("shipped");
    let one = run(&s, small(1));
    assert_eq!(one, run(&s, small(2)));
    assert_eq!(one, run(&s, small(3)));
    assert_eq!(one.plans.len(), 8 + s.plans.len());
    assert_eq!(one.random.len(), 1000);
}

#[test]
fn the_shipped_scenario_passes_its_own_rules() {
    let s = load("electronics").expect("shipped");
    assert!(s.expect.len() >= 5, "the default scenario states its story");
    let report = run(&s, small(2));
    for r in &report.rules {
        assert!(r.passed, "{}: held on {:.0}%", r.rule.text, 100.0 * r.held);
    }
    assert!(report.flags.is_empty(), "{:?}", report.flags);
}

#[test]
fn a_rule_the_story_contradicts_fails() {
    // Doing nothing never beats balanced investment on culture.
    let s = scenario(
        "[[expect]]\nplan = \"do-nothing\"\nversus = \"balanced\"\nmetric = \"culture\"\nshare = 0.5\n\n[[expect]]\nplan = \"balanced\"\nversus = \"do-nothing\"\nmetric = \"culture\"\n",
    );
    let report = run(&s, small(2));
    assert!(!report.rules[0].passed);
    assert_eq!(report.rules[0].held, 0.0);
    assert!(report.rules[1].passed);
    assert!(!report.passed());
}

#[test]
fn a_scenario_where_trying_does_not_pay_is_flagged() {
    // Levers that build nothing: every penny spent is lost.
    let s = scenario("[model]\nvision_gain = 0\ninsight_gain = 0\nskills_gain = 0\n");
    let report = run(&s, small(2));
    assert!(
        report.flags.contains(&Flag::DoNothingWins),
        "{:?}",
        report.flags
    );
}

#[test]
fn a_plan_that_always_ends_in_game_over_is_flagged() {
    // A nervous board and a huge budget: spending a third of it every
    // quarter misses the board's profit expectation by far, quarter after
    // quarter, and the board gives up.
    let s = scenario_with("budget = 2000\n", "[start]\nboard = 20\n");
    let report = run(&s, small(2));
    assert!(
        report.flags.contains(&Flag::AlwaysGameOver {
            plan: "balanced".into()
        }),
        "{:?}",
        report.flags
    );
    assert!(!report.flags.contains(&Flag::AlwaysGameOver {
        plan: "do-nothing".into()
    }));
}

#[test]
fn the_command_exits_1_when_a_rule_fails_and_0_when_all_hold() {
    let dir = std::env::temp_dir().join(format!("culturesim-lab-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("bad.toml");
    std::fs::write(
        &bad,
        format!("{HEAD}budget = 400\n{BRIEFING}[[expect]]\ntext = \"Doing nothing builds the most culture\"\nplan = \"do-nothing\"\nversus = \"balanced\"\nmetric = \"culture\"\n"),
    )
    .expect("write");
    let lab = |file: &str| {
        Command::new(env!("CARGO_BIN_EXE_culturesim"))
            .args(["scenario", "lab", file, "--seeds", "20", "--random", "20"])
            .output()
            .expect("the binary runs")
    };
    let o = lab(bad.to_str().unwrap_or(""));
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains(
            "FAIL Doing nothing builds the most culture — held on 0.0% of seeds (needs 100%)"
        ),
        "{out}"
    );
    assert!(out.contains("Result: 1 of 1 rules failed."), "{out}");
    let o = lab("electronics");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let o = lab("no-such-scenario");
    assert_eq!(o.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(dir);
}

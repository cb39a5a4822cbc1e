//! `culturesim run` end to end: the real binary, real plan files, exact
//! bytes, exit codes and messages.

#![allow(clippy::expect_used)] // test helpers: a failure here is a failed test

use std::path::Path;
use std::process::{Command, Output};

fn culturesim(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_culturesim"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const SCENARIO: &str = "electronics";

#[test]
fn a_csv_run_prints_every_quarter_and_is_byte_identical_twice() {
    let args = [
        "run",
        SCENARIO,
        "--plan",
        "scenarios/plans/balanced.toml",
        "--format",
        "csv",
    ];
    let a = culturesim(&args);
    assert!(a.status.success(), "{}", stderr(&a));
    let b = culturesim(&args);
    assert_eq!(a.stdout, b.stdout, "two runs differ");
    let text = stdout(&a);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("scenario,seed,quarter,"),
        "{}",
        lines[0]
    );
    assert!(
        lines.len() >= 13,
        "expected a header and every quarter, got {} lines",
        lines.len()
    );
    for (i, line) in lines[1..].iter().enumerate() {
        let quarter = line.split(',').nth(2).unwrap_or("");
        assert_eq!(quarter, (i + 1).to_string(), "line {}: {line}", i + 2);
    }
}

#[test]
fn every_shipped_plan_runs_in_every_format() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/plans");
    let mut plans: Vec<_> = std::fs::read_dir(dir)
        .expect("plans folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    plans.sort();
    assert!(plans.len() >= 4);
    for plan in plans {
        for format in ["table", "csv", "json"] {
            let o = culturesim(&[
                "run",
                SCENARIO,
                "--plan",
                plan.to_str().unwrap_or(""),
                "--format",
                format,
            ]);
            assert!(
                o.status.success(),
                "{} {format}: {}",
                plan.display(),
                stderr(&o)
            );
        }
    }
}

#[test]
fn json_carries_the_why_ledger_and_it_sums_to_each_change() {
    let o = culturesim(&[
        "run",
        SCENARIO,
        "--plan",
        "scenarios/plans/balanced.toml",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let quarters = doc["quarters"].as_array().expect("quarters");
    for pair in quarters.windows(2) {
        for stock in ["culture", "engagement", "experience", "cash", "valuable"] {
            let change = pair[1]["stocks"][stock].as_f64().unwrap_or(f64::NAN)
                - pair[0]["stocks"][stock].as_f64().unwrap_or(f64::NAN);
            let terms = pair[1]["why"][stock].as_array().expect("terms");
            assert!(!terms.is_empty(), "{stock} has no terms");
            let sum: f64 = terms.iter().filter_map(|t| t["value"].as_f64()).sum();
            let q = &pair[1]["quarter"];
            assert!(
                (change - sum).abs() < 1e-6,
                "Q{q} {stock}: change {change} vs terms {sum}"
            );
        }
    }
}

#[test]
fn a_plan_with_a_typo_exits_2_with_line_and_column() {
    let dir = std::env::temp_dir().join(format!("culturesim-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let plan = dir.join("typo.toml");
    std::fs::write(&plan, "[default]\nvision = 10\nvison = 20\n").expect("write plan");
    let o = culturesim(&["run", SCENARIO, "--plan", plan.to_str().unwrap_or("")]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("error: unknown field `vison`") && err.contains("typo.toml:3:1\n"),
        "{err}"
    );
    std::fs::write(&plan, "[default]\nvision = 10000\n").expect("write plan");
    let o = culturesim(&["run", SCENARIO, "--plan", plan.to_str().unwrap_or("")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("quarter 1: the four levers add up to 10000"),
        "{}",
        stderr(&o)
    );
    let o = culturesim(&["run", SCENARIO, "--plan", "no/such/plan.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no/such/plan.toml: cannot read the plan"),
        "{}",
        stderr(&o)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_locked_seed_cannot_be_changed_for_a_run() {
    let o = culturesim(&["run", "tutorial", "--plan", "balanced", "--seed", "5"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("scenario 'tutorial' locks its seed"),
        "{}",
        stderr(&o)
    );
}

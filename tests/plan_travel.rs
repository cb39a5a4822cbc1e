//! Plans that travel: every shipped plan runs on every shipped scenario,
//! scaled to its budget, with warnings for what the scenario lacks; and
//! `run --strict` refuses such a plan.

#![allow(clippy::expect_used, clippy::panic)] // a failure here is a failed test

use culturesim::plan::{self, REFERENCE_BUDGET, play_plan};
use std::path::{Path, PathBuf};
use std::process::Command;

fn shipped_plans() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/plans");
    let mut plans: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the plans folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    plans.sort();
    plans
}

#[test]
fn every_shipped_plan_runs_on_every_shipped_scenario_within_its_budget() {
    let plans = shipped_plans();
    assert!(plans.len() >= 5, "{plans:?}");
    let scenarios = culturesim::scenario::shipped();
    assert_eq!(scenarios.len(), 7);
    let mut pairs = 0;
    for path in &plans {
        let p = plan::load(path).expect("a shipped plan loads");
        assert!(p.scale.is_some(), "{}: shipped plans scale", path.display());
        for s in &scenarios {
            let name = format!("{} on {}", path.display(), s.id);
            let played = play_plan(s.rules.clone(), s.seed, &p, &name, false)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let game = &played.game;
            assert!(game.is_over(), "{name}: played to the end");
            for r in game.history() {
                let spent = r.decisions.lever_total();
                assert!(
                    spent <= s.rules.budget * (1.0 + 1e-9),
                    "{name} Q{}: {spent} over {}",
                    r.quarter,
                    s.rules.budget
                );
            }
            // Scaled: quarter 1 spends the file's amounts × budget / 400.
            let first = p.decisions(1).lever_total() * s.rules.budget / REFERENCE_BUDGET;
            let got = game.history()[0].decisions.lever_total();
            assert!((got - first).abs() < 1e-9, "{name}: {got} vs {first}");
            pairs += 1;
        }
    }
    assert_eq!(pairs, plans.len() * 7);
}

#[test]
fn the_reference_budget_is_the_default_scenarios() {
    let s = culturesim::scenario::load("electronics").expect("the default scenario");
    assert_eq!(s.rules.budget, REFERENCE_BUDGET);
}

#[test]
fn a_plan_past_the_end_warns_and_runs_and_strict_refuses_it() {
    let run = |strict: bool| {
        let mut args = vec![
            "run",
            "tutorial",
            "--plan",
            "scenarios/plans/sequenced.toml",
        ];
        if strict {
            args.push("--strict");
        }
        Command::new(env!("CARGO_BIN_EXE_culturesim"))
            .args(&args)
            .env("NO_COLOR", "1")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("the binary runs")
    };
    let lenient = run(false);
    let err = String::from_utf8_lossy(&lenient.stderr);
    assert!(lenient.status.success(), "{err}");
    assert!(
        err.contains("warning: [quarter.7] is beyond the scenario's 6 quarters"),
        "{err}"
    );
    // At its place in the plan file; the later quarters past the end are
    // the same mismatch, said once.
    assert!(
        err.contains("--> scenarios/plans/sequenced.toml:43:10\n"),
        "{err}"
    );
    assert!(!err.contains("[quarter.8] is beyond"), "{err}");
    assert!(err.contains("1 warning"), "{err}");
    assert!(err.contains("--strict refuses"), "{err}");
    assert!(String::from_utf8_lossy(&lenient.stdout).contains("Quarter 6 of 6"));
    let strict = run(true);
    assert_eq!(strict.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&strict.stderr).contains("[quarter.7] is beyond"),
        "{}",
        String::from_utf8_lossy(&strict.stderr)
    );
}

/// A plan with three mistakes gets three messages, each at its line and
/// column with the known ids and a did-you-mean: warnings in a run (which
/// goes on), errors under `--strict` (which refuses it, all at once).
#[test]
fn every_mistake_of_a_plan_is_shown_at_its_place() {
    let dir = std::env::temp_dir().join(format!("culturesim-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let file = dir.join("three.toml");
    std::fs::write(
        &file,
        "[default]\ninsight = 60\n\n[quarter.2]\ninitiatives = [\"workshopp\"]\n\n\
         [quarter.3]\nanswers = { crashed-twice = \"own-itt\" }\n\n[quarter.42]\nvision = 10\n",
    )
    .expect("the plan is written");
    let run = |strict: bool| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_culturesim"));
        cmd.args(["run", "electronics", "--plan"])
            .arg(&file)
            .env("NO_COLOR", "1")
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        if strict {
            cmd.arg("--strict");
        }
        cmd.output().expect("the binary runs")
    };
    let name = file.display().to_string();
    for (strict, word) in [(false, "warning"), (true, "error")] {
        let out = run(strict);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(if strict { 2 } else { 0 }), "{err}");
        let expected = [
            (
                format!("{word}: there is no initiative 'workshopp'"),
                format!("--> {name}:5:16"),
                "did you mean 'workshop'?",
            ),
            (
                format!("{word}: dilemma 'crashed-twice' has no choice 'own-itt'"),
                format!("--> {name}:8:29"),
                "did you mean 'own-it'?",
            ),
            (
                format!("{word}: [quarter.42] is beyond the scenario's 20 quarters"),
                format!("--> {name}:10:10"),
                "",
            ),
        ];
        for (message, place, help) in &expected {
            let at = err
                .find(message.as_str())
                .unwrap_or_else(|| panic!("{message}: {err}"));
            let rest = &err[at..];
            let next = rest.lines().nth(1).unwrap_or("");
            assert!(next.trim_start() == place.as_str(), "{place}: {err}");
            assert!(rest.contains(help), "{help}: {err}");
        }
        assert_eq!(err.matches(&format!("{word}: ")).count(), 3, "{err}");
        let plural = if strict { "3 errors" } else { "3 warnings" };
        assert!(err.contains(&format!("{name}: {plural}")), "{err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

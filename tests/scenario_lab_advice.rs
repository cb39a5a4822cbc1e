//! The lab as an author reads it: a failing rule shows both sides across
//! seeds, the quarter it fails in and what moves the figure; `--quarters`
//! shows a plan quarter by quarter; a scenario where every plan goes bust
//! fails; no rules is a warning; `--strict` makes warnings fail.

use std::process::Command;

fn lab(args: &[&str]) -> (Option<i32>, String, String) {
    match Command::new(env!("CARGO_BIN_EXE_culturesim"))
        .args(["scenario", "lab"])
        .args(args)
        .args(["--seeds", "12", "--random", "20", "--threads", "1"])
        .output()
    {
        Ok(out) => (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        ),
        Err(e) => (None, String::new(), e.to_string()),
    }
}

const FAILING: &str = "tests/fixtures/lab/failing-rule.toml";
const BUST: &str = "tests/fixtures/lab/bust.toml";

#[test]
fn a_failing_rule_shows_both_sides_its_quarter_and_what_moves_it() {
    let (code, out, err) = lab(&[FAILING]);
    assert_eq!(code, Some(1), "{err}");
    let detail: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("  FAIL"))
        .take(6)
        .collect();
    let detail = detail.join("\n");
    assert!(
        detail.contains(
            "cumulative_profit worst in quarter 4 of 4–6 (fails there on 12 of 12 seeds):"
        ),
        "{detail}"
    );
    assert!(detail.contains("\n      balanced       p10 "), "{detail}");
    assert!(detail.contains("\n      do-nothing     p10 "), "{detail}");
    assert!(detail.contains(", median "), "{detail}");
    assert!(detail.contains("(must be above 0)"), "{detail}");
    assert!(
        detail.contains("what moves cumulative_profit in this scenario: event \"rival\" (churn); the plans' spending"),
        "{detail}"
    );
    assert!(out.contains("Result: 1 of 2 rules failed."), "{out}");
}

#[test]
fn a_plan_quarter_by_quarter() {
    let (code, out, _) = lab(&[FAILING, "--plan", "do-nothing", "--quarters"]);
    assert_eq!(code, Some(1));
    let table: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("Per quarter: do-nothing on 12 seeds"))
        // The exploit hunt's report follows after a blank line.
        .take_while(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(table.len(), 2 + 12, "{out}");
    assert!(
        table[1].contains("score") && table[1].contains("game over"),
        "{}",
        table[1]
    );
    assert!(table[13].trim_start().starts_with("12 "), "{}", table[13]);
    let (code, _, err) = lab(&[FAILING, "--plan", "balancd", "--quarters"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("no plan \"balancd\""), "{err}");
}

#[test]
fn every_plan_bust_fails_and_does_not_claim_the_rules_held() {
    let (code, out, _) = lab(&[BUST]);
    assert_eq!(code, Some(1), "{out}");
    assert!(!out.contains("every rule held"), "{out}");
    assert!(
        out.contains("error: all 8 plans end in game over on every seed"),
        "{out}"
    );
    assert!(
        out.contains("warning: the scenario has no [[expect]] rules"),
        "{out}"
    );
    assert!(
        out.contains("Result: no rules to check; every plan goes bust, so the scenario fails."),
        "{out}"
    );
}

#[test]
fn no_rules_is_a_warning_and_strict_makes_it_fail() {
    let file = "tests/fixtures/lab/no-rules.toml";
    let (code, out, _) = lab(&[file]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("warning: the scenario has no [[expect]] rules"),
        "{out}"
    );
    assert!(out.contains("Result: no rules to check."), "{out}");
    let (code, _, _) = lab(&[file, "--strict"]);
    assert_eq!(code, Some(1));
}

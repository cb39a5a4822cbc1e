//! Every scenario mistake an author can make has a fixture file in
//! `tests/fixtures/scenario/`; each test pins the exact message the author
//! sees, line:column included, through the library and through the binary.

use culturesim::scenario::load_file;
use std::path::Path;
use std::process::Command;

const DIR: &str = "tests/fixtures/scenario";

/// What loading a fixture tells the author ("ok" when it loads).
fn message(name: &str) -> String {
    let path = format!("{DIR}/{name}.toml");
    match load_file(Path::new(&path)) {
        Ok(_) => "ok".to_string(),
        Err(e) => e.to_string(),
    }
}

/// Runs `culturesim scenario check` on fixtures: (exit code, stdout, stderr).
fn check(names: &[&str]) -> (Option<i32>, String, String) {
    let files: Vec<String> = names.iter().map(|n| format!("{DIR}/{n}.toml")).collect();
    match Command::new(env!("CARGO_BIN_EXE_culturesim"))
        .arg("scenario")
        .arg("check")
        .args(&files)
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

#[test]
fn the_minimal_fixture_is_valid() {
    assert_eq!(message("valid-minimal"), "ok");
}

#[test]
fn malformed() {
    let expected = r#"error: tests/fixtures/scenario/malformed.toml:3:14: invalid basic string, expected `"`
  help: close the text with " on the same line; for text over several lines use """ … """
tests/fixtures/scenario/malformed.toml: 1 problem"#;
    assert_eq!(message("malformed"), expected);
}

#[test]
fn wrong_type() {
    let expected = r#"error: tests/fixtures/scenario/wrong-type.toml:5:12: quarters: expected a whole number, found text "twenty"
  help: use a whole number from 1 to 80, without quotes
tests/fixtures/scenario/wrong-type.toml: 1 problem"#;
    assert_eq!(message("wrong-type"), expected);
}

#[test]
fn unknown_key() {
    let expected = r#"error: tests/fixtures/scenario/unknown-key.toml:14:1: event[0].titel: unknown key "titel"
  help: did you mean "title"? valid keys here are: id, title, text, quarter, chance, earliest, latest, max_times, when, effects
tests/fixtures/scenario/unknown-key.toml: 1 problem"#;
    assert_eq!(message("unknown-key"), expected);
}

#[test]
fn missing_key() {
    let expected = r#"error: tests/fixtures/scenario/missing-key.toml:1:1: missing required key "budget"
  help: add budget = … (a number from 0 to 10000000): money for the four levers (vision, insight, skills, marketing) per quarter
error: tests/fixtures/scenario/missing-key.toml:7:1: briefing: missing required key "goal"
  help: add goal = "…": what the player is asked to achieve
tests/fixtures/scenario/missing-key.toml: 2 problems"#;
    assert_eq!(message("missing-key"), expected);
}

#[test]
fn out_of_range() {
    let expected = r#"error: tests/fixtures/scenario/out-of-range.toml:5:12: quarters: 500 is too large
  help: use a whole number from 1 to 80, without quotes
tests/fixtures/scenario/out-of-range.toml: 1 problem"#;
    assert_eq!(message("out-of-range"), expected);
}

#[test]
fn not_finite() {
    let expected = r#"error: tests/fixtures/scenario/not-finite.toml:6:10: budget: nan is not a number
  help: use a number from 0 to 10000000, without quotes
error: tests/fixtures/scenario/not-finite.toml:13:15: economics.fixed_costs: inf is not a finite number
  help: use a number from 0 to 10000000, without quotes
error: tests/fixtures/scenario/not-finite.toml:14:17: economics.market_growth: 1e400 is too large
  help: use a number from 0 to 1000000, without quotes
tests/fixtures/scenario/not-finite.toml: 3 problems"#;
    assert_eq!(message("not-finite"), expected);
}

#[test]
fn unknown_stock() {
    let expected = r#"error: tests/fixtures/scenario/unknown-stock.toml:17:19: event[0].when[0].stock: unknown stock "moral"
  help: valid stocks are: vision, insight, skills, fatigue, culture, engagement, experience, board, advocates, valuable, regular, costly, prospects, cash
error: tests/fixtures/scenario/unknown-stock.toml:18:23: event[0].effects[0].target: unknown target "moral"
  help: valid targets are: vision, insight, skills, fatigue, culture, engagement, experience, board, advocates, valuable, regular, costly, prospects, cash, churn, price, market_growth, acquisition, cost_to_serve, fixed_costs, momentum, capacity, repricing, vision_gain, skills_gain, referrals, board_expectation, crisis
tests/fixtures/scenario/unknown-stock.toml: 2 problems"#;
    assert_eq!(message("unknown-stock"), expected);
}

#[test]
fn no_choices() {
    let expected = r#"error: tests/fixtures/scenario/no-choices.toml:12:1: dilemma[0]: has no "choice" entries: at least 2 are needed
  help: add a [[dilemma.choice]] section for each (id, label, text, cost, effects)
tests/fixtures/scenario/no-choices.toml: 1 problem"#;
    assert_eq!(message("no-choices"), expected);
}

#[test]
fn control_chars() {
    let expected = r#"error: tests/fixtures/scenario/control-chars.toml:9:9: briefing.story: text contains an escape character (U+001B) at character 14
  help: remove it: text may hold line breaks and tabs but no other control characters
tests/fixtures/scenario/control-chars.toml: 1 problem"#;
    assert_eq!(message("control-chars"), expected);
}

#[test]
fn duplicate_ids() {
    let expected = r#"error: tests/fixtures/scenario/duplicate-ids.toml:19:6: initiative[0].id: duplicate id "storm"
  help: event[0] (line 13) already uses it; give each event, dilemma and initiative its own id
tests/fixtures/scenario/duplicate-ids.toml: 1 problem"#;
    assert_eq!(message("duplicate-ids"), expected);
}

#[test]
fn many_problems() {
    let expected = r#"error: tests/fixtures/scenario/many-problems.toml:2:6: id: id "Mini Scenario" may only use a-z, 0-9, _ and -
  help: use something like "mini-scenario"
error: tests/fixtures/scenario/many-problems.toml:6:10: budget: -5 is too small
  help: use a number from 0 to 10000000, without quotes
error: tests/fixtures/scenario/many-problems.toml:7:13: lock_seed: expected true or false, found text "yes"
  help: write true or false, without quotes
error: tests/fixtures/scenario/many-problems.toml:14:11: start.culture: 140 is too large
  help: use a number from 0 to 100, without quotes
error: tests/fixtures/scenario/many-problems.toml:15:1: start.moral: unknown stock "moral"
  help: valid stocks are: vision, insight, skills, fatigue, culture, engagement, experience, board, advocates, valuable, regular, costly, prospects, cash
error: tests/fixtures/scenario/many-problems.toml:21:11: event[0].quarter: quarter 12 is after the last quarter (8): it would never happen
  help: use a quarter from 1 to 8
error: tests/fixtures/scenario/many-problems.toml:22:54: event[0].effects[0]: gives both add and multiply
  help: an effect does one thing: split it into two effects
error: tests/fixtures/scenario/many-problems.toml:29:11: dilemma[0].default: no choice "wiat" in this dilemma
  help: did you mean "wait"? valid choices are: wait, act
error: tests/fixtures/scenario/many-problems.toml:38:8: dilemma[0].choice[1].cost: expected a number, found text "ten"
  help: use a number from 0 to 10000000, without quotes
tests/fixtures/scenario/many-problems.toml: 9 problems"#;
    assert_eq!(message("many-problems"), expected);
}

#[test]
fn typos() {
    let expected = r#"error: tests/fixtures/scenario/typos.toml:17:19: event[0].when[0].stock: unknown stock "experiance"
  help: did you mean "experience"? valid stocks are: vision, insight, skills, fatigue, culture, engagement, experience, board, advocates, valuable, regular, costly, prospects, cash
error: tests/fixtures/scenario/typos.toml:18:23: event[0].effects[0].target: unknown target "chrun"
  help: did you mean "churn"? valid targets are: vision, insight, skills, fatigue, culture, engagement, experience, board, advocates, valuable, regular, costly, prospects, cash, churn, price, market_growth, acquisition, cost_to_serve, fixed_costs, momentum, capacity, repricing, vision_gain, skills_gain, referrals, board_expectation, crisis
error: tests/fixtures/scenario/typos.toml:18:48: event[0].effects[0].quaters: unknown key "quaters"
  help: did you mean "quarters"? valid keys here are: target, add, multiply, quarters, delay, scale_by, when
tests/fixtures/scenario/typos.toml: 3 problems"#;
    assert_eq!(message("typos"), expected);
}

#[test]
fn misplaced_key() {
    let expected = r#"error: tests/fixtures/scenario/misplaced-key.toml:9:1: briefing.quarters: unknown key "quarters"
  help: quarters is a top-level key: move it above the first [section] header (every key below a header belongs to that section); the keys here are: story, goal
error: tests/fixtures/scenario/misplaced-key.toml:10:1: briefing.budget: unknown key "budget"
  help: budget is a top-level key: move it above the first [section] header (every key below a header belongs to that section); the keys here are: story, goal
error: tests/fixtures/scenario/misplaced-key.toml:14:1: start.fixed_costs: unknown stock "fixed_costs"
  help: fixed_costs belongs in the [economics] section
tests/fixtures/scenario/misplaced-key.toml: 3 problems"#;
    assert_eq!(message("misplaced-key"), expected);
}

#[test]
fn duplicate_key() {
    let expected = r#"error: tests/fixtures/scenario/duplicate-key.toml:6:1: duplicate key "quarters"
  help: each key may appear only once in a table: remove or rename one of them
error: tests/fixtures/scenario/duplicate-key.toml:7:9: a value is missing after =
  help: write the value, e.g. budget = 400 or title = "…"
tests/fixtures/scenario/duplicate-key.toml: 2 problems"#;
    assert_eq!(message("duplicate-key"), expected);
}

#[test]
fn the_binary_prints_every_problem_to_stderr_and_exits_2() {
    for name in ["malformed", "unknown-key", "no-choices", "many-problems"] {
        let (code, stdout, stderr) = check(&[name]);
        assert_eq!(code, Some(2), "{name}: {stderr}");
        assert_eq!(stdout, "", "{name}");
        assert_eq!(stderr, format!("{}\n", message(name)), "{name}");
    }
}

#[test]
fn the_binary_checks_good_and_bad_files_together() {
    let (code, stdout, stderr) = check(&["valid-minimal", "out-of-range"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stdout,
        "tests/fixtures/scenario/valid-minimal.toml: ok (Mini, 8 quarters, 0 events, 0 dilemmas, 0 initiatives)\n"
    );
    assert!(
        stderr.ends_with("out-of-range.toml: 1 problem\n"),
        "{stderr}"
    );
}

#[test]
fn the_binary_passes_a_good_file() {
    let (code, stdout, stderr) = check(&["valid-minimal"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains(": ok (Mini, 8 quarters"), "{stdout}");
    assert_eq!(stderr, "");
}

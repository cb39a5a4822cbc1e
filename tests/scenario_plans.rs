//! A scenario's own `[[plan]]`s: checked against the scenario with precise
//! errors, played by the lab beside the reference plans, named by rules,
//! and runnable by id from the command line.

#![allow(clippy::expect_used)] // test helpers: a failure here is a failed test

use culturesim::scenario::parse;
use std::process::Command;

const BASE: &str = r#"id = "plans-test"
title = "Plans test"
summary = "A scenario with one initiative and one dilemma"
quarters = 8
budget = 400
[briefing]
story = "A story."
goal = "A goal."

[[dilemma]]
id = "big-client"
title = "A big client"
text = "Build their feature?"
quarter = 2
default = "build"
[[dilemma.choice]]
id = "build"
label = "Build it"
cost = 50
effects = [{ target = "fatigue", add = 10 }]
[[dilemma.choice]]
id = "decline"
label = "Decline politely"

[[initiative]]
id = "workshop"
title = "Customer workshop"
text = "Map the activity cycle with customers."
cost = 30
cooldown = 4
effects = [{ target = "insight", add = 5 }]
"#;

fn problems(extra: &str) -> Vec<String> {
    match parse(format!("{BASE}{extra}").as_bytes(), "p.toml", "p.toml") {
        Ok(_) => Vec::new(),
        Err(e) => e
            .problems()
            .iter()
            .map(|p| {
                format!(
                    "{}:{} {}: {} | {}",
                    p.line,
                    p.column,
                    p.path,
                    p.message,
                    p.help.clone().unwrap_or_default()
                )
            })
            .collect(),
    }
}

#[test]
fn a_plan_builds_into_decisions_per_quarter() {
    let s = parse(
        format!("{BASE}[[plan]]\nid = \"focused\"\ninsight = 60\nstarts = [{{ initiative = \"workshop\", quarter = 2, every = 4 }}]\nanswers = [{{ dilemma = \"big-client\", choice = \"decline\" }}]\n").as_bytes(),
        "p.toml",
        "p.toml",
    )
    .map_err(|e| e.to_string())
    .expect("loads");
    let plan = &s.plans[0];
    assert_eq!(plan.id, "focused");
    assert_eq!(plan.title, "focused");
    let starts: Vec<u32> = (1..=8)
        .filter(|q| !plan.plan.decisions(*q).initiatives.is_empty())
        .collect();
    assert_eq!(starts, vec![2, 6]);
    assert_eq!(plan.plan.decisions(5).insight, 60.0);
    assert_eq!(
        plan.plan
            .decisions(1)
            .answers
            .get("big-client")
            .map(String::as_str),
        Some("decline")
    );
}

#[test]
fn mistakes_in_a_plan_are_explained() {
    let p = problems(
        "[[plan]]\nid = \"balanced\"\nvision = 300\ninsight = 300\nstarts = [{ initiative = \"worksop\" }, { initiative = \"workshop\", every = 2 }]\nanswers = [{ dilemma = \"big-client\", choice = \"declin\" }]\n",
    );
    let joined = p.join("\n");
    for want in [
        "\"balanced\" is the name of a reference plan",
        "add up to 600, over the budget of 400",
        "no initiative \"worksop\" | did you mean \"workshop\"?",
        "every = 2 is shorter than the initiative's cooldown of 4",
        "dilemma \"big-client\" has no choice \"declin\" | did you mean \"decline\"?",
    ] {
        assert!(joined.contains(want), "missing {want:?} in:\n{joined}");
    }
}

#[test]
fn rules_may_name_the_scenarios_plans_but_not_unknown_ones() {
    let p = problems(
        "[[plan]]\nid = \"focused\"\ninsight = 60\n\n[[expect]]\nplan = \"focussed\"\nversus = \"do-nothing\"\nmetric = \"insight\"\n",
    );
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].contains("unknown plan \"focussed\" | did you mean \"focused\"?"),
        "{}",
        p[0]
    );
    assert!(problems("[[plan]]\nid = \"focused\"\ninsight = 60\n\n[[expect]]\nplan = \"focused\"\nversus = \"do-nothing\"\nmetric = \"insight\"\n").is_empty());
}

#[test]
fn the_lab_plays_them_and_run_takes_them_by_name() {
    let s = culturesim::scenario::load("storm").expect("shipped");
    assert!(
        s.plans.iter().any(|p| p.id == "careful"),
        "storm ships its careful plan"
    );
    let report = culturesim::lab::run(
        &s,
        culturesim::lab::LabConfig {
            seeds: 10,
            random_plans: 0,
            threads: 2,
            hunt: None,
        },
    );
    assert!(report.plan("careful").is_some());
    let run = |plan: &str| {
        Command::new(env!("CARGO_BIN_EXE_culturesim"))
            .args(["run", "storm", "--plan", plan, "--format", "csv"])
            .output()
            .expect("runs")
    };
    let o = run("careful");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("privacy-charter"));
    assert!(run("balanced").status.success(), "a reference plan by name");
    let o = run("carefull");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("the plans of storm are: do-nothing,"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

//! A game's memory stays bounded however many effects stack up (issue 9,
//! H4): the why ledger keeps one term per source and stock a quarter, not
//! one per active effect, so 200 recurring events with 20 effects each give
//! a JSON run of a few megabytes, not gigabytes.

#![allow(clippy::expect_used)] // test helpers: a failure here is a failed test

use culturesim::plan::Plan;
use culturesim::sim::{Cause, Game};
use std::fmt::Write;
use std::process::Command;
use std::sync::Arc;

const EVENTS: usize = 200;
const EFFECTS: usize = 20;

/// 200 events that fire every quarter (up to 20 times), each with 20 small
/// effects on four stocks that last the whole game.
fn stacked() -> String {
    let mut s = String::from(
        "id = \"stacked\"\ntitle = \"Stacked\"\nsummary = \"Many stacked effects\"\nquarters = 20\nbudget = 400\n\n[briefing]\nstory = \"A story.\"\ngoal = \"A goal.\"\n",
    );
    let targets = ["board", "cash", "fatigue", "prospects"];
    for e in 0..EVENTS {
        let _ = write!(
            s,
            "\n[[event]]\nid = \"e{e}\"\ntitle = \"Event {e}\"\ntext = \"It happens.\"\nchance = 1.0\nearliest = 1\nmax_times = 20\neffects = ["
        );
        for k in 0..EFFECTS {
            let _ = write!(
                s,
                "{{ target = \"{}\", add = 0.0001, quarters = 20 }}, ",
                targets[k % targets.len()]
            );
        }
        s.push_str("]\n");
    }
    s
}

#[test]
fn ledger_terms_are_folded_per_source() {
    let text = stacked();
    let scenario = culturesim::scenario::parse(text.as_bytes(), "stacked.toml", "stacked.toml")
        .map_err(|e| e.to_string())
        .expect("the stacked scenario is valid");
    let rules = Arc::clone(&scenario.rules);
    let plan = Plan::balanced(&rules);
    let mut game = Game::new(Arc::clone(&rules), 1);
    game.play_out(|q, _| plan.decisions(q)).expect("plays");
    let last = game.last().expect("a quarter");
    // By the last quarter every event has fired 20 times: 80,000 effects in
    // force, 20,000 of them on cash alone.
    let effect_terms = last
        .ledger
        .terms
        .iter()
        .filter(|t| matches!(t.cause, Cause::Effect(_)))
        .count();
    assert_eq!(effect_terms, 4 * EVENTS, "one term per event and stock");
    let total: usize = game.history().iter().map(|r| r.ledger.terms.len()).sum();
    assert!(total < 20 * (4 * EVENTS + 100), "{total} terms in the game");
    // The folded terms still sum to each stock's change.
    let before = &game.history()[game.history().len() - 2].stocks;
    for s in culturesim::sim::Stock::ALL {
        let change = last.stocks.get(s) - before.get(s);
        let sum = last.ledger.total(s);
        assert!(
            (change - sum).abs() <= 1e-9 * (1.0 + change.abs()),
            "{s:?}: change {change}, terms {sum}"
        );
    }
}

#[test]
fn a_json_run_of_stacked_effects_stays_small() {
    let dir = std::env::temp_dir().join(format!("culturesim-stacked-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("stacked.toml");
    std::fs::write(&file, stacked()).expect("write");
    let plan = dir.join("plan.toml");
    std::fs::write(&plan, "[default]\nvision = 25\ninsight = 60\nskills = 60\n").expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_culturesim"))
        .arg("run")
        .arg(&file)
        .arg("--plan")
        .arg(&plan)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.len() < 8 << 20, "{} bytes of JSON", o.stdout.len());
    let _ = std::fs::remove_dir_all(dir);
}

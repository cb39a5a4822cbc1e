//! The shipped market scenario's story: its reference teams play one
//! market against each other across seeds, and every rule of
//! `scenarios/markets/market.toml` holds.

#![allow(clippy::panic)] // a failure here is a failed test

use std::path::Path;

#[test]
fn the_market_scenario_tells_its_story() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/markets/market.toml");
    let checked = match culturesim::market::expect::check(&path) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    assert!(checked.len() >= 4);
    let report: Vec<String> = checked
        .iter()
        .map(|c| {
            format!(
                "{} {:.0}% (wants {:.0}%): {}",
                if c.passed() { "ok  " } else { "FAIL" },
                100.0 * c.held,
                100.0 * c.wanted,
                c.text
            )
        })
        .collect();
    println!("{}", report.join("\n"));
    assert!(checked.iter().all(|c| c.passed()), "{}", report.join("\n"));
}

#[test]
fn a_false_story_fails_and_a_bad_file_says_why() {
    let dir = std::env::temp_dir().join(format!("culturesim-market-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_default();
    let teams = "scenario = \"market\"\nseeds = 3\n[[team]]\nname = \"a\"\nplan = \"balanced\"\n[[team]]\nname = \"b\"\nplan = \"do-nothing\"\n";
    let scenario = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/market.toml");
    std::fs::copy(&scenario, dir.join("market.toml")).unwrap_or_default();
    let false_rule = format!(
        "{}[[expect]]\ntext = \"doing nothing wins more from rivals\"\nteam = \"b\"\nversus = \"a\"\nmetric = \"won_from_rivals\"\n",
        teams.replace("\"market\"", "\"market.toml\"")
    );
    let path = dir.join("check.toml");
    std::fs::write(&path, false_rule).unwrap_or_default();
    let checked = culturesim::market::expect::check(&path).unwrap_or_default();
    assert_eq!(checked.len(), 1);
    assert!(!checked[0].passed(), "{checked:?}");
    for (bad, says) in [
        (
            format!(
                "{teams}[[expect]]\ntext = \"x\"\nteam = \"c\"\nvalue = 1\nmetric = \"share\"\n"
            ),
            "no team 'c'",
        ),
        (
            format!("{teams}[[expect]]\ntext = \"x\"\nteam = \"a\"\nmetric = \"share\"\n"),
            "exactly one of versus and value",
        ),
        (
            format!(
                "{teams}[[expect]]\ntext = \"x\"\nteam = \"a\"\nvalue = 1\nmetric = \"luck\"\n"
            ),
            "no metric 'luck'",
        ),
        (teams.replace("do-nothing", "yolo"), "no plan 'yolo'"),
    ] {
        std::fs::write(&path, bad.replace("\"market\"", "\"market.toml\"")).unwrap_or_default();
        match culturesim::market::expect::check(&path) {
            Ok(c) => panic!("accepted: {c:?}"),
            Err(e) => assert!(e.to_string().contains(says), "{e}"),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

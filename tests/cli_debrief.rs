//! `culturesim debrief` and `culturesim class report` end to end: the
//! real binary on saves written by the library — formats, files written,
//! exit codes, and a debrief whose score lines add up.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod class_support;

use class_support::{class, scratch};
use std::process::{Command, Output};

fn culturesim(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_culturesim"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn a_debrief_adds_up_and_tells_the_story() {
    let dir = scratch("cli-debrief");
    class(&dir);
    let ben = dir.join("Ben.toml");
    let o = culturesim(&["debrief", ben.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    for part in [
        "Final score",
        "The story",
        "Lessons",
        "Decisions",
        "Profit dip",
        "break-even",
        "Gap to balanced",
        "best found",
    ] {
        assert!(out.contains(part), "no {part:?} in\n{out}");
    }
    // The printed score lines add up to the printed total.
    let lines: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("Final score"))
        .take_while(|l| !l.trim().ends_with("total"))
        .collect();
    let terms: f64 = lines
        .iter()
        .filter(|l| l.contains(" = ") && !l.trim_start().starts_with("score ="))
        .map(|l| {
            l.split(" = ")
                .next()
                .unwrap()
                .trim()
                .parse::<f64>()
                .unwrap()
        })
        .sum();
    let total: f64 = lines[0].trim_start_matches("Final score ").parse().unwrap();
    assert!((terms - total).abs() < 1e-9, "{terms} vs {total}");
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'));
}

#[test]
fn debriefs_are_written_as_html_and_markdown_with_charts_beside() {
    let dir = scratch("cli-debrief-files");
    class(&dir);
    let ada = dir.join("Ada.toml");
    let html = dir.join("ada.html");
    let o = culturesim(&[
        "debrief",
        ada.to_str().unwrap(),
        "--format",
        "html",
        "--out",
        html.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(o.stdout.is_empty());
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let md = dir.join("out").join("ada.md");
    std::fs::create_dir_all(md.parent().unwrap()).unwrap();
    let against = dir.join("Hal.toml");
    let o = culturesim(&[
        "debrief",
        ada.to_str().unwrap(),
        "--format",
        "md",
        "--out",
        md.to_str().unwrap(),
        "--against",
        against.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let m = std::fs::read_to_string(&md).unwrap();
    assert!(m.contains("![Customer culture](ada-1.svg)") && m.contains("| Hal |"));
    assert!(dir.join("out").join("ada-10.svg").exists());
    let o = culturesim(&[
        "debrief",
        ada.to_str().unwrap(),
        "--against",
        "balanced",
        "--format",
        "md",
    ]);
    assert!(o.status.success());
    assert!(
        text(&o.stdout).contains("| balanced |") && !text(&o.stdout).contains("| do nothing |")
    );
}

#[test]
fn a_debrief_of_an_edited_save_or_a_bad_against_is_bad_input() {
    let dir = scratch("cli-debrief-bad");
    class(&dir);
    let o = culturesim(&["debrief", dir.join("Ben-edited.toml").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("quarter 5") && text(&o.stderr).contains("genuine save"));
    let o = culturesim(&[
        "debrief",
        dir.join("Ada.toml").to_str().unwrap(),
        "--against",
        "nobody",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = culturesim(&[
        "debrief",
        dir.join("Ada.toml").to_str().unwrap(),
        "--against",
        dir.join("Lou.toml").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("alpine"));
}

#[test]
fn a_class_report_in_every_format() {
    let dir = scratch("cli-class");
    class(&dir);
    let d = dir.to_str().unwrap();
    let o = culturesim(&["class", "report", d]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let t = text(&o.stdout);
    assert!(
        t.contains("Leaderboard") && t.contains("Set aside") && t.contains("Why results differed")
    );
    assert!(!t.chars().any(|c| c.is_control() && c != '\n'));
    let o = culturesim(&["class", "report", d, "--format", "csv"]);
    assert!(text(&o.stdout).starts_with("player,rank,score,status,file\n"));
    let md = dir.join("report.md");
    let o = culturesim(&[
        "class",
        "report",
        d,
        "--format",
        "md",
        "--out",
        md.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(dir.join("report-4.svg").exists());
    // Naming the scenario file: the class is the named one.
    let alpine = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/alpine.toml");
    let o = culturesim(&[
        "class",
        "report",
        d,
        "--scenario",
        alpine,
        "--format",
        "csv",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let csv = text(&o.stdout);
    assert!(csv.lines().nth(1).unwrap().starts_with("Lou,1,"), "{csv}");
    assert!(csv.contains("Ada,,,another scenario,"));
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let o = culturesim(&["class", "report", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
}

//! Branches and comparisons: a branch at any quarter of a scripted game
//! verifies, replays its parent's earlier quarters bit for bit, records
//! its parent and never touches it; `compare` names the quarter where two
//! runs part; a save cut short loads for replay, branching and as a plan.

#![allow(clippy::expect_used, clippy::panic)] // a failure here is a failed test

#[path = "save_support/mod.rs"]
mod support;

use culturesim::report::{DocFormat, Side, divergence, render_compare};
use culturesim::save::{self, Hex64, Verifier};
use std::path::Path;
use std::process::{Command, Output};
use support::{decisions, play, scratch, shipped, write};

fn culturesim(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_culturesim"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

#[test]
fn a_branch_at_every_quarter_verifies_and_replays_its_parent_bit_for_bit() {
    let dir = scratch("branch-every");
    let scenario = shipped();
    let game = play(&scenario, 11, 99);
    let quarters = game.history().len() as u32;
    assert_eq!(quarters, scenario.rules.quarters, "the scripted game ends");
    let parent = write(&dir, "parent.toml", &scenario, "Ann", &game);
    let before = std::fs::read(&parent).expect("the parent");
    for at in 1..=quarters {
        let out = dir.join(format!("b{at}.toml"));
        let b = save::branch(&parent, at, Some(&out)).unwrap_or_else(|e| panic!("at {at}: {e}"));
        let kept = &game.history()[..(at - 1) as usize];
        assert_eq!(b.game.history().len(), kept.len(), "at {at}");
        assert_eq!(
            serde_json::to_string(b.game.history()).ok(),
            serde_json::to_string(kept).ok(),
            "at {at}: quarters 1-{} replay bit for bit",
            at - 1
        );
        assert!(!b.game.is_over(), "at {at}: ready to play quarter {at}");
        let branch = b.save.branch.clone().expect("the branch table");
        assert_eq!(branch.at, at);
        assert_eq!(branch.parent, parent.display().to_string());
        assert_eq!(branch.parent_quarter, quarters);
        assert_eq!(
            Some(branch.parent_checksum),
            game.last().map(|r| Hex64(r.checksum))
        );
        // It verifies from its file, as `verify` would.
        let again = Verifier::new().verify(&out).map_err(|e| e.to_string());
        assert!(again.is_ok(), "at {at}: {again:?}");
        let loaded_parent = save::load(&parent).expect("the parent loads");
        assert!(branch.is_parent(&loaded_parent));
    }
    assert_eq!(
        std::fs::read(&parent).ok(),
        Some(before),
        "the parent is never touched"
    );
    let past = save::branch(&parent, quarters + 1, None)
        .err()
        .map(|e| e.to_string());
    assert!(
        past.as_deref()
            .is_some_and(|e| e.contains(&format!("a quarter from 1 to {quarters}"))),
        "{past:?}"
    );
    let zero = save::branch(&parent, 0, None).err().map(|e| e.to_string());
    assert!(
        zero.as_deref().is_some_and(|e| e.contains("from 1 to")),
        "{zero:?}"
    );
    let onto = save::branch(&parent, 2, Some(&parent))
        .err()
        .map(|e| e.to_string());
    assert!(
        onto.as_deref()
            .is_some_and(|e| e.contains("overwrite its parent")),
        "{onto:?}"
    );
}

#[test]
fn a_branch_played_on_keeps_its_parent_and_compare_finds_where_it_parts() {
    let dir = scratch("branch-compare");
    let scenario = shipped();
    let game = play(&scenario, 3, 99);
    let parent = write(&dir, "parent.toml", &scenario, "Ann", &game);
    let mut b = save::branch(&parent, 5, None).expect("a branch");
    assert_eq!(b.path, dir.join("parent_branch_q5.toml"));
    // Quarter 5 otherwise: no skills spending; then as the script says.
    while !b.game.is_over() {
        let q = b.game.state().quarter + 1;
        let mut d = decisions(b.game.rules(), b.game.state(), q);
        if q == 5 {
            d.skills = 0.0;
        }
        b.game.advance(&d).expect("playable");
        b.autosave().expect("autosaved");
    }
    let reloaded = save::load(&b.path).expect("the branch verifies");
    assert_eq!(
        reloaded.save.branch.as_ref().map(|r| r.at),
        Some(5),
        "autosave keeps the branch table"
    );
    let d = divergence(game.history(), reloaded.game.history());
    assert_eq!((d.decisions, d.state), (Some(5), Some(5)));
    assert!(
        d.changes
            .iter()
            .any(|c| c.starts_with("skills ") && c.ends_with("→ 0"))
    );
    let text = render_compare(
        Side {
            label: "parent",
            rules: &scenario.rules,
            history: game.history(),
        },
        Side {
            label: "branch",
            rules: &scenario.rules,
            history: reloaded.game.history(),
        },
    )
    .render(DocFormat::Text);
    assert!(
        text.contains("The decisions first differ in quarter 5: skills"),
        "{text}"
    );
    assert!(text.contains("quarters 1-4 are identical"), "{text}");

    let out = culturesim(&dir, &["compare", "parent.toml", "parent_branch_q5.toml"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("B is a branch of A at quarter 5."),
        "{stdout}"
    );
    assert!(stdout.contains("Culture: why B ends"), "{stdout}");
    for (format, marker) in [("md", "| KPI | A | B | B − A |"), ("html", "<th>KPI</th>")] {
        let out = culturesim(
            &dir,
            &[
                "compare",
                "parent.toml",
                "parent_branch_q5.toml",
                "--format",
                format,
            ],
        );
        let s = String::from_utf8_lossy(&out.stdout);
        assert!(s.contains(marker), "{format}: {s}");
    }
}

#[test]
fn a_save_cut_after_quarter_2_loads_for_replay_branching_and_as_a_plan() {
    let dir = scratch("branch-cut");
    let scenario = shipped();
    let game = play(&scenario, 8, 7);
    let path = write(&dir, "cut.toml", &scenario, "Ann", &game);
    // Cut the file after quarter 2, leaving the summary's claim of 7.
    let text = std::fs::read_to_string(&path).expect("written");
    let cut_at = text
        .match_indices("[[quarter]]")
        .nth(2)
        .expect("7 quarters")
        .0;
    std::fs::write(&path, &text[..cut_at]).expect("cut");
    let refused = save::load(&path).err().map(|e| e.to_string());
    assert!(
        refused
            .as_deref()
            .is_some_and(|e| e.contains("the summary")),
        "verify still refuses a cut file: {refused:?}"
    );
    let loaded = Verifier::new()
        .verify_log(&path)
        .expect("replays as far as it goes");
    assert_eq!(loaded.game.history().len(), 2);
    let b = save::branch(&path, 3, None).expect("branches after its last quarter");
    assert_eq!(b.game.history().len(), 2);
    let out = culturesim(&dir, &["run", "electronics", "--plan", "cut.toml"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("the plan is the save of a game of 'electronics' (seed 8), quarters 1-2"),
        "{err}"
    );
    assert!(
        err.contains("quarters 3-20 repeat quarter 2's levers"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains(", seed 8, plan cut.toml"));
}

#[test]
fn a_finished_save_and_its_json_replay_as_plans_to_the_same_game() {
    let dir = scratch("branch-plans");
    let scenario = shipped();
    let game = play(&scenario, 21, 99);
    write(&dir, "g.toml", &scenario, "Ann", &game);
    let last = |o: &Output| {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .last()
            .unwrap_or_default()
            .to_string()
    };
    let from_save = culturesim(&dir, &["run", "electronics", "--plan", "g.toml"]);
    let json = culturesim(
        &dir,
        &["run", "electronics", "--plan", "g.toml", "--format", "json"],
    );
    std::fs::write(dir.join("g.json"), &json.stdout).expect("written");
    let from_json = culturesim(&dir, &["run", "electronics", "--plan", "g.json"]);
    let score = format!("score {:.1}", game.last().map_or(0.0, |r| r.kpis.score));
    assert!(last(&from_save).contains(&score), "{}", last(&from_save));
    assert_eq!(last(&from_save), last(&from_json));
    // A CSV holds the levers to the cent and no answers: it runs, and says so.
    let csv = culturesim(
        &dir,
        &["run", "electronics", "--plan", "g.toml", "--format", "csv"],
    );
    std::fs::write(dir.join("g.csv"), &csv.stdout).expect("written");
    let from_csv = culturesim(&dir, &["run", "electronics", "--plan", "g.csv"]);
    assert!(from_csv.status.success());
    let err = String::from_utf8_lossy(&from_csv.stderr);
    assert!(err.contains("a CSV holds no dilemma answers"), "{err}");
    assert!(
        err.contains("the plan is the CSV of a game of 'electronics' (seed 21), quarters 1-20"),
        "{err}"
    );
    let table = culturesim(&dir, &["run", "electronics", "--plan", "balanced"]);
    std::fs::write(dir.join("t.txt"), &table.stdout).expect("written");
    let refused = culturesim(&dir, &["run", "electronics", "--plan", "t.txt"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--format json"));
}

#[test]
fn the_games_saves_keep_a_branch_apart_from_its_parent_even_when_branching_fails() {
    use culturesim::tui::{FileSaves, Saves};
    let dir = scratch("branch-file-saves");
    let scenario = shipped();
    let mut saves = FileSaves::new(dir.clone());
    let mut game = culturesim::sim::Game::new(scenario.rules.clone(), 4);
    for q in 1..=4 {
        let d = decisions(game.rules(), game.state(), q);
        game.advance(&d).expect("playable");
        saves
            .quarter_committed(&scenario, &game, "Ann")
            .expect("saved");
    }
    let parent = std::path::PathBuf::from(saves.location().expect("saved somewhere"));
    let before = std::fs::read(&parent).expect("the parent");
    // Branch at 3 and play quarter 3 another way.
    let mut b = culturesim::sim::Game::new(scenario.rules.clone(), 4);
    for r in &game.history()[..2] {
        b.advance(&r.decisions).expect("replays");
    }
    saves.branched(3, &b).expect("branched");
    let d = culturesim::sim::Decisions::default();
    b.advance(&d).expect("playable");
    saves
        .quarter_committed(&scenario, &b, "Ann")
        .expect("saved");
    let at = std::path::PathBuf::from(saves.location().expect("the branch"));
    assert_ne!(at, parent);
    let loaded = save::load(&at).expect("the branch verifies");
    assert_eq!(loaded.save.branch.as_ref().map(|r| r.at), Some(3));
    assert_eq!(loaded.game.history().len(), 3);
    assert_eq!(std::fs::read(&parent).ok(), Some(before.clone()));
    // The title screen's list marks the branch, and only the branch.
    let listed = saves.continuable();
    let label = |p: &std::path::Path| {
        listed
            .iter()
            .find(|c| std::path::Path::new(&c.key) == p)
            .map(|c| c.label.clone())
            .expect("listed")
    };
    let name = parent.file_name().expect("a file").to_string_lossy();
    let mark = format!("Ann · {} · branch at Q3 · ", scenario.title);
    assert!(label(&at).starts_with(&mark), "{}", label(&at));
    assert!(
        label(&at).ends_with(&format!(" · from {name}")),
        "{}",
        label(&at)
    );
    assert!(!label(&parent).contains("branch"), "{}", label(&parent));
    // A parent gone from disk: branching fails, and the next quarter goes
    // to a new file, never over the parent's name.
    let mut lost = FileSaves::new(dir.clone()).continuing(parent.clone());
    std::fs::rename(&parent, dir.join("moved.toml")).expect("moved");
    assert!(lost.branched(3, &b).is_err());
    std::fs::rename(dir.join("moved.toml"), &parent).expect("moved back");
    let mut c = b.clone();
    c.advance(&d).expect("playable");
    lost.quarter_committed(&scenario, &c, "Ann").expect("saved");
    assert_ne!(
        lost.location().map(std::path::PathBuf::from),
        Some(parent.clone())
    );
    assert_eq!(std::fs::read(&parent).ok(), Some(before));
}

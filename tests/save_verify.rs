//! What `verify` catches, on saves made from real games at test time and
//! then edited the way a student (or a disk) might: each test names the
//! edit and asserts the message an instructor reads.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod save_support;

use culturesim::save::{self, ErrorKind, Hex64, Loaded, Save};
use culturesim::sim::MODEL_VERSION;
use save_support::{at, edit, eventful, play, scratch, shipped, verifier, write};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A genuine 10-quarter save of the default scenario.
fn genuine(test: &str) -> PathBuf {
    let scenario = shipped();
    let game = play(&scenario, 42, 10);
    write(&scratch(test), "game.toml", &scenario, "Team Blue", &game)
}

fn verify(path: &Path) -> Result<Loaded, save::Error> {
    verifier().verify(path)
}

fn failure(path: &Path) -> (ErrorKind, String) {
    let err = verify(path).expect_err("the edited save verified");
    let message = err.kind.to_string();
    // The file is named first, as every line of `verify` does.
    assert_eq!(err.to_string(), format!("{}: {message}", path.display()));
    (err.kind, message)
}

#[test]
fn a_genuine_save_verifies() {
    let path = genuine("genuine");
    let loaded = verify(&path).unwrap();
    assert_eq!(loaded.game.state().quarter, 10);
    let line = save::verify_line(&path, &Ok(loaded));
    // It names the scenario it was replayed on, and that scenario's hash.
    let hash = save_support::shipped().content_hash;
    let want =
        format!(": OK: Team Blue, shipped scenario 'electronics' (hash {hash:016x}), seed 42");
    assert!(line.contains(&want), "{line}");
    assert!(line.contains("quarter 10 of"), "{line}");
}

#[test]
fn an_edited_decision_is_caught_at_its_quarter() {
    let path = genuine("edited");
    // The 7th quarter's vision spending, raised a little.
    let text = std::fs::read_to_string(&path).unwrap();
    let q7 = text.find("quarter = 7\n").unwrap();
    let vision = text[q7..].find("vision = ").unwrap() + q7;
    let edited = format!("{}vision = 99.0\n{}", &text[..vision], {
        let rest = &text[vision..];
        &rest[rest.find('\n').unwrap() + 1..]
    });
    std::fs::write(&path, edited).unwrap();

    let (kind, message) = failure(&path);
    assert!(
        matches!(kind, ErrorKind::Edited { quarter: 7, .. }),
        "{message}"
    );
    assert!(
        message.starts_with("decisions edited: the replay differs from quarter 7"),
        "{message}"
    );
    assert!(message.contains("quarters 1-6 match"), "{message}");
}

#[test]
fn an_edited_checksum_is_caught_at_its_quarter() {
    let path = genuine("checksum");
    let loaded = verify(&path).unwrap();
    let third = loaded.save.quarters[2].checksum.to_string();
    edit(
        &path,
        &third,
        &Hex64(loaded.save.quarters[2].checksum.0 ^ 1).to_string(),
        0,
    );
    let (kind, message) = failure(&path);
    assert!(
        matches!(kind, ErrorKind::Edited { quarter: 3, .. }),
        "{message}"
    );
}

#[test]
fn another_seed_is_called_a_seed_edit() {
    let path = genuine("seed");
    edit(&path, "seed = 42\n", "seed = 43\n", 0);
    let (kind, message) = failure(&path);
    assert!(
        matches!(kind, ErrorKind::SeedEdited { seed: 43 }),
        "{message}"
    );
    assert!(
        message.contains("the seed (now 43) was edited, not the decisions"),
        "{message}"
    );
}

#[test]
fn decisions_outside_the_budget_are_refused_with_the_rule() {
    let path = genuine("budget");
    edit(&path, "vision = ", "vision = 1000000.0 #", 3);
    let (kind, message) = failure(&path);
    assert!(
        matches!(kind, ErrorKind::Refused { quarter: 4, .. }),
        "{message}"
    );
    assert!(message.contains("over this quarter's budget"), "{message}");
    assert!(message.contains("quarter 4"), "{message}");
}

#[test]
fn negative_and_infinite_amounts_are_refused() {
    for (n, value) in [(0, "-5.0"), (1, "inf"), (2, "nan")] {
        let path = genuine(&format!("amount-{n}"));
        edit(&path, "skills = ", &format!("skills = {value} #"), n);
        let (kind, message) = failure(&path);
        assert!(
            matches!(kind, ErrorKind::Refused { .. }),
            "{value}: {message}"
        );
        assert!(
            message.contains("skills must be a finite number"),
            "{message}"
        );
    }
}

#[test]
fn an_unknown_initiative_or_answer_is_refused() {
    let scenario = eventful();
    let game = play(&scenario, 1, 5);
    let dir = scratch("unknown");
    let path = write(&dir, "u.toml", &scenario, "Ann", &game);
    edit(&path, "\"save_test_workshop\"", "\"free_money\"", 0);
    let (kind, message) = failure(&path);
    assert!(
        matches!(kind, ErrorKind::Refused { quarter: 1, .. }),
        "{message}"
    );
    assert!(message.contains("no initiative 'free_money'"), "{message}");

    let path = write(&dir, "a.toml", &scenario, "Ann", &game);
    edit(
        &path,
        "save_test_price_war = \"hold\"",
        "save_test_price_war = \"win\"",
        0,
    );
    let (_, message) = failure(&path);
    assert!(message.contains("has no choice 'win'"), "{message}");
}

#[test]
fn a_changed_scenario_is_named_with_both_hashes() {
    let path = genuine("hash");
    let recorded = Hex64(shipped().content_hash).to_string();
    edit(
        &path,
        &format!("hash = \"{recorded}\""),
        "hash = \"00000000000000aa\"",
        0,
    );
    let (kind, message) = failure(&path);
    assert!(
        matches!(kind, ErrorKind::ScenarioChanged { .. }),
        "{message}"
    );
    assert!(message.contains("00000000000000aa"), "{message}");
    assert!(message.contains(&recorded), "{message}");
}

#[test]
fn an_unknown_scenario_says_where_it_looked() {
    let path = genuine("scenario");
    let id = shipped().id;
    edit(&path, &format!("id = \"{id}\""), "id = \"atlantis\"", 0);
    let (kind, message) = failure(&path);
    assert!(
        matches!(kind, ErrorKind::ScenarioNotFound { .. }),
        "{message}"
    );
    assert!(
        message.contains("scenario 'atlantis' not found"),
        "{message}"
    );
}

#[test]
fn another_model_version_is_named() {
    let path = genuine("model");
    let other = MODEL_VERSION + 1;
    edit(
        &path,
        "model_version = ",
        &format!("model_version = {other} #"),
        0,
    );
    let (kind, message) = failure(&path);
    assert!(matches!(kind, ErrorKind::ModelVersion { .. }), "{message}");
    assert!(
        message.contains(&format!("model version {other}")),
        "{message}"
    );
    assert!(
        message.contains(&format!("model version {MODEL_VERSION}")),
        "{message}"
    );
}

#[test]
fn a_removed_quarter_is_caught() {
    let path = genuine("removed");
    // Quarter 4 renumbered away: the log jumps from 3 to 5.
    edit(&path, "quarter = 4\n", "quarter = 5\n", 0);
    let (kind, message) = failure(&path);
    assert!(
        matches!(kind, ErrorKind::QuarterOrder { index: 4, found: 5 }),
        "{message}"
    );
}

#[test]
fn quarters_cut_from_the_end_are_caught_by_the_summary() {
    let path = genuine("cut");
    let text = std::fs::read_to_string(&path).unwrap();
    let last = text.rfind("[[quarter]]").unwrap();
    std::fs::write(&path, &text[..last]).unwrap();
    let (kind, message) = failure(&path);
    assert!(
        matches!(
            kind,
            ErrorKind::Summary {
                field: "quarter",
                ..
            }
        ),
        "{message}"
    );
    assert!(message.contains("cut short"), "{message}");
}

#[test]
fn an_edited_summary_score_is_caught() {
    let path = genuine("score");
    edit(&path, "score = ", "score = 99999.0 #", 0);
    let (kind, message) = failure(&path);
    assert!(
        matches!(kind, ErrorKind::Summary { field: "score", .. }),
        "{message}"
    );
    assert!(message.contains("99999"), "{message}");
}

#[test]
fn quarters_added_after_the_end_are_caught() {
    let scenario = shipped();
    let game = play(&scenario, 5, u32::MAX);
    assert!(game.is_over());
    let path = write(&scratch("after"), "a.toml", &scenario, "Ann", &game);
    let text = std::fs::read_to_string(&path).unwrap();
    let n = game.state().quarter + 1;
    let extra = format!(
        "\n[[quarter]]\nquarter = {n}\nchecksum = \"0000000000000000\"\n\n[quarter.decisions]\n"
    );
    std::fs::write(&path, text + &extra).unwrap();
    let (kind, message) = failure(&path);
    assert!(
        matches!(kind, ErrorKind::AfterEnd { quarter } if quarter == n),
        "{message}"
    );
}

#[test]
fn the_command_names_each_file_and_fails_unless_all_are_genuine() {
    let good = genuine("cli-good");
    let bad = genuine("cli-bad");
    edit(&bad, "vision = ", "vision = 1.5 #", 4);
    let bin = env!("CARGO_BIN_EXE_culturesim");

    let out = Command::new(bin).arg("verify").arg(&good).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains(": OK: Team Blue"), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("the save is genuine"));

    let missing = good.with_file_name("missing.toml");
    let out = Command::new(bin)
        .arg("verify")
        .args([&good, &bad, &missing])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(lines[0].contains(": OK: "), "{stdout}");
    assert!(
        lines[1].contains(": FAILED: decisions edited: the replay differs from quarter 5"),
        "{stdout}"
    );
    assert!(
        lines[2].contains("missing.toml: FAILED: cannot read the file"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("2 of 3 saves failed verification"),
        "{stderr}"
    );
}

#[test]
fn the_resume_command_replays_and_refuses_an_edited_save() {
    let good = genuine("cli-resume");
    let bin = env!("CARGO_BIN_EXE_culturesim");
    let dir = good.parent().unwrap();
    // Found by name in the saves folder, as the title screen would list it.
    let out = Command::new(bin)
        .args(["resume", "game"])
        .env("CULTURESIM_SAVES", dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("quarter 10 of"), "{stderr}");
    assert!(stderr.contains("continue at quarter 11"), "{stderr}");

    edit(&good, "vision = ", "vision = 2.5 #", 0);
    let out = Command::new(bin).arg("resume").arg(&good).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot resume: "), "{stderr}");
    assert!(stderr.contains("quarter 1"), "{stderr}");
}

#[test]
fn a_game_off_the_class_seed_is_caught_when_the_scenario_locks_it() {
    let mut locked = eventful();
    locked.lock_seed = true;
    locked.seed = 42;
    let dir = scratch("locked");
    let on_seed = write(&dir, "a.toml", &locked, "Ann", &play(&locked, 42, 4));
    let off_seed = write(&dir, "b.toml", &locked, "Bob", &play(&locked, 41, 4));
    let mut verifier = save::Verifier::new();
    verifier.add_scenario(locked);
    assert!(verifier.verify(&on_seed).is_ok());
    let err = verifier.verify(&off_seed).unwrap_err();
    assert!(
        matches!(
            err.kind,
            ErrorKind::SeedNotLocked {
                found: 41,
                locked: 42,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("locks the seed to 42"), "{err}");
}

#[test]
fn resuming_a_missing_save_lists_the_ones_there_are() {
    let good = genuine("cli-missing");
    let dir = good.parent().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_culturesim"))
        .args(["resume", "gmae"])
        .env("CULTURESIM_SAVES", dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("no save 'gmae' here or in the saves folder"),
        "{stderr}"
    );
    assert!(stderr.contains("game.toml  (Team Blue, "), "{stderr}");
}

#[test]
fn a_folder_verifies_as_the_saves_in_it() {
    let good = genuine("cli-folder");
    let dir = good.parent().unwrap();
    std::fs::write(dir.join("notes.txt"), "not a save").unwrap();
    std::fs::write(dir.join(".game.toml.1-0.tmp"), "half").unwrap();
    let bin = env!("CARGO_BIN_EXE_culturesim");
    let out = Command::new(bin).arg("verify").arg(dir).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");

    let empty = scratch("cli-empty-folder");
    let out = Command::new(bin)
        .arg("verify")
        .arg(&empty)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no save files"));
}

#[test]
fn a_scenario_handed_in_beside_the_saves_is_not_a_failed_save() {
    let good = genuine("folder-with-scenario");
    let dir = good.parent().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/electronics.toml"),
        dir.join("custom.toml"),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_culturesim"))
        .arg("verify")
        .arg(dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(!stdout.contains("custom.toml"), "{stdout}");
    // Named explicitly, it is checked, and it is not a save.
    let out = Command::new(env!("CARGO_BIN_EXE_culturesim"))
        .arg("verify")
        .arg(dir.join("custom.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_title_with_a_tab_still_makes_saves_that_verify() {
    let mut scenario = shipped();
    scenario.title = "Tab\there".into();
    let game = play(&scenario, 42, 3);
    let save = Save::from_game_at(&scenario, "Ann", &game, at(1_795_446_127));
    assert_eq!(save.scenario.title, "Tab here");
    let text = toml::to_string(&save).unwrap();
    assert!(!text.contains('\t'));
}

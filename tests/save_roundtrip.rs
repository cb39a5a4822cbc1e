//! Saves as a player meets them: a game saved after every quarter, quit in
//! quarter 7, resumed and finished; the "continue" list; file names; run
//! saves; and saves of the older format.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod save_support;

use culturesim::save::{self, ErrorKind, Hex64, Save, SavedOutcome};
use culturesim::sim::Game;
use save_support::{at, eventful, play, scratch, shipped, verifier, write};
use std::fs;

#[test]
fn a_game_quit_in_quarter_7_resumes_and_finishes_like_one_played_straight() {
    let dir = scratch("resume");
    let scenario = shipped();
    let path = save::new_path(&dir, "Team Blue", &scenario.id, at(1_795_446_127));

    // Seven quarters with an autosave after each, then the player quits.
    let mut game = Game::new(scenario.rules.clone(), 42);
    for q in 1..=7 {
        let d = save_support::decisions(game.rules(), game.state(), q);
        game.advance(&d).unwrap();
        save::autosave(&path, &scenario, "Team Blue", &game).unwrap();
    }
    drop(game);

    let mut loaded = save::resume(&path).unwrap();
    assert_eq!(loaded.game.state().quarter, 7);
    assert_eq!(loaded.player(), "Team Blue");
    assert_eq!(loaded.path, path);
    while !loaded.game.is_over() {
        let q = loaded.game.state().quarter + 1;
        let d = save_support::decisions(loaded.game.rules(), loaded.game.state(), q);
        loaded.game.advance(&d).unwrap();
        loaded.autosave().unwrap();
    }

    let finished = save::load(&path).unwrap();
    let straight = play(&scenario, 42, u32::MAX);
    assert_eq!(finished.game.state(), straight.state());
    assert_eq!(finished.save.quarters.len(), straight.history().len());
    assert_eq!(
        finished.save.summary.outcome,
        straight.state().outcome.into()
    );
    assert_eq!(
        finished.save.summary.score,
        straight.last().unwrap().kpis.score
    );
    // One file for the whole game, and no temporary files left behind.
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
}

#[test]
fn a_save_holds_initiatives_and_answers_and_replays_them() {
    let dir = scratch("eventful");
    let scenario = eventful();
    let game = play(&scenario, 7, 8);
    let path = write(&dir, "e.toml", &scenario, "Ann", &game);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("save_test_workshop"), "{text}");
    assert!(text.contains("save_test_price_war = \"hold\""), "{text}");

    let loaded = verifier().verify(&path).unwrap();
    assert_eq!(loaded.game.state(), game.state());
    assert_eq!(
        loaded.save,
        Save::from_game_at(&scenario, "Ann", &game, at(1_795_446_127))
    );
}

#[test]
fn the_file_reads_as_a_decision_log() {
    let dir = scratch("layout");
    let scenario = shipped();
    let game = play(&scenario, 3, 2);
    let text = fs::read_to_string(write(&dir, "l.toml", &scenario, "Ann", &game)).unwrap();
    for needle in [
        "# culturesim save",
        "format = 2\n",
        &format!(
            "start = \"{}\"\n",
            Hex64(Game::new(scenario.rules.clone(), 3).state().checksum())
        ),
        "seal = \"",
        &format!("model_version = {}\n", culturesim::sim::MODEL_VERSION),
        "seed = 3\n",
        "player = \"Ann\"\n",
        "[scenario]\n",
        &format!("hash = \"{}\"\n", Hex64(scenario.content_hash)),
        "[summary]\n",
        "quarter = 2\n",
        "written = 2026-11-23T15:02:07Z\n",
        "[[quarter]]\n",
        &format!("checksum = \"{}\"\n", Hex64(game.history()[1].checksum)),
        "[quarter.decisions]\n",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    assert!(text.ends_with('\n'));
}

#[test]
fn a_game_saved_before_its_first_quarter_resumes_at_quarter_1() {
    let dir = scratch("zero");
    let scenario = shipped();
    let path = dir.join("new.toml");
    save::autosave(
        &path,
        &scenario,
        "Ann",
        &Game::new(scenario.rules.clone(), 5),
    )
    .unwrap();
    let loaded = save::resume(&path).unwrap();
    assert_eq!(loaded.game.state().quarter, 0);
    assert_eq!(loaded.save.summary.outcome, SavedOutcome::Playing);
}

#[test]
fn the_continue_list_shows_newest_first_and_skips_what_is_not_a_save() {
    let dir = scratch("list");
    let scenario = shipped();
    for (i, (player, quarters)) in [("Ann", 3), ("Bob", 20), ("Cy", 7)].iter().enumerate() {
        let game = play(&scenario, i as u64, *quarters);
        let s = Save::from_game_at(&scenario, player, &game, at(1_795_446_127 + 60 * i as u64));
        save::write(&dir.join(format!("{player}.toml")), &s).unwrap();
    }
    fs::write(dir.join(".Ann.toml.1-0.tmp"), "half a sa").unwrap();
    fs::write(dir.join("notes.txt"), "not a save").unwrap();
    fs::write(dir.join("broken.toml"), "format = 1\nplayer = ").unwrap();

    let listing = save::list(&dir).unwrap();
    let who: Vec<&str> = listing.saves.iter().map(|e| e.player.as_str()).collect();
    assert_eq!(who, ["Cy", "Bob", "Ann"]);
    let cy = &listing.saves[0];
    assert_eq!((cy.quarter, cy.quarters), (7, scenario.rules.quarters));
    assert_eq!(cy.scenario_id, scenario.id);
    assert_eq!(cy.scenario_title, scenario.title);
    assert_eq!(cy.outcome, SavedOutcome::Playing);
    assert_eq!(cy.written.to_string(), "2026-11-23T15:04:07Z");
    assert!(cy.score.is_finite());
    assert_eq!(listing.problems.len(), 1);
    assert!(listing.problems[0].to_string().contains("broken.toml"));

    let nothing = save::list(&dir.join("not-yet")).unwrap();
    assert!(nothing.saves.is_empty() && nothing.problems.is_empty());
}

#[test]
fn new_games_get_distinct_safe_file_names() {
    let dir = scratch("names");
    let scenario = shipped();
    let when = at(1_795_446_127);
    let first = save::new_path(&dir, "../Team: Blue*", &scenario.id, when);
    assert_eq!(first.parent(), Some(dir.as_path()));
    let name = first.file_name().unwrap().to_str().unwrap();
    assert!(name.starts_with("team-blue_"), "{name}");
    assert!(name.ends_with("_20261123-150207.toml"), "{name}");
    save::autosave(&first, &scenario, "x", &play(&scenario, 1, 1)).unwrap();
    let second = save::new_path(&dir, "../Team: Blue*", &scenario.id, when);
    assert_ne!(first, second);
    assert!(second.to_str().unwrap().ends_with("-2.toml"));
}

#[test]
fn a_run_save_is_written_where_asked_and_never_creates_folders() {
    let dir = scratch("run");
    let scenario = shipped();
    let game = play(&scenario, 9, u32::MAX);
    let path = dir.join("reference.toml");
    save::write_run(&path, &scenario, "reference", &game).unwrap();
    assert_eq!(save::load(&path).unwrap().game.state(), game.state());

    let err = save::write_run(&dir.join("typo/x.toml"), &scenario, "r", &game).unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Write { .. }), "{err}");
    assert!(err.to_string().contains("typo"), "{err}");
}

/// Rewrites a save in the prototype's format 0 (see `migrate.rs`), which
/// recorded the hash of the scenario file's bytes.
fn to_format_0(save: &Save) -> String {
    let mut out = format!(
        "version = 0\nmodel = {}\nscenario = \"{}\"\nscenario_hash = {}\nseed = {}\nplayer = \"{}\"\n\n",
        save.model_version,
        save.scenario.id,
        shipped().file_hash as i64,
        save.seed,
        save.player
    );
    out += "[summary]\n";
    out += &toml::to_string(&save.summary).unwrap();
    for q in &save.quarters {
        out += &format!("\n[[decisions]]\nchecksum = {}\n", q.checksum.0 as i64);
        // Answers are a sub-table of this quarter's entry.
        out += &toml::to_string(&q.decisions)
            .unwrap()
            .replace("[answers]", "[decisions.answers]");
    }
    out
}

#[test]
fn a_format_0_save_is_migrated_and_verifies() {
    let dir = scratch("v0");
    let scenario = shipped();
    let game = play(&scenario, 11, 6);
    let v1 = Save::from_game_at(&scenario, "Ann", &game, at(1_795_446_127));
    let path = dir.join("old.toml");
    fs::write(&path, to_format_0(&v1)).unwrap();

    let loaded = save::load(&path).unwrap();
    assert_eq!(loaded.read_format, 0);
    assert_eq!(loaded.game.state(), game.state());
    assert!(save::status(&loaded).contains("format version 0"));
    // Saving the resumed game writes the current format.
    loaded.autosave().unwrap();
    assert!(fs::read_to_string(&path).unwrap().contains("format = 2\n"));
    assert_eq!(save::load(&path).unwrap().read_format, 2);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Any amounts a player can type survive the file bit for bit, so the
    /// replay of a save is the game that was played.
    #[test]
    fn any_amounts_round_trip_exactly(
        fractions in proptest::collection::vec(0.0f64..0.25, 12),
        seed in 0u64..u64::MAX,
    ) {
        let scenario = shipped();
        let budget = scenario.rules.budget;
        let mut game = Game::new(scenario.rules.clone(), seed);
        for f in fractions.chunks(4) {
            let d = culturesim::sim::Decisions {
                vision: f[0] * budget,
                insight: f[1] * budget,
                skills: f[2] * budget,
                marketing: f[3] * budget,
                ..Default::default()
            };
            if game.advance(&d).is_err() {
                break;
            }
        }
        let text = Save::from_game(&scenario, "P", &game).to_toml().unwrap();
        let decoded = save::decode(text.as_bytes()).unwrap();
        for (entry, report) in decoded.save.quarters.iter().zip(game.history()) {
            proptest::prop_assert_eq!(entry.decisions.vision.to_bits(), report.decisions.vision.to_bits());
            proptest::prop_assert_eq!(entry.decisions.marketing.to_bits(), report.decisions.marketing.to_bits());
        }
        let loaded = save::Verifier::new().replay(std::path::Path::new("p.toml"), decoded).unwrap();
        proptest::prop_assert_eq!(loaded.game.state(), game.state());
    }
}

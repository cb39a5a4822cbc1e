//! Helpers shared by the `save_*` tests: scratch folders, a scenario with
//! an initiative and a dilemma (so saves carry both), and games played
//! with decisions that change every quarter.
#![allow(dead_code, clippy::panic)]

use culturesim::save::{self, Verifier};
use culturesim::scenario::{self, Scenario};
use culturesim::sim::{Choice, Decisions, DilemmaDef, Game, InitiativeDef, Rules, State, Trigger};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A fresh, empty folder for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("save-tests-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// A fixed clock for files that tests compare byte for byte.
pub fn at(secs: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(secs)
}

/// The default shipped scenario: what a class plays unless told otherwise.
pub fn shipped() -> Scenario {
    scenario::shipped()
        .into_iter()
        .next()
        .unwrap_or_else(Scenario::reference)
}

/// The default scenario plus an initiative and a dilemma in quarter 3, so
/// saves hold initiatives and answers. Verify it with [`verifier`].
pub fn eventful() -> Scenario {
    let base = shipped();
    let mut rules: Rules = (*base.rules).clone();
    rules.initiatives.push(InitiativeDef {
        id: "save_test_workshop".into(),
        title: "Customer workshop".into(),
        text: "Model the concept with customers.".into(),
        cost: 30.0,
        cooldown: 4,
        load: 5.0,
        effects: Vec::new(),
    });
    let choice = |id: &str, cost| Choice {
        id: id.into(),
        label: id.into(),
        text: String::new(),
        cost,
        effects: Vec::new(),
    };
    rules.dilemmas.push(DilemmaDef {
        id: "save_test_price_war".into(),
        title: "A rival cuts prices".into(),
        text: "Match them?".into(),
        trigger: Trigger {
            quarter: Some(3),
            ..Trigger::default()
        },
        choices: vec![choice("match", 50.0), choice("hold", 0.0)],
        default_choice: 0,
    });
    Scenario {
        id: "save-test".into(),
        title: "Save test organization".into(),
        origin: "builtin:save-test".into(),
        content_hash: 0x5a7e_0000_0000_0001,
        rules: Arc::new(rules),
        ..base
    }
}

/// A verifier that knows [`eventful`].
pub fn verifier() -> Verifier {
    let mut v = Verifier::new();
    v.add_scenario(eventful());
    v
}

/// Decisions that differ by quarter and seed, pay a dividend every fourth
/// quarter, start an initiative when one
/// is ready and answer every open dilemma with its last choice; anything
/// the rules refuse falls back to spending nothing.
pub fn decisions(rules: &Rules, state: &State, q: u32) -> Decisions {
    let unit = rules.budget / 400.0;
    let wobble = f64::from((q * 7 + state.seed as u32 % 5) % 11);
    let mut d = Decisions {
        vision: (20.0 + wobble) * unit,
        insight: (50.0 + 2.0 * wobble) * unit,
        skills: (60.0 - wobble) * unit,
        marketing: (10.0 + wobble) * unit,
        // A dividend some quarters, so that saves replay payouts too.
        payout: if q % 4 == 2 { 50.0 * unit } else { 0.0 },
        ..Decisions::default()
    };
    // The last initiative: the test scenario's own, added after the shipped ones.
    if let Some((i, def)) = rules.initiatives.iter().enumerate().next_back()
        && state.cooldowns.get(i) == Some(&0)
        && q % 3 == 1
    {
        d.initiatives.push(def.id.clone());
    }
    for p in &state.pending {
        if let Some(def) = rules.dilemmas.get(usize::from(*p))
            && let Some(c) = def.choices.last()
        {
            d.answers.insert(def.id.clone(), c.id.clone());
        }
    }
    if d.cash_check(rules, state).is_ok() {
        d
    } else {
        Decisions::default()
    }
}

/// `quarters` quarters of `scenario` (fewer if the game ends first).
pub fn play(scenario: &Scenario, seed: u64, quarters: u32) -> Game {
    let mut game = Game::new(scenario.rules.clone(), seed);
    while !game.is_over() && game.state().quarter < quarters {
        let q = game.state().quarter + 1;
        let d = decisions(game.rules(), game.state(), q);
        if game.advance(&d).is_err() {
            break;
        }
    }
    game
}

/// Writes `game` as `dir/name` with a fixed date and returns the path.
pub fn write(dir: &Path, name: &str, scenario: &Scenario, player: &str, game: &Game) -> PathBuf {
    let path = dir.join(name);
    let s = save::Save::from_game_at(scenario, player, game, at(1_795_446_127));
    let result = save::write(&path, &s);
    assert!(result.is_ok(), "{result:?}");
    path
}

/// Replaces the `n`th (from 0) occurrence of `from` in the file.
pub fn edit(path: &Path, from: &str, to: &str, n: usize) {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let Some((at, _)) = text.match_indices(from).nth(n) else {
        panic!("`{from}` occurs fewer than {} times in\n{text}", n + 1);
    };
    let edited = format!("{}{to}{}", &text[..at], &text[at + from.len()..]);
    assert!(std::fs::write(path, edited).is_ok());
}

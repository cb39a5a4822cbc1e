//! A class of saves built through the library, as an instructor would
//! receive it: saves of the reference plans, an edited one, one on another
//! seed, a copy under another name, a second save of one player, an
//! unfinished game, another scenario, an unreadable file and a player
//! with a hostile name.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use culturesim::plan::{self, Plan};
use culturesim::save;
use culturesim::scenario::{self, Scenario};
use culturesim::sim::Game;
use std::fs;
use std::path::{Path, PathBuf};

/// The hostile player's name as written in the save. Saves refuse control
/// characters in names, so those ride in the file's name instead.
pub const HOSTILE_NAME: &str = r#"<script>alert('x')</script> "Q" =1+1 |*_[x](y)"#;
/// A file name with a terminal escape and a bell in it.
pub const HOSTILE_FILE: &str = "Zed\u{1b}[31m\u{7}.toml";

pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("class-tests-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn electronics() -> Scenario {
    scenario::load("electronics").unwrap()
}

/// A whole game of a reference plan.
pub fn played(s: &Scenario, plan: &str, seed: u64) -> Game {
    let p = Plan::reference(plan, &s.rules).unwrap();
    plan::play(s.rules.clone(), seed, &p, plan).unwrap()
}

pub fn write(dir: &Path, file: &str, s: &Scenario, player: &str, game: &Game) -> PathBuf {
    let path = dir.join(file);
    save::write_run(&path, s, player, game).unwrap();
    path
}

/// The reference plans the class "played", with the players' names.
pub const PLAYERS: [(&str, &str); 8] = [
    ("Ada", "balanced"),
    ("Ben", "sequenced"),
    ("Cai", "all-at-once"),
    ("Dee", "cost-cutter"),
    ("Eve", "vision-only"),
    ("Fay", "insight-only"),
    ("Gus", "skills-only"),
    ("Hal", "do-nothing"),
];

/// Builds the class in `dir`; returns the scenario.
pub fn class(dir: &Path) -> Scenario {
    let s = electronics();
    for (player, plan) in PLAYERS {
        write(
            dir,
            &format!("{player}.toml"),
            &s,
            player,
            &played(&s, plan, s.seed),
        );
    }
    // Edited: Ben's quarter 5 vision changed by hand.
    let text = fs::read_to_string(dir.join("Ben.toml")).unwrap();
    let mut parts: Vec<String> = text.split("[[quarter]]").map(String::from).collect();
    let q5 = &parts[5];
    let at = q5.find("vision = ").unwrap();
    let end = at + q5[at..].find('\n').unwrap();
    parts[5] = format!("{}vision = 99.0{}", &q5[..at], &q5[end..]);
    fs::write(dir.join("Ben-edited.toml"), parts.join("[[quarter]]")).unwrap();
    // Another seed.
    write(dir, "Ivy.toml", &s, "Ivy", &played(&s, "balanced", 7));
    // A copy of Cai's decisions, played and handed in by Jo (editing the
    // name in Cai's file would break its seal).
    write(dir, "Jo.toml", &s, "Jo", &played(&s, "all-at-once", s.seed));
    // A second save of Ada: the same game, another file.
    fs::copy(dir.join("Ada.toml"), dir.join("Ada-again.toml")).unwrap();
    // Unfinished: eight quarters of balanced.
    let mut g = Game::new(s.rules.clone(), s.seed);
    let bal = Plan::balanced(&s.rules);
    for q in 1..=8 {
        let d = bal.decisions_for(q, &s.rules, g.state());
        g.advance(&d).unwrap();
    }
    write(dir, "Kim.toml", &s, "Kim", &g);
    // Another scenario.
    let alpine = scenario::load("alpine").unwrap();
    write(
        dir,
        "Lou.toml",
        &alpine,
        "Lou",
        &played(&alpine, "balanced", alpine.seed),
    );
    // Unreadable: a save header, then binary.
    fs::write(
        dir.join("Max.toml"),
        b"format = 1\nmodel_version = 2\n\x00\x01\x02",
    )
    .unwrap();
    // Hostile name on a genuine balanced game.
    write(
        dir,
        HOSTILE_FILE,
        &s,
        HOSTILE_NAME,
        &played(&s, "balanced", s.seed),
    );
    s
}

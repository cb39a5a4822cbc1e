//! The market folder as a class uses it: three teams over five rounds,
//! with a missed submission, a resubmission, a rollback, files in the
//! wrong place or edited after resolve, and verify after every resolve.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use culturesim::market::{self, Source, TeamStatus};
use culturesim::sim::Decisions;
use std::fs;
use std::path::{Path, PathBuf};

/// A fresh folder per test (removed at the end of a passing test).
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let dir =
            std::env::temp_dir().join(format!("culturesim-market-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        Dir(dir)
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = fs::remove_dir_all(&self.0);
        }
    }
}

fn teams() -> Vec<String> {
    ["Red", "Blue", "Green"].map(String::from).to_vec()
}

fn spend(marketing: f64) -> Decisions {
    Decisions {
        vision: 20.0,
        insight: 40.0,
        skills: 40.0,
        marketing,
        ..Decisions::default()
    }
}

fn all_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap().filter_map(Result::ok) {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn verify_clean(dir: &Path) {
    let (_, problems) = market::verify(dir).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn three_teams_five_rounds() {
    let d = Dir::new("five");
    let dir = &d.0;
    market::new_market(dir, "electronics", &teams(), Some(11)).unwrap();
    for round in 1..=5u32 {
        // Green misses round 2; Blue changes its mind in round 3.
        market::submit(dir, "Red", &spend(30.0)).unwrap();
        if round != 2 {
            market::submit(dir, "Green", &spend(0.0)).unwrap();
        }
        market::submit(dir, "Blue", &spend(10.0)).unwrap();
        if round == 3 {
            market::submit(dir, "Blue", &spend(90.0)).unwrap();
        }
        if round == 2 {
            let refused = market::resolve(dir, false).unwrap_err();
            assert!(refused.what.contains("Green"), "{refused}");
            assert!(refused.fix.contains("--force"), "{refused}");
        }
        let done = market::resolve(dir, round == 2).unwrap();
        assert!(done.played);
        assert_eq!(done.round, round);
        if round == 2 {
            assert_eq!(
                done.defaulted,
                vec![("Green".to_string(), Source::Repeated)]
            );
        }
        verify_clean(dir);
    }
    let rep = market::replay(dir).unwrap();
    assert_eq!(rep.resolved(), 5);
    assert_eq!(
        rep.records[2].teams[1].decisions.marketing, 90.0,
        "the resubmission counts"
    );
    assert_eq!(
        rep.records[1].teams[2].decisions,
        spend(0.0),
        "Green repeated round 1"
    );
    for r in 1..=5 {
        assert!(dir.join(format!("round-{r:02}/industry.txt")).exists());
        assert!(dir.join(format!("round-{r:02}/private/Green.txt")).exists());
    }
    let board = fs::read_to_string(dir.join("leaderboard.txt")).unwrap();
    assert!(board.contains("after round 5"), "{board}");

    // Resolving again changes nothing: no round, no byte.
    let before = all_files(dir);
    let again = market::resolve(dir, true).unwrap();
    assert!(!again.played);
    assert_eq!(all_files(dir), before);

    // Roll back to round 3, replay rounds 4 and 5 the same way: the same bits.
    let round5 = fs::read(dir.join("round-05/resolved.toml")).unwrap();
    market::rollback(dir, 3).unwrap();
    assert!(!dir.join("round-04/resolved.toml").exists());
    assert!(
        dir.join("round-04/Red.toml").exists(),
        "round 4's decisions are kept"
    );
    assert!(!dir.join("round-05").exists());
    assert_eq!(market::replay(dir).unwrap().open_round(), Some(4));
    verify_clean(dir);
    market::resolve(dir, false).unwrap();
    for team in ["Red", "Blue", "Green"] {
        let d = if team == "Red" {
            30.0
        } else if team == "Blue" {
            10.0
        } else {
            0.0
        };
        market::submit(dir, team, &spend(d)).unwrap();
    }
    market::resolve(dir, false).unwrap();
    assert_eq!(
        fs::read(dir.join("round-05/resolved.toml")).unwrap(),
        round5
    );
    verify_clean(dir);
}

#[test]
fn files_in_the_wrong_place_or_edited_after_resolve_are_refused() {
    let d = Dir::new("refused");
    let dir = &d.0;
    market::new_market(dir, "electronics", &teams(), None).unwrap();
    market::submit(dir, "Red", &spend(0.0)).unwrap();
    market::submit(dir, "Blue", &spend(0.0)).unwrap();
    // Green's file says it is Red's; a stray file names no team.
    let red = fs::read_to_string(dir.join("round-01/Red.toml")).unwrap();
    fs::write(dir.join("round-01/Green.toml"), &red).unwrap();
    fs::write(dir.join("round-01/Yellow.toml"), &red).unwrap();
    let rep = market::replay(dir).unwrap();
    let st = market::status(&rep);
    let TeamStatus::Invalid(e) = &st.teams[2].1 else {
        panic!("{:?}", st.teams[2])
    };
    assert!(
        e.what.contains("team 'Red'") && e.fix.contains("Red.toml"),
        "{e}"
    );
    assert!(st.stray[0].file.ends_with("Yellow.toml"), "{:?}", st.stray);
    assert!(market::resolve(dir, false).is_err());
    fs::remove_file(dir.join("round-01/Yellow.toml")).unwrap();
    // A file for the wrong round.
    fs::write(
        dir.join("round-01/Green.toml"),
        red.replace("Red", "Green")
            .replace("round = 1", "round = 2"),
    )
    .unwrap();
    let err = market::resolve(dir, false).unwrap_err();
    assert!(err.what.contains("for round 2"), "{err}");
    // Over budget.
    assert!(
        market::submit(dir, "Green", &spend(1.0e6))
            .unwrap_err()
            .what
            .contains("budget")
    );
    market::submit(dir, "Green", &spend(5.0)).unwrap();
    market::resolve(dir, false).unwrap();
    verify_clean(dir);

    // After resolve: an edited decisions file and an edited report are named.
    let path = dir.join("round-01/Blue.toml");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("marketing = 0.0", "marketing = 99.0");
    fs::write(&path, text).unwrap();
    fs::write(dir.join("round-01/industry.txt"), "all fine").unwrap();
    let (_, problems) = market::verify(dir).unwrap();
    let names: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 2, "{names:?}");
    assert!(
        names[0].contains("round-01/Blue.toml") && names[0].contains("edited after round 1"),
        "{names:?}"
    );
    assert!(names[1].contains("industry.txt"), "{names:?}");
    // The played decisions stand; resolve with nothing new rewrites the report.
    assert_eq!(
        market::replay(dir).unwrap().records[0].teams[1]
            .decisions
            .marketing,
        0.0
    );
    market::resolve(dir, false).unwrap();
    let (_, problems) = market::verify(dir).unwrap();
    assert_eq!(problems.len(), 1);

    // An edited record no longer replays, and says how to recover.
    let rec = dir.join("round-01/resolved.toml");
    let text = fs::read_to_string(&rec)
        .unwrap()
        .replacen("vision = 20.0", "vision = 21.0", 1);
    fs::write(&rec, text).unwrap();
    let err = market::verify(dir).unwrap_err();
    assert!(
        err.what.contains("different result") && err.fix.contains("rollback"),
        "{err}"
    );
}

#[test]
fn bad_setups_are_refused_clearly() {
    let d = Dir::new("setup");
    let dir = &d.0;
    let one = vec!["Solo".to_string()];
    assert!(
        market::new_market(dir, "electronics", &one, None)
            .unwrap_err()
            .what
            .contains("2 to 6")
    );
    let twice = ["A", "a"].map(String::from).to_vec();
    assert!(
        market::new_market(dir, "electronics", &twice, None)
            .unwrap_err()
            .what
            .contains("twice")
    );
    let path = ["A", "../x"].map(String::from).to_vec();
    assert!(
        market::new_market(dir, "electronics", &path, None)
            .unwrap_err()
            .what
            .contains("not allowed")
    );
    assert!(market::new_market(dir, "nonesuch", &teams(), None).is_err());
    market::new_market(dir, "electronics", &teams(), None).unwrap();
    assert!(
        market::new_market(dir, "electronics", &teams(), None)
            .unwrap_err()
            .what
            .contains("already")
    );
    assert!(
        market::submit(dir, "Purple", &spend(0.0))
            .unwrap_err()
            .fix
            .contains("Red, Blue, Green")
    );
    assert!(market::rollback(dir, 3).is_err());
}

#[test]
fn the_html_report_is_self_contained_and_escaped() {
    let d = Dir::new("html");
    let dir = &d.0;
    fs::create_dir_all(dir).unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/electronics.toml");
    let text = fs::read_to_string(source).unwrap().replace(
        "title = \"The Laptop Nobody Owned\"",
        "title = \"<script>alert(1)</script> & Co\"",
    );
    let file = dir.join("mine.toml");
    fs::write(&file, text).unwrap();
    let folder = dir.join("market");
    market::new_market(&folder, file.to_str().unwrap(), &teams(), None).unwrap();
    // The folder carries its own copy of the scenario: it replays without the original.
    fs::remove_file(&file).unwrap();
    for round in 1..=3 {
        market::submit(&folder, "Red", &spend(10.0 * f64::from(round))).unwrap();
        market::resolve(&folder, true).unwrap();
    }
    let html = fs::read_to_string(folder.join("industry.html")).unwrap();
    assert!(!html.contains("<script"), "markup escaped");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
    assert!(
        !html.contains("src=") && !html.contains("href="),
        "nothing fetched"
    );
    // Two charts (share, culture), one line per firm each; a table per round.
    assert_eq!(html.matches("<polyline").count(), 2 * 3);
    assert_eq!(html.matches("<h2>Round").count(), 3);
    for team in teams() {
        assert!(html.contains(&format!("<th>{team}</th>")));
    }
    let industry = fs::read_to_string(folder.join("round-03/industry.txt")).unwrap();
    assert!(industry.contains("Market share %"), "{industry}");
    verify_clean(&folder);
}

#[test]
fn a_bankrupt_firm_is_out_and_the_market_goes_on() {
    let d = Dir::new("bankrupt");
    let dir = &d.0;
    fs::create_dir_all(dir).unwrap();
    // A bank that lends nothing: spending the whole budget at once ends a firm.
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/market.toml");
    let text = fs::read_to_string(source)
        .unwrap()
        .replace("credit_line = -1000", "credit_line = 0")
        .replace("cash = 1500", "cash = 100")
        .replace("[board]", "[economics]\nfixed_costs = 600\n\n[board]");
    let file = dir.join("tight.toml");
    fs::write(&file, text).unwrap();
    let folder = dir.join("m");
    market::new_market(&folder, file.to_str().unwrap(), &teams(), None).unwrap();
    let all_in = Decisions {
        vision: 100.0,
        insight: 100.0,
        skills: 100.0,
        marketing: 100.0,
        ..Decisions::default()
    };
    market::submit(&folder, "Red", &all_in).unwrap();
    market::submit(&folder, "Blue", &Decisions::default()).unwrap();
    market::submit(&folder, "Green", &Decisions::default()).unwrap();
    market::resolve(&folder, false).unwrap();
    let rep = market::replay(&folder).unwrap();
    let st = market::status(&rep);
    assert_eq!(
        st.teams[0].1,
        TeamStatus::Out,
        "{:?}",
        rep.rounds[0][0].as_ref().map(|r| r.outcome)
    );
    assert!(
        market::submit(&folder, "Red", &spend(0.0))
            .unwrap_err()
            .what
            .contains("out of the game")
    );
    // The others play on without Red's file; its customers stay with it, out of the pool.
    market::submit(&folder, "Blue", &spend(10.0)).unwrap();
    market::submit(&folder, "Green", &spend(10.0)).unwrap();
    let done = market::resolve(&folder, false).unwrap();
    assert!(done.played);
    assert_eq!(done.replayed.records[1].teams[0].source, Source::Out);
    let industry = fs::read_to_string(folder.join("round-02/industry.txt")).unwrap();
    assert!(industry.contains("bankrupt"), "{industry}");
    verify_clean(&folder);
}

#[test]
fn a_market_of_another_model_version_is_refused() {
    let d = Dir::new("version");
    let dir = &d.0;
    market::new_market(dir, "electronics", &teams(), None).unwrap();
    let setup = dir.join("market.toml");
    let text = fs::read_to_string(&setup).unwrap();
    let current = format!("model_version = {}", culturesim::sim::MODEL_VERSION);
    assert!(text.contains(&current), "{text}");
    fs::write(&setup, text.replace(&current, "model_version = 1")).unwrap();
    let err = market::replay(dir).unwrap_err();
    assert!(
        err.what.contains("model version 1") && err.fix.contains("model version 1"),
        "{err}"
    );
}

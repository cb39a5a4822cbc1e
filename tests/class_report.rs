//! The class report on a fixture class built through the library: ranks,
//! statuses, score terms that add up, benchmarks, flags for copies and
//! repeated players, and hostile names escaped in every format.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod class_support;

use class_support::{class, played, scratch};
use culturesim::command::class::build;
use culturesim::report::class::{self as report, ClassReport, Status};

fn built(name: &str) -> (ClassReport, culturesim::scenario::Scenario) {
    let dir = scratch(name);
    let s = class(&dir);
    let r = build(&[dir], None, Some(2)).unwrap();
    (r, s)
}

fn file_of(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

fn status<'a>(r: &'a ClassReport, file: &str) -> &'a Status {
    &r.rows
        .iter()
        .find(|row| file_of(&row.file) == file)
        .unwrap()
        .status
}

#[test]
fn every_save_gets_its_status() {
    let (r, _) = built("status");
    assert_eq!(r.rows.len(), 16);
    assert_eq!(r.seed, Some(2024));
    assert_eq!(status(&r, "Ada.toml"), &Status::Genuine);
    assert_eq!(status(&r, "Ben.toml"), &Status::Genuine);
    assert_eq!(
        status(&r, "Ben-edited.toml"),
        &Status::Edited { from: Some(5) }
    );
    assert_eq!(status(&r, "Ivy.toml"), &Status::OtherSeed);
    assert_eq!(status(&r, "Jo.toml"), &Status::Genuine);
    assert_eq!(status(&r, "Kim.toml"), &Status::Unfinished);
    assert_eq!(status(&r, "Lou.toml"), &Status::OtherScenario);
    assert_eq!(status(&r, "Max.toml"), &Status::Unreadable);
    assert_eq!(status(&r, class_support::HOSTILE_FILE), &Status::Genuine);
    // Set-aside saves say why, and are never ranked.
    for row in r.rows.iter().filter(|row| row.status != Status::Genuine) {
        assert!(row.rank.is_none() && !row.reason.is_empty(), "{row:?}");
    }
    assert!(
        r.rows
            .iter()
            .find(|x| file_of(&x.file) == "Kim.toml")
            .unwrap()
            .reason
            .contains("quarter 8 of 20")
    );
}

#[test]
fn genuine_saves_are_ranked_by_score_with_terms_that_add_up() {
    let (r, s) = built("rank");
    let ranked: Vec<_> = r.ranked().collect();
    assert_eq!(ranked.len(), 11);
    // Ranked rows come first, best first; equal scores share a rank.
    assert!(ranked.windows(2).all(|w| w[0].1.total() >= w[1].1.total()));
    for w in ranked.windows(2) {
        let (a, b) = (w[0].0.rank.unwrap(), w[1].0.rank.unwrap());
        if w[0].1.total() == w[1].1.total() {
            assert_eq!(a, b);
        } else {
            assert!(b > a);
        }
    }
    assert_eq!(ranked[0].0.rank, Some(1));
    // Each score is the replayed plan's, term by term.
    for (row, d) in &ranked {
        let score = d.score.as_ref().unwrap();
        let sum: f64 = score.terms.iter().map(|t| t.points).sum::<f64>() - score.penalty;
        assert_eq!(sum, score.total, "{}", row.file);
        for t in &score.terms {
            assert!((t.points - t.weight * t.value).abs() < 1e-9);
        }
        assert_eq!(score.terms.len(), s.rules.scoring.weights.len());
    }
    let score_of = |player: &str| {
        ranked
            .iter()
            .find(|(_, d)| d.player == player)
            .unwrap()
            .1
            .total()
    };
    for (player, plan) in class_support::PLAYERS {
        let game = played(&s, plan, s.seed);
        assert_eq!(
            score_of(player),
            game.last().unwrap().kpis.score,
            "{player}"
        );
    }
    // Balanced (Ada, her second save, and Zed's copy) tops this class.
    let top: Vec<&str> = ranked
        .iter()
        .filter(|x| x.0.rank == Some(1))
        .map(|x| x.1.player.as_str())
        .collect();
    assert_eq!(top.len(), 3, "{top:?}");
    // The benchmark rows are played on the class's seed.
    let b = r.bench.as_ref().unwrap();
    assert_eq!(b.seed, 2024);
    assert_eq!(b.do_nothing.score(), score_of("Hal"));
    assert_eq!(b.balanced.score(), score_of("Ada"));
    assert!(b.best.score() >= b.balanced.score());
}

#[test]
fn copies_repeats_distribution_and_why_are_reported() {
    let (r, _) = built("flags");
    let files = |g: &report::CopyGroup| -> Vec<String> {
        g.files.iter().map(|f| file_of(f).to_string()).collect()
    };
    let cai = r
        .copies
        .iter()
        .find(|g| files(g).contains(&"Cai.toml".to_string()))
        .unwrap();
    assert!(cai.identical && files(cai).contains(&"Jo.toml".to_string()));
    assert!(r.repeats.iter().any(|(p, f)| p == "Ada" && f.len() == 2));
    let d = r.distribution.as_ref().unwrap();
    assert_eq!(d.count, 11);
    assert_eq!(d.bins.iter().map(|b| b.1).sum::<usize>(), 11);
    assert!(d.five.windows(2).all(|w| w[0] <= w[1]));
    let why = r.why.as_ref().unwrap();
    assert_eq!(why.group, 3);
    assert!(why.mean_top > why.mean_bottom);
    assert!(!why.causes.is_empty() && why.levers_top.len() == 5);
    // The top spent on insight; the bottom (skills-only, vision-only, …) not all.
    let insight = |v: &[[f64; 4]]| v.iter().map(|y| y[1]).sum::<f64>();
    assert!(insight(&why.levers_top) > insight(&why.levers_bottom));
}

#[test]
fn csv_is_ready_for_a_gradebook() {
    let (r, _) = built("csv");
    let csv = report::render_csv(&r);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "player,rank,score,status,file");
    assert_eq!(lines.len(), 17);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Hal,") && l.contains(",genuine,"))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains(",,,edited from quarter 5,"))
    );
    assert!(!csv.chars().any(|c| c.is_control() && c != '\n'));
    // The hostile name is quoted (its quotes doubled) and its controls gone.
    let zed = lines.iter().find(|l| l.contains("script")).unwrap();
    assert!(
        zed.starts_with("\"<script>alert('x')</script> \"\"Q\"\" =1+1"),
        "{zed}"
    );
}

#[test]
fn a_scenario_that_locks_its_seed_sets_aside_games_on_another() {
    let dir = scratch("locked");
    let s = culturesim::scenario::load("tutorial").unwrap();
    assert!(s.lock_seed);
    for (player, plan) in [
        ("Ann", "balanced"),
        ("Bob", "do-nothing"),
        ("Cy", "sequenced"),
    ] {
        class_support::write(
            &dir,
            &format!("{player}.toml"),
            &s,
            player,
            &played(&s, plan, s.seed),
        );
    }
    class_support::write(
        &dir,
        "Dot.toml",
        &s,
        "Dot",
        &played(&s, "balanced", s.seed + 1),
    );
    let r = build(&[dir], None, Some(3)).unwrap();
    assert_eq!(r.seed, Some(s.seed));
    assert_eq!(status(&r, "Dot.toml"), &Status::OtherSeed);
    let dot = r
        .rows
        .iter()
        .find(|x| file_of(&x.file) == "Dot.toml")
        .unwrap();
    assert!(dot.reason.contains("locks the seed"), "{}", dot.reason);
    assert_eq!(r.ranked().count(), 3);
    // Too few for a top and a bottom quarter: no comparison, said plainly.
    assert!(r.why.is_none());
    assert_eq!(r.ranked().next().unwrap().1.player, "Ann");
}

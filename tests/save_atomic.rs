//! A save being written when its process is killed: the file on disk is
//! always a whole save, the previous one or the next one. This test binary
//! re-invokes itself as the writer (`writer_child`), SIGKILLs it at
//! varying moments, and reads what is left.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod save_support;

use culturesim::save::{self, Save};
use save_support::{at, play, scratch, shipped};
use std::fs;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::Duration;

const TARGET: &str = "CULTURESIM_TEST_WRITER_TARGET";

/// Two genuine saves of different lengths, so a mix of the two, or half
/// of one, cannot pass for either.
fn two_saves() -> (String, String) {
    let scenario = shipped();
    let text = |quarters, secs| {
        let game = play(&scenario, 99, quarters);
        Save::from_game_at(&scenario, "Kill Test", &game, at(secs))
            .to_toml()
            .unwrap()
    };
    (text(3, 1_795_446_127), text(20, 1_795_446_187))
}

/// The writer: replaces the save with A, B, A, B… until it is killed. Does
/// nothing when run as an ordinary test.
#[test]
fn writer_child() {
    let Ok(target) = std::env::var(TARGET) else {
        return;
    };
    let target = PathBuf::from(target);
    let (a, b) = two_saves();
    // Tell the parent the loop has started, then write until killed.
    fs::write(target.with_extension("ready"), "").unwrap();
    loop {
        save::write_atomic(&target, b.as_bytes()).unwrap();
        save::write_atomic(&target, a.as_bytes()).unwrap();
    }
}

#[test]
fn a_save_killed_mid_write_is_the_old_one_or_the_new_one_whole() {
    let dir = scratch("kill");
    let target = dir.join("game.toml");
    let ready = target.with_extension("ready");
    let (a, b) = two_saves();
    let me = std::env::current_exe().unwrap();
    let mut seen = (0, 0);
    for round in 0..24u64 {
        save::write_atomic(&target, a.as_bytes()).unwrap();
        let _ = fs::remove_file(&ready);
        let mut child = Command::new(&me)
            .args(["writer_child", "--exact", "--nocapture", "--test-threads=1"])
            .env(TARGET, &target)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        for _ in 0..2000 {
            if ready.exists() {
                break;
            }
            sleep(Duration::from_millis(1));
        }
        // Kills land at different points of the write-sync-rename cycle.
        sleep(Duration::from_micros(300 + round * 977 % 9000));
        child.kill().unwrap();
        child.wait().unwrap();

        let on_disk = fs::read_to_string(&target).unwrap();
        if on_disk == a {
            seen.0 += 1;
        } else if on_disk == b {
            seen.1 += 1;
        } else {
            panic!("round {round}: the save on disk is neither whole save:\n{on_disk}");
        }
        assert!(save::load(&target).is_ok(), "round {round}");
    }
    // Whatever temporary files the kills left, the folder lists one save.
    let listing = save::list(&dir).unwrap();
    assert_eq!(listing.saves.len(), 1);
    assert!(listing.problems.is_empty(), "{:?}", listing.problems);
    eprintln!(
        "after 24 kills: {} times A, {} times B on disk",
        seen.0, seen.1
    );
}

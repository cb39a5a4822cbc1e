//! Bad input gets a clear error, never a panic: one fixture per kind of
//! malformed file (see tests/fixtures/saves/README.md), the message the
//! user reads asserted for each, and every cut and byte flip of a real
//! save refused or replayed without a panic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod save_support;

use culturesim::save::{self, ErrorKind, MAX_BYTES};
use save_support::{play, scratch, shipped, write};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/saves")
        .join(name)
}

/// Loads a fixture, which must fail; returns what `verify` prints for it.
fn refused(name: &str) -> (ErrorKind, String) {
    let path = fixture(name);
    assert!(path.is_file(), "missing fixture {name}");
    let err = save::load(&path).expect_err(name);
    let shown = err.to_string();
    assert!(shown.starts_with(&path.display().to_string()), "{shown}");
    (err.kind, shown)
}

#[test]
fn an_empty_file() {
    let (kind, shown) = refused("empty.toml");
    assert!(matches!(kind, ErrorKind::Empty), "{shown}");
    assert!(shown.ends_with("empty.toml: the file is empty: nothing was ever written to it (an interrupted copy, or the wrong file)"), "{shown}");
}

#[test]
fn a_truncated_file() {
    let (kind, shown) = refused("truncated.toml");
    assert!(matches!(kind, ErrorKind::Syntax { .. }), "{shown}");
    assert!(
        shown.contains("truncated.toml:34:19: not valid TOML"),
        "{shown}"
    );
    assert!(shown.contains("it was cut short"), "{shown}");
}

#[test]
fn a_binary_file() {
    let (kind, shown) = refused("binary.toml");
    assert!(
        matches!(kind, ErrorKind::Binary { offset: 8, .. }),
        "{shown}"
    );
    assert!(
        shown.contains("this is not a save: byte 8 is a NUL byte"),
        "{shown}"
    );
}

#[test]
fn a_file_in_another_encoding() {
    let (kind, shown) = refused("latin1.toml");
    assert!(matches!(kind, ErrorKind::Binary { .. }), "{shown}");
    assert!(shown.contains("is not UTF-8"), "{shown}");
    assert!(shown.contains("another encoding"), "{shown}");
}

#[test]
fn a_hand_edit_that_breaks_the_toml() {
    let (kind, shown) = refused("hand_edited.toml");
    assert!(matches!(kind, ErrorKind::Syntax { .. }), "{shown}");
    assert!(
        shown.contains("hand_edited.toml:39:12: not valid TOML"),
        "{shown}"
    );
    assert!(shown.contains("in `skills = 54,5`"), "{shown}");
}

#[test]
fn a_missing_field() {
    let (kind, shown) = refused("missing_field.toml");
    assert!(matches!(kind, ErrorKind::Invalid { .. }), "{shown}");
    assert!(
        shown.ends_with("missing_field.toml: not a valid save: missing field `seed`"),
        "{shown}"
    );
}

#[test]
fn a_field_of_the_wrong_type() {
    let (_, shown) = refused("wrong_type.toml");
    assert!(
        shown.contains("wrong_type.toml:6:8: not a valid save: the seed must be a whole number"),
        "{shown}"
    );
}

#[test]
fn a_malformed_checksum() {
    let (_, shown) = refused("bad_checksum.toml");
    assert!(shown.contains("bad_checksum.toml:34:12:"), "{shown}");
    assert!(
        shown.contains("expected 16 hexadecimal digits, found \"1667aef789c0cd4\""),
        "{shown}"
    );
}

#[test]
fn a_misspelt_decision() {
    let (_, shown) = refused("unknown_field.toml");
    assert!(shown.contains("unknown_field.toml:37:1:"), "{shown}");
    assert!(
        shown.contains("unknown field `visoin`, expected one of `vision`"),
        "{shown}"
    );
}

#[test]
fn a_save_from_a_newer_culturesim_names_both_versions() {
    let (kind, shown) = refused("newer_format.toml");
    assert!(
        matches!(
            kind,
            ErrorKind::NewerFormat {
                found: 3,
                supported: 2
            }
        ),
        "{shown}"
    );
    assert!(
        shown
            .contains("format version 3, newer than this culturesim, which reads versions up to 2"),
        "{shown}"
    );
}

#[test]
fn escape_sequences_in_a_name() {
    let (_, shown) = refused("control_chars.toml");
    assert!(
        shown.contains("`player` holds control or invisible characters"),
        "{shown}"
    );
}

#[test]
fn some_other_toml_file() {
    let (_, shown) = refused("not_a_save.toml");
    assert!(shown.contains("missing field `format`"), "{shown}");
    assert!(shown.contains("not a culturesim save"), "{shown}");
}

#[test]
fn a_file_over_10_mb_is_refused_before_it_is_read() {
    let path = scratch("huge").join("huge.toml");
    // Sparse: the test claims 11 MB of disk in name only.
    let file = fs::File::create(&path).unwrap();
    file.set_len(MAX_BYTES + 1).unwrap();
    let err = save::load(&path).unwrap_err();
    assert!(matches!(err.kind, ErrorKind::TooLarge { .. }), "{err}");
    assert!(
        err.to_string()
            .contains("10485761 bytes, over the limit of 10485760"),
        "{err}"
    );
}

#[test]
fn a_folder_or_a_missing_file_is_unreadable() {
    let dir = scratch("unreadable");
    for path in [dir.clone(), dir.join("nope.toml")] {
        let err = save::load(&path).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Unreadable(_)), "{err}");
        assert!(err.to_string().contains("cannot read the file"), "{err}");
    }
}

#[test]
fn the_command_refuses_every_fixture_in_one_run() {
    let mut fixtures: Vec<PathBuf> = fs::read_dir(fixture(""))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 12);
    let out = Command::new(env!("CARGO_BIN_EXE_culturesim"))
        .arg("verify")
        .args(&fixtures)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout.lines().count(), fixtures.len(), "{stdout}");
    assert!(stdout.lines().all(|l| l.contains(": FAILED: ")), "{stdout}");
    // Escape sequences from a file never reach the terminal.
    assert!(!stdout.contains('\x1b'), "{stdout}");
}

/// A single save's problem is shown at its line with a caret, through the
/// one renderer of diagnostics, by `verify FILE`, `resume` and `debrief`;
/// a listing of many files keeps one line per file.
#[test]
fn a_single_save_shows_its_line_and_a_caret() {
    let file = fixture("hand_edited.toml");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_culturesim"))
            .args(args)
            .arg(&file)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    for args in [&["verify"][..], &["resume"], &["debrief"]] {
        let shown = run(args);
        let at = format!("--> {}:39:12", file.display());
        assert!(shown.contains("error: not valid TOML"), "{args:?}: {shown}");
        assert!(shown.contains(&at), "{args:?}: {shown}");
        assert!(shown.contains("39 | skills = 54,5\n"), "{args:?}: {shown}");
        // The caret under the mistake, after `skills = 54`.
        let caret = shown.lines().find(|l| l.contains('^')).unwrap_or("");
        assert_eq!(caret.find('^'), Some("39 | skills = 54".len()), "{shown}");
        assert!(shown.contains("= help: "), "{args:?}: {shown}");
    }
    // A save's problem with no place in the file stays one line.
    let out = Command::new(env!("CARGO_BIN_EXE_culturesim"))
        .arg("verify")
        .arg(fixture("empty.toml"))
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains(" | "));
}

#[test]
fn every_cut_and_byte_flip_of_a_real_save_is_refused_or_replays() {
    let scenario = shipped();
    let dir = scratch("mangle");
    let game = play(&scenario, 8, 6);
    let original = fs::read(write(&dir, "real.toml", &scenario, "Ann", &game)).unwrap();
    let mut mangled = Vec::new();
    for cut in (0..original.len()).step_by(3) {
        mangled.push(original[..cut].to_vec());
    }
    // A cheap deterministic generator picks the bytes and their new values.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..300 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let mut m = original.clone();
        let at = (x % m.len() as u64) as usize;
        m[at] = (x >> 32) as u8;
        mangled.push(m);
    }
    let mut verifier = save::Verifier::new();
    for bytes in &mangled {
        // Loading must return (not panic); only the untouched log may verify.
        let result = save::decode(bytes)
            .map_err(|k| save::Error::new(&dir, k))
            .and_then(|d| {
                verifier
                    .replay(&dir, d)
                    .map_err(|k| save::Error::new(&dir, k))
            });
        if let Ok(loaded) = result {
            assert_eq!(loaded.game.state(), game.state());
        }
    }
}

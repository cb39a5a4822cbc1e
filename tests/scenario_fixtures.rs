//! Every scenario mistake an author can make has a fixture file in
//! `tests/fixtures/scenario/` (the loader's cases) or
//! `tests/fixtures/mistakes/` (an instructor's realistic slips), and beside
//! it the exact text the author sees (`NAME.expected`, rustc-style, with
//! the source line). Mistake fixtures also start with a line
//! `# expect: LINE:COLUMN TEXT`: a diagnostic must point at that place and
//! its message or help must contain TEXT — the fix.
//!
//! After a deliberate change of wording, `BLESS=1 cargo test --test
//! scenario_fixtures` rewrites the `.expected` files; review the diff.

#![allow(clippy::expect_used, clippy::panic)] // test helpers: a failure here is a failed test

use culturesim::scenario::{Error, load_file_with_warnings};
use std::path::{Path, PathBuf};
use std::process::Command;

const DIR: &str = "tests/fixtures/scenario";
const MISTAKES: &str = "tests/fixtures/mistakes";

/// The `*.toml` fixtures of a folder, sorted.
fn fixtures(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixture folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

/// What checking a fixture tells the author: the errors, or "ok" and the
/// warnings (plain text, as when piped).
fn message(path: &Path) -> String {
    match load_file_with_warnings(path) {
        Ok((_, w)) if w.is_empty() => "ok".to_string(),
        Ok((_, w)) => format!(
            "ok, with warnings:\n{}",
            w.render(culturesim::diag::Style::Plain)
        ),
        Err(e) => e.to_string(),
    }
}

/// Compares each fixture's message with its `.expected` file (or writes it
/// under `BLESS=1`); returns the fixtures that differ.
fn compare(dir: &str) -> Vec<String> {
    let bless = std::env::var_os("BLESS").is_some();
    let mut differ = Vec::new();
    for path in fixtures(dir) {
        let got = format!("{}\n", message(&path));
        let expected_path = path.with_extension("expected");
        if bless {
            std::fs::write(&expected_path, &got).expect("write .expected");
            continue;
        }
        let want = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != want {
            differ.push(format!(
                "{}:\n--- expected\n{want}--- got\n{got}",
                path.display()
            ));
        }
    }
    differ
}

#[test]
fn every_loader_fixture_gives_its_expected_message() {
    let differ = compare(DIR);
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

#[test]
fn every_mistake_gives_its_expected_message() {
    let differ = compare(MISTAKES);
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// Each mistake is reported at the place its `# expect:` line names, with
/// the fix in the message or the help, and every mistake is an error
/// unless it is one of the silent cases, which are warnings.
#[test]
fn every_mistake_is_reported_at_the_mistake_with_a_fix() {
    let files = fixtures(MISTAKES);
    assert!(files.len() >= 25, "{} mistakes", files.len());
    for path in files {
        let bytes = std::fs::read(&path).expect("readable");
        let text = String::from_utf8_lossy(&bytes);
        let first = text
            .trim_start_matches('\u{feff}')
            .lines()
            .next()
            .unwrap_or("");
        let spec = first
            .strip_prefix("# expect: ")
            .unwrap_or_else(|| panic!("{}: starts with # expect: LINE:COL TEXT", path.display()));
        let (place, fix) = spec.split_once(' ').expect("LINE:COL TEXT");
        let (line, column) = place.split_once(':').expect("LINE:COL");
        let (line, column): (usize, usize) =
            (line.parse().expect("line"), column.parse().expect("column"));
        let diagnostics = match load_file_with_warnings(&path) {
            Ok((_, w)) => w.list().to_vec(),
            Err(Error::Invalid { found, .. }) => found.kept,
            Err(e) => panic!("{}: {e}", path.display()),
        };
        let hit = diagnostics
            .iter()
            .find(|d| d.line == line && d.column == column);
        let Some(d) = hit else {
            panic!(
                "{}: nothing reported at {line}:{column}; got:\n{}",
                path.display(),
                message(&path)
            );
        };
        let said = format!("{} {}", d.message, d.help.clone().unwrap_or_default());
        assert!(d.help.is_some(), "{}: no help", path.display());
        assert!(
            said.contains(fix),
            "{}: at {line}:{column}, {said:?} does not contain {fix:?}",
            path.display()
        );
    }
}

/// Runs `culturesim scenario check` on files: (exit code, stdout, stderr).
fn check(files: &[PathBuf]) -> (Option<i32>, String, String) {
    match Command::new(env!("CARGO_BIN_EXE_culturesim"))
        .arg("scenario")
        .arg("check")
        .args(files)
        .env("NO_COLOR", "1")
        .output()
    {
        Ok(out) => (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        ),
        Err(e) => (None, String::new(), e.to_string()),
    }
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(format!("{DIR}/{name}.toml"))
}

#[test]
fn the_binary_prints_every_problem_to_stderr_and_exits_2() {
    for name in ["malformed", "unknown-key", "no-choices", "many-problems"] {
        let (code, stdout, stderr) = check(&[fixture(name)]);
        assert_eq!(code, Some(2), "{name}: {stderr}");
        assert_eq!(stdout, "", "{name}");
        assert_eq!(stderr, format!("{}\n", message(&fixture(name))), "{name}");
    }
}

#[test]
fn the_binary_checks_good_and_bad_files_together() {
    let (code, stdout, stderr) = check(&[fixture("valid-minimal"), fixture("out-of-range")]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stdout,
        "tests/fixtures/scenario/valid-minimal.toml: ok (Mini, 8 quarters, 0 events, 0 dilemmas, 0 initiatives)\n"
    );
    assert!(stderr.ends_with("out-of-range.toml: 1 error\n"), "{stderr}");
}

#[test]
fn the_binary_passes_a_good_file() {
    let (code, stdout, stderr) = check(&[fixture("valid-minimal")]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains(": ok (Mini, 8 quarters"), "{stdout}");
    assert_eq!(stderr, "");
}

#[test]
fn warnings_are_shown_and_the_check_passes() {
    let file = PathBuf::from(format!("{MISTAKES}/22-tab-in-title.toml"));
    let (code, stdout, stderr) = check(&[file]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.ends_with(", 1 warning\n"), "{stdout}");
    assert!(
        stderr.starts_with("warning: text contains a tab"),
        "{stderr}"
    );
}

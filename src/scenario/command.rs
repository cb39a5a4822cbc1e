//! `culturesim scenario check` and `scenario list`: what they print and
//! how they end, as values, so `main` stays thin and tests need no process.

use super::{Found, Scenario, find_in, load_file, shipped};
use std::path::{Path, PathBuf};

/// What a command printed and its exit code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    /// 0 when every file is fine, 2 when any has problems.
    pub code: u8,
}

/// Checks scenario files: a line per good file on stdout, every problem of
/// the bad ones on stderr, exit code 2 if any file has a problem.
pub fn check(files: &[PathBuf]) -> Output {
    let mut out = Output::default();
    for file in files {
        match load_file(file) {
            Ok(s) => {
                let line = format!("{}: ok ({})\n", file.display(), describe(&s));
                out.stdout.push_str(&line);
            }
            Err(e) => {
                out.stderr.push_str(&e.to_string());
                out.stderr.push('\n');
                out.code = 2;
            }
        }
    }
    out
}

/// "title, 20 quarters, 3 events, 2 dilemmas, 6 initiatives".
pub fn describe(s: &Scenario) -> String {
    let r = &s.rules;
    format!(
        "{}, {}, {}, {}, {}",
        s.title,
        count(r.quarters as usize, "quarter"),
        count(r.events.len(), "event"),
        count(r.dilemmas.len(), "dilemma"),
        count(r.initiatives.len(), "initiative"),
    )
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Lists the shipped scenarios and those in `dir`. A broken file is
/// listed with its number of problems; listing never fails.
pub fn list(dir: &Path) -> Output {
    let shipped = shipped();
    let found: Vec<Found> = find_in(dir)
        .into_iter()
        // The shipped files themselves, when run from the source tree.
        .filter(|f| match &f.result {
            Ok(s) => !shipped.iter().any(|b| b.content_hash == s.content_hash),
            Err(_) => true,
        })
        .collect();
    let ok: Vec<&Scenario> = found
        .iter()
        .filter_map(|f| f.result.as_ref().ok())
        .collect();
    let width = shipped
        .iter()
        .chain(ok.iter().copied())
        .map(|s| s.id.chars().count())
        .max()
        .unwrap_or(0);
    let mut stdout = String::from("Shipped scenarios:\n");
    for s in &shipped {
        stdout.push_str(&row(s, width, ""));
    }
    if !found.is_empty() {
        stdout.push_str(&format!("\nScenarios in {}:\n", dir.display()));
    }
    for f in &found {
        match &f.result {
            Ok(s) => stdout.push_str(&row(s, width, &format!("  ({})", f.path.display()))),
            Err(e) => {
                let n = e.problems().len();
                let what = if n == 0 {
                    "cannot be read".to_string()
                } else {
                    format!("has {}", count(n, "problem"))
                };
                stdout.push_str(&format!(
                    "  {}: BROKEN, {what}: run `culturesim scenario check {}`\n",
                    f.path.display(),
                    f.path.display()
                ));
            }
        }
    }
    Output {
        stdout,
        ..Output::default()
    }
}

fn row(s: &Scenario, width: usize, suffix: &str) -> String {
    format!(
        "  {:width$}  {}  ({} quarters)  {}{suffix}\n",
        s.id, s.title, s.rules.quarters, s.summary
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_naturally() {
        assert_eq!(count(1, "event"), "1 event");
        assert_eq!(count(0, "dilemma"), "0 dilemmas");
    }

    #[test]
    fn a_missing_file_fails_the_check() {
        let out = check(&[PathBuf::from("no/such/file.toml")]);
        assert_eq!(out.code, 2);
        assert!(
            out.stderr.starts_with("cannot read no/such/file.toml"),
            "{}",
            out.stderr
        );
    }

    #[test]
    fn listing_an_absent_folder_shows_the_shipped_scenarios() {
        let out = list(Path::new("no/such/folder"));
        assert_eq!(out.code, 0);
        assert!(out.stdout.contains("electronics"), "{}", out.stdout);
    }
}

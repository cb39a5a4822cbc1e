//! `culturesim scenario check` and `scenario list`: what they print and
//! how they end, as values, so `main` stays thin and tests need no process.

use super::{Found, Scenario, find_in, load_file_with_warnings, shipped};
use crate::diag::Style;
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
/// the bad ones and the warnings of the good ones on stderr (in `style`),
/// exit code 2 if any file has an error.
pub fn check(files: &[PathBuf]) -> Output {
    check_styled(files, Style::Plain)
}

/// [`check`], coloured or not.
pub fn check_styled(files: &[PathBuf], style: Style) -> Output {
    let mut out = Output::default();
    for file in files {
        match load_file_with_warnings(file) {
            Ok((s, warnings)) => {
                let n = warnings.list().len() + warnings.found.more_warnings;
                let with = if n == 0 {
                    String::new()
                } else {
                    format!(", {}", count(n, "warning"))
                };
                let file = crate::output::escape(&file.display().to_string()).into_owned();
                let line = format!("{file}: ok ({}){with}\n", describe(&s));
                out.stdout.push_str(&line);
                if !warnings.is_empty() {
                    out.stderr.push_str(&warnings.render(style));
                    out.stderr.push('\n');
                }
            }
            Err(e) => {
                out.stderr.push_str(&e.render(style));
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

/// Lists the shipped scenarios and those in `dir` as a table (id, title,
/// quarters, where from, summary). A broken file is listed with its
/// number of problems; listing never fails.
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
    let mut rows: Vec<[String; 5]> =
        vec![["ID", "TITLE", "QUARTERS", "FROM", "SUMMARY"].map(String::from)];
    let row = |s: &Scenario, from: String| {
        [
            s.id.clone(),
            s.title.clone(),
            s.rules.quarters.to_string(),
            from,
            s.summary.clone(),
        ]
    };
    rows.extend(shipped.iter().map(|s| row(s, "shipped".into())));
    let mut broken = String::new();
    for f in &found {
        // A file name is anyone's text: escaped before it is measured.
        let path = crate::output::escape(&f.path.display().to_string()).into_owned();
        match &f.result {
            Ok(s) => rows.push(row(s, path)),
            Err(e) => {
                let n = e.error_count();
                let what = if n == 0 {
                    "cannot be read".to_string()
                } else {
                    format!("has {}", count(n, "problem"))
                };
                broken.push_str(&format!(
                    "broken: {path} {what}: run `culturesim scenario check {path}`\n"
                ));
            }
        }
    }
    let mut stdout = table(&rows);
    if !broken.is_empty() {
        stdout.push('\n');
        stdout.push_str(&broken);
    }
    Output {
        stdout,
        ..Output::default()
    }
}

/// Rows as aligned columns; the quarters right-aligned, the last column free.
fn table(rows: &[[String; 5]]) -> String {
    let width = |c: usize| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0);
    let w = [width(0), width(1), width(2), width(3)];
    let mut out = String::new();
    for r in rows {
        let line = format!(
            "{:w0$}  {:w1$}  {:>w2$}  {:w3$}  {}",
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            w0 = w[0],
            w1 = w[1],
            w2 = w[2],
            w3 = w[3]
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
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
            out.stderr
                .starts_with("error: cannot read no/such/file.toml"),
            "{}",
            out.stderr
        );
    }

    #[test]
    fn listing_an_absent_folder_shows_the_shipped_scenarios() {
        let out = list(Path::new("no/such/folder"));
        assert_eq!(out.code, 0);
        let lines: Vec<&str> = out.stdout.lines().collect();
        assert!(lines[0].starts_with("ID "), "{}", out.stdout);
        assert!(lines[1].starts_with("electronics "), "{}", out.stdout);
        assert!(lines[1].contains(" 20  shipped  "), "{}", out.stdout);
    }

    #[test]
    fn listing_marks_broken_files_without_failing() {
        let out = list(Path::new("tests/fixtures/scenario"));
        assert_eq!(out.code, 0);
        assert!(out.stdout.contains("\nmini "), "{}", out.stdout);
        assert!(
            out.stdout.contains(
                "broken: tests/fixtures/scenario/typos.toml has 3 problems: run `culturesim scenario check tests/fixtures/scenario/typos.toml`"
            ),
            "{}",
            out.stdout
        );
    }
}

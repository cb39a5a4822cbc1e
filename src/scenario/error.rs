//! Why a scenario could not be loaded. A bad file gives every problem at
//! once, each saying where (file:line:column and TOML key path), what is
//! wrong and how to fix it, so an author fixes a file in one pass.

use std::fmt;

/// One problem in a scenario file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Byte offset in the file, for ordering.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The TOML key path, e.g. `event[1].effects[0].target`; empty for
    /// problems of the file as a whole (such as TOML syntax).
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

/// Why a scenario could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Neither a shipped id nor a file that exists.
    #[error(
        "error: no scenario \"{spec}\": it is neither a shipped scenario nor a file\n  help: give a path to a scenario file, or one of the shipped ids: {}",
        shipped.join(", ")
    )]
    NotFound { spec: String, shipped: Vec<String> },
    /// The file exists but could not be read.
    #[error(
        "error: cannot read {path}: {source}\n  help: check the path and that the file is readable"
    )]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The file was read; these are its problems.
    #[error("{}", Report { file, problems })]
    Invalid {
        file: String,
        problems: Vec<Problem>,
    },
}

impl Error {
    /// The problems of an invalid file (empty for the other kinds).
    pub fn problems(&self) -> &[Problem] {
        match self {
            Error::Invalid { problems, .. } => problems,
            _ => &[],
        }
    }
}

/// The most problems printed for one file: past this, the file is more
/// likely not a scenario at all than a scenario with many small mistakes.
const MAX_SHOWN: usize = 50;

/// The text a user sees for a file's problems: one block per problem and
/// a count at the end.
struct Report<'a> {
    file: &'a str,
    problems: &'a [Problem],
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in self.problems.iter().take(MAX_SHOWN) {
            write!(f, "error: {}:{}:{}: ", self.file, p.line, p.column)?;
            if !p.path.is_empty() {
                write!(f, "{}: ", p.path)?;
            }
            writeln!(f, "{}", p.message)?;
            if let Some(help) = &p.help {
                writeln!(f, "  help: {help}")?;
            }
        }
        let n = self.problems.len();
        if n > MAX_SHOWN {
            writeln!(f, "… and {} more (fix these first)", n - MAX_SHOWN)?;
        }
        write!(
            f,
            "{}: {n} problem{}",
            self.file,
            if n == 1 { "" } else { "s" }
        )
    }
}

/// Where each line of a text starts, to turn byte offsets into
/// line:column (columns count characters, as editors do).
#[derive(Clone, Debug)]
pub(crate) struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    /// The 1-based line and column of a byte offset (clamped to the text).
    pub(crate) fn locate(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line, column + 1)
    }

    /// A problem at a byte offset.
    pub(crate) fn problem(
        &self,
        offset: usize,
        path: &str,
        message: String,
        help: Option<String>,
    ) -> Problem {
        let (line, column) = self.locate(offset);
        Problem {
            offset,
            line,
            column,
            path: path.to_string(),
            message,
            help,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let lines = Lines::new("ab\nçd = 1\n\nx");
        assert_eq!(lines.locate(0), (1, 1));
        assert_eq!(lines.locate(2), (1, 3));
        assert_eq!(lines.locate(3), (2, 1));
        // "ç" is two bytes but one column.
        assert_eq!(lines.locate(5), (2, 2));
        assert_eq!(lines.locate(12), (4, 1));
        assert_eq!(lines.locate(999), (4, 2));
    }

    #[test]
    fn long_reports_are_cut_but_counted() {
        let lines = Lines::new("x");
        let problems = (0..60)
            .map(|i| lines.problem(0, "", format!("p{i}"), None))
            .collect();
        let text = Error::Invalid {
            file: "x.toml".into(),
            problems,
        }
        .to_string();
        assert_eq!(text.lines().count(), 52);
        assert!(text.ends_with("p49\n… and 10 more (fix these first)\nx.toml: 60 problems"));
    }

    #[test]
    fn a_report_has_one_block_per_problem_and_a_count() {
        let lines = Lines::new("a = 1\nb = 2\n");
        let e = Error::Invalid {
            file: "x.toml".into(),
            problems: vec![
                lines.problem(6, "b", "wrong".into(), Some("fix it".into())),
                lines.problem(0, "", "bad".into(), None),
            ],
        };
        assert_eq!(
            e.to_string(),
            "error: x.toml:2:1: b: wrong\n  help: fix it\nerror: x.toml:1:1: bad\nx.toml: 2 problems"
        );
    }
}

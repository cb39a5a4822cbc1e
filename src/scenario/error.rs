//! Why a scenario could not be loaded. A bad file gives every problem at
//! once (up to [`crate::diag::MAX_KEPT`], the rest counted), each saying
//! where (file:line:column and TOML key path, with the source line shown
//! as rustc does), what is wrong and how to fix it, so an author fixes a
//! file in one pass. Warnings of a file that loads are carried the same way.

use crate::diag::{self, Collector, Diagnostic, LineIndex, Severity, Style};
use std::sync::Arc;

/// One problem in a scenario file: the program's one diagnostic type.
pub type Problem = Diagnostic;

/// Why a scenario could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Neither a shipped id nor a file that exists.
    #[error(
        "error: no scenario \"{}\": it is neither a shipped scenario nor a file\n  = help: give a path to a scenario file, or one of the shipped ids: {}",
        diag::shorten(&spec.escape_debug().to_string(), 80),
        shipped.join(", ")
    )]
    NotFound { spec: String, shipped: Vec<String> },
    /// The file exists but could not be read.
    #[error(
        "error: cannot read {path}: {source}\n  = help: check the path and that the file is readable"
    )]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The file was read; these are its problems.
    #[error("{}", diag::render(file, text, found, Style::Plain))]
    Invalid {
        file: String,
        /// The file's text (normalized), for showing the lines.
        text: Arc<str>,
        found: Collector,
    },
}

impl Error {
    /// The problems of an invalid file that were kept (empty for the
    /// other kinds).
    pub fn problems(&self) -> &[Problem] {
        match self {
            Error::Invalid { found, .. } => &found.kept,
            _ => &[],
        }
    }

    /// How many errors the file has, counted past those kept.
    pub fn error_count(&self) -> usize {
        match self {
            Error::Invalid { found, .. } => found.error_count(),
            _ => 1,
        }
    }

    /// The message, coloured or not.
    pub fn render(&self, style: Style) -> String {
        match self {
            Error::Invalid { file, text, found } => diag::render(file, text, found, style),
            // Safe for a terminal as the rendered diagnostics are.
            other => crate::output::escape_lines(&other.to_string()).into_owned(),
        }
    }
}

/// The warnings of a scenario that loaded (shown, never fatal).
#[derive(Clone, Debug, Default)]
pub struct Warnings {
    pub file: String,
    pub text: Arc<str>,
    pub found: Collector,
}

impl Warnings {
    pub fn is_empty(&self) -> bool {
        self.found.kept.is_empty() && self.found.more_warnings == 0
    }

    pub fn list(&self) -> &[Problem] {
        &self.found.kept
    }

    /// The warnings as the author sees them.
    pub fn render(&self, style: Style) -> String {
        diag::render(&self.file, &self.text, &self.found, style)
    }
}

/// Turns byte offsets of one text into diagnostics: the text and its line
/// index, built once.
#[derive(Clone, Debug)]
pub(crate) struct Lines<'a> {
    text: &'a str,
    index: LineIndex,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text,
            index: LineIndex::new(text),
        }
    }

    /// The 1-based line and column of a byte offset (clamped to the text).
    pub(crate) fn locate(&self, offset: usize) -> (usize, usize) {
        let at = self.index.locate(self.text, offset);
        (at.line, at.column)
    }

    /// The text itself.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// A diagnostic at a byte offset.
    pub(crate) fn diagnostic(
        &self,
        severity: Severity,
        offset: usize,
        path: &str,
        message: String,
        help: Option<String>,
    ) -> Problem {
        let (line, column) = self.locate(offset);
        Diagnostic {
            severity,
            offset,
            len: 0,
            line,
            column,
            path: path.to_string(),
            message,
            help,
        }
    }

    /// An error at a byte offset.
    pub(crate) fn problem(
        &self,
        offset: usize,
        path: &str,
        message: String,
        help: Option<String>,
    ) -> Problem {
        self.diagnostic(Severity::Error, offset, path, message, help)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invalid(text: &str, problems: Vec<Problem>, more: usize) -> Error {
        Error::Invalid {
            file: "x.toml".into(),
            text: text.into(),
            found: Collector {
                kept: problems,
                more_errors: more,
                ..Collector::default()
            },
        }
    }

    #[test]
    fn long_reports_are_cut_but_counted() {
        let lines = Lines::new("x");
        let problems = (0..50)
            .map(|i| lines.problem(0, "", format!("p{i}"), None))
            .collect();
        let text = invalid("x", problems, 10).to_string();
        assert!(
            text.ends_with(
                "… and 10 further problems not shown (fix these first)\nx.toml: 60 errors"
            ),
            "{text}"
        );
    }

    #[test]
    fn a_report_has_one_block_per_problem_in_file_order_and_a_count() {
        let text = "a = 1\nb = 2\n";
        let lines = Lines::new(text);
        let e = invalid(
            text,
            vec![
                lines.problem(6, "b", "wrong".into(), Some("fix it".into())),
                lines.problem(0, "", "bad".into(), None),
            ],
            0,
        );
        assert_eq!(
            e.to_string(),
            "error: bad\n --> x.toml:1:1\n  |\n1 | a = 1\n  | ^\n\nerror: wrong\n --> x.toml:2:1\n  |\n2 | b = 2\n  | ^ b\n  = help: fix it\n\nx.toml: 2 errors"
        );
    }
}

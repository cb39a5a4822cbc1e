//! Diagnostics for every file the program reads — scenarios, plans and
//! saves: one [`Diagnostic`] type (an error or a warning at a place, with
//! a key path, what is wrong and how to fix it), one home of line:column
//! ([`LineIndex`]), one renderer that shows the source line with a caret
//! as rustc does ([`render`]), and one reading of bytes as text that
//! accepts what any editor writes (a UTF-8 byte-order mark, CRLF line
//! endings: [`normalize`]).

mod lines;
mod render;

pub use lines::{LineCol, LineIndex, line_column};
pub use render::{Style, color_for_stderr, render};

use std::borrow::Cow;

/// How bad a diagnostic is: errors refuse the file, warnings are shown
/// and the file is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Byte offset in the (normalized) text, for ordering and the caret.
    pub offset: usize,
    /// Bytes underlined from `offset` (0 or 1: a single caret).
    pub len: usize,
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

/// The most diagnostics kept for one file: past this a file is more likely
/// not what it claims to be than one with many small mistakes, and keeping
/// (and locating) every problem of a hostile file would cost time and
/// memory in proportion to its mistakes.
pub const MAX_KEPT: usize = 50;

/// Diagnostics of one file as they are found: the first [`MAX_KEPT`] are
/// kept, the rest only counted.
#[derive(Clone, Debug, Default)]
pub struct Collector {
    pub kept: Vec<Diagnostic>,
    /// Errors past the cap (counted, not kept).
    pub more_errors: usize,
    /// Warnings past the cap.
    pub more_warnings: usize,
    /// Whether checking stopped before the end of the file (so there may
    /// be more problems than counted).
    pub stopped: bool,
}

impl Collector {
    /// Whether another diagnostic would only be counted: callers skip the
    /// work of wording it.
    pub fn full(&self) -> bool {
        self.kept.len() >= MAX_KEPT
    }

    /// Counts one diagnostic that was not worded because the list is full.
    pub fn count(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.more_errors += 1,
            Severity::Warning => self.more_warnings += 1,
        }
    }

    pub fn push(&mut self, d: Diagnostic) {
        if self.full() {
            self.count(d.severity);
        } else {
            self.kept.push(d);
        }
    }

    /// Whether any error was found (kept or counted).
    pub fn has_errors(&self) -> bool {
        self.more_errors > 0 || self.kept.iter().any(|d| d.severity == Severity::Error)
    }

    /// Errors found, kept or counted.
    pub fn error_count(&self) -> usize {
        self.more_errors
            + self
                .kept
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count()
    }
}

/// A file's text as every reader sees it: a UTF-8 byte-order mark is
/// dropped and CRLF line endings become LF (Windows editors write both;
/// TOML allows CRLF but texts would keep the carriage returns). Offsets in
/// diagnostics refer to this text; lines and columns are those of the
/// file as written, since only line ends change.
pub fn normalize(bytes: &[u8]) -> Cow<'_, [u8]> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if !bytes.windows(2).any(|w| w == b"\r\n") {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i += 1;
            continue;
        }
        out.push(b);
        i += 1;
    }
    Cow::Owned(out)
}

/// [`normalize`] for text already decoded.
pub fn normalize_str(text: &str) -> Cow<'_, str> {
    let t = text.strip_prefix('\u{feff}').unwrap_or(text);
    if t.contains("\r\n") {
        Cow::Owned(t.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(t)
    }
}

/// A short form of a text written by the author, for echoing it in a
/// message: at most `max` characters, with the length said when cut, so a
/// megabyte key or a 309-digit number does not flood the terminal.
pub fn shorten(s: &str, max: usize) -> String {
    let n = s.chars().count();
    if n <= max {
        return s.to_string();
    }
    let head: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{head}… ({n} characters)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks_and_crlf_are_read_as_plain_lf() {
        assert_eq!(
            &*normalize(b"\xEF\xBB\xBFa = 1\r\nb = 2\r\n"),
            b"a = 1\nb = 2\n"
        );
        assert_eq!(&*normalize(b"a\rb\n"), b"a\rb\n", "a lone CR stays");
        assert!(matches!(normalize(b"a = 1\n"), Cow::Borrowed(_)));
        assert_eq!(normalize_str("\u{feff}x\r\ny"), "x\ny");
    }

    #[test]
    fn long_echoes_are_cut_and_measured() {
        assert_eq!(shorten("short", 10), "short");
        let long = "9".repeat(309);
        assert_eq!(
            shorten(&long, 12),
            format!("{}… (309 characters)", "9".repeat(11))
        );
    }

    #[test]
    fn the_collector_keeps_a_bounded_list_and_counts_the_rest() {
        let mut c = Collector::default();
        for i in 0..MAX_KEPT + 7 {
            c.push(Diagnostic {
                severity: Severity::Error,
                offset: i,
                len: 0,
                line: 1,
                column: 1,
                path: String::new(),
                message: String::new(),
                help: None,
            });
        }
        assert_eq!(c.kept.len(), MAX_KEPT);
        assert_eq!(c.more_errors, 7);
        assert_eq!(c.error_count(), MAX_KEPT + 7);
    }
}

//! Why a save could not be read, written, resumed or verified — one kind
//! per thing an instructor or a student must be told apart, each message
//! saying what is wrong and what to do about it.

use crate::sim::DecisionError;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A save that failed, and the file it concerns: displayed as
/// `FILE: what` or `FILE:LINE:COLUMN: what`.
#[derive(Debug, thiserror::Error)]
#[error("{}: {kind}", self.location())]
pub struct Error {
    pub path: PathBuf,
    pub kind: ErrorKind,
}

impl Error {
    pub fn new(path: &Path, kind: ErrorKind) -> Error {
        Error {
            path: path.to_path_buf(),
            kind,
        }
    }

    /// Keeps the file's text beside a problem that has a place in it.
    pub fn with_text(mut self, source: &str) -> Error {
        if let ErrorKind::Syntax {
            position: Some(_),
            text,
            ..
        }
        | ErrorKind::Invalid {
            position: Some(_),
            text,
            ..
        } = &mut self.kind
        {
            *text = Some(Arc::new(source.to_string()));
        }
        self
    }

    /// Whether [`Error::render`] shows the problem at its line.
    pub fn has_line(&self) -> bool {
        self.kind.text().is_some() && self.kind.position().is_some()
    }

    /// The message for a single save, as every file's problems are shown
    /// ([`crate::diag::render`]): with the source line and a caret when
    /// the problem has a place, else the one line, escaped for a terminal.
    pub fn render(&self, style: crate::diag::Style) -> String {
        let (Some(text), Some(at)) = (self.kind.text(), self.kind.position()) else {
            return crate::output::escape_lines(&self.to_string()).into_owned();
        };
        let diagnostic = crate::diag::Diagnostic {
            severity: crate::diag::Severity::Error,
            offset: offset(text, at),
            len: 0,
            line: at.line,
            column: at.column,
            path: String::new(),
            message: crate::diag::shorten(&self.kind.to_string(), 300),
            help: Some(SAVE_HELP.to_string()),
        };
        let found = crate::diag::Collector {
            kept: vec![diagnostic],
            ..crate::diag::Collector::default()
        };
        crate::diag::render(&self.path.display().to_string(), text, &found, style)
    }

    /// `FILE` or `FILE:LINE:COLUMN`, the form editors and terminals link.
    pub fn location(&self) -> String {
        match self.kind.position() {
            Some(p) => format!("{}:{}:{}", self.path.display(), p.line, p.column),
            None => self.path.display().to_string(),
        }
    }
}

/// The byte offset of a line and character column (the caret's place).
fn offset(text: &str, at: Position) -> usize {
    let span = crate::diag::LineIndex::new(text).line_span(at.line);
    let line = text.get(span.clone()).unwrap_or("");
    span.start
        + line
            .char_indices()
            .nth(at.column.saturating_sub(1))
            .map_or(line.len(), |(i, _)| i)
}

/// How to fix a save that does not read: saves are written by culturesim.
const SAVE_HELP: &str = "culturesim writes saves itself: undo the hand edit at this line, or use an earlier copy of the save";

/// Where in a file a problem is: 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// What is wrong with a save.
#[derive(Debug, thiserror::Error)]
pub enum ErrorKind {
    #[error("cannot read the file: {0}")]
    Unreadable(#[source] io::Error),
    #[error(
        "cannot write the save: {step} failed: {source}; the previous save, if any, is unchanged"
    )]
    Write {
        step: &'static str,
        #[source]
        source: io::Error,
    },
    #[error(
        "the file is {size} bytes, over the limit of {limit} bytes for a save: this is not a save file"
    )]
    TooLarge { size: u64, limit: u64 },
    #[error(
        "the file is empty: nothing was ever written to it (an interrupted copy, or the wrong file)"
    )]
    Empty,
    #[error(
        "this is not a save: byte {offset} is {what}; a save is UTF-8 text (TOML), and this file is binary, corrupted, or was saved by an editor in another encoding"
    )]
    Binary { offset: usize, what: &'static str },
    #[error("not valid TOML: {message}{hint}")]
    Syntax {
        position: Option<Position>,
        /// The file's text, kept by [`Error::with_text`] so the message
        /// can show the line ([`Error::render`]).
        text: Option<Arc<String>>,
        message: String,
        /// Why it may have happened, when the file tells (e.g. cut short).
        hint: &'static str,
    },
    #[error("not a valid save: {message}")]
    Invalid {
        position: Option<Position>,
        /// As in `Syntax`.
        text: Option<Arc<String>>,
        message: String,
    },
    #[error(
        "this save is in format version {found}, newer than this culturesim, which reads versions up to {supported}: update culturesim to open it"
    )]
    NewerFormat { found: i64, supported: u32 },
    #[error(
        "this save was played with model version {found}, this culturesim runs model version {current}: its replay would differ; verify it with a culturesim of model version {found}"
    )]
    ModelVersion { found: u32, current: u32 },
    #[error(
        "scenario '{id}' not found (looked for: {tried}): put the scenario file next to the save"
    )]
    ScenarioNotFound { id: String, tried: String },
    #[error(
        "scenario '{id}' has changed since the game was played (the save records content hash {recorded}, {origin} has {found}): replay needs the scenario as it was"
    )]
    ScenarioChanged {
        id: String,
        origin: String,
        recorded: String,
        found: String,
    },
    #[error(
        "the save uses seed {found}, but scenario '{id}' locks the seed to {locked}: the game was not played on the class's seed"
    )]
    SeedNotLocked { id: String, found: u64, locked: u64 },
    #[error(
        "quarter {quarter}: the recorded decisions cannot be played ({source}): the save was edited"
    )]
    Refused {
        quarter: u32,
        #[source]
        source: DecisionError,
    },
    #[error(
        "decisions edited: the replay differs from quarter {quarter} (recorded checksum {recorded}, replay gives {replayed}){}",
        matched(*quarter)
    )]
    Edited {
        quarter: u32,
        recorded: String,
        replayed: String,
    },
    #[error(
        "the entry number {index} is for quarter {found}, expected quarter {index}: quarters were removed, repeated or reordered"
    )]
    QuarterOrder { index: u32, found: u32 },
    #[error("quarter {quarter} is recorded after the game ended: quarters were added by hand")]
    AfterEnd { quarter: u32 },
    #[error(
        "the game's starting state differs from the recorded one: the seed (now {seed}) was edited, not the decisions"
    )]
    SeedEdited { seed: u64 },
    #[error(
        "the seal does not match (recorded {recorded}, the file gives {found}): the player, the scenario's title or origin, the date or the summary was edited; the decisions replay as recorded"
    )]
    Seal { recorded: String, found: String },
    #[error(
        "the scenario used, {file} (hash {found:016x}), claims the id of the shipped scenario '{id}' but is not it (the shipped one has hash {shipped:016x}): a copy of a shipped scenario is trusted only when named with `verify --scenario {file}`"
    )]
    NotShipped {
        id: String,
        file: String,
        found: u64,
        shipped: u64,
    },
    #[error(
        "{what} is there and is not a regular file: culturesim writes saves only over regular files, never over a link, device or pipe; choose another file name"
    )]
    NotRegular { what: &'static str },
    #[error(
        "the summary says {field} {recorded}, the replay gives {replayed}: the summary was edited{hint}"
    )]
    Summary {
        field: &'static str,
        recorded: String,
        replayed: String,
        hint: &'static str,
    },
}

impl ErrorKind {
    /// Whether the file itself is at fault (bad input, exit code 2), rather
    /// than the system (a disk that cannot be written).
    pub fn is_bad_input(&self) -> bool {
        !matches!(self, ErrorKind::Write { .. })
    }

    /// Where in the file the problem is, when the file says.
    pub fn position(&self) -> Option<Position> {
        match self {
            ErrorKind::Syntax { position, .. } | ErrorKind::Invalid { position, .. } => *position,
            _ => None,
        }
    }

    /// The file's text, when kept for showing the line.
    fn text(&self) -> Option<&str> {
        match self {
            ErrorKind::Syntax { text, .. } | ErrorKind::Invalid { text, .. } => {
                text.as_deref().map(String::as_str)
            }
            _ => None,
        }
    }
}

fn matched(quarter: u32) -> String {
    match quarter {
        0 | 1 => String::new(),
        2 => "; quarter 1 matches".to_string(),
        q => format!("; quarters 1-{} match", q - 1),
    }
}

impl From<io::Error> for ErrorKind {
    fn from(e: io::Error) -> Self {
        ErrorKind::Unreadable(e)
    }
}

//! A market for a class: a folder of plain files that teams and the
//! instructor share (a network folder, a git repository, one host over
//! SSH). Each team writes only its own decisions file per round; the
//! instructor's `resolve` plays the round for everyone and writes the
//! reports. Every write is atomic ([`crate::save::write_atomic`]), so no
//! lock is needed: two teams never write the same file, and a reader
//! always sees a whole file.
//!
//! ```text
//! DIR/market.toml              the setup: scenario, seed, teams
//! DIR/round-01/A.toml          team A's decisions for round 1 (resubmit until resolved)
//! DIR/round-01/resolved.toml   the adjudication: decisions used, file hashes, results
//! DIR/round-01/industry.txt    the public industry report of round 1
//! DIR/round-01/private/A.txt   team A's own report of round 1
//! DIR/leaderboard.txt          the standings after the last resolved round
//! DIR/industry.html            every round's industry report, with charts
//! ```
//!
//! `resolved.toml` is written last: a round is resolved exactly when its
//! record exists, and everything is replayed from the records.

pub mod expect;
mod folder;
pub mod html;
mod record;
mod replay;
mod resolve;
pub mod text;

pub use folder::{Folder, Setup, check_team_names, round_dir};
pub use record::{Source, Submission, TeamRecord, file_hash};
pub use replay::{Replayed, replay, verify};
pub use resolve::{Resolved, Status, TeamStatus, new_market, resolve, rollback, status, submit};

use std::fmt;
use std::path::{Path, PathBuf};

/// A market problem: the file, what is wrong, how to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub file: PathBuf,
    pub what: String,
    pub fix: String,
    /// Bad input (exit code 2) rather than a failure of the disk.
    pub input: bool,
}

impl Error {
    pub fn input(file: &Path, what: impl Into<String>, fix: impl Into<String>) -> Error {
        Error {
            file: file.to_path_buf(),
            what: what.into(),
            fix: fix.into(),
            input: true,
        }
    }

    pub fn disk(file: &Path, what: impl fmt::Display) -> Error {
        Error {
            file: file.to_path_buf(),
            what: what.to_string(),
            fix: "check that the folder exists and is writable, then run the command again".into(),
            input: false,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = crate::save::printable(&self.file.display().to_string());
        let what = crate::save::printable(&self.what);
        write!(f, "{file}: {what}")?;
        if !self.fix.is_empty() {
            write!(f, "\n  how to fix: {}", crate::save::printable(&self.fix))?;
        }
        Ok(())
    }
}

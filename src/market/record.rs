//! The two kinds of round file: a team's decisions (`round-NN/TEAM.toml`)
//! and the instructor's record of how the round was resolved
//! (`round-NN/resolved.toml`), which replay and verify trust.

use super::Error;
use super::folder::read_text;
use crate::save::Hex64;
use crate::sim::Decisions;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// A team's decisions for one round, as the file says them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    pub team: String,
    pub round: u32,
    #[serde(default)]
    pub decisions: Decisions,
}

/// Where a team's decisions for a resolved round came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The team's file.
    Submitted,
    /// No (valid) file: last round's spending on the levers again.
    Repeated,
    /// No file and no earlier round: the scenario's default (spend nothing).
    Default,
    /// The firm was out of the game (bankrupt or board out).
    Out,
}

/// One team in a resolved round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamRecord {
    pub team: String,
    pub source: Source,
    /// The hash of the submitted file's bytes, to catch edits after resolve.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_hash: Option<Hex64>,
    /// The firm's state checksum after the round (none when out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum: Option<Hex64>,
    pub decisions: Decisions,
}

/// `resolved.toml`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub round: u32,
    #[serde(rename = "team")]
    pub teams: Vec<TeamRecord>,
}

/// The hash the record keeps of a file's bytes.
pub fn file_hash(bytes: &[u8]) -> Hex64 {
    Hex64(crate::scenario::content_hash(bytes))
}

impl Submission {
    /// The file as `market play` writes it.
    pub fn to_text(&self) -> Result<String, String> {
        let body = toml::to_string(self).map_err(|e| e.to_string())?;
        Ok(format!(
            "# culturesim market: team {}'s decisions for round {}.\n# Resubmit (culturesim market play) until the round is resolved.\n{body}",
            self.team, self.round
        ))
    }

    /// Reads a decisions file and checks that it belongs where it is: its
    /// team and round must be the ones its name and folder say.
    pub fn read(path: &Path, team: &str, round: u32) -> Result<(Submission, Hex64), Error> {
        let text = read_text(path)?;
        let fix_it =
            format!("write it again with `culturesim market play DIR --team {team}`, or delete it");
        let sub: Submission = toml::from_str(&text).map_err(|e| {
            let at = e
                .span()
                .map(|s| {
                    let (line, column) = crate::diag::line_column(&text, s.start);
                    format!("line {line}, column {column}: ")
                })
                .unwrap_or_default();
            Error::input(
                path,
                format!("not a valid decisions file: {at}{}", e.message()),
                fix_it.clone(),
            )
        })?;
        if sub.team != team {
            return Err(Error::input(
                path,
                format!(
                    "this file is team '{}''s decisions, but it is in team '{team}''s place",
                    sub.team
                ),
                format!(
                    "move it to {}.toml in the same folder, or delete it",
                    sub.team
                ),
            ));
        }
        if sub.round != round {
            return Err(Error::input(
                path,
                format!(
                    "this file is for round {}, but it is in round {round}'s folder",
                    sub.round
                ),
                fix_it,
            ));
        }
        Ok((sub, file_hash(text.as_bytes())))
    }
}

impl Record {
    pub fn read(path: &Path) -> Result<Record, Error> {
        let text = read_text(path)?;
        toml::from_str(&text).map_err(|e| {
            Error::input(
                path,
                format!("not a valid round record: {}", e.message()),
                "restore it from the folder's history, or roll the market back to the round before (culturesim market rollback DIR --to N)",
            )
        })
    }

    pub fn to_text(&self) -> Result<String, String> {
        let body = toml::to_string(self).map_err(|e| e.to_string())?;
        Ok(format!(
            "# culturesim market: how round {} was resolved. Do not edit: verify replays it.\n{body}",
            self.round
        ))
    }
}

//! The market folder's setup file and paths: which scenario, seed and
//! teams, and where each round's files live.

use super::Error;
use crate::save::{Hex64, write_atomic};
use crate::scenario::{self, Scenario};
use crate::sim::MAX_FIRMS;
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::{Path, PathBuf};

/// The name of the setup file in a market folder.
pub const SETUP_FILE: &str = "market.toml";
/// A scenario file copied into the folder (markets from a file, not a shipped id).
const SCENARIO_COPY: &str = "scenario.toml";
/// Longest team name: it is a file name and a report column.
const MAX_TEAM_CHARS: usize = 24;
/// Largest file the market reads (setup, decisions, records).
const MAX_FILE_BYTES: u64 = 1 << 20;

/// `market.toml`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Setup {
    /// A shipped scenario id, or `scenario.toml` for the copy in the folder.
    pub scenario: String,
    /// The scenario's content hash when the market started.
    pub scenario_hash: Hex64,
    pub seed: u64,
    pub teams: Vec<String>,
    /// The model's equations the market is played with (`sim::MODEL_VERSION`).
    pub model_version: u32,
}

/// An open market folder: its setup and its scenario.
#[derive(Clone, Debug)]
pub struct Folder {
    pub dir: PathBuf,
    pub setup: Setup,
    pub scenario: Scenario,
}

/// `DIR/round-NN`.
pub fn round_dir(dir: &Path, round: u32) -> PathBuf {
    dir.join(format!("round-{round:02}"))
}

/// Team names become file names and report columns: 1–24 letters, digits,
/// `-` or `_`, different from each other even ignoring case (some file
/// systems do), and 2 to 6 of them.
pub fn check_team_names(teams: &[String]) -> Result<(), String> {
    if teams.len() < 2 || teams.len() > MAX_FIRMS {
        return Err(format!(
            "a market has 2 to {MAX_FIRMS} teams, not {}",
            teams.len()
        ));
    }
    for (i, t) in teams.iter().enumerate() {
        let ok = !t.is_empty()
            && t.chars().count() <= MAX_TEAM_CHARS
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            && t != "resolved";
        if !ok {
            return Err(format!(
                "team name '{t}' is not allowed: use 1 to {MAX_TEAM_CHARS} letters, digits, '-' or '_' (it names the team's files)"
            ));
        }
        if teams[..i].iter().any(|u| u.eq_ignore_ascii_case(t)) {
            return Err(format!("team '{t}' is listed twice"));
        }
    }
    Ok(())
}

/// Reads a small text file of the market, with a clear error.
pub(crate) fn read_text(path: &Path) -> Result<String, Error> {
    let meta = fs::metadata(path).map_err(|e| Error::disk(path, format!("cannot read: {e}")))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::input(
            path,
            format!(
                "the file is {} bytes, too large for a market file",
                meta.len()
            ),
            "restore the file from the market folder's history or a backup",
        ));
    }
    let bytes = fs::read(path).map_err(|e| Error::disk(path, format!("cannot read: {e}")))?;
    String::from_utf8(bytes).map_err(|_| {
        Error::input(
            path,
            "the file is not UTF-8 text",
            "save it as UTF-8 text, or restore it",
        )
    })
}

/// Writes a file of the market atomically, making its folder if needed.
pub(crate) fn write(path: &Path, text: &str) -> Result<(), Error> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| Error::disk(parent, e))?;
    }
    write_atomic(path, text.as_bytes()).map_err(|e| Error::disk(path, e))
}

impl Folder {
    /// Starts a market folder: refuses a folder that already holds one.
    pub fn create(
        dir: &Path,
        scenario_spec: &str,
        teams: &[String],
        seed: Option<u64>,
    ) -> Result<Folder, Error> {
        let setup_path = dir.join(SETUP_FILE);
        check_team_names(teams).map_err(|what| {
            Error::input(
                &setup_path,
                what,
                "give --teams as a comma-separated list, e.g. --teams Red,Blue,Green",
            )
        })?;
        if setup_path.exists() {
            return Err(Error::input(
                &setup_path,
                "this folder already holds a market",
                "choose another --dir, or delete the folder to start over",
            ));
        }
        let scenario = scenario::load(scenario_spec).map_err(|e| {
            Error::input(
                Path::new(scenario_spec),
                e.to_string(),
                "give a shipped scenario id (culturesim scenario list) or a scenario file",
            )
        })?;
        let builtin = scenario.origin.starts_with("builtin:");
        let name = if builtin {
            scenario.id.clone()
        } else {
            // A copy travels with the folder, so the market replays anywhere.
            let bytes =
                fs::read(scenario_spec).map_err(|e| Error::disk(Path::new(scenario_spec), e))?;
            fs::create_dir_all(dir).map_err(|e| Error::disk(dir, e))?;
            write_atomic(&dir.join(SCENARIO_COPY), &bytes).map_err(|e| Error::disk(dir, e))?;
            SCENARIO_COPY.to_string()
        };
        let setup = Setup {
            scenario: name,
            scenario_hash: Hex64(scenario.content_hash),
            seed: seed.unwrap_or(scenario.seed),
            teams: teams.to_vec(),
            model_version: crate::sim::MODEL_VERSION,
        };
        // Shared through git, the files must stay byte for byte as written
        // (verify hashes them): no line-ending conversion on checkout.
        write(&dir.join(".gitattributes"), "* -text\n")?;
        let text = toml::to_string(&setup).map_err(|e| Error::disk(&setup_path, e))?;
        write(
            &setup_path,
            &format!("# A culturesim market: `culturesim market status DIR`\n{text}"),
        )?;
        Ok(Folder {
            dir: dir.to_path_buf(),
            setup,
            scenario,
        })
    }

    /// Opens a market folder and its scenario, as it was when the market began.
    pub fn open(dir: &Path) -> Result<Folder, Error> {
        let path = dir.join(SETUP_FILE);
        if !path.exists() {
            return Err(Error::input(
                &path,
                "no market here",
                "start one with `culturesim market new SCENARIO --dir DIR --teams A,B,C`",
            ));
        }
        let text = read_text(&path)?;
        let setup: Setup = toml::from_str(&text).map_err(|e| {
            Error::input(
                &path,
                format!("not a valid market setup: {}", e.message()),
                "restore market.toml from the folder's history",
            )
        })?;
        check_team_names(&setup.teams).map_err(|what| {
            Error::input(&path, what, "restore market.toml from the folder's history")
        })?;
        if setup.model_version != crate::sim::MODEL_VERSION {
            return Err(Error::input(
                &path,
                format!(
                    "this market is played with model version {}, this culturesim runs model version {}: its rounds would replay differently",
                    setup.model_version,
                    crate::sim::MODEL_VERSION
                ),
                format!(
                    "play it with a culturesim of model version {}",
                    setup.model_version
                ),
            ));
        }
        let scenario = if setup.scenario == SCENARIO_COPY {
            scenario::load_file(&dir.join(SCENARIO_COPY))
        } else {
            scenario::load(&setup.scenario)
        }
        .map_err(|e| {
            Error::input(
                &path,
                format!("the market's scenario does not load: {e}"),
                "restore the scenario the market was started with",
            )
        })?;
        if scenario.content_hash != setup.scenario_hash.0 {
            return Err(Error::input(
                &path,
                format!(
                    "scenario '{}' has changed since the market started (recorded {}, now {})",
                    setup.scenario,
                    setup.scenario_hash,
                    Hex64(scenario.content_hash)
                ),
                "play the market with the culturesim version (or scenario file) it was started with",
            ));
        }
        Ok(Folder {
            dir: dir.to_path_buf(),
            setup,
            scenario,
        })
    }

    pub fn teams(&self) -> &[String] {
        &self.setup.teams
    }

    /// Index of a team by name (exact, as in market.toml).
    pub fn team(&self, name: &str) -> Result<usize, Error> {
        self.setup
            .teams
            .iter()
            .position(|t| t == name)
            .ok_or_else(|| {
                Error::input(
                    &self.dir.join(SETUP_FILE),
                    format!("there is no team '{name}' in this market"),
                    format!("the teams are: {}", self.setup.teams.join(", ")),
                )
            })
    }

    /// `round-NN/TEAM.toml`.
    pub fn submission_path(&self, round: u32, team: &str) -> PathBuf {
        round_dir(&self.dir, round).join(format!("{team}.toml"))
    }

    /// `round-NN/resolved.toml`.
    pub fn record_path(&self, round: u32) -> PathBuf {
        round_dir(&self.dir, round).join("resolved.toml")
    }
}

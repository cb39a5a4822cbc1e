//! The saves in a folder, newest first, from their summaries alone (no
//! replay, so the title screen's "continue" list appears at once).

use super::atomic::is_temp;
use super::error::{Error, ErrorKind};
use super::format::SavedOutcome;
use super::parse;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use toml::value::Datetime;

/// One save, as a listing shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub path: PathBuf,
    pub player: String,
    pub scenario_id: String,
    pub scenario_title: String,
    /// Quarters played.
    pub quarter: u32,
    /// Quarters in the scenario.
    pub quarters: u32,
    pub score: f64,
    pub outcome: SavedOutcome,
    /// When the file was last written (UTC).
    pub written: Datetime,
    /// For a branch: its parent and the quarter it branched at.
    pub branch: Option<super::BranchRef>,
}

/// The saves of a folder, and the files in it that could not be read as saves.
#[derive(Debug, Default)]
pub struct Listing {
    /// Newest first.
    pub saves: Vec<Entry>,
    /// `*.toml` files that are not readable saves, by name.
    pub problems: Vec<Error>,
}

/// Lists the `*.toml` saves in `dir`. A folder that does not exist yet
/// holds no saves; one that cannot be read is an error.
pub fn list(dir: &Path) -> Result<Listing, Error> {
    let mut listing = Listing::default();
    super::atomic::sweep_temps(dir);
    let paths = match save_files(dir) {
        Ok(p) => p,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(listing),
        Err(e) => return Err(Error::new(dir, ErrorKind::Unreadable(e))),
    };
    for path in paths {
        match parse::read(&path) {
            Ok(d) => listing.saves.push(Entry {
                path,
                player: d.save.player,
                scenario_id: d.save.scenario.id,
                scenario_title: d.save.scenario.title,
                quarter: d.save.summary.quarter,
                quarters: d.save.summary.quarters,
                score: d.save.summary.score,
                outcome: d.save.summary.outcome,
                written: d.save.summary.written,
                branch: d.save.branch,
            }),
            Err(e) => listing.problems.push(e),
        }
    }
    // RFC 3339 UTC times to the second sort as text.
    listing
        .saves
        .sort_by(|a, b| (b.written.to_string(), &a.path).cmp(&(a.written.to_string(), &b.path)));
    Ok(listing)
}

/// The regular `*.toml` files of `dir`, by name, without temporary files
/// (a FIFO or device named like a save is never opened by a listing).
fn save_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut paths = toml_names(dir)?;
    paths.retain(|p| crate::input::is_regular(p));
    Ok(paths)
}

/// Every `*.toml` name in `dir` but temporary files, by name, whatever
/// kind of file it is.
fn toml_names(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| is_save_name(p))
        .collect();
    paths.sort();
    Ok(paths)
}

/// The files `culturesim verify` was given, with each folder replaced by
/// the saves in it (`verify saves/` checks a whole class). A folder that
/// cannot be read stays, so that its error is reported in its place.
pub fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths
        .iter()
        .flat_map(|p| match p.is_dir().then(|| toml_names(p)) {
            // In a folder, a scenario handed in beside the saves is not a
            // failed save; everything else is verified, so that an
            // emptied, zeroed, cut or special file fails instead of
            // vanishing from the count.
            Some(Ok(files)) => files.into_iter().filter(|f| !is_scenario(f)).collect(),
            _ => vec![p.clone()],
        })
        .collect()
}

/// Whether a file is plainly a scenario: TOML with a top-level `id`, no
/// save format version (`format`, or `version` for the oldest saves), and
/// valid as a scenario — a save cut so that its `[scenario]` table's `id`
/// comes first is not. Anything unreadable, empty or broken is not a
/// scenario either, so verification reports it.
fn is_scenario(path: &Path) -> bool {
    let Ok(bytes) = crate::input::read(path, parse::MAX_BYTES) else {
        return false;
    };
    let Some(table) = std::str::from_utf8(&bytes)
        .ok()
        .and_then(|t| t.parse::<toml::Table>().ok())
    else {
        return false;
    };
    table.contains_key("id")
        && !table.contains_key("format")
        && !table.contains_key("version")
        && crate::scenario::parse(&bytes, "", "").is_ok()
}

fn is_save_name(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".toml") && !is_temp(n) && !n.starts_with('.'))
}

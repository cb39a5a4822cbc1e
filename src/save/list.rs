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

/// The `*.toml` files of `dir`, by name, without temporary files.
fn save_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| is_save_name(p) && p.is_file())
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
        .flat_map(|p| match p.is_dir().then(|| save_files(p)) {
            // In a folder, a scenario handed in beside the saves is not a
            // failed save: only files that say they are saves count.
            Some(Ok(files)) => files.into_iter().filter(|f| looks_like_save(f)).collect(),
            _ => vec![p.clone()],
        })
        .collect()
}

/// Whether a file declares a save format (`format = …`, or `version = …`
/// for the oldest saves) at its top level. Unreadable files count, so that
/// verification reports them.
fn looks_like_save(path: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else {
        return true;
    };
    text.lines()
        .take_while(|l| !l.trim_start().starts_with('['))
        .any(|l| {
            let l = l.trim_start();
            l.starts_with("format") || l.starts_with("version")
        })
}

fn is_save_name(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".toml") && !is_temp(n) && !n.starts_with('.'))
}

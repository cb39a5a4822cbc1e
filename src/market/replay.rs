//! Replay and verify: a market is what its round records say. Replay
//! plays every resolved round again and checks it against its record;
//! verify also names every file changed after its round was resolved.

use super::folder::{Folder, round_dir};
use super::record::{Record, Source};
use super::{Error, text};
use crate::save::Hex64;
use crate::sim::{Decisions, Market, QuarterReport};
use std::fs;
use std::path::{Path, PathBuf};

/// A market replayed from its records.
#[derive(Clone, Debug)]
pub struct Replayed {
    pub folder: Folder,
    pub market: Market,
    /// Per resolved round (index 0 = round 1), per team: the round's report,
    /// or the last one the firm had if it was already out.
    pub rounds: Vec<Vec<Option<QuarterReport>>>,
    pub records: Vec<Record>,
    /// Files that were refused: edited after resolve, late, or not a team's.
    pub warnings: Vec<Error>,
}

impl Replayed {
    /// Rounds resolved so far.
    pub fn resolved(&self) -> u32 {
        self.rounds.len() as u32
    }

    /// The round teams are deciding now, if the market is not over.
    pub fn open_round(&self) -> Option<u32> {
        (!self.market.is_over(&self.folder.scenario.rules)).then(|| self.resolved() + 1)
    }
}

/// Replays every resolved round. A record that does not replay to its
/// checksums stops here; a decisions file edited after resolve does not
/// (the record keeps what was played), it is only named in `warnings`.
pub fn replay(dir: &Path) -> Result<Replayed, Error> {
    let folder = Folder::open(dir)?;
    let rules = folder.scenario.rules.clone();
    let n = folder.teams().len();
    let mut market = Market::new(&rules, folder.setup.seed, n)
        .map_err(|e| Error::input(&dir.join("market.toml"), e.to_string(), "list 2 to 6 teams"))?;
    let mut rounds: Vec<Vec<Option<QuarterReport>>> = Vec::new();
    let mut records = Vec::new();
    let mut warnings = Vec::new();
    for r in 1.. {
        let path = folder.record_path(r);
        if !path.exists() {
            break;
        }
        let record = Record::read(&path)?;
        let names: Vec<&str> = record.teams.iter().map(|t| t.team.as_str()).collect();
        if record.round != r
            || names
                != folder
                    .teams()
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
        {
            return Err(Error::input(
                &path,
                format!("this record is not round {r} of this market's teams"),
                format!(
                    "restore it, or roll back: culturesim market rollback {} --to {}",
                    dir.display(),
                    r - 1
                ),
            ));
        }
        let decisions: Vec<Decisions> = record.teams.iter().map(|t| t.decisions.clone()).collect();
        let reports = market.advance(&rules, &decisions).map_err(|e| {
            Error::input(
                &path,
                format!("round {r} does not replay: {e}"),
                format!(
                    "roll back: culturesim market rollback {} --to {}",
                    dir.display(),
                    r - 1
                ),
            )
        })?;
        let last = rounds.last().cloned().unwrap_or_else(|| vec![None; n]);
        let mut round = Vec::with_capacity(n);
        for (i, (report, rec)) in reports.into_iter().zip(&record.teams).enumerate() {
            let got = report.as_ref().map(|q| Hex64(q.checksum));
            if got != rec.checksum {
                return Err(Error::input(
                    &path,
                    format!(
                        "round {r} replays to a different result for team '{}' than recorded: the record was edited, or the market was resolved by another culturesim version",
                        rec.team
                    ),
                    format!(
                        "restore the record, or roll back: culturesim market rollback {} --to {}",
                        dir.display(),
                        r - 1
                    ),
                ));
            }
            round.push(report.or_else(|| last.get(i).cloned().flatten()));
        }
        check_round_files(&folder, &record, &mut warnings);
        rounds.push(round);
        records.push(record);
    }
    Ok(Replayed {
        folder,
        market,
        rounds,
        records,
        warnings,
    })
}

/// Names every decisions file of a resolved round that is not the one the
/// record played: edited or deleted after resolve, appeared late, or not a
/// team of this market.
fn check_round_files(folder: &Folder, record: &Record, warnings: &mut Vec<Error>) {
    let r = record.round;
    for t in &record.teams {
        let path = folder.submission_path(r, &t.team);
        let bytes = fs::read(&path).ok();
        match (t.source, &t.file_hash, bytes) {
            (Source::Submitted, Some(hash), Some(b)) if super::file_hash(&b) != *hash => warnings.push(Error::input(
                &path,
                format!("edited after round {r} was resolved: the round was played with the file as it was (hash {hash}); this version is refused"),
                "restore the file from the folder's history; decisions for the next round go in the next round's folder",
            )),
            (Source::Submitted, _, None) => warnings.push(Error::input(
                &path,
                format!("deleted after round {r} was resolved"),
                "restore the file from the folder's history",
            )),
            (s, _, Some(_)) if s != Source::Submitted => warnings.push(Error::input(
                &path,
                format!("appeared after round {r} was resolved: it was not played, and is refused"),
                "delete it; decisions for the open round go in the open round's folder (culturesim market play)",
            )),
            _ => {}
        }
    }
    let Ok(entries) = fs::read_dir(round_dir(&folder.dir, r)) else {
        return;
    };
    let mut stray: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            is_decisions_name(p) && !folder.teams().iter().any(|t| Some(t.as_str()) == stem(p))
        })
        .collect();
    stray.sort();
    for p in stray {
        warnings.push(not_a_team(folder, &p));
    }
}

pub(super) fn stem(p: &Path) -> Option<&str> {
    p.file_stem().and_then(|s| s.to_str())
}

/// A `*.toml` in a round folder that is not the record nor a temporary file.
pub(super) fn is_decisions_name(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".toml") && !name.starts_with('.') && name != "resolved.toml"
}

pub(super) fn not_a_team(folder: &Folder, p: &Path) -> Error {
    Error::input(
        p,
        "this file's name is not a team of this market: it is refused",
        format!(
            "a team's file is named after it: {}",
            folder
                .teams()
                .iter()
                .map(|t| format!("{t}.toml"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    )
}

/// Replays everything and lists every file that is not as resolved: the
/// decisions files (edited, deleted, late, stray) and the reports (edited).
/// An empty list means the market is genuine.
pub fn verify(dir: &Path) -> Result<(Replayed, Vec<Error>), Error> {
    let rep = replay(dir)?;
    let mut problems = rep.warnings.clone();
    for r in 1..=rep.resolved() {
        let rd = round_dir(dir, r);
        let mut expected = vec![(rd.join("industry.txt"), text::industry(&rep, r))];
        for (i, team) in rep.folder.teams().iter().enumerate() {
            expected.push((
                rd.join("private").join(format!("{team}.txt")),
                text::private(&rep, r, i),
            ));
        }
        for (path, want) in expected {
            if fs::read_to_string(&path).ok().as_deref() != Some(want.as_str()) {
                problems.push(Error::input(
                    &path,
                    format!("not the report round {r} resolved to (edited or missing)"),
                    "rewrite the reports: culturesim market resolve DIR (it changes no round)",
                ));
            }
        }
    }
    Ok((rep, problems))
}

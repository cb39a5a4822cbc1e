//! The adjudicator: say who has submitted, take a team's decisions,
//! resolve the open round and write its reports, roll back.

use super::folder::{Folder, round_dir, write};
use super::record::{Record, Source, Submission, TeamRecord};
use super::replay::{Replayed, is_decisions_name, not_a_team, replay, stem};
use super::{Error, text};
use crate::save::Hex64;
use crate::sim::{Decisions, QuarterReport};
use std::fs;
use std::path::{Path, PathBuf};

/// Where one team stands in the open round.
#[derive(Clone, Debug, PartialEq)]
pub enum TeamStatus {
    /// The decisions and the hash of the very bytes they were read from.
    Submitted(Box<Decisions>, Hex64),
    Missing,
    Invalid(Error),
    /// Out of the game: nothing to decide.
    Out,
}

/// Who has submitted for the open round.
#[derive(Clone, Debug)]
pub struct Status {
    pub round: Option<u32>,
    pub teams: Vec<(String, TeamStatus)>,
    /// Refused files of the open round that are not a team's.
    pub stray: Vec<Error>,
}

/// The state of every team's file for the open round.
pub fn status(rep: &Replayed) -> Status {
    let Some(round) = rep.open_round() else {
        return Status {
            round: None,
            teams: Vec::new(),
            stray: Vec::new(),
        };
    };
    let rules = &rep.folder.scenario.rules;
    let mut teams = Vec::new();
    for (i, team) in rep.folder.teams().iter().enumerate() {
        let firm = &rep.market.firms()[i];
        let path = rep.folder.submission_path(round, team);
        let st = if firm.is_over(rules) {
            TeamStatus::Out
        } else if !path.exists() {
            TeamStatus::Missing
        } else {
            match Submission::read(&path, team, round) {
                Err(e) => TeamStatus::Invalid(e),
                Ok((sub, hash)) => match sub.decisions.validate(rules, firm) {
                    Ok(_) => TeamStatus::Submitted(Box::new(sub.decisions), hash),
                    Err(e) => TeamStatus::Invalid(Error::input(
                        &path,
                        format!("these decisions cannot be played: {e}"),
                        format!("submit again: culturesim market play DIR --team {team}"),
                    )),
                },
            }
        };
        teams.push((team.clone(), st));
    }
    let mut stray = Vec::new();
    if let Ok(entries) = fs::read_dir(round_dir(&rep.folder.dir, round)) {
        let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for p in paths.iter().filter(|p| is_decisions_name(p)) {
            if !rep
                .folder
                .teams()
                .iter()
                .any(|t| Some(t.as_str()) == stem(p))
            {
                stray.push(not_a_team(&rep.folder, p));
            }
        }
    }
    Status {
        round: Some(round),
        teams,
        stray,
    }
}

/// Starts a market folder and writes its (empty) reports.
pub fn new_market(
    dir: &Path,
    scenario: &str,
    teams: &[String],
    seed: Option<u64>,
) -> Result<Replayed, Error> {
    Folder::create(dir, scenario, teams, seed)?;
    let rep = replay(dir)?;
    write_outputs(&rep)?;
    Ok(rep)
}

/// Writes a team's decisions for the open round (again, until resolved).
pub fn submit(dir: &Path, team: &str, decisions: &Decisions) -> Result<PathBuf, Error> {
    let rep = replay(dir)?;
    let i = rep.folder.team(team)?;
    let setup = dir.join("market.toml");
    let Some(round) = rep.open_round() else {
        return Err(Error::input(
            &setup,
            "the market is over: every round has been played",
            "see the industry report: culturesim market status DIR",
        ));
    };
    let rules = &rep.folder.scenario.rules;
    let firm = &rep.market.firms()[i];
    if firm.is_over(rules) {
        return Err(Error::input(
            &setup,
            format!(
                "team '{team}' is out of the game ({})",
                firm.outcome.describe()
            ),
            "",
        ));
    }
    let path = rep.folder.submission_path(round, team);
    decisions.validate(rules, firm).map_err(|e| {
        Error::input(
            &path,
            format!("these decisions cannot be played: {e}"),
            "change them and submit again",
        )
    })?;
    let sub = Submission {
        team: team.to_string(),
        round,
        decisions: decisions.clone(),
    };
    let body = sub.to_text().map_err(|e| Error::disk(&path, e))?;
    write(&path, &body)?;
    // The instructor may have resolved the round while this file was being
    // written: then it was not played, and the team must hear it now.
    if rep.folder.record_path(round).exists() {
        return Err(Error::input(
            &path,
            format!(
                "round {round} was resolved while your decisions were being written: they were not played"
            ),
            format!(
                "delete this file, then play round {}: culturesim market play DIR --team {team}",
                round + 1
            ),
        ));
    }
    Ok(path)
}

/// What `resolve` did.
#[derive(Clone, Debug)]
pub struct Resolved {
    pub round: u32,
    /// False when there was nothing to resolve and the last round's
    /// reports were only written again (resolve is idempotent).
    pub played: bool,
    /// Teams whose decisions were not their own file this round.
    pub defaulted: Vec<(String, Source)>,
    pub replayed: Replayed,
}

/// Resolves the open round. Without `force`, every team still in the game
/// must have a valid file; with it, a team without one repeats its last
/// spending (or the scenario's default). A round nobody submitted for is
/// never resolved: running resolve again only rewrites the reports.
pub fn resolve(dir: &Path, force: bool) -> Result<Resolved, Error> {
    let mut rep = replay(dir)?;
    let st = status(&rep);
    let submitted = st
        .teams
        .iter()
        .filter(|(_, s)| matches!(s, TeamStatus::Submitted(..)))
        .count();
    let round = match st.round {
        Some(r) if submitted > 0 => r,
        _ => {
            for r in 1..=rep.resolved() {
                write_round(&rep, r)?;
            }
            write_outputs(&rep)?;
            return Ok(Resolved {
                round: rep.resolved(),
                played: false,
                defaulted: Vec::new(),
                replayed: rep,
            });
        }
    };
    if !force
        && let Some((team, s)) = st
            .teams
            .iter()
            .find(|(_, s)| matches!(s, TeamStatus::Missing | TeamStatus::Invalid(_)))
    {
        let path = rep.folder.submission_path(round, team);
        return Err(match s {
            TeamStatus::Invalid(e) => e.clone(),
            _ => Error::input(
                &path,
                format!("team '{team}' has not submitted for round {round}"),
                "wait for it, or resolve with --force: a team without a file repeats its last decisions",
            ),
        });
    }
    let rules = rep.folder.scenario.rules.clone();
    let mut decisions = Vec::new();
    let mut sources = Vec::new();
    for (i, (_, s)) in st.teams.iter().enumerate() {
        let (d, source, hash) = match s {
            TeamStatus::Submitted(d, hash) => ((**d).clone(), Source::Submitted, Some(*hash)),
            TeamStatus::Out => (Decisions::default(), Source::Out, None),
            TeamStatus::Missing | TeamStatus::Invalid(_) => match rep.records.last() {
                Some(rec) => (repeat(&rec.teams[i].decisions), Source::Repeated, None),
                None => (Decisions::default(), Source::Default, None),
            },
        };
        decisions.push(d);
        sources.push((source, hash));
    }
    let reports = rep.market.advance(&rules, &decisions).map_err(|e| {
        Error::input(
            &rep.folder.record_path(round),
            e.to_string(),
            "fix the team's file and resolve again",
        )
    })?;
    let record = Record {
        round,
        teams: st
            .teams
            .iter()
            .zip(&decisions)
            .zip(&sources)
            .zip(&reports)
            .map(|(((t, d), (source, hash)), report)| TeamRecord {
                team: t.0.clone(),
                source: *source,
                file_hash: *hash,
                checksum: report.as_ref().map(|q| Hex64(q.checksum)),
                decisions: d.clone(),
            })
            .collect(),
    };
    let last = rep
        .rounds
        .last()
        .cloned()
        .unwrap_or_else(|| vec![None; decisions.len()]);
    let round_reports: Vec<Option<QuarterReport>> = reports
        .into_iter()
        .enumerate()
        .map(|(i, r)| r.or_else(|| last[i].clone()))
        .collect();
    rep.rounds.push(round_reports);
    rep.records.push(record.clone());
    // The round's reports first, the record last: the record is what makes
    // the round resolved, so a crash in between leaves it open, whole.
    write_round(&rep, round)?;
    let body = record
        .to_text()
        .map_err(|e| Error::disk(&rep.folder.record_path(round), e))?;
    write(&rep.folder.record_path(round), &body)?;
    write_outputs(&rep)?;
    let defaulted = st
        .teams
        .iter()
        .zip(&sources)
        .filter(|(_, (s, _))| matches!(s, Source::Repeated | Source::Default))
        .map(|((t, _), (s, _))| (t.clone(), *s))
        .collect();
    Ok(Resolved {
        round,
        played: true,
        defaulted,
        replayed: rep,
    })
}

/// Last round's spending again; initiatives and answers are not repeated
/// (an initiative cools down, a dilemma is asked once).
fn repeat(last: &Decisions) -> Decisions {
    Decisions {
        initiatives: Vec::new(),
        answers: Default::default(),
        ..last.clone()
    }
}

/// One resolved round's files: the industry report and each team's own.
fn write_round(rep: &Replayed, round: u32) -> Result<(), Error> {
    let dir = round_dir(&rep.folder.dir, round);
    write(&dir.join("industry.txt"), &text::industry(rep, round))?;
    for (i, team) in rep.folder.teams().iter().enumerate() {
        write(
            &dir.join("private").join(format!("{team}.txt")),
            &text::private(rep, round, i),
        )?;
    }
    Ok(())
}

/// The files derived from every round: the leaderboard and the HTML report.
fn write_outputs(rep: &Replayed) -> Result<(), Error> {
    write(
        &rep.folder.dir.join("leaderboard.txt"),
        &text::leaderboard(rep),
    )?;
    write(
        &rep.folder.dir.join("industry.html"),
        &super::html::industry(rep),
    )
}

/// Undoes the rounds after `to`: their records and reports go (newest
/// first, so an interruption leaves a shorter market, whole); round
/// `to + 1` keeps its decisions files, which teams may change again.
pub fn rollback(dir: &Path, to: u32) -> Result<Replayed, Error> {
    let rep = replay(dir)?;
    let last = rep.resolved();
    if to > last {
        return Err(Error::input(
            &dir.join("market.toml"),
            format!("cannot roll back to round {to}: only {last} round(s) are resolved"),
            format!("give --to 0 to {last}"),
        ));
    }
    for r in (to + 1..=last).rev() {
        let rd = round_dir(dir, r);
        remove(&rep.folder.record_path(r))?;
        if r == to + 1 {
            remove(&rd.join("industry.txt"))?;
            if rd.join("private").exists() {
                fs::remove_dir_all(rd.join("private")).map_err(|e| Error::disk(&rd, e))?;
            }
        } else {
            fs::remove_dir_all(&rd).map_err(|e| Error::disk(&rd, e))?;
        }
    }
    let rep = replay(dir)?;
    write_outputs(&rep)?;
    Ok(rep)
}

fn remove(path: &Path) -> Result<(), Error> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::disk(path, e)),
        _ => Ok(()),
    }
}

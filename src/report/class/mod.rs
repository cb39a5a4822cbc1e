//! The class report: every handed-in save verified by replay and given a
//! status, the genuine ones ranked by the scenario's score with a column
//! per score term and benchmark rows, the class's distribution and KPI
//! charts, why the top quarter beat the bottom quarter, and flags for
//! copied decision logs and players with several saves — as a terminal
//! table, CSV for a gradebook, Markdown or one HTML page.
//!
//! Pure: the caller replays the files (in parallel) into [`Handed`]
//! entries and prints what the renderers return.

mod charts;
mod copies;
mod differ;
mod digest;
mod html;
mod markdown;
mod table;

pub use copies::{CopyGroup, copy_groups, repeated_players};
pub use differ::{Distribution, TOO_FEW_FOR_WHY, Why, distribution, why_differed};
pub use digest::{Digest, Fault, KPI_TITLES, digest, fault_of};
pub use html::render_html;
pub use markdown::render_markdown;
pub use table::{render_csv, render_table};

use crate::analysis::{Benchmarks, benchmarks};
use crate::scenario::Scenario;
use std::collections::BTreeMap;

/// One handed-in file, replayed (or not).
#[derive(Clone, Debug)]
pub struct Handed {
    /// The file, as given.
    pub file: String,
    pub checked: Result<Box<Digest>, Failed>,
}

/// A save that did not replay: what could be read of it, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Failed {
    pub player: Option<String>,
    pub fault: Fault,
    /// The verification message (untrusted text: escape it to show).
    pub reason: String,
}

/// What a save is, for the class.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Genuine,
    /// Edited, from this quarter when the replay tells.
    Edited {
        from: Option<u32>,
    },
    OtherScenario,
    OtherVersion,
    OtherSeed,
    Unfinished,
    Unreadable,
}

impl Status {
    /// The status as a gradebook or a table shows it.
    pub fn label(&self) -> String {
        match self {
            Status::Genuine => "genuine".into(),
            Status::Edited { from: Some(q) } => format!("edited from quarter {q}"),
            Status::Edited { from: None } => "edited (summary)".into(),
            Status::OtherScenario => "another scenario".into(),
            Status::OtherVersion => "another scenario version".into(),
            Status::OtherSeed => "another seed".into(),
            Status::Unfinished => "unfinished".into(),
            Status::Unreadable => "unreadable".into(),
        }
    }
}

/// One row of the report: a file, its status and, if genuine, its rank.
#[derive(Clone, Debug)]
pub struct Row {
    pub file: String,
    /// The player's name as saved ("?" when the file could not be read).
    pub player: String,
    pub status: Status,
    /// Why it is not ranked (empty when genuine; untrusted text).
    pub reason: String,
    /// 1 for the best; equal scores share a rank.
    pub rank: Option<usize>,
    /// Index into [`ClassReport::digests`] when the save replayed.
    pub digest: Option<usize>,
}

/// The whole report, computed.
#[derive(Clone, Debug)]
pub struct ClassReport {
    /// The class's scenario: the one named, or the one most saves used.
    pub scenario: Option<Scenario>,
    /// The class's seed (the scenario's locked seed, or the one most of
    /// the class used), if there is one.
    pub seed: Option<u64>,
    /// The seed the benchmark rows were played on.
    pub bench: Option<Benchmarks>,
    /// Genuine saves first, by rank; then the others, in file order.
    pub rows: Vec<Row>,
    pub digests: Vec<Digest>,
    pub distribution: Option<Distribution>,
    pub why: Option<Why>,
    pub copies: Vec<CopyGroup>,
    /// Players with several saves: the name and their rows' files.
    pub repeats: Vec<(String, Vec<String>)>,
}

impl ClassReport {
    /// The genuine rows, best first.
    pub fn ranked(&self) -> impl Iterator<Item = (&Row, &Digest)> {
        self.rows.iter().filter_map(|r| match (r.rank, r.digest) {
            (Some(_), Some(i)) => self.digests.get(i).map(|d| (r, d)),
            _ => None,
        })
    }
}

/// The most frequent key (ties: the smallest).
fn most_common<K: Ord + Clone>(keys: impl Iterator<Item = K>) -> Option<(K, usize)> {
    let mut count: BTreeMap<K, usize> = BTreeMap::new();
    for k in keys {
        *count.entry(k).or_insert(0) += 1;
    }
    count
        .into_iter()
        .fold(None, |best: Option<(K, usize)>, (k, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((k, n)),
        })
}

/// Builds the report. `scenarios` are the scenarios the saves replayed on
/// (by id and content hash); `named` is the class's scenario when the
/// instructor named one.
pub fn build(
    handed: Vec<Handed>,
    scenarios: &BTreeMap<(String, u64), Scenario>,
    named: Option<&Scenario>,
) -> ClassReport {
    let mut digests = Vec::new();
    let mut pending: Vec<(String, Result<usize, Failed>)> = Vec::new();
    for h in handed {
        match h.checked {
            Ok(d) => {
                digests.push(*d);
                pending.push((h.file, Ok(digests.len() - 1)));
            }
            Err(f) => pending.push((h.file, Err(f))),
        }
    }
    let key = named.map(|s| (s.id.clone(), s.content_hash)).or_else(|| {
        most_common(
            digests
                .iter()
                .map(|d| (d.scenario_id.clone(), d.scenario_hash)),
        )
        .map(|k| k.0)
    });
    let scenario = named
        .cloned()
        .or_else(|| key.as_ref().and_then(|k| scenarios.get(k).cloned()));
    let on_class = |d: &Digest| key.as_ref() == Some(&(d.scenario_id.clone(), d.scenario_hash));
    let seed = match &scenario {
        Some(s) if s.lock_seed => Some(s.seed),
        Some(_) => {
            let class: Vec<u64> = digests
                .iter()
                .filter(|d| on_class(d))
                .map(|d| d.seed)
                .collect();
            most_common(class.iter().copied())
                .filter(|(_, n)| 2 * n > class.len())
                .map(|k| k.0)
        }
        None => None,
    };
    let mut rows: Vec<Row> = pending
        .into_iter()
        .map(|(file, r)| match r {
            Err(f) => Row {
                file,
                player: f.player.clone().unwrap_or_else(|| "?".into()),
                status: match f.fault {
                    Fault::Unreadable => Status::Unreadable,
                    Fault::Edited { from } => Status::Edited { from },
                    Fault::OtherScenario => Status::OtherScenario,
                    Fault::OtherVersion => Status::OtherVersion,
                    Fault::OtherSeed { .. } => Status::OtherSeed,
                },
                reason: f.reason,
                rank: None,
                digest: None,
            },
            Ok(i) => {
                let d = &digests[i];
                let (status, reason) = if !on_class(d) {
                    let same_id = key.as_ref().is_some_and(|k| k.0 == d.scenario_id);
                    if same_id {
                        (
                            Status::OtherVersion,
                            format!("played on another version of scenario '{}'", d.scenario_id),
                        )
                    } else {
                        (
                            Status::OtherScenario,
                            format!("played scenario '{}', not the class's", d.scenario_id),
                        )
                    }
                } else if seed.is_some_and(|s| s != d.seed) {
                    (
                        Status::OtherSeed,
                        format!(
                            "played seed {}, the class played seed {}",
                            d.seed,
                            seed.unwrap_or_default()
                        ),
                    )
                } else if !d.finished {
                    (
                        Status::Unfinished,
                        format!("stopped after quarter {} of {}", d.quarter, d.quarters),
                    )
                } else {
                    (Status::Genuine, String::new())
                };
                Row {
                    file,
                    player: d.player.clone(),
                    status,
                    reason,
                    rank: None,
                    digest: Some(i),
                }
            }
        })
        .collect();
    rank(&mut rows, &digests);
    let bench = scenario
        .as_ref()
        .map(|s| benchmarks(s, seed.unwrap_or(s.seed)));
    let genuine: Vec<&Digest> = rows
        .iter()
        .filter(|r| r.rank.is_some())
        .filter_map(|r| r.digest.and_then(|i| digests.get(i)))
        .collect();
    let distribution = distribution(&genuine);
    let why = why_differed(&genuine);
    let copies = copy_groups(
        &rows,
        &digests,
        scenario.as_ref().map_or(0.0, |s| s.rules.budget),
    );
    let repeats = repeated_players(&rows);
    ClassReport {
        scenario,
        seed,
        bench,
        rows,
        digests,
        distribution,
        why,
        copies,
        repeats,
    }
}

/// Ranks the genuine rows by score (ties share a rank; then by player
/// and file) and puts them first, the others after in file order.
fn rank(rows: &mut [Row], digests: &[Digest]) {
    let score = |r: &Row| {
        r.digest
            .and_then(|i| digests.get(i))
            .map_or(0.0, Digest::total)
    };
    rows.sort_by(|a, b| {
        let ga = a.status == Status::Genuine;
        let gb = b.status == Status::Genuine;
        gb.cmp(&ga).then_with(|| {
            if ga && gb {
                score(b)
                    .total_cmp(&score(a))
                    .then_with(|| a.player.cmp(&b.player))
                    .then_with(|| a.file.cmp(&b.file))
            } else {
                std::cmp::Ordering::Equal
            }
        })
    });
    let mut last: Option<(f64, usize)> = None;
    for (i, row) in rows.iter_mut().enumerate() {
        if row.status != Status::Genuine {
            break;
        }
        let s = score(row);
        let r = match last {
            Some((p, r)) if p == s => r,
            _ => i + 1,
        };
        row.rank = Some(r);
        last = Some((s, r));
    }
}

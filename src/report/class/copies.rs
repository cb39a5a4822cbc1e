//! Possible copying: saves whose decision logs are identical, or nearly
//! (every quarter's levers within 2% of the budget of each other and the
//! same initiatives and answers in at least 90% of the quarters); and
//! players who handed in several saves.

use super::digest::Digest;
use super::{Row, Status};
use crate::sim::Decisions;
use std::collections::BTreeMap;

/// Saves whose logs match: the files, and whether exactly.
#[derive(Clone, Debug, PartialEq)]
pub struct CopyGroup {
    pub files: Vec<String>,
    pub players: Vec<String>,
    pub identical: bool,
}

impl CopyGroup {
    /// "identical" or "near-identical", for people.
    pub fn kind(&self) -> &'static str {
        if self.identical {
            "identical"
        } else {
            "near-identical"
        }
    }

    /// The players and their files, "Ann (a.toml), Bo (b.toml)", each text
    /// through `escape` (the destination's escaping).
    pub fn who(&self, escape: impl Fn(&str) -> String) -> String {
        let who: Vec<String> = self
            .files
            .iter()
            .zip(&self.players)
            .map(|(f, p)| format!("{} ({})", escape(p), escape(f)))
            .collect();
        who.join(", ")
    }
}

/// Logs shorter than this are not compared (everyone's first quarters
/// may well look alike).
const MIN_QUARTERS: usize = 4;
/// Levers this close, as a share of the budget, count as the same.
const CLOSE: f64 = 0.02;
/// The share of quarters that must match for "near-identical".
const NEAR: f64 = 0.9;

/// One quarter of a log, ready to compare: the four levers, then the
/// initiatives and answers as one text.
type Quarter = ([f64; 4], String);

fn compact(log: &[Decisions]) -> Vec<Quarter> {
    log.iter()
        .map(|d| {
            (
                [d.vision, d.insight, d.skills, d.marketing],
                format!("{:?}{:?}", d.initiatives, d.answers),
            )
        })
        .collect()
}

fn same_quarter(a: &Quarter, b: &Quarter, tolerance: f64) -> bool {
    a.0.iter()
        .zip(&b.0)
        .all(|(x, y)| (x - y).abs() <= tolerance)
        && a.1 == b.1
}

/// Logs of one length, matching in at least [`NEAR`] of their quarters.
fn near(a: &[Quarter], b: &[Quarter], tolerance: f64) -> bool {
    let allowed = a.len() - (NEAR * a.len() as f64).ceil() as usize;
    let mut misses = 0;
    for (x, y) in a.iter().zip(b) {
        if !same_quarter(x, y, tolerance) {
            misses += 1;
            if misses > allowed {
                return false;
            }
        }
    }
    true
}

/// An exact key for a log: each quarter's lever bits, initiatives and answers.
type LogKey = Vec<(u64, u64, u64, u64, String)>;

/// Exact groups of a block (one scenario, one log length) by their first
/// log, compacted.
type Block = Vec<(usize, Vec<Quarter>)>;

fn log_key(log: &[Decisions]) -> LogKey {
    log.iter()
        .map(|d| {
            (
                d.vision.to_bits(),
                d.insight.to_bits(),
                d.skills.to_bits(),
                d.marketing.to_bits(),
                format!("{:?}{:?}", d.initiatives, d.answers),
            )
        })
        .collect()
}

/// Groups of matching logs among the saves that replayed, of one
/// scenario. Identical logs are grouped by key; near-identical ones are
/// found by comparing each group's first log with the others' of the same
/// scenario and length (most pairs differ within three quarters).
pub fn copy_groups(rows: &[Row], digests: &[Digest], budget: f64) -> Vec<CopyGroup> {
    let mut exact: BTreeMap<(String, LogKey), Vec<usize>> = BTreeMap::new();
    for (i, row) in rows.iter().enumerate() {
        if let Some(d) = row.digest.and_then(|j| digests.get(j))
            && d.log.len() >= MIN_QUARTERS
            && row.status != Status::Unreadable
        {
            exact
                .entry((d.scenario_id.clone(), log_key(&d.log)))
                .or_default()
                .push(i);
        }
    }
    let groups: Vec<Vec<usize>> = exact.into_values().collect();
    // Near-identical logs are of one scenario and one length: compare
    // within those blocks only, each group by its first log.
    let mut blocks: BTreeMap<(&str, usize), Block> = BTreeMap::new();
    for (g, members) in groups.iter().enumerate() {
        if let Some(d) = rows[members[0]].digest.and_then(|j| digests.get(j)) {
            blocks
                .entry((d.scenario_id.as_str(), d.log.len()))
                .or_default()
                .push((g, compact(&d.log)));
        }
    }
    // Union of exact groups that are near each other.
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let tolerance = CLOSE * budget;
    for block in blocks.values() {
        for (i, (a, la)) in block.iter().enumerate() {
            for (b, lb) in &block[i + 1..] {
                if near(la, lb, tolerance) {
                    let (ra, rb) = (find(&mut parent, *a), find(&mut parent, *b));
                    parent[rb] = ra;
                }
            }
        }
    }
    let mut merged: BTreeMap<usize, (Vec<usize>, usize)> = BTreeMap::new();
    for (g, members) in groups.iter().enumerate() {
        let root = find(&mut parent, g);
        let e = merged.entry(root).or_default();
        e.0.extend(members);
        e.1 += 1;
    }
    let mut out: Vec<CopyGroup> = merged
        .into_values()
        .filter(|(m, _)| m.len() > 1)
        .map(|(mut m, exact_groups)| {
            m.sort_unstable();
            CopyGroup {
                files: m.iter().map(|&i| rows[i].file.clone()).collect(),
                players: m.iter().map(|&i| rows[i].player.clone()).collect(),
                identical: exact_groups == 1,
            }
        })
        .collect();
    out.sort_by(|a, b| a.files.cmp(&b.files));
    out
}

/// Players (by name, ignoring case and spaces at the ends) who handed in
/// more than one file, with the files.
pub fn repeated_players(rows: &[Row]) -> Vec<(String, Vec<String>)> {
    let mut by: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.player != "?") {
        let e = by
            .entry(r.player.trim().to_lowercase())
            .or_insert_with(|| (r.player.clone(), Vec::new()));
        e.1.push(r.file.clone());
    }
    by.into_values().filter(|(_, f)| f.len() > 1).collect()
}

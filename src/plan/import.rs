//! One's own game as a plan: a save file (every decision, exactly), or the
//! JSON or CSV that `culturesim run` prints (JSON holds every decision;
//! CSV the levers to the cent and the initiatives, not the answers). The
//! file's kind is told from its content, so `--plan` takes any of them.

use super::{Plan, PlanError};
use crate::sim::Decisions;
use std::path::Path;

/// A game's log is at most a save's size.
const MAX_IMPORT_BYTES: u64 = crate::save::MAX_BYTES;

/// A plan read from a file, and what the file was.
#[derive(Clone, Debug)]
pub struct Imported {
    pub plan: Plan,
    /// Where a played game's decisions came from; `None` for a plan file.
    pub game: Option<GameOrigin>,
    /// What the reader should know (a log shorter than the game, answers
    /// a CSV cannot hold).
    pub notes: Vec<String>,
}

/// The game a plan was taken from.
#[derive(Clone, Debug, PartialEq)]
pub struct GameOrigin {
    /// "save", "JSON" or "CSV".
    pub kind: &'static str,
    pub scenario_id: String,
    pub seed: u64,
    /// Quarters in the log.
    pub quarters: u32,
}

/// Reads a plan file, a save, or a JSON or CSV run.
pub fn load_any(path: &Path) -> Result<Imported, PlanError> {
    // Bounded and regular-file-only, like every input (`-`: standard input).
    let bytes = super::read_bounded(path, MAX_IMPORT_BYTES.max(super::MAX_PLAN_BYTES))?;
    let size = bytes.len() as u64;
    let text = String::from_utf8_lossy(&bytes);
    let bad = |message: String| PlanError::Import {
        path: path.into(),
        message,
    };
    let start = text.trim_start();
    let kind = if start.starts_with('{') {
        Kind::Json
    } else if text.starts_with("scenario,seed,quarter,") {
        Kind::Csv
    } else if looks_like_save(&text) {
        Kind::Save
    } else if looks_like_table(&text) {
        return Err(bad(
            "this is a table of a run, which does not hold the decisions: print the run with --format json (or write it with --save) and give that file as the plan".into(),
        ));
    } else {
        return super::from_bytes(path, &bytes).map(|plan| Imported {
            plan,
            game: None,
            notes: Vec::new(),
        });
    };
    if size > MAX_IMPORT_BYTES {
        return Err(bad(format!(
            "the file is {size} bytes; a game's log is at most {MAX_IMPORT_BYTES}"
        )));
    }
    let (log, origin, mut notes) = match kind {
        Kind::Save => from_save(&bytes).map_err(bad)?,
        Kind::Json => from_json(&text).map_err(bad)?,
        Kind::Csv => from_csv(&text).map_err(bad)?,
    };
    if log.is_empty() {
        return Err(bad(format!(
            "the {} holds no quarter played: there are no decisions to take",
            origin.kind
        )));
    }
    let plan = Plan::from_log(&log, &format!("{} {}", origin.kind, path.display()));
    notes.push(format!(
        "the plan is the {} of a game of '{}' (seed {}), quarters 1-{}",
        origin.kind,
        origin.scenario_id,
        origin.seed,
        log.len(),
    ));
    Ok(Imported {
        plan,
        game: Some(origin),
        notes,
    })
}

enum Kind {
    Save,
    Json,
    Csv,
}

type Read = (Vec<Decisions>, GameOrigin, Vec<String>);

impl Plan {
    /// A played game's decisions as a plan: each quarter as played, and
    /// the last quarter's levers (no initiatives, no answers) for any
    /// quarter after the log.
    pub fn from_log(log: &[Decisions], description: &str) -> Plan {
        let default = log.last().map_or_else(Decisions::default, |d| Decisions {
            initiatives: Vec::new(),
            answers: Default::default(),
            ..d.clone()
        });
        Plan {
            description: description.to_string(),
            default,
            quarters: (1..).zip(log.iter().cloned()).collect(),
            scale: None,
        }
    }
}

fn looks_like_save(text: &str) -> bool {
    text.lines()
        .map(str::trim_start)
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .take_while(|l| !l.starts_with('['))
        .any(|l| l.starts_with("format") || l.starts_with("model_version"))
}

/// `culturesim run`'s table: a title line, then the column header.
fn looks_like_table(text: &str) -> bool {
    text.lines()
        .nth(1)
        .is_some_and(|l| l.trim_start().starts_with("Q culture"))
}

fn from_save(bytes: &[u8]) -> Result<Read, String> {
    let decoded = crate::save::decode(bytes).map_err(|e| format!("as a save: {e}"))?;
    let save = decoded.save;
    let log: Vec<Decisions> = save.quarters.iter().map(|q| q.decisions.clone()).collect();
    let origin = GameOrigin {
        kind: "save",
        scenario_id: save.scenario.id,
        seed: save.seed,
        quarters: log.len() as u32,
    };
    Ok((log, origin, Vec::new()))
}

fn from_json(text: &str) -> Result<Read, String> {
    let doc: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    let field = |key: &str| {
        doc.get(key).ok_or_else(|| {
            format!("no `{key}`: this is not the JSON of `culturesim run --format json`")
        })
    };
    let scenario_id = field("scenario")?.as_str().unwrap_or_default().to_string();
    let seed = field("seed")?
        .as_u64()
        .ok_or("`seed` is not a whole number of 0 or more")?;
    let quarters = field("quarters")?
        .as_array()
        .ok_or("`quarters` is not a list")?;
    let mut log = Vec::new();
    for (n, q) in (1u32..).zip(quarters) {
        if q.get("quarter").and_then(serde_json::Value::as_u64) != Some(u64::from(n)) {
            return Err(format!(
                "entry {n} of `quarters` is not quarter {n}: quarters were removed or reordered"
            ));
        }
        let d = q
            .get("decisions")
            .ok_or_else(|| format!("quarter {n} has no `decisions`"))?;
        let d: Decisions = serde_json::from_value(d.clone())
            .map_err(|e| format!("quarter {n}: decisions: {e}"))?;
        log.push(d);
    }
    let origin = GameOrigin {
        kind: "JSON",
        scenario_id,
        seed,
        quarters: log.len() as u32,
    };
    Ok((log, origin, Vec::new()))
}

fn from_csv(text: &str) -> Result<Read, String> {
    let mut lines = text.lines();
    let header = split_csv(lines.next().unwrap_or_default());
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("no column `{name}`: this is not the CSV of `culturesim run`"))
    };
    let cols = [
        col("scenario")?,
        col("seed")?,
        col("quarter")?,
        col("vision_spend")?,
        col("insight_spend")?,
        col("skills_spend")?,
        col("marketing_spend")?,
        col("initiatives")?,
    ];
    // Runs from before payouts have no payout column: they paid none.
    let payout_col = header.iter().position(|h| h == "payout");
    let (mut scenario_id, mut seed, mut log) = (String::new(), 0, Vec::new());
    for (n, line) in (1u32..).zip(lines.filter(|l| !l.trim().is_empty())) {
        let row = split_csv(line);
        let cell = |i: usize| row.get(cols[i]).map_or("", String::as_str);
        if cell(2) != n.to_string() {
            return Err(format!(
                "line {}: quarter '{}', expected {n}: rows were removed or reordered",
                n + 1,
                cell(2)
            ));
        }
        let number = |text: &str| {
            text.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| format!("line {}: `{text}` is not a number", n + 1))
        };
        let amount = |i: usize| number(cell(i));
        scenario_id = cell(0).to_string();
        seed = cell(1)
            .parse()
            .map_err(|_| format!("line {}: seed '{}' is not a whole number", n + 1, cell(1)))?;
        log.push(Decisions {
            vision: amount(3)?,
            insight: amount(4)?,
            skills: amount(5)?,
            marketing: amount(6)?,
            initiatives: cell(7)
                .split(';')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            answers: Default::default(),
            payout: match payout_col {
                Some(c) => number(row.get(c).map_or("", String::as_str))?,
                None => 0.0,
            },
        });
    }
    let origin = GameOrigin {
        kind: "CSV",
        scenario_id,
        seed,
        quarters: log.len() as u32,
    };
    let note = "a CSV holds no dilemma answers (each dilemma takes its default) and amounts to the cent: a save or JSON replays exactly".to_string();
    Ok((log, origin, vec![note]))
}

/// One line of RFC 4180 CSV (as `report::render_csv` writes it: no line
/// breaks inside fields).
fn split_csv(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(f) = fields.last_mut() {
                    f.push('"');
                }
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            (c, _) => {
                if let Some(f) = fields.last_mut() {
                    f.push(c);
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_unquote() {
        assert_eq!(
            split_csv("a,\"b,c\",\"say \"\"hi\"\"\",,d"),
            vec!["a", "b,c", "say \"hi\"", "", "d"]
        );
    }

    #[test]
    fn a_log_becomes_a_plan_that_repeats_its_last_levers() {
        let q = |v: f64, init: &[&str]| Decisions {
            vision: v,
            initiatives: init.iter().map(|s| s.to_string()).collect(),
            ..Decisions::default()
        };
        let plan = Plan::from_log(&[q(1.0, &[]), q(2.0, &["w"])], "x");
        assert_eq!(plan.decisions(1), q(1.0, &[]));
        assert_eq!(plan.decisions(2), q(2.0, &["w"]));
        assert_eq!(plan.decisions(9), q(2.0, &[]));
    }
}

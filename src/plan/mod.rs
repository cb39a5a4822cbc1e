//! Plans: decision logs written by hand (or built in) for headless runs —
//! decisions per quarter, and a default that repeats for every quarter a
//! plan does not name.

mod fit;
mod reference;

pub use fit::fit;
pub use reference::{Lever, REFERENCE_PLANS};

use crate::sim::{DecisionError, Decisions, Game, Rules};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;

/// Plans larger than this are refused before reading: a hand-written plan
/// of 80 quarters is a few kilobytes.
const MAX_PLAN_BYTES: u64 = 1 << 20;

/// Why a plan could not be read or played.
#[derive(Debug, Error)]
pub enum PlanError {
    #[error("{path}: cannot read the plan: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: the plan is {size} bytes; plans are limited to 1 MiB")]
    TooLarge { path: PathBuf, size: u64 },
    #[error(
        "{path}:{line}:{column}: {message}\n  help: a plan has a [default] table and [quarter.N] tables with vision, insight, skills, marketing, initiatives and answers"
    )]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: quarter {quarter}: {source}")]
    Refused {
        path: String,
        quarter: u32,
        source: DecisionError,
    },
    #[error("{path}: [quarter.{quarter}] is beyond the scenario's {quarters} quarters")]
    BeyondEnd {
        path: PathBuf,
        quarter: u32,
        quarters: u32,
    },
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Reads and parses a plan file.
pub fn load(path: &Path) -> Result<Plan, PlanError> {
    let size = std::fs::metadata(path)
        .map_err(|source| PlanError::Read {
            path: path.into(),
            source,
        })?
        .len();
    if size > MAX_PLAN_BYTES {
        return Err(PlanError::TooLarge {
            path: path.into(),
            size,
        });
    }
    let text = std::fs::read_to_string(path).map_err(|source| PlanError::Read {
        path: path.into(),
        source,
    })?;
    parse(&text).map_err(|(offset, message)| {
        let (line, column) = line_column(&text, offset);
        PlanError::Parse {
            path: path.into(),
            line,
            column,
            message,
        }
    })
}

/// Parses plan TOML; on error, the byte offset and the message.
pub fn parse(text: &str) -> Result<Plan, (usize, String)> {
    toml::from_str::<Plan>(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        (offset, e.message().trim().to_string())
    })
}

/// Plays a whole game with a plan. `name` labels errors (usually the path).
pub fn play(rules: Arc<Rules>, seed: u64, plan: &Plan, name: &str) -> Result<Game, PlanError> {
    if let Some(q) = plan
        .quarters
        .keys()
        .find(|q| **q == 0 || **q > rules.quarters)
    {
        return Err(PlanError::BeyondEnd {
            path: name.into(),
            quarter: *q,
            quarters: rules.quarters,
        });
    }
    let mut game = Game::new(rules, seed);
    game.play_out(|q, _| plan.decisions(q))
        .map_err(|(quarter, source)| PlanError::Refused {
            path: name.into(),
            quarter,
            source,
        })?;
    Ok(game)
}

/// A plan as TOML holds it:
///
/// ```toml
/// [default]            # every quarter not listed below
/// vision = 25
/// insight = 60
/// skills = 60
///
/// [quarter.3]          # quarter 3 only
/// vision = 0
/// initiatives = ["workshop"]
/// answers = { rival_price_war = "hold" }
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// What the plan is for, in a sentence (optional).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Decisions for every quarter not listed in `quarter`.
    #[serde(default)]
    pub default: Decisions,
    /// Decisions for particular quarters, by quarter number (from 1).
    #[serde(
        default,
        rename = "quarter",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub quarters: BTreeMap<u32, Decisions>,
}

impl Plan {
    /// The decisions for quarter `q` (from 1).
    pub fn decisions(&self, q: u32) -> Decisions {
        self.quarters
            .get(&q)
            .cloned()
            .unwrap_or_else(|| self.default.clone())
    }

    /// Spend nothing, start nothing: the baseline every plan is measured against.
    pub fn do_nothing() -> Plan {
        Plan {
            description: "Spend nothing on the levers and start no initiative.".into(),
            ..Plan::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_override_the_default() {
        let plan: Plan = toml::from_str(
            "[default]\nvision = 10\n[quarter.2]\nvision = 30\ninitiatives = [\"workshop\"]\n",
        )
        .unwrap_or_default();
        assert_eq!(plan.decisions(1).vision, 10.0);
        assert_eq!(plan.decisions(2).vision, 30.0);
        assert_eq!(plan.decisions(2).initiatives, vec!["workshop".to_string()]);
        assert_eq!(plan.decisions(3).vision, 10.0);
    }

    #[test]
    fn errors_point_at_line_and_column() {
        let text = "[default]\nvision = 10\nvison = 3\n";
        let (offset, message) = parse(text).err().unwrap_or_default();
        assert_eq!(line_column(text, offset), (3, 1));
        assert!(message.contains("unknown field `vison`"), "{message}");
    }

    #[test]
    fn a_plan_over_budget_is_refused_with_its_quarter() {
        let rules = Arc::new(Rules::default());
        let plan = Plan {
            quarters: BTreeMap::from([(
                3,
                Decisions {
                    vision: 10_000.0,
                    ..Decisions::default()
                },
            )]),
            ..Plan::default()
        };
        let err = play(rules, 1, &plan, "p.toml")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.starts_with("p.toml: quarter 3: the four levers add up to 10000"),
            "{err}"
        );
    }

    #[test]
    fn unknown_keys_are_refused() {
        assert!(toml::from_str::<Plan>("[default]\nvison = 10\n").is_err());
    }
}

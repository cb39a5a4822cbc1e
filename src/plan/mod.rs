//! Plans: decision logs written by hand (or built in) for headless runs —
//! decisions per quarter, and a default that repeats for every quarter a
//! plan does not name.

mod fit;
mod import;
mod locate;
mod patch;
mod reference;
mod travel;

pub use fit::fit;
pub(crate) use fit::fit_checked;
pub use import::{GameOrigin, Imported, load_any};
pub use locate::{Spot, What, located};
pub use patch::Patch;
pub use reference::{Lever, REFERENCE_PLANS};
pub use travel::{Played, fit_to, play_plan};

use crate::sim::{DecisionError, Decisions, Game, Rules};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;

/// Plans larger than this are refused before reading: a hand-written plan
/// of 80 quarters is a few kilobytes.
pub(crate) const MAX_PLAN_BYTES: u64 = 1 << 20;

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
    /// The plan's TOML is wrong: shown with its line, as every file's
    /// problems are ([`crate::diag`]).
    #[error("{}", crate::diag::render(&path.display().to_string(), text, found, crate::diag::Style::Plain))]
    Parse {
        path: PathBuf,
        text: std::sync::Arc<str>,
        found: crate::diag::Collector,
    },
    #[error("{path}: quarter {quarter}: {source}")]
    Refused {
        path: String,
        quarter: u32,
        source: DecisionError,
    },
    #[error("{path}: {table}: {message}")]
    Unknown {
        path: String,
        table: String,
        message: String,
        /// What the plan names that the scenario lacks, to find it in the
        /// file ([`located`]); `None` for other problems of a table.
        spot: Option<Box<Spot>>,
    },
    #[error("{path}: {message}")]
    Import { path: PathBuf, message: String },
    #[error("{path}: {}", beyond(*quarter, *quarters))]
    BeyondEnd {
        path: PathBuf,
        quarter: u32,
        quarters: u32,
    },
}

/// Why a `[quarter.N]` table cannot be played.
fn beyond(quarter: u32, quarters: u32) -> String {
    if quarter == 0 {
        format!("[quarter.0] does not exist: quarters count from 1 (to {quarters})")
    } else {
        format!(
            "[quarter.{quarter}] is beyond the scenario's {quarters} quarters: use a quarter from 1 to {quarters}"
        )
    }
}

impl PlanError {
    /// The message, coloured or not (only a plan's TOML problems differ).
    pub fn render(&self, style: crate::diag::Style) -> String {
        match self {
            PlanError::Parse { path, text, found } => {
                crate::diag::render(&path.display().to_string(), text, found, style)
            }
            // Safe for a terminal as the rendered diagnostics are.
            other => crate::output::escape_lines(&other.to_string()).into_owned(),
        }
    }
}

/// What a plan's TOML problem means and how to fix it.
const PLAN_HELP: &str = "a plan has a [default] table and [quarter.N] tables with vision, insight, skills, marketing, payout, initiatives and answers";

/// Reads and parses a plan file (`-`: standard input).
pub fn load(path: &Path) -> Result<Plan, PlanError> {
    let bytes = read_bounded(path, MAX_PLAN_BYTES)?;
    from_bytes(path, &bytes)
}

/// Reads a plan-like file: a regular file only (a FIFO or /dev/zero would
/// hang or fill memory), its size checked before reading; `-` reads
/// standard input.
pub(crate) fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, PlanError> {
    crate::input::read_arg(path, limit).map_err(|e| match e {
        crate::input::InputError::TooLarge { size, .. } => PlanError::TooLarge {
            path: path.into(),
            size,
        },
        e => PlanError::Read {
            path: path.into(),
            source: e.into(),
        },
    })
}

/// Parses a plan read from `path`, refusing one above the plan limit.
pub(crate) fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Plan, PlanError> {
    if bytes.len() as u64 > MAX_PLAN_BYTES {
        return Err(PlanError::TooLarge {
            path: path.into(),
            size: bytes.len() as u64,
        });
    }
    // Files from any editor: a byte-order mark and CRLF line endings.
    let bytes = crate::diag::normalize(bytes);
    let text = String::from_utf8(bytes.into_owned()).map_err(|e| PlanError::Read {
        path: path.into(),
        source: std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "the plan is not UTF-8 text (byte {} is not)",
                e.utf8_error().valid_up_to() + 1
            ),
        ),
    })?;
    parse(&text).map_err(|(offset, message)| {
        let index = crate::diag::LineIndex::new(&text);
        let at = index.locate(&text, offset);
        let diagnostic = crate::diag::Diagnostic {
            severity: crate::diag::Severity::Error,
            offset,
            len: 0,
            line: at.line,
            column: at.column,
            path: String::new(),
            message: crate::diag::shorten(&message, 300),
            help: Some(PLAN_HELP.to_string()),
        };
        PlanError::Parse {
            path: path.into(),
            text: std::sync::Arc::from(text.as_str()),
            found: crate::diag::Collector {
                kept: vec![diagnostic],
                ..crate::diag::Collector::default()
            },
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

/// The largest lever amount a plan may name: budgets are hundreds.
const MAX_AMOUNT: f64 = 1.0e9;

/// Checks that every dilemma and choice a plan answers, and every
/// initiative it starts, exists in the scenario, and that it names no
/// quarter past the end: a typo would otherwise only show (or, for
/// answers, never show) when the quarter comes. The first problem found.
pub fn check(plan: &Plan, rules: &Rules, name: &str) -> Result<(), PlanError> {
    check_amounts(plan, name)?;
    match fit_to(plan, rules, name).1.into_iter().next() {
        Some(problem) => Err(problem),
        None => Ok(()),
    }
}

/// Refuses a lever so large it would print as 309 digits: a typo, not a
/// plan, said in short form before the model sees it. Unlike what a
/// scenario lacks, this is never just a warning.
pub fn check_amounts(plan: &Plan, name: &str) -> Result<(), PlanError> {
    let tables = std::iter::once(("[default]".to_string(), &plan.default)).chain(
        plan.quarters
            .iter()
            .map(|(q, d)| (format!("[quarter.{q}]"), d)),
    );
    for (table, d) in tables {
        for (lever, value) in [
            ("vision", d.vision),
            ("insight", d.insight),
            ("skills", d.skills),
            ("marketing", d.marketing),
            ("payout", d.payout),
        ] {
            if !(value.is_finite() && value.abs() <= MAX_AMOUNT) {
                return Err(PlanError::Unknown {
                    path: name.into(),
                    table,
                    spot: None,
                    message: format!(
                        "{lever} = {value:e} is far beyond any budget (at most {MAX_AMOUNT:e}): write the amount spent per quarter, e.g. {lever} = 100"
                    ),
                });
            }
        }
    }
    Ok(())
}

fn list(items: &[&str]) -> String {
    if items.is_empty() {
        "(none)".into()
    } else {
        items.join(", ")
    }
}

/// Plays a whole game with a plan, refusing it if it names a quarter,
/// initiative or dilemma the scenario lacks ([`play_plan`] with `strict`;
/// without, such parts are left out with a warning). `name` labels errors
/// (usually the path).
pub fn play(rules: Arc<Rules>, seed: u64, plan: &Plan, name: &str) -> Result<Game, PlanError> {
    play_plan(rules, seed, plan, name, true).map(|p| p.game)
}

/// A plan as TOML holds it:
///
/// ```toml
/// [default]            # every quarter not listed below
/// vision = 25
/// insight = 60
/// skills = 60
///
/// [quarter.3]          # quarter 3: these keys, the rest from [default]
/// vision = 0
/// initiatives = ["workshop"]
/// answers = { rival_price_war = "hold" }
/// ```
///
/// `scale = "budget"` at the top scales every amount by the scenario's
/// budget ÷ `for_budget` (default 400), so one plan fits every scenario.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "patch::PlanFile", into = "patch::PlanFile")]
pub struct Plan {
    /// What the plan is for, in a sentence (optional).
    pub description: String,
    /// Decisions for every quarter not listed in `quarter`.
    pub default: Decisions,
    /// Decisions for particular quarters, by quarter number (from 1),
    /// whole: a file's `[quarter.N]` tables are resolved on reading.
    pub quarters: BTreeMap<u32, Decisions>,
    /// Amounts written for another budget, scaled when played.
    pub scale: Option<BudgetScale>,
}

/// The budget a plan's amounts were written for: played on a scenario,
/// every lever is scaled by the scenario's budget ÷ `for_budget`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BudgetScale {
    pub for_budget: f64,
}

/// The default scenario's budget (electronics): what `scale = "budget"`
/// assumes a plan was written for unless it says `for_budget`.
pub const REFERENCE_BUDGET: f64 = 400.0;

impl Plan {
    /// The decisions for quarter `q` (from 1).
    pub fn decisions(&self, q: u32) -> Decisions {
        self.quarters
            .get(&q)
            .cloned()
            .unwrap_or_else(|| self.default.clone())
    }

    /// The decisions for quarter `q` of a game in `state`: scaled to the
    /// budget if the plan says so, and answers kept only for the dilemmas
    /// asked this quarter, so a plan can answer a random dilemma in
    /// `[default]`, whenever it comes up.
    pub fn decisions_for(&self, q: u32, rules: &Rules, state: &crate::sim::State) -> Decisions {
        let mut d = self.decisions(q);
        if let Some(s) = self.scale {
            let k = rules.budget / s.for_budget;
            for lever in [
                &mut d.vision,
                &mut d.insight,
                &mut d.skills,
                &mut d.marketing,
                &mut d.payout,
            ] {
                *lever *= k;
            }
        }
        d.answers.retain(|dilemma, _| {
            rules
                .dilemma(dilemma)
                .is_some_and(|(i, _)| state.pending.contains(&(i as u16)))
        });
        d
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
        assert_eq!(crate::diag::line_column(text, offset), (3, 1));
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
    fn answers_wait_for_their_dilemma_and_typos_are_caught_up_front() {
        use crate::sim::{Choice, DilemmaDef, Trigger};
        let choice = |id: &str| Choice {
            id: id.into(),
            label: id.into(),
            text: String::new(),
            cost: 0.0,
            effects: Vec::new(),
        };
        let rules = Arc::new(Rules {
            dilemmas: vec![DilemmaDef {
                id: "storm".into(),
                title: "Storm".into(),
                text: String::new(),
                trigger: Trigger {
                    quarter: Some(3),
                    ..Trigger::default()
                },
                choices: vec![choice("careful"), choice("careless")],
                default_choice: 1,
            }],
            ..Rules::default()
        });
        let mut plan = Plan::default();
        plan.default
            .answers
            .insert("storm".into(), "careful".into());
        let game = play(Arc::clone(&rules), 1, &plan, "p.toml").map_err(|e| e.to_string());
        let answered: Vec<String> = game
            .map(|g| {
                g.history()
                    .iter()
                    .filter_map(|r| r.decisions.answers.get("storm").cloned())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(
            answered,
            vec!["careful".to_string()],
            "answered once, in quarter 3"
        );
        plan.default
            .answers
            .insert("storm".into(), "carefull".into());
        let err = play(Arc::clone(&rules), 1, &plan, "p.toml")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert_eq!(
            err,
            "p.toml: [default]: dilemma 'storm' has no choice 'carefull'; its choices are: careful, careless"
        );
        plan.default.answers.clear();
        plan.default.initiatives.push("workshp".into());
        let err = play(rules, 1, &plan, "p.toml")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert_eq!(
            err,
            "p.toml: [default]: there is no initiative 'workshp'; the initiatives are: (none)"
        );
    }

    #[test]
    fn unknown_keys_are_refused() {
        assert!(toml::from_str::<Plan>("[default]\nvison = 10\n").is_err());
    }
}

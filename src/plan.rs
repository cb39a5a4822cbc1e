//! Plans: decision logs written by hand (or built in) for headless runs —
//! decisions per quarter, and a default that repeats for every quarter a
//! plan does not name.

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

    /// The same moderate spending on the three levers every quarter:
    /// 36% of the budget, split 1 : 2.4 : 2.4 (vision needs leadership
    /// time more than money). With a budget of 400: 25, 60 and 60.
    pub fn balanced(rules: &Rules) -> Plan {
        let b = rules.budget;
        Plan {
            description: "Moderate, steady investment in all three levers.".into(),
            default: levers(0.0625 * b, 0.15 * b, 0.15 * b),
            ..Plan::default()
        }
    }

    /// The balanced plan's money, every quarter, on one lever only.
    pub fn only(rules: &Rules, lever: Lever) -> Plan {
        let total = 0.3625 * rules.budget;
        let (v, i, s) = match lever {
            Lever::Vision => (total, 0.0, 0.0),
            Lever::Insight => (0.0, total, 0.0),
            Lever::Skills => (0.0, 0.0, total),
        };
        Plan {
            description: format!("The balanced plan's money, all of it on {}.", lever.key()),
            default: levers(v, i, s),
            ..Plan::default()
        }
    }

    /// The whole budget on the three levers (1 : 2 : 2) for the first four
    /// quarters, then nothing: four budgets in all.
    pub fn all_at_once(rules: &Rules) -> Plan {
        let b = rules.budget;
        let burst = levers(0.2 * b, 0.4 * b, 0.4 * b);
        Plan {
            description: "Everything at maximum for a year, then nothing.".into(),
            quarters: (1..=4.min(rules.quarters))
                .map(|q| (q, burst.clone()))
                .collect(),
            ..Plan::default()
        }
    }

    /// The same four budgets as `all_at_once`, a quarter of the budget a
    /// quarter over four years: vision and insight first, skills later.
    pub fn sequenced(rules: &Rules) -> Plan {
        let b = rules.budget;
        let quarters = (1..=16.min(rules.quarters))
            .map(|q| {
                let d = match q {
                    1..=4 => levers(0.1 * b, 0.15 * b, 0.0),
                    5..=8 => levers(0.05 * b, 0.125 * b, 0.075 * b),
                    _ => levers(0.025 * b, 0.1 * b, 0.125 * b),
                };
                (q, d)
            })
            .collect();
        Plan {
            description: "The money of all-at-once, sequenced over four years.".into(),
            quarters,
            ..Plan::default()
        }
    }

    /// No investment, and every initiative that cuts costs (lowers fixed
    /// costs or the cost to serve) started whenever its cooldown allows.
    pub fn cost_cutter(rules: &Rules) -> Plan {
        let mut quarters: BTreeMap<u32, Decisions> = BTreeMap::new();
        for def in rules.initiatives.iter().filter(|i| cuts_costs(i)) {
            let mut q = 1;
            while q <= rules.quarters {
                quarters
                    .entry(q)
                    .or_default()
                    .initiatives
                    .push(def.id.clone());
                q += def.cooldown.max(1);
            }
        }
        Plan {
            description: "Cut all investment; run every cost-cutting programme whenever possible."
                .into(),
            quarters,
            ..Plan::default()
        }
    }

    /// A reference plan by name (see [`REFERENCE_PLANS`]).
    pub fn reference(name: &str, rules: &Rules) -> Option<Plan> {
        Some(match name {
            "do-nothing" => Plan::do_nothing(),
            "cost-cutter" => Plan::cost_cutter(rules),
            "vision-only" => Plan::only(rules, Lever::Vision),
            "insight-only" => Plan::only(rules, Lever::Insight),
            "skills-only" => Plan::only(rules, Lever::Skills),
            "balanced" => Plan::balanced(rules),
            "sequenced" => Plan::sequenced(rules),
            "all-at-once" => Plan::all_at_once(rules),
            _ => return None,
        })
    }
}

/// The decisions cut down to what can be played in `state`, as a player
/// short of cash would: within the budget, then without initiatives, then
/// with the levers scaled to the cash available, then with nothing spent
/// but the dilemma answers, then with no answers at all.
pub fn fit(mut d: Decisions, rules: &Rules, state: &crate::sim::State) -> Decisions {
    let total = d.lever_total();
    if total > rules.budget && total > 0.0 {
        scale(&mut d, rules.budget / total);
    }
    if d.validate(rules, state).is_ok() {
        return d;
    }
    d.initiatives.clear();
    if let Err(DecisionError::NotEnoughCash {
        spent, available, ..
    }) = d.validate(rules, state)
    {
        let levers = d.lever_total();
        let other = spent - levers;
        if levers > 0.0 {
            // A hair below the limit, so rounding cannot tip it over.
            scale(
                &mut d,
                ((available - other) / levers).clamp(0.0, 1.0) * (1.0 - 1e-12),
            );
        }
    }
    if d.validate(rules, state).is_ok() {
        return d;
    }
    scale(&mut d, 0.0);
    if d.validate(rules, state).is_err() {
        d.answers.clear();
    }
    d
}

fn scale(d: &mut Decisions, k: f64) {
    d.vision *= k;
    d.insight *= k;
    d.skills *= k;
    d.marketing *= k;
}

/// The reference plans every scenario is tested with, by name.
pub const REFERENCE_PLANS: [&str; 8] = [
    "do-nothing",
    "cost-cutter",
    "vision-only",
    "insight-only",
    "skills-only",
    "balanced",
    "sequenced",
    "all-at-once",
];

/// One of the three levers of culture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lever {
    Vision,
    Insight,
    Skills,
}

impl Lever {
    /// The key used in decisions.
    pub fn key(self) -> &'static str {
        match self {
            Lever::Vision => "vision",
            Lever::Insight => "insight",
            Lever::Skills => "skills",
        }
    }
}

fn levers(vision: f64, insight: f64, skills: f64) -> Decisions {
    Decisions {
        vision,
        insight,
        skills,
        ..Decisions::default()
    }
}

/// Whether an initiative cuts costs: it scales fixed costs or the cost to
/// serve below 1 (or adds a negative amount to them).
fn cuts_costs(def: &crate::sim::InitiativeDef) -> bool {
    use crate::sim::{Driver, Op, Target};
    def.effects.iter().any(|e| {
        matches!(
            e.target,
            Target::Driver(Driver::FixedCosts | Driver::CostToServe)
        ) && match e.op {
            Op::Multiply => e.value < 1.0,
            Op::Add => e.value < 0.0,
        }
    })
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
    fn every_reference_plan_fits_the_budget_and_the_sequenced_one_spends_as_much_as_the_burst() {
        let rules = Rules::default();
        for name in REFERENCE_PLANS {
            let plan = Plan::reference(name, &rules).unwrap_or_default();
            for q in 1..=rules.quarters {
                let spent = plan.decisions(q).lever_total();
                assert!(spent <= rules.budget + 1e-9, "{name} Q{q}: {spent}");
            }
        }
        let total = |p: &Plan| (1..=20).map(|q| p.decisions(q).lever_total()).sum::<f64>();
        let burst = total(&Plan::all_at_once(&rules));
        assert!((burst - 4.0 * rules.budget).abs() < 1e-6);
        assert!((total(&Plan::sequenced(&rules)) - burst).abs() < 1e-6);
        assert!(Plan::reference("no-such-plan", &rules).is_none());
    }

    #[test]
    fn fit_cuts_decisions_down_to_the_cash_available() {
        let mut rules = Rules {
            credit_line: 0.0,
            ..Rules::default()
        };
        rules.start.set(crate::sim::Stock::Cash, 100.0);
        let state = crate::sim::State::new(&rules, 1);
        let d = fit(levers(100.0, 200.0, 100.0), &rules, &state);
        assert!(d.validate(&rules, &state).is_ok());
        assert!(
            (d.lever_total() - 100.0).abs() < 1e-6,
            "{}",
            d.lever_total()
        );
        assert!((d.insight / d.vision - 2.0).abs() < 1e-9, "the mix is kept");
        let over = fit(
            levers(1000.0, 0.0, 0.0),
            &Rules::default(),
            &crate::sim::State::new(&Rules::default(), 1),
        );
        assert_eq!(over.vision, Rules::default().budget);
    }

    #[test]
    fn unknown_keys_are_refused() {
        assert!(toml::from_str::<Plan>("[default]\nvison = 10\n").is_err());
    }
}

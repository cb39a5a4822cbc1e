//! A plan as its file holds it: `[default]` decisions, and `[quarter.N]`
//! tables that change only the keys they name on top of the default (a
//! quarter that only starts an initiative keeps the default's levers).
//! [`super::Plan`] holds every quarter resolved; this is the form read and
//! written.

use super::{BudgetScale, Plan, REFERENCE_BUDGET};
use crate::sim::Decisions;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The keys a plan file has at its top level.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PlanFile {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    description: String,
    /// `"budget"`: the amounts are scaled to the scenario's budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    scale: Option<ScaleKey>,
    /// The budget the amounts were written for (default 400, the default
    /// scenario's); only with `scale = "budget"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    for_budget: Option<f64>,
    #[serde(default)]
    default: Decisions,
    /// Keyed by the quarter's number as text: TOML table keys are text.
    #[serde(
        default,
        rename = "quarter",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    quarters: BTreeMap<QuarterKey, Patch>,
}

/// What `scale` may say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ScaleKey {
    /// Amounts as written.
    None,
    /// Amounts × the scenario's budget ÷ `for_budget`.
    Budget,
}

/// A quarter number, read from a table key (`[quarter.3]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct QuarterKey(u32);

impl Serialize for QuarterKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for QuarterKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map(QuarterKey).map_err(|_| {
            serde::de::Error::custom(format!(
                "`[quarter.{s}]`: a quarter is a whole number from 1, as in [quarter.3]"
            ))
        })
    }
}

/// One `[quarter.N]` table: the keys it names replace the default's.
/// `answers` adds to (or changes) the default's answers dilemma by
/// dilemma; `initiatives` replaces the default's list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Patch {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vision: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insight: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skills: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marketing: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payout: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initiatives: Option<Vec<String>>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<String, String>,
}

impl Patch {
    /// `default` with this quarter's keys applied.
    pub fn apply(&self, default: &Decisions) -> Decisions {
        let mut d = default.clone();
        let levers = [
            (&mut d.vision, self.vision),
            (&mut d.insight, self.insight),
            (&mut d.skills, self.skills),
            (&mut d.marketing, self.marketing),
            (&mut d.payout, self.payout),
        ];
        for (slot, value) in levers {
            if let Some(v) = value {
                *slot = v;
            }
        }
        if let Some(list) = &self.initiatives {
            d.initiatives = list.clone();
        }
        d.answers.extend(self.answers.clone());
        d
    }

    /// The keys `d` changes from `default`: what a file writes for it.
    /// Answers the default gives and `d` lacks cannot be written; they
    /// only matter when the dilemma is asked, and then `d` answers it.
    pub fn between(default: &Decisions, d: &Decisions) -> Patch {
        let differ = |a: f64, b: f64| (a.to_bits() != b.to_bits()).then_some(b);
        Patch {
            vision: differ(default.vision, d.vision),
            insight: differ(default.insight, d.insight),
            skills: differ(default.skills, d.skills),
            marketing: differ(default.marketing, d.marketing),
            payout: differ(default.payout, d.payout),
            initiatives: (default.initiatives != d.initiatives).then(|| d.initiatives.clone()),
            answers: d
                .answers
                .iter()
                .filter(|(k, v)| default.answers.get(*k) != Some(v))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        }
    }
}

impl TryFrom<PlanFile> for Plan {
    type Error = String;

    fn try_from(f: PlanFile) -> Result<Plan, String> {
        let scale = match (f.scale, f.for_budget) {
            (Some(ScaleKey::Budget), budget) => {
                let for_budget = budget.unwrap_or(REFERENCE_BUDGET);
                if !for_budget.is_finite() || for_budget <= 0.0 {
                    return Err(format!(
                        "for_budget must be a number above 0 (the budget the amounts were written for), not {for_budget}"
                    ));
                }
                Some(BudgetScale { for_budget })
            }
            (_, Some(_)) => {
                return Err(
                    "for_budget needs scale = \"budget\" (amounts scaled to the scenario's budget)"
                        .into(),
                );
            }
            _ => None,
        };
        let quarters = f
            .quarters
            .iter()
            .map(|(q, patch)| (q.0, patch.apply(&f.default)))
            .collect();
        Ok(Plan {
            description: f.description,
            default: f.default,
            quarters,
            scale,
        })
    }
}

impl From<Plan> for PlanFile {
    fn from(p: Plan) -> PlanFile {
        let quarters = p
            .quarters
            .iter()
            .map(|(q, d)| (QuarterKey(*q), Patch::between(&p.default, d)))
            .collect();
        PlanFile {
            description: p.description,
            scale: p.scale.map(|_| ScaleKey::Budget),
            for_budget: p.scale.map(|s| s.for_budget),
            default: p.default,
            quarters,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    #[test]
    fn a_quarter_changes_only_the_keys_it_names() {
        let plan = parse(
            "[default]\nvision = 10\ninsight = 20\nanswers = { a = \"x\" }\n\
             [quarter.2]\ninitiatives = [\"workshop\"]\n\
             [quarter.3]\nskills = 0\ninsight = 5\nanswers = { b = \"y\" }\n",
        )
        .unwrap_or_default();
        let q2 = plan.decisions(2);
        assert_eq!((q2.vision, q2.insight), (10.0, 20.0), "levers kept");
        assert_eq!(q2.initiatives, vec!["workshop".to_string()]);
        let q3 = plan.decisions(3);
        assert_eq!((q3.vision, q3.insight, q3.skills), (10.0, 5.0, 0.0));
        assert!(q3.initiatives.is_empty());
        let answers: Vec<(&str, &str)> = q3
            .answers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(answers, vec![("a", "x"), ("b", "y")], "answers add up");
        assert_eq!(plan.decisions(4), plan.default);
    }

    #[test]
    fn a_plan_written_out_reads_back_the_same() {
        let text = "description = \"d\"\nscale = \"budget\"\nfor_budget = 300\n\
                    [default]\nvision = 10\ninitiatives = [\"w\"]\n\
                    [quarter.2]\ninitiatives = []\nmarketing = 4\n";
        let plan = parse(text).unwrap_or_default();
        assert!(plan.decisions(2).initiatives.is_empty());
        let written = toml::to_string(&plan).unwrap_or_default();
        assert!(written.contains("[quarter.2]"), "{written}");
        assert!(!written.contains("vision = 10.0\n[quarter"), "{written}");
        assert_eq!(parse(&written).ok(), Some(plan), "{written}");
    }

    #[test]
    fn scale_keys_are_checked() {
        let err = |t: &str| parse(t).err().map(|e| e.1).unwrap_or_default();
        assert!(err("for_budget = 300\n").contains("needs scale = \"budget\""));
        assert!(err("scale = \"budget\"\nfor_budget = 0\n").contains("above 0"));
        assert!(err("scale = \"money\"\n").contains("unknown variant"));
        assert!(err("[quarter.x]\nvision = 1\n").contains("whole number"));
        let plan = parse("scale = \"budget\"\n").unwrap_or_default();
        assert_eq!(plan.scale.map(|s| s.for_budget), Some(REFERENCE_BUDGET));
    }
}

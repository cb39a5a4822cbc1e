//! Plans: decision logs written by hand (or built in) for headless runs —
//! decisions per quarter, and a default that repeats for every quarter a
//! plan does not name.

use crate::sim::{Decisions, Rules};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    /// about a third of the budget, split 1 : 2.4 : 2.4 (vision needs
    /// time more than money).
    pub fn balanced(rules: &Rules) -> Plan {
        let unit = rules.budget / 600.0;
        Plan {
            description: "Moderate, steady investment in all three levers.".into(),
            default: Decisions {
                vision: 25.0 * unit,
                insight: 60.0 * unit,
                skills: 60.0 * unit,
                ..Decisions::default()
            },
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
    fn unknown_keys_are_refused() {
        assert!(toml::from_str::<Plan>("[default]\nvison = 10\n").is_err());
    }
}

//! The reference plans the balance lab plays on every scenario, scaled to
//! the scenario's budget: do nothing, cut costs, one lever only, balanced,
//! sequenced and all at once.

use super::Plan;
use crate::sim::{Decisions, Rules};
use std::collections::BTreeMap;

impl Plan {
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

pub(super) fn levers(vision: f64, insight: f64, skills: f64) -> Decisions {
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
}

//! The lab's advice to an author beyond the balance flags: a scenario with
//! no rules (nothing is checked), one where every plan goes bust (nothing
//! can be learnt), and one where insight alone beats the same money
//! balanced (the lesson "balance the levers" is lost). Every plan going
//! bust fails the lab whatever the rules say; the others are warnings
//! that `--strict` turns into failures.

use super::{LabReport, mean_score};
use crate::report::fixed;

/// One piece of advice.
#[derive(Clone, Debug, PartialEq)]
pub enum Advice {
    /// No `[[expect]]` rules: the lab checks nothing of the story.
    NoRules,
    /// Every plan the lab played ended in game over on every seed.
    EveryPlanBust { plans: usize },
    /// insight-only has a higher mean score than balanced.
    InsightAloneBeatsBalanced { insight: f64, balanced: f64 },
}

impl Advice {
    /// Whether the lab fails for it even without `--strict`.
    pub fn is_failure(&self) -> bool {
        matches!(self, Advice::EveryPlanBust { .. })
    }

    /// The advice in words, with what to do.
    pub fn text(&self) -> String {
        match self {
            Advice::NoRules => "warning: the scenario has no [[expect]] rules, so the lab checks nothing of its story — add rules such as balanced above do-nothing on score".into(),
            Advice::EveryPlanBust { plans } => format!(
                "error: all {plans} plans end in game over on every seed — nothing can be learnt; raise start.cash or the budget's room (credit_line), or soften the board ([board] expectation, [model] board_tolerance)"
            ),
            Advice::InsightAloneBeatsBalanced { insight, balanced } => format!(
                "warning: insight-only beats balanced on mean score ({} vs {}) — one lever alone should not beat the same money spread over the levers; strengthen what insight alone lacks (skills, vision) or weaken insight's pay-off",
                fixed(*insight, 1),
                fixed(*balanced, 1)
            ),
        }
    }
}

/// The advice for a report.
pub fn advise(report: &LabReport) -> Vec<Advice> {
    let mut out = Vec::new();
    if report.rules.is_empty() {
        out.push(Advice::NoRules);
    }
    let bust = !report.plans.is_empty()
        && !report.seeds.is_empty()
        && report
            .plans
            .iter()
            .all(|p| p.games.iter().all(super::Trajectory::game_over));
    if bust {
        out.push(Advice::EveryPlanBust {
            plans: report.plans.len(),
        });
    }
    if let (Some(i), Some(b)) = (report.plan("insight-only"), report.plan("balanced")) {
        let (insight, balanced) = (mean_score(&i.games), mean_score(&b.games));
        if insight > balanced {
            out.push(Advice::InsightAloneBeatsBalanced { insight, balanced });
        }
    }
    out
}

/// The advice section of the lab's report ("" when there is none).
pub fn render_advice(advice: &[Advice]) -> String {
    if advice.is_empty() {
        return String::new();
    }
    let mut out = String::from("\nAdvice:\n");
    for a in advice {
        out.push_str(&format!("  {}\n", a.text()));
    }
    out
}

/// The last line of the report: what the rules and the advice add up to.
pub fn result_line(report: &LabReport, advice: &[Advice]) -> String {
    let n = report.rules.len();
    let failed = report.rules.iter().filter(|r| !r.passed).count();
    let rules = if n == 0 {
        "no rules to check".to_string()
    } else if failed == 0 {
        format!(
            "every rule held ({n} rule{})",
            if n == 1 { "" } else { "s" }
        )
    } else {
        format!("{failed} of {n} rules failed")
    };
    let bust = advice.iter().any(Advice::is_failure);
    let tail = if bust {
        "; every plan goes bust, so the scenario fails"
    } else {
        ""
    };
    format!("\nResult: {rules}{tail}.\n")
}

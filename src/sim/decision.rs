//! `Decisions`: what the player chooses for one quarter — money on the four
//! levers, initiatives to start, answers to open dilemmas, and cash paid
//! out to the owners. The same type is
//! written by the terminal game, plans and saves, so every game replays.

use super::rules::Rules;
use super::state::State;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;

/// One quarter's decisions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Decisions {
    /// Leadership time and money on the vision.
    pub vision: f64,
    /// Money on understanding customers.
    pub insight: f64,
    /// Money on new skills and working together.
    pub skills: f64,
    /// Money on winning new customers.
    pub marketing: f64,
    /// Ids of the initiatives started this quarter.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub initiatives: Vec<String>,
    /// Answers to open dilemmas: dilemma id → choice id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<String, String>,
    /// Cash paid out to the owners this quarter (a dividend or buy-back):
    /// outside the budget, not a cost (profit is unchanged), at most the
    /// cash held. The owners earn on it what capital earns elsewhere.
    #[serde(skip_serializing_if = "is_zero")]
    pub payout: f64,
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

/// Why a set of decisions cannot be played.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum DecisionError {
    #[error("the game is over: no more quarters can be played")]
    GameOver,
    #[error("{lever} must be a finite number of 0 or more, not {value}")]
    BadAmount { lever: &'static str, value: f64 },
    #[error(
        "the four levers add up to {spent:.0}, over this quarter's budget of {budget:.0}: lower one of them"
    )]
    OverBudget { spent: f64, budget: f64 },
    #[error(
        "this quarter's spending of {spent:.0} would take cash from {cash:.0} below the credit line of {credit_line:.0}: spend at most {available:.0}"
    )]
    NotEnoughCash {
        spent: f64,
        cash: f64,
        credit_line: f64,
        available: f64,
    },
    #[error(
        "a payout of {payout:.0} is more than the {cash:.0} cash held: pay out at most {available:.0}"
    )]
    PayoutOverCash {
        payout: f64,
        cash: f64,
        available: f64,
    },
    #[error("there is no initiative '{id}'; the initiatives are: {known}")]
    UnknownInitiative { id: String, known: String },
    #[error("initiative '{id}' is cooling down: it can start again in {quarters} quarter(s)")]
    CoolingDown { id: String, quarters: u32 },
    #[error("initiative '{id}' is listed twice")]
    DuplicateInitiative { id: String },
    #[error("dilemma '{id}' is not waiting for an answer this quarter")]
    NotPending { id: String },
    #[error("dilemma '{dilemma}' has no choice '{choice}'; its choices are: {known}")]
    UnknownChoice {
        dilemma: String,
        choice: String,
        known: String,
    },
}

/// The most that can be paid out to the owners in `state`: the cash held
/// (a dividend is never borrowed). The one home of the rule for the
/// model, plans, the lab and every frontend.
pub fn payout_limit(state: &State) -> f64 {
    state.stocks.get(super::stock::Stock::Cash).max(0.0)
}

impl Decisions {
    /// Money on the four levers.
    pub fn lever_total(&self) -> f64 {
        self.vision + self.insight + self.skills + self.marketing
    }

    /// Checks the decisions against the rules and the current state, and
    /// returns the total cash they take out (levers, initiatives, chosen
    /// answers, the payout). Spending more than the cash above the credit line is not
    /// refused: it is the player's call, and if the quarter ends below the
    /// line the game ends in bankruptcy. [`Decisions::cash_check`] says
    /// beforehand whether the spending alone would cross it.
    pub fn validate(&self, rules: &Rules, state: &State) -> Result<f64, DecisionError> {
        if state.is_over(rules) {
            return Err(DecisionError::GameOver);
        }
        let amounts = [
            self.vision,
            self.insight,
            self.skills,
            self.marketing,
            self.payout,
        ];
        // One test for the usual case; the names only for the error.
        if !amounts.iter().all(|v| v.is_finite() && *v >= 0.0) {
            for (lever, value) in ["vision", "insight", "skills", "marketing", "payout"]
                .into_iter()
                .zip(amounts)
            {
                if !value.is_finite() || value < 0.0 {
                    return Err(DecisionError::BadAmount { lever, value });
                }
            }
        }
        let levers = self.lever_total();
        // A hair of tolerance so that a budget split into thirds still fits.
        if levers > rules.budget * (1.0 + 1e-12) + 1e-9 {
            return Err(DecisionError::OverBudget {
                spent: levers,
                budget: rules.budget,
            });
        }
        let held = payout_limit(state);
        if self.payout > held * (1.0 + 1e-12) + 1e-9 {
            return Err(DecisionError::PayoutOverCash {
                payout: self.payout,
                cash: state.stocks.get(super::stock::Stock::Cash),
                available: held,
            });
        }
        let mut spent = levers + self.payout;
        for (n, id) in self.initiatives.iter().enumerate() {
            if self.initiatives[..n].contains(id) {
                return Err(DecisionError::DuplicateInitiative { id: id.clone() });
            }
            let Some((index, def)) = rules.initiative(id) else {
                return Err(DecisionError::UnknownInitiative {
                    id: id.clone(),
                    known: list(rules.initiatives.iter().map(|i| i.id.as_str())),
                });
            };
            let wait = state.cooldowns.get(index).copied().unwrap_or(0);
            if wait > 0 {
                return Err(DecisionError::CoolingDown {
                    id: id.clone(),
                    quarters: wait,
                });
            }
            spent += def.cost;
        }
        for (dilemma, choice) in &self.answers {
            let pending = rules
                .dilemma(dilemma)
                .filter(|(i, _)| state.pending.contains(&(*i as u16)));
            let Some((_, def)) = pending else {
                return Err(DecisionError::NotPending {
                    id: dilemma.clone(),
                });
            };
            let Some(c) = def.choices.iter().find(|c| &c.id == choice) else {
                return Err(DecisionError::UnknownChoice {
                    dilemma: dilemma.clone(),
                    choice: choice.clone(),
                    known: list(def.choices.iter().map(|c| c.id.as_str())),
                });
            };
            spent += c.cost;
        }
        // Dilemmas left unanswered take their default, which may cost too.
        for d in &state.pending {
            let Some(def) = rules.dilemmas.get(usize::from(*d)) else {
                continue;
            };
            if !self.answers.contains_key(&def.id) {
                spent += def.choices.get(def.default_choice).map_or(0.0, |c| c.cost);
            }
        }
        Ok(spent)
    }

    /// As [`Decisions::validate`], and also refuses spending that alone
    /// would take cash below the credit line (before this quarter's
    /// revenue): what a careful player, a plan or the lab checks to stay
    /// clear of bankruptcy.
    pub fn cash_check(&self, rules: &Rules, state: &State) -> Result<f64, DecisionError> {
        let spent = self.validate(rules, state)?;
        let cash = state.stocks.get(super::stock::Stock::Cash);
        let available = cash - rules.credit_line;
        if spent > available + 1e-9 {
            return Err(DecisionError::NotEnoughCash {
                spent,
                cash,
                credit_line: rules.credit_line,
                available: if available > 0.0 { available } else { 0.0 },
            });
        }
        Ok(spent)
    }
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let v: Vec<&str> = items.collect();
    if v.is_empty() {
        "(none)".to_string()
    } else {
        v.join(", ")
    }
}

//! `Game`: rules, state and the history of reports together — the handle
//! frontends (the terminal game, plans, saves, the lab) drive.

use super::advance::advance;
use super::decision::{DecisionError, Decisions};
use super::report::QuarterReport;
use super::rules::Rules;
use super::state::State;
use std::sync::Arc;

/// A game in progress or finished.
#[derive(Clone, Debug)]
pub struct Game {
    rules: Arc<Rules>,
    state: State,
    history: Vec<QuarterReport>,
}

impl Game {
    /// Starts a game of these rules with this seed.
    pub fn new(rules: Arc<Rules>, seed: u64) -> Game {
        let state = State::new(&rules, seed);
        // Room for every quarter's report: the history never moves.
        let history = Vec::with_capacity(rules.quarters.min(1000) as usize);
        Game {
            rules,
            state,
            history,
        }
    }

    /// Plays one quarter; on error nothing changes.
    pub fn advance(&mut self, decisions: &Decisions) -> Result<&QuarterReport, DecisionError> {
        let report = advance(&self.rules, &mut self.state, decisions)?;
        self.history.push(report);
        Ok(&self.history[self.history.len() - 1])
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// A shared handle on the rules.
    pub fn rules_arc(&self) -> Arc<Rules> {
        Arc::clone(&self.rules)
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    /// Reports of the quarters played, oldest first.
    pub fn history(&self) -> &[QuarterReport] {
        &self.history
    }

    /// Whether the game has ended (last quarter played, or game over).
    pub fn is_over(&self) -> bool {
        self.state.is_over(&self.rules)
    }

    /// The report of the last quarter played.
    pub fn last(&self) -> Option<&QuarterReport> {
        self.history.last()
    }

    /// Plays quarters with decisions from `plan` (called with the quarter
    /// number, from 1) until the game ends or a decision is refused.
    pub fn play_out(
        &mut self,
        mut plan: impl FnMut(u32, &State) -> Decisions,
    ) -> Result<(), (u32, DecisionError)> {
        while !self.is_over() {
            let q = self.state.quarter + 1;
            let d = plan(q, &self.state);
            self.advance(&d).map_err(|e| (q, e))?;
        }
        Ok(())
    }
}

//! Playing a game for its final figures only: the lab's and the search's
//! hot path. Decisions are fitted to the cash available, as a player short
//! of cash would, and nothing but the summary is kept.

use super::Trajectory;
use crate::sim::{DecisionError, Decisions, Kpis, Rules, State};
use std::sync::atomic::{AtomicU64, Ordering};

/// Quarters played by this module since the process started, for the
/// lab's throughput line (counted once per game).
static QUARTERS: AtomicU64 = AtomicU64::new(0);

/// Quarters the lab and the search have played in this process.
pub fn quarters_played() -> u64 {
    QUARTERS.load(Ordering::Relaxed)
}

/// Fits the policy's decisions to the state and plays them quietly, for
/// the quarter's figures (the stocks and outcome are then the state's);
/// decisions the fitting has already checked are not checked again.
fn quarter(
    rules: &Rules,
    state: &mut State,
    d: Decisions,
) -> (Decisions, Result<Kpis, DecisionError>) {
    let (d, checked) = crate::plan::fit_checked(d, rules, state);
    let kpis = crate::sim::advance_figures(rules, state, &d, checked);
    (d, kpis)
}

fn count(state: &State) {
    QUARTERS.fetch_add(u64::from(state.quarter), Ordering::Relaxed);
}

/// What a game came to.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Summary {
    /// The score at the end (with the game-over penalty, if any).
    pub score: f64,
    /// Money spent on vision, insight, skills and marketing over the game.
    pub spent: [f64; 4],
    /// Initiatives started.
    pub starts: u32,
    /// Whether the game ended early.
    pub game_over: bool,
}

/// Plays a game of `rules` from `seed`, asking `policy` for each quarter's
/// decisions (with the quarter number, from 1).
pub fn play(rules: &Rules, seed: u64, mut policy: impl FnMut(u32, &State) -> Decisions) -> Summary {
    let mut state = State::new(rules, seed);
    let mut summary = Summary::default();
    while !state.is_over(rules) {
        let q = state.quarter + 1;
        let d = policy(q, &state);
        let (d, report) = quarter(rules, &mut state, d);
        // Fitted decisions are always playable; if the model still refused
        // them, the game would stand where it is.
        let Ok(kpis) = report else {
            break;
        };
        summary.score = kpis.score;
        summary.game_over = state.outcome.is_game_over();
        for (total, amount) in summary.spent.iter_mut().zip(levers(&d)) {
            *total += amount;
        }
        summary.starts += d.initiatives.len() as u32;
    }
    count(&state);
    summary
}

/// The four levers of a quarter's decisions.
pub fn levers(d: &Decisions) -> [f64; 4] {
    [d.vision, d.insight, d.skills, d.marketing]
}

/// The decisions a policy played, quarter by quarter, on one seed.
pub fn trace(
    rules: &Rules,
    seed: u64,
    mut policy: impl FnMut(u32, &State) -> Decisions,
) -> Vec<Decisions> {
    let mut state = State::new(rules, seed);
    let mut played = Vec::new();
    while !state.is_over(rules) {
        let q = state.quarter + 1;
        let d = policy(q, &state);
        let (d, report) = quarter(rules, &mut state, d);
        if report.is_err() {
            break;
        }
        played.push(d);
    }
    count(&state);
    played
}

/// A game's figures quarter by quarter, as the lab compares them.
pub fn trajectory(
    rules: &Rules,
    seed: u64,
    mut policy: impl FnMut(u32, &State) -> Decisions,
) -> Trajectory {
    let mut state = State::new(rules, seed);
    let mut t = Trajectory::with_capacity(rules.quarters);
    while !state.is_over(rules) {
        let q = state.quarter + 1;
        let d = policy(q, &state);
        let (_, report) = quarter(rules, &mut state, d);
        let Ok(kpis) = report else {
            break;
        };
        t.push_figures(&kpis, &state.stocks, state.outcome);
    }
    count(&state);
    t.finish(rules.quarters);
    t
}

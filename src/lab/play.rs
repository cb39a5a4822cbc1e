//! Playing a game for its final figures only: the lab's and the search's
//! hot path. Decisions are fitted to the cash available, as a player short
//! of cash would, and nothing but the summary is kept.

use crate::sim::{Decisions, Rules, State, advance};

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
        let d = crate::plan::fit(policy(q, &state), rules, &state);
        // Fitted decisions are always playable; if the model still refused
        // them, the game would stand where it is.
        let Ok(report) = advance(rules, &mut state, &d) else {
            break;
        };
        summary.score = report.kpis.score;
        summary.game_over = report.outcome.is_game_over();
        for (total, amount) in summary.spent.iter_mut().zip(levers(&d)) {
            *total += amount;
        }
        summary.starts += d.initiatives.len() as u32;
    }
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
        let d = crate::plan::fit(policy(q, &state), rules, &state);
        if advance(rules, &mut state, &d).is_err() {
            break;
        }
        played.push(d);
    }
    played
}

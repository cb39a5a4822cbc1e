//! The plans the search works on: money per quarter on each of the four
//! levers, which initiatives to start in each quarter (when they are ready),
//! one answer per dilemma, and the cash reserve to keep each quarter (the
//! rest is paid out to the owners). Random starts and mutations live here; both
//! draw from the search's own generator, so a search is reproducible.

use crate::plan::Plan;
use crate::sim::{Decisions, Rules, State};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;

/// Initiatives a candidate can schedule (bits of a `u64`); later ones are
/// never started by the search.
pub const MAX_INITIATIVES: usize = 64;

/// A plan the search can change.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Vision, insight, skills and marketing per quarter (index 0 is Q1).
    pub levers: Vec<[f64; 4]>,
    /// Per quarter, bit `i` set: start initiative `i` if it is ready.
    pub starts: Vec<u64>,
    /// Per dilemma, the index of the choice to give whenever it is asked.
    pub answers: Vec<u16>,
    /// Per quarter, the cash to keep: what is above it is paid out to the
    /// owners (infinite: pay nothing). A reserve, not an amount, so that a
    /// plan pays out what a seed's game has to spare.
    pub keep: Vec<f64>,
}

/// The reserves a search tries, in budgets.
const RESERVES: [f64; 8] = [1.0, 2.0, 3.0, 5.0, 8.0, 12.0, 20.0, f64::INFINITY];

/// Which levers a search may spend on (vision, insight, skills, marketing).
pub type Levers = [bool; 4];

/// Every lever.
pub const ALL_LEVERS: Levers = [true; 4];

impl Candidate {
    /// The same money on every quarter, no initiatives, default answers.
    pub fn constant(rules: &Rules, levers: [f64; 4]) -> Candidate {
        let q = rules.quarters as usize;
        Candidate {
            levers: vec![levers; q],
            starts: vec![0; q],
            answers: rules
                .dilemmas
                .iter()
                .map(|d| d.default_choice as u16)
                .collect(),
            keep: vec![f64::INFINITY; q],
        }
    }

    /// The balanced reference plan's money (see [`Plan::balanced`]).
    pub fn balanced(rules: &Rules) -> Candidate {
        let d = Plan::balanced(rules).default;
        Candidate::constant(rules, [d.vision, d.insight, d.skills, d.marketing])
    }

    /// The decisions for quarter `q` (from 1) of a game in `state`.
    pub fn decide(&self, rules: &Rules, q: u32, state: &State) -> Decisions {
        let i = (q as usize).wrapping_sub(1);
        let [vision, insight, skills, marketing] = self.levers.get(i).copied().unwrap_or_default();
        let keep = self.keep.get(i).copied().unwrap_or(f64::INFINITY);
        let cash = state.stocks.get(crate::sim::Stock::Cash);
        let mut d = Decisions {
            vision,
            insight,
            skills,
            marketing,
            payout: if cash > keep { cash - keep } else { 0.0 },
            ..Decisions::default()
        };
        let starts = self.starts.get(i).copied().unwrap_or(0);
        if starts != 0 {
            for (k, def) in rules.initiatives.iter().enumerate().take(MAX_INITIATIVES) {
                if starts & (1 << k) != 0 && state.cooldowns.get(k) == Some(&0) {
                    d.initiatives.push(def.id.clone());
                }
            }
        }
        for p in &state.pending {
            let Some(def) = rules.dilemmas.get(usize::from(*p)) else {
                continue;
            };
            let pick = self.answers.get(usize::from(*p)).copied();
            if let Some(choice) = pick.and_then(|c| def.choices.get(usize::from(c))) {
                d.answers.insert(def.id.clone(), choice.id.clone());
            }
        }
        d
    }

    /// Every initiative started whenever it is ready, the rest unchanged.
    pub fn with_every_initiative(&self, rules: &Rules) -> Candidate {
        let all = all_bits(rules.initiatives.len());
        Candidate {
            starts: vec![all; self.starts.len()],
            ..self.clone()
        }
    }

    /// No initiative at all, the rest unchanged.
    pub fn without_initiatives(&self) -> Candidate {
        Candidate {
            starts: vec![0; self.starts.len()],
            ..self.clone()
        }
    }

    /// Nothing paid out to the owners, the rest unchanged.
    pub fn without_payouts(mut self) -> Candidate {
        self.keep.fill(f64::INFINITY);
        self
    }

    /// Nothing spent and nothing started in the last `k` quarters.
    pub fn harvested(&self, k: usize) -> Candidate {
        let mut c = self.clone();
        let n = c.levers.len();
        for q in n.saturating_sub(k)..n {
            c.levers[q] = [0.0; 4];
            c.starts[q] = 0;
        }
        c
    }

    /// The candidate as a plan file: the decisions it played on `seed`
    /// (so initiatives appear only where they were ready and affordable),
    /// levers rounded down to a hundredth, answers in `[default]`.
    pub fn to_plan(&self, rules: &Rules, seed: u64, description: &str) -> Plan {
        let played = super::play::trace(rules, seed, |q, s| self.decide(rules, q, s));
        let floor = |x: f64| (x * 100.0).floor() / 100.0;
        let mut quarters = BTreeMap::new();
        for (i, d) in played.into_iter().enumerate() {
            quarters.insert(
                i as u32 + 1,
                Decisions {
                    vision: floor(d.vision),
                    insight: floor(d.insight),
                    skills: floor(d.skills),
                    marketing: floor(d.marketing),
                    initiatives: d.initiatives,
                    answers: BTreeMap::new(),
                    payout: floor(d.payout),
                },
            );
        }
        let mut default = Decisions::default();
        for (def, c) in rules.dilemmas.iter().zip(&self.answers) {
            if let Some(choice) = def.choices.get(usize::from(*c)) {
                default.answers.insert(def.id.clone(), choice.id.clone());
            }
        }
        Plan {
            description: description.into(),
            default,
            quarters,
            ..Plan::default()
        }
    }

    /// A random plan: a level and mix of the allowed levers, a shape over
    /// time, initiatives and answers at random; no payouts.
    pub fn random(rng: &mut ChaCha8Rng, rules: &Rules, allowed: Levers) -> Candidate {
        let n = rules.quarters as usize;
        let b = rules.budget;
        let level = rng.random_range(0.1..1.0);
        let mut w = [0.0; 4];
        for (k, x) in w.iter_mut().enumerate() {
            if allowed[k] {
                *x = rng.random_range(0.0..1.0);
            }
        }
        let sum: f64 = w.iter().sum::<f64>() + 1e-12;
        let shape = rng.random_range(0..4u32);
        let burst = rng.random_range(1..=n.max(1));
        let mut levers = Vec::with_capacity(n);
        for q in 0..n {
            let t = if n > 1 {
                q as f64 / (n - 1) as f64
            } else {
                0.0
            };
            let scale = match shape {
                0 => 1.0,
                1 => 0.4 + 1.2 * t,
                2 => 1.6 - 1.2 * t,
                _ if q < burst => 1.5,
                _ => 0.3,
            } * rng.random_range(0.8..1.2);
            levers.push(w.map(|x| level * scale * b * x / sum));
        }
        let chance = rng.random_range(0.0..0.5);
        let every = rng.random_range(0.0..1.0) < 0.2;
        let all = all_bits(rules.initiatives.len());
        let starts = (0..n)
            .map(|_| {
                if every {
                    all
                } else {
                    (0..rules.initiatives.len().min(MAX_INITIATIVES))
                        .filter(|_| rng.random_range(0.0..1.0) < chance)
                        .fold(0u64, |acc, k| acc | 1 << k)
                }
            })
            .collect();
        let answers = rules
            .dilemmas
            .iter()
            .map(|d| rng.random_range(0..d.choices.len().max(1)) as u16)
            .collect();
        // Random plans pay nothing out, as the reference plans do: they
        // stand for the states players build with the levers, initiatives
        // and answers. The search finds payouts by mutation.
        let mut c = Candidate {
            levers,
            starts,
            answers,
            keep: vec![f64::INFINITY; n],
        };
        c.repair(rules, allowed);
        c
    }

    /// A neighbour: one to a few random changes.
    pub fn mutate(&self, rng: &mut ChaCha8Rng, rules: &Rules, allowed: Levers) -> Candidate {
        let mut c = self.clone();
        loop {
            c.change(rng, rules, allowed);
            if rng.random_range(0.0..1.0) > 0.35 {
                break;
            }
        }
        c.repair(rules, allowed);
        c
    }

    fn change(&mut self, rng: &mut ChaCha8Rng, rules: &Rules, allowed: Levers) {
        let n = self.levers.len();
        if n == 0 {
            return;
        }
        let b = rules.budget;
        let step = [0.02, 0.05, 0.1, 0.2][rng.random_range(0..4usize)] * b;
        let sign = if rng.random_range(0..2u32) == 0 {
            -1.0
        } else {
            1.0
        };
        let levers: Vec<usize> = (0..4).filter(|k| allowed[*k]).collect();
        let lever = |rng: &mut ChaCha8Rng| {
            levers[rng
                .random_range(0..levers.len().max(1))
                .min(levers.len().saturating_sub(1))]
        };
        // A block of quarters: one, a run, or all of them.
        let block = |rng: &mut ChaCha8Rng| match rng.random_range(0..3u32) {
            0 => {
                let q = rng.random_range(0..n);
                q..q + 1
            }
            1 => {
                let a = rng.random_range(0..n);
                let len = rng.random_range(1..=n - a);
                a..a + len
            }
            _ => 0..n,
        };
        let has_initiatives = !rules.initiatives.is_empty();
        let has_dilemmas = rules.dilemmas.iter().any(|d| d.choices.len() > 1);
        match rng.random_range(0..11u32) {
            0..=2 if !levers.is_empty() => {
                let k = lever(rng);
                for q in block(rng) {
                    self.levers[q][k] += sign * step;
                }
            }
            3 if !levers.is_empty() => {
                let k = lever(rng);
                let f = 1.0 + sign * step / b;
                for q in block(rng) {
                    self.levers[q][k] *= f;
                }
            }
            4 if levers.len() > 1 => {
                let from = lever(rng);
                let to = lever(rng);
                for q in block(rng) {
                    let moved = step.min(self.levers[q][from]);
                    self.levers[q][from] -= moved;
                    self.levers[q][to] += moved;
                }
            }
            5 => {
                let f = 1.0 + sign * step / b;
                for q in block(rng) {
                    for x in &mut self.levers[q] {
                        *x *= f;
                    }
                }
            }
            6 | 7 if has_initiatives => {
                let k = rng.random_range(0..rules.initiatives.len().min(MAX_INITIATIVES));
                let q = rng.random_range(0..n);
                if rng.random_range(0..4u32) == 0 {
                    // Every quarter on, or every quarter off.
                    let on = self.starts[q] & (1 << k) == 0;
                    for s in &mut self.starts {
                        *s = if on { *s | 1 << k } else { *s & !(1 << k) };
                    }
                } else {
                    self.starts[q] ^= 1 << k;
                }
            }
            9 => {
                // A reserve for a block of quarters, or the block's reserve
                // scaled.
                let pick = RESERVES[rng.random_range(0..RESERVES.len())] * b;
                let f = 1.0 + sign * step / b;
                let set = rng.random_range(0..2u32) == 0;
                for q in block(rng) {
                    let k = &mut self.keep[q];
                    *k = if set || !k.is_finite() { pick } else { *k * f };
                }
            }
            8 if has_dilemmas => {
                let d = rng.random_range(0..rules.dilemmas.len());
                let choices = rules.dilemmas[d].choices.len().max(1);
                self.answers[d] = rng.random_range(0..choices) as u16;
            }
            _ if n > 1 => {
                // Smooth: a quarter takes its neighbour's money.
                let q = rng.random_range(0..n - 1);
                if rng.random_range(0..2u32) == 0 {
                    self.levers[q + 1] = self.levers[q];
                } else {
                    self.levers[q] = self.levers[q + 1];
                }
            }
            _ => {}
        }
    }

    /// Within the rules: amounts of 0 or more on allowed levers only,
    /// within the budget, on a grid of 1/400 of the budget.
    fn repair(&mut self, rules: &Rules, allowed: Levers) {
        let b = rules.budget;
        let grid = if b > 0.0 { b / 400.0 } else { 1.0 };
        for q in &mut self.levers {
            for (k, x) in q.iter_mut().enumerate() {
                if !allowed[k] || !x.is_finite() || *x < 0.0 {
                    *x = 0.0;
                }
            }
            let total: f64 = q.iter().sum();
            if total > b {
                for x in q.iter_mut() {
                    *x *= b / total;
                }
            }
            for x in q.iter_mut() {
                *x = (*x / grid).floor() * grid;
            }
        }
    }
}

fn all_bits(n: usize) -> u64 {
    if n >= MAX_INITIATIVES {
        u64::MAX
    } else {
        (1u64 << n) - 1
    }
}

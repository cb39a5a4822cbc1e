//! Random plans for the lab's sweep: a random level and mix of the three
//! levers, some marketing, quarter-to-quarter jitter, initiatives started
//! at random when available, and random answers to dilemmas. Each plan has
//! its own generator, so the sweep is the same on any number of threads.

use crate::sim::{Decisions, Rules, State};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A random strategy, drawn once, then played quarter by quarter.
pub struct RandomPlan {
    rng: ChaCha8Rng,
    share: [f64; 3],
    marketing: f64,
    initiative_chance: f64,
}

impl RandomPlan {
    /// The `index`-th random plan of a sweep.
    pub fn new(index: u64, rules: &Rules) -> RandomPlan {
        let mut rng = ChaCha8Rng::seed_from_u64(index);
        rng.set_stream(0x1ab);
        let mut u = || unit(rng.next_u64());
        // Up to the whole budget on the levers, in a random mix.
        let total = u();
        let w = [u(), u(), u()];
        let sum = w[0] + w[1] + w[2] + 1e-12;
        let share = w.map(|x| total * x / sum * 0.9);
        let marketing = u() * 0.1 * rules.budget;
        let initiative_chance = u() * 0.4;
        RandomPlan {
            rng,
            share,
            marketing,
            initiative_chance,
        }
    }

    /// The decisions for the next quarter of a game in `state`.
    pub fn decide(&mut self, rules: &Rules, state: &State) -> Decisions {
        let jitter = 0.7 + 0.6 * unit(self.rng.next_u64());
        let b = rules.budget;
        let mut d = Decisions {
            vision: self.share[0] * b * jitter,
            insight: self.share[1] * b * jitter,
            skills: self.share[2] * b * jitter,
            marketing: self.marketing,
            ..Decisions::default()
        };
        for (i, def) in rules.initiatives.iter().enumerate() {
            let roll = unit(self.rng.next_u64());
            if state.cooldowns.get(i) == Some(&0) && roll < self.initiative_chance {
                d.initiatives.push(def.id.clone());
            }
        }
        for p in &state.pending {
            let roll = unit(self.rng.next_u64());
            if let Some(def) = rules.dilemmas.get(usize::from(*p)) {
                let n = def.choices.len();
                let pick = ((roll * n as f64) as usize).min(n.saturating_sub(1));
                if let Some(c) = def.choices.get(pick) {
                    d.answers.insert(def.id.clone(), c.id.clone());
                }
            }
        }
        // Within the budget whatever the jitter did, and within the cash.
        crate::plan::fit(d, rules, state)
    }
}

fn unit(bits: u64) -> f64 {
    (bits >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

//! The plan search: random starts, then hill-climbing from the best few,
//! over per-quarter levers, initiative starts and dilemma answers. Every
//! candidate is scored by its mean score on the same few seeds (common
//! random numbers: differences between candidates are not luck of the
//! dice). Candidates are drawn in batches from one ChaCha8 generator with a
//! fixed seed and evaluated in parallel, results by index, so the search
//! finds the same plan on any number of threads.

use super::candidate::{ALL_LEVERS, Candidate, Levers};
use super::parallel;
use super::play::play;
use crate::sim::Rules;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// How hard to search.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SearchConfig {
    /// Candidates to evaluate (each on every search seed).
    pub evals: u32,
    /// Worker threads.
    pub threads: usize,
    /// The levers the search may spend on.
    pub levers: Levers,
    /// Whether its plans may pay cash out to the owners.
    pub payouts: bool,
    /// The search generator's seed.
    pub seed: u64,
}

impl SearchConfig {
    /// `evals` candidates on `threads` threads, every lever allowed.
    pub fn new(evals: u32, threads: usize) -> SearchConfig {
        SearchConfig {
            evals,
            threads,
            levers: ALL_LEVERS,
            payouts: true,
            seed: 0x005e_a2c4,
        }
    }
}

/// The best plan a search found.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub best: Candidate,
    /// Its mean score on the search seeds.
    pub score: f64,
    /// Candidates evaluated.
    pub evals: u32,
}

/// Climbers kept after the random starts, and mutants per climber a round.
const CLIMBERS: usize = 6;
const MUTANTS: usize = 8;
/// Rounds without progress before a climber restarts from the best plan.
const PATIENCE: u32 = 30;

/// The mean score of a candidate on `seeds`.
pub fn evaluate(rules: &Rules, seeds: &[u64], c: &Candidate) -> f64 {
    let total: f64 = seeds
        .iter()
        .map(|&seed| play(rules, seed, |q, s| c.decide(rules, q, s)).score)
        .sum();
    total / seeds.len().max(1) as f64
}

/// Searches for the plan with the best mean score on `seeds`. `starts` are
/// extra starting points (e.g. the balanced plan), evaluated first.
pub fn search(rules: &Rules, seeds: &[u64], starts: &[Candidate], config: SearchConfig) -> Found {
    let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
    let budget = config.evals.max(1) as usize;
    let eval_all = |batch: &[Candidate]| -> Vec<f64> {
        parallel::map(batch, config.threads, |c| evaluate(rules, seeds, c))
    };
    // Random starts: a fifth of the budget (at least the climbers).
    let randoms = (budget / 5).max(CLIMBERS).min(budget);
    let mut pool: Vec<Candidate> = starts.iter().take(budget).cloned().collect();
    // Without payouts a candidate keeps every reserve infinite.
    let keep = |c: Candidate| {
        if config.payouts {
            c
        } else {
            c.without_payouts()
        }
    };
    while pool.len() < randoms {
        pool.push(keep(Candidate::random(&mut rng, rules, config.levers)));
    }
    let scores = eval_all(&pool);
    let mut evals = pool.len();
    let mut order: Vec<usize> = (0..pool.len()).collect();
    // Best first; ties keep the earlier candidate.
    order.sort_by(|a, b| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b)));
    let mut climbers: Vec<(Candidate, f64, u32)> = order
        .iter()
        .take(CLIMBERS)
        .map(|&i| (pool[i].clone(), scores[i], 0))
        .collect();
    let mut best = climbers
        .first()
        .map(|(c, s, _)| (c.clone(), *s))
        .unwrap_or_else(|| (Candidate::balanced(rules), f64::NEG_INFINITY));

    while evals < budget && !climbers.is_empty() {
        let per = MUTANTS.min((budget - evals).div_ceil(climbers.len()));
        let mut batch = Vec::with_capacity(climbers.len() * per);
        for (c, _, stale) in &climbers {
            for _ in 0..per {
                let mut m = c.mutate(&mut rng, rules, config.levers);
                if *stale >= PATIENCE / 2 {
                    // Stuck: jump further.
                    m = m.mutate(&mut rng, rules, config.levers);
                }
                batch.push(keep(m));
            }
        }
        let batch: Vec<Candidate> = batch.into_iter().take(budget - evals).collect();
        let scores = eval_all(&batch);
        evals += batch.len();
        for (k, climber) in climbers.iter_mut().enumerate() {
            let mine = (k * per..((k + 1) * per).min(batch.len()))
                .max_by(|a, b| scores[*a].total_cmp(&scores[*b]).then(b.cmp(a)));
            match mine {
                Some(i) if scores[i] > climber.1 => {
                    *climber = (batch[i].clone(), scores[i], 0);
                }
                _ => climber.2 += 1,
            }
            if climber.1 > best.1 {
                best = (climber.0.clone(), climber.1);
            }
        }
        for climber in &mut climbers {
            if climber.2 >= PATIENCE {
                *climber = (best.0.clone(), best.1, 0);
            }
        }
    }
    Found {
        best: best.0,
        score: best.1,
        evals: evals as u32,
    }
}

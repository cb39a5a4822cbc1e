//! The exploit hunt: search for the best plan, describe it, and run every
//! check of [`super::exploit`] on it and on the balanced plan, each turned
//! into a flag when it crosses its threshold.

use super::candidate::Candidate;
use super::exploit::{self, AnswerShares, LEVER_NAMES, Spam};
use super::play::{levers, trace};
use super::search::{Found, SearchConfig, search};
use crate::scenario::Scenario;
use crate::sim::Rules;

/// How hard to hunt.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HuntConfig {
    /// Candidates the main search evaluates.
    pub evals: u32,
    /// Candidates each single-lever search evaluates (a tenth of `evals`
    /// by default).
    pub single_evals: u32,
    /// Seeds every search candidate is scored on.
    pub search_seeds: u32,
    /// Seeds the found plans are checked on (other seeds than the search's).
    pub seeds: u32,
    /// Random plans for the answer check (each on every one of 5 seeds).
    pub answer_plans: u32,
    pub threads: usize,
}

impl HuntConfig {
    /// The full hunt of `scenario lab --search`.
    pub fn full(threads: usize) -> HuntConfig {
        HuntConfig {
            evals: 20_000,
            single_evals: 2_000,
            search_seeds: 4,
            seeds: 50,
            answer_plans: 40,
            threads,
        }
    }

    /// The short hunt of every lab run.
    pub fn short(threads: usize) -> HuntConfig {
        HuntConfig {
            evals: 1_500,
            single_evals: 300,
            search_seeds: 3,
            seeds: 30,
            answer_plans: 20,
            threads,
        }
    }
}

/// Where the best plan's money and moves go.
#[derive(Clone, Debug, PartialEq)]
pub struct Structure {
    /// Share of the lever money per lever (vision, insight, skills, marketing).
    pub shares: [f64; 4],
    /// Lever money per quarter over the last quarters (up to 4) against the
    /// game's average per quarter: well below 1 is a harvest.
    pub last_vs_average: f64,
    /// Per initiative, the quarters it started in (on the scenario's seed).
    pub starts: Vec<Vec<u32>>,
    /// Per dilemma, the index of the choice given.
    pub answers: Vec<u16>,
    /// Cash paid out to the owners in a game, on average over `seeds`.
    pub paid_out: f64,
    /// The quarters it paid out in (on the scenario's seed).
    pub payout_quarters: Vec<u32>,
}

/// A way to beat the scenario without its lesson.
#[derive(Clone, Debug, PartialEq)]
pub enum Exploit {
    /// The best plan gives a lever more (marketing) or less (vision,
    /// skills) of the money than its share.
    LeverShare {
        lever: &'static str,
        share: f64,
        limit: f64,
    },
    /// Cutting all spending in the last `quarters` quarters of a plan gains
    /// at least 1% on a share of seeds.
    Harvest {
        plan: &'static str,
        quarters: usize,
        seeds: f64,
    },
    /// Filling the budget with marketing on top of balanced gains ≥ 5%.
    MarketingFill { seeds: f64, mean_gain: f64 },
    /// An answer is best on more than 80% of seed × random-plan pairs.
    DominantAnswer {
        dilemma: String,
        choice: String,
        share: f64,
    },
    /// A plan on one lever scores at least balanced on more than 5% of seeds.
    SingleLever { lever: &'static str, seeds: f64 },
    /// Starting every initiative whenever ready does as well as the best.
    InitiativeSpam(Spam),
    /// The best plan beats balanced by less than 10%.
    SkillDoesNotPay { best: f64, balanced: f64 },
}

/// A single-lever search's result, checked against balanced.
#[derive(Clone, Debug, PartialEq)]
pub struct SingleLever {
    pub lever: &'static str,
    pub found: Found,
    /// Its mean score on the check seeds.
    pub score: f64,
    /// Share of check seeds where it scores at least balanced.
    pub beats_balanced: f64,
}

/// Everything the hunt found.
#[derive(Clone, Debug, PartialEq)]
pub struct Hunt {
    pub config: HuntConfig,
    pub search_seeds: Vec<u64>,
    pub seeds: Vec<u64>,
    pub found: Found,
    /// Mean scores on the check seeds.
    pub best_score: f64,
    pub balanced_score: f64,
    /// Share of check seeds where the best plan beats balanced.
    pub best_beats_balanced: f64,
    pub structure: Structure,
    /// (plan, k, share of seeds gaining ≥ 1%) for k = 1..4.
    pub harvest: Vec<(&'static str, usize, f64)>,
    /// Share of seeds gaining ≥ 5%, and the mean gain.
    pub marketing_fill: (f64, f64),
    pub answers: Vec<AnswerShares>,
    pub single: Vec<SingleLever>,
    pub spam: Spam,
    pub flags: Vec<Exploit>,
}

/// The search seeds and the check seeds of a scenario.
pub fn seeds(scenario: &Scenario, config: &HuntConfig) -> (Vec<u64>, Vec<u64>) {
    let search = (0..u64::from(config.search_seeds))
        .map(|i| scenario.seed.wrapping_add(100_000 + i))
        .collect();
    let check = (0..u64::from(config.seeds))
        .map(|i| scenario.seed.wrapping_add(i))
        .collect();
    (search, check)
}

/// Hunts for exploits in a scenario.
pub fn hunt(scenario: &Scenario, config: HuntConfig) -> Hunt {
    let rules: &Rules = &scenario.rules;
    let t = config.threads;
    let (search_seeds, seeds) = seeds(scenario, &config);
    let balanced = Candidate::balanced(rules);
    let found = search(
        rules,
        &search_seeds,
        std::slice::from_ref(&balanced),
        SearchConfig::new(config.evals, t),
    );
    let best = &found.best;
    let best_scores = exploit::scores(rules, best, &seeds, t);
    let balanced_scores = exploit::scores(rules, &balanced, &seeds, t);
    let best_score = exploit::mean(&best_scores);
    let balanced_score = exploit::mean(&balanced_scores);
    let wins = best_scores
        .iter()
        .zip(&balanced_scores)
        .filter(|(a, b)| a > b)
        .count();
    let structure = structure(rules, scenario.seed, best, &seeds, t);

    let mut harvest = Vec::new();
    for (name, plan) in [("balanced", &balanced), ("best", best)] {
        for k in 1..=4.min(rules.quarters as usize) {
            harvest.push((name, k, exploit::harvest(rules, plan, k, &seeds, t)));
        }
    }
    let marketing_fill = exploit::marketing_fill(rules, &seeds, t);
    let answer_seeds: Vec<u64> = seeds.iter().take(5).copied().collect();
    let answers = exploit::answer_shares(rules, &answer_seeds, config.answer_plans, t);
    let single = (0..4)
        .map(|lever| {
            let found =
                exploit::best_single_lever(rules, lever, &search_seeds, config.single_evals, t);
            let scores = exploit::scores(rules, &found.best, &seeds, t);
            SingleLever {
                lever: LEVER_NAMES[lever],
                score: exploit::mean(&scores),
                beats_balanced: scores
                    .iter()
                    .zip(&balanced_scores)
                    .filter(|(a, b)| a >= b)
                    .count() as f64
                    / seeds.len().max(1) as f64,
                found,
            }
        })
        .collect();
    let spam = exploit::initiative_spam(rules, best, &seeds);
    let mut hunt = Hunt {
        config,
        search_seeds,
        best_beats_balanced: wins as f64 / seeds.len().max(1) as f64,
        seeds,
        found,
        best_score,
        balanced_score,
        structure,
        harvest,
        marketing_fill,
        answers,
        single,
        spam,
        flags: Vec::new(),
    };
    hunt.flags = flags(rules, &hunt);
    hunt
}

/// The best plan's structure, as played on `seeds`.
pub fn structure(
    rules: &Rules,
    seed: u64,
    c: &Candidate,
    seeds: &[u64],
    threads: usize,
) -> Structure {
    let shares = exploit::lever_shares(rules, c, seeds, threads);
    let per_seed = super::parallel::map(seeds, threads, |&s| {
        let played = trace(rules, s, |q, st| c.decide(rules, q, st));
        let per: Vec<f64> = played.iter().map(|d| levers(d).iter().sum()).collect();
        let n = per.len();
        let last = n.min(4);
        let average = per.iter().sum::<f64>() / n.max(1) as f64;
        let tail = per[n - last..].iter().sum::<f64>() / last.max(1) as f64;
        let ratio = if average > 0.0 { tail / average } else { 1.0 };
        (ratio, played.iter().map(|d| d.payout).sum::<f64>())
    });
    let ratios: Vec<f64> = per_seed.iter().map(|(r, _)| *r).collect();
    let paid: Vec<f64> = per_seed.iter().map(|(_, p)| *p).collect();
    let mut starts = vec![Vec::new(); rules.initiatives.len()];
    let mut payout_quarters = Vec::new();
    for (q, d) in trace(rules, seed, |q, st| c.decide(rules, q, st))
        .iter()
        .enumerate()
    {
        if d.payout > 0.0 {
            payout_quarters.push(q as u32 + 1);
        }
        for id in &d.initiatives {
            if let Some((i, _)) = rules.initiative(id) {
                starts[i].push(q as u32 + 1);
            }
        }
    }
    Structure {
        shares,
        last_vs_average: exploit::mean(&ratios),
        starts,
        answers: c.answers.clone(),
        paid_out: exploit::mean(&paid),
        payout_quarters,
    }
}

fn flags(rules: &Rules, h: &Hunt) -> Vec<Exploit> {
    let mut flags = Vec::new();
    let s = &h.structure.shares;
    if s[3] > 0.25 {
        flags.push(Exploit::LeverShare {
            lever: "marketing",
            share: s[3],
            limit: 0.25,
        });
    }
    for k in [0, 2] {
        if s[k] < 0.15 {
            flags.push(Exploit::LeverShare {
                lever: LEVER_NAMES[k],
                share: s[k],
                limit: 0.15,
            });
        }
    }
    for &(plan, quarters, seeds) in &h.harvest {
        if seeds >= 0.10 {
            flags.push(Exploit::Harvest {
                plan,
                quarters,
                seeds,
            });
        }
    }
    let (seeds, mean_gain) = h.marketing_fill;
    if seeds > 0.10 {
        flags.push(Exploit::MarketingFill { seeds, mean_gain });
    }
    for a in &h.answers {
        if let Some((choice, share)) = a.top().filter(|(_, share)| *share > 0.8) {
            let def = &rules.dilemmas[a.dilemma];
            flags.push(Exploit::DominantAnswer {
                dilemma: def.id.clone(),
                choice: def
                    .choices
                    .get(choice)
                    .map_or_else(String::new, |c| c.id.clone()),
                share,
            });
        }
    }
    for single in &h.single {
        if single.beats_balanced > 0.05 {
            flags.push(Exploit::SingleLever {
                lever: single.lever,
                seeds: single.beats_balanced,
            });
        }
    }
    if !rules.initiatives.is_empty() && h.spam.is_best() {
        flags.push(Exploit::InitiativeSpam(h.spam));
    }
    if !exploit::skill_pays(h.best_score, h.balanced_score) {
        flags.push(Exploit::SkillDoesNotPay {
            best: h.best_score,
            balanced: h.balanced_score,
        });
    }
    flags
}

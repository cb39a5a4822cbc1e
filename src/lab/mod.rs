//! The balance lab: plays a scenario's reference plans across many seeds
//! and a sweep of random plans, summarises how each fares, checks the
//! scenario's `[[expect]]` rules, and flags balance problems (a dominant
//! plan, doing nothing winning, a plan that always ends in game over).
//! Work is spread over threads; every game is independent and results are
//! collected by index, so the report is identical on any number of threads.

mod candidate;
pub mod exploit;
mod hunt;
mod hunt_render;
pub mod parallel;
pub mod play;
mod random;
mod render;
pub mod search;
mod trajectory;

pub use candidate::{ALL_LEVERS, Candidate, Levers};
pub use hunt::{Exploit, Hunt, HuntConfig, SingleLever, Structure, hunt};
pub use hunt_render::{describe, render_hunt};
pub use random::RandomPlan;
pub use render::render;
pub use search::{Found, SearchConfig, search};
pub use trajectory::Trajectory;

use crate::plan::{Plan, REFERENCE_PLANS};
use crate::scenario::{Compare, ExpectRule, Metric, Scenario, Versus};
use crate::sim::{Game, Rules};
use std::sync::Arc;

/// How much to play.
#[derive(Clone, Copy, Debug)]
pub struct LabConfig {
    /// Seeds per reference plan.
    pub seeds: u32,
    /// Random plans in the sweep (each on its own seed).
    pub random_plans: u32,
    /// Worker threads (1 = play everything on the calling thread).
    pub threads: usize,
    /// The exploit hunt (plan search and checks), if any.
    pub hunt: Option<HuntConfig>,
}

impl Default for LabConfig {
    fn default() -> Self {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        LabConfig {
            seeds: 200,
            random_plans: 2000,
            threads,
            hunt: Some(HuntConfig::short(threads)),
        }
    }
}

/// A reference plan's games, one per seed.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanResult {
    pub name: String,
    pub games: Vec<Trajectory>,
}

/// Whether one rule held, and on what share of seeds.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleResult {
    pub rule: ExpectRule,
    /// Share of seeds on which it held.
    pub held: f64,
    pub passed: bool,
}

/// A balance problem the lab noticed.
#[derive(Clone, Debug, PartialEq)]
pub enum Flag {
    /// Doing nothing has the best average score of the reference plans.
    DoNothingWins,
    /// A reference plan beats every other plan on most seeds and almost
    /// every random plan: the scenario can be solved without thinking.
    Dominant {
        plan: String,
        beats_references: f64,
        beats_random: f64,
    },
    /// A plan ends in game over on every seed.
    AlwaysGameOver { plan: String },
}

/// Everything the lab found.
#[derive(Clone, Debug, PartialEq)]
pub struct LabReport {
    pub seeds: Vec<u64>,
    pub plans: Vec<PlanResult>,
    /// The random plans' games.
    pub random: Vec<Trajectory>,
    pub rules: Vec<RuleResult>,
    pub flags: Vec<Flag>,
    /// The exploit hunt, when the lab ran one.
    pub hunt: Option<Hunt>,
}

impl LabReport {
    /// Whether every `[[expect]]` rule held.
    pub fn passed(&self) -> bool {
        self.rules.iter().all(|r| r.passed)
    }

    /// A reference plan's results by name.
    pub fn plan(&self, name: &str) -> Option<&PlanResult> {
        self.plans.iter().find(|p| p.name == name)
    }
}

/// One game to play.
#[derive(Clone, Copy)]
enum Job {
    Reference { plan: usize, seed: u64 },
    Random { index: u64, seed: u64 },
}

fn play(rules: &Arc<Rules>, plans: &[Plan], job: Job) -> Trajectory {
    let (Job::Reference { seed, .. } | Job::Random { seed, .. }) = job;
    let mut game = Game::new(Arc::clone(rules), seed);
    match job {
        Job::Reference { plan, .. } => {
            let plan = &plans[plan];
            let r = Arc::clone(rules);
            // Short of cash, a plan spends what it can, as a player would.
            let _ = game
                .play_out(|q, state| crate::plan::fit(plan.decisions_for(q, &r, state), &r, state));
        }
        Job::Random { index, .. } => {
            let mut random = RandomPlan::new(index, rules);
            let rules = Arc::clone(rules);
            let _ = game.play_out(|_, state| random.decide(&rules, state));
        }
    }
    Trajectory::from_reports(game.history(), rules.quarters)
}

/// Plays every job, on `threads` threads, results in job order.
fn play_all(rules: &Arc<Rules>, plans: &[Plan], jobs: &[Job], threads: usize) -> Vec<Trajectory> {
    let threads = threads.clamp(1, 64).min(jobs.len().max(1));
    if threads == 1 {
        return jobs.iter().map(|j| play(rules, plans, *j)).collect();
    }
    let chunk = jobs.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|j| play(rules, plans, *j))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        // A worker cannot panic (the model returns errors), but if one did,
        // its games are played again here rather than lost.
        handles
            .into_iter()
            .zip(jobs.chunks(chunk))
            .flat_map(|(h, part)| {
                h.join()
                    .unwrap_or_else(|_| part.iter().map(|j| play(rules, plans, *j)).collect())
            })
            .collect()
    })
}

/// Runs the lab on a scenario.
pub fn run(scenario: &Scenario, config: LabConfig) -> LabReport {
    let rules = Arc::clone(&scenario.rules);
    // The reference plans, then the scenario's own.
    let mut names: Vec<String> = REFERENCE_PLANS.iter().map(|n| n.to_string()).collect();
    let mut plans: Vec<Plan> = REFERENCE_PLANS
        .iter()
        .map(|name| Plan::reference(name, &rules).unwrap_or_default())
        .collect();
    for p in &scenario.plans {
        names.push(p.id.clone());
        plans.push(p.plan.clone());
    }
    let seeds: Vec<u64> = (0..u64::from(config.seeds))
        .map(|i| scenario.seed.wrapping_add(i))
        .collect();
    let mut jobs: Vec<Job> = Vec::new();
    for plan in 0..plans.len() {
        jobs.extend(seeds.iter().map(|&seed| Job::Reference { plan, seed }));
    }
    jobs.extend(
        (0..u64::from(config.random_plans)).map(|index| Job::Random {
            index,
            seed: scenario.seed.wrapping_add(index),
        }),
    );
    let mut games = play_all(&rules, &plans, &jobs, config.threads).into_iter();
    let plans: Vec<PlanResult> = names
        .into_iter()
        .map(|name| PlanResult {
            name,
            games: games.by_ref().take(seeds.len()).collect(),
        })
        .collect();
    let random: Vec<Trajectory> = games.collect();
    let mut report = LabReport {
        seeds,
        plans,
        random,
        rules: Vec::new(),
        flags: Vec::new(),
        hunt: config.hunt.map(|h| hunt(scenario, h)),
    };
    report.rules = scenario.expect.iter().map(|r| check(&report, r)).collect();
    report.flags = flags(&report);
    report
}

/// Evaluates one rule on every seed.
pub fn check(report: &LabReport, rule: &ExpectRule) -> RuleResult {
    let mine = report.plan(&rule.plan);
    let other = match &rule.versus {
        Versus::Plan(p) => report.plan(p),
        Versus::Value(_) => None,
    };
    let n = report.seeds.len();
    let mut held = 0;
    for s in 0..n {
        let ok = (rule.from..=rule.to).all(|q| {
            let a = mine.map_or(f64::NAN, |p| p.games[s].get(rule.metric, q));
            let b = match &rule.versus {
                Versus::Plan(_) => other.map_or(f64::NAN, |p| p.games[s].get(rule.metric, q)),
                Versus::Value(v) => *v,
            };
            match rule.compare {
                Compare::Above => a > b,
                Compare::Below => a < b,
            }
        });
        held += usize::from(ok);
    }
    let share = if n == 0 { 0.0 } else { held as f64 / n as f64 };
    RuleResult {
        rule: rule.clone(),
        held: share,
        passed: n > 0 && share + 1e-12 >= rule.share,
    }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 { f64::NAN } else { sum / n as f64 }
}

/// The mean final score of a plan's games.
pub fn mean_score(games: &[Trajectory]) -> f64 {
    mean(games.iter().map(|g| g.last(Metric::Score)))
}

fn flags(report: &LabReport) -> Vec<Flag> {
    let mut flags = Vec::new();
    // Doing nothing "wins" when no reference plan does better (a tie with
    // a plan that also spends nothing counts as winning).
    if let Some(nothing) = report.plan("do-nothing") {
        let base = mean_score(&nothing.games);
        if report.plans.iter().all(|p| mean_score(&p.games) <= base) {
            flags.push(Flag::DoNothingWins);
        }
    }
    let n = report.seeds.len();
    let random: Vec<f64> = report
        .random
        .iter()
        .map(|g| g.last(Metric::Score))
        .collect();
    for plan in &report.plans {
        // Only a simple, scenario-blind plan can make a scenario trivial;
        // a scenario's own plan is meant to show the way.
        let reference = REFERENCE_PLANS.contains(&plan.name.as_str());
        let wins = (0..n)
            .filter(|&s| {
                let mine = plan.games[s].last(Metric::Score);
                report
                    .plans
                    .iter()
                    .filter(|o| o.name != plan.name)
                    .all(|o| mine > o.games[s].last(Metric::Score))
            })
            .count();
        let beats_references = if n == 0 { 0.0 } else { wins as f64 / n as f64 };
        let my_mean = mean_score(&plan.games);
        let beats_random = if random.is_empty() {
            0.0
        } else {
            random.iter().filter(|r| my_mean > **r).count() as f64 / random.len() as f64
        };
        if reference && beats_references >= 0.95 && beats_random >= 0.99 {
            flags.push(Flag::Dominant {
                plan: plan.name.clone(),
                beats_references,
                beats_random,
            });
        }
        if n > 0 && plan.games.iter().all(Trajectory::game_over) {
            flags.push(Flag::AlwaysGameOver {
                plan: plan.name.clone(),
            });
        }
    }
    flags
}

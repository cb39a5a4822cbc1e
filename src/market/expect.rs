//! A market's story as rules, like a scenario's `[[expect]]`: reference
//! teams (each a plan) play one market against each other across seeds,
//! and each rule says how one team must fare against another (or a
//! number) in what share of the seeds. The file:
//!
//! ```toml
//! scenario = "../market.toml"     # relative to this file, or a shipped id
//! seeds = 20                      # seeds 1..=20
//!
//! [[team]]
//! name = "careful"
//! plan = "careful"                # a [[plan]] of the scenario or a reference plan
//!
//! [[expect]]
//! text = "The careful roaster ends with a larger share than the pure marketer"
//! team = "careful"
//! versus = "marketer"             # or value = 25
//! metric = "share"                # market share %, won_from_rivals, lost_to_rivals
//!                                 # (customers, all quarters so far), or any [[expect]] metric
//! compare = "above"               # or "below"
//! quarter = 12                    # default: the last
//! share = 0.9                     # of the seeds
//! ```

use super::Error;
use super::folder::read_text;
use crate::plan::Plan;
use crate::scenario::{self, Metric, Scenario};
use crate::sim::{Cause, Decisions, LOST_TO_RIVALS, Market, QuarterReport, WON_FROM_RIVALS};
use serde::Deserialize;
use std::path::Path;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    scenario: String,
    #[serde(default = "twenty")]
    seeds: u32,
    team: Vec<Team>,
    #[serde(default)]
    expect: Vec<Rule>,
}

fn twenty() -> u32 {
    20
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Team {
    name: String,
    plan: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Rule {
    text: String,
    team: String,
    #[serde(default)]
    versus: Option<String>,
    #[serde(default)]
    value: Option<f64>,
    metric: String,
    #[serde(default)]
    compare: Option<String>,
    #[serde(default)]
    quarter: Option<u32>,
    #[serde(default = "always")]
    share: f64,
}

fn always() -> f64 {
    1.0
}

/// One rule's result.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub text: String,
    /// Share of seeds on which the rule held, and the share it asks for.
    pub held: f64,
    pub wanted: f64,
}

impl Checked {
    pub fn passed(&self) -> bool {
        self.held + 1e-12 >= self.wanted
    }
}

/// What a rule measures: `share` or a scenario metric.
#[derive(Clone, Copy)]
enum Measure {
    Share,
    /// Customers won from rivals (or lost to them), all quarters so far.
    Won,
    Lost,
    Metric(Metric),
}

/// A firm's figure at quarter `q` (from 1) of a played market.
fn measure(m: Measure, quarters: &[Vec<QuarterReport>], q: usize, firm: usize) -> f64 {
    let upto = &quarters[..q.min(quarters.len())];
    let sum = |name: &'static str| -> f64 {
        upto.iter()
            .map(|reports| {
                reports[firm]
                    .ledger
                    .terms
                    .iter()
                    .filter(|t| t.cause == Cause::Model(name))
                    .map(|t| t.value)
                    .sum::<f64>()
            })
            .sum()
    };
    let Some(reports) = upto.last() else {
        return 0.0;
    };
    let share = || {
        let total: f64 = reports.iter().map(|r| r.stocks.customers()).sum();
        if total > 0.0 {
            100.0 * reports[firm].stocks.customers() / total
        } else {
            0.0
        }
    };
    let r = &reports[firm];
    match m {
        Measure::Share => share(),
        Measure::Won => sum(WON_FROM_RIVALS),
        Measure::Lost => -sum(LOST_TO_RIVALS),
        Measure::Metric(Metric::Score) => r.kpis.score,
        Measure::Metric(Metric::Kpi(k)) => r.kpi(k),
        Measure::Metric(Metric::Stock(s)) => r.stocks.get(s),
        Measure::Metric(Metric::GameOver) => f64::from(u8::from(r.outcome.is_game_over())),
    }
}

/// Loads a market check file, plays its teams against each other on every
/// seed, and evaluates every rule.
pub fn check(path: &Path) -> Result<Vec<Checked>, Error> {
    let text = read_text(path)?;
    let bad = |what: String| {
        Error::input(
            path,
            what,
            "see the format in the doc of src/market/expect.rs",
        )
    };
    let file: File = toml::from_str(&text)
        .map_err(|e| bad(format!("not a valid market check file: {}", e.message())))?;
    let near = path.parent().unwrap_or(Path::new(".")).join(&file.scenario);
    let sc: Scenario = if near.is_file() {
        scenario::load_file(&near)
    } else {
        scenario::load(&file.scenario)
    }
    .map_err(|e| bad(format!("its scenario does not load: {e}")))?;
    if file.team.len() < 2
        || file.team.len() > crate::sim::MAX_FIRMS
        || file.seeds == 0
        || file.seeds > 10_000
    {
        return Err(bad("a check plays 2 to 6 teams on 1 to 10000 seeds".into()));
    }
    let plans: Vec<Plan> = file
        .team
        .iter()
        .map(|t| {
            sc.plans
                .iter()
                .find(|p| p.id == t.plan)
                .map(|p| p.plan.clone())
                .or_else(|| Plan::reference(&t.plan, &sc.rules))
                .ok_or_else(|| {
                    bad(format!(
                        "team '{}': no plan '{}' in the scenario or the reference plans",
                        t.name, t.plan
                    ))
                })
        })
        .collect::<Result<_, _>>()?;
    let team = |name: &str| {
        file.team
            .iter()
            .position(|t| t.name == name)
            .ok_or_else(|| bad(format!("no team '{name}' in this file")))
    };
    struct Ready {
        text: String,
        a: usize,
        b: Option<usize>,
        value: f64,
        m: Measure,
        above: bool,
        q: u32,
        share: f64,
    }
    let mut rules = Vec::new();
    for r in &file.expect {
        let m = match r.metric.as_str() {
            "share" => Measure::Share,
            "won_from_rivals" => Measure::Won,
            "lost_to_rivals" => Measure::Lost,
            _ => Measure::Metric(
                Metric::from_key(&r.metric)
                    .ok_or_else(|| bad(format!("rule '{}': no metric '{}'", r.text, r.metric)))?,
            ),
        };
        let b = r.versus.as_deref().map(team).transpose()?;
        if b.is_none() == r.value.is_none() {
            return Err(bad(format!(
                "rule '{}': give exactly one of versus and value",
                r.text
            )));
        }
        let above = match r.compare.as_deref() {
            None | Some("above") => true,
            Some("below") => false,
            Some(o) => {
                return Err(bad(format!(
                    "rule '{}': compare is \"above\" or \"below\", not \"{o}\"",
                    r.text
                )));
            }
        };
        let q = r
            .quarter
            .unwrap_or(sc.rules.quarters)
            .clamp(1, sc.rules.quarters);
        rules.push(Ready {
            text: r.text.clone(),
            a: team(&r.team)?,
            b,
            value: r.value.unwrap_or(0.0),
            m,
            above,
            q,
            share: r.share,
        });
    }
    let mut held = vec![0u32; rules.len()];
    for seed in 1..=u64::from(file.seeds) {
        let quarters = play(&sc, seed, &plans);
        for (k, r) in rules.iter().enumerate() {
            // A rule about a quarter after the market ended looks at its last.
            let q = r.q as usize;
            let mine = measure(r.m, &quarters, q, r.a);
            let other = r.b.map_or(r.value, |b| measure(r.m, &quarters, q, b));
            if (r.above && mine > other) || (!r.above && mine < other) {
                held[k] += 1;
            }
        }
    }
    Ok(rules
        .iter()
        .zip(held)
        .map(|(r, h)| Checked {
            text: r.text.clone(),
            held: f64::from(h) / f64::from(file.seeds),
            wanted: r.share,
        })
        .collect())
}

/// Every quarter's reports of every firm (a firm that is out repeats its
/// last report), played with one plan per firm.
fn play(sc: &Scenario, seed: u64, plans: &[Plan]) -> Vec<Vec<QuarterReport>> {
    let rules = &sc.rules;
    let Ok(mut market) = Market::new(rules, seed, plans.len()) else {
        return Vec::new();
    };
    let mut out: Vec<Vec<QuarterReport>> = Vec::new();
    while !market.is_over(rules) {
        let q = market.quarter() + 1;
        let decisions: Vec<Decisions> = plans
            .iter()
            .zip(market.firms())
            .map(|(p, f)| p.decisions_for(q, rules, f))
            .collect();
        let Ok(reports) = market.advance(rules, &decisions) else {
            break;
        };
        let last = out.last().cloned();
        let row: Option<Vec<QuarterReport>> = reports
            .into_iter()
            .enumerate()
            .map(|(i, r)| r.or_else(|| last.as_ref().and_then(|l| l.get(i).cloned())))
            .collect();
        match row {
            Some(row) => out.push(row),
            None => break,
        }
    }
    out
}

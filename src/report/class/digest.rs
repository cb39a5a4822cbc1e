//! What a class report keeps of each handed-in save: the game replayed
//! once and reduced to what the report shows (score terms, four KPI lines,
//! money per lever per year, initiatives, answers, ledger cause sums and
//! the decision log), so that 10,000 saves never sit in memory whole.
//! And what went wrong with a save that did not replay, as a [`Fault`].

use crate::analysis::{CauseSums, ScoreBreakdown, cause_sums, score_breakdown};
use crate::report::debrief::answer_label;
use crate::save::ErrorKind;
use crate::scenario::Scenario;
use crate::sim::{Decisions, QuarterReport, Stock, baseline_profit};

/// The KPIs charted for the class, in order.
pub const KPI_TITLES: [&str; 4] = [
    "Customer culture",
    "Employee engagement",
    "Profit per quarter",
    "Cumulative profit",
];

/// One replayed save, reduced.
#[derive(Clone, Debug, PartialEq)]
pub struct Digest {
    pub player: String,
    pub scenario_id: String,
    pub scenario_hash: u64,
    pub scenario_title: String,
    pub seed: u64,
    /// Quarters played, and in a full game.
    pub quarter: u32,
    pub quarters: u32,
    /// The game ended: every quarter played, or game over.
    pub finished: bool,
    pub outcome: &'static str,
    /// `None` if no quarter was played.
    pub score: Option<ScoreBreakdown>,
    /// [`KPI_TITLES`]' values from the start (index 0) to the last quarter.
    pub kpis: [Vec<f64>; 4],
    /// Money on vision, insight, skills and marketing, per year.
    pub levers_by_year: Vec<[f64; 4]>,
    /// The title of every initiative started (once per start).
    pub initiatives: Vec<String>,
    /// Every answer given, as "dilemma: choice" (defaults included).
    pub answers: Vec<String>,
    pub causes: CauseSums,
    pub log: Vec<Decisions>,
}

impl Digest {
    /// The final score (0 before the first quarter).
    pub fn total(&self) -> f64 {
        self.score.as_ref().map_or(0.0, |s| s.total)
    }
}

/// Reduces a replayed game.
pub fn digest(scenario: &Scenario, player: &str, seed: u64, history: &[QuarterReport]) -> Digest {
    let rules = &scenario.rules;
    let last = history.last();
    let series = |start: f64, f: fn(&QuarterReport) -> f64| -> Vec<f64> {
        std::iter::once(start)
            .chain(history.iter().map(f))
            .collect()
    };
    let kpis = [
        series(rules.start.get(Stock::Culture), |r| {
            r.stocks.get(Stock::Culture)
        }),
        series(rules.start.get(Stock::Engagement), |r| {
            r.stocks.get(Stock::Engagement)
        }),
        series(baseline_profit(rules), |r| r.kpis.profit),
        series(0.0, |r| r.kpis.cumulative_profit),
    ];
    let levers_by_year = history
        .chunks(4)
        .map(|year| {
            let mut m = [0.0; 4];
            for r in year {
                let d = &r.decisions;
                for (slot, v) in m
                    .iter_mut()
                    .zip([d.vision, d.insight, d.skills, d.marketing])
                {
                    *slot += v;
                }
            }
            m
        })
        .collect();
    let mut initiatives = Vec::new();
    let mut answers = Vec::new();
    for r in history {
        for news in &r.news {
            match *news {
                crate::sim::News::Started { index } => {
                    if let Some(i) = rules.initiatives.get(usize::from(index)) {
                        initiatives.push(i.title.clone());
                    }
                }
                crate::sim::News::Answered {
                    dilemma, choice, ..
                } => {
                    if let Some(d) = rules.dilemmas.get(usize::from(dilemma)) {
                        let c = d
                            .choices
                            .get(usize::from(choice))
                            .map_or("?", |c| c.id.as_str());
                        answers.push(answer_label(rules, &d.id, c));
                    }
                }
                _ => {}
            }
        }
    }
    let outcome = last.map_or(crate::sim::Outcome::Playing, |r| r.outcome);
    Digest {
        player: player.to_string(),
        scenario_id: scenario.id.clone(),
        scenario_hash: scenario.content_hash,
        scenario_title: scenario.title.clone(),
        seed,
        quarter: last.map_or(0, |r| r.quarter),
        quarters: rules.quarters,
        finished: outcome != crate::sim::Outcome::Playing,
        outcome: outcome.describe(),
        score: last.map(|r| score_breakdown(rules, r)),
        kpis,
        levers_by_year,
        initiatives,
        answers,
        causes: cause_sums(rules, history),
        log: history.iter().map(|r| r.decisions.clone()).collect(),
    }
}

/// Why a save was set aside before the class was known.
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    /// Not a save that could be read (or a model it cannot replay).
    Unreadable,
    /// The decisions or summary were edited; from this quarter if known.
    Edited { from: Option<u32> },
    /// Played on a scenario that cannot be found.
    OtherScenario,
    /// Played on another version of the scenario (its content changed).
    OtherVersion,
    /// Played on a seed other than the one the scenario locks.
    OtherSeed { found: u64, expected: u64 },
}

/// The fault behind a verification error.
pub fn fault_of(kind: &ErrorKind) -> Fault {
    match kind {
        ErrorKind::Edited { quarter, .. }
        | ErrorKind::Refused { quarter, .. }
        | ErrorKind::AfterEnd { quarter } => Fault::Edited {
            from: Some(*quarter),
        },
        ErrorKind::QuarterOrder { index, .. } => Fault::Edited { from: Some(*index) },
        // The seal covers the player, the scenario reference and the
        // summary; the start checksum, the seed.
        ErrorKind::Summary { .. } | ErrorKind::Seal { .. } | ErrorKind::SeedEdited { .. } => {
            Fault::Edited { from: None }
        }
        // A scenario file that claims a shipped id but is not the shipped one.
        ErrorKind::NotShipped { .. } => Fault::OtherVersion,
        ErrorKind::ScenarioNotFound { .. } => Fault::OtherScenario,
        ErrorKind::ScenarioChanged { .. } | ErrorKind::ModelVersion { .. } => Fault::OtherVersion,
        ErrorKind::SeedNotLocked { found, locked, .. } => Fault::OtherSeed {
            found: *found,
            expected: *locked,
        },
        _ => Fault::Unreadable,
    }
}

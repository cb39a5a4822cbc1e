//! `QuarterReport`: what one quarter produced — every stock, every KPI, what
//! the player could see of the customers, the news and the why ledger.

use super::decision::Decisions;
use super::event::News;
use super::ledger::Ledger;
use super::rules::{Kpi, Rules};
use super::state::Outcome;
use super::stock::{Stock, Stocks};
use serde::Serialize;

/// The figures of one quarter, true values.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Kpis {
    pub revenue: f64,
    pub new_product_revenue: f64,
    pub cost_to_serve: f64,
    pub fixed_costs: f64,
    /// Levers, initiatives and dilemma answers paid this quarter.
    pub spending: f64,
    pub profit: f64,
    pub cumulative_profit: f64,
    /// Cash paid out to the owners this quarter (not part of spending).
    pub payout: f64,
    /// What the owners earned on every payout so far (see
    /// [`super::State::owner_return`]).
    pub owner_return: f64,
    /// The profit the board expected this quarter.
    pub expected_profit: f64,
    /// Share of customers lost this quarter.
    pub churn: f64,
    pub nps: f64,
    pub customers: f64,
    pub acquired: f64,
    /// Customer equity from lasting effects only (see `lasting_equity`).
    pub customer_equity: f64,
    /// Culture where the levers are taking it (what the score counts).
    pub lasting_culture: f64,
    /// Change load this quarter (above capacity it breeds fatigue).
    pub load: f64,
    /// The scenario's score if the game ended now.
    pub score: f64,
}

/// What the player sees of the customers: counts and NPS with measurement
/// noise that shrinks as insight grows.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Reported {
    pub advocates: f64,
    pub valuable: f64,
    pub regular: f64,
    pub costly: f64,
    pub nps: f64,
    /// Relative measurement error (1 standard deviation) this quarter.
    pub noise: f64,
}

impl Reported {
    /// The reported count of a segment.
    pub fn segment(&self, stock: Stock) -> Option<f64> {
        match stock {
            Stock::Advocates => Some(self.advocates),
            Stock::Valuable => Some(self.valuable),
            Stock::Regular => Some(self.regular),
            Stock::Costly => Some(self.costly),
            _ => None,
        }
    }
}

/// Everything one quarter produced.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuarterReport {
    /// The quarter played, from 1.
    pub quarter: u32,
    pub decisions: Decisions,
    /// Stocks at the end of the quarter.
    pub stocks: Stocks,
    pub kpis: Kpis,
    pub reported: Reported,
    pub ledger: Ledger,
    pub news: Vec<News>,
    pub outcome: Outcome,
    /// Checksum of the state after the quarter.
    pub checksum: u64,
}

impl Kpis {
    /// The value of a KPI the score can weigh, with `stocks` the stocks at
    /// the end of the same quarter.
    pub fn kpi(&self, stocks: &Stocks, kpi: Kpi) -> f64 {
        let s = stocks;
        match kpi {
            Kpi::CumulativeProfit => self.cumulative_profit,
            Kpi::Profit => self.profit,
            Kpi::Revenue => self.revenue,
            Kpi::Culture => s.get(Stock::Culture),
            Kpi::LastingCulture => self.lasting_culture,
            Kpi::Engagement => s.get(Stock::Engagement),
            Kpi::Experience => s.get(Stock::Experience),
            Kpi::Nps => self.nps,
            Kpi::CustomerEquity => self.customer_equity,
            Kpi::Customers => self.customers,
            Kpi::Advocates => s.get(Stock::Advocates),
            Kpi::Cash => s.get(Stock::Cash),
            Kpi::Board => s.get(Stock::Board),
            Kpi::OwnerReturn => self.owner_return,
        }
    }
}

impl QuarterReport {
    /// The value of a KPI the score can weigh.
    pub fn kpi(&self, kpi: Kpi) -> f64 {
        self.kpis.kpi(&self.stocks, kpi)
    }
}

/// The score of a quarter's figures under the scenario's formula.
pub fn score(rules: &Rules, report: &QuarterReport) -> f64 {
    score_of(rules, &report.kpis, &report.stocks, report.outcome)
}

/// [`score`] from the parts of a report: its figures, the stocks at the
/// end of the quarter and how the game stands.
pub(crate) fn score_of(rules: &Rules, kpis: &Kpis, stocks: &Stocks, outcome: Outcome) -> f64 {
    let mut total = 0.0;
    for (kpi, weight) in &rules.scoring.weights {
        total += weight * kpis.kpi(stocks, *kpi);
    }
    if outcome.is_game_over() {
        total -= rules.scoring.game_over_penalty;
    }
    total
}

//! A game reduced to the figures the lab compares: every metric an
//! `[[expect]]` rule can name, per quarter. A game that ended early keeps
//! its last figures for the quarters it did not play, with `game_over` set.

use crate::scenario::Metric;
use crate::sim::{Kpi, Kpis, Outcome, QuarterReport, Stock, Stocks};

/// Metrics per quarter: score, the KPIs, the stocks, game over.
const WIDTH: usize = 1 + Kpi::ALL.len() + Stock::ALL.len() + 1;

/// One row: every metric at the end of one quarter.
pub type Row = [f64; WIDTH];

fn column(metric: Metric) -> usize {
    match metric {
        Metric::Score => 0,
        Metric::Kpi(k) => 1 + Kpi::ALL.iter().position(|x| *x == k).unwrap_or(0),
        Metric::Stock(s) => 1 + Kpi::ALL.len() + s.index(),
        Metric::GameOver => WIDTH - 1,
    }
}

/// A game's figures, quarter by quarter (index 0 is quarter 1).
#[derive(Clone, Debug, PartialEq)]
pub struct Trajectory {
    rows: Vec<Row>,
}

impl Trajectory {
    /// Reduces a game's reports, padded to `quarters` quarters.
    pub fn from_reports(reports: &[QuarterReport], quarters: u32) -> Trajectory {
        let mut t = Trajectory::with_capacity(quarters);
        for r in reports {
            t.push(r);
        }
        t.finish(quarters);
        t
    }

    /// An empty trajectory with room for `quarters` quarters.
    pub fn with_capacity(quarters: u32) -> Trajectory {
        Trajectory {
            rows: Vec::with_capacity(quarters as usize),
        }
    }

    /// Adds the next quarter's figures.
    pub fn push(&mut self, report: &QuarterReport) {
        self.push_figures(&report.kpis, &report.stocks, report.outcome);
    }

    /// Adds the next quarter's figures from the parts of its report.
    pub(crate) fn push_figures(&mut self, kpis: &Kpis, stocks: &Stocks, outcome: Outcome) {
        self.rows.push(row(kpis, stocks, outcome));
    }

    /// Pads a game that ended early to `quarters` quarters with its last
    /// figures.
    pub fn finish(&mut self, quarters: u32) {
        if let Some(last) = self.rows.last().copied() {
            while self.rows.len() < quarters as usize {
                self.rows.push(last);
            }
        }
    }

    /// A metric at the end of quarter `q` (from 1); NaN when out of range.
    pub fn get(&self, metric: Metric, q: u32) -> f64 {
        let i = (q as usize).wrapping_sub(1);
        self.rows.get(i).map_or(f64::NAN, |r| r[column(metric)])
    }

    /// A metric at the end of the game.
    pub fn last(&self, metric: Metric) -> f64 {
        self.rows.last().map_or(f64::NAN, |r| r[column(metric)])
    }

    /// Whether the game ended early.
    pub fn game_over(&self) -> bool {
        self.last(Metric::GameOver) > 0.5
    }
}

fn row(kpis: &Kpis, stocks: &Stocks, outcome: Outcome) -> Row {
    let mut row = [0.0; WIDTH];
    row[0] = kpis.score;
    for (i, k) in Kpi::ALL.iter().enumerate() {
        row[1 + i] = kpis.kpi(stocks, *k);
    }
    for s in Stock::ALL {
        row[1 + Kpi::ALL.len() + s.index()] = stocks.get(s);
    }
    row[WIDTH - 1] = if outcome.is_game_over() { 1.0 } else { 0.0 };
    row
}

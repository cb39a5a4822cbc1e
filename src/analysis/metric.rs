//! The figures of the KPI panel: how each is read from a quarter report
//! (customer counts and NPS as the player *sees* them, with measurement
//! noise), its value before the first quarter, and which part of the why
//! ledger explains it.

use crate::sim::{QuarterReport, Rules, Stock, baseline_profit, loyalty, price_factor};

/// One row of the KPI panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Metric {
    Culture,
    Engagement,
    Experience,
    Fatigue,
    Nps,
    Advocates,
    Valuable,
    Regular,
    Costly,
    Revenue,
    Profit,
    Cash,
    Board,
    Score,
}

/// Where the why overlay finds a metric's explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// The terms of this stock sum to the metric's change.
    Change(Stock),
    /// The metric follows this stock; its terms explain the stock's change.
    Follows(Stock),
    /// The metric is a flow: these cash terms are its parts each quarter
    /// (`true`: only the income terms).
    Parts { income_only: bool },
    /// The score: its weighted figures (and any penalty) each quarter.
    Score,
}

impl Metric {
    /// Every metric, in panel order.
    pub const ALL: [Metric; 14] = [
        Metric::Culture,
        Metric::Engagement,
        Metric::Experience,
        Metric::Fatigue,
        Metric::Nps,
        Metric::Advocates,
        Metric::Valuable,
        Metric::Regular,
        Metric::Costly,
        Metric::Revenue,
        Metric::Profit,
        Metric::Cash,
        Metric::Board,
        Metric::Score,
    ];

    /// A short name for the panel (at most 11 characters).
    pub fn label(self) -> &'static str {
        match self {
            Metric::Culture => "Culture",
            Metric::Engagement => "Engagement",
            Metric::Experience => "Experience",
            Metric::Fatigue => "Fatigue",
            Metric::Nps => "NPS",
            Metric::Advocates => "Advocates",
            Metric::Valuable => "Valuable",
            Metric::Regular => "Regular",
            Metric::Costly => "Costly",
            Metric::Revenue => "Revenue",
            Metric::Profit => "Profit",
            Metric::Cash => "Cash",
            Metric::Board => "Board",
            Metric::Score => "Score",
        }
    }

    /// The full name, for titles.
    pub fn name(self) -> &'static str {
        match self {
            Metric::Culture => "Customer culture",
            Metric::Engagement => "Employee engagement",
            Metric::Experience => "Customer experience",
            Metric::Fatigue => "Change fatigue",
            Metric::Nps => "Net promoter score",
            Metric::Advocates => "Advocate customers",
            Metric::Valuable => "Valuable customers",
            Metric::Regular => "Regular customers",
            Metric::Costly => "Costly customers",
            Metric::Revenue => "Revenue",
            Metric::Profit => "Profit",
            Metric::Cash => "Cash",
            Metric::Board => "Board confidence",
            Metric::Score => "Score",
        }
    }

    /// Decimals shown: indices get one, counts and money none.
    pub fn decimals(self) -> usize {
        match self {
            Metric::Culture
            | Metric::Engagement
            | Metric::Experience
            | Metric::Fatigue
            | Metric::Board
            | Metric::Score => 1,
            _ => 0,
        }
    }

    /// Whether a rise is good news.
    pub fn higher_is_better(self) -> bool {
        !matches!(self, Metric::Costly | Metric::Fatigue)
    }

    /// Whether the figure is a measurement with noise.
    pub fn measured(self) -> bool {
        matches!(
            self,
            Metric::Nps | Metric::Advocates | Metric::Valuable | Metric::Regular | Metric::Costly
        )
    }

    /// The figure after a quarter, as the player sees it.
    pub fn value(self, r: &QuarterReport) -> f64 {
        let s = &r.stocks;
        match self {
            Metric::Culture => s.get(Stock::Culture),
            Metric::Engagement => s.get(Stock::Engagement),
            Metric::Experience => s.get(Stock::Experience),
            Metric::Fatigue => s.get(Stock::Fatigue),
            Metric::Nps => r.reported.nps,
            Metric::Advocates => r.reported.advocates,
            Metric::Valuable => r.reported.valuable,
            Metric::Regular => r.reported.regular,
            Metric::Costly => r.reported.costly,
            Metric::Revenue => r.kpis.revenue,
            Metric::Profit => r.kpis.profit,
            Metric::Cash => s.get(Stock::Cash),
            Metric::Board => s.get(Stock::Board),
            Metric::Score => r.kpis.score,
        }
    }

    /// The figure before the first quarter (the organization as it starts).
    pub fn start(self, rules: &Rules) -> f64 {
        let s = &rules.start;
        match self {
            Metric::Culture => s.get(Stock::Culture),
            Metric::Engagement => s.get(Stock::Engagement),
            Metric::Experience => s.get(Stock::Experience),
            Metric::Fatigue => s.get(Stock::Fatigue),
            Metric::Nps => loyalty(&rules.params, s.get(Stock::Experience), 1.0)
                .nps()
                .round(),
            Metric::Advocates => s.get(Stock::Advocates),
            Metric::Valuable => s.get(Stock::Valuable),
            Metric::Regular => s.get(Stock::Regular),
            Metric::Costly => s.get(Stock::Costly),
            Metric::Revenue => {
                let list: f64 = Stock::SEGMENTS
                    .iter()
                    .zip(rules.economics.price)
                    .map(|(seg, price)| s.get(*seg) * price)
                    .sum();
                price_factor(rules, s.get(Stock::Experience), 1.0) * list
            }
            Metric::Profit => baseline_profit(rules),
            Metric::Cash => s.get(Stock::Cash),
            Metric::Board => s.get(Stock::Board),
            Metric::Score => super::explain::start_score_parts(rules)
                .iter()
                .map(|p| p.1)
                .sum(),
        }
    }

    /// The start value followed by the value after every quarter played.
    pub fn series(self, rules: &Rules, history: &[QuarterReport]) -> Vec<f64> {
        let mut v = Vec::with_capacity(history.len() + 1);
        v.push(self.start(rules));
        v.extend(history.iter().map(|r| self.value(r)));
        v
    }

    /// Where its explanation lives in the why ledger.
    pub fn why(self) -> Why {
        match self {
            Metric::Culture => Why::Change(Stock::Culture),
            Metric::Engagement => Why::Change(Stock::Engagement),
            Metric::Experience => Why::Change(Stock::Experience),
            Metric::Fatigue => Why::Change(Stock::Fatigue),
            Metric::Nps => Why::Follows(Stock::Experience),
            Metric::Advocates => Why::Change(Stock::Advocates),
            Metric::Valuable => Why::Change(Stock::Valuable),
            Metric::Regular => Why::Change(Stock::Regular),
            Metric::Costly => Why::Change(Stock::Costly),
            Metric::Revenue => Why::Parts { income_only: true },
            Metric::Profit => Why::Parts { income_only: false },
            Metric::Cash => Why::Change(Stock::Cash),
            Metric::Board => Why::Change(Stock::Board),
            Metric::Score => Why::Score,
        }
    }

    /// The next metric in panel order (wrapping), or the previous one.
    pub fn step(self, forward: bool) -> Metric {
        let n = Metric::ALL.len();
        let i = Metric::ALL.iter().position(|m| *m == self).unwrap_or(0);
        let j = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        Metric::ALL[j]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{Decisions, Game};
    use std::sync::Arc;

    #[test]
    fn series_start_from_the_organization_as_it_begins() {
        let rules = Arc::new(Rules::default());
        let mut game = Game::new(Arc::clone(&rules), 3);
        assert!(game.advance(&Decisions::default()).is_ok());
        for m in Metric::ALL {
            let s = m.series(&rules, game.history());
            assert_eq!(s.len(), 2);
            assert!(s.iter().all(|v| v.is_finite()), "{m:?}");
        }
        assert_eq!(Metric::Cash.series(&rules, &[])[0], 1500.0);
    }

    #[test]
    fn stepping_wraps_both_ways() {
        assert_eq!(Metric::Score.step(true), Metric::Culture);
        assert_eq!(Metric::Culture.step(false), Metric::Score);
    }
}

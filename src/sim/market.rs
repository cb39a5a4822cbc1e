//! The shared market: 1–6 firms of the same scenario compete for one pool
//! of prospects, quarter by quarter. Each firm keeps its own [`State`] and
//! its own why ledger; this module only says what moves *between* firms,
//! and hands each firm's share to the ordinary quarter ([`advance`]) as an
//! [`Exchange`]:
//! - the prospects of all firms form one pool, split each quarter by pull
//!   (the quarter's marketing, the experience customers have had, and the
//!   price they pay), so each firm's share of new customers is its pull
//!   against the others';
//! - of the customers a firm lost last quarter who went back to the
//!   market, part go straight to the rivals, by their experience;
//! - advocates refer to their own firm (referrals stay in each firm's step).
//!
//! Each scenario describes one firm's slice of the market: N firms make a
//! market of N slices, so a firm's economics do not depend on the class
//! size. With one firm every exchange is exactly zero, no term is written
//! and the quarter is bit-identical to the solo game (tested).
//!
//! [`advance`]: super::advance

use super::advance::advance_in;
use super::book::Book;
use super::decision::{DecisionError, Decisions};
use super::effect::Driver;
use super::event::Drivers;
use super::ledger::Cause;
use super::report::QuarterReport;
use super::rules::Rules;
use super::state::State;
use super::stock::Stock;

/// Most firms in one market (as in Capsim's or Markstrat's industries).
pub const MAX_FIRMS: usize = 6;

/// Share of last quarter's leavers (those who went back to the market)
/// who would go to rivals if the rivals' experience were all there is.
const SWITCH_SHARE: f64 = 0.6;

/// The ledger names of the market's terms, in one place for the reports.
pub const DRAWN_FROM_RIVALS: &str = "prospects drawn from rivals";
pub const DRAWN_BY_RIVALS: &str = "prospects drawn by rivals";
pub const WON_FROM_RIVALS: &str = "customers won from rivals";
pub const LOST_TO_RIVALS: &str = "customers lost to rivals";
/// The solo model's term for leavers who return to the prospect pool.
const BACK_IN_MARKET: &str = "lost customers back in the market";

/// What the market moves into or out of one firm this quarter.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Exchange {
    /// Prospects moved to this firm's part of the pool (negative: away).
    pub drawn: f64,
    /// Last quarter's leavers from this firm who went to rivals.
    pub lost: f64,
    /// Leavers from rivals who became this firm's customers.
    pub won: f64,
}

impl Exchange {
    /// Writes the exchange into the firm's book; a zero flow writes no
    /// term, so a lone firm's ledger is the solo ledger.
    pub(crate) fn book<const R: bool>(&self, book: &mut Book<R>) {
        if self.drawn > 0.0 {
            book.term(Stock::Prospects, DRAWN_FROM_RIVALS, self.drawn);
        } else if self.drawn < 0.0 {
            book.term(Stock::Prospects, DRAWN_BY_RIVALS, self.drawn);
        }
        if self.lost > 0.0 {
            book.term(Stock::Prospects, LOST_TO_RIVALS, -self.lost);
        }
        if self.won > 0.0 {
            book.term(Stock::Regular, WON_FROM_RIVALS, self.won);
        }
    }
}

/// Why a market quarter cannot be played.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum MarketError {
    #[error("a market has 1 to {MAX_FIRMS} firms, not {0}")]
    Firms(usize),
    #[error("{given} sets of decisions for {firms} firms")]
    Count { given: usize, firms: usize },
    #[error("firm {firm}: {error}")]
    Decision { firm: usize, error: DecisionError },
}

/// A market between quarters: every firm's state and what carries over.
#[derive(Clone, Debug, PartialEq)]
pub struct Market {
    firms: Vec<State>,
    /// Each firm's leavers of last quarter who went back to the market.
    returned: Vec<f64>,
}

impl Market {
    /// `firms` firms of these rules, all from the same seed: the market's
    /// events are the same for everyone, as in one industry.
    pub fn new(rules: &Rules, seed: u64, firms: usize) -> Result<Market, MarketError> {
        if firms == 0 || firms > MAX_FIRMS {
            return Err(MarketError::Firms(firms));
        }
        Ok(Market {
            firms: vec![State::new(rules, seed); firms],
            returned: vec![0.0; firms],
        })
    }

    pub fn firms(&self) -> &[State] {
        &self.firms
    }

    /// Quarters played (the same for every firm that is still in).
    pub fn quarter(&self) -> u32 {
        self.firms.iter().map(|f| f.quarter).max().unwrap_or(0)
    }

    /// Whether no firm can play another quarter.
    pub fn is_over(&self, rules: &Rules) -> bool {
        self.firms.iter().all(|f| f.is_over(rules))
    }

    /// Plays one quarter for every firm still in the game. A firm that is
    /// out (bankrupt, board out, finished) gets `None` and stays as it is,
    /// out of the pool. On any error nothing changes.
    pub fn advance(
        &mut self,
        rules: &Rules,
        decisions: &[Decisions],
    ) -> Result<Vec<Option<QuarterReport>>, MarketError> {
        let n = self.firms.len();
        if decisions.len() != n {
            return Err(MarketError::Count {
                given: decisions.len(),
                firms: n,
            });
        }
        let active: Vec<bool> = self.firms.iter().map(|f| !f.is_over(rules)).collect();
        if !active.iter().any(|a| *a) {
            return Err(MarketError::Decision {
                firm: 0,
                error: DecisionError::GameOver,
            });
        }
        let exchanges = self.exchanges(rules, decisions, &active);
        let mut next = self.firms.clone();
        let mut reports = Vec::with_capacity(n);
        let mut returned = vec![0.0; n];
        for i in 0..n {
            if !active[i] {
                reports.push(None);
                continue;
            }
            let report = advance_in(rules, &mut next[i], &decisions[i], Some(&exchanges[i]))
                .map_err(|error| MarketError::Decision { firm: i, error })?;
            returned[i] = report
                .ledger
                .for_stock(Stock::Prospects)
                .filter(|t| t.cause == Cause::Model(BACK_IN_MARKET))
                .map(|t| t.value)
                .sum();
            reports.push(Some(report));
        }
        self.firms = next;
        self.returned = returned;
        Ok(reports)
    }

    /// What moves between the active firms this quarter.
    fn exchanges(&self, rules: &Rules, decisions: &[Decisions], active: &[bool]) -> Vec<Exchange> {
        let n = self.firms.len();
        let mut out = vec![Exchange::default(); n];
        // Switching: each firm's returned leavers go to a rival by the
        // rival's experience (squared: word of a good experience travels).
        let taste: Vec<f64> = (0..n)
            .map(|i| {
                let x = self.firms[i].get(Stock::Experience) / 100.0;
                if active[i] { 0.01 + x * x } else { 0.0 }
            })
            .collect();
        let all: f64 = taste.iter().sum();
        for j in (0..n).filter(|j| active[*j]) {
            let rivals = all - taste[j];
            if rivals <= 0.0 || all <= 0.0 {
                continue;
            }
            let leaving = (SWITCH_SHARE * self.returned[j] * rivals / all)
                .min(self.firms[j].get(Stock::Prospects))
                .max(0.0);
            if leaving <= 0.0 {
                continue;
            }
            out[j].lost += leaving;
            for k in (0..n).filter(|k| *k != j && active[*k]) {
                out[k].won += leaving * taste[k] / rivals;
            }
        }
        // The pool: every active firm's prospects after switching, split by
        // pull. One firm's share is exactly 1, so nothing is drawn.
        let left: Vec<f64> = (0..n)
            .map(|i| self.firms[i].get(Stock::Prospects) - out[i].lost)
            .collect();
        let pull: Vec<f64> = (0..n)
            .map(|i| {
                if active[i] {
                    pull(rules, &self.firms[i], &decisions[i])
                } else {
                    0.0
                }
            })
            .collect();
        let pool: f64 = (0..n).filter(|i| active[*i]).map(|i| left[i]).sum();
        let total: f64 = pull.iter().sum();
        if total > 0.0 {
            for i in (0..n).filter(|i| active[*i]) {
                out[i].drawn = pool * (pull[i] / total) - left[i];
            }
        }
        out
    }
}

/// How strongly a firm draws prospects: the quarter's marketing (with the
/// model's diminishing returns), the experience its customers talk about,
/// and its price (a price rise pushes prospects to rivals).
fn pull(rules: &Rules, firm: &State, decisions: &Decisions) -> f64 {
    let p = &rules.params;
    let x = firm.get(Stock::Experience) / 100.0;
    let m = decisions.marketing.max(0.0);
    let marketing = 1.0 + m / (m + p.marketing_half);
    let price = Drivers::from_effects(&firm.effects)
        .get(Driver::Price)
        .max(0.1);
    // Squared, as in switching: prospects hear about experience from
    // others, and a few points of it are worth as much as a big budget.
    let reputation = 0.01 + x * x;
    marketing * reputation / (price * price)
}

/// Each firm's share of all customers in the market (0 for every firm of
/// an empty market); the shares sum to 1 up to rounding.
pub fn market_shares(firms: &[State]) -> Vec<f64> {
    let customers: Vec<f64> = firms.iter().map(|f| f.stocks.customers()).collect();
    let total: f64 = customers.iter().sum();
    customers
        .iter()
        .map(|c| if total > 0.0 { c / total } else { 0.0 })
        .collect()
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    fn spend(marketing: f64) -> Decisions {
        Decisions {
            vision: 20.0,
            insight: 20.0,
            skills: 20.0,
            marketing,
            ..Decisions::default()
        }
    }

    #[test]
    fn a_market_has_one_to_six_firms() {
        let rules = Rules::default();
        assert!(Market::new(&rules, 1, 0).is_err());
        assert!(Market::new(&rules, 1, 7).is_err());
        assert!(Market::new(&rules, 1, 6).is_ok());
    }

    #[test]
    fn more_marketing_draws_prospects_from_rivals() {
        let rules = Rules::default();
        let Ok(mut market) = Market::new(&rules, 3, 2) else {
            panic!("two firms")
        };
        let Ok(reports) = market.advance(&rules, &[spend(0.0), spend(60.0)]) else {
            panic!("a quarter")
        };
        let drawn = |i: usize, name: &'static str| -> f64 {
            reports[i].as_ref().map_or(0.0, move |r| {
                r.ledger
                    .for_stock(Stock::Prospects)
                    .filter(|t| t.cause == Cause::Model(name))
                    .map(|t| t.value)
                    .sum()
            })
        };
        assert!(drawn(0, DRAWN_BY_RIVALS) < 0.0);
        assert!(drawn(1, DRAWN_FROM_RIVALS) > 0.0);
        assert!((drawn(0, DRAWN_BY_RIVALS) + drawn(1, DRAWN_FROM_RIVALS)).abs() < 1e-9);
    }

    #[test]
    fn wrong_number_of_decisions_changes_nothing() {
        let rules = Rules::default();
        let Ok(mut market) = Market::new(&rules, 3, 3) else {
            panic!("three firms")
        };
        let before = market.clone();
        assert!(market.advance(&rules, &[spend(0.0)]).is_err());
        let bad = Decisions {
            marketing: -1.0,
            ..Decisions::default()
        };
        assert!(matches!(
            market.advance(&rules, &[spend(0.0), spend(0.0), bad]),
            Err(MarketError::Decision { firm: 2, .. })
        ));
        assert_eq!(market, before);
    }
}

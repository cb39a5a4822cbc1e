//! The stocks of the model — the quantities that carry from one quarter to
//! the next — and a compact array that holds one value for each.

use serde::Serialize;

/// One stock of the model. Indices are 0–100; customer segments and
/// prospects are counts; cash is money.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stock {
    Vision,
    Insight,
    Skills,
    Fatigue,
    Culture,
    Engagement,
    Experience,
    Board,
    Advocates,
    Valuable,
    Regular,
    Costly,
    Prospects,
    Cash,
}

/// What kind of quantity a stock is, which sets its bounds and formatting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StockKind {
    /// An index between 0 and 100.
    Index,
    /// A number of customers or prospects, never negative.
    Count,
    /// Money; may go negative (down to the credit line).
    Money,
}

impl Stock {
    /// Every stock, in the order the model and the reports use.
    pub const ALL: [Stock; 14] = [
        Stock::Vision,
        Stock::Insight,
        Stock::Skills,
        Stock::Fatigue,
        Stock::Culture,
        Stock::Engagement,
        Stock::Experience,
        Stock::Board,
        Stock::Advocates,
        Stock::Valuable,
        Stock::Regular,
        Stock::Costly,
        Stock::Prospects,
        Stock::Cash,
    ];

    /// The four customer segments, most valuable first.
    pub const SEGMENTS: [Stock; 4] = [
        Stock::Advocates,
        Stock::Valuable,
        Stock::Regular,
        Stock::Costly,
    ];

    /// The key used in files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Stock::Vision => "vision",
            Stock::Insight => "insight",
            Stock::Skills => "skills",
            Stock::Fatigue => "fatigue",
            Stock::Culture => "culture",
            Stock::Engagement => "engagement",
            Stock::Experience => "experience",
            Stock::Board => "board",
            Stock::Advocates => "advocates",
            Stock::Valuable => "valuable",
            Stock::Regular => "regular",
            Stock::Costly => "costly",
            Stock::Prospects => "prospects",
            Stock::Cash => "cash",
        }
    }

    /// A name for people.
    pub fn label(self) -> &'static str {
        match self {
            Stock::Vision => "Vision buy-in",
            Stock::Insight => "Customer insight",
            Stock::Skills => "Customer skills",
            Stock::Fatigue => "Change fatigue",
            Stock::Culture => "Customer culture",
            Stock::Engagement => "Engagement",
            Stock::Experience => "Customer experience",
            Stock::Board => "Board confidence",
            Stock::Advocates => "Advocates",
            Stock::Valuable => "Valuable customers",
            Stock::Regular => "Regular customers",
            Stock::Costly => "Costly customers",
            Stock::Prospects => "Prospects",
            Stock::Cash => "Cash",
        }
    }

    /// Looks a stock up by its key.
    pub fn from_key(key: &str) -> Option<Stock> {
        Stock::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The kind of quantity, which sets the bounds.
    pub fn kind(self) -> StockKind {
        match self {
            Stock::Advocates
            | Stock::Valuable
            | Stock::Regular
            | Stock::Costly
            | Stock::Prospects => StockKind::Count,
            Stock::Cash => StockKind::Money,
            _ => StockKind::Index,
        }
    }

    /// Position in [`Stock::ALL`] and in [`Stocks`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The lowest and highest value the stock may take.
    pub fn bounds(self) -> (f64, f64) {
        match self.kind() {
            StockKind::Index => (0.0, 100.0),
            StockKind::Count => (0.0, 1.0e9),
            StockKind::Money => (-1.0e12, 1.0e12),
        }
    }
}

/// One value per stock, indexed by [`Stock`].
#[derive(Clone, Debug, PartialEq, Default, Serialize)]
pub struct Stocks(pub [f64; 14]);

impl Stocks {
    /// The value of one stock.
    pub fn get(&self, stock: Stock) -> f64 {
        self.0[stock.index()]
    }

    /// Sets the value of one stock.
    pub fn set(&mut self, stock: Stock, value: f64) {
        self.0[stock.index()] = value;
    }

    /// All customers, across the four segments.
    pub fn customers(&self) -> f64 {
        Stock::SEGMENTS.iter().map(|s| self.get(*s)).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_indices_match_order() {
        for (i, s) in Stock::ALL.iter().enumerate() {
            assert_eq!(Stock::from_key(s.key()), Some(*s));
            assert_eq!(s.index(), i);
        }
        assert_eq!(Stock::from_key("morale"), None);
    }
}

//! `Rules`: everything the model needs to know about a scenario, already
//! validated. The `scenario` module builds it from TOML; tests build it in
//! code. The model trusts it: every number here is finite and in range.

use super::effect::Effect;
use super::params::ModelParams;
use super::stock::{Stock, Stocks};
use serde::Serialize;

/// Revenue and cost to serve per customer per quarter, by segment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Economics {
    /// Revenue per customer per quarter, in the order of [`Stock::SEGMENTS`].
    pub price: [f64; 4],
    /// Cost to serve per customer per quarter, same order.
    pub cost_to_serve: [f64; 4],
    /// Fixed costs per quarter.
    pub fixed_costs: f64,
    /// Prospects entering the market each quarter.
    pub market_growth: f64,
}

impl Default for Economics {
    fn default() -> Self {
        Self {
            price: [10.0, 10.0, 3.0, 2.0],
            cost_to_serve: [5.6, 6.0, 2.9, 3.15],
            fixed_costs: 300.0,
            market_growth: 60.0,
        }
    }
}

/// What the board expects each quarter.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Expectation {
    /// Last quarter's profit.
    Previous,
    /// A fixed profit per quarter.
    Fixed(f64),
}

/// A test on the state: `stock` below or above a value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Condition {
    pub stock: Stock,
    pub below: Option<f64>,
    pub above: Option<f64>,
}

impl Condition {
    /// Whether the stocks meet the condition.
    pub fn holds(&self, stocks: &Stocks) -> bool {
        let v = stocks.get(self.stock);
        self.below.is_none_or(|b| v < b) && self.above.is_none_or(|a| v > a)
    }

    /// The condition in words, e.g. "skills below 50".
    pub fn describe(&self) -> String {
        let num = |x: f64| {
            let s = format!("{x:.2}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        };
        match (self.below, self.above) {
            (Some(b), Some(a)) => format!("{} between {} and {}", self.stock.key(), num(a), num(b)),
            (Some(b), None) => format!("{} below {}", self.stock.key(), num(b)),
            (None, Some(a)) => format!("{} above {}", self.stock.key(), num(a)),
            (None, None) => format!("{} any", self.stock.key()),
        }
    }
}

/// When an event or dilemma happens.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trigger {
    /// Scheduled for exactly this quarter (1-based); `chance` is then ignored.
    pub quarter: Option<u32>,
    /// Probability per quarter while eligible.
    pub chance: f64,
    /// First quarter it may happen.
    pub earliest: u32,
    /// Last quarter it may happen.
    pub latest: u32,
    /// How many times it may happen in one game.
    pub max_times: u32,
    /// All must hold (on last quarter's state) for it to happen.
    pub conditions: Vec<Condition>,
}

impl Default for Trigger {
    fn default() -> Self {
        Self {
            quarter: None,
            chance: 0.0,
            earliest: 1,
            latest: u32::MAX,
            max_times: 1,
            conditions: Vec::new(),
        }
    }
}

/// A random or scheduled event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventDef {
    pub id: String,
    pub title: String,
    /// The news text the player reads.
    pub text: String,
    pub trigger: Trigger,
    pub effects: Vec<Effect>,
}

/// One answer to a dilemma.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
    /// What happens, told after the choice.
    pub text: String,
    /// Money paid in the quarter it is chosen.
    pub cost: f64,
    pub effects: Vec<Effect>,
}

/// An event that asks the player to choose.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DilemmaDef {
    pub id: String,
    pub title: String,
    pub text: String,
    pub trigger: Trigger,
    pub choices: Vec<Choice>,
    /// Index of the choice taken when the player gives no answer.
    pub default_choice: usize,
}

/// A one-off programme the player may start.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InitiativeDef {
    pub id: String,
    pub title: String,
    pub text: String,
    pub cost: f64,
    /// Quarters before it can be started again (counting the quarter it starts).
    pub cooldown: u32,
    /// Change load it adds in the quarter it starts.
    pub load: f64,
    pub effects: Vec<Effect>,
}

/// A figure the scoring formula can weigh.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kpi {
    CumulativeProfit,
    Profit,
    Revenue,
    Culture,
    LastingCulture,
    Engagement,
    Experience,
    Nps,
    CustomerEquity,
    Customers,
    Advocates,
    Cash,
    Board,
    OwnerReturn,
}

impl Kpi {
    /// Every KPI the score may use.
    pub const ALL: [Kpi; 14] = [
        Kpi::CumulativeProfit,
        Kpi::Profit,
        Kpi::Revenue,
        Kpi::Culture,
        Kpi::LastingCulture,
        Kpi::Engagement,
        Kpi::Experience,
        Kpi::Nps,
        Kpi::CustomerEquity,
        Kpi::Customers,
        Kpi::Advocates,
        Kpi::Cash,
        Kpi::Board,
        Kpi::OwnerReturn,
    ];

    /// The key used in files.
    pub fn key(self) -> &'static str {
        match self {
            Kpi::CumulativeProfit => "cumulative_profit",
            Kpi::Profit => "profit",
            Kpi::Revenue => "revenue",
            Kpi::Culture => "culture",
            Kpi::LastingCulture => "lasting_culture",
            Kpi::Engagement => "engagement",
            Kpi::Experience => "experience",
            Kpi::Nps => "nps",
            Kpi::CustomerEquity => "customer_equity",
            Kpi::Customers => "customers",
            Kpi::Advocates => "advocates",
            Kpi::Cash => "cash",
            Kpi::Board => "board",
            Kpi::OwnerReturn => "owner_return",
        }
    }

    /// A name for people.
    pub fn label(self) -> &'static str {
        match self {
            Kpi::CumulativeProfit => "cumulative profit",
            Kpi::Profit => "last quarter's profit",
            Kpi::Revenue => "last quarter's revenue",
            Kpi::Culture => "customer culture",
            Kpi::LastingCulture => "lasting culture",
            Kpi::Engagement => "engagement",
            Kpi::Experience => "customer experience",
            Kpi::Nps => "NPS",
            Kpi::CustomerEquity => "customer equity",
            Kpi::Customers => "customers",
            Kpi::Advocates => "advocates",
            Kpi::Cash => "cash",
            Kpi::Board => "board confidence",
            Kpi::OwnerReturn => "owners' return on payouts",
        }
    }

    /// Looks a KPI up by key.
    pub fn from_key(key: &str) -> Option<Kpi> {
        Kpi::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// The score: a weighted sum of end-of-quarter figures, visible to players.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scoring {
    pub weights: Vec<(Kpi, f64)>,
    /// Points taken off when the game ends early.
    pub game_over_penalty: f64,
}

impl Default for Scoring {
    fn default() -> Self {
        Self {
            weights: vec![
                (Kpi::CumulativeProfit, 0.01),
                (Kpi::OwnerReturn, 0.01),
                (Kpi::LastingCulture, 1.0),
                (Kpi::CustomerEquity, 0.002),
            ],
            game_over_penalty: 100.0,
        }
    }
}

impl Scoring {
    /// The formula as players read it, e.g.
    /// "score = 0.01 × cumulative profit + 1 × customer culture".
    pub fn formula(&self) -> String {
        let mut out = String::from("score =");
        for (i, (kpi, w)) in self.weights.iter().enumerate() {
            let sign = if *w < 0.0 {
                " −"
            } else if i == 0 {
                ""
            } else {
                " +"
            };
            let w = if *w < 0.0 { -*w } else { *w };
            out.push_str(&format!("{sign} {} × {}", fmt_weight(w), kpi.label()));
        }
        if self.game_over_penalty != 0.0 {
            out.push_str(&format!(
                " (− {} if the game ends early)",
                fmt_weight(self.game_over_penalty)
            ));
        }
        out
    }
}

fn fmt_weight(w: f64) -> String {
    let s = format!("{w:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The validated, model-facing definition of a scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rules {
    /// Number of quarters in a full game.
    pub quarters: u32,
    /// The stocks at the start.
    pub start: Stocks,
    /// Money available for the four levers per quarter.
    pub budget: f64,
    /// Cash below this ends the game (usually negative: an overdraft).
    pub credit_line: f64,
    pub economics: Economics,
    pub expectation: Expectation,
    pub params: ModelParams,
    pub events: Vec<EventDef>,
    pub dilemmas: Vec<DilemmaDef>,
    pub initiatives: Vec<InitiativeDef>,
    pub scoring: Scoring,
}

impl Default for Rules {
    /// The reference organization of MODEL.md, with no events.
    fn default() -> Self {
        let mut start = Stocks::default();
        for (stock, value) in [
            (Stock::Vision, 20.0),
            (Stock::Insight, 15.0),
            (Stock::Skills, 25.0),
            (Stock::Fatigue, 0.0),
            (Stock::Culture, 25.0),
            (Stock::Engagement, 30.0),
            (Stock::Experience, 45.0),
            (Stock::Board, 70.0),
            (Stock::Advocates, 50.0),
            (Stock::Valuable, 200.0),
            (Stock::Regular, 600.0),
            (Stock::Costly, 200.0),
            (Stock::Prospects, 6000.0),
            (Stock::Cash, 1500.0),
        ] {
            start.set(stock, value);
        }
        Self {
            quarters: 20,
            start,
            budget: 600.0,
            credit_line: -1000.0,
            economics: Economics::default(),
            expectation: Expectation::Previous,
            params: ModelParams::default(),
            events: Vec::new(),
            dilemmas: Vec::new(),
            initiatives: Vec::new(),
            scoring: Scoring::default(),
        }
    }
}

impl Rules {
    /// Finds an initiative by id.
    pub fn initiative(&self, id: &str) -> Option<(usize, &InitiativeDef)> {
        self.initiatives
            .iter()
            .enumerate()
            .find(|(_, i)| i.id == id)
    }

    /// Finds a dilemma by id.
    pub fn dilemma(&self, id: &str) -> Option<(usize, &DilemmaDef)> {
        self.dilemmas.iter().enumerate().find(|(_, d)| d.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_reads_like_arithmetic() {
        let s = Scoring {
            weights: vec![
                (Kpi::CumulativeProfit, 0.01),
                (Kpi::Culture, 2.0),
                (Kpi::Board, -0.5),
            ],
            game_over_penalty: 100.0,
        };
        assert_eq!(
            s.formula(),
            "score = 0.01 × cumulative profit + 2 × customer culture − 0.5 × board confidence (− 100 if the game ends early)"
        );
    }
}

//! Effects: what an event, a dilemma choice or an initiative does to the
//! model — add to or multiply a stock or a driver, now or for several
//! quarters.

use super::stock::Stock;
use serde::Serialize;

/// A flow of the model that effects can scale or shift while they last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Driver {
    /// Churn rate of every segment (multiply 1.3 = 30% more customers leave).
    Churn,
    /// Price realisation on all revenue.
    Price,
    /// Prospects entering the market each quarter.
    MarketGrowth,
    /// Customers won by marketing and organically.
    Acquisition,
    /// Cost to serve every segment.
    CostToServe,
    /// Fixed costs per quarter.
    FixedCosts,
    /// Culture's momentum (points of light add to it).
    Momentum,
    /// The change load the organization absorbs without fatigue.
    Capacity,
    /// Share of costly accounts re-priced or fixed each quarter (scaled by insight).
    Repricing,
    /// How well vision spending lands (fear during a crisis lowers it).
    VisionGain,
    /// How well skills spending lands (cross-functional teams raise it).
    SkillsGain,
    /// Referrals per advocate.
    Referrals,
    /// The profit the board expects.
    BoardExpectation,
}

impl Driver {
    /// Every driver, in a fixed order.
    pub const ALL: [Driver; 13] = [
        Driver::Churn,
        Driver::Price,
        Driver::MarketGrowth,
        Driver::Acquisition,
        Driver::CostToServe,
        Driver::FixedCosts,
        Driver::Momentum,
        Driver::Capacity,
        Driver::Repricing,
        Driver::VisionGain,
        Driver::SkillsGain,
        Driver::Referrals,
        Driver::BoardExpectation,
    ];

    /// The key used in scenario files.
    pub fn key(self) -> &'static str {
        match self {
            Driver::Churn => "churn",
            Driver::Price => "price",
            Driver::MarketGrowth => "market_growth",
            Driver::Acquisition => "acquisition",
            Driver::CostToServe => "cost_to_serve",
            Driver::FixedCosts => "fixed_costs",
            Driver::Momentum => "momentum",
            Driver::Capacity => "capacity",
            Driver::Repricing => "repricing",
            Driver::VisionGain => "vision_gain",
            Driver::SkillsGain => "skills_gain",
            Driver::Referrals => "referrals",
            Driver::BoardExpectation => "board_expectation",
        }
    }

    /// Looks a driver up by its key.
    pub fn from_key(key: &str) -> Option<Driver> {
        Driver::ALL.into_iter().find(|d| d.key() == key)
    }

    /// What the driver is, for help and schema text.
    pub fn describe(self) -> &'static str {
        match self {
            Driver::Churn => "churn rate of every segment",
            Driver::Price => "price realisation on all revenue",
            Driver::MarketGrowth => "prospects entering the market each quarter",
            Driver::Acquisition => "customers won by marketing and organically",
            Driver::CostToServe => "cost to serve every segment",
            Driver::FixedCosts => "fixed costs per quarter",
            Driver::Momentum => "culture's momentum (points of light)",
            Driver::Capacity => "change load absorbed without fatigue",
            Driver::Repricing => "share of costly accounts fixed each quarter (scaled by insight)",
            Driver::VisionGain => "how well vision spending lands",
            Driver::SkillsGain => "how well skills spending lands",
            Driver::Referrals => "referrals per advocate",
            Driver::BoardExpectation => "the profit the board expects",
        }
    }

    /// The value of the driver when no effect touches it: 1 for the
    /// multipliers, 0 for the additive ones.
    pub fn neutral(self) -> f64 {
        match self {
            Driver::Momentum | Driver::Capacity | Driver::Repricing => 0.0,
            _ => 1.0,
        }
    }
}

/// What an effect changes.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Target {
    Stock(Stock),
    Driver(Driver),
}

impl Target {
    /// Looks a target up by its key (stocks first, then drivers).
    pub fn from_key(key: &str) -> Option<Target> {
        Stock::from_key(key)
            .map(Target::Stock)
            .or_else(|| Driver::from_key(key).map(Target::Driver))
    }

    /// The key used in scenario files.
    pub fn key(self) -> &'static str {
        match self {
            Target::Stock(s) => s.key(),
            Target::Driver(d) => d.key(),
        }
    }

    /// Every valid key, for "did you mean" and the schema.
    pub fn all_keys() -> Vec<&'static str> {
        let mut keys: Vec<&'static str> = Stock::ALL.iter().map(|s| s.key()).collect();
        keys.extend(Driver::ALL.iter().map(|d| d.key()));
        keys
    }
}

/// How an effect applies its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Adds the value (to a stock: each quarter the effect lasts).
    Add,
    /// Multiplies by the value (a stock: once per quarter it lasts).
    Multiply,
}

/// One effect as the scenario defines it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Effect {
    pub target: Target,
    pub op: Op,
    pub value: f64,
    /// How many quarters it lasts, counting the quarter it starts (≥ 1).
    pub quarters: u32,
}

impl Effect {
    /// An effect on `target` that lasts `quarters` quarters.
    pub fn new(target: Target, op: Op, value: f64, quarters: u32) -> Effect {
        Effect {
            target,
            op,
            value,
            quarters,
        }
    }

    /// A short description such as "churn ×1.30 for 4 quarters".
    pub fn describe(&self) -> String {
        let what = match self.op {
            Op::Add if self.value >= 0.0 => format!("{} +{}", self.target.key(), trim(self.value)),
            Op::Add => format!("{} {}", self.target.key(), trim(self.value)),
            Op::Multiply => format!("{} ×{}", self.target.key(), trim(self.value)),
        };
        if self.quarters > 1 {
            format!("{what} for {} quarters", self.quarters)
        } else {
            what
        }
    }
}

fn trim(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Who caused an effect: used to name ledger terms and news.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", content = "index", rename_all = "snake_case")]
pub enum Source {
    /// An event, by its index in the rules.
    Event(u16),
    /// A dilemma and the chosen answer, by index.
    Choice(u16, u16),
    /// An initiative, by index.
    Initiative(u16),
}

/// An effect in force, with the quarters it has left.
#[derive(Clone, Debug, PartialEq)]
pub struct ActiveEffect {
    pub source: Source,
    pub effect: Effect,
    pub remaining: u32,
}

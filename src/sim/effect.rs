//! Effects: what an event, a dilemma choice or an initiative does to the
//! model — add to or multiply a stock or a driver, now or for several
//! quarters.

use super::rules::Condition;
use super::stock::{Stock, Stocks};
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
    /// A crisis, 0 (none) to 1 (full): capacity falls and engagement takes
    /// a shock, both softened by vision built before it; vision spending
    /// lands at about half while it lasts.
    Crisis,
}

impl Driver {
    /// Every driver, in a fixed order.
    pub const ALL: [Driver; 14] = [
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
        Driver::Crisis,
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
            Driver::Crisis => "crisis",
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
            Driver::Crisis => {
                "a crisis, 0 to 1: capacity and engagement fall, vision lands at half"
            }
        }
    }

    /// The range a driver's value is kept in, however effects stack: a
    /// multiplier between 0 and 10, an additive driver within ±10 (the
    /// crisis between 0 and 1), so no flow it scales can run away.
    pub const fn bounds(self) -> (f64, f64) {
        match self {
            Driver::Crisis => (0.0, 1.0),
            Driver::Momentum | Driver::Capacity | Driver::Repricing => (-10.0, 10.0),
            _ => (0.0, 10.0),
        }
    }

    /// The value of the driver when no effect touches it: 1 for the
    /// multipliers, 0 for the additive ones.
    pub const fn neutral(self) -> f64 {
        match self {
            Driver::Momentum | Driver::Capacity | Driver::Repricing | Driver::Crisis => 0.0,
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

/// One effect as the scenario defines it. Its payoff may depend on what
/// the player has built: `when` gates it on the state at the moment it
/// starts, `scale_by` scales it by a stock (0–100 as a share), and `delay`
/// makes it take hold some quarters later (a promise that backfires).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Effect {
    pub target: Target,
    pub op: Op,
    pub value: f64,
    /// How many quarters it lasts, counting the quarter it starts (≥ 1).
    pub quarters: u32,
    /// Quarters before it takes hold (0: at once).
    #[serde(skip_serializing_if = "is_zero")]
    pub delay: u32,
    /// An index stock that scales it: `add` × stock/100, or a multiplier's
    /// distance from 1 × stock/100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale_by: Option<Stock>,
    /// All must hold, on the state when the effect starts, or it does
    /// nothing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<Condition>,
}

fn is_zero(x: &u32) -> bool {
    *x == 0
}

impl Effect {
    /// An effect on `target` that lasts `quarters` quarters.
    pub fn new(target: Target, op: Op, value: f64, quarters: u32) -> Effect {
        Effect {
            target,
            op,
            value,
            quarters,
            delay: 0,
            scale_by: None,
            when: Vec::new(),
        }
    }

    /// The value it takes when started in a state with these stocks, or
    /// `None` when its conditions do not hold.
    pub fn value_in(&self, stocks: &Stocks) -> Option<f64> {
        if !self.when.iter().all(|c| c.holds(stocks)) {
            return None;
        }
        let Some(stock) = self.scale_by else {
            return Some(self.value);
        };
        let k = super::curve::clamp(stocks.get(stock) / 100.0, 0.0, 1.0);
        Some(match self.op {
            Op::Add => self.value * k,
            Op::Multiply => 1.0 + (self.value - 1.0) * k,
        })
    }

    /// A short description such as "churn ×1.30 for 4 quarters".
    pub fn describe(&self) -> String {
        let what = match self.op {
            Op::Add if self.value >= 0.0 => format!("{} +{}", self.target.key(), trim(self.value)),
            Op::Add => format!("{} {}", self.target.key(), trim(self.value)),
            Op::Multiply => format!("{} ×{}", self.target.key(), trim(self.value)),
        };
        let mut out = if self.quarters > 1 {
            format!("{what} for {} quarters", self.quarters)
        } else {
            what
        };
        if let Some(s) = self.scale_by {
            out.push_str(&format!(", as strong as {}", s.key()));
        }
        if self.delay > 0 {
            out.push_str(&format!(", from {} quarter(s) later", self.delay));
        }
        for c in &self.when {
            out.push_str(&format!(", if {}", c.describe()));
        }
        out
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

/// An effect in force, with the quarters it has left. Only what acts
/// while it lasts is kept (its conditions, delay and scaling were applied
/// when it started), so starting one allocates nothing and the list stays
/// small to walk.
#[derive(Clone, Debug, PartialEq)]
pub struct ActiveEffect {
    pub source: Source,
    /// What it changes.
    pub target: Target,
    /// How it applies its value.
    pub op: Op,
    /// The value it takes (after `scale_by`), fixed when it started.
    pub value: f64,
    /// Quarters before it takes hold (0: in force).
    pub wait: u32,
    pub remaining: u32,
}

impl ActiveEffect {
    /// Whether it acts this quarter (it is not still waiting).
    pub fn in_force(&self) -> bool {
        self.wait == 0
    }
}

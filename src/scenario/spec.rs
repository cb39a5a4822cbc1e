//! The scenario format as data: one table of key specifications that the
//! checker walks, and that the author's guide and the JSON Schema can be
//! generated from, so the three never disagree.
//!
//! The format at a glance (`scenarios/electronics.toml` uses all of it):
//!
//! ```toml
//! id = "electronics"            # top level: id, title, summary, quarters,
//! title = "..."                 # seed, lock_seed, budget, credit_line
//! summary = "..."
//! quarters = 20
//! budget = 400
//! [briefing]                    # story, goal
//! [start]                       # any stock: culture = 25, cash = 1500, …
//! [economics]                   # fixed_costs, market_growth,
//! price = { valuable = 10 }     #   price / cost_to_serve by segment
//! [board]                       # expectation = "previous" or a number
//! [model]                       # any model parameter by name
//! [scoring]                     # weights = { culture = 1, … }, game_over_penalty
//! [[event]]                     # id, title, text, quarter or chance
//! when = [{ stock = "experience", below = 40 }]     # (+ earliest, latest, max_times)
//! effects = [{ target = "churn", multiply = 1.3, quarters = 4 }]
//! [[dilemma]]                   # as an event, plus default = "choice-id"
//! [[dilemma.choice]]            # id, label, text, cost, effects
//! [[initiative]]                # id, title, text, cost, cooldown, load, effects
//! ```

use crate::sim::{Kpi, ModelParams, Stock, StockKind, Target};

/// The most quarters a scenario may last (20 years).
pub const MAX_QUARTERS: i64 = 80;
/// The most events, dilemmas or initiatives of each kind in one scenario.
pub const MAX_ITEMS: usize = 200;
/// The most effects in one list.
pub const MAX_EFFECTS: usize = 20;
/// The most conditions on one trigger.
pub const MAX_CONDITIONS: usize = 8;
/// The most choices of one dilemma.
pub const MAX_CHOICES: usize = 6;
/// The largest scenario file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 1 << 20;

/// One key of a table: its name, what it holds, whether it must be given.
#[derive(Clone, Copy, Debug)]
pub struct KeySpec {
    pub key: &'static str,
    pub kind: Kind,
    pub presence: Presence,
    /// What the key means, for the guide and the schema.
    pub doc: &'static str,
}

/// Whether a key must be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    Required,
    /// Optional; the text says what is used instead.
    Default(&'static str),
}

/// What a key holds, with its limits.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    /// One line of text, at most `max` characters.
    Line {
        max: usize,
    },
    /// Paragraphs of text (line breaks allowed), at most `max` characters.
    Text {
        max: usize,
    },
    /// An identifier: 1–40 of `a-z`, `0-9`, `_` and `-`.
    Id,
    /// One word out of a fixed set.
    Word(Words),
    /// A whole number in a range.
    Integer {
        min: i64,
        max: i64,
    },
    /// A number (whole or not) in a range.
    Number {
        min: f64,
        max: f64,
    },
    /// A number in a range, or the one word given.
    NumberOr {
        min: f64,
        max: f64,
        word: &'static str,
    },
    Bool,
    /// A sub-table with these keys.
    Table(&'static [KeySpec]),
    /// A sub-table whose keys come from a set, each holding a number.
    Numbers(NumberKeys),
    /// An array of tables (`[[key]]` sections or `[{...}, {...}]`).
    Tables {
        of: &'static [KeySpec],
        min: usize,
        max: usize,
    },
}

/// The sets of words a [`Kind::Word`] key may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Words {
    /// A stock of the model.
    Stock,
    /// A stock or a driver: what an effect changes.
    Target,
    /// What an expect rule measures.
    Metric,
    /// The direction of an expect rule's comparison.
    Compare,
}

impl Words {
    /// Every valid word.
    pub fn keys(self) -> Vec<&'static str> {
        match self {
            Words::Stock => Stock::ALL.iter().map(|s| s.key()).collect(),
            Words::Target => Target::all_keys(),
            Words::Metric => super::expect::Metric::keys(),
            Words::Compare => vec!["above", "below"],
        }
    }

    /// What one word is called in messages.
    pub fn noun(self) -> &'static str {
        match self {
            Words::Stock => "stock",
            Words::Target => "target",
            Words::Metric => "metric",
            Words::Compare => "comparison",
        }
    }
}

/// The sets of keys a [`Kind::Numbers`] table may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKeys {
    /// Starting value of any stock.
    Start,
    /// Any model parameter, within its own range.
    Model,
    /// A weight per KPI.
    Kpi,
    /// A money amount per customer segment.
    Segment,
}

/// One key allowed in a [`Kind::Numbers`] table.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberKey {
    pub key: &'static str,
    pub doc: &'static str,
    pub min: f64,
    pub max: f64,
    /// The value used when the key is not written, where there is one
    /// value (stocks: the reference organization's; model parameters:
    /// the model's).
    pub default: Option<f64>,
}

impl NumberKeys {
    /// The keys, their meaning and their ranges.
    pub fn entries(self) -> Vec<NumberKey> {
        match self {
            NumberKeys::Start => {
                let reference = crate::sim::Rules::default().start;
                Stock::ALL
                    .iter()
                    .map(|s| {
                        let (min, max) = start_bounds(*s);
                        NumberKey {
                            key: s.key(),
                            doc: s.label(),
                            min,
                            max,
                            default: Some(reference.get(*s)),
                        }
                    })
                    .collect()
            }
            NumberKeys::Model => ModelParams::SPECS
                .iter()
                .map(|p| NumberKey {
                    key: p.name,
                    doc: p.doc,
                    min: p.min,
                    max: p.max,
                    default: Some(p.default),
                })
                .collect(),
            NumberKeys::Kpi => Kpi::ALL
                .iter()
                .map(|k| NumberKey {
                    key: k.key(),
                    doc: k.label(),
                    min: -1.0e6,
                    max: 1.0e6,
                    default: None,
                })
                .collect(),
            NumberKeys::Segment => Stock::SEGMENTS
                .iter()
                .map(|s| NumberKey {
                    key: s.key(),
                    doc: s.label(),
                    min: 0.0,
                    max: 1.0e4,
                    default: None,
                })
                .collect(),
        }
    }
}

/// The values a stock may start at (counts and money bounded well inside
/// what the model can hold, so nothing overflows over 80 quarters).
pub fn start_bounds(stock: Stock) -> (f64, f64) {
    match stock.kind() {
        StockKind::Index => (0.0, 100.0),
        StockKind::Count => (0.0, 1.0e7),
        StockKind::Money => (-1.0e9, 1.0e9),
    }
}

const fn req(key: &'static str, kind: Kind, doc: &'static str) -> KeySpec {
    KeySpec {
        key,
        kind,
        presence: Presence::Required,
        doc,
    }
}

const fn opt(key: &'static str, kind: Kind, default: &'static str, doc: &'static str) -> KeySpec {
    KeySpec {
        key,
        kind,
        presence: Presence::Default(default),
        doc,
    }
}

const TITLE: Kind = Kind::Line { max: 80 };
const QUARTER: Kind = Kind::Integer {
    min: 1,
    max: MAX_QUARTERS,
};
const MONEY: Kind = Kind::Number {
    min: 0.0,
    max: 1.0e7,
};

/// The top level of a scenario file.
#[rustfmt::skip]
pub const SCENARIO: &[KeySpec] = &[
    req("id", Kind::Id, "Short identifier; shipped scenarios are found by it and saves record it"),
    req("title", TITLE, "The name players see"),
    req("summary", Kind::Line { max: 160 }, "One line for scenario listings"),
    req("quarters", QUARTER, "Number of quarters in a full game"),
    opt("seed", Kind::Integer { min: 0, max: i64::MAX }, "1", "The seed used when the player gives none"),
    opt("lock_seed", Kind::Bool, "false", "Whether a class locks the seed so every player meets the same events"),
    req("budget", MONEY, "Money for the four levers (vision, insight, skills, marketing) per quarter"),
    opt("credit_line", Kind::Number { min: -1.0e9, max: 0.0 }, "-1000", "Cash below this ends the game (an overdraft limit, 0 or less)"),
    req("briefing", Kind::Table(BRIEFING), "What the player reads before the first quarter"),
    opt("start", Kind::Numbers(NumberKeys::Start), "the reference organization", "Starting value of any stock; the others keep the reference organization's"),
    opt("economics", Kind::Table(ECONOMICS), "the reference economics", "Prices, costs and the market"),
    opt("board", Kind::Table(BOARD), "expectation = \"previous\"", "What the board expects"),
    opt("model", Kind::Numbers(NumberKeys::Model), "the model's defaults", "Overrides of model parameters, by name"),
    opt("scoring", Kind::Table(SCORING), "0.01 × cumulative profit + 1 × culture + 0.002 × customer equity", "The score players see and are ranked by"),
    opt("event", Kind::Tables { of: EVENT, min: 0, max: MAX_ITEMS }, "no events", "Random or scheduled events: [[event]] sections"),
    opt("dilemma", Kind::Tables { of: DILEMMA, min: 0, max: MAX_ITEMS }, "no dilemmas", "Events that ask the player to choose: [[dilemma]] sections"),
    opt("initiative", Kind::Tables { of: INITIATIVE, min: 0, max: MAX_ITEMS }, "no initiatives", "One-off programmes the player may start: [[initiative]] sections"),
    opt("plan", Kind::Tables { of: PLAN, min: 0, max: MAX_PLANS }, "no plans", "The scenario's own plans (a story's way to play it), for the lab, expect rules and `culturesim run --plan ID`: [[plan]] sections"),
    opt("expect", Kind::Tables { of: EXPECT, min: 0, max: MAX_EXPECT }, "no rules", "The scenario's story as rules the balance lab checks: [[expect]] sections"),
];

/// The most `[[plan]]`s in one scenario.
pub const MAX_PLANS: usize = 20;

/// `[[plan]]`: a way to play the scenario, played by the lab beside the
/// reference plans.
#[rustfmt::skip]
pub const PLAN: &[KeySpec] = &[
    req("id", Kind::Id, "Names the plan in [[expect]] rules and on the command line; not a reference plan's name"),
    opt("title", TITLE, "the id", "What the plan does, in a few words"),
    opt("vision", MONEY, "0", "Money on vision every quarter"),
    opt("insight", MONEY, "0", "Money on customer insight every quarter"),
    opt("skills", MONEY, "0", "Money on skills every quarter"),
    opt("marketing", MONEY, "0", "Money on marketing every quarter"),
    opt("starts", Kind::Tables { of: START, min: 0, max: MAX_ITEMS }, "none", "Initiatives the plan starts: [{ initiative = \"workshop\", quarter = 2 }]"),
    opt("answers", Kind::Tables { of: ANSWER, min: 0, max: MAX_ITEMS }, "the dilemmas' defaults", "How the plan answers dilemmas, whenever they are asked: [{ dilemma = \"sell-data\", choice = \"refuse\" }]"),
];

/// An initiative a plan starts, in `starts = [...]` lists.
#[rustfmt::skip]
pub const START: &[KeySpec] = &[
    req("initiative", Kind::Id, "The initiative's id"),
    opt("quarter", QUARTER, "1", "The quarter it is first started"),
    opt("every", Kind::Integer { min: 0, max: MAX_QUARTERS }, "0 (once)", "Start it again every this many quarters (at least its cooldown)"),
];

/// A plan's answer, in `answers = [...]` lists.
#[rustfmt::skip]
pub const ANSWER: &[KeySpec] = &[
    req("dilemma", Kind::Id, "The dilemma's id"),
    req("choice", Kind::Id, "The id of the choice taken whenever it is asked"),
];

/// The most `[[expect]]` rules in one scenario.
pub const MAX_EXPECT: usize = 50;

/// `[[expect]]`: a rule the balance lab checks across seeds.
#[rustfmt::skip]
pub const EXPECT: &[KeySpec] = &[
    opt("text", Kind::Line { max: 160 }, "generated from the rule", "The rule in words, as the lab prints it"),
    req("plan", Kind::Id, "The plan measured: a reference plan (do-nothing, cost-cutter, vision-only, insight-only, skills-only, balanced, sequenced, all-at-once) or the id of one of the scenario's [[plan]]s"),
    opt("versus", Kind::Id, "give value instead", "Another plan, compared on the same seed"),
    opt("value", Kind::Number { min: -1.0e9, max: 1.0e9 }, "give versus instead", "A number to compare with"),
    req("metric", Kind::Word(Words::Metric), "What is compared: score, a KPI (cumulative_profit, profit, culture, nps, …), any stock, or game_over (1 once the game has ended early)"),
    opt("from", QUARTER, "the value of to", "First quarter of the window; the comparison must hold in every quarter of it"),
    opt("to", QUARTER, "the last quarter", "Last quarter of the window"),
    opt("compare", Kind::Word(Words::Compare), "\"above\"", "above: the plan's figure must be higher; below: lower"),
    opt("share", Kind::Number { min: 0.0, max: 1.0 }, "1", "Share of seeds on which the comparison must hold"),
];

/// `[briefing]`.
#[rustfmt::skip]
pub const BRIEFING: &[KeySpec] = &[
    req("story", Kind::Text { max: 4000 }, "The organization's story and situation; paragraphs separated by blank lines"),
    req("goal", Kind::Text { max: 400 }, "What the player is asked to achieve"),
];

/// `[economics]`.
#[rustfmt::skip]
pub const ECONOMICS: &[KeySpec] = &[
    opt("fixed_costs", MONEY, "300", "Fixed costs per quarter"),
    opt("market_growth", Kind::Number { min: 0.0, max: 1.0e6 }, "60", "Prospects entering the market each quarter"),
    opt("price", Kind::Numbers(NumberKeys::Segment), "advocates 10, valuable 10, regular 3, costly 2", "Revenue per customer per quarter, by segment"),
    opt("cost_to_serve", Kind::Numbers(NumberKeys::Segment), "advocates 5.6, valuable 6, regular 2.9, costly 3.15", "Cost to serve a customer per quarter, by segment"),
];

/// `[board]`.
#[rustfmt::skip]
pub const BOARD: &[KeySpec] = &[opt(
    "expectation",
    Kind::NumberOr { min: -1.0e7, max: 1.0e7, word: "previous" },
    "\"previous\"",
    "The profit the board expects each quarter: \"previous\" (last quarter's) or a number",
)];

/// `[scoring]`.
#[rustfmt::skip]
pub const SCORING: &[KeySpec] = &[
    req("weights", Kind::Numbers(NumberKeys::Kpi), "Weight of each figure in the score, in the order written"),
    opt("game_over_penalty", Kind::Number { min: 0.0, max: 1.0e9 }, "100", "Points taken off when the game ends early"),
];

/// An effect, in `effects = [...]` lists.
#[rustfmt::skip]
pub const EFFECT: &[KeySpec] = &[
    req("target", Kind::Word(Words::Target), "The stock or driver changed"),
    opt("add", Kind::Number { min: -1.0e7, max: 1.0e7 }, "exactly one of add and multiply", "Added (to a stock: each quarter the effect lasts)"),
    opt("multiply", Kind::Number { min: 0.0, max: 10.0 }, "exactly one of add and multiply", "Multiplied by (a stock: once per quarter it lasts)"),
    opt("quarters", QUARTER, "1", "How many quarters it lasts, counting the one it starts"),
    opt("delay", Kind::Integer { min: 0, max: MAX_QUARTERS }, "0", "Quarters before it takes hold (a promise that backfires later)"),
    opt("scale_by", Kind::Word(Words::Stock), "no scaling", "An index stock (0–100) it is as strong as, when it starts: add × stock/100, or a multiplier's distance from 1 × stock/100"),
    opt("when", WHEN, "always", "Conditions on the state when it starts; if one fails it does nothing: [{ stock = \"skills\", below = 50 }]"),
];

/// A condition, in `when = [...]` lists.
#[rustfmt::skip]
pub const CONDITION: &[KeySpec] = &[
    req("stock", Kind::Word(Words::Stock), "The stock tested (on last quarter's state)"),
    opt("below", Kind::Number { min: -1.0e9, max: 1.0e9 }, "no upper limit", "Holds while the stock is below this"),
    opt("above", Kind::Number { min: -1.0e9, max: 1.0e9 }, "no lower limit", "Holds while the stock is above this"),
];

const EFFECTS: Kind = Kind::Tables {
    of: EFFECT,
    min: 0,
    max: MAX_EFFECTS,
};
const WHEN: Kind = Kind::Tables {
    of: CONDITION,
    min: 0,
    max: MAX_CONDITIONS,
};

/// `[[event]]`: also the trigger keys of `[[dilemma]]`.
#[rustfmt::skip]
pub const EVENT: &[KeySpec] = &[
    req("id", Kind::Id, "Unique among events, dilemmas and initiatives"),
    req("title", TITLE, "The headline"),
    req("text", Kind::Text { max: 1000 }, "The news the player reads"),
    opt("quarter", QUARTER, "random: give chance instead", "Scheduled for exactly this quarter"),
    opt("chance", Kind::Number { min: 0.0, max: 1.0 }, "scheduled: give quarter instead", "Probability per quarter while eligible"),
    opt("earliest", QUARTER, "1", "First quarter a random event may happen"),
    opt("latest", QUARTER, "the last quarter", "Last quarter a random event may happen"),
    opt("max_times", Kind::Integer { min: 1, max: MAX_QUARTERS }, "1", "How many times it may happen in one game"),
    opt("when", WHEN, "always", "Conditions that must all hold: [{ stock = \"experience\", below = 40 }]"),
    opt("effects", EFFECTS, "none", "What it does: [{ target = \"churn\", multiply = 1.3, quarters = 4 }]"),
];

/// `[[dilemma]]`.
#[rustfmt::skip]
pub const DILEMMA: &[KeySpec] = &[
    req("id", Kind::Id, "Unique among events, dilemmas and initiatives"),
    req("title", TITLE, "The headline"),
    req("text", Kind::Text { max: 1000 }, "The situation and the question"),
    opt("quarter", QUARTER, "random: give chance instead", "Asked at the start of exactly this quarter"),
    opt("chance", Kind::Number { min: 0.0, max: 1.0 }, "scheduled: give quarter instead", "Probability per quarter while eligible"),
    opt("earliest", QUARTER, "1", "First quarter a random dilemma may be asked"),
    opt("latest", QUARTER, "the last quarter", "Last quarter a random dilemma may be asked"),
    opt("max_times", Kind::Integer { min: 1, max: MAX_QUARTERS }, "1", "How many times it may be asked in one game"),
    opt("when", WHEN, "always", "Conditions that must all hold"),
    opt("default", Kind::Id, "the first choice", "Id of the choice taken when the player gives no answer"),
    req("choice", Kind::Tables { of: CHOICE, min: 2, max: MAX_CHOICES }, "The answers: [[dilemma.choice]] sections"),
];

/// `[[dilemma.choice]]`.
#[rustfmt::skip]
pub const CHOICE: &[KeySpec] = &[
    req("id", Kind::Id, "Unique within the dilemma; plans and saves answer with it"),
    req("label", Kind::Line { max: 80 }, "The answer as the player picks it"),
    opt("text", Kind::Text { max: 600 }, "no text", "What happens, told after the choice"),
    opt("cost", MONEY, "0", "Money paid in the quarter it is chosen"),
    opt("effects", EFFECTS, "none", "What the choice does"),
];

/// `[[initiative]]`.
#[rustfmt::skip]
pub const INITIATIVE: &[KeySpec] = &[
    req("id", Kind::Id, "Unique among events, dilemmas and initiatives; plans start it by this id"),
    req("title", TITLE, "The name in the decision panel"),
    req("text", Kind::Text { max: 600 }, "What it is and what it does"),
    req("cost", MONEY, "Money paid in the quarter it starts"),
    opt("cooldown", Kind::Integer { min: 0, max: MAX_QUARTERS }, "4", "Quarters before it can be started again, counting the one it starts"),
    opt("load", Kind::Number { min: 0.0, max: 10.0 }, "1", "Change load it adds in the quarter it starts (in units of one initiative)"),
    opt("effects", EFFECTS, "none", "What it does"),
];

/// Where a key belongs: every section that has it, top level first, then
/// breadth-first — `""` for the top level, `briefing`, `dilemma.choice`, …
/// — each with whether it is a list (`[[…]]`). Used to say "this key
/// belongs in [briefing]" when a key lands under the wrong header.
/// Numbers tables (`[start]`, …) are not searched.
pub fn homes_of(key: &str) -> Vec<(String, bool)> {
    let mut homes = Vec::new();
    let mut queue: Vec<(String, bool, &'static [KeySpec])> = vec![(String::new(), false, SCENARIO)];
    let mut i = 0;
    while let Some((section, list, specs)) = queue.get(i).cloned() {
        if specs.iter().any(|s| s.key == key) {
            homes.push((section.clone(), list));
        }
        for s in specs {
            let (of, list) = match s.kind {
                Kind::Table(of) => (of, false),
                Kind::Tables { of, .. } => (of, true),
                _ => continue,
            };
            let name = if section.is_empty() {
                s.key.to_string()
            } else {
                format!("{section}.{}", s.key)
            };
            queue.push((name, list, of));
        }
        i += 1;
    }
    homes
}

#[cfg(test)]
#[path = "spec_tests.rs"]
mod tests;

//! The model: a pure, deterministic function from (state, decisions, rules)
//! to (next state, quarter report). No file system, clock, environment or
//! terminal in here, and only `+ − × ÷`, `sqrt` and comparisons on floats,
//! so that the same seed and decisions give the same bits everywhere
//! (DESIGN.md §3). `tests/sim_purity.rs` keeps it that way, and so does
//! clippy: the types and methods `clippy.toml` lists are denied in here.

#![deny(clippy::disallowed_types, clippy::disallowed_methods)]

mod advance;
mod book;
pub mod curve;
mod customers;
mod decision;
mod effect;
mod event;
mod game;
mod ledger;
mod market;
mod money;
mod params;
mod people;
mod report;
mod rules;
mod state;
mod stock;

pub(crate) use advance::advance_figures;
pub use advance::{advance, advance_quiet, lasting_culture_of};
pub use customers::{Loyalty, SEGMENT_CHURN, loyalty};
pub use decision::{DecisionError, Decisions, payout_limit};
pub use effect::{ActiveEffect, Driver, Effect, Op, Source, Target};
pub use event::News;
pub use game::Game;
pub use ledger::{Cause, Ledger, Term, source_label};
pub use market::{
    DRAWN_BY_RIVALS, DRAWN_FROM_RIVALS, LOST_TO_RIVALS, MAX_FIRMS, Market, MarketError,
    WON_FROM_RIVALS, market_shares,
};
pub use money::{PAYOUT_TERM, baseline_profit, customer_equity, price_factor};
pub use params::{ModelParams, ParamSpec};
pub use people::change_load;
pub use report::{Kpis, QuarterReport, Reported, score};
pub use rules::{
    Choice, Condition, DilemmaDef, Economics, EventDef, Expectation, InitiativeDef, Kpi, Rules,
    Scoring, Trigger,
};
pub use state::{Outcome, State};
pub use stock::{Stock, StockKind, Stocks};

/// The version of the model's equations. Saves record it; a change to the
/// dynamics that changes any trajectory must raise it (and the golden test
/// says so).
pub const MODEL_VERSION: u32 = 3;

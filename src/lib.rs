//! culturesim — a deterministic, turn-based simulation game about building
//! a customer culture.
//!
//! The modules, with the dependency arrows pointing one way
//! (frontends → services → model):
//! - [`sim`]: the pure model — stocks, flows, delays, events and the why ledger;
//! - [`scenario`]: scenario TOML → validated [`scenario::Scenario`], with errors
//!   that say where and how to fix;
//! - [`plan`]: decision logs written by hand for headless runs;
//! - [`report`]: pure functions from a run's history to tables, CSV and JSON;
//! - [`save`]: decision logs of played games — written atomically, loaded
//!   by replay, verified for instructors;
//! - [`lab`]: the balance lab — reference and random plans across seeds,
//!   `[[expect]]` rules and balance flags;
//! - [`market`]: teams in one market — the shared folder, the adjudicator
//!   and its reports;
//! - [`tui`]: the terminal game — title screen to debrief (ratatui);
//! - [`cli`]: the command-line types (clap), and [`command`]: the commands
//!   behind them.

pub mod cli;
pub mod command;
pub mod lab;
pub mod market;
pub mod plan;
pub mod report;
pub mod save;
pub mod scenario;
pub mod sim;
pub mod tui;

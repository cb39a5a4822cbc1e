//! culturesim — a deterministic, turn-based simulation game about building
//! a customer culture.
//!
//! The modules, with the dependency arrows pointing one way
//! (frontends → services → model):
//! - [`sim`]: the pure model — stocks, flows, delays, events and the why ledger;
//! - [`scenario`]: scenario TOML → validated [`scenario::Scenario`], with errors
//!   that say where and how to fix;
//! - [`plan`]: decision logs written by hand for headless runs;
//! - [`cli`]: the command-line types (clap);
//! - [`tui`]: the terminal game — title screen to debrief (ratatui).

pub mod cli;
pub mod plan;
pub mod scenario;
pub mod sim;
pub mod tui;

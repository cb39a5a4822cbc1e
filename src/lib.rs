//! culturesim — a deterministic, turn-based simulation game about building
//! a customer culture.
//!
//! The modules, with the dependency arrows pointing one way
//! (frontends → services → model):
//! - [`sim`]: the pure model — stocks, flows, delays, events and the why ledger;
//! - [`scenario`]: scenario TOML → validated [`scenario::Scenario`], with errors
//!   that say where and how to fix;
//! - [`diag`]: diagnostics for every file read — one type, one line:column,
//!   one rustc-style renderer, and the reading of BOM and CRLF text;
//! - [`plan`]: decision logs written by hand for headless runs;
//! - [`analysis`]: pure analysis of a played game — the why ledger's causes,
//!   key moments, score parts, reference plans on the same seed — shared by
//!   the terminal's debrief and the `debrief` and `class report` commands;
//! - [`report`]: pure functions from a run's history to tables, CSV and JSON;
//! - [`save`]: decision logs of played games — written atomically, loaded
//!   by replay, verified for instructors;
//! - [`lab`]: the balance lab — reference and random plans across seeds,
//!   `[[expect]]` rules and balance flags;
//! - [`market`]: teams in one market — the shared folder, the adjudicator
//!   and its reports;
//! - [`tui`]: the terminal game — title screen to debrief (ratatui);
//! - [`cli`]: the command-line types (clap), and [`command`]: the commands
//!   behind them;
//! - [`input`]: bounded reads of regular files only (no FIFO, device or
//!   huge file can hang or fill memory), and [`output`]: the one escaping
//!   policy for text shown on a terminal and the one broken-pipe-safe writer.

pub mod analysis;
pub mod cli;
pub mod command;
pub mod diag;
pub mod input;
pub mod lab;
pub mod market;
pub mod output;
pub mod plan;
pub mod report;
pub mod save;
pub mod scenario;
pub mod sim;
pub mod tui;

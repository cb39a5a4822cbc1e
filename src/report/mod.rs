//! Pure functions from a run's history to what people read: a table for
//! the terminal, CSV for spreadsheets, JSON for programs, and a student's
//! [`debrief`] and an instructor's [`class`] report as text, Markdown or
//! HTML (every untrusted text through [`escape`]). No I/O here: the caller
//! prints or writes the returned text.

pub mod class;
mod csv;
pub mod debrief;
pub mod escape;
mod json;
pub mod page;
pub mod svg;
mod table;

pub use csv::render_csv;
pub use json::render_json;
pub use table::render_table;

use crate::sim::{News, QuarterReport, Rules, Stock, source_label};

/// What a run was: enough to label its output.
#[derive(Clone, Debug)]
pub struct RunInfo<'a> {
    pub scenario_id: &'a str,
    pub scenario_title: &'a str,
    pub seed: u64,
    /// Where the plan came from (a file name, or a built-in plan's name).
    pub plan: &'a str,
}

/// The headline of one news item, as a player would read it.
pub fn news_headline(rules: &Rules, news: &News) -> String {
    match *news {
        News::Event { index } => source_label(rules, crate::sim::Source::Event(index)),
        News::Answered {
            dilemma,
            choice,
            defaulted,
        } => {
            let text = source_label(rules, crate::sim::Source::Choice(dilemma, choice));
            if defaulted {
                format!("{text} (no answer given: default taken)")
            } else {
                text
            }
        }
        News::Started { index } => format!(
            "started: {}",
            source_label(rules, crate::sim::Source::Initiative(index))
        ),
        News::Opened { dilemma } => {
            let title = rules
                .dilemmas
                .get(usize::from(dilemma))
                .map_or("a dilemma", |d| d.title.as_str());
            format!("decision needed next quarter: {title}")
        }
    }
}

/// The stock columns every format shows, in order.
pub const STOCK_COLUMNS: [Stock; 14] = Stock::ALL;

/// Formats a number with a fixed number of decimals; identical on every
/// platform because Rust's float formatting is exact.
pub fn fixed(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    // "-0.0" reads as a mistake; show it as "0.0".
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s[1..].to_string()
    } else {
        s
    }
}

/// A number with its sign (`+1.5`, `−0.3` is written `-0.3`), never `-0`.
pub fn signed(v: f64, decimals: usize) -> String {
    let s = fixed(v, decimals);
    if s.starts_with('-') || s.chars().all(|c| c == '0' || c == '.') {
        s
    } else {
        format!("+{s}")
    }
}

/// The final line of a run: how it ended and the score under the formula.
pub fn verdict(rules: &Rules, history: &[QuarterReport]) -> String {
    match history.last() {
        None => "No quarter was played.".to_string(),
        Some(last) => format!(
            "Quarter {} of {}: {} — score {} ({})",
            last.quarter,
            rules.quarters,
            last.outcome.describe(),
            fixed(last.kpis.score, 1),
            rules.scoring.formula()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_never_prints_negative_zero() {
        assert_eq!(fixed(-0.0001, 1), "0.0");
        assert_eq!(fixed(-1.25, 1), "-1.2");
        assert_eq!(fixed(3.0, 0), "3");
    }
}

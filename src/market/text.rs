//! The market's reports as text: the public industry report (one column
//! per firm), each team's private report, and the leaderboard. Pure
//! functions of a replayed market; team names and scenario text pass
//! through [`printable`] so nothing in a file can drive a terminal.

use super::replay::Replayed;
use crate::report::{fixed, news_headline};
use crate::save::printable;
use crate::sim::{
    Cause, DRAWN_BY_RIVALS, DRAWN_FROM_RIVALS, LOST_TO_RIVALS, QuarterReport, Stock,
    WON_FROM_RIVALS,
};
use std::fmt::Write;

/// Each firm's share of all customers at the end of a round, in percent.
pub fn shares(reports: &[Option<QuarterReport>]) -> Vec<f64> {
    let customers: Vec<f64> = reports
        .iter()
        .map(|r| r.as_ref().map_or(0.0, |r| r.stocks.customers()))
        .collect();
    let total: f64 = customers.iter().sum();
    customers
        .iter()
        .map(|c| if total > 0.0 { 100.0 * c / total } else { 0.0 })
        .collect()
}

/// A model term of a report, summed over the stocks it touches.
fn term(r: &QuarterReport, name: &'static str) -> f64 {
    r.ledger
        .terms
        .iter()
        .filter(|t| t.cause == Cause::Model(name))
        .map(|t| t.value)
        .sum()
}

/// The industry report's rows: a label and one cell per firm. The text and
/// the HTML report both show these.
pub fn industry_rows(rep: &Replayed, round: u32) -> Vec<(&'static str, Vec<String>)> {
    let Some(reports) = rep.rounds.get(round as usize - 1) else {
        return Vec::new();
    };
    let cell = |f: &dyn Fn(&QuarterReport) -> String| -> Vec<String> {
        reports
            .iter()
            .map(|r| r.as_ref().map_or_else(|| "-".to_string(), f))
            .collect()
    };
    let share = shares(reports);
    vec![
        ("Status", cell(&|r| short_outcome(r).to_string())),
        (
            "Market share %",
            share.iter().map(|s| fixed(*s, 1)).collect(),
        ),
        ("Customers", cell(&|r| fixed(r.kpis.customers, 0))),
        (
            "Won from rivals",
            cell(&|r| fixed(term(r, WON_FROM_RIVALS), 0)),
        ),
        (
            "Lost to rivals",
            cell(&|r| fixed(-term(r, LOST_TO_RIVALS), 0)),
        ),
        (
            "Prospects drawn",
            cell(&|r| fixed(term(r, DRAWN_FROM_RIVALS) + term(r, DRAWN_BY_RIVALS), 0)),
        ),
        ("Revenue", cell(&|r| fixed(r.kpis.revenue, 0))),
        ("Profit", cell(&|r| fixed(r.kpis.profit, 0))),
        ("Cash", cell(&|r| fixed(r.stocks.get(Stock::Cash), 0))),
        ("Marketing", cell(&|r| fixed(r.decisions.marketing, 0))),
        ("Culture", cell(&|r| fixed(r.stocks.get(Stock::Culture), 1))),
        (
            "Experience",
            cell(&|r| fixed(r.stocks.get(Stock::Experience), 1)),
        ),
        ("NPS", cell(&|r| fixed(r.kpis.nps, 0))),
        ("Score", cell(&|r| fixed(r.kpis.score, 1))),
    ]
}

fn short_outcome(r: &QuarterReport) -> &'static str {
    match r.outcome {
        crate::sim::Outcome::Playing => "playing",
        crate::sim::Outcome::Finished => "finished",
        crate::sim::Outcome::BoardOut => "board out",
        crate::sim::Outcome::Bankrupt => "bankrupt",
    }
}

/// Lays out rows under a header, first column left, the others right.
fn table(header: &[String], rows: &[(String, Vec<String>)]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for (label, cells) in rows {
        widths[0] = widths[0].max(label.chars().count());
        for (k, c) in cells.iter().enumerate() {
            if let Some(w) = widths.get_mut(k + 1) {
                *w = (*w).max(c.chars().count());
            }
        }
    }
    let mut out = String::new();
    let line = |out: &mut String, first: &str, rest: &[String]| {
        let _ = write!(out, "{first:<w$}", w = widths[0]);
        for (k, c) in rest.iter().enumerate() {
            let _ = write!(
                out,
                "  {c:>w$}",
                w = widths.get(k + 1).copied().unwrap_or(0)
            );
        }
        out.push('\n');
    };
    line(&mut out, &header[0], &header[1..]);
    for (label, cells) in rows {
        line(&mut out, label, cells);
    }
    out
}

/// The public industry report of one round.
pub fn industry(rep: &Replayed, round: u32) -> String {
    let sc = &rep.folder.scenario;
    let mut header = vec![String::new()];
    header.extend(rep.folder.teams().iter().map(|t| printable(t)));
    let rows: Vec<(String, Vec<String>)> = industry_rows(rep, round)
        .into_iter()
        .map(|(l, c)| (l.to_string(), c))
        .collect();
    format!(
        "Industry report — {} — round {round} of {}\n\n{}",
        printable(&sc.title),
        sc.rules.quarters,
        table(&header, &rows)
    )
}

/// A team's own report of one round: its figures, where its customers
/// came from and went, and its news.
pub fn private(rep: &Replayed, round: u32, firm: usize) -> String {
    let rules = &rep.folder.scenario.rules;
    let team = rep.folder.teams().get(firm).map_or("?", String::as_str);
    let Some(reports) = rep.rounds.get(round as usize - 1) else {
        return String::new();
    };
    let Some(Some(r)) = reports.get(firm) else {
        return String::new();
    };
    let share = shares(reports).get(firm).copied().unwrap_or(0.0);
    let mut out = format!(
        "Team {} — round {round} — {}\n\n",
        printable(team),
        r.outcome.describe()
    );
    let d = &r.decisions;
    let _ = writeln!(
        out,
        "Spent: vision {}, insight {}, skills {}, marketing {}",
        fixed(d.vision, 0),
        fixed(d.insight, 0),
        fixed(d.skills, 0),
        fixed(d.marketing, 0)
    );
    let _ = writeln!(
        out,
        "Market share {}%   customers (survey) {}   NPS (survey) {}",
        fixed(share, 1),
        fixed(
            r.reported.advocates + r.reported.valuable + r.reported.regular + r.reported.costly,
            0
        ),
        fixed(r.reported.nps, 0)
    );
    let _ = writeln!(
        out,
        "Revenue {}   profit {}   cash {}   culture {}   experience {}   score {}\n",
        fixed(r.kpis.revenue, 0),
        fixed(r.kpis.profit, 0),
        fixed(r.stocks.get(Stock::Cash), 0),
        fixed(r.stocks.get(Stock::Culture), 1),
        fixed(r.stocks.get(Stock::Experience), 1),
        fixed(r.kpis.score, 1)
    );
    let _ = writeln!(
        out,
        "Against your rivals: {} customers won from them, {} lost to them, {} prospects drawn\n",
        fixed(term(r, WON_FROM_RIVALS), 0),
        fixed(-term(r, LOST_TO_RIVALS), 0),
        fixed(term(r, DRAWN_FROM_RIVALS) + term(r, DRAWN_BY_RIVALS), 0)
    );
    out.push_str("Why your customers changed (all segments):\n");
    let mut causes: Vec<(String, f64)> = Vec::new();
    for s in Stock::SEGMENTS {
        for (cause, v) in r.ledger.grouped(s) {
            let label = cause.label(rules);
            match causes.iter_mut().find(|(l, _)| *l == label) {
                Some((_, t)) => *t += v,
                None => causes.push((label, v)),
            }
        }
    }
    for (label, v) in causes.iter().filter(|(_, v)| v.abs() >= 0.5) {
        let _ = writeln!(out, "  {:>7}  {}", format!("{v:+.0}"), printable(label));
    }
    if !r.news.is_empty() {
        out.push_str("\nNews:\n");
        for n in &r.news {
            let _ = writeln!(out, "  {}", printable(&news_headline(rules, n)));
        }
    }
    out
}

/// The standings after the last resolved round, best score first: per
/// firm its rank's cells (team, score, share %, status). Text and HTML
/// show these.
pub fn standings(rep: &Replayed) -> Vec<Vec<String>> {
    let Some(last) = rep.rounds.last() else {
        return Vec::new();
    };
    let share = shares(last);
    let mut order: Vec<(usize, f64)> = last
        .iter()
        .enumerate()
        .map(|(i, r)| (i, r.as_ref().map_or(f64::MIN, |r| r.kpis.score)))
        .collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    order
        .iter()
        .map(|(i, _)| {
            let r = last[*i].as_ref();
            vec![
                rep.folder.teams()[*i].clone(),
                r.map_or_else(|| "-".into(), |r| fixed(r.kpis.score, 1)),
                fixed(share[*i], 1),
                r.map_or("-", short_outcome).to_string(),
            ]
        })
        .collect()
}

/// The leaderboard as text.
pub fn leaderboard(rep: &Replayed) -> String {
    if rep.rounds.is_empty() {
        return format!(
            "Leaderboard — no round resolved yet. Teams: {}\n",
            printable(&rep.folder.teams().join(", "))
        );
    }
    let header: Vec<String> = ["Rank", "Team", "Score", "Share %", "Status"]
        .map(String::from)
        .to_vec();
    let body: Vec<(String, Vec<String>)> = standings(rep)
        .into_iter()
        .enumerate()
        .map(|(rank, cells)| {
            (
                format!("{}", rank + 1),
                cells.iter().map(|c| printable(c)).collect(),
            )
        })
        .collect();
    format!(
        "Leaderboard after round {} of {}\n\n{}",
        rep.resolved(),
        rep.folder.scenario.rules.quarters,
        table(&header, &body)
    )
}

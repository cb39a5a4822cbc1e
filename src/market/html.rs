//! The industry report as one self-contained HTML page: inline CSS and
//! SVG, no script, nothing fetched. Charts of every firm's market share
//! and culture over the rounds, then each round's table (the same rows as
//! the text report). Every name and label is HTML-escaped.

use super::replay::Replayed;
use super::text::{industry_rows, shares};
use crate::sim::Stock;
use std::fmt::Write;

/// Distinct colours for up to six firms.
const COLOURS: [&str; 6] = [
    "#1f5fa8", "#b3361b", "#1b7f3b", "#7a3fb8", "#b07d00", "#0f7c86",
];

/// Text safe inside HTML elements and attribute values: the project's
/// one HTML escaping ([`crate::report::escape::html`]).
pub fn escape(s: &str) -> String {
    crate::report::escape::html(s)
}

const CSS: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#222}\
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd}\
td{text-align:right}td:first-child,th:first-child{text-align:left}.scroll{overflow-x:auto}\
svg{max-width:100%;height:auto}.legend span{margin-right:1rem;white-space:nowrap}";

/// A line chart: one line per firm over rounds 0..=n, `max` at the top.
fn chart(title: &str, teams: &[String], values: &[Vec<f64>], max: f64) -> String {
    let (w, h, left, top, plot_w, plot_h) = (640.0, 230.0, 44.0, 24.0, 580.0, 170.0);
    let rounds = values.iter().map(Vec::len).max().unwrap_or(1).max(2) - 1;
    let x = |k: usize| left + plot_w * k as f64 / rounds as f64;
    let y = |v: f64| top + plot_h * (1.0 - (v / max).clamp(0.0, 1.0));
    let mut svg = format!(
        "<svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{t}\" xmlns=\"http://www.w3.org/2000/svg\"><text x=\"{left}\" y=\"16\" font-size=\"13\">{t}</text>",
        t = escape(title)
    );
    for tick in [0.0, 0.5, 1.0] {
        let v = max * tick;
        let _ = write!(
            svg,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#ddd\"/><text x=\"{}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"end\">{v:.0}</text>",
            left + plot_w,
            left - 4.0,
            y(v) + 3.0,
            y = y(v)
        );
    }
    let _ = write!(
        svg,
        "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">round {rounds}</text>",
        left + plot_w,
        top + plot_h + 16.0
    );
    for (i, series) in values.iter().enumerate() {
        let points: Vec<String> = series
            .iter()
            .enumerate()
            .map(|(k, v)| format!("{:.1},{:.1}", x(k), y(*v)))
            .collect();
        let _ = write!(
            svg,
            "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2\" points=\"{}\"><title>{}</title></polyline>",
            COLOURS[i % COLOURS.len()],
            points.join(" "),
            escape(teams.get(i).map_or("", String::as_str))
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The whole page.
pub fn industry(rep: &Replayed) -> String {
    let teams = rep.folder.teams();
    let sc = &rep.folder.scenario;
    let n = teams.len();
    // Round 0 is the start: every firm the same, equal shares.
    let start_culture = sc.rules.start.get(Stock::Culture);
    let mut share: Vec<Vec<f64>> = vec![vec![100.0 / n as f64]; n];
    let mut culture: Vec<Vec<f64>> = vec![vec![start_culture]; n];
    for round in &rep.rounds {
        for (i, s) in shares(round).into_iter().enumerate() {
            share[i].push(s);
            culture[i].push(
                round[i]
                    .as_ref()
                    .map_or(f64::NAN, |r| r.stocks.get(Stock::Culture)),
            );
        }
    }
    let top_share = share.iter().flatten().fold(10.0_f64, |a, b| a.max(*b));
    let top_share = (top_share / 10.0).ceil() * 10.0;
    let mut body = format!(
        "<h1>Industry report — {}</h1><p>{} teams, seed {}, {} of {} rounds resolved.</p><p class=\"legend\">",
        escape(&sc.title),
        n,
        rep.folder.setup.seed,
        rep.resolved(),
        sc.rules.quarters
    );
    for (i, t) in teams.iter().enumerate() {
        let _ = write!(
            body,
            "<span><svg width=\"14\" height=\"4\"><rect width=\"14\" height=\"4\" fill=\"{}\"/></svg> {}</span>",
            COLOURS[i % COLOURS.len()],
            escape(t)
        );
    }
    body.push_str("</p>");
    let standings = super::text::standings(rep);
    if !standings.is_empty() {
        body.push_str("<h2>Leaderboard</h2><div class=\"scroll\"><table><tr><th>Rank</th><th>Team</th><th>Score</th><th>Share %</th><th>Status</th></tr>");
        for (rank, cells) in standings.iter().enumerate() {
            let _ = write!(body, "<tr><td>{}</td>", rank + 1);
            for c in cells {
                let _ = write!(body, "<td>{}</td>", escape(c));
            }
            body.push_str("</tr>");
        }
        body.push_str("</table></div>");
    }
    body.push_str(&chart(
        "Market share (% of all customers)",
        teams,
        &share,
        top_share,
    ));
    body.push_str(&chart("Culture (0–100)", teams, &culture, 100.0));
    for r in (1..=rep.resolved()).rev() {
        let _ = write!(
            body,
            "<h2>Round {r}</h2><div class=\"scroll\"><table><tr><th></th>"
        );
        for t in teams {
            let _ = write!(body, "<th>{}</th>", escape(t));
        }
        body.push_str("</tr>");
        for (label, cells) in industry_rows(rep, r) {
            let _ = write!(body, "<tr><td>{}</td>", escape(label));
            for c in cells {
                let _ = write!(body, "<td>{}</td>", escape(&c));
            }
            body.push_str("</tr>");
        }
        body.push_str("</table></div>");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Industry report — {}</title><style>{CSS}</style></head><body>{body}</body></html>\n",
        escape(&sc.title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
        assert_eq!(escape("a\u{1b}[31m"), "a\u{fffd}[31m");
    }
}

//! The table `culturesim run` prints by default: the figures a manager
//! looks at, one line per quarter, and the news that explains the jumps.

use super::{RunInfo, fixed, news_headline, verdict};
use crate::sim::{QuarterReport, Rules, Stock};

/// Columns: (header, width, value).
type Column = (&'static str, usize, fn(&QuarterReport) -> String);

const COLUMNS: [Column; 13] = [
    ("Q", 3, |r| r.quarter.to_string()),
    ("culture", 7, |r| fixed(r.stocks.get(Stock::Culture), 1)),
    ("engage", 6, |r| fixed(r.stocks.get(Stock::Engagement), 1)),
    ("exper", 5, |r| fixed(r.stocks.get(Stock::Experience), 1)),
    ("fatigue", 7, |r| fixed(r.stocks.get(Stock::Fatigue), 1)),
    ("board", 5, |r| fixed(r.stocks.get(Stock::Board), 1)),
    ("custom", 6, |r| fixed(r.kpis.customers, 0)),
    ("NPS", 4, |r| fixed(r.kpis.nps, 0)),
    ("revenue", 7, |r| fixed(r.kpis.revenue, 0)),
    ("profit", 6, |r| fixed(r.kpis.profit, 0)),
    ("cum.profit", 10, |r| fixed(r.kpis.cumulative_profit, 0)),
    ("cash", 6, |r| fixed(r.stocks.get(Stock::Cash), 0)),
    ("score", 6, |r| fixed(r.kpis.score, 1)),
];

/// Renders the run as an aligned text table.
pub fn render_table(info: &RunInfo, rules: &Rules, history: &[QuarterReport]) -> String {
    let mut out = format!(
        "{} ({}), seed {}, plan {}\n",
        info.scenario_title, info.scenario_id, info.seed, info.plan
    );
    let mut header = String::new();
    for (name, width, _) in COLUMNS {
        header.push_str(&format!("{name:>width$} "));
    }
    header.push_str(" news");
    out.push_str(header.trim_end());
    out.push('\n');
    for r in history {
        let mut line = String::new();
        for (_, width, value) in COLUMNS {
            line.push_str(&format!("{:>width$} ", value(r)));
        }
        let news: Vec<String> = r.news.iter().map(|n| news_headline(rules, n)).collect();
        if !news.is_empty() {
            line.push_str(&format!(" {}", news.join("; ")));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str(&verdict(rules, history));
    out.push('\n');
    out
}

//! The class's KPI charts: every ranked player's line, faint, and the
//! benchmarks highlighted. Above [`MAX_LINES`] players, an even sample of
//! the ranking is drawn (the caption says so), so the page stays light.

use super::ClassReport;
use super::digest::KPI_TITLES;
use crate::report::svg::{Chart, Look, Series};
use crate::sim::{Stock, baseline_profit};

/// The most player lines one chart draws.
pub const MAX_LINES: usize = 400;

/// One chart per KPI of [`KPI_TITLES`], and how many players are drawn.
pub fn kpi_charts(r: &ClassReport) -> (Vec<Chart>, usize) {
    let ranked: Vec<_> = r.ranked().collect();
    let step = ranked.len().div_ceil(MAX_LINES).max(1);
    let drawn: Vec<_> = ranked.iter().step_by(step).collect();
    let charts = KPI_TITLES
        .iter()
        .enumerate()
        .map(|(k, title)| {
            let mut series: Vec<Series> = drawn
                .iter()
                .map(|(_, d)| Series {
                    name: d.player.clone(),
                    values: d.kpis[k].clone(),
                    look: Look::Faint,
                })
                .collect();
            if let (Some(b), Some(s)) = (&r.bench, &r.scenario) {
                let rules = &s.rules;
                for (i, bench) in b.all().iter().enumerate() {
                    let start = match k {
                        0 => rules.start.get(Stock::Culture),
                        1 => rules.start.get(Stock::Engagement),
                        2 => baseline_profit(rules),
                        _ => 0.0,
                    };
                    let values = std::iter::once(start)
                        .chain(bench.history.iter().map(|q| match k {
                            0 => q.stocks.get(Stock::Culture),
                            1 => q.stocks.get(Stock::Engagement),
                            2 => q.kpis.profit,
                            _ => q.kpis.cumulative_profit,
                        }))
                        .collect();
                    let name = match i {
                        0 => "do nothing".to_string(),
                        1 => "balanced".to_string(),
                        _ => format!("best found: {}", bench.name),
                    };
                    series.push(Series {
                        name,
                        values,
                        look: Look::Bench(i),
                    });
                }
            }
            Chart {
                title: title.to_string(),
                series,
                marks: Vec::new(),
            }
        })
        .collect();
    (charts, drawn.len())
}

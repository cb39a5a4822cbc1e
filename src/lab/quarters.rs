//! Per-quarter figures of one plan across the lab's seeds (`scenario lab
//! FILE --plan NAME --quarters`): an author sees when a story turns — the
//! quarter profit dips, culture takes off, or the board runs out of
//! patience — not only how the game ends.

use super::rule_detail::percentile;
use super::{LabReport, PlanResult};
use crate::report::fixed;
use crate::scenario::Metric;
use crate::sim::{Kpi, Stock};

/// The figures shown, with their headings.
const COLUMNS: [(&str, Metric); 6] = [
    ("score", Metric::Score),
    ("cum.profit", Metric::Kpi(Kpi::CumulativeProfit)),
    ("profit", Metric::Kpi(Kpi::Profit)),
    ("culture", Metric::Kpi(Kpi::Culture)),
    ("cash", Metric::Stock(Stock::Cash)),
    ("board", Metric::Stock(Stock::Board)),
];

/// The table for one plan: a line per quarter with each figure's median
/// and (p10–p90), and the share of seeds whose game has ended.
pub fn render_quarters(report: &LabReport, plan: &PlanResult, quarters: u32) -> String {
    let mut out = format!(
        "\nPer quarter: {} on {} seeds — median (p10 – p90)\n",
        plan.name,
        plan.games.len()
    );
    out.push_str(&format!("{:>3}", "q"));
    for (name, _) in COLUMNS {
        out.push_str(&format!(" {name:>24}"));
    }
    out.push_str(&format!(" {:>9}\n", "game over"));
    for q in 1..=quarters {
        out.push_str(&format!("{q:>3}"));
        for (_, metric) in COLUMNS {
            let mut v: Vec<f64> = plan.games.iter().map(|g| g.get(metric, q)).collect();
            v.sort_by(f64::total_cmp);
            let cell = format!(
                "{} ({} – {})",
                fixed(percentile(&v, 0.5), 1),
                fixed(percentile(&v, 0.1), 0),
                fixed(percentile(&v, 0.9), 0)
            );
            out.push_str(&format!(" {cell:>24}"));
        }
        let over = plan
            .games
            .iter()
            .filter(|g| g.get(Metric::GameOver, q) > 0.5)
            .count();
        out.push_str(&format!(
            " {:>9}\n",
            format!("{over}/{}", report.seeds.len())
        ));
    }
    out
}

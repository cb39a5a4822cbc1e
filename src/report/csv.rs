//! CSV with every stock and KPI per quarter, for spreadsheets. True values
//! (not the noisy figures a player sees), two decimals, RFC 4180 quoting.

use super::{RunInfo, STOCK_COLUMNS, fixed, news_headline};
use crate::sim::{QuarterReport, Rules};

/// A KPI column: its header and how to read it from a report.
type KpiColumn = (&'static str, fn(&QuarterReport) -> f64);

const KPI_COLUMNS: [KpiColumn; 15] = [
    ("revenue", |r| r.kpis.revenue),
    ("new_product_revenue", |r| r.kpis.new_product_revenue),
    ("cost_to_serve", |r| r.kpis.cost_to_serve),
    ("fixed_costs", |r| r.kpis.fixed_costs),
    ("spending", |r| r.kpis.spending),
    ("profit", |r| r.kpis.profit),
    ("cumulative_profit", |r| r.kpis.cumulative_profit),
    ("owner_return", |r| r.kpis.owner_return),
    ("expected_profit", |r| r.kpis.expected_profit),
    ("churn", |r| r.kpis.churn),
    ("nps", |r| r.kpis.nps),
    ("customers", |r| r.kpis.customers),
    ("customer_equity", |r| r.kpis.customer_equity),
    ("load", |r| r.kpis.load),
    ("score", |r| r.kpis.score),
];

pub(super) fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// Renders the run as CSV: a header line, then one line per quarter.
pub fn render_csv(info: &RunInfo, rules: &Rules, history: &[QuarterReport]) -> String {
    let mut header = vec![
        "scenario",
        "seed",
        "quarter",
        "vision_spend",
        "insight_spend",
        "skills_spend",
        "marketing_spend",
        "payout",
    ];
    header.extend(STOCK_COLUMNS.iter().map(|s| s.key()));
    header.extend(KPI_COLUMNS.iter().map(|(name, _)| *name));
    header.extend(["outcome", "initiatives", "news"]);
    let mut out = header.join(",");
    out.push('\n');
    for r in history {
        let d = &r.decisions;
        let mut row = vec![
            quote(info.scenario_id),
            info.seed.to_string(),
            r.quarter.to_string(),
            fixed(d.vision, 2),
            fixed(d.insight, 2),
            fixed(d.skills, 2),
            fixed(d.marketing, 2),
            fixed(d.payout, 2),
        ];
        row.extend(STOCK_COLUMNS.iter().map(|s| fixed(r.stocks.get(*s), 2)));
        row.extend(
            KPI_COLUMNS
                .iter()
                .map(|(_, f)| fixed(f(r), if f(r).abs() < 1.0 { 4 } else { 2 })),
        );
        row.push(format!("{:?}", r.outcome).to_lowercase());
        row.push(quote(&d.initiatives.join(";")));
        let news: Vec<String> = r.news.iter().map(|n| news_headline(rules, n)).collect();
        row.push(quote(&news.join("; ")));
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn fields_with_commas_or_quotes_are_quoted() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("a, b"), "\"a, b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}

//! JSON for programs: the run's identity and, per quarter, the decisions,
//! every stock, every KPI, the figures the player saw, the news and the why
//! ledger (each stock's change as named terms).

use super::{RunInfo, news_headline};
use crate::sim::{QuarterReport, Rules, Stock};
use serde_json::{Map, Value, json};

/// Renders the run as pretty-printed JSON.
pub fn render_json(info: &RunInfo, rules: &Rules, history: &[QuarterReport]) -> String {
    let quarters: Vec<Value> = history.iter().map(|r| quarter(rules, r)).collect();
    let last = history.last();
    let doc = json!({
        "scenario": info.scenario_id,
        "title": info.scenario_title,
        "seed": info.seed,
        "plan": info.plan,
        "quarters_in_game": rules.quarters,
        "score_formula": rules.scoring.formula(),
        "outcome": last.map(|r| r.outcome),
        "score": last.map(|r| r.kpis.score),
        "quarters": quarters,
    });
    let mut s =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

fn quarter(rules: &Rules, r: &QuarterReport) -> Value {
    let mut stocks = Map::new();
    let mut why = Map::new();
    for s in Stock::ALL {
        stocks.insert(s.key().into(), json!(r.stocks.get(s)));
        let terms: Vec<Value> = r
            .ledger
            .for_stock(s)
            .map(|t| json!({ "cause": t.cause.label(rules), "value": t.value }))
            .collect();
        why.insert(s.key().into(), Value::Array(terms));
    }
    let news: Vec<String> = r.news.iter().map(|n| news_headline(rules, n)).collect();
    json!({
        "quarter": r.quarter,
        "decisions": r.decisions,
        "stocks": stocks,
        "kpis": r.kpis,
        "reported": r.reported,
        "news": news,
        "outcome": r.outcome,
        "checksum": format!("{:016x}", r.checksum),
        "why": why,
    })
}

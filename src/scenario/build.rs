//! The checked tree → the model's [`Rules`] and the scenario's texts, with
//! the checks that need more than one key at a time (the starting cash
//! above the credit line, ids unique across the file, …).

use super::content::{dilemma, event, initiative};
use super::message::fmt_num;
use super::spec::{MAX_QUARTERS, start_bounds};
use super::tree::{Fields, Value};
use super::walk::Checker;
use crate::sim::{Expectation, Kpi, Rules, Scoring, Stock};

/// Everything a scenario file defines, once checked.
#[derive(Clone, Debug, Default)]
pub(crate) struct Built {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub story: String,
    pub goal: String,
    pub seed: u64,
    pub lock_seed: bool,
    pub rules: Rules,
    pub expect: Vec<super::expect::ExpectRule>,
    pub plans: Vec<super::plans::ScenarioPlan>,
}

/// Builds the scenario from the checked top-level table. Problems go to
/// the checker; the result is only used when there are none.
pub(crate) fn build(f: &Fields, c: &mut Checker<'_>) -> Built {
    let text = |k: &str| f.text(k).unwrap_or_default().to_string();
    let briefing = f.table("briefing").cloned().unwrap_or_default();
    let mut rules = Rules::default();
    let quarters = f.int("quarters").and_then(|q| u32::try_from(q).ok());
    if let Some(q) = quarters {
        rules.quarters = q;
    }
    rules.budget = f.num("budget").unwrap_or(rules.budget);
    rules.credit_line = f.num("credit_line").unwrap_or(rules.credit_line);
    start(f, &mut rules, c);
    economics(f, &mut rules);
    if let Some(node) = f.table("board").and_then(|b| b.get("expectation")) {
        rules.expectation = match (&node.value, node.num()) {
            (_, Some(x)) => Expectation::Fixed(x),
            _ => Expectation::Previous,
        };
    }
    for (name, node) in f.table("model").map_or(&[][..], |m| &m.entries[..]) {
        if let Some(x) = node.num() {
            rules.params.set(name, x);
        }
    }
    if let Some(s) = f.table("scoring") {
        rules.scoring = scoring(s, c);
    }
    // With no valid length, check quarters only against the format's limit
    // rather than against a default the author never wrote.
    let q = quarters.unwrap_or(MAX_QUARTERS as u32);
    rules.events = f
        .list("event")
        .iter()
        .filter_map(|e| event(e, q, c))
        .collect();
    rules.dilemmas = f
        .list("dilemma")
        .iter()
        .filter_map(|d| dilemma(d, q, c))
        .collect();
    rules.initiatives = f
        .list("initiative")
        .iter()
        .filter_map(|i| initiative(i, c))
        .collect();
    unique_ids(f, c);
    let plans = super::plans::plans(f, &rules, c);
    let mut names: Vec<&str> = crate::plan::REFERENCE_PLANS.to_vec();
    names.extend(plans.iter().map(|p| p.id.as_str()));
    let expect = f
        .list("expect")
        .iter()
        .filter_map(|e| super::expect::expect(e, q, &names, c))
        .collect();
    Built {
        id: text("id"),
        title: text("title"),
        summary: text("summary"),
        story: briefing.text("story").unwrap_or_default().to_string(),
        goal: briefing.text("goal").unwrap_or_default().to_string(),
        seed: f
            .int("seed")
            .and_then(|s| u64::try_from(s).ok())
            .unwrap_or(1),
        lock_seed: f.flag("lock_seed").unwrap_or(false),
        rules,
        expect,
        plans,
    }
}

/// The starting stocks, and two ways to lose before the first quarter.
fn start(f: &Fields, rules: &mut Rules, c: &mut Checker<'_>) {
    let table = f.table("start").cloned().unwrap_or_default();
    for (name, node) in &table.entries {
        if let (Some(stock), Some(x)) = (Stock::from_key(name), node.num()) {
            rules.start.set(stock, x);
        }
    }
    let cash = rules.start.get(Stock::Cash);
    // Only compare numbers that were written correctly (or not at all).
    let known = |t: &Fields, k: &str| !t.has(k) || t.num(k).is_some();
    if known(&table, "cash") && known(f, "credit_line") && cash < rules.credit_line {
        let (offset, path) = if table.has("cash") {
            (table.offset_of("cash"), table.path_of("cash"))
        } else {
            (f.offset_of("credit_line"), "credit_line".to_string())
        };
        c.report(
            offset,
            &path,
            format!(
                "the starting cash ({}) is below the credit line ({}): the game would be over before it starts",
                fmt_num(cash),
                fmt_num(rules.credit_line)
            ),
            "raise start.cash or lower credit_line".into(),
        );
    }
    if table.num("board").is_some() && rules.start.get(Stock::Board) <= 0.0 {
        c.report(
            table.offset_of("board"),
            &table.path_of("board"),
            "a board confidence of 0 ends the game before it starts".into(),
            format!(
                "start the board above 0 (it may go up to {})",
                fmt_num(start_bounds(Stock::Board).1)
            ),
        );
    }
}

fn economics(f: &Fields, rules: &mut Rules) {
    let Some(e) = f.table("economics") else {
        return;
    };
    let eco = &mut rules.economics;
    eco.fixed_costs = e.num("fixed_costs").unwrap_or(eco.fixed_costs);
    eco.market_growth = e.num("market_growth").unwrap_or(eco.market_growth);
    for (key, target) in [
        ("price", &mut eco.price),
        ("cost_to_serve", &mut eco.cost_to_serve),
    ] {
        let Some(t) = e.table(key) else { continue };
        for (i, segment) in Stock::SEGMENTS.iter().enumerate() {
            if let Some(x) = t.num(segment.key()) {
                target[i] = x;
            }
        }
    }
}

fn scoring(s: &Fields, c: &mut Checker<'_>) -> Scoring {
    let mut scoring = Scoring::default();
    scoring.game_over_penalty = s
        .num("game_over_penalty")
        .unwrap_or(scoring.game_over_penalty);
    if let Some(w) = s.table("weights") {
        scoring.weights = w
            .entries
            .iter()
            .filter_map(|(k, n)| Some((Kpi::from_key(k)?, n.num()?)))
            .collect();
        if w.written.is_empty() {
            c.report(
                w.offset,
                &w.path,
                "has no weights: the score would always be 0".into(),
                "add at least one, e.g. culture = 1 or cumulative_profit = 0.01".into(),
            );
        }
    }
    scoring
}

/// Ids name events, dilemmas and initiatives in plans, saves and the why
/// ledger, so one id may name only one thing in the whole file.
fn unique_ids(f: &Fields, c: &mut Checker<'_>) {
    let mut seen: Vec<(String, String, usize)> = Vec::new();
    for key in ["event", "dilemma", "initiative"] {
        for item in f.list(key) {
            let Some(node) = item.get("id") else { continue };
            let Value::Text(id) = &node.value else {
                continue;
            };
            match seen.iter().find(|(s, _, _)| s == id) {
                Some((_, path, offset)) => {
                    let (line, _) = c.locate(*offset);
                    let help = format!(
                        "{path} (line {line}) already uses it; give each event, dilemma and initiative its own id"
                    );
                    c.report(
                        node.offset,
                        &node.path,
                        format!("duplicate id \"{id}\""),
                        help,
                    );
                }
                None => seen.push((id.clone(), item.path.clone(), node.offset)),
            }
        }
    }
}

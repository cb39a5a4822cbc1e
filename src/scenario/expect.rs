//! `[[expect]]` rules: a scenario states its own story ("balanced beats
//! doing nothing on score in 90% of seeds") and the balance lab checks it.
//! This module holds the rules as data and builds them from the checked
//! tree; the lab evaluates them.

use super::tree::Fields;
use super::walk::Checker;
use crate::sim::{Kpi, Stock};

/// What a rule measures at a quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    /// The scenario's score.
    Score,
    /// A figure the score can weigh.
    Kpi(Kpi),
    /// Any stock (vision, fatigue, …).
    Stock(Stock),
    /// 1 when the game has ended early by that quarter, else 0.
    GameOver,
}

impl Metric {
    /// Every key a rule's `metric` may hold.
    pub fn keys() -> Vec<&'static str> {
        let mut keys = vec!["score"];
        keys.extend(Kpi::ALL.iter().map(|k| k.key()));
        for s in Stock::ALL {
            if !keys.contains(&s.key()) {
                keys.push(s.key());
            }
        }
        keys.push("game_over");
        keys
    }

    /// Looks a metric up by key.
    pub fn from_key(key: &str) -> Option<Metric> {
        match key {
            "score" => Some(Metric::Score),
            "game_over" => Some(Metric::GameOver),
            _ => Kpi::from_key(key)
                .map(Metric::Kpi)
                .or_else(|| Stock::from_key(key).map(Metric::Stock)),
        }
    }

    /// The key, as written in files.
    pub fn key(self) -> &'static str {
        match self {
            Metric::Score => "score",
            Metric::Kpi(k) => k.key(),
            Metric::Stock(s) => s.key(),
            Metric::GameOver => "game_over",
        }
    }
}

/// Which way a comparison must go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compare {
    Above,
    Below,
}

/// What a plan is compared with.
#[derive(Clone, Debug, PartialEq)]
pub enum Versus {
    /// Another reference plan, on the same seed.
    Plan(String),
    /// A fixed number.
    Value(f64),
}

/// One `[[expect]]` rule.
#[derive(Clone, Debug, PartialEq)]
pub struct ExpectRule {
    /// The rule in words, as the lab prints it.
    pub text: String,
    /// The reference plan measured.
    pub plan: String,
    pub versus: Versus,
    pub metric: Metric,
    /// First and last quarter of the window; the comparison must hold in
    /// every quarter of it.
    pub from: u32,
    pub to: u32,
    pub compare: Compare,
    /// The share of seeds on which it must hold.
    pub share: f64,
}

impl ExpectRule {
    /// A one-line description generated from the rule's parts, used when
    /// the author wrote no text.
    pub fn describe(&self) -> String {
        let versus = match &self.versus {
            Versus::Plan(p) => p.clone(),
            Versus::Value(v) => super::message::fmt_num(*v),
        };
        let dir = match self.compare {
            Compare::Above => "above",
            Compare::Below => "below",
        };
        let when = if self.from == self.to {
            format!("in quarter {}", self.from)
        } else {
            format!("in quarters {}–{}", self.from, self.to)
        };
        format!(
            "{} {dir} {versus} on {} {when}, on {}% of seeds",
            self.plan,
            self.metric.key(),
            super::message::fmt_num(self.share * 100.0)
        )
    }
}

/// Builds one rule; `plans` are the names a rule may use (the reference
/// plans and the scenario's own).
pub(crate) fn expect(
    f: &Fields,
    quarters: u32,
    plans: &[&str],
    c: &mut Checker<'_>,
) -> Option<ExpectRule> {
    let mut known = true;
    for key in ["plan", "versus"] {
        if let Some(name) = f.text(key).filter(|n| !plans.contains(n)) {
            c.report(
                f.offset_of(key),
                &f.path_of(key),
                format!("unknown plan \"{name}\""),
                super::suggest::help_with_choices(name, plans, "plans"),
            );
            known = false;
        }
    }
    let quarter = |key: &str| f.int(key).and_then(|q| u32::try_from(q).ok());
    let to = quarter("to").unwrap_or(quarters);
    let from = quarter("from").unwrap_or(to);
    if from > to {
        c.report(
            f.offset_of("from"),
            &f.path_of("from"),
            format!("from = {from} is after to = {to}"),
            "the window runs from the first quarter to the last: swap them".into(),
        );
    }
    for (key, q) in [("from", from), ("to", to)] {
        if f.has(key) && q > quarters {
            c.report(
                f.offset_of(key),
                &f.path_of(key),
                format!("quarter {q} is after the scenario's last quarter ({quarters})"),
                format!("use a quarter from 1 to {quarters}"),
            );
        }
    }
    let versus = match (f.text("versus"), f.num("value")) {
        (Some(p), None) => Versus::Plan(p.to_string()),
        (None, Some(v)) => Versus::Value(v),
        (Some(_), Some(_)) => {
            c.report(
                f.offset_of("value"),
                &f.path,
                "gives both versus and value".into(),
                "compare with another plan (versus = \"do-nothing\") or with a number (value = 100), not both".into(),
            );
            return None;
        }
        (None, None) => {
            if !f.has("versus") && !f.has("value") {
                c.report(
                    f.offset,
                    &f.path,
                    "has neither versus nor value".into(),
                    "add versus = \"do-nothing\" to compare with another plan, or value = 100 to compare with a number".into(),
                );
            }
            return None;
        }
    };
    let plan = f.text("plan").filter(|_| known)?.to_string();
    if let Versus::Plan(other) = &versus
        && *other == plan
    {
        c.report(
            f.offset_of("versus"),
            &f.path_of("versus"),
            format!("compares {plan} with itself"),
            "name another reference plan, or compare with a number (value = …)".into(),
        );
    }
    let metric = Metric::from_key(f.text("metric")?)?;
    let compare = match f.text("compare") {
        Some("below") => Compare::Below,
        _ => Compare::Above,
    };
    let share = f.num("share").unwrap_or(1.0);
    if share == 0.0 {
        c.warn(
            f.offset_of("share"),
            &f.path_of("share"),
            "share = 0 holds on every seed: this rule can never fail".into(),
            "give the share of seeds on which the comparison must hold, e.g. share = 0.9".into(),
        );
    }
    if let Versus::Value(v) = versus
        && let Some((message, help)) = never_holds(metric, compare, v)
    {
        c.warn(f.offset_of("value"), &f.path_of("value"), message, help);
    }
    let mut rule = ExpectRule {
        text: String::new(),
        plan,
        versus,
        metric,
        from,
        to,
        compare,
        share,
    };
    rule.text = f
        .text("text")
        .map_or_else(|| rule.describe(), str::to_string);
    Some(rule)
}

/// A comparison with a number that no run can satisfy, or that every run
/// satisfies: game_over is 0 or 1, an index stock 0 to 100. The message
/// and the fix.
fn never_holds(metric: Metric, compare: Compare, value: f64) -> Option<(String, String)> {
    let (lo, hi, what) = match metric {
        Metric::GameOver => (
            0.0,
            1.0,
            "game_over is 0 (playing) or 1 (the game has ended)",
        ),
        Metric::Stock(s) if s.kind() == crate::sim::StockKind::Index => {
            (0.0, 100.0, "an index stock runs from 0 to 100")
        }
        _ => return None,
    };
    let v = super::message::fmt_num(value);
    let (never, always) = match compare {
        Compare::Above => (value >= hi, value < lo),
        Compare::Below => (value <= lo, value > hi),
    };
    let dir = match compare {
        Compare::Above => "above",
        Compare::Below => "below",
    };
    let fix = match metric {
        Metric::GameOver => {
            "to say the plan must not end early, write compare = \"below\" with value = 0.5; to say it must, compare = \"above\" with value = 0.5"
        }
        _ => "compare with a value inside 0 to 100",
    };
    if never {
        Some((format!("{dir} {v} can never hold: {what}"), fix.to_string()))
    } else if always {
        Some((
            format!("{dir} {v} always holds: {what}, so this rule can never fail"),
            fix.to_string(),
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_that_can_never_hold_or_never_fail_are_told_apart() {
        let never = |m, c, v| never_holds(m, c, v).map(|(msg, _)| msg);
        let over = Metric::GameOver;
        assert!(never(over, Compare::Above, 2.0).is_some_and(|m| m.contains("can never hold")));
        assert!(never(over, Compare::Above, 1.0).is_some_and(|m| m.contains("can never hold")));
        assert_eq!(never(over, Compare::Above, 0.5), None);
        assert!(never(over, Compare::Below, 0.0).is_some_and(|m| m.contains("can never hold")));
        assert!(never(over, Compare::Below, 1.5).is_some_and(|m| m.contains("always holds")));
        let culture = Metric::Stock(Stock::Culture);
        assert!(never(culture, Compare::Above, 100.0).is_some());
        assert_eq!(never(culture, Compare::Above, 60.0), None);
        // Money has no bounds to know.
        assert_eq!(never(Metric::Kpi(Kpi::Cash), Compare::Above, 1.0e9), None);
    }
}

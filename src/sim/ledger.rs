//! The why ledger: every change of every stock as a list of named terms
//! that sum to the change. The interface and the debrief explain only what
//! is written here.

use super::effect::Source;
use super::rules::Rules;
use super::stock::Stock;
use serde::Serialize;

/// What caused a term.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cause {
    /// A mechanism of the model, e.g. "culture pull" or "churn".
    Model(&'static str),
    /// An effect of an event, a dilemma answer or an initiative.
    Effect(Source),
    /// The part of a model flow (e.g. "churn") that an effect caused by
    /// scaling it (e.g. a rival's launch raising churn by 20%).
    Via { flow: &'static str, source: Source },
}

impl Cause {
    /// A name for people, resolving effect sources through the rules.
    pub fn label(&self, rules: &Rules) -> String {
        match self {
            Cause::Model(name) => (*name).to_string(),
            Cause::Effect(source) => source_label(rules, *source),
            Cause::Via { flow, source } => format!("{} ({flow})", source_label(rules, *source)),
        }
    }
}

/// A name for the origin of an effect.
pub fn source_label(rules: &Rules, source: Source) -> String {
    match source {
        Source::Event(i) => rules
            .events
            .get(usize::from(i))
            .map_or_else(|| "an event".to_string(), |e| e.title.clone()),
        Source::Choice(d, c) => rules.dilemmas.get(usize::from(d)).map_or_else(
            || "a decision".to_string(),
            |d| {
                let choice = d
                    .choices
                    .get(usize::from(c))
                    .map_or("?", |c| c.label.as_str());
                format!("{}: {}", d.title, choice)
            },
        ),
        Source::Initiative(i) => rules
            .initiatives
            .get(usize::from(i))
            .map_or_else(|| "an initiative".to_string(), |i| i.title.clone()),
    }
}

/// One named contribution to a stock's change.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Term {
    pub stock: Stock,
    pub cause: Cause,
    pub value: f64,
}

/// All terms of one quarter, grouped by stock in model order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Ledger {
    pub terms: Vec<Term>,
}

impl Ledger {
    /// The terms that changed one stock, in the order the model computed them.
    pub fn for_stock(&self, stock: Stock) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(move |t| t.stock == stock)
    }

    /// The sum of the terms of one stock: its change this quarter.
    pub fn total(&self, stock: Stock) -> f64 {
        self.for_stock(stock).map(|t| t.value).sum()
    }

    /// The terms of one stock with the same cause added together, in the
    /// order each cause first appears.
    pub fn grouped(&self, stock: Stock) -> Vec<(Cause, f64)> {
        let mut out: Vec<(Cause, f64)> = Vec::new();
        for t in self.for_stock(stock) {
            match out.iter_mut().find(|(c, _)| *c == t.cause) {
                Some((_, v)) => *v += t.value,
                None => out.push((t.cause, t.value)),
            }
        }
        out
    }

    /// The terms of one stock, largest effect first.
    pub fn biggest(&self, stock: Stock) -> Vec<Term> {
        let mut v: Vec<Term> = self.for_stock(stock).copied().collect();
        v.sort_by(|a, b| b.value.abs().total_cmp(&a.value.abs()));
        v
    }
}

//! Two runs side by side ("what if I had held training in Q3?"): where
//! they part (the first quarter whose decisions differ, and the first whose
//! state does), every KPI of each at the end, the score term by term, and
//! the why-ledger causes whose sums differ most in culture and in cash
//! (where profit lands). Pure: the caller loads the runs and prints.

use super::doc::Doc;
use crate::analysis::{RunRef, differing_causes, score_breakdown};
use crate::sim::{Decisions, Kpi, QuarterReport, Rules, Stock};

/// One run to compare.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    /// How the reader knows it (a file name).
    pub label: &'a str,
    pub rules: &'a Rules,
    pub history: &'a [QuarterReport],
}

/// Where two runs part.
#[derive(Clone, Debug, PartialEq)]
pub struct Divergence {
    /// The first quarter whose decisions differ (`None`: the same
    /// decisions as far as both go).
    pub decisions: Option<u32>,
    /// What differs in that quarter, e.g. "skills 60 → 0".
    pub changes: Vec<String>,
    /// The first quarter after which the states differ (`None`: the same
    /// as far as both go, and equally long).
    pub state: Option<u32>,
}

/// Where `a` and `b` part.
pub fn divergence(a: &[QuarterReport], b: &[QuarterReport]) -> Divergence {
    let decisions = a
        .iter()
        .zip(b)
        .find(|(x, y)| x.decisions != y.decisions)
        .map(|(x, _)| x.quarter);
    let changes = decisions
        .and_then(|q| {
            let i = (q - 1) as usize;
            Some(decision_changes(&a.get(i)?.decisions, &b.get(i)?.decisions))
        })
        .unwrap_or_default();
    let common = a.len().min(b.len());
    let state = a
        .iter()
        .zip(b)
        .find(|(x, y)| x.checksum != y.checksum)
        .map(|(x, _)| x.quarter)
        .or_else(|| (a.len() != b.len()).then_some(common as u32 + 1));
    Divergence {
        decisions,
        changes,
        state,
    }
}

/// The decisions that differ, each as "what A → what B".
pub fn decision_changes(a: &Decisions, b: &Decisions) -> Vec<String> {
    let mut out = Vec::new();
    for (name, x, y) in [
        ("vision", a.vision, b.vision),
        ("insight", a.insight, b.insight),
        ("skills", a.skills, b.skills),
        ("marketing", a.marketing, b.marketing),
    ] {
        if x.to_bits() != y.to_bits() {
            out.push(format!("{name} {} → {}", amount(x), amount(y)));
        }
    }
    if a.initiatives != b.initiatives {
        let list = |v: &[String]| {
            if v.is_empty() {
                "none".to_string()
            } else {
                v.join(", ")
            }
        };
        out.push(format!(
            "initiatives {} → {}",
            list(&a.initiatives),
            list(&b.initiatives)
        ));
    }
    let dilemmas: std::collections::BTreeSet<&String> =
        a.answers.keys().chain(b.answers.keys()).collect();
    for d in dilemmas {
        let (x, y) = (a.answers.get(d), b.answers.get(d));
        if x != y {
            let show = |c: Option<&String>| c.map_or("(default)".to_string(), Clone::clone);
            out.push(format!("{d}: {} → {}", show(x), show(y)));
        }
    }
    out
}

fn amount(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

/// The stocks whose causes a comparison lists, with the words used.
const EXPLAINED: [(Stock, &str); 2] = [
    (Stock::Culture, "Culture"),
    (Stock::Cash, "Cash (where every quarter's profit lands)"),
];

/// How many causes are listed for each stock.
const CAUSES: usize = 6;

/// The comparison of `a` and `b` as a document; every difference is
/// B − A.
pub fn render_compare(a: Side<'_>, b: Side<'_>) -> Doc {
    let mut doc = Doc {
        title: format!("Comparing {} (A) and {} (B)", a.label, b.label),
        blocks: Vec::new(),
    };
    let (Some(la), Some(lb)) = (a.history.last(), b.history.last()) else {
        doc.para("One of the runs has no quarter played: there is nothing to compare.");
        return doc;
    };
    let d = divergence(a.history, b.history);
    doc.heading("Where the runs part");
    match (d.decisions, d.state) {
        (None, None) => doc.para(
            "The runs are identical: the same decisions and the same state in every quarter.",
        ),
        (q, s) => {
            if let Some(q) = q {
                doc.para(format!(
                    "The decisions first differ in quarter {q}: {}.",
                    d.changes.join("; ")
                ));
            } else {
                doc.para(format!(
                    "The decisions are the same as far as both runs go: A has played {} quarter(s), B {}.",
                    la.quarter, lb.quarter
                ));
            }
            match s {
                Some(s) => doc.para(format!(
                    "The state first differs after quarter {s}{}.",
                    match s {
                        1 => String::new(),
                        2 => "; quarter 1 is identical".into(),
                        s => format!("; quarters 1-{} are identical", s - 1),
                    }
                )),
                None => doc.para("The state is the same in every quarter."),
            }
        }
    }
    let (sa, sb) = (la.kpis.score, lb.kpis.score);
    doc.para(format!(
        "Score: A {sa:.1} after quarter {}, B {sb:.1} after quarter {} — B {} by {:.1}.",
        la.quarter,
        lb.quarter,
        if sb >= sa { "ahead" } else { "behind" },
        (sb - sa).abs()
    ));

    doc.heading("Every KPI at the end");
    let mut rows = vec![row("score", sa, sb, 1)];
    for kpi in Kpi::ALL {
        let digits = if matches!(kpi, Kpi::Nps) { 0 } else { 1 };
        rows.push(row(kpi.label(), la.kpi(kpi), lb.kpi(kpi), digits));
    }
    rows.push(row(
        "quarters played",
        la.quarter as f64,
        lb.quarter as f64,
        0,
    ));
    doc.table(&["KPI", "A", "B", "B − A"], rows);

    doc.heading("Quarter by quarter");
    let from = d
        .state
        .or(d.decisions)
        .unwrap_or(1)
        .saturating_sub(1)
        .max(1);
    let last = a.history.len().max(b.history.len()) as u32;
    let mut rows = Vec::new();
    for q in from..=last {
        let get = |h: &[QuarterReport]| h.get((q - 1) as usize).cloned();
        let (x, y) = (get(a.history), get(b.history));
        let cell = |r: &Option<QuarterReport>, f: fn(&QuarterReport) -> f64| {
            r.as_ref()
                .map_or("—".to_string(), |r| format!("{:.1}", f(r)))
        };
        rows.push(vec![
            format!("Q{q}"),
            cell(&x, |r| r.kpis.score),
            cell(&y, |r| r.kpis.score),
            cell(&x, |r| r.stocks.get(Stock::Culture)),
            cell(&y, |r| r.stocks.get(Stock::Culture)),
            cell(&x, |r| r.kpis.profit),
            cell(&y, |r| r.kpis.profit),
        ]);
    }
    doc.table(
        &[
            "quarter",
            "score A",
            "score B",
            "culture A",
            "culture B",
            "profit A",
            "profit B",
        ],
        rows,
    );

    doc.heading("The score, term by term");
    let (ba, bb) = (score_breakdown(a.rules, la), score_breakdown(b.rules, lb));
    let mut rows: Vec<Vec<String>> = ba
        .terms
        .iter()
        .zip(&bb.terms)
        .map(|(x, y)| row(x.label, x.points, y.points, 1))
        .collect();
    if ba.penalty != 0.0 || bb.penalty != 0.0 {
        rows.push(row("game over penalty", -ba.penalty, -bb.penalty, 1));
    }
    rows.push(row("score", ba.total, bb.total, 1));
    doc.table(&["term (points)", "A", "B", "B − A"], rows);

    let run_a = [RunRef {
        rules: a.rules,
        history: a.history,
    }];
    let run_b = [RunRef {
        rules: b.rules,
        history: b.history,
    }];
    let all = differing_causes(&run_b, &run_a, usize::MAX);
    for (stock, words) in EXPLAINED {
        let (ca, cb) = (
            a.history.last().map_or(0.0, |r| r.stocks.get(stock)),
            b.history.last().map_or(0.0, |r| r.stocks.get(stock)),
        );
        doc.heading(format!(
            "{words}: why B ends {:.1} {} (the causes that differ most)",
            (cb - ca).abs(),
            if cb >= ca { "higher" } else { "lower" }
        ));
        let rows: Vec<Vec<String>> = all
            .iter()
            .filter(|c| c.stock == stock)
            .take(CAUSES)
            .map(|c| row(&c.cause, c.mean_b, c.mean_a, 1))
            .collect();
        if rows.is_empty() {
            doc.para("No cause differs.");
        } else {
            doc.table(&["cause (sum over the game)", "A", "B", "B − A"], rows);
        }
    }
    doc
}

/// A table row: label, A, B and B − A with a sign.
fn row(label: &str, a: f64, b: f64, digits: usize) -> Vec<String> {
    let diff = b - a;
    let shown = if diff.abs() < 0.5 * 10f64.powi(-(digits as i32)) {
        format!("{:.digits$}", 0.0)
    } else {
        format!("{diff:+.digits$}")
    };
    vec![
        label.to_string(),
        format!("{a:.digits$}"),
        format!("{b:.digits$}"),
        shown,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Plan;
    use crate::sim::Game;
    use std::sync::Arc;

    fn played(rules: &Arc<Rules>, plan: &Plan) -> Vec<QuarterReport> {
        let mut game = Game::new(Arc::clone(rules), 5);
        let _ = game.play_out(|q, s| plan.decisions_for(q, rules, s));
        game.history().to_vec()
    }

    #[test]
    fn the_first_diverging_quarter_is_named_with_what_changed() {
        let rules = Arc::new(Rules::default());
        let base = Plan::balanced(&rules);
        let mut held = base.clone();
        held.quarters.insert(
            3,
            Decisions {
                skills: 0.0,
                ..base.default.clone()
            },
        );
        let (a, b) = (played(&rules, &base), played(&rules, &held));
        let d = divergence(&a, &b);
        assert_eq!(d.decisions, Some(3));
        assert_eq!(d.state, Some(3));
        assert_eq!(d.changes, vec!["skills 90 → 0".to_string()]);
        assert_eq!(divergence(&a, &a).state, None);
        assert_eq!(divergence(&a, &a[..5]).state, Some(6), "one run is longer");
        let doc = render_compare(
            Side {
                label: "a",
                rules: &rules,
                history: &a,
            },
            Side {
                label: "b",
                rules: &rules,
                history: &b,
            },
        )
        .render(super::super::doc::DocFormat::Text);
        assert!(doc.contains("The decisions first differ in quarter 3: skills 90 → 0."));
        assert!(doc.contains("quarters 1-2 are identical"), "{doc}");
        assert!(doc.contains("Culture: why B ends"), "{doc}");
    }
}

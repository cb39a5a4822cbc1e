//! The story of a game: the events that struck, the dilemma answers, the
//! player's own turning points (a lever raised or cut sharply, an
//! initiative started, the profit trough, the quarter cumulative profit
//! caught up with doing nothing) and the largest moves of the figures —
//! each told with the why ledger's causes.

use super::compare::cause_sums;
use super::explain::{causes_of_change, key_moments};
use super::metric::Metric;
use crate::sim::{Cause, News, QuarterReport, Rules, Source, Stock, source_label};

/// What kind of moment it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MomentKind {
    /// An event struck.
    Event,
    /// A dilemma was answered (or its default taken).
    Answer,
    /// The player started an initiative.
    Initiative,
    /// The player raised or cut the levers sharply.
    Levers,
    /// The quarter of the lowest profit.
    ProfitTrough,
    /// The quarter cumulative profit caught up with doing nothing.
    BreakEven,
    /// One of the figures moved a lot.
    Move,
}

impl MomentKind {
    /// A short tag for tables.
    pub fn tag(self) -> &'static str {
        match self {
            MomentKind::Event => "event",
            MomentKind::Answer => "your answer",
            MomentKind::Initiative => "your initiative",
            MomentKind::Levers => "your levers",
            MomentKind::ProfitTrough => "profit trough",
            MomentKind::BreakEven => "break-even",
            MomentKind::Move => "big move",
        }
    }
}

/// One ledger cause behind a moment: which figure it moved and by how much.
#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    pub figure: &'static str,
    /// Empty when the cause is the moment itself (an event's effects).
    pub cause: String,
    pub value: f64,
}

/// One moment of the story.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryMoment {
    pub quarter: u32,
    pub kind: MomentKind,
    /// What happened, in a sentence (scenario text: escape it to show it).
    pub title: String,
    pub reasons: Vec<Reason>,
}

/// A lever move counts as a turning point from this share of the budget.
const SHARP_MOVE: f64 = 0.1;
/// How many large moves of the figures the story adds.
const MOVES: usize = 6;

/// The story of `history`; `do_nothing` (the same seed, no spending) gives
/// the break-even quarter. In quarter order.
pub fn story(
    rules: &Rules,
    history: &[QuarterReport],
    do_nothing: &[QuarterReport],
) -> Vec<StoryMoment> {
    let mut out = Vec::new();
    news_moments(rules, history, &mut out);
    lever_moments(rules, history, &mut out);
    if let Some(m) = trough(rules, history) {
        out.push(m);
    }
    if let Some(m) = break_even_moment(rules, history, do_nothing) {
        out.push(m);
    }
    for m in key_moments(rules, history, MOVES) {
        out.push(StoryMoment {
            quarter: m.quarter,
            kind: MomentKind::Move,
            title: format!("{} {:+.1}", m.metric.name(), m.change),
            reasons: m
                .causes
                .into_iter()
                .map(|(cause, value)| Reason {
                    figure: m.metric.label(),
                    cause,
                    value,
                })
                .collect(),
        });
    }
    out.sort_by(|a, b| a.quarter.cmp(&b.quarter).then(a.kind.cmp(&b.kind)));
    out
}

/// The quarter at which cumulative profit first reached doing nothing's
/// (1-based), if it did.
pub fn break_even(history: &[QuarterReport], do_nothing: &[QuarterReport]) -> Option<u32> {
    history
        .iter()
        .zip(do_nothing)
        .find(|(p, n)| p.kpis.cumulative_profit >= n.kpis.cumulative_profit)
        .map(|(p, _)| p.quarter)
}

/// Everything an effect source did to each stock from the quarter at
/// `from` on, summed over the rest of the game (effects last).
fn effect_reasons(history: &[QuarterReport], from: usize, source: Source) -> Vec<Reason> {
    let mut by_stock: Vec<(Stock, f64)> = Vec::new();
    for report in history.iter().skip(from) {
        for t in &report.ledger.terms {
            let hit = match t.cause {
                Cause::Effect(s) | Cause::Via { source: s, .. } => s == source,
                Cause::Model(_) => false,
            };
            if hit {
                match by_stock.iter_mut().find(|(s, _)| *s == t.stock) {
                    Some((_, v)) => *v += t.value,
                    None => by_stock.push((t.stock, t.value)),
                }
            }
        }
    }
    by_stock.sort_by_key(|(s, _)| *s);
    // The moment names the source; its reasons say only what it moved.
    by_stock
        .into_iter()
        .filter(|(_, v)| v.abs() >= 0.05)
        .take(5)
        .map(|(stock, value)| Reason {
            figure: stock.label(),
            cause: String::new(),
            value,
        })
        .collect()
}

fn news_moments(rules: &Rules, history: &[QuarterReport], out: &mut Vec<StoryMoment>) {
    for (i, report) in history.iter().enumerate() {
        for news in &report.news {
            let (kind, source, title) = match *news {
                News::Event { index } => (
                    MomentKind::Event,
                    Source::Event(index),
                    source_label(rules, Source::Event(index)),
                ),
                News::Answered {
                    dilemma,
                    choice,
                    defaulted,
                } => {
                    let s = Source::Choice(dilemma, choice);
                    let t = source_label(rules, s);
                    let t = if defaulted {
                        format!("{t} (no answer given: the default)")
                    } else {
                        t
                    };
                    (MomentKind::Answer, s, t)
                }
                News::Started { index } => (
                    MomentKind::Initiative,
                    Source::Initiative(index),
                    format!("started {}", source_label(rules, Source::Initiative(index))),
                ),
                News::Opened { .. } => continue,
            };
            out.push(StoryMoment {
                quarter: report.quarter,
                kind,
                title,
                reasons: effect_reasons(history, i, source),
            });
        }
    }
}

fn levers(r: &QuarterReport) -> [(&'static str, f64); 4] {
    let d = &r.decisions;
    [
        ("vision", d.vision),
        ("insight", d.insight),
        ("skills", d.skills),
        ("marketing", d.marketing),
    ]
}

/// Quarters where a lever moved by at least [`SHARP_MOVE`] of the budget
/// from the quarter before (the first quarter against spending nothing).
fn lever_moves(rules: &Rules, history: &[QuarterReport]) -> Vec<(usize, Vec<String>)> {
    let threshold = SHARP_MOVE * rules.budget;
    let mut before = [("", 0.0); 4];
    let mut out = Vec::new();
    for (i, r) in history.iter().enumerate() {
        let now = levers(r);
        let moved: Vec<String> = now
            .iter()
            .zip(&before)
            .filter(|(n, b)| (n.1 - b.1).abs() >= threshold && threshold > 0.0)
            .map(|(n, b)| {
                let verb = if n.1 > b.1 { "raised" } else { "cut" };
                format!("{} {verb} {:.0} → {:.0}", n.0, b.1, n.1)
            })
            .collect();
        if !moved.is_empty() {
            out.push((i, moved));
        }
        before = now;
    }
    out
}

fn lever_moments(rules: &Rules, history: &[QuarterReport], out: &mut Vec<StoryMoment>) {
    for (i, moved) in lever_moves(rules, history) {
        // What the levers' stocks and the cash did that quarter.
        let mut reasons = Vec::new();
        for stock in [Stock::Vision, Stock::Insight, Stock::Skills, Stock::Fatigue] {
            let mut g = history[i].ledger.grouped(stock);
            g.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
            if let Some((cause, value)) = g.into_iter().find(|(_, v)| v.abs() >= 0.05) {
                reasons.push(Reason {
                    figure: stock.label(),
                    cause: cause.label(rules),
                    value,
                });
            }
        }
        out.push(StoryMoment {
            quarter: history[i].quarter,
            kind: MomentKind::Levers,
            title: moved.join(", "),
            reasons,
        });
    }
}

fn trough(rules: &Rules, history: &[QuarterReport]) -> Option<StoryMoment> {
    let (i, low) = history
        .iter()
        .enumerate()
        .min_by(|a, b| a.1.kpis.profit.total_cmp(&b.1.kpis.profit))?;
    if low.kpis.profit >= Metric::Profit.start(rules) {
        return None;
    }
    Some(StoryMoment {
        quarter: low.quarter,
        kind: MomentKind::ProfitTrough,
        title: format!("profit at its lowest: {:.0}", low.kpis.profit),
        reasons: causes_of_change(Metric::Profit, rules, history, i, 3)
            .into_iter()
            .map(|(cause, value)| Reason {
                figure: "Profit",
                cause,
                value,
            })
            .collect(),
    })
}

/// The quarter cumulative profit caught up with doing nothing, with the
/// cash causes that made the difference up to then.
fn break_even_moment(
    rules: &Rules,
    history: &[QuarterReport],
    do_nothing: &[QuarterReport],
) -> Option<StoryMoment> {
    let q = break_even(history, do_nothing)?;
    let n = q as usize;
    // Caught up from behind only: ahead from the first quarter is no story.
    if n <= 1 {
        return None;
    }
    let mine = cause_sums(rules, history.get(..n)?);
    let base = cause_sums(rules, do_nothing.get(..n)?);
    let mut diff: Vec<(String, f64)> = Vec::new();
    for ((stock, cause), v) in &mine {
        if *stock == Stock::Cash {
            let b = base.get(&(*stock, cause.clone())).copied().unwrap_or(0.0);
            diff.push((cause.clone(), v - b));
        }
    }
    for ((stock, cause), v) in &base {
        if *stock == Stock::Cash && !mine.contains_key(&(*stock, cause.clone())) {
            diff.push((cause.clone(), -v));
        }
    }
    diff.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    Some(StoryMoment {
        quarter: q,
        kind: MomentKind::BreakEven,
        title: "cumulative profit catches up with doing nothing".to_string(),
        reasons: diff
            .into_iter()
            .filter(|d| d.1.abs() >= 0.5)
            .take(4)
            .map(|(cause, value)| Reason {
                figure: "Cash vs do nothing",
                cause,
                value,
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Plan;
    use crate::scenario;
    use crate::sim::Game;
    use std::sync::Arc;

    fn run(rules: &Arc<Rules>, plan: &Plan, seed: u64) -> Vec<QuarterReport> {
        let mut game = Game::new(Arc::clone(rules), seed);
        let _ = game.play_out(|q, s| plan.decisions_for(q, rules, s));
        game.history().to_vec()
    }

    #[test]
    fn the_story_names_events_answers_turning_points_and_break_even() {
        let Ok(s) = scenario::load("electronics") else {
            panic!("the default scenario loads");
        };
        let rules = s.rules.clone();
        let mut plan = Plan::balanced(&rules);
        plan.quarters.insert(9, Plan::do_nothing().default);
        let h = run(&rules, &plan, s.seed);
        let none = run(&rules, &Plan::do_nothing(), s.seed);
        let st = story(&rules, &h, &none);
        assert!(st.windows(2).all(|w| w[0].quarter <= w[1].quarter));
        let has = |k| st.iter().any(|m| m.kind == k);
        assert!(has(MomentKind::Event), "{st:#?}");
        assert!(has(MomentKind::Answer));
        assert!(has(MomentKind::Move));
        // An event with effects says what it did (a rumour may do nothing).
        assert!(
            st.iter()
                .any(|m| m.kind == MomentKind::Event && !m.reasons.is_empty())
        );
        // An event with effects says what it did (a rumour may do nothing).
        assert!(
            st.iter()
                .any(|m| m.kind == MomentKind::Event && !m.reasons.is_empty())
        );
        let cuts: Vec<_> = st.iter().filter(|m| m.kind == MomentKind::Levers).collect();
        assert!(
            cuts.iter()
                .any(|m| m.quarter == 1 && m.title.contains("raised"))
        );
        assert!(
            cuts.iter()
                .any(|m| m.quarter == 9 && m.title.contains("insight cut")),
            "{cuts:?}"
        );
        assert!(
            cuts.iter()
                .any(|m| m.quarter == 10 && m.title.contains("raised"))
        );
        for m in &st {
            if matches!(m.kind, MomentKind::Levers | MomentKind::Move) {
                assert!(!m.reasons.is_empty(), "{m:?}");
            }
        }
    }

    #[test]
    fn break_even_is_where_cumulative_profit_catches_up() {
        let rules = Arc::new(Rules::default());
        let bal = run(&rules, &Plan::balanced(&rules), 2);
        let none = run(&rules, &Plan::do_nothing(), 2);
        let q = break_even(&bal, &none);
        let Some(q) = q else {
            panic!("balanced breaks even")
        };
        let i = q as usize - 1;
        assert!(bal[i].kpis.cumulative_profit >= none[i].kpis.cumulative_profit);
        assert!(bal[i - 1].kpis.cumulative_profit < none[i - 1].kpis.cumulative_profit);
        let st = story(&rules, &bal, &none);
        let m = st.iter().find(|m| m.kind == MomentKind::BreakEven);
        assert!(
            m.is_some_and(|m| m.quarter == q && !m.reasons.is_empty()),
            "{st:#?}"
        );
    }
}

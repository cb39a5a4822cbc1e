//! A student's debrief of one game, to keep: the score term by term, the
//! charts beside do-nothing and balanced (or another save), the story with
//! its ledger causes, the lessons measured on the game and every quarter's
//! decisions — as terminal text, Markdown or one HTML page. Built from
//! [`crate::analysis`]; the renderers only lay it out.

mod html;
mod markdown;
mod text;

pub use html::render_html;
pub use markdown::render_markdown;
pub use text::render_text;

use super::{fixed, signed};
use crate::analysis::{
    BEST_NOTE, Benchmark, Benchmarks, Lessons, ScoreBreakdown, StoryMoment, benchmarks, lessons,
    score_breakdown, story,
};
use crate::report::svg::{Chart, Look, Series};
use crate::scenario::Scenario;
use crate::sim::{QuarterReport, Rules, Stock, baseline_profit};

/// What the player's lines are drawn beside.
#[derive(Clone, Debug, PartialEq)]
pub enum Against {
    /// Do nothing and balanced on the same seed (the default).
    Both,
    Balanced,
    DoNothing,
    /// Another game (another save), by its name.
    Game(Benchmark),
}

/// Everything a debrief shows, computed.
#[derive(Clone, Debug)]
pub struct Debrief<'a> {
    pub scenario: &'a Scenario,
    pub player: &'a str,
    pub seed: u64,
    pub history: &'a [QuarterReport],
    /// The lines beside the player's.
    pub against: Vec<Benchmark>,
    pub bench: Benchmarks,
    /// `None` before the first quarter.
    pub score: Option<ScoreBreakdown>,
    pub story: Vec<StoryMoment>,
    pub lessons: Lessons,
}

/// Builds the debrief of a game of `scenario` on `seed`.
pub fn build<'a>(
    scenario: &'a Scenario,
    player: &'a str,
    seed: u64,
    history: &'a [QuarterReport],
    against: Against,
) -> Debrief<'a> {
    let rules = &scenario.rules;
    let bench = benchmarks(scenario, seed);
    let against = match against {
        Against::Both => vec![bench.do_nothing.clone(), bench.balanced.clone()],
        Against::Balanced => vec![bench.balanced.clone()],
        Against::DoNothing => vec![bench.do_nothing.clone()],
        Against::Game(g) => vec![g],
    };
    Debrief {
        scenario,
        player,
        seed,
        history,
        score: history.last().map(|r| score_breakdown(rules, r)),
        story: story(rules, history, &bench.do_nothing.history),
        lessons: lessons(rules, history, &bench),
        against,
        bench,
    }
}

/// A figure the debrief charts: its title, value before quarter 1 and
/// value after each quarter (true values, not the noisy measurements).
pub struct Figure {
    pub title: &'static str,
    pub start: fn(&Rules) -> f64,
    pub value: fn(&QuarterReport) -> f64,
    pub decimals: usize,
}

/// The charts of a debrief, in order.
pub const FIGURES: [Figure; 10] = [
    Figure {
        title: "Customer culture",
        start: |r| r.start.get(Stock::Culture),
        value: |q| q.stocks.get(Stock::Culture),
        decimals: 1,
    },
    Figure {
        title: "Employee engagement",
        start: |r| r.start.get(Stock::Engagement),
        value: |q| q.stocks.get(Stock::Engagement),
        decimals: 1,
    },
    Figure {
        title: "Customer experience",
        start: |r| r.start.get(Stock::Experience),
        value: |q| q.stocks.get(Stock::Experience),
        decimals: 1,
    },
    Figure {
        title: "Change fatigue",
        start: |r| r.start.get(Stock::Fatigue),
        value: |q| q.stocks.get(Stock::Fatigue),
        decimals: 1,
    },
    Figure {
        title: "Profit per quarter",
        start: baseline_profit,
        value: |q| q.kpis.profit,
        decimals: 0,
    },
    Figure {
        title: "Cumulative profit",
        start: |_| 0.0,
        value: |q| q.kpis.cumulative_profit,
        decimals: 0,
    },
    Figure {
        title: "Advocate customers",
        start: |r| r.start.get(Stock::Advocates),
        value: |q| q.stocks.get(Stock::Advocates),
        decimals: 0,
    },
    Figure {
        title: "Valuable customers",
        start: |r| r.start.get(Stock::Valuable),
        value: |q| q.stocks.get(Stock::Valuable),
        decimals: 0,
    },
    Figure {
        title: "Regular customers",
        start: |r| r.start.get(Stock::Regular),
        value: |q| q.stocks.get(Stock::Regular),
        decimals: 0,
    },
    Figure {
        title: "Costly customers",
        start: |r| r.start.get(Stock::Costly),
        value: |q| q.stocks.get(Stock::Costly),
        decimals: 0,
    },
];

/// The start value and the value after every quarter.
pub fn series(f: &Figure, rules: &Rules, history: &[QuarterReport]) -> Vec<f64> {
    let mut v = vec![(f.start)(rules)];
    v.extend(history.iter().map(f.value));
    v
}

impl Debrief<'_> {
    /// The lines of each chart: the player's, then the comparisons.
    pub fn lines(&self, f: &Figure) -> Vec<(String, Vec<f64>)> {
        let rules = &self.scenario.rules;
        let mut out = vec![(self.player.to_string(), series(f, rules, self.history))];
        for a in &self.against {
            out.push((a.name.clone(), series(f, rules, &a.history)));
        }
        out
    }

    /// The charts, as SVG chart data (cumulative profit marks break-even).
    pub fn charts(&self) -> Vec<Chart> {
        FIGURES
            .iter()
            .map(|f| {
                let marks = match (f.title, self.lessons.break_even) {
                    ("Cumulative profit", Some(q)) => vec![(q, format!("break-even Q{q}"))],
                    _ => Vec::new(),
                };
                let series = self
                    .lines(f)
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, values))| Series {
                        name,
                        values,
                        look: if i == 0 {
                            Look::Main
                        } else {
                            Look::Bench(i - 1)
                        },
                    })
                    .collect();
                Chart {
                    title: f.title.to_string(),
                    series,
                    marks,
                }
            })
            .collect()
    }

    /// The outcome in a sentence.
    pub fn outcome(&self) -> String {
        match self.history.last() {
            None => "no quarter was played".to_string(),
            Some(r) => format!(
                "quarter {} of {}: {}",
                r.quarter,
                self.scenario.rules.quarters,
                r.outcome.describe()
            ),
        }
    }

    /// The lessons as sentences (plain text: escape to show).
    pub fn lesson_lines(&self) -> Vec<String> {
        let l = &self.lessons;
        let mut out = Vec::new();
        out.push(match &l.dip {
            Some(d) => format!(
                "Profit dip: profit trailed doing nothing for the first {} quarter(s), by up to {} (Q{}).",
                d.quarters,
                fixed(d.depth, 0),
                d.deepest
            ),
            None => "Profit dip: none — profit never trailed doing nothing from quarter 1.".into(),
        });
        out.push(match l.break_even {
            Some(q) => format!("Break-even: cumulative profit reached doing nothing's in Q{q}."),
            None => "Break-even: cumulative profit never caught up with doing nothing.".into(),
        });
        for w in &l.weakest {
            out.push(format!(
                "Year {}: weakest lever {} (average {}, {} spent on it).",
                w.year,
                w.lever,
                fixed(w.level, 1),
                fixed(w.money, 0)
            ));
        }
        out.push(match l.peak_fatigue {
            (0, f) => format!(
                "Peak fatigue: {}, at the start — the pace never tired people.",
                fixed(f, 1)
            ),
            (q, f) => format!("Peak fatigue: {} in Q{q}.", fixed(f, 1)),
        });
        out.push(match &l.lag {
            Some(g) => format!(
                "Engagement's lag behind culture: culture was half-way to its peak in Q{}, engagement in Q{} — {} quarter(s).",
                g.culture,
                g.engagement,
                g.quarters()
            ),
            None => "Engagement's lag behind culture: not measurable (culture or engagement never rose a point).".into(),
        });
        out.push(format!(
            "Gap to balanced: {} points.",
            signed(l.gap_balanced, 1)
        ));
        out.push(format!(
            "Gap to the best plan found ({}): {} points ({BEST_NOTE}).",
            l.gap_best.0,
            signed(l.gap_best.1, 1)
        ));
        out
    }

    /// Each quarter's decisions as table cells (plain text: escape to
    /// show): quarter, the four levers, initiatives, answers.
    pub fn decision_rows(&self) -> Vec<[String; 7]> {
        let rules = &self.scenario.rules;
        self.history
            .iter()
            .map(|r| {
                let d = &r.decisions;
                let initiatives: Vec<String> = d
                    .initiatives
                    .iter()
                    .map(|id| {
                        rules
                            .initiative(id)
                            .map_or(id.clone(), |(_, i)| i.title.clone())
                    })
                    .collect();
                let answers: Vec<String> = d
                    .answers
                    .iter()
                    .map(|(dl, ch)| answer_label(rules, dl, ch))
                    .collect();
                [
                    r.quarter.to_string(),
                    fixed(d.vision, 0),
                    fixed(d.insight, 0),
                    fixed(d.skills, 0),
                    fixed(d.marketing, 0),
                    initiatives.join(", "),
                    answers.join(", "),
                ]
            })
            .collect()
    }
}

/// "Dilemma title: choice label" for a recorded answer.
pub fn answer_label(rules: &Rules, dilemma: &str, choice: &str) -> String {
    match rules.dilemma(dilemma) {
        Some((_, d)) => {
            let c = d
                .choices
                .iter()
                .find(|c| c.id == choice)
                .map_or(choice, |c| c.label.as_str());
            format!("{}: {c}", d.title)
        }
        None => format!("{dilemma}: {choice}"),
    }
}

/// A moment's causes as "figure: cause +1.2" texts.
pub fn reason_texts(m: &StoryMoment) -> Vec<String> {
    m.reasons
        .iter()
        .map(|r| {
            let d = if r.value.abs() >= 100.0 { 0 } else { 1 };
            if r.cause.is_empty() {
                format!("{} {}", r.figure, signed(r.value, d))
            } else {
                format!("{}: {} {}", r.figure, r.cause, signed(r.value, d))
            }
        })
        .collect()
}

/// The decisions table's headers.
pub const DECISION_HEADERS: [&str; 7] = [
    "Q",
    "vision",
    "insight",
    "skills",
    "marketing",
    "initiatives",
    "answers",
];

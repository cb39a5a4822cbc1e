//! The lessons of a game, measured on it: how deep and long the profit dip
//! below doing nothing was and when cumulative profit broke even, the
//! weakest lever of each year, peak fatigue, how far engagement lagged
//! behind culture, and the gaps to the balanced plan and to the best plan
//! found on the same seed.

use super::benchmark::Benchmarks;
use super::story::break_even;
use crate::sim::{QuarterReport, Rules, Stock};

/// The quarters from the start in which profit trailed doing nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct Dip {
    /// How many quarters, from quarter 1.
    pub quarters: u32,
    /// The largest shortfall against doing nothing, and its quarter.
    pub depth: f64,
    pub deepest: u32,
}

/// The weakest of the three culture levers in one year.
#[derive(Clone, Debug, PartialEq)]
pub struct WeakLever {
    /// The year, from 1 (quarters 1–4 are year 1).
    pub year: u32,
    pub lever: &'static str,
    /// The lever's stock, averaged over the year's quarters.
    pub level: f64,
    /// The money put on it that year.
    pub money: f64,
}

/// When culture and engagement each got half-way to their peak.
#[derive(Clone, Debug, PartialEq)]
pub struct Lag {
    pub culture: u32,
    pub engagement: u32,
}

impl Lag {
    /// Quarters engagement trailed culture by (negative: it led).
    pub fn quarters(&self) -> i64 {
        i64::from(self.engagement) - i64::from(self.culture)
    }
}

/// The lessons measured on one game.
#[derive(Clone, Debug, PartialEq)]
pub struct Lessons {
    /// `None` when profit never trailed doing nothing in quarter 1.
    pub dip: Option<Dip>,
    /// The first quarter cumulative profit reached doing nothing's.
    pub break_even: Option<u32>,
    pub weakest: Vec<WeakLever>,
    /// The highest change fatigue and its quarter (0: the start).
    pub peak_fatigue: (u32, f64),
    /// `None` when culture (or engagement) never rose a point.
    pub lag: Option<Lag>,
    /// The player's score minus the balanced plan's.
    pub gap_balanced: f64,
    /// The player's score minus the best plan found's, and its name.
    pub gap_best: (String, f64),
}

/// The levers of culture, with the stock each builds and its money.
const LEVERS: [(&str, Stock); 3] = [
    ("vision", Stock::Vision),
    ("insight", Stock::Insight),
    ("skills", Stock::Skills),
];

/// Measures the lessons of `history` against the benchmarks on its seed.
pub fn lessons(rules: &Rules, history: &[QuarterReport], bench: &Benchmarks) -> Lessons {
    let none = &bench.do_nothing.history;
    let score = history.last().map_or(0.0, |r| r.kpis.score);
    Lessons {
        dip: dip(history, none),
        break_even: break_even(history, none),
        weakest: weakest(history),
        // Quarter 0 is the start: a game that never tired peaks there.
        peak_fatigue: history
            .iter()
            .fold((0, rules.start.get(Stock::Fatigue)), |best, r| {
                let f = r.stocks.get(Stock::Fatigue);
                if f > best.1 { (r.quarter, f) } else { best }
            }),
        lag: lag(rules, history),
        gap_balanced: score - bench.balanced.score(),
        gap_best: (bench.best.name.clone(), score - bench.best.score()),
    }
}

fn dip(history: &[QuarterReport], none: &[QuarterReport]) -> Option<Dip> {
    let mut d = Dip {
        quarters: 0,
        depth: 0.0,
        deepest: 0,
    };
    for (p, n) in history.iter().zip(none) {
        let short = n.kpis.profit - p.kpis.profit;
        if short <= 0.0 {
            break;
        }
        d.quarters += 1;
        if short > d.depth {
            d.depth = short;
            d.deepest = p.quarter;
        }
    }
    (d.quarters > 0).then_some(d)
}

fn weakest(history: &[QuarterReport]) -> Vec<WeakLever> {
    history
        .chunks(4)
        .zip(1..)
        .filter_map(|(year, n)| {
            let avg =
                |s: Stock| year.iter().map(|r| r.stocks.get(s)).sum::<f64>() / year.len() as f64;
            let money = |name: &str| -> f64 {
                year.iter()
                    .map(|r| match name {
                        "vision" => r.decisions.vision,
                        "insight" => r.decisions.insight,
                        _ => r.decisions.skills,
                    })
                    .sum()
            };
            LEVERS
                .iter()
                .map(|(name, s)| (name, avg(*s)))
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(name, level)| WeakLever {
                    year: n,
                    lever: name,
                    level,
                    money: money(name),
                })
        })
        .collect()
}

/// The quarter a figure first covered half its rise from the start to
/// its peak, if it rose at least a point.
fn half_way(start: f64, series: impl Iterator<Item = (u32, f64)> + Clone) -> Option<u32> {
    let peak = series.clone().map(|p| p.1).fold(start, f64::max);
    if peak - start < 1.0 {
        return None;
    }
    let half = start + (peak - start) / 2.0;
    series.into_iter().find(|p| p.1 >= half).map(|p| p.0)
}

fn lag(rules: &Rules, history: &[QuarterReport]) -> Option<Lag> {
    let of = |s: Stock| {
        half_way(
            rules.start.get(s),
            history.iter().map(move |r| (r.quarter, r.stocks.get(s))),
        )
    };
    Some(Lag {
        culture: of(Stock::Culture)?,
        engagement: of(Stock::Engagement)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::benchmark::benchmarks;
    use crate::plan::Plan;
    use crate::scenario::Scenario;
    use crate::sim::Game;

    #[test]
    fn balanced_dips_breaks_even_and_matches_itself() {
        let s = Scenario::reference();
        let b = benchmarks(&s, 7);
        let h = &b.balanced.history;
        let l = lessons(&s.rules, h, &b);
        let Some(d) = &l.dip else {
            panic!("balanced dips below doing nothing")
        };
        assert!((1..=10).contains(&d.quarters), "{d:?}");
        assert!(d.depth > 0.0 && d.deepest >= 1 && d.deepest <= d.quarters);
        assert!(l.break_even.is_some_and(|q| q > d.quarters));
        assert_eq!(l.gap_balanced, 0.0);
        assert!(l.gap_best.1 <= 0.0);
        assert_eq!(l.weakest.len(), 5);
        let lag = l.lag.as_ref().map(Lag::quarters);
        assert!(lag.is_some_and(|q| q >= 0), "{lag:?}");
    }

    #[test]
    fn doing_nothing_has_no_dip_and_no_rise() {
        let s = Scenario::reference();
        let b = benchmarks(&s, 7);
        let l = lessons(&s.rules, &b.do_nothing.history, &b);
        assert_eq!(l.dip, None);
        assert_eq!(l.break_even, Some(1));
        assert_eq!(l.lag, None);
    }

    #[test]
    fn a_short_game_still_measures() {
        let s = Scenario::reference();
        let b = benchmarks(&s, 1);
        let mut g = Game::new(s.rules.clone(), 1);
        let plan = Plan::all_at_once(&s.rules);
        for q in 1..=3 {
            assert!(g.advance(&plan.decisions(q)).is_ok());
        }
        let l = lessons(&s.rules, g.history(), &b);
        assert_eq!(l.weakest.len(), 1);
        assert!(l.peak_fatigue.0 >= 1);
        assert_eq!(lessons(&s.rules, &[], &b).peak_fatigue, (0, 0.0));
        assert!(lessons(&s.rules, &[], &b).weakest.is_empty());
    }
}

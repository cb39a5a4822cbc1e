//! Shared helpers for the model-behaviour tests: a test world with random
//! shocks (so that seeds matter), the reference plans, and a runner.
#![allow(dead_code, clippy::panic)]

use culturesim::sim::{
    Decisions, Driver, Effect, EventDef, Game, InitiativeDef, Op, QuarterReport, Rules, Stock,
    Target, Trigger,
};
use std::sync::Arc;

/// The seeds every behaviour test runs across.
pub const SEEDS: std::ops::Range<u64> = 0..60;

fn random_event(id: &str, chance: f64, max_times: u32, effects: Vec<Effect>) -> EventDef {
    EventDef {
        id: id.into(),
        title: id.into(),
        text: String::new(),
        trigger: Trigger {
            chance,
            max_times,
            ..Trigger::default()
        },
        effects,
    }
}

/// The reference organization of MODEL.md plus ordinary business weather:
/// supply problems, a market boom, a lost key account, a star hire and a
/// cost-cutting programme the player may start.
pub fn world() -> Rules {
    Rules {
        events: vec![
            random_event(
                "supply",
                0.10,
                3,
                vec![Effect::new(
                    Target::Driver(Driver::Churn),
                    Op::Multiply,
                    1.25,
                    2,
                )],
            ),
            random_event(
                "boom",
                0.08,
                2,
                vec![Effect::new(
                    Target::Driver(Driver::MarketGrowth),
                    Op::Multiply,
                    2.0,
                    3,
                )],
            ),
            random_event(
                "lost_account",
                0.08,
                2,
                vec![Effect::new(
                    Target::Stock(Stock::Valuable),
                    Op::Add,
                    -12.0,
                    1,
                )],
            ),
            random_event(
                "star_hire",
                0.06,
                2,
                vec![Effect::new(
                    Target::Stock(Stock::Engagement),
                    Op::Add,
                    2.0,
                    1,
                )],
            ),
        ],
        initiatives: vec![cost_cutting()],
        ..Rules::default()
    }
}

/// Lower fixed costs for two years, paid for in people: the engaged and
/// skilled leave first, the rest are tired and afraid.
pub fn cost_cutting() -> InitiativeDef {
    InitiativeDef {
        id: "cost_cutting".into(),
        title: "Cost-cutting programme".into(),
        text: String::new(),
        cost: 0.0,
        cooldown: 8,
        load: 1.0,
        effects: vec![
            Effect::new(Target::Driver(Driver::FixedCosts), Op::Multiply, 0.8, 8),
            Effect::new(Target::Stock(Stock::Engagement), Op::Add, -3.0, 4),
            Effect::new(Target::Stock(Stock::Skills), Op::Add, -3.0, 4),
            Effect::new(Target::Stock(Stock::Fatigue), Op::Add, 12.0, 1),
        ],
    }
}

/// The same world with a crisis scheduled in quarter `at`: sales sag,
/// customers leave, fear makes the vision land badly and people have less
/// room for change.
pub fn crisis_world(at: u32) -> Rules {
    let mut rules = world();
    rules.events.push(EventDef {
        id: "crisis".into(),
        title: "crisis".into(),
        text: String::new(),
        trigger: Trigger {
            quarter: Some(at),
            ..Trigger::default()
        },
        effects: vec![
            Effect::new(Target::Driver(Driver::Churn), Op::Multiply, 1.5, 4),
            Effect::new(Target::Driver(Driver::MarketGrowth), Op::Multiply, 0.3, 4),
            Effect::new(Target::Driver(Driver::Price), Op::Multiply, 0.95, 4),
            Effect::new(Target::Driver(Driver::Crisis), Op::Add, 1.0, 4),
        ],
    });
    rules
}

/// Money on the three levers.
pub fn levers(vision: f64, insight: f64, skills: f64) -> Decisions {
    Decisions {
        vision,
        insight,
        skills,
        ..Decisions::default()
    }
}

/// Plays a whole game; panics (in a test) if a decision is refused.
pub fn play(rules: &Arc<Rules>, seed: u64, plan: impl Fn(u32) -> Decisions) -> Vec<QuarterReport> {
    let mut game = Game::new(Arc::clone(rules), seed);
    if let Err((q, e)) = game.play_out(|q, _| plan(q)) {
        panic!("quarter {q}: {e}");
    }
    game.history().to_vec()
}

pub fn do_nothing(_q: u32) -> Decisions {
    Decisions::default()
}

/// 145 a quarter, every quarter, on all three levers.
pub fn balanced(_q: u32) -> Decisions {
    levers(25.0, 60.0, 60.0)
}

/// The whole budget on all three levers for a year: 2,400 in all.
pub fn all_at_once(q: u32) -> Decisions {
    if q <= 4 {
        levers(120.0, 240.0, 240.0)
    } else {
        Decisions::default()
    }
}

/// The same 2,400 as `all_at_once`, sequenced: vision and insight first,
/// then skills, over four years.
pub fn sequenced(q: u32) -> Decisions {
    match q {
        1..=4 => levers(60.0, 60.0, 0.0),
        5..=8 => levers(30.0, 90.0, 60.0),
        9..=16 => levers(15.0, 60.0, 75.0),
        _ => Decisions::default(),
    }
}

/// Cut every investment and run the cost-cutting programme whenever it
/// can be started.
pub fn cost_cutter(q: u32) -> Decisions {
    Decisions {
        initiatives: if q == 1 || q == 9 || q == 17 {
            vec!["cost_cutting".into()]
        } else {
            vec![]
        },
        ..Decisions::default()
    }
}

/// A stock at the end of quarter `q` (from 1).
pub fn at(history: &[QuarterReport], q: usize, stock: Stock) -> f64 {
    history[q - 1].stocks.get(stock)
}

/// Profit summed over quarters `from..=to`.
pub fn profit(history: &[QuarterReport], from: usize, to: usize) -> f64 {
    history[from - 1..to].iter().map(|r| r.kpis.profit).sum()
}

/// Pearson correlation.
pub fn correlation(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let mx = x.iter().sum::<f64>() / n;
    let my = y.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    sxy / (sxx * syy).sqrt()
}

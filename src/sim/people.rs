//! People and culture: the three levers (vision, insight, skills), change
//! fatigue, customer culture, engagement and customer experience.

use super::book::Book;
use super::curve::{clamp, max, min, pos, sat, soft};
use super::effect::{ActiveEffect, Driver};
use super::event::{Drivers, Shares};
use super::params::ModelParams;
use super::stock::{Stock, Stocks};

/// The inputs of the people step that are not stocks.
pub(crate) struct PeopleInput<'a> {
    pub vision: f64,
    pub insight: f64,
    pub skills: f64,
    pub marketing: f64,
    /// Change load of the initiatives started this quarter.
    pub initiative_load: f64,
    /// Profit growth over the last year, in units of `profit_growth_scale`.
    pub profit_growth: f64,
    pub drivers: &'a Drivers,
    pub effects: &'a [ActiveEffect],
}

/// What the people step tells the rest of the quarter.
pub(crate) struct PeopleOutput {
    /// Change load this quarter (1 ≈ one lever at saturation).
    pub load: f64,
    /// Where the levers are taking culture (its target this quarter).
    pub culture_target: f64,
    /// What passing drags (training disruption, fatigue) take off the
    /// experience target this quarter.
    pub experience_drag: f64,
}

/// How hard a crisis hits this quarter: its strength, softened by the
/// vision buy-in built before it.
fn crisis_shock(p: &ModelParams, old: &Stocks, drivers: &Drivers) -> f64 {
    drivers.get(Driver::Crisis) * (1.0 - p.crisis_cushion * old.get(Stock::Vision) / 100.0)
}

/// A quarter's change load and what the organization can absorb: the
/// one home of both, used by the model and by the decision panel's
/// preview ([`change_load`]).
pub(crate) fn load_and_capacity(
    p: &ModelParams,
    old: &Stocks,
    spend: [f64; 4],
    initiative_load: f64,
    drivers: &Drivers,
) -> (f64, f64) {
    let [vision, insight, skills, marketing] = spend;
    let load = sat(vision, p.vision_half)
        + sat(insight, p.insight_half)
        + sat(skills, p.skills_half)
        + p.marketing_load * sat(marketing, p.marketing_half)
        + initiative_load;
    let capacity = pos(p.capacity + drivers.get(Driver::Capacity)
        - p.crisis_capacity * crisis_shock(p, old, drivers))
        * (1.0 - old.get(Stock::Fatigue) / 300.0);
    (load, capacity)
}

/// The change load a set of decisions would put on the organization this
/// quarter, and the capacity it has, from the effects in force now (this
/// quarter's events are not known yet, so a crisis that starts with them
/// is not in it). Fatigue grows by `fatigue_rate` × the excess.
pub fn change_load(rules: &super::Rules, state: &super::State, d: &super::Decisions) -> (f64, f64) {
    let p = &rules.params;
    let initiative_load: f64 = d
        .initiatives
        .iter()
        .filter_map(|id| rules.initiative(id))
        .map(|(_, def)| def.load * p.initiative_load)
        .sum();
    let drivers = Drivers::from_effects(&state.effects);
    load_and_capacity(
        p,
        &state.stocks,
        [d.vision, d.insight, d.skills, d.marketing],
        initiative_load,
        &drivers,
    )
}

/// Fills a lever stock: `gain·sat·(100 − x) − decay·x`.
/// The push is split between the spending itself and whatever effect
/// made it land better or worse (a crisis, a cross-functional team).
#[inline]
fn lever<const R: bool>(
    book: &mut Book<R>,
    stock: Stock,
    push: (f64, &Shares),
    push_name: &'static str,
    decay: f64,
    decay_name: &'static str,
) {
    let x = book.old.get(stock);
    book.split(stock, push_name, push.0 * (100.0 - x), push.1);
    book.term(stock, decay_name, -decay * x);
}

pub(crate) fn step<const R: bool>(
    p: &ModelParams,
    book: &mut Book<R>,
    input: &PeopleInput,
) -> PeopleOutput {
    let old = book.old.clone();
    let e = input.effects;

    let sv = sat(input.vision, p.vision_half);
    let insight_half = p.insight_half * (1.0 - p.insight_reuse * old.get(Stock::Insight) / 100.0);
    let si = sat(input.insight, insight_half);
    let ss = sat(input.skills, p.skills_half);

    // A crisis: vision launched during it lands at about half, while
    // vision built before it softens the shock to capacity and engagement.
    let crisis = input.drivers.get(Driver::Crisis);
    let shock = crisis_shock(p, &old, input.drivers);
    let vision_push = p.vision_gain * sv * pos(input.drivers.get(Driver::VisionGain));
    lever(
        book,
        Stock::Vision,
        (vision_push, &input.drivers.shares(e, Driver::VisionGain)),
        "leadership time on the vision",
        p.vision_decay,
        "fading without reinforcement",
    );
    if crisis > 0.0 && vision_push > 0.0 {
        book.term(
            Stock::Vision,
            "launched in a crisis (fear)",
            -vision_push * p.crisis_vision * crisis * (100.0 - old.get(Stock::Vision)),
        );
    }
    book.effects(Stock::Vision, e);
    let vision = book.settle(Stock::Vision);

    lever(
        book,
        Stock::Insight,
        (p.insight_gain * si, &Shares::own()),
        "customer research",
        p.insight_decay,
        "knowledge going stale",
    );
    book.effects(Stock::Insight, e);
    let insight = book.settle(Stock::Insight);

    let skills_push = p.skills_gain * ss * pos(input.drivers.get(Driver::SkillsGain));
    lever(
        book,
        Stock::Skills,
        (skills_push, &input.drivers.shares(e, Driver::SkillsGain)),
        "training and practice",
        p.skills_decay,
        "fading without practice",
    );
    let turnover = pos(p.turnover_base - p.turnover_engaged * old.get(Stock::Engagement) / 100.0);
    book.term(
        Stock::Skills,
        "staff turnover",
        -turnover * old.get(Stock::Skills),
    );
    book.effects(Stock::Skills, e);
    let skills = book.settle(Stock::Skills);

    // Change fatigue: load beyond what the organization can absorb.
    let fatigue_old = old.get(Stock::Fatigue);
    let (load, capacity) = load_and_capacity(
        p,
        &old,
        [input.vision, input.insight, input.skills, input.marketing],
        input.initiative_load,
        input.drivers,
    );
    book.term(
        Stock::Fatigue,
        "change load above capacity",
        p.fatigue_rate * pos(load - capacity),
    );
    book.term(
        Stock::Fatigue,
        "recovery",
        -p.fatigue_recovery * fatigue_old,
    );
    book.effects(Stock::Fatigue, e);
    let fatigue = book.settle(Stock::Fatigue);

    let culture_target = culture(p, book, input, [vision, insight, skills], fatigue);

    // Engagement follows last quarter's culture: the lag is structural.
    let g = input.profit_growth;
    let feedback = p.engagement_profit * soft(g);
    relax(
        book,
        Stock::Engagement,
        p.engagement_speed,
        &[
            ("baseline", p.engagement_base),
            (
                "customer culture (last quarter)",
                p.engagement_culture * old.get(Stock::Culture),
            ),
            ("vision buy-in", p.engagement_vision * vision),
            ("skills", p.engagement_skills * skills),
            ("profit trend", feedback),
            ("change fatigue", -p.engagement_fatigue * fatigue),
            ("crisis", -p.crisis_engagement * shock),
        ],
    );
    book.effects(Stock::Engagement, e);
    book.settle(Stock::Engagement);

    // Experience follows last quarter's engagement; training takes people
    // off the floor for now.
    let culture_new = book.new.get(Stock::Culture);
    relax(
        book,
        Stock::Experience,
        p.experience_speed,
        &[
            ("baseline", p.experience_base),
            (
                "engagement (last quarter)",
                p.experience_engagement * old.get(Stock::Engagement),
            ),
            ("customer culture", p.experience_culture * culture_new),
            ("customer insight", p.experience_insight * insight),
            ("training disruption", -p.training_disruption * ss),
            ("change fatigue", -p.experience_fatigue * fatigue),
        ],
    );
    book.effects(Stock::Experience, e);
    book.settle(Stock::Experience);

    PeopleOutput {
        load,
        culture_target,
        experience_drag: p.training_disruption * ss + p.experience_fatigue * fatigue,
    }
}

/// Culture moves toward a target set by the weakest lever, faster as it
/// grows (points of light → critical mass → momentum), braked by fatigue;
/// it slips back slowly when the levers are neglected.
/// Where culture is heading: mostly the weakest of vision, insight and
/// skills, partly their mean.
pub(crate) fn culture_target(p: &ModelParams, levers: [f64; 3]) -> f64 {
    let weakest = min(levers[0], min(levers[1], levers[2]));
    let mean = (levers[0] + levers[1] + levers[2]) / 3.0;
    p.weakest_weight * weakest + (1.0 - p.weakest_weight) * mean
}

fn culture<const R: bool>(
    p: &ModelParams,
    book: &mut Book<R>,
    input: &PeopleInput,
    levers: [f64; 3],
    fatigue: f64,
) -> f64 {
    let c = book.old.get(Stock::Culture);
    let weakest = min(levers[0], min(levers[1], levers[2]));
    let target = culture_target(p, levers);
    if target > c {
        let gap = target - c;
        let base = p.momentum_base + (1.0 - p.momentum_base) * c / 100.0;
        let lights = input.drivers.get(Driver::Momentum);
        let brake = clamp(fatigue / p.fatigue_brake, 0.0, 1.0);
        let name = if weakest == levers[0] {
            "pull of the levers (vision weakest)"
        } else if weakest == levers[1] {
            "pull of the levers (insight weakest)"
        } else {
            "pull of the levers (skills weakest)"
        };
        book.term(Stock::Culture, name, p.culture_speed * base * gap);
        if lights != 0.0 {
            book.term(
                Stock::Culture,
                "points of light",
                p.culture_speed * lights * gap,
            );
        }
        if brake > 0.0 {
            let momentum = max(base + lights, 0.0);
            book.term(
                Stock::Culture,
                "change fatigue",
                -p.culture_speed * momentum * brake * gap,
            );
        }
    } else {
        book.term(
            Stock::Culture,
            "slipping back without investment",
            -p.culture_decay * (c - target),
        );
    }
    book.effects(Stock::Culture, input.effects);
    book.settle(Stock::Culture);
    target
}

/// A stock relaxing toward a target made of named parts:
/// `Δ = speed·(Σ parts − x)`. Below the positive parts' sum `P`, each
/// positive part gets its share of the gap in proportion to its size;
/// above it, the stock settles back by `speed·(P − x)`, recorded as one
/// term ("settling"), so that a part that holds the stock up is never
/// shown as pushing it down. Each negative part pulls down directly. The
/// terms sum to `speed·(target − x)`; the stock itself is summed in the
/// same order either way, so its value does not depend on the ledger.
fn relax<const R: bool>(
    book: &mut Book<R>,
    stock: Stock,
    speed: f64,
    parts: &[(&'static str, f64)],
) {
    let x = book.old.get(stock);
    let positive: f64 = parts.iter().map(|(_, v)| pos(*v)).sum();
    if positive <= 0.0 {
        book.term(stock, "settling", -speed * x);
    }
    let above = positive > 0.0 && x > positive;
    for (name, v) in parts {
        if *v > 0.0 {
            let share = speed * (v - x * v / positive);
            if above {
                book.unexplained(stock, share);
            } else {
                book.term(stock, name, share);
            }
        } else if *v < 0.0 {
            book.term(stock, name, speed * v);
        }
    }
    if above {
        book.explain(stock, "settling", speed * (positive - x));
    }
}

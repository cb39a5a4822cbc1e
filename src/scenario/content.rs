//! Events, dilemmas, initiatives and their effects and triggers: the
//! checked tables → the model's definitions, with the checks that span
//! several keys (add or multiply, quarter or chance, a default choice that
//! exists, sizes that fit the target).

use super::message::fmt_num;
use super::spec::start_bounds;
use super::suggest::help_with_choices;
use super::tree::Fields;
use super::walk::Checker;
use crate::sim::{
    Choice, Condition, DilemmaDef, Effect, EventDef, InitiativeDef, Op, Stock, StockKind, Target,
    Trigger,
};

/// An `[[event]]`.
pub(crate) fn event(f: &Fields, quarters: u32, c: &mut Checker<'_>) -> Option<EventDef> {
    Some(EventDef {
        id: f.text("id")?.to_string(),
        title: f.text("title").unwrap_or_default().to_string(),
        text: f.text("text").unwrap_or_default().to_string(),
        trigger: trigger(f, quarters, c),
        effects: effects(f, c),
    })
}

/// A `[[dilemma]]` with its `[[dilemma.choice]]`s.
pub(crate) fn dilemma(f: &Fields, quarters: u32, c: &mut Checker<'_>) -> Option<DilemmaDef> {
    let trigger = trigger(f, quarters, c);
    let mut choices: Vec<Choice> = Vec::new();
    for ch in f.list("choice") {
        let Some(id) = ch.text("id") else { continue };
        if choices.iter().any(|x| x.id == id) {
            c.report(
                ch.offset_of("id"),
                &ch.path_of("id"),
                format!("duplicate choice id \"{id}\""),
                "give each choice of a dilemma its own id".into(),
            );
        }
        choices.push(Choice {
            id: id.to_string(),
            label: ch.text("label").unwrap_or_default().to_string(),
            text: ch.text("text").unwrap_or_default().to_string(),
            cost: ch.num("cost").unwrap_or(0.0),
            effects: effects(ch, c),
        });
    }
    let mut default_choice = 0;
    if let Some(name) = f.text("default") {
        match choices.iter().position(|x| x.id == name) {
            Some(i) => default_choice = i,
            None if !choices.is_empty() => {
                let ids: Vec<&str> = choices.iter().map(|x| x.id.as_str()).collect();
                c.report(
                    f.offset_of("default"),
                    &f.path_of("default"),
                    format!("no choice \"{name}\" in this dilemma"),
                    help_with_choices(name, &ids, "choices"),
                );
            }
            None => {}
        }
    }
    if choices.is_empty() {
        return None;
    }
    Some(DilemmaDef {
        id: f.text("id")?.to_string(),
        title: f.text("title").unwrap_or_default().to_string(),
        text: f.text("text").unwrap_or_default().to_string(),
        trigger,
        choices,
        default_choice,
    })
}

/// An `[[initiative]]`.
pub(crate) fn initiative(f: &Fields, c: &mut Checker<'_>) -> Option<InitiativeDef> {
    Some(InitiativeDef {
        id: f.text("id")?.to_string(),
        title: f.text("title").unwrap_or_default().to_string(),
        text: f.text("text").unwrap_or_default().to_string(),
        cost: f.num("cost").unwrap_or(0.0),
        cooldown: f
            .int("cooldown")
            .and_then(|q| u32::try_from(q).ok())
            .unwrap_or(4),
        load: f.num("load").unwrap_or(1.0),
        effects: effects(f, c),
    })
}

/// The `effects` list of a table.
fn effects(f: &Fields, c: &mut Checker<'_>) -> Vec<Effect> {
    f.list("effects")
        .iter()
        .filter_map(|e| effect(e, c))
        .collect()
}

fn effect(f: &Fields, c: &mut Checker<'_>) -> Option<Effect> {
    let (op, key) = match (f.has("add"), f.has("multiply")) {
        (true, false) => (Op::Add, "add"),
        (false, true) => (Op::Multiply, "multiply"),
        (true, true) => {
            c.report(
                f.offset_of("multiply"),
                &f.path,
                "gives both add and multiply".into(),
                "an effect does one thing: split it into two effects".into(),
            );
            return None;
        }
        (false, false) => {
            c.report(
                f.offset,
                &f.path,
                "has neither add nor multiply".into(),
                "give add = … to shift the target, or multiply = … to scale it".into(),
            );
            return None;
        }
    };
    let target = Target::from_key(f.text("target")?)?;
    let value = f.num(key)?;
    if op == Op::Add {
        let limit = add_limit(target);
        if value < -limit || value > limit {
            c.report(
                f.offset_of("add"),
                &f.path_of("add"),
                format!("{} is too large for {}", fmt_num(value), target.key()),
                format!(
                    "add at most {} to or from {} ({})",
                    fmt_num(limit),
                    target.key(),
                    what_it_is(target)
                ),
            );
        }
    }
    let quarters = f
        .int("quarters")
        .and_then(|q| u32::try_from(q).ok())
        .unwrap_or(1);
    let delay = f
        .int("delay")
        .and_then(|q| u32::try_from(q).ok())
        .unwrap_or(0);
    let scale_by = f
        .has("scale_by")
        .then(|| f.text("scale_by"))
        .flatten()
        .and_then(Stock::from_key);
    if let Some(s) = scale_by.filter(|s| s.kind() != StockKind::Index) {
        c.report(
            f.offset_of("scale_by"),
            &f.path_of("scale_by"),
            format!("{} is not an index from 0 to 100", s.key()),
            "scale by an index stock such as skills, culture or insight".into(),
        );
    }
    let when = f
        .list("when")
        .iter()
        .filter_map(|w| condition(w, c))
        .collect();
    Some(Effect {
        target,
        op,
        value,
        quarters,
        delay,
        scale_by,
        when,
    })
}

/// The largest amount one effect may add, by what it changes: an index
/// cannot move by more than its whole range; drivers are rates near 1.
fn add_limit(target: Target) -> f64 {
    match target {
        Target::Stock(s) => match s.kind() {
            StockKind::Index => 100.0,
            StockKind::Count => 1.0e6,
            StockKind::Money => 1.0e7,
        },
        Target::Driver(_) => 10.0,
    }
}

fn what_it_is(target: Target) -> &'static str {
    match target {
        Target::Stock(s) => match s.kind() {
            StockKind::Index => "an index from 0 to 100",
            StockKind::Count => "a number of customers",
            StockKind::Money => "money",
        },
        Target::Driver(d) => d.describe(),
    }
}

/// When an event or a dilemma happens: `quarter`, or `chance` with its
/// window and count, plus the `when` conditions.
fn trigger(f: &Fields, quarters: u32, c: &mut Checker<'_>) -> Trigger {
    let mut t = Trigger {
        latest: quarters,
        ..Trigger::default()
    };
    match (f.has("quarter"), f.has("chance")) {
        (true, true) => c.report(
            f.offset_of("chance"),
            &f.path_of("chance"),
            "gives both quarter and chance".into(),
            "remove chance to schedule it for that quarter, or quarter to make it random".into(),
        ),
        (false, false) => c.report(
            f.offset,
            &f.path,
            "has neither quarter nor chance".into(),
            "add quarter = N to schedule it, or chance = 0.1 (10% per quarter) to make it random"
                .into(),
        ),
        (true, false) => {
            for key in ["earliest", "latest", "max_times"] {
                if f.has(key) {
                    c.report(
                        f.offset_of(key),
                        &f.path_of(key),
                        format!("{key} applies only to random events"),
                        "remove it, or give chance instead of quarter".into(),
                    );
                }
            }
        }
        (false, true) => {}
    }
    let last = |k: &str| f.int(k).and_then(|q| u32::try_from(q).ok());
    t.quarter = last("quarter");
    t.chance = f.num("chance").unwrap_or(0.0);
    t.earliest = last("earliest").unwrap_or(1);
    t.latest = last("latest").unwrap_or(quarters);
    t.max_times = last("max_times").unwrap_or(1);
    for key in ["quarter", "earliest"] {
        if let Some(q) = last(key).filter(|q| *q > quarters) {
            c.report(
                f.offset_of(key),
                &f.path_of(key),
                format!(
                    "quarter {q} is after the last quarter ({quarters}): it would never happen"
                ),
                format!("use a quarter from 1 to {quarters}"),
            );
        }
    }
    if t.quarter.is_none() && t.earliest > t.latest {
        c.report(
            f.offset_of("latest"),
            &f.path_of("latest"),
            format!("latest ({}) is before earliest ({})", t.latest, t.earliest),
            "make latest at least earliest".into(),
        );
    }
    t.conditions = f
        .list("when")
        .iter()
        .filter_map(|w| condition(w, c))
        .collect();
    t
}

fn condition(f: &Fields, c: &mut Checker<'_>) -> Option<Condition> {
    let stock = Stock::from_key(f.text("stock")?)?;
    let (lo, hi) = start_bounds(stock);
    for key in ["below", "above"] {
        if let Some(x) = f.num(key).filter(|x| *x < lo || *x > hi) {
            c.report(
                f.offset_of(key),
                &f.path_of(key),
                format!(
                    "{} is outside the range of {} ({} to {})",
                    fmt_num(x),
                    stock.key(),
                    fmt_num(lo),
                    fmt_num(hi)
                ),
                format!("use a number from {} to {}", fmt_num(lo), fmt_num(hi)),
            );
        }
    }
    let (below, above) = (f.num("below"), f.num("above"));
    match (below, above) {
        (None, None) if !f.has("below") && !f.has("above") => c.report(
            f.offset,
            &f.path,
            "has neither below nor above".into(),
            format!(
                "add below = … or above = … to say when {} counts",
                stock.key()
            ),
        ),
        (Some(b), Some(a)) if a >= b => c.report(
            f.offset_of("above"),
            &f.path,
            format!(
                "can never hold: {} above {} and below {}",
                stock.key(),
                fmt_num(a),
                fmt_num(b)
            ),
            "make above smaller than below".into(),
        ),
        _ => {}
    }
    Some(Condition {
        stock,
        below,
        above,
    })
}

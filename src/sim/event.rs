//! Events, dilemmas and initiatives: when they happen and how their
//! effects enter the model. Every event and dilemma has its own die per
//! quarter, fixed by the seed, the quarter and its index, so the dice fall
//! the same for every player of a seed: only the conditions differ.

use super::effect::{ActiveEffect, Driver, Effect, Op, Source, Target};
use super::rules::{Rules, Trigger};
use super::state::{Dice, State};
use super::stock::Stock;
use serde::Serialize;
use std::cell::OnceCell;

/// Something the player reads about in the quarter's news.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum News {
    /// An event happened.
    Event { index: u16 },
    /// A dilemma was answered (or its default taken).
    Answered {
        dilemma: u16,
        choice: u16,
        defaulted: bool,
    },
    /// An initiative was started.
    Started { index: u16 },
    /// A dilemma opened: it waits for an answer next quarter.
    Opened { dilemma: u16 },
}

/// Whether a trigger fires in quarter `q`, given the draw for it. The
/// cheap tests (count, quarter, draw) come before the conditions on the
/// stocks; all are pure, so the order changes nothing but the time.
fn fires(trigger: &Trigger, count: u32, q: u32, state: &State, draw: f64) -> bool {
    if count >= trigger.max_times {
        return false;
    }
    let due = match trigger.quarter {
        Some(at) => at == q,
        None => q >= trigger.earliest && q <= trigger.latest && draw < trigger.chance,
    };
    due && trigger.conditions.iter().all(|c| c.holds(&state.stocks))
}

/// Rolls the events of quarter `q` with its dice; those that fire start
/// their effects (and are told in `news`, if given).
pub(crate) fn roll_events(
    rules: &Rules,
    state: &mut State,
    q: u32,
    dice: &Dice,
    mut news: Option<&mut Vec<News>>,
) {
    for (i, event) in rules.events.iter().enumerate() {
        let draw = dice.event(state, i);
        if fires(&event.trigger, state.event_counts[i], q, state, draw) {
            state.event_counts[i] += 1;
            let source = Source::Event(i as u16);
            start(state, source, &event.effects);
            if let Some(news) = news.as_deref_mut() {
                news.push(News::Event { index: i as u16 });
            }
        }
    }
}

/// Rolls the dilemmas that open for quarter `q` (asked at its start), with
/// the previous quarter's dice: they join `state.pending`.
pub(crate) fn open_dilemmas(rules: &Rules, state: &mut State, q: u32, dice: &Dice) {
    if q > rules.quarters {
        return;
    }
    for (i, def) in rules.dilemmas.iter().enumerate() {
        let draw = dice.dilemma(state, i);
        if fires(&def.trigger, state.dilemma_counts[i], q, state, draw) {
            state.dilemma_counts[i] += 1;
            state.pending.push(i as u16);
        }
    }
}

/// Puts effects in force from this quarter on (or after their delay),
/// those whose conditions hold on the state as it stands, each valued on
/// that state.
pub(crate) fn start(state: &mut State, source: Source, effects: &[Effect]) {
    for effect in effects {
        let Some(value) = effect.value_in(&state.stocks) else {
            continue;
        };
        state.effects.push(ActiveEffect {
            source,
            target: effect.target,
            op: effect.op,
            value,
            wait: effect.delay,
            remaining: effect.quarters.max(1),
        });
    }
}

/// Counts a quarter off every effect (off its wait first, if it is still
/// waiting) and drops the ones that have ended.
pub(crate) fn age_effects(state: &mut State) {
    let mut ended = false;
    for e in &mut state.effects {
        if e.wait > 0 {
            e.wait -= 1;
        } else {
            e.remaining = e.remaining.saturating_sub(1);
        }
        ended |= e.remaining == 0;
    }
    // Most quarters no effect ends: the list is then left as it is.
    if ended {
        state.effects.retain(|e| e.remaining > 0);
    }
    for c in &mut state.cooldowns {
        *c = c.saturating_sub(1);
    }
}

/// The value of every driver this quarter: neutral × product of the
/// multiplying effects + sum of the adding ones.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Drivers {
    values: [f64; Driver::ALL.len()],
    /// Bit `d` is set when an effect touches driver `d` this quarter.
    touched: u32,
    /// Bit `s` is set when an effect in force targets stock `s` this
    /// quarter (found in the same pass, for [`super::book::Book`]).
    stocks: u16,
}

/// Every driver at its neutral value: what an untouched driver is worth
/// (1 × 1 + 0 for a multiplier and 0 × 1 for an additive one, both within
/// their bounds, so the same bits as working it out).
const NEUTRAL: [f64; Driver::ALL.len()] = {
    let mut out = [0.0; Driver::ALL.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = Driver::ALL[i].neutral();
        i += 1;
    }
    out
};

impl Drivers {
    /// One pass over the effects in force.
    pub(crate) fn from_effects(effects: &[ActiveEffect]) -> Drivers {
        let mut mult = [1.0; Driver::ALL.len()];
        let mut add = [0.0; Driver::ALL.len()];
        let mut touched = 0u32;
        let mut stocks = 0u16;
        for e in effects.iter().filter(|e| e.in_force()) {
            match e.target {
                Target::Driver(d) => {
                    let i = d as usize;
                    touched |= 1 << i;
                    match e.op {
                        Op::Multiply => mult[i] *= e.value,
                        Op::Add => add[i] += e.value,
                    }
                }
                Target::Stock(s) => stocks |= 1 << s.index(),
            }
        }
        let mut out = NEUTRAL;
        let mut rest = touched;
        while rest != 0 {
            let i = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            let d = Driver::ALL[i];
            let neutral = d.neutral();
            // Additive drivers start at 0, where a multiplier means nothing;
            // treat their multiplier as scaling the added amount instead.
            let raw = if neutral == 0.0 {
                add[i] * mult[i]
            } else {
                neutral * mult[i] + add[i]
            };
            // However effects stack, a driver stays finite and in range
            // (a NaN from 0 × ∞ counts as untouched).
            let (lo, hi) = d.bounds();
            out[i] = if raw.is_nan() {
                neutral
            } else {
                super::curve::clamp(raw, lo, hi)
            };
        }
        Drivers {
            values: out,
            touched,
            stocks,
        }
    }

    /// Bit `s` set: some effect in force targets stock `s`.
    pub(crate) fn stocks_touched(&self) -> u16 {
        self.stocks
    }

    pub(crate) fn get(&self, d: Driver) -> f64 {
        self.values[d as usize]
    }

    /// How a multiplying driver's value splits between the model's own
    /// level (`None`) and each effect on it, as shares that sum to 1, so a
    /// flow it scales can be explained term by term ("churn" and "Nova
    /// launches"). The shares are worked out only when a recording book
    /// reads them: the lab's quiet books never do.
    #[inline]
    pub(crate) fn shares<'a>(&'a self, effects: &'a [ActiveEffect], d: Driver) -> Shares<'a> {
        let touched = self.touched & (1 << d as usize) != 0;
        // Untouched (the usual case): all of it the model's own.
        let own = !touched || self.get(d) == 0.0 || d.neutral() == 0.0;
        Shares {
            of: if own { None } else { Some((self, effects, d)) },
            parts: OnceCell::new(),
        }
    }

    /// Multipliers apply in order, then additions, as in
    /// [`Drivers::from_effects`].
    fn parts(&self, effects: &[ActiveEffect], d: Driver) -> Parts {
        let total = self.get(d);
        let mut shares = Parts::default();
        let neutral = d.neutral();
        let touched = self.touched & (1 << d as usize) != 0;
        // A driver held at its bound, or one too small to divide by, is
        // split in proportion to the unbounded chain and rescaled, so the
        // shares still sum to 1 and stay finite.
        if total.abs() < 1e-9 || neutral == 0.0 || !touched {
            shares.push(None, 1.0);
            return shares;
        }
        let on_d = |e: &&ActiveEffect| e.in_force() && e.target == Target::Driver(d);
        let mut level = neutral;
        let mut steps = Parts::default();
        steps.push(None, neutral);
        for op in [Op::Multiply, Op::Add] {
            for e in effects.iter().filter(on_d).filter(|e| e.op == op) {
                let next = match op {
                    Op::Multiply => level * e.value,
                    Op::Add => level + e.value,
                };
                steps.push(Some(e.source), next - level);
                level = next;
            }
        }
        if !level.is_finite() || level.abs() < 1e-9 {
            shares.push(None, 1.0);
            return shares;
        }
        for (source, step) in &steps.items[..steps.len] {
            let share = step / level;
            shares.push(*source, if share.is_finite() { share } else { 0.0 });
        }
        shares
    }
}

/// Shares of a driver's value by origin (see [`Drivers::shares`]): a view
/// on the drivers and effects, worked out once when first iterated.
#[derive(Clone, Debug)]
pub(crate) struct Shares<'a> {
    /// `None`: all of it the model's own.
    of: Option<(&'a Drivers, &'a [ActiveEffect], Driver)>,
    parts: OnceCell<Parts>,
}

impl Shares<'static> {
    /// All of it the model's own.
    pub(crate) fn own() -> Shares<'static> {
        Shares {
            of: None,
            parts: OnceCell::new(),
        }
    }
}

impl Shares<'_> {
    /// The shares in order: the model's own first, then each effect's.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (Option<Source>, f64)> {
        const OWN: [(Option<Source>, f64); 1] = [(None, 1.0)];
        let items: &[(Option<Source>, f64)] = match self.of {
            Some((drivers, effects, d)) => {
                let parts = self.parts.get_or_init(|| drivers.parts(effects, d));
                &parts.items[..parts.len]
            }
            None => &OWN,
        };
        items.iter().copied()
    }
}

/// The shares themselves, kept on the stack.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Parts {
    items: [(Option<Source>, f64); SHARES],
    len: usize,
}

/// Origins a driver's value is split into; more effects than this on one
/// driver at once are added to the last one's share (the total stays exact).
const SHARES: usize = 8;

impl Default for Parts {
    fn default() -> Self {
        Parts {
            items: [(None, 0.0); SHARES],
            len: 0,
        }
    }
}

impl Parts {
    fn push(&mut self, source: Option<Source>, share: f64) {
        if self.len < SHARES {
            self.items[self.len] = (source, share);
            self.len += 1;
        } else {
            self.items[SHARES - 1].1 += share;
        }
    }
}

/// The effects on one stock this quarter, as (source, change) pairs.
pub(crate) fn stock_effects(
    effects: &[ActiveEffect],
    stock: Stock,
    value: f64,
) -> impl Iterator<Item = (Source, f64)> + '_ {
    effects
        .iter()
        .filter(|e| e.in_force())
        .filter_map(move |e| match e.target {
            Target::Stock(s) if s == stock => Some((
                e.source,
                match e.op {
                    Op::Add => e.value,
                    Op::Multiply => value * (e.value - 1.0),
                },
            )),
            _ => None,
        })
}

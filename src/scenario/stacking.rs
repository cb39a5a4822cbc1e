//! The checker's half of bounded effects: a scenario whose multipliers,
//! stacked as far as its triggers allow, could scale a flow or a stock by
//! more than [`MAX_FACTOR`] is refused at `scenario check`, before any
//! game could overflow revenue, costs or the score to infinity.
//!
//! The bound is the worst case: every event happens as often as it may,
//! every dilemma is answered with its most extreme choice, every
//! initiative is started whenever its cooldown allows, and all of their
//! effects overlap. A driver is scaled by the product of the effects
//! active at once; a stock is multiplied once per quarter an effect lasts,
//! so its multipliers compound over the whole game.

use crate::sim::{Effect, Op, Rules, Target};

/// The largest factor (either way) effects may stack to: far beyond any
/// story (a price doubled, churn ten times), far below overflow.
pub const MAX_FACTOR: f64 = 1.0e6;

/// One way a scenario's effects could stack too far.
#[derive(Clone, Debug, PartialEq)]
pub struct Stacking {
    /// The target's key, e.g. `price`.
    pub target: &'static str,
    /// The id of the event, dilemma or initiative contributing most.
    pub worst: String,
    /// log10 of the largest factor reachable (positive: up, negative: down).
    pub log10: f64,
}

impl Stacking {
    /// What `scenario check` says.
    pub fn message(&self) -> String {
        let (way, sign) = if self.log10 > 0.0 {
            ("multiply", "")
        } else {
            ("divide", "")
        };
        format!(
            "effects on {} could stack to {way} it by up to 1e{sign}{} (the limit is 1e{}), most of it from '{}'",
            self.target,
            self.log10.abs().ceil(),
            MAX_FACTOR.log10(),
            self.worst,
        )
    }

    /// How to fix it.
    pub fn help(&self) -> String {
        "use smaller multipliers, fewer quarters, a lower max_times or a longer cooldown: \
         if every event fired as often as allowed, the game could overflow"
            .to_string()
    }
}

/// Every target whose effects could stack past [`MAX_FACTOR`].
pub fn check(rules: &Rules) -> Vec<Stacking> {
    let quarters = rules.quarters.max(1);
    // (target, source id, effects, how often the source can happen)
    let mut sources: Vec<(String, Vec<&Effect>, u32)> = Vec::new();
    for e in &rules.events {
        let times = match e.trigger.quarter {
            Some(_) => 1,
            None => e.trigger.max_times.min(quarters),
        };
        sources.push((e.id.clone(), e.effects.iter().collect(), times));
    }
    for d in &rules.dilemmas {
        let times = match d.trigger.quarter {
            Some(_) => 1,
            None => d.trigger.max_times.min(quarters),
        };
        // The most extreme choice, per target, counts.
        for c in &d.choices {
            sources.push((
                format!("{}: {}", d.id, c.id),
                c.effects.iter().collect(),
                times,
            ));
        }
    }
    for i in &rules.initiatives {
        let times = quarters.div_ceil(i.cooldown.max(1));
        sources.push((i.id.clone(), i.effects.iter().collect(), times));
    }
    let mut targets: Vec<Target> = Vec::new();
    for (_, effects, _) in &sources {
        for e in effects {
            if e.op == Op::Multiply && !targets.contains(&e.target) {
                targets.push(e.target);
            }
        }
    }
    let limit = MAX_FACTOR.log10();
    let mut found = Vec::new();
    for target in targets {
        // Up and down separately: a factor of 1e9 up is not undone by
        // another event's 1e-9 that may never happen.
        let (mut up, mut down) = (0.0_f64, 0.0_f64);
        let (mut worst_up, mut worst_down) = ((0.0, String::new()), (0.0, String::new()));
        for (id, effects, times) in &sources {
            for e in effects
                .iter()
                .filter(|e| e.op == Op::Multiply && e.target == target)
            {
                if e.value <= 0.0 {
                    continue; // 0 stops a flow: no overflow, no underflow.
                }
                let lasting = e.quarters.max(1).min(quarters);
                let copies = match target {
                    // A driver: the copies active at once.
                    Target::Driver(_) => (*times).min(lasting),
                    // A stock: once per quarter each copy lasts.
                    Target::Stock(_) => times
                        .saturating_mul(lasting)
                        .min(quarters.saturating_mul(*times)),
                };
                let part = f64::from(copies) * e.value.log10();
                if part > 0.0 {
                    up += part;
                    if part > worst_up.0 {
                        worst_up = (part, id.clone());
                    }
                } else {
                    down += part;
                    if part < worst_down.0 {
                        worst_down = (part, id.clone());
                    }
                }
            }
        }
        if up > limit {
            found.push(Stacking {
                target: target.key(),
                worst: worst_up.1,
                log10: up,
            });
        } else if down < -limit {
            found.push(Stacking {
                target: target.key(),
                worst: worst_down.1,
                log10: down,
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{Driver, EventDef, Trigger};

    fn event(id: &str, trigger: Trigger, effects: Vec<Effect>) -> EventDef {
        EventDef {
            id: id.into(),
            title: id.into(),
            text: String::new(),
            trigger,
            effects,
        }
    }

    fn price(value: f64, quarters: u32) -> Effect {
        Effect::new(Target::Driver(Driver::Price), Op::Multiply, value, quarters)
    }

    #[test]
    fn sixteen_events_of_twenty_price_multipliers_are_refused() {
        let mut rules = Rules::default();
        for n in 0..16 {
            let trigger = Trigger {
                quarter: Some(n + 1),
                ..Trigger::default()
            };
            rules
                .events
                .push(event(&format!("e{n}"), trigger, vec![price(10.0, 20); 20]));
        }
        let found = check(&rules);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].target, "price");
        assert!(
            found[0].message().contains("1e320 "),
            "{}",
            found[0].message()
        );
    }

    #[test]
    fn one_recurring_event_is_refused_and_a_story_passes() {
        let mut rules = Rules::default();
        let recurring = Trigger {
            chance: 1.0,
            max_times: 80,
            ..Trigger::default()
        };
        rules
            .events
            .push(event("boom", recurring, vec![price(2.0, 80)]));
        assert_eq!(check(&rules).len(), 1);
        rules.events[0].effects = vec![price(1.3, 4)];
        assert_eq!(check(&rules), []);
    }
}

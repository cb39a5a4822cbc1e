//! The decision panel's change-load preview (`sim::change_load`) is the
//! model's own load and capacity: on every shipped scenario and plan, in
//! every quarter where no event of that quarter changed the capacity, the
//! fatigue the quarter adds for load above capacity is `fatigue_rate` ×
//! the preview's excess, and the quarter's reported load is the preview's.

use culturesim::plan::Plan;
use culturesim::sim::{Cause, Driver, Game, News, Stock, Target, change_load};
use std::sync::Arc;

#[test]
fn the_preview_is_the_load_the_quarter_then_carries() {
    let mut checked = 0;
    for scenario in culturesim::scenario::shipped() {
        let rules = Arc::clone(&scenario.rules);
        // Events that touch capacity or the crisis make this quarter's
        // capacity differ from the preview (they are not known before).
        let touches = |t: &Target| matches!(t, Target::Driver(Driver::Capacity | Driver::Crisis));
        for (name, eager) in [
            ("balanced", true),
            ("all-at-once", false),
            ("do-nothing", false),
        ] {
            let plan = Plan::reference(name, &rules).unwrap_or_default();
            let mut game = Game::new(Arc::clone(&rules), scenario.seed);
            while !game.is_over() {
                let q = game.state().quarter + 1;
                let mut d = plan.decisions(q);
                if eager {
                    // Every initiative that is ready: their load counts too.
                    for (i, def) in rules.initiatives.iter().enumerate() {
                        if game.state().cooldowns[i] == 0 && !d.initiatives.contains(&def.id) {
                            d.initiatives.push(def.id.clone());
                        }
                    }
                }
                let (load, capacity) = change_load(&rules, game.state(), &d);
                let Ok(report) = game.advance(&d) else { break };
                let surprised = report.news.iter().any(|n| {
                    let effects = match *n {
                        News::Event { index } => &rules.events[usize::from(index)].effects,
                        News::Answered {
                            dilemma, choice, ..
                        } => {
                            &rules.dilemmas[usize::from(dilemma)].choices[usize::from(choice)]
                                .effects
                        }
                        News::Started { index } => &rules.initiatives[usize::from(index)].effects,
                        News::Opened { .. } => return false,
                    };
                    effects.iter().any(|e| touches(&e.target))
                });
                if surprised {
                    continue;
                }
                let term: f64 = report
                    .ledger
                    .for_stock(Stock::Fatigue)
                    .filter(|t| t.cause == Cause::Model("change load above capacity"))
                    .map(|t| t.value)
                    .sum();
                let want = rules.params.fatigue_rate * (load - capacity).max(0.0);
                assert!(
                    (term - want).abs() < 1e-9,
                    "{} {name} Q{q}: fatigue term {term}, preview says {want} (load {load}, capacity {capacity})",
                    scenario.id
                );
                assert!(
                    (report.kpis.load - load).abs() < 1e-9,
                    "{} {name} Q{q}: load",
                    scenario.id
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 200, "only {checked} quarters checked");
}

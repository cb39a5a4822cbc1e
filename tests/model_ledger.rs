//! The why ledger names what an effect did to a flow it scales: a rival
//! that raises churn by 25% shows as its own term, a fifth of the churn.

use culturesim::sim::{
    Cause, Decisions, Driver, Effect, EventDef, Game, Op, Rules, Source, Stock, Target, Trigger,
};
use std::sync::Arc;

#[test]
fn a_churn_multiplier_gets_its_own_share_of_the_churn() {
    let rules = Arc::new(Rules {
        events: vec![EventDef {
            id: "rival".into(),
            title: "A rival launches".into(),
            text: String::new(),
            trigger: Trigger {
                quarter: Some(1),
                ..Trigger::default()
            },
            effects: vec![Effect::new(
                Target::Driver(Driver::Churn),
                Op::Multiply,
                1.25,
                2,
            )],
        }],
        ..Rules::default()
    });
    let mut game = Game::new(Arc::clone(&rules), 3);
    let report = game.advance(&Decisions::default()).cloned();
    let Ok(report) = report else {
        panic!("quarter 1 refused")
    };
    let terms = report.ledger.grouped(Stock::Regular);
    let find = |want: &dyn Fn(&Cause) -> bool| terms.iter().find(|(c, _)| want(c)).map(|(_, v)| *v);
    let own = find(&|c| *c == Cause::Model("churn")).unwrap_or(0.0);
    let rival = find(&|c| {
        *c == Cause::Via {
            flow: "churn",
            source: Source::Event(0),
        }
    })
    .unwrap_or(0.0);
    assert!(own < 0.0 && rival < 0.0, "own {own}, rival {rival}");
    assert!(
        (rival / (own + rival) - 0.2).abs() < 1e-12,
        "rival's share {}",
        rival / (own + rival)
    );
    let label = Cause::Via {
        flow: "churn",
        source: Source::Event(0),
    }
    .label(&rules);
    assert_eq!(label, "A rival launches (churn)");
    // Quarter 2: still in force; quarter 3: gone.
    for (q, in_force) in [(2, true), (3, false)] {
        let Ok(r) = game.advance(&Decisions::default()).cloned() else {
            panic!("quarter {q} refused")
        };
        let has = r
            .ledger
            .for_stock(Stock::Regular)
            .any(|t| matches!(t.cause, Cause::Via { .. }));
        assert_eq!(has, in_force, "quarter {q}");
    }
}

/// Engagement and experience relax toward a target made of named parts; a
/// part that holds the figure up is never shown pulling it down, even when
/// the figure stands above its target and settles back (then the ledger
/// says "settling").
#[test]
fn supporting_causes_never_show_as_negative() {
    let supports = [
        "baseline",
        "customer culture (last quarter)",
        "vision buy-in",
        "skills",
        "engagement (last quarter)",
        "customer culture",
        "customer insight",
    ];
    let rules = Arc::new(Rules::default());
    let mut settled = 0;
    for (seed, spend) in [(1, 0.0), (2, 40.0), (3, 120.0), (4, 90.0)] {
        let mut game = Game::new(Arc::clone(&rules), seed);
        for q in 0..20 {
            // Invest, then stop: the figures overshoot their targets.
            let amount = if q < 8 { spend } else { 0.0 };
            let d = Decisions {
                vision: amount,
                insight: amount,
                skills: amount,
                ..Decisions::default()
            };
            let Ok(report) = game.advance(&d).cloned() else {
                break;
            };
            for stock in [Stock::Engagement, Stock::Experience] {
                let terms = report.ledger.grouped(stock);
                for (cause, value) in &terms {
                    if let Cause::Model(name) = cause {
                        assert!(
                            !supports.contains(name) || *value >= 0.0,
                            "{stock:?} Q{}: {name} {value}",
                            q + 1
                        );
                        settled += usize::from(*name == "settling");
                    }
                }
                let sum: f64 = terms.iter().map(|(_, v)| v).sum();
                assert!((sum - report.ledger.total(stock)).abs() < 1e-9);
            }
        }
    }
    assert!(
        settled > 0,
        "no quarter above its target: the test proves nothing"
    );
}

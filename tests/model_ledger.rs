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

//! A scenario for the terminal game's tests: the reference organization
//! with two initiatives, a scheduled event and a dilemma, so that every
//! panel has something to show. Built in code so that the tests do not
//! depend on the shipped scenario files.

#![allow(dead_code)]

use culturesim::scenario::Scenario;
use culturesim::sim::{
    Choice, DilemmaDef, Driver, Effect, EventDef, InitiativeDef, Op, Rules, Stock, Target, Trigger,
};
use culturesim::tui::catalog::Catalog;
use culturesim::tui::{App, Message, Session, Title, update};
use std::sync::Arc;

/// The test scenario.
pub fn scenario() -> Scenario {
    let initiatives = vec![
        InitiativeDef {
            id: "workshop".into(),
            title: "Customer workshop".into(),
            text: "Model the new way of working with real customers in the room.".into(),
            cost: 40.0,
            cooldown: 4,
            load: 1.0,
            effects: vec![Effect::new(Target::Stock(Stock::Insight), Op::Add, 3.0, 2)],
        },
        InitiativeDef {
            id: "champions".into(),
            title: "Enlist points of light".into(),
            text: "Find early champions and let them inspire the others.".into(),
            cost: 60.0,
            cooldown: 6,
            load: 1.0,
            effects: vec![Effect::new(
                Target::Driver(Driver::Momentum),
                Op::Add,
                0.1,
                4,
            )],
        },
    ];
    let events =
        vec![EventDef {
        id: "price_war".into(),
        title: "Rival starts a price war".into(),
        text:
            "A competitor cuts prices by a fifth; customers who are not loyal start to shop around."
                .into(),
        trigger: Trigger {
            quarter: Some(2),
            ..Trigger::default()
        },
        effects: vec![Effect::new(Target::Driver(Driver::Churn), Op::Multiply, 1.3, 2)],
    }];
    let dilemmas = vec![DilemmaDef {
        id: "stranded".into(),
        title: "Stranded customers".into(),
        text: "A family's product failed far from home. Nobody owns the problem: service says it is logistics', logistics says it is service's.".into(),
        trigger: Trigger {
            quarter: Some(2),
            ..Trigger::default()
        },
        choices: vec![
            Choice {
                id: "own".into(),
                label: "Own it: get them home".into(),
                text: "The story spreads; staff are proud.".into(),
                cost: 30.0,
                effects: vec![Effect::new(Target::Stock(Stock::Engagement), Op::Add, 2.0, 1)],
            },
            Choice {
                id: "policy".into(),
                label: "Follow the policy".into(),
                text: "Nothing is spent; the family tells everyone.".into(),
                cost: 0.0,
                effects: vec![Effect::new(Target::Stock(Stock::Advocates), Op::Add, -5.0, 1)],
            },
        ],
        default_choice: 1,
    }];
    let rules = Rules {
        quarters: 8,
        initiatives,
        events,
        dilemmas,
        ..Rules::default()
    };
    Scenario {
        id: "fixture".into(),
        title: "Test organization".into(),
        summary: "The reference organization with an event, a dilemma and two initiatives".into(),
        story: "A mid-sized electronics retailer whose customers are served adequately but not well.\n\nThe new chief executive wants every department to put customers first.".into(),
        goal: "Build a customer culture without losing the board.".into(),
        seed: 42,
        lock_seed: false,
        rules: Arc::new(rules),
        origin: "test".into(),
        ..Scenario::reference()
    }
}

/// A title screen offering the test scenario and the reference one (not
/// the shipped ones, whose stories change with their files).
pub fn title() -> Title {
    let scenarios = vec![scenario(), Scenario::reference()];
    Title::new(
        Catalog {
            scenarios,
            problems: Vec::new(),
        },
        Vec::new(),
        String::new(),
    )
}

/// The app at the briefing of the test scenario.
pub fn briefing() -> App {
    App::briefing(title(), Session::new(scenario(), 42, "Ada".into()))
}

/// Sends messages in order.
pub fn send(app: &mut App, msgs: impl IntoIterator<Item = Message>) {
    for m in msgs {
        update(app, m);
    }
}

/// Commits the current quarter as it stands (Enter, Enter) and moves on
/// from the report (Enter).
pub fn play_quarter(app: &mut App) {
    send(app, [Message::Confirm, Message::Confirm, Message::Confirm]);
}

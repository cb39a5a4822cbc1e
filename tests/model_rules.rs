//! Rules of the model that are easy to get wrong by one: when new-product
//! revenue arrives, what an unanswered dilemma costs, and customer equity
//! at the edges of its parameters.

use culturesim::sim::{
    Choice, DecisionError, Decisions, DilemmaDef, Game, Rules, Stock, Trigger, customer_equity,
};
use std::sync::Arc;

#[test]
fn new_product_revenue_arrives_after_its_delay() {
    for (delay, first) in [(2.0, 3), (1.0, 2), (0.0, 2), (1.5, 3)] {
        let mut rules = Rules::default();
        rules.params.new_product_delay = delay;
        let mut game = Game::new(Arc::new(rules), 1);
        let _ = game.play_out(|_, _| Decisions::default());
        let arrived = game
            .history()
            .iter()
            .position(|r| r.kpis.new_product_revenue > 0.0)
            .map(|i| i + 1);
        assert_eq!(arrived, Some(first), "delay {delay}");
    }
}

#[test]
fn an_unanswered_dilemma_charges_its_default_and_validation_counts_it() {
    let choice = |id: &str, cost: f64| Choice {
        id: id.into(),
        label: id.into(),
        text: String::new(),
        cost,
        effects: Vec::new(),
    };
    let mut rules = Rules {
        credit_line: 0.0,
        dilemmas: vec![DilemmaDef {
            id: "layoffs".into(),
            title: "Layoffs".into(),
            text: String::new(),
            trigger: Trigger {
                quarter: Some(1),
                ..Trigger::default()
            },
            choices: vec![choice("cut", 60.0), choice("keep", 0.0)],
            default_choice: 0,
        }],
        ..Rules::default()
    };
    rules.start.set(Stock::Cash, 100.0);
    let mut game = Game::new(Arc::new(rules), 1);
    let spend_all = Decisions {
        vision: 100.0,
        ..Decisions::default()
    };
    let refused = spend_all.cash_check(game.rules(), game.state()).err();
    assert!(
        matches!(refused, Some(DecisionError::NotEnoughCash { spent, .. }) if spent == 160.0),
        "{refused:?}"
    );
    let mut keep = spend_all.clone();
    keep.answers.insert("layoffs".into(), "keep".into());
    assert!(game.advance(&keep).is_ok());
}

#[test]
fn customer_equity_stays_finite_with_no_churn_and_the_least_discounting() {
    let mut rules = Rules::default();
    rules.params.discount_rate = 0.001;
    rules.params.churn_base = 0.0;
    let mut stocks = rules.start.clone();
    stocks.set(Stock::Experience, 100.0);
    for churn in [0.0, 1.0] {
        let e = customer_equity(&rules, &stocks, churn, 1.0, 1.0);
        assert!(e.is_finite(), "churn driver {churn}: {e}");
    }
}

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

/// Model v3: spending past the credit line is the player's call, not a
/// refused decision; a quarter that ends below the line ends the game.
#[test]
fn overspending_past_the_credit_line_ends_in_bankruptcy() {
    let mut rules = Rules::default();
    rules.start.set(Stock::Cash, -950.0);
    let mut game = Game::new(Arc::new(rules), 1);
    let all_in = Decisions {
        vision: 100.0,
        insight: 250.0,
        skills: 250.0,
        ..Decisions::default()
    };
    assert!(matches!(
        all_in.cash_check(game.rules(), game.state()),
        Err(DecisionError::NotEnoughCash { .. })
    ));
    let report = game.advance(&all_in).cloned();
    assert!(report.is_ok(), "{report:?}");
    assert_eq!(game.state().outcome, culturesim::sim::Outcome::Bankrupt);
    assert!(game.is_over());
}

/// Model v3: an effect can wait (`delay`), be as strong as a stock
/// (`scale_by`), or do nothing when its conditions fail (`when`), all
/// judged on the state when it starts.
#[test]
fn effects_wait_scale_and_gate_on_the_state_they_start_in() {
    use culturesim::sim::{Condition, Effect, EventDef, Op, Target, Trigger};
    let mut delayed = Effect::new(Target::Stock(Stock::Advocates), Op::Add, 10.0, 1);
    delayed.delay = 2;
    let mut scaled = Effect::new(Target::Stock(Stock::Valuable), Op::Add, 40.0, 1);
    scaled.scale_by = Some(Stock::Culture); // culture 25 at the start: +10
    let mut gated = Effect::new(Target::Stock(Stock::Costly), Op::Add, 50.0, 1);
    gated.when = vec![Condition {
        stock: Stock::Skills,
        below: None,
        above: Some(60.0),
    }];
    let event = EventDef {
        id: "e".into(),
        title: String::new(),
        text: String::new(),
        trigger: Trigger {
            quarter: Some(1),
            ..Trigger::default()
        },
        effects: vec![delayed, scaled, gated],
    };
    let with = Rules {
        events: vec![event],
        ..Rules::default()
    };
    let run = |rules: Rules| {
        let mut game = Game::new(Arc::new(rules), 3);
        let _ = game.play_out(|_, _| Decisions::default());
        game.history().to_vec()
    };
    let (a, b) = (run(with), run(Rules::default()));
    let diff = |q: usize, s: Stock| a[q - 1].stocks.get(s) - b[q - 1].stocks.get(s);
    // The event's own terms on advocates, quarter by quarter.
    let own = |q: usize| -> f64 {
        a[q - 1]
            .ledger
            .terms
            .iter()
            .filter(|t| {
                t.stock == Stock::Advocates && matches!(t.cause, culturesim::sim::Cause::Effect(_))
            })
            .map(|t| t.value)
            .sum()
    };
    assert_eq!(own(1), 0.0, "the delayed effect acted at once");
    assert_eq!(own(2), 0.0, "the delayed effect acted a quarter early");
    assert_eq!(own(3), 10.0, "the delayed effect took hold in quarter 3");
    assert_eq!(own(4), 0.0, "the delayed effect lasts one quarter");
    assert!(
        (diff(1, Stock::Valuable) - 10.0).abs() < 1e-9,
        "scaled by culture 25: +10"
    );
    assert!(
        diff(1, Stock::Costly).abs() < 1e-9,
        "the gated effect acted with skills at 25"
    );
}

//! Money: revenue and cost to serve per segment (the whale curve), price
//! realisation, delayed new-product revenue, profit, cash, board
//! confidence and customer equity.

use super::book::Book;
use super::curve::{abs, clamp, max, pos};
use super::customers::{SEGMENT_CHURN, loyalty};
use super::effect::{ActiveEffect, Driver};
use super::event::Drivers;
use super::ledger::Cause;
use super::rules::{Expectation, Rules};
use super::stock::{Stock, Stocks};

/// The why ledger's name for cash paid out to the owners (on cash and on
/// the board): not part of profit, which is why explanations look for it.
pub const PAYOUT_TERM: &str = "payout to owners";

/// Price realisation: better experience lets the organization charge more.
pub fn price_factor(rules: &Rules, experience: f64, price_driver: f64) -> f64 {
    pos(1.0 + rules.params.price_experience * (experience - 50.0) / 50.0) * pos(price_driver)
}

/// Revenue before price realisation: customers × list price.
fn list_revenue(rules: &Rules, stocks: &Stocks) -> f64 {
    Stock::SEGMENTS
        .iter()
        .zip(rules.economics.price)
        .map(|(s, price)| stocks.get(*s) * price)
        .sum()
}

/// Profit per quarter of the starting organization with no change
/// programme: the history the board and the profit trend look back on.
pub fn baseline_profit(rules: &Rules) -> f64 {
    let s = &rules.start;
    let revenue = price_factor(rules, s.get(Stock::Experience), 1.0) * list_revenue(rules, s);
    let cost: f64 = Stock::SEGMENTS
        .iter()
        .zip(rules.economics.cost_to_serve)
        .map(|(seg, c)| s.get(*seg) * c)
        .sum();
    revenue - cost - rules.economics.fixed_costs
}

/// Customer equity ("size the prize"): Σ customers × margin × r / (1 + d − r).
pub fn customer_equity(
    rules: &Rules,
    stocks: &Stocks,
    churn_driver: f64,
    price_driver: f64,
    cost_driver: f64,
) -> f64 {
    let p = &rules.params;
    let experience = stocks.get(Stock::Experience);
    let base = loyalty(p, experience, churn_driver).churn;
    let pf = price_factor(rules, experience, price_driver);
    let mut equity = 0.0;
    for (k, seg) in Stock::SEGMENTS.iter().enumerate() {
        let r = 1.0 - clamp(base * SEGMENT_CHURN[k], 0.0, 1.0);
        let margin =
            rules.economics.price[k] * pf - rules.economics.cost_to_serve[k] * pos(cost_driver);
        // Never divide by zero: no churn and no discounting would make a
        // customer worth infinitely much.
        equity += stocks.get(*seg) * margin * r / max(1.0 + p.discount_rate - r, 1e-6);
    }
    equity
}

pub(crate) struct MoneyInput<'a> {
    pub spend: [f64; 4],
    pub initiatives: f64,
    pub choices: &'a [(super::effect::Source, f64)],
    /// New-product revenue that arrives this quarter.
    pub new_products: f64,
    pub drivers: &'a Drivers,
    pub effects: &'a [ActiveEffect],
    /// Last quarter's profit before one-off items (the board's bar).
    pub last_profit: f64,
    /// Cash paid out to the owners this quarter, and last quarter.
    pub payout: f64,
    pub last_payout: f64,
}

pub(crate) struct MoneyOutput {
    pub revenue: f64,
    pub cost_to_serve: f64,
    pub fixed_costs: f64,
    pub spending: f64,
    pub profit: f64,
    /// The profit before one-off items (answers' costs, cash effects).
    pub operating_profit: f64,
    /// New-product revenue created this quarter, to arrive after the delay.
    pub new_products_created: f64,
    pub expected: f64,
}

pub(crate) fn step<const R: bool>(
    rules: &Rules,
    book: &mut Book<R>,
    input: &MoneyInput,
) -> MoneyOutput {
    let p = &rules.params;
    let d = input.drivers;
    let stocks = book.new.clone();
    let pf = price_factor(rules, stocks.get(Stock::Experience), d.get(Driver::Price));
    let list = list_revenue(rules, &stocks);
    let sales = pf * list;
    let cost_driver = pos(d.get(Driver::CostToServe));
    let cost: f64 = Stock::SEGMENTS
        .iter()
        .zip(rules.economics.cost_to_serve)
        .map(|(s, c)| stocks.get(*s) * c * cost_driver)
        .sum();
    let fixed = pos(rules.economics.fixed_costs * d.get(Driver::FixedCosts));

    let e = input.effects;
    book.split(Stock::Cash, "sales", sales, &d.shares(e, Driver::Price));
    book.term(Stock::Cash, "new products", input.new_products);
    book.split(
        Stock::Cash,
        "cost to serve",
        -cost,
        &d.shares(e, Driver::CostToServe),
    );
    book.split(
        Stock::Cash,
        "fixed costs",
        -fixed,
        &d.shares(e, Driver::FixedCosts),
    );
    let names = ["vision", "customer insight", "skills", "marketing"];
    for (name, amount) in names.into_iter().zip(input.spend) {
        if amount > 0.0 {
            book.term(Stock::Cash, name, -amount);
        }
    }
    if input.initiatives > 0.0 {
        book.term(Stock::Cash, "initiatives", -input.initiatives);
    }
    // What the quarter earns before its one-off items.
    let operating_profit = book.pending(Stock::Cash) - book.old.get(Stock::Cash);
    let mut spending = input.spend.iter().sum::<f64>() + input.initiatives;
    for (source, cost) in input.choices {
        if *cost != 0.0 {
            book.push(Stock::Cash, Cause::Effect(*source), -cost);
            spending += cost;
        }
    }
    book.effects(Stock::Cash, input.effects);
    if input.payout > 0.0 {
        book.term(Stock::Cash, PAYOUT_TERM, -input.payout);
    }
    let cash = book.settle(Stock::Cash);
    // Profit is the whole change of cash but the payout (a distribution,
    // not a cost): one-off items from events count.
    let profit = cash - book.old.get(Stock::Cash) + input.payout;

    // Success raises the bar: a confident board (above 50) expects a
    // profit that grows on the last, up to `board_ambition` at 100, so a
    // plateau slowly costs the confidence that growth bought.
    let confidence = book.old.get(Stock::Board);
    let ambition = 1.0 + p.board_ambition * clamp((confidence - 50.0) / 50.0, 0.0, 1.0);
    let expected = match rules.expectation {
        Expectation::Previous if input.last_profit > 0.0 => input.last_profit * ambition,
        Expectation::Previous => input.last_profit,
        Expectation::Fixed(x) => x,
    } * d.get(Driver::BoardExpectation);
    // The board tolerates a small miss of a profit; after a loss it wants
    // the company back in profit, so every loss-making quarter costs
    // confidence (the pressure that makes leaders abandon the J-curve).
    let surprise = (profit - p.board_tolerance * max(expected, 0.0)) / max(abs(expected), 100.0);
    let step = clamp(p.board_rate * surprise, -p.board_max_step, p.board_max_step);
    book.term(Stock::Board, "profit against expectation", step);
    // Owners like a rising payout, and take one once paid as the new
    // normal: raising it buys confidence once, cutting it costs as much.
    let raised = input.payout - input.last_payout;
    if raised != 0.0 {
        let change = p.board_payout * raised / max(abs(expected), 100.0);
        let change = clamp(change, -p.board_max_step, p.board_max_step);
        book.term(Stock::Board, PAYOUT_TERM, change);
    }
    book.effects(Stock::Board, input.effects);
    book.settle(Stock::Board);

    // Knowledge pays when people act on it: insight's money comes
    // through culture.
    let culture = stocks.get(Stock::Culture) / 100.0;
    let act =
        stocks.get(Stock::Insight) / 100.0 * ((1.0 - p.act_culture) + p.act_culture * culture);
    let innovation = act * (stocks.get(Stock::Skills) + stocks.get(Stock::Culture)) / 200.0;
    MoneyOutput {
        revenue: sales + input.new_products,
        cost_to_serve: cost,
        fixed_costs: fixed,
        spending,
        profit,
        operating_profit,
        new_products_created: p.new_product_rate * list * innovation,
        expected,
    }
}

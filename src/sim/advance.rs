//! `advance`: one quarter of the model, from decisions to report. The order
//! matters and is part of the model: answers and initiatives start, the
//! quarter's events happen, people and culture move, then customers, then
//! money; next quarter's dilemmas open last.

use super::book::Book;
use super::curve::{abs, max};
use super::customers::{self, CustomerInput};
use super::decision::{DecisionError, Decisions};
use super::effect::Source;
use super::event::{self, Drivers, News};
use super::market::Exchange;
use super::money::{self, MoneyInput};
use super::people::{self, PeopleInput};
use super::report::{Kpis, QuarterReport, Reported, score};
use super::rules::Rules;
use super::state::{Outcome, State};
use super::stock::Stock;

/// √3: scales a sum of four uniforms to unit variance.
const SQRT_3: f64 = 1.732_050_807_568_877_2;

/// Plays one quarter. On a decision error the state is left untouched.
pub fn advance(
    rules: &Rules,
    state: &mut State,
    decisions: &Decisions,
) -> Result<QuarterReport, DecisionError> {
    advance_in(rules, state, decisions, None)
}

/// One quarter of a firm alone (`None`) or in a shared market, whose
/// exchange with the rivals is written first and sets the prospects the
/// firm can win this quarter.
pub(crate) fn advance_in(
    rules: &Rules,
    state: &mut State,
    decisions: &Decisions,
    market: Option<&Exchange>,
) -> Result<QuarterReport, DecisionError> {
    decisions.validate(rules, state)?;
    let q = state.quarter + 1;
    let p = &rules.params;
    let mut news = Vec::new();

    // Answers to the dilemmas asked at the start of this quarter.
    let mut choices: Vec<(Source, f64)> = Vec::new();
    for d in std::mem::take(&mut state.pending) {
        let def = &rules.dilemmas[usize::from(d)];
        let answer = decisions.answers.get(&def.id);
        let chosen = answer
            .and_then(|a| def.choices.iter().position(|c| &c.id == a))
            .unwrap_or(def.default_choice);
        let choice = &def.choices[chosen];
        let source = Source::Choice(d, chosen as u16);
        choices.push((source, choice.cost));
        event::start(state, source, &choice.effects);
        news.push(News::Answered {
            dilemma: d,
            choice: chosen as u16,
            defaulted: answer.is_none(),
        });
    }

    // Initiatives started this quarter.
    let mut initiative_cost = 0.0;
    let mut initiative_load = 0.0;
    for id in &decisions.initiatives {
        if let Some((i, def)) = rules.initiative(id) {
            initiative_cost += def.cost;
            initiative_load += def.load * p.initiative_load;
            state.cooldowns[i] = def.cooldown;
            event::start(state, Source::Initiative(i as u16), &def.effects);
            news.push(News::Started { index: i as u16 });
        }
    }

    event::roll_events(rules, state, q, &mut news);
    let drivers = Drivers::from_effects(&state.effects);

    let n = state.profits.len();
    let year_ago = state.profits[n.saturating_sub(5)];
    let growth =
        (state.profits[n - 1] - year_ago) / max(abs(year_ago), 50.0) / p.profit_growth_scale;

    let mut book = Book::new(&state.stocks);
    if let Some(exchange) = market {
        exchange.book(&mut book);
    }
    let pool_part = market.map(|_| book.pending(Stock::Prospects));
    let people = people::step(
        p,
        &mut book,
        &PeopleInput {
            vision: decisions.vision,
            insight: decisions.insight,
            skills: decisions.skills,
            marketing: decisions.marketing,
            initiative_load,
            profit_growth: growth,
            drivers: &drivers,
            effects: &state.effects,
        },
    );
    let custom = customers::step(
        p,
        &mut book,
        &CustomerInput {
            marketing: decisions.marketing,
            market_growth: rules.economics.market_growth,
            prospects: pool_part,
            drivers: &drivers,
            effects: &state.effects,
        },
    );
    let arriving = state.pipeline.first().copied().unwrap_or(0.0);
    let cash = money::step(
        rules,
        &mut book,
        &MoneyInput {
            spend: [
                decisions.vision,
                decisions.insight,
                decisions.skills,
                decisions.marketing,
            ],
            initiatives: initiative_cost,
            choices: &choices,
            new_products: arriving,
            drivers: &drivers,
            effects: &state.effects,
            last_profit: state.last_profit(),
        },
    );

    // New-product revenue travels through the pipeline.
    if !state.pipeline.is_empty() {
        state.pipeline.remove(0);
        state.pipeline.push(cash.new_products_created);
    }

    let Book {
        new: stocks,
        ledger,
        ..
    } = book;
    let customers_before = state.stocks.customers();
    state.stocks = stocks;
    state.quarter = q;
    state.profits.push(cash.profit);
    state.cumulative_profit += cash.profit;
    event::age_effects(state);

    state.outcome = if state.get(Stock::Board) <= 0.0 {
        Outcome::BoardOut
    } else if state.get(Stock::Cash) < rules.credit_line {
        Outcome::Bankrupt
    } else if q >= rules.quarters {
        Outcome::Finished
    } else {
        Outcome::Playing
    };
    if state.outcome == Outcome::Playing {
        for d in event::open_dilemmas(rules, state, q + 1) {
            news.push(News::Opened { dilemma: d });
        }
    }

    let reported = measure(state, p.noise_max, custom.loyalty.nps());
    let kpis = Kpis {
        revenue: cash.revenue,
        new_product_revenue: arriving,
        cost_to_serve: cash.cost_to_serve,
        fixed_costs: cash.fixed_costs,
        spending: cash.spending,
        profit: cash.profit,
        cumulative_profit: state.cumulative_profit,
        expected_profit: cash.expected,
        churn: if customers_before > 0.0 {
            custom.lost / customers_before
        } else {
            0.0
        },
        nps: custom.loyalty.nps(),
        customers: state.stocks.customers(),
        acquired: custom.acquired,
        customer_equity: lasting_equity(rules, &state.stocks, people.experience_drag),
        lasting_culture: lasting_culture(rules, &state.stocks, people.culture_target),
        load: people.load,
        score: 0.0,
    };
    let mut report = QuarterReport {
        quarter: q,
        decisions: decisions.clone(),
        stocks: state.stocks.clone(),
        kpis,
        reported,
        ledger,
        news,
        outcome: state.outcome,
        checksum: state.checksum(),
    };
    report.kpis.score = score(rules, &report);
    Ok(report)
}

/// Customer equity as it lasts: the temporary effects in force (a price
/// rise, a rival's churn) are left out, and experience is valued past the
/// passing drags of training and fatigue, so neither a last-quarter
/// initiative nor an end-game cut in training buys equity.
fn lasting_equity(rules: &Rules, stocks: &super::stock::Stocks, drag: f64) -> f64 {
    let mut lasting = stocks.clone();
    let x = stocks.get(Stock::Experience) + rules.params.lasting_experience * drag;
    lasting.set(Stock::Experience, super::curve::clamp(x, 0.0, 100.0));
    money::customer_equity(rules, &lasting, 1.0, 1.0, 1.0)
}

/// Culture as it lasts: where the levers are taking it, so that letting
/// them decay at the end of a game costs what it will cost later.
fn lasting_culture(rules: &Rules, stocks: &super::stock::Stocks, target: f64) -> f64 {
    let c = stocks.get(Stock::Culture);
    super::curve::clamp(c + rules.params.lasting_weight * (target - c), 0.0, 100.0)
}

/// Reported customer figures: the truth times (1 + σ·z), σ shrinking with
/// insight; z is a sum of four uniforms scaled to unit variance, so no
/// transcendental function is needed. Counts are rounded, as surveys are.
fn measure(state: &mut State, noise_max: f64, nps: f64) -> Reported {
    let sigma = noise_max * (1.0 - state.stocks.get(Stock::Insight) / 100.0);
    let mut u = [0.0; 20];
    state.noise_draws(state.quarter, &mut u);
    let z: [f64; 5] = std::array::from_fn(|k| {
        let sum = u[4 * k] + u[4 * k + 1] + u[4 * k + 2] + u[4 * k + 3];
        (sum - 2.0) * SQRT_3
    });
    let noisy = |stock: Stock, z: f64| {
        (state.stocks.get(stock) * (1.0 + sigma * z))
            .max(0.0)
            .round()
    };
    Reported {
        advocates: noisy(Stock::Advocates, z[0]),
        valuable: noisy(Stock::Valuable, z[1]),
        regular: noisy(Stock::Regular, z[2]),
        costly: noisy(Stock::Costly, z[3]),
        nps: (nps + 50.0 * sigma * z[4]).clamp(-100.0, 100.0).round(),
        noise: sigma,
    }
}

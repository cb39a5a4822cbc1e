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
use super::report::{Kpis, QuarterReport, Reported, score_of};
use super::rules::Rules;
use super::state::{Dice, Outcome, State};
use super::stock::Stock;

/// √3: scales a sum of four uniforms to unit variance.
const SQRT_3: f64 = 1.732_050_807_568_877_2;

/// Dilemma answers a quarter keeps on the stack; more go to the heap.
const CHOICES: usize = 16;

/// Plays one quarter. On a decision error the state is left untouched.
pub fn advance(
    rules: &Rules,
    state: &mut State,
    decisions: &Decisions,
) -> Result<QuarterReport, DecisionError> {
    report::<true>(rules, state, decisions, None, Check::Validate)
}

/// Plays one quarter as [`advance`] does, to the same bits of state, but
/// keeps no record: the report's ledger and news are empty, its decisions
/// and measured figures the default and its checksum 0. For the balance lab and the plan
/// search, which read only figures; nothing is allocated per quarter.
pub fn advance_quiet(
    rules: &Rules,
    state: &mut State,
    decisions: &Decisions,
) -> Result<QuarterReport, DecisionError> {
    report::<false>(rules, state, decisions, None, Check::Validate)
}

/// Whether a quarter validates its decisions.
#[derive(Clone, Copy, PartialEq)]
enum Check {
    Validate,
    /// The caller validated them on this state.
    Done,
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
    report::<true>(rules, state, decisions, market, Check::Validate)
}

/// One quarter; `RECORD`: with the why ledger, the news, the measured
/// figures and the checksum.
fn quarter<const RECORD: bool>(
    rules: &Rules,
    state: &mut State,
    decisions: &Decisions,
    market: Option<&Exchange>,
    check: Check,
) -> Result<Played, DecisionError> {
    match check {
        Check::Validate => {
            decisions.validate(rules, state)?;
        }
        Check::Done if state.is_over(rules) => return Err(DecisionError::GameOver),
        Check::Done => {}
    }
    let record = RECORD;
    let q = state.quarter + 1;
    let p = &rules.params;
    // Room for a busy quarter's news: one allocation, and none when quiet.
    let mut news = if record {
        Vec::with_capacity(16)
    } else {
        Vec::new()
    };
    // Every die of the quarter in one draw: events, noise, next dilemmas.
    let dice = state.dice(rules, q);

    // Answers to the dilemmas asked at the start of this quarter.
    let mut few = [(Source::Event(0), 0.0); CHOICES];
    let mut many: Vec<(Source, f64)> = Vec::new();
    let pending = std::mem::take(&mut state.pending);
    for (n, &d) in pending.iter().enumerate() {
        let def = &rules.dilemmas[usize::from(d)];
        let answer = decisions.answers.get(&def.id);
        let chosen = answer
            .and_then(|a| def.choices.iter().position(|c| &c.id == a))
            .unwrap_or(def.default_choice);
        let choice = &def.choices[chosen];
        let source = Source::Choice(d, chosen as u16);
        if pending.len() <= CHOICES {
            few[n] = (source, choice.cost);
        } else {
            many.push((source, choice.cost));
        }
        event::start(state, source, &choice.effects);
        if record {
            news.push(News::Answered {
                dilemma: d,
                choice: chosen as u16,
                defaulted: answer.is_none(),
            });
        }
    }
    let choices: &[(Source, f64)] = if pending.len() <= CHOICES {
        &few[..pending.len()]
    } else {
        &many
    };
    // The list's allocation is kept for the dilemmas that open next.
    state.pending = pending;
    state.pending.clear();

    // Initiatives started this quarter.
    let mut initiative_cost = 0.0;
    let mut initiative_load = 0.0;
    for id in &decisions.initiatives {
        if let Some((i, def)) = rules.initiative(id) {
            initiative_cost += def.cost;
            initiative_load += def.load * p.initiative_load;
            state.cooldowns[i] = def.cooldown;
            event::start(state, Source::Initiative(i as u16), &def.effects);
            if record {
                news.push(News::Started { index: i as u16 });
            }
        }
    }

    event::roll_events(rules, state, q, &dice, record.then_some(&mut news));
    let drivers = Drivers::from_effects(&state.effects);

    let n = state.profits.len();
    let year_ago = state.profits[n.saturating_sub(5)];
    let growth =
        (state.profits[n - 1] - year_ago) / max(abs(year_ago), 50.0) / p.profit_growth_scale;

    let mut book = Book::<RECORD>::with_ledger(&state.stocks, drivers.stocks_touched());
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
            choices,
            new_products: arriving,
            drivers: &drivers,
            effects: &state.effects,
            last_profit: state.operating_profit,
            payout: decisions.payout,
            last_payout: state.last_payout,
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
    state.operating_profit = cash.operating_profit;
    state.cumulative_profit += cash.profit;
    // Paid-out cash earns the owners the discount rate from next quarter.
    state.returned = state.returned * (1.0 + p.discount_rate) + decisions.payout;
    state.paid_out += decisions.payout;
    state.last_payout = decisions.payout;
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
        event::open_dilemmas(rules, state, q + 1, &dice);
        if record {
            news.extend(state.pending.iter().map(|&d| News::Opened { dilemma: d }));
        }
    }

    // What the player would see; nobody looks in a quiet quarter.
    let reported = if record {
        measure(state, &dice, p.noise_max, custom.loyalty.nps())
    } else {
        Reported::default()
    };
    let kpis = Kpis {
        revenue: cash.revenue,
        new_product_revenue: arriving,
        cost_to_serve: cash.cost_to_serve,
        fixed_costs: cash.fixed_costs,
        spending: cash.spending,
        profit: cash.profit,
        cumulative_profit: state.cumulative_profit,
        payout: decisions.payout,
        owner_return: state.owner_return(),
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
    let mut played = Played {
        kpis,
        reported,
        ledger,
        news,
    };
    played.kpis.score = score_of(rules, &played.kpis, &state.stocks, state.outcome);
    Ok(played)
}

/// What a quarter produced beyond the state it leaves.
struct Played {
    kpis: Kpis,
    reported: Reported,
    ledger: super::ledger::Ledger,
    news: Vec<News>,
}

/// One quarter and its report; `RECORD` as in [`quarter`].
fn report<const RECORD: bool>(
    rules: &Rules,
    state: &mut State,
    decisions: &Decisions,
    market: Option<&Exchange>,
    check: Check,
) -> Result<QuarterReport, DecisionError> {
    let played = quarter::<RECORD>(rules, state, decisions, market, check)?;
    Ok(QuarterReport {
        quarter: state.quarter,
        decisions: if RECORD {
            decisions.clone()
        } else {
            Decisions::default()
        },
        stocks: state.stocks.clone(),
        kpis: played.kpis,
        reported: played.reported,
        ledger: played.ledger,
        news: played.news,
        outcome: state.outcome,
        checksum: if RECORD { state.checksum() } else { 0 },
    })
}

/// A quiet quarter for the lab and the search, which read only its
/// figures: no report is made (the stocks and the outcome are the
/// state's), and the state is the one [`advance_quiet`] leaves.
/// `checked`: the caller has just validated the decisions against this
/// very state ([`Decisions::cash_check`] passed, as in `plan::fit`), so
/// the quarter does not check them a second time; only the end of the
/// game is still refused.
pub(crate) fn advance_figures(
    rules: &Rules,
    state: &mut State,
    decisions: &Decisions,
    checked: bool,
) -> Result<Kpis, DecisionError> {
    let check = if checked {
        Check::Done
    } else {
        Check::Validate
    };
    quarter::<false>(rules, state, decisions, None, check).map(|p| p.kpis)
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

/// Lasting culture of the stocks as they stand (the organization before
/// its first quarter, say): culture pulled toward its levers' target.
pub fn lasting_culture_of(rules: &Rules, stocks: &super::stock::Stocks) -> f64 {
    let levers = [
        stocks.get(Stock::Vision),
        stocks.get(Stock::Insight),
        stocks.get(Stock::Skills),
    ];
    lasting_culture(
        rules,
        stocks,
        super::people::culture_target(&rules.params, levers),
    )
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
fn measure(state: &State, dice: &Dice, noise_max: f64, nps: f64) -> Reported {
    let sigma = noise_max * (1.0 - state.stocks.get(Stock::Insight) / 100.0);
    let u = dice.noise();
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

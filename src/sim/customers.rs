//! Customers: churn, loyalty, moves between segments, and acquisition from
//! marketing, reputation and referrals.

use super::book::Book;
use super::curve::{pos, sat};
use super::effect::{ActiveEffect, Driver};
use super::event::Drivers;
use super::params::ModelParams;
use super::stock::Stock;

/// How much more (or less) than the base rate each segment churns:
/// advocates stay longest, costly accounts leave fastest.
pub const SEGMENT_CHURN: [f64; 4] = [0.5, 0.8, 1.0, 1.3];

/// Loyalty figures that follow from experience.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Loyalty {
    /// Base churn per quarter (before the segment multipliers).
    pub churn: f64,
    pub promoters: f64,
    pub detractors: f64,
}

impl Loyalty {
    /// Net promoter score, −100 to 100.
    pub fn nps(&self) -> f64 {
        100.0 * (self.promoters - self.detractors)
    }
}

/// Churn is convex in poor experience; promoters and detractors follow it.
pub fn loyalty(p: &ModelParams, experience: f64, churn_driver: f64) -> Loyalty {
    let u = 1.0 - experience / 100.0;
    Loyalty {
        churn: (p.churn_base + p.churn_poor * u * u) * pos(churn_driver),
        promoters: p.promoter_share * (1.0 - u) * (1.0 - u),
        detractors: p.detractor_share * u * u,
    }
}

pub(crate) struct CustomerInput<'a> {
    pub marketing: f64,
    pub market_growth: f64,
    pub drivers: &'a Drivers,
    pub effects: &'a [ActiveEffect],
}

pub(crate) struct CustomerOutput {
    pub loyalty: Loyalty,
    pub acquired: f64,
    pub lost: f64,
}

pub(crate) fn step(p: &ModelParams, book: &mut Book, input: &CustomerInput) -> CustomerOutput {
    let old = book.old.clone();
    let insight = book.new.get(Stock::Insight) / 100.0;
    let culture = book.new.get(Stock::Culture) / 100.0;
    let experience = book.new.get(Stock::Experience);
    let x = experience / 100.0;
    let loyalty = loyalty(p, experience, input.drivers.get(Driver::Churn));
    let c = loyalty.churn;

    // Insight pays only when people act on it, which takes culture.
    let act = insight * ((1.0 - p.act_culture) + p.act_culture * culture);

    let [adv, val, reg, cost] = Stock::SEGMENTS.map(|s| old.get(s));
    let prospects = old.get(Stock::Prospects);

    let upgrade = p.upgrade_rate * insight * culture * x * reg;
    let to_adv = p.advocate_rate * loyalty.promoters * val;
    let from_adv = p.advocate_loss * loyalty.detractors * adv;
    let repricing = pos(input.drivers.get(Driver::Repricing));
    let repriced = (p.repricing_rate * repricing * insight).min(1.0) * cost;

    let acquisition = pos(input.drivers.get(Driver::Acquisition));
    let mut organic = p.organic_rate * prospects * (0.5 + x) * acquisition;
    let mut paid =
        input.marketing / p.marketing_cost * sat(prospects, p.prospect_half) * acquisition;
    let mut referred = p.referral_rate * adv * pos(input.drivers.get(Driver::Referrals));
    let wanted = organic + paid + referred;
    if wanted > prospects && wanted > 0.0 {
        // Nobody can be won who is not in the market.
        let scale = prospects / wanted;
        organic *= scale;
        paid *= scale;
        referred *= scale;
    }
    let share_valuable = (p.mix_valuable + p.mix_valuable_insight * act).min(1.0);
    let share_costly = pos(p.mix_costly - p.mix_costly_insight * act).min(1.0 - share_valuable);
    let share_regular = pos(1.0 - share_valuable - share_costly);

    let segments = [adv, val, reg, cost];
    let effects = input.effects;
    let churn_shares = input.drivers.shares(effects, Driver::Churn);
    let won_shares = input.drivers.shares(effects, Driver::Acquisition);
    let referral_shares = input.drivers.shares(effects, Driver::Referrals);
    let churned: [f64; 4] = std::array::from_fn(|k| (c * SEGMENT_CHURN[k]).min(1.0) * segments[k]);

    book.term(Stock::Advocates, "promoters who became advocates", to_adv);
    book.term(Stock::Advocates, "advocates let down", -from_adv);
    book.split(Stock::Advocates, "churn", -churned[0], &churn_shares);

    book.term(Stock::Valuable, "upgraded by insight", upgrade);
    book.term(Stock::Valuable, "advocates let down", from_adv);
    book.term(Stock::Valuable, "became advocates", -to_adv);
    book.split(Stock::Valuable, "churn", -churned[1], &churn_shares);
    book.split(
        Stock::Valuable,
        "won by marketing",
        share_valuable * paid,
        &won_shares,
    );
    book.split(
        Stock::Valuable,
        "won by reputation",
        share_valuable * organic,
        &won_shares,
    );
    book.split(
        Stock::Valuable,
        "referred by advocates",
        0.5 * referred,
        &referral_shares,
    );

    book.term(Stock::Regular, "upgraded to valuable", -upgrade);
    book.split(Stock::Regular, "churn", -churned[2], &churn_shares);
    book.split(
        Stock::Regular,
        "won by marketing",
        share_regular * paid,
        &won_shares,
    );
    book.split(
        Stock::Regular,
        "won by reputation",
        share_regular * organic,
        &won_shares,
    );
    book.split(
        Stock::Regular,
        "referred by advocates",
        0.5 * referred,
        &referral_shares,
    );
    if repriced > 0.0 {
        book.term(Stock::Regular, "costly accounts fixed", 0.8 * repriced);
    }

    book.split(Stock::Costly, "churn", -churned[3], &churn_shares);
    book.split(
        Stock::Costly,
        "won by marketing",
        share_costly * paid,
        &won_shares,
    );
    book.split(
        Stock::Costly,
        "won by reputation",
        share_costly * organic,
        &won_shares,
    );
    if repriced > 0.0 {
        book.term(Stock::Costly, "re-priced or fixed", -repriced);
    }

    let lost: f64 = churned.iter().sum::<f64>() + 0.2 * repriced;
    book.split(
        Stock::Prospects,
        "market growth",
        input.market_growth * pos(input.drivers.get(Driver::MarketGrowth)),
        &input.drivers.shares(effects, Driver::MarketGrowth),
    );
    book.term(
        Stock::Prospects,
        "won as customers",
        -(organic + paid + referred),
    );
    book.term(
        Stock::Prospects,
        "lost customers back in the market",
        0.5 * lost,
    );

    for s in Stock::SEGMENTS.into_iter().chain([Stock::Prospects]) {
        book.effects(s, input.effects);
        book.settle(s);
    }

    CustomerOutput {
        loyalty,
        acquired: organic + paid + referred,
        lost,
    }
}

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
    /// The prospects this firm can win from in a shared market (its part
    /// of the pool); alone, the prospects at the start of the quarter.
    pub prospects: Option<f64>,
    pub drivers: &'a Drivers,
    pub effects: &'a [ActiveEffect],
}

pub(crate) struct CustomerOutput {
    pub loyalty: Loyalty,
    pub acquired: f64,
    pub lost: f64,
}

pub(crate) fn step<const R: bool>(
    p: &ModelParams,
    book: &mut Book<R>,
    input: &CustomerInput,
) -> CustomerOutput {
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
    let prospects = input.prospects.unwrap_or_else(|| old.get(Stock::Prospects));

    let upgrade = p.upgrade_rate * insight * culture * x * reg;
    let to_adv = p.advocate_rate * loyalty.promoters * val;
    let from_adv = p.advocate_loss * loyalty.detractors * adv;
    // Re-pricing hits the costly accounts only as well as the organization
    // can see who they are: without insight it lands on good customers,
    // who leave.
    let repricing = pos(input.drivers.get(Driver::Repricing));
    let reach = (p.repricing_rate * repricing).min(1.0);
    let repriced = (reach * insight).min(1.0) * cost;
    let blind = (1.0 - insight) * (1.0 - insight);
    let missed = (reach * p.repricing_miss * blind * cost).min(val + reg);
    let (missed_val, missed_reg) = if val + reg > 0.0 {
        (missed * val / (val + reg), missed * reg / (val + reg))
    } else {
        (0.0, 0.0)
    };

    // Paid acquisition has diminishing returns in the money (each further
    // unit wins fewer customers) and in the prospect pool.
    let acquisition = pos(input.drivers.get(Driver::Acquisition));
    let volume = sat(input.marketing, p.marketing_half);
    let mut organic = p.organic_rate * prospects * (0.5 + x) * acquisition;
    let mut paid = p.marketing_half / p.marketing_cost
        * volume
        * sat(prospects, p.prospect_half)
        * acquisition;
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
    // Bought at volume, the mix worsens unless insight is acted upon and
    // the experience is good; and bought customers whose experience is
    // poor leave again at once.
    let quality = act * x;
    let paid_costly = (share_costly + p.mix_volume * volume * (1.0 - quality)).min(1.0);
    let paid_valuable = share_valuable.min(1.0 - paid_costly);
    let paid_mix = [
        paid_valuable,
        pos(1.0 - paid_costly - paid_valuable),
        paid_costly,
    ];
    let left_again = p.bought_churn * (1.0 - x);

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
        paid_mix[0] * paid,
        &won_shares,
    );
    bought(book, Stock::Valuable, paid_mix[0] * paid * left_again);
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
        paid_mix[1] * paid,
        &won_shares,
    );
    bought(book, Stock::Regular, paid_mix[1] * paid * left_again);
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
    if missed > 0.0 {
        book.term(Stock::Valuable, "re-priced by mistake (left)", -missed_val);
        book.term(Stock::Regular, "re-priced by mistake (left)", -missed_reg);
    }

    book.split(Stock::Costly, "churn", -churned[3], &churn_shares);
    book.split(
        Stock::Costly,
        "won by marketing",
        paid_mix[2] * paid,
        &won_shares,
    );
    bought(book, Stock::Costly, paid_mix[2] * paid * left_again);
    book.split(
        Stock::Costly,
        "won by reputation",
        share_costly * organic,
        &won_shares,
    );
    if repriced > 0.0 {
        book.term(Stock::Costly, "re-priced or fixed", -repriced);
    }

    let lost: f64 = churned.iter().sum::<f64>() + 0.2 * repriced + missed;
    let paid_net = paid * (1.0 - left_again);
    book.split(
        Stock::Prospects,
        "market growth",
        input.market_growth * pos(input.drivers.get(Driver::MarketGrowth)),
        &input.drivers.shares(effects, Driver::MarketGrowth),
    );
    book.term(
        Stock::Prospects,
        "won as customers",
        -(organic + paid_net + referred),
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
        acquired: organic + paid_net + referred,
        lost,
    }
}

/// Customers bought by marketing who leave again in their first quarter.
fn bought<const R: bool>(book: &mut Book<R>, stock: Stock, left: f64) {
    if left > 0.0 {
        book.term(stock, "bought customers who left again", -left);
    }
}

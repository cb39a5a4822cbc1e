//! The model's parameters, their defaults (MODEL.md, tuned against the
//! calibration and story targets of DESIGN.md §3) and their allowed ranges.
//! A scenario's `[model]` table overrides any of them by name; the one
//! table below drives the struct, validation, the JSON Schema and the guide.

/// One parameter as a scenario author sees it.
#[derive(Clone, Copy, Debug)]
pub struct ParamSpec {
    /// The key in the `[model]` table.
    pub name: &'static str,
    /// What it means, in one line.
    pub doc: &'static str,
    /// The value used when the scenario does not set it.
    pub default: f64,
    /// The smallest value accepted.
    pub min: f64,
    /// The largest value accepted.
    pub max: f64,
}

macro_rules! model_params {
    ($( $name:ident = $default:expr, $min:expr, $max:expr, $doc:literal; )*) => {
        /// Every tunable number of the model.
        #[derive(Clone, Debug, PartialEq, serde::Serialize)]
        pub struct ModelParams {
            $( #[doc = $doc] pub $name: f64, )*
        }

        impl Default for ModelParams {
            fn default() -> Self {
                Self { $( $name: $default, )* }
            }
        }

        impl ModelParams {
            /// The specification of every parameter, in declaration order.
            pub const SPECS: &'static [ParamSpec] = &[
                $( ParamSpec { name: stringify!($name), doc: $doc, default: $default, min: $min, max: $max }, )*
            ];

            /// Sets a parameter by name; false when there is no such parameter.
            pub fn set(&mut self, name: &str, value: f64) -> bool {
                match name {
                    $( stringify!($name) => { self.$name = value; true } )*
                    _ => false,
                }
            }

            /// Reads a parameter by name.
            pub fn get(&self, name: &str) -> Option<f64> {
                match name {
                    $( stringify!($name) => Some(self.$name), )*
                    _ => None,
                }
            }
        }
    };
}

model_params! {
    vision_half = 40.0, 1.0, 10000.0, "Spending on vision that gives half the maximum effect per quarter";
    vision_gain = 0.30, 0.0, 1.0, "Share of the gap to 100 that vision spending closes at saturation";
    vision_decay = 0.06, 0.0, 1.0, "Share of vision buy-in lost each quarter without reinforcement";
    insight_half = 80.0, 1.0, 10000.0, "Spending on insight that gives half the maximum effect, with no insight yet";
    insight_reuse = 0.5, 0.0, 0.95, "How much cheaper insight gets as it grows (knowledge is reused)";
    insight_gain = 0.30, 0.0, 1.0, "Share of the gap to 100 that insight spending closes at saturation";
    insight_decay = 0.06, 0.0, 1.0, "Share of customer insight that goes stale each quarter";
    skills_half = 80.0, 1.0, 10000.0, "Spending on skills that gives half the maximum effect per quarter";
    skills_gain = 0.30, 0.0, 1.0, "Share of the gap to 100 that skills spending closes at saturation";
    skills_decay = 0.02, 0.0, 1.0, "Share of skills that fades each quarter without practice";
    turnover_base = 0.07, 0.0, 0.5, "Staff turnover per quarter at zero engagement (skills walk out)";
    turnover_engaged = 0.06, 0.0, 0.5, "How much full engagement lowers turnover per quarter";
    capacity = 1.2, 0.1, 5.0, "Change load the organization absorbs per quarter without fatigue";
    initiative_load = 0.3, 0.0, 3.0, "Change load of each initiative started in a quarter";
    fatigue_rate = 25.0, 0.0, 200.0, "Fatigue added per unit of change load above capacity";
    fatigue_recovery = 0.25, 0.0, 1.0, "Share of fatigue that recovers each quarter";
    weakest_weight = 0.75, 0.0, 1.0, "Weight of the weakest lever in culture's target (the rest is the mean)";
    momentum_base = 0.35, 0.0, 1.0, "Culture's speed of change with no culture yet (momentum grows with culture)";
    culture_speed = 0.25, 0.0, 1.0, "Share of the gap to its target that culture closes per quarter at full momentum";
    culture_decay = 0.04, 0.0, 1.0, "Share of the gap to a lower target that culture loses per quarter (it is sticky)";
    fatigue_brake = 150.0, 1.0, 1000.0, "Fatigue at which culture change stops";
    engagement_base = 15.0, -100.0, 100.0, "Engagement target with nothing else going for it";
    engagement_culture = 0.40, 0.0, 2.0, "Engagement target per point of last quarter's culture";
    engagement_vision = 0.15, 0.0, 2.0, "Engagement target per point of vision buy-in";
    engagement_skills = 0.10, 0.0, 2.0, "Engagement target per point of skills";
    engagement_profit = 10.0, 0.0, 50.0, "Engagement target swing from profit growth (a saturating curve)";
    engagement_fatigue = 0.30, 0.0, 2.0, "Engagement target lost per point of fatigue";
    engagement_speed = 0.25, 0.0, 1.0, "Share of the gap to its target engagement closes per quarter";
    experience_base = 28.0, -100.0, 100.0, "Experience target with nothing else going for it";
    experience_engagement = 0.26, 0.0, 2.0, "Experience target per point of last quarter's engagement";
    experience_culture = 0.28, 0.0, 2.0, "Experience target per point of culture";
    experience_insight = 0.05, 0.0, 2.0, "Experience target per point of insight";
    training_disruption = 10.0, 0.0, 100.0, "Experience lost at saturated skills spending (people off the floor)";
    experience_fatigue = 0.10, 0.0, 2.0, "Experience target lost per point of fatigue";
    experience_speed = 0.40, 0.0, 1.0, "Share of the gap to its target experience closes per quarter";
    churn_base = 0.01, 0.0, 0.5, "Churn per quarter at perfect experience";
    churn_poor = 0.09, 0.0, 0.9, "Extra churn per quarter at the worst experience (convex)";
    promoter_share = 0.6, 0.0, 1.0, "Share of promoters at perfect experience";
    detractor_share = 0.5, 0.0, 1.0, "Share of detractors at the worst experience";
    act_culture = 0.7, 0.0, 1.0, "How much acting on customer insight depends on culture (0: not at all, 1: entirely)";
    upgrade_rate = 0.10, 0.0, 1.0, "Share of regular customers upgraded per quarter with full insight, culture and experience";
    advocate_rate = 0.15, 0.0, 1.0, "Share of valuable customers who become advocates, per unit of promoter share";
    advocate_loss = 0.20, 0.0, 1.0, "Share of advocates lost back to valuable, per unit of detractor share";
    organic_rate = 0.006, 0.0, 0.2, "Share of prospects who arrive on their own per quarter";
    marketing_cost = 12.0, 0.1, 10000.0, "Marketing money per customer acquired by the first money spent (when prospects are plenty)";
    marketing_half = 100.0, 1.0, 1.0e6, "Marketing spending at which each further unit wins half as many customers as the first (diminishing returns)";
    marketing_load = 0.3, 0.0, 3.0, "Change load of saturated marketing (campaigns, new customers to onboard)";
    mix_volume = 0.35, 0.0, 1.0, "Extra share of costly customers among those bought at saturated marketing, unless insight is acted upon and experience is good";
    bought_churn = 0.5, 0.0, 1.0, "Share of customers bought by marketing who leave again at once at the worst experience (none at perfect experience)";
    prospect_half = 2000.0, 1.0, 1.0e7, "Prospect pool at which paid acquisition reaches half its reach";
    referral_rate = 0.05, 0.0, 1.0, "New customers referred per advocate per quarter";
    mix_valuable = 0.15, 0.0, 1.0, "Share of new customers who are valuable, with no insight";
    mix_valuable_insight = 0.35, 0.0, 1.0, "Extra share of valuable new customers when insight is acted upon";
    mix_costly = 0.30, 0.0, 1.0, "Share of new customers who are costly, with no insight";
    mix_costly_insight = 0.20, 0.0, 1.0, "Reduction of costly new customers when insight is acted upon";
    repricing_rate = 0.10, 0.0, 1.0, "Share of costly accounts fixed per quarter by a re-pricing programme at full insight";
    price_experience = 0.10, 0.0, 1.0, "Price realisation gained (or lost) per 50 points of experience above (below) 50";
    new_product_rate = 0.03, 0.0, 1.0, "New-product revenue as a share of the customer base's revenue at full innovation";
    new_product_delay = 2.0, 0.0, 8.0, "Quarters before new-product revenue arrives (rounded up; at least 1)";
    profit_growth_scale = 0.10, 0.01, 10.0, "Year-on-year profit growth that counts as one unit of good news";
    board_tolerance = 0.9, 0.0, 2.0, "Share of the expected profit the board accepts without losing confidence";
    board_ambition = 0.2, 0.0, 1.0, "Growth on last quarter's profit that a fully confident board expects (none at a confidence of 50 or less; with expectation \"previous\")";
    board_rate = 10.0, 0.0, 100.0, "Board confidence change per 100% of profit above or below expectation";
    board_payout = 5.0, 0.0, 100.0, "Board confidence gained when the payout to owners rises by one quarter's expected profit, and lost when it falls (a dividend once paid is expected again)";
    board_max_step = 15.0, 0.0, 100.0, "Largest change of board confidence in one quarter";
    noise_max = 0.15, 0.0, 1.0, "Measurement noise on reported customer figures with no insight (relative)";
    discount_rate = 0.024, 0.001, 1.0, "Discount rate per quarter: customer equity discounts future margins by it, and cash paid out earns the owners this much a quarter";
    lasting_weight = 0.6, 0.0, 1.0, "How far the score's lasting culture looks toward where the levers are taking culture (0: culture as it is; 1: the levers' target)";
    lasting_experience = 1.0, 0.0, 1.0, "Share of the training disruption and fatigue the score's customer equity looks past (they pass)";
    crisis_capacity = 0.6, 0.0, 5.0, "Change capacity lost in a full crisis with no vision built before it";
    crisis_engagement = 15.0, 0.0, 100.0, "Engagement target lost in a full crisis with no vision built before it";
    crisis_cushion = 0.8, 0.0, 1.0, "How much vision buy-in built before a crisis softens its shock (at vision 100)";
    crisis_vision = 0.5, 0.0, 1.0, "Share of vision spending's effect lost during a full crisis (fear is a poor motivator)";
    repricing_miss = 1.0, 0.0, 1.0, "Share of a re-pricing programme that hits the wrong (valuable or regular) accounts with no insight; they leave";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_lie_within_their_ranges_and_names_are_unique() {
        let specs = ModelParams::SPECS;
        let defaults = ModelParams::default();
        for (i, spec) in specs.iter().enumerate() {
            assert!(
                spec.min <= spec.default && spec.default <= spec.max,
                "{}",
                spec.name
            );
            assert_eq!(defaults.get(spec.name), Some(spec.default));
            assert!(
                specs[..i].iter().all(|s| s.name != spec.name),
                "{}",
                spec.name
            );
        }
    }

    #[test]
    fn set_by_name_changes_only_that_parameter() {
        let mut p = ModelParams::default();
        assert!(p.set("culture_speed", 0.5));
        assert_eq!(p.culture_speed, 0.5);
        assert!(!p.set("no_such_thing", 1.0));
    }
}

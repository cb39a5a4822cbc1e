//! What every cause name on the screens means, in plain words: the why
//! view's `?` on a cause and the help's word list both read it here, so a
//! name the model uses is explained once. Effects of events, answers and
//! initiatives are explained by their own text from the scenario.

use crate::sim::Rules;

/// Names of the model's mechanisms and the words of the dashboard, with
/// what they mean. Matched by prefix, so "pull of the levers (vision
/// weakest)" finds "pull of the levers".
pub const WORDS: &[(&str, &str)] = &[
    (
        "baseline",
        "What the figure settles toward on its own, with no help and no harm: the organization's habits. Engagement and experience each move a step a quarter toward a target made of this baseline and their other causes; this row is the baseline's share of the step.",
    ),
    (
        "limit",
        "The figure reached the end of its range (0 to 100 for an index, zero for a count). This row is the part of the move the range cut off, so that the causes still add up to the change.",
    ),
    (
        "bought customers who left again",
        "Customers won by marketing stay only if the experience holds them: when it is poor, a share of those bought this quarter leave again at once. Marketing at volume pays only once the experience is good.",
    ),
    (
        "re-priced by mistake (left)",
        "Re-pricing or fixing costly accounts without knowing which accounts are costly (little customer insight) hits good customers too; some of them leave. Insight aims the programme.",
    ),
    (
        "settling",
        "The figure stands above what its causes hold up, so it eases back toward them a step a quarter.",
    ),
    (
        "profit trend",
        "Engagement reacts to profit against a year ago: a growing company lifts morale; shrinking profit (and the cuts and worry that come with it) drags it down.",
    ),
    (
        "points of light",
        "Early champions who carry the change to their colleagues (e.g. from an initiative that enlists them): culture moves faster than the levers alone would move it.",
    ),
    (
        "pull of the levers",
        "Culture grows toward a target set mostly by the WEAKEST of vision, insight and skills (named in brackets), and faster as it gathers momentum. Raise the weakest lever to raise the target.",
    ),
    (
        "slipping back without investment",
        "Culture stands above what the levers now support, and fades slowly back.",
    ),
    (
        "change fatigue",
        "Too much change at once. Fatigue brakes culture and drags engagement and experience down. It rises when levers and initiatives load people beyond their capacity, and recovers slowly.",
    ),
    (
        "change load above capacity",
        "This quarter's levers and initiatives asked more change of people than they can absorb; the excess becomes fatigue.",
    ),
    (
        "recovery",
        "Fatigue fades by itself, a share of it each quarter.",
    ),
    (
        "vision buy-in",
        "People who understand and share the customer vision care more about their work.",
    ),
    (
        "customer culture (last quarter)",
        "Engagement follows culture with a quarter's delay: people take a while to feel the change around them.",
    ),
    (
        "engagement (last quarter)",
        "Customers feel engagement a quarter later: engaged staff serve them better.",
    ),
    (
        "customer culture",
        "A customer-minded organization serves its customers better, directly.",
    ),
    (
        "training disruption",
        "Training takes people off the floor: experience dips while skills are being built, and recovers when they are.",
    ),
    (
        "leadership time on the vision",
        "Spending on vision builds the vision people share.",
    ),
    (
        "fading without reinforcement",
        "A vision nobody repeats fades.",
    ),
    (
        "customer research",
        "Spending on insight builds what you know of your customers.",
    ),
    (
        "knowledge going stale",
        "What you know of customers goes out of date.",
    ),
    (
        "training and practice",
        "Spending on skills builds the skills to serve customers differently.",
    ),
    ("fading without practice", "Skills nobody uses fade."),
    (
        "staff turnover",
        "People who leave take their skills with them.",
    ),
    (
        "churn",
        "Customers of this segment who left this quarter. Poor experience makes more of them leave; events can raise it.",
    ),
    (
        "won by reputation",
        "New customers brought by what people say about you: the better the NPS, the more.",
    ),
    (
        "won by marketing",
        "New customers that this quarter's marketing won.",
    ),
    (
        "referred by advocates",
        "New customers whom your advocates brought along.",
    ),
    (
        "promoters who became advocates",
        "Valuable customers whose experience turned them into advocates.",
    ),
    (
        "became advocates",
        "Valuable customers whose experience turned them into advocates (they leave this segment for that one).",
    ),
    (
        "advocates let down",
        "Advocates disappointed by their experience, back to valuable customers.",
    ),
    (
        "upgraded by insight",
        "Regular customers who became valuable because you understood what they need.",
    ),
    (
        "upgraded to valuable",
        "Regular customers who became valuable (they leave this segment for that one).",
    ),
    (
        "costly accounts fixed",
        "Costly accounts re-priced or served differently, now regular customers.",
    ),
    (
        "re-priced or fixed",
        "Costly accounts re-priced or served differently.",
    ),
    (
        "market growth",
        "The market of possible customers grows by itself.",
    ),
    (
        "won as customers",
        "Possible customers who became customers.",
    ),
    (
        "lost customers back in the market",
        "Customers who left are possible customers again.",
    ),
    (
        "sales",
        "Revenue from your customers, each segment at its price; good experience lets you charge the full price, poor experience costs discounts.",
    ),
    (
        "new products",
        "Revenue from products that customer insight led to, arriving a couple of quarters after the insight.",
    ),
    (
        "cost to serve",
        "What serving each segment costs: costly customers cost the most.",
    ),
    (
        "fixed costs",
        "Rent, systems, salaries: the costs that do not depend on customers.",
    ),
    ("vision", "This quarter's spending on vision."),
    (
        "customer insight",
        "This quarter's spending on insight (in profit and cash), or, for experience, what you know of customers making their experience better.",
    ),
    (
        "skills",
        "This quarter's spending on skills (in profit and cash), or, for engagement, people able to do the new work caring more about it.",
    ),
    ("marketing", "This quarter's spending on marketing."),
    (
        "initiatives",
        "The cost of the initiatives started this quarter.",
    ),
    (
        "profit against expectation",
        "The board compares each quarter's profit with what it expects: a beat raises its confidence, a miss (and any loss) lowers it. At zero you are replaced. Success raises the bar: a confident board expects last quarter's profit and growth on top (up to a fifth more at full confidence), so a plateau slowly costs confidence.",
    ),
    (
        "payout to owners",
        "Cash paid to the owners (a dividend or a buy-back): it leaves cash but is not a cost, so profit is unchanged. The owners earn on it what capital earns elsewhere (the score's owners' return), while cash kept in the company earns nothing. The board likes a payout that rises and takes one once paid as the new normal: raising it buys confidence, cutting it costs as much. Cash paid out is no longer there when bad news comes.",
    ),
    (
        "owners' return on payouts",
        "What the owners earned on the cash you paid them, each payout growing by the discount rate every quarter since it was paid. The score counts it beside cumulative profit.",
    ),
    (
        "the quarter's profit",
        "Cash changes by the quarter's profit: revenue minus costs and spending.",
    ),
    (
        "survey noise",
        "Customer counts and NPS come from a survey that is off by a random error; this row is this quarter's error minus last quarter's. More insight, smaller errors.",
    ),
    ("everything else", "The smaller causes, added together."),
    (
        "customer equity",
        "What today's customers are worth: the profit each segment will bring over the years it is likely to stay, discounted. Loyal, valuable customers are worth most.",
    ),
    (
        "score",
        "The briefing's formula of your figures; on the dashboard after every quarter, and final at the end.",
    ),
    (
        "advocates",
        "Customer segment: loyal customers who recommend you and bring others.",
    ),
    (
        "valuable",
        "Customer segment: profitable customers who could become advocates.",
    ),
    ("regular", "Customer segment: ordinary customers."),
    (
        "costly",
        "Customer segment: customers who cost more to serve than they pay.",
    ),
    (
        "NPS",
        "Net promoter score: promoters minus detractors among customers, from −100 to 100. It follows customer experience; the survey adds noise.",
    ),
    (
        "fatigue",
        "Change fatigue, 0 to 100: how worn out people are by change. Above about 40 it slows culture and hurts engagement.",
    ),
];

/// What a cause of the why view means. Effects are explained by their own
/// scenario text; "X (churn)" is effect X acting through churn.
pub fn meaning(rules: &Rules, cause: &str) -> String {
    if let Some(m) = word(cause) {
        return m.to_string();
    }
    let (name, flow) = match cause.rsplit_once(" (") {
        Some((name, rest)) if rest.ends_with(')') => (name, Some(rest.trim_end_matches(')'))),
        _ => (cause, None),
    };
    let told = effect_text(rules, name).or_else(|| effect_text(rules, cause));
    match (told, flow) {
        (Some(t), Some(f)) => format!("{t}\n\nHere it acts through {f}: {}", word(f).unwrap_or("")),
        (Some(t), None) => t,
        (None, _) => NO_MEANING.to_string(),
    }
}

/// When a name is not in the word list (it should always be).
pub const NO_MEANING: &str = "A cause of the scenario; its name says what it is.";

/// The word list's meaning of `name`, matched by prefix.
pub fn word(name: &str) -> Option<&'static str> {
    WORDS
        .iter()
        .find(|(w, _)| name == *w)
        .or_else(|| WORDS.iter().find(|(w, _)| name.starts_with(w)))
        .map(|(_, m)| *m)
}

/// The text of the event, answer or initiative that a cause is named after.
fn effect_text(rules: &Rules, name: &str) -> Option<String> {
    if let Some(e) = rules.events.iter().find(|e| e.title == name) {
        return Some(e.text.clone());
    }
    if let Some(i) = rules.initiatives.iter().find(|i| i.title == name) {
        return Some(i.text.clone());
    }
    rules.dilemmas.iter().find_map(|d| {
        d.choices
            .iter()
            .find(|c| format!("{}: {}", d.title, c.label) == name)
            .map(|c| format!("{}\n\n{}: {}", d.text, c.label, c.text))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cause_the_model_names_is_explained() {
        let rules = Rules::default();
        let mut game = crate::sim::Game::new(std::sync::Arc::new(rules.clone()), 3);
        let d = crate::sim::Decisions {
            vision: 90.0,
            insight: 90.0,
            skills: 90.0,
            marketing: 60.0,
            ..Default::default()
        };
        for q in 0..12 {
            // A payout in some quarters, none in others: both board terms.
            let d = crate::sim::Decisions {
                payout: if q % 3 == 1 { 200.0 } else { 0.0 },
                ..d.clone()
            };
            if game.advance(&d).is_err() {
                break;
            }
        }
        assert!(
            game.history().iter().any(|r| r
                .ledger
                .terms
                .iter()
                .any(|t| t.cause.label(&rules) == "payout to owners")),
            "the game paid out"
        );
        for r in game.history() {
            for t in &r.ledger.terms {
                let label = t.cause.label(&rules);
                assert_ne!(meaning(&rules, &label), NO_MEANING, "{label}");
            }
        }
        assert!(word("pull of the levers (vision weakest)").is_some());
    }
}

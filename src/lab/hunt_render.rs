//! The exploit hunt as text: the best plan against balanced, its structure,
//! each check's figures, and the flags.

use super::exploit::LEVER_NAMES;
use super::hunt::{Exploit, Hunt};
use crate::report::fixed;
use crate::save::printable;
use crate::sim::Rules;

fn pct(x: f64) -> String {
    format!("{}%", fixed(100.0 * x, 0))
}

/// Renders a hunt for a terminal.
pub fn render_hunt(rules: &Rules, h: &Hunt) -> String {
    let mut out = format!(
        "\nPlan search: {} candidates, each on {} seeds; checked on {} other seeds\n",
        h.found.evals,
        h.search_seeds.len(),
        h.seeds.len()
    );
    let gain = super::exploit::gain(h.best_score, h.balanced_score);
    out.push_str(&format!(
        "  best plan found  {:>8}   balanced {:>8}   gain {:>+5}%   beats balanced on {} of seeds\n",
        fixed(h.best_score, 1),
        fixed(h.balanced_score, 1),
        fixed(100.0 * gain, 1),
        pct(h.best_beats_balanced)
    ));
    let s = &h.structure;
    out.push_str("  money per lever: ");
    let shares: Vec<String> = LEVER_NAMES
        .iter()
        .zip(s.shares)
        .map(|(n, x)| format!("{n} {}", pct(x)))
        .collect();
    out.push_str(&shares.join(", "));
    out.push_str(&format!(
        "\n  last quarters' spending against the average: {}\n",
        fixed(s.last_vs_average, 2)
    ));
    out.push_str(&format!(
        "  paid out to owners: {} a game on average{}\n",
        fixed(s.paid_out, 0),
        quarters_list(&s.payout_quarters)
    ));
    for (def, quarters) in rules.initiatives.iter().zip(&s.starts) {
        let q: Vec<String> = quarters.iter().map(|q| format!("Q{q}")).collect();
        out.push_str(&format!(
            "  initiative {}: {}\n",
            printable(&def.id),
            if q.is_empty() {
                "never".to_string()
            } else {
                q.join(" ")
            }
        ));
    }
    for (def, c) in rules.dilemmas.iter().zip(&s.answers) {
        let choice = def
            .choices
            .get(usize::from(*c))
            .map_or("?", |c| c.id.as_str());
        out.push_str(&format!(
            "  answer {}: {}\n",
            printable(&def.id),
            printable(choice)
        ));
    }

    out.push_str("\nExploit checks:\n");
    for (plan, k, seeds) in &h.harvest {
        out.push_str(&format!(
            "  harvest: cutting the last {k} quarter(s) of {plan} gains ≥1% on {} of seeds\n",
            pct(*seeds)
        ));
    }
    out.push_str(&format!(
        "  marketing fill on top of balanced: gains ≥5% on {} of seeds (mean {:+}%)\n",
        pct(h.marketing_fill.0),
        fixed(100.0 * h.marketing_fill.1, 1)
    ));
    for a in &h.answers {
        let def = &rules.dilemmas[a.dilemma];
        match a.top() {
            Some((c, share)) => out.push_str(&format!(
                "  answer {}: '{}' best on {} of {} seed × plan pairs\n",
                printable(&def.id),
                printable(def.choices.get(c).map_or("?", |c| c.id.as_str())),
                pct(share),
                a.pairs
            )),
            None => out.push_str(&format!(
                "  answer {}: never made a difference\n",
                printable(&def.id)
            )),
        }
    }
    for single in &h.single {
        out.push_str(&format!(
            "  best {}-only plan: {} — at least balanced on {} of seeds\n",
            single.lever,
            fixed(single.score, 1),
            pct(single.beats_balanced)
        ));
    }
    out.push_str(&format!(
        "  initiatives: the best plan {}, every initiative whenever ready {}, none {}\n",
        fixed(h.spam.best, 1),
        fixed(h.spam.every, 1),
        fixed(h.spam.none, 1)
    ));

    out.push_str("\nExploit flags:\n");
    if h.flags.is_empty() {
        out.push_str("  none: the best plan found teaches the scenario's lesson\n");
    }
    for f in &h.flags {
        out.push_str(&format!("  warning: {}\n", describe(f)));
    }
    out
}

/// A flag in a sentence.
pub fn describe(f: &Exploit) -> String {
    match f {
        Exploit::LeverShare {
            lever,
            share,
            limit,
        } if *lever == "marketing" => format!(
            "marketing takes {} of the best plan's money (at most {})",
            pct(*share),
            pct(*limit)
        ),
        Exploit::LeverShare {
            lever,
            share,
            limit,
        } => format!(
            "{lever} gets only {} of the best plan's money (at least {})",
            pct(*share),
            pct(*limit)
        ),
        Exploit::Harvest {
            plan,
            quarters,
            seeds,
        } => format!(
            "end-game harvest: cutting all spending in the last {quarters} quarter(s) of {plan} gains ≥1% on {} of seeds",
            pct(*seeds)
        ),
        Exploit::MarketingFill { seeds, mean_gain } => format!(
            "filling the budget with marketing on top of balanced gains ≥5% on {} of seeds (mean {:+}%)",
            pct(*seeds),
            fixed(100.0 * mean_gain, 1)
        ),
        Exploit::DominantAnswer {
            dilemma,
            choice,
            share,
        } => format!(
            "answer '{}' to {} is best on {} of seed × plan pairs, whatever was built",
            printable(choice),
            printable(dilemma),
            pct(*share)
        ),
        Exploit::SingleLever { lever, seeds } => format!(
            "a {lever}-only plan scores at least balanced on {} of seeds",
            pct(*seeds)
        ),
        Exploit::InitiativeSpam(s) => format!(
            "starting every initiative whenever ready ({}) is as good as the best plan ({})",
            fixed(s.every, 1),
            fixed(s.best, 1)
        ),
        Exploit::SkillDoesNotPay { best, balanced } => format!(
            "skill does not pay: the best plan found ({}) beats balanced ({}) by less than 10%",
            fixed(*best, 1),
            fixed(*balanced, 1)
        ),
    }
}

/// ", in Q8 Q9 …" for a list of quarters; nothing when empty. Runs of
/// three or more read "Q8–Q20".
fn quarters_list(quarters: &[u32]) -> String {
    if quarters.is_empty() {
        return String::new();
    }
    let mut parts = Vec::new();
    let mut i = 0;
    while i < quarters.len() {
        let mut j = i;
        while j + 1 < quarters.len() && quarters[j + 1] == quarters[j] + 1 {
            j += 1;
        }
        if j >= i + 2 {
            parts.push(format!("Q{}–Q{}", quarters[i], quarters[j]));
        } else {
            parts.extend(quarters[i..=j].iter().map(|q| format!("Q{q}")));
        }
        i = j + 1;
    }
    format!(" (in {})", parts.join(" "))
}

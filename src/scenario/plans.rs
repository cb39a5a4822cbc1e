//! `[[plan]]`: a scenario's own ways to play it — the careful retailer, the
//! brand that flies its customers on — so that the balance lab can play
//! them beside the reference plans and `[[expect]]` rules can state what a
//! story's choices lead to. Each becomes a [`Plan`].

use super::suggest::help_with_choices;
use super::tree::Fields;
use super::walk::Checker;
use crate::plan::{Plan, REFERENCE_PLANS};
use crate::sim::{Decisions, Rules};
use std::collections::BTreeMap;

/// A plan a scenario defines.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioPlan {
    pub id: String,
    pub title: String,
    pub plan: Plan,
}

/// Builds the `[[plan]]`s, checking every id they name against the rules.
pub(crate) fn plans(f: &Fields, rules: &Rules, c: &mut Checker<'_>) -> Vec<ScenarioPlan> {
    let mut out: Vec<ScenarioPlan> = Vec::new();
    for p in f.list("plan") {
        let Some(id) = p.text("id") else { continue };
        if REFERENCE_PLANS.contains(&id) {
            c.report(
                p.offset_of("id"),
                &p.path_of("id"),
                format!("\"{id}\" is the name of a reference plan"),
                "give the scenario's plan a name of its own, e.g. \"careful\" or \"fly-them-on\""
                    .into(),
            );
        } else if out.iter().any(|o| o.id == id) {
            c.report(
                p.offset_of("id"),
                &p.path_of("id"),
                format!("duplicate plan id \"{id}\""),
                "give each [[plan]] its own id".into(),
            );
        }
        if let Some(plan) = plan(p, rules, c) {
            out.push(ScenarioPlan {
                id: id.to_string(),
                title: p.text("title").unwrap_or(id).to_string(),
                plan,
            });
        }
    }
    out
}

fn plan(p: &Fields, rules: &Rules, c: &mut Checker<'_>) -> Option<Plan> {
    let mut default = Decisions {
        vision: p.num("vision").unwrap_or(0.0),
        insight: p.num("insight").unwrap_or(0.0),
        skills: p.num("skills").unwrap_or(0.0),
        marketing: p.num("marketing").unwrap_or(0.0),
        ..Decisions::default()
    };
    if default.lever_total() > rules.budget {
        c.report(
            p.offset,
            &p.path,
            format!(
                "vision, insight, skills and marketing add up to {}, over the budget of {}",
                super::message::fmt_num(default.lever_total()),
                super::message::fmt_num(rules.budget)
            ),
            "lower them: a plan spends at most the budget each quarter".into(),
        );
    }
    for a in p.list("answers") {
        let (Some(dilemma), Some(choice)) = (a.text("dilemma"), a.text("choice")) else {
            continue;
        };
        let Some((_, def)) = rules.dilemma(dilemma) else {
            let ids: Vec<&str> = rules.dilemmas.iter().map(|d| d.id.as_str()).collect();
            let help = help_with_choices(dilemma, &ids, "dilemmas");
            c.report(
                a.offset_of("dilemma"),
                &a.path_of("dilemma"),
                format!("no dilemma \"{dilemma}\""),
                help,
            );
            continue;
        };
        if !def.choices.iter().any(|x| x.id == choice) {
            let ids: Vec<&str> = def.choices.iter().map(|x| x.id.as_str()).collect();
            let help = help_with_choices(choice, &ids, "choices");
            let message = format!("dilemma \"{dilemma}\" has no choice \"{choice}\"");
            c.report(a.offset_of("choice"), &a.path_of("choice"), message, help);
            continue;
        }
        if let Some(before) = default.answers.get(dilemma) {
            c.warn(
                a.offset_of("dilemma"),
                &a.path_of("dilemma"),
                format!(
                    "dilemma \"{dilemma}\" is answered twice in this plan: \"{before}\", then \"{choice}\" (the last one is used)"
                ),
                "answer each dilemma once: remove one of the two answers".into(),
            );
        }
        default
            .answers
            .insert(dilemma.to_string(), choice.to_string());
    }
    let mut quarters: BTreeMap<u32, Decisions> = BTreeMap::new();
    for s in p.list("starts") {
        let Some(id) = s.text("initiative") else {
            continue;
        };
        let Some((_, def)) = rules.initiative(id) else {
            let ids: Vec<&str> = rules.initiatives.iter().map(|i| i.id.as_str()).collect();
            let help = help_with_choices(id, &ids, "initiatives");
            c.report(
                s.offset_of("initiative"),
                &s.path_of("initiative"),
                format!("no initiative \"{id}\""),
                help,
            );
            continue;
        };
        let first = s
            .int("quarter")
            .and_then(|q| u32::try_from(q).ok())
            .unwrap_or(1);
        let every = s
            .int("every")
            .and_then(|q| u32::try_from(q).ok())
            .unwrap_or(0);
        if every > 0 && every < def.cooldown {
            c.report(
                s.offset_of("every"),
                &s.path_of("every"),
                format!(
                    "every = {every} is shorter than the initiative's cooldown of {}",
                    def.cooldown
                ),
                format!("use every = {} or more", def.cooldown),
            );
        }
        let mut q = first;
        while q <= rules.quarters {
            let d = quarters.entry(q).or_insert_with(|| default.clone());
            if d.initiatives.iter().any(|x| x == id) {
                c.report(
                    s.offset_of("initiative"),
                    &s.path_of("initiative"),
                    format!("\"{id}\" is started twice in quarter {q}"),
                    "start each initiative once per quarter".into(),
                );
                break;
            }
            d.initiatives.push(id.to_string());
            if every == 0 {
                break;
            }
            q += every;
        }
    }
    Some(Plan {
        description: p.text("title").unwrap_or_default().to_string(),
        default,
        quarters,
        scale: None,
    })
}

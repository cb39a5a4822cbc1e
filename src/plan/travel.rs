//! Plans that travel between scenarios: a plan written for one scenario
//! may run past another's last quarter, or name an initiative or dilemma
//! it lacks. Each such mismatch is a warning and the rest of the plan
//! runs; strict mode (`run --strict`) refuses the plan at the first one.

use super::{Plan, PlanError, Spot, What, list};
use crate::sim::{Decisions, Game, Rules};
use std::sync::Arc;

/// A plan played to the end, and what of it did not fit the scenario.
#[derive(Debug)]
pub struct Played {
    pub game: Game,
    /// What was left out, each as the error strict mode would give.
    pub warnings: Vec<PlanError>,
}

/// Plays a whole game with `plan`, leaving out (with a warning) what the
/// scenario lacks; `strict` refuses the plan instead. `name` labels
/// messages (usually the plan's path).
pub fn play_plan(
    rules: Arc<Rules>,
    seed: u64,
    plan: &Plan,
    name: &str,
    strict: bool,
) -> Result<Played, PlanError> {
    super::check_amounts(plan, name)?;
    let (fitted, warnings) = fit_to(plan, &rules, name);
    if strict {
        if let Some(first) = warnings.into_iter().next() {
            return Err(first);
        }
        return play_fitted(rules, seed, &fitted, name, Vec::new());
    }
    play_fitted(rules, seed, &fitted, name, warnings)
}

fn play_fitted(
    rules: Arc<Rules>,
    seed: u64,
    fitted: &Plan,
    name: &str,
    warnings: Vec<PlanError>,
) -> Result<Played, PlanError> {
    let mut game = Game::new(Arc::clone(&rules), seed);
    game.play_out(|q, state| fitted.decisions_for(q, &rules, state))
        .map_err(|(quarter, source)| PlanError::Refused {
            path: name.into(),
            quarter,
            source,
        })?;
    Ok(Played { game, warnings })
}

/// The plan without what the scenario lacks — quarters past its end,
/// initiatives, dilemmas and choices it does not have — and a warning for
/// each thing left out, in the order of the file.
pub fn fit_to(plan: &Plan, rules: &Rules, name: &str) -> (Plan, Vec<PlanError>) {
    let mut fitted = plan.clone();
    let mut warnings = Vec::new();
    let beyond: Vec<u32> = plan
        .quarters
        .keys()
        .copied()
        .filter(|q| *q == 0 || *q > rules.quarters)
        .collect();
    // One warning for quarter 0 and one for the first quarter past the end:
    // a 20-quarter plan on a 6-quarter scenario is one mismatch, not 14.
    let first_past = beyond.iter().find(|q| **q > 0);
    let shown = beyond.iter().filter(|q| **q == 0).chain(first_past);
    for quarter in shown {
        warnings.push(PlanError::BeyondEnd {
            path: name.into(),
            quarter: *quarter,
            quarters: rules.quarters,
        });
    }
    fitted.quarters.retain(|q, _| !beyond.contains(q));
    let tables = std::iter::once((None, &mut fitted.default))
        .chain(fitted.quarters.iter_mut().map(|(q, d)| (Some(*q), d)));
    for (quarter, d) in tables {
        let table = quarter.map_or("[default]".to_string(), |q| format!("[quarter.{q}]"));
        for (message, what, id, known) in drop_unknown(d, rules) {
            let help = match crate::scenario::did_you_mean(&id, &known) {
                Some(meant) => format!(
                    "did you mean '{meant}'? the known ids are: {}",
                    list(&known)
                ),
                None => format!("the known ids are: {}", list(&known)),
            };
            warnings.push(PlanError::Unknown {
                path: name.into(),
                table: table.clone(),
                message,
                spot: Some(Box::new(Spot {
                    quarter,
                    what,
                    id,
                    help,
                })),
            });
        }
    }
    (fitted, warnings)
}

/// One id left out: the message, what kind of id, the id, the known ids.
type Dropped<'r> = (String, What, String, Vec<&'r str>);

/// Removes from `d` the initiatives and answers `rules` do not know, and
/// says what each was.
fn drop_unknown<'r>(d: &mut Decisions, rules: &'r Rules) -> Vec<Dropped<'r>> {
    let mut messages = Vec::new();
    d.initiatives.retain(|id| {
        let known = rules.initiative(id).is_some();
        if !known {
            let ids: Vec<&str> = rules.initiatives.iter().map(|i| i.id.as_str()).collect();
            messages.push((
                format!(
                    "there is no initiative '{id}'; the initiatives are: {}",
                    list(&ids)
                ),
                What::Initiative,
                id.clone(),
                ids,
            ));
        }
        known
    });
    d.answers.retain(|dilemma, choice| {
        let Some((_, def)) = rules.dilemma(dilemma) else {
            let ids: Vec<&str> = rules.dilemmas.iter().map(|d| d.id.as_str()).collect();
            messages.push((
                format!(
                    "there is no dilemma '{dilemma}'; the dilemmas are: {}",
                    list(&ids)
                ),
                What::Dilemma,
                dilemma.clone(),
                ids,
            ));
            return false;
        };
        let known = def.choices.iter().any(|c| &c.id == choice);
        if !known {
            let ids: Vec<&str> = def.choices.iter().map(|c| c.id.as_str()).collect();
            messages.push((
                format!(
                    "dilemma '{dilemma}' has no choice '{choice}'; its choices are: {}",
                    list(&ids)
                ),
                What::Choice {
                    dilemma: dilemma.clone(),
                },
                choice.clone(),
                ids,
            ));
        }
        known
    });
    // A table read from a file repeats the default's unknown ids: say so once.
    messages.dedup();
    messages
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    #[test]
    fn what_a_scenario_lacks_is_left_out_with_a_warning_or_refused_when_strict() {
        let rules = Arc::new(Rules {
            quarters: 6,
            ..Rules::default()
        });
        let plan = parse(
            "[default]\ninsight = 50\n[quarter.2]\ninitiatives = [\"cost-cutting\"]\n\
             answers = { storm = \"hold\" }\n[quarter.9]\nvision = 10\n",
        )
        .unwrap_or_default();
        let played = play_plan(Arc::clone(&rules), 1, &plan, "p.toml", false);
        let (quarters, warnings) = played
            .map(|p| {
                let w: Vec<String> = p.warnings.iter().map(|w| w.to_string()).collect();
                (p.game.history().len(), w)
            })
            .unwrap_or_default();
        assert_eq!(quarters, 6, "the rest runs");
        assert_eq!(
            warnings,
            vec![
                "p.toml: [quarter.9] is beyond the scenario's 6 quarters: use a quarter from 1 to 6".to_string(),
                "p.toml: [quarter.2]: there is no initiative 'cost-cutting'; the initiatives are: (none)".into(),
                "p.toml: [quarter.2]: there is no dilemma 'storm'; the dilemmas are: (none)".into(),
            ]
        );
        let strict = play_plan(rules, 1, &plan, "p.toml", true)
            .err()
            .map(|e| e.to_string());
        assert_eq!(strict.as_deref(), Some(warnings[0].as_str()));
    }
}

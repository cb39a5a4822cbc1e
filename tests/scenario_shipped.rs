//! The shipped scenarios: every one loads, the embedded copy is the file
//! in `scenarios/`, and the default one plays sensibly headless — the
//! reference plans reach the last quarter and nothing leaves its range.

use culturesim::plan::Plan;
use culturesim::scenario::{self, Scenario, check_shipped, load, load_file};
use culturesim::sim::{Decisions, Game, Rules, Stock, StockKind};
use std::path::Path;
use std::sync::Arc;

fn electronics() -> Result<Scenario, String> {
    load("electronics").map_err(|e| e.to_string())
}

#[test]
fn every_shipped_scenario_loads() {
    let all = check_shipped();
    assert!(!all.is_empty());
    for (path, result) in &all {
        assert!(result.is_ok(), "{path}: {:?}", result.as_ref().err());
    }
    let ids: Vec<String> = scenario::shipped().iter().map(|s| s.id.clone()).collect();
    assert_eq!(ids.first().map(String::as_str), Some(scenario::DEFAULT_ID));
    for (i, id) in ids.iter().enumerate() {
        assert!(!ids[..i].contains(id), "{id} is shipped twice");
    }
}

#[test]
fn the_embedded_scenario_is_the_file_on_disk() -> Result<(), String> {
    let embedded = electronics()?;
    let on_disk = load_file(Path::new("scenarios/electronics.toml")).map_err(|e| e.to_string())?;
    assert_eq!(embedded.content_hash, on_disk.content_hash);
    assert_eq!(embedded.origin, "builtin:electronics");
    assert_eq!(on_disk.origin, "scenarios/electronics.toml");
    Ok(())
}

#[test]
fn the_default_scenario_tells_its_story() -> Result<(), String> {
    let s = electronics()?;
    let r = &s.rules;
    assert_eq!(r.quarters, 20);
    assert!(r.dilemmas.len() >= 2);
    assert!(r.initiatives.len() >= 5);
    // The rival arrives on schedule in year two.
    let rival = r.events.iter().find(|e| e.id == "nova-launch");
    let quarter = rival.and_then(|e| e.trigger.quarter);
    assert!(matches!(quarter, Some(5..=8)), "{quarter:?}");
    assert!(!s.story.is_empty() && !s.goal.is_empty());
    Ok(())
}

/// Plays a plan on a seed; the game and whether a decision was refused.
fn play(rules: &Arc<Rules>, seed: u64, plan: &Plan) -> (Game, Option<String>) {
    let mut game = Game::new(Arc::clone(rules), seed);
    let refused = game
        .play_out(|q, _| plan.decisions(q))
        .err()
        .map(|(q, e)| format!("quarter {q}: {e}"));
    (game, refused)
}

/// Every figure of every quarter is finite and in a sensible range.
fn sane(game: &Game) -> Result<(), String> {
    for r in game.history() {
        for stock in Stock::ALL {
            let v = r.stocks.get(stock);
            let ok = v.is_finite()
                && match stock.kind() {
                    StockKind::Index => (0.0..=100.0).contains(&v),
                    StockKind::Count => (0.0..=100_000.0).contains(&v),
                    StockKind::Money => v.abs() < 100_000.0,
                };
            if !ok {
                return Err(format!("quarter {}: {} = {v}", r.quarter, stock.key()));
            }
        }
        let k = &r.kpis;
        if !(200.0..=5000.0).contains(&k.customers) || !(-3000.0..=5000.0).contains(&k.profit) {
            return Err(format!(
                "quarter {}: {:.0} customers, profit {:.0}",
                r.quarter, k.customers, k.profit
            ));
        }
    }
    Ok(())
}

#[test]
fn the_reference_plans_reach_the_last_quarter_on_most_seeds() -> Result<(), String> {
    let s = electronics()?;
    let rules = Arc::clone(&s.rules);
    for plan in [Plan::do_nothing(), Plan::balanced(&rules)] {
        let mut finished = 0;
        for seed in 0..40 {
            let (game, refused) = play(&rules, seed, &plan);
            assert_eq!(refused, None, "{}: seed {seed}", plan.description);
            sane(&game).map_err(|e| format!("{}: seed {seed}: {e}", plan.description))?;
            if game.last().is_some_and(|r| !r.outcome.is_game_over()) {
                finished += 1;
            }
        }
        assert!(finished >= 36, "{}: {finished}/40", plan.description);
    }
    Ok(())
}

#[test]
fn every_initiative_and_every_answer_can_be_played() -> Result<(), String> {
    let s = electronics()?;
    let rules = Arc::clone(&s.rules);
    for init in &rules.initiatives {
        let mut plan = Plan::balanced(&rules);
        let start = Decisions {
            initiatives: vec![init.id.clone()],
            ..plan.decisions(1)
        };
        plan.quarters.insert(2, start);
        let (game, refused) = play(&rules, 7, &plan);
        assert_eq!(refused, None, "{}", init.id);
        sane(&game).map_err(|e| format!("{}: {e}", init.id))?;
    }
    // The scheduled dilemma waits for an answer in its quarter.
    for d in rules
        .dilemmas
        .iter()
        .filter(|d| d.trigger.quarter.is_some())
    {
        let q = d.trigger.quarter.unwrap_or(1);
        for choice in &d.choices {
            let mut plan = Plan::balanced(&rules);
            let mut answer = plan.decisions(q);
            answer.answers.insert(d.id.clone(), choice.id.clone());
            plan.quarters.insert(q, answer);
            let (game, refused) = play(&rules, 7, &plan);
            assert_eq!(refused, None, "{}: {}", d.id, choice.id);
            sane(&game).map_err(|e| format!("{}/{}: {e}", d.id, choice.id))?;
        }
    }
    Ok(())
}

#[test]
fn the_same_seed_gives_the_same_game() -> Result<(), String> {
    let s = electronics()?;
    let plan = Plan::balanced(&s.rules);
    let (a, _) = play(&s.rules, s.seed, &plan);
    let (b, _) = play(&s.rules, s.seed, &plan);
    let sums = |g: &Game| g.history().iter().map(|r| r.checksum).collect::<Vec<_>>();
    assert_eq!(sums(&a), sums(&b));
    Ok(())
}

//! Whatever a file holds, loading it never panics; every problem points
//! inside the file; and whatever loads can be played — the checks are
//! enough for the model to trust the rules.

use culturesim::plan::Plan;
use culturesim::scenario::{Error, parse};
use culturesim::sim::Game;
use proptest::prelude::*;
use std::sync::Arc;

const SHIPPED: &str = include_str!("../scenarios/electronics.toml");

/// Loads text; on success plays four quarters of a balanced plan.
fn load_and_play(text: &str) -> Result<(), TestCaseError> {
    match parse(text.as_bytes(), "p.toml", "p.toml") {
        Ok(s) => {
            let plan = Plan::balanced(&s.rules);
            let mut game = Game::new(Arc::clone(&s.rules), s.seed);
            for q in 1..=4 {
                if game.is_over() {
                    break;
                }
                let report = game.advance(&plan.decisions(q));
                prop_assert!(report.is_ok(), "{:?}", report.err());
            }
            for r in game.history() {
                prop_assert!(r.stocks.0.iter().all(|v| v.is_finite()));
            }
        }
        Err(Error::Invalid { found, .. }) => {
            let problems = found.kept;
            prop_assert!(!problems.is_empty());
            let lines = text.split('\n').count();
            for p in &problems {
                prop_assert!(p.line >= 1 && p.line <= lines, "{p:?} in {lines} lines");
                prop_assert!(p.column >= 1, "{p:?}");
                prop_assert!(!p.message.is_empty());
            }
        }
        Err(e) => prop_assert!(false, "unexpected error kind: {e}"),
    }
    Ok(())
}

const SECTIONS: &[&str] = &[
    "",
    "[briefing]",
    "[start]",
    "[economics]",
    "[economics.price]",
    "[board]",
    "[model]",
    "[scoring]",
    "[scoring.weights]",
    "[[event]]",
    "[[event.effects]]",
    "[[event.when]]",
    "[[dilemma]]",
    "[[dilemma.choice]]",
    "[[initiative]]",
];

const KEYS: &[&str] = &[
    "id",
    "title",
    "summary",
    "quarters",
    "seed",
    "budget",
    "credit_line",
    "story",
    "goal",
    "cash",
    "board",
    "culture",
    "fixed_costs",
    "valuable",
    "expectation",
    "culture_speed",
    "weights",
    "game_over_penalty",
    "text",
    "quarter",
    "chance",
    "earliest",
    "latest",
    "max_times",
    "when",
    "effects",
    "default",
    "choice",
    "label",
    "cost",
    "cooldown",
    "load",
    "target",
    "add",
    "multiply",
    "stock",
    "below",
    "above",
    "lock_seed",
    "profit",
    "titel",
];

const VALUES: &[&str] = &[
    "1",
    "0",
    "-1",
    "20",
    "0.5",
    "1e400",
    "nan",
    "-inf",
    "9999999999999",
    "0x7f",
    "true",
    "\"x\"",
    "\"a-b\"",
    "\"\\u001b[2J\"",
    "\"churn\"",
    "\"experience\"",
    "\"previous\"",
    "[]",
    "{}",
    "[{ target = \"cash\", add = 5 }]",
    "[{ stock = \"board\", below = 50 }]",
    "{ culture = 1 }",
    "1979-05-27",
];

/// A file in the scenario's vocabulary: plausible sections, keys and
/// values, mixed at random.
fn scenario_like() -> impl Strategy<Value = String> {
    let line = (
        prop::sample::select(SECTIONS),
        prop::sample::select(KEYS),
        prop::sample::select(VALUES),
    );
    prop::collection::vec(line, 0..40).prop_map(|lines| {
        let mut out = String::new();
        for (section, key, value) in lines {
            if !section.is_empty() {
                out.push_str(section);
                out.push('\n');
            }
            out.push_str(&format!("{key} = {value}\n"));
        }
        out
    })
}

proptest! {
    #[test]
    fn any_text_loads_or_is_refused_without_panicking(text in "\\PC*") {
        load_and_play(&text)?;
    }

    #[test]
    fn any_bytes_are_refused_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let result = parse(&bytes, "b.toml", "b.toml");
        if let Err(e) = result {
            // The message names the file, and every problem points inside it.
            prop_assert!(e.to_string().contains("b.toml"), "{e}");
            for p in e.problems() {
                prop_assert!(p.offset <= bytes.len() && p.line >= 1, "{p:?}");
            }
        }
    }

    #[test]
    fn files_in_the_scenario_vocabulary_never_panic(text in scenario_like()) {
        load_and_play(&text)?;
    }

    #[test]
    fn the_shipped_file_with_one_line_replaced_never_panics(
        index in 0usize..400,
        replacement in "[ -~]{0,40}",
    ) {
        let lines: Vec<&str> = SHIPPED.lines().collect();
        let i = index % lines.len();
        let mut edited: Vec<&str> = lines.clone();
        edited[i] = &replacement;
        load_and_play(&edited.join("\n"))?;
    }

    #[test]
    fn the_shipped_file_with_a_number_changed_never_panics(
        index in 0usize..2000,
        number in prop::sample::select(VALUES),
    ) {
        // Replace the value of one `key = value` line by another value.
        let lines: Vec<&str> = SHIPPED.lines().collect();
        let assignments: Vec<usize> = (0..lines.len())
            .filter(|&i| lines[i].contains(" = ") && !lines[i].trim_start().starts_with('#'))
            .collect();
        let i = assignments[index % assignments.len()];
        let key = lines[i].split(" = ").next().unwrap_or("");
        let changed = format!("{key} = {number}");
        let mut edited: Vec<&str> = lines.clone();
        edited[i] = &changed;
        load_and_play(&edited.join("\n"))?;
    }
}

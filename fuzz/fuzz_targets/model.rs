//! The model on fuzzed valid scenarios: a shipped scenario with fuzzed
//! `[model]` parameters (each within its documented range), a fuzzed seed
//! and fuzzed decisions every quarter. Every stock, KPI and why-ledger term
//! stays finite, each stock's terms sum to its change, and the game's own
//! save verifies.
#![no_main]

use culturesim::save::{self, Save, Verifier};
use culturesim::scenario;
use culturesim::sim::{Decisions, Game, ModelParams};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

/// The shipped scenario files, as authors wrote them.
const SHIPPED: [&str; 7] = [
    include_str!("../../scenarios/electronics.toml"),
    include_str!("../../scenarios/tutorial.toml"),
    include_str!("../../scenarios/alpine.toml"),
    include_str!("../../scenarios/homecare.toml"),
    include_str!("../../scenarios/storm.toml"),
    include_str!("../../scenarios/launch.toml"),
    include_str!("../../scenarios/crisis.toml"),
];

/// Bytes, read as numbers as far as they go, then zeros.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        let (first, rest) = self.0.split_first().map_or((0, &[][..]), |(f, r)| (*f, r));
        self.0 = rest;
        first
    }
    fn u64(&mut self) -> u64 {
        (0..8).fold(0, |acc, _| acc << 8 | u64::from(self.byte()))
    }
    /// A fraction from 0 to 1 in 256 steps.
    fn unit(&mut self) -> f64 {
        f64::from(self.byte()) / 255.0
    }
}

fn finite(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Null => false,
        serde_json::Value::Array(a) => a.iter().all(finite),
        serde_json::Value::Object(o) => o.values().all(finite),
        _ => true,
    }
}

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes(data);
    let text = SHIPPED[usize::from(b.byte()) % SHIPPED.len()].to_string();
    // Up to 8 parameters, each set somewhere in its range.
    let mut model = String::from("\n[model]\n");
    for _ in 0..b.byte() % 9 {
        let spec = ModelParams::SPECS[usize::from(b.byte()) % ModelParams::SPECS.len()];
        let value = spec.min + (spec.max - spec.min) * b.unit();
        if !model.contains(&format!("\n{} =", spec.name)) {
            model.push_str(&format!("{} = {value:?}\n", spec.name));
        }
    }
    let text = if text.contains("\n[model]\n") {
        text.replacen("\n[model]\n", &model, 1)
    } else {
        format!("{text}{model}")
    };
    let Ok(scenario) = scenario::parse(text.as_bytes(), "fuzz.toml", "fuzz.toml") else {
        // Two keys of one [model] table, or a rule the scenario forbids.
        return;
    };
    // A class scenario locks its seed, as the game and `run` do.
    let fuzzed = b.u64();
    let seed = if scenario.lock_seed { scenario.seed } else { fuzzed };
    let mut game = Game::new(scenario.rules.clone(), seed);
    while !game.is_over() {
        let budget = scenario.rules.budget.max(0.0);
        let mut d = Decisions {
            vision: budget * b.unit() / 2.0,
            insight: budget * b.unit() / 2.0,
            skills: budget * b.unit() / 2.0,
            marketing: budget * b.unit() / 2.0,
            ..Decisions::default()
        };
        if b.byte() % 4 == 0 {
            if let Some(i) = scenario.rules.initiatives.first() {
                d.initiatives.push(i.id.clone());
            }
        }
        let report = match game.advance(&d) {
            Ok(r) => r,
            Err(_) => game.advance(&Decisions::default()).expect("doing nothing is allowed"),
        };
        assert!(report.stocks.0.iter().all(|v| v.is_finite()), "stocks {:?}", report.stocks);
        let kpis = serde_json::to_value(&report.kpis).expect("KPIs serialize");
        assert!(finite(&kpis), "KPIs {kpis}");
        assert!(report.ledger.terms.iter().all(|t| t.value.is_finite()), "a ledger term is not finite");
    }
    let save = Save::from_game(&scenario, "fuzz", &game);
    let decoded = save::decode(save.to_toml().expect("writes").as_bytes()).expect("decodes");
    let mut verifier = Verifier::new();
    verifier.add_scenario(scenario.clone());
    if let Err(e) = verifier.replay(Path::new("fuzz.toml"), decoded) {
        panic!("the game's own save does not verify: {e}");
    }
});

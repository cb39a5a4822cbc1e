//! Golden trajectories: a hash of every quarter's report for fixed rules,
//! seeds and plans. A deliberate model change updates these together with
//! `sim::MODEL_VERSION`; an accidental one (a new dependency version, a
//! platform difference, a reordered sum) fails here first.

mod common;

use common::*;
use culturesim::sim::{Decisions, MODEL_VERSION, Rules};
use std::sync::Arc;

/// FNV-1a over the JSON of every report: stable, and any changed bit of any
/// figure, term, news item or checksum changes it.
fn trajectory_hash(rules: &Arc<Rules>, seed: u64, plan: fn(u32) -> Decisions) -> String {
    let history = play(rules, seed, plan);
    fnv(&serde_json::to_string(&history).unwrap_or_default())
}

fn fnv(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

type NamedPlan = (&'static str, fn(u32) -> Decisions);

fn hashes(rules: &Rules) -> Vec<String> {
    let rules = Arc::new(rules.clone());
    let plans: [NamedPlan; 4] = [
        ("do-nothing", do_nothing),
        ("balanced", balanced),
        ("all-at-once", all_at_once),
        ("cost-cutter", cost_cutter),
    ];
    let mut out = Vec::new();
    for seed in [1, 7, 42] {
        for (name, plan) in plans {
            out.push(format!(
                "seed {seed} {name}: {}",
                trajectory_hash(&rules, seed, plan)
            ));
        }
    }
    out
}

const GOLDEN_WORLD: &str = "\
seed 1 do-nothing: 65f799fe55d63f00\n\
seed 1 balanced: ccbea39dc365af62\n\
seed 1 all-at-once: 3b974e90c0791afc\n\
seed 1 cost-cutter: 2ea27bac01e39a0f\n\
seed 7 do-nothing: a8ab3e6c8ec962d3\n\
seed 7 balanced: f245b55e10498a38\n\
seed 7 all-at-once: 0faed8f94a63e9b6\n\
seed 7 cost-cutter: 0a35fe983f0c8f56\n\
seed 42 do-nothing: d0fb6a6a04667664\n\
seed 42 balanced: 1b68f60d11834c46\n\
seed 42 all-at-once: c3815840dae5734f\n\
seed 42 cost-cutter: 3dde0a368d37c221";

#[test]
fn the_test_world_follows_its_golden_trajectories() {
    let got = hashes(&world()).join("\n");
    assert_eq!(
        MODEL_VERSION, 3,
        "model version changed: update the golden hashes with it"
    );
    assert_eq!(
        got, GOLDEN_WORLD,
        "the model's trajectories changed. If deliberate, raise sim::MODEL_VERSION and paste:\n{got}"
    );
}

/// The shipped default scenario with the shipped plans.
fn shipped_hashes() -> Vec<String> {
    let Ok(scenario) = culturesim::scenario::load("electronics") else {
        return vec!["the electronics scenario does not load".into()];
    };
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/plans");
    let mut out = Vec::new();
    for name in [
        "do-nothing",
        "balanced",
        "all-at-once",
        "sequenced",
        "cost-cutter",
    ] {
        let Ok(plan) = culturesim::plan::load(&dir.join(format!("{name}.toml"))) else {
            out.push(format!("{name}: the plan does not load"));
            continue;
        };
        for seed in [scenario.seed, 1, 99] {
            let hash = match culturesim::plan::play(scenario.rules.clone(), seed, &plan, name) {
                Ok(game) => fnv(&serde_json::to_string(game.history()).unwrap_or_default()),
                Err(e) => e.to_string(),
            };
            out.push(format!("seed {seed} {name}: {hash}"));
        }
    }
    // Every other shipped scenario with three reference plans.
    for other in culturesim::scenario::shipped().iter().skip(1) {
        for name in ["do-nothing", "balanced", "all-at-once"] {
            let plan = culturesim::plan::Plan::reference(name, &other.rules).unwrap_or_default();
            let hash = match culturesim::plan::play(other.rules.clone(), other.seed, &plan, name) {
                Ok(game) => fnv(&serde_json::to_string(game.history()).unwrap_or_default()),
                Err(e) => e.to_string(),
            };
            out.push(format!("{} seed {} {name}: {hash}", other.id, other.seed));
        }
    }
    out
}

const GOLDEN_SHIPPED: &str = "\
seed 2024 do-nothing: 9aab0ea0eeeb1398\n\
seed 1 do-nothing: fc62e919edafa15a\n\
seed 99 do-nothing: 6217c26415dae282\n\
seed 2024 balanced: f0c4f01d87e4958a\n\
seed 1 balanced: 453727bd6f16b73b\n\
seed 99 balanced: 29b34c61df5da3e2\n\
seed 2024 all-at-once: f09e0b2287cbd9cc\n\
seed 1 all-at-once: f615a16041385059\n\
seed 99 all-at-once: 08fe179fc079fa3b\n\
seed 2024 sequenced: fbc3448d5c807fd5\n\
seed 1 sequenced: fa3c0d989a936805\n\
seed 99 sequenced: 3735ecb1ae74e527\n\
seed 2024 cost-cutter: 3531381cf7924f6c\n\
seed 1 cost-cutter: 5adcdd700d491d72\n\
seed 99 cost-cutter: 7cb55904873ea9be\n\
tutorial seed 7 do-nothing: 32b1dd75d3af6a7d\n\
tutorial seed 7 balanced: 7449cbdb2b8d516a\n\
tutorial seed 7 all-at-once: 4c589b60dba644ef\n\
alpine seed 1989 do-nothing: a59d47befa31e5fa\n\
alpine seed 1989 balanced: 9b3c6b9c0663d81c\n\
alpine seed 1989 all-at-once: 72c83fa532ab8e6d\n\
homecare seed 311 do-nothing: c2e9f645ba5b1166\n\
homecare seed 311 balanced: 24daf286db8abeae\n\
homecare seed 311 all-at-once: 0a36b1a3aeb8ba4f\n\
storm seed 2004 do-nothing: f6680424aa57a391\n\
storm seed 2004 balanced: 9368de2d26aece04\n\
storm seed 2004 all-at-once: ec8d0ba640127209\n\
launch seed 2010 do-nothing: 8baec1cf871ca755\n\
launch seed 2010 balanced: cb41124a39e2d278\n\
launch seed 2010 all-at-once: 3ad0ca54c7364f56\n\
crisis seed 2008 do-nothing: 21f77a65cec00491\n\
crisis seed 2008 balanced: d1556a1808b0ebc2\n\
crisis seed 2008 all-at-once: 32df5f34b755f73f";

#[test]
fn the_shipped_scenario_follows_its_golden_trajectories() {
    let got = shipped_hashes().join("\n");
    assert_eq!(
        got, GOLDEN_SHIPPED,
        "the shipped scenario's trajectories changed. If deliberate (a model or scenario change), raise sim::MODEL_VERSION for a model change and paste:\n{got}"
    );
}

#[test]
fn a_run_twice_gives_identical_bytes() {
    let rules = Arc::new(world());
    assert_eq!(
        trajectory_hash(&rules, 99, balanced),
        trajectory_hash(&rules, 99, balanced)
    );
    assert_ne!(
        trajectory_hash(&rules, 99, balanced),
        trajectory_hash(&rules, 100, balanced),
        "different seeds should give different news"
    );
}

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
seed 1 do-nothing: b3d6e707ac3261ad\n\
seed 1 balanced: c6eed953e6e37f0a\n\
seed 1 all-at-once: 320998e50d94971e\n\
seed 1 cost-cutter: 081b282ede3c2c87\n\
seed 7 do-nothing: 65ef02a7e9d36767\n\
seed 7 balanced: 73cda8dd8271df83\n\
seed 7 all-at-once: a654fb3bd76f27a5\n\
seed 7 cost-cutter: 6b9350611d461f2a\n\
seed 42 do-nothing: f0ee47619d272db2\n\
seed 42 balanced: 4c8e9904f92425e8\n\
seed 42 all-at-once: 2079f66b29df9d49\n\
seed 42 cost-cutter: e14f33de22ba9022";

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
seed 2024 do-nothing: f0697531d3965a48\n\
seed 1 do-nothing: c39c2e33712f5126\n\
seed 99 do-nothing: 4e03601c1797c3f7\n\
seed 2024 balanced: 41b09dc27f0bf4fa\n\
seed 1 balanced: 35b0ff8c879c8dd6\n\
seed 99 balanced: d7bf37303e6cc0e9\n\
seed 2024 all-at-once: 3fafad53917f0ddf\n\
seed 1 all-at-once: cd32a474b7ce8d23\n\
seed 99 all-at-once: dffd9601080a36e9\n\
seed 2024 sequenced: 8fd6ebd5d8d245dd\n\
seed 1 sequenced: 1afe73db71cfe7c9\n\
seed 99 sequenced: 7520d15eb6a78567\n\
seed 2024 cost-cutter: 5649fc521a65ef94\n\
seed 1 cost-cutter: 4d50bd92bde56288\n\
seed 99 cost-cutter: 5b1c9aa220252c2b\n\
tutorial seed 7 do-nothing: 32b1dd75d3af6a7d\n\
tutorial seed 7 balanced: 7449cbdb2b8d516a\n\
tutorial seed 7 all-at-once: 4c589b60dba644ef\n\
alpine seed 1989 do-nothing: 4b5e6d8f21bfeb7a\n\
alpine seed 1989 balanced: 6896e41a73e2f216\n\
alpine seed 1989 all-at-once: 148230ff82f29b7f\n\
homecare seed 311 do-nothing: c2e9f645ba5b1166\n\
homecare seed 311 balanced: 24daf286db8abeae\n\
homecare seed 311 all-at-once: 0a36b1a3aeb8ba4f\n\
storm seed 2004 do-nothing: a12f9c51a0b48e17\n\
storm seed 2004 balanced: 41791d4afa563553\n\
storm seed 2004 all-at-once: 72937ed2980496a0\n\
launch seed 2010 do-nothing: 60ab324247b051c8\n\
launch seed 2010 balanced: 4bfe0680b8afc613\n\
launch seed 2010 all-at-once: 20ec710976e45d2c\n\
crisis seed 2008 do-nothing: b7ca4a6c9d6f3f23\n\
crisis seed 2008 balanced: 8033133ef5da5219\n\
crisis seed 2008 all-at-once: ddd4e744abe3f366";

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

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
seed 1 do-nothing: 5d4c819ddd2b37b4\n\
seed 1 balanced: eabdcfb71e95025f\n\
seed 1 all-at-once: 6729206a645944c1\n\
seed 1 cost-cutter: 934d002bab014531\n\
seed 7 do-nothing: 401f0ffd7d535f5b\n\
seed 7 balanced: 433046f507f9278f\n\
seed 7 all-at-once: 78628981b077e6e6\n\
seed 7 cost-cutter: eb471d3ee1100a7d\n\
seed 42 do-nothing: b916e33a413d9cbb\n\
seed 42 balanced: 88bb12b7190105b3\n\
seed 42 all-at-once: 37dd0d52523685fb\n\
seed 42 cost-cutter: 92cf674d53e01e13";

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
seed 2024 do-nothing: c808ef7d448bb019\n\
seed 1 do-nothing: e974197385b2639e\n\
seed 99 do-nothing: e3fb4f4e711555e8\n\
seed 2024 balanced: b9e6dc6e2b1c4d05\n\
seed 1 balanced: ade82bc968043ae8\n\
seed 99 balanced: 0a5612b2ddc24c63\n\
seed 2024 all-at-once: 98bd8ae7f4ec3561\n\
seed 1 all-at-once: ccf838de3034f402\n\
seed 99 all-at-once: 97e2100931b8a914\n\
seed 2024 sequenced: 5cfca485cbe4fa88\n\
seed 1 sequenced: be39194c11f41764\n\
seed 99 sequenced: b9b0fee048a18676\n\
seed 2024 cost-cutter: 74ba980b0d2cb107\n\
seed 1 cost-cutter: 2976049a0a4e8ef0\n\
seed 99 cost-cutter: e165217c70fa48c6\n\
tutorial seed 7 do-nothing: 6a27765b11d4196e\n\
tutorial seed 7 balanced: a163949180f36af2\n\
tutorial seed 7 all-at-once: 4c589b60dba644ef\n\
alpine seed 1989 do-nothing: ed739638ac9ba22f\n\
alpine seed 1989 balanced: b12555b2ba76eacd\n\
alpine seed 1989 all-at-once: 01fd3c63e65747c7\n\
homecare seed 311 do-nothing: f7b93f11f58120db\n\
homecare seed 311 balanced: 24daf286db8abeae\n\
homecare seed 311 all-at-once: 503b24cd066fd9d4\n\
storm seed 2004 do-nothing: 657014492c5e4b42\n\
storm seed 2004 balanced: 9368de2d26aece04\n\
storm seed 2004 all-at-once: ec8d0ba640127209\n\
launch seed 2010 do-nothing: 2fa306946d9be966\n\
launch seed 2010 balanced: d06be2c2d1a9180f\n\
launch seed 2010 all-at-once: af8fccf7f133cc0d\n\
crisis seed 2008 do-nothing: 6f3a2ea0ff65a2a5\n\
crisis seed 2008 balanced: 2859cd321fc166d5\n\
crisis seed 2008 all-at-once: aacaef8abc12256e";

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

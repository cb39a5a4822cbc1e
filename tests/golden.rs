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
    let json = serde_json::to_string(&history).unwrap_or_default();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in json.bytes() {
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
seed 1 do-nothing: 8cae5f922f5da5c8\n\
seed 1 balanced: ce52868e4a356737\n\
seed 1 all-at-once: 171792234f110810\n\
seed 1 cost-cutter: 70df282d3e670787\n\
seed 7 do-nothing: 86eed88c9dc5d556\n\
seed 7 balanced: 282637704c1834cd\n\
seed 7 all-at-once: 8748517dd6f866e5\n\
seed 7 cost-cutter: e3039d08f754d6e1\n\
seed 42 do-nothing: c8183448ad6ca6ca\n\
seed 42 balanced: 553f670b295135f7\n\
seed 42 all-at-once: c8e2f34ec099a0ca\n\
seed 42 cost-cutter: 8019e1816d1c7ad1";

#[test]
fn the_test_world_follows_its_golden_trajectories() {
    let got = hashes(&world()).join("\n");
    assert_eq!(
        MODEL_VERSION, 1,
        "model version changed: update the golden hashes with it"
    );
    assert_eq!(
        got, GOLDEN_WORLD,
        "the model's trajectories changed. If deliberate, raise sim::MODEL_VERSION and paste:\n{got}"
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

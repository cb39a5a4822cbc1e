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
seed 1 do-nothing: 3cf55761613a8605\n\
seed 1 balanced: ccd5c143929c8585\n\
seed 1 all-at-once: d8425dad24f2c35e\n\
seed 1 cost-cutter: fcc6fee4d96f6d77\n\
seed 7 do-nothing: b9d02a9531b4131b\n\
seed 7 balanced: 8b6178b68b565606\n\
seed 7 all-at-once: 5d078b33ace229a1\n\
seed 7 cost-cutter: 1ba21fefbf33c928\n\
seed 42 do-nothing: 6145df0413ec2b31\n\
seed 42 balanced: 641ad77ff5e91cb8\n\
seed 42 all-at-once: afa4c1269e1f385a\n\
seed 42 cost-cutter: bde2f3d895a77a57";

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
seed 2024 do-nothing: fb0b920db152037d\n\
seed 1 do-nothing: 50b28eeee79822b9\n\
seed 99 do-nothing: 8d85f35fb1109bf4\n\
seed 2024 balanced: 915cb340d10ebbe8\n\
seed 1 balanced: c0d9b7a28feb2b55\n\
seed 99 balanced: eba6d0512555d5b6\n\
seed 2024 all-at-once: 4c78fe9bf71a9a18\n\
seed 1 all-at-once: 10f9e7c542b071ff\n\
seed 99 all-at-once: 2d70af122eb63d34\n\
seed 2024 sequenced: 1251cf288c3b0a42\n\
seed 1 sequenced: f62d15bc60d35ff7\n\
seed 99 sequenced: 1d369e5c6b0bae23\n\
seed 2024 cost-cutter: d1c4b7031f3a8734\n\
seed 1 cost-cutter: b39d8d1ee3d446cc\n\
seed 99 cost-cutter: 5ec5992aa7d1d3b6\n\
tutorial seed 7 do-nothing: 97935ec63f54084a\n\
tutorial seed 7 balanced: ca7e6610209a7e27\n\
tutorial seed 7 all-at-once: aaa3a261d472819a\n\
alpine seed 1989 do-nothing: 65c8c1ffc602f1cd\n\
alpine seed 1989 balanced: c36faeffeb86be8d\n\
alpine seed 1989 all-at-once: 9c2ef620f7f205f0\n\
homecare seed 311 do-nothing: fbb7ad92dcc4d235\n\
homecare seed 311 balanced: 129a072cd243bc4e\n\
homecare seed 311 all-at-once: 02935125b880eb2c\n\
storm seed 2004 do-nothing: dfa83eb103f0618c\n\
storm seed 2004 balanced: 60c84cddeb345098\n\
storm seed 2004 all-at-once: 89a31166a782981b\n\
launch seed 2010 do-nothing: 9d80927438a64308\n\
launch seed 2010 balanced: c3a5479cc313c027\n\
launch seed 2010 all-at-once: 4586f9164f5a727f\n\
crisis seed 2008 do-nothing: 905f87c86d0772be\n\
crisis seed 2008 balanced: 068d68487e4c968a\n\
crisis seed 2008 all-at-once: e2f7b658ee1d1f1c";

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

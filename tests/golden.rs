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
seed 1 do-nothing: 554850532442a2ef\n\
seed 1 balanced: 98c7e3251f6eade6\n\
seed 1 all-at-once: 0bf53d90a4edb944\n\
seed 1 cost-cutter: 789405e594616d1f\n\
seed 7 do-nothing: 4ff58269d2be1901\n\
seed 7 balanced: 3d81e05c8d459d10\n\
seed 7 all-at-once: e604dcd4e2b6a9a4\n\
seed 7 cost-cutter: d0b4b9ec95e0f0eb\n\
seed 42 do-nothing: c66890bcd8e98f94\n\
seed 42 balanced: 3cae7c1a5d131e20\n\
seed 42 all-at-once: da380ff6574f5ad8\n\
seed 42 cost-cutter: 4f520facd4e47096";

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
seed 2024 do-nothing: 30db2ade62671fe3\n\
seed 1 do-nothing: d70b79bccdd5fca0\n\
seed 99 do-nothing: a947e46c83496690\n\
seed 2024 balanced: 17a84beee8445da8\n\
seed 1 balanced: 8666cc69a767a6c4\n\
seed 99 balanced: fb1a0c3a6d43af6b\n\
seed 2024 all-at-once: ef954ab52e605c67\n\
seed 1 all-at-once: 1182e106641e329d\n\
seed 99 all-at-once: 7de487185de741ec\n\
seed 2024 sequenced: a3256ea6109b7eba\n\
seed 1 sequenced: aa72ae6957a09056\n\
seed 99 sequenced: bf99a43af3767d18\n\
seed 2024 cost-cutter: 7178c5f675bb16f4\n\
seed 1 cost-cutter: 95d5b8c9ef9c37f1\n\
seed 99 cost-cutter: 50db88569d919271\n\
tutorial seed 7 do-nothing: d3e2628f480743b0\n\
tutorial seed 7 balanced: 5be094ec05bdfc52\n\
tutorial seed 7 all-at-once: a812e5aab12aad81\n\
alpine seed 1989 do-nothing: 0d970597f917765a\n\
alpine seed 1989 balanced: 14bb8af993fa6cd3\n\
alpine seed 1989 all-at-once: 0577cbe1a7a1ca5b\n\
homecare seed 311 do-nothing: 8fe29bd65f0ca671\n\
homecare seed 311 balanced: b1b923f81f408bda\n\
homecare seed 311 all-at-once: 7bb1ace5bad90695\n\
storm seed 2004 do-nothing: a03bec09799c548a\n\
storm seed 2004 balanced: 541751bd8ad5f69d\n\
storm seed 2004 all-at-once: 247c8306b41d5276\n\
launch seed 2010 do-nothing: 4b71f96ac35dbf26\n\
launch seed 2010 balanced: 840e705a6dfe5468\n\
launch seed 2010 all-at-once: 9fe1b9cd75b22fb2\n\
crisis seed 2008 do-nothing: acdfd56a549b97e1\n\
crisis seed 2008 balanced: c9923ae780cae9f6\n\
crisis seed 2008 all-at-once: 4612f3f9516c634b";

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

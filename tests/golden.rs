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
seed 1 do-nothing: 871b8cbecaef7805\n\
seed 1 balanced: 77dd0fd7bd66d6bc\n\
seed 1 all-at-once: 648623d139bb01b8\n\
seed 1 cost-cutter: 32bacc5bdef23264\n\
seed 7 do-nothing: 5dfad779fc1a3a7b\n\
seed 7 balanced: 7ec5256486ad6a9e\n\
seed 7 all-at-once: 21539b7b3b61af25\n\
seed 7 cost-cutter: 065d1d4c9ec5c48a\n\
seed 42 do-nothing: e5e770332a79d0d4\n\
seed 42 balanced: d21be95464c03e42\n\
seed 42 all-at-once: 250666617c989e2b\n\
seed 42 cost-cutter: d9c6d210e004c86d";

#[test]
fn the_test_world_follows_its_golden_trajectories() {
    let got = hashes(&world()).join("\n");
    assert_eq!(
        MODEL_VERSION, 2,
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
seed 2024 do-nothing: 61b1d941f91a2bbc\n\
seed 1 do-nothing: 6f64fe5309980ff3\n\
seed 99 do-nothing: 50d671d8c39a1d2d\n\
seed 2024 balanced: 9a48681b8efcfdc2\n\
seed 1 balanced: 357b06006289ccec\n\
seed 99 balanced: 09a3a9131daece29\n\
seed 2024 all-at-once: eb0518d7f5bb2caa\n\
seed 1 all-at-once: ea708062c5382aa3\n\
seed 99 all-at-once: 530e508dfbac2f2d\n\
seed 2024 sequenced: 6ebd0e51fbb2657a\n\
seed 1 sequenced: e550e3ded4314103\n\
seed 99 sequenced: e50dea2d71b1fd3d\n\
seed 2024 cost-cutter: e50171e7f41a0131\n\
seed 1 cost-cutter: f3c2d2074343d4bd\n\
seed 99 cost-cutter: f89c13dfa684ab20\n\
tutorial seed 7 do-nothing: cfe6d4b75897399f\n\
tutorial seed 7 balanced: 0450184202a67620\n\
tutorial seed 7 all-at-once: 90aa94767e24b161\n\
alpine seed 1989 do-nothing: 6ecf5c23ade9ad79\n\
alpine seed 1989 balanced: 06c43200aec333e0\n\
alpine seed 1989 all-at-once: 108a26d1a843955e\n\
homecare seed 311 do-nothing: 3e9dbf1b90e34c82\n\
homecare seed 311 balanced: a760c30541656e06\n\
homecare seed 311 all-at-once: 4420f8795a1c13e9\n\
storm seed 2004 do-nothing: 3da1749357e4a458\n\
storm seed 2004 balanced: 5a5854cbd505159f\n\
storm seed 2004 all-at-once: bd75a80151506f55\n\
launch seed 2010 do-nothing: 0c5bc9d16b46a69f\n\
launch seed 2010 balanced: 52b114be55dd93ca\n\
launch seed 2010 all-at-once: 6b8ef1a4ba15a257\n\
crisis seed 2008 do-nothing: e80f35751e0574ab\n\
crisis seed 2008 balanced: b2f6ba98ab5d4d94\n\
crisis seed 2008 all-at-once: e7c68b842af314b9";

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

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
seed 1 do-nothing: 2318046a31d3e34a\n\
seed 1 balanced: fbd8e2b4ba5888bf\n\
seed 1 all-at-once: 28bbc3d14a75f051\n\
seed 1 cost-cutter: bbb157ca3cd621ed\n\
seed 7 do-nothing: 14e849474f43844e\n\
seed 7 balanced: a677891bac89dad5\n\
seed 7 all-at-once: 37a8e116e8983fbe\n\
seed 7 cost-cutter: 8e3f9f6ed3df3a44\n\
seed 42 do-nothing: c57a58b756cf8d95\n\
seed 42 balanced: 007b6c63b15143af\n\
seed 42 all-at-once: 23e33371dc30babf\n\
seed 42 cost-cutter: 29a31293d39cdfb7";

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
seed 2024 do-nothing: 0497521abaa9b3b1\n\
seed 1 do-nothing: f2578504e1f79027\n\
seed 99 do-nothing: 3eb1428d2260fb9a\n\
seed 2024 balanced: 81a6f486c7f862b7\n\
seed 1 balanced: 7aed590df56c7f15\n\
seed 99 balanced: 1289d505eab26052\n\
seed 2024 all-at-once: 4858839a5727053d\n\
seed 1 all-at-once: 899d0e595cee2a46\n\
seed 99 all-at-once: 97d801cde41857f0\n\
seed 2024 sequenced: b36ac2cb08a9dd1a\n\
seed 1 sequenced: 1dbbc9fd0ac5e983\n\
seed 99 sequenced: e77788771322cbaf\n\
seed 2024 cost-cutter: 825ba50648f99330\n\
seed 1 cost-cutter: 421d1a78501464c1\n\
seed 99 cost-cutter: 11d938c1147bb241\n\
tutorial seed 7 do-nothing: 32d7efc1ffb88737\n\
tutorial seed 7 balanced: a6754bf1481ead71\n\
tutorial seed 7 all-at-once: 90aa94767e24b161\n\
alpine seed 1989 do-nothing: 251f33210c539c8f\n\
alpine seed 1989 balanced: 5cd55f0ec9214422\n\
alpine seed 1989 all-at-once: dce20f1b1d3f2b13\n\
homecare seed 311 do-nothing: babc4a28c081f647\n\
homecare seed 311 balanced: a760c30541656e06\n\
homecare seed 311 all-at-once: ba75a8e07d082d78\n\
storm seed 2004 do-nothing: d14270a9b009e307\n\
storm seed 2004 balanced: 5a5854cbd505159f\n\
storm seed 2004 all-at-once: bd75a80151506f55\n\
launch seed 2010 do-nothing: 53aa226fb1374945\n\
launch seed 2010 balanced: b9cf9b06acb1da99\n\
launch seed 2010 all-at-once: 3f6847e530838d4b\n\
crisis seed 2008 do-nothing: 0c2abead727000f7\n\
crisis seed 2008 balanced: 9a2d5be261e354c2\n\
crisis seed 2008 all-at-once: 1f74754e224099f9";

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

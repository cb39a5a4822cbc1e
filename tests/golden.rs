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
seed 1 do-nothing: f3bcf18ba2e55ff6\n\
seed 1 balanced: c680633035f8e05f\n\
seed 1 all-at-once: bac1af1e1b105948\n\
seed 1 cost-cutter: fd644cafe33d3ce5\n\
seed 7 do-nothing: 65123f94d0d56cef\n\
seed 7 balanced: 1cfe2b9519ed17d4\n\
seed 7 all-at-once: f3f8bf14d297faee\n\
seed 7 cost-cutter: 0b25e8bc80471448\n\
seed 42 do-nothing: 212abc8b9784daf5\n\
seed 42 balanced: e9b68a50ef613ea7\n\
seed 42 all-at-once: de4d58c34bbe81a8\n\
seed 42 cost-cutter: 09b8ccc9bf8bd671";

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
seed 2024 do-nothing: b4049794b41bf28f\n\
seed 1 do-nothing: ebe3897d4d165820\n\
seed 99 do-nothing: da047a6e1a47ddec\n\
seed 2024 balanced: f0f935bca51c7f24\n\
seed 1 balanced: cb6df736d1a63354\n\
seed 99 balanced: aa11bb89ed9dea06\n\
seed 2024 all-at-once: ac9077014b04dd04\n\
seed 1 all-at-once: 4c15cf9f2b53bd92\n\
seed 99 all-at-once: 4a05dda2966aec54\n\
seed 2024 sequenced: 32a4cd7fe5bfbc4f\n\
seed 1 sequenced: d065670a46350997\n\
seed 99 sequenced: e4a406589341132a\n\
seed 2024 cost-cutter: d716e6a2e8cafb7e\n\
seed 1 cost-cutter: fc6766eae87e6fdd\n\
seed 99 cost-cutter: 88eac856a624bbd2\n\
tutorial seed 7 do-nothing: d3e2628f480743b0\n\
tutorial seed 7 balanced: df903bd5d5adcb52\n\
tutorial seed 7 all-at-once: a1a096ddb39cf125\n\
alpine seed 1989 do-nothing: 9316a442ddcb23eb\n\
alpine seed 1989 balanced: 612a43b99590ad32\n\
alpine seed 1989 all-at-once: 5bf378deb39a5415\n\
homecare seed 311 do-nothing: 71f5b80c2a4891aa\n\
homecare seed 311 balanced: 7def1857e16ca16e\n\
homecare seed 311 all-at-once: c1a7715555922126\n\
storm seed 2004 do-nothing: acf12db5e1b48bc5\n\
storm seed 2004 balanced: c7ad47098fd3aa17\n\
storm seed 2004 all-at-once: 567a74857008ea80\n\
launch seed 2010 do-nothing: 40a709b6eaa8ff51\n\
launch seed 2010 balanced: 8b0860563e866778\n\
launch seed 2010 all-at-once: 35c7d101620eda42\n\
crisis seed 2008 do-nothing: 11874797eeb0e4ee\n\
crisis seed 2008 balanced: 0d855c983ccb92b7\n\
crisis seed 2008 all-at-once: 35216e4b833d3530";

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

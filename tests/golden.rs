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
seed 1 do-nothing: 5ecf94bd49b65997\n\
seed 1 balanced: b04e2b9943a18cbd\n\
seed 1 all-at-once: 178017300f7b8199\n\
seed 1 cost-cutter: f6683b02c94c74ff\n\
seed 7 do-nothing: 20e1ecca67870f82\n\
seed 7 balanced: 55b84c0ed8650187\n\
seed 7 all-at-once: 33eff13387864d4c\n\
seed 7 cost-cutter: 5db33a250192cf72\n\
seed 42 do-nothing: c5e895b52f1d6064\n\
seed 42 balanced: 7661ffcd861c0c54\n\
seed 42 all-at-once: 04ff188595b7557c\n\
seed 42 cost-cutter: cb2f7247c72dae81";

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
seed 2024 do-nothing: 6831eafcbe315cd9\n\
seed 1 do-nothing: 1eb473b79d1f8264\n\
seed 99 do-nothing: 6be8bf0135bf30ec\n\
seed 2024 balanced: 138a8d9ebe26e241\n\
seed 1 balanced: acfd9dc4ec127861\n\
seed 99 balanced: 7bd3aed0ada39363\n\
seed 2024 all-at-once: 5de01502063082c5\n\
seed 1 all-at-once: 949a321c54d43a12\n\
seed 99 all-at-once: c186a668cbb8de7d\n\
seed 2024 sequenced: 6e493930c2b4c67e\n\
seed 1 sequenced: b2afe6d44e424ade\n\
seed 99 sequenced: 369c187f53d5d8da\n\
seed 2024 cost-cutter: 3291b44685d4606d\n\
seed 1 cost-cutter: 51cc78b8bde9ab7c\n\
seed 99 cost-cutter: 96242baf69996deb\n\
tutorial seed 7 do-nothing: 965918b4c783d7ae\n\
tutorial seed 7 balanced: 2a726ff683c9e442\n\
tutorial seed 7 all-at-once: a933a90c8624c743\n\
alpine seed 1989 do-nothing: 5731535b67fca644\n\
alpine seed 1989 balanced: b27eb88a56fc4f75\n\
alpine seed 1989 all-at-once: 1ec132fb3a98b091\n\
homecare seed 311 do-nothing: feeb6f023c9118c5\n\
homecare seed 311 balanced: 1b8f0a859259f276\n\
homecare seed 311 all-at-once: b5a754d78684433f\n\
storm seed 2004 do-nothing: 0ebddae27959eef9\n\
storm seed 2004 balanced: 08fcdd838f94db1e\n\
storm seed 2004 all-at-once: aa537bea901ace10\n\
launch seed 2010 do-nothing: 8552dcc99c6f129a\n\
launch seed 2010 balanced: 0a7e37991aa50d1d\n\
launch seed 2010 all-at-once: 58f73889a56d388e\n\
crisis seed 2008 do-nothing: a8596994d991d583\n\
crisis seed 2008 balanced: a7c634f96c5246a2\n\
crisis seed 2008 all-at-once: 5a03eac79bfcc943";

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

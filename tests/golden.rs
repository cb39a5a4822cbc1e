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
seed 1 do-nothing: de4468422c176b65\n\
seed 1 balanced: fb7672b4c616370d\n\
seed 1 all-at-once: 3d54b90c3e08c13a\n\
seed 1 cost-cutter: ca70ccaeb8712db7\n\
seed 7 do-nothing: ad66bb1cc0374cfb\n\
seed 7 balanced: d00cd595b32bfa9a\n\
seed 7 all-at-once: 69a3b98f2d8782b1\n\
seed 7 cost-cutter: 46a7b4ea603f68b0\n\
seed 42 do-nothing: 00157788007971a9\n\
seed 42 balanced: 5931c44cf65c0804\n\
seed 42 all-at-once: c885e8bfc22fe6c6\n\
seed 42 cost-cutter: 8d3d609a3fb98d5b";

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
seed 2024 do-nothing: 4106ca99531a6765\n\
seed 1 do-nothing: 7a7d6ff8bd871839\n\
seed 99 do-nothing: 4644280d98beb06c\n\
seed 2024 balanced: 22a3a238041a3e90\n\
seed 1 balanced: 17072acea935c411\n\
seed 99 balanced: 7a9c0b3e72660962\n\
seed 2024 all-at-once: f78ca3fe1f9b5834\n\
seed 1 all-at-once: d7fa3a8c3e943bcf\n\
seed 99 all-at-once: d1f65af963612674\n\
seed 2024 sequenced: 0381ff733de7314e\n\
seed 1 sequenced: ab1d29e13d639e4b\n\
seed 99 sequenced: b9c5c1e0cde1c42b\n\
seed 2024 cost-cutter: 7771bd565a027b48\n\
seed 1 cost-cutter: 0e37a3450e8765f8\n\
seed 99 cost-cutter: 6294f3562a2f15b2\n\
tutorial seed 7 do-nothing: 4c1083516294c41e\n\
tutorial seed 7 balanced: 4129860b635ff0ef\n\
tutorial seed 7 all-at-once: ba23a16876fd45aa\n\
alpine seed 1989 do-nothing: 80d40dff6c1a5a5d\n\
alpine seed 1989 balanced: 7e4a9dea6a9dead9\n\
alpine seed 1989 all-at-once: de0b8a21871368c4\n\
homecare seed 311 do-nothing: b38175611c6a9641\n\
homecare seed 311 balanced: 2c636fb41a9b06f2\n\
homecare seed 311 all-at-once: ee0e5b23c5fff3e4\n\
storm seed 2004 do-nothing: d58cc9aa427a1038\n\
storm seed 2004 balanced: ee635f43fb1cdf2c\n\
storm seed 2004 all-at-once: b05d37caa925de6b\n\
launch seed 2010 do-nothing: 751327619b08d984\n\
launch seed 2010 balanced: 371b3e42bc8e4417\n\
launch seed 2010 all-at-once: 0396b1bb3199603f\n\
crisis seed 2008 do-nothing: cda6573a351d94ee\n\
crisis seed 2008 balanced: 089829853a8f003a\n\
crisis seed 2008 all-at-once: b63175f3052a63d4";

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

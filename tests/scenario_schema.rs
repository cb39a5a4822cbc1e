//! The JSON Schema: the shipped copy is what `culturesim scenario schema`
//! prints, every shipped scenario validates against it, and it refuses
//! what the checker refuses.

#![allow(clippy::expect_used)] // test helpers: a failure here is a failed test

use culturesim::scenario::schema::{schema, schema_text};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn shipped_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("scenarios"))
        .expect("scenarios folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

fn as_json(toml_text: &str) -> serde_json::Value {
    toml::from_str(toml_text).expect("valid TOML")
}

fn errors(instance: &serde_json::Value) -> Vec<String> {
    let validator =
        jsonschema::validator_for(&schema()).expect("the schema is a valid JSON Schema");
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_shipped_schema_file_is_up_to_date() {
    let file = std::fs::read_to_string(root().join("scenarios/culturesim.schema.json"))
        .unwrap_or_default();
    assert!(
        file == schema_text(),
        "scenarios/culturesim.schema.json is stale: run `cargo run -- scenario schema > scenarios/culturesim.schema.json`"
    );
}

#[test]
fn every_shipped_scenario_validates_and_names_the_schema() {
    let files = shipped_files();
    assert!(!files.is_empty());
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        assert!(
            text.starts_with("#:schema ./culturesim.schema.json"),
            "{}: start the file with `#:schema ./culturesim.schema.json` for editors",
            file.display()
        );
        let problems = errors(&as_json(&text));
        assert!(problems.is_empty(), "{}: {problems:#?}", file.display());
    }
}

#[test]
fn the_schema_refuses_what_the_checker_refuses() {
    let text =
        std::fs::read_to_string(root().join("scenarios/electronics.toml")).expect("readable");
    let base = as_json(&text);
    let mut unknown = base.clone();
    unknown["quartres"] = serde_json::json!(12);
    assert!(!errors(&unknown).is_empty(), "unknown key");
    let mut range = base.clone();
    range["quarters"] = serde_json::json!(500);
    assert!(!errors(&range).is_empty(), "out of range");
    let mut target = base.clone();
    target["event"][1]["effects"][0]["target"] = serde_json::json!("moral");
    assert!(!errors(&target).is_empty(), "unknown target");
    let mut both = base;
    both["event"][1]["effects"][0]["add"] = serde_json::json!(1);
    assert!(!errors(&both).is_empty(), "add and multiply together");
}

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

/// The checks only `scenario check` makes: relations between keys, which
/// a JSON Schema cannot state. A file the checker refuses for one of these
/// alone may pass the schema; for anything else, the two must agree.
const CROSS_KEY: &[&str] = &[
    "duplicate id",
    "duplicate plan id",
    "no choice",
    "quarter ",
    "latest (",
    "from = ",
    "unknown plan",
    "compares ",
    "vision, insight, skills and marketing add up to",
    "the starting cash",
    "every = ",
    "no dilemma",
    "no initiative",
    "below (",
    "is started twice",
    "is the name of a reference plan",
];

/// Whether the checker and the schema accept a file: (checker's errors,
/// schema's errors). A file that is not TOML is refused by both (the
/// schema never sees it).
fn both(bytes: &[u8], name: &str) -> (Vec<String>, Vec<String>) {
    let checker = match culturesim::scenario::parse(bytes, name, name) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems().iter().map(|p| p.message.clone()).collect(),
    };
    let text = String::from_utf8_lossy(&culturesim::diag::normalize(bytes)).into_owned();
    let schema = match toml::from_str::<serde_json::Value>(&text) {
        Ok(json) => errors(&json),
        Err(e) => vec![format!("not TOML: {e}")],
    };
    (checker, schema)
}

fn disagreement(name: &str, checker: &[String], schema: &[String]) -> Option<String> {
    match (checker.is_empty(), schema.is_empty()) {
        (true, false) => Some(format!(
            "{name}: the checker accepts it, the schema refuses: {schema:#?}"
        )),
        (false, true)
            if !checker
                .iter()
                .all(|m| CROSS_KEY.iter().any(|c| m.starts_with(c))) =>
        {
            Some(format!(
                "{name}: the checker refuses it, the schema accepts: {checker:#?}"
            ))
        }
        _ => None,
    }
}

#[test]
fn the_checker_and_the_schema_agree_on_every_fixture() {
    let mut files = Vec::new();
    for dir in [
        "tests/fixtures/scenario",
        "tests/fixtures/mistakes",
        "tests/fixtures/lab",
    ] {
        files.extend(
            std::fs::read_dir(root().join(dir))
                .expect("fixtures")
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml")),
        );
    }
    files.extend(shipped_files());
    files.sort();
    assert!(files.len() >= 45, "{} files", files.len());
    let mut differ = Vec::new();
    let mut refused_by_both = 0;
    for file in &files {
        let bytes = std::fs::read(file).expect("readable");
        let (checker, schema) = both(&bytes, &file.display().to_string());
        refused_by_both += usize::from(!checker.is_empty() && !schema.is_empty());
        differ.extend(disagreement(&file.display().to_string(), &checker, &schema));
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    assert!(
        refused_by_both >= 20,
        "only {refused_by_both} fixtures are refused by both"
    );
}

#[test]
fn edits_the_guide_warns_of_are_refused_or_accepted_by_both() {
    let base = std::fs::read_to_string(root().join("tests/fixtures/scenario/valid-minimal.toml"))
        .expect("readable");
    let event = "\n[[event]]\nid = \"e\"\ntitle = \"E\"\ntext = \"x\"\nchance = 0.2\n";
    let cases: &[(&str, String, bool)] = &[
        (
            "condition without below or above",
            format!("{base}{event}when = [{{ stock = \"culture\" }}]\n"),
            false,
        ),
        (
            "line break in a title",
            base.replace("title = \"Mini\"", "title = \"Mi\\nni\""),
            false,
        ),
        (
            "escape in a title",
            base.replace("title = \"Mini\"", "title = \"Mi\\u001bni\""),
            false,
        ),
        (
            "direction override in a summary",
            base.replace("A tiny", "A \\u202e tiny"),
            false,
        ),
        (
            "blank title",
            base.replace("title = \"Mini\"", "title = \"   \""),
            false,
        ),
        (
            "tab in a title (a warning)",
            base.replace("title = \"Mini\"", "title = \"Mi\\tni\""),
            true,
        ),
        (
            "line break in a story",
            base.replace("A small firm.", "A small\\nfirm."),
            true,
        ),
        (
            "empty score weights",
            format!("{base}\n[scoring]\nweights = {{}}\n"),
            false,
        ),
        (
            "quarters written 16.0",
            base.replace("quarters = 8", "quarters = 8.0"),
            true,
        ),
        (
            "quarters written 8.5",
            base.replace("quarters = 8", "quarters = 8.5"),
            false,
        ),
        (
            "NaN budget",
            base.replace("budget = 400", "budget = nan"),
            false,
        ),
        (
            "infinite budget",
            base.replace("budget = 400", "budget = inf"),
            false,
        ),
        (
            "model parameter out of range",
            format!("{base}\n[model]\nfatigue_rate = -1\n"),
            false,
        ),
    ];
    let mut differ = Vec::new();
    for (what, text, ok) in cases {
        let (checker, schema) = both(text.as_bytes(), what);
        if checker.is_empty() != *ok || schema.is_empty() != *ok {
            differ.push(format!(
                "{what}: expected ok = {ok}; checker {checker:?}; schema {schema:?}"
            ));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

#[test]
fn every_key_at_every_depth_has_hover_text_and_model_defaults_are_stated() {
    fn walk(v: &serde_json::Value, at: &str, missing: &mut Vec<String>) {
        if let Some(props) = v.get("properties").and_then(|p| p.as_object()) {
            for (k, p) in props {
                let here = format!("{at}.{k}");
                if p.get("description")
                    .and_then(|d| d.as_str())
                    .is_none_or(str::is_empty)
                {
                    missing.push(here.clone());
                }
                walk(p, &here, missing);
            }
        }
        if let Some(items) = v.get("items") {
            if items.get("description").is_none() {
                missing.push(format!("{at}[]"));
            }
            walk(items, &format!("{at}[]"), missing);
        }
    }
    let s = schema();
    let mut missing = Vec::new();
    walk(&s, "", &mut missing);
    assert!(missing.is_empty(), "no description: {missing:?}");
    for (name, key) in [
        ("event", "id"),
        ("dilemma", "id"),
        ("initiative", "id"),
        ("expect", "metric"),
        ("plan", "id"),
    ] {
        let d = s["properties"][name]["items"]["properties"][key]["description"].as_str();
        assert!(d.is_some_and(|d| !d.is_empty()), "{name}: {d:?}");
    }
    let model = s["properties"]["model"]["properties"]
        .as_object()
        .expect("model");
    assert!(model.len() >= 60);
    for (k, p) in model {
        let d = p["description"].as_str().unwrap_or_default();
        assert!(d.contains("Default "), "{k}: {d}");
        assert!(p.get("default").is_some(), "{k}");
    }
}

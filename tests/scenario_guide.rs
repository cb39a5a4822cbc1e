//! The scenario author's guide (`scenarios/README.md`) keeps up with the
//! format: every key of the spec table, every word an author may write
//! (stocks, targets, plans, metrics) and every model parameter appears in
//! it, written as code (`key`). And every scenario in `scenarios/` passes
//! `scenario check`, starts with the `#:schema` line editors use, and is
//! listed in the guide.

use culturesim::scenario::command::check;
use culturesim::scenario::spec::{KeySpec, Kind, NumberKeys, SCENARIO, Words};
use culturesim::sim::ModelParams;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn guide() -> String {
    std::fs::read_to_string("scenarios/README.md").unwrap_or_default()
}

/// Every name an author may write, with where it comes from: the keys of
/// every table (walked from the top level), the keys of the numbers tables
/// (`[start]`, `[model]`, `[scoring] weights`, prices by segment) and the
/// words a key may hold.
fn names(specs: &'static [KeySpec], path: &str, out: &mut BTreeSet<(String, String)>) {
    for spec in specs {
        let here = if path.is_empty() {
            spec.key.to_string()
        } else {
            format!("{path}.{}", spec.key)
        };
        out.insert((spec.key.to_string(), here.clone()));
        match spec.kind {
            Kind::Table(of) | Kind::Tables { of, .. } => names(of, &here, out),
            Kind::Numbers(set) => {
                for entry in set.entries() {
                    out.insert((entry.key.to_string(), format!("{here}.{}", entry.key)));
                }
            }
            Kind::Word(words) => {
                for word in words.keys() {
                    out.insert((word.to_string(), format!("{here} = \"{word}\"")));
                }
            }
            _ => {}
        }
    }
}

#[test]
fn the_guide_names_every_key_and_word_of_the_format() {
    let guide = guide();
    assert!(!guide.is_empty(), "scenarios/README.md is missing");
    let mut all = BTreeSet::new();
    names(SCENARIO, "", &mut all);
    // The sets the walk reaches only through a table, named here too so a
    // new set cannot slip past.
    for set in [
        NumberKeys::Start,
        NumberKeys::Model,
        NumberKeys::Kpi,
        NumberKeys::Segment,
    ] {
        for entry in set.entries() {
            all.insert((entry.key.to_string(), format!("{set:?} {}", entry.key)));
        }
    }
    for words in [Words::Stock, Words::Target, Words::Metric, Words::Compare] {
        for word in words.keys() {
            all.insert((word.to_string(), format!("{words:?} {word}")));
        }
    }
    assert!(all.len() > 100, "only {} names found", all.len());
    let missing: Vec<String> = all
        .iter()
        .filter(|(name, _)| !guide.contains(&format!("`{name}`")))
        .map(|(name, at)| format!("`{name}` ({at})"))
        .collect();
    assert!(
        missing.is_empty(),
        "scenarios/README.md does not mention, as code:\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn the_guide_gives_every_model_parameter_with_its_default() {
    let guide = guide();
    let missing: Vec<&str> = ModelParams::SPECS
        .iter()
        .filter(|p| {
            // The parameter's row: | `name` | default | min–max | doc |
            let row = guide
                .lines()
                .find(|l| l.starts_with(&format!("| `{}` |", p.name)));
            !row.is_some_and(|r| r.contains(&format!("| {} |", p.default)))
        })
        .map(|p| p.name)
        .collect();
    assert!(
        missing.is_empty(),
        "the [model] table of scenarios/README.md lacks these parameters or their defaults: {missing:?}"
    );
}

fn scenario_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("scenarios")
        .map(|dir| {
            dir.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn every_scenario_in_the_folder_passes_check() {
    let files = scenario_files();
    assert!(
        files.len() >= 6,
        "only {} scenarios in scenarios/",
        files.len()
    );
    let out = check(&files);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.lines().count(), files.len(), "{}", out.stdout);
}

#[test]
fn every_scenario_starts_with_the_schema_line_and_is_in_the_guide() {
    let guide = guide();
    for file in scenario_files() {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            text.starts_with("#:schema ./culturesim.schema.json\n"),
            "{} does not start with the #:schema line",
            file.display()
        );
        let id = Path::new(&file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        assert!(
            guide.contains(&format!("| `{id}` |")),
            "{id} is not in the guide's table of shipped scenarios"
        );
    }
}

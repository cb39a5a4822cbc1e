//! Older save formats → the current one, one version step at a time, on
//! the raw TOML table (before the fields are read), so that a class's
//! saves keep verifying after culturesim changes its file layout.
//!
//! Format 0, the prototype's, was flat and wrote hashes as TOML integers
//! (the u64 bits read as an i64), which no one could compare by eye:
//!
//! ```toml
//! version = 0
//! model = 1
//! scenario = "electronics"
//! scenario_hash = -3750763034362895579
//! seed = 42
//! player = "Team Blue"
//!
//! [summary]            # as in format 1
//! quarter = 1
//! # …
//!
//! [[decisions]]        # one per quarter, with the checksum inside
//! checksum = 8106974382264331215
//! vision = 25.0
//! ```

use super::format::{FORMAT, Hex64};
use toml::{Table, Value};

/// Migrates `table`, written in format version `from`, to [`FORMAT`].
pub fn upgrade(mut table: Table, from: u32) -> Result<Table, String> {
    let mut version = from;
    while version < FORMAT {
        table = match version {
            0 => v0_to_v1(table)?,
            1 => v1_to_v2(table),
            v => return Err(format!("no migration from format version {v}")),
        };
        version += 1;
    }
    Ok(table)
}

/// Format 0 → 1: nest the scenario, write hashes as hex, number the quarters.
fn v0_to_v1(mut t: Table) -> Result<Table, String> {
    let take = |t: &mut Table, key: &str| t.remove(key).ok_or(format!("missing field `{key}`"));
    t.remove("version");
    let model = take(&mut t, "model")?;
    let id = take(&mut t, "scenario")?;
    let hash = hex(&take(&mut t, "scenario_hash")?, "scenario_hash")?;
    let id_text = id
        .as_str()
        .ok_or("`scenario` must be a string")?
        .to_string();

    let mut scenario = Table::new();
    scenario.insert("id".into(), id);
    // Format 0 only played shipped scenarios, and had no titles.
    scenario.insert("title".into(), Value::String(id_text.clone()));
    scenario.insert("hash".into(), hash);
    scenario.insert("origin".into(), Value::String(format!("builtin:{id_text}")));

    let mut quarters = Vec::new();
    if let Some(list) = t.remove("decisions") {
        let list = match list {
            Value::Array(a) => a,
            other => {
                return Err(format!(
                    "`decisions` must be a list, not a {}",
                    other.type_str()
                ));
            }
        };
        for (n, entry) in list.into_iter().enumerate() {
            let Value::Table(mut decisions) = entry else {
                return Err(format!("decisions[{n}] must be a table"));
            };
            let key = format!("decisions[{n}].checksum");
            let checksum = decisions
                .remove("checksum")
                .ok_or(format!("missing field `{key}`"))?;
            let mut q = Table::new();
            q.insert("quarter".into(), Value::Integer(n as i64 + 1));
            q.insert("checksum".into(), hex(&checksum, &key)?);
            q.insert("decisions".into(), Value::Table(decisions));
            quarters.push(Value::Table(q));
        }
    }

    t.insert("format".into(), Value::Integer(1));
    t.insert("model_version".into(), model);
    t.insert("scenario".into(), Value::Table(scenario));
    t.insert("quarter".into(), Value::Array(quarters));
    Ok(t)
}

/// Format 1 → 2: the layout is the same. Format 2 adds `start` and
/// `seal`, which an older file cannot have (so its player and date are
/// not sealed: `verify` says so), and its `scenario.hash` is of the file's
/// bytes, which verification compares with [`crate::scenario::Scenario::file_hash`].
fn v1_to_v2(mut t: Table) -> Table {
    t.insert("format".into(), Value::Integer(2));
    t
}

/// A format-0 integer hash (u64 bits in an i64) as a format-1 hex string.
fn hex(v: &Value, key: &str) -> Result<Value, String> {
    let i = v
        .as_integer()
        .ok_or(format!("`{key}` must be an integer in format version 0"))?;
    Ok(Value::String(Hex64(i as u64).to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::save::format::{Save, SavedOutcome};

    const V0: &str = r#"
version = 0
model = 1
scenario = "electronics"
scenario_hash = -1
seed = 42
player = "Team Blue"

[summary]
quarter = 2
quarters = 20
score = 12.5
outcome = "playing"
written = 2026-11-23T15:02:07Z

[[decisions]]
checksum = 1
vision = 25.0

[[decisions]]
checksum = -2
insight = 10.0
initiatives = ["workshop"]
answers = { price_war = "hold" }
"#;

    #[test]
    fn format_0_becomes_format_1() -> Result<(), String> {
        let table: Table = toml::from_str(V0).map_err(|e| e.to_string())?;
        let save: Save = upgrade(table, 0)?
            .try_into()
            .map_err(|e: toml::de::Error| e.to_string())?;
        assert_eq!(save.format, FORMAT);
        assert_eq!(save.model_version, 1);
        assert_eq!(save.scenario.id, "electronics");
        assert_eq!(save.scenario.origin, "builtin:electronics");
        assert_eq!(save.scenario.hash, Hex64(u64::MAX));
        assert_eq!(save.summary.outcome, SavedOutcome::Playing);
        let numbers: Vec<u32> = save.quarters.iter().map(|q| q.quarter).collect();
        assert_eq!(numbers, [1, 2]);
        assert_eq!(save.quarters[1].checksum, Hex64(u64::MAX - 1));
        assert_eq!(save.quarters[1].decisions.initiatives, ["workshop"]);
        assert_eq!(save.quarters[1].decisions.answers["price_war"], "hold");
        Ok(())
    }

    #[test]
    fn a_format_0_file_missing_a_field_says_which() {
        let table: Table = toml::from_str("version = 0\nmodel = 1\n").unwrap_or_default();
        assert_eq!(
            upgrade(table, 0).err().as_deref(),
            Some("missing field `scenario`")
        );
    }
}

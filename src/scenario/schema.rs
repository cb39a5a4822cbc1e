//! The JSON Schema of the scenario format, generated from the key table in
//! [`super::spec`], so editors (VS Code with Even Better TOML, Taplo) can
//! complete and check keys while an author types. `culturesim scenario
//! schema` prints it; `scenarios/culturesim.schema.json` is a copy that a
//! test keeps up to date, and `tests/scenario_schema.rs` feeds every
//! fixture to both the checker and the schema to keep them agreeing.
//!
//! What a schema cannot say is checked only by `culturesim scenario
//! check`: relations between keys (ids unique across the file, a
//! dilemma's default naming one of its choices, quarters within the
//! scenario's length, below above above, a plan within the budget).
//! Hover text: every key, at every depth, has a description, and so has
//! every `[[…]]` entry.

use super::message::fmt_num;
use super::spec::{KeySpec, Kind, NumberKeys, Presence, SCENARIO};
use serde_json::{Map, Value, json};

/// Keys of one table of which exactly one must be given.
const EXCLUSIVE: [(&str, &str); 3] = [
    ("add", "multiply"),
    ("quarter", "chance"),
    ("versus", "value"),
];

/// Keys of one table of which at least one must be given.
const AT_LEAST_ONE: [(&str, &str); 1] = [("below", "above")];

/// Characters a one-line text may not hold (as the checker's
/// `forbidden_char`): C0 controls but tab, DEL, C1 controls, direction
/// overrides and isolates. Texts over several lines may hold line breaks.
const LINE_FORBIDDEN: &str =
    "\\u0000-\\u0008\\u000a-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069";
const TEXT_FORBIDDEN: &str =
    "\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069";

/// The schema as a JSON value.
pub fn schema() -> Value {
    let mut root = object(SCENARIO);
    if let Value::Object(map) = &mut root {
        map.insert(
            "$schema".into(),
            json!("http://json-schema.org/draft-07/schema#"),
        );
        map.insert("title".into(), json!("culturesim scenario"));
        map.insert(
            "description".into(),
            json!("A scenario of culturesim. Check it with `culturesim scenario check FILE`; see scenarios/README.md."),
        );
    }
    root
}

/// The schema as pretty-printed text, ending with a newline.
pub fn schema_text() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    s.push('\n');
    s
}

fn describe(spec: &KeySpec) -> String {
    match spec.presence {
        Presence::Required => format!("{}.", spec.doc),
        Presence::Default(d) => format!("{}. Optional; default: {d}.", spec.doc),
    }
}

fn object(specs: &[KeySpec]) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for spec in specs {
        let mut v = kind(spec.kind);
        if let Value::Object(m) = &mut v {
            m.insert("description".into(), json!(describe(spec)));
            // Hover on a `[[event]]` header or inside an entry shows the
            // entry's description too.
            if let Some(Value::Object(items)) = m.get_mut("items") {
                items.insert(
                    "description".into(),
                    json!(format!("One entry of {}: {}.", spec.key, spec.doc)),
                );
            }
        }
        properties.insert(spec.key.into(), v);
        if spec.presence == Presence::Required {
            required.push(json!(spec.key));
        }
    }
    let mut out = Map::new();
    out.insert("type".into(), json!("object"));
    out.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        out.insert("required".into(), Value::Array(required));
    }
    out.insert("additionalProperties".into(), json!(false));
    let has = |k: &str| specs.iter().any(|s| s.key == k);
    let mut one_of: Vec<Value> = EXCLUSIVE
        .iter()
        .filter(|(a, b)| has(a) && has(b))
        .map(|(a, b)| json!({ "oneOf": [{ "required": [a] }, { "required": [b] }] }))
        .collect();
    one_of.extend(
        AT_LEAST_ONE
            .iter()
            .filter(|(a, b)| has(a) && has(b))
            .map(|(a, b)| json!({ "anyOf": [{ "required": [a] }, { "required": [b] }] })),
    );
    if !one_of.is_empty() {
        out.insert("allOf".into(), Value::Array(one_of));
    }
    Value::Object(out)
}

fn kind(kind: Kind) -> Value {
    match kind {
        Kind::Line { max } => text(max, LINE_FORBIDDEN),
        Kind::Text { max } => text(max, TEXT_FORBIDDEN),
        Kind::Id => json!({ "type": "string", "pattern": "^[a-z0-9_-]{1,40}$" }),
        Kind::Word(words) => json!({ "type": "string", "enum": words.keys() }),
        Kind::Integer { min, max } => json!({ "type": "integer", "minimum": min, "maximum": max }),
        Kind::Number { min, max } => json!({ "type": "number", "minimum": min, "maximum": max }),
        Kind::NumberOr { min, max, word } => json!({
            "anyOf": [{ "type": "number", "minimum": min, "maximum": max }, { "const": word }]
        }),
        Kind::Bool => json!({ "type": "boolean" }),
        Kind::Table(specs) => object(specs),
        Kind::Numbers(keys) => {
            let mut properties = Map::new();
            for k in keys.entries() {
                let range = format!("from {} to {}", fmt_num(k.min), fmt_num(k.max));
                let mut p = json!({ "type": "number", "minimum": k.min, "maximum": k.max });
                let doc = match k.default {
                    Some(d) => {
                        p["default"] = json!(d);
                        format!("{}. Default {}; {range}.", k.doc, fmt_num(d))
                    }
                    None => format!("{}. {range}.", k.doc),
                };
                p["description"] = json!(doc);
                properties.insert(k.key.into(), p);
            }
            let mut t = json!({ "type": "object", "properties": properties, "additionalProperties": false });
            // A score with no weights is always 0: the checker refuses it.
            if keys == NumberKeys::Kpi {
                t["minProperties"] = json!(1);
            }
            t
        }
        Kind::Tables { of, min, max } => json!({
            "type": "array",
            "items": object(of),
            "minItems": min,
            "maxItems": max,
        }),
    }
}

/// A text: not blank, no forbidden character, at most `max` characters.
fn text(max: usize, forbidden: &str) -> Value {
    json!({
        "type": "string",
        "minLength": 1,
        "maxLength": max,
        // Anchored, without look-ahead, so every JSON Schema engine reads it.
        "pattern": format!("^[^{forbidden}]*[^\\s{forbidden}][^{forbidden}]*$"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_top_level_key_is_described_and_unknown_keys_are_refused() {
        let s = schema();
        let props = s["properties"].as_object().map(|m| m.len()).unwrap_or(0);
        assert_eq!(props, SCENARIO.len());
        assert_eq!(s["additionalProperties"], json!(false));
        assert_eq!(
            s["properties"]["event"]["items"]["allOf"][0]["oneOf"][0]["required"][0],
            "quarter"
        );
        assert!(
            s["properties"]["quarters"]["description"]
                .as_str()
                .is_some_and(|d| d.contains("quarters"))
        );
    }
}

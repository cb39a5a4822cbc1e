//! The scenario hash saves record: of the parsed, canonical scenario, not
//! of the file's bytes, so that comments, spacing, key order and the way a
//! value is written (`1_000` or `1000`, 'x' or "x") do not change it, while
//! any change to what the game plays or shows does.
//!
//! The canonical form is a tagged, length-prefixed walk of the TOML tree
//! with keys sorted; floats by their bits. FNV-1a over it, like every hash
//! in culturesim, so it is the same on every platform.

use super::content_hash;
use toml::{Table, Value};

/// The canonical hash of a scenario file's text. Text that is not TOML
/// (which no valid scenario is) falls back to the hash of its bytes.
pub fn canonical_hash(text: &str) -> u64 {
    match text.parse::<Table>() {
        Ok(table) => {
            let mut out = Vec::with_capacity(text.len());
            out.extend_from_slice(b"culturesim-scenario-1");
            table_bytes(&table, &mut out);
            content_hash(&out)
        }
        Err(_) => content_hash(text.as_bytes()),
    }
}

fn table_bytes(table: &Table, out: &mut Vec<u8>) {
    let mut keys: Vec<&String> = table.keys().collect();
    keys.sort();
    out.push(b'{');
    len(keys.len(), out);
    for key in keys {
        text_bytes(key, out);
        if let Some(v) = table.get(key) {
            value_bytes(v, out);
        }
    }
}

fn value_bytes(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::String(s) => {
            out.push(b's');
            text_bytes(s, out);
        }
        Value::Integer(i) => {
            out.push(b'i');
            out.extend_from_slice(&i.to_le_bytes());
        }
        Value::Float(f) => {
            out.push(b'f');
            // -0.0 and 0.0 play alike; every NaN is one value.
            let f = if *f == 0.0 { 0.0 } else { *f };
            let bits = if f.is_nan() { u64::MAX } else { f.to_bits() };
            out.extend_from_slice(&bits.to_le_bytes());
        }
        Value::Boolean(b) => out.extend_from_slice(if *b { b"T" } else { b"F" }),
        Value::Datetime(d) => {
            out.push(b'd');
            text_bytes(&d.to_string(), out);
        }
        Value::Array(items) => {
            out.push(b'[');
            len(items.len(), out);
            for v in items {
                value_bytes(v, out);
            }
        }
        Value::Table(t) => table_bytes(t, out),
    }
}

fn text_bytes(s: &str, out: &mut Vec<u8>) {
    len(s.len(), out);
    out.extend_from_slice(s.as_bytes());
}

fn len(n: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(&(n as u64).to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_spacing_and_order_do_not_change_the_hash() {
        let a = canonical_hash("id = \"x\"\nbudget = 400\n[briefing]\ngoal = 'win'\n");
        let b = canonical_hash(
            "#:schema x.json\n# a comment\nbudget   =   4_00 # why\nid=\"x\"\n\n[briefing]\n  goal = \"win\"\n",
        );
        assert_eq!(a, b);
        assert_ne!(
            a,
            canonical_hash("id = \"x\"\nbudget = 401\n[briefing]\ngoal = 'win'\n")
        );
        assert_ne!(
            a,
            canonical_hash("id = \"x\"\nbudget = 400.0\n[briefing]\ngoal = 'win'\n")
        );
        // Length prefixes: moving text between keys changes the hash.
        assert_ne!(
            canonical_hash("a = \"xy\"\nb = \"\"\n"),
            canonical_hash("a = \"x\"\nb = \"y\"\n")
        );
    }
}

//! The checked tree: a scenario file's values after every key, type,
//! range and text check of [`super::spec`] passed, each still carrying
//! where it was written so later checks can point at it. A value that
//! failed is absent here (its problem is already reported).

/// A value that passed its key's checks.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Text(String),
    Int(i64),
    Num(f64),
    Bool(bool),
    Table(Fields),
    List(Vec<Fields>),
}

/// A checked value and where it was written.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node {
    /// Byte offset of the value in the file.
    pub offset: usize,
    /// The TOML key path, e.g. `event[1].effects[0].target`.
    pub path: String,
    pub value: Value,
}

/// The checked keys of one table, in the order they were written.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Fields {
    /// Byte offset of the table (its header, or its opening brace).
    pub offset: usize,
    /// The table's key path (empty at the top level).
    pub path: String,
    /// Every key written, valid or not.
    pub written: Vec<String>,
    pub entries: Vec<(String, Node)>,
}

impl Fields {
    /// The checked value of a key.
    pub(crate) fn get(&self, key: &str) -> Option<&Node> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, n)| n)
    }

    /// Whether the author wrote the key (even with a bad value).
    pub(crate) fn has(&self, key: &str) -> bool {
        self.written.iter().any(|k| k == key)
    }

    pub(crate) fn text(&self, key: &str) -> Option<&str> {
        match self.get(key).map(|n| &n.value) {
            Some(Value::Text(s)) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn int(&self, key: &str) -> Option<i64> {
        match self.get(key).map(|n| &n.value) {
            Some(Value::Int(i)) => Some(*i),
            _ => None,
        }
    }

    /// A number; whole numbers count (authors write `budget = 400`).
    pub(crate) fn num(&self, key: &str) -> Option<f64> {
        self.get(key).and_then(Node::num)
    }

    pub(crate) fn flag(&self, key: &str) -> Option<bool> {
        match self.get(key).map(|n| &n.value) {
            Some(Value::Bool(b)) => Some(*b),
            _ => None,
        }
    }

    pub(crate) fn table(&self, key: &str) -> Option<&Fields> {
        match self.get(key).map(|n| &n.value) {
            Some(Value::Table(t)) => Some(t),
            _ => None,
        }
    }

    /// The tables of an array of tables (none when absent or invalid).
    pub(crate) fn list(&self, key: &str) -> &[Fields] {
        match self.get(key).map(|n| &n.value) {
            Some(Value::List(l)) => l,
            _ => &[],
        }
    }

    /// The offset to point at for a key: its value, or else the table.
    pub(crate) fn offset_of(&self, key: &str) -> usize {
        self.get(key).map_or(self.offset, |n| n.offset)
    }

    /// The key path of a key of this table.
    pub(crate) fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }
}

impl Node {
    /// The value as a number, if it is one.
    pub(crate) fn num(&self) -> Option<f64> {
        match self.value {
            Value::Num(x) => Some(x),
            Value::Int(i) => Some(i as f64),
            _ => None,
        }
    }
}

/// `parent.key`, quoting keys that are not bare words.
pub(crate) fn join(parent: &str, key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let key = if bare {
        key.to_string()
    } else {
        format!("\"{}\"", key.escape_debug())
    };
    if parent.is_empty() {
        key
    } else {
        format!("{parent}.{key}")
    }
}

/// The section header for a path: `dilemma[0].choice[2]` → `dilemma.choice`.
pub(crate) fn section(path: &str) -> String {
    let mut out = String::new();
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            _ if !in_index => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_and_sections_drop_indices() {
        assert_eq!(join("", "title"), "title");
        assert_eq!(join("event[1]", "effects"), "event[1].effects");
        assert_eq!(join("start", "a b"), "start.\"a b\"");
        assert_eq!(section("dilemma[0].choice[12]"), "dilemma.choice");
    }

    #[test]
    fn whole_numbers_read_as_numbers() {
        let f = Fields {
            entries: vec![(
                "budget".into(),
                Node {
                    offset: 0,
                    path: "budget".into(),
                    value: Value::Int(400),
                },
            )],
            ..Fields::default()
        };
        assert_eq!(f.num("budget"), Some(400.0));
        assert_eq!(f.int("budget"), Some(400));
        assert_eq!(f.text("budget"), None);
        assert!(f.list("event").is_empty());
    }
}

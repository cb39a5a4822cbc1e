//! The walk over the parsed TOML (a tree of spanned values) against the
//! key table of [`super::spec`]: unknown keys, missing keys, types, ranges
//! and text are all checked here, every problem is collected rather than
//! the first one returned, and what passes becomes the checked tree.

use super::error::Lines;
use super::message::{
    example, found, hint, lower_first, number, number_noun, range_message, shorten_number, want,
};
use super::spec::{KeySpec, Kind, NumberKeys, Presence, homes_of};
use super::suggest::{did_you_mean, help_with_choices};
use super::text::{describe_char, forbidden_char, id_problem, slug};
use super::tree::{Fields, Node, Value, join, section};
use crate::diag::{Collector, Severity};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Collects the problems of one file while walking it.
pub(crate) struct Checker<'a> {
    lines: &'a Lines<'a>,
    found: Collector,
    /// Keys found under the wrong header, with the section they belong
    /// to: not reported again as missing from that section.
    misplaced: Vec<(String, String)>,
}

impl<'a> Checker<'a> {
    pub(crate) fn new(lines: &'a Lines<'a>) -> Checker<'a> {
        Checker {
            lines,
            found: Collector::default(),
            misplaced: Vec::new(),
        }
    }

    /// Records a problem at a byte offset.
    pub(crate) fn report(&mut self, offset: usize, path: &str, message: String, help: String) {
        self.push(Severity::Error, offset, path, message, help);
    }

    /// Records a warning: allowed, shown, but almost certainly not meant.
    pub(crate) fn warn(&mut self, offset: usize, path: &str, message: String, help: String) {
        self.push(Severity::Warning, offset, path, message, help);
    }

    fn push(&mut self, sev: Severity, offset: usize, path: &str, message: String, help: String) {
        self.push_len(sev, offset, 0, path, message, help);
    }

    /// Records a diagnostic that underlines `len` bytes (0: the word there).
    fn push_len(
        &mut self,
        sev: Severity,
        offset: usize,
        len: usize,
        path: &str,
        message: String,
        help: String,
    ) {
        if self.found.full() {
            self.found.count(sev);
            return;
        }
        let help = (!help.is_empty()).then_some(help);
        let mut d = self.lines.diagnostic(sev, offset, path, message, help);
        d.len = len;
        self.found.push(d);
    }

    /// The diagnostics found, in file order.
    pub(crate) fn finish(self) -> Collector {
        let mut found = self.found;
        found.kept.sort_by_key(|d| (d.offset, d.severity));
        found
    }

    /// The 1-based line and column of a byte offset.
    pub(crate) fn locate(&self, offset: usize) -> (usize, usize) {
        self.lines.locate(offset)
    }

    /// Checks a table against its keys.
    pub(crate) fn table(
        &mut self,
        table: &DeTable<'_>,
        offset: usize,
        path: &str,
        specs: &[KeySpec],
    ) -> Fields {
        let mut fields = Fields {
            offset,
            path: path.to_string(),
            ..Fields::default()
        };
        // A misspelt key is reported once, as unknown with a suggestion,
        // not again as the missing key it was meant to be.
        let mut meant: Vec<&str> = Vec::new();
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            fields.written.push(name.to_string());
            let Some(spec) = specs.iter().find(|s| s.key == name) else {
                if self.found.full() {
                    // Only counted: wording it would cost time per key.
                    self.found.count(Severity::Error);
                    continue;
                }
                let keys: Vec<&str> = specs.iter().map(|s| s.key).collect();
                meant.extend(did_you_mean(name, &keys));
                self.unknown_key(key.span().start, path, name, &keys);
                continue;
            };
            let key_path = join(path, name);
            if let Some(v) = self.value(value, &key_path, spec) {
                let offset = value.span().start;
                let node = Node {
                    offset,
                    path: key_path,
                    value: v,
                };
                fields.entries.push((name.to_string(), node));
            }
        }
        for spec in specs {
            let here = section(path);
            let elsewhere = self
                .misplaced
                .iter()
                .any(|(h, k)| *h == here && k == spec.key);
            let absent = !fields.has(spec.key) && !meant.contains(&spec.key) && !elsewhere;
            if spec.presence == Presence::Required && absent {
                self.missing(offset, path, spec);
            }
        }
        fields.entries.sort_by_key(|(_, n)| n.offset);
        fields
    }

    fn unknown_key(&mut self, offset: usize, path: &str, name: &str, keys: &[&str]) {
        let help = if let Some((home, help)) = misplaced(name, path, keys) {
            self.misplaced.push((home, name.to_string()));
            help
        } else {
            let mut help = help_with_choices(name, keys, "keys here");
            if did_you_mean(name, keys).is_none() {
                help = format!("remove it or fix its name; {help}");
            }
            help
        };
        self.report(
            offset,
            &join(path, name),
            format!("unknown key \"{}\"", shown_key(name)),
            help,
        );
    }

    fn missing(&mut self, offset: usize, path: &str, spec: &KeySpec) {
        let (message, help) = match spec.kind {
            Kind::Tables { of, min, .. } => (
                format!("has no \"{}\" entries: at least {min} are needed", spec.key),
                format!(
                    "add a [[{}]] section for each ({})",
                    section(&join(path, spec.key)),
                    of.iter().map(|s| s.key).collect::<Vec<_>>().join(", ")
                ),
            ),
            Kind::Table(_) | Kind::Numbers(_) => (
                format!(
                    "missing required section [{}]",
                    section(&join(path, spec.key))
                ),
                format!("add it: {}", lower_first(spec.doc)),
            ),
            _ => (
                format!("missing required key \"{}\"", spec.key),
                format!(
                    "add {} = {}: {}",
                    spec.key,
                    example(spec.kind),
                    lower_first(spec.doc)
                ),
            ),
        };
        // Something is missing from the table that starts here: point at
        // its start rather than underline whatever is written there.
        self.push_len(Severity::Error, offset, 1, path, message, help);
    }

    /// Checks one value against its key's kind.
    fn value(&mut self, v: &Spanned<DeValue<'_>>, path: &str, spec: &KeySpec) -> Option<Value> {
        let offset = v.span().start;
        let got = v.get_ref();
        match (spec.kind, got) {
            (Kind::Line { max }, DeValue::String(s)) => self.text(offset, path, s, max, false),
            (Kind::Text { max }, DeValue::String(s)) => self.text(offset, path, s, max, true),
            (Kind::Id, DeValue::String(s)) => match id_problem(s) {
                None => Some(Value::Text(s.to_string())),
                Some(m) => {
                    let help = format!("use something like \"{}\"", slug(s));
                    self.report(offset, path, m, help);
                    None
                }
            },
            (Kind::Word(words), DeValue::String(s)) => {
                let keys = words.keys();
                if keys.contains(&s.as_ref()) {
                    return Some(Value::Text(s.to_string()));
                }
                let noun = words.noun();
                let message = format!("unknown {noun} \"{}\"", s.escape_debug());
                let help = help_with_choices(s, &keys, &format!("{noun}s"));
                self.report(offset, path, message, help);
                None
            }
            (Kind::NumberOr { word, .. }, DeValue::String(s)) => {
                if s.as_ref() == word {
                    return Some(Value::Text(word.to_string()));
                }
                let message = format!(
                    "expected a number or \"{word}\", found text \"{}\"",
                    s.escape_debug()
                );
                self.report(offset, path, message, hint(spec.kind));
                None
            }
            (Kind::Integer { min, max }, DeValue::Integer(i)) => {
                let digits = i.as_str().replace('_', "");
                match i64::from_str_radix(&digits, i.radix()) {
                    Ok(n) if n >= min && n <= max => Some(Value::Int(n)),
                    Ok(n) => {
                        let message = range_message(&i.to_string(), n as f64, min as f64);
                        self.report(offset, path, message, hint(spec.kind));
                        None
                    }
                    Err(_) => {
                        let message = format!("{} is too large", shorten_number(&i.to_string()));
                        self.report(offset, path, message, hint(spec.kind));
                        None
                    }
                }
            }
            // `quarters = 16.0` means 16, as JSON and the schema read it.
            (Kind::Integer { min, max }, DeValue::Float(_)) if whole(got).is_some() => {
                let x = whole(got).unwrap_or_default();
                let (shown, _) = number(got);
                if x >= min as f64 && x <= max as f64 {
                    return Some(Value::Int(x as i64));
                }
                let message = range_message(&shown, x, min as f64);
                self.report(offset, path, message, hint(spec.kind));
                None
            }
            (
                Kind::Number { min, max } | Kind::NumberOr { min, max, .. },
                DeValue::Integer(_) | DeValue::Float(_),
            ) => {
                let (shown, x) = number(got);
                let message = match x {
                    Some(x) if x >= min && x <= max => return Some(Value::Num(x)),
                    Some(x) => range_message(&shown, x, min),
                    None if shown.contains("nan") => format!("{shown} is not a number"),
                    None if shown.contains("inf") => format!("{shown} is not a finite number"),
                    None => format!("{shown} is too large"),
                };
                let mut help = hint(spec.kind);
                // `chance = 30` for 30%: a share written as a percentage.
                if let Some(x) = x.filter(|x| max == 1.0 && *x > 1.0 && *x <= 100.0) {
                    let share = super::message::fmt_num(x / 100.0);
                    help = format!(
                        "{help}: it is a share, not a percentage — for {shown}% write {share}"
                    );
                }
                self.report(offset, path, message, help);
                None
            }
            (Kind::Bool, DeValue::Boolean(b)) => Some(Value::Bool(*b)),
            (Kind::Table(specs), DeValue::Table(t)) => {
                Some(Value::Table(self.table(t, offset, path, specs)))
            }
            (Kind::Numbers(keys), DeValue::Table(t)) => {
                Some(Value::Table(self.numbers(t, offset, path, keys)))
            }
            (Kind::Tables { of, min, max }, DeValue::Array(items)) => {
                let n = items.len();
                if n > max || n < min {
                    let entries = if n == 1 { "entry" } else { "entries" };
                    let (message, help) = if n > max {
                        (
                            format!("has {n} {entries}, more than the {max} allowed"),
                            format!("keep at most {max}"),
                        )
                    } else {
                        (
                            format!("has {n} {entries}: at least {min} are needed"),
                            format!("add [[{}]] sections until there are {min}", section(path)),
                        )
                    };
                    self.report(offset, path, message, help);
                    if n > max {
                        return None;
                    }
                }
                let mut list = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let item_path = format!("{path}[{i}]");
                    let start = item.span().start;
                    match item.get_ref() {
                        DeValue::Table(t) => list.push(self.table(t, start, &item_path, of)),
                        other => self.mismatch(start, &item_path, "a table", other, spec.kind),
                    }
                }
                Some(Value::List(list))
            }
            (kind, other) => {
                self.mismatch(offset, path, want(kind), other, kind);
                None
            }
        }
    }

    fn mismatch(&mut self, offset: usize, path: &str, want: &str, got: &DeValue<'_>, kind: Kind) {
        let message = format!("expected {want}, found {}", found(got));
        let inline = self
            .lines
            .text()
            .get(offset..)
            .is_some_and(|t| t.starts_with('{'));
        let help = match (kind, got) {
            (Kind::Tables { .. }, DeValue::Table(_)) if inline => {
                let key = path.rsplit('.').next().unwrap_or(path);
                format!(
                    "this is a list: put square brackets around the braces, {key} = [{{ … }}], with a comma between entries"
                )
            }
            (Kind::Tables { .. }, DeValue::Table(_)) => format!(
                "write [[{}]] (with double brackets) for each entry",
                section(path)
            ),
            _ => hint(kind),
        };
        self.report(offset, path, message, help);
    }

    fn text(
        &mut self,
        offset: usize,
        path: &str,
        s: &str,
        max: usize,
        multi: bool,
    ) -> Option<Value> {
        let (message, help) = if s.trim().is_empty() {
            (
                "is empty".to_string(),
                "write some text, or remove the key if it is optional".to_string(),
            )
        } else if s.chars().count() > max {
            let n = s.chars().count();
            (
                format!("is {n} characters long, more than the {max} allowed"),
                format!("shorten it to {max} characters or fewer"),
            )
        } else if let Some((at, c)) = forbidden_char(s, multi) {
            let what = describe_char(c);
            let help = match (c, multi) {
                ('\n', _) => "this text must fit on one line: remove the line break",
                (_, true) => {
                    "remove it: text may hold line breaks and tabs but no other control characters"
                }
                (_, false) => "remove it: this text may hold tabs but no other control characters",
            }
            .to_string();
            (
                format!("text contains {what} at character {}", at + 1),
                help,
            )
        } else {
            if !multi && let Some(at) = s.chars().position(|c| c == '\t') {
                self.warn(
                        offset,
                        path,
                        format!("text contains a tab at character {}: on screen it runs the words together or jumps to a column", at + 1),
                        "replace the tab with a space".into(),
                    );
            }
            return Some(Value::Text(s.to_string()));
        };
        self.report(offset, path, message, help);
        None
    }

    /// A table whose keys come from a set, each holding a number.
    fn numbers(
        &mut self,
        table: &DeTable<'_>,
        offset: usize,
        path: &str,
        keys: NumberKeys,
    ) -> Fields {
        let entries = keys.entries();
        let mut fields = Fields {
            offset,
            path: path.to_string(),
            ..Fields::default()
        };
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            fields.written.push(name.to_string());
            let Some(entry) = entries.iter().find(|e| e.key == name) else {
                if self.found.full() {
                    self.found.count(Severity::Error);
                    continue;
                }
                let names: Vec<&str> = entries.iter().map(|e| e.key).collect();
                let noun = number_noun(keys);
                let message = format!("unknown {noun} \"{}\"", shown_key(name));
                let help = match misplaced(name, path, &names) {
                    Some((home, help)) => {
                        self.misplaced.push((home, name.to_string()));
                        help
                    }
                    None => help_with_choices(name, &names, &format!("{noun}s")),
                };
                self.report(key.span().start, &join(path, name), message, help);
                continue;
            };
            let spec = KeySpec {
                key: entry.key,
                kind: Kind::Number {
                    min: entry.min,
                    max: entry.max,
                },
                presence: Presence::Default(""),
                doc: entry.doc,
            };
            let key_path = join(path, name);
            if let Some(v) = self.value(value, &key_path, &spec) {
                let node = Node {
                    offset: value.span().start,
                    path: key_path,
                    value: v,
                };
                fields.entries.push((name.to_string(), node));
            }
        }
        fields.entries.sort_by_key(|(_, n)| n.offset);
        fields
    }
}

/// The value of a float literal that is a whole number (`16.0`).
fn whole(v: &DeValue<'_>) -> Option<f64> {
    number(v).1.filter(|x| x.fract() == 0.0 && x.abs() < 1.0e18)
}

/// A key as echoed in a message: escaped and, when long, cut.
pub(crate) fn shown_key(name: &str) -> String {
    crate::diag::shorten(&name.escape_debug().to_string(), 60)
}

/// "This key belongs elsewhere", for a key that is no typo here but is a
/// key of another section (usually written below the wrong header), with
/// the section it belongs to. Top-level keys get the hint whatever else
/// has them (a key below a header is the classic TOML slip); other keys
/// only when one section has them, so the hint is never a guess.
fn misplaced(name: &str, path: &str, keys: &[&str]) -> Option<(String, String)> {
    if did_you_mean(name, keys).is_some() {
        return None;
    }
    let homes = homes_of(name);
    let (home, list) = homes.first()?.clone();
    if homes.iter().any(|(h, _)| *h == section(path)) {
        return None;
    }
    let help = if home.is_empty() {
        format!(
            "{name} is a top-level key: move it above the first [section] header (every key below a header belongs to that section); the keys here are: {}",
            keys.join(", ")
        )
    } else if homes.len() > 1 {
        return None;
    } else if list {
        format!("{name} belongs in [[{home}]] entries")
    } else {
        format!("{name} belongs in the [{home}] section")
    };
    Some((home, help))
}

#[cfg(test)]
#[path = "walk_tests.rs"]
mod tests;

//! A scenario file's bytes → a [`Scenario`], or every problem found: size
//! and encoding first, then TOML syntax, then the walk against the key
//! table, then the checks across keys.

use super::build::build;
use super::error::{Error, Lines};
use super::spec::{MAX_FILE_BYTES, SCENARIO};
use super::walk::Checker;
use super::{Scenario, content_hash};
use std::sync::Arc;
use toml::de::DeTable;

/// Parses and validates a scenario. `file` names it in messages;
/// `origin` is recorded in the scenario (`builtin:ID` or a path).
pub fn parse(bytes: &[u8], file: &str, origin: &str) -> Result<Scenario, Error> {
    let invalid = |problems| Error::Invalid {
        file: file.to_string(),
        problems,
    };
    if bytes.len() > MAX_FILE_BYTES {
        let lines = Lines::new("");
        let message = format!(
            "the file is {} bytes long; scenario files may be at most {MAX_FILE_BYTES}",
            bytes.len()
        );
        let help = "is this really a scenario file?".to_string();
        return Err(invalid(vec![lines.problem(0, "", message, Some(help))]));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            let lines = Lines::new(&good);
            let message = "the file is not valid UTF-8 text".to_string();
            let help = "save it as UTF-8 in your editor".to_string();
            let p = lines.problem(e.valid_up_to(), "", message, Some(help));
            return Err(invalid(vec![p]));
        }
    };
    let lines = Lines::new(text);
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let mut problems: Vec<_> = errors
            .iter()
            .map(|e| {
                let span = e.span().unwrap_or(0..0);
                let (message, help) = syntax_problem(e.message(), text, span.clone());
                lines.problem(span.start, "", message, Some(help.to_string()))
            })
            .collect();
        problems.sort_by_key(|p| p.offset);
        problems.dedup_by(|a, b| a.offset == b.offset);
        return Err(invalid(problems));
    }
    let mut checker = Checker::new(&lines);
    let fields = checker.table(root.get_ref(), 0, "", SCENARIO);
    let built = build(&fields, &mut checker);
    let mut problems = checker.problems;
    if problems.is_empty() {
        // Effects that could stack to overflow, placed at the worst source.
        for s in super::stacking::check(&built.rules) {
            let id = s.worst.split(':').next().unwrap_or_default();
            let offset = text.find(&format!("\"{id}\"")).unwrap_or(0);
            problems.push(lines.problem(offset, "", s.message(), Some(s.help())));
        }
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.offset);
        return Err(invalid(problems));
    }
    Ok(Scenario {
        id: built.id,
        title: built.title,
        summary: built.summary,
        story: built.story,
        goal: built.goal,
        seed: built.seed,
        lock_seed: built.lock_seed,
        rules: Arc::new(built.rules),
        expect: built.expect,
        plans: built.plans,
        content_hash: super::canonical_hash(text),
        file_hash: content_hash(bytes),
        origin: origin.to_string(),
    })
}

/// The parser's message, made specific where the text allows, and how to
/// fix the mistake.
fn syntax_problem(
    message: &str,
    text: &str,
    span: std::ops::Range<usize>,
) -> (String, &'static str) {
    let spanned = text.get(span.clone()).unwrap_or("");
    let rest = text.get(span.start..).unwrap_or("");
    let line_rest = rest.split('\n').next().unwrap_or("").trim();
    if message.starts_with("duplicate key") && !spanned.is_empty() && spanned.len() <= 60 {
        let message = format!("duplicate key \"{}\"", spanned.escape_debug());
        let help = syntax_help(&message);
        return (message, help);
    }
    if message.starts_with("string values must be quoted")
        && (line_rest.is_empty() || line_rest.starts_with('#'))
    {
        let message = "a value is missing after =".to_string();
        return (
            message,
            "write the value, e.g. budget = 400 or title = \"…\"",
        );
    }
    (message.to_string(), syntax_help(message))
}

/// How to fix the common TOML mistakes, from the parser's message.
fn syntax_help(message: &str) -> &'static str {
    let m = message;
    if m.starts_with("invalid basic string") || m.starts_with("invalid multi-line basic string") {
        "close the text with \" on the same line; for text over several lines use \"\"\" … \"\"\""
    } else if m.starts_with("string values must be quoted") {
        "put text in double quotes, e.g. title = \"The laptop nobody owned\""
    } else if m.starts_with("duplicate key") {
        "each key may appear only once in a table: remove or rename one of them"
    } else if m.starts_with("unclosed array") && !m.starts_with("unclosed array table")
        || m.starts_with("missing comma between array")
        || m.starts_with("extra comma in array")
    {
        "arrays are written [a, b, c]: check the commas and the closing ]"
    } else if m.contains("inline table") {
        "inline tables are written on one line: { key = value, key = value }"
    } else if m.starts_with("unclosed table") || m.starts_with("unclosed array table") {
        "section headers are written [name] or [[name]]"
    } else if m.starts_with("key with no value")
        || m.starts_with("missing value")
        || m.starts_with("missing assignment")
    {
        "write one key = value per line"
    } else {
        "fix the TOML syntax here (the format is described at https://toml.io)"
    }
}

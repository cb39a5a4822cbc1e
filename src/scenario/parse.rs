//! A scenario file's bytes → a [`Scenario`], or every problem found: size
//! and encoding first (a byte-order mark and CRLF line endings are read as
//! any editor writes them), then TOML syntax, then the walk against the
//! key table, then the checks across keys. Work is linear in the file's
//! size: past [`crate::diag::MAX_KEPT`] problems the rest are only counted.

use super::build::build;
use super::error::{Error, Lines, Warnings};
use super::headers::array_table_mistakes;
use super::spec::{MAX_FILE_BYTES, SCENARIO};
use super::walk::Checker;
use super::{Scenario, content_hash};
use crate::diag::{self, Collector, MAX_KEPT};
use std::sync::Arc;
use toml::de::DeTable;

/// Parses and validates a scenario. `file` names it in messages;
/// `origin` is recorded in the scenario (`builtin:ID` or a path).
pub fn parse(bytes: &[u8], file: &str, origin: &str) -> Result<Scenario, Error> {
    parse_with_warnings(bytes, file, origin).map(|(s, _)| s)
}

/// [`parse`], and the warnings of a file that loads: what is allowed but
/// almost certainly not meant (a rule that can never hold, a tab in a
/// title, …).
pub fn parse_with_warnings(
    bytes: &[u8],
    file: &str,
    origin: &str,
) -> Result<(Scenario, Warnings), Error> {
    parse_sized(bytes, bytes.len() as u64, file, origin)
}

/// [`parse_with_warnings`] with the file's real size, when only its first
/// bytes were read.
pub(crate) fn parse_sized(
    bytes: &[u8],
    size: u64,
    file: &str,
    origin: &str,
) -> Result<(Scenario, Warnings), Error> {
    let invalid = |text: &str, found: Collector| Error::Invalid {
        file: file.to_string(),
        text: Arc::from(text),
        found,
    };
    if bytes.len() > MAX_FILE_BYTES || size > MAX_FILE_BYTES as u64 {
        return Err(too_large(bytes, size, &invalid));
    }
    let normal = diag::normalize(bytes);
    let text = match std::str::from_utf8(&normal) {
        Ok(t) => t,
        Err(e) => {
            let good = String::from_utf8_lossy(&normal[..e.valid_up_to()]).into_owned();
            let lines = Lines::new(&good);
            let message = format!(
                "the file is not valid UTF-8 text (byte {} is not)",
                e.valid_up_to() + 1
            );
            let help = "save it as UTF-8 in your editor".to_string();
            let found = one(lines.problem(e.valid_up_to(), "", message, Some(help)));
            return Err(invalid(&good, found));
        }
    };
    let lines = Lines::new(text);
    let root = match syntax(&lines) {
        Ok(root) => root,
        Err(found) => return Err(invalid(text, found)),
    };
    let mut checker = Checker::new(&lines);
    let fields = checker.table(root.get_ref(), 0, "", SCENARIO);
    let built = build(&fields, &mut checker);
    let mut found = checker.finish();
    if !found.has_errors() {
        // Effects that could stack to overflow, placed at the worst source.
        for s in super::stacking::check(&built.rules) {
            let id = s.worst.split(':').next().unwrap_or_default();
            let offset = text.find(&format!("\"{id}\"")).unwrap_or(0);
            found.push(lines.problem(offset, "", s.message(), Some(s.help())));
        }
    }
    if found.has_errors() {
        return Err(invalid(text, found));
    }
    let scenario = Scenario {
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
        file_hash: content_hash(text.as_bytes()),
        origin: origin.to_string(),
    };
    let warnings = Warnings {
        file: file.to_string(),
        text: Arc::from(text),
        found,
    };
    Ok((scenario, warnings))
}

fn one(p: diag::Diagnostic) -> Collector {
    Collector {
        kept: vec![p],
        ..Collector::default()
    }
}

/// The file is over the limit: its real size, and the line that makes it
/// so when one line is most of it (a pasted blob under one key).
fn too_large(bytes: &[u8], size: u64, invalid: &dyn Fn(&str, Collector) -> Error) -> Error {
    let size = size.max(bytes.len() as u64);
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(MAX_FILE_BYTES)]);
    let (mut longest, mut at) = (0, 0);
    for (n, line) in head.split('\n').enumerate() {
        if line.len() > longest {
            (longest, at) = (line.len(), n + 1);
        }
    }
    let key = head
        .split('\n')
        .nth(at.saturating_sub(1))
        .and_then(|l| l.split_once('='))
        .map(|(k, _)| k.trim())
        .filter(|k| !k.is_empty() && k.len() <= 60 && !k.contains(['"', '[']));
    let mut message = format!(
        "the file is {} bytes long; scenario files may be at most {} bytes (1 MiB)",
        group(size),
        group(MAX_FILE_BYTES as u64)
    );
    let mut help = "is this really a scenario file?".to_string();
    if longest > MAX_FILE_BYTES / 2 {
        let whose = key.map_or(String::new(), |k| {
            format!(" (the value of \"{}\")", k.escape_debug())
        });
        message.push_str(&format!(
            "; line {at}{whose} alone is over {} bytes",
            group(longest as u64)
        ));
        help = "texts are at most a few thousand characters: shorten it".to_string();
    }
    let p = Lines::new("").problem(0, "", message, Some(help));
    invalid("", one(p))
}

/// 5008022 → "5,008,022".
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The parsed TOML, or its syntax problems. The parser's list of errors
/// grows with the file (a megabyte of `=` is a million errors, each with
/// its message), so the file is parsed in growing prefixes until enough
/// problems are found or the whole file has been read.
fn syntax<'t>(lines: &Lines<'t>) -> Result<toml::Spanned<DeTable<'t>>, Collector> {
    let text = lines.text();
    let mut len = 2 * 1024;
    loop {
        let end = if len >= text.len() {
            text.len()
        } else {
            // Cut at a line end where there is one, so the prefix's own
            // end is no mistake; else anywhere (enough problems come first).
            let mut cut = len;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.get(..cut)
                .and_then(|t| t.rfind('\n'))
                .map_or(cut, |i| i + 1)
        };
        let whole = end == text.len();
        let prefix = text.get(..end).unwrap_or(text);
        let (root, errors) = DeTable::parse_recoverable(prefix);
        if whole && errors.is_empty() {
            return Ok(root);
        }
        if errors.len() > MAX_KEPT || whole {
            return Err(syntax_problems(lines, &errors, !whole));
        }
        len *= 4;
    }
}

fn syntax_problems(lines: &Lines<'_>, errors: &[toml::de::Error], stopped: bool) -> Collector {
    let text = lines.text();
    let mut spans: Vec<(usize, &toml::de::Error)> = errors
        .iter()
        .map(|e| (e.span().map_or(0, |s| s.start), e))
        .collect();
    spans.sort_by_key(|(o, _)| *o);
    spans.dedup_by_key(|(o, _)| *o);
    let mut found = Collector {
        stopped,
        ..Collector::default()
    };
    // A misplaced `[[dilemma.choice]]` or `[expect]` shows as a duplicate
    // key at a later header: say so at the mistake instead.
    let mistakes = array_table_mistakes(text);
    let mut told = std::collections::BTreeSet::new();
    for (_, m) in &mistakes {
        if told.insert(m.offset) {
            found.push(lines.problem(m.offset, "", m.message.clone(), Some(m.help.clone())));
        }
    }
    // The lines whose errors a mistake explains, sorted (they do not overlap).
    let mut caused: Vec<std::ops::Range<usize>> = mistakes.iter().map(|(r, _)| r.clone()).collect();
    caused.sort_by_key(|r| r.start);
    let explained = |offset: usize| {
        let i = caused.partition_point(|r| r.start <= offset);
        i > 0 && caused[i - 1].contains(&offset)
    };
    for (offset, e) in spans {
        if found.full() {
            found.count(diag::Severity::Error);
            continue;
        }
        if explained(offset) {
            continue;
        }
        let span = e.span().unwrap_or(offset..offset);
        let (message, help) = syntax_problem(e.message(), text, span);
        found.push(lines.problem(offset, "", message, Some(help.to_string())));
    }
    found
}

/// The parser's message, made specific where the text allows, and how to
/// fix the mistake.
fn syntax_problem(
    message: &str,
    text: &str,
    span: std::ops::Range<usize>,
) -> (String, &'static str) {
    let spanned = text.get(span.clone()).unwrap_or("");
    // The rest of the line, looked at only as far as a comment could start
    // (a bounded look, so a megabyte-long line costs no more).
    let rest = text.get(span.start..).unwrap_or("");
    let mut cut = rest.len().min(256);
    while !rest.is_char_boundary(cut) {
        cut -= 1;
    }
    let look = rest.get(..cut).unwrap_or("");
    let line_rest = look.split('\n').next().unwrap_or("").trim();
    let whole_line = look.contains('\n') || cut == rest.len();
    let at_line_end = (line_rest.is_empty() && whole_line) || line_rest.starts_with('#');
    let before = text.get(..span.start).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    // A `[table]` header written again (an array's `[[…]]` may repeat).
    let header = text.get(line_start..span.start).is_some_and(|l| {
        let l = l.trim_start();
        l.starts_with('[') && !l.starts_with("[[")
    });
    if message.starts_with("duplicate key") && header && !spanned.is_empty() && spanned.len() <= 60
    {
        let message = format!("section [{}] is written twice", spanned.escape_debug());
        return (
            message,
            "merge the two sections into one: a section's keys are written once, under one header",
        );
    }
    if rest.starts_with(',') && before.ends_with(|c: char| c.is_ascii_digit()) {
        return (
            "a number has a comma in it".to_string(),
            "write numbers without thousands separators: 1400, or 1_400 to group the digits",
        );
    }
    if message.starts_with("duplicate key") && !spanned.is_empty() && spanned.len() <= 60 {
        let message = format!("duplicate key \"{}\"", spanned.escape_debug());
        let help = syntax_help(&message);
        return (message, help);
    }
    if message.starts_with("string values must be quoted") && at_line_end {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_grouped() {
        assert_eq!(group(5_008_022), "5,008,022");
        assert_eq!(group(999), "999");
        assert_eq!(group(1_000), "1,000");
    }
}

//! Mistakes in `[section]` headers that TOML itself reports far from where
//! they were made: `[[dilemma.choice]]` written before its `[[dilemma]]`,
//! and `[expect]` written for `[[expect]]`. Both show as a "duplicate key"
//! at a later header; this finds the header that is really wrong, so the
//! message points at the mistake and says how to fix it.

use super::spec::{KeySpec, Kind, SCENARIO};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// A header mistake: where it is, what is wrong, how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Mistake {
    pub offset: usize,
    pub message: String,
    pub help: String,
}

/// One `[name]` or `[[name]]` line.
struct Header {
    offset: usize,
    /// 1-based line number.
    number: usize,
    line: Range<usize>,
    name: String,
    array: bool,
}

/// The header mistakes of a text, each with the byte range of a line
/// where TOML reports it (its errors there are replaced by the mistake);
/// a mistake seen from several lines is listed once for each.
pub(crate) fn array_table_mistakes(text: &str) -> Vec<(Range<usize>, Mistake)> {
    let lists = list_sections();
    let mut arrays: BTreeSet<String> = BTreeSet::new();
    // The first header under `p.` written before any `[[p]]`.
    let mut orphans: BTreeMap<String, (usize, String, bool)> = BTreeMap::new();
    // The first `[p]` of a list `p`.
    let mut singles: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for h in headers(text) {
        let mut mistake = None;
        if h.array
            && let Some((offset, child, child_array)) = orphans.get(&h.name)
            && !arrays.contains(&h.name)
        {
            let (open, close) = if *child_array {
                ("[[", "]]")
            } else {
                ("[", "]")
            };
            mistake = Some(Mistake {
                offset: *offset,
                message: format!(
                    "{open}{child}{close} comes before any [[{0}]]: it belongs to a [[{0}]] above it, and there is none",
                    h.name
                ),
                help: format!(
                    "move it below the [[{0}]] it belongs to (the first is on line {1}): each [[{0}]] is followed by its own {open}{child}{close} sections",
                    h.name, h.number,
                ),
            });
        }
        if mistake.is_none()
            && lists.contains(&h.name)
            && let Some(offset) = singles.get(&h.name)
        {
            mistake = Some(Mistake {
                offset: *offset,
                message: format!(
                    "[{0}] is written with single brackets, but {0} is a list of entries",
                    h.name
                ),
                help: format!(
                    "write [[{}]] (with double brackets) for every entry, this one included",
                    h.name
                ),
            });
        }
        let mut prefix = String::new();
        for part in h.name.split('.') {
            if !prefix.is_empty() && !arrays.contains(&prefix) && lists.contains(&prefix) {
                orphans
                    .entry(prefix.clone())
                    .or_insert_with(|| (h.offset, h.name.clone(), h.array));
            }
            if !prefix.is_empty() {
                prefix.push('.');
            }
            prefix.push_str(part);
        }
        if h.array {
            arrays.insert(h.name.clone());
        } else if lists.contains(&h.name) {
            singles.entry(h.name.clone()).or_insert(h.offset);
        }
        // One mistake may explain several later headers: the caller
        // reports it once.
        if let Some(m) = mistake {
            out.push((h.line.clone(), m));
        }
    }
    out
}

/// The headers of a text, skipping lines inside multi-line strings.
fn headers(text: &str) -> Vec<Header> {
    let mut out = Vec::new();
    let mut in_string = false;
    let mut start = 0;
    for (n, raw) in text.split_inclusive('\n').enumerate() {
        let line = start..start + raw.len();
        start += raw.len();
        let quotes = raw.matches("\"\"\"").count() + raw.matches("'''").count();
        let was_in = in_string;
        if quotes % 2 == 1 {
            in_string = !in_string;
        }
        if was_in {
            continue;
        }
        let trimmed = raw.trim_start();
        let indent = raw.len() - trimmed.len();
        let Some(rest) = trimmed.strip_prefix('[') else {
            continue;
        };
        let (array, rest) = match rest.strip_prefix('[') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let Some(end) = rest.find(']') else { continue };
        let name: String = rest[..end]
            .split('.')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(".");
        if name.is_empty() || name.contains(['"', '\'', '[', '=']) {
            continue;
        }
        out.push(Header {
            offset: line.start + indent,
            number: n + 1,
            line,
            name,
            array,
        });
        if out.len() > 10_000 {
            break;
        }
    }
    out
}

/// Every section written as `[[…]]`: `event`, `dilemma`, `dilemma.choice`, ….
fn list_sections() -> Vec<String> {
    fn walk(prefix: &str, specs: &[KeySpec], out: &mut Vec<String>) {
        for s in specs {
            let name = if prefix.is_empty() {
                s.key.to_string()
            } else {
                format!("{prefix}.{}", s.key)
            };
            match s.kind {
                Kind::Tables { of, .. } => {
                    out.push(name.clone());
                    walk(&name, of, out);
                }
                Kind::Table(of) => walk(&name, of, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk("", SCENARIO, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_before_its_dilemma_is_found_at_the_choice() {
        let text = "id = \"x\"\n[[dilemma.choice]]\nid = \"a\"\n[[dilemma]]\nid = \"d\"\n";
        let m = array_table_mistakes(text);
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].0, 37..49);
        assert_eq!(m[0].1.offset, 9);
        assert!(
            m[0].1
                .message
                .starts_with("[[dilemma.choice]] comes before any [[dilemma]]")
        );
    }

    #[test]
    fn single_brackets_for_a_list_are_found_at_the_single_header() {
        let text = "[expect]\nplan = \"a\"\n[[expect]]\nplan = \"b\"\n";
        let m = array_table_mistakes(text);
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].1.offset, 0);
        assert!(m[0].1.help.starts_with("write [[expect]]"));
        assert!(list_sections().contains(&"dilemma.choice".to_string()));
    }

    #[test]
    fn headers_inside_texts_are_not_headers() {
        let text = "story = \"\"\"\n[[dilemma.choice]]\n\"\"\"\n[[dilemma]]\n";
        assert!(array_table_mistakes(text).is_empty());
    }
}

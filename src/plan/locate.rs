//! Where in a plan file each thing the scenario lacks is written: every
//! misfit of [`super::fit_to`] found at its line and column (the id's
//! span in the TOML), with the known ids as help, as one list of
//! diagnostics rendered by [`crate::diag`] — warnings in a normal run,
//! errors under `run --strict`.

use super::PlanError;
use crate::diag::{Collector, Diagnostic, LineIndex, Severity};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// What a plan names that the scenario lacks, to find it in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spot {
    /// The `[quarter.N]` table, or `None` for `[default]`.
    pub quarter: Option<u32>,
    pub what: What,
    /// The id as written.
    pub id: String,
    /// The known ids, with a did-you-mean when one is close.
    pub help: String,
}

/// Which kind of id a [`Spot`] is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    Initiative,
    Dilemma,
    Choice { dilemma: String },
}

/// Every misfit of a plan file at its place in `text`, or `None` when
/// the text is not a TOML plan (a save or a run's JSON): the caller then
/// keeps the one-line messages. A misfit not found in the file (written
/// as a range of quarters, say) is shown at the top of the file.
pub fn located(text: &str, problems: &[PlanError], severity: Severity) -> Option<Collector> {
    let root = DeTable::parse(text).ok()?;
    let root = root.get_ref();
    if root.get("default").is_none() && root.get("quarter").is_none() {
        return None;
    }
    let index = LineIndex::new(text);
    let mut found = Collector::default();
    for problem in problems {
        let (offset, message, path, help) = match problem {
            PlanError::BeyondEnd {
                quarter, quarters, ..
            } => (
                quarter_key(root, *quarter).unwrap_or(0),
                super::beyond(*quarter, *quarters),
                format!("quarter.{quarter}"),
                None,
            ),
            PlanError::Unknown {
                table,
                message,
                spot: Some(spot),
                ..
            } => (
                find(root, spot).unwrap_or(0),
                // The known ids go to the help line, not twice.
                message
                    .split_once("; ")
                    .map_or(message.as_str(), |(what, _)| what)
                    .to_string(),
                table.trim_matches(['[', ']']).to_string(),
                Some(spot.help.clone()),
            ),
            _ => continue,
        };
        let at = index.locate(text, offset);
        found.push(Diagnostic {
            severity,
            offset,
            len: 0,
            line: at.line,
            column: at.column,
            path,
            message,
            help,
        });
    }
    Some(found)
}

/// The `[default]` or `[quarter.N]` table of a plan file.
fn table<'a>(root: &'a DeTable<'a>, quarter: Option<u32>) -> Option<&'a DeTable<'a>> {
    let value = match quarter {
        None => root.get("default")?,
        Some(q) => as_table(root.get("quarter")?)?.get(q.to_string().as_str())?,
    };
    as_table(value)
}

fn as_table<'a>(v: &'a Spanned<DeValue<'a>>) -> Option<&'a DeTable<'a>> {
    match v.get_ref() {
        DeValue::Table(t) => Some(t),
        _ => None,
    }
}

/// The offset of `N` in `[quarter.N]`.
fn quarter_key(root: &DeTable<'_>, quarter: u32) -> Option<usize> {
    let quarters = as_table(root.get("quarter")?)?;
    quarters
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == quarter.to_string())
        .map(|(k, _)| k.span().start)
}

/// The offset of the id a spot names, in its table.
fn find(root: &DeTable<'_>, spot: &Spot) -> Option<usize> {
    let t = table(root, spot.quarter)?;
    match &spot.what {
        What::Initiative => match t.get("initiatives")?.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .find(|i| matches!(i.get_ref(), DeValue::String(s) if *s == spot.id))
                .map(|i| i.span().start),
            _ => None,
        },
        What::Dilemma => as_table(t.get("answers")?)?
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == spot.id)
            .map(|(k, _)| k.span().start),
        What::Choice { dilemma } => Some(
            as_table(t.get("answers")?)?
                .get(dilemma.as_str())?
                .span()
                .start,
        ),
    }
}

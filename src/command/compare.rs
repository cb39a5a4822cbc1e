//! `culturesim compare A B [--format text|md|html]`: two saves side by
//! side — where they part, every KPI, and the causes of the differences.

use super::Failure;
use crate::cli::DocFormatArg;
use crate::report::{DocFormat, Side, render_compare};
use crate::save;
use std::path::Path;

/// Replays both saves (a game cut short will do) and prints the comparison.
pub fn compare(a: &Path, b: &Path, format: DocFormatArg) -> Result<(), Failure> {
    let mut verifier = save::Verifier::new();
    let mut load = |p: &Path| {
        verifier.verify_log(p).map_err(|e| Failure {
            code: if e.kind.is_bad_input() { 2 } else { 1 },
            message: save::printable(&e.to_string()),
            rendered: false,
        })
    };
    let (la, lb) = (load(a)?, load(b)?);
    let (na, nb) = (a.display().to_string(), b.display().to_string());
    fn side<'a>(label: &'a str, l: &'a save::Loaded) -> Side<'a> {
        Side {
            label,
            rules: l.game.rules(),
            history: l.game.history(),
        }
    }
    let mut doc = render_compare(side(&na, &la), side(&nb, &lb));
    let mut notes = Vec::new();
    if la.save.scenario.id != lb.save.scenario.id {
        notes.push(format!(
            "Note: A is a game of '{}', B of '{}': the causes are named by each scenario.",
            la.save.scenario.id, lb.save.scenario.id
        ));
    } else if la.save.seed != lb.save.seed {
        notes.push(format!(
            "Note: A has seed {}, B seed {}: their events and noise differ from quarter 1.",
            la.save.seed, lb.save.seed
        ));
    }
    for (me, other, other_name) in [(&lb, &la, "A"), (&la, &lb, "B")] {
        if let Some(br) = &me.save.branch {
            let whose = if br.is_parent(other) {
                format!("of {other_name}")
            } else {
                format!("of {}", br.parent)
            };
            let me_name = if other_name == "A" { "B" } else { "A" };
            notes.push(format!(
                "{me_name} is a branch {whose} at quarter {}.",
                br.at
            ));
        }
    }
    for (i, n) in notes.into_iter().enumerate() {
        doc.blocks.insert(i, crate::report::Block::Para(n));
    }
    let format = match format {
        DocFormatArg::Text => DocFormat::Text,
        DocFormatArg::Md => DocFormat::Markdown,
        DocFormatArg::Html => DocFormat::Html,
    };
    print!("{}", doc.render(format));
    Ok(())
}

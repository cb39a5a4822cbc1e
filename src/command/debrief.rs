//! `culturesim debrief SAVE`: a student's debrief, verified by replay
//! first, as terminal text, Markdown (with the charts as SVG files beside
//! it) or one HTML page.

use super::{Failure, emit};
use crate::analysis::{Benchmark, REF_BALANCED};
use crate::cli::{DebriefArgs, DebriefFormat};
use crate::report::debrief::{self, Against};
use crate::report::escape::{terminal, terminal_lines};
use crate::save;
use std::path::Path;

fn not_genuine(e: &save::Error) -> Failure {
    if e.has_line() {
        // Shown at its line, as every file's problems are.
        return Failure::diagnostic(format!(
            "{}\nA debrief needs a genuine save (check it with `culturesim verify`).",
            e.render(crate::diag::color_for_stderr())
        ));
    }
    Failure::input(terminal_lines(&format!(
        "{e}\nA debrief needs a genuine save (check it with `culturesim verify`)."
    )))
}

/// `culturesim debrief SAVE [--format] [--out] [--against]`.
pub fn debrief(args: &DebriefArgs) -> Result<(), Failure> {
    let loaded = save::load(&args.save).map_err(|e| not_genuine(&e))?;
    let against = match args.against.as_deref() {
        None => Against::Both,
        Some(REF_BALANCED) => Against::Balanced,
        Some("do-nothing" | "do_nothing" | "nothing") => Against::DoNothing,
        Some(other) => {
            let path = Path::new(other);
            if !path.exists() {
                return Err(Failure::input(format!(
                    "--against {}: not balanced, do-nothing, or a save file that exists",
                    terminal(other)
                )));
            }
            let other = save::load(path).map_err(|e| not_genuine(&e))?;
            if other.scenario.id != loaded.scenario.id {
                return Err(Failure::input(format!(
                    "--against: that save is of scenario '{}', this one of '{}': compare games of one scenario",
                    terminal(&other.scenario.id),
                    terminal(&loaded.scenario.id)
                )));
            }
            Against::Game(Benchmark {
                name: other.save.player.clone(),
                history: other.game.history().to_vec(),
            })
        }
    };
    let d = debrief::build(
        &loaded.scenario,
        &loaded.save.player,
        loaded.save.seed,
        loaded.game.history(),
        against,
    );
    let text = match args.format {
        DebriefFormat::Text => debrief::render_text(&d),
        DebriefFormat::Html => debrief::render_html(&d),
        DebriefFormat::Md => {
            let stem = args
                .out
                .as_deref()
                .and_then(Path::file_stem)
                .map(|s| s.to_string_lossy().into_owned());
            let (text, files) = debrief::render_markdown(&d, stem.as_deref());
            let dir = args.out.as_deref().and_then(Path::parent);
            for (name, svg) in files {
                let path = dir.map_or_else(|| name.clone().into(), |d| d.join(&name));
                emit(Some(&path), &svg)?;
            }
            text
        }
    };
    emit(args.out.as_deref(), &text)
}

//! `culturesim verify`: replays saves and says, per file, OK or exactly
//! what is wrong.

use super::Failure;
use crate::save;
use std::path::PathBuf;

/// `culturesim verify SAVE... [--scenario FILE]...` (files or folders of
/// saves): one line per file on stdout, naming the scenario and hash each
/// was replayed on, a tally on stderr; exit 0 only when every save is
/// genuine, 2 otherwise.
pub fn verify(given: &[PathBuf], scenarios: &[PathBuf]) -> Result<(), Failure> {
    let mut verifier = save::Verifier::new().for_hand_ins();
    for file in scenarios {
        let scenario = crate::scenario::load_file(file).map_err(Failure::input)?;
        verifier.add_scenario(scenario);
    }
    let paths = save::expand(given);
    if paths.is_empty() {
        return Err(Failure {
            code: 2,
            message: "no save files (*.toml) in the folders given".to_string(),
            rendered: false,
        });
    }
    let mut ok = 0;
    for path in &paths {
        let result = verifier.verify(path);
        ok += usize::from(result.is_ok());
        super::print(&format!("{}\n", save::verify_line(path, &result)))?;
        // A single save's problem is also shown at its line, with a caret.
        if let (1, Err(e)) = (paths.len(), &result)
            && e.has_line()
        {
            crate::output::eprintln(&e.render(crate::diag::color_for_stderr()));
        }
    }
    let tally = save::verify_tally(ok, paths.len());
    if ok == paths.len() {
        crate::output::eprintln(&tally);
        Ok(())
    } else {
        Err(Failure {
            code: 2,
            message: tally,
            rendered: false,
        })
    }
}

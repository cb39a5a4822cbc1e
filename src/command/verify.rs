//! `culturesim verify`: replays saves and says, per file, OK or exactly
//! what is wrong.

use super::Failure;
use crate::save;
use std::path::PathBuf;

/// `culturesim verify SAVE...` (files or folders of saves): one line per
/// file on stdout, a tally on stderr; exit 0 only when every save is
/// genuine, 2 otherwise.
pub fn verify(given: &[PathBuf]) -> Result<(), Failure> {
    let paths = save::expand(given);
    if paths.is_empty() {
        return Err(Failure {
            code: 2,
            message: "no save files (*.toml) in the folders given".to_string(),
        });
    }
    let mut verifier = save::Verifier::new();
    let mut ok = 0;
    for path in &paths {
        let result = verifier.verify(path);
        ok += usize::from(result.is_ok());
        println!("{}", save::verify_line(path, &result));
    }
    let tally = save::verify_tally(ok, paths.len());
    if ok == paths.len() {
        eprintln!("{tally}");
        Ok(())
    } else {
        Err(Failure {
            code: 2,
            message: tally,
        })
    }
}

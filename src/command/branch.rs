//! `culturesim branch SAVE --at N [--out FILE]`: a new save that replays
//! the original's quarters before N and is ready to play quarter N, for
//! "what if I had played quarter N otherwise?".

use super::Failure;
use crate::save;
use std::path::Path;

/// Writes the branch and says where, and how to play it.
pub fn branch(parent: &Path, at: u32, out: Option<&Path>) -> Result<(), Failure> {
    let loaded = save::branch(parent, at, out).map_err(|e| Failure {
        code: if e.is_bad_input() { 2 } else { 1 },
        message: save::printable(&e.to_string()),
        rendered: false,
    })?;
    let path = loaded.path.display().to_string();
    let before = match at {
        1 => "no quarter of the original".to_string(),
        2 => "quarter 1 of the original".to_string(),
        n => format!("quarters 1-{} of the original", n - 1),
    };
    println!(
        "{}",
        save::printable(&format!(
            "{path}: branch of {} at quarter {at}: {before}, replayed and verified; ready to play quarter {at}",
            parent.display()
        ))
    );
    println!(
        "{}",
        save::printable(&format!(
            "play it: culturesim resume {path}   compare it: culturesim compare {} {path}",
            parent.display()
        ))
    );
    Ok(())
}

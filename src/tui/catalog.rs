//! The scenarios the title screen offers: the shipped ones, then every
//! `*.toml` in a folder (by default `./scenarios`) that loads and is not a
//! shipped one again. Files that fail to load are listed with the reason.

use crate::scenario::{self, Scenario};
use std::path::Path;

/// What the title screen can offer.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    pub scenarios: Vec<Scenario>,
    /// Files that could not be loaded, each with the first line of the error.
    pub problems: Vec<String>,
}

/// Gathers the shipped scenarios and those in `folder` (a missing folder
/// is not a problem).
pub fn gather(folder: &Path) -> Catalog {
    let mut catalog = Catalog {
        scenarios: scenario::shipped(),
        problems: Vec::new(),
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return catalog;
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    for path in files {
        let file = path.display().to_string();
        // A file name is anyone's text: escaped before it is drawn. The
        // loader opens regular files only, so a FIFO here cannot hang.
        let shown = crate::output::escape(&file).into_owned();
        match scenario::load(&file) {
            // The shipped file itself, found in ./scenarios: already listed.
            Ok(s)
                if catalog
                    .scenarios
                    .iter()
                    .any(|k| k.id == s.id && k.content_hash == s.content_hash) => {}
            // An edited copy that kept a shipped id: list it, and say which
            // one it is, rather than silently play the original.
            Ok(mut s) if catalog.scenarios.iter().any(|k| k.id == s.id) => {
                s.title = format!("{} ({shown})", s.title);
                catalog.scenarios.push(s);
            }
            Ok(s) => catalog.scenarios.push(s),
            Err(e) => {
                let reason = e.to_string();
                let first = crate::output::escape(reason.lines().next().unwrap_or("")).into_owned();
                catalog.problems.push(format!("{shown}: {first}"));
            }
        }
    }
    catalog
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_folder_gives_the_shipped_scenarios() {
        let c = gather(Path::new("/nonexistent/culturesim/scenarios"));
        assert!(!c.scenarios.is_empty());
        assert!(c.problems.is_empty());
    }
}

//! Scenarios: TOML as an author writes it → a validated [`Scenario`] the
//! model can trust. The stages: [`parse`] reads bytes and TOML, [`walk`]
//! checks every key against the table in [`spec`] into a checked tree,
//! [`build`] and [`content`] turn that into the model's rules; every
//! problem of a file is reported at once ([`Error`]).

mod build;
mod builtin;
pub mod command;
mod content;
mod error;
mod expect;
mod hash;
mod headers;
mod message;
mod parse;
mod plans;
pub mod schema;
pub mod spec;
mod stacking;
mod suggest;
mod text;
mod tree;
mod walk;

pub use builtin::{DEFAULT_ID, check_shipped};
pub use error::{Error, Problem, Warnings};
pub use expect::{Compare, ExpectRule, Metric, Versus};
pub use hash::canonical_hash;
pub use parse::{parse, parse_with_warnings};
pub use plans::ScenarioPlan;
pub use suggest::did_you_mean;

use crate::sim::Rules;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A validated scenario: what players read, and the rules the model plays.
#[derive(Clone, Debug)]
pub struct Scenario {
    /// Short identifier, e.g. `electronics`; shipped scenarios are found by it.
    pub id: String,
    pub title: String,
    /// One line for listings.
    pub summary: String,
    /// The briefing: the organization's story and situation (paragraphs separated by blank lines).
    pub story: String,
    /// What the player is asked to achieve.
    pub goal: String,
    /// The seed used when the player gives none.
    pub seed: u64,
    /// Whether a class locks the seed (players may not change it).
    pub lock_seed: bool,
    pub rules: Arc<Rules>,
    /// The scenario's story as rules for the balance lab.
    pub expect: Vec<ExpectRule>,
    /// The scenario's own plans, played by the lab beside the reference plans.
    pub plans: Vec<ScenarioPlan>,
    /// The hash of the parsed, canonical scenario ([`canonical_hash`]):
    /// saves record it, so any change to what is played is detected while
    /// comments and spacing are not.
    pub content_hash: u64,
    /// The hash of the file's bytes, which saves before format 2 recorded.
    pub file_hash: u64,
    /// Where the scenario came from: `builtin:ID` or a file path.
    pub origin: String,
}

impl Scenario {
    /// The reference organization of MODEL.md with no events, for tests.
    pub fn reference() -> Scenario {
        Scenario {
            id: "reference".into(),
            title: "Reference organization".into(),
            summary: "The model's reference organization, with no events".into(),
            story: "A mid-sized company whose customers are served adequately but not well.".into(),
            goal: "Build a customer culture without losing the board.".into(),
            seed: 1,
            lock_seed: false,
            rules: Arc::new(Rules::default()),
            expect: Vec::new(),
            plans: Vec::new(),
            content_hash: 0,
            file_hash: 0,
            origin: "builtin:reference".into(),
        }
    }
}

/// The shipped scenarios, the default one first.
pub fn shipped() -> Vec<Scenario> {
    builtin::all().to_vec()
}

/// Loads a scenario by shipped id or by path.
pub fn load(id_or_path: &str) -> Result<Scenario, Error> {
    if let Some(s) = builtin::all().iter().find(|s| s.id == id_or_path) {
        return Ok(s.clone());
    }
    load_file(Path::new(id_or_path)).map_err(|e| match e {
        Error::Read { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            Error::NotFound {
                spec: id_or_path.to_string(),
                shipped: builtin::ids(),
            }
        }
        e => e,
    })
}

/// Loads a scenario file.
pub fn load_file(path: &Path) -> Result<Scenario, Error> {
    load_file_with_warnings(path).map(|(s, _)| s)
}

/// Loads a scenario file, with its warnings.
pub fn load_file_with_warnings(path: &Path) -> Result<(Scenario, Warnings), Error> {
    let name = path.display().to_string();
    let read = |source| Error::Read {
        path: name.clone(),
        source,
    };
    // A FIFO or a device is refused without blocking, a huge file
    // without being read past the limit; the message names the real size.
    let (bytes, size) =
        crate::input::read_head(path, spec::MAX_FILE_BYTES as u64).map_err(|e| read(e.into()))?;
    parse::parse_sized(&bytes, size, &name, &name)
}

/// A scenario file found in a folder, and whether it loads.
#[derive(Debug)]
pub struct Found {
    pub path: PathBuf,
    pub result: Result<Scenario, Error>,
}

/// The `*.toml` files of a folder (not its subfolders), by name, each
/// loaded or with its problems; a folder that cannot be read gives none.
pub fn find_in(dir: &Path) -> Vec<Found> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| crate::input::is_regular(p) && p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| Found {
            result: load_file(&path),
            path,
        })
        .collect()
}

/// The scenario files in `./scenarios`, for the title screen.
pub fn find_local() -> Vec<Found> {
    find_in(Path::new("scenarios"))
}

/// Whether `scenario` is a shipped one: a shipped id with the shipped
/// content (a copy with the same id and other content is not).
pub fn is_shipped(scenario: &Scenario) -> bool {
    builtin::all()
        .iter()
        .any(|s| s.id == scenario.id && s.content_hash == scenario.content_hash)
}

/// Whether `id` is the id of a shipped scenario.
pub fn is_shipped_id(id: &str) -> bool {
    builtin::all().iter().any(|s| s.id == id)
}

/// A stable 64-bit FNV-1a hash of a file's bytes: the same on every
/// platform, so a save made on one machine verifies on another.
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        assert_eq!(content_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(content_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(content_hash(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn unknown_ids_list_the_shipped_ones() {
        let msg = match load("no-such-scenario") {
            Ok(s) => format!("loaded {}", s.id),
            Err(e) => e.to_string(),
        };
        assert!(msg.contains("no scenario \"no-such-scenario\""), "{msg}");
        assert!(msg.contains("electronics"), "{msg}");
    }

    #[test]
    fn the_default_scenario_is_embedded() {
        let s = load(DEFAULT_ID).map_err(|e| e.to_string());
        assert_eq!(s.map(|s| s.origin), Ok("builtin:electronics".to_string()));
        assert_eq!(shipped().first().map(|s| s.id.as_str()), Some(DEFAULT_ID));
    }
}

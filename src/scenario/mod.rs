//! Scenarios: TOML as an author writes it → a validated [`Scenario`] the
//! model can trust.
//!
//! STUB (being replaced by the loader): `shipped`, `load` and `Error` keep
//! their signatures; only the reference organization is available.

use crate::sim::Rules;
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
    /// A hash of the scenario file's bytes: saves record it to detect changes.
    pub content_hash: u64,
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
            content_hash: 0,
            origin: "builtin:reference".into(),
        }
    }
}

/// Why a scenario could not be loaded (stub; the loader replaces it).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Error(pub String);

/// The shipped scenarios, the default one first.
pub fn shipped() -> Vec<Scenario> {
    vec![Scenario::reference()]
}

/// Loads a scenario by shipped id or by path.
pub fn load(id_or_path: &str) -> Result<Scenario, Error> {
    shipped()
        .into_iter()
        .find(|s| s.id == id_or_path)
        .ok_or_else(|| Error(format!("no scenario '{id_or_path}'")))
}

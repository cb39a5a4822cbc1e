//! The shipped scenarios, embedded in the binary so the game runs from any
//! folder; the default one comes first.

use super::Scenario;
use super::parse::parse;
use std::sync::OnceLock;

/// A shipped scenario file: its id and its bytes.
struct Shipped {
    id: &'static str,
    path: &'static str,
    bytes: &'static [u8],
}

/// One [`Shipped`] per id, its file embedded from `scenarios/ID.toml`.
macro_rules! shipped {
    ($($id:literal),* $(,)?) => {
        &[$(Shipped {
            id: $id,
            path: concat!("scenarios/", $id, ".toml"),
            bytes: include_bytes!(concat!("../../scenarios/", $id, ".toml")),
        }),*]
    };
}

/// The shipped scenarios: the default first, then the tutorial, then the
/// stories.
const SHIPPED: &[Shipped] = shipped![
    "electronics",
    "tutorial",
    "alpine",
    "homecare",
    "storm",
    "launch",
    "crisis"
];

/// The id of the default scenario.
pub const DEFAULT_ID: &str = "electronics";

/// The ids of the shipped scenarios, the default first.
pub fn ids() -> Vec<String> {
    SHIPPED.iter().map(|s| s.id.to_string()).collect()
}

/// The shipped scenarios, parsed once. A shipped file that fails to parse
/// is left out (a test makes sure none does).
pub fn all() -> &'static [Scenario] {
    static ALL: OnceLock<Vec<Scenario>> = OnceLock::new();
    ALL.get_or_init(|| {
        SHIPPED
            .iter()
            .filter_map(|s| parse(s.bytes, s.path, &format!("builtin:{}", s.id)).ok())
            .collect()
    })
}

/// Each shipped file's path and its parse result, for tests and `check`.
pub fn check_shipped() -> Vec<(&'static str, Result<Scenario, super::Error>)> {
    SHIPPED
        .iter()
        .map(|s| (s.path, parse(s.bytes, s.path, &format!("builtin:{}", s.id))))
        .collect()
}

//! The save file as TOML holds it (format version 2): who played which
//! scenario with which seed, every quarter's decisions with a checksum of
//! the state after it, and a summary for listings. A save is a decision
//! log, never a memory dump, so any culturesim of the same model version
//! can replay it and prove it genuine.

use super::error::ErrorKind;
use super::name;
use crate::scenario::Scenario;
use crate::sim::{Decisions, Game, MODEL_VERSION, Outcome};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::time::SystemTime;
use toml::value::Datetime;

/// The format version this build writes. Older versions are migrated on
/// load (see `migrate.rs`); newer ones are refused with both versions named.
/// Format 2 hashes the canonical scenario and adds `start` and `seal`.
pub const FORMAT: u32 = 2;

/// The longest player or team name kept, in characters.
pub const MAX_PLAYER_CHARS: usize = 64;

/// One game's decision log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Save {
    /// The file format version ([`FORMAT`] once loaded).
    pub format: u32,
    /// The model version the game was played with ([`MODEL_VERSION`]).
    pub model_version: u32,
    /// The seed of the game's random events and measurement noise.
    #[serde(with = "seed")]
    pub seed: u64,
    /// Player or team name.
    pub player: String,
    /// The state checksum before quarter 1 (format 2 on): a changed seed
    /// is told apart from edited decisions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Hex64>,
    /// [`Save::seal`] as written (format 2 on): covers the player, the
    /// scenario reference, the summary (date included) and every quarter's
    /// checksum, which themselves cover the decisions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<Hex64>,
    pub scenario: ScenarioRef,
    pub summary: Summary,
    /// For a game branched from another: which, and from which quarter.
    /// Optional, so saves written before branching existed still load.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch: Option<super::branch::BranchRef>,
    /// The quarters played, in order. Empty for a game saved before its
    /// first quarter.
    #[serde(default, rename = "quarter", skip_serializing_if = "Vec::is_empty")]
    pub quarters: Vec<QuarterEntry>,
}

/// Which scenario the game was played on, and its exact content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioRef {
    pub id: String,
    /// For listings only; replay does not use it.
    pub title: String,
    /// Hash of the canonical scenario ([`Scenario::content_hash`]; of the
    /// file's bytes before format 2): replay on a changed scenario would
    /// prove nothing.
    pub hash: Hex64,
    /// `builtin:ID` for a shipped scenario, else the path it was loaded from.
    pub origin: String,
}

/// What a listing shows without replaying: the claims `verify` checks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// Quarters played.
    pub quarter: u32,
    /// Quarters in the scenario.
    pub quarters: u32,
    /// The score after the last quarter played (0 before the first).
    pub score: f64,
    pub outcome: SavedOutcome,
    /// When the file was written (UTC), from the system clock: outside the
    /// model and every checksum, so re-saving never changes a replay.
    pub written: Datetime,
}

/// One quarter of the log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuarterEntry {
    /// The quarter number, from 1: makes a removed or repeated quarter visible.
    pub quarter: u32,
    /// [`crate::sim::State::checksum`] after this quarter.
    pub checksum: Hex64,
    pub decisions: Decisions,
}

/// How the game stood when saved (mirrors [`Outcome`], which the model
/// does not make deserializable).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SavedOutcome {
    Playing,
    Finished,
    BoardOut,
    Bankrupt,
}

impl From<Outcome> for SavedOutcome {
    fn from(o: Outcome) -> Self {
        match o {
            Outcome::Playing => SavedOutcome::Playing,
            Outcome::Finished => SavedOutcome::Finished,
            Outcome::BoardOut => SavedOutcome::BoardOut,
            Outcome::Bankrupt => SavedOutcome::Bankrupt,
        }
    }
}

impl SavedOutcome {
    /// Whether no more quarters can be played.
    pub fn is_over(self) -> bool {
        self != SavedOutcome::Playing
    }

    /// The word the file uses.
    pub fn key(self) -> &'static str {
        match self {
            SavedOutcome::Playing => "playing",
            SavedOutcome::Finished => "finished",
            SavedOutcome::BoardOut => "board_out",
            SavedOutcome::Bankrupt => "bankrupt",
        }
    }
}

impl fmt::Display for SavedOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A u64 written as 16 hex digits: TOML integers are i64, and a hash
/// reads better as hex anyway.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Hex64(pub u64);

impl fmt::Display for Hex64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl Hex64 {
    /// Parses exactly 16 hex digits, the only form this build writes.
    pub fn parse(s: &str) -> Option<Hex64> {
        if s.len() != 16 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u64::from_str_radix(s, 16).ok().map(Hex64)
    }
}

impl Serialize for Hex64 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Hex64 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Hex64::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("expected 16 hexadecimal digits, found \"{s}\""))
        })
    }
}

/// Seeds are written as TOML integers when they fit (they read best so),
/// and as decimal strings above `i64::MAX`.
mod seed {
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(seed: &u64, s: S) -> Result<S::Ok, S::Error> {
        match i64::try_from(*seed) {
            Ok(v) => s.serialize_i64(v),
            Err(_) => s.collect_str(seed),
        }
    }

    struct Visitor;

    impl serde::de::Visitor<'_> for Visitor {
        type Value = u64;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a whole number from 0 to 18446744073709551615")
        }

        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<u64, E> {
            u64::try_from(v).map_err(|_| E::custom(format!("the seed must be 0 or more, not {v}")))
        }

        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<u64, E> {
            Ok(v)
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<u64, E> {
            v.parse().map_err(|_| {
                E::custom(format!(
                    "the seed must be a whole number from 0 to 18446744073709551615, not \"{v}\""
                ))
            })
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        d.deserialize_any(Visitor)
    }
}

impl Save {
    /// The save of `game` as it stands, stamped with the system clock.
    pub fn from_game(scenario: &Scenario, player: &str, game: &Game) -> Save {
        Save::from_game_at(scenario, player, game, SystemTime::now())
    }

    /// The save of `game`, stamped with `written` (tests pin the clock).
    pub fn from_game_at(
        scenario: &Scenario,
        player: &str,
        game: &Game,
        written: SystemTime,
    ) -> Save {
        let quarters = game
            .history()
            .iter()
            .map(|r| QuarterEntry {
                quarter: r.quarter,
                checksum: Hex64(r.checksum),
                decisions: r.decisions.clone(),
            })
            .collect();
        let start = Game::new(scenario.rules.clone(), game.state().seed)
            .state()
            .checksum();
        let mut save = Save {
            format: FORMAT,
            model_version: MODEL_VERSION,
            seed: game.state().seed,
            player: clean_player(player),
            start: Some(Hex64(start)),
            seal: None,
            scenario: ScenarioRef {
                id: scenario.id.clone(),
                // Titles may hold tabs; a save holds no control characters.
                title: clean_text(&scenario.title),
                hash: Hex64(scenario.content_hash),
                origin: scenario.origin.clone(),
            },
            summary: Summary {
                quarter: game.state().quarter,
                quarters: game.rules().quarters,
                score: game.last().map_or(0.0, |r| r.kpis.score),
                outcome: game.state().outcome.into(),
                written: name::datetime(written),
            },
            branch: None,
            quarters,
        };
        save.seal = Some(save.seal());
        save
    }

    /// The save as a branch of `branch` (or of nothing), sealed anew: the
    /// parent is part of what the seal covers.
    pub fn with_branch(mut self, branch: Option<super::branch::BranchRef>) -> Save {
        self.branch = branch;
        self.seal = Some(self.seal());
        self
    }

    /// The hash that seals every field but `seal` itself: an edit to the
    /// player, the scenario reference, the summary or a checksum breaks it.
    /// (Decisions are covered by the checksums, which replay proves.)
    pub fn seal(&self) -> Hex64 {
        let mut out = Vec::with_capacity(256 + 16 * self.quarters.len());
        let mut text = |s: &str| {
            out.extend_from_slice(&(s.len() as u64).to_le_bytes());
            out.extend_from_slice(s.as_bytes());
        };
        let r = &self.scenario;
        let sm = &self.summary;
        let start = self.start.map_or(String::new(), |h| h.to_string());
        text("culturesim-seal-1");
        for field in [
            self.format.to_string(),
            self.model_version.to_string(),
            self.seed.to_string(),
            self.player.clone(),
            start,
            r.id.clone(),
            r.title.clone(),
            r.hash.to_string(),
            r.origin.clone(),
            sm.quarter.to_string(),
            sm.quarters.to_string(),
            format!("{:016x}", sm.score.to_bits()),
            sm.outcome.key().to_string(),
            sm.written.to_string(),
        ] {
            text(&field);
        }
        for q in &self.quarters {
            text(&format!("{}:{}", q.quarter, q.checksum));
        }
        // A branch's parent is part of what it claims; saves without one
        // keep the seal they always had.
        if let Some(b) = &self.branch {
            text("branch");
            text(&b.parent);
            text(&format!(
                "{}:{}:{}",
                b.parent_quarter, b.parent_checksum, b.at
            ));
        }
        Hex64(crate::scenario::content_hash(&out))
    }

    /// The file's text: a comment for whoever opens it, then the log.
    pub fn to_toml(&self) -> Result<String, ErrorKind> {
        let body = toml::to_string(self).map_err(|e| ErrorKind::Invalid {
            text: None,
            position: None,
            message: format!("cannot be written as TOML: {e}"),
        })?;
        Ok(format!("{HEADER}{body}"))
    }
}

const HEADER: &str = "\
# culturesim save: the decision log of one game, replayed when loaded.
# `culturesim verify FILE` checks it; an edited decision fails from its quarter.

";

/// A player name fit for a file and a terminal: no control characters, no
/// surrounding blanks, at most [`MAX_PLAYER_CHARS`] characters.
/// Text as saves hold it: control characters (tabs included) become
/// single spaces, and what the output policy calls hidden (text-direction
/// overrides, zero-width and TAG characters) and combining floods are
/// dropped, so no save carries what a terminal would have to escape.
pub fn clean_text(text: &str) -> String {
    let mut run = 0;
    text.chars()
        .filter_map(|c| {
            run = if crate::output::is_combining(c) {
                run + 1
            } else {
                0
            };
            if c.is_control() {
                Some(' ')
            } else if crate::output::is_hidden(c) || run > crate::output::MAX_COMBINING {
                None
            } else {
                Some(c)
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A player or team name as saves hold it.
pub fn clean_player(name: &str) -> String {
    let cut: String = clean_text(name).chars().take(MAX_PLAYER_CHARS).collect();
    match cut.trim() {
        "" => "anonymous".to_string(),
        t => t.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_refuses_other_forms() {
        assert_eq!(Hex64(0xdead_beef).to_string(), "00000000deadbeef");
        assert_eq!(Hex64::parse("00000000deadbeef"), Some(Hex64(0xdead_beef)));
        assert_eq!(
            Hex64::parse(&Hex64(u64::MAX).to_string()),
            Some(Hex64(u64::MAX))
        );
        assert_eq!(Hex64::parse("deadbeef"), None);
        assert_eq!(Hex64::parse("+000000000000001"), None);
        assert_eq!(Hex64::parse("000000000000000g"), None);
    }

    #[test]
    fn player_names_lose_control_characters_and_excess() {
        assert_eq!(clean_player("  Team\tBlue\x1b[31m "), "Team Blue [31m");
        assert_eq!(clean_player(""), "anonymous");
        // Issue 9, L4: a right-to-left override would reverse what follows.
        assert_eq!(clean_player("Ann\u{202e}reverse\u{200b}d"), "Annreversed");
        assert_eq!(clean_player("\u{202e}\u{2066}"), "anonymous");
        assert_eq!(
            clean_player(&"é".repeat(100)).chars().count(),
            MAX_PLAYER_CHARS
        );
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Seeded {
        #[serde(with = "seed")]
        seed: u64,
    }

    #[test]
    fn seeds_above_i64_survive_as_text() {
        for seed in [0, 42, i64::MAX as u64, u64::MAX] {
            let text = toml::to_string(&Seeded { seed }).unwrap_or_default();
            assert_eq!(
                toml::from_str::<Seeded>(&text).ok(),
                Some(Seeded { seed }),
                "{text}"
            );
        }
        assert!(toml::from_str::<Seeded>("seed = -1").is_err());
        assert!(toml::from_str::<Seeded>("seed = \"x\"").is_err());
    }
}

//! Loading by replay: a save is trusted only after its decisions, replayed
//! on the same scenario and seed, give the same state checksum after every
//! quarter and the summary it claims. The same path serves `verify`,
//! `resume` and the title screen's "continue".

use super::error::{Error, ErrorKind};
use super::format::{Hex64, Save, SavedOutcome};
use super::parse::{self, Decoded};
use crate::scenario::{self, Scenario};
use crate::sim::{DecisionError, Game, MODEL_VERSION};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A save that replayed exactly as recorded, and the game it rebuilt.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The file it came from; autosaves of the continued game go back there.
    pub path: PathBuf,
    /// The log as read: it does not follow the game once play continues.
    pub save: Save,
    /// The format version of the file (below [`super::FORMAT`] if migrated).
    pub read_format: u32,
    pub scenario: Scenario,
    /// Whether the scenario was named by the instructor (`verify
    /// --scenario FILE`) rather than found by the save's own reference.
    pub scenario_given: bool,
    /// The game after the last recorded quarter, ready to continue.
    pub game: Game,
}

impl Loaded {
    /// The player or team name.
    pub fn player(&self) -> &str {
        &self.save.player
    }

    /// Writes the game as it now stands back to its file, atomically (call
    /// after every quarter of a resumed game).
    pub fn autosave(&self) -> Result<(), Error> {
        // A branch stays a branch however far it is played.
        let save = super::Save::from_game(&self.scenario, &self.save.player, &self.game)
            .with_branch(self.save.branch.clone());
        super::write_creating_folder(&self.path, &save)
    }
}

/// Loads a scenario by shipped id or path ([`scenario::load`] but in tests).
type Loader = fn(&str) -> Result<Scenario, String>;

/// Verifies saves, loading each scenario once however many saves use it
/// (a class hands in dozens of saves of one scenario).
#[derive(Debug)]
pub struct Verifier {
    /// Scenario by the id or path it was loaded from; errors are kept too.
    scenarios: BTreeMap<String, Result<Scenario, String>>,
    /// Scenarios named explicitly: they alone are used for their id.
    given: BTreeMap<String, Scenario>,
    /// Hand-ins: a file claiming a shipped id is refused unless given.
    hand_ins: bool,
    load: Loader,
}

impl Default for Verifier {
    fn default() -> Self {
        Verifier {
            scenarios: BTreeMap::new(),
            given: BTreeMap::new(),
            hand_ins: false,
            load: |id_or_path| scenario::load(id_or_path).map_err(|e| e.to_string()),
        }
    }
}

impl Verifier {
    pub fn new() -> Verifier {
        Verifier::default()
    }

    /// For saves handed in (`culturesim verify`): a scenario file found by
    /// the save's reference that claims a shipped scenario's id but is not
    /// it is not trusted unless named with [`Verifier::add_scenario`]. A
    /// player's own game (resume, the continue list) may be played on an
    /// edited copy, and says so in its status.
    pub fn for_hand_ins(mut self) -> Verifier {
        self.hand_ins = true;
        self
    }

    /// Makes `scenario` the one used for saves of its id, instead of the
    /// shipped one or a file the save names: for a scenario built in code,
    /// or one an instructor names (`verify --scenario FILE`).
    pub fn add_scenario(&mut self, scenario: Scenario) {
        self.given.insert(scenario.id.clone(), scenario);
    }

    /// Reads the save at `path` and replays it.
    pub fn verify(&mut self, path: &Path) -> Result<Loaded, Error> {
        let decoded = parse::read(path)?;
        self.replay(path, decoded)
            .map_err(|kind| Error::new(path, kind))
    }

    /// Reads the save at `path` and replays its log, for a game to branch
    /// from or replay rather than a claim to check: every recorded quarter
    /// must replay to its checksum, but the summary is not held against
    /// the log, so a file cut after some quarter (an unfinished game)
    /// loads as the game up to there. `verify` and rankings use
    /// [`Verifier::verify`], which refuses such a file.
    pub fn verify_log(&mut self, path: &Path) -> Result<Loaded, Error> {
        let decoded = parse::read(path)?;
        self.replay_with(path, decoded, false)
            .map_err(|kind| Error::new(path, kind))
    }

    /// Replays a save read from `path` (the path locates a scenario file
    /// kept beside the save).
    pub fn replay(&mut self, path: &Path, decoded: Decoded) -> Result<Loaded, ErrorKind> {
        self.replay_with(path, decoded, true)
    }

    fn replay_with(
        &mut self,
        path: &Path,
        decoded: Decoded,
        summary: bool,
    ) -> Result<Loaded, ErrorKind> {
        let Decoded { save, read_format } = decoded;
        if save.model_version != MODEL_VERSION {
            return Err(ErrorKind::ModelVersion {
                found: save.model_version,
                current: MODEL_VERSION,
            });
        }
        // Saves before format 2 recorded the hash of the file's bytes.
        let canonical = read_format >= 2;
        let (scenario, scenario_given) = self.scenario(&save, path, canonical)?;
        if self.hand_ins
            && !scenario_given
            && scenario::is_shipped_id(&scenario.id)
            && !scenario::is_shipped(&scenario)
        {
            let shipped = scenario::load(&scenario.id).map_or(0, |s| s.content_hash);
            return Err(ErrorKind::NotShipped {
                id: scenario.id.clone(),
                file: scenario.origin.clone(),
                found: scenario.content_hash,
                shipped,
            });
        }
        if scenario.lock_seed && save.seed != scenario.seed {
            return Err(ErrorKind::SeedNotLocked {
                id: scenario.id.clone(),
                found: save.seed,
                locked: scenario.seed,
            });
        }
        if let Some(start) = save.start {
            let replayed = Game::new(scenario.rules.clone(), save.seed)
                .state()
                .checksum();
            if replayed != start.0 {
                return Err(ErrorKind::SeedEdited { seed: save.seed });
            }
        }
        let game = replay_log(&scenario, &save)?;
        // A log cut short (for replay and branching) has no summary and no
        // seal that could match; its quarters' checksums still hold it.
        if summary {
            check_summary(&save, &game)?;
            if let Some(recorded) = save.seal {
                let found = save.seal();
                if found != recorded {
                    return Err(ErrorKind::Seal {
                        recorded: recorded.to_string(),
                        found: found.to_string(),
                    });
                }
            }
        }
        Ok(Loaded {
            path: path.to_path_buf(),
            save,
            read_format,
            scenario,
            scenario_given,
            game,
        })
    }

    /// The scenario the save was played on, with the same content hash.
    /// A shipped scenario is found by id. One loaded from a file is looked
    /// for where it was, then beside the save (students hand in both), then
    /// among the shipped ones.
    fn scenario(
        &mut self,
        save: &Save,
        path: &Path,
        canonical: bool,
    ) -> Result<(Scenario, bool), ErrorKind> {
        let r = &save.scenario;
        let hash = |s: &Scenario| {
            Hex64(if canonical {
                s.content_hash
            } else {
                s.file_hash
            })
        };
        if let Some(s) = self.given.get(&r.id) {
            if hash(s) == r.hash {
                return Ok((s.clone(), true));
            }
            return Err(ErrorKind::ScenarioChanged {
                id: r.id.clone(),
                origin: s.origin.clone(),
                recorded: r.hash.to_string(),
                found: hash(s).to_string(),
            });
        }
        let mut candidates = Vec::new();
        if !r.origin.starts_with("builtin:") {
            candidates.push(r.origin.clone());
            if let (Some(dir), Some(name)) = (path.parent(), Path::new(&r.origin).file_name()) {
                let beside = dir.join(name).to_string_lossy().into_owned();
                if beside != r.origin {
                    candidates.push(beside);
                }
            }
        }
        candidates.push(r.id.clone());
        let mut changed = None;
        let mut tried = Vec::new();
        let load = self.load;
        for candidate in &candidates {
            let loaded = self
                .scenarios
                .entry(candidate.clone())
                .or_insert_with(|| load(candidate));
            match loaded {
                Ok(s) if s.id == r.id && hash(s) == r.hash => return Ok((s.clone(), false)),
                Ok(s) if s.id == r.id => {
                    changed.get_or_insert_with(|| (s.origin.clone(), hash(s)));
                }
                Ok(s) => tried.push(format!("{candidate} (holds scenario '{}')", s.id)),
                Err(_) => tried.push(candidate.clone()),
            }
        }
        match changed {
            Some((origin, found)) => Err(ErrorKind::ScenarioChanged {
                id: r.id.clone(),
                origin,
                recorded: r.hash.to_string(),
                found: found.to_string(),
            }),
            None => Err(ErrorKind::ScenarioNotFound {
                id: r.id.clone(),
                tried: tried.join(", "),
            }),
        }
    }
}

/// Replays the recorded decisions, comparing checksums quarter by quarter:
/// the first quarter that differs is the first one edited.
fn replay_log(scenario: &Scenario, save: &Save) -> Result<Game, ErrorKind> {
    let mut game = Game::new(scenario.rules.clone(), save.seed);
    for (index, entry) in (1..).zip(&save.quarters) {
        if entry.quarter != index {
            return Err(ErrorKind::QuarterOrder {
                index,
                found: entry.quarter,
            });
        }
        let report = game.advance(&entry.decisions).map_err(|e| match e {
            DecisionError::GameOver => ErrorKind::AfterEnd { quarter: index },
            source => ErrorKind::Refused {
                quarter: index,
                source,
            },
        })?;
        if report.checksum != entry.checksum.0 {
            return Err(ErrorKind::Edited {
                quarter: index,
                recorded: entry.checksum.to_string(),
                replayed: Hex64(report.checksum).to_string(),
            });
        }
    }
    Ok(game)
}

/// The summary is what listings and rankings show without replaying, so a
/// summary that the replay does not bear out is an edit like any other.
fn check_summary(save: &Save, game: &Game) -> Result<(), ErrorKind> {
    let s = &save.summary;
    let mismatch = |field, recorded: String, replayed: String, hint| ErrorKind::Summary {
        field,
        recorded,
        replayed,
        hint,
    };
    let played = game.state().quarter;
    if s.quarter != played {
        return Err(mismatch(
            "quarter",
            s.quarter.to_string(),
            played.to_string(),
            if s.quarter > played {
                ", or quarters were removed from the end (was the file cut short?)"
            } else {
                ""
            },
        ));
    }
    if s.quarters != game.rules().quarters {
        let total = game.rules().quarters.to_string();
        return Err(mismatch("quarters", s.quarters.to_string(), total, ""));
    }
    let outcome = SavedOutcome::from(game.state().outcome);
    if s.outcome != outcome {
        let (rec, rep) = (s.outcome.to_string(), outcome.to_string());
        return Err(mismatch("outcome", rec, rep, ""));
    }
    let score = game.last().map_or(0.0, |r| r.kpis.score);
    // TOML writes floats so that they read back bit for bit; the margin
    // only forgives a tool that rounds the last digit.
    let close = (s.score - score).abs() <= 1e-9 * score.abs().max(1.0);
    if !close {
        let (rec, rep) = (s.score.to_string(), score.to_string());
        return Err(mismatch("score", rec, rep, ""));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::save::format::{ScenarioRef, Summary};
    use crate::sim::Rules;
    use std::sync::Arc;

    /// Scenario files as a class might have them: the author's original
    /// path is gone, a copy sits beside the saves, an older edit elsewhere.
    fn files(id_or_path: &str) -> Result<Scenario, String> {
        let hash = match id_or_path {
            "/class/custom.toml" => 7,
            "/old/custom.toml" => 6,
            _ => return Err(format!("no scenario '{id_or_path}'")),
        };
        Ok(Scenario {
            id: "custom".into(),
            content_hash: hash,
            origin: id_or_path.into(),
            rules: Arc::new(Rules::default()),
            ..Scenario::reference()
        })
    }

    fn save_of(origin: &str, hash: u64) -> Save {
        Save {
            format: 2,
            model_version: MODEL_VERSION,
            seed: 1,
            player: "Ann".into(),
            start: None,
            seal: None,
            scenario: ScenarioRef {
                id: "custom".into(),
                title: "Custom".into(),
                hash: Hex64(hash),
                origin: origin.into(),
            },
            summary: Summary {
                quarter: 0,
                quarters: 20,
                score: 0.0,
                outcome: SavedOutcome::Playing,
                written: crate::save::name::datetime(std::time::UNIX_EPOCH),
            },
            branch: None,
            quarters: Vec::new(),
        }
    }

    fn find(origin: &str, hash: u64, save_path: &str) -> Result<String, String> {
        let mut v = Verifier {
            load: files,
            ..Verifier::default()
        };
        v.scenario(&save_of(origin, hash), Path::new(save_path), true)
            .map(|(s, _)| s.origin)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn a_scenario_file_is_found_where_it_was_or_beside_the_save() {
        assert_eq!(
            find("/class/custom.toml", 7, "/x/a.toml"),
            Ok("/class/custom.toml".into())
        );
        assert_eq!(
            find("/home/ann/custom.toml", 7, "/class/a.toml"),
            Ok("/class/custom.toml".into())
        );
        // The first copy with the recorded content wins.
        assert_eq!(
            find("/old/custom.toml", 7, "/class/a.toml"),
            Ok("/class/custom.toml".into())
        );
    }

    #[test]
    fn a_changed_or_missing_scenario_file_says_which() {
        let changed = find("/old/custom.toml", 5, "/x/a.toml")
            .err()
            .unwrap_or_default();
        assert!(changed.contains("has changed"), "{changed}");
        assert!(
            changed.contains("/old/custom.toml has 0000000000000006"),
            "{changed}"
        );
        let missing = find("/home/ann/custom.toml", 7, "/x/a.toml")
            .err()
            .unwrap_or_default();
        assert!(
            missing.contains("looked for: /home/ann/custom.toml, /x/custom.toml, custom"),
            "{missing}"
        );
    }
}

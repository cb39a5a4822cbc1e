//! Branches: "what if I had played quarter N otherwise?". A branch is a
//! new save holding the parent's quarters before N, ready to play quarter
//! N; it records its parent (file and identity) and the quarter it
//! branched at in an optional `[branch]` table, so saves without one load
//! as before. The parent's file is only read, never written.

use super::error::Error;
use super::format::{Hex64, Save};
use super::verify::{Loaded, Verifier};
use crate::sim::Game;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Where a branched game came from, as its save's `[branch]` table holds it:
///
/// ```toml
/// [branch]
/// parent = "saves/ann_electronics_20261123-150207.toml"
/// parent_quarter = 20                 # quarters the parent had played
/// parent_checksum = "2108b0c566a6414a" # its state after them: which game
/// at = 3                              # quarters 1-2 are the parent's
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BranchRef {
    /// The parent's save file, as it was named when branched.
    pub parent: String,
    /// Quarters the parent had played when branched.
    pub parent_quarter: u32,
    /// The parent's state checksum after those quarters: tells the parent
    /// game apart from a later one written to the same file.
    pub parent_checksum: Hex64,
    /// The first quarter the branch plays on its own: quarters before it
    /// are the parent's decisions, replayed.
    pub at: u32,
}

impl BranchRef {
    /// Whether `loaded` is this branch's parent game (or that game played
    /// further): its log reaches the recorded quarter with the recorded
    /// checksum.
    pub fn is_parent(&self, loaded: &Loaded) -> bool {
        let q = self.parent_quarter;
        match q.checked_sub(1) {
            None => loaded.save.seed == loaded.game.state().seed,
            Some(i) => loaded
                .game
                .history()
                .get(i as usize)
                .is_some_and(|r| Hex64(r.checksum) == self.parent_checksum),
        }
    }
}

/// Branches the save at `parent_path` at quarter `at`: writes a new save
/// to `out` (or, without one, to a free `NAME_branch_qN.toml` beside the
/// parent) holding the parent's quarters 1 to `at − 1`, verifies it, and
/// returns it ready to play quarter `at`. The parent may be a game cut
/// short (see [`Verifier::verify_log`]); its file is never written.
pub fn branch(parent_path: &Path, at: u32, out: Option<&Path>) -> Result<Loaded, BranchError> {
    let parent = Verifier::new().verify_log(parent_path)?;
    let played = parent.game.history().len() as u32;
    let refuse = |path: &Path, message: String| BranchError::Refused {
        path: path.to_path_buf(),
        message,
    };
    // A finished game can be branched at any quarter it played; one under
    // way also at the next.
    let last = if parent.game.is_over() {
        played
    } else {
        played + 1
    };
    if at == 0 || at > last {
        return Err(refuse(
            parent_path,
            format!(
                "cannot branch at quarter {at}: the game has played quarters 1-{played}, so a branch starts at a quarter from 1 to {last}"
            ),
        ));
    }
    let mut game = Game::new(parent.scenario.rules.clone(), parent.save.seed);
    for r in &parent.game.history()[..(at - 1) as usize] {
        game.advance(&r.decisions)
            .map_err(|e| refuse(parent_path, format!("replaying quarter {}: {e}", r.quarter)))?;
    }
    if game.is_over() {
        return Err(refuse(
            parent_path,
            format!(
                "cannot branch at quarter {at}: the game was over after quarter {}",
                at - 1
            ),
        ));
    }
    let target = match out {
        Some(p) => p.to_path_buf(),
        None => free_name(parent_path, at),
    };
    if same_file(&target, parent_path) {
        return Err(refuse(
            parent_path,
            "the branch would overwrite its parent: give another --out".into(),
        ));
    }
    if target.exists() {
        return Err(refuse(
            &target,
            "the file exists: a branch is written to a new file; give another --out or remove it"
                .into(),
        ));
    }
    let save = Save::from_game(&parent.scenario, &parent.save.player, &game).with_branch(Some(
        BranchRef {
            parent: parent_path.display().to_string(),
            parent_quarter: played,
            parent_checksum: Hex64(parent.game.last().map_or(0, |r| r.checksum)),
            at,
        },
    ));
    super::write(&target, &save)?;
    let mut verifier = Verifier::new();
    verifier.add_scenario(parent.scenario.clone());
    Ok(verifier.verify(&target)?)
}

/// Why a branch could not be made.
#[derive(Debug, thiserror::Error)]
pub enum BranchError {
    /// The parent could not be read or replayed, or the branch written.
    #[error(transparent)]
    Save(#[from] Error),
    /// The quarter or the file asked for cannot be.
    #[error("{}: {message}", path.display())]
    Refused { path: PathBuf, message: String },
}

impl BranchError {
    /// Whether the request is at fault (exit code 2) rather than the system.
    pub fn is_bad_input(&self) -> bool {
        match self {
            BranchError::Save(e) => e.kind.is_bad_input(),
            BranchError::Refused { .. } => true,
        }
    }
}

/// `NAME_branch_qN.toml` beside the parent, or `…_qN_2.toml` and so on
/// when taken.
pub fn free_name(parent: &Path, at: u32) -> PathBuf {
    let dir = parent.parent().unwrap_or(Path::new(""));
    let stem = parent
        .file_stem()
        .map_or_else(|| "game".into(), |s| s.to_string_lossy().into_owned());
    // A branch of a branch: `x_branch_q3_branch_q5` reads worse than `x_branch_q5`.
    let stem = stem
        .find("_branch_q")
        .map_or(stem.as_str(), |i| &stem[..i])
        .to_string();
    (1..)
        .map(|n| {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("_{n}")
            };
            dir.join(format!("{stem}_branch_q{at}{suffix}.toml"))
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(format!("{stem}_branch_q{at}.toml")))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn branch_names_are_free_and_do_not_stack() {
        let dir = std::env::temp_dir().join(format!("culturesim-branch-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let parent = dir.join("ann_electronics.toml");
        assert_eq!(
            free_name(&parent, 3),
            dir.join("ann_electronics_branch_q3.toml")
        );
        let _ = std::fs::write(dir.join("ann_electronics_branch_q3.toml"), "x");
        assert_eq!(
            free_name(&parent, 3),
            dir.join("ann_electronics_branch_q3_2.toml")
        );
        assert_eq!(
            free_name(&dir.join("ann_electronics_branch_q3.toml"), 5),
            dir.join("ann_electronics_branch_q5.toml")
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

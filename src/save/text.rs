//! What culturesim says about saves, in one place: the lines `verify`
//! prints per file and the description `resume` shows.

use super::error::Error;
use super::format::FORMAT;
use super::verify::Loaded;
use std::path::{Path, PathBuf};

/// One line about a genuine save: who, what, how far, how well.
pub fn status(loaded: &Loaded) -> String {
    let save = &loaded.save;
    let state = loaded.game.state();
    let mut line = format!(
        "{}, {}, seed {}, quarter {} of {}, {}, score {:.1}",
        save.player,
        scenario_used(loaded),
        save.seed,
        state.quarter,
        loaded.game.rules().quarters,
        state.outcome.describe(),
        save.summary.score,
    );
    if loaded.read_format < FORMAT {
        line.push_str(&format!(
            " (format version {}, read as {FORMAT}; its player and date are not sealed)",
            loaded.read_format
        ));
    }
    line
}

/// Which scenario a save was replayed on, and its hash: the shipped one,
/// or a file — and then plainly whether it is a shipped id's impostor.
fn scenario_used(loaded: &Loaded) -> String {
    let s = &loaded.scenario;
    let hash = super::format::Hex64(s.content_hash);
    if crate::scenario::is_shipped(s) {
        return format!("shipped scenario '{}' (hash {hash})", s.id);
    }
    let given = if loaded.scenario_given {
        ", given with --scenario"
    } else {
        ""
    };
    let mut text = format!("scenario '{}' from {} (hash {hash}{given})", s.id, s.origin);
    if crate::scenario::is_shipped_id(&s.id) {
        text.push_str(&format!(", NOT the shipped '{}'", s.id));
    }
    text
}

/// The line `culturesim verify` prints for one file: `PATH: OK: …` or
/// `PATH: FAILED: what is wrong`.
pub fn verify_line(path: &Path, result: &Result<Loaded, Error>) -> String {
    let line = match result {
        Ok(loaded) => format!("{}: OK: {}", path.display(), status(loaded)),
        Err(e) => format!("{}: FAILED: {}", e.location(), e.kind),
    };
    printable(&line)
}

/// The closing line of `culturesim verify`.
pub fn verify_tally(ok: usize, total: usize) -> String {
    let failed = total - ok;
    match (total, failed) {
        (1, 0) => "the save is genuine".to_string(),
        (_, 0) => format!("all {total} saves are genuine"),
        (1, _) => "the save failed verification".to_string(),
        _ => format!("{failed} of {total} saves failed verification"),
    }
}

/// The file `culturesim resume NAME` means: NAME itself if it exists, else
/// NAME (or NAME.toml) in the saves folder — so `resume ann_x_….toml` works
/// from anywhere.
pub fn locate(name: &Path, dir: &Path) -> PathBuf {
    if name.exists() || name.is_absolute() {
        return name.to_path_buf();
    }
    let mut with_ext = name.as_os_str().to_owned();
    with_ext.push(".toml");
    [dir.join(name), dir.join(with_ext)]
        .into_iter()
        .find(|p| p.is_file())
        .unwrap_or_else(|| name.to_path_buf())
}

/// What to say when `culturesim resume NAME` finds no such file: where it
/// looked, and the newest saves it could have meant.
pub fn not_found(name: &Path, dir: &Path) -> String {
    let mut message = format!(
        "no save '{}' here or in the saves folder '{}'",
        name.display(),
        dir.display()
    );
    let saves = super::list(dir).map(|l| l.saves).unwrap_or_default();
    if saves.is_empty() {
        message.push_str(" (it holds no saves; choose another with --saves DIR)");
    } else {
        message.push_str("; the newest there:");
        for e in saves.iter().take(5) {
            let file = e.path.file_name().unwrap_or_default().to_string_lossy();
            message.push_str(&format!(
                "\n  {file}  ({}, {}, quarter {} of {}, {})",
                e.player, e.scenario_id, e.quarter, e.quarters, e.written
            ));
        }
    }
    printable_lines(&message)
}

/// [`printable`], keeping line breaks.
fn printable_lines(s: &str) -> String {
    s.lines().map(printable).collect::<Vec<_>>().join("\n")
}

/// Text safe to print to a terminal: a file's contents can reach an error
/// message, and an escape sequence in it must not reach the terminal. The
/// output policy's one line form ([`crate::output::escape`]).
pub fn printable(s: &str) -> String {
    crate::output::escape(s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_reach_the_terminal() {
        assert_eq!(printable("a\x1b[2Jb\r\n"), "a\\u{1b}[2Jb\\r\\n");
        assert_eq!(printable("Ann\u{202e}x"), "Ann\\u{202e}x");
    }

    #[test]
    fn tallies_read_as_sentences() {
        assert_eq!(verify_tally(1, 1), "the save is genuine");
        assert_eq!(verify_tally(3, 3), "all 3 saves are genuine");
        assert_eq!(verify_tally(2, 3), "1 of 3 saves failed verification");
    }
}

//! Save file names and dates: built from the player, the scenario and the
//! time, with anything unsafe for a path removed, so that a class's saves
//! can sit in one folder and sort by who and when.

use std::fs::OpenOptions;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};
use toml::value::{Date, Datetime, Offset, Time};

/// The default folder for saves, relative to where culturesim runs.
pub const DEFAULT_DIR: &str = "saves";

/// The longest slug taken from a player or scenario name, in characters.
const MAX_SLUG: usize = 32;

/// The saves folder: the one given (`--saves` or `$CULTURESIM_SAVES`) or `saves`.
pub fn saves_dir(given: Option<&Path>) -> PathBuf {
    given.map_or_else(|| PathBuf::from(DEFAULT_DIR), Path::to_path_buf)
}

/// `PLAYER_SCENARIO_YYYYMMDD-HHMMSS.toml`, e.g. `team-blue_electronics_20261123-150207.toml`.
pub fn file_name(player: &str, scenario_id: &str, at: SystemTime) -> String {
    let d = datetime(at);
    let (date, time) = (d.date.unwrap_or(EPOCH), d.time.unwrap_or(MIDNIGHT));
    format!(
        "{}_{}_{:04}{:02}{:02}-{:02}{:02}{:02}.toml",
        slug(player, "player"),
        slug(scenario_id, "scenario"),
        date.year,
        date.month,
        date.day,
        time.hour,
        time.minute,
        time.second.unwrap_or(0),
    )
}

/// A path in `dir` for a new game's save that no file takes yet (a second
/// game started in the same second gets `-2`, and so on). Only a name:
/// another process may take it first — a game uses [`reserve`].
pub fn new_path(dir: &Path, player: &str, scenario_id: &str, at: SystemTime) -> PathBuf {
    let name = file_name(player, scenario_id, at);
    let stem = name.trim_end_matches(".toml");
    let mut path = dir.join(&name);
    let mut n = 2;
    while path.exists() && n < 10_000 {
        path = dir.join(format!("{stem}-{n}.toml"));
        n += 1;
    }
    path
}

/// Like [`new_path`], but the name is taken: the file is created empty
/// with `O_EXCL` (`create_new`), so two games started in the same second —
/// two processes sharing a saves folder — never get the same file. Write
/// the first save over it at once ([`super::autosave`]); `dir` must exist.
pub fn reserve(dir: &Path, player: &str, scenario_id: &str, at: SystemTime) -> io::Result<PathBuf> {
    let name = file_name(player, scenario_id, at);
    let stem = name.trim_end_matches(".toml");
    for n in 1..10_000 {
        let path = if n == 1 {
            dir.join(&name)
        } else {
            dir.join(format!("{stem}-{n}.toml"))
        };
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(_) => return Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("every name from {name} to {stem}-9999.toml is taken"),
    ))
}

/// Letters and digits (of any script) in lower case, everything else a
/// single `-`: no separators, dots, control or shell characters survive.
fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= MAX_SLUG {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        fallback.to_string()
    } else {
        out.to_string()
    }
}

const EPOCH: Date = Date {
    year: 1970,
    month: 1,
    day: 1,
};
const MIDNIGHT: Time = Time {
    hour: 0,
    minute: 0,
    second: Some(0),
    nanosecond: None,
};

/// A UTC date and time to the second. A clock before 1970 (or past year
/// 9999) is clamped rather than trusted: the date is only for people.
pub fn datetime(at: SystemTime) -> Datetime {
    let secs = at
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
        .min(253_402_300_799); // 9999-12-31T23:59:59Z
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    Datetime {
        date: Some(Date { year, month, day }),
        time: Some(Time {
            hour: (rem / 3600) as u8,
            minute: (rem % 3600 / 60) as u8,
            second: Some((rem % 60) as u8),
            nanosecond: None,
        }),
        offset: Some(Offset::Z),
    }
}

/// Days since 1970-01-01 → (year, month, day), Howard Hinnant's algorithm
/// (exact for the proleptic Gregorian calendar); no date crate needed.
fn civil_from_days(days: i64) -> (u16, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as u16, month as u8, day as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn dates_are_utc_calendar_dates() {
        assert_eq!(datetime(at(0)).to_string(), "1970-01-01T00:00:00Z");
        assert_eq!(
            datetime(at(951_782_400)).to_string(),
            "2000-02-29T00:00:00Z"
        );
        assert_eq!(
            datetime(at(1_795_446_127)).to_string(),
            "2026-11-23T15:02:07Z"
        );
    }

    #[test]
    fn names_keep_letters_and_digits_only() {
        let t = at(1_795_446_127);
        assert_eq!(
            file_name("Team Blue", "electronics", t),
            "team-blue_electronics_20261123-150207.toml"
        );
        assert_eq!(
            file_name("../../etc/passwd", "a/b\\c", t),
            "etc-passwd_a-b-c_20261123-150207.toml"
        );
        assert_eq!(
            file_name("José Müller", "x", t),
            "josé-müller_x_20261123-150207.toml"
        );
        assert_eq!(
            file_name(" \x1b\0:*? ", "", t),
            "player_scenario_20261123-150207.toml"
        );
        assert!(file_name(&"a".repeat(500), "s", t).len() < 60);
    }

    #[test]
    fn reserved_names_are_never_shared() {
        let dir = std::env::temp_dir().join(format!("culturesim-reserve-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        assert!(std::fs::create_dir_all(&dir).is_ok());
        let t = at(1_795_446_127);
        // Threads racing as two processes would: every one gets its own.
        let mut got: Vec<PathBuf> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8)
                .map(|_| s.spawn(|| reserve(&dir, "Ann", "x", t).ok()))
                .collect();
            handles
                .into_iter()
                .filter_map(|h| h.join().ok().flatten())
                .collect()
        });
        got.sort();
        got.dedup();
        assert_eq!(got.len(), 8);
        assert!(got.contains(&dir.join("ann_x_20261123-150207.toml")));
        assert!(got.contains(&dir.join("ann_x_20261123-150207-8.toml")));
        let _ = std::fs::remove_dir_all(&dir);
    }
}

//! Reading a save file: size, then text, then TOML, then the format
//! version (migrating older ones), then the fields — each stage with its
//! own clear error, and nothing a file holds can make it panic.

use super::error::{Error, ErrorKind, Position};
use super::format::{FORMAT, MAX_PLAYER_CHARS, Save};
use super::migrate;
use crate::input::InputError;
use std::path::Path;

/// The largest file read as a save. A 20-quarter save is a few kB; the
/// limit only keeps a wrong file from being read into memory.
pub const MAX_BYTES: u64 = 10 * 1024 * 1024;

/// A save as read, and the format version its file was in.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub save: Save,
    /// The file's format version: below [`FORMAT`] when it was migrated.
    pub read_format: u32,
}

/// Reads and decodes the save at `path` (no replay).
pub fn read(path: &Path) -> Result<Decoded, Error> {
    let bytes = read_bytes(path).map_err(|kind| Error::new(path, kind))?;
    decode(&bytes).map_err(|kind| {
        // Positions refer to the normalized text: keep it for the caret.
        let text = String::from_utf8_lossy(&crate::diag::normalize(&bytes)).into_owned();
        Error::new(path, kind).with_text(&text)
    })
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, ErrorKind> {
    // Only a regular file is opened (a FIFO or device would block or never
    // end), and its size is checked before anything is read.
    crate::input::read(path, MAX_BYTES).map_err(|e| match e {
        InputError::TooLarge { size, limit } => ErrorKind::TooLarge { size, limit },
        e => ErrorKind::Unreadable(e.into()),
    })
}

/// Decodes the bytes of a save file.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ErrorKind> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ErrorKind::Empty);
    }
    // Binary files are told by their bytes as they are; then the text is
    // read as any editor writes it (a byte-order mark, CRLF line endings).
    as_text(bytes)?;
    let bytes = &*crate::diag::normalize(bytes);
    let text = as_text(bytes)?;
    // The common case in one parse: a save in the current format, or in
    // format 1, whose layout is the same (so its errors keep positions).
    let direct = match toml::from_str::<Save>(text) {
        Ok(mut save) if save.format == 1 => {
            check(&save)?;
            save.format = FORMAT;
            return Ok(Decoded {
                save,
                read_format: 1,
            });
        }
        Ok(save) if save.format == FORMAT => {
            check(&save)?;
            if save.start.is_none() || save.seal.is_none() {
                let key = if save.start.is_none() {
                    "start"
                } else {
                    "seal"
                };
                return Err(ErrorKind::Invalid {
                    text: None,
                    position: None,
                    message: format!(
                        "missing field `{key}`, which every save of format {FORMAT} has: the file was edited"
                    ),
                });
            }
            return Ok(Decoded {
                save,
                read_format: FORMAT,
            });
        }
        other => other,
    };
    let table: toml::Table = toml::from_str(text).map_err(|e| syntax(text, &e))?;
    let version = format_version(&table)?;
    if version > i64::from(FORMAT) {
        return Err(ErrorKind::NewerFormat {
            found: version,
            supported: FORMAT,
        });
    }
    let save = if version == i64::from(FORMAT) || version == 1 {
        // `direct` failed: its error says where.
        direct.map_err(|e| invalid(text, &e))?
    } else {
        let from = u32::try_from(version).map_err(|_| ErrorKind::Invalid {
            text: None,
            position: None,
            message: format!("format version {version} does not exist: the file was edited"),
        })?;
        migrate::upgrade(table, from)
            .and_then(|t| t.try_into::<Save>().map_err(|e| e.to_string()))
            .map_err(|message| ErrorKind::Invalid {
                text: None,
                position: None,
                message: format!(
                    "{} (while reading it as format version {from})",
                    one_line(&message)
                ),
            })?
    };
    check(&save)?;
    Ok(Decoded {
        read_format: u32::try_from(version).unwrap_or(FORMAT),
        save,
    })
}

fn as_text(bytes: &[u8]) -> Result<&str, ErrorKind> {
    // A NUL byte is valid UTF-8 but never in a text file.
    if let Some(offset) = bytes.iter().position(|b| *b == 0) {
        return Err(ErrorKind::Binary {
            offset,
            what: "a NUL byte",
        });
    }
    std::str::from_utf8(bytes).map_err(|e| ErrorKind::Binary {
        offset: e.valid_up_to(),
        what: "not UTF-8",
    })
}

/// The format version: `format` since version 1; the prototype's version 0
/// called it `version`.
fn format_version(table: &toml::Table) -> Result<i64, ErrorKind> {
    let missing = || {
        ErrorKind::Invalid {
 text: None,
        position: None,
        message: "missing field `format` (the save's format version): this is not a culturesim save, or its first lines were removed".into(),
    }
    };
    match (table.get("format"), table.get("version")) {
        (Some(v), _) => v.as_integer().ok_or_else(|| ErrorKind::Invalid {
            text: None,
            position: None,
            message: format!("`format` must be a whole number, not a {}", v.type_str()),
        }),
        (None, Some(v)) if v.as_integer() == Some(0) => Ok(0),
        _ => Err(missing()),
    }
}

/// Checks what serde cannot: names fit for a terminal and a listing.
fn check(save: &Save) -> Result<(), ErrorKind> {
    let fields = [
        ("player", save.player.as_str(), MAX_PLAYER_CHARS),
        ("scenario.id", save.scenario.id.as_str(), 200),
        ("scenario.title", save.scenario.title.as_str(), 200),
        ("scenario.origin", save.scenario.origin.as_str(), 4096),
    ];
    for (key, value, max) in fields {
        let problem = if value.trim().is_empty() {
            Some("is empty".to_string())
        } else if crate::output::first_unsafe(value, false).is_some() {
            Some("holds control or invisible characters".to_string())
        } else if value.chars().count() > max {
            Some(format!("is longer than {max} characters"))
        } else {
            None
        };
        if let Some(problem) = problem {
            return Err(ErrorKind::Invalid {
                text: None,
                position: None,
                message: format!("`{key}` {problem}: the file was edited"),
            });
        }
    }
    Ok(())
}

fn syntax(text: &str, e: &toml::de::Error) -> ErrorKind {
    let position = e.span().map(|s| position(text, s.start));
    // The line itself, so the reader sees the typo without opening the file.
    let quote = position
        .and_then(|p| text.lines().nth(p.line - 1))
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .map_or(String::new(), |l| {
            format!(" in `{}`", l.chars().take(60).collect::<String>())
        });
    ErrorKind::Syntax {
        text: None,
        position,
        message: format!("{}{quote}", one_line(e.message())),
        hint: if text.ends_with('\n') {
            ""
        } else {
            " (the file ends in the middle of a line: it was cut short)"
        },
    }
}

fn invalid(text: &str, e: &toml::de::Error) -> ErrorKind {
    // A field missing at the top level comes with an empty span at 0 or
    // one over the whole file: neither places anything.
    let whole =
        |s: &std::ops::Range<usize>| s.start == 0 && (s.end == 0 || s.end + 1 >= text.len());
    ErrorKind::Invalid {
        text: None,
        position: e
            .span()
            .filter(|s| !whole(s))
            .map(|s| position(text, s.start)),
        message: one_line(e.message()),
    }
}

/// The 1-based line and column (in characters) of a byte offset: the one
/// home of line:column is [`crate::diag`].
fn position(text: &str, offset: usize) -> Position {
    let (line, column) = crate::diag::line_column(text, offset);
    Position { line, column }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "a = 1\nbé = x\n";
        assert_eq!(position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(position(text, 6), Position { line: 2, column: 1 });
        assert_eq!(position(text, 10), Position { line: 2, column: 4 });
        assert_eq!(position(text, 999), Position { line: 3, column: 1 });
    }

    #[test]
    fn blank_and_binary_bytes_are_named() {
        assert!(matches!(decode(b""), Err(ErrorKind::Empty)));
        assert!(matches!(decode(b" \n\t"), Err(ErrorKind::Empty)));
        assert!(matches!(
            decode(b"format = 1\n\0"),
            Err(ErrorKind::Binary { offset: 11, .. })
        ));
        assert!(matches!(
            decode(b"\x89PNG\r\n"),
            Err(ErrorKind::Binary { offset: 0, .. })
        ));
    }

    #[test]
    fn versions_are_read_before_fields() {
        let newer = decode(b"format = 7\nwhatever = true\n");
        assert!(matches!(
            newer,
            Err(ErrorKind::NewerFormat {
                found: 7,
                supported: FORMAT
            })
        ));
        assert!(matches!(
            decode(b"player = \"x\"\n"),
            Err(ErrorKind::Invalid { .. })
        ));
        assert!(matches!(
            decode(b"format = -3\n"),
            Err(ErrorKind::Invalid { .. })
        ));
    }
}

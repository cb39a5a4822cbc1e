//! Reading files the user names, safely: a file is opened only when it is
//! a regular file (a FIFO, a device such as `/dev/zero` or `/dev/stdin`, a
//! socket or a folder is refused at once, without blocking), and never
//! read past a limit that is checked before anything is allocated.
//! Standard input is read only where the user wrote `-`.
//!
//! Every reader of scenarios, plans and saves goes through [`read`] or
//! [`read_arg`]; listings use [`is_regular`] to skip what could not be read.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum InputError {
    /// Not a regular file: what it is instead ("a named pipe (FIFO)", …).
    NotRegular(&'static str),
    /// Larger than the limit; `size` is the file's real size in bytes.
    TooLarge {
        size: u64,
        limit: u64,
    },
    Io(io::Error),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotRegular(what) => write!(f, "it is {what}, not a regular file"),
            InputError::TooLarge { size, limit } => write!(
                f,
                "the file is {} ({size} bytes); the limit is {}",
                human(*size),
                human(*limit)
            ),
            InputError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for InputError {}

impl From<io::Error> for InputError {
    fn from(e: io::Error) -> Self {
        InputError::Io(e)
    }
}

impl From<InputError> for io::Error {
    /// For error types that hold an `io::Error`: the kind survives
    /// (`NotFound` stays `NotFound`), the message says what was refused.
    fn from(e: InputError) -> Self {
        match e {
            InputError::Io(e) => e,
            InputError::NotRegular(_) => io::Error::new(io::ErrorKind::InvalidInput, e),
            InputError::TooLarge { .. } => io::Error::new(io::ErrorKind::FileTooLarge, e),
        }
    }
}

/// A size for people: "1.5 GB", "1.0 MiB" would be ambiguous, so decimal
/// units with one decimal, and bytes below a kilobyte.
pub fn human(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["kB", "MB", "GB", "TB", "PB"];
    if bytes < 1000 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// Reads the regular file at `path`, at most `limit` bytes.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let file = open_regular(path)?;
    let size = file.metadata()?.len();
    if size > limit {
        return Err(InputError::TooLarge { size, limit });
    }
    // usize::try_from cannot fail below the limit on any real platform.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // One byte past the limit, in case the file grows meanwhile.
    (&file).take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        let size = file.metadata().map_or(bytes.len() as u64, |m| m.len());
        return Err(InputError::TooLarge {
            size: size.max(bytes.len() as u64),
            limit,
        });
    }
    Ok(bytes)
}

/// The first `limit + 1` bytes at most of the regular file at `path`, and
/// its real size: for a reader that says more about a file too large than
/// its size (the scenario checker names the line that makes it so).
pub fn read_head(path: &Path, limit: u64) -> Result<(Vec<u8>, u64), InputError> {
    let file = open_regular(path)?;
    let size = file.metadata()?.len();
    let mut bytes = Vec::with_capacity(usize::try_from(size.min(limit + 1)).unwrap_or(0));
    (&file).take(limit + 1).read_to_end(&mut bytes)?;
    Ok((bytes, size))
}

/// Like [`read`], except that `-` means standard input (read to its end,
/// at most `limit` bytes).
pub fn read_arg(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    if path.as_os_str() != "-" {
        return read(path, limit);
    }
    let mut bytes = Vec::new();
    io::stdin().lock().take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Whether `path` is (or links to) a regular file. For listings, which
/// skip anything else; [`read`] checks again on the open file.
pub fn is_regular(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file())
}

/// What a file that is not regular is, for messages.
pub fn describe(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a folder";
    }
    if t.is_symlink() {
        return "a symbolic link";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// Opens `path` for reading without ever blocking: on Unix with
/// `O_NONBLOCK` (a FIFO with no writer would otherwise wait forever) and
/// `O_NOCTTY`, then checks what was opened, so no check-then-open race.
fn open_regular(path: &Path) -> Result<File, InputError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    #[cfg(not(unix))]
    {
        // Without O_NONBLOCK, look first (a small race, but no hang on
        // the common mistakes).
        let meta = std::fs::metadata(path)?;
        if !meta.is_file() {
            return Err(InputError::NotRegular(describe(&meta)));
        }
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(InputError::NotRegular(describe(&meta)));
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(human(999), "999 bytes");
        assert_eq!(human(1_048_576), "1.0 MB");
        assert_eq!(human(1_610_612_736), "1.6 GB");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_folders_are_refused_without_reading() {
        for (path, what) in [
            ("/dev/zero", "a character device"),
            ("/dev/null", "a character device"),
            ("/", "a folder"),
        ] {
            let e = read(Path::new(path), 10).err().map(|e| e.to_string());
            assert_eq!(
                e.as_deref(),
                Some(format!("it is {what}, not a regular file").as_str())
            );
        }
    }

    #[test]
    fn large_files_are_refused_with_their_real_size() {
        let path = std::env::temp_dir().join(format!("culturesim-input-{}", std::process::id()));
        let made = File::create(&path).and_then(|f| f.set_len(3_000_000_000));
        assert!(made.is_ok());
        let e = read(&path, 1000).err().map(|e| e.to_string());
        let _ = std::fs::remove_file(&path);
        assert_eq!(
            e.as_deref(),
            Some("the file is 3.0 GB (3000000000 bytes); the limit is 1.0 kB")
        );
    }
}

//! Atomic file replacement: write a temporary file in the same folder,
//! flush it to disk, then rename it over the target (and flush the folder
//! where the platform allows). A failure or a kill at any moment leaves
//! either the previous file or the new one, whole — never a mix.
//!
//! Each step goes through the small [`Disk`] trait so that tests can make
//! any one of them fail.

use super::error::ErrorKind;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// The steps of an atomic write, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    Create,
    Write,
    Sync,
    Rename,
    /// Its failure is not reported (see `write_with`); tests inject it.
    #[cfg_attr(not(test), allow(dead_code))]
    SyncDir,
}

impl Step {
    #[cfg(test)]
    pub(crate) const ALL: [Step; 5] = [
        Step::Create,
        Step::Write,
        Step::Sync,
        Step::Rename,
        Step::SyncDir,
    ];

    fn describe(self) -> &'static str {
        match self {
            Step::Create => "creating the temporary file",
            Step::Write => "writing the temporary file",
            Step::Sync => "flushing the temporary file to disk",
            Step::Rename => "replacing the save with the temporary file",
            Step::SyncDir => "flushing the folder to disk",
        }
    }
}

/// The file-system operations an atomic write needs.
pub(crate) trait Disk {
    /// Creates `path`, failing if it exists.
    fn create(&mut self, path: &Path) -> io::Result<File>;
    fn write(&mut self, file: &mut File, bytes: &[u8]) -> io::Result<()>;
    fn sync(&mut self, file: &mut File) -> io::Result<()>;
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()>;
    fn sync_dir(&mut self, dir: &Path) -> io::Result<()>;
}

/// The real disk.
pub(crate) struct RealDisk;

impl Disk for RealDisk {
    fn create(&mut self, path: &Path) -> io::Result<File> {
        OpenOptions::new().write(true).create_new(true).open(path)
    }

    fn write(&mut self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)?;
        file.flush()
    }

    fn sync(&mut self, file: &mut File) -> io::Result<()> {
        file.sync_all()
    }

    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn sync_dir(&mut self, dir: &Path) -> io::Result<()> {
        // Makes the rename itself durable. Only Unix lets a folder be
        // opened and synced; elsewhere the rename is as durable as it gets.
        if cfg!(unix) {
            File::open(dir)?.sync_all()
        } else {
            Ok(())
        }
    }
}

/// Replaces `path` with `bytes` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ErrorKind> {
    write_with(&mut RealDisk, path, bytes)
}

/// Tells temporary files of one process apart (threads may save at once).
static NEXT_TEMP: AtomicU64 = AtomicU64::new(0);

pub(crate) fn write_with(disk: &mut impl Disk, path: &Path, bytes: &[u8]) -> Result<(), ErrorKind> {
    let fail = |step: Step| {
        move |source| ErrorKind::Write {
            step: step.describe(),
            source,
        }
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // A rename replaces whatever the name holds: never a device node, a
    // symbolic link (`--save /dev/null`, `--save link`), a pipe or a folder.
    if let Ok(meta) = fs::symlink_metadata(path)
        && !meta.file_type().is_file()
    {
        return Err(ErrorKind::NotRegular {
            what: crate::input::describe(&meta),
        });
    }
    let (temp, mut file) = create_temp(disk, &dir, path).map_err(fail(Step::Create))?;
    let written = disk
        .write(&mut file, bytes)
        .map_err(fail(Step::Write))
        .and_then(|()| disk.sync(&mut file).map_err(fail(Step::Sync)));
    // Closed before the rename: some platforms refuse to rename open files.
    drop(file);
    if let Err(e) = written.and_then(|()| disk.rename(&temp, path).map_err(fail(Step::Rename))) {
        // Best effort: a temporary file left behind is harmless (listings
        // skip it), and the error that matters is the one above.
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    // The new save is in place and whole whatever happens now; a folder
    // that cannot be synced only weakens durability across a power cut,
    // which is no reason to tell the player the save failed.
    let _ = disk.sync_dir(&dir);
    sweep_temps(&dir);
    Ok(())
}

/// How old a temporary file of a live process must be before it is taken
/// for the leftover of a killed write: a live write takes milliseconds.
const STALE: Duration = Duration::from_secs(600);

/// Removes the temporary files in `dir` left by writes that were killed:
/// at once when the process that wrote one is gone, else once stale. Runs
/// after every save and every listing of the folder.
pub(crate) fn sweep_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let Some(n) = file_name.to_str() else {
            continue;
        };
        let Some(pid) = temp_pid(n) else {
            continue;
        };
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE);
        if meta.is_file() && (old || is_dead(pid)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary file's name `.NAME.PID-N.tmp`.
fn temp_pid(name: &str) -> Option<u32> {
    if !is_temp(name) {
        return None;
    }
    let stem = name.strip_suffix(".tmp")?;
    let (_, tail) = stem.rsplit_once('.')?;
    let (pid, n) = tail.split_once('-')?;
    n.parse::<u64>().ok()?;
    pid.parse().ok()
}

/// Whether no process `pid` runs on this machine (Linux: no `/proc/PID`).
/// Unknown elsewhere, and never true for this process.
fn is_dead(pid: u32) -> bool {
    let proc = Path::new("/proc");
    pid != std::process::id() && proc.join("self").exists() && !proc.join(pid.to_string()).exists()
}

/// A new temporary file beside `path`: `.NAME.PID-N.tmp`, hidden, and
/// never the name of a save.
fn create_temp(disk: &mut impl Disk, dir: &Path, path: &Path) -> io::Result<(PathBuf, File)> {
    let name = path
        .file_name()
        .map_or_else(|| "save".into(), |n| n.to_string_lossy().into_owned());
    let mut last = None;
    for _ in 0..16 {
        let n = NEXT_TEMP.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
        match disk.create(&temp) {
            Ok(file) => return Ok((temp, file)),
            // Left over from a process with the same id that was killed.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary file name")))
}

/// Whether a file name is one of the temporary files above.
pub(crate) fn is_temp(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".tmp")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The real disk, except that one step fails; a failing write first
    /// writes half the bytes, as a full disk would.
    struct FailAt(Step);

    impl FailAt {
        fn check(&self, step: Step) -> io::Result<()> {
            if self.0 == step {
                Err(io::Error::other(format!("injected failure: {step:?}")))
            } else {
                Ok(())
            }
        }
    }

    impl Disk for FailAt {
        fn create(&mut self, path: &Path) -> io::Result<File> {
            self.check(Step::Create)?;
            RealDisk.create(path)
        }
        fn write(&mut self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
            if self.0 == Step::Write {
                RealDisk.write(file, &bytes[..bytes.len() / 2])?;
            }
            self.check(Step::Write)?;
            RealDisk.write(file, bytes)
        }
        fn sync(&mut self, file: &mut File) -> io::Result<()> {
            self.check(Step::Sync)?;
            RealDisk.sync(file)
        }
        fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
            self.check(Step::Rename)?;
            RealDisk.rename(from, to)
        }
        fn sync_dir(&mut self, dir: &Path) -> io::Result<()> {
            self.check(Step::SyncDir)?;
            RealDisk.sync_dir(dir)
        }
    }

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("culturesim-atomic-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let _ = fs::create_dir_all(&dir);
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    }

    #[test]
    fn a_failure_at_any_step_leaves_the_previous_file_whole() {
        let dir = scratch("fail");
        let path = dir.join("game.toml");
        let old = b"format = 1\n# the previous save\n".repeat(50);
        let new = b"format = 1\n# the next save\n".repeat(80);
        for step in Step::ALL {
            assert!(write_atomic(&path, &old).is_ok());
            let result = write_with(&mut FailAt(step), &path, &new);
            let on_disk = fs::read(&path).unwrap_or_default();
            if step == Step::SyncDir {
                // After the rename the new file is in place and whole.
                assert!(result.is_ok(), "{step:?}");
                assert_eq!(on_disk, new, "{step:?}");
            } else {
                let message = result.err().map(|e| e.to_string()).unwrap_or_default();
                assert!(message.contains(step.describe()), "{step:?}: {message}");
                assert!(message.contains("previous save"), "{message}");
                assert_eq!(on_disk, old, "{step:?}: the previous save changed");
            }
            assert_eq!(
                names(&dir),
                ["game.toml"],
                "{step:?}: a temporary file was left"
            );
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_first_write_that_fails_leaves_no_file() {
        let dir = scratch("first");
        let path = dir.join("new.toml");
        for step in [Step::Create, Step::Write, Step::Sync, Step::Rename] {
            assert!(write_with(&mut FailAt(step), &path, b"x = 1\n").is_err());
            assert!(names(&dir).is_empty(), "{step:?}");
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn leftovers_of_killed_writes_are_swept_once_stale() {
        let dir = scratch("sweep");
        let path = dir.join("g.toml");
        let stale = dir.join(".g.toml.1-0.tmp");
        let fresh = dir.join(".g.toml.2-0.tmp");
        let other = dir.join(".h.toml.1-0.tmp");
        for p in [&stale, &fresh, &other] {
            assert!(fs::write(p, "half").is_ok());
        }
        let long_ago = std::time::SystemTime::now() - STALE * 2;
        for p in [&stale, &other] {
            let set = File::options()
                .write(true)
                .open(p)
                .and_then(|f| f.set_modified(long_ago));
            assert!(set.is_ok());
        }
        // Pids 1 and 2 live (init, kthreadd) on Linux: only age counts.
        assert!(write_atomic(&path, b"whole").is_ok());
        assert_eq!(names(&dir), [".g.toml.2-0.tmp", "g.toml"]);
        let _ = fs::remove_dir_all(&dir);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn leftovers_of_dead_processes_are_swept_at_once() {
        let dir = scratch("dead");
        // A pid above the kernel's maximum (4194304) never runs.
        let dead = dir.join(".g.toml.99999999-0.tmp");
        let mine = dir.join(format!(".g.toml.{}-999.tmp", std::process::id()));
        for p in [&dead, &mine] {
            assert!(fs::write(p, "half").is_ok());
        }
        sweep_temps(&dir);
        assert_eq!(
            names(&dir),
            [format!(".g.toml.{}-999.tmp", std::process::id())]
        );
        assert_eq!(temp_pid(".a.toml.12-3.tmp"), Some(12));
        assert_eq!(temp_pid("a.toml"), None);
        let _ = fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn special_files_and_links_are_never_replaced() {
        let dir = scratch("special");
        let target = dir.join("real.toml");
        let link = dir.join("link.toml");
        assert!(fs::write(&target, "keep").is_ok());
        assert!(std::os::unix::fs::symlink(&target, &link).is_ok());
        for path in [link.as_path(), Path::new("/dev/null"), dir.as_path()] {
            let e = write_atomic(path, b"x").err().map(|e| e.to_string());
            assert!(
                e.as_deref()
                    .is_some_and(|e| e.contains("not a regular file")),
                "{path:?}: {e:?}"
            );
        }
        assert!(fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
        assert_eq!(fs::read(&target).unwrap_or_default(), b"keep");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn writes_replace_and_temp_names_are_recognised() {
        let dir = scratch("replace");
        let path = dir.join("a.toml");
        assert!(write_atomic(&path, b"one").is_ok());
        assert!(write_atomic(&path, b"two").is_ok());
        assert_eq!(fs::read(&path).unwrap_or_default(), b"two");
        assert!(is_temp(".a.toml.123-4.tmp"));
        assert!(!is_temp("a.toml"));
        let _ = fs::remove_dir_all(&dir);
    }
}

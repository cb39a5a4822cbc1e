//! Hostile files and faults through the real binary (issue 9): FIFOs and
//! devices never hang a command, huge files are refused by their size,
//! closed pipes and full disks never panic, text from files is escaped,
//! special files are never replaced, and a hand-in is honest about the
//! scenario it was verified on.

#![cfg(unix)]
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // test helpers

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs the binary with no standard input; a command still running after
/// 20 s is killed and the test fails (a hang is the bug these tests catch).
fn run_in(dir: &Path, args: &[&str]) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_culturesim"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    finish(child, args)
}

fn finish(mut child: Child, args: &[&str]) -> Output {
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("culturesim {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn run(args: &[&str]) -> Output {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo");
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A save of the default scenario, written by `run --save`.
fn make_save(dir: &Path, name: &str) -> PathBuf {
    let file = dir.join(name);
    let o = run(&[
        "run",
        "electronics",
        "--plan",
        "balanced",
        "--format",
        "csv",
        "--save",
        path(&file),
    ]);
    assert!(o.status.success(), "{}", err(&o));
    file
}

#[test]
fn a_fifo_or_a_device_hangs_no_command() {
    let dir = scratch("fifo");
    let fifo = dir.join("pipe.toml");
    mkfifo(&fifo);
    let f = path(&fifo);
    for args in [
        vec!["scenario", "check", f],
        vec!["run", f, "--plan", "balanced"],
        vec!["run", "electronics", "--plan", f],
        vec!["run", "electronics", "--plan", "/dev/zero"],
        vec!["run", "electronics", "--plan", "/dev/urandom"],
        vec!["scenario", "lab", f],
        vec!["verify", f],
        vec!["verify", "/dev/stdin"],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", err(&o));
        let said = format!("{}{}", out(&o), err(&o));
        assert!(said.contains("not a regular file"), "{args:?}: {said}");
    }
}

#[test]
fn a_fifo_in_a_folder_of_saves_or_scenarios_is_reported_or_skipped() {
    let dir = scratch("fifo-dir");
    make_save(&dir, "a.toml");
    mkfifo(&dir.join("b.toml"));
    let o = run(&["verify", path(&dir)]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(out(&o).contains("a.toml: OK"), "{}", out(&o));
    assert!(
        out(&o).contains("b.toml: FAILED: cannot read the file: it is a named pipe (FIFO)"),
        "{}",
        out(&o)
    );
    // `scenario list` reads ./scenarios: a FIFO there is not a scenario.
    fs::create_dir_all(dir.join("scenarios")).unwrap();
    mkfifo(&dir.join("scenarios/x.toml"));
    let o = run_in(&dir, &["scenario", "list"]);
    assert!(o.status.success(), "{}", err(&o));
}

#[test]
fn a_save_naming_a_fifo_as_its_scenario_does_not_hang_verify() {
    let dir = scratch("origin");
    let fifo = dir.join("fifo.toml");
    mkfifo(&fifo);
    let save = make_save(&dir, "s.toml");
    let text = fs::read_to_string(&save).unwrap();
    for origin in [path(&fifo), "/dev/stdin"] {
        let edited = text
            .replace("id = \"electronics\"", "id = \"nowhere\"")
            .replace(
                "origin = \"builtin:electronics\"",
                &format!("origin = \"{origin}\""),
            );
        fs::write(&save, edited).unwrap();
        let o = run(&["verify", path(&save)]);
        assert_eq!(o.status.code(), Some(2), "{}", err(&o));
        assert!(out(&o).contains("not found"), "{}", out(&o));
    }
}

#[test]
fn huge_files_are_refused_by_their_real_size() {
    let dir = scratch("huge");
    let big = dir.join("big.toml");
    fs::File::create(&big)
        .and_then(|f| f.set_len(1_500_000_000))
        .unwrap();
    let o = run(&["scenario", "check", path(&big)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("1,500,000,000 bytes"), "{}", err(&o));
    let o = run(&["run", "electronics", "--plan", path(&big)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("1500000000 bytes"), "{}", err(&o));
    // In a folder of saves, a huge *.toml is read no further than its size.
    make_save(&dir, "a.toml");
    let o = run(&["verify", path(&dir)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        out(&o).contains("big.toml: FAILED: the file is 1500000000 bytes"),
        "{}",
        out(&o)
    );
}

#[test]
fn emptied_zeroed_and_beheaded_saves_fail_a_folder_check() {
    let dir = scratch("damaged");
    let good = make_save(&dir, "good.toml");
    let text = fs::read_to_string(&good).unwrap();
    fs::write(dir.join("empty.toml"), "").unwrap();
    fs::write(dir.join("zeroed.toml"), vec![0u8; text.len()]).unwrap();
    let headless: String = text.lines().skip(12).map(|l| format!("{l}\n")).collect();
    fs::write(dir.join("beheaded.toml"), headless).unwrap();
    // Cut just after `[scenario]`: its `id` is now at the top level.
    let at = text.find("[scenario]\n").unwrap() + "[scenario]\n".len();
    fs::write(dir.join("cut.toml"), &text[at..]).unwrap();
    let o = run(&["verify", path(&dir)]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    for name in ["empty.toml", "zeroed.toml", "beheaded.toml", "cut.toml"] {
        assert!(
            out(&o).contains(&format!("{name}: FAILED")),
            "{name}: {}",
            out(&o)
        );
    }
    assert!(err(&o).contains("4 of 5 saves failed"), "{}", err(&o));
}

#[test]
fn closed_pipes_and_full_disks_never_panic() {
    let dir = scratch("pipes");
    for n in 0..3 {
        make_save(&dir, &format!("s{n}.toml"));
    }
    // The reader goes away before the output is written.
    for args in [
        vec!["verify", path(&dir)],
        vec!["scenario", "schema"],
        vec!["scenario", "list"],
        vec!["run", "electronics", "--plan", "balanced"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_culturesim"))
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let o = finish(child, &args);
        assert_ne!(o.status.code(), Some(101), "{args:?}: {}", err(&o));
        assert!(!err(&o).contains("panicked"), "{args:?}: {}", err(&o));
    }
    // A full disk is an error with a message, exit 1.
    let full = fs::File::create("/dev/full");
    if let Ok(full) = full {
        let o = Command::new(env!("CARGO_BIN_EXE_culturesim"))
            .args(["scenario", "schema"])
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", err(&o));
        assert!(err(&o).contains("cannot write the output"), "{}", err(&o));
    }
}

#[test]
fn text_from_files_and_arguments_reaches_the_terminal_escaped() {
    let dir = scratch("escape");
    let plan = dir.join("plan.toml");
    fs::write(
        &plan,
        "[quarter.1]\ninitiatives = [\"\\u001b]0;owned\\u0007\\u001b[2J\"]\n",
    )
    .unwrap();
    // An initiative the scenario lacks is a warning (the rest runs); the
    // warning echoes the id escaped.
    let o = run(&["run", "electronics", "--plan", path(&plan)]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(!err(&o).contains('\u{1b}'), "{:?}", err(&o));
    assert!(err(&o).contains("\\u{1b}]0;owned"), "{}", err(&o));
    // A scenario file's name in `scenario list`.
    fs::create_dir_all(dir.join("scenarios")).unwrap();
    fs::write(dir.join("scenarios/\u{1b}[2J\u{202e}x.toml"), "id = 3\n").unwrap();
    let o = run_in(&dir, &["scenario", "list"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        !out(&o).contains('\u{1b}') && !out(&o).contains('\u{202e}'),
        "{:?}",
        out(&o)
    );
    assert!(out(&o).contains("\\u{1b}[2J\\u{202e}x.toml"), "{}", out(&o));
    // A right-to-left override in a player name is dropped.
    let save = dir.join("p.toml");
    let o = run(&[
        "run",
        "electronics",
        "--plan",
        "balanced",
        "--save",
        path(&save),
        "--player",
        "Ann\u{202e}nimda",
    ]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        fs::read_to_string(&save)
            .unwrap()
            .contains("player = \"Annnimda\"")
    );
}

#[test]
fn a_save_never_replaces_a_device_or_a_link() {
    let dir = scratch("special");
    let target = dir.join("target.toml");
    fs::write(&target, "keep").unwrap();
    let link = dir.join("link.toml");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    for to in [path(&link), "/dev/null"] {
        let o = run(&["run", "electronics", "--plan", "balanced", "--save", to]);
        assert_eq!(o.status.code(), Some(2), "{to}: {}", err(&o));
        assert!(err(&o).contains("not a regular file"), "{}", err(&o));
    }
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "keep");
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

use std::os::unix::fs::FileTypeExt;

/// The shipped default scenario with a `price` of 10 for every player:
/// the doctored copy of issue 9's H5.
fn doctored(dir: &Path) -> PathBuf {
    let shipped = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/electronics.toml"),
    )
    .unwrap();
    let file = dir.join("electronics.toml");
    fs::write(&file, shipped.replace("budget = 400", "budget = 900")).unwrap();
    file
}

#[test]
fn a_doctored_copy_of_a_shipped_scenario_is_not_trusted() {
    let dir = scratch("doctored");
    let copy = doctored(&dir);
    let save = dir.join("s.toml");
    let o = run(&[
        "run",
        path(&copy),
        "--plan",
        "balanced",
        "--save",
        path(&save),
    ]);
    assert!(o.status.success(), "{}", err(&o));
    // Beside the save, claiming the shipped id: refused, saying why.
    let o = run(&["verify", path(&dir)]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(
        out(&o).contains("claims the id of the shipped scenario 'electronics' but is not it"),
        "{}",
        out(&o)
    );
    // Named by the instructor: verified, and said to be another scenario.
    let o = run(&["verify", path(&save), "--scenario", path(&copy)]);
    assert!(o.status.success(), "{}", out(&o));
    assert!(out(&o).contains("given with --scenario"), "{}", out(&o));
    assert!(
        out(&o).contains("NOT the shipped 'electronics'"),
        "{}",
        out(&o)
    );
    // The player's own game on an edited copy still resumes, and says so.
    let loaded = culturesim::save::load(&save).unwrap();
    let status = culturesim::save::status(&loaded);
    assert!(status.contains("NOT the shipped 'electronics'"), "{status}");
    // A genuine save says it was verified on the shipped scenario.
    let genuine = make_save(&dir, "g.toml");
    let o = run(&["verify", path(&genuine)]);
    assert!(o.status.success(), "{}", out(&o));
    assert!(
        out(&o).contains("shipped scenario 'electronics' (hash "),
        "{}",
        out(&o)
    );
}

#[test]
fn comments_and_spacing_do_not_change_the_scenario_hash() {
    let dir = scratch("reformatted");
    let shipped =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tutorial.toml"))
            .unwrap();
    let copy = dir.join("tutorial.toml");
    let reformatted: String = shipped
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .map(|l| format!("{}\n", l.replace(" = ", "   =   ")))
        .collect();
    fs::write(&copy, reformatted).unwrap();
    let save = dir.join("s.toml");
    let o = run(&[
        "run",
        path(&copy),
        "--plan",
        "balanced",
        "--save",
        path(&save),
    ]);
    assert!(o.status.success(), "{}", err(&o));
    // The save verifies on the shipped scenario, and says so.
    fs::remove_file(&copy).unwrap();
    let o = run(&["verify", path(&save)]);
    assert!(o.status.success(), "{}", out(&o));
    assert!(
        out(&o).contains("shipped scenario 'tutorial'"),
        "{}",
        out(&o)
    );
}

#[test]
fn edits_of_the_seed_and_the_player_are_named() {
    let dir = scratch("edits");
    let save = make_save(&dir, "s.toml");
    let text = fs::read_to_string(&save).unwrap();
    let seed_line = text.lines().find(|l| l.starts_with("seed = ")).unwrap();
    fs::write(&save, text.replace(seed_line, "seed = 99")).unwrap();
    let o = run(&["verify", path(&save)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        out(&o).contains("the seed (now 99) was edited, not the decisions"),
        "{}",
        out(&o)
    );
    fs::write(
        &save,
        text.replace("player = \"reference\"", "player = \"Mallory\""),
    )
    .unwrap();
    let o = run(&["verify", path(&save)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(out(&o).contains("the seal does not match"), "{}", out(&o));
}

#[test]
fn scenario_check_refuses_effects_that_could_stack_to_overflow() {
    let dir = scratch("stacking");
    let shipped =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tutorial.toml"))
            .unwrap();
    let file = dir.join("boom.toml");
    let recurring = "\n[[event]]\nid = \"boom\"\ntitle = \"Boom\"\ntext = \"Prices soar.\"\nchance = 1.0\nmax_times = 6\neffects = [{ target = \"price\", multiply = 10, quarters = 6 }, { target = \"price\", multiply = 2 }]\n";
    fs::write(&file, format!("{shipped}{recurring}")).unwrap();
    let o = run(&["scenario", "check", path(&file)]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(
        err(&o).contains(
            "effects on price could stack to multiply it by up to 1e7 (the limit is 1e6)"
        ),
        "{}",
        err(&o)
    );
    assert!(err(&o).contains("'boom'"), "{}", err(&o));
}

#[test]
fn a_huge_lever_amount_is_said_in_short_form() {
    let dir = scratch("huge-amount");
    let plan = dir.join("plan.toml");
    fs::write(&plan, "[quarter.1]\nvision = 1e308\ninsight = 1e308\n").unwrap();
    let o = run(&["run", "electronics", "--plan", path(&plan)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("vision = 1e308 is far beyond any budget"),
        "{}",
        err(&o)
    );
    assert!(err(&o).len() < 400, "{}", err(&o));
}

#[test]
fn the_title_screen_catalog_skips_a_fifo_and_escapes_names() {
    let dir = scratch("catalog");
    mkfifo(&dir.join("pipe.toml"));
    fs::write(dir.join("\u{1b}[2Jbad.toml"), "id = 3\n").unwrap();
    let started = Instant::now();
    let catalog = culturesim::tui::catalog::gather(&dir);
    assert!(started.elapsed() < Duration::from_secs(5));
    let problems = catalog.problems.join("\n");
    assert!(problems.contains("pipe.toml: "), "{problems}");
    assert!(problems.contains("not a regular file"), "{problems}");
    assert!(!problems.contains('\u{1b}'), "{problems}");
}

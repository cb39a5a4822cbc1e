//! End to end: the real binary in a private tmux server, played with keys
//! as a person would (the same calls as `../shared/tools/tui-drive`).
//! Skipped, loudly, only when tmux is not installed outside CI; in CI
//! (`CI` set, as `.ci/run` has it) a missing tmux fails every test.

#![allow(clippy::expect_used, clippy::panic)]

use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A program running in its own tmux server, removed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts the game with `args` in an 80×24 pane that stays readable
    /// after it exits.
    fn start(name: &str, args: &[&str]) -> Option<Tmux> {
        let mut cmd = format!("'{}'", env!("CARGO_BIN_EXE_culturesim"));
        for a in args {
            cmd.push_str(&format!(" '{a}'"));
        }
        // The shell stays a while so that its output is not lost with the pane.
        cmd.push_str("; echo exit=$?; sleep 60");
        Tmux::start_cmd(name, &cmd)
    }

    /// Starts a shell command line in an 80×24 pane.
    fn start_cmd(name: &str, cmd: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var_os("CI").is_none(),
                "tmux is not installed, and CI must run the terminal tests: .ci/run installs it"
            );
            eprintln!("\n\n!!! SKIPPED {name}: tmux is not installed (apt-get install tmux) !!!\n");
            return None;
        }
        let t = Tmux {
            socket: format!("culturesim-e2e-{name}-{}", std::process::id()),
        };
        let saves = std::env::temp_dir().join(&t.socket);
        let _ = std::fs::create_dir_all(&saves);
        t.run(&["kill-server"]);
        t.ok(&[
            "new-session",
            "-d",
            "-s",
            "app",
            "-x",
            "80",
            "-y",
            "24",
            "-e",
            "TERM=xterm-256color",
        ]);
        t.ok(&["set-option", "-g", "escape-time", "0"]);
        t.ok(&["set-option", "-t", "app", "remain-on-exit", "on"]);
        let env = format!("CULTURESIM_SAVES={}", saves.display());
        t.ok(&["respawn-pane", "-k", "-t", "app", "-e", &env, cmd]);
        Some(t)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "tmux {args:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.ok(&["capture-pane", "-p", "-t", "app"])
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.ok(&["send-keys", "-t", "app", k]);
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Waits up to 10 s for `text` on the screen.
    fn wait(&self, text: &str) -> String {
        let end = Instant::now() + Duration::from_secs(10);
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            if Instant::now() > end {
                panic!("'{text}' did not appear; the screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// `#{format}` of the pane, e.g. `pane_dead`.
    fn pane(&self, format: &str) -> String {
        self.ok(&["display", "-p", "-t", "app", format])
            .trim()
            .to_string()
    }

    /// Waits for the game to end; returns its exit status as the shell
    /// that started it saw it (tmux may be slow to reap the process).
    fn wait_exit(&self) -> String {
        let screen = self.wait("exit=");
        let status = screen
            .lines()
            .find_map(|l| l.trim().strip_prefix("exit="))
            .unwrap_or_default();
        status.trim().to_string()
    }

    /// The game's process id: the child of the shell in the pane.
    fn game_pid(&self) -> String {
        let shell = self.pane("#{pane_pid}");
        let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"));
        children
            .unwrap_or_default()
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        // tmux may leave its socket file behind: remove it too.
        let socket = self.run(&["display", "-p", "#{socket_path}"]).stdout;
        self.run(&["kill-server"]);
        let socket = String::from_utf8_lossy(&socket).trim().to_string();
        if socket.contains("culturesim-e2e") {
            let _ = std::fs::remove_file(socket);
        }
        let _ = std::fs::remove_dir_all(std::env::temp_dir().join(&self.socket));
    }
}

impl Tmux {
    /// Answers the dilemmas that opened by themselves (with the
    /// highlighted choice) until the quarter screen has the keyboard.
    fn answer_dilemmas(&self) {
        for _ in 0..8 {
            if !self.screen().contains("1-9 pick") {
                return;
            }
            self.keys(&["Enter"]);
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The score lines of the debrief's score panel (its left half): the
    /// final score and the points of every line `  P = …`.
    fn score_lines(&self) -> (f64, Vec<f64>) {
        let screen = self.wait("Final score");
        let num = |s: &str| s.replace('−', "-").replace(',', "").parse::<f64>().ok();
        let mut score = None;
        let mut points = Vec::new();
        for line in screen.lines() {
            let left: String = line.chars().skip(1).take(38).collect();
            if let Some(rest) = left.split("Final score ").nth(1) {
                score = rest.split_whitespace().next().and_then(num);
            }
            if let Some((p, _)) = left.split_once(" = ").or_else(|| left.split_once(" ≈ "))
                && let Some(v) = num(p.trim())
            {
                points.push(v);
            }
        }
        (score.expect("the final score is on screen"), points)
    }

    /// Plays from the briefing to the debrief: a little on every lever in
    /// quarter 1, then each quarter as it stands. On the first quarter it
    /// checks that fatigue and the score are on the dashboard and that
    /// Esc, then Enter, does not quit.
    fn play_to_debrief(&self, quarters: u32) {
        self.keys(&["Enter"]);
        self.wait("Quarter 1 of");
        self.answer_dilemmas();
        let dash = self.screen();
        assert!(dash.contains("Fatigue"), "{dash}");
        assert!(dash.contains("Score"), "{dash}");
        assert!(
            dash.contains("cum. profit") || dash.contains("= "),
            "{dash}"
        );
        self.keys(&["Escape"]);
        self.wait("Quit?");
        self.keys(&["Enter"]);
        std::thread::sleep(Duration::from_millis(200));
        let still = self.screen();
        assert!(still.contains("Quit?"), "Enter must not quit:\n{still}");
        assert!(!still.contains("exit="), "Enter quit the game:\n{still}");
        self.keys(&["Escape"]);
        std::thread::sleep(Duration::from_millis(100));
        assert!(!self.screen().contains("Quit?"));
        self.keys(&["4", "0", "Down", "4", "0", "Down", "4", "0"]);
        for q in 1..=quarters {
            if q > 1 {
                self.keys(&["Enter"]);
                let s = self.wait(&format!("Quarter {q} of"));
                if s.contains("Debrief") {
                    return;
                }
            }
            self.commit(q);
            let report = self.screen();
            assert!(
                report.contains("Fatigue") && report.contains("Score"),
                "{report}"
            );
            if report.contains("see the debrief") {
                break;
            }
        }
        self.keys(&["Enter"]);
        self.wait("Final score");
    }

    /// Commits quarter `q` as it stands and waits for its report.
    fn commit(&self, q: u32) {
        self.answer_dilemmas();
        self.keys(&["Enter"]);
        self.wait("Commit this quarter");
        self.keys(&["Enter"]);
        self.wait(&format!("Quarter report · Q{q}"));
    }
}

#[test]
fn three_quarters_a_why_and_a_clean_exit() {
    // The first scenario on the title screen is the default one; a first
    // run (no saves yet) starts on the tutorial, just below it.
    let Some(t) = Tmux::start("play", &["play", "--seed", "7", "--player", "e2e"]) else {
        return;
    };
    t.wait("Scenarios");
    assert_eq!(t.pane("#{alternate_on}"), "1");
    assert!(t.screen().contains("▶ First Day at Juniper Bikes"));
    t.keys(&["Up", "Enter"]);
    t.wait("Briefing");
    t.keys(&["Enter"]);
    t.wait("Quarter 1 of");
    t.answer_dilemmas();
    t.keys(&["Right", "Right", "Down", "5", "0", "Down", "5", "0"]);
    t.commit(1);
    for q in [2, 3] {
        t.keys(&["Enter"]);
        t.wait(&format!("Quarter {q} of"));
        t.commit(q);
    }
    t.keys(&["Down", "w"]);
    let why = t.wait("Why? Employee engagement");
    assert!(why.contains("In Q3, employee engagement"), "{why}");
    t.keys(&["Escape", "q"]);
    t.wait("Quit?");
    t.keys(&["y"]);
    assert_eq!(t.wait_exit(), "0");
    assert_eq!(t.pane("#{alternate_on}"), "0", "left the alternate screen");
    assert!(!t.screen().contains("Quarter report"));
}

/// A newcomer's first hour: the tutorial, then the default scenario, to
/// their debriefs at 80×24. The score lines on screen add up to the final
/// score, the hand-in panel names the save, and quitting says it again.
#[test]
fn the_tutorial_and_the_default_scenario_to_their_debriefs() {
    let Some(t) = Tmux::start("class", &["play"]) else {
        return;
    };
    t.wait("Scenarios");
    assert!(t.screen().contains("▶ First Day at Juniper Bikes"));
    t.keys(&["Enter"]);
    t.wait("Your name");
    t.keys(&["A", "d", "a", "Enter"]);
    t.wait("Briefing");
    t.play_to_debrief(6);
    let (score, points) = t.score_lines();
    let sum: f64 = points.iter().sum();
    assert!(points.len() >= 4, "tutorial score lines: {points:?}");
    assert!(
        (sum - score).abs() < 0.05,
        "{points:?} sum to {sum}, not {score}"
    );
    let debrief = t.screen();
    assert!(debrief.contains("Goal"), "{debrief}");
    assert!(debrief.contains("seed 7"), "{debrief}");
    assert!(debrief.contains("Hand in"), "{debrief}");

    // The default scenario, from the title screen.
    t.keys(&["n"]);
    t.wait("Scenarios");
    t.keys(&["Up", "Enter"]);
    t.wait("Briefing");
    t.play_to_debrief(20);
    let (score, points) = t.score_lines();
    let sum: f64 = points.iter().sum();
    assert!(points.len() >= 3, "score lines: {points:?}");
    assert!(
        (sum - score).abs() < 0.05,
        "{points:?} sum to {sum}, not {score}"
    );
    let debrief = t.screen();
    assert!(
        debrief.contains("completed every quarter") || debrief.contains("game over"),
        "{debrief}"
    );
    t.keys(&["q", "y"]);
    assert_eq!(t.wait_exit(), "0");
    let after = t.screen();
    assert!(after.contains("your game is saved in"), "{after}");
    assert!(after.contains("/ada_electronics_"), "{after}");
}

#[test]
fn sigterm_restores_the_terminal() {
    let Some(t) = Tmux::start("term", &[]) else {
        return;
    };
    t.wait("Scenarios");
    let pid = t.game_pid();
    let killed = Command::new("kill").args(["-TERM", &pid]).status();
    assert!(killed.is_ok_and(|s| s.success()));
    assert_eq!(t.wait_exit(), "143");
    assert_eq!(t.pane("#{alternate_on}"), "0", "left the alternate screen");
}

#[test]
fn ctrl_z_suspends_and_fg_resumes() {
    let Some(t) = Tmux::start_cmd("stop", "exec bash --norc --noprofile -i") else {
        return;
    };
    t.keys(&["PS1='ready$ '", "Enter"]);
    t.wait("ready$");
    let line = format!("'{}' play", env!("CARGO_BIN_EXE_culturesim"));
    t.keys(&[&line, "Enter"]);
    t.wait("Scenarios");
    t.keys(&["C-z"]);
    t.wait("Stopped");
    assert_eq!(
        t.pane("#{alternate_on}"),
        "0",
        "suspended on the main screen"
    );
    t.keys(&["fg", "Enter"]);
    t.wait("Scenarios");
    assert_eq!(t.pane("#{alternate_on}"), "1");
    // Raw mode is back: one key, no Enter needed after it.
    t.keys(&["Enter"]);
    t.wait("Briefing");
    // The name is asked before play.
    t.wait("Your name");
    t.keys(&["z", "Enter", "Enter"]);
    t.wait("Quarter 1 of");
    t.keys(&["q", "y"]);
    t.wait("ready$");
    assert_eq!(t.pane("#{alternate_on}"), "0");
}

#[test]
fn an_external_sigtstp_is_handled_like_ctrl_z() {
    let Some(t) = Tmux::start_cmd("tstp", "exec bash --norc --noprofile -i") else {
        return;
    };
    t.keys(&["PS1='ready$ '", "Enter"]);
    t.wait("ready$");
    let line = format!("'{}' play", env!("CARGO_BIN_EXE_culturesim"));
    t.keys(&[&line, "Enter"]);
    t.wait("Scenarios");
    let pid = t.game_pid();
    let stopped = Command::new("kill").args(["-TSTP", &pid]).status();
    assert!(stopped.is_ok_and(|s| s.success()));
    t.wait("Stopped");
    assert_eq!(t.pane("#{alternate_on}"), "0", "stopped on the main screen");
    // Cooked mode while stopped: the shell's line editing works.
    t.keys(&["echo cooked", "Enter"]);
    t.wait("cooked");
    t.keys(&["fg", "Enter"]);
    t.wait("Scenarios");
    assert_eq!(t.pane("#{alternate_on}"), "1");
    // Raw mode is back: one key, no Enter needed after it.
    t.keys(&["Down"]);
    std::thread::sleep(Duration::from_millis(200));
    t.keys(&["q", "y"]);
    t.wait("ready$");
    assert_eq!(t.pane("#{alternate_on}"), "0");
}

#[test]
fn without_a_terminal_it_says_so() {
    let out = Command::new(env!("CARGO_BIN_EXE_culturesim"))
        .arg("play")
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("needs a terminal"), "{stderr}");
}

#[test]
fn a_branch_from_the_debrief_plays_on_as_a_new_save() {
    let Some(t) = Tmux::start("branch", &["play", "tutorial", "--player", "e2e"]) else {
        return;
    };
    let saves = std::env::temp_dir().join(&t.socket);
    t.wait("Briefing");
    t.keys(&["Enter"]);
    t.wait("Quarter 1 of 6");
    t.answer_dilemmas();
    t.keys(&["Down", "Down", "6", "0", "Up", "4", "0"]);
    t.commit(1);
    for q in 2..=6 {
        t.keys(&["Enter"]);
        t.wait(&format!("Quarter {q} of 6"));
        t.commit(q);
    }
    t.keys(&["Enter"]);
    t.wait("b what if");
    let files = |dir: &std::path::Path| {
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        v.sort();
        v
    };
    let original = files(&saves);
    assert_eq!(original.len(), 1, "{original:?}");
    let before = std::fs::read(&original[0]).expect("the save");
    // What if I had held training in Q3?
    t.keys(&["b"]);
    t.wait("Past quarters · Q6 of 6");
    t.keys(&["Left", "Left", "Left"]);
    t.wait("Past quarters · Q3 of 6");
    t.keys(&["b"]);
    t.wait("Play quarter 3 again");
    t.keys(&["y"]);
    t.wait("Branched at Q3");
    t.wait("Quarter 3 of 6");
    t.keys(&["Down", "Down", "BSpace", "BSpace", "0"]);
    t.commit(3);
    t.keys(&["Enter"]);
    t.wait("Quarter 4 of 6");
    // The rest as the original played it.
    t.keys(&["f"]);
    let debrief = t.wait("vs original · parts Q3 · d: why");
    assert!(debrief.contains("original"), "{debrief}");
    t.keys(&["d"]);
    let diff = t.wait("How the runs differ");
    assert!(
        diff.contains("The decisions first differ in quarter 3: skills 60 → 0."),
        "{diff}"
    );
    t.keys(&["Escape", "q"]);
    t.wait("Quit?");
    t.keys(&["y"]);
    assert_eq!(t.wait_exit(), "0");
    assert_eq!(
        std::fs::read(&original[0]).ok(),
        Some(before),
        "the original is kept"
    );
    let now = files(&saves);
    assert_eq!(now.len(), 2, "{now:?}");
    let branch = now.iter().find(|p| *p != &original[0]).expect("the branch");
    let text = std::fs::read_to_string(branch).unwrap_or_default();
    assert!(
        text.contains("[branch]") && text.contains("at = 3"),
        "{text}"
    );
    let verify = Command::new(env!("CARGO_BIN_EXE_culturesim"))
        .arg("verify")
        .arg(branch)
        .output()
        .expect("verify runs");
    assert!(verify.status.success(), "{verify:?}");
}

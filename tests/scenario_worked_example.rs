//! The guide's worked example (`scenarios/README.md` §3) is run, not
//! copied: its TOML blocks are put together into `bakery.toml` and
//! `steady.toml` as the steps say, every `$ culturesim …` command shown is
//! run on them, and what the guide shows must be what the program prints
//! (a line `…` stands for lines left out). Numbers in the prose of the
//! steps must appear in that output too. After a change of the model or
//! of the messages, `BLESS=1 cargo test --test scenario_worked_example`
//! rewrites the guide's output blocks (review the diff, then the prose).

#![allow(clippy::expect_used, clippy::panic)] // test helpers: a failure here is a failed test

use std::path::{Path, PathBuf};
use std::process::Command;

const GUIDE: &str = "scenarios/README.md";

/// A fenced block of §3: its language and its lines, and where it sits.
struct Block {
    lang: String,
    lines: Vec<String>,
    /// Line index of the first content line in the guide.
    start: usize,
}

fn section(guide: &str) -> (usize, Vec<&str>) {
    let lines: Vec<&str> = guide.lines().collect();
    let from = lines
        .iter()
        .position(|l| l.starts_with("## 3. "))
        .expect("§3 of the guide");
    let to = lines
        .iter()
        .skip(from + 1)
        .position(|l| l.starts_with("## "))
        .map_or(lines.len(), |p| from + 1 + p);
    (from, lines[from..to].to_vec())
}

fn blocks(guide: &str) -> Vec<Block> {
    let (from, lines) = section(guide);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if let Some(lang) = lines[i].strip_prefix("```").filter(|l| !l.is_empty()) {
            let start = i + 1;
            let end = (start..lines.len())
                .find(|&j| lines[j] == "```")
                .expect("closed block");
            out.push(Block {
                lang: lang.to_string(),
                lines: lines[start..end].iter().map(|s| s.to_string()).collect(),
                start: from + start,
            });
            i = end + 1;
        } else {
            i += 1;
        }
    }
    out
}

fn run(dir: &Path, command: &str) -> String {
    let (command, tail) = match command.split_once(" | tail -") {
        Some((c, n)) => (c, n.trim().parse::<usize>().ok()),
        None => (command, None),
    };
    let args: Vec<&str> = command.split_whitespace().skip(1).collect();
    let out = Command::new(env!("CARGO_BIN_EXE_culturesim"))
        .args(&args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run culturesim");
    // What a terminal shows: stdout, then stderr (timing lines dropped).
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    for line in String::from_utf8_lossy(&out.stderr).lines() {
        if !line.starts_with("lab: ") {
            text.push_str(line);
            text.push('\n');
        }
    }
    let lines: Vec<&str> = text.lines().collect();
    let keep = tail.map_or(0, |n| lines.len().saturating_sub(n));
    lines[keep..].iter().map(|l| format!("{l}\n")).collect()
}

/// Whether `shown` (with `…` lines standing for any lines) matches `got`.
fn matches(shown: &[String], got: &[&str]) -> bool {
    let Some((first, rest)) = shown.split_first() else {
        return got.is_empty();
    };
    if first.trim() == "…" {
        return (0..=got.len()).any(|k| matches(rest, &got[k..]));
    }
    got.first().is_some_and(|g| same_line(first, g)) && matches(rest, &got[1..])
}

/// A line of the guide and one printed: equal, or the guide's ends in `…`
/// where it cut a long line.
fn same_line(shown: &str, got: &str) -> bool {
    match shown.trim_end().strip_suffix('…') {
        Some(head) => got.starts_with(head),
        None => shown.trim_end() == got.trim_end(),
    }
}

/// The program's output in the guide's shape: a block with one `…` keeps
/// as many lines before and after it, each cut where the guide cut it.
fn reshape(shown: &[String], got: &[&str]) -> Vec<String> {
    let Some(cut) = shown.iter().position(|l| l.trim() == "…") else {
        return got.iter().map(|s| s.to_string()).collect();
    };
    let after = shown.len() - cut - 1;
    let trim = |s: &String, g: &str| -> String {
        match s.trim_end().strip_suffix('…') {
            Some(head) if g.len() > head.len() => {
                let n = head.chars().count();
                format!("{}…", g.chars().take(n).collect::<String>())
            }
            _ => g.to_string(),
        }
    };
    let mut out: Vec<String> = shown[..cut]
        .iter()
        .zip(got)
        .map(|(s, g)| trim(s, g))
        .collect();
    out.push(shown[cut].clone());
    let tail = got.len().saturating_sub(after);
    out.extend(
        shown[cut + 1..]
            .iter()
            .zip(&got[tail..])
            .map(|(s, g)| trim(s, g)),
    );
    out
}

/// A folder to work in, with the shipped plans where the guide's
/// commands find them (`scenarios/plans/…`).
fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("culturesim-guide-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let plans = dir.join("scenarios/plans");
    std::fs::create_dir_all(&plans).expect("scratch dir");
    for e in std::fs::read_dir("scenarios/plans")
        .expect("shipped plans")
        .flatten()
    {
        std::fs::copy(e.path(), plans.join(e.file_name())).expect("copy a plan");
    }
    dir
}

#[test]
fn the_worked_example_prints_what_the_guide_shows() {
    let guide = std::fs::read_to_string(GUIDE).expect("the guide");
    let blocks = blocks(&guide);
    let dir = scratch();
    let mut bakery = String::new();
    let mut outputs: Vec<String> = Vec::new();
    let mut differ = Vec::new();
    let mut blessed: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for b in &blocks {
        match b.lang.as_str() {
            "toml"
                if b.lines
                    .first()
                    .is_some_and(|l| l.starts_with("# steady.toml")) =>
            {
                std::fs::write(dir.join("steady.toml"), b.lines.join("\n") + "\n").expect("write");
            }
            "toml" => {
                // Step 5 fixes the typo of step 3 before adding its sections.
                if !bakery.is_empty() && b.lines.iter().any(|l| l.starts_with("[[dilemma]]")) {
                    bakery = bakery.replace("abov = 30", "above = 30");
                }
                bakery.push_str(&b.lines.join("\n"));
                bakery.push_str("\n\n");
                std::fs::write(dir.join("bakery.toml"), &bakery).expect("write");
            }
            "text" | "sh" => {
                let commands: Vec<&String> = b
                    .lines
                    .iter()
                    .filter(|l| l.starts_with("$ culturesim "))
                    .collect();
                if b.lang == "sh" {
                    continue;
                }
                let mut got = String::new();
                if commands.is_empty() {
                    // Lines of the last command's output with the latest file.
                    if let Some(last) = outputs.last() {
                        let cmd = last.clone();
                        let out = run(&dir, &cmd);
                        let lines: Vec<&str> = out.lines().collect();
                        let ok = (0..lines.len()).any(|k| {
                            matches(&b.lines, &lines[k..k + b.lines.len().min(lines.len() - k)])
                        });
                        if !ok {
                            differ.push(format!(
                                "guide line {}: not in the output of `{cmd}`:\n{}\n--- got\n{out}",
                                b.start + 1,
                                b.lines.join("\n")
                            ));
                        }
                    }
                    continue;
                }
                let mut expected: Vec<String> = Vec::new();
                for line in &b.lines {
                    if line.starts_with("$ culturesim ") {
                        let cmd = line.trim_start_matches("$ ").to_string();
                        got.push_str(line);
                        got.push('\n');
                        got.push_str(&run(&dir, &cmd));
                        outputs.push(cmd);
                    }
                    expected.push(line.clone());
                }
                let got_lines: Vec<&str> = got.lines().collect();
                if !matches(&expected, &got_lines) {
                    differ.push(format!(
                        "guide line {}: the guide shows\n{}\n--- the program prints\n{got}",
                        b.start + 1,
                        expected.join("\n")
                    ));
                    blessed.push((b.start, b.lines.len(), reshape(&expected, &got_lines)));
                }
            }
            _ => {}
        }
    }
    if std::env::var_os("BLESS").is_some() && !blessed.is_empty() {
        let mut lines: Vec<String> = guide.lines().map(str::to_string).collect();
        for (start, len, new) in blessed.into_iter().rev() {
            lines.splice(start..start + len, new);
        }
        std::fs::write(GUIDE, lines.join("\n") + "\n").expect("rewrite the guide");
        return;
    }
    // The prose's figures (108.0, 3,821, …) must be in what was printed.
    let printed: String = outputs
        .iter()
        .map(|c| run(&dir, c))
        .collect::<String>()
        .replace(',', "");
    let (_, prose) = section(&guide);
    let mut in_block = false;
    for line in prose {
        if line.starts_with("```") {
            in_block = !in_block;
            continue;
        }
        if in_block {
            continue;
        }
        for number in figures(line) {
            if !printed.contains(&number.replace(',', "")) {
                differ.push(format!(
                    "the prose says {number} ({line:?}), the output never does"
                ));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(differ.is_empty(), "{}", differ.join("\n\n"));
}

/// The figures of a line of prose: numbers with a decimal point or grouped
/// thousands (`108.0`, `3,821`), not the small counts of the text.
fn figures(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_alphanumeric()) {
            let mut j = i;
            while j < chars.len()
                && (chars[j].is_ascii_digit()
                    || (matches!(chars[j], '.' | ',')
                        && chars.get(j + 1).is_some_and(char::is_ascii_digit)))
            {
                j += 1;
            }
            let n: String = chars[i..j].iter().collect();
            if n.contains('.') || n.contains(',') {
                out.push(n);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

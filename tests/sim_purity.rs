//! `src/sim` must stay pure and portable: no file system, clock,
//! environment, terminal, printing, hash maps or transcendental float
//! functions (DESIGN.md §3), and no imports from its sibling modules.

use std::path::{Path, PathBuf};

const FORBIDDEN: &[(&str, &str)] = &[
    ("std::fs", "file system"),
    ("std::env", "environment"),
    ("std::io", "input/output"),
    ("std::net", "network"),
    ("std::process", "processes"),
    ("std::thread", "threads"),
    ("Instant", "clock"),
    ("SystemTime", "clock"),
    ("HashMap", "unordered container"),
    ("HashSet", "unordered container"),
    ("thread_rng", "unseeded randomness"),
    ("rand::rng(", "unseeded randomness"),
    ("from_os_rng", "unseeded randomness"),
    ("ratatui", "terminal"),
    ("crossterm", "terminal"),
    ("println!", "printing"),
    ("eprintln!", "printing"),
    ("print!", "printing"),
    ("dbg!", "printing"),
    (".exp(", "transcendental function"),
    (".exp2(", "transcendental function"),
    (".exp_m1(", "transcendental function"),
    (".ln(", "transcendental function"),
    (".ln_1p(", "transcendental function"),
    (".log(", "transcendental function"),
    (".log2(", "transcendental function"),
    (".log10(", "transcendental function"),
    (".powf(", "transcendental function"),
    (".powi(", "platform-dependent power"),
    (".cbrt(", "transcendental function"),
    (".hypot(", "transcendental function"),
    (".sin(", "transcendental function"),
    (".cos(", "transcendental function"),
    (".tan(", "transcendental function"),
    (".tanh(", "transcendental function"),
    (".sinh(", "transcendental function"),
    (".cosh(", "transcendental function"),
    (".atan", "transcendental function"),
    (".asin", "transcendental function"),
    (".acos", "transcendental function"),
    ("crate::scenario", "a sibling module"),
    ("crate::save", "a sibling module"),
    ("crate::tui", "a sibling module"),
    ("crate::report", "a sibling module"),
    ("crate::analysis", "a sibling module"),
    ("crate::plan", "a sibling module"),
    ("crate::cli", "a sibling module"),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return; // the caller asserts that enough files were found
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its comments, line by line.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let code = line.split("//").next().unwrap_or("");
        (!code.trim().is_empty()).then_some((i + 1, code))
    })
}

#[test]
fn the_model_uses_nothing_impure_or_platform_dependent() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/sim"),
        &mut files,
    );
    assert!(
        files.len() >= 10,
        "found only {} files in src/sim",
        files.len()
    );
    let mut problems = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable source");
        for (line, code) in code_lines(&text) {
            for (token, why) in FORBIDDEN {
                if code.contains(token) {
                    problems.push(format!("{}:{line}: `{token}` ({why})", file.display()));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "src/sim must stay pure:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_scanner_finds_what_it_looks_for() {
    let sample = "let x = y.exp(); // a comment with HashMap\nuse std::collections::HashMap;";
    let hits: Vec<usize> = code_lines(sample)
        .filter(|(_, c)| FORBIDDEN.iter().any(|(t, _)| c.contains(t)))
        .map(|(l, _)| l)
        .collect();
    assert_eq!(hits, vec![1, 2]);
}

/// The text search above misses aliases and paths it cannot spell out
/// (`use std::time as t; t::Instant`), so clippy checks the same rules on
/// resolved paths: `src/sim` denies what `clippy.toml` lists.
#[test]
fn clippy_denies_the_impure_types_and_methods_inside_the_model() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let module = std::fs::read_to_string(root.join("src/sim/mod.rs")).unwrap_or_default();
    assert!(
        module.contains("#![deny(clippy::disallowed_types, clippy::disallowed_methods)]"),
        "src/sim/mod.rs must deny clippy's disallowed types and methods"
    );
    let config = std::fs::read_to_string(root.join("clippy.toml")).unwrap_or_default();
    for path in [
        "std::collections::HashMap",
        "std::time::Instant::now",
        "std::time::SystemTime::now",
        "std::fs::read_to_string",
        "std::env::var",
        "rand::rng",
        "f64::exp",
        "f64::ln",
        "f64::powf",
        "f64::powi",
        "f64::sin",
    ] {
        assert!(
            config.contains(&format!("path = \"{path}\"")),
            "clippy.toml does not list {path}"
        );
    }
}

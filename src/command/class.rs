//! `culturesim class report SAVE|DIR...`: every save replayed (in
//! parallel, results in file order), reduced to a digest, then ranked and
//! compared by [`crate::report::class`].

use super::{Failure, emit};
use crate::cli::{ClassArgs, ClassFormat};
use crate::report::class::{self, Digest, Failed, Fault, Handed, digest, fault_of};
use crate::report::escape::terminal_lines;
use crate::save;
use crate::scenario::{self, Scenario};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The scenarios the saves replayed on, by id and content hash.
pub type Scenarios = BTreeMap<(String, u64), Scenario>;

/// Replays one save into a digest (or says why it cannot).
fn check(verifier: &mut save::Verifier, path: &Path, seen: &mut Scenarios) -> Handed {
    let file = path.display().to_string();
    let decoded = match save::read(path) {
        Ok(d) => d,
        Err(e) => {
            return Handed {
                file,
                checked: Err(Failed {
                    player: None,
                    fault: Fault::Unreadable,
                    reason: e.kind.to_string(),
                }),
            };
        }
    };
    let player = decoded.save.player.clone();
    match verifier.replay(path, decoded) {
        Ok(loaded) => {
            let d: Digest = digest(
                &loaded.scenario,
                &loaded.save.player,
                loaded.save.seed,
                loaded.game.history(),
            );
            let key = (loaded.scenario.id.clone(), loaded.scenario.content_hash);
            seen.entry(key).or_insert(loaded.scenario);
            Handed {
                file,
                checked: Ok(Box::new(d)),
            }
        }
        Err(kind) => Handed {
            file,
            checked: Err(Failed {
                player: Some(player),
                fault: fault_of(&kind),
                reason: kind.to_string(),
            }),
        },
    }
}

/// Replays `paths` on `threads` threads; the results are in the order of
/// `paths` whatever the threads do.
pub fn gather(
    paths: &[PathBuf],
    named: Option<&Scenario>,
    threads: usize,
) -> (Vec<Handed>, Scenarios) {
    let next = AtomicUsize::new(0);
    let threads = threads.clamp(1, paths.len().max(1));
    let parts: Vec<(Vec<(usize, Handed)>, Scenarios)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut verifier = save::Verifier::new();
                    if let Some(sc) = named {
                        verifier.add_scenario(sc.clone());
                    }
                    let mut seen = Scenarios::new();
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = paths.get(i) else { break };
                        done.push((i, check(&mut verifier, path, &mut seen)));
                    }
                    (done, seen)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_default())
            .collect()
    });
    let mut all: Vec<(usize, Handed)> = Vec::with_capacity(paths.len());
    let mut scenarios = Scenarios::new();
    for (done, seen) in parts {
        all.extend(done);
        for (k, v) in seen {
            scenarios.entry(k).or_insert(v);
        }
    }
    all.sort_by_key(|(i, _)| *i);
    (all.into_iter().map(|(_, h)| h).collect(), scenarios)
}

/// The number of worker threads: as asked, or one per core.
fn threads(asked: Option<usize>) -> usize {
    asked
        .or_else(|| std::thread::available_parallelism().ok().map(usize::from))
        .unwrap_or(1)
        .clamp(1, 64)
}

/// Verifies and reduces the saves at `given` (files or folders) and builds
/// the report: what `class report` prints, without the printing.
pub fn build(
    given: &[PathBuf],
    named: Option<&Scenario>,
    workers: Option<usize>,
) -> Result<class::ClassReport, Failure> {
    let paths = save::expand(given);
    if paths.is_empty() {
        return Err(Failure::input(
            "no save files (*.toml) in the files and folders given",
        ));
    }
    let (handed, scenarios) = gather(&paths, named, threads(workers));
    Ok(class::build(handed, &scenarios, named))
}

/// `culturesim class report`.
pub fn report(args: &ClassArgs) -> Result<(), Failure> {
    let named = match &args.scenario {
        Some(path) => Some(
            scenario::load_file(path)
                .map_err(|e| Failure::input(terminal_lines(&e.to_string())))?,
        ),
        None => None,
    };
    let r = build(&args.saves, named.as_ref(), args.threads)?;
    let text = match args.format {
        ClassFormat::Table => class::render_table(&r),
        ClassFormat::Csv => class::render_csv(&r),
        ClassFormat::Html => class::render_html(&r),
        ClassFormat::Md => {
            let stem = args
                .out
                .as_deref()
                .and_then(Path::file_stem)
                .map(|s| s.to_string_lossy().into_owned());
            let (text, files) = class::render_markdown(&r, stem.as_deref());
            let dir = args.out.as_deref().and_then(Path::parent);
            for (name, svg) in files {
                let path = dir.map_or_else(|| PathBuf::from(&name), |d| d.join(&name));
                emit(Some(&path), &svg)?;
            }
            text
        }
    };
    emit(args.out.as_deref(), &text)
}

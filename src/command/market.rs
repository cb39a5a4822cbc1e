//! `culturesim market …`: the shared market's commands, printing what the
//! library's market folder does.

use super::Failure;
use crate::cli::{MarketCommand, MarketPlayArgs};
use crate::market::{self, Error, Replayed, Source, TeamStatus, text};
use crate::save::printable;
use crate::sim::Decisions;
use std::path::Path;

/// Prints through the one broken-pipe-safe writer: a closed pipe (`| head`)
/// ends the output quietly, a full disk is a failure.
macro_rules! out {
    ($($arg:tt)*) => {
        crate::output::print(&format!($($arg)*))
            .map_err(|e| Failure::other(format!("cannot write the output: {e}")))?
    };
}

/// [`out!`] with a line break.
macro_rules! outln {
    ($($arg:tt)*) => {
        out!("{}\n", format_args!($($arg)*))
    };
}

fn fail(e: Error) -> Failure {
    Failure {
        code: if e.input { 2 } else { 1 },
        message: e.to_string(),
        rendered: false,
    }
}

/// Runs one market command.
pub fn market(cmd: MarketCommand) -> Result<(), Failure> {
    match cmd {
        MarketCommand::New {
            scenario,
            dir,
            teams,
            seed,
        } => {
            let rep = market::new_market(&dir, &scenario, &teams, seed).map_err(fail)?;
            outln!(
                "Market started in {}: {} for teams {} (seed {}, {} rounds).",
                printable(&dir.display().to_string()),
                printable(&rep.folder.scenario.title),
                printable(&teams.join(", ")),
                rep.folder.setup.seed,
                rep.folder.scenario.rules.quarters
            );
            outln!(
                "Each team: culturesim market play {} --team NAME",
                printable(&dir.display().to_string())
            );
            Ok(())
        }
        MarketCommand::Status { dir } => status(&dir),
        MarketCommand::Resolve { dir, force } => {
            let done = market::resolve(&dir, force).map_err(fail)?;
            warn(&done.replayed);
            if done.played {
                outln!("Round {} resolved.", done.round);
                for (team, source) in &done.defaulted {
                    let how = match source {
                        Source::Repeated => "repeated its last decisions",
                        _ => "played the scenario's default (spend nothing)",
                    };
                    outln!("  team {} did not submit: {how}", printable(team));
                }
                out!("\n{}", text::industry(&done.replayed, done.round));
            } else if done.replayed.open_round().is_none() {
                outln!(
                    "The market is over: all {} rounds are resolved. Reports written again.",
                    done.round
                );
            } else {
                outln!(
                    "Nothing to resolve: no team has submitted for round {}. Reports of round {} written again.",
                    done.round + 1,
                    done.round
                );
            }
            out!("\n{}", text::leaderboard(&done.replayed));
            Ok(())
        }
        MarketCommand::Rollback { dir, to } => {
            let rep = market::rollback(&dir, to).map_err(fail)?;
            outln!(
                "Rolled back to round {to}: round {} is open again; its decisions files are kept.",
                to + 1
            );
            out!("\n{}", text::leaderboard(&rep));
            Ok(())
        }
        MarketCommand::Verify { dir } => {
            let (rep, problems) = market::verify(&dir).map_err(fail)?;
            if problems.is_empty() {
                outln!(
                    "ok: {} round(s) replay to their records; no file was changed after it was resolved.",
                    rep.resolved()
                );
                Ok(())
            } else {
                let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
                Err(Failure {
                    code: 1,
                    message: format!(
                        "{}\n{} problem(s) found in {} resolved round(s).",
                        lines.join("\n"),
                        problems.len(),
                        rep.resolved()
                    ),
                    rendered: false,
                })
            }
        }
        MarketCommand::Report { dir, round } => {
            let rep = market::replay(&dir).map_err(fail)?;
            let r = round.unwrap_or(rep.resolved());
            if r == 0 || r > rep.resolved() {
                return Err(Failure::input(format!(
                    "round {r} is not resolved: {} round(s) are",
                    rep.resolved()
                )));
            }
            out!("{}", text::industry(&rep, r));
            Ok(())
        }
        MarketCommand::Play(args) => play(&args),
        MarketCommand::Lab { file } => {
            let checked = market::expect::check(&file).map_err(fail)?;
            let mut failed = 0;
            for c in &checked {
                let mark = if c.passed() { "ok  " } else { "FAIL" };
                failed += usize::from(!c.passed());
                outln!(
                    "{mark} {:>3.0}% of seeds (wants {:.0}%): {}",
                    100.0 * c.held,
                    100.0 * c.wanted,
                    printable(&c.text)
                );
            }
            if failed == 0 {
                Ok(())
            } else {
                Err(Failure {
                    code: 1,
                    message: format!("{failed} of {} market rule(s) failed", checked.len()),
                    rendered: false,
                })
            }
        }
    }
}

/// Names refused files on stderr: the command goes on without them.
fn warn(rep: &Replayed) {
    for w in &rep.warnings {
        crate::output::eprintln(&crate::output::escape_lines(&format!("refused: {w}")));
    }
}

fn status(dir: &Path) -> Result<(), Failure> {
    let rep = market::replay(dir).map_err(fail)?;
    warn(&rep);
    let st = market::status(&rep);
    let Some(round) = st.round else {
        outln!(
            "The market is over: all {} rounds resolved.",
            rep.resolved()
        );
        out!("\n{}", text::leaderboard(&rep));
        return Ok(());
    };
    outln!(
        "Round {round} of {} is open ({} resolved).",
        rep.folder.scenario.rules.quarters,
        rep.resolved()
    );
    for (team, s) in &st.teams {
        let line = match s {
            TeamStatus::Submitted(..) => "submitted".to_string(),
            TeamStatus::Missing => "not yet submitted".to_string(),
            TeamStatus::Out => "out of the game".to_string(),
            TeamStatus::Invalid(e) => format!("refused: {e}"),
        };
        outln!("  {:<24} {line}", printable(team));
    }
    for e in &st.stray {
        outln!("  refused: {e}");
    }
    Ok(())
}

fn play(args: &MarketPlayArgs) -> Result<(), Failure> {
    let scripted = args.vision.is_some()
        || args.insight.is_some()
        || args.skills.is_some()
        || args.marketing.is_some()
        || !args.initiatives.is_empty()
        || !args.answers.is_empty();
    if !scripted {
        return crate::tui::market::play(&args.dir, &args.team).map_err(fail);
    }
    let mut d = Decisions {
        vision: args.vision.unwrap_or(0.0),
        insight: args.insight.unwrap_or(0.0),
        skills: args.skills.unwrap_or(0.0),
        marketing: args.marketing.unwrap_or(0.0),
        initiatives: args.initiatives.clone(),
        ..Decisions::default()
    };
    for a in &args.answers {
        let Some((dilemma, choice)) = a.split_once('=') else {
            return Err(Failure::input(format!(
                "--answer {}: write it as DILEMMA=CHOICE",
                printable(a)
            )));
        };
        d.answers.insert(dilemma.to_string(), choice.to_string());
    }
    let path = market::submit(&args.dir, &args.team, &d).map_err(fail)?;
    outln!(
        "Submitted: {} (resubmit until the round is resolved).",
        printable(&path.display().to_string())
    );
    Ok(())
}

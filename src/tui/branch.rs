//! What if, in the terminal game: browse any past quarter (its report,
//! why and news), and branch there — the game goes back to the start of
//! that quarter with the decisions made before it, and play goes on as a
//! new game that remembers its parent. The parent (and any other run of
//! the same scenario and seed picked from the saves) is drawn beside the
//! player's line in the debrief.

use super::app::{App, HistoryPage, Overlay, Screen, Session};
use super::message::Message;
use super::saves::Continuable;
use super::text;
use super::update::Command;
use crate::report::divergence;
use crate::sim::{Decisions, Game, QuarterReport};
use std::sync::Arc;

/// Another run of the same scenario and seed, shown beside the player's.
#[derive(Clone, Debug, PartialEq)]
pub struct OtherRun {
    /// How the debrief names it ("original", a player's name).
    pub label: String,
    pub history: Vec<QuarterReport>,
    /// The quarter the session's game branched from this one, if it did.
    pub branched_at: Option<u32>,
}

impl OtherRun {
    /// One line: the score difference, and where the runs part.
    pub fn versus(&self, mine: &[QuarterReport]) -> String {
        let theirs = self.history.last().map_or(0.0, |r| r.kpis.score);
        let me = mine.last().map_or(0.0, |r| r.kpis.score);
        let parts = divergence(&self.history, mine).state;
        text::versus_line(&self.label, me - theirs, parts)
    }
}

/// The session's game as it stood after `quarter` (from 1).
pub fn game_at(s: &Session, quarter: u32) -> Game {
    let mut game = Game::new(Arc::clone(&s.scenario.rules), s.game.state().seed);
    for r in s.game.history().iter().take(quarter as usize) {
        // The decisions were played once; they play again identically.
        if game.advance(&r.decisions).is_err() {
            break;
        }
    }
    game
}

/// The session as it stood after `quarter`, for the views to draw.
pub fn past(s: &Session, quarter: u32) -> Session {
    let mut p = s.clone();
    p.game = game_at(s, quarter);
    p.debrief = None;
    p
}

/// A new session branched from `s` at quarter `at`: its game holds
/// quarters 1 to `at − 1`, and the draft is what was decided in quarter
/// `at`, ready to be changed. `None` when there is no such quarter.
pub fn branch(s: &Session, at: u32) -> Option<Session> {
    let played = s.game.history().len() as u32;
    if at == 0 || at > played {
        return None;
    }
    let game = game_at(s, at - 1);
    let mut b = Session::from_game(s.scenario.clone(), game, s.player.clone());
    if let Some(r) = s.game.history().get((at - 1) as usize) {
        b.draft = r.decisions.clone();
    }
    b.metric = s.metric;
    b.chart = s.chart;
    b.branch_at = Some(at);
    let mut versus = vec![OtherRun {
        label: text::ORIGINAL.to_string(),
        history: s.game.history().to_vec(),
        branched_at: Some(at),
    }];
    // The parent's own parent and picks stay in view.
    versus.extend(s.versus.iter().cloned());
    versus.truncate(text::VERSUS_MAX);
    b.versus = versus;
    Some(b)
}

/// In a branch, the next quarter's draft is what the parent decided in
/// it, so a branch differs from its parent only where the player changes
/// something ("what if I had held training in Q3?" changes Q3 alone).
/// Initiatives that cannot start and answers to dilemmas not asked are
/// left out; `None` when the parent has no such quarter.
pub fn parent_draft(s: &Session) -> Option<Decisions> {
    let parent = s.versus.iter().find(|v| v.branched_at.is_some())?;
    let q = s.game.state().quarter as usize;
    let mut d = parent.history.get(q)?.decisions.clone();
    let (rules, state) = (s.game.rules(), s.game.state());
    d.initiatives.retain(|id| {
        rules
            .initiative(id)
            .is_some_and(|(i, _)| state.cooldowns.get(i) == Some(&0))
    });
    d.answers.retain(|id, _| {
        rules
            .dilemma(id)
            .is_some_and(|(i, _)| state.pending.contains(&(i as u16)))
    });
    Some(d)
}

/// `f` in a branch: plays the quarter as the draft stands (on the report
/// screen, the next one as it starts), then every later quarter as the
/// original played it — each cut down to the cash there is, as a player
/// short of cash would, and dilemmas the original did not meet take their
/// default — to the debrief.
pub fn fast_forward(app: &mut App) -> Command {
    let Some(s) = app.session.as_mut() else {
        return Command::None;
    };
    if !s.versus.iter().any(|v| v.branched_at.is_some()) {
        app.notice = Some(text::FAST_FORWARD_NONE.to_string());
        return Command::None;
    }
    while !s.game.is_over() {
        let rules = s.game.rules_arc();
        let fitted = crate::plan::fit(s.draft.clone(), &rules, s.game.state());
        if s.game.advance(&fitted).is_err() {
            break;
        }
        s.draft =
            parent_draft(s).unwrap_or_else(|| super::app::carry_over(&fitted, s.game.state()));
    }
    app.overlay = None;
    super::update::enter_quarter_or_debrief(app);
    Command::Autosave
}

/// Opens the history at the last quarter played.
pub fn open_history(app: &mut App) -> Command {
    if let Some(s) = app.session.as_ref() {
        let quarter = s.game.history().len() as u32;
        if quarter == 0 {
            app.notice = Some(text::HISTORY_NONE.to_string());
        } else {
            app.overlay = Some(Overlay::History {
                quarter,
                page: HistoryPage::Report,
            });
        }
    }
    Command::None
}

/// Keys in the history: ←→ quarter, Tab page, ↑↓ figure, `b` branch.
pub fn history_update(app: &mut App, quarter: u32, page: HistoryPage, msg: Message) -> Command {
    let Some(s) = app.session.as_mut() else {
        app.overlay = None;
        return Command::None;
    };
    let played = s.game.history().len() as u32;
    let mut quarter = quarter.clamp(1, played.max(1));
    let mut page = page;
    match msg {
        Message::Back | Message::History | Message::Confirm => {
            app.overlay = None;
            return Command::None;
        }
        Message::Adjust { up, big } => {
            let step = if big { 4 } else { 1 };
            quarter = if up {
                (quarter + step).min(played)
            } else {
                quarter.saturating_sub(step).max(1)
            };
            s.why_row = 0;
        }
        // Digits type the quarter: 3 goes to Q3; 1 then 2 to Q12 (when
        // there is one).
        Message::Digit(d) => {
            let d = u32::from(d);
            let longer = quarter.saturating_mul(10).saturating_add(d);
            quarter = if longer <= played && quarter < 10 && longer >= 10 {
                longer
            } else {
                d.clamp(1, played.max(1))
            };
            s.why_row = 0;
        }
        Message::Tab { forward } => page = page.step(forward),
        Message::Why => page = HistoryPage::Why,
        Message::ShowNews => page = HistoryPage::News,
        Message::Up => {
            s.metric = s.metric.step(false);
            s.why_row = 0;
        }
        Message::Down => {
            s.metric = s.metric.step(true);
            s.why_row = 0;
        }
        Message::Branch => {
            app.overlay = Some(Overlay::BranchAsk { at: quarter });
            return Command::None;
        }
        _ => {}
    }
    app.overlay = Some(Overlay::History { quarter, page });
    Command::None
}

/// The branch question: `y` branches, anything else goes back.
pub fn branch_ask_update(app: &mut App, at: u32, msg: Message) -> Command {
    match msg {
        Message::Confirm => {
            let Some(b) = app.session.as_ref().and_then(|s| branch(s, at)) else {
                app.overlay = None;
                return Command::None;
            };
            app.session = Some(b);
            app.overlay = None;
            app.notice = Some(text::branched(at));
            super::update::enter_quarter_or_debrief(app);
            Command::Branch { at }
        }
        Message::Back => {
            app.overlay = Some(Overlay::History {
                quarter: at,
                page: HistoryPage::Report,
            });
            Command::None
        }
        _ => Command::None,
    }
}

/// Opens how this game differs from the run most recently put beside it.
pub fn open_differences(app: &mut App) {
    match app.session.as_ref().map_or(0, |s| s.versus.len()) {
        0 => app.notice = Some(text::DIFFERENCES_NONE.to_string()),
        n => {
            app.overlay = Some(Overlay::Differences {
                run: n - 1,
                scroll: 0,
            })
        }
    }
}

/// Keys in the differences: ↑↓ scroll, Tab another run, Esc back.
pub fn differences_update(app: &mut App, run: usize, scroll: u16, msg: Message) {
    let n = app.session.as_ref().map_or(0, |s| s.versus.len()).max(1);
    app.overlay = match msg {
        Message::Back => None,
        Message::Up => Some(Overlay::Differences {
            run,
            scroll: scroll.saturating_sub(1),
        }),
        Message::Down => Some(Overlay::Differences {
            run,
            scroll: scroll.saturating_add(1).min(text::DIFFERENCES_SCROLL_MAX),
        }),
        Message::Tab { forward } => Some(Overlay::Differences {
            run: if forward {
                (run + 1) % n
            } else {
                (run + n - 1) % n
            },
            scroll: 0,
        }),
        _ => Some(Overlay::Differences { run, scroll }),
    };
}

/// How the session's game differs from other run `run`, as text lines
/// (the same comparison as `culturesim compare`, the other run as A).
pub fn differences(s: &Session, run: usize) -> Vec<String> {
    let Some(other) = s.versus.get(run) else {
        return vec![text::DIFFERENCES_NONE.to_string()];
    };
    let rules = s.game.rules();
    let doc = crate::report::render_compare(
        crate::report::Side {
            label: &other.label,
            rules,
            history: &other.history,
        },
        crate::report::Side {
            label: text::YOU,
            rules,
            history: s.game.history(),
        },
    );
    doc.render(crate::report::DocFormat::Text)
        .lines()
        .map(str::to_string)
        .collect()
}

/// The debrief's list of other runs of this scenario and seed.
pub fn versus_update(
    app: &mut App,
    runs: Vec<Continuable>,
    selected: usize,
    msg: Message,
) -> Command {
    let n = runs.len();
    match msg {
        Message::Back => {
            app.overlay = None;
            Command::None
        }
        Message::Up => {
            app.overlay = Some(Overlay::Versus {
                runs,
                selected: selected.saturating_sub(1),
            });
            Command::None
        }
        Message::Down => {
            app.overlay = Some(Overlay::Versus {
                runs,
                selected: (selected + 1).min(n.saturating_sub(1)),
            });
            Command::None
        }
        Message::Confirm => {
            app.overlay = None;
            match runs.into_iter().nth(selected) {
                Some(which) => Command::LoadRun(which),
                None => Command::None,
            }
        }
        _ => {
            app.overlay = Some(Overlay::Versus { runs, selected });
            Command::None
        }
    }
}

/// The runs the saves folder offers arrived: list them (or say none).
pub fn runs_listed(app: &mut App, runs: Vec<Continuable>) {
    if app.screen != Screen::Debrief {
        return;
    }
    if runs.is_empty() {
        app.notice = Some(text::VERSUS_NONE.to_string());
    } else {
        app.overlay = Some(Overlay::Versus { runs, selected: 0 });
    }
}

/// A picked run was loaded: put it beside the player's.
pub fn run_loaded(app: &mut App, result: Result<OtherRun, String>) {
    let Some(s) = app.session.as_mut() else {
        return;
    };
    match result {
        Ok(run) => {
            s.versus
                .retain(|r| r.label != run.label || r.branched_at.is_some());
            s.versus.push(run);
            if s.versus.len() > text::VERSUS_MAX {
                s.versus.remove(0);
            }
        }
        Err(e) => app.notice = Some(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;

    fn played(n: u32) -> Session {
        let mut s = Session::new(Scenario::reference(), 3, "Ann".into());
        for q in 1..=n {
            let d = crate::sim::Decisions {
                skills: f64::from(q) * 10.0,
                ..Default::default()
            };
            let _ = s.game.advance(&d);
        }
        s
    }

    #[test]
    fn a_branch_rewinds_to_the_start_of_its_quarter_with_that_quarters_draft() {
        let s = played(5);
        let b = branch(&s, 3).unwrap_or_else(|| played(0));
        assert_eq!(b.game.history(), &s.game.history()[..2]);
        assert_eq!(b.draft.skills, 30.0, "quarter 3's decisions, to change");
        assert_eq!(b.branch_at, Some(3));
        assert_eq!(b.versus[0].branched_at, Some(3));
        assert_eq!(b.versus[0].history, s.game.history());
        assert!(branch(&s, 0).is_none() && branch(&s, 6).is_none());
        assert_eq!(past(&s, 4).game.history(), &s.game.history()[..4]);
    }
}

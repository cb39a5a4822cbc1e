//! `update`: how each message changes the app. Everything the program
//! does outside the app's state (suspend, autosave, load a save) is
//! returned as a [`Command`] for the runtime to carry out.

use super::app::{App, Debrief, Overlay, Row, Screen, Session, Title, TitleField, carry_over};
use super::message::Message;
use super::saves::Continuable;
use super::text;
use crate::analysis::explain::{key_moments, references};

/// Work for the runtime after an update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    None,
    /// Suspend the program (Ctrl-Z) and redraw when resumed.
    Suspend,
    /// A quarter was committed: autosave it.
    Autosave,
    /// Load this saved game and send back [`Message::Resumed`].
    Resume(Continuable),
    /// List the saved games again and send back [`Message::Continuable`].
    ListSaves,
    /// The game was branched at this quarter: keep it as a new save.
    Branch {
        at: u32,
    },
    /// List other runs of this scenario and seed: [`Message::Runs`].
    ListRuns,
    /// Load this run for comparison: [`Message::RunLoaded`].
    LoadRun(Continuable),
}

/// Applies one message to the app.
pub fn update(app: &mut App, msg: Message) -> Command {
    match msg {
        Message::Quit => {
            app.running = false;
            return Command::None;
        }
        Message::Suspend => return Command::Suspend,
        Message::Resize => return Command::None,
        Message::Size { width, height } => {
            app.size = (width, height);
            return Command::None;
        }
        Message::Saved { result, at } => {
            if at.is_some() {
                app.last_save.clone_from(&at);
            }
            if let Some(s) = app.session.as_mut() {
                s.save_problem = result.err();
                s.saved_at = at;
            }
            return Command::None;
        }
        Message::Resumed(result) => {
            match result {
                Ok(r) => {
                    app.last_save.clone_from(&r.location);
                    app.session = Some(Session::resumed(*r));
                    enter_quarter_or_debrief(app);
                }
                Err(e) => app.notice = Some(e),
            }
            return Command::None;
        }
        Message::Runs(runs) => {
            super::branch::runs_listed(app, runs);
            return Command::None;
        }
        Message::RunLoaded(result) => {
            super::branch::run_loaded(app, result);
            return Command::None;
        }
        Message::Continuable(list) => {
            app.title.continuable = list;
            app.title.selected = app.title.selected.min(app.title.rows().saturating_sub(1));
            return Command::None;
        }
        _ => {}
    }
    app.notice = None;
    if let Some(overlay) = app.overlay.clone() {
        return super::dialog::overlay_update(app, overlay, msg);
    }
    match msg {
        Message::Help => {
            app.overlay = Some(Overlay::Help { scroll: 0 });
            return Command::None;
        }
        Message::AskQuit => {
            app.overlay = Some(Overlay::Quit);
            return Command::None;
        }
        Message::ShowSave if app.session.is_some() => {
            app.overlay = Some(Overlay::Save);
            return Command::None;
        }
        Message::ShowNews if app.session.is_some() => {
            app.overlay = Some(Overlay::News);
            return Command::None;
        }
        Message::History if app.session.is_some() => return super::branch::open_history(app),
        Message::FastForward if app.session.is_some() => return super::branch::fast_forward(app),
        Message::Versus if app.screen == Screen::Debrief => return Command::ListRuns,
        Message::Differences if app.screen == Screen::Debrief => {
            super::branch::open_differences(app);
            return Command::None;
        }
        _ => {}
    }
    match app.screen {
        Screen::Title => title_update(app, msg),
        Screen::Briefing => briefing_update(app, msg),
        Screen::Quarter => super::decide::quarter_update(app, msg),
        Screen::Report => report_update(app, msg),
        Screen::Debrief => debrief_update(app, msg),
    }
}

fn title_update(app: &mut App, msg: Message) -> Command {
    let t = &mut app.title;
    match msg {
        Message::Up => select(t, t.selected.saturating_sub(1)),
        Message::Down => select(t, (t.selected + 1).min(t.rows().saturating_sub(1))),
        Message::Tab { forward } => {
            let seed = t.saved().is_none() && !t.seed_locked();
            let order: &[TitleField] = if seed {
                &[TitleField::List, TitleField::Seed, TitleField::Player]
            } else {
                &[TitleField::List, TitleField::Player]
            };
            let i = order.iter().position(|f| *f == t.field).unwrap_or(0);
            let n = order.len();
            t.field = order[if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            }];
            t.seed_fresh = t.field == TitleField::Seed;
        }
        Message::Digit(d) if t.field == TitleField::Seed => {
            // The first digit after entering the field replaces the seed.
            let keep = t.seed_typed && !t.seed_fresh;
            let typed = format!("{}{d}", if keep { t.seed.as_str() } else { "" });
            if typed.parse::<u64>().is_ok() {
                t.seed = typed;
                t.seed_typed = true;
                t.seed_fresh = false;
            }
        }
        Message::Erase if t.field == TitleField::Seed => {
            t.seed.pop();
            t.seed_typed = true;
            t.seed_fresh = false;
        }
        Message::Char(c)
            if t.field == TitleField::Player
                && !c.is_control()
                && !crate::output::is_hidden(c)
                && t.player.chars().count() < text::PLAYER_MAX =>
        {
            t.player.push(c);
        }
        Message::Erase if t.field == TitleField::Player => {
            t.player.pop();
        }
        Message::Confirm => return start(app),
        Message::Pick { row } if row == t.selected => return start(app),
        Message::Pick { row } if row < t.rows() => {
            t.field = TitleField::List;
            select(t, row);
        }
        Message::Focus(f) => {
            let no_seed = t.saved().is_some() || t.seed_locked();
            if !(f == TitleField::Seed && no_seed) {
                t.field = f;
                t.seed_fresh = f == TitleField::Seed;
            }
        }
        _ => {}
    }
    Command::None
}

/// Moves the title cursor; the seed follows the scenario unless typed.
fn select(t: &mut Title, row: usize) {
    t.selected = row;
    if t.saved().is_some() || t.seed_locked() {
        t.field = TitleField::List;
    }
    if let Some(s) = t.scenario()
        && (!t.seed_typed || s.lock_seed)
    {
        t.seed = s.seed.to_string();
        t.seed_typed = false;
    }
}

/// Enter on the title screen: a new game's briefing, or a saved game.
fn start(app: &mut App) -> Command {
    let t = &app.title;
    if let Some(saved) = t.saved() {
        return Command::Resume(saved.clone());
    }
    let Some(scenario) = t.scenario() else {
        app.notice = Some(text::NO_SCENARIO.to_string());
        return Command::None;
    };
    let seed = if scenario.lock_seed {
        scenario.seed
    } else {
        t.seed.parse().unwrap_or(scenario.seed)
    };
    let player = t.player.trim().to_string();
    let unnamed = player.is_empty();
    app.session = Some(Session::new(scenario.clone(), seed, player));
    app.screen = Screen::Briefing;
    // The name goes into the save a student hands in: ask for it first.
    if unnamed {
        app.overlay = Some(Overlay::Name);
    }
    Command::None
}

fn briefing_update(app: &mut App, msg: Message) -> Command {
    let Some(s) = app.session.as_mut() else {
        app.screen = Screen::Title;
        return Command::None;
    };
    match msg {
        Message::Up => s.scroll = s.scroll.saturating_sub(1),
        Message::Down => s.scroll = s.scroll.saturating_add(1).min(text::BRIEFING_SCROLL_MAX),
        Message::Back => {
            app.session = None;
            app.screen = Screen::Title;
        }
        Message::Confirm => enter_quarter_or_debrief(app),
        _ => {}
    }
    Command::None
}

/// Shows the next quarter (opening its first dilemma), or the debrief
/// when the game is over.
pub(super) fn enter_quarter_or_debrief(app: &mut App) {
    let Some(s) = app.session.as_mut() else {
        app.screen = Screen::Title;
        return;
    };
    if s.game.is_over() {
        if s.debrief.is_none() {
            let rules = s.game.rules_arc();
            let refs = references(&rules, s.game.state().seed);
            let nothing = refs
                .iter()
                .find(|r| r.name == text::REF_DO_NOTHING)
                .map(|r| r.history.clone())
                .unwrap_or_default();
            s.debrief = Some(Debrief {
                references: refs,
                moments: key_moments(&rules, s.game.history(), text::MOMENTS),
                story: crate::analysis::story(&rules, s.game.history(), &nothing),
                scroll: 0,
                chart: 0,
            });
        }
        app.screen = Screen::Debrief;
        return;
    }
    app.screen = Screen::Quarter;
    s.typing = None;
    s.cursor = s.cursor.min(s.rows().len().saturating_sub(1));
    if let Some(d) = s.unanswered().first() {
        app.overlay = Some(super::decide::dilemma_overlay(s, *d));
    }
}

/// Plays the quarter with the draft decisions.
pub(super) fn commit(app: &mut App) -> Command {
    let Some(s) = app.session.as_mut() else {
        return Command::None;
    };
    let draft = s.draft.clone();
    match s.game.advance(&draft) {
        Ok(_) => {
            s.draft = super::branch::parent_draft(s)
                .unwrap_or_else(|| carry_over(&draft, s.game.state()));
            s.typing = None;
            if matches!(s.row(), Row::Dilemma(_)) || s.cursor >= s.rows().len() {
                s.cursor = 0;
            }
            app.overlay = None;
            app.screen = Screen::Report;
            Command::Autosave
        }
        Err(e) => {
            // The confirmation shows the problem; keep it open.
            app.notice = Some(e.to_string());
            Command::None
        }
    }
}

fn report_update(app: &mut App, msg: Message) -> Command {
    let Some(s) = app.session.as_mut() else {
        return Command::None;
    };
    match msg {
        Message::Up => s.metric = s.metric.step(false),
        Message::Down | Message::Tab { forward: true } => s.metric = s.metric.step(true),
        Message::Tab { forward: false } => s.metric = s.metric.step(false),
        Message::Why => {
            s.why_row = 0;
            app.overlay = Some(Overlay::Why);
        }
        Message::Figure(m) if m == s.metric => {
            s.why_row = 0;
            app.overlay = Some(Overlay::Why);
        }
        Message::Figure(m) => s.metric = m,
        Message::NextChart => s.chart = s.chart.next(),
        Message::Confirm => enter_quarter_or_debrief(app),
        _ => {}
    }
    Command::None
}

fn debrief_update(app: &mut App, msg: Message) -> Command {
    let debrief = app.session.as_mut().and_then(|s| s.debrief.as_mut());
    match (msg.clone(), debrief) {
        (Message::Up, Some(d)) => {
            d.scroll = d.scroll.saturating_sub(1);
            return Command::None;
        }
        (Message::Down, Some(d)) => {
            d.scroll = d.scroll.saturating_add(1).min(text::BRIEFING_SCROLL_MAX);
            return Command::None;
        }
        (Message::Page { down }, Some(d)) => {
            d.scroll = super::dialog::page(d.scroll, down);
            return Command::None;
        }
        _ => {}
    }
    match msg {
        Message::NextChart => {
            if let Some(d) = app.session.as_mut().and_then(|s| s.debrief.as_mut()) {
                d.chart = (d.chart + 1) % text::DEBRIEF_CHARTS.len();
            }
            Command::None
        }
        Message::NewGame => {
            app.session = None;
            app.screen = Screen::Title;
            Command::ListSaves
        }
        Message::Replay => {
            // The same scenario, seed and player, from the briefing.
            if let Some(s) = app.session.take() {
                let seed = s.game.state().seed;
                app.session = Some(Session::new(s.scenario, seed, s.player));
                app.screen = Screen::Briefing;
            }
            Command::None
        }
        _ => Command::None,
    }
}

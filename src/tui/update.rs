//! `update`: how each message changes the app. Everything the program
//! does outside the app's state (suspend, autosave, load a save) is
//! returned as a [`Command`] for the runtime to carry out.

use super::app::{App, Debrief, Overlay, Row, Screen, Session, Title, TitleField, carry_over};
use super::explain::{key_moments, references};
use super::message::Message;
use super::saves::Continuable;
use super::text;

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
        Message::Saved { result, at } => {
            if let Some(s) = app.session.as_mut() {
                s.save_problem = result.err();
                s.saved_at = at;
            }
            return Command::None;
        }
        Message::Resumed(result) => {
            match result {
                Ok(r) => {
                    app.session = Some(Session::resumed(*r));
                    enter_quarter_or_debrief(app);
                }
                Err(e) => app.notice = Some(e),
            }
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
        return overlay_update(app, overlay, msg);
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

fn overlay_update(app: &mut App, overlay: Overlay, msg: Message) -> Command {
    if matches!(msg, Message::Help) {
        app.overlay = Some(Overlay::Help { scroll: 0 });
        return Command::None;
    }
    match overlay {
        Overlay::Save | Overlay::News => {
            if matches!(msg, Message::Back) {
                app.overlay = None;
            }
        }
        Overlay::Help { scroll } => match msg {
            Message::Back => app.overlay = None,
            Message::Up => {
                app.overlay = Some(Overlay::Help {
                    scroll: scroll.saturating_sub(1),
                })
            }
            Message::Down => {
                let scroll = scroll.saturating_add(1).min(text::BRIEFING_SCROLL_MAX);
                app.overlay = Some(Overlay::Help { scroll });
            }
            _ => {}
        },
        Overlay::Quit => match msg {
            Message::Back => app.overlay = None,
            Message::RetrySave => return Command::Autosave,
            _ => {}
        },
        Overlay::Commit => match msg {
            Message::Back => app.overlay = None,
            Message::Confirm => return commit(app),
            _ => {}
        },
        Overlay::Dilemma { dilemma, choice } => {
            super::decide::dilemma_update(app, dilemma, choice, msg);
        }
        Overlay::Why => match msg {
            Message::Back => app.overlay = None,
            Message::Tab { forward } => {
                if let Some(s) = app.session.as_mut() {
                    s.metric = s.metric.step(forward);
                }
            }
            _ => {}
        },
    }
    Command::None
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
        }
        Message::Digit(d) if t.field == TitleField::Seed => {
            let typed = format!("{}{d}", if t.seed_typed { t.seed.as_str() } else { "" });
            if typed.parse::<u64>().is_ok() {
                t.seed = typed;
                t.seed_typed = true;
            }
        }
        Message::Erase if t.field == TitleField::Seed => {
            t.seed.pop();
            t.seed_typed = true;
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
    let player = match t.player.trim() {
        "" => text::DEFAULT_PLAYER.to_string(),
        name => name.to_string(),
    };
    app.session = Some(Session::new(scenario.clone(), seed, player));
    app.screen = Screen::Briefing;
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
            s.debrief = Some(Debrief {
                references: references(&rules, s.game.state().seed),
                moments: key_moments(&rules, s.game.history(), text::MOMENTS),
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
fn commit(app: &mut App) -> Command {
    let Some(s) = app.session.as_mut() else {
        return Command::None;
    };
    let draft = s.draft.clone();
    match s.game.advance(&draft) {
        Ok(_) => {
            s.draft = carry_over(&draft);
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
        Message::Why => app.overlay = Some(Overlay::Why),
        Message::NextChart => s.chart = s.chart.next(),
        Message::Confirm => enter_quarter_or_debrief(app),
        _ => {}
    }
    Command::None
}

fn debrief_update(app: &mut App, msg: Message) -> Command {
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

//! Messages — everything that can happen to the app — and the one place
//! where keys become messages. Tests drive `update` with messages, never
//! with a terminal.

use super::app::{App, Overlay, Screen, TitleField};
use super::saves::{Continuable, Resumed};
use crate::analysis::Metric;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Something that happened: a key's meaning, a resize, a save's result.
#[derive(Clone, Debug)]
pub enum Message {
    /// Leave now (Ctrl-C, or a confirmed quit).
    Quit,
    /// Ask whether to quit.
    AskQuit,
    /// In the quit dialog after a failed autosave: try saving again.
    RetrySave,
    /// Ctrl-Z: hand the terminal back to the shell until resumed.
    Suspend,
    /// Open or close the help.
    Help,
    /// Close the overlay, or go back a screen.
    Back,
    /// Enter: start, continue, commit, choose.
    Confirm,
    Up,
    Down,
    /// Tab (forward) or Shift-Tab: next field, next figure.
    Tab {
        forward: bool,
    },
    /// Change the selected lever by a step (or a big step).
    Adjust {
        up: bool,
        big: bool,
    },
    /// A digit typed (an amount, a seed, a choice number).
    Digit(u8),
    /// A character typed into a text field.
    Char(char),
    /// Backspace.
    Erase,
    /// Space: switch an initiative on or off, open a dilemma.
    Toggle,
    /// Open the why overlay for the selected figure.
    Why,
    /// Explain the selected cause of the why view.
    Explain,
    /// Read the selected initiative's or dilemma's whole text.
    Detail,
    /// A click on row `row` of the screen's list (title list, decision
    /// rows, dilemma choices): select it, or act on it if selected.
    Pick {
        row: usize,
    },
    /// A click on a figure: select it, or open its why view if selected.
    Figure(Metric),
    /// A click on a field of the title screen.
    Focus(TitleField),
    /// Show the next chart.
    NextChart,
    /// Open the next unanswered dilemma.
    Dilemma,
    /// Back to the title screen for a new game.
    NewGame,
    /// Play the same scenario with the same seed again.
    Replay,
    /// The terminal changed size: draw again.
    Resize,
    /// Page Up / Page Down (or Space) in a long text.
    Page {
        down: bool,
    },
    /// The terminal's size (columns, rows): at start and on every resize.
    Size {
        width: u16,
        height: u16,
    },
    /// The autosave after a quarter finished (with its problem, if any).
    Saved {
        result: Result<(), String>,
        /// Where the game is saved, for the save overlay.
        at: Option<String>,
    },
    /// Show where the game is saved.
    ShowSave,
    /// Show all of last quarter's news.
    ShowNews,
    /// A saved game was loaded for play (or could not be).
    Resumed(Result<Box<Resumed>, String>),
    /// The saved games the title screen offers, listed again.
    Continuable(Vec<Continuable>),
    /// Open (or close) the history of past quarters.
    History,
    /// Branch at the quarter the history shows.
    Branch,
    /// List other runs of this scenario and seed to compare with.
    Versus,
    /// Show how this game differs from the other runs beside it.
    Differences,
    /// In a branch: play this quarter as set, and the rest as the original.
    FastForward,
    /// The other runs found (answer to [`Message::Versus`]).
    Runs(Vec<Continuable>),
    /// A run picked for comparison was loaded (or could not be).
    RunLoaded(Result<super::branch::OtherRun, String>),
}

/// What a key means in the app's current state; `None` for keys that do
/// nothing here.
pub fn from_key(app: &App, key: KeyEvent) -> Option<Message> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if ctrl => return Some(Message::Quit),
        KeyCode::Char('z') if ctrl => return Some(Message::Suspend),
        _ if ctrl => return None,
        _ => {}
    }
    match &app.overlay {
        Some(overlay) => overlay_key(overlay, key, save_failed(app)),
        None => screen_key(app, key),
    }
}

fn overlay_key(overlay: &Overlay, key: KeyEvent, save_failed: bool) -> Option<Message> {
    use KeyCode::*;
    let m = match (overlay, key.code) {
        // Only y quits: Enter or q, a habit after every other dialog,
        // must never throw a quarter's decisions away. After a failed
        // autosave, r tries the save again.
        (Overlay::Quit, Char('r' | 'R')) if save_failed => Message::RetrySave,
        (Overlay::Quit, Char('y' | 'Y')) => Message::Quit,
        (Overlay::Quit, Char('n' | 'N') | Esc) => Message::Back,
        (Overlay::Name, Enter) => Message::Confirm,
        (Overlay::Name, Esc) => Message::Back,
        (Overlay::Name, Backspace) => Message::Erase,
        (Overlay::Name, Char(c)) => Message::Char(c),
        (Overlay::Detail { .. }, Esc | Enter | Char('i' | 'q')) => Message::Back,
        (Overlay::Detail { .. }, Up | Char('k')) => Message::Up,
        (Overlay::Detail { .. }, Down | Char('j')) => Message::Down,
        (Overlay::Glossary { .. }, Esc | Enter | Char('?' | 'q')) => Message::Back,
        (Overlay::Help { .. }, Char('?' | 'q') | Esc | Enter) => Message::Back,
        (Overlay::Help { .. }, Up | Char('k')) => Message::Up,
        (Overlay::Help { .. }, Down | Char('j')) => Message::Down,
        (Overlay::Help { .. } | Overlay::Detail { .. }, PageUp) => Message::Page { down: false },
        (Overlay::Help { .. } | Overlay::Detail { .. }, PageDown | Char(' ')) => {
            Message::Page { down: true }
        }
        (Overlay::Commit, Enter | Char('y' | 'Y')) => Message::Confirm,
        (Overlay::Commit, Esc | Char('n' | 'N' | 'q')) => Message::Back,
        (Overlay::Dilemma { .. }, Up | Char('k')) => Message::Up,
        (Overlay::Dilemma { .. }, Down | Char('j')) => Message::Down,
        (Overlay::Dilemma { .. }, Char(c @ '1'..='9')) => Message::Digit(digit(c)),
        (Overlay::Dilemma { .. }, Enter) => Message::Confirm,
        (Overlay::Dilemma { .. }, Esc | Char('q')) => Message::Back,
        (Overlay::History { .. }, Esc | Enter | Char('p' | 'q')) => Message::Back,
        (Overlay::History { .. }, Left | Char('h')) => Message::Adjust {
            up: false,
            big: false,
        },
        (Overlay::History { .. }, Right | Char('l')) => Message::Adjust {
            up: true,
            big: false,
        },
        (Overlay::History { .. }, PageUp | Home) => Message::Adjust {
            up: false,
            big: true,
        },
        (Overlay::History { .. }, PageDown | End) => Message::Adjust {
            up: true,
            big: true,
        },
        (Overlay::History { .. }, Tab) => Message::Tab { forward: true },
        (Overlay::History { .. }, BackTab) => Message::Tab { forward: false },
        (Overlay::History { .. }, Up | Char('k')) => Message::Up,
        (Overlay::History { .. }, Down | Char('j')) => Message::Down,
        (Overlay::History { .. }, Char('w')) => Message::Why,
        (Overlay::History { .. }, Char('n')) => Message::ShowNews,
        (Overlay::History { .. }, Char('b')) => Message::Branch,
        (Overlay::History { .. }, Char(c @ '0'..='9')) => Message::Digit(digit(c)),
        (Overlay::BranchAsk { .. }, Char('y' | 'Y') | Enter) => Message::Confirm,
        (Overlay::BranchAsk { .. }, Char('n' | 'N' | 'q') | Esc) => Message::Back,
        (Overlay::Differences { .. }, Esc | Enter | Char('d' | 'q')) => Message::Back,
        (Overlay::Differences { .. }, Up | Char('k') | PageUp) => Message::Up,
        (Overlay::Differences { .. }, Down | Char('j' | ' ') | PageDown) => Message::Down,
        (Overlay::Differences { .. }, Tab | Right | Char('l')) => Message::Tab { forward: true },
        (Overlay::Differences { .. }, BackTab | Left | Char('h')) => {
            Message::Tab { forward: false }
        }
        (Overlay::Versus { .. }, Up | Char('k')) => Message::Up,
        (Overlay::Versus { .. }, Down | Char('j')) => Message::Down,
        (Overlay::Versus { .. }, Enter) => Message::Confirm,
        (Overlay::Versus { .. }, Esc | Char('q' | 'v')) => Message::Back,
        (Overlay::Why, Esc | Enter | Char('w' | 'q')) => Message::Back,
        (Overlay::Save, Esc | Enter | Char('s' | 'q')) => Message::Back,
        (Overlay::News, Esc | Enter | Char('n' | 'q')) => Message::Back,
        (Overlay::Why, Right | Tab | Char('l')) => Message::Tab { forward: true },
        (Overlay::Why, Left | BackTab | Char('h')) => Message::Tab { forward: false },
        (Overlay::Why, Down | Char('j')) => Message::Down,
        (Overlay::Why, Up | Char('k')) => Message::Up,
        // `?` on a cause of the why view explains that cause.
        (Overlay::Why, Char('?')) => Message::Explain,
        (_, Char('?')) => Message::Help,
        _ => return None,
    };
    Some(m)
}

fn screen_key(app: &App, key: KeyEvent) -> Option<Message> {
    use KeyCode::*;
    if app.screen == Screen::Title {
        return title_key(app.title.field, key);
    }
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    let m = match (app.screen, key.code) {
        (_, Char('?')) => Message::Help,
        (_, Char('q')) => Message::AskQuit,
        (Screen::Briefing, Esc) => Message::Back,
        (_, Esc) => Message::AskQuit,
        (_, Up | Char('k')) => Message::Up,
        (_, Down | Char('j')) => Message::Down,
        (_, Tab) => Message::Tab { forward: true },
        (_, BackTab) => Message::Tab { forward: false },
        (_, Enter) => Message::Confirm,
        (Screen::Briefing, PageDown | Char(' ')) => Message::Down,
        (Screen::Briefing, PageUp) => Message::Up,
        (Screen::Quarter, Left | Char('h')) => Message::Adjust {
            up: false,
            big: shift,
        },
        (Screen::Quarter, Right | Char('l')) => Message::Adjust {
            up: true,
            big: shift,
        },
        (Screen::Quarter, Char('H') | PageDown) => Message::Adjust {
            up: false,
            big: true,
        },
        (Screen::Quarter, Char('L') | PageUp) => Message::Adjust {
            up: true,
            big: true,
        },
        (Screen::Quarter, Char(c @ '0'..='9')) => Message::Digit(digit(c)),
        (Screen::Quarter, Backspace) => Message::Erase,
        (Screen::Quarter, Char(' ')) => Message::Toggle,
        (Screen::Quarter, Char('d')) => Message::Dilemma,
        (Screen::Quarter, Char('i')) => Message::Detail,
        (Screen::Quarter | Screen::Report, Char('w')) => Message::Why,
        (Screen::Quarter | Screen::Report | Screen::Debrief, Char('s')) => Message::ShowSave,
        (Screen::Quarter | Screen::Report | Screen::Debrief, Char('c')) => Message::NextChart,
        (Screen::Debrief, Right | Char('l')) => Message::NextChart,
        (Screen::Debrief, PageDown | Char(' ')) => Message::Page { down: true },
        (Screen::Debrief, PageUp) => Message::Page { down: false },
        (Screen::Quarter | Screen::Report, Char('n')) => Message::ShowNews,
        (Screen::Debrief, Char('n')) => Message::NewGame,
        (Screen::Debrief, Char('r')) => Message::Replay,
        (Screen::Quarter | Screen::Report | Screen::Debrief, Char('p')) => Message::History,
        (Screen::Debrief, Char('b')) => Message::History,
        (Screen::Debrief, Char('v')) => Message::Versus,
        (Screen::Debrief, Char('d')) => Message::Differences,
        (Screen::Quarter | Screen::Report, Char('f')) => Message::FastForward,
        _ => return None,
    };
    Some(m)
}

fn title_key(field: TitleField, key: KeyEvent) -> Option<Message> {
    use KeyCode::*;
    let m = match (field, key.code) {
        (_, Tab) => Message::Tab { forward: true },
        (_, BackTab) => Message::Tab { forward: false },
        (_, Enter) => Message::Confirm,
        (_, Esc) => Message::AskQuit,
        (_, Up) => Message::Up,
        (_, Down) => Message::Down,
        (TitleField::Player, Backspace) => Message::Erase,
        (TitleField::Player, Char(c)) => Message::Char(c),
        (TitleField::Seed, Backspace) => Message::Erase,
        (TitleField::Seed, Char(c @ '0'..='9')) => Message::Digit(digit(c)),
        (_, Char('k')) => Message::Up,
        (_, Char('j')) => Message::Down,
        (_, Char('?')) => Message::Help,
        (_, Char('q')) => Message::AskQuit,
        _ => return None,
    };
    Some(m)
}

fn digit(c: char) -> u8 {
    c.to_digit(10).map_or(0, |d| d as u8)
}

/// Whether the game in progress failed its latest autosave.
fn save_failed(app: &App) -> bool {
    app.session
        .as_ref()
        .is_some_and(|s| s.save_problem.is_some())
}

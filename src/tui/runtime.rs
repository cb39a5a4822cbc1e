//! The terminal's lifecycle and the event loop. The loop blocks in
//! `event::read` (no polling: zero CPU while waiting for a key), draws
//! after every event, and carries out the commands `update` returns.
//!
//! The terminal is always given back: on quit and on error here, on panic
//! by the hook `ratatui::try_init` installs, on SIGTERM/SIGHUP/SIGINT/
//! SIGQUIT by a watcher thread, and around a stop: Ctrl-Z (raw mode turns
//! it into a key, which raises SIGTSTP) and an external `kill -TSTP` take
//! the same path — the watcher restores the terminal and stops the
//! process; on SIGCONT it takes the terminal back and asks for a full
//! redraw (SIGWINCH wakes the event loop).

use super::app::App;
use super::message::{self, Message};
use super::saves::Saves;
use super::theme::Theme;
use super::update::{Command, update};
use super::view;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute, terminal};
use ratatui::DefaultTerminal;
use ratatui::layout::Rect;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set by the watcher after a continue: the screen must be drawn anew.
static REDRAW: AtomicBool = AtomicBool::new(false);

/// Runs the app in the terminal until the player quits.
pub fn run(mut app: App, saves: &mut dyn Saves) -> io::Result<()> {
    let theme = Theme::from_env();
    app.autosaves = saves.autosaves();
    let mut term = ratatui::try_init()?;
    // Clicks and the wheel; the keyboard alone stays enough.
    let _ = execute!(io::stdout(), EnableMouseCapture);
    watch_signals();
    let result = event_loop(&mut term, &mut app, saves, theme);
    restore();
    drop(term);
    // Said again on the terminal the player is left with: where the game
    // is and how to hand it in.
    if let Some(at) = &app.last_save {
        println!("{}", super::text::hand_in(at));
    }
    result
}

fn event_loop(
    term: &mut DefaultTerminal,
    app: &mut App,
    saves: &mut dyn Saves,
    theme: Theme,
) -> io::Result<()> {
    let size = term.size()?;
    update(
        app,
        Message::Size {
            width: size.width,
            height: size.height,
        },
    );
    while app.running {
        if REDRAW.swap(false, Ordering::Relaxed) {
            // Whatever the shell drew is on the other screen.
            term.clear()?;
        }
        term.draw(|frame| view::draw(frame, app, theme))?;
        let msg = match event::read()? {
            Event::Key(key) => message::from_key(app, key),
            Event::Mouse(m) => {
                let size = term.size()?;
                super::mouse::from_mouse(app, Rect::new(0, 0, size.width, size.height), m)
            }
            Event::Resize(width, height) => Some(Message::Size { width, height }),
            _ => None,
        };
        let mut next = msg;
        while let Some(m) = next.take() {
            let command = update(app, m);
            next = perform(command, app, saves, term)?;
        }
    }
    Ok(())
}

/// Carries out a command; some answer with a message for `update`.
fn perform(
    command: Command,
    app: &App,
    saves: &mut dyn Saves,
    term: &mut DefaultTerminal,
) -> io::Result<Option<Message>> {
    Ok(match command {
        Command::None => None,
        Command::Suspend => {
            suspend(term)?;
            None
        }
        Command::Autosave => app.session.as_ref().map(|s| {
            let result = saves.quarter_committed(&s.scenario, &s.game, &s.player);
            Message::Saved {
                result,
                at: saves.location(),
            }
        }),
        Command::Resume(which) => Some(Message::Resumed(saves.resume(&which).map(Box::new))),
        Command::ListSaves => Some(Message::Continuable(saves.continuable())),
        Command::Branch { at } => app.session.as_ref().map(|s| {
            let result = saves.branched(at, &s.game);
            Message::Saved {
                result,
                at: saves.location(),
            }
        }),
        Command::ListRuns => app
            .session
            .as_ref()
            .map(|s| Message::Runs(saves.runs_like(&s.scenario.id, s.game.state().seed))),
        Command::LoadRun(which) => Some(Message::RunLoaded(saves.load_run(&which))),
    })
}

/// Gives the terminal back to the shell: cooked mode, main screen, cursor.
/// Errors are ignored: this runs on the way out, when nothing can be done.
pub fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
}

/// Takes the terminal back after a stop: raw mode, the game's screen.
fn take_back() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )
}

/// Ctrl-Z: stop as an external SIGTSTP would (the watcher restores the
/// terminal first and takes it back on SIGCONT).
fn suspend(term: &mut DefaultTerminal) -> io::Result<()> {
    #[cfg(unix)]
    if WATCHING.load(Ordering::Relaxed) {
        return signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
    }
    // No watcher: do it here.
    restore();
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    take_back()?;
    // Whatever the shell drew is on the other screen; draw everything anew.
    term.clear()
}

/// Whether the watcher thread runs (and so handles SIGTSTP).
static WATCHING: AtomicBool = AtomicBool::new(false);

/// On SIGTERM, SIGHUP, SIGINT or SIGQUIT: restore the terminal and exit
/// with 128 + the signal's number, as a shell would report it. Committed
/// quarters are already autosaved. On SIGTSTP: restore, then stop; on
/// SIGCONT: take the terminal back and redraw.
fn watch_signals() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([
            SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT,
        ]) else {
            // Without the watcher the panic hook and quit still restore.
            return;
        };
        WATCHING.store(true, Ordering::Relaxed);
        std::thread::spawn(move || {
            for sig in signals.forever() {
                match sig {
                    SIGTSTP => {
                        restore();
                        // The default action of SIGTSTP: stop, until SIGCONT.
                        let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                    }
                    SIGCONT => {
                        let _ = take_back();
                        REDRAW.store(true, Ordering::Relaxed);
                        // Wakes the event loop, blocked reading a key.
                        let _ = signal_hook::low_level::raise(SIGWINCH);
                    }
                    _ => {
                        restore();
                        std::process::exit(128 + sig);
                    }
                }
            }
        });
    }
}

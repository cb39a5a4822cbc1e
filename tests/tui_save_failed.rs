//! After a failed autosave the quit dialog says so, offers to retry, and
//! quits only on an explicit `y` (issue 9, M2): it never claims that every
//! committed quarter is saved.

#![allow(clippy::expect_used)]

mod tui_fixture;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use culturesim::tui::app::Overlay;
use culturesim::tui::message::from_key;
use culturesim::tui::view::draw;
use culturesim::tui::{App, Command, Message, Theme, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui_fixture::{briefing, play_quarter, send};

fn screen(app: &App) -> String {
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap_or_else(|e| match e {});
    let _ = term.draw(|f| draw(f, app, Theme { color: false }));
    term.backend().to_string()
}

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn saved(app: &mut App, result: Result<(), String>) {
    update(
        app,
        Message::Saved {
            result,
            at: Some("saves/ada.toml".into()),
        },
    );
}

#[test]
fn the_quit_dialog_tells_of_a_failed_autosave_and_retries() {
    let mut app = briefing();
    app.autosaves = true;
    send(&mut app, [Message::Confirm]);
    play_quarter(&mut app);
    saved(&mut app, Err("No space left on device".into()));
    // Whatever opened by itself (a dilemma) gives way to the dialog.
    app.overlay = None;
    send(&mut app, [Message::AskQuit]);
    assert_eq!(app.overlay, Some(Overlay::Quit));
    let shown = screen(&app);
    assert!(
        !shown.contains("Every committed quarter is saved"),
        "{shown}"
    );
    assert!(shown.contains("autosave FAILED"), "{shown}");
    assert!(shown.contains("No space left on device"), "{shown}");
    assert!(shown.contains("r: retry saving"), "{shown}");
    // Enter and q by habit do not quit; r retries; y quits anyway.
    assert!(from_key(&app, key(KeyCode::Enter)).is_none());
    assert!(from_key(&app, key(KeyCode::Char('q'))).is_none());
    let retry = from_key(&app, key(KeyCode::Char('r'))).expect("r means something");
    assert_eq!(update(&mut app, retry), Command::Autosave);
    assert!(matches!(
        from_key(&app, key(KeyCode::Char('y'))),
        Some(Message::Quit)
    ));
    // Once a retry succeeds, the dialog says the game is saved.
    saved(&mut app, Ok(()));
    assert!(screen(&app).contains("Every committed quarter is saved"));
}

#[test]
fn a_typed_player_name_keeps_no_text_direction_controls() {
    let mut app = App::new(tui_fixture::title());
    send(
        &mut app,
        [
            Message::Tab { forward: true },
            Message::Tab { forward: true },
        ],
    );
    for c in ['A', '\u{202e}', 'n', '\u{200b}', 'n'] {
        send(&mut app, [Message::Char(c)]);
    }
    assert_eq!(app.title.player, "Ann");
}

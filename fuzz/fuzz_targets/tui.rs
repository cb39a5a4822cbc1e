//! The terminal game's `update` and drawing on fuzzed keys and terminal
//! sizes (1×1 up to 255×255), from the title screen through games of the
//! shipped scenarios: no panic, whatever is pressed at whatever size.
#![no_main]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use culturesim::scenario;
use culturesim::tui::catalog::Catalog;
use culturesim::tui::message::from_key;
use culturesim::tui::view::draw;
use culturesim::tui::{App, Command, Message, Theme, Title, update};
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn key(byte: u8, next: u8) -> KeyCode {
    use KeyCode::*;
    match byte % 16 {
        0 => Enter,
        1 => Esc,
        2 => Up,
        3 => Down,
        4 => Left,
        5 => Right,
        6 => Tab,
        7 => BackTab,
        8 => Backspace,
        9 => PageUp,
        10 => PageDown,
        11 => Char(char::from(b'0' + next % 10)),
        12 => Char(char::from(b' ' + next % 95)),
        13 => Char(['w', 'c', 's', 'n', 'r', '?', 'y', 'q'][usize::from(next % 8)]),
        14 => Char(char::from_u32(u32::from(next) * 257).unwrap_or('x')),
        _ => Home,
    }
}

fuzz_target!(|data: &[u8]| {
    let catalog = Catalog {
        scenarios: scenario::shipped(),
        problems: Vec::new(),
    };
    let mut app = App::new(Title::new(catalog, Vec::new(), String::new()));
    let (mut w, mut h) = (80u16, 24u16);
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    for pair in data.chunks(2).take(400) {
        let (a, b) = (pair[0], pair.get(1).copied().unwrap_or(0));
        if a == 255 {
            // A resize to any size, as small as one cell.
            w = u16::from(b % 16) * 16 + 1;
            h = u16::from(b / 16) * 6 + 1;
            term = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
            continue;
        }
        let Some(msg) = from_key(&app, KeyEvent::new(key(a, b), KeyModifiers::NONE)) else {
            continue;
        };
        let mut next = Some(msg);
        while let Some(m) = next.take() {
            next = match update(&mut app, m) {
                Command::ListSaves => Some(Message::Continuable(Vec::new())),
                Command::Autosave => Some(Message::Saved {
                    result: if b % 2 == 0 { Ok(()) } else { Err("disk full".into()) },
                    at: Some("fuzz.toml".into()),
                }),
                _ => None,
            };
        }
        if !app.running {
            return;
        }
        let _ = term.draw(|f| draw(f, &app, Theme { color: b % 2 == 0 }));
    }
});

//! The mouse, as a second way to say what the keys say: a click selects a
//! row, a second click on it acts (start, switch, open, answer), a click on
//! a key in the footer presses it, and the wheel scrolls. The keyboard
//! stays complete; every click becomes one of the keys' messages.

use super::app::{App, Overlay, Screen};
use super::message::{self, Message};
use super::text;
use super::view::{self, DecisionPanel, DilemmaView, TitleHit};
use crate::analysis::Metric;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Block;

/// What a mouse event on a screen of `size` means, if anything.
pub fn from_mouse(app: &App, size: Rect, ev: MouseEvent) -> Option<Message> {
    if size.width < text::MIN_WIDTH || size.height < text::MIN_HEIGHT {
        return None;
    }
    let (x, y) = (ev.column, ev.row);
    match ev.kind {
        MouseEventKind::ScrollUp => return Some(Message::Up),
        MouseEventKind::ScrollDown => return Some(Message::Down),
        MouseEventKind::Down(MouseButton::Left) => {}
        _ => return None,
    }
    if y + 1 == size.height {
        return footer(app, x);
    }
    let body = Rect {
        x: size.x,
        y: size.y + 1,
        width: size.width,
        height: size.height.saturating_sub(2),
    };
    match (&app.overlay, app.session.as_ref()) {
        (Some(Overlay::Dilemma { dilemma, choice }), Some(s)) => {
            let v = DilemmaView {
                session: s,
                dilemma: *dilemma,
                choice: *choice,
                theme: super::Theme::plain(),
            };
            return v.choice_at(body, y).map(|row| Message::Pick { row });
        }
        (Some(_), _) => return None,
        (None, _) => {}
    }
    let s = app.session.as_ref();
    match (app.screen, s) {
        (Screen::Title, _) | (_, None) => match view::title_hit(&app.title, body, x, y)? {
            TitleHit::Row(row) => Some(Message::Pick { row }),
            TitleHit::Field(f) => Some(Message::Focus(f)),
        },
        (Screen::Quarter, Some(s)) => {
            let a = view::quarter_areas(s, body);
            let pos = Position { x, y };
            if a.kpi.contains(pos) {
                return figure_at(a.kpi, y);
            }
            if a.chart.contains(pos) {
                return Some(Message::NextChart);
            }
            if a.news.contains(pos) {
                return Some(Message::ShowNews);
            }
            let panel = DecisionPanel {
                session: s,
                theme: super::Theme::plain(),
            };
            panel
                .row_at(a.decisions, y)
                .filter(|_| a.decisions.contains(pos))
                .map(|row| Message::Pick { row })
        }
        (Screen::Report, Some(_)) => {
            let table = Rect {
                height: view::report_table_height().min(body.height),
                ..body
            };
            // The table's first line is its heading.
            let inner = Block::bordered().inner(table);
            if y > inner.y && y < inner.bottom() {
                return figure_at(
                    Rect {
                        y: inner.y,
                        ..table
                    },
                    y + 1,
                );
            }
            None
        }
        _ => None,
    }
}

/// The figure of the row at line `y` of a panel of figures at `area`.
fn figure_at(area: Rect, y: u16) -> Option<Message> {
    let inner = Block::bordered().inner(area);
    let i = usize::from(y.checked_sub(inner.y)?);
    Metric::ALL.get(i).copied().map(Message::Figure)
}

/// A click on the footer presses the key under it.
fn footer(app: &App, x: u16) -> Option<Message> {
    let keys = view::footer_keys_of(app);
    let (_, _, key) = view::widgets::footer_keys(keys, u16::MAX)
        .into_iter()
        .find(|(a, b, _)| x >= *a && x < *b)?;
    let code = match key {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "Space" => KeyCode::Char(' '),
        "Bksp" => KeyCode::Backspace,
        k => {
            let mut chars = k.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => KeyCode::Char(c),
                _ => return None,
            }
        }
    };
    message::from_key(app, KeyEvent::new(code, KeyModifiers::NONE))
}

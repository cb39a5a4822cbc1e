//! Whole-screen snapshots at 80×24 of a scripted game of the test scenario
//! with a fixed seed: every screen and overlay, as a player sees them.
//! The figures come from the model: re-accept (`cargo insta review`)
//! after a deliberate change to the model's tuning.

mod tui_fixture;

use culturesim::tui::view::draw;
use culturesim::tui::{App, Message, Theme};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui_fixture::{briefing, play_quarter, send};

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(width, height)).unwrap_or_else(|e| match e {});
    let _ = term.draw(|f| draw(f, app, Theme { color: true }));
    term.backend().to_string()
}

fn at80(app: &App) -> String {
    screen(app, 80, 24)
}

/// The scripted game: a balanced start, the dilemma owned, a workshop.
fn scripted() -> Vec<(&'static str, String)> {
    let mut shots = Vec::new();
    let mut app = App::new(tui_fixture::title());
    shots.push(("01_title", at80(&app)));
    send(
        &mut app,
        [
            Message::Tab { forward: true },
            Message::Tab { forward: true },
        ],
    );
    for c in "Ada".chars() {
        send(&mut app, [Message::Char(c)]);
    }
    send(&mut app, [Message::Confirm]);
    shots.push(("02_briefing", at80(&app)));
    send(&mut app, [Message::Confirm]);
    shots.push(("03_quarter_1", at80(&app)));
    // vision 30, insight 80, skills 80 (typed)
    send(
        &mut app,
        [Message::Digit(3), Message::Digit(0), Message::Down],
    );
    send(
        &mut app,
        [Message::Digit(8), Message::Digit(0), Message::Down],
    );
    send(&mut app, [Message::Digit(8), Message::Digit(0)]);
    shots.push(("04_quarter_1_decided", at80(&app)));
    send(&mut app, [Message::Help]);
    shots.push(("05_help", at80(&app)));
    send(&mut app, [Message::Back, Message::Confirm]);
    shots.push(("06_commit", at80(&app)));
    send(&mut app, [Message::Confirm]);
    shots.push(("07_report_1", at80(&app)));
    send(&mut app, [Message::Confirm]);
    shots.push(("08_dilemma", at80(&app)));
    send(&mut app, [Message::Confirm]);
    // Past the payout row to the first initiative.
    send(
        &mut app,
        [Message::Down, Message::Down, Message::Down, Message::Toggle],
    );
    send(&mut app, [Message::NextChart]);
    shots.push(("09_quarter_2_decided", at80(&app)));
    send(&mut app, [Message::Confirm, Message::Confirm]);
    shots.push(("10_report_2", at80(&app)));
    send(&mut app, [Message::Confirm]);
    play_quarter(&mut app);
    send(&mut app, [Message::Confirm, Message::Confirm]);
    send(&mut app, [Message::Down, Message::Why]);
    shots.push(("11_why_engagement", at80(&app)));
    // ↓ selects a cause, ? says what it means.
    send(&mut app, [Message::Down, Message::Explain]);
    shots.push(("11b_cause_meaning", at80(&app)));
    send(&mut app, [Message::Back]);
    send(
        &mut app,
        [
            Message::Tab { forward: true },
            Message::Tab { forward: true },
            Message::Tab { forward: true },
        ],
    );
    shots.push(("12_why_nps", at80(&app)));
    send(&mut app, [Message::Back, Message::AskQuit]);
    shots.push(("13_quit", at80(&app)));
    send(&mut app, [Message::Back, Message::Confirm]);
    // The chart instead of the news (they share a panel at 80×24), and an
    // initiative read in full.
    send(&mut app, [Message::NextChart, Message::Down, Message::Down]);
    send(
        &mut app,
        [Message::Down, Message::Down, Message::Down, Message::Detail],
    );
    shots.push(("13b_initiative_detail", at80(&app)));
    send(&mut app, [Message::Back]);
    for _ in 0..5 {
        play_quarter(&mut app);
    }
    shots.push(("14_debrief", at80(&app)));
    send(
        &mut app,
        [Message::NextChart, Message::NextChart, Message::NextChart],
    );
    shots.push(("15_debrief_profit", at80(&app)));
    shots.push(("16_debrief_120x40", screen(&app, 120, 40)));
    let mut named = App::new(tui_fixture::title());
    send(&mut named, [Message::Confirm]);
    shots.push(("17_name_asked", at80(&named)));
    shots
}

#[test]
fn every_screen_at_80x24() {
    for (name, shot) in scripted() {
        assert_snapshot!(name, shot);
    }
}

#[test]
fn the_quarter_screen_uses_a_large_terminal() {
    let mut app = briefing();
    send(
        &mut app,
        [
            Message::Confirm,
            Message::Adjust {
                up: true,
                big: true,
            },
        ],
    );
    play_quarter(&mut app);
    send(&mut app, [Message::Confirm]);
    play_quarter(&mut app);
    assert_snapshot!("quarter_200x60", screen(&app, 200, 60));
}

#[test]
fn no_color_tells_lines_apart_by_marker() {
    let mut app = briefing();
    send(
        &mut app,
        [
            Message::Confirm,
            Message::Adjust {
                up: true,
                big: true,
            },
        ],
    );
    for _ in 0..3 {
        play_quarter(&mut app);
        send(&mut app, [Message::Back]);
    }
    // The chart, not the news, in their shared panel.
    send(&mut app, [Message::NextChart]);
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap_or_else(|e| match e {});
    let _ = term.draw(|f| draw(f, &app, Theme::plain()));
    assert_snapshot!("quarter_no_color", term.backend().to_string());
}

#[test]
fn the_scripted_game_is_deterministic() {
    assert_eq!(scripted(), scripted());
}

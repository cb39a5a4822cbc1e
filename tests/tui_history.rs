//! What if, in the terminal game (driven by messages): every past quarter
//! browsable (report, why, news), a branch at any past quarter from the
//! debrief or during play, and the debrief of a branch beside its parent.

#![allow(clippy::expect_used)]

mod tui_fixture;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use culturesim::tui::app::{HistoryPage, Overlay};
use culturesim::tui::branch::OtherRun;
use culturesim::tui::message::from_key;
use culturesim::tui::view::AppView;
use culturesim::tui::{App, Command, Continuable, Message, Screen, Theme, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui_fixture::{briefing, play_quarter, send};

fn key(app: &App, c: KeyCode) -> Command {
    let m = from_key(app, KeyEvent::new(c, KeyModifiers::NONE)).expect("the key means something");
    let mut app2 = app.clone();
    update(&mut app2, m)
}

fn press(app: &mut App, c: KeyCode) -> Command {
    let m = from_key(app, KeyEvent::new(c, KeyModifiers::NONE)).expect("the key means something");
    update(app, m)
}

fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    t.draw(|f| {
        f.render_widget(
            AppView {
                app,
                theme: Theme::plain(),
            },
            f.area(),
        )
    })
    .expect("drawn");
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn finished() -> App {
    let mut app = briefing();
    send(&mut app, [Message::Confirm]);
    for _ in 0..100 {
        if app.screen == Screen::Debrief {
            break;
        }
        play_quarter(&mut app);
    }
    assert_eq!(app.screen, Screen::Debrief);
    app
}

#[test]
fn every_past_quarter_can_be_read_report_why_and_news() {
    let mut app = finished();
    let played = app.session.as_ref().map_or(0, |s| s.game.history().len()) as u32;
    assert!(played >= 4);
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(
        app.overlay,
        Some(Overlay::History {
            quarter: played,
            page: HistoryPage::Report
        })
    );
    for _ in 0..played + 3 {
        press(&mut app, KeyCode::Left);
    }
    assert!(matches!(
        app.overlay,
        Some(Overlay::History { quarter: 1, .. })
    ));
    press(&mut app, KeyCode::Right);
    let s = screen(&app);
    assert!(s.contains("Past quarters · Q2 of"), "{s}");
    assert!(s.contains("Q2"), "{s}");
    // Enter closes a past report: it does not play on.
    assert!(s.contains("Enter/Esc: back to the game"), "{s}");
    assert!(!s.contains("on to the next quarter"), "{s}");
    press(&mut app, KeyCode::Tab);
    assert!(matches!(
        app.overlay,
        Some(Overlay::History {
            page: HistoryPage::Why,
            ..
        })
    ));
    let s = screen(&app);
    assert!(s.contains("[why]"), "{s}");
    // Here ←→ move the quarter and ↑↓ the figure; the title says so.
    assert!(s.contains("←→ quarter · ↑↓ figure"), "{s}");
    assert!(!s.contains("←→ figure"), "{s}");
    press(&mut app, KeyCode::Char('n'));
    let s = screen(&app);
    assert!(s.contains("[news]"), "{s}");
    // Digits type the quarter.
    press(&mut app, KeyCode::Char('3'));
    assert!(matches!(
        app.overlay,
        Some(Overlay::History { quarter: 3, .. })
    ));
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('2'));
    assert!(
        matches!(app.overlay, Some(Overlay::History { quarter, .. }) if quarter == if played >= 12 { 12 } else { 2 })
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
    assert_eq!(app.screen, Screen::Debrief);
}

#[test]
fn a_branch_from_the_debrief_plays_on_and_is_shown_beside_its_parent() {
    let mut app = finished();
    let parent = app.session.clone().expect("a game");
    press(&mut app, KeyCode::Char('b'));
    for _ in 0..10 {
        press(&mut app, KeyCode::Left);
    }
    for _ in 0..2 {
        press(&mut app, KeyCode::Right);
    }
    assert_eq!(key(&app, KeyCode::Char('b')), Command::None);
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(app.overlay, Some(Overlay::BranchAsk { at: 3 }));
    assert!(screen(&app).contains("Play quarter 3 again"));
    assert_eq!(
        press(&mut app, KeyCode::Char('y')),
        Command::Branch { at: 3 }
    );
    let s = app.session.as_ref().expect("the branch");
    assert_eq!(app.screen, Screen::Quarter);
    assert_eq!(s.branch_at, Some(3));
    assert_eq!(s.game.history(), &parent.game.history()[..2]);
    assert_eq!(s.draft, parent.game.history()[2].decisions, "Q3 as decided");
    // Train this time.
    if let Some(s) = app.session.as_mut() {
        s.draft.skills = 20.0;
    }
    play_quarter(&mut app);
    let s = app.session.as_ref().expect("the branch");
    assert_eq!(s.game.history().len(), 3);
    assert_eq!(
        s.draft.skills,
        parent.game.history()[3].decisions.skills,
        "later quarters start as the original played them"
    );
    for _ in 0..100 {
        if app.screen == Screen::Debrief {
            break;
        }
        play_quarter(&mut app);
    }
    assert_eq!(app.screen, Screen::Debrief);
    let s = screen(&app);
    assert!(s.contains("original"), "{s}");
    assert!(s.contains("parts Q3"), "{s}");
    // Another run of the same scenario and seed, picked from a list.
    assert_eq!(press(&mut app, KeyCode::Char('v')), Command::ListRuns);
    let runs = vec![Continuable {
        label: "Bo · quarter 8 of 8".into(),
        key: "saves/bo.toml".into(),
    }];
    update(&mut app, Message::Runs(runs.clone()));
    assert!(matches!(app.overlay, Some(Overlay::Versus { .. })));
    assert!(screen(&app).contains("Bo · quarter 8 of 8"));
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        Command::LoadRun(runs[0].clone())
    );
    update(
        &mut app,
        Message::RunLoaded(Ok(OtherRun {
            label: "Bo".into(),
            history: parent.game.history().to_vec(),
            branched_at: None,
        })),
    );
    let s = screen(&app);
    assert!(s.contains("vs Bo"), "{s}");
    assert!(s.contains(" vs original · parts Q3 · d: why"), "{s}");
}

#[test]
fn during_play_the_history_opens_and_branches_at_any_past_quarter() {
    let mut app = briefing();
    send(&mut app, [Message::Confirm]);
    for _ in 0..3 {
        play_quarter(&mut app);
    }
    // Dilemmas may open at the start of a quarter; answer them later.
    if matches!(app.overlay, Some(Overlay::Dilemma { .. })) {
        press(&mut app, KeyCode::Esc);
    }
    assert!(matches!(app.screen, Screen::Quarter | Screen::Report));
    let played = app.session.as_ref().map_or(0, |s| s.game.history().len()) as u32;
    assert!(played >= 2);
    press(&mut app, KeyCode::Char('p'));
    assert!(matches!(app.overlay, Some(Overlay::History { quarter, .. }) if quarter == played));
    for _ in 0..played - 2 {
        press(&mut app, KeyCode::Left);
    }
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(press(&mut app, KeyCode::Enter), Command::Branch { at: 2 });
    let s = app.session.as_ref().expect("the branch");
    assert_eq!(s.game.history().len(), 1);
    assert_eq!(s.versus.len(), 1);
}

#[test]
fn f_plays_a_branch_on_as_its_original_to_the_debrief() {
    let mut app = finished();
    let parent = app.session.clone().expect("a game");
    assert_eq!(update(&mut app, Message::FastForward), Command::None);
    assert!(app.notice.is_some(), "not a branch: f says what to do");
    press(&mut app, KeyCode::Char('b'));
    for _ in 0..10 {
        press(&mut app, KeyCode::Left);
    }
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Char('b'));
    press(&mut app, KeyCode::Char('y'));
    if let Some(s) = app.session.as_mut() {
        s.draft.skills += 10.0;
    }
    assert_eq!(press(&mut app, KeyCode::Char('f')), Command::Autosave);
    assert_eq!(app.screen, Screen::Debrief);
    let s = app.session.as_ref().expect("the branch");
    let (mine, theirs) = (s.game.history(), parent.game.history());
    assert_eq!(mine.len(), theirs.len());
    assert_eq!(mine[0], theirs[0]);
    assert_eq!(mine[1].decisions.skills, theirs[1].decisions.skills + 10.0);
    for (m, t) in mine.iter().zip(theirs).skip(2) {
        assert_eq!(
            (m.decisions.vision, m.decisions.insight, m.decisions.skills),
            (t.decisions.vision, t.decisions.insight, t.decisions.skills),
            "Q{}: as the original",
            m.quarter
        );
    }
}

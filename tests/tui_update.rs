//! The terminal game driven by messages, without a terminal: every screen
//! change, every lever rule, the dilemma and commit flows, quitting.

#![allow(clippy::expect_used)]

mod tui_fixture;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use culturesim::tui::app::{Overlay, Row, TitleField};
use culturesim::tui::message::from_key;
use culturesim::tui::{App, Command, Message, Screen, lever_step, update};
use tui_fixture::{briefing, play_quarter, send, title};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn session(app: &App) -> &culturesim::tui::Session {
    app.session.as_ref().expect("a game is being played")
}

#[test]
fn title_to_briefing_with_a_typed_seed_and_name() {
    let mut app = App::new(title());
    assert_eq!(app.title.seed, "42");
    send(&mut app, [Message::Tab { forward: true }]);
    assert_eq!(app.title.field, TitleField::Seed);
    send(
        &mut app,
        [Message::Erase, Message::Erase, Message::Digit(7)],
    );
    send(&mut app, [Message::Tab { forward: true }]);
    assert_eq!(app.title.field, TitleField::Player);
    // In the name field, letters are text — even q and ?.
    for c in ['q', '?', 'x'] {
        let m = from_key(&app, key(KeyCode::Char(c)));
        assert!(matches!(m, Some(Message::Char(x)) if x == c));
        send(&mut app, m);
    }
    assert_eq!(update(&mut app, Message::Confirm), Command::None);
    assert_eq!(app.screen, Screen::Briefing);
    let s = session(&app);
    assert_eq!(s.game.state().seed, 7);
    assert_eq!(s.player, "q?x");
}

#[test]
fn the_seed_follows_the_scenario_until_typed() {
    let mut app = App::new(title());
    send(&mut app, [Message::Down]);
    assert_eq!(app.title.seed, "1");
    send(&mut app, [Message::Up]);
    assert_eq!(app.title.seed, "42");
    send(
        &mut app,
        [Message::Tab { forward: true }, Message::Digit(9)],
    );
    send(&mut app, [Message::Down]);
    assert_eq!(app.title.seed, "9");
}

#[test]
fn the_name_is_asked_before_play() {
    let mut app = App::new(title());
    send(&mut app, [Message::Confirm]);
    assert_eq!(app.screen, Screen::Briefing);
    assert_eq!(app.overlay, Some(Overlay::Name));
    // Enter without a name does not start; letters (even q) are the name.
    send(&mut app, [Message::Confirm]);
    assert_eq!(app.overlay, Some(Overlay::Name));
    assert!(app.notice.is_some());
    for c in "q b".chars() {
        let m = from_key(&app, key(KeyCode::Char(c)));
        send(&mut app, m);
    }
    send(
        &mut app,
        [Message::Erase, Message::Char('o'), Message::Confirm],
    );
    assert_eq!(app.overlay, None);
    assert_eq!(session(&app).player, "q o");
    // Esc on the prompt goes back to the title screen.
    let mut app = App::new(title());
    send(&mut app, [Message::Confirm, Message::Back]);
    assert_eq!(app.screen, Screen::Title);
    assert!(app.session.is_none());
}

#[test]
fn the_first_digit_in_the_seed_field_replaces_it() {
    let mut app = App::new(title());
    send(
        &mut app,
        [Message::Tab { forward: true }, Message::Digit(5)],
    );
    assert_eq!(app.title.seed, "5");
    send(&mut app, [Message::Digit(2)]);
    assert_eq!(app.title.seed, "52");
    // Leaving and coming back: the next digit starts a new seed again.
    send(
        &mut app,
        [
            Message::Tab { forward: true },
            Message::Tab { forward: false },
            Message::Digit(7),
        ],
    );
    assert_eq!(app.title.seed, "7");
}

#[test]
fn esc_then_enter_never_quits() {
    let mut app = briefing();
    send(&mut app, [Message::Confirm]);
    for k in [KeyCode::Esc, KeyCode::Enter] {
        let m = from_key(&app, key(k));
        send(&mut app, m);
    }
    assert!(app.running);
    assert_eq!(app.overlay, Some(Overlay::Quit));
    let m = from_key(&app, key(KeyCode::Esc));
    send(&mut app, m);
    assert_eq!(app.overlay, None);
    for k in [KeyCode::Char('q'), KeyCode::Char('y')] {
        let m = from_key(&app, key(k));
        send(&mut app, m);
    }
    assert!(!app.running);
}

fn budget(app: &App) -> f64 {
    session(app).game.rules().budget
}

/// An arrow on the selected lever: more or less money, by a step or five.
fn arrow(up: bool, big: bool) -> Message {
    Message::Adjust { up, big }
}

#[test]
fn levers_move_by_steps_and_never_past_the_budget() {
    let mut app = briefing();
    send(&mut app, [Message::Confirm]);
    assert_eq!(app.screen, Screen::Quarter);
    assert_eq!(app.overlay, None);
    let (budget, step) = (budget(&app), lever_step(budget(&app)));
    send(&mut app, [arrow(true, false)]);
    assert_eq!(session(&app).draft.vision, step);
    for _ in 0..40 {
        send(&mut app, [arrow(true, true)]);
    }
    assert_eq!(session(&app).draft.vision, budget);
    send(&mut app, [Message::Down, arrow(true, false)]);
    assert_eq!(session(&app).draft.insight, 0.0, "no budget left");
    send(&mut app, [Message::Up, arrow(false, true)]);
    assert_eq!(session(&app).draft.vision, budget - 5.0 * step);
}

#[test]
fn typed_amounts_follow_the_digits_and_are_capped() {
    let mut app = briefing();
    send(&mut app, [Message::Confirm, Message::Down]);
    send(
        &mut app,
        [Message::Digit(1), Message::Digit(2), Message::Digit(5)],
    );
    assert_eq!(session(&app).draft.insight, 125.0);
    send(&mut app, [Message::Erase]);
    assert_eq!(session(&app).draft.insight, 12.0);
    send(
        &mut app,
        [Message::Digit(0), Message::Digit(0), Message::Digit(0)],
    );
    assert_eq!(session(&app).draft.insight, budget(&app));
    let shown = culturesim::tui::format::whole(budget(&app));
    assert!(app.notice.as_deref().is_some_and(|n| n.contains(&shown)));
    // Moving on ends typing; a new digit starts a new amount.
    send(&mut app, [Message::Down, Message::Up, Message::Digit(5)]);
    assert_eq!(session(&app).draft.insight, 5.0);
}

#[test]
fn initiatives_toggle_and_respect_cooldowns() {
    let mut app = briefing();
    send(&mut app, [Message::Confirm]);
    for _ in 0..5 {
        send(&mut app, [Message::Down]);
    }
    assert_eq!(session(&app).row(), Row::Initiative(0));
    send(&mut app, [Message::Toggle]);
    assert_eq!(
        session(&app).draft.initiatives,
        vec!["workshop".to_string()]
    );
    send(&mut app, [Message::Toggle, Message::Toggle]);
    assert!((session(&app).spending() - 40.0).abs() < 1e-9);
    play_quarter(&mut app);
    // Quarter 2 opens with the dilemma; answer it later.
    assert!(matches!(app.overlay, Some(Overlay::Dilemma { .. })));
    send(&mut app, [Message::Back]);
    assert_eq!(session(&app).row(), Row::Initiative(0));
    send(&mut app, [Message::Toggle]);
    assert!(session(&app).draft.initiatives.is_empty());
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.contains("again in"))
    );
}

#[test]
fn a_dilemma_opens_by_itself_and_takes_an_answer() {
    let mut app = briefing();
    send(&mut app, [Message::Confirm]);
    play_quarter(&mut app);
    assert_eq!(app.screen, Screen::Quarter);
    // The default (choice 2, "policy") is highlighted: Enter takes it.
    assert!(matches!(
        app.overlay,
        Some(Overlay::Dilemma { choice: 1, .. })
    ));
    send(&mut app, [Message::Down, Message::Up, Message::Confirm]);
    assert_eq!(app.overlay, None);
    let answer = session(&app).draft.answers.get("stranded").cloned();
    assert_eq!(answer.as_deref(), Some("own"));
    // It can be reopened and changed with a number key.
    send(&mut app, [Message::Dilemma, Message::Digit(2)]);
    let answer = session(&app).draft.answers.get("stranded").cloned();
    assert_eq!(answer.as_deref(), Some("policy"));
    assert_eq!(app.overlay, None);
}

#[test]
fn enter_twice_on_a_dilemma_takes_the_default_and_its_cost_is_counted() {
    let mut app = briefing();
    send(&mut app, [Message::Confirm]);
    play_quarter(&mut app);
    let before = session(&app).spending();
    // Esc: decide later. The default's cost is counted as spent.
    send(&mut app, [Message::Back]);
    let s = session(&app);
    let default = s.default_choice(0).map_or(0.0, |c| c.cost);
    assert!((s.spending() - before).abs() < 1e-9);
    assert!((s.spending() - s.draft.lever_total() - default).abs() < 1e-9);
    send(&mut app, [Message::Dilemma, Message::Confirm]);
    let answer = session(&app).draft.answers.get("stranded").cloned();
    assert_eq!(answer.as_deref(), Some("policy"));
}

#[test]
fn the_why_view_selects_causes_and_explains_them() {
    let mut app = briefing();
    send(&mut app, [Message::Confirm]);
    send(&mut app, [Message::Digit(9), Message::Digit(0)]);
    send(&mut app, [Message::Confirm, Message::Confirm]);
    // Engagement: several causes.
    send(&mut app, [Message::Tab { forward: true }, Message::Why]);
    assert_eq!(app.overlay, Some(Overlay::Why));
    let m = from_key(&app, key(KeyCode::Down));
    send(&mut app, m);
    assert_eq!(session(&app).why_row, 1);
    let m = from_key(&app, key(KeyCode::Char('?')));
    assert!(matches!(m, Some(Message::Explain)));
    send(&mut app, m);
    assert!(matches!(app.overlay, Some(Overlay::Glossary { .. })));
    send(&mut app, [Message::Back]);
    assert_eq!(app.overlay, Some(Overlay::Why));
    // ←→ another figure, from its first cause.
    let m = from_key(&app, key(KeyCode::Right));
    send(&mut app, m);
    assert_eq!(session(&app).why_row, 0);
}

#[test]
fn a_first_run_starts_on_the_tutorial() {
    use culturesim::tui::catalog::Catalog;
    let c = Catalog {
        scenarios: culturesim::scenario::shipped(),
        problems: Vec::new(),
    };
    let t = culturesim::tui::Title::new(c.clone(), Vec::new(), String::new());
    assert_eq!(t.scenario().map(|s| s.id.as_str()), Some("tutorial"));
    let saved = culturesim::tui::Continuable {
        label: "a game".into(),
        key: "k".into(),
    };
    let t = culturesim::tui::Title::new(c, vec![saved], String::new());
    assert_eq!(t.selected, 0);
}

#[test]
fn committing_asks_first_then_plays_and_autosaves() {
    let mut app = briefing();
    send(&mut app, [Message::Confirm, Message::Confirm]);
    assert_eq!(app.overlay, Some(Overlay::Commit));
    send(&mut app, [Message::Back]);
    assert_eq!(app.overlay, None);
    assert_eq!(session(&app).game.state().quarter, 0);
    send(&mut app, [arrow(true, true), Message::Confirm]);
    assert_eq!(update(&mut app, Message::Confirm), Command::Autosave);
    assert_eq!(app.screen, Screen::Report);
    let s = session(&app);
    assert_eq!(s.game.state().quarter, 1);
    // Spending on the levers carries over to the next quarter.
    assert_eq!(s.draft.vision, 5.0 * lever_step(budget(&app)));
    update(
        &mut app,
        Message::Saved {
            result: Err("disk full".into()),
            at: Some("saves/ada.toml".into()),
        },
    );
    assert_eq!(session(&app).saved_at.as_deref(), Some("saves/ada.toml"));
    send(&mut app, [Message::ShowSave]);
    assert_eq!(app.overlay, Some(Overlay::Save));
    assert_eq!(session(&app).save_problem.as_deref(), Some("disk full"));
}

#[test]
fn a_refused_quarter_stays_on_the_confirmation() {
    let mut app = briefing();
    send(&mut app, [Message::Confirm]);
    if let Some(s) = app.session.as_mut() {
        s.draft.marketing = 10_000.0;
    }
    send(&mut app, [Message::Confirm]);
    assert_eq!(update(&mut app, Message::Confirm), Command::None);
    assert_eq!(app.overlay, Some(Overlay::Commit));
    assert!(app.notice.as_deref().is_some_and(|n| n.contains("budget")));
    assert_eq!(session(&app).game.state().quarter, 0);
}

#[test]
fn the_report_selects_figures_and_opens_why() {
    let mut app = briefing();
    send(&mut app, [Message::Confirm]);
    send(&mut app, [Message::Confirm, Message::Confirm]);
    assert_eq!(app.screen, Screen::Report);
    let first = session(&app).metric;
    send(&mut app, [Message::Down]);
    assert_ne!(session(&app).metric, first);
    send(&mut app, [Message::Why]);
    assert_eq!(app.overlay, Some(Overlay::Why));
    send(&mut app, [Message::Tab { forward: false }]);
    assert_eq!(session(&app).metric, first);
    send(&mut app, [Message::Back, Message::Confirm]);
    assert_eq!(app.screen, Screen::Quarter);
}

#[test]
fn the_last_quarter_leads_to_the_debrief_and_a_new_game() {
    let mut app = briefing();
    send(&mut app, [Message::Confirm]);
    for _ in 0..8 {
        send(&mut app, [Message::Back]);
        play_quarter(&mut app);
    }
    assert_eq!(app.screen, Screen::Debrief);
    let s = session(&app);
    assert!(s.game.is_over());
    let d = s.debrief.as_ref().expect("debrief computed");
    assert_eq!(d.references.len(), 2);
    assert!(d.references.iter().all(|r| r.history.len() == 8));
    send(&mut app, [Message::NextChart]);
    assert_eq!(session(&app).debrief.as_ref().map(|d| d.chart), Some(1));
    // Play again: same scenario, seed and player, from the briefing.
    let mut again = app.clone();
    send(&mut again, [Message::Replay]);
    assert_eq!(again.screen, Screen::Briefing);
    let (old, new) = (session(&app), session(&again));
    assert_eq!(new.game.state().quarter, 0);
    assert_eq!(new.game.state().seed, old.game.state().seed);
    assert_eq!(
        (&new.player, &new.scenario.id),
        (&old.player, &old.scenario.id)
    );
    assert_eq!(update(&mut app, Message::NewGame), Command::ListSaves);
    assert_eq!(app.screen, Screen::Title);
    assert!(app.session.is_none());
}

#[test]
fn quitting_asks_except_on_ctrl_c() {
    let mut app = briefing();
    let q = from_key(&app, key(KeyCode::Char('q')));
    send(&mut app, q);
    assert_eq!(app.overlay, Some(Overlay::Quit));
    let n = from_key(&app, key(KeyCode::Char('n')));
    send(&mut app, n);
    assert!(app.running);
    assert_eq!(app.overlay, None);
    let ctrl_c = from_key(
        &app,
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    );
    send(&mut app, ctrl_c);
    assert!(!app.running);
}

#[test]
fn ctrl_z_suspends_and_help_toggles() {
    let mut app = briefing();
    let z = from_key(
        &app,
        KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL),
    );
    assert!(matches!(z, Some(Message::Suspend)));
    assert_eq!(update(&mut app, Message::Suspend), Command::Suspend);
    send(&mut app, [Message::Help]);
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: 0 }));
    send(&mut app, [Message::Down, Message::Down, Message::Up]);
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: 1 }));
    send(&mut app, [Message::Back]);
    assert_eq!(app.overlay, None);
    assert_eq!(update(&mut app, Message::Resize), Command::None);
}

#[test]
fn the_briefing_goes_back_to_the_title() {
    let mut app = briefing();
    let esc = from_key(&app, key(KeyCode::Esc));
    send(&mut app, esc);
    assert_eq!(app.screen, Screen::Title);
    assert!(app.session.is_none());
}

#[test]
fn saved_games_are_offered_and_resumed_through_the_seam() {
    use culturesim::tui::{Continuable, Resumed};
    let mut app = App::new(title());
    let saved = Continuable {
        label: "Ada · Test organization · quarter 1 of 8".into(),
        key: "saves/ada.toml".into(),
    };
    update(&mut app, Message::Continuable(vec![saved.clone()]));
    let rows = app.title.rows();
    for _ in 0..rows {
        send(&mut app, [Message::Down]);
    }
    assert_eq!(app.title.saved(), Some(&saved));
    assert_eq!(update(&mut app, Message::Confirm), Command::Resume(saved));
    update(
        &mut app,
        Message::Resumed(Err("the save was edited".into())),
    );
    assert_eq!(app.screen, Screen::Title);
    assert_eq!(app.notice.as_deref(), Some("the save was edited"));
    // A game saved after quarter 1 continues at quarter 2, its dilemma open.
    let mut played = briefing();
    send(&mut played, [Message::Confirm]);
    play_quarter(&mut played);
    let s = session(&played).clone();
    let resumed = Resumed {
        scenario: s.scenario,
        game: s.game,
        player: s.player,
        location: Some("saves/ada.toml".into()),
        branch_at: None,
        versus: Vec::new(),
    };
    update(&mut app, Message::Resumed(Ok(Box::new(resumed))));
    assert_eq!(session(&app).saved_at.as_deref(), Some("saves/ada.toml"));
    assert_eq!(app.screen, Screen::Quarter);
    assert_eq!(session(&app).game.state().quarter, 1);
    assert!(matches!(app.overlay, Some(Overlay::Dilemma { .. })));
}

#[test]
fn all_the_news_opens_on_n_and_closes() {
    let mut app = briefing();
    send(&mut app, [Message::Confirm]);
    play_quarter(&mut app);
    let n = from_key(&app, key(KeyCode::Esc));
    send(&mut app, n);
    let n = from_key(&app, key(KeyCode::Char('n')));
    assert!(matches!(n, Some(Message::ShowNews)));
    send(&mut app, n);
    assert_eq!(app.overlay, Some(Overlay::News));
    let n = from_key(&app, key(KeyCode::Char('n')));
    send(&mut app, n);
    assert_eq!(app.overlay, None);
}

#[test]
fn a_locked_seed_cannot_be_typed_over() {
    let mut title = title();
    let mut locked = tui_fixture::scenario();
    locked.lock_seed = true;
    title.catalog.scenarios[0] = locked;
    let mut app = App::new(title);
    send(&mut app, [Message::Tab { forward: true }]);
    assert_eq!(
        app.title.field,
        TitleField::Player,
        "the seed field is skipped"
    );
    send(&mut app, [Message::Confirm]);
    assert_eq!(session(&app).game.state().seed, 42);
}

#[test]
fn clicks_select_and_act_and_the_wheel_scrolls() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    use culturesim::tui::mouse::from_mouse;
    use ratatui::layout::Rect;
    let size = Rect::new(0, 0, 80, 24);
    let click = |x: u16, y: u16| MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    };
    let mut app = App::new(title());
    // The second row of the list (the reference scenario), then the
    // player field.
    let m = from_mouse(&app, size, click(10, 3));
    assert!(matches!(m, Some(Message::Pick { row: 1 })), "{m:?}");
    send(&mut app, m);
    assert_eq!(app.title.selected, 1);
    let m = from_mouse(&app, size, click(60, 22));
    send(&mut app, m);
    assert_eq!(app.title.field, TitleField::Player);
    // A click on "Enter" in the footer presses it.
    send(&mut app, [Message::Char('M')]);
    let m = from_mouse(&app, size, click(2, 23));
    send(&mut app, m);
    assert_eq!(app.screen, Screen::Briefing);
    let mut app = briefing();
    send(&mut app, [Message::Confirm]);
    // The wheel moves the decision cursor; a click on a figure selects it,
    // a second click opens its why view.
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollDown,
        ..click(60, 15)
    };
    let m = from_mouse(&app, size, wheel);
    send(&mut app, m);
    assert_eq!(session(&app).cursor, 1);
    let m = from_mouse(&app, size, click(5, 3));
    assert!(matches!(m, Some(Message::Figure(_))), "{m:?}");
    send(&mut app, m.clone());
    assert_eq!(
        session(&app).metric,
        culturesim::analysis::Metric::Engagement
    );
    send(&mut app, m);
    assert_eq!(app.overlay, Some(Overlay::Why));
}

#[test]
fn the_payout_row_types_within_the_cash_held_and_carries_over() {
    let mut app = briefing();
    send(&mut app, [Message::Confirm]);
    for _ in 0..4 {
        send(&mut app, [Message::Down]);
    }
    assert_eq!(session(&app).row(), Row::Payout);
    let held = session(&app).game.state().get(culturesim::sim::Stock::Cash);
    // Far more than the cash: capped at what is held, and said so.
    send(&mut app, std::iter::repeat_n(Message::Digit(9), 6));
    assert_eq!(session(&app).draft.payout, held);
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.contains("cash held"))
    );
    // Backspace edits it down; the budget is untouched by it.
    send(
        &mut app,
        [
            Message::Down,
            Message::Up,
            Message::Digit(2),
            Message::Digit(0),
            Message::Digit(0),
        ],
    );
    assert_eq!(session(&app).draft.payout, 200.0);
    assert_eq!(session(&app).draft.lever_total(), 0.0);
    send(
        &mut app,
        [Message::Adjust {
            up: false,
            big: false,
        }],
    );
    assert!(session(&app).draft.payout < 200.0);
    let paid = session(&app).draft.payout;
    let before = held;
    play_quarter(&mut app);
    let s = session(&app);
    let r = s.game.last().unwrap();
    assert_eq!(r.kpis.payout, paid);
    assert!(
        s.game.state().get(culturesim::sim::Stock::Cash) < before - paid + r.kpis.profit + 1e-6
    );
    // Next quarter starts from the same payout, as the levers do.
    assert_eq!(s.draft.payout, paid);
}

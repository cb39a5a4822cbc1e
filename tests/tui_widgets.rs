//! Every widget of the terminal game drawn into a `Buffer` at every size
//! from nothing to huge, at an offset and at the origin, in colour and
//! without: nothing may panic, nothing may draw outside its area.

mod tui_fixture;

use culturesim::tui::app::{Chart, Overlay, Screen};
use culturesim::tui::view::{
    AppView, BriefingView, CommitView, DebriefView, DecisionPanel, DetailView, DilemmaView,
    GlossaryView, HelpView, KpiPanel, LineChart, NameView, NewsPanel, NewsView, QuarterView,
    QuitView, ReportView, SaveView, TitleView, WhyView, quarter_chart,
};
use culturesim::tui::{App, Message, Session, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use tui_fixture::{briefing, play_quarter, send};

const SIZES: [(u16, u16); 9] = [
    (0, 0),
    (1, 1),
    (0, 5),
    (5, 0),
    (2, 2),
    (10, 3),
    (40, 12),
    (80, 24),
    (200, 60),
];

const THEMES: [Theme; 2] = [Theme { color: true }, Theme { color: false }];

/// Draws the widget made by `make` at every size, at the origin and at an
/// offset, and checks that cells outside its area stay blank.
fn everywhere<W: Widget>(name: &str, make: impl Fn(Theme) -> W) {
    for theme in THEMES {
        for (w, h) in SIZES {
            for (x, y) in [(0, 0), (3, 2)] {
                let outer = Rect::new(0, 0, w + 6, h + 4);
                let area = Rect::new(x, y, w, h);
                let mut buf = Buffer::empty(outer);
                make(theme).render(area, &mut buf);
                for pos in outer.positions() {
                    if !area.contains(pos) {
                        assert_eq!(
                            buf[pos].symbol(),
                            " ",
                            "{name} drew outside {area:?} at {pos:?}"
                        );
                    }
                }
            }
        }
    }
}

/// The fixture game at the start of quarter 3 (a dilemma answered, an
/// initiative started), and the same game played to its debrief.
fn games() -> (App, App) {
    let mut app = briefing();
    send(&mut app, [Message::Confirm]);
    send(
        &mut app,
        [Message::Adjust {
            up: true,
            big: true,
        }],
    );
    play_quarter(&mut app);
    send(&mut app, [Message::Confirm]);
    for _ in 0..4 {
        send(&mut app, [Message::Down]);
    }
    send(&mut app, [Message::Toggle]);
    play_quarter(&mut app);
    let mut done = app.clone();
    for _ in 0..8 {
        send(&mut done, [Message::Back]);
        play_quarter(&mut done);
    }
    assert_eq!(done.screen, Screen::Debrief);
    (app, done)
}

fn session(app: &App) -> &Session {
    match &app.session {
        Some(s) => s,
        None => unreachable!("the fixture game is under way"),
    }
}

#[test]
fn screens_draw_anywhere() {
    let (app, done) = games();
    let fresh = App::new(tui_fixture::title());
    let s = session(&app);
    let d = session(&done);
    everywhere("title", |theme| TitleView {
        title: &fresh.title,
        theme,
    });
    everywhere("briefing", |theme| BriefingView { session: s, theme });
    everywhere("quarter", |theme| QuarterView { session: s, theme });
    everywhere("report", |theme| ReportView {
        session: s,
        theme,
        past: false,
    });
    everywhere("debrief", |theme| DebriefView { session: d, theme });
}

#[test]
fn panels_draw_anywhere() {
    let (app, done) = games();
    let s = session(&app);
    everywhere("kpi", |theme| KpiPanel { session: s, theme });
    everywhere("news", |theme| NewsPanel { session: s, theme });
    everywhere("all news", |theme| NewsView { session: s, theme });
    everywhere("decisions", |theme| DecisionPanel { session: s, theme });
    for chart in [Chart::People, Chart::Customers, Chart::Money] {
        let mut s = s.clone();
        s.chart = chart;
        everywhere("chart", |theme| quarter_chart(&s, theme));
    }
    everywhere("empty chart", |theme| LineChart {
        title: "nothing".into(),
        series: vec![("none".into(), Vec::new()), ("nan".into(), vec![f64::NAN])],
        quarters: 0,
        theme,
    });
    let d = session(&done);
    everywhere("final kpi", |theme| KpiPanel { session: d, theme });
}

#[test]
fn overlays_draw_anywhere() {
    let (app, _) = games();
    let s = session(&app);
    for screen in [
        Screen::Title,
        Screen::Briefing,
        Screen::Quarter,
        Screen::Report,
        Screen::Debrief,
    ] {
        everywhere("help", |theme| HelpView {
            screen,
            scroll: 3,
            theme,
        });
    }
    for saved in [None, Some(true), Some(false)] {
        for problem in [None, Some("No space left on device")] {
            everywhere("quit", |theme| QuitView {
                saved,
                problem,
                theme,
            });
        }
    }
    for (autosaves, at, problem) in [
        (false, None, None),
        (true, None, None),
        (
            true,
            Some("saves/a-very-long-name-of-a-save-file-in-a-deep-folder.toml"),
            Some("disk full"),
        ),
    ] {
        everywhere("save", |theme| SaveView {
            autosaves,
            at,
            problem,
            theme,
        });
    }
    everywhere("commit", |theme| CommitView { session: s, theme });
    everywhere("why", |theme| WhyView {
        session: s,
        theme,
        past: false,
    });
    for choice in [0, 1, 7] {
        everywhere("dilemma", |theme| DilemmaView {
            session: s,
            dilemma: 0,
            choice,
            theme,
        });
    }
    everywhere("no such dilemma", |theme| DilemmaView {
        session: s,
        dilemma: 9,
        choice: 0,
        theme,
    });
    everywhere("name", |theme| NameView {
        name: "a name much longer than the window it is typed in",
        theme,
    });
    for scroll in [0, 3, 500] {
        everywhere("detail", |theme| DetailView {
            session: s,
            scroll,
            theme,
        });
    }
    for cause in ["baseline", "Rival starts a price war (churn)", "?"] {
        everywhere("glossary", |theme| GlossaryView {
            session: s,
            cause,
            theme,
        });
    }
}

/// The screen's text, one string per row.
fn rows(app: &App, w: u16, h: u16) -> Vec<String> {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    AppView {
        app,
        theme: Theme::plain(),
    }
    .render(area, &mut buf);
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect())
        .collect()
}

fn number(s: &str) -> Option<f64> {
    s.trim()
        .replace('−', "-")
        .replace(',', "")
        .trim_start_matches('+')
        .parse()
        .ok()
}

#[test]
fn the_debrief_score_lines_add_up_at_every_size() {
    let (_, done) = games();
    for (w, h) in [(80, 24), (120, 40), (200, 60), (60, 16)] {
        let screen = rows(&done, w, h);
        let half = usize::from(w / 2);
        let mut score = None;
        let mut sum = 0.0;
        let mut lines = 0;
        for row in &screen {
            let left: String = row.chars().skip(1).take(half - 2).collect();
            if let Some(rest) = left.split("Final score ").nth(1) {
                score = rest.split_whitespace().next().and_then(number);
            }
            if let Some((p, _)) = left.split_once(" = ").or_else(|| left.split_once(" ≈ "))
                && let Some(v) = number(p)
            {
                sum += v;
                lines += 1;
            }
        }
        let score = score.unwrap_or_else(|| panic!("no final score at {w}×{h}"));
        assert!(lines >= 2, "{w}×{h}: {lines} score lines");
        assert!((sum - score).abs() < 0.05, "{w}×{h}: {sum} ≠ {score}");
    }
}

#[test]
fn fatigue_and_the_running_score_are_on_the_dashboard() {
    let (app, _) = games();
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let text = rows(&app, w, h).join("\n");
        assert!(text.contains("Fatigue"), "{w}×{h}\n{text}");
        assert!(text.contains("Score"), "{w}×{h}");
        assert!(text.contains("equity"), "{w}×{h}");
    }
}

#[test]
fn why_columns_add_up_to_the_change_shown() {
    use culturesim::analysis::Metric;
    let (mut app, _) = games();
    app.overlay = Some(Overlay::Why);
    for m in Metric::ALL {
        if let Some(s) = app.session.as_mut() {
            s.metric = m;
        }
        let screen = rows(&app, 120, 40);
        // The table's columns: the last 9 characters of each row, inside
        // the window's border.
        let mut col: Vec<f64> = Vec::new();
        let mut total = None;
        // The window's left border is below the corner of its title.
        let left = screen
            .iter()
            .find_map(|r| r.find("┌Why?").map(|b| r[..b].chars().count()))
            .expect("the why window is drawn");
        for row in &screen {
            let inner: String = row.chars().skip(left + 1).collect();
            let Some(end) = inner.find('│') else {
                continue;
            };
            let inner = &inner[..end];
            let n = inner.chars().count();
            if n < 20 {
                continue;
            }
            let label: String = inner.chars().take(n - 9 * 2).collect();
            let last: String = inner.chars().skip(n - 9).collect();
            let label = label.trim().trim_start_matches('▸').trim();
            if label == "change" || label == "total" {
                total = number(&last);
                break;
            }
            if let Some(v) = number(&last)
                && !label.is_empty()
                && !label.starts_with("In Q")
            {
                col.push(v);
            }
        }
        let Some(total) = total else {
            panic!("{m:?}: no change row\n{}", screen.join("\n"))
        };
        assert!(!col.is_empty() || total == 0.0, "{m:?}: no cause rows");
        let sum: f64 = col.iter().sum();
        assert!(
            (sum - total).abs() < 1e-6,
            "{m:?}: rows {col:?} sum to {sum}, the column says {total}"
        );
    }
}

#[test]
fn whole_frames_draw_anywhere_with_every_overlay() {
    let (app, done) = games();
    let overlays = [
        None,
        Some(Overlay::Help { scroll: 0 }),
        Some(Overlay::Quit),
        Some(Overlay::Commit),
        Some(Overlay::Why),
        Some(Overlay::Save),
        Some(Overlay::News),
        Some(Overlay::Dilemma {
            dilemma: 0,
            choice: 1,
        }),
        Some(Overlay::Name),
        Some(Overlay::Detail { scroll: 2 }),
        Some(Overlay::Glossary {
            cause: "profit trend".into(),
        }),
    ];
    for base in [&app, &done, &App::new(tui_fixture::title())] {
        for screen in [
            Screen::Title,
            Screen::Briefing,
            Screen::Quarter,
            Screen::Report,
            Screen::Debrief,
        ] {
            for overlay in &overlays {
                let mut a = base.clone();
                a.screen = screen;
                a.overlay = overlay.clone();
                a.notice = Some("a notice".into());
                everywhere("frame", |theme| AppView { app: &a, theme });
            }
        }
    }
}

/// The fixture game with the credit line just under the starting cash, so
/// that any real spending crosses it.
fn near_the_line() -> App {
    let mut sc = tui_fixture::scenario();
    let cash = Session::new(sc.clone(), 42, "Ada".into())
        .game
        .state()
        .stocks
        .get(culturesim::sim::Stock::Cash);
    let mut rules = (*sc.rules).clone();
    rules.credit_line = cash - 5.0;
    sc.rules = std::sync::Arc::new(rules);
    App::briefing(tui_fixture::title(), Session::new(sc, 42, "Ada".into()))
}

#[test]
fn the_commit_window_warns_of_bankruptcy_and_still_lets_the_player_confirm() {
    let mut app = briefing();
    send(&mut app, [Message::Confirm, Message::Confirm]);
    assert_eq!(app.overlay, Some(Overlay::Commit));
    let calm = rows(&app, 80, 24).join("\n");
    assert!(!calm.contains("bankruptcy"), "{calm}");

    let mut app = near_the_line();
    send(&mut app, [Message::Confirm]);
    if let Some(s) = app.session.as_mut() {
        s.draft.marketing = 50.0;
    }
    send(&mut app, [Message::Confirm]);
    assert_eq!(app.overlay, Some(Overlay::Commit));
    let s = session(&app);
    let cash = s.game.state().stocks.get(culturesim::sim::Stock::Cash);
    let spent = s.spending();
    let line = s.game.rules().credit_line;
    assert!(cash - spent < line);
    let text = rows(&app, 80, 24).join("\n");
    let whole = culturesim::tui::format::whole;
    for said in [
        format!("Risk of bankruptcy: spending {}", whole(spent)),
        format!("credit line of {}", whole(line)),
        "play it anyway".to_string(),
    ] {
        assert!(text.contains(&said), "{said:?} missing:\n{text}");
    }
    // It is the player's call: Enter still plays the quarter.
    assert_eq!(
        culturesim::tui::update(&mut app, Message::Confirm),
        culturesim::tui::Command::Autosave
    );
    assert_eq!(session(&app).game.state().quarter, 1);
}

//! Every widget of the terminal game drawn into a `Buffer` at every size
//! from nothing to huge, at an offset and at the origin, in colour and
//! without: nothing may panic, nothing may draw outside its area.

mod tui_fixture;

use culturesim::tui::app::{Chart, Overlay, Screen};
use culturesim::tui::view::{
    AppView, BriefingView, CommitView, DebriefView, DecisionPanel, DilemmaView, HelpView, KpiPanel,
    LineChart, NewsPanel, NewsView, QuarterView, QuitView, ReportView, SaveView, TitleView,
    WhyView, quarter_chart,
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
    everywhere("report", |theme| ReportView { session: s, theme });
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
    everywhere("why", |theme| WhyView { session: s, theme });
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

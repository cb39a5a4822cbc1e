//! Drawing the quarter screen (after four quarters, with the dilemma-free
//! reference scenario) at 80×24 and 200×60. Goal: under 1 ms a frame at
//! 200×60. Run: `cargo bench --bench tui`.
//!
//! Start to first frame is measured outside criterion, on the real binary
//! in tmux (see `tests/tui_e2e.rs` for the same calls):
//! ```sh
//! cargo build --release
//! t0=$(date +%s%N); tmux -L ff new-session -d -x 80 -y 24 ./target/release/culturesim play; \
//!   until tmux -L ff capture-pane -p | grep -q Briefing; do :; done; \
//!   echo $(( ($(date +%s%N) - t0) / 1000000 )) ms; tmux -L ff kill-server
//! ```

use criterion::{Criterion, criterion_group, criterion_main};
use culturesim::scenario::Scenario;
use culturesim::tui::view::{AppView, quarter_chart};
use culturesim::tui::{App, Message, Session, Theme, Title, catalog::Catalog, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::hint::black_box;

fn quarter_app() -> App {
    let scenario = Scenario::reference();
    let title = Title::new(Catalog::default(), Vec::new(), String::new());
    let session = Session::new(scenario, 7, "bench".into());
    let mut app = App::briefing(title, session);
    update(&mut app, Message::Confirm);
    for _ in 0..4 {
        update(
            &mut app,
            Message::Adjust {
                up: true,
                big: true,
            },
        );
        update(&mut app, Message::Confirm);
        update(&mut app, Message::Confirm);
        update(&mut app, Message::Confirm);
    }
    app
}

fn draw(c: &mut Criterion) {
    let app = quarter_app();
    for (w, h) in [(80u16, 24u16), (200, 60)] {
        for (name, theme) in [("color", Theme { color: true }), ("plain", Theme::plain())] {
            let Ok(mut term) = Terminal::new(TestBackend::new(w, h));
            c.bench_function(&format!("quarter screen {w}x{h} {name}"), |b| {
                b.iter(|| {
                    let _ = term.draw(|f| {
                        f.render_widget(
                            AppView {
                                app: black_box(&app),
                                theme,
                            },
                            f.area(),
                        );
                    });
                })
            });
        }
    }
}

/// The parts of the 200×60 frame, drawn straight into a buffer (no
/// terminal diff), to see where the time goes.
fn parts(c: &mut Criterion) {
    let app = quarter_app();
    let Some(s) = app.session.as_ref() else {
        return;
    };
    let theme = Theme { color: true };
    let area = Rect::new(0, 0, 200, 60);
    let mut buf = Buffer::empty(area);
    c.bench_function("200x60 whole frame into a buffer", |b| {
        b.iter(|| {
            AppView {
                app: black_box(&app),
                theme,
            }
            .render(area, &mut buf)
        })
    });
    let chart_area = Rect::new(0, 0, 104, 39);
    c.bench_function("200x60 chart alone (104x39)", |b| {
        b.iter(|| quarter_chart(black_box(s), theme).render(chart_area, &mut buf))
    });
}

criterion_group!(benches, draw, parts);
criterion_main!(benches);

//! Drawing the quarter screen (after four quarters, with the dilemma-free
//! reference scenario) at 80×24 and 200×60. Goal: under 1 ms a frame at
//! 200×60. Run: `cargo bench --bench tui`.
//!
//! Start to first frame is measured outside criterion, on the real binary
//! in a pseudo-terminal: from spawning it to reading the title screen
//! (2026-11-23, shared 2-core machine: 5 to 6.5 ms over repeated
//! runs; goal < 100 ms):
//! ```sh
//! cargo build --release
//! python3 - ./target/release/culturesim <<'PY'
//! import os, pty, sys, time, select, fcntl, termios, struct
//! t0 = time.perf_counter(); pid, fd = pty.fork()
//! if pid == 0:  # an 80×24 terminal, then the game
//!     fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
//!     os.execv(sys.argv[1], sys.argv[1:])
//! out = b""
//! while b"Scenarios" not in out and select.select([fd], [], [], 5)[0]: out += os.read(fd, 65536)
//! print("%.1f ms" % ((time.perf_counter() - t0) * 1000)); os.kill(pid, 15)
//! PY
//! ```
//! Through tmux (as `tests/tui_e2e.rs` drives it) the same start takes
//! about 25 ms, which is tmux's own start-up: `echo` alone takes as long.

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

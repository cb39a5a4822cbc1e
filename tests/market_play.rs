//! A team's market screen driven by keys, without a terminal: it shows
//! the team's round, submits its file, lets it resubmit, follows the
//! instructor's resolve on reload, and draws at any size.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use culturesim::market;
use culturesim::tui::market::{Key, Row, TeamRound};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::fs;

fn screen_text(screen: &TeamRound, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| match e {});
    term.draw(|f| culturesim::tui::market_view::draw(f, screen))
        .unwrap_or_else(|e| match e {});
    term.backend().to_string()
}

#[test]
fn a_team_submits_resubmits_and_reloads_after_resolve() {
    let dir = std::env::temp_dir().join(format!("culturesim-market-play-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let teams: Vec<String> = ["Red", "Blue", "Green"].map(String::from).to_vec();
    market::new_market(&dir, "electronics", &teams, None).unwrap();
    let mut s = TeamRound::load(&dir, "Blue").unwrap();
    assert_eq!(s.round, Some(1));
    assert!(screen_text(&s, 100, 30).contains("round 1 of 20"));
    // Marketing up three steps, then submit.
    for k in [
        Key::Down,
        Key::Down,
        Key::Down,
        Key::More,
        Key::More,
        Key::More,
        Key::Submit,
    ] {
        s.update(k);
    }
    assert!(s.submitted, "{}", s.message);
    let step = culturesim::tui::lever_step(s.budget);
    assert_eq!(s.rows[3], Row::Lever(3, 3.0 * step));
    let file = dir.join("round-01/Blue.toml");
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .contains(&format!("marketing = {:.1}", 3.0 * step))
    );
    // Typed amounts: digits replace the amount, then extend it; never past the budget.
    s.update(Key::Up);
    for k in [Key::Digit(4), Key::Digit(5), Key::Erase, Key::Digit(0)] {
        s.update(k);
    }
    assert_eq!(s.rows[2], Row::Lever(2, 40.0));
    for _ in 0..6 {
        s.update(Key::Digit(9));
    }
    assert_eq!(s.rows[2], Row::Lever(2, s.budget - 3.0 * step));
    s.update(Key::Down);
    s.update(Key::Up);
    s.update(Key::Digit(0));
    assert_eq!(
        s.rows[2],
        Row::Lever(2, 0.0),
        "a new amount after leaving the row"
    );
    s.update(Key::Down);
    // Change of mind: less marketing, submitted again.
    s.update(Key::Less);
    assert!(!s.submitted);
    s.update(Key::Submit);
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .contains(&format!("marketing = {:.1}", 2.0 * step))
    );
    // A dividend: typed on the row below the levers, capped at the cash
    // held (not the budget), and written to the file.
    s.update(Key::Down);
    for _ in 0..7 {
        s.update(Key::Digit(9));
    }
    assert_eq!(s.rows[4], Row::Payout(s.cash));
    for k in [Key::Erase; 7] {
        s.update(k);
    }
    for k in [Key::Digit(1), Key::Digit(2), Key::Digit(0)] {
        s.update(k);
    }
    assert_eq!(s.rows[4], Row::Payout(120.0));
    s.update(Key::Submit);
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .contains("payout = 120.0")
    );
    // A new screen shows the submitted decisions.
    let again = TeamRound::load(&dir, "Blue").unwrap();
    assert!(again.submitted);
    assert_eq!(again.rows[3], Row::Lever(3, 2.0 * step));
    assert_eq!(again.rows[4], Row::Payout(120.0));
    // The instructor resolves; reload opens round 2 with the reports.
    market::resolve(&dir, true).unwrap();
    s.update(Key::Reload);
    assert_eq!(s.round, Some(2));
    assert!(!s.submitted);
    let text = screen_text(&s, 120, 40);
    assert!(text.contains("Industry report"), "{text}");
    assert!(text.contains("Team Blue — round 1"), "{text}");
    // Any size draws without a panic.
    for (w, h) in [(1, 1), (2, 1), (10, 3), (80, 24)] {
        let _ = screen_text(&s, w, h);
    }
    s.update(Key::Quit);
    assert!(!s.running);
    let _ = fs::remove_dir_all(&dir);
}

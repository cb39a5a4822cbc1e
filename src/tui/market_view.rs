//! Draws a team's market round: the reports on the left (scrollable), the
//! decision form on the right, the message and keys at the bottom. Only
//! draws; any area, however small, is fine.

use super::market::{LEVERS, Row, TeamRound};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Text};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// The keys, as the footer says them.
const KEYS: &str =
    "↑↓ choose  ←→ change  space start/stop  s submit  r reload  PgUp/PgDn scroll  q quit";

pub fn draw(frame: &mut Frame, screen: &TeamRound) {
    let [main, footer] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(3)]).areas(frame.area());
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(main);
    let reports = format!("{}\n{}", screen.own, screen.industry);
    frame.render_widget(
        Paragraph::new(reports)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(" Your figures · the industry "),
            )
            .scroll((screen.scroll, 0)),
        left,
    );
    frame.render_widget(form(screen), right);
    frame.render_widget(
        Paragraph::new(Text::from(vec![
            Line::from(screen.message.as_str()),
            Line::from(KEYS),
        ]))
        .wrap(Wrap { trim: true })
        .block(Block::default().borders(Borders::TOP)),
        footer,
    );
}

fn form(screen: &TeamRound) -> Paragraph<'_> {
    let title = match screen.round {
        Some(r) => format!(" Team {} · round {r} of {} ", screen.team, screen.rounds),
        None => format!(" Team {} ", screen.team),
    };
    let mut lines = Vec::new();
    for (k, row) in screen.rows.iter().enumerate() {
        let text = match row {
            Row::Lever(i, v) => {
                format!("{:<10} {:>6.0}", LEVERS.get(*i).copied().unwrap_or("?"), v)
            }
            Row::Payout(v) => format!("{:<10} {:>6.0}", super::text::PAYOUT, v),
            Row::Initiative(_, title, cost, on) => {
                format!("[{}] {title} ({cost:.0})", if *on { "x" } else { " " })
            }
            Row::Dilemma(_, title, choices, chosen) => {
                let answer = chosen
                    .and_then(|c| choices.get(c))
                    .map_or("default answer", |c| c.1.as_str());
                format!("{title}: ‹ {answer} ›")
            }
        };
        let style = if k == screen.cursor {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default()
        };
        lines.push(Line::styled(text, style));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(format!(
        "Levers {:.0} of the budget {:.0}",
        screen.spent(),
        screen.budget
    )));
    lines.push(Line::from(if screen.submitted {
        "Submitted ✓"
    } else {
        "Not submitted"
    }));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::default().borders(Borders::ALL).title(title))
}

//! The end of a class game: whether the tutorial's goal was met, point by
//! point, and the hand-in panel — the save's absolute path and what to do
//! with it.

use super::widgets::{lines, panel, wrap};
use crate::sim::{News, Stock};
use crate::tui::app::{Session, TUTORIAL};
use crate::tui::format::one;
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// Draws `out` in a titled panel.
pub(super) fn render_panel(
    title: &str,
    out: Vec<Line<'static>>,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let block = panel(title.to_string(), theme, false);
    let inner = block.inner(area);
    block.render(area, buf);
    lines(inner, buf, out);
}

/// The tutorial's goal, checked point by point (`(met, said)`); empty for
/// other scenarios, whose goals are their scores.
pub fn goal_checks(s: &Session) -> Vec<(bool, String)> {
    if s.scenario.id != TUTORIAL {
        return Vec::new();
    }
    let rules = s.game.rules();
    let h = s.game.history();
    let Some(last) = h.last() else {
        return Vec::new();
    };
    let start = rules.start.get(Stock::Culture);
    let culture = last.stocks.get(Stock::Culture);
    let mut out = vec![(
        culture > start,
        format!("{} {} → {}", text::GOAL_CULTURE, one(start), one(culture)),
    )];
    let nothing = s
        .debrief
        .as_ref()
        .and_then(|d| d.references.iter().find(|r| r.name == text::REF_DO_NOTHING))
        .and_then(|r| r.history.last())
        .map(|r| r.kpis.score);
    if let Some(n) = nothing {
        out.push((
            last.kpis.score >= n,
            format!(
                "{} {}{} {}",
                text::GOAL_SCORE,
                one(last.kpis.score),
                text::GOAL_VERSUS,
                one(n)
            ),
        ));
    }
    let news = || h.iter().flat_map(|r| r.news.iter());
    let tried = news().any(|n| matches!(n, News::Started { .. }));
    out.push((tried, text::GOAL_INITIATIVE.to_string()));
    let answered = news()
        .filter(|n| {
            matches!(
                n,
                News::Answered {
                    defaulted: false,
                    ..
                }
            )
        })
        .count();
    let asked = news()
        .filter(|n| matches!(n, News::Answered { .. }))
        .count();
    out.push((
        asked > 0 && answered == asked,
        text::goal_answers(answered, asked),
    ));
    out
}

/// The goal panel's lines: a verdict, then each point with ✓ or ✗.
pub fn goal_lines(s: &Session, theme: Theme, w: usize) -> Vec<Line<'static>> {
    let checks = goal_checks(s);
    if checks.is_empty() {
        return Vec::new();
    }
    let met = checks.iter().all(|(ok, _)| *ok);
    let mut out: Vec<Line> = wrap(
        if met {
            text::GOAL_MET
        } else {
            text::GOAL_MISSED
        },
        w,
    )
    .into_iter()
    .map(|l| Line::styled(l, if met { theme.good() } else { theme.warn() }))
    .collect();
    for (ok, said) in checks {
        let (mark, style) = if ok {
            ("✓ ", theme.good())
        } else {
            ("✗ ", theme.bad())
        };
        for (i, l) in wrap(&said, w.saturating_sub(2)).into_iter().enumerate() {
            let head = if i == 0 { mark } else { "  " };
            out.push(Line::styled(format!("{head}{l}"), style));
        }
    }
    out
}

/// The hand-in panel's lines: where the save is and what to do with it.
pub fn hand_in_lines(s: &Session, theme: Theme, w: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut say = |t: &str, style: Style| {
        out.extend(wrap(t, w).into_iter().map(|l| Line::styled(l, style)));
    };
    match &s.saved_at {
        Some(path) => {
            say(text::HAND_IN_WHAT, Style::new());
            say(path, theme.title());
            say(text::HAND_IN_HOW, theme.dim());
        }
        None => say(text::HAND_IN_NONE, theme.dim()),
    }
    out
}

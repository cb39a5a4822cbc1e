//! The debrief: the final score with its formula and parts, the key
//! moments of the game with their causes, and the player's line beside
//! the do-nothing and balanced plans on the same scenario and seed.

use super::LineChart;
use super::widgets::{lines, panel, wrap};
use crate::analysis::MomentKind;
use crate::analysis::score_breakdown;
use crate::sim::{QuarterReport, Rules, Stock, customer_equity};
use crate::tui::app::Session;
use crate::tui::format::{fit, one, rounded, signed, whole};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// The debrief screen.
pub struct DebriefView<'a> {
    pub session: &'a Session,
    pub theme: Theme,
}

/// The value of debrief chart `i` (see `text::DEBRIEF_CHARTS`) over a game,
/// from the start (NaN where a figure has no start value).
fn chart_series(i: usize, rules: &Rules, h: &[QuarterReport]) -> Vec<f64> {
    let s = &rules.start;
    let (start, f): (f64, fn(&QuarterReport) -> f64) = match i {
        0 => (f64::NAN, |r| r.kpis.score),
        1 => (s.get(Stock::Culture), |r| r.stocks.get(Stock::Culture)),
        2 => (s.get(Stock::Engagement), |r| {
            r.stocks.get(Stock::Engagement)
        }),
        3 => (0.0, |r| r.kpis.cumulative_profit),
        4 => (customer_equity(rules, s, 1.0, 1.0, 1.0), |r| {
            r.kpis.customer_equity
        }),
        _ => (s.get(Stock::Board), |r| r.stocks.get(Stock::Board)),
    };
    let mut v = vec![start];
    v.extend(h.iter().map(f));
    v
}

impl Widget for DebriefView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, theme) = (self.session, self.theme);
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(area);
        // The score's lines are never cut: the panel takes what they need
        // (the formula only if there is room), the moments the rest.
        let w = usize::from(left.width.saturating_sub(2));
        let essential = score_lines(s, theme, w, false);
        let full = score_lines(s, theme, w, true);
        let fits = |n: usize| n + 2 + 12 <= usize::from(left.height);
        let shown = if fits(full.len()) { full } else { essential };
        let score_h = u16::try_from(shown.len() + 2).unwrap_or(u16::MAX);
        let [score, moments] =
            Layout::vertical([Constraint::Length(score_h), Constraint::Min(0)]).areas(left);
        let block = panel(
            format!("{} · {}", text::DEBRIEF, text::FINAL_SCORE),
            theme,
            true,
        );
        let inner = block.inner(score);
        block.render(score, buf);
        lines(inner, buf, shown);
        render_moments(s, theme, moments, buf);

        let rw = usize::from(right.width.saturating_sub(2));
        let goal = super::handin::goal_lines(s, theme, rw);
        let hand_in = super::handin::hand_in_lines(s, theme, rw);
        let h = |v: &[Line]| u16::try_from(v.len() + 2).unwrap_or(u16::MAX);
        let goal_h = if goal.is_empty() { 0 } else { h(&goal) };
        let versus = u16::try_from(s.versus.len() * 2).unwrap_or(0);
        let [compare, goal_area, hand_area, chart] = Layout::vertical([
            Constraint::Length(6 + versus),
            Constraint::Length(goal_h),
            Constraint::Length(h(&hand_in)),
            Constraint::Min(0),
        ])
        .areas(right);
        render_compare(s, theme, compare, buf);
        if !goal.is_empty() {
            super::handin::render_panel(text::GOAL_TITLE, goal, theme, goal_area, buf);
        }
        super::handin::render_panel(text::HAND_IN_TITLE, hand_in, theme, hand_area, buf);
        // A chart needs a few rows to say anything.
        if chart.height >= 7 {
            render_chart(s, theme, chart, buf);
        }
    }
}

/// The final score, how the game ended, and the weighted parts rounded so
/// that they add up to the score shown; with `formula`, the formula too.
fn score_lines(s: &Session, theme: Theme, w: usize, formula: bool) -> Vec<Line<'static>> {
    let rules = s.game.rules();
    let Some(last) = s.game.last() else {
        return Vec::new();
    };
    let outcome = if last.outcome.is_game_over() {
        theme.bad()
    } else {
        theme.dim()
    };
    // The same breakdown as `culturesim debrief`, rounded so that the
    // lines shown add up to the score shown.
    let breakdown = score_breakdown(rules, last);
    let shown = breakdown.rounded(1);
    let mut out = vec![Line::styled(
        format!(
            "{} {} · {} {}",
            text::FINAL_SCORE,
            one(shown.total),
            text::SEED,
            s.game.state().seed
        ),
        theme.title(),
    )];
    out.extend(
        wrap(last.outcome.describe(), w)
            .into_iter()
            .map(|l| Line::styled(l, outcome)),
    );
    // A part that rounding moved by a tenth to make the lines add up to the
    // score says so with ≈.
    let mut row = |points: String, exact: bool, said: &str, style: Style| {
        let sign = if exact { "=" } else { "≈" };
        for (i, l) in wrap(said, w.saturating_sub(9)).into_iter().enumerate() {
            let head = if i == 0 {
                format!("{points:>6} {sign} ")
            } else {
                " ".repeat(9)
            };
            out.push(Line::styled(format!("{head}{l}"), style));
        }
    };
    for (t, points) in breakdown.terms.iter().zip(&shown.points) {
        // A game that paid nothing out: a zero line the screen has no
        // room for (the lines still add up).
        if t.key == "owner_return" && t.value == 0.0 && *points == 0.0 {
            continue;
        }
        let v = if t.value.abs() >= 1000.0 {
            whole(t.value)
        } else {
            one(t.value)
        };
        let exact = (points - rounded(t.points, 1)).abs() < 1e-9;
        row(
            one(*points),
            exact,
            &format!("{} × {v} {}", t.weight, t.label),
            Style::new(),
        );
    }
    if shown.penalty != 0.0 {
        row(one(-shown.penalty), true, text::PENALTY, theme.bad());
    }
    if formula {
        out.extend(
            wrap(&breakdown.formula, w)
                .into_iter()
                .map(|l| Line::styled(l, theme.dim())),
        );
    }
    out
}

/// The key moments: the story of the game (events, answers, the player's
/// turning points, the largest moves), each with its causes, in quarter
/// order, scrolled with ↑↓.
fn render_moments(s: &Session, theme: Theme, area: Rect, buf: &mut Buffer) {
    let mut block = panel(text::MOMENTS_TITLE, theme, false);
    let inner = block.inner(area);
    let w = usize::from(inner.width);
    let (story, scroll) = s
        .debrief
        .as_ref()
        .map_or((&[][..], 0), |d| (d.story.as_slice(), d.scroll));
    if story.is_empty() {
        block.render(area, buf);
        lines(
            inner,
            buf,
            vec![Line::styled(fit(text::NO_MOMENTS, w), theme.dim())],
        );
        return;
    }
    let mut out: Vec<Line> = Vec::new();
    for m in story {
        let reasons: Vec<String> = m
            .reasons
            .iter()
            .map(|r| {
                let what = if r.cause.is_empty() {
                    r.figure.to_lowercase()
                } else {
                    format!("{} ({})", printable(&r.cause), r.figure.to_lowercase())
                };
                format!("{what} {}", signed(r.value, 1))
            })
            .collect();
        let head = format!("Q{} {}: {}", m.quarter, m.kind.tag(), printable(&m.title));
        let said = if reasons.is_empty() {
            head
        } else {
            format!("{head} — {}", reasons.join(", "))
        };
        let style = match m.kind {
            MomentKind::Event | MomentKind::Move => Style::new(),
            _ => theme.title(),
        };
        for (i, l) in wrap(&said, w.saturating_sub(4)).into_iter().enumerate() {
            if i == 0 {
                out.push(Line::styled(l, style));
            } else {
                out.push(Line::from(format!("    {l}")));
            }
        }
    }
    let h = usize::from(inner.height);
    let most = out.len().saturating_sub(h);
    let skip = usize::from(scroll).min(most);
    if most > 0 {
        let more = if skip < most {
            text::MORE_BELOW
        } else {
            text::AT_END
        };
        block = block.title_bottom(Line::styled(more, theme.key()).right_aligned());
    }
    block.render(area, buf);
    lines(inner, buf, out.into_iter().skip(skip).collect());
}

/// Scenario text made safe for the terminal (no control characters).
fn printable(s: &str) -> String {
    crate::save::printable(s)
}

fn render_compare(s: &Session, theme: Theme, area: Rect, buf: &mut Buffer) {
    let block = panel(text::COMPARE, theme, false);
    let inner = block.inner(area);
    block.render(area, buf);
    let w = usize::from(inner.width);
    let mut out = vec![Line::styled(
        fit(
            &format!(
                "{:<11}{:>6}{:>8}{:>11}",
                "",
                text::COMPARE_HEAD[0],
                text::COMPARE_HEAD[1],
                text::COMPARE_HEAD[2]
            ),
            w,
        ),
        theme.dim(),
    )];
    let row = |name: &str, h: &[QuarterReport]| {
        h.last().map(|r| {
            let line = format!(
                "{:<11}{:>6}{:>8}{:>11}",
                fit(name, 10),
                one(r.kpis.score),
                one(r.stocks.get(Stock::Culture)),
                whole(r.kpis.cumulative_profit)
            );
            Line::from(fit(&line, w))
        })
    };
    out.extend(row(&s.player, s.game.history()));
    out.extend(s.versus.iter().filter_map(|v| row(&v.label, &v.history)));
    // Where a branch stands against its parent comes before the references.
    for v in &s.versus {
        out.push(Line::styled(
            fit(&v.versus(s.game.history()), w),
            theme.key(),
        ));
    }
    if let Some(d) = &s.debrief {
        out.extend(d.references.iter().filter_map(|r| row(r.name, &r.history)));
    }
    lines(inner, buf, out);
}

/// The chosen chart; on a tall screen the next one too.
fn render_chart(s: &Session, theme: Theme, area: Rect, buf: &mut Buffer) {
    let chosen = s.debrief.as_ref().map_or(0, |d| d.chart) % text::DEBRIEF_CHARTS.len();
    if area.height >= 30 {
        let [top, bottom] =
            Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
        render_one_chart(s, chosen, theme, top, buf);
        render_one_chart(
            s,
            (chosen + 1) % text::DEBRIEF_CHARTS.len(),
            theme,
            bottom,
            buf,
        );
    } else {
        render_one_chart(s, chosen, theme, area, buf);
    }
}

fn render_one_chart(s: &Session, chosen: usize, theme: Theme, area: Rect, buf: &mut Buffer) {
    let rules = s.game.rules();
    let mut series = vec![(
        text::YOU.to_string(),
        chart_series(chosen, rules, s.game.history()),
    )];
    for v in &s.versus {
        series.push((v.label.clone(), chart_series(chosen, rules, &v.history)));
    }
    if let Some(d) = &s.debrief {
        for r in &d.references {
            series.push((r.name.to_string(), chart_series(chosen, rules, &r.history)));
        }
    }
    let quarters = series
        .iter()
        .map(|(_, v)| v.len().saturating_sub(1))
        .max()
        .unwrap_or(1);
    LineChart {
        title: format!("{} (c)", text::DEBRIEF_CHARTS[chosen]),
        series,
        quarters,
        theme,
    }
    .render(area, buf);
}

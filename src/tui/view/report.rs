//! The quarter report: every figure before and after with its biggest
//! cause, the causes of the selected figure in detail, and the news.

use super::WhyView;
use super::widgets::{lines, panel, wrap};
use crate::analysis::explain::causes_of_change;
use crate::analysis::metric::Metric;
use crate::tui::app::Session;
use crate::tui::format::{fit, one, percent, round_parts, shown_change, signed, whole};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The report of the quarter just played.
pub struct ReportView<'a> {
    pub session: &'a Session,
    pub theme: Theme,
    /// A past quarter in the history browser, where Enter closes it.
    pub past: bool,
}

fn value(m: Metric, v: f64) -> String {
    if m.decimals() == 1 { one(v) } else { whole(v) }
}

impl Widget for ReportView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, theme) = (self.session, self.theme);
        let rules = s.game.rules();
        let h = s.game.history();
        let Some(last) = h.len().checked_sub(1) else {
            return;
        };
        let [table, bottom] =
            Layout::vertical([Constraint::Length(table_height()), Constraint::Min(0)]).areas(area);
        let outcome = h[last].outcome;
        let mut block = panel(
            format!(
                "{} · Q{} · {}",
                text::REPORT,
                h[last].quarter,
                text::CHANGED
            ),
            theme,
            true,
        );
        block = if outcome.is_game_over() {
            block.title_bottom(Line::styled(
                format!(" {} ", outcome.describe()),
                theme.warn(),
            ))
        } else if self.past {
            block.title_bottom(Line::styled(
                format!(" {} ", text::REPORT_PAST),
                theme.key(),
            ))
        } else if s.game.is_over() {
            block.title_bottom(Line::styled(format!(" {} ", text::REPORT_END), theme.key()))
        } else {
            block.title_bottom(Line::styled(
                format!(" {} ", text::REPORT_NEXT),
                theme.key(),
            ))
        };
        let note = format!(" {}{} ", text::MEASURED, percent(h[last].reported.noise));
        block = block.title_bottom(Line::styled(note, theme.dim()).right_aligned());
        let inner = block.inner(table);
        block.render(table, buf);
        let cause_w = usize::from(inner.width).saturating_sub(40);
        let mut out = vec![Line::styled(
            format!(
                "{:<12}{:>8}{:>9}{:>8}  {}",
                "",
                text::REPORT_HEAD[0],
                text::REPORT_HEAD[1],
                text::REPORT_HEAD[2],
                text::CAUSES
            ),
            theme.dim(),
        )];
        for m in Metric::ALL {
            let series = m.series(rules, h);
            let after = series.last().copied().unwrap_or(0.0);
            let before = series
                .get(series.len().saturating_sub(2))
                .copied()
                .unwrap_or(after);
            let change = shown_change(before, after, m.decimals());
            let cause = cause_text(m, s, last, change, cause_w);
            let row = if m == s.metric {
                theme.selected()
            } else {
                Style::new()
            };
            out.push(Line::from(vec![
                Span::styled(
                    format!(
                        "{:<11}{}{:>8} →{:>7}",
                        m.label(),
                        if m.measured() { "~" } else { " " },
                        value(m, before),
                        value(m, after)
                    ),
                    row,
                ),
                Span::styled(
                    format!("{:>8}", signed(change, m.decimals())),
                    theme.change(change, m.higher_is_better()),
                ),
                Span::styled(format!("  {}", fit(&cause, cause_w)), theme.dim()),
            ]));
        }
        lines(inner, buf, out);

        let [causes, news] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(bottom);
        let news = if area.width >= 120 && area.height >= 36 {
            // Room enough: the why table itself, and the chart.
            let why = WhyView {
                session: s,
                theme,
                past: self.past,
            };
            let block = panel(why.title(), theme, false);
            let inner = block.inner(causes);
            block.render(causes, buf);
            let content = why.content(usize::from(inner.width), usize::from(inner.height));
            lines(inner, buf, content);
            let [top, news] =
                Layout::vertical([Constraint::Min(0), Constraint::Percentage(40)]).areas(news);
            super::quarter::chart(s, theme).render(top, buf);
            news
        } else {
            render_causes(s, theme, causes, buf);
            news
        };
        super::NewsPanel { session: s, theme }.render(news, buf);
    }
}

/// Decimals of a figure's causes: money whole, the rest to one (as in the
/// why view).
fn cause_decimals(m: Metric) -> usize {
    match m {
        Metric::Revenue | Metric::Profit | Metric::Cash => 0,
        _ => 1,
    }
}

/// Every cause of the figure's change in the quarter at `index`, largest
/// first, rounded (largest remainder) so that they add up to the change
/// shown: the report, the causes panel and the why view agree to the digit.
pub fn rounded_causes(m: Metric, s: &Session, index: usize, d: usize) -> Vec<(String, f64)> {
    let rules = s.game.rules();
    let h = s.game.history();
    let series = m.series(rules, h);
    let before = series.get(index).copied().unwrap_or(0.0);
    let after = series.get(index + 1).copied().unwrap_or(before);
    let all = causes_of_change(m, rules, h, index, usize::MAX);
    let values: Vec<f64> = all.iter().map(|p| p.1).collect();
    let shown = round_parts(&values, shown_change(before, after, d), d);
    all.into_iter()
        .zip(shown)
        .map(|((label, _), v)| (label, v))
        .collect()
}

/// The report table's height: a heading and every figure, in a border.
pub fn table_height() -> u16 {
    u16::try_from(Metric::ALL.len() + 3).unwrap_or(u16::MAX)
}

/// The biggest causes of a figure's change in one line of `width`: the
/// two largest if they fit, otherwise the largest.
fn cause_text(m: Metric, s: &Session, last: usize, change: f64, width: usize) -> String {
    if m == Metric::Cash {
        // Cash moves by the profit, less what was paid out to the owners;
        // both in whole units, so that they add up to the change shown.
        let paid = s.game.history().get(last).map_or(0.0, |r| r.kpis.payout);
        if paid > 0.0 {
            let paid = paid.round();
            return format!(
                "{} {}, {} {}",
                text::PROFIT_CAUSE,
                signed(change.round() + paid, 0),
                text::PAYOUT_CAUSE,
                signed(-paid, 0)
            );
        }
        return format!("{} {}", text::CASH_CAUSE, signed(change, 0));
    }
    let d = m.decimals();
    // Survey figures count their noise as a cause, so the causes that
    // pushed the way the figure moved are those of the figure as shown.
    let all = rounded_causes(m, s, last, d);
    let mut causes: Vec<&(String, f64)> = all.iter().filter(|p| p.1 * change > 0.0).collect();
    if causes.is_empty() {
        causes = all.iter().collect();
    }
    let parts: Vec<(String, String)> = causes
        .iter()
        .take(2)
        .map(|(l, v)| (l.clone(), signed(*v, d)))
        .filter(|(_, v)| *v != signed(0.0, d))
        .collect();
    let mut text = parts
        .iter()
        .map(|(l, v)| format!("{l} {v}"))
        .collect::<Vec<_>>()
        .join(", ");
    if text.chars().count() > width {
        text = parts
            .first()
            .map(|(l, v)| {
                let room = width.saturating_sub(v.chars().count() + 1);
                format!("{} {v}", fit(l, room))
            })
            .unwrap_or_default();
    }
    text
}

/// The biggest causes of the selected figure's change, with bars.
pub(super) fn render_causes(s: &Session, theme: Theme, area: Rect, buf: &mut Buffer) {
    let m = s.metric;
    let h = s.game.history();
    let when = h
        .last()
        .map(|r| format!(" Q{}", r.quarter))
        .unwrap_or_default();
    let block = panel(
        format!("{} · {}{when} (w)", m.label(), text::CAUSES),
        theme,
        false,
    );
    let inner = block.inner(area);
    block.render(area, buf);
    let n = usize::from(inner.height);
    if h.is_empty() {
        let said = wrap(text::WHY_NONE, usize::from(inner.width));
        lines(inner, buf, said.into_iter().map(Line::from).collect());
        return;
    }
    let d = cause_decimals(m);
    let mut parts = rounded_causes(m, s, h.len().saturating_sub(1), d);
    parts.retain(|(_, v)| *v != 0.0);
    parts.truncate(n);
    let biggest = parts.first().map_or(1.0, |p| p.1.abs().max(1e-9));
    let w = usize::from(inner.width);
    let num_w = 8;
    let bar_w = (w / 4).min(10);
    let label_w = w.saturating_sub(num_w + bar_w + 2);
    let out = parts
        .iter()
        .map(|(label, v)| {
            let len = ((v.abs() / biggest) * bar_w as f64).round() as usize;
            Line::from(vec![
                Span::raw(format!("{:<label_w$} ", fit(label, label_w))),
                Span::styled(
                    format!("{:>num_w$} ", signed(*v, d)),
                    theme.change(*v, m.higher_is_better()),
                ),
                Span::styled(
                    "█".repeat(len.min(bar_w)),
                    theme.change(*v, m.higher_is_better()),
                ),
            ])
        })
        .collect();
    lines(inner, buf, out);
}

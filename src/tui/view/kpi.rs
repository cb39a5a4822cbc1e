//! The dashboard: every figure with its value, its change as shown and a
//! sparkline on a meaningful scale, then the running score's parts and the
//! customer equity.

use super::widgets::{lines, panel, wrap};
use crate::analysis::explain::start_score_parts;
use crate::analysis::metric::Metric;
use crate::analysis::score_breakdown;
use crate::sim::{Kpi, customer_equity};
use crate::tui::app::Session;
use crate::tui::format::{one, percent, round_parts, shown_change, signed, sparkline_over, whole};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The KPI panel's height at `width`: every figure, the score's terms,
/// the border.
pub(super) fn kpi_height(s: &Session, width: u16) -> u16 {
    let terms = score_terms(s, usize::from(width.saturating_sub(2)), Theme::plain()).len();
    u16::try_from(Metric::ALL.len() + terms + 2).unwrap_or(u16::MAX)
}

/// A shorter name of a scored figure, for the dashboard's score line.
fn short(kpi: Kpi) -> &'static str {
    match kpi.key() {
        "cumulative_profit" => "cum. profit",
        "customer_equity" => "equity",
        "culture" => "culture",
        "experience" => "experience",
        "board" => "board",
        "profit" => "profit",
        "revenue" => "revenue",
        "owner_return" => "owners' return",
        _ => kpi.label(),
    }
}

/// The running score's terms, e.g. "= 71.7 cum. profit + 55.4 culture +
/// 49.6 equity (24,783)", rounded to add up to the score shown, and the
/// customer equity if the score does not weigh it.
pub fn score_terms(s: &Session, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let rules = s.game.rules();
    let (names, values, points): (Vec<Kpi>, Vec<f64>, Vec<f64>) = match s.game.last() {
        Some(r) => {
            // The debrief's breakdown, rounded the same way.
            let b = score_breakdown(rules, r);
            let shown = b.rounded(1);
            let mut points = shown.points;
            if shown.penalty != 0.0 {
                points.push(-shown.penalty);
            }
            (
                rules.scoring.weights.iter().map(|(k, _)| *k).collect(),
                b.terms.iter().map(|t| t.value).collect(),
                points,
            )
        }
        None => {
            let start = start_score_parts(rules);
            let total: f64 = start.iter().map(|p| p.1).sum();
            let raw: Vec<f64> = start.iter().map(|p| p.1).collect();
            (
                rules.scoring.weights.iter().map(|(k, _)| *k).collect(),
                rules
                    .scoring
                    .weights
                    .iter()
                    .zip(&raw)
                    .map(|((_, w), p)| if *w != 0.0 { p / w } else { 0.0 })
                    .collect(),
                round_parts(&raw, total, 1),
            )
        }
    };
    let mut said: Vec<String> = Vec::new();
    for (i, (k, p)) in names.iter().zip(&points).enumerate() {
        // Nothing paid out yet: a zero the dashboard has no room for.
        if *k == Kpi::OwnerReturn && *p == 0.0 && i > 0 {
            continue;
        }
        let sign = if i == 0 {
            "="
        } else if *p < 0.0 {
            "−"
        } else {
            "+"
        };
        let mut t = format!("{sign} {} {}", one(p.abs()), short(*k));
        if *k == Kpi::CustomerEquity {
            t.push_str(&format!(" ({})", whole(values[i])));
        }
        said.push(t);
    }
    if points.len() > names.len() {
        let p = points.last().copied().unwrap_or(0.0);
        said.push(format!("− {} {}", one(p.abs()), text::SCORE_PENALTY));
    }
    if !names.contains(&Kpi::CustomerEquity) {
        let equity = s
            .game
            .last()
            .map_or(customer_equity(rules, &rules.start, 1.0, 1.0, 1.0), |r| {
                r.kpis.customer_equity
            });
        said.push(format!("· {} {}", text::EQUITY, whole(equity)));
    }
    wrap(&said.join(" "), width.saturating_sub(1))
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), theme.dim()))
        .collect()
}

/// Value, change since last quarter and trend of every figure.
pub struct KpiPanel<'a> {
    pub session: &'a Session,
    pub theme: Theme,
}

impl Widget for KpiPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, theme) = (self.session, self.theme);
        let rules = s.game.rules();
        let h = s.game.history();
        let title = match h.last() {
            Some(r) => text::figures_after(r.quarter),
            None => text::FIGURES_START.to_string(),
        };
        let mut block = panel(title, theme, false);
        if let Some(r) = h.last() {
            let note = format!("{}{}", text::MEASURED, percent(r.reported.noise));
            block = block.title_bottom(Line::styled(note, theme.dim()));
        }
        let inner = block.inner(area);
        block.render(area, buf);
        let spark_w = usize::from(inner.width).saturating_sub(30);
        let mut out: Vec<Line> = Metric::ALL
            .iter()
            .map(|m| {
                let series = m.series(rules, h);
                let now = series.last().copied().unwrap_or(0.0);
                let before = series.len().checked_sub(2).and_then(|i| series.get(i));
                let change = before.map(|b| shown_change(*b, now, m.decimals()));
                let value = if m.decimals() == 1 {
                    one(now)
                } else {
                    whole(now)
                };
                let mark = if m.measured() { "~" } else { " " };
                let row = if *m == s.metric {
                    theme.selected()
                } else {
                    Style::new()
                };
                Line::from(vec![
                    Span::styled(format!("{:<11}", m.label()), row),
                    Span::styled(format!("{mark}{value:>8}"), row),
                    Span::styled(
                        format!(
                            " {:>7} ",
                            change.map(|c| signed(c, m.decimals())).unwrap_or_default()
                        ),
                        change.map_or(Style::new(), |c| theme.change(c, m.higher_is_better())),
                    ),
                    Span::styled(
                        sparkline_over(&series, spark_w, spark_span(*m, &series)),
                        theme.title(),
                    ),
                ])
            })
            .collect();
        out.extend(score_terms(s, usize::from(inner.width), theme));
        lines(inner, buf, out);
    }
}

/// The least range a figure's sparkline spans: a fifth of the scale for
/// an index (0–100) and NPS, half the largest value for counts and money.
/// Survey noise then reads as noise, not as a trend.
fn spark_span(m: Metric, series: &[f64]) -> f64 {
    if m.decimals() == 1 || m == Metric::Nps {
        20.0
    } else {
        0.5 * series.iter().fold(0.0_f64, |a, v| a.max(v.abs()))
    }
}

//! The quarter screen: the KPI panel (value, change, sparkline), the chart
//! of the game so far, the news, and the decision panel.

use super::LineChart;
use super::decisions::DecisionPanel;
use super::kpi::{KpiPanel, kpi_height};
use super::widgets::{lines, panel, wrap};
use crate::analysis::metric::Metric;
use crate::sim::{News, Stock};
use crate::tui::app::{COMPACT_HEIGHT, Chart, Session};

use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The whole quarter screen.
pub struct QuarterView<'a> {
    pub session: &'a Session,
    pub theme: Theme,
}

/// Where the quarter screen's panels are (`causes` may be empty).
#[derive(Clone, Copy, Debug, Default)]
pub struct QuarterAreas {
    pub kpi: Rect,
    pub causes: Rect,
    pub chart: Rect,
    pub news: Rect,
    pub decisions: Rect,
}

/// The quarter screen's layout in `area` (one home for drawing and for
/// what a mouse click hits).
pub fn quarter_areas(s: &Session, area: Rect) -> QuarterAreas {
    let need = DecisionPanel {
        session: s,
        theme: Theme::plain(),
    }
    .height();
    if area.width >= 140 && area.height >= 26 {
        let kpi_w = if area.width >= 160 { 52 } else { 44 };
        let [left, mid, right] = Layout::horizontal([
            Constraint::Length(kpi_w),
            Constraint::Min(30),
            Constraint::Length(52),
        ])
        .areas(area);
        let [kpi, causes] =
            Layout::vertical([Constraint::Length(kpi_height(s, kpi_w)), Constraint::Min(0)])
                .areas(left);
        let news_h = area.height / 3;
        let [chart, news] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(news_h)]).areas(mid);
        QuarterAreas {
            kpi,
            causes,
            chart,
            news,
            decisions: right,
        }
    } else {
        let [left, right] =
            Layout::horizontal([Constraint::Length(40), Constraint::Min(0)]).areas(area);
        let [kpi, news] =
            Layout::vertical([Constraint::Length(kpi_height(s, 40)), Constraint::Min(0)])
                .areas(left);
        let most = area.height.saturating_sub(8);
        let [chart, decisions] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(need.min(most))]).areas(right);
        if area.height < COMPACT_HEIGHT {
            // The news and the chart share the top right (c switches), so
            // that a tour can be read; below the figures, the other place
            // takes the selected figure's causes, or the news.
            let (top_right, below) = (chart, news);
            return if s.news_on_top {
                QuarterAreas {
                    kpi,
                    causes: below,
                    chart: Rect::default(),
                    news: top_right,
                    decisions,
                }
            } else {
                QuarterAreas {
                    kpi,
                    causes: Rect::default(),
                    chart: top_right,
                    news: below,
                    decisions,
                }
            };
        }
        let (causes, news) = if news.height >= 16 {
            // Room for the selected figure's causes as well.
            let [causes, news] =
                Layout::vertical([Constraint::Percentage(50), Constraint::Min(0)]).areas(news);
            (causes, news)
        } else {
            (Rect::default(), news)
        };
        QuarterAreas {
            kpi,
            causes,
            chart,
            news,
            decisions,
        }
    }
}

impl Widget for QuarterView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, theme) = (self.session, self.theme);
        let a = quarter_areas(s, area);
        KpiPanel { session: s, theme }.render(a.kpi, buf);
        if !a.causes.is_empty() {
            super::report::render_causes(s, theme, a.causes, buf);
        }
        if !a.chart.is_empty() {
            chart(s, theme).render(a.chart, buf);
        }
        NewsPanel { session: s, theme }.render(a.news, buf);
        DecisionPanel { session: s, theme }.render(a.decisions, buf);
    }
}

/// The chart the session has selected, over the quarters played.
pub fn chart(s: &Session, theme: Theme) -> LineChart {
    let rules = s.game.rules();
    let h = s.game.history();
    let metric = |m: Metric| (m.label().to_string(), m.series(rules, h));
    let (title, series) = match s.chart {
        Chart::People => {
            let mut fatigue = vec![rules.start.get(Stock::Fatigue)];
            fatigue.extend(h.iter().map(|r| r.stocks.get(Stock::Fatigue)));
            (
                text::CHART_PEOPLE,
                vec![
                    metric(Metric::Culture),
                    metric(Metric::Engagement),
                    metric(Metric::Experience),
                    (text::FATIGUE.to_string(), fatigue),
                ],
            )
        }
        Chart::Customers => (
            text::CHART_CUSTOMERS,
            vec![
                metric(Metric::Advocates),
                metric(Metric::Valuable),
                metric(Metric::Regular),
                metric(Metric::Costly),
            ],
        ),
        // Profit against what the board expects, on a scale of their own:
        // revenue, ten times larger, would flatten both to a line.
        Chart::Money => {
            let mut expected = vec![Metric::Profit.start(rules)];
            expected.extend(h.iter().map(|r| r.kpis.expected_profit));
            (
                text::CHART_MONEY,
                vec![
                    metric(Metric::Profit),
                    (text::BOARD_EXPECTS.to_string(), expected),
                ],
            )
        }
    };
    LineChart {
        title: format!("{title} (c)"),
        series,
        quarters: h.len(),
        theme,
    }
}

/// What happened last quarter, in plain words.
pub struct NewsPanel<'a> {
    pub session: &'a Session,
    pub theme: Theme,
}

impl Widget for NewsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut block = panel(text::NEWS, self.theme, false);
        let inner = block.inner(area);
        let out = news_lines(self.session, usize::from(inner.width), self.theme);
        if out.len() > usize::from(inner.height) {
            block =
                block.title_bottom(Line::styled(text::NEWS_MORE, self.theme.key()).right_aligned());
        }
        block.render(area, buf);
        lines(inner, buf, out);
    }
}

/// All the news of the last quarter, full width (`n`).
pub struct NewsView<'a> {
    pub session: &'a Session,
    pub theme: Theme,
}

impl Widget for NewsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = 76u16.min(area.width);
        let out = news_lines(
            self.session,
            usize::from(width.saturating_sub(2)),
            self.theme,
        );
        let height = u16::try_from(out.len() + 2).unwrap_or(u16::MAX);
        let r = super::widgets::popup(area, width, height, buf);
        let block = panel(text::NEWS, self.theme, true);
        let inner = block.inner(r);
        block.render(r, buf);
        lines(inner, buf, out);
    }
}

/// The news of the last quarter played, wrapped to `width`.
pub fn news_lines(s: &Session, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let rules = s.game.rules();
    let Some(report) = s.game.last() else {
        return wrap(text::NEWS_START, width)
            .into_iter()
            .map(Line::from)
            .collect();
    };
    let mut out = Vec::new();
    let mut item = |head: String, body: &str| {
        let all = if body.is_empty() {
            head.clone()
        } else {
            format!("{head}: {body}")
        };
        for (i, l) in wrap(&all, width.saturating_sub(2)).into_iter().enumerate() {
            let bullet = if i == 0 { "• " } else { "  " };
            out.push(Line::from(vec![
                Span::styled(bullet, theme.key()),
                Span::raw(l),
            ]));
        }
    };
    for n in &report.news {
        match *n {
            News::Event { index } => {
                if let Some(e) = rules.events.get(usize::from(index)) {
                    item(e.title.clone(), &e.text);
                }
            }
            News::Answered {
                dilemma,
                choice,
                defaulted,
            } => {
                if let Some(d) = rules.dilemmas.get(usize::from(dilemma)) {
                    let c = d.choices.get(usize::from(choice));
                    let label = c.map_or("?", |c| c.label.as_str());
                    let label = if defaulted {
                        text::defaulted(label)
                    } else {
                        label.to_string()
                    };
                    item(
                        format!("{}: {label}", d.title),
                        c.map_or("", |c| c.text.as_str()),
                    );
                }
            }
            News::Started { index } => {
                if let Some(i) = rules.initiatives.get(usize::from(index)) {
                    item(text::started(&i.title), "");
                }
            }
            News::Opened { dilemma } => {
                if let Some(d) = rules.dilemmas.get(usize::from(dilemma)) {
                    item(text::opened(&d.title), "");
                }
            }
        }
    }
    if out.is_empty() {
        out.extend(
            wrap(text::NO_NEWS, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.dim())),
        );
    }
    out
}

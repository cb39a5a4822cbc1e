//! A line chart of figures over quarters (quarter 0 is the start), with a
//! legend; lines differ by colour, or by marker under `NO_COLOR`.

use super::widgets::panel;
use crate::tui::format::whole;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Widget};

/// Figures over quarters.
pub struct LineChart {
    pub title: String,
    /// Named lines; each value's index is its quarter.
    pub series: Vec<(String, Vec<f64>)>,
    /// The last quarter on the x axis (at least 1).
    pub quarters: usize,
    pub theme: Theme,
}

/// The legend's entries wrapped into lines of at most `width` columns:
/// every name is shown whole, on as many lines as it takes.
fn legend(series: &[(String, Vec<f64>)], theme: Theme, width: usize) -> Vec<Line<'static>> {
    let mut out: Vec<Line> = Vec::new();
    let mut line: Vec<Span> = Vec::new();
    let mut used = 0;
    for (n, (name, _)) in series.iter().enumerate() {
        let (style, marker) = theme.series(n);
        let sym = match marker {
            Marker::Dot => "•",
            Marker::Block => "█",
            Marker::Bar => "▄",
            _ if theme.color => "━",
            _ => "⣿",
        };
        let need = name.chars().count() + 3;
        if used > 0 && used + need > width {
            out.push(Line::from(std::mem::take(&mut line)));
            used = 0;
        }
        line.push(Span::styled(format!("{sym} "), style));
        line.push(Span::raw(format!("{name} ")));
        used += need;
    }
    if !line.is_empty() {
        out.push(Line::from(line));
    }
    out
}

impl Widget for LineChart {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // The legend's first line sits in the bottom border; what does not
        // fit there takes rows inside, so no name is ever cut.
        let mut key = legend(
            &self.series,
            self.theme,
            usize::from(area.width.saturating_sub(2)),
        );
        let mut block = panel(self.title.clone(), self.theme, false);
        if !key.is_empty() {
            block = block.title_bottom(key.remove(0));
        }
        let inner = block.inner(area);
        block.render(area, buf);
        let key_h = u16::try_from(key.len())
            .unwrap_or(u16::MAX)
            .min(inner.height / 2);
        let [plot, key_area] = ratatui::layout::Layout::vertical([
            ratatui::layout::Constraint::Min(0),
            ratatui::layout::Constraint::Length(key_h),
        ])
        .areas(inner);
        super::widgets::lines(key_area, buf, key);
        let points: Vec<Vec<(f64, f64)>> = self
            .series
            .iter()
            .map(|(_, v)| {
                v.iter()
                    .enumerate()
                    .filter(|(_, y)| y.is_finite())
                    .map(|(x, y)| (x as f64, *y))
                    .collect()
            })
            .collect();
        let (mut lo, mut hi) = points
            .iter()
            .flatten()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (_, y)| {
                (lo.min(*y), hi.max(*y))
            });
        if !lo.is_finite() || !hi.is_finite() {
            (lo, hi) = (0.0, 1.0);
        }
        let pad = ((hi - lo) * 0.08).max(0.5);
        // Figures that cannot be negative never get a negative axis.
        let floor = if lo >= 0.0 { 0.0 } else { f64::NEG_INFINITY };
        let (lo, hi) = ((lo - pad).max(floor), hi + pad);
        let datasets: Vec<Dataset> = self
            .series
            .iter()
            .zip(&points)
            .enumerate()
            .map(|(n, ((name, _), data))| {
                let (style, marker) = self.theme.series(n);
                Dataset::default()
                    .name(name.clone())
                    .marker(marker)
                    .graph_type(GraphType::Line)
                    .style(style)
                    .data(data)
            })
            .collect();
        let x_max = self.quarters.max(1) as f64;
        let chart = Chart::new(datasets)
            .x_axis(
                Axis::default()
                    .bounds([0.0, x_max])
                    .labels(vec![
                        Line::from("Q0"),
                        Line::from(format!("Q{}", self.quarters.max(1))),
                    ])
                    .style(self.theme.dim()),
            )
            .y_axis(
                Axis::default()
                    .bounds([lo, hi])
                    .labels(vec![Line::from(whole(lo)), Line::from(whole(hi))])
                    .style(self.theme.dim()),
            )
            .legend_position(None);
        chart.render(plot, buf);
    }
}

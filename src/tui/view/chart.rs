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

impl Widget for LineChart {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut legend = Vec::new();
        for (n, (name, _)) in self.series.iter().enumerate() {
            let (style, marker) = self.theme.series(n);
            let sym = match marker {
                Marker::Dot => "•",
                Marker::Block => "█",
                Marker::HalfBlock => "▀",
                Marker::Bar => "▄",
                _ if self.theme.color => "━",
                _ => "⣿",
            };
            legend.push(Span::styled(format!(" {sym}"), style));
            legend.push(Span::raw(format!("{name} ")));
        }
        let block = panel(self.title.clone(), self.theme, false).title_bottom(Line::from(legend));
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
        let (lo, hi) = (lo - pad, hi + pad);
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
            .block(block)
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
        chart.render(area, buf);
    }
}

//! Line charts as inline SVG: every quarter on the x axis, one line per
//! series — faint for the class, bold for the player, coloured and dashed
//! for the benchmarks — with marked quarters (e.g. break-even). No script,
//! no fonts to fetch; text is HTML-escaped.

use super::escape::html;
use std::fmt::Write;

/// How a line is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    /// One of many (a class's players): thin and grey, not in the legend.
    Faint,
    /// The line the chart is about.
    Main,
    /// A benchmark, by its position (do nothing, balanced, best found…).
    Bench(usize),
}

/// One line: `values[0]` is the start, `values[q]` the figure after quarter
/// `q`; NaN leaves a gap.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
    pub look: Look,
}

/// A chart of series over quarters.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub title: String,
    pub series: Vec<Series>,
    /// Quarters to mark with a vertical line and a label.
    pub marks: Vec<(u32, String)>,
}

const W: f64 = 640.0;
const H: f64 = 264.0;
const LEFT: f64 = 58.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 26.0;
const PLOT_H: f64 = 170.0;
const BENCH: [(&str, &str); 4] = [
    ("#b3361b", "6 4"),
    ("#1b7f3b", "none"),
    ("#7a3fb8", "2 3"),
    ("#b07d00", "8 3 2 3"),
];

/// The colour and dash pattern of a benchmark line.
pub fn bench_style(i: usize) -> (&'static str, &'static str) {
    BENCH[i % BENCH.len()]
}

/// Round tick values covering `lo..=hi` (about four of them).
fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let span = (hi - lo).max(1e-9);
    let raw = span / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let mut t = (lo / step).ceil() * step;
    let mut out = Vec::new();
    while t <= hi + step * 1e-9 && out.len() < 12 {
        out.push(if t.abs() < step * 1e-9 { 0.0 } else { t });
        t += step;
    }
    out
}

fn number(v: f64) -> String {
    if v.abs() >= 10_000.0 {
        format!("{:.0}k", v / 1000.0)
    } else if v.abs() >= 10.0 || v == v.trunc() {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// The chart as an `<svg>` element that scales to its container.
pub fn render(chart: &Chart) -> String {
    let finite = chart
        .series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .filter(|v| v.is_finite());
    let (mut lo, mut hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if !lo.is_finite() {
        (lo, hi) = (0.0, 1.0);
    }
    if hi - lo < 1e-9 {
        (lo, hi) = (lo - 1.0, hi + 1.0);
    }
    let pad = (hi - lo) * 0.05;
    let (lo, hi) = (lo - pad, hi + pad);
    let quarters = chart
        .series
        .iter()
        .map(|s| s.values.len().saturating_sub(1))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let plot_w = W - LEFT - RIGHT;
    let x = |q: f64| LEFT + q / quarters * plot_w;
    let y = |v: f64| TOP + (hi - v) / (hi - lo) * PLOT_H;
    let title = html(&chart.title);
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" role="img" aria-label="{title}" class="chart"><title>{title}</title><rect x="0" y="0" width="{W}" height="{H}" fill="#fff"/><text x="{LEFT}" y="16" font-size="15" font-weight="bold" fill="#222">{title}</text>"##
    );
    for t in ticks(lo, hi) {
        let ty = y(t);
        let _ = write!(
            s,
            r##"<line x1="{LEFT}" y1="{ty:.1}" x2="{:.1}" y2="{ty:.1}" stroke="#e3e3e3"/><text x="{:.1}" y="{:.1}" font-size="12" text-anchor="end" fill="#555">{}</text>"##,
            W - RIGHT,
            LEFT - 4.0,
            ty + 3.5,
            number(t)
        );
    }
    let base = TOP + PLOT_H;
    let step = if quarters > 12.0 { 4 } else { 1 };
    for q in (0..=quarters as usize).step_by(step) {
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{:.1}" font-size="12" text-anchor="middle" fill="#555">Q{q}</text>"##,
            x(q as f64),
            base + 13.0
        );
    }
    let _ = write!(
        s,
        r##"<line x1="{LEFT}" y1="{base}" x2="{:.1}" y2="{base}" stroke="#999"/>"##,
        W - RIGHT
    );
    for (q, label) in &chart.marks {
        let mx = x(f64::from(*q));
        let _ = write!(
            s,
            r##"<line x1="{mx:.1}" y1="{TOP}" x2="{mx:.1}" y2="{base}" stroke="#333" stroke-dasharray="3 3"/><text x="{:.1}" y="{:.1}" font-size="12" fill="#333">{}</text>"##,
            mx + 3.0,
            TOP + 10.0,
            html(label)
        );
    }
    // Faint lines first, so the highlighted ones are drawn on top.
    let mut order: Vec<&Series> = chart.series.iter().collect();
    order.sort_by_key(|s| match s.look {
        Look::Faint => 0,
        Look::Bench(_) => 1,
        Look::Main => 2,
    });
    for series in order {
        let (colour, dash, width, opacity) = match series.look {
            Look::Faint => ("#8a96a3", "none", 1.0, 0.45),
            Look::Main => ("#1d4f91", "none", 3.0, 1.0),
            Look::Bench(i) => {
                let (c, d) = bench_style(i);
                (c, d, 2.2, 1.0)
            }
        };
        for run in runs(&series.values) {
            let points: Vec<String> = run
                .iter()
                .map(|(q, v)| format!("{:.1},{:.1}", x(*q as f64), y(*v)))
                .collect();
            let _ = write!(
                s,
                r#"<polyline fill="none" stroke="{colour}" stroke-width="{width}" stroke-opacity="{opacity}" stroke-dasharray="{dash}" points="{}"><title>{}</title></polyline>"#,
                points.join(" "),
                html(&series.name)
            );
        }
    }
    legend(chart, &mut s);
    s.push_str("</svg>");
    s
}

/// Consecutive finite points of a series, as (quarter, value) runs.
fn runs(values: &[f64]) -> Vec<Vec<(usize, f64)>> {
    let mut out: Vec<Vec<(usize, f64)>> = vec![Vec::new()];
    for (q, v) in values.iter().enumerate() {
        if v.is_finite() {
            if let Some(last) = out.last_mut() {
                last.push((q, *v));
            }
        } else if out.last().is_some_and(|r| !r.is_empty()) {
            out.push(Vec::new());
        }
    }
    out.retain(|r| !r.is_empty());
    out
}

fn legend(chart: &Chart, s: &mut String) {
    let mut lx = LEFT;
    let mut ly = H - 30.0;
    let faint = chart
        .series
        .iter()
        .filter(|x| x.look == Look::Faint)
        .count();
    let mut items: Vec<(String, &str, &str, f64)> = Vec::new();
    if faint > 0 {
        items.push((format!("each player ({faint})"), "#8a96a3", "none", 1.0));
    }
    for series in &chart.series {
        match series.look {
            Look::Main => items.push((series.name.clone(), "#1d4f91", "none", 3.0)),
            Look::Bench(i) => {
                let (c, d) = bench_style(i);
                items.push((series.name.clone(), c, d, 2.2));
            }
            Look::Faint => {}
        }
    }
    for (name, colour, dash, width) in items {
        let label: String = name.chars().take(24).collect();
        let wide = 40.0 + 6.8 * label.chars().count() as f64;
        // A second row when the first is full (never a third).
        if lx + wide > W - RIGHT && lx > LEFT && ly < H - 20.0 {
            lx = LEFT;
            ly += 16.0;
        }
        let _ = write!(
            s,
            r##"<line x1="{lx:.1}" y1="{ly:.1}" x2="{:.1}" y2="{ly:.1}" stroke="{colour}" stroke-width="{width}" stroke-dasharray="{dash}"/><text x="{:.1}" y="{:.1}" font-size="12" fill="#222">{}</text>"##,
            lx + 22.0,
            lx + 26.0,
            ly + 4.0,
            html(&label)
        );
        lx += wide;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(ticks(0.0, 100.0), vec![0.0, 50.0, 100.0]);
        let t = ticks(-1234.0, 5678.0);
        assert!(t.len() >= 3 && t.iter().all(|v| v % 1000.0 == 0.0), "{t:?}");
    }

    #[test]
    fn gaps_split_lines_and_names_are_escaped() {
        let chart = Chart {
            title: "<b>t</b>".into(),
            series: vec![Series {
                name: "<script>".into(),
                values: vec![1.0, f64::NAN, 2.0, 3.0],
                look: Look::Main,
            }],
            marks: vec![(2, "break-even".into())],
        };
        let svg = render(&chart);
        assert_eq!(svg.matches("<polyline").count(), 2);
        assert!(!svg.contains("<script>") && !svg.contains("<b>"));
        assert!(svg.contains("&lt;script&gt;"));
        let empty = render(&Chart {
            title: String::new(),
            series: Vec::new(),
            marks: Vec::new(),
        });
        assert!(empty.ends_with("</svg>"));
    }
}

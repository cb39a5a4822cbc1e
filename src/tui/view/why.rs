//! The why overlay: the selected figure's causes for the last quarter and
//! the four before, one row per cause, and a sentence that says it in
//! plain words. Every column is rounded so that its rows add up to the
//! change (or, for a flow, the value) shown under them; ↑↓ select a cause
//! and `?` says what it means.

use super::widgets::{lines, panel, popup, wrap};
use crate::analysis::explain::{WhyTable, why_table};
use crate::analysis::metric::{Metric, Why};
use crate::tui::app::Session;
use crate::tui::format::{fit, one, round_parts, rounded, shown_change, signed, whole};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The why overlay of the session's selected figure.
pub struct WhyView<'a> {
    pub session: &'a Session,
    pub theme: Theme,
    /// Drawn inside the history browser, where ←→ move the quarter and ↑↓
    /// the figure: the title says so.
    pub past: bool,
}

const COL: usize = 9;
/// The least width of the causes' names before quarters are dropped.
const LABEL_MIN: usize = 24;

/// Decimals of the why table: money in whole units, the rest to one.
fn decimals(m: Metric) -> usize {
    match m {
        Metric::Revenue | Metric::Profit | Metric::Cash => 0,
        _ => 1,
    }
}

/// Whether the table's columns are the figure's parts (flows, the score)
/// rather than the causes of its change.
fn parts(m: Metric) -> bool {
    matches!(m.why(), Why::Parts { .. } | Why::Score)
}

fn note(m: Metric) -> &'static str {
    match m.why() {
        Why::Follows(_) => text::WHY_FOLLOWS_NOTE,
        Why::Parts { income_only: true } => text::WHY_PARTS_NOTE,
        Why::Parts { income_only: false } => text::WHY_PROFIT_NOTE,
        Why::Score => text::WHY_SCORE_NOTE,
        Why::Change(_) if m.measured() => text::WHY_SURVEY_NOTE,
        Why::Change(_) => text::WHY_CHANGE_NOTE,
    }
}

/// The table as shown: each column's rows rounded to add up to its shown
/// total, the smallest rows folded into "everything else" when there are
/// more than `room` (keeping row `keep` in view).
#[derive(Clone, Debug, PartialEq)]
pub struct ShownTable {
    pub rows: Vec<(String, Vec<f64>)>,
    pub totals: Vec<f64>,
    /// The index into `rows` of the selected cause, if it is shown.
    pub selected: Option<usize>,
}

/// Rounds and folds a why table for display (see [`ShownTable`]).
pub fn shown(t: &WhyTable, series: &[f64], first: usize, room: usize, keep: usize) -> ShownTable {
    let m = t.metric;
    let d = decimals(m);
    let cols = t.quarters.len();
    let mut rows = t.rows.clone();
    let mut selected = Some(keep.min(rows.len().saturating_sub(1)));
    if rows.len() > room {
        let keep_n = room.saturating_sub(1).max(1);
        let start = keep.saturating_sub(keep_n - 1).min(rows.len() - keep_n);
        let mut other = vec![0.0; cols];
        let mut kept = Vec::new();
        for (i, (label, v)) in rows.into_iter().enumerate() {
            if i >= start && i < start + keep_n {
                kept.push((label, v));
            } else {
                for (o, x) in other.iter_mut().zip(v) {
                    *o += x;
                }
            }
        }
        selected = keep.checked_sub(start).filter(|k| *k < keep_n);
        kept.push((text::WHY_OTHER.to_string(), other));
        rows = kept;
    }
    let mut totals = Vec::with_capacity(cols);
    for c in 0..cols {
        let after = series.get(first + c + 1).copied().unwrap_or(0.0);
        let before = series.get(first + c).copied().unwrap_or(0.0);
        let total = if parts(m) {
            rounded(after, d)
        } else {
            shown_change(before, after, d)
        };
        let column: Vec<f64> = rows
            .iter()
            .map(|(_, v)| v.get(c).copied().unwrap_or(0.0))
            .collect();
        for (row, v) in rows.iter_mut().zip(round_parts(&column, total, d)) {
            if let Some(cell) = row.1.get_mut(c) {
                *cell = v;
            }
        }
        totals.push(total);
    }
    ShownTable {
        rows,
        totals,
        selected,
    }
}

/// One sentence: what moved the figure most in the latest quarter, in
/// the figures the table shows (`shown`: the table rounded, unfolded).
pub fn summary(t: &WhyTable, shown: &ShownTable) -> Option<String> {
    let q = *t.quarters.last()?;
    let d = decimals(t.metric);
    let col = t.quarters.len() - 1;
    let total = shown.totals.last().copied().unwrap_or(0.0);
    let mut parts_now: Vec<(&str, f64)> = shown
        .rows
        .iter()
        .filter_map(|(l, v)| v.get(col).map(|x| (l.as_str(), *x)))
        .collect();
    parts_now.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    let main: Vec<String> = parts_now
        .iter()
        .take(2)
        .map(|(l, v)| format!("{l} ({})", signed(*v, d)))
        .collect();
    let moved = if total < 0.0 {
        text::WHY_FELL
    } else {
        text::WHY_ROSE
    };
    let what = t.metric.name().to_lowercase();
    let (verb, amount) = if parts(t.metric) {
        (
            text::WHY_WAS,
            signed(total, d).trim_start_matches('+').to_string(),
        )
    } else {
        (
            moved,
            signed(total.abs(), d).trim_start_matches('+').to_string(),
        )
    };
    Some(text::why_sentence(
        q,
        &what,
        verb,
        &amount,
        &main.join(" and "),
    ))
}

impl WhyView<'_> {
    /// The overlay's lines at this width, with at most `height` lines
    /// (the smallest causes folded into "everything else").
    pub fn content(&self, w: usize, height: usize) -> Vec<Line<'static>> {
        let (s, theme) = (self.session, self.theme);
        let m = s.metric;
        let h = s.game.history();
        let rules = s.game.rules();
        // As many quarters as leave the causes' names room to be read.
        let span = (w.saturating_sub(LABEL_MIN) / COL).clamp(1, text::WHY_SPAN);
        let table = why_table(m, rules, h, h.len().saturating_sub(1), span);
        if table.quarters.is_empty() {
            return wrap(text::WHY_NONE, w)
                .into_iter()
                .map(Line::from)
                .collect();
        }
        let cols = table.quarters.len();
        let first = h.len() - cols;
        let series = m.series(rules, h);
        let d = decimals(m);
        // Room for the cause rows: everything but the fixed lines.
        let probe = shown(&table, &series, first, usize::MAX, s.why_row);
        let said = wrap(&summary(&table, &probe).unwrap_or_default(), w);
        let room = height.saturating_sub(said.len() + 5).max(1);
        let view = shown(&table, &series, first, room, s.why_row);
        let label_w = w.saturating_sub(COL * cols).max(4);
        let mut out: Vec<Line<'static>> = Vec::new();
        let head = Line::styled(
            format!(
                "{:<label_w$}{}",
                "",
                table
                    .quarters
                    .iter()
                    .map(|q| format!("{:>COL$}", format!("Q{q}")))
                    .collect::<String>()
            ),
            theme.title(),
        );
        let latest = Style::new().add_modifier(Modifier::BOLD);
        let cells = |v: &[f64], style: &dyn Fn(f64) -> Style| -> Vec<Span<'static>> {
            v.iter()
                .enumerate()
                .map(|(i, x)| {
                    let st = style(*x);
                    let st = if i + 1 == cols { st.patch(latest) } else { st };
                    Span::styled(format!("{:>COL$}", signed(*x, d)), st)
                })
                .collect()
        };
        out.extend(said.into_iter().map(Line::from));
        out.push(Line::styled(fit(note(m), w), theme.dim()));
        out.push(head);
        for (i, (label, v)) in view.rows.iter().enumerate() {
            let here = view.selected == Some(i);
            let mark = if here { "▸" } else { " " };
            let name = fit(label, label_w.saturating_sub(2));
            let style = if here { theme.selected() } else { Style::new() };
            let mut spans = vec![Span::styled(
                format!("{mark}{name:<width$}", width = label_w - 1),
                style,
            )];
            spans.extend(cells(v, &|x| theme.change(x, m.higher_is_better())));
            out.push(Line::from(spans));
        }
        let total_label = if parts(m) {
            text::WHY_TOTAL_FLOW
        } else {
            text::WHY_CHANGE
        };
        let mut spans = vec![Span::styled(
            format!(" {total_label:<width$}", width = label_w - 1),
            theme.title(),
        )];
        spans.extend(cells(&view.totals, &|_| theme.title()));
        out.push(Line::from(spans));
        let mut spans = vec![Span::styled(
            format!(" {:<width$}", text::WHY_VALUE, width = label_w - 1),
            theme.dim(),
        )];
        spans.extend(table.values.iter().map(|x| {
            let v = if m.decimals() == 1 {
                one(*x)
            } else {
                whole(*x)
            };
            Span::styled(format!("{v:>COL$}"), theme.dim())
        }));
        out.push(Line::from(spans));
        out
    }

    /// The panel's title.
    pub fn title(&self) -> String {
        let keys = if self.past {
            text::WHY_KEYS_PAST
        } else {
            text::WHY_KEYS
        };
        format!("{} {} · {keys}", text::WHY, self.session.metric.name())
    }
}

impl Widget for WhyView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = (12 + 30 + COL * text::WHY_SPAN) as u16;
        let w = usize::from(width.min(area.width).saturating_sub(2));
        let content = self.content(w, usize::from(area.height.saturating_sub(2)));
        let need = u16::try_from(content.len() + 2).unwrap_or(u16::MAX);
        let r = popup(area, width, need, buf);
        let block = panel(self.title(), self.theme, true);
        let inner = block.inner(r);
        block.render(r, buf);
        lines(inner, buf, content);
    }
}

/// The cause rows of the why view of the session's figure, in the order
/// shown (what `?` explains, selected with ↑↓).
pub fn why_causes(s: &Session) -> Vec<String> {
    let h = s.game.history();
    why_table(
        s.metric,
        s.game.rules(),
        h,
        h.len().saturating_sub(1),
        text::WHY_SPAN,
    )
    .rows
    .into_iter()
    .map(|(label, _)| label)
    .collect()
}

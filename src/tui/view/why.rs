//! The why overlay: the selected figure's ledger terms for the last
//! quarter and the four before, one row per cause, and a sentence that
//! says it in plain words.

use super::widgets::{lines, panel, popup, wrap};
use crate::analysis::explain::{WhyTable, why_table};
use crate::analysis::metric::{Metric, Why};
use crate::tui::app::Session;
use crate::tui::format::{fit, one, signed, whole};
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
}

const COL: usize = 9;

fn decimals(m: Metric) -> usize {
    match m {
        Metric::Revenue | Metric::Profit | Metric::Cash => 0,
        _ => 1,
    }
}

fn note(m: Metric) -> &'static str {
    match m.why() {
        Why::Follows(_) => text::WHY_FOLLOWS_NOTE,
        Why::Parts { income_only: true } => text::WHY_PARTS_NOTE,
        Why::Parts { income_only: false } => text::WHY_PROFIT_NOTE,
        Why::Change(_) if m.measured() => text::WHY_SURVEY_NOTE,
        Why::Change(_) => text::WHY_CHANGE_NOTE,
    }
}

/// One sentence: what moved the figure most in the latest quarter.
pub fn summary(t: &WhyTable) -> Option<String> {
    let q = *t.quarters.last()?;
    let d = decimals(t.metric);
    let col = t.quarters.len() - 1;
    let mut parts: Vec<(&str, f64)> = t
        .rows
        .iter()
        .filter_map(|(l, v)| v.get(col).map(|x| (l.as_str(), *x)))
        .collect();
    parts.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    let total = t.totals.get(col).copied().unwrap_or(0.0);
    let main: Vec<String> = parts
        .iter()
        .take(2)
        .map(|(l, v)| format!("{l} ({})", signed(*v, d)))
        .collect();
    let moved = if total < 0.0 {
        text::WHY_FELL
    } else {
        text::WHY_ROSE
    };
    let (verb, what) = match t.metric.why() {
        Why::Parts { .. } => (text::WHY_WAS, t.metric.name().to_lowercase()),
        Why::Follows(s) => (moved, s.label().to_lowercase()),
        Why::Change(_) => (moved, t.metric.name().to_lowercase()),
    };
    let amount = if matches!(t.metric.why(), Why::Parts { .. }) {
        signed(total, d).trim_start_matches('+').to_string()
    } else {
        signed(total.abs(), d).trim_start_matches('+').to_string()
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
        let table = why_table(
            m,
            s.game.rules(),
            h,
            h.len().saturating_sub(1),
            text::WHY_SPAN,
        );
        if table.quarters.is_empty() {
            return wrap(text::WHY_NONE, w)
                .into_iter()
                .map(Line::from)
                .collect();
        }
        let said = wrap(&summary(&table).unwrap_or_default(), w);
        let d = decimals(m);
        let cols = table.quarters.len();
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
        // Room for the cause rows: everything but the fixed lines.
        let room = height.saturating_sub(said.len() + 5).max(1);
        let mut rows = table.rows.clone();
        if rows.len() > room {
            let rest = rows.split_off(room.saturating_sub(1));
            let mut other = vec![0.0; cols];
            for (_, v) in rest {
                for (o, x) in other.iter_mut().zip(v) {
                    *o += x;
                }
            }
            rows.push((text::WHY_OTHER.to_string(), other));
        }
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
        for (label, v) in &rows {
            let name = fit(label, label_w.saturating_sub(1));
            let mut spans = vec![Span::raw(format!("{name:<label_w$}"))];
            spans.extend(cells(v, &|x| theme.change(x, m.higher_is_better())));
            out.push(Line::from(spans));
        }
        let total_label = match m.why() {
            Why::Parts { .. } => text::WHY_TOTAL_FLOW,
            _ => text::WHY_CHANGE,
        };
        let mut spans = vec![Span::styled(
            format!("{total_label:<label_w$}"),
            theme.title(),
        )];
        spans.extend(cells(&table.totals, &|_| theme.title()));
        out.push(Line::from(spans));
        let mut spans = vec![Span::styled(
            format!("{:<label_w$}", text::WHY_VALUE),
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
        format!(
            "{} {} · ←→ other figures",
            text::WHY,
            self.session.metric.name()
        )
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

//! The decision panel: the four levers with their amounts, the budget left,
//! the payout to the owners and the cash after spending (live), the initiatives with cost and
//! cooldown, the dilemmas waiting for an answer, and what would stop the
//! quarter from being played.

use super::widgets::{lines, panel};
use crate::tui::app::{Lever, Row, Session};
use crate::tui::format::{fit, whole};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

/// The decision panel.
pub struct DecisionPanel<'a> {
    pub session: &'a Session,
    pub theme: Theme,
}

impl DecisionPanel<'_> {
    /// The height that shows everything (borders included).
    pub fn height(&self) -> u16 {
        let (rows, pinned) = self.content(40);
        let n = rows.len() + pinned.len() + 2;
        u16::try_from(n).unwrap_or(u16::MAX)
    }

    /// The panel's rows at this inner width (each with the index of the
    /// decision row it shows, if any), and the lines pinned below them.
    fn content(&self, width: usize) -> (Vec<(Line<'static>, Option<usize>)>, Vec<Line<'static>>) {
        let (s, theme) = (self.session, self.theme);
        let rules = s.game.rules();
        let state = s.game.state();
        let selected = s.row();
        let mut out: Vec<(Line<'static>, Option<usize>)> = Vec::new();
        let rows = s.rows();
        let index = |r: Row| rows.iter().position(|x| *x == r);
        let bar_w = width.saturating_sub(26).min(16);
        for (lever, (name, _)) in Lever::ALL.iter().zip(text::LEVERS) {
            let here = selected == Row::Lever(*lever);
            let amount = lever.get(&s.draft);
            let shown = match (&s.typing, here) {
                (Some(t), true) => format!("{t:>5}_"),
                _ => format!("{:>5} ", whole(amount)),
            };
            let filled = if rules.budget > 0.0 {
                ((amount / rules.budget) * bar_w as f64).round() as usize
            } else {
                0
            };
            let bar = format!(
                "{}{}",
                "█".repeat(filled.min(bar_w)),
                "·".repeat(bar_w.saturating_sub(filled))
            );
            let style = if here { theme.selected() } else { Style::new() };
            out.push((
                Line::from(vec![
                    Span::styled(format!("{name:<10}"), style),
                    Span::styled(format!(" ◂{shown}▸ "), style),
                    Span::styled(bar, theme.title()),
                ]),
                index(Row::Lever(*lever)),
            ));
        }
        let spent = s.spending();
        let left = rules.budget - s.draft.lever_total();
        let cash_after = state.stocks.get(crate::sim::Stock::Cash) - spent - s.draft.payout;
        out.push((
            Line::from(vec![
                Span::styled(format!("{} ", text::BUDGET_LEFT), theme.dim()),
                Span::styled(whole(left), theme.change(left, true).patch(theme.title())),
                Span::styled(format!(" of {}", whole(rules.budget)), theme.dim()),
            ]),
            None,
        ));
        // The payout: outside the budget, so below its line.
        let here = selected == Row::Payout;
        let shown = match (&s.typing, here) {
            (Some(t), true) => format!("{t:>5}_"),
            _ => format!("{:>5} ", whole(s.draft.payout)),
        };
        let style = if here { theme.selected() } else { Style::new() };
        let last = state.last_payout;
        out.push((
            Line::from(vec![
                Span::styled(format!("{:<10}", text::PAYOUT), style),
                Span::styled(format!(" ◂{shown}▸ "), style),
                Span::styled(
                    if last > 0.0 && width >= 34 {
                        format!("last {}", whole(last))
                    } else {
                        String::new()
                    },
                    theme.dim(),
                ),
            ]),
            index(Row::Payout),
        ));
        let below = cash_after < rules.credit_line;
        out.push((
            Line::from(vec![
                Span::styled(
                    format!(
                        "{} ",
                        if s.draft.payout > 0.0 {
                            text::CASH_AFTER_PAYOUT
                        } else {
                            text::CASH_AFTER
                        }
                    ),
                    theme.dim(),
                ),
                Span::styled(
                    whole(cash_after),
                    if below { theme.bad() } else { theme.title() },
                ),
                Span::styled(
                    if width >= 46 {
                        format!(" (floor {})", whole(rules.credit_line))
                    } else {
                        String::new()
                    },
                    theme.dim(),
                ),
            ]),
            None,
        ));
        // The change load these decisions put on people, against what they
        // can absorb: spending the whole budget is doing too much at once,
        // and this says so before the quarter is played.
        let (load, capacity) = crate::sim::change_load(rules, state, &s.draft);
        let over = load > capacity + 1e-9;
        out.push((
            Line::from(vec![
                Span::styled(format!("{} ", text::LOAD), theme.dim()),
                Span::styled(
                    format!("{load:.2}"),
                    if over { theme.bad() } else { theme.title() },
                ),
                Span::styled(format!(" {} {capacity:.2}", text::ABSORBS), theme.dim()),
                Span::styled(
                    if over && width >= 38 {
                        text::LOAD_OVER
                    } else {
                        ""
                    },
                    theme.bad(),
                ),
            ]),
            None,
        ));
        if !rules.initiatives.is_empty() {
            out.push((Line::styled(text::INITIATIVES, theme.dim()), None));
        }
        for (i, def) in rules.initiatives.iter().enumerate() {
            let here = selected == Row::Initiative(i);
            let on = s.draft.initiatives.contains(&def.id);
            let wait = state.cooldowns.get(i).copied().unwrap_or(0);
            let tail = if wait > 0 {
                text::cooldown(wait)
            } else {
                format!("{} {}", text::COST, whole(def.cost))
            };
            let head = format!("[{}] ", if on { "x" } else { " " });
            let name_w = width.saturating_sub(head.len() + tail.chars().count() + 1);
            let style = match (here, wait > 0) {
                (true, _) => theme.selected(),
                (false, true) => theme.dim(),
                (false, false) => Style::new(),
            };
            out.push((
                Line::from(vec![
                    Span::styled(head, style),
                    Span::styled(format!("{:<name_w$} ", fit(&def.title, name_w)), style),
                    Span::styled(tail, theme.dim()),
                ]),
                index(Row::Initiative(i)),
            ));
        }
        if !state.pending.is_empty() {
            let heading = if s.unanswered().is_empty() {
                text::ANSWERED
            } else {
                text::DILEMMAS
            };
            out.push((Line::styled(heading, theme.dim()), None));
        }
        for d in &state.pending {
            let Some(def) = rules.dilemmas.get(usize::from(*d)) else {
                continue;
            };
            let here = selected == Row::Dilemma(*d);
            let answer = s
                .draft
                .answers
                .get(&def.id)
                .and_then(|a| def.choices.iter().find(|c| &c.id == a));
            let (mark, tail) = match answer {
                Some(c) => ("✓ ", c.label.clone()),
                None => ("! ", text::UNANSWERED.to_string()),
            };
            let style = if here { theme.selected() } else { Style::new() };
            let body = fit(&format!("{}: {tail}", def.title), width.saturating_sub(2));
            out.push((
                Line::from(vec![
                    Span::styled(
                        mark,
                        if answer.is_some() {
                            theme.good()
                        } else {
                            theme.warn()
                        },
                    ),
                    Span::styled(body, style),
                ]),
                index(Row::Dilemma(*d)),
            ));
        }
        // The selected row's explanation and what blocks the quarter stay
        // at the bottom of the panel while the rows above scroll.
        let mut pinned = Vec::new();
        let hint = match selected {
            Row::Lever(l) => Lever::ALL
                .iter()
                .zip(text::LEVERS)
                .find(|(x, _)| **x == l)
                .map(|(_, (_, what))| what.to_string()),
            Row::Initiative(i) => rules.initiatives.get(i).map(|d| d.text.clone()),
            Row::Dilemma(d) => rules.dilemmas.get(usize::from(d)).map(|d| d.text.clone()),
            Row::Payout => Some(text::PAYOUT_HINT.to_string()),
        };
        if let Some(h) = hint.filter(|h| !h.is_empty()) {
            let mut wrapped = super::widgets::wrap(&h, width.saturating_sub(2));
            // Initiatives and dilemmas have more to say than fits here:
            // `i` opens all of it (see `DetailView`).
            let detail = !matches!(selected, Row::Lever(_) | Row::Payout);
            if detail {
                let cut = wrapped.len() > 2;
                wrapped.truncate(2);
                let more = format!("({})", text::DETAIL_MORE);
                if let Some(last) = wrapped.last_mut() {
                    let room = width.saturating_sub(2 + more.chars().count() + 1);
                    let said = if cut && last.chars().count() + 2 <= room {
                        format!("{last} …")
                    } else {
                        fit(last, room)
                    };
                    *last = format!("{said} {more}");
                }
            }
            for l in wrapped {
                pinned.push(Line::styled(format!("› {l}"), theme.dim()));
            }
        }
        if let Err(e) = s.draft.cash_check(rules, state) {
            for l in super::widgets::wrap(&e.to_string(), width) {
                pinned.push(Line::styled(l, theme.warn()));
            }
        }
        (out, pinned)
    }
}

impl DecisionPanel<'_> {
    /// The rows drawn in `area` (the panel with its border): the area of
    /// the scrolling rows, how many are scrolled off, the rows and the
    /// pinned lines.
    #[allow(clippy::type_complexity)]
    fn laid_out(
        &self,
        area: Rect,
    ) -> (
        Rect,
        Rect,
        usize,
        Vec<(Line<'static>, Option<usize>)>,
        Vec<Line<'static>>,
    ) {
        let inner = Block::bordered().inner(area);
        let (content, pinned) = self.content(usize::from(inner.width));
        // The pinned lines take at most half the panel.
        let low = u16::try_from(pinned.len())
            .unwrap_or(u16::MAX)
            .min(inner.height / 2);
        let [top, bottom] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(low)]).areas(inner);
        // Keep the cursor's line in view when the panel is short.
        let cursor = self.session.cursor;
        let at = content
            .iter()
            .position(|(_, i)| *i == Some(cursor))
            .unwrap_or(0);
        let skip = (at + 1).saturating_sub(usize::from(top.height));
        (top, bottom, skip, content, pinned)
    }

    /// The decision row at screen line `y`, if one is drawn there.
    pub fn row_at(&self, area: Rect, y: u16) -> Option<usize> {
        let (top, _, skip, content, _) = self.laid_out(area);
        if y < top.y || y >= top.bottom() {
            return None;
        }
        content
            .get(skip + usize::from(y - top.y))
            .and_then(|(_, i)| *i)
    }
}

impl Widget for DecisionPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let q = self.session.game.state().quarter + 1;
        let title = format!("{} · Q{q}", text::DECISIONS);
        let block = panel(title, self.theme, true);
        block.render(area, buf);
        let (top, bottom, skip, content, pinned) = self.laid_out(area);
        lines(bottom, buf, pinned);
        lines(
            top,
            buf,
            content.into_iter().skip(skip).map(|(l, _)| l).collect(),
        );
    }
}

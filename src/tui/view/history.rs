//! The history of past quarters, the branch question and the list of runs
//! to compare with. A past quarter is drawn by the screens that drew it
//! when it was played — the report, the why view, the news — from the
//! game replayed to that quarter, so every quarter reads as it did.

use super::widgets::{lines, panel, popup, wrap};
use super::{NewsView, ReportView, WhyView};
use crate::tui::app::{HistoryPage, Session};
use crate::tui::branch::past;
use crate::tui::saves::Continuable;
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

/// Quarter `quarter` of the session's game, on page `page`.
pub struct HistoryView<'a> {
    pub session: &'a Session,
    pub quarter: u32,
    pub page: HistoryPage,
    pub theme: Theme,
}

impl Widget for HistoryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        let [head, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        let played = self.session.game.history().len() as u32;
        let page = match self.page {
            HistoryPage::Report => 0,
            HistoryPage::Why => 1,
            HistoryPage::News => 2,
        };
        Line::styled(
            format!(" {}", text::history_title(self.quarter, played, page)),
            self.theme.key(),
        )
        .render(head, buf);
        let p = past(self.session, self.quarter);
        let theme = self.theme;
        ReportView {
            session: &p,
            theme,
            past: true,
        }
        .render(body, buf);
        match self.page {
            HistoryPage::Report => {}
            HistoryPage::Why => WhyView {
                session: &p,
                theme,
                past: true,
            }
            .render(body, buf),
            HistoryPage::News => NewsView { session: &p, theme }.render(body, buf),
        }
    }
}

/// Branch at quarter `at`? What it does, and y/n.
pub struct BranchAskView {
    pub at: u32,
    pub theme: Theme,
}

impl Widget for BranchAskView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = 64u16.min(area.width);
        let w = usize::from(width.saturating_sub(2));
        let mut out: Vec<Line> = wrap(&text::branch_question(self.at), w)
            .into_iter()
            .map(Line::from)
            .collect();
        out.push(Line::from(""));
        out.push(Line::styled(
            "y: branch here · n: back to the history",
            self.theme.key(),
        ));
        let height = u16::try_from(out.len() + 2).unwrap_or(u16::MAX);
        let r = popup(area, width, height, buf);
        let block = panel(text::BRANCH_TITLE, self.theme, true);
        let inner = block.inner(r);
        block.render(r, buf);
        lines(inner, buf, out);
    }
}

/// How the game differs from another run: where they part, the KPIs,
/// the score by term and the causes, scrolled.
pub struct DifferencesView<'a> {
    pub session: &'a Session,
    pub run: usize,
    pub scroll: u16,
    pub theme: Theme,
}

impl Widget for DifferencesView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = 80u16.min(area.width);
        let w = usize::from(width.saturating_sub(2));
        let all: Vec<String> = crate::tui::branch::differences(self.session, self.run)
            .iter()
            .flat_map(|l| {
                // Table rows keep their columns; prose wraps.
                if l.starts_with("  ") {
                    vec![l.chars().take(w).collect()]
                } else {
                    wrap(l, w)
                }
            })
            .collect();
        let room = usize::from(area.height.saturating_sub(2));
        let skip = usize::from(self.scroll).min(all.len().saturating_sub(room));
        let out: Vec<Line> = all
            .into_iter()
            .skip(skip)
            .take(room)
            .enumerate()
            .map(|(i, l)| {
                if i == 0 && skip == 0 {
                    Line::styled(l, self.theme.title())
                } else {
                    Line::from(l)
                }
            })
            .collect();
        let r = popup(area, width, area.height, buf);
        let block = panel(text::DIFFERENCES_TITLE, self.theme, true);
        let inner = block.inner(r);
        block.render(r, buf);
        lines(inner, buf, out);
    }
}

/// The runs of this scenario and seed in the saves folder, one selected.
pub struct VersusView<'a> {
    pub runs: &'a [Continuable],
    pub selected: usize,
    pub theme: Theme,
}

impl Widget for VersusView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = 76u16.min(area.width);
        let w = usize::from(width.saturating_sub(4));
        let room = usize::from(area.height.saturating_sub(2)).max(1);
        let first = self.selected.saturating_sub(room.saturating_sub(1));
        let out: Vec<Line> = self
            .runs
            .iter()
            .enumerate()
            .skip(first)
            .take(room)
            .map(|(i, c)| {
                let label: String = c.label.chars().take(w).collect();
                if i == self.selected {
                    Line::styled(format!("▸ {label}"), self.theme.selected())
                } else {
                    Line::from(format!("  {label}"))
                }
            })
            .collect();
        let height = u16::try_from(out.len() + 2).unwrap_or(u16::MAX);
        let r = popup(area, width, height, buf);
        let block = panel(text::VERSUS_TITLE, self.theme, true);
        let inner = block.inner(r);
        block.render(r, buf);
        lines(inner, buf, out);
    }
}

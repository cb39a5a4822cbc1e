//! The title screen: the scenarios (and saved games) to pick from, the
//! selected scenario's story, the seed and the player's name.

use super::widgets::{lines, panel, wrap};
use crate::tui::app::{Title, TitleField};
use crate::tui::format::fit;
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The title screen.
pub struct TitleView<'a> {
    pub title: &'a Title,
    pub theme: Theme,
}

/// What a click on the title screen hits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleHit {
    /// A row of the list (scenarios, then saved games).
    Row(usize),
    Field(TitleField),
}

/// The title screen's list, story and fields in `area`.
fn title_areas(t: &Title, area: Rect) -> [Rect; 3] {
    let section = |n: usize| if n > 0 { n + 2 } else { 0 };
    let list_rows = t.catalog.scenarios.len()
        + 2
        + section(t.continuable.len())
        + section(t.catalog.problems.len());
    // The list may take all but the fields and a few lines of the
    // story, so that saved games show at 80×24.
    let most = area.height.saturating_sub(3 + 5).max(area.height / 2);
    Layout::vertical([
        Constraint::Length(u16::try_from(list_rows).unwrap_or(u16::MAX).min(most)),
        Constraint::Min(0),
        Constraint::Length(3),
    ])
    .areas(area)
}

/// The list's line of each row (scenarios, then saved games).
fn row_lines(t: &Title) -> Vec<usize> {
    let n = t.catalog.scenarios.len();
    (0..n)
        .chain((0..t.continuable.len()).map(|k| n + 2 + k))
        .collect()
}

/// How many of the list's lines are scrolled off to keep the selected row
/// in view, in a list `h` lines high.
fn list_skip(t: &Title, h: usize) -> usize {
    let line = row_lines(t).get(t.selected).copied().unwrap_or(0);
    (line + 1).saturating_sub(h)
}

/// What is at screen cell (`x`, `y`) of the title screen drawn in `area`.
pub fn title_hit(t: &Title, area: Rect, x: u16, y: u16) -> Option<TitleHit> {
    let [list, _, fields] = title_areas(t, area);
    let pos = ratatui::layout::Position { x, y };
    if fields.contains(pos) {
        let [seed, _] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(fields);
        return Some(TitleHit::Field(if seed.contains(pos) {
            TitleField::Seed
        } else {
            TitleField::Player
        }));
    }
    let inner = ratatui::widgets::Block::bordered().inner(list);
    if !inner.contains(pos) {
        return None;
    }
    let line = usize::from(y - inner.y) + list_skip(t, usize::from(inner.height));
    row_lines(t)
        .iter()
        .position(|l| *l == line)
        .map(TitleHit::Row)
}

impl Widget for TitleView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (t, theme) = (self.title, self.theme);
        let [list, detail, fields] = title_areas(t, area);
        render_list(t, theme, list, buf);
        render_detail(t, theme, detail, buf);
        render_fields(t, theme, fields, buf);
    }
}

fn render_list(t: &Title, theme: Theme, area: Rect, buf: &mut Buffer) {
    let block = panel(text::TITLE_SCENARIOS, theme, t.field == TitleField::List);
    let inner = block.inner(area);
    let width = usize::from(inner.width);
    let mut out: Vec<Line> = Vec::new();
    let row_style = |i: usize| {
        if i == t.selected {
            theme.selected()
        } else {
            Style::new()
        }
    };
    for (i, s) in t.catalog.scenarios.iter().enumerate() {
        let marker = if i == t.selected { "▶ " } else { "  " };
        let head = format!(
            "{marker}{}  ({} {})  ",
            s.title,
            s.rules.quarters,
            text::TITLE_QUARTERS
        );
        let rest = fit(&s.summary, width.saturating_sub(head.chars().count()));
        out.push(Line::from(vec![
            Span::styled(head, row_style(i).patch(theme.title())),
            Span::styled(rest, row_style(i)),
        ]));
    }
    if !t.continuable.is_empty() {
        out.push(Line::from(""));
        out.push(Line::styled(text::TITLE_CONTINUE, theme.title()));
        let base = t.catalog.scenarios.len();
        for (k, c) in t.continuable.iter().enumerate() {
            let i = base + k;
            let marker = if i == t.selected { "▶ " } else { "  " };
            out.push(Line::styled(
                fit(&format!("{marker}{}", c.label), width),
                row_style(i),
            ));
        }
    }
    if !t.catalog.problems.is_empty() {
        out.push(Line::from(""));
        out.push(Line::styled(text::TITLE_PROBLEMS, theme.warn()));
        for p in &t.catalog.problems {
            out.push(Line::styled(fit(&format!("  {p}"), width), theme.dim()));
        }
    }
    // Keep the selected row in view.
    let h = usize::from(inner.height);
    let skip = list_skip(t, h);
    // Saved games below the fold must not go unnoticed at 80×24.
    let block = if out.len() > skip + h {
        block.title_bottom(Line::from(text::MORE_BELOW).right_aligned())
    } else {
        block
    };
    block.render(area, buf);
    lines(inner, buf, out.into_iter().skip(skip).collect());
}

fn render_detail(t: &Title, theme: Theme, area: Rect, buf: &mut Buffer) {
    let Some(s) = t.scenario() else {
        if let Some(c) = t.saved() {
            let block = panel(text::TITLE_CONTINUE, theme, false);
            let inner = block.inner(area);
            block.render(area, buf);
            lines(inner, buf, vec![Line::from(c.label.clone())]);
        }
        return;
    };
    let block = panel(s.title.clone(), theme, false);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);
    let mut out: Vec<Line> = Vec::new();
    for (n, para) in s.story.split("\n\n").enumerate() {
        if n > 0 {
            out.push(Line::from(""));
        }
        out.extend(wrap(para, width).into_iter().map(Line::from));
    }
    out.push(Line::from(""));
    out.push(Line::from(vec![
        Span::styled(format!("{}: ", text::GOAL), theme.title()),
        Span::raw(s.goal.clone()),
    ]));
    lines(inner, buf, out);
}

fn render_fields(t: &Title, theme: Theme, area: Rect, buf: &mut Buffer) {
    let [seed, player] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area);
    let seed_block = panel(text::TITLE_SEED, theme, t.field == TitleField::Seed);
    let inner = seed_block.inner(seed);
    seed_block.render(seed, buf);
    let value = if t.saved().is_some() {
        Line::from("")
    } else if t.seed_locked() {
        Line::from(vec![
            Span::raw(format!("{} ", t.scenario().map_or(0, |s| s.seed))),
            Span::styled(text::TITLE_SEED_LOCKED, theme.dim()),
        ])
    } else {
        field(&t.seed, t.field == TitleField::Seed, theme)
    };
    value.render(inner, buf);
    let player_block = panel(text::TITLE_PLAYER, theme, t.field == TitleField::Player);
    let inner = player_block.inner(player);
    player_block.render(player, buf);
    field(&t.player, t.field == TitleField::Player, theme).render(inner, buf);
}

/// A text field; the focused one shows a cursor.
fn field(value: &str, focused: bool, theme: Theme) -> Line<'static> {
    if focused {
        Line::from(vec![
            Span::raw(value.to_string()),
            Span::styled("_", theme.key()),
        ])
    } else {
        Line::from(value.to_string())
    }
}

//! Windows that show a whole text: the name prompt, an initiative's or a
//! dilemma's full description (scrolled when taller than the screen), and
//! what a cause of the why view means.

use super::widgets::{lines, panel, popup, wrap};
use crate::tui::app::{Row, Session};
use crate::tui::format::{one, whole};
use crate::tui::glossary;
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws `out` in a centred window titled `title`, scrolled by `scroll`,
/// saying when there is more above or below.
fn window(
    area: Rect,
    buf: &mut Buffer,
    title: String,
    out: Vec<Line<'static>>,
    scroll: u16,
    theme: Theme,
) {
    let width = 76u16.min(area.width);
    let height = u16::try_from(out.len() + 2).unwrap_or(u16::MAX);
    let r = popup(area, width, height, buf);
    let room = usize::from(r.height.saturating_sub(2));
    let most = out.len().saturating_sub(room);
    let skip = usize::from(scroll).min(most);
    let mut block = panel(title, theme, true);
    if most > 0 {
        let more = if skip < most {
            text::MORE_BELOW
        } else {
            text::AT_END
        };
        block = block.title_bottom(Line::styled(more, theme.key()).right_aligned());
    }
    let inner = block.inner(r);
    block.render(r, buf);
    lines(inner, buf, out.into_iter().skip(skip).collect());
}

fn para(out: &mut Vec<Line<'static>>, body: &str, w: usize, style: Style) {
    out.extend(wrap(body, w).into_iter().map(|l| Line::styled(l, style)));
}

/// The name prompt before play.
pub struct NameView<'a> {
    pub name: &'a str,
    pub theme: Theme,
}

impl Widget for NameView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let w = usize::from(60u16.min(area.width).saturating_sub(2));
        let mut out = Vec::new();
        para(&mut out, text::NAME_ASK, w, Style::new());
        out.push(Line::from(""));
        out.push(Line::from(vec![
            Span::styled(format!("{}: ", text::TITLE_PLAYER), self.theme.title()),
            Span::raw(self.name.to_string()),
            Span::styled("_", self.theme.key()),
        ]));
        let width = 60u16.min(area.width);
        let height = u16::try_from(out.len() + 2).unwrap_or(u16::MAX);
        let r = popup(area, width, height, buf);
        let block = panel(text::NAME_TITLE, self.theme, true);
        let inner = block.inner(r);
        block.render(r, buf);
        lines(inner, buf, out);
    }
}

/// Everything about the selected initiative or dilemma (`i`).
pub struct DetailView<'a> {
    pub session: &'a Session,
    pub scroll: u16,
    pub theme: Theme,
}

impl Widget for DetailView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, theme) = (self.session, self.theme);
        let rules = s.game.rules();
        let w = usize::from(76u16.min(area.width).saturating_sub(2));
        let mut out = Vec::new();
        let title = match s.row() {
            Row::Initiative(i) => {
                let Some(def) = rules.initiatives.get(i) else {
                    return;
                };
                para(&mut out, &def.text, w, Style::new());
                out.push(Line::from(""));
                let facts = format!(
                    "{} {} · {} {} {} · {} {}",
                    text::DETAIL_COST,
                    whole(def.cost),
                    text::DETAIL_COOLDOWN,
                    def.cooldown,
                    text::TITLE_QUARTERS,
                    text::DETAIL_LOAD,
                    one(def.load),
                );
                para(&mut out, &facts, w, theme.dim());
                def.title.clone()
            }
            Row::Dilemma(d) => {
                let Some(def) = rules.dilemmas.get(usize::from(d)) else {
                    return;
                };
                para(&mut out, &def.text, w, Style::new());
                for (i, c) in def.choices.iter().enumerate() {
                    out.push(Line::from(""));
                    let cost = if c.cost != 0.0 {
                        format!(" ({} {})", text::COST, whole(c.cost))
                    } else {
                        String::new()
                    };
                    para(
                        &mut out,
                        &format!("{}. {}{cost}", i + 1, c.label),
                        w,
                        theme.title(),
                    );
                }
                out.push(Line::from(""));
                let default = s.default_choice(d).map_or("?", |c| c.label.as_str());
                para(
                    &mut out,
                    &format!("{} {default}", text::DETAIL_DEFAULT),
                    w,
                    theme.dim(),
                );
                def.title.clone()
            }
            Row::Lever(_) | Row::Payout => return,
        };
        window(area, buf, title, out, self.scroll, theme);
    }
}

/// What a cause means (`?` on a row of the why view).
pub struct GlossaryView<'a> {
    pub session: &'a Session,
    pub cause: &'a str,
    pub theme: Theme,
}

impl Widget for GlossaryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let w = usize::from(76u16.min(area.width).saturating_sub(2));
        let mut out = Vec::new();
        let meaning = glossary::meaning(self.session.game.rules(), self.cause);
        for (i, p) in meaning.split("\n\n").enumerate() {
            if i > 0 {
                out.push(Line::from(""));
            }
            para(&mut out, p, w, Style::new());
        }
        window(area, buf, self.cause.to_string(), out, 0, self.theme);
    }
}

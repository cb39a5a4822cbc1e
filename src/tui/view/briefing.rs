//! The briefing: the scenario's story, the goal, the scoring formula and
//! the ground rules (budget, credit line, length), scrollable.

use super::widgets::{lines, panel, wrap};
use crate::tui::app::Session;
use crate::tui::format::whole;
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// The briefing screen.
pub struct BriefingView<'a> {
    pub session: &'a Session,
    pub theme: Theme,
}

impl BriefingView<'_> {
    /// The briefing's lines at this width.
    pub fn content(&self, width: usize) -> Vec<Line<'static>> {
        let (s, theme) = (self.session, self.theme);
        let rules = s.game.rules();
        let mut out: Vec<Line<'static>> = Vec::new();
        for (n, para) in s.scenario.story.split("\n\n").enumerate() {
            if n > 0 {
                out.push(Line::from(""));
            }
            out.extend(wrap(para.trim(), width).into_iter().map(Line::from));
        }
        let mut section = |title: &str, body: String| {
            out.push(Line::from(""));
            out.push(Line::styled(title.to_string(), theme.title()));
            out.extend(wrap(&body, width).into_iter().map(Line::from));
        };
        section(text::GOAL, s.scenario.goal.clone());
        section(text::SCORING, rules.scoring.formula());
        section(
            text::GROUND_RULES,
            text::ground_rules(
                rules.quarters,
                &whole(rules.budget),
                &whole(rules.start.get(crate::sim::Stock::Cash)),
                &whole(rules.credit_line),
                s.game.state().seed,
            ),
        );
        out.push(Line::from(""));
        out.push(Line::styled(text::BRIEFING_START, theme.key()));
        out
    }
}

impl Widget for BriefingView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let title = format!("{}: {}", text::BRIEFING, self.session.scenario.title);
        let mut block = panel(title, self.theme, true);
        let inner = block.inner(area);
        let margin = Rect {
            x: inner.x.saturating_add(1).min(inner.right()),
            width: inner.width.saturating_sub(2),
            ..inner
        };
        let content = self.content(usize::from(margin.width).min(100));
        let most = content.len().saturating_sub(usize::from(margin.height));
        let skip = usize::from(self.session.scroll).min(most);
        if most > 0 {
            let more = if skip < most {
                text::MORE_BELOW
            } else {
                text::AT_END
            };
            block = block.title_bottom(Line::styled(more, self.theme.key()).right_aligned());
        }
        block.render(area, buf);
        lines(margin, buf, content.into_iter().skip(skip).collect());
    }
}

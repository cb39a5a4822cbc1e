//! The small windows over a screen: help, quit, commit confirmation and a
//! dilemma's choices.

use super::widgets::{lines, panel, popup, popup_rect, wrap};
use crate::tui::app::{Lever, Screen, Session};
use crate::tui::format::{fit, whole};
use crate::tui::text::{self, Keys};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

/// The help: this screen's keys, then how the game works.
pub struct HelpView {
    pub screen: Screen,
    pub scroll: u16,
    pub theme: Theme,
}

impl Widget for HelpView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let r = popup(area, 90, area.height, buf);
        let block = panel(text::HELP_TITLE, theme, true);
        let inner = block.inner(r);
        block.render(r, buf);
        let w = usize::from(inner.width);
        let keys: Keys = match self.screen {
            Screen::Title => text::KEYS_TITLE,
            Screen::Briefing => text::KEYS_BRIEFING,
            Screen::Quarter => text::HELP_QUARTER,
            Screen::Report => text::KEYS_REPORT,
            Screen::Debrief => text::KEYS_DEBRIEF,
        };
        let mut out: Vec<Line> = vec![Line::styled(text::HELP_KEYS, theme.title())];
        for (k, what) in keys.iter().filter(|(k, _)| !matches!(*k, "?" | "q")) {
            out.push(Line::from(vec![
                Span::styled(format!("  {k:<11}"), theme.key()),
                Span::raw(fit(what, w.saturating_sub(13))),
            ]));
        }
        for (k, what) in text::HELP_ALWAYS {
            out.push(Line::from(vec![
                Span::styled(format!("  {k:<11}"), theme.key()),
                Span::raw(fit(what, w.saturating_sub(13))),
            ]));
        }
        out.push(Line::from(""));
        out.push(Line::styled(text::HELP_GAME, theme.title()));
        for para in text::HELP {
            out.extend(
                wrap(para, w.saturating_sub(2))
                    .into_iter()
                    .map(|l| Line::from(format!("  {l}"))),
            );
        }
        out.push(Line::from(""));
        out.push(Line::styled(text::HELP_WORDS, theme.title()));
        for (word, meaning) in crate::tui::glossary::WORDS {
            for (i, l) in wrap(&format!("{word}: {meaning}"), w.saturating_sub(4))
                .into_iter()
                .enumerate()
            {
                let indent = if i == 0 { "  " } else { "    " };
                out.push(Line::from(format!("{indent}{l}")));
            }
        }
        let most = out.len().saturating_sub(usize::from(inner.height));
        let skip = usize::from(self.scroll).min(most);
        lines(inner, buf, out.into_iter().skip(skip).collect());
    }
}

/// Quit? y/n.
pub struct QuitView<'a> {
    /// Whether the game in progress is autosaved (`None`: no game).
    pub saved: Option<bool>,
    /// Why the latest autosave failed, if it did: never claim it is saved.
    pub problem: Option<&'a str>,
    pub theme: Theme,
}

impl Widget for QuitView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let failed = self.saved == Some(true) && self.problem.is_some();
        let r = popup(area, 60, if failed { 10 } else { 6 }, buf);
        let block = panel(text::QUIT_TITLE, self.theme, true);
        let inner = block.inner(r);
        block.render(r, buf);
        let what = match self.saved {
            None => text::QUIT_IDLE,
            Some(true) if failed => text::QUIT_SAVE_FAILED,
            Some(true) => text::QUIT_SAVED,
            Some(false) => text::QUIT_UNSAVED,
        };
        let mut out: Vec<Line> = wrap(what, usize::from(inner.width))
            .into_iter()
            .map(Line::from)
            .collect();
        if let Some(problem) = self.problem.filter(|_| failed) {
            let problem = crate::output::escape(problem);
            out.extend(
                wrap(&problem, usize::from(inner.width))
                    .into_iter()
                    .map(Line::from),
            );
        }
        out.push(Line::from(""));
        let keys = if failed {
            text::QUIT_FAILED_KEYS
        } else {
            text::QUIT_KEYS
        };
        out.push(Line::styled(keys, self.theme.key()));
        lines(inner, buf, out);
    }
}

/// Where the game is saved (`s`).
pub struct SaveView<'a> {
    pub autosaves: bool,
    pub at: Option<&'a str>,
    pub problem: Option<&'a str>,
    pub theme: Theme,
}

impl Widget for SaveView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = 72u16.min(area.width);
        let w = usize::from(width.saturating_sub(2));
        let mut said: Vec<Line> = Vec::new();
        let mut say = |t: &str, style: Style| {
            said.extend(wrap(t, w).into_iter().map(|l| Line::styled(l, style)));
        };
        match (self.autosaves, self.at) {
            (false, _) => say(text::SAVE_NONE, Style::new()),
            (true, None) => say(text::SAVE_NOT_YET, Style::new()),
            (true, Some(at)) => {
                say(text::SAVE_AT, Style::new());
                say(&format!("  {at}"), self.theme.title());
                say(text::SAVE_CONTINUE, self.theme.dim());
            }
        }
        if let Some(p) = self.problem {
            say(&text::save_failed(p), self.theme.bad());
        }
        let height = u16::try_from(said.len() + 2).unwrap_or(u16::MAX);
        let r = popup(area, width, height, buf);
        let block = panel(text::SAVE_TITLE, self.theme, true);
        let inner = block.inner(r);
        block.render(r, buf);
        lines(inner, buf, said);
    }
}

/// The confirmation before a quarter is played: what will be spent, what
/// is left unanswered, and anything that blocks it.
pub struct CommitView<'a> {
    pub session: &'a Session,
    pub theme: Theme,
}

impl Widget for CommitView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, theme) = (self.session, self.theme);
        let rules = s.game.rules();
        let state = s.game.state();
        let width = 72u16.min(area.width);
        let w = usize::from(width.saturating_sub(2));
        let mut out: Vec<Line> = Vec::new();
        let levers: Vec<String> = Lever::ALL
            .iter()
            .zip(text::LEVERS)
            .map(|(l, (name, _))| format!("{} {}", name.to_lowercase(), whole(l.get(&s.draft))))
            .collect();
        // Every row wraps under its value: nothing the player confirms is cut.
        let mut row = |k: &str, v: String, style: Style| {
            let key_w = 13.min(w / 3);
            for (i, l) in wrap(&v, w.saturating_sub(key_w)).into_iter().enumerate() {
                let head = if i == 0 { k } else { "" };
                out.push(Line::from(vec![
                    Span::styled(format!("{head:<key_w$}"), theme.dim()),
                    Span::styled(l, style),
                ]));
            }
        };
        row(
            text::COMMIT_LEVERS,
            format!("{} = {}", levers.join(" · "), whole(s.draft.lever_total())),
            Style::new(),
        );
        if !s.draft.initiatives.is_empty() {
            let names: Vec<String> = s
                .draft
                .initiatives
                .iter()
                .filter_map(|id| rules.initiative(id))
                .map(|(_, d)| format!("{} ({})", d.title, whole(d.cost)))
                .collect();
            row(text::COMMIT_INITIATIVES, names.join(", "), Style::new());
        }
        for (d, c) in &s.draft.answers {
            if let Some((_, def)) = rules.dilemma(d)
                && let Some(ch) = def.choices.iter().find(|x| &x.id == c)
            {
                row(
                    text::COMMIT_ANSWERS,
                    format!("{}: {} ({})", def.title, ch.label, whole(ch.cost)),
                    Style::new(),
                );
            }
        }
        for d in s.unanswered() {
            if let (Some(def), Some(c)) = (rules.dilemmas.get(usize::from(d)), s.default_choice(d))
            {
                row(
                    text::COMMIT_ANSWERS,
                    text::default_taken(&def.title, &c.label, c.cost),
                    theme.warn(),
                );
            }
        }
        let spent = s.spending();
        let cash = state.stocks.get(crate::sim::Stock::Cash);
        let payout = s.draft.payout;
        if payout > 0.0 {
            row(text::PAYOUT, whole(payout), Style::new());
        }
        row(
            text::COMMIT_TOTAL,
            format!(
                "{} → {} {}",
                whole(spent),
                if payout > 0.0 {
                    text::CASH_AFTER_PAYOUT
                } else {
                    text::CASH_AFTER
                },
                whole(cash - spent - payout)
            ),
            theme.title(),
        );
        out.push(Line::from(""));
        match s.draft.validate(rules, state) {
            // Spending that crosses the credit line is allowed (the
            // player's call) but must be said plainly before Enter.
            Ok(_) => match s.draft.cash_check(rules, state) {
                Err(crate::sim::DecisionError::NotEnoughCash {
                    spent,
                    cash,
                    credit_line,
                    available,
                }) => {
                    let said = text::commit_bankrupt(spent, cash, credit_line, available);
                    out.extend(
                        wrap(&said, w)
                            .into_iter()
                            .map(|l| Line::styled(l, theme.bad())),
                    );
                    out.extend(
                        wrap(text::COMMIT_ANYWAY, w)
                            .into_iter()
                            .map(|l| Line::styled(l, theme.key())),
                    );
                }
                _ => out.extend(
                    wrap(text::COMMIT_OK, w)
                        .into_iter()
                        .map(|l| Line::styled(l, theme.key())),
                ),
            },
            Err(e) => {
                out.extend(
                    wrap(&e.to_string(), w)
                        .into_iter()
                        .map(|l| Line::styled(l, theme.bad())),
                );
                out.push(Line::styled(text::COMMIT_BLOCKED, theme.key()));
            }
        }
        let height = u16::try_from(out.len() + 2).unwrap_or(u16::MAX);
        let r = popup(area, width, height, buf);
        let title = format!("{} (Q{})", text::COMMIT_TITLE, state.quarter + 1);
        let block = panel(title, theme, true);
        let inner = block.inner(r);
        block.render(r, buf);
        lines(inner, buf, out);
    }
}

/// A dilemma: its story, its choices with their costs, and what happens
/// without an answer.
pub struct DilemmaView<'a> {
    pub session: &'a Session,
    pub dilemma: u16,
    pub choice: usize,
    pub theme: Theme,
}

impl DilemmaView<'_> {
    /// The window's rectangle in `area`, its lines, the choice each line
    /// shows (if any) and how many lines are scrolled off.
    #[allow(clippy::type_complexity)]
    fn laid_out(
        &self,
        area: Rect,
    ) -> Option<(Rect, Vec<Line<'static>>, Vec<Option<usize>>, usize)> {
        let theme = self.theme;
        let rules = self.session.game.rules();
        let def = rules.dilemmas.get(usize::from(self.dilemma))?;
        let width = 76u16.min(area.width);
        let w = usize::from(width.saturating_sub(2));
        let mut out: Vec<Line> = wrap(&def.text, w).into_iter().map(Line::from).collect();
        out.push(Line::from(""));
        let mut of = vec![None; out.len()];
        let mut focus = 0;
        for (i, c) in def.choices.iter().enumerate() {
            let style = if i == self.choice {
                theme.selected()
            } else {
                Style::new()
            };
            let cost = if c.cost != 0.0 {
                format!("  ({} {})", text::COST, whole(c.cost))
            } else {
                String::new()
            };
            let chosen = self
                .session
                .draft
                .answers
                .get(&def.id)
                .is_some_and(|a| *a == c.id);
            // The highlighted choice is marked in text too (NO_COLOR, screen
            // readers): Enter takes it.
            let mark = match (i == self.choice, chosen) {
                (true, _) => "▶",
                (false, true) => "✓",
                (false, false) => " ",
            };
            let said = format!("{}{cost}", c.label);
            for (k, l) in wrap(&said, w.saturating_sub(4)).into_iter().enumerate() {
                let head = if k == 0 {
                    format!("{mark}{}. ", i + 1)
                } else {
                    "    ".to_string()
                };
                if i == self.choice {
                    focus = out.len();
                }
                out.push(Line::styled(format!("{head}{l}"), style));
                of.push(Some(i));
            }
        }
        out.push(Line::from(""));
        let default = def
            .choices
            .get(def.default_choice)
            .map_or("?", |c| c.label.as_str());
        let when = format!("{} {default}", text::DILEMMA_IF_NONE);
        out.extend(
            wrap(&when, w)
                .into_iter()
                .map(|l| Line::styled(l, theme.dim())),
        );
        of.resize(out.len(), None);
        let height = u16::try_from(out.len() + 2).unwrap_or(u16::MAX);
        let r = popup_rect(area, width, height);
        // Too tall for the screen: scroll so that the highlighted choice
        // shows.
        let room = usize::from(r.height.saturating_sub(2));
        let skip = (focus + 2)
            .saturating_sub(room)
            .min(out.len().saturating_sub(room));
        Some((r, out, of, skip))
    }

    /// The choice drawn at screen line `y`, if any.
    pub fn choice_at(&self, area: Rect, y: u16) -> Option<usize> {
        let (r, _, of, skip) = self.laid_out(area)?;
        let inner = Block::bordered().inner(r);
        if y < inner.y || y >= inner.bottom() {
            return None;
        }
        of.get(skip + usize::from(y - inner.y)).copied().flatten()
    }
}

impl Widget for DilemmaView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let Some((r, out, _, skip)) = self.laid_out(area) else {
            return;
        };
        let title = self
            .session
            .game
            .rules()
            .dilemmas
            .get(usize::from(self.dilemma))
            .map(|d| d.title.clone())
            .unwrap_or_default();
        ratatui::widgets::Clear.render(r, buf);
        let mut block = panel(title, theme, true);
        let room = usize::from(r.height.saturating_sub(2));
        if out.len() > room {
            let more = if skip > 0 {
                text::AT_END
            } else {
                text::MORE_BELOW
            };
            block = block.title_bottom(Line::styled(more, theme.key()).right_aligned());
        }
        let inner = block.inner(r);
        block.render(r, buf);
        lines(inner, buf, out.into_iter().skip(skip).collect());
    }
}

//! The views: they only draw. [`AppView`] draws a whole frame — header,
//! the current screen, the key footer and any overlay — from the app's
//! state; each part is a widget of its own, safe in any area.

mod briefing;
mod chart;
mod debrief;
mod decisions;
mod detail;
mod handin;
mod history;
mod kpi;
mod overlay;
mod quarter;
mod report;
mod title;
mod why;
pub mod widgets;

pub use briefing::BriefingView;
pub use chart::LineChart;
pub use debrief::DebriefView;
pub use decisions::DecisionPanel;
pub use detail::{DetailView, GlossaryView, NameView};
pub use handin::goal_checks;
pub use history::{BranchAskView, DifferencesView, HistoryView, VersusView};
pub use kpi::{KpiPanel, score_terms};
pub use overlay::{CommitView, DilemmaView, HelpView, QuitView, SaveView};
pub use quarter::{
    NewsPanel, NewsView, QuarterAreas, QuarterView, chart as quarter_chart, quarter_areas,
};
pub use report::ReportView;
pub use report::table_height as report_table_height;
pub use title::TitleView;
pub use title::{TitleHit, title_hit};
pub use why::{WhyView, why_causes};

use super::app::{App, Overlay, Screen};
use super::text::{self, Keys};
use super::theme::Theme;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Draws the app into a frame.
pub fn draw(frame: &mut Frame, app: &App, theme: Theme) {
    frame.render_widget(AppView { app, theme }, frame.area());
}

/// The whole screen.
pub struct AppView<'a> {
    pub app: &'a App,
    pub theme: Theme,
}

impl Widget for AppView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        if area.width < text::MIN_WIDTH || area.height < text::MIN_HEIGHT {
            let said = text::too_small(area.width, area.height);
            let lines = widgets::wrap(&said, usize::from(area.width));
            let top = area.height.saturating_sub(lines.len() as u16) / 2;
            let rows = Rect {
                y: area.y.saturating_add(top),
                height: area.height.saturating_sub(top),
                ..area
            };
            widgets::lines(
                rows,
                buf,
                lines
                    .into_iter()
                    .map(|l| Line::styled(l, theme.warn()).centered())
                    .collect(),
            );
            return;
        }
        let [header, body, foot] = Layout::vertical([
            ratatui::layout::Constraint::Length(1),
            ratatui::layout::Constraint::Min(0),
            ratatui::layout::Constraint::Length(1),
        ])
        .areas(area);
        header_line(app, theme).render(header, buf);
        match (app.screen, app.session.as_ref()) {
            (Screen::Title, _) | (_, None) => TitleView {
                title: &app.title,
                theme,
            }
            .render(body, buf),
            (Screen::Briefing, Some(s)) => BriefingView { session: s, theme }.render(body, buf),
            (Screen::Quarter, Some(s)) => QuarterView { session: s, theme }.render(body, buf),
            (Screen::Report, Some(s)) => ReportView {
                session: s,
                theme,
                past: false,
            }
            .render(body, buf),
            (Screen::Debrief, Some(s)) => DebriefView { session: s, theme }.render(body, buf),
        }
        footer_line(app, theme, foot.width).render(foot, buf);
        let Some(overlay) = &app.overlay else {
            return;
        };
        match (overlay, app.session.as_ref()) {
            (Overlay::Help { scroll }, _) => HelpView {
                screen: app.screen,
                scroll: *scroll,
                theme,
            }
            .render(body, buf),
            (Overlay::Quit, _) => QuitView {
                saved: app
                    .session
                    .as_ref()
                    .filter(|s| !s.game.is_over() && app.screen != Screen::Title)
                    .map(|_| app.autosaves),
                problem: app.session.as_ref().and_then(|s| s.save_problem.as_deref()),
                theme,
            }
            .render(body, buf),
            (Overlay::Commit, Some(s)) => CommitView { session: s, theme }.render(body, buf),
            (Overlay::Dilemma { dilemma, choice }, Some(s)) => DilemmaView {
                session: s,
                dilemma: *dilemma,
                choice: *choice,
                theme,
            }
            .render(body, buf),
            (Overlay::Why, Some(s)) => WhyView {
                session: s,
                theme,
                past: false,
            }
            .render(body, buf),
            (Overlay::Name, Some(s)) => NameView {
                name: &s.player,
                theme,
            }
            .render(body, buf),
            (Overlay::Detail { scroll }, Some(s)) => DetailView {
                session: s,
                scroll: *scroll,
                theme,
            }
            .render(body, buf),
            (Overlay::Glossary { cause }, Some(s)) => GlossaryView {
                session: s,
                cause,
                theme,
            }
            .render(body, buf),
            (Overlay::News, Some(s)) => NewsView { session: s, theme }.render(body, buf),
            (Overlay::History { quarter, page }, Some(s)) => HistoryView {
                session: s,
                quarter: *quarter,
                page: *page,
                theme,
            }
            .render(body, buf),
            (Overlay::BranchAsk { at }, Some(_)) => {
                BranchAskView { at: *at, theme }.render(body, buf)
            }
            (Overlay::Differences { run, scroll }, Some(s)) => DifferencesView {
                session: s,
                run: *run,
                scroll: *scroll,
                theme,
            }
            .render(body, buf),
            (Overlay::Versus { runs, selected }, Some(_)) => VersusView {
                runs,
                selected: *selected,
                theme,
            }
            .render(body, buf),
            (Overlay::Save, Some(s)) => SaveView {
                autosaves: app.autosaves,
                at: s.saved_at.as_deref(),
                problem: s.save_problem.as_deref(),
                theme,
            }
            .render(body, buf),
            _ => {}
        }
    }
}

/// The top line: the game, the scenario, the quarter, the player.
fn header_line(app: &App, theme: Theme) -> Line<'static> {
    let mut spans = vec![Span::styled(format!(" {} ", text::APP_NAME), theme.title())];
    if let Some(s) = app.session.as_ref().filter(|_| app.screen != Screen::Title) {
        let rules = s.game.rules();
        let played = s.game.state().quarter;
        let q = match app.screen {
            Screen::Quarter => text::quarter_of(played + 1, rules.quarters),
            Screen::Briefing => text::quarters(rules.quarters),
            _ => text::quarter_of(played, rules.quarters),
        };
        spans.push(Span::raw(format!("· {} · ", s.scenario.title)));
        spans.push(Span::styled(q, theme.title()));
        let who = if s.player.is_empty() {
            String::new()
        } else {
            format!(" · {}", s.player)
        };
        spans.push(Span::styled(
            format!("{who} · {} {}", text::SEED, s.game.state().seed),
            theme.dim(),
        ));
    } else {
        spans.push(Span::styled(format!("· {}", text::TAGLINE), theme.dim()));
    }
    Line::from(spans)
}

/// The bottom line: a notice if there is one, otherwise the keys.
fn footer_line(app: &App, theme: Theme, width: u16) -> Line<'static> {
    let problem = app
        .session
        .as_ref()
        .and_then(|s| s.save_problem.as_deref())
        .map(text::save_failed);
    if let Some(n) = app.notice.clone().or(problem) {
        return Line::from(Span::styled(format!(" {n}"), theme.warn()));
    }
    widgets::footer(footer_keys_of(app), theme, width)
}

/// The keys the footer offers in the app's state.
pub fn footer_keys_of(app: &App) -> Keys {
    match (&app.overlay, app.screen) {
        (Some(Overlay::Help { .. }), _) => text::KEYS_HELP,
        (Some(Overlay::Quit), _) => text::KEYS_QUIT,
        (Some(Overlay::Commit), _) => text::KEYS_COMMIT,
        (Some(Overlay::Dilemma { .. }), _) => text::KEYS_DILEMMA,
        (Some(Overlay::Why), _) => text::KEYS_WHY,
        (Some(Overlay::Save | Overlay::News), _) => text::KEYS_HELP_CLOSE,
        (Some(Overlay::Name), _) => text::KEYS_NAME,
        (Some(Overlay::Detail { .. }), _) => text::KEYS_DETAIL,
        (Some(Overlay::Glossary { .. }), _) => text::KEYS_GLOSSARY,
        (Some(Overlay::History { .. }), _) => text::KEYS_HISTORY,
        (Some(Overlay::BranchAsk { .. }), _) => text::KEYS_BRANCH_ASK,
        (Some(Overlay::Versus { .. }), _) => text::KEYS_VERSUS,
        (Some(Overlay::Differences { .. }), _) => text::KEYS_DIFFERENCES,
        (None, Screen::Title) => text::KEYS_TITLE,
        (None, Screen::Briefing) => text::KEYS_BRIEFING,
        (None, Screen::Quarter) => text::KEYS_QUARTER,
        (None, Screen::Report) => text::KEYS_REPORT,
        (None, Screen::Debrief) => text::KEYS_DEBRIEF,
    }
}

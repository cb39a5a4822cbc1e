//! The application state — one `App` for the whole program (the model of
//! the Elm architecture). `update` changes it, views only read it.

use super::catalog::Catalog;
use super::saves::{Continuable, Resumed};
use crate::analysis::explain::{Moment, Reference};
use crate::analysis::metric::Metric;
use crate::analysis::story::StoryMoment;
use crate::scenario::Scenario;
use crate::sim::{Decisions, Game};

/// The screen being shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Title,
    Briefing,
    Quarter,
    Report,
    Debrief,
}

/// A window over the screen that has the keyboard.
#[derive(Clone, Debug, PartialEq)]
pub enum Overlay {
    /// The help, scrolled down by this many lines.
    Help { scroll: u16 },
    /// Quit? (y/n)
    Quit,
    /// Commit this quarter's decisions? (Enter/Esc)
    Commit,
    /// A dilemma waiting for an answer, with the highlighted choice.
    Dilemma { dilemma: u16, choice: usize },
    /// The why view of the selected metric.
    Why,
    /// Where (and whether) the game is saved.
    Save,
    /// All of last quarter's news.
    News,
    /// The player's name, asked before play (typed into the session).
    Name,
    /// The whole text of the selected initiative or dilemma, scrolled.
    Detail { scroll: u16 },
    /// What a cause of the why view means.
    Glossary { cause: String },
    /// A past quarter (from 1): its report, why or news.
    History { quarter: u32, page: HistoryPage },
    /// Branch at this quarter? (y/n)
    BranchAsk { at: u32 },
    /// How this game differs from other run `run` (index into
    /// `Session::versus`): KPIs, score and causes, scrolled.
    Differences { run: usize, scroll: u16 },
    /// Other runs of this scenario and seed to compare with, one selected.
    Versus {
        runs: Vec<super::saves::Continuable>,
        selected: usize,
    },
}

/// What the history shows of a past quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryPage {
    Report,
    Why,
    News,
}

impl HistoryPage {
    /// The next page (or the previous one), wrapping.
    pub fn step(self, forward: bool) -> HistoryPage {
        use HistoryPage::*;
        match (self, forward) {
            (Report, true) | (News, false) => Why,
            (Why, true) | (Report, false) => News,
            (News, true) | (Why, false) => Report,
        }
    }
}

/// The id of the shipped tutorial, offered first to a newcomer.
pub const TUTORIAL: &str = "tutorial";

/// The fields of the title screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleField {
    List,
    Seed,
    Player,
}

/// The title screen: pick a scenario (or a saved game), a seed and a name.
#[derive(Clone, Debug)]
pub struct Title {
    pub catalog: Catalog,
    pub continuable: Vec<Continuable>,
    /// Index over the scenarios, then the saved games.
    pub selected: usize,
    pub field: TitleField,
    /// The seed as typed (digits only).
    pub seed: String,
    /// Whether the player typed the seed (otherwise it follows the scenario).
    pub seed_typed: bool,
    /// The seed field was just entered: the next digit replaces its value
    /// (as in any form field) instead of being appended to it.
    pub seed_fresh: bool,
    pub player: String,
}

impl Title {
    /// A title screen over these scenarios and saved games.
    pub fn new(catalog: Catalog, continuable: Vec<Continuable>, player: String) -> Title {
        // A first run (nothing to continue) starts on the tutorial.
        let selected = if continuable.is_empty() {
            catalog
                .scenarios
                .iter()
                .position(|s| s.id == TUTORIAL)
                .unwrap_or(0)
        } else {
            0
        };
        let seed = catalog
            .scenarios
            .get(selected)
            .map(|s| s.seed.to_string())
            .unwrap_or_default();
        Title {
            catalog,
            continuable,
            selected,
            field: TitleField::List,
            seed,
            seed_typed: false,
            seed_fresh: false,
            player,
        }
    }

    /// The scenario under the cursor, if the cursor is on a scenario.
    pub fn scenario(&self) -> Option<&Scenario> {
        self.catalog.scenarios.get(self.selected)
    }

    /// The saved game under the cursor, if the cursor is on one.
    pub fn saved(&self) -> Option<&Continuable> {
        self.selected
            .checked_sub(self.catalog.scenarios.len())
            .and_then(|i| self.continuable.get(i))
    }

    /// Number of rows in the list.
    pub fn rows(&self) -> usize {
        self.catalog.scenarios.len() + self.continuable.len()
    }

    /// Whether the selected scenario forbids choosing the seed.
    pub fn seed_locked(&self) -> bool {
        self.scenario().is_some_and(|s| s.lock_seed)
    }
}

/// One of the four money levers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lever {
    Vision,
    Insight,
    Skills,
    Marketing,
}

impl Lever {
    pub const ALL: [Lever; 4] = [
        Lever::Vision,
        Lever::Insight,
        Lever::Skills,
        Lever::Marketing,
    ];

    /// The amount on this lever.
    pub fn get(self, d: &Decisions) -> f64 {
        match self {
            Lever::Vision => d.vision,
            Lever::Insight => d.insight,
            Lever::Skills => d.skills,
            Lever::Marketing => d.marketing,
        }
    }

    /// Sets the amount on this lever.
    pub fn set(self, d: &mut Decisions, value: f64) {
        let slot = match self {
            Lever::Vision => &mut d.vision,
            Lever::Insight => &mut d.insight,
            Lever::Skills => &mut d.skills,
            Lever::Marketing => &mut d.marketing,
        };
        *slot = value;
    }
}

/// A row of the decision panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Lever(Lever),
    /// An initiative, by index in the rules.
    Initiative(usize),
    /// A dilemma waiting for an answer, by index in the rules.
    Dilemma(u16),
    /// Cash paid out to the owners.
    Payout,
}

/// The chart the quarter screen shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chart {
    People,
    Customers,
    Money,
}

impl Chart {
    /// The next chart (wrapping).
    pub fn next(self) -> Chart {
        match self {
            Chart::People => Chart::Customers,
            Chart::Customers => Chart::Money,
            Chart::Money => Chart::People,
        }
    }
}

/// The debrief's figures, computed once when the game ends.
#[derive(Clone, Debug, PartialEq)]
pub struct Debrief {
    pub references: Vec<Reference>,
    pub moments: Vec<Moment>,
    /// The story of the game: events, answers, the player's turning points
    /// and the largest moves, in quarter order (the key moments panel).
    pub story: Vec<StoryMoment>,
    /// Lines of the key moments scrolled off the top (↑↓).
    pub scroll: u16,
    /// Which figure the debrief chart compares (index into its list).
    pub chart: usize,
}

/// A game being played.
#[derive(Clone, Debug)]
pub struct Session {
    pub scenario: Scenario,
    pub game: Game,
    pub player: String,
    /// This quarter's decisions as the player sets them.
    pub draft: Decisions,
    /// Digits typed into the selected lever, while typing.
    pub typing: Option<String>,
    /// The selected row of the decision panel.
    pub cursor: usize,
    /// The selected figure (KPI panel, report, why overlay).
    pub metric: Metric,
    /// The selected cause row of the why overlay.
    pub why_row: usize,
    pub chart: Chart,
    /// On a small screen: the news, not the chart, in their shared panel.
    pub news_on_top: bool,
    /// Scroll offset of the briefing text.
    pub scroll: u16,
    /// The latest autosave's problem, if it failed.
    pub save_problem: Option<String>,
    /// Where the game is saved, once it is.
    pub saved_at: Option<String>,
    pub debrief: Option<Debrief>,
    /// The quarter this game branched from another at, if it did.
    pub branch_at: Option<u32>,
    /// Other runs shown beside this one in the debrief: the parent of a
    /// branch, and runs picked from the saves.
    pub versus: Vec<super::branch::OtherRun>,
}

impl Session {
    /// A new game of `scenario` with `seed`.
    pub fn new(scenario: Scenario, seed: u64, player: String) -> Session {
        let game = Game::new(std::sync::Arc::clone(&scenario.rules), seed);
        Session::from_game(scenario, game, player)
    }

    /// A session around a game already under way.
    pub fn from_game(scenario: Scenario, game: Game, player: String) -> Session {
        let draft = game
            .last()
            .map(|r| carry_over(&r.decisions, game.state()))
            .unwrap_or_default();
        Session {
            scenario,
            game,
            player,
            draft,
            typing: None,
            cursor: 0,
            metric: Metric::Culture,
            why_row: 0,
            chart: Chart::People,
            news_on_top: true,
            scroll: 0,
            save_problem: None,
            saved_at: None,
            debrief: None,
            branch_at: None,
            versus: Vec::new(),
        }
    }

    /// A session resumed from a save.
    pub fn resumed(r: Resumed) -> Session {
        let mut s = Session::from_game(r.scenario, r.game, r.player);
        s.saved_at = r.location;
        s.branch_at = r.branch_at;
        s.versus = r.versus;
        s
    }

    /// The rows of the decision panel: levers, initiatives, open dilemmas.
    pub fn rows(&self) -> Vec<Row> {
        let mut rows: Vec<Row> = Lever::ALL.iter().map(|l| Row::Lever(*l)).collect();
        rows.push(Row::Payout);
        rows.extend((0..self.game.rules().initiatives.len()).map(Row::Initiative));
        rows.extend(self.game.state().pending.iter().map(|d| Row::Dilemma(*d)));
        rows
    }

    /// The selected row of the decision panel.
    pub fn row(&self) -> Row {
        self.rows()
            .get(self.cursor)
            .copied()
            .unwrap_or(Row::Lever(Lever::Vision))
    }

    /// Money this quarter's decisions spend: levers, initiatives, answers.
    pub fn spending(&self) -> f64 {
        let rules = self.game.rules();
        let mut total = self.draft.lever_total();
        for id in &self.draft.initiatives {
            total += rules.initiative(id).map_or(0.0, |(_, i)| i.cost);
        }
        for (d, c) in &self.draft.answers {
            if let Some((_, def)) = rules.dilemma(d) {
                total += def
                    .choices
                    .iter()
                    .find(|x| &x.id == c)
                    .map_or(0.0, |x| x.cost);
            }
        }
        // The model charges the default answer of a dilemma left open.
        for d in self.unanswered() {
            total += self.default_choice(d).map_or(0.0, |c| c.cost);
        }
        total
    }

    /// The choice a dilemma takes if the player gives no answer.
    pub fn default_choice(&self, dilemma: u16) -> Option<&crate::sim::Choice> {
        let def = self.game.rules().dilemmas.get(usize::from(dilemma))?;
        def.choices.get(def.default_choice)
    }

    /// The open dilemmas not answered yet.
    pub fn unanswered(&self) -> Vec<u16> {
        let rules = self.game.rules();
        self.game
            .state()
            .pending
            .iter()
            .copied()
            .filter(|d| {
                rules
                    .dilemmas
                    .get(usize::from(*d))
                    .is_some_and(|def| !self.draft.answers.contains_key(&def.id))
            })
            .collect()
    }
}

/// Next quarter starts from the same spending on the levers and the same
/// payout (a dividend is steady until changed), the payout within the cash
/// now held; initiatives and answers are one-off.
pub fn carry_over(d: &Decisions, state: &crate::sim::State) -> Decisions {
    let held = crate::sim::payout_limit(state);
    Decisions {
        vision: d.vision,
        insight: d.insight,
        skills: d.skills,
        marketing: d.marketing,
        payout: d.payout.min(held),
        ..Decisions::default()
    }
}

/// The whole program's state.
#[derive(Clone, Debug)]
pub struct App {
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub title: Title,
    pub session: Option<Session>,
    /// Whether committed quarters are autosaved (the quit dialog says so).
    pub autosaves: bool,
    /// A one-line message for the player (cleared by the next key).
    pub notice: Option<String>,
    /// False once the player has quit.
    pub running: bool,
    /// Where the last game played was saved: printed after quitting.
    pub last_save: Option<String>,
    /// The terminal's size (columns, rows), as last reported.
    pub size: (u16, u16),
}

/// Below this many rows the quarter screen shares one panel between the
/// news and the chart (`c` switches), so that a tour can be read.
pub const COMPACT_HEIGHT: u16 = 30;

impl App {
    /// The app on its title screen.
    pub fn new(title: Title) -> App {
        App {
            screen: Screen::Title,
            overlay: None,
            title,
            session: None,
            autosaves: false,
            notice: None,
            running: true,
            last_save: None,
            size: (80, 24),
        }
    }

    /// The app at the briefing of a new game (`culturesim play SCENARIO`).
    pub fn briefing(title: Title, session: Session) -> App {
        let mut app = App::new(title);
        app.session = Some(session);
        app.screen = Screen::Briefing;
        app
    }
}

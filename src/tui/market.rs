//! A team's round of a shared market (`culturesim market play DIR --team A`):
//! the team's own figures and the last public industry report beside a
//! decision form; submitting writes the team's decisions file, and a team
//! may submit again until the instructor resolves the round. Elm-style:
//! one [`TeamRound`] state, [`Key`]s, [`TeamRound::update`], and a view
//! that only draws ([`super::market_view`]), so tests drive it without a
//! terminal.

use super::decide::lever_step;
use crate::market::{self, Error, TeamStatus, text};
use crate::save::printable;
use crate::sim::Decisions;
use crossterm::event::{self, Event, KeyCode, KeyEventKind};
use std::path::{Path, PathBuf};

/// One line of the decision form.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    /// A lever (0 vision, 1 insight, 2 skills, 3 marketing) and its amount.
    Lever(usize, f64),
    /// Cash paid out to the owners (outside the budget, at most the cash held).
    Payout(f64),
    /// An initiative that can start this round: id, title, cost, chosen.
    Initiative(String, String, f64, bool),
    /// An open dilemma: id, title, choices (id, label), chosen (None = default).
    Dilemma(String, String, Vec<(String, String)>, Option<usize>),
}

pub const LEVERS: [&str; 4] = ["Vision", "Insight", "Skills", "Marketing"];

/// What a key does on this screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Up,
    Down,
    Less,
    More,
    Toggle,
    Submit,
    Reload,
    ScrollUp,
    ScrollDown,
    /// A digit typed on a lever: the amount is typed afresh, digit by digit.
    Digit(u8),
    /// Takes the last typed digit off a lever's amount.
    Erase,
    Quit,
}

/// The screen's state.
#[derive(Clone, Debug)]
pub struct TeamRound {
    pub dir: PathBuf,
    pub team: String,
    /// The open round, or `None` when the market is over.
    pub round: Option<u32>,
    pub rounds: u32,
    pub budget: f64,
    /// The cash the firm holds: the most it can pay out.
    pub cash: f64,
    /// The team's own report of the last round, and the industry report.
    pub own: String,
    pub industry: String,
    pub rows: Vec<Row>,
    pub cursor: usize,
    pub scroll: u16,
    /// Whether this round's file is on disk as the form shows it.
    pub submitted: bool,
    pub message: String,
    pub running: bool,
    /// Whether digits typed now extend the lever's amount (else replace it).
    pub typing: bool,
}

impl TeamRound {
    /// Reads the market folder for this team's open round.
    pub fn load(dir: &Path, team: &str) -> Result<TeamRound, Error> {
        let rep = market::replay(dir)?;
        let i = rep.folder.team(team)?;
        let rules = &rep.folder.scenario.rules;
        let firm = &rep.market.firms()[i];
        let last = rep.resolved();
        let st = market::status(&rep);
        let (mut d, submitted) = match st.teams.get(i).map(|t| &t.1) {
            Some(TeamStatus::Submitted(d, _)) => ((**d).clone(), true),
            _ => (
                rep.records
                    .last()
                    .map(|r| Decisions {
                        initiatives: Vec::new(),
                        answers: Default::default(),
                        ..r.teams[i].decisions.clone()
                    })
                    .unwrap_or_default(),
                false,
            ),
        };
        let mut rows: Vec<Row> = [d.vision, d.insight, d.skills, d.marketing]
            .into_iter()
            .enumerate()
            .map(|(k, v)| Row::Lever(k, v))
            .collect();
        let cash = crate::sim::payout_limit(firm);
        rows.push(Row::Payout(d.payout.min(cash)));
        if st.round.is_some() && !firm.is_over(rules) {
            for (k, def) in rules.initiatives.iter().enumerate() {
                if firm.cooldowns.get(k).copied().unwrap_or(0) == 0 {
                    let on = d.initiatives.contains(&def.id);
                    rows.push(Row::Initiative(
                        def.id.clone(),
                        printable(&def.title),
                        def.cost,
                        on,
                    ));
                }
            }
            for p in &firm.pending {
                if let Some(def) = rules.dilemmas.get(usize::from(*p)) {
                    let choices: Vec<(String, String)> = def
                        .choices
                        .iter()
                        .map(|c| (c.id.clone(), printable(&c.label)))
                        .collect();
                    let chosen = d
                        .answers
                        .get(&def.id)
                        .and_then(|a| choices.iter().position(|c| &c.0 == a));
                    rows.push(Row::Dilemma(
                        def.id.clone(),
                        printable(&def.title),
                        choices,
                        chosen,
                    ));
                }
            }
        }
        d.initiatives.clear();
        let own = if last == 0 {
            format!(
                "Team {} — before round 1\n\nCash {:.0}   customers {:.0}   culture {:.1}   experience {:.1}\n",
                printable(team),
                firm.get(crate::sim::Stock::Cash),
                firm.stocks.customers(),
                firm.get(crate::sim::Stock::Culture),
                firm.get(crate::sim::Stock::Experience)
            )
        } else {
            text::private(&rep, last, i)
        };
        let industry = if last == 0 {
            "No round resolved yet: the industry report appears after round 1.\n".to_string()
        } else {
            text::industry(&rep, last)
        };
        let message = match st.round {
            None => "The market is over.".to_string(),
            Some(_) if firm.is_over(rules) => {
                format!("Your firm is out: {}.", firm.outcome.describe())
            }
            Some(r) if submitted => format!(
                "Round {r}: your decisions are submitted; you may change them until the round is resolved."
            ),
            Some(r) => format!("Round {r}: choose, then press s to submit."),
        };
        Ok(TeamRound {
            dir: dir.to_path_buf(),
            team: team.to_string(),
            round: st.round.filter(|_| !firm.is_over(rules)),
            rounds: rules.quarters,
            budget: rules.budget,
            cash,
            own,
            industry,
            rows,
            cursor: 0,
            scroll: 0,
            submitted,
            message,
            running: true,
            typing: false,
        })
    }

    /// The decisions the form shows.
    pub fn decisions(&self) -> Decisions {
        let mut d = Decisions::default();
        for row in &self.rows {
            match row {
                Row::Lever(k, v) => match k {
                    0 => d.vision = *v,
                    1 => d.insight = *v,
                    2 => d.skills = *v,
                    _ => d.marketing = *v,
                },
                Row::Payout(v) => d.payout = *v,
                Row::Initiative(id, _, _, true) => d.initiatives.push(id.clone()),
                Row::Dilemma(id, _, choices, Some(c)) => {
                    if let Some((choice, _)) = choices.get(*c) {
                        d.answers.insert(id.clone(), choice.clone());
                    }
                }
                _ => {}
            }
        }
        d
    }

    /// Money on the levers.
    pub fn spent(&self) -> f64 {
        let d = self.decisions();
        d.vision + d.insight + d.skills + d.marketing
    }

    pub fn update(&mut self, key: Key) {
        let step = lever_step(self.budget);
        let n = self.rows.len();
        let spent = self.spent();
        let changed = matches!(
            key,
            Key::Less | Key::More | Key::Toggle | Key::Digit(_) | Key::Erase
        );
        if !matches!(key, Key::Digit(_) | Key::Erase) {
            self.typing = false;
        }
        match key {
            Key::Digit(d) => {
                let typing = self.typing;
                let cash = self.cash;
                let (v, most) = match self.rows.get_mut(self.cursor) {
                    // Never past the budget: the rest of it is the most.
                    Some(Row::Lever(_, v)) => {
                        let others = spent - *v;
                        (v, (self.budget - others).max(0.0))
                    }
                    // Only cash held can be paid out.
                    Some(Row::Payout(v)) => (v, cash),
                    _ => return,
                };
                let typed = if typing {
                    *v * 10.0 + f64::from(d)
                } else {
                    f64::from(d)
                };
                *v = typed.min(most);
                self.typing = true;
            }
            Key::Erase => {
                if let Some(Row::Lever(_, v) | Row::Payout(v)) = self.rows.get_mut(self.cursor) {
                    *v = (*v / 10.0).floor();
                    self.typing = true;
                }
            }
            Key::Up => self.cursor = self.cursor.saturating_sub(1),
            Key::Down => self.cursor = (self.cursor + 1).min(n.saturating_sub(1)),
            Key::ScrollUp => self.scroll = self.scroll.saturating_sub(5),
            Key::ScrollDown => self.scroll = self.scroll.saturating_add(5),
            Key::Quit => self.running = false,
            Key::Less | Key::More | Key::Toggle => {
                let up = key != Key::Less;
                match self.rows.get_mut(self.cursor) {
                    Some(Row::Lever(_, v)) if key != Key::Toggle => {
                        let room = (self.budget - spent).max(0.0);
                        *v = if up {
                            *v + step.min(room)
                        } else {
                            (*v - step).max(0.0)
                        };
                    }
                    Some(Row::Payout(v)) if key != Key::Toggle => {
                        *v = if up {
                            (*v + step).min(self.cash.max(*v))
                        } else {
                            (*v - step).max(0.0)
                        };
                    }
                    Some(Row::Initiative(_, _, _, on)) => *on = !*on,
                    Some(Row::Dilemma(_, _, choices, chosen)) => {
                        // None (the default answer) sits before the first choice.
                        let len = choices.len();
                        *chosen = match (*chosen, up) {
                            (None, true) if len > 0 => Some(0),
                            (Some(c), true) if c + 1 < len => Some(c + 1),
                            (Some(0), false) => None,
                            (Some(c), false) => Some(c - 1),
                            (c, _) => c,
                        };
                    }
                    _ => {}
                }
            }
            Key::Submit => self.submit(),
            Key::Reload => self.reload(),
        }
        if changed && self.submitted {
            self.submitted = false;
            self.message = "Changed: press s to submit again.".into();
        }
    }

    fn submit(&mut self) {
        let Some(round) = self.round else {
            self.message = "Nothing to submit: no open round for your team.".into();
            return;
        };
        match market::submit(&self.dir, &self.team, &self.decisions()) {
            Ok(_) => {
                self.submitted = true;
                self.message = format!(
                    "Submitted for round {round}. You may change and resubmit until it is resolved (r reloads)."
                );
            }
            Err(e) => self.message = e.to_string(),
        }
    }

    /// Reads the folder again: after the instructor resolves, the next round.
    fn reload(&mut self) {
        match TeamRound::load(&self.dir, &self.team) {
            Ok(next) => *self = next,
            Err(e) => self.message = e.to_string(),
        }
    }
}

/// Plays the team's open round in the terminal.
pub fn play(dir: &Path, team: &str) -> Result<(), Error> {
    let mut screen = TeamRound::load(dir, team)?;
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Error::input(
            dir,
            "market play needs a terminal for its screen",
            format!(
                "run it in a terminal, or submit with flags: culturesim market play {} --team {team} --vision 20 --insight 40 --skills 40 --marketing 30",
                dir.display()
            ),
        ));
    }
    let mut term = ratatui::try_init().map_err(|e| Error::disk(dir, e))?;
    let mut result = Ok(());
    while screen.running {
        if let Err(e) = term.draw(|f| super::market_view::draw(f, &screen)) {
            result = Err(Error::disk(dir, e));
            break;
        }
        match event::read() {
            Ok(Event::Key(k)) if k.kind == KeyEventKind::Press => {
                if let Some(key) = key_for(k.code) {
                    screen.update(key);
                }
            }
            Ok(_) => {}
            Err(e) => {
                result = Err(Error::disk(dir, e));
                break;
            }
        }
    }
    ratatui::restore();
    result
}

/// The keys of this screen, in one place.
pub fn key_for(code: KeyCode) -> Option<Key> {
    Some(match code {
        KeyCode::Up | KeyCode::Char('k') => Key::Up,
        KeyCode::Down | KeyCode::Char('j') => Key::Down,
        KeyCode::Left | KeyCode::Char('-') => Key::Less,
        KeyCode::Right | KeyCode::Char('+') => Key::More,
        KeyCode::Char(' ') => Key::Toggle,
        KeyCode::Char('s') | KeyCode::Enter => Key::Submit,
        KeyCode::Char('r') => Key::Reload,
        KeyCode::PageUp => Key::ScrollUp,
        KeyCode::PageDown => Key::ScrollDown,
        KeyCode::Char(c @ '0'..='9') => Key::Digit(c as u8 - b'0'),
        KeyCode::Backspace => Key::Erase,
        KeyCode::Char('q') | KeyCode::Esc => Key::Quit,
        _ => return None,
    })
}

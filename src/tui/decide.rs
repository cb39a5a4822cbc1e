//! The quarter screen's part of `update`: setting the levers and the
//! payout (with arrows or by typing an amount), switching initiatives,
//! answering dilemmas.

use super::app::{App, COMPACT_HEIGHT, Chart, Overlay, Row, Session};
use super::message::Message;
use super::text;
use super::update::Command;

/// The amount one arrow press moves a lever: a fortieth of the budget.
pub fn lever_step(budget: f64) -> f64 {
    (budget / 40.0).round().max(1.0)
}

/// Most digits an amount may have while typing.
const AMOUNT_DIGITS: usize = 7;

pub(super) fn quarter_update(app: &mut App, msg: Message) -> Command {
    let Some(s) = app.session.as_mut() else {
        return Command::None;
    };
    let rows = s.rows().len();
    match msg {
        Message::Up => {
            s.typing = None;
            s.cursor = s.cursor.saturating_sub(1);
        }
        Message::Down => {
            s.typing = None;
            s.cursor = (s.cursor + 1).min(rows.saturating_sub(1));
        }
        Message::Tab { forward } => s.metric = s.metric.step(forward),
        Message::Adjust { up, big } => {
            s.typing = None;
            adjust(s, up, big);
        }
        Message::Digit(d) => app.notice = type_digit(s, Some(d)),
        Message::Erase => app.notice = type_digit(s, None),
        Message::Toggle => match s.row() {
            Row::Initiative(i) => app.notice = toggle(s, i),
            Row::Dilemma(d) => app.overlay = Some(dilemma_overlay(s, d)),
            Row::Lever(_) | Row::Payout => {}
        },
        Message::Dilemma => {
            let next = s
                .unanswered()
                .first()
                .or(s.game.state().pending.first())
                .copied();
            match next {
                Some(d) => app.overlay = Some(dilemma_overlay(s, d)),
                None => app.notice = Some(text::NO_DILEMMA.to_string()),
            }
        }
        Message::Why => {
            s.why_row = 0;
            app.overlay = Some(Overlay::Why);
        }
        Message::Detail => match s.row() {
            Row::Initiative(_) | Row::Dilemma(_) => {
                app.overlay = Some(Overlay::Detail { scroll: 0 });
            }
            Row::Lever(_) | Row::Payout => {}
        },
        Message::Pick { row } if row == s.cursor => match s.row() {
            Row::Initiative(i) => app.notice = toggle(s, i),
            Row::Dilemma(d) => app.overlay = Some(dilemma_overlay(s, d)),
            Row::Lever(_) | Row::Payout => {}
        },
        Message::Pick { row } if row < rows => {
            s.typing = None;
            s.cursor = row;
        }
        Message::Figure(m) if m == s.metric => {
            s.why_row = 0;
            app.overlay = Some(Overlay::Why);
        }
        Message::Figure(m) => s.metric = m,
        Message::NextChart => next_panel(s, app.size.1 < COMPACT_HEIGHT),
        Message::Confirm => {
            s.typing = None;
            app.overlay = Some(Overlay::Commit);
        }
        _ => {}
    }
    Command::None
}

/// `c`: the next chart; on a small screen, where the news and the chart
/// share a panel, news → people → customers → money → news.
fn next_panel(s: &mut Session, compact: bool) {
    if !compact {
        s.chart = s.chart.next();
    } else if s.news_on_top {
        s.news_on_top = false;
    } else if s.chart == Chart::Money {
        s.chart = Chart::People;
        s.news_on_top = true;
    } else {
        s.chart = s.chart.next();
    }
}

/// The amount the selected row sets and the most it may be: a lever
/// within what the budget leaves, the payout within the cash held (the
/// rule of [`crate::sim::Decisions::validate`]). `None` on other rows.
fn amount(s: &Session) -> Option<(f64, f64)> {
    match s.row() {
        Row::Lever(lever) => {
            let now = lever.get(&s.draft);
            let others = s.draft.lever_total() - now;
            Some((now, (s.game.rules().budget - others).max(0.0)))
        }
        Row::Payout => {
            let held = crate::sim::payout_limit(s.game.state());
            Some((s.draft.payout, held))
        }
        Row::Initiative(_) | Row::Dilemma(_) => None,
    }
}

/// Sets the amount of the selected row (see [`amount`]).
fn set_amount(s: &mut Session, value: f64) {
    match s.row() {
        Row::Lever(lever) => lever.set(&mut s.draft, value),
        Row::Payout => s.draft.payout = value,
        Row::Initiative(_) | Row::Dilemma(_) => {}
    }
}

/// Arrows on a lever or the payout: up by a step (never past what the
/// budget leaves, or the cash held), down to zero.
fn adjust(s: &mut Session, up: bool, big: bool) {
    let Some((now, most)) = amount(s) else {
        return;
    };
    let step = lever_step(s.game.rules().budget) * if big { 5.0 } else { 1.0 };
    let next = if up {
        (now + step).min(most.max(now))
    } else {
        (now - step).max(0.0)
    };
    set_amount(s, next);
}

/// A digit typed on a lever or the payout (or Backspace: `None`); the
/// amount follows as typed, capped at what the budget leaves (or the cash
/// held). Returns a notice if capped.
fn type_digit(s: &mut Session, digit: Option<u8>) -> Option<String> {
    let (now, room) = amount(s)?;
    let mut buf = match s.typing.take() {
        Some(b) => b,
        // Backspace edits the amount shown; a digit starts a new one.
        None if digit.is_none() => format!("{now:.0}"),
        None => String::new(),
    };
    match digit {
        Some(d) if buf.len() < AMOUNT_DIGITS => {
            if buf == "0" {
                buf.clear();
            }
            buf.push(char::from(b'0' + d.min(9)));
        }
        Some(_) => {}
        None => {
            buf.pop();
        }
    }
    let typed: f64 = buf.parse().unwrap_or(0.0);
    let mut notice = None;
    let value = if typed > room {
        buf = format!("{room:.0}");
        notice = Some(if s.row() == Row::Payout {
            text::payout_capped(room)
        } else {
            text::capped(room)
        });
        room
    } else {
        typed
    };
    set_amount(s, value);
    s.typing = Some(buf);
    notice
}

/// Space on an initiative: start it this quarter, or not.
fn toggle(s: &mut Session, index: usize) -> Option<String> {
    let def = s.game.rules().initiatives.get(index)?;
    let id = def.id.clone();
    if let Some(pos) = s.draft.initiatives.iter().position(|i| *i == id) {
        s.draft.initiatives.remove(pos);
        return None;
    }
    let wait = s.game.state().cooldowns.get(index).copied().unwrap_or(0);
    if wait > 0 {
        return Some(text::cooling(&def.title, wait));
    }
    s.draft.initiatives.push(id);
    None
}

/// The dilemma window, with the current answer (or, before one is given,
/// the default: Enter then changes nothing the player did not see).
pub(super) fn dilemma_overlay(s: &Session, dilemma: u16) -> Overlay {
    let rules = s.game.rules();
    let choice = rules
        .dilemmas
        .get(usize::from(dilemma))
        .and_then(|def| {
            let answer = s.draft.answers.get(&def.id)?;
            def.choices.iter().position(|c| &c.id == answer)
        })
        .or_else(|| {
            let def = rules.dilemmas.get(usize::from(dilemma))?;
            Some(def.default_choice.min(def.choices.len().saturating_sub(1)))
        })
        .unwrap_or(0);
    Overlay::Dilemma { dilemma, choice }
}

pub(super) fn dilemma_update(app: &mut App, dilemma: u16, choice: usize, msg: Message) {
    let Some(s) = app.session.as_mut() else {
        app.overlay = None;
        return;
    };
    let Some(def) = s.game.rules().dilemmas.get(usize::from(dilemma)) else {
        app.overlay = None;
        return;
    };
    let n = def.choices.len();
    let pick = |c: usize| Some(Overlay::Dilemma { dilemma, choice: c });
    let chosen = match msg {
        Message::Up => {
            app.overlay = pick(choice.saturating_sub(1));
            None
        }
        Message::Down => {
            app.overlay = pick((choice + 1).min(n.saturating_sub(1)));
            None
        }
        Message::Digit(d) if usize::from(d) >= 1 && usize::from(d) <= n => Some(usize::from(d) - 1),
        Message::Pick { row } if row < n => Some(row),
        Message::Confirm => Some(choice),
        Message::Back => {
            app.overlay = None;
            None
        }
        _ => None,
    };
    let Some(c) = chosen.and_then(|c| def.choices.get(c)) else {
        return;
    };
    let (did, cid) = (def.id.clone(), c.id.clone());
    s.draft.answers.insert(did, cid);
    app.overlay = s.unanswered().first().map(|d| dilemma_overlay(s, *d));
}

//! The overlays' part of `update`: help, quit, commit, a dilemma, the why
//! view and what a cause means, the name prompt, an initiative's or a
//! dilemma's whole text.

use super::app::{App, Overlay, Screen};
use super::message::Message;
use super::text;
use super::update::Command;

pub(super) fn overlay_update(app: &mut App, overlay: Overlay, msg: Message) -> Command {
    if matches!(msg, Message::Help) {
        app.overlay = Some(Overlay::Help { scroll: 0 });
        return Command::None;
    }
    match overlay {
        Overlay::Save | Overlay::News => {
            if matches!(msg, Message::Back) {
                app.overlay = None;
            }
        }
        Overlay::Help { scroll } => match msg {
            Message::Back => app.overlay = None,
            Message::Page { down } => {
                app.overlay = Some(Overlay::Help {
                    scroll: page(scroll, down),
                })
            }
            Message::Up => {
                app.overlay = Some(Overlay::Help {
                    scroll: scroll.saturating_sub(1),
                })
            }
            Message::Down => {
                let scroll = scroll.saturating_add(1).min(text::BRIEFING_SCROLL_MAX);
                app.overlay = Some(Overlay::Help { scroll });
            }
            _ => {}
        },
        Overlay::Quit => match msg {
            Message::Back => app.overlay = None,
            Message::RetrySave => return Command::Autosave,
            _ => {}
        },
        Overlay::Commit => match msg {
            Message::Back => app.overlay = None,
            Message::Confirm => return super::update::commit(app),
            _ => {}
        },
        Overlay::Dilemma { dilemma, choice } => {
            super::decide::dilemma_update(app, dilemma, choice, msg);
        }
        Overlay::Why => why_update(app, msg),
        Overlay::Name => name_update(app, msg),
        Overlay::Detail { scroll } => match msg {
            Message::Back | Message::Detail => app.overlay = None,
            Message::Page { down } => {
                app.overlay = Some(Overlay::Detail {
                    scroll: page(scroll, down),
                })
            }
            Message::Up => {
                app.overlay = Some(Overlay::Detail {
                    scroll: scroll.saturating_sub(1),
                })
            }
            Message::Down => {
                let scroll = scroll.saturating_add(1).min(text::BRIEFING_SCROLL_MAX);
                app.overlay = Some(Overlay::Detail { scroll });
            }
            _ => {}
        },
        Overlay::Glossary { .. } => {
            if matches!(msg, Message::Back | Message::Explain) {
                app.overlay = Some(Overlay::Why);
            }
        }
        Overlay::History { quarter, page } => {
            return super::branch::history_update(app, quarter, page, msg);
        }
        Overlay::BranchAsk { at } => return super::branch::branch_ask_update(app, at, msg),
        Overlay::Differences { run, scroll } => {
            super::branch::differences_update(app, run, scroll, msg);
        }
        Overlay::Versus { runs, selected } => {
            return super::branch::versus_update(app, runs, selected, msg);
        }
    }
    Command::None
}

/// A scroll offset a page further (or back).
pub(super) fn page(scroll: u16, down: bool) -> u16 {
    if down {
        scroll
            .saturating_add(text::PAGE)
            .min(text::BRIEFING_SCROLL_MAX)
    } else {
        scroll.saturating_sub(text::PAGE)
    }
}

/// The why overlay: ←→ another figure, ↑↓ a cause, `?` what it means.
fn why_update(app: &mut App, msg: Message) {
    let Some(s) = app.session.as_mut() else {
        app.overlay = None;
        return;
    };
    match msg {
        Message::Back => app.overlay = None,
        Message::Tab { forward } => {
            s.metric = s.metric.step(forward);
            s.why_row = 0;
        }
        Message::Up => s.why_row = s.why_row.saturating_sub(1),
        Message::Down => {
            let rows = super::view::why_causes(s).len();
            s.why_row = (s.why_row + 1).min(rows.saturating_sub(1));
        }
        Message::Explain => {
            if let Some(cause) = super::view::why_causes(s).get(s.why_row) {
                app.overlay = Some(Overlay::Glossary {
                    cause: cause.clone(),
                });
            }
        }
        _ => {}
    }
}

/// The name prompt before play: letters, Backspace, Enter once a name is
/// typed, Esc back to the title screen.
fn name_update(app: &mut App, msg: Message) {
    let Some(s) = app.session.as_mut() else {
        app.overlay = None;
        return;
    };
    match msg {
        Message::Char(c) if !c.is_control() && s.player.chars().count() < text::PLAYER_MAX => {
            s.player.push(c);
        }
        Message::Digit(d) if s.player.chars().count() < text::PLAYER_MAX => {
            s.player.push(char::from(b'0' + d.min(9)));
        }
        Message::Erase => {
            s.player.pop();
        }
        Message::Confirm => {
            let name = s.player.trim().to_string();
            if name.is_empty() {
                app.notice = Some(text::NAME_NEEDED.to_string());
            } else {
                s.player = name.clone();
                app.title.player = name;
                app.overlay = None;
            }
        }
        Message::Back => {
            app.overlay = None;
            app.session = None;
            app.screen = Screen::Title;
        }
        _ => {}
    }
}

//! Small drawing helpers shared by the views: panels, centred pop-ups,
//! word wrapping, the key footer.

use crate::tui::text::Keys;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

/// A bordered panel with a title; the focused one stands out.
pub fn panel<'a>(title: impl Into<Line<'a>>, theme: Theme, focused: bool) -> Block<'a> {
    let style = if focused {
        theme.focus_border()
    } else {
        theme.border()
    };
    Block::bordered()
        .border_style(style)
        .title(title.into().style(theme.title()))
}

/// A rectangle of at most `width` × `height` centred in `area`, cleared.
pub fn popup(area: Rect, width: u16, height: u16, buf: &mut Buffer) -> Rect {
    let r = popup_rect(area, width, height);
    Clear.render(r, buf);
    r
}

/// Where [`popup`] puts a window of `width` × `height` in `area`.
pub fn popup_rect(area: Rect, width: u16, height: u16) -> Rect {
    area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    )
}

/// Where each key of the footer is drawn: (first column, past the last,
/// key), for the same `width` as [`footer`].
pub fn footer_keys(keys: Keys, width: u16) -> Vec<(u16, u16, &'static str)> {
    let mut out = Vec::new();
    let mut used = 0usize;
    for (key, action) in keys {
        let need = key.chars().count() + action.chars().count() + 3;
        if used + need > usize::from(width) {
            break;
        }
        let a = u16::try_from(used).unwrap_or(u16::MAX);
        let b = u16::try_from(used + need).unwrap_or(u16::MAX);
        out.push((a, b, *key));
        used += need;
    }
    out
}

/// Splits `text` into lines of at most `width` characters at spaces
/// (words longer than a line are cut); blank lines are kept.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for para in text.lines() {
        let mut line = String::new();
        let mut len = 0;
        for word in para.split_whitespace() {
            let mut w: Vec<char> = word.chars().collect();
            while w.len() > width {
                if len > 0 {
                    out.push(std::mem::take(&mut line));
                    len = 0;
                }
                let rest = w.split_off(width);
                out.push(w.into_iter().collect());
                w = rest;
            }
            if len > 0 && len + 1 + w.len() > width {
                out.push(std::mem::take(&mut line));
                len = 0;
            }
            if len > 0 {
                line.push(' ');
                len += 1;
            }
            len += w.len();
            line.extend(w);
        }
        out.push(line);
    }
    out
}

/// The key footer: as many `key action` pairs as fit in `width`.
pub fn footer(keys: Keys, theme: Theme, width: u16) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0usize;
    for (key, action) in keys {
        let need = key.chars().count() + action.chars().count() + 3;
        if used + need > usize::from(width) {
            break;
        }
        spans.push(Span::styled(format!(" {key}"), theme.key()));
        spans.push(Span::raw(format!(" {action} ")));
        used += need;
    }
    Line::from(spans)
}

/// Renders `lines` into `area`, top to bottom, clipped.
pub fn lines(area: Rect, buf: &mut Buffer, lines: Vec<Line<'_>>) {
    for (line, row) in lines.into_iter().zip(area.rows()) {
        line.render(row, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap("a bb ccc dddd", 6), vec!["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("one\n\ntwo", 10), vec!["one", "", "two"]);
        assert_eq!(wrap("x", 0), vec!["x"]);
    }

    #[test]
    fn footer_drops_what_does_not_fit() {
        let keys: Keys = &[("Enter", "go"), ("q", "quit")];
        let wide = footer(keys, Theme::plain(), 80);
        assert_eq!(wide.spans.len(), 4);
        let narrow = footer(keys, Theme::plain(), 10);
        assert_eq!(narrow.spans.len(), 2);
        assert!(footer(keys, Theme::plain(), 0).spans.is_empty());
    }
}

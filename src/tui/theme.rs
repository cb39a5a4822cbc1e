//! Styles in one place. With `NO_COLOR` set (https://no-color.org) every
//! style falls back to bold, reverse and underline only, and chart lines
//! are told apart by their markers and legends.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;

/// The palette of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours may be used.
    pub color: bool,
}

impl Theme {
    /// Colours unless the `NO_COLOR` environment variable is set and not empty.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    /// A theme without colours (tests and `NO_COLOR`).
    pub fn plain() -> Theme {
        Theme { color: false }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// Titles and headings.
    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// Text of lesser importance.
    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// The selected row or field.
    pub fn selected(self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// A good change.
    pub fn good(self) -> Style {
        self.fg(Color::Green)
    }

    /// A bad change.
    pub fn bad(self) -> Style {
        self.fg(Color::Red)
    }

    /// Warnings and problems that block an action.
    pub fn warn(self) -> Style {
        if self.color {
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// Keys in the footer and in help.
    pub fn key(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// Borders of panels.
    pub fn border(self) -> Style {
        self.fg(Color::Gray)
    }

    /// Borders of the panel that has the keyboard.
    pub fn focus_border(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// A style for a change, good when `better` is true.
    pub fn change(self, change: f64, higher_is_better: bool) -> Style {
        if change.abs() < 1e-9 {
            Style::new()
        } else if (change > 0.0) == higher_is_better {
            self.good()
        } else {
            self.bad()
        }
    }

    /// The style and marker of the `n`th line of a chart.
    pub fn series(self, n: usize) -> (Style, Marker) {
        const COLORS: [Color; 5] = [
            Color::Cyan,
            Color::Yellow,
            Color::Magenta,
            Color::Green,
            Color::Red,
        ];
        // Without colour the lines differ by their marks; ▀ and ▄ (half
        // blocks) look alike, so only marks that do not are used.
        const MARKERS: [Marker; 4] = [Marker::Braille, Marker::Dot, Marker::Block, Marker::Bar];
        if self.color {
            (Style::new().fg(COLORS[n % COLORS.len()]), Marker::Braille)
        } else {
            (Style::new(), MARKERS[n % MARKERS.len()])
        }
    }
}

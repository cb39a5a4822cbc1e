//! The one renderer of diagnostics, after rustc's: the message, the place
//! (`--> file:line:column`), the source line with the mistake underlined
//! and its key path beside the caret, then `= help:`. Coloured on a
//! terminal, plain when piped or under `NO_COLOR`. Every text the author
//! wrote is shown with control and direction characters replaced, and a
//! long line is shown as a window around the mistake.

use super::{Collector, Diagnostic, LineIndex, Severity};
use std::fmt::Write as _;

/// Whether to colour the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    Color,
}

/// Colour for text written to stderr: a terminal, `NO_COLOR` unset or
/// empty (<https://no-color.org>), and a terminal that is not `dumb`.
pub fn color_for_stderr() -> Style {
    use std::io::IsTerminal;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    if std::io::stderr().is_terminal() && !no_color && !dumb {
        Style::Color
    } else {
        Style::Plain
    }
}

/// Characters of a source line shown around the mistake.
const WINDOW_BEFORE: usize = 40;
const WINDOW_AFTER: usize = 60;
/// The longest underline drawn.
const MAX_UNDERLINE: usize = 60;

struct Paint(Style);

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        match self.0 {
            Style::Plain => s.to_string(),
            Style::Color => format!("\x1b[{code}m{s}\x1b[0m"),
        }
    }
    fn level(&self, sev: Severity, s: &str) -> String {
        self.wrap(
            match sev {
                Severity::Error => "1;31",
                Severity::Warning => "1;33",
            },
            s,
        )
    }
    fn frame(&self, s: &str) -> String {
        self.wrap("1;34", s)
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
}

/// Renders every diagnostic of a file, errors and warnings in file order,
/// and a last line that counts them. `text` is the file as read
/// (normalized); an empty text shows no source lines.
pub fn render(file: &str, text: &str, found: &Collector, style: Style) -> String {
    let paint = Paint(style);
    let index = LineIndex::new(text);
    let mut sorted: Vec<&Diagnostic> = found.kept.iter().collect();
    sorted.sort_by_key(|d| (d.offset, d.severity));
    let width = sorted
        .iter()
        .map(|d| d.line.to_string().len())
        .max()
        .unwrap_or(1);
    let mut out = String::new();
    for d in sorted {
        one(&mut out, &paint, file, text, &index, d, width);
        out.push_str("\n\n");
    }
    let errors = found.error_count();
    let warnings = found.kept.len() + found.more_errors + found.more_warnings - errors;
    let more = found.more_errors + found.more_warnings;
    if more > 0 {
        let (what, why) = if found.stopped {
            (" or more", "checking stopped early; fix these first")
        } else {
            ("", "fix these first")
        };
        let _ = writeln!(
            out,
            "… and {more}{what} further problem{} not shown ({why})",
            plural(more)
        );
    } else if found.stopped {
        let _ = writeln!(
            out,
            "… checking stopped early: there may be more problems further on (fix these first)"
        );
    }
    let mut counts = Vec::new();
    if errors > 0 {
        let least = if found.stopped { "at least " } else { "" };
        counts.push(format!("{least}{errors} error{}", plural(errors)));
    }
    if warnings > 0 {
        counts.push(format!("{warnings} warning{}", plural(warnings)));
    }
    if counts.is_empty() {
        counts.push("no problems".into());
    }
    let _ = write!(out, "{}: {}", clean(file), counts.join(", "));
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn one(
    out: &mut String,
    paint: &Paint,
    file: &str,
    text: &str,
    index: &LineIndex,
    d: &Diagnostic,
    width: usize,
) {
    let (word, sev) = match d.severity {
        Severity::Error => ("error", d.severity),
        Severity::Warning => ("warning", d.severity),
    };
    let _ = writeln!(
        out,
        "{}{}",
        paint.level(sev, word),
        paint.bold(&format!(": {}", clean(&d.message)))
    );
    let pad = " ".repeat(width);
    let _ = write!(
        out,
        "{pad}{} {}:{}:{}",
        paint.frame("-->"),
        clean(file),
        d.line,
        d.column
    );
    let span = index.line_span(d.line);
    if let Some(line) = text.get(span.clone()).filter(|_| !text.is_empty()) {
        let at = d.offset.saturating_sub(span.start);
        let (shown, caret_at, caret_len) = snippet(line, at, underline(text, d));
        let bar = paint.frame("|");
        let _ = write!(out, "\n{pad} {bar}\n");
        let _ = writeln!(
            out,
            "{} {bar} {shown}",
            paint.frame(&format!("{:>width$}", d.line))
        );
        let label = if d.path.is_empty() {
            String::new()
        } else {
            format!(" {}", super::shorten(&clean(&d.path), 80))
        };
        let marks = format!("{}{label}", "^".repeat(caret_len.max(1)));
        let _ = write!(
            out,
            "{pad} {bar} {}{}",
            " ".repeat(caret_at),
            paint.level(sev, &marks)
        );
    } else if !d.path.is_empty() {
        let _ = write!(
            out,
            "\n{pad} {} in {}",
            paint.frame("="),
            super::shorten(&clean(&d.path), 80)
        );
    }
    if let Some(help) = &d.help {
        let _ = write!(
            out,
            "\n{pad} {} {}: {}",
            paint.frame("="),
            paint.bold("help"),
            clean(help)
        );
    }
}

/// How many characters to underline: the quoted text, the `[header]` or
/// the word that starts at the diagnostic.
fn underline(text: &str, d: &Diagnostic) -> usize {
    if d.len > 0 {
        return text
            .get(d.offset..d.offset + d.len)
            .map_or(1, |s| s.chars().count());
    }
    let rest = text.get(d.offset..).unwrap_or("");
    let mut chars = rest.chars();
    let n = match chars.next() {
        None | Some('\n') => 1,
        // A text over several lines: its first line.
        Some('"') if rest.starts_with("\"\"\"") => rest
            .split('\n')
            .next()
            .map_or(1, |l| l.chars().take(MAX_UNDERLINE).count()),
        Some('"') => chars
            .take(MAX_UNDERLINE)
            .take_while(|c| *c != '\n')
            .position(|c| c == '"')
            .map_or(1, |p| p + 2),
        Some('[') => chars
            .take(MAX_UNDERLINE)
            .take_while(|c| *c != '\n')
            .position(|c| c == ']')
            .map_or(1, |p| {
                // `p` counts from after the first `[`: `]` is at p + 1.
                let double = rest.starts_with("[[")
                    && rest.get(p + 1..).is_some_and(|r| r.starts_with("]]"));
                p + 2 + usize::from(double)
            }),
        Some(_) => {
            1 + chars
                .take(MAX_UNDERLINE)
                .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '}' | ']' | '=' | '"'))
                .count()
        }
    };
    n.clamp(1, MAX_UNDERLINE)
}

/// The source line as shown (a window around the mistake when long),
/// where its caret starts and how long it is, in shown characters. `at`
/// is the mistake's byte offset in the line; only the window is decoded,
/// so a megabyte-long line costs no more than a short one.
fn snippet(line: &str, at: usize, len: usize) -> (String, usize, usize) {
    let at = floor(line, at.min(line.len()));
    let limit = WINDOW_BEFORE + WINDOW_AFTER + 20;
    let short = line.len() <= 4 * limit && line.chars().count() <= limit;
    let (before, after, cut_left, cut_right): (Vec<char>, Vec<char>, bool, bool) = if short {
        (
            line[..at].chars().collect(),
            line[at..].chars().collect(),
            false,
            false,
        )
    } else {
        let lo = floor(line, at.saturating_sub(4 * WINDOW_BEFORE));
        let mut b: Vec<char> = line[lo..at].chars().collect();
        let cut_left = lo > 0 || b.len() > WINDOW_BEFORE;
        if b.len() > WINDOW_BEFORE {
            b.drain(..b.len() - WINDOW_BEFORE);
        }
        let hi = ceil(line, (at + 4 * WINDOW_AFTER).min(line.len()));
        let mut a: Vec<char> = line[at..hi].chars().collect();
        let cut_right = hi < line.len() || a.len() > WINDOW_AFTER;
        a.truncate(WINDOW_AFTER);
        (b, a, cut_left, cut_right)
    };
    let mut shown = String::new();
    let mut caret_at = 0;
    let mut caret_len = 0;
    if cut_left {
        shown.push('…');
        caret_at += 1;
    }
    for c in &before {
        let piece = show_char(*c);
        caret_at += piece.chars().count();
        shown.push_str(&piece);
    }
    for (i, c) in after.iter().enumerate() {
        let piece = show_char(*c);
        if i < len {
            caret_len += piece.chars().count();
        }
        shown.push_str(&piece);
    }
    if cut_right {
        shown.push('…');
    }
    (shown.trim_end().to_string(), caret_at, caret_len.max(1))
}

/// The nearest character boundary at or before a byte offset.
fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The nearest character boundary at or after a byte offset.
fn ceil(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// A character of the author's text as it is safe to print.
fn show_char(c: char) -> String {
    match c {
        '\t' => "    ".into(),
        c if crate::output::is_hidden(c) => "\u{fffd}".into(),
        c => c.to_string(),
    }
}

/// A message as it is safe to print: line breaks kept, everything else
/// by the project's one terminal policy ([`crate::output::escape_lines`]).
fn clean(s: &str) -> String {
    crate::output::escape_lines(s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(text: &str, offset: usize, sev: Severity, path: &str) -> Diagnostic {
        let at = LineIndex::new(text).locate(text, offset);
        Diagnostic {
            severity: sev,
            offset,
            len: 0,
            line: at.line,
            column: at.column,
            path: path.into(),
            message: "unknown key \"titel\"".into(),
            help: Some("did you mean \"title\"?".into()),
        }
    }

    #[test]
    fn a_diagnostic_shows_its_line_with_a_caret_under_the_mistake() {
        let text = "id = \"x\"\n[[event]]\ntitel = \"Rival\"\n";
        let found = Collector {
            kept: vec![diag(text, 19, Severity::Error, "event[0].titel")],
            ..Collector::default()
        };
        let shown = render("x.toml", text, &found, Style::Plain);
        assert_eq!(
            shown,
            "error: unknown key \"titel\"\n --> x.toml:3:1\n  |\n3 | titel = \"Rival\"\n  | ^^^^^ event[0].titel\n  = help: did you mean \"title\"?\n\nx.toml: 1 error"
        );
        let coloured = render("x.toml", text, &found, Style::Color);
        assert!(coloured.contains("\x1b[1;31merror\x1b[0m"), "{coloured}");
    }

    #[test]
    fn long_lines_show_a_window_and_control_characters_are_replaced() {
        let text = format!("{}x = \"\x1b[2J\"", "a".repeat(5000));
        let found = Collector {
            kept: vec![diag(&text, 5000, Severity::Warning, "")],
            ..Collector::default()
        };
        let shown = render("x.toml", &text, &found, Style::Plain);
        assert!(!shown.contains('\x1b'), "{shown}");
        assert!(shown.len() < 600, "{shown}");
        assert!(shown.contains("warning: "), "{shown}");
        let caret_line: Vec<char> = shown.lines().nth(4).unwrap_or("").chars().collect();
        let code_line: Vec<char> = shown.lines().nth(3).unwrap_or("").chars().collect();
        let caret = caret_line.iter().position(|c| *c == '^').unwrap_or(0);
        assert_eq!(code_line.get(caret), Some(&'x'), "{shown}");
    }
}

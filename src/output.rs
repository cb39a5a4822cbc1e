//! The one policy for text that reaches a terminal from a file or an
//! argument, and the one writer every command prints through.
//!
//! - [`escape`] (and [`escape_lines`]) make any text safe to show: control
//!   characters, text-direction overrides and marks, invisible characters
//!   (zero-width, TAG characters, line and paragraph separators) become
//!   visible `\u{…}` escapes, and a flood of combining marks is cut short.
//!   Scenario validation refuses the same characters ([`is_hidden`]), so an
//!   author learns of them at `scenario check` instead of in class.
//! - [`print`] writes to standard output; a closed pipe (`| head -1`) makes
//!   every later write a no-op instead of a panic, and a full disk is an
//!   error to report. [`eprint`] writes to standard error and never fails.
//!
//! `sim` does not use this module: the model has no terminal.

use std::borrow::Cow;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Combining marks allowed in a row on one character (Vietnamese needs
/// two; a "zalgo" flood has hundreds).
pub const MAX_COMBINING: usize = 4;

/// Whether a character could act on a terminal or hide in text: C0 and C1
/// controls (ESC, CR, …), DEL, bidirectional overrides, isolates and
/// marks, zero-width characters, the line and paragraph separators, TAG
/// characters, and the interlinear annotation and object replacement
/// controls. Tabs and line breaks are not: callers decide about those.
pub fn is_hidden(c: char) -> bool {
    matches!(c,
        '\0'..='\u{08}' | '\u{0b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        // Soft hyphen, Arabic letter mark, Mongolian vowel separator.
        | '\u{ad}' | '\u{61c}' | '\u{180e}'
        // Zero-width space/joiners, LRM/RLM, line/paragraph separators,
        // embeddings and overrides, word joiner and invisible operators,
        // isolates, deprecated format controls.
        | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}'
        // Byte order mark / zero-width no-break space; interlinear
        // annotation; variation selectors 1–16.
        | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{fe00}'..='\u{fe0f}'
        // TAG characters and variation selectors 17–256.
        | '\u{e0000}'..='\u{e007f}' | '\u{e0100}'..='\u{e01ef}'
    )
}

/// Whether a character is a combining mark (the common blocks: enough to
/// catch floods, which stack marks from these).
pub fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36f}' | '\u{483}'..='\u{489}' | '\u{591}'..='\u{5bd}'
        | '\u{610}'..='\u{61a}' | '\u{64b}'..='\u{65f}' | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}'
    )
}

/// The first position (in characters) where text breaks the policy, and
/// the character: a hidden character, or the first combining mark past
/// [`MAX_COMBINING`] in a row. Tabs pass; line breaks pass when `multiline`.
pub fn first_unsafe(text: &str, multiline: bool) -> Option<(usize, char)> {
    let mut run = 0;
    for (i, c) in text.chars().enumerate() {
        if c == '\n' && !multiline || c != '\n' && c != '\t' && is_hidden(c) {
            return Some((i, c));
        }
        run = if is_combining(c) { run + 1 } else { 0 };
        if run > MAX_COMBINING {
            return Some((i, c));
        }
    }
    None
}

/// `text` safe for one line of a terminal: every hidden character, tab and
/// line break as `\u{…}` (`\t`, `\n`, `\r` for the usual ones), combining
/// marks past [`MAX_COMBINING`] in a row dropped (with one `\u{…}` for the
/// first dropped).
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_with(text, false)
}

/// [`escape`], but line breaks and tabs stay as they are: for messages of
/// several lines (a quoted source line keeps its alignment).
pub fn escape_lines(text: &str) -> Cow<'_, str> {
    escape_with(text, true)
}

fn escape_with(text: &str, keep_lines: bool) -> Cow<'_, str> {
    let is_plain = |c: char| {
        let kept = keep_lines && (c == '\t' || c == '\n');
        kept || !(is_hidden(c) || c == '\t' || c == '\n' || is_combining(c))
    };
    if text.chars().all(is_plain) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut run = 0;
    for c in text.chars() {
        run = if is_combining(c) { run + 1 } else { 0 };
        match c {
            '\n' | '\t' if keep_lines => out.push(c),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_hidden(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c if run == MAX_COMBINING + 1 => out.push_str(&format!("\\u{{{:x}}}…", u32::from(c))),
            _ if run > MAX_COMBINING => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Set once standard output is a closed pipe: the reader is gone, so what
/// is left to print is dropped and the command ends normally.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Writes `text` to standard output and flushes. A closed pipe is not an
/// error (nobody is reading); any other failure (a full disk) is.
pub fn print(text: &str) -> io::Result<()> {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return Ok(());
    }
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
            Ok(())
        }
        other => other,
    }
}

/// [`print`] with a line break after `line`.
pub fn println(line: &str) -> io::Result<()> {
    print(&format!("{line}\n"))
}

/// Writes `text` to standard error, ignoring failure: there is nowhere
/// left to report it, and a message is never worth a panic.
pub fn eprint(text: &str) {
    let mut err = io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
}

/// [`eprint`] with a line break after `line`.
pub fn eprintln(line: &str) {
    eprint(&format!("{line}\n"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_become_visible() {
        assert_eq!(escape("plain – “text” é"), "plain – “text” é");
        assert_eq!(escape("a\x1b]0;owned\x07b"), "a\\u{1b}]0;owned\\u{7}b");
        assert_eq!(escape("x\u{202e}gpj.exe"), "x\\u{202e}gpj.exe");
        assert_eq!(
            escape("zero\u{200b}width\u{2028}"),
            "zero\\u{200b}width\\u{2028}"
        );
        assert_eq!(escape("tag\u{e0041}"), "tag\\u{e0041}");
        assert_eq!(escape("two\nlines\tand\r"), "two\\nlines\\tand\\r");
        assert_eq!(escape_lines("two\nlines\tx\r"), "two\nlines\tx\\r");
        assert_eq!(escape("\u{9b}31m"), "\\u{9b}31m");
    }

    #[test]
    fn combining_floods_are_cut_short() {
        let vietnamese = "Việt Nam ệ\u{301}";
        assert_eq!(escape(vietnamese), vietnamese);
        let flood = format!("z{}!", "\u{301}".repeat(300));
        let shown = escape(&flood);
        assert_eq!(shown, format!("z{}\\u{{301}}…!", "\u{301}".repeat(4)));
        assert_eq!(first_unsafe(&flood, false), Some((5, '\u{301}')));
    }

    #[test]
    fn the_policy_finds_the_first_unsafe_character() {
        assert_eq!(first_unsafe("plain\ttext", false), None);
        assert_eq!(first_unsafe("two\nlines", true), None);
        assert_eq!(first_unsafe("two\nlines", false), Some((3, '\n')));
        assert_eq!(first_unsafe("a\u{200d}b", true), Some((1, '\u{200d}')));
        assert_eq!(first_unsafe("a\u{2029}", true), Some((1, '\u{2029}')));
    }
}

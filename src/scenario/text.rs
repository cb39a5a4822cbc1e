//! Checks on text from scenario files. Text ends up on players' terminals,
//! so it may not carry control characters (an escape sequence could
//! repaint or retitle the screen) or invisible ones (they garble layout), and ids must be plain words that plans,
//! saves and the command line can name.

/// The longest id accepted.
pub const MAX_ID_LEN: usize = 40;

/// The first character a terminal could act on or that would hide in
/// the text, with its position (0-based, in characters): the output
/// policy's rule ([`crate::output::first_unsafe`]), so that what a check
/// refuses and what a terminal would escape are the same characters.
/// Line breaks are allowed only when `multiline`.
pub fn forbidden_char(text: &str, multiline: bool) -> Option<(usize, char)> {
    crate::output::first_unsafe(text, multiline)
}

/// A name for a forbidden character, for messages.
pub fn describe_char(c: char) -> String {
    let name = match c {
        '\n' => Some("a line break"),
        '\r' => Some("a carriage return"),
        '\u{1b}' => Some("an escape character"),
        '\0' => Some("a NUL character"),
        '\u{7f}' => Some("a DEL character"),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}' => {
            Some("a text-direction control")
        }
        '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}' => {
            Some("an invisible character")
        }
        '\u{2028}' | '\u{2029}' => Some("a Unicode line or paragraph separator"),
        '\u{e0000}'..='\u{e007f}' => Some("an invisible TAG character"),
        c if crate::output::is_combining(c) => Some("one combining mark too many in a row"),
        c if !c.is_control() => Some("an invisible formatting character"),
        _ => None,
    };
    let code = format!("U+{:04X}", u32::from(c));
    match name {
        Some(n) => format!("{n} ({code})"),
        None => format!("the control character {code}"),
    }
}

/// Why an id is not acceptable, if it is not.
pub fn id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("the id is empty".into());
    }
    if id.chars().count() > MAX_ID_LEN {
        return Some(format!("the id is longer than {MAX_ID_LEN} characters"));
    }
    if id.chars().all(is_id_char) {
        return None;
    }
    Some(format!(
        "id \"{}\" may only use a-z, 0-9, _ and -",
        id.escape_debug()
    ))
}

fn is_id_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-'
}

/// An id made from any text: lower case, other characters become `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if is_id_char(c) {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed: String = out.trim_end_matches('-').chars().take(MAX_ID_LEN).collect();
    if trimmed.is_empty() {
        "my-id".into()
    } else {
        trimmed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_are_found() {
        assert_eq!(forbidden_char("plain text\twith tab", false), None);
        assert_eq!(forbidden_char("two\nlines", true), None);
        assert_eq!(forbidden_char("two\nlines", false), Some((3, '\n')));
        assert_eq!(forbidden_char("a\u{1b}[2J", true), Some((1, '\u{1b}')));
        assert_eq!(forbidden_char("é\u{85}", true), Some((1, '\u{85}')));
        assert_eq!(forbidden_char("x\u{7f}", true), Some((1, '\u{7f}')));
        assert_eq!(forbidden_char("\u{202e}abc", true), Some((0, '\u{202e}')));
        assert_eq!(forbidden_char("café – ok “quotes”", false), None);
        // Invisible and layout-breaking characters (issue 9, L4).
        assert_eq!(forbidden_char("a\u{200b}b", false), Some((1, '\u{200b}')));
        assert_eq!(forbidden_char("a\u{200f}b", false), Some((1, '\u{200f}')));
        assert_eq!(forbidden_char("a\u{2028}b", true), Some((1, '\u{2028}')));
        assert_eq!(forbidden_char("a\u{e0041}", true), Some((1, '\u{e0041}')));
        let flood = format!("z{}", "\u{301}".repeat(50));
        assert_eq!(forbidden_char(&flood, true), Some((5, '\u{301}')));
    }

    #[test]
    fn characters_are_named() {
        assert_eq!(describe_char('\u{1b}'), "an escape character (U+001B)");
        assert_eq!(describe_char('\u{7}'), "the control character U+0007");
        assert_eq!(describe_char('\u{200b}'), "an invisible character (U+200B)");
    }

    #[test]
    fn ids_are_plain_words() {
        assert_eq!(id_problem("rival-launch_2"), None);
        assert!(id_problem("").is_some());
        assert!(id_problem("Rival Launch").is_some());
        assert!(id_problem(&"a".repeat(41)).is_some());
        assert_eq!(slug("Rival Launch!"), "rival-launch");
        assert_eq!(slug("***"), "my-id");
    }
}

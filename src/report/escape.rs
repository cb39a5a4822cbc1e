//! Escaping, one function per destination: every text that comes from a
//! save or a scenario (player names are user input) goes through one of
//! these on its way to a page, a Markdown file, a spreadsheet or a
//! terminal.

/// Text safe inside HTML elements and quoted attributes. Control
/// characters (not allowed in HTML) become U+FFFD.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if entity(c, &mut out) {
            continue;
        }
        match c {
            '\n' | '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Writes the HTML entity for one of the five characters HTML gives a
/// meaning (`& < > " '`); false for any other character.
fn entity(c: char, out: &mut String) -> bool {
    let e = match c {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#39;",
        _ => return false,
    };
    out.push_str(e);
    true
}

/// Text safe as inline Markdown, in a paragraph or a table cell: HTML
/// escaped (forges render inline HTML), Markdown punctuation
/// backslash-escaped, line breaks and control characters removed.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if entity(c, &mut out) {
            continue;
        }
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '{' | '}' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '~' | ':' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\t' | '\r' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A CSV field (RFC 4180 quoting) that a spreadsheet will not run as a
/// formula: a leading `=`, `+`, `-`, `@` gets a `'` in front, and control
/// characters become `?`.
pub fn csv(s: &str) -> String {
    let mut clean: String = s
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if clean.starts_with(['=', '+', '-', '@']) {
        clean.insert(0, '\'');
    }
    super::csv::quote(&clean)
}

/// Text safe to print to a terminal. The project's terminal escaping is
/// [`crate::save::printable`]; every terminal text of the debrief and the
/// class report goes through this one call, so it can be swapped in one
/// place.
pub fn terminal(s: &str) -> String {
    crate::output::escape(s).into_owned()
}

/// [`terminal`], line by line: a message of several lines keeps its
/// line breaks.
pub fn terminal_lines(s: &str) -> String {
    crate::output::escape_lines(s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "<script>alert('x')</script> \"Bob\" & \x1b[2J|*_[a](b)\u{7}";

    #[test]
    fn html_has_no_markup_left() {
        let h = html(HOSTILE);
        assert!(!h.contains('<') && !h.contains('>') && !h.contains('"') && !h.contains('\''));
        assert!(!h.chars().any(char::is_control));
        assert!(h.starts_with("&lt;script&gt;alert(&#39;x&#39;)"));
    }

    #[test]
    fn markdown_has_no_markup_left() {
        let m = markdown(HOSTILE);
        assert!(!m.contains('<') && !m.chars().any(char::is_control));
        assert!(m.contains("\\|") && m.contains("\\*\\_\\[a\\]\\(b\\)"));
        // Every pipe is escaped, so a table cell cannot be split.
        assert_eq!(m.matches('|').count(), m.matches("\\|").count());
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        assert_eq!(csv("=1+2"), "'=1+2");
        assert_eq!(csv("a,\"b\""), "\"a,\"\"b\"\"\"");
        assert_eq!(csv("x\ny"), "x?y");
        assert_eq!(csv("Ann"), "Ann");
    }

    #[test]
    fn terminal_text_has_no_control_characters() {
        assert!(!terminal(HOSTILE).chars().any(char::is_control));
    }
}

//! A small document — headings, paragraphs, tables — rendered as terminal
//! text, Markdown or HTML, so a report is written once and read anywhere.
//! Every text is untrusted (names come from files): text output loses
//! control characters, Markdown escapes its table bars, HTML escapes all.

use std::fmt::Write;

/// Where a document is going.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocFormat {
    Text,
    Markdown,
    Html,
}

/// One block of a document.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading(String),
    Para(String),
    /// A header row and rows; columns after the first are right-aligned.
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// A titled list of blocks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Doc {
    pub title: String,
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn heading(&mut self, s: impl Into<String>) {
        self.blocks.push(Block::Heading(s.into()));
    }

    pub fn para(&mut self, s: impl Into<String>) {
        self.blocks.push(Block::Para(s.into()));
    }

    pub fn table(&mut self, head: &[&str], rows: Vec<Vec<String>>) {
        self.blocks.push(Block::Table {
            head: head.iter().map(|h| h.to_string()).collect(),
            rows,
        });
    }

    /// The document in `format`.
    pub fn render(&self, format: DocFormat) -> String {
        match format {
            DocFormat::Text => self.text(),
            DocFormat::Markdown => self.markdown(),
            DocFormat::Html => self.html(),
        }
    }

    fn text(&self) -> String {
        let mut out = format!("{}\n", printable(&self.title));
        for b in &self.blocks {
            match b {
                Block::Heading(h) => {
                    let _ = write!(out, "\n{}\n", printable(h));
                }
                Block::Para(p) => {
                    let _ = writeln!(out, "{}", printable(p));
                }
                Block::Table { head, rows } => {
                    let cells = |r: &[String]| r.iter().map(|c| printable(c)).collect::<Vec<_>>();
                    let all: Vec<Vec<String>> = std::iter::once(cells(head))
                        .chain(rows.iter().map(|r| cells(r)))
                        .collect();
                    let cols = all.iter().map(Vec::len).max().unwrap_or(0);
                    let width = |c: usize| {
                        all.iter()
                            .filter_map(|r| r.get(c))
                            .map(|s| s.chars().count())
                            .max()
                            .unwrap_or(0)
                    };
                    let widths: Vec<usize> = (0..cols).map(width).collect();
                    for r in &all {
                        let line: Vec<String> = r
                            .iter()
                            .zip(&widths)
                            .enumerate()
                            .map(|(i, (c, w))| {
                                if i == 0 {
                                    format!("{c:<w$}")
                                } else {
                                    format!("{c:>w$}")
                                }
                            })
                            .collect();
                        let _ = writeln!(out, "  {}", line.join("  ").trim_end());
                    }
                }
            }
        }
        out
    }

    fn markdown(&self) -> String {
        let md = |s: &str| printable(s).replace('|', "\\|");
        let mut out = format!("# {}\n", md(&self.title));
        for b in &self.blocks {
            match b {
                Block::Heading(h) => {
                    let _ = write!(out, "\n## {}\n\n", md(h));
                }
                Block::Para(p) => {
                    let _ = write!(out, "{}\n\n", md(p));
                }
                Block::Table { head, rows } => {
                    let row = |r: &[String]| {
                        format!(
                            "| {} |\n",
                            r.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | ")
                        )
                    };
                    out.push_str(&row(head));
                    let rule: Vec<&str> = (0..head.len())
                        .map(|i| if i == 0 { "---" } else { "---:" })
                        .collect();
                    let _ = writeln!(out, "| {} |", rule.join(" | "));
                    for r in rows {
                        out.push_str(&row(r));
                    }
                    out.push('\n');
                }
            }
        }
        out
    }

    fn html(&self) -> String {
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{t}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{t}</h1>\n",
            t = escape(&self.title)
        );
        for b in &self.blocks {
            match b {
                Block::Heading(h) => {
                    let _ = writeln!(out, "<h2>{}</h2>", escape(h));
                }
                Block::Para(p) => {
                    let _ = writeln!(out, "<p>{}</p>", escape(p));
                }
                Block::Table { head, rows } => {
                    out.push_str("<table>\n<thead><tr>");
                    for h in head {
                        let _ = write!(out, "<th>{}</th>", escape(h));
                    }
                    out.push_str("</tr></thead>\n<tbody>\n");
                    for r in rows {
                        out.push_str("<tr>");
                        for c in r {
                            let _ = write!(out, "<td>{}</td>", escape(c));
                        }
                        out.push_str("</tr>\n");
                    }
                    out.push_str("</tbody>\n</table>\n");
                }
            }
        }
        out.push_str("</body>\n</html>\n");
        out
    }
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}\
table{border-collapse:collapse;margin:0.5em 0 1.5em}th,td{padding:0.2em 0.7em;border-bottom:1px solid #ddd}\
td+td,th+th{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}";

/// Text safe for a terminal: control characters become `?`.
fn printable(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

/// Text safe inside HTML elements and attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push('?'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Doc {
        let mut d = Doc {
            title: "A <b> & \x1b[2J".into(),
            blocks: Vec::new(),
        };
        d.heading("KPIs");
        d.table(
            &["kpi", "A"],
            vec![
                vec!["score|x".into(), "1.0".into()],
                vec!["c".into(), "10.5".into()],
            ],
        );
        d
    }

    #[test]
    fn untrusted_text_is_escaped_for_each_format() {
        let html = doc().render(DocFormat::Html);
        assert!(html.contains("<h1>A &lt;b&gt; &amp; ?[2J</h1>"), "{html}");
        let md = doc().render(DocFormat::Markdown);
        assert!(md.contains("| score\\|x | 1.0 |"), "{md}");
        let text = doc().render(DocFormat::Text);
        assert!(!text.contains('\x1b'));
        assert!(
            text.contains("  score|x   1.0\n  c        10.5\n"),
            "{text}"
        );
    }
}

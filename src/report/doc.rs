//! A small document — headings, paragraphs, tables — rendered as terminal
//! text, Markdown or HTML, so a report is written once and read anywhere.
//! Every text is untrusted (names come from files) and goes through the
//! project's escaping ([`super::escape`]); HTML is a [`super::page`].

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
        let md = super::escape::markdown;
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

    /// One page (the project's [`super::page`]), a section per heading.
    fn html(&self) -> String {
        use super::escape::html;
        let mut sections = Vec::new();
        let mut heading: Option<&str> = None;
        let mut content = String::new();
        let mut flush = |heading: Option<&str>, content: &mut String| {
            if !content.is_empty() || heading.is_some() {
                let n = sections.len();
                let body = std::mem::take(content);
                sections.push(match heading {
                    Some(h) => super::page::section(&format!("s{n}"), h, &body),
                    None => format!("<section id=\"s{n}\">\n{body}\n</section>"),
                });
            }
        };
        for b in &self.blocks {
            match b {
                Block::Heading(h) => {
                    flush(heading, &mut content);
                    heading = Some(h);
                }
                Block::Para(p) => {
                    let _ = writeln!(content, "<p>{}</p>", html(p));
                }
                Block::Table { head, rows } => {
                    let head: Vec<&str> = head.iter().map(String::as_str).collect();
                    let numeric: Vec<bool> = (0..head.len()).map(|i| i > 0).collect();
                    let rows: Vec<Vec<String>> = rows
                        .iter()
                        .map(|r| r.iter().map(|c| html(c)).collect())
                        .collect();
                    content.push_str(&super::page::table(&head, &numeric, &rows));
                    content.push('\n');
                }
            }
        }
        flush(heading, &mut content);
        super::page::page(&self.title, "", &sections)
    }
}

/// Text safe for a terminal (the project's one terminal escaping).
fn printable(s: &str) -> String {
    super::escape::terminal(s)
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
        assert!(
            html.contains("<h1>A &lt;b&gt; &amp; \u{FFFD}[2J</h1>"),
            "{html}"
        );
        assert!(html.contains("<h2>KPIs</h2>"), "{html}");
        let md = doc().render(DocFormat::Markdown);
        assert!(md.contains("| score\\|x | 1\\.0 |"), "{md}");
        let text = doc().render(DocFormat::Text);
        assert!(!text.contains('\x1b'));
        assert!(
            text.contains("  score|x   1.0\n  c        10.5\n"),
            "{text}"
        );
    }
}

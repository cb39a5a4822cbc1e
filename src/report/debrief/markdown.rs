//! The debrief as Markdown that renders on a code forge: tables, and the
//! charts as SVG files to write beside it (or tables of the figures every
//! other quarter when there are none). Every text from the save or the
//! scenario through [`escape::markdown`].

use super::{DECISION_HEADERS, Debrief, FIGURES, reason_texts};
use crate::report::escape::markdown as md;
use crate::report::{fixed, svg};

/// The debrief as Markdown, and the chart files it links to: with
/// `svg_stem` (e.g. `"ann-debrief"`) each chart is an SVG file
/// `{svg_stem}-{n}.svg` to write beside the Markdown file.
pub fn render_markdown(d: &Debrief<'_>, svg_stem: Option<&str>) -> (String, Vec<(String, String)>) {
    let mut o = String::new();
    let mut files = Vec::new();
    o.push_str(&format!("# Debrief — {}\n\n", md(d.player)));
    o.push_str(&format!(
        "{} ({}), seed {} · {}\n\n",
        md(&d.scenario.title),
        md(&d.scenario.id),
        d.seed,
        md(&d.outcome())
    ));
    if let Some(s) = &d.score {
        let r = s.rounded(1);
        o.push_str(&format!(
            "## Final score: {}\n\n{}\n\n",
            fixed(r.total, 1),
            md(&s.formula)
        ));
        o.push_str("| points | weight | figure | value |\n|---:|---:|---|---:|\n");
        for (t, p) in s.terms.iter().zip(&r.points) {
            o.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                fixed(*p, 1),
                t.weight,
                t.label,
                fixed(t.value, 1)
            ));
        }
        if r.penalty != 0.0 {
            o.push_str(&format!(
                "| {} | | game ended early | |\n",
                fixed(-r.penalty, 1)
            ));
        }
        o.push_str(&format!(
            "| **{}** | | **total** | |\n\n",
            fixed(r.total, 1)
        ));
    }
    o.push_str("## Charts\n\n");
    for (n, (f, chart)) in FIGURES.iter().zip(d.charts()).enumerate() {
        o.push_str(&format!("### {}\n\n", f.title));
        if let Some(stem) = svg_stem {
            let name = format!("{stem}-{}.svg", n + 1);
            o.push_str(&format!("![{}]({})\n\n", f.title, md_link(&name)));
            files.push((name, svg::render(&chart)));
        }
        let lines = d.lines(f);
        let quarters = lines.iter().map(|l| l.1.len()).max().unwrap_or(1);
        let cols: Vec<usize> = (0..quarters)
            .step_by(2)
            .chain([quarters - 1])
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        o.push_str("| |");
        for q in &cols {
            o.push_str(&format!(" Q{q} |"));
        }
        o.push_str("\n|---|");
        o.push_str(&"---:|".repeat(cols.len()));
        o.push('\n');
        for (name, values) in &lines {
            o.push_str(&format!("| {} |", md(name)));
            for q in &cols {
                let v = values
                    .get(*q)
                    .map_or(String::new(), |v| fixed(*v, f.decimals));
                o.push_str(&format!(" {v} |"));
            }
            o.push('\n');
        }
        o.push('\n');
    }
    o.push_str("## The story\n\n");
    for m in &d.story {
        o.push_str(&format!(
            "- **Q{}** · {} · {}",
            m.quarter,
            m.kind.tag(),
            md(&m.title)
        ));
        let reasons = reason_texts(m);
        if !reasons.is_empty() {
            let r: Vec<String> = reasons.iter().map(|r| md(r)).collect();
            o.push_str(&format!(" — {}", r.join("; ")));
        }
        o.push('\n');
    }
    o.push_str("\n## Lessons\n\n");
    for l in d.lesson_lines() {
        o.push_str(&format!("- {}\n", md(&l)));
    }
    o.push_str("\n## Decisions\n\n|");
    for h in DECISION_HEADERS {
        o.push_str(&format!(" {h} |"));
    }
    o.push_str("\n|---:|---:|---:|---:|---:|---|---|\n");
    for row in d.decision_rows() {
        o.push('|');
        for (i, cell) in row.iter().enumerate() {
            let c = if i >= 5 { md(cell) } else { cell.clone() };
            o.push_str(&format!(" {c} |"));
        }
        o.push('\n');
    }
    (o, files)
}

/// A file name as a Markdown link target (names we build: no spaces).
fn md_link(name: &str) -> String {
    name.replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
}

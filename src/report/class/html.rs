//! The class report as one self-contained HTML page to project or print:
//! every text from a save or a scenario through [`escape::html`].

use super::ClassReport;
use super::charts::kpi_charts;
use super::table::{LEVERS, cause_rows, headline, leaderboard, lever_rows, set_aside};
use crate::analysis::BEST_NOTE;
use crate::report::escape::html;
use crate::report::page::{page, section, table};
use crate::report::{fixed, svg};

/// The class report as an HTML page.
pub fn render_html(r: &ClassReport) -> String {
    let (title, sub) = headline(r);
    let mut sections = Vec::new();
    let (headers, rows) = leaderboard(r);
    let hs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let numeric: Vec<bool> = (0..hs.len()).map(|i| i != 1).collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.rendered(html, 0, |v| format!("bench:{v}")))
        .collect();
    let formula = r
        .scenario
        .as_ref()
        .map_or(String::new(), |s| html(&s.rules.scoring.formula()));
    sections.push(section(
        "leaderboard",
        "Leaderboard",
        &format!(
            "<p class=\"note\">{formula}. Benchmark rows are played on the class's seed; {}.</p>{}",
            html(BEST_NOTE),
            table(&hs, &numeric, &cells)
        ),
    ));
    let aside = set_aside(r);
    if !aside.is_empty() {
        let rows: Vec<Vec<String>> = aside
            .iter()
            .map(|a| {
                vec![
                    html(&a[0]),
                    html(&a[1]),
                    format!("<span class=\"flag\">{}</span>", html(&a[2])),
                    html(&a[3]),
                ]
            })
            .collect();
        sections.push(section(
            "set-aside",
            "Set aside (not ranked)",
            &table(&["file", "player", "status", "why"], &[false; 4], &rows),
        ));
    }
    if let Some(d) = &r.distribution {
        let most = d.bins.iter().map(|b| b.1).max().unwrap_or(1).max(1);
        let bars: Vec<Vec<String>> = d
            .bins
            .iter()
            .map(|(edge, n)| {
                vec![
                    fixed(*edge, 1),
                    format!(
                        "<span style=\"display:inline-block;background:#1d4f91;height:0.8em;width:{}em\"></span> {n}",
                        (n * 16) as f64 / most as f64
                    ),
                ]
            })
            .collect();
        let (charts, drawn) = kpi_charts(r);
        let svgs: Vec<String> = charts.iter().map(svg::render).collect();
        let sample = if drawn < d.count {
            format!(
                " ({drawn} of {} players drawn, evenly through the ranking)",
                d.count
            )
        } else {
            String::new()
        };
        sections.push(section(
            "distribution",
            "The class",
            &format!(
                "<p>{}.</p>{}<h3>KPIs over the game</h3><p class=\"note\">Each grey line is a player{sample}; the benchmarks are coloured.</p><div class=\"charts\">{}</div>",
                d.summary("ranked scores"),
                table(&["score from", "players"], &[true, false], &bars),
                svgs.join("\n")
            ),
        ));
    }
    if let Some(w) = &r.why {
        let mut c = format!(
            "<p>The top {} of the class (mean score {}) against the bottom {} (mean {}).</p>",
            w.group,
            fixed(w.mean_top, 1),
            w.group,
            fixed(w.mean_bottom, 1)
        );
        let mut hs = vec!["year"];
        hs.extend(LEVERS);
        c.push_str("<h3>Money per lever per year (top / bottom)</h3>");
        c.push_str(&table(&hs, &[true; 5], &lever_rows(w)));
        if !w.initiatives.is_empty() {
            let rows: Vec<Vec<String>> = w
                .initiatives
                .iter()
                .map(|(n, a, b)| vec![html(n), fixed(*a, 2), fixed(*b, 2)])
                .collect();
            c.push_str("<h3>Initiatives started per player</h3>");
            c.push_str(&table(
                &["initiative", "top", "bottom"],
                &[false, true, true],
                &rows,
            ));
        }
        if !w.answers.is_empty() {
            let rows: Vec<Vec<String>> = w
                .answers
                .iter()
                .map(|a| {
                    vec![
                        html(&a.answer),
                        a.top.to_string(),
                        a.bottom.to_string(),
                        a.all.to_string(),
                        fixed(a.mean_score, 1),
                    ]
                })
                .collect();
            c.push_str("<h3>Dilemma answers and their average outcomes</h3>");
            c.push_str(&table(
                &["answer", "top", "bottom", "everyone", "their mean score"],
                &[false, true, true, true, true],
                &rows,
            ));
        }
        let rows: Vec<Vec<String>> = cause_rows(w)
            .iter()
            .map(|r| {
                vec![
                    html(&r[0]),
                    html(&r[1]),
                    r[2].clone(),
                    r[3].clone(),
                    r[4].clone(),
                ]
            })
            .collect();
        c.push_str("<h3>Ledger causes whose sums differed most</h3>");
        c.push_str(&table(
            &[
                "figure",
                "cause",
                "top (mean)",
                "bottom (mean)",
                "difference",
            ],
            &[false, false, true, true, true],
            &rows,
        ));
        sections.push(section("why", "Why results differed", &c));
    } else if !r.rows.is_empty() {
        sections.push(section(
            "why",
            "Why results differed",
            &format!("<p>{}</p>", html(super::TOO_FEW_FOR_WHY)),
        ));
    }
    if !r.copies.is_empty() || !r.repeats.is_empty() {
        let mut c = String::new();
        if !r.copies.is_empty() {
            c.push_str("<h3>Possible copying</h3><ul>");
            for g in &r.copies {
                c.push_str(&format!(
                    "<li><span class=\"flag\">{} decision logs</span>: {}</li>",
                    g.kind(),
                    g.who(html)
                ));
            }
            c.push_str("</ul>");
        }
        if !r.repeats.is_empty() {
            c.push_str("<h3>Several saves of one player</h3><ul>");
            for (p, files) in &r.repeats {
                let f: Vec<String> = files.iter().map(|f| html(f)).collect();
                c.push_str(&format!("<li>{}: {}</li>", html(p), f.join(", ")));
            }
            c.push_str("</ul>");
        }
        sections.push(section("flags", "Flags", &c));
    }
    page(&title, &sub, &sections)
}

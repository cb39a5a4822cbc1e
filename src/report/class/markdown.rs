//! The class report as Markdown that renders on a code forge: tables for
//! everything, and the KPI charts as SVG files to write beside it. Every
//! text from a save or a scenario through [`escape::markdown`].

use super::ClassReport;
use super::charts::kpi_charts;
use super::table::{LEVERS, cause_rows, headline, leaderboard, lever_rows, set_aside};
use crate::analysis::BEST_NOTE;
use crate::report::escape::markdown as md;
use crate::report::{fixed, svg};

fn table(o: &mut String, headers: &[String], rows: &[Vec<String>]) {
    o.push('|');
    for h in headers {
        o.push_str(&format!(" {} |", md(h)));
    }
    o.push_str("\n|");
    o.push_str(&"---|".repeat(headers.len()));
    o.push('\n');
    for row in rows {
        o.push('|');
        for c in row {
            o.push_str(&format!(" {c} |"));
        }
        o.push('\n');
    }
    o.push('\n');
}

/// The report as Markdown, and the chart files it links to (with
/// `svg_stem`, each KPI chart is `{svg_stem}-{n}.svg` beside it).
pub fn render_markdown(r: &ClassReport, svg_stem: Option<&str>) -> (String, Vec<(String, String)>) {
    let mut o = String::new();
    let mut files = Vec::new();
    let (title, sub) = headline(r);
    o.push_str(&format!("# {}\n\n{}\n\n", md(&title), md(&sub)));
    o.push_str("## Leaderboard\n\n");
    if let Some(s) = &r.scenario {
        o.push_str(&format!("{}\n\n", md(&s.rules.scoring.formula())));
    }
    let (headers, rows) = leaderboard(r);
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.rendered(md, 1, |v| format!("*{v}*")))
        .collect();
    table(&mut o, &headers, &rows);
    o.push_str(&format!("{}\n\n", md(BEST_NOTE)));
    let aside = set_aside(r);
    if !aside.is_empty() {
        o.push_str("## Set aside (not ranked)\n\n");
        let rows: Vec<Vec<String>> = aside
            .iter()
            .map(|a| a.iter().map(|c| md(c)).collect())
            .collect();
        let h = ["file", "player", "status", "why"].map(String::from);
        table(&mut o, &h, &rows);
    }
    if let Some(d) = &r.distribution {
        o.push_str(&format!(
            "## The class\n\n{}\n\n",
            d.summary("ranked scores")
        ));
        let rows: Vec<Vec<String>> = d
            .bins
            .iter()
            .map(|(e, n)| vec![fixed(*e, 1), n.to_string()])
            .collect();
        table(&mut o, &["score from".into(), "players".into()], &rows);
        let (charts, _) = kpi_charts(r);
        for (n, c) in charts.iter().enumerate() {
            o.push_str(&format!("### {}\n\n", c.title));
            if let Some(stem) = svg_stem {
                let name = format!("{stem}-{}.svg", n + 1);
                o.push_str(&format!("![{}]({name})\n\n", c.title));
                files.push((name, svg::render(c)));
            }
            // The final values: the class's quartiles beside the benchmarks.
            let mut last: Vec<f64> = c
                .series
                .iter()
                .filter(|s| s.look == svg::Look::Faint)
                .filter_map(|s| s.values.last().copied())
                .collect();
            last.sort_by(f64::total_cmp);
            let q = |p: f64| {
                last.get(((last.len().saturating_sub(1)) as f64 * p).round() as usize)
                    .map_or(String::new(), |v| fixed(*v, 1))
            };
            let mut rows = vec![vec![
                "class (min / median / max)".to_string(),
                format!("{} / {} / {}", q(0.0), q(0.5), q(1.0)),
            ]];
            for s in c.series.iter().filter(|s| s.look != svg::Look::Faint) {
                rows.push(vec![
                    md(&s.name),
                    s.values.last().map_or(String::new(), |v| fixed(*v, 1)),
                ]);
            }
            table(&mut o, &["".into(), "at the end".into()], &rows);
        }
    }
    if let Some(w) = &r.why {
        o.push_str(&format!(
            "## Why results differed\n\nThe top {} (mean score {}) against the bottom {} (mean {}).\n\n### Money per lever per year (top / bottom)\n\n",
            w.group,
            fixed(w.mean_top, 1),
            w.group,
            fixed(w.mean_bottom, 1)
        ));
        let mut h = vec!["year".to_string()];
        h.extend(LEVERS.map(String::from));
        table(&mut o, &h, &lever_rows(w));
        if !w.initiatives.is_empty() {
            o.push_str("### Initiatives started per player\n\n");
            let rows: Vec<Vec<String>> = w
                .initiatives
                .iter()
                .map(|(n, a, b)| vec![md(n), fixed(*a, 2), fixed(*b, 2)])
                .collect();
            table(
                &mut o,
                &["initiative", "top", "bottom"].map(String::from),
                &rows,
            );
        }
        if !w.answers.is_empty() {
            o.push_str("### Dilemma answers and their average outcomes\n\n");
            let rows: Vec<Vec<String>> = w
                .answers
                .iter()
                .map(|a| {
                    vec![
                        md(&a.answer),
                        a.top.to_string(),
                        a.bottom.to_string(),
                        a.all.to_string(),
                        fixed(a.mean_score, 1),
                    ]
                })
                .collect();
            table(
                &mut o,
                &["answer", "top", "bottom", "everyone", "their mean score"].map(String::from),
                &rows,
            );
        }
        o.push_str("### Ledger causes whose sums differed most\n\n");
        let rows: Vec<Vec<String>> = cause_rows(w)
            .iter()
            .map(|r| {
                vec![
                    md(&r[0]),
                    md(&r[1]),
                    r[2].clone(),
                    r[3].clone(),
                    r[4].clone(),
                ]
            })
            .collect();
        table(
            &mut o,
            &[
                "figure",
                "cause",
                "top (mean)",
                "bottom (mean)",
                "difference",
            ]
            .map(String::from),
            &rows,
        );
    } else {
        o.push_str(&format!("{}\n\n", md(super::TOO_FEW_FOR_WHY)));
    }
    if !r.copies.is_empty() {
        o.push_str("## Possible copying\n\n");
        for g in &r.copies {
            o.push_str(&format!(
                "- **{} decision logs**: {}\n",
                g.kind(),
                g.who(md)
            ));
        }
        o.push('\n');
    }
    if !r.repeats.is_empty() {
        o.push_str("## Several saves of one player\n\n");
        for (p, files) in &r.repeats {
            let f: Vec<String> = files.iter().map(|f| md(f)).collect();
            o.push_str(&format!("- {}: {}\n", md(p), f.join(", ")));
        }
    }
    (o, files)
}

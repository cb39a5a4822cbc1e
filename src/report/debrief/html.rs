//! The debrief as one self-contained HTML page (see [`crate::report::page`]):
//! every text from the save or the scenario through [`escape::html`].

use super::{DECISION_HEADERS, Debrief, reason_texts};
use crate::report::escape::html;
use crate::report::page::{page, section, table};
use crate::report::{fixed, svg};

/// The debrief as an HTML page.
pub fn render_html(d: &Debrief<'_>) -> String {
    let mut sections = Vec::new();
    let mut score = format!("<p>{}</p>", html(&d.outcome()));
    if let Some(s) = &d.score {
        let r = s.rounded(1);
        score.push_str(&format!("<p class=\"note\">{}</p>", html(&s.formula)));
        let mut rows: Vec<Vec<String>> = s
            .terms
            .iter()
            .zip(&r.points)
            .map(|(t, p)| {
                vec![
                    html(t.label),
                    t.weight.to_string(),
                    fixed(t.value, 1),
                    fixed(*p, 1),
                ]
            })
            .collect();
        if r.penalty != 0.0 {
            rows.push(vec![
                "the game ended early".into(),
                String::new(),
                String::new(),
                fixed(-r.penalty, 1),
            ]);
        }
        rows.push(vec![
            "total:score".into(),
            String::new(),
            String::new(),
            fixed(r.total, 1),
        ]);
        score.push_str(&table(
            &["figure", "weight", "value", "points"],
            &[false, true, true, true],
            &rows,
        ));
    }
    sections.push(section("score", "Final score", &score));
    let charts: String = d
        .charts()
        .iter()
        .map(svg::render)
        .collect::<Vec<_>>()
        .join("\n");
    sections.push(section(
        "charts",
        "Charts",
        &format!(
            "<p class=\"note\">Every quarter, your line beside the others on the same seed.</p><div class=\"charts\">{charts}</div>"
        ),
    ));
    let mut story = String::from("<ul class=\"story\">");
    for m in &d.story {
        story.push_str(&format!(
            "<li><b>Q{}</b> <span class=\"tag\">{}</span>{}",
            m.quarter,
            m.kind.tag(),
            html(&m.title)
        ));
        let reasons = reason_texts(m);
        if !reasons.is_empty() {
            let r: Vec<String> = reasons.iter().map(|r| html(r)).collect();
            story.push_str(&format!(
                "<br/><span class=\"note\">{}</span>",
                r.join(" · ")
            ));
        }
        story.push_str("</li>");
    }
    story.push_str("</ul>");
    sections.push(section("story", "The story", &story));
    let lessons: String = d
        .lesson_lines()
        .iter()
        .map(|l| format!("<li>{}</li>", html(l)))
        .collect();
    sections.push(section(
        "lessons",
        "Lessons",
        &format!("<ul>{lessons}</ul>"),
    ));
    let rows: Vec<Vec<String>> = d
        .decision_rows()
        .into_iter()
        .map(|r| r.iter().map(|c| html(c)).collect())
        .collect();
    sections.push(section(
        "decisions",
        "Decisions, quarter by quarter",
        &table(
            &DECISION_HEADERS,
            &[true, true, true, true, true, false, false],
            &rows,
        ),
    ));
    page(
        &format!("Debrief — {}", d.player),
        &format!("{} ({}), seed {}", d.scenario.title, d.scenario.id, d.seed),
        &sections,
    )
}

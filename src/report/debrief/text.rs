//! The debrief as terminal text: every text from the save or the scenario
//! through [`escape::terminal`], charts as sparklines on one scale per
//! figure.

use super::{DECISION_HEADERS, Debrief, FIGURES, reason_texts};
use crate::report::escape::terminal;
use crate::report::fixed;

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// One line's sparkline on the scale `lo..=hi`.
pub fn spark(values: &[f64], lo: f64, hi: f64) -> String {
    values
        .iter()
        .map(|v| {
            if !v.is_finite() {
                return ' ';
            }
            let t = if hi - lo < 1e-9 {
                0.5
            } else {
                (v - lo) / (hi - lo)
            };
            BARS[((t * 7.0).round().clamp(0.0, 7.0)) as usize]
        })
        .collect()
}

/// The debrief for a terminal.
pub fn render_text(d: &Debrief<'_>) -> String {
    let mut o = String::new();
    o.push_str(&format!(
        "Debrief — {} · {} ({}), seed {}\n",
        terminal(d.player),
        terminal(&d.scenario.title),
        terminal(&d.scenario.id),
        d.seed
    ));
    o.push_str(&format!("Outcome: {}\n\n", d.outcome()));
    if let Some(s) = &d.score {
        let r = s.rounded(1);
        o.push_str(&format!("Final score {}\n", fixed(r.total, 1)));
        o.push_str(&format!("  {}\n", terminal(&s.formula)));
        for (t, p) in s.terms.iter().zip(&r.points) {
            o.push_str(&format!(
                "  {:>9} = {} × {} {}\n",
                fixed(*p, 1),
                t.weight,
                fixed(t.value, if t.value.abs() >= 1000.0 { 0 } else { 1 }),
                t.label
            ));
        }
        if r.penalty != 0.0 {
            o.push_str(&format!(
                "  {:>9}   the game ended early\n",
                fixed(-r.penalty, 1)
            ));
        }
        o.push_str(&format!("  {:>9}   total\n", fixed(r.total, 1)));
    }
    o.push_str("\nCharts, quarter 0 to the end (one scale per figure; the last value after it)\n");
    for f in &FIGURES {
        let lines = d.lines(f);
        let all = lines
            .iter()
            .flat_map(|l| l.1.iter().copied())
            .filter(|v| v.is_finite());
        let (lo, hi) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        });
        o.push_str(&format!("  {}\n", f.title));
        for (name, values) in &lines {
            let name: String = terminal(name).chars().take(14).collect();
            o.push_str(&format!(
                "    {name:<14} {} {}\n",
                spark(values, lo, hi),
                values
                    .last()
                    .map_or(String::new(), |v| fixed(*v, f.decimals))
            ));
        }
        if f.title == "Cumulative profit"
            && let Some(q) = d.lessons.break_even
        {
            o.push_str(&format!("    break-even with doing nothing in Q{q}\n"));
        }
    }
    o.push_str("\nThe story\n");
    for m in &d.story {
        o.push_str(&format!(
            "  Q{:<3} {:<15} {}\n",
            m.quarter,
            m.kind.tag(),
            terminal(&m.title)
        ));
        for r in reason_texts(m) {
            o.push_str(&format!("         {}\n", terminal(&r)));
        }
    }
    o.push_str("\nLessons\n");
    for l in d.lesson_lines() {
        o.push_str(&format!("  - {}\n", terminal(&l)));
    }
    o.push_str("\nDecisions\n");
    o.push_str(&format!(
        "  {:>3} {:>7} {:>7} {:>7} {:>9}  {}\n",
        DECISION_HEADERS[0],
        DECISION_HEADERS[1],
        DECISION_HEADERS[2],
        DECISION_HEADERS[3],
        DECISION_HEADERS[4],
        "initiatives; answers"
    ));
    for row in d.decision_rows() {
        let extra: Vec<&str> = [row[5].as_str(), row[6].as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        o.push_str(&format!(
            "  {:>3} {:>7} {:>7} {:>7} {:>9}  {}\n",
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            terminal(&extra.join("; "))
        ));
    }
    o
}

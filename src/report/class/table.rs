//! The class report for a terminal (aligned text, every text from a save
//! or scenario through [`escape::terminal`]) and as CSV for a gradebook;
//! and the rows every format shares (leaderboard, set-aside list, why
//! results differed), as raw text that each renderer escapes its own way.

use super::{ClassReport, Status, differ::Why};
use crate::analysis::BEST_NOTE;
use crate::report::escape::{csv, terminal};
use crate::report::{fixed, signed};

/// A table's cell: text from a save or scenario (to escape) or a number.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Num(String),
}

impl Cell {
    pub fn raw(&self) -> &str {
        match self {
            Cell::Text(s) | Cell::Num(s) => s,
        }
    }
}

/// A leaderboard row; `bench` for the benchmark rows.
pub struct BoardRow {
    pub bench: bool,
    pub cells: Vec<Cell>,
}

impl BoardRow {
    /// The row's cells for a page or a file: text through `escape`,
    /// numbers as they are, and on a benchmark row column `col` marked
    /// by `mark`.
    pub fn rendered(
        &self,
        escape: fn(&str) -> String,
        col: usize,
        mark: impl Fn(&str) -> String,
    ) -> Vec<String> {
        self.cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let v = match c {
                    Cell::Text(s) => escape(s),
                    Cell::Num(s) => s.clone(),
                };
                if i == col && self.bench { mark(&v) } else { v }
            })
            .collect()
    }
}

/// The leaderboard: headers, then the ranked rows and the benchmark rows.
pub fn leaderboard(r: &ClassReport) -> (Vec<String>, Vec<BoardRow>) {
    let mut headers = vec!["rank".to_string(), "player".into(), "score".into()];
    if let Some(s) = &r.scenario {
        for (kpi, w) in &s.rules.scoring.weights {
            headers.push(format!("{} × {}", w, kpi.label()));
        }
    }
    headers.push("penalty".into());
    let terms = |score: Option<&crate::analysis::ScoreBreakdown>| -> Vec<Cell> {
        let mut out = Vec::new();
        if let Some(s) = score {
            let rounded = s.rounded(1);
            out.push(Cell::Num(fixed(rounded.total, 1)));
            out.extend(rounded.points.iter().map(|p| Cell::Num(fixed(*p, 1))));
            out.push(Cell::Num(fixed(-rounded.penalty, 1)));
        }
        out
    };
    let mut rows: Vec<BoardRow> = r
        .ranked()
        .map(|(row, d)| {
            let mut cells = vec![
                Cell::Num(row.rank.unwrap_or(0).to_string()),
                Cell::Text(d.player.clone()),
            ];
            cells.extend(terms(d.score.as_ref()));
            BoardRow {
                bench: false,
                cells,
            }
        })
        .collect();
    if let (Some(b), Some(s)) = (&r.bench, &r.scenario) {
        let names = [
            "do nothing".to_string(),
            "balanced".into(),
            format!("best found: {}", b.best.name),
        ];
        for (name, bench) in names.into_iter().zip(b.all()) {
            let mut cells = vec![Cell::Num("—".into()), Cell::Text(name)];
            let score = bench
                .history
                .last()
                .map(|last| crate::analysis::score_breakdown(&s.rules, last));
            cells.extend(terms(score.as_ref()));
            rows.push(BoardRow { bench: true, cells });
        }
    }
    (headers, rows)
}

/// The saves not ranked: file, player, status, reason.
pub fn set_aside(r: &ClassReport) -> Vec<[String; 4]> {
    r.rows
        .iter()
        .filter(|row| row.status != Status::Genuine)
        .map(|row| {
            [
                row.file.clone(),
                row.player.clone(),
                row.status.label(),
                row.reason.clone(),
            ]
        })
        .collect()
}

/// The first lines: what the class is and how many saves are ranked.
pub fn headline(r: &ClassReport) -> (String, String) {
    let title = match &r.scenario {
        Some(s) => format!("Class report — {} ({})", s.title, s.id),
        None => "Class report".to_string(),
    };
    let ranked = r.ranked().count();
    let seed = match (r.seed, &r.bench) {
        (Some(s), _) => format!("seed {s}"),
        (None, Some(b)) => format!(
            "saves on several seeds; benchmarks on the scenario's seed {}",
            b.seed
        ),
        (None, None) => "no save could be replayed".into(),
    };
    (
        title,
        format!(
            "{seed} · {} files: {ranked} ranked, {} set aside",
            r.rows.len(),
            r.rows.len() - ranked
        ),
    )
}

/// Lever names in the order of [`super::Digest::levers_by_year`].
pub const LEVERS: [&str; 4] = ["vision", "insight", "skills", "marketing"];

/// Money per lever per year: year, then top and bottom for each lever.
pub fn lever_rows(w: &Why) -> Vec<Vec<String>> {
    w.levers_top
        .iter()
        .zip(&w.levers_bottom)
        .enumerate()
        .map(|(y, (t, b))| {
            let mut row = vec![(y + 1).to_string()];
            for i in 0..4 {
                row.push(format!("{} / {}", fixed(t[i], 0), fixed(b[i], 0)));
            }
            row
        })
        .collect()
}

/// The ledger causes that differed, as raw cells: figure, cause, top,
/// bottom, difference.
pub fn cause_rows(w: &Why) -> Vec<[String; 5]> {
    w.causes
        .iter()
        .map(|c| {
            let d = if c.mean_a.abs().max(c.mean_b.abs()) >= 100.0 {
                0
            } else {
                1
            };
            [
                c.stock.label().to_string(),
                c.cause.clone(),
                fixed(c.mean_a, d),
                fixed(c.mean_b, d),
                signed(c.difference, d),
            ]
        })
        .collect()
}

/// The class report as aligned terminal text.
pub fn render_table(r: &ClassReport) -> String {
    let t = terminal;
    let mut o = String::new();
    let (title, sub) = headline(r);
    o.push_str(&format!("{}\n{}\n", t(&title), t(&sub)));
    if let Some(s) = &r.scenario {
        o.push_str(&format!("{}\n", t(&s.rules.scoring.formula())));
    }
    let (headers, rows) = leaderboard(r);
    o.push_str("\nLeaderboard\n");
    let width = |i: usize| {
        if i == 1 {
            22
        } else {
            headers[i].chars().count().max(7)
        }
    };
    let mut line = String::new();
    for (i, h) in headers.iter().enumerate() {
        line.push_str(&if i == 1 {
            format!("{:<w$} ", t(h), w = width(i))
        } else {
            format!("{:>w$} ", t(h), w = width(i))
        });
    }
    o.push_str(&format!("{}\n", line.trim_end()));
    for row in &rows {
        let mut line = String::new();
        for (i, c) in row.cells.iter().enumerate() {
            let text: String = t(c.raw()).chars().take(width(i)).collect();
            line.push_str(&if i == 1 {
                format!("{text:<w$} ", w = width(i))
            } else {
                format!("{text:>w$} ", w = width(i))
            });
        }
        o.push_str(&format!("{}\n", line.trim_end()));
    }
    o.push_str(&format!("({})\n", BEST_NOTE));
    let aside = set_aside(r);
    if !aside.is_empty() {
        o.push_str("\nSet aside (not ranked)\n");
        for [file, player, status, reason] in aside {
            o.push_str(&format!(
                "  {} · {} · {}: {}\n",
                t(&file),
                t(&player),
                status,
                t(&reason)
            ));
        }
    }
    if let Some(d) = &r.distribution {
        o.push_str(&format!("\nDistribution of {}\n", d.summary("scores")));
        let most = d.bins.iter().map(|b| b.1).max().unwrap_or(1).max(1);
        for (edge, n) in &d.bins {
            o.push_str(&format!(
                "  {:>9}  {:<40} {n}\n",
                fixed(*edge, 1),
                "█".repeat(n * 40 / most)
            ));
        }
    }
    if let Some(w) = &r.why {
        o.push_str(&format!(
            "\nWhy results differed: the top {} (mean score {}) against the bottom {} (mean {})\n",
            w.group,
            fixed(w.mean_top, 1),
            w.group,
            fixed(w.mean_bottom, 1)
        ));
        o.push_str("  Money per lever per year (top / bottom):\n    year");
        for l in LEVERS {
            o.push_str(&format!(" {l:>13}"));
        }
        o.push('\n');
        for row in lever_rows(w) {
            o.push_str(&format!("    {:>4}", row[0]));
            for c in &row[1..] {
                o.push_str(&format!(" {c:>13}"));
            }
            o.push('\n');
        }
        if !w.initiatives.is_empty() {
            o.push_str("  Initiatives started per player (top / bottom):\n");
            for (name, a, b) in &w.initiatives {
                o.push_str(&format!(
                    "    {}: {} / {}\n",
                    t(name),
                    fixed(*a, 2),
                    fixed(*b, 2)
                ));
            }
        }
        if !w.answers.is_empty() {
            o.push_str(
                "  Dilemma answers (top / bottom chose it; everyone who did: mean score):\n",
            );
            for a in &w.answers {
                o.push_str(&format!(
                    "    {}: {} / {}; {} players, mean {}\n",
                    t(&a.answer),
                    a.top,
                    a.bottom,
                    a.all,
                    fixed(a.mean_score, 1)
                ));
            }
        }
        o.push_str("  Ledger causes whose sums differed most (top / bottom, difference):\n");
        for [fig, cause, a, b, d] in cause_rows(w) {
            o.push_str(&format!("    {fig}: {} {a} / {b} ({d})\n", t(&cause)));
        }
    } else {
        o.push_str(&format!("\n{}\n", super::TOO_FEW_FOR_WHY));
    }
    if !r.copies.is_empty() {
        o.push_str("\nPossible copying\n");
        for c in &r.copies {
            o.push_str(&format!("  {} decision logs: {}\n", c.kind(), c.who(t)));
        }
    }
    if !r.repeats.is_empty() {
        o.push_str("\nSeveral saves of one player\n");
        for (p, files) in &r.repeats {
            let files: Vec<String> = files.iter().map(|f| t(f)).collect();
            o.push_str(&format!("  {}: {}\n", t(p), files.join(", ")));
        }
    }
    o
}

/// CSV for a gradebook: player, rank, score, status, file — every file,
/// ranked ones first.
pub fn render_csv(r: &ClassReport) -> String {
    let mut o = String::from("player,rank,score,status,file\n");
    for row in &r.rows {
        let score = row
            .digest
            .and_then(|i| r.digests.get(i))
            .filter(|_| row.rank.is_some())
            .map_or(String::new(), |d| fixed(d.total(), 1));
        o.push_str(&format!(
            "{},{},{},{},{}\n",
            csv(&row.player),
            row.rank.map_or(String::new(), |n| n.to_string()),
            score,
            csv(&row.status.label()),
            csv(&row.file)
        ));
    }
    o
}

//! The HTML page around a debrief or a class report: one self-contained
//! file — inline CSS, inline SVG, no script, nothing fetched — readable on
//! a phone (one column, tables that scroll sideways) and printable on A4
//! (each section starts a new page).

use super::escape::html;

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 62rem; padding: 0.8rem; color: #1c1c1c; background: #fff; line-height: 1.4; }
h1 { font-size: 1.5rem; margin: 0.4rem 0; }
h2 { font-size: 1.2rem; border-bottom: 2px solid #1d4f91; padding-bottom: 0.2rem; margin-top: 1.6rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
p.sub, .note { color: #555; font-size: 0.9rem; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.4rem 0; }
th, td { border: 1px solid #d4d4d4; padding: 0.2rem 0.45rem; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #eef2f7; }
tr.bench td { background: #f7f3e8; font-style: italic; }
tr.total td { font-weight: bold; border-top: 2px solid #888; }
.bad { color: #a3261b; }
.good { color: #1b6b35; }
.flag { color: #8a4b00; font-weight: bold; }
svg.chart { width: 100%; height: auto; max-width: 40rem; display: block; margin: 0.3rem 0 0.8rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(27rem, 1fr)); gap: 0.4rem 1rem; }
ul.story li { margin-bottom: 0.35rem; }
.tag { display: inline-block; font-size: 0.75rem; background: #eef2f7; border-radius: 0.3rem; padding: 0 0.3rem; margin-right: 0.3rem; }
@media print {
  @page { size: A4; margin: 14mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  section { break-before: page; }
  section:first-of-type { break-before: auto; }
  tr, svg.chart, li { break-inside: avoid; }
  .scroll { overflow: visible; }
}
"#;

/// A whole page: `title` is escaped here; `sections` are HTML already
/// built (each a `<section>`) with their own texts escaped.
pub fn page(title: &str, subtitle: &str, sections: &[String]) -> String {
    let mut out = String::with_capacity(sections.iter().map(String::len).sum::<usize>() + 4096);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    out.push_str(&format!("<title>{}</title>\n", html(title)));
    out.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));
    out.push_str(&format!(
        "<header><h1>{}</h1><p class=\"sub\">{}</p></header>\n",
        html(title),
        html(subtitle)
    ));
    for s in sections {
        out.push_str(s);
        out.push('\n');
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// A section with a heading (escaped) and HTML content.
pub fn section(id: &str, heading: &str, content: &str) -> String {
    format!(
        "<section id=\"{}\">\n<h2>{}</h2>\n{content}\n</section>",
        html(id),
        html(heading)
    )
}

/// A table: headers (escaped), rows of cells already escaped, numeric
/// columns right-aligned; a row whose first cell starts with `bench:` or
/// `total:` is styled as such (the marker is dropped).
pub fn table(headers: &[&str], numeric: &[bool], rows: &[Vec<String>]) -> String {
    let mut out = String::from("<div class=\"scroll\"><table>\n<thead><tr>");
    for (i, h) in headers.iter().enumerate() {
        let class = if numeric.get(i).copied().unwrap_or(false) {
            " class=\"n\""
        } else {
            ""
        };
        out.push_str(&format!("<th{class}>{}</th>", html(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        let (class, first) = match row.first().map(String::as_str) {
            Some(f) if f.starts_with("bench:") => (" class=\"bench\"", 6),
            Some(f) if f.starts_with("total:") => (" class=\"total\"", 6),
            _ => ("", 0),
        };
        out.push_str(&format!("<tr{class}>"));
        for (i, cell) in row.iter().enumerate() {
            let cell = if i == 0 {
                &cell[first..]
            } else {
                cell.as_str()
            };
            let c = if numeric.get(i).copied().unwrap_or(false) {
                " class=\"n\""
            } else {
                ""
            };
            out.push_str(&format!("<td{c}>{cell}</td>"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>");
    out
}

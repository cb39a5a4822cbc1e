//! The class report and a debrief as pages: HTML parsed and checked
//! well-formed, hostile names and file names escaped in HTML, Markdown and
//! the terminal, and the page rendered by headless Chromium (skipped,
//! loudly, only when Chromium is not installed; CI installs it).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod class_support;

use class_support::{class, scratch};
use culturesim::command::class::build;
use culturesim::report::class::{self as report, ClassReport};
use culturesim::report::debrief::{self, Against};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::path::Path;
use std::process::Command;

fn built(name: &str) -> (ClassReport, std::path::PathBuf) {
    let dir = scratch(name);
    class(&dir);
    (
        build(std::slice::from_ref(&dir), None, Some(2)).unwrap(),
        dir,
    )
}

/// Parses `html` as XML (the pages are written as polyglot XHTML): every
/// element closed, properly nested, attributes quoted, entities known.
/// Returns the names of the elements seen.
fn well_formed(html: &str) -> Vec<String> {
    let mut reader = Reader::from_str(html);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<String> = Vec::new();
    let mut seen = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                for a in e.attributes() {
                    a.unwrap();
                }
                seen.push(name.clone());
                stack.push(name);
            }
            Ok(Event::Empty(e)) => {
                seen.push(String::from_utf8(e.name().as_ref().to_vec()).unwrap())
            }
            Ok(Event::End(_)) => {
                stack.pop().unwrap();
            }
            Ok(Event::Text(t)) => {
                let raw = String::from_utf8(t.to_vec()).unwrap();
                assert!(!raw.contains('<'), "raw < in text: {raw}");
                quick_xml::escape::unescape(&raw).unwrap();
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}", reader.buffer_position()),
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    seen
}

fn no_markup_from_the_save(page: &str) {
    assert!(!page.contains("<script"), "a script element");
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;Q&quot;"));
    assert!(!page.chars().any(|c| c.is_control() && c != '\n'));
}

#[test]
fn the_class_page_is_well_formed_and_escapes_what_players_wrote() {
    let (r, _) = built("html");
    let page = report::render_html(&r);
    let elements = well_formed(&page);
    assert!(
        !elements
            .iter()
            .any(|e| e == "script" || e == "link" || e == "img")
    );
    assert_eq!(
        elements.iter().filter(|e| *e == "svg").count(),
        4,
        "one chart per KPI"
    );
    assert!(elements.iter().filter(|e| *e == "section").count() >= 4);
    no_markup_from_the_save(&page);
    // Nothing is fetched: no URL but the SVG namespace.
    assert_eq!(
        page.matches("http").count(),
        page.matches("http://www.w3.org/2000/svg").count()
    );
    assert!(page.contains("@page { size: A4") && page.contains("break-before: page"));
    assert!(page.contains("name=\"viewport\""));
}

#[test]
fn a_debrief_page_is_well_formed() {
    let s = class_support::electronics();
    let game = class_support::played(&s, "sequenced", s.seed);
    let d = debrief::build(
        &s,
        "<b>Ben</b> & \"co\"",
        s.seed,
        game.history(),
        Against::Both,
    );
    let page = debrief::render_html(&d);
    let elements = well_formed(&page);
    assert_eq!(elements.iter().filter(|e| *e == "svg").count(), 10);
    assert!(page.contains("&lt;b&gt;Ben&lt;/b&gt; &amp; &quot;co&quot;"));
    assert!(!page.contains("<b>Ben"));
    assert!(page.contains("break-even Q"));
}

#[test]
fn markdown_and_the_terminal_escape_names_and_file_names() {
    let (r, _) = built("md");
    let (md, files) = report::render_markdown(&r, Some("class"));
    assert_eq!(files.len(), 4);
    for (_, svg) in &files {
        well_formed(svg);
    }
    assert!(!md.contains("<script"));
    assert!(md.contains("&lt;script&gt;alert\\(&#39;x&#39;\\)&lt;/script&gt; &quot;Q&quot; =1\\+1 \\|\\*\\_\\[x\\]\\(y\\)"));
    assert!(!md.chars().any(|c| c.is_control() && c != '\n'));
    // Every table row keeps its column count: no pipe from a name splits it.
    for table in md.split("\n\n").filter(|b| b.starts_with('|')) {
        let cols = |l: &str| l.replace("\\|", "").matches('|').count();
        let first = cols(table.lines().next().unwrap());
        assert!(table.lines().all(|l| cols(l) == first), "{table}");
    }
    let text = report::render_table(&r);
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
    assert!(
        text.contains("Zed\\u{1b}[31m\\u{7}.toml"),
        "the file name, its controls made visible"
    );
}

/// Chromium, if installed.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

fn headless(browser: &str, profile: &Path, args: &[&str]) -> std::process::Output {
    let out = Command::new("timeout")
        .arg("120")
        .arg(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{browser} {args:?}: {out:?}");
    out
}

#[test]
fn chromium_renders_the_class_page() {
    let Some(browser) = chromium() else {
        eprintln!(
            "\n\n!!! SKIPPED chromium_renders_the_class_page: chromium is not installed (apt-get install chromium) !!!\n"
        );
        return;
    };
    let (r, dir) = built("chromium");
    let page = dir.join("class.html");
    std::fs::write(&page, report::render_html(&r)).unwrap();
    let url = format!("file://{}", page.display());
    let profile = dir.join("profile");
    let shot = dir.join("shot.png");
    headless(
        browser,
        &profile,
        &[
            "--window-size=900,1400",
            &format!("--screenshot={}", shot.display()),
            &url,
        ],
    );
    let bytes = std::fs::read(&shot).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let pixels = &buf[..info.buffer_size()];
    let channels = info.color_type.samples();
    let inked = pixels
        .chunks(channels)
        .filter(|p| p.iter().take(3).any(|c| *c < 200))
        .count();
    let total = pixels.len() / channels;
    assert!(
        inked * 100 > total,
        "only {inked} of {total} pixels are not white: a blank page"
    );
    let dom = headless(browser, &profile, &["--dump-dom", &url]);
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(dom.contains("Leaderboard") && dom.contains("Why results differed"));
    assert!(dom.contains("Ada") && dom.contains("edited from quarter 5"));
    assert!(
        dom.contains("&lt;script&gt;alert('x')&lt;/script&gt;"),
        "the name is text, not a script"
    );
    assert!(!dom.contains("<script"));
}

#[test]
fn a_debrief_escapes_a_name_with_control_characters_in_every_format() {
    // Saves refuse such names; the renderers must not rely on that.
    let s = class_support::electronics();
    let game = class_support::played(&s, "balanced", s.seed);
    let name = "\u{1b}]0;owned\u{7}<script>x</script>|*";
    let d = debrief::build(&s, name, s.seed, game.history(), Against::Both);
    let control = |t: &str| t.chars().any(|c| c.is_control() && c != '\n');
    let text = debrief::render_text(&d);
    assert!(!control(&text) && text.contains("\\u{1b}]0;owned\\u{7}<script>"));
    let (md, _) = debrief::render_markdown(&d, None);
    assert!(
        !control(&md)
            && !md.contains("<script>")
            && md.contains("&lt;script&gt;x&lt;/script&gt;\\|\\*")
    );
    let html = debrief::render_html(&d);
    assert!(!control(&html) && !html.contains("<script>"));
    well_formed(&html);
}

//! Hostile sizes: checking is linear in the file (past 50 problems the rest
//! are counted, or checking stops early and says so), echoed keys and
//! numbers are cut, and a file over the limit is told its real size. The
//! time itself is measured in `benches/check.rs`, not asserted here.

#![allow(clippy::expect_used)] // test helpers: a failure here is a failed test

use culturesim::diag::MAX_KEPT;
use culturesim::scenario::{Error, load_file, parse};

fn refused(bytes: &[u8]) -> (String, usize) {
    match parse(bytes, "h.toml", "h.toml") {
        Ok(_) => ("loaded".into(), 0),
        Err(e) => (e.to_string(), e.problems().len()),
    }
}

#[test]
fn a_megabyte_line_of_syntax_errors_keeps_fifty_and_says_it_stopped() {
    let (text, kept) = refused("=".repeat((1 << 20) - 16).as_bytes());
    assert_eq!(kept, MAX_KEPT);
    assert!(
        text.contains("\nh.toml: at least ") && text.ends_with(" errors"),
        "{}",
        &text[text.len() - 200..]
    );
    assert!(text.contains("checking stopped early"));
    // Every source line shown is a window, not the megabyte line.
    assert!(text.len() < 60_000, "{} bytes of message", text.len());
}

#[test]
fn a_megabyte_of_empty_assignments_is_refused_the_same_way() {
    let (text, kept) = refused("=\n".repeat(1 << 19).as_bytes());
    assert_eq!(kept, MAX_KEPT);
    assert!(text.contains("at least"), "{}", &text[text.len() - 200..]);
}

#[test]
fn unknown_keys_past_fifty_are_counted_exactly() {
    let body: String = (0..20_000).map(|i| format!("k{i} = 1\n")).collect();
    let (text, kept) = refused(body.as_bytes());
    assert_eq!(kept, MAX_KEPT);
    // 20,000 unknown keys and the 6 required keys missing.
    assert!(
        text.ends_with("h.toml: 20006 errors"),
        "{}",
        &text[text.len() - 200..]
    );
}

#[test]
fn huge_keys_and_numbers_are_echoed_short() {
    let key = "k".repeat(500_000);
    let nines = "9".repeat(309);
    let body = format!("{key} = 1\nquarters = {nines}\nbudget = {nines}.0\n");
    let (text, _) = refused(body.as_bytes());
    assert!(text.len() < 10_000, "{} bytes of message", text.len());
    assert!(text.contains("(500000 characters)"), "{text}");
    assert!(text.contains("(309 characters) is too large"), "{text}");
}

#[test]
fn a_file_over_the_limit_is_told_its_real_size() {
    let dir = std::env::temp_dir().join(format!("culturesim-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("big.toml");
    let mut body = b"id = \"big\"\nstory = \"".to_vec();
    body.resize(5_008_022, b'x');
    std::fs::write(&path, &body).expect("write");
    let e = load_file(&path).err();
    let _ = std::fs::remove_dir_all(&dir);
    let Some(e @ Error::Invalid { .. }) = e else {
        unreachable!("a 5 MB file must be refused: {e:?}");
    };
    let text = e.to_string();
    assert!(text.contains("the file is 5,008,022 bytes long"), "{text}");
    assert!(
        text.contains("line 2 (the value of \"story\") alone is over"),
        "{text}"
    );
}

#[test]
fn a_megabyte_of_misplaced_headers_is_reported_within_the_cap() {
    let body = "[expect]\n[[expect]]\n[[dilemma.choice]]\n[[dilemma]]\n".repeat(21_000);
    let (text, kept) = refused(&body.as_bytes()[..1 << 20]);
    // Checking stops after the first few kilobytes: what is kept is the
    // mistakes found there, each once.
    assert!((20..=MAX_KEPT).contains(&kept), "{kept}");
    assert!(
        text.contains("checking stopped early"),
        "{}",
        &text[text.len() - 300..]
    );
    assert!(
        text.contains("is written with single brackets"),
        "{}",
        &text[..400]
    );
}

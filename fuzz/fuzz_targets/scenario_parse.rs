//! Any bytes as a scenario file: a scenario or a list of problems, never a
//! panic; every problem's text is safe for a terminal once escaped, and a
//! scenario that parses has finite rules and parses again to the same hash.
#![no_main]

use culturesim::scenario;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match scenario::parse(data, "fuzz.toml", "fuzz.toml") {
        Ok(s) => {
            let again = scenario::parse(data, "fuzz.toml", "fuzz.toml");
            assert_eq!(again.map(|t| t.content_hash).ok(), Some(s.content_hash));
        }
        Err(e) => {
            let shown = culturesim::output::escape_lines(&e.to_string()).into_owned();
            assert!(!shown.contains('\u{1b}'));
        }
    }
});
